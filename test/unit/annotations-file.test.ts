/**
 * The annotations file on disk (src/node/annotationsFile.ts) and the CLI's
 * `--annotations`: atomic write keeping the mode, a broken file never
 * overwritten, bounded reads, the default file found from the first PATH, and the
 * built CLI on a copy of the seeds giving the corrected speaker and the verdict.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contextOf, emptyAnnotations, serializeAnnotations, withCorrection } from '../../src/core/annotations';
import {
  AnnotationsWriteError, annotationsPathIn, annotationsRoot, findAnnotationsFile, readAnnotationsFile, writeAnnotationsFile,
} from '../../src/node/annotationsFile';
import { checkContract } from '../contract/checkContract';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

describe('annotations file on disk', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annot-file-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes atomically into a new .sourcelens folder and reads back the same', () => {
    const file = annotationsPathIn(dir);
    assert.equal(readAnnotationsFile(file).kind, 'missing');
    const a = withCorrection(emptyAnnotations(), { kind: 'not-entity', path: 'a.txt', text: 'Back', before: '', after: ' to top' });
    writeAnnotationsFile(file, a);
    const r = readAnnotationsFile(file);
    assert.ok(r.kind === 'ok');
    assert.deepEqual(r.annotations, a);
    assert.equal(r.text, serializeAnnotations(a));
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['annotations.json']); // no temporary file left
    assert.equal(annotationsRoot(file), dir);
  });

  it('keeps the mode of the file it replaces', function () {
    if (process.platform === 'win32') this.skip();
    const file = annotationsPathIn(dir);
    writeAnnotationsFile(file, emptyAnnotations());
    fs.chmodSync(file, 0o600);
    writeAnnotationsFile(file, withCorrection(emptyAnnotations(), { kind: 'not-quote', path: 'a.txt', text: '“x”', before: '', after: '' }));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    fs.chmodSync(file, 0o664);
    writeAnnotationsFile(file, emptyAnnotations());
    assert.equal(fs.statSync(file).mode & 0o777, 0o664);
  });

  it('never overwrites a file that does not parse, and names its line', () => {
    const file = annotationsPathIn(dir);
    fs.mkdirSync(path.dirname(file));
    const broken = '{\n  "version": 1,\n  "corrections": [\n    { "kind": "not-quote", }\n  ]\n}\n';
    fs.writeFileSync(file, broken);
    const r = readAnnotationsFile(file);
    assert.ok(r.kind === 'broken');
    assert.equal(r.line, 4);
    assert.throws(() => writeAnnotationsFile(file, emptyAnnotations()), (e: Error) => e instanceof AnnotationsWriteError && /:4:/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
  });

  it('reads at most its bound and refuses what is not a regular file', () => {
    const file = annotationsPathIn(dir);
    fs.mkdirSync(file, { recursive: true }); // a folder where the file should be
    assert.equal(readAnnotationsFile(file).kind, 'unreadable');
    fs.rmdirSync(file);
    fs.writeFileSync(file, serializeAnnotations(emptyAnnotations()) + ' '.repeat(100));
    assert.equal(readAnnotationsFile(file, 64).kind, 'unreadable');
    assert.equal(readAnnotationsFile(file).kind, 'ok');
    fs.writeFileSync(file, Buffer.from([0x7b, 0xff, 0x7d]));
    assert.equal(readAnnotationsFile(file).kind, 'broken');
  });

  it('finds the default file from a folder, a file inside it, or a folder below', () => {
    const file = annotationsPathIn(dir);
    fs.mkdirSync(path.join(dir, 'news', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'news', 'a.txt'), 'x');
    assert.notEqual(findAnnotationsFile(path.join(dir, 'news')), file);
    writeAnnotationsFile(file, emptyAnnotations());
    for (const p of [dir, path.join(dir, 'news'), path.join(dir, 'news', 'a.txt'), path.join(dir, 'news', 'deep')]) assert.equal(findAnnotationsFile(p), file);
  });
});

describe('source-lens analyze --annotations', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annot-cli-'));
    fs.cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => spawnSync(process.execPath, [cli, 'analyze', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const read = (p: string) => fs.readFileSync(path.join(dir, p), 'utf8');

  /** Annotations naming the first attributed quote of 002 with another speaker, and a verdict on 004's first claim. */
  function corrections() {
    const plain = JSON.parse(run(['seeds']).stdout);
    const d2 = plain.documents.find((d: { path: string }) => d.path.includes('002_'));
    const d4 = plain.documents.find((d: { path: string }) => d.path.includes('004_'));
    const q = d2.quotes.find((x: { speaker: string | null }) => x.speaker === 'Sergey Lavrov');
    const c = d4.claims[0];
    let a = withCorrection(emptyAnnotations(), { kind: 'speaker', path: d2.path, text: q.text, ...contextOf(read(d2.path), q), speaker: 'Dmitry Peskov', speakerType: 'PERSON' });
    a = withCorrection(a, { kind: 'verdict', path: d4.path, text: c.text, ...contextOf(read(d4.path), c), verdict: 'false', note: 'the figure is from 2021' });
    return { a, q, c, d2: d2.path as string, d4: d4.path as string };
  }

  it('applies the default .sourcelens/annotations.json: corrected speaker and verdict in the JSON', () => {
    const { a, q, c, d2, d4 } = corrections();
    writeAnnotationsFile(annotationsPathIn(dir), a);
    const r = run(['seeds']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    const quote = out.documents.find((d: { path: string }) => d.path === d2).quotes.find((x: { start: number }) => x.start === q.start);
    assert.equal(quote.speaker, 'Dmitry Peskov');
    assert.deepEqual(quote.attribution, { step: 'reader', detail: 'set by the reader (annotations file)' });
    const claim = out.documents.find((d: { path: string }) => d.path === d4).claims.find((x: { start: number }) => x.start === c.start);
    assert.deepEqual(claim.verdict, { value: 'false', note: 'the figure is from 2021' });
    assert.deepEqual(checkContract(out, read), []);
  });

  it('takes an explicit --annotations FILE, reports orphans on stderr, and refuses a broken file naming its line', () => {
    const { a, d2 } = corrections();
    const elsewhere = path.join(dir, 'mine.json');
    fs.writeFileSync(elsewhere, serializeAnnotations(withCorrection(a, { kind: 'not-quote', path: d2, text: '“no such words”', before: '', after: '' })));
    const r = run(['--annotations', 'mine.json', 'seeds']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /mine\.json:\d+: orphaned, not applied: "Not a quote" on "“no such words”"/);
    assert.ok(r.stdout.includes('Dmitry Peskov'));
    fs.writeFileSync(elsewhere, '{\n  "version": 1,\n  "aliases": [ { "name": "A" } ]\n}\n');
    const bad = run(['--annotations', elsewhere, 'seeds']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /mine\.json:3: "of" must be a string/);
    assert.equal(bad.stdout, '');
    const missing = run(['--annotations', 'nope.json', 'seeds']);
    assert.equal(missing.status, 2);
  });

  it('gives Markdown front matter as the source without moving any offset', () => {
    const md = '---\ntitle: Talks\noutlet: Example Times\ndate: 2022-02-14\nurl: https://example.com/a\n---\n\nForeign Minister Sergey Lavrov said talks were “far from exhausted.” Russia has massed more than 130,000 troops.\n';
    fs.writeFileSync(path.join(dir, 'seeds', 'zz_front.md'), md);
    const r = run(['seeds']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const d = out.documents.find((x: { path: string }) => x.path.endsWith('zz_front.md'));
    assert.deepEqual(d.source, { outlet: 'Example Times', date: '2022-02-14', url: 'https://example.com/a' });
    assert.equal(d.length, md.length);
    assert.ok(d.quotes.some((q: { text: string }) => q.text === '“far from exhausted.”'));
    assert.deepEqual(checkContract(out, read), []);
  });
});
