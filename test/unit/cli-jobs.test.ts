/**
 * `--jobs N` (documents analysed in worker threads) and `--format jsonl`, run as a
 * user runs them (dist/cli.js): the same bytes for every N, files that cannot be
 * analysed skipped in the same order, and the lines of jsonl the same content as
 * the JSON.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeFound, analyzeFoundInWorkers, jsonLines, parseArgs } from '../../src/cli/main';
import { collect } from '../../src/cli/walk';
import { Progress } from '../../src/cli/progress';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/core/text/decode';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });

describe('CLI --jobs and --format jsonl', function () {
  this.timeout(180_000);
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-jobs-'));
    // The seeds, plus files skipped for different reasons between them, plus copies that link across documents.
    for (const f of fs.readdirSync(path.join(root, 'seeds'))) fs.copyFileSync(path.join(root, 'seeds', f), path.join(tmp, f));
    fs.writeFileSync(path.join(tmp, '001b_binary.txt'), Buffer.from([0x41, 0, 0x42]));
    fs.writeFileSync(path.join(tmp, '002b_latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    fs.writeFileSync(path.join(tmp, '003b_empty.txt'), '');
    fs.writeFileSync(path.join(tmp, '000b_copy.txt'), fs.readFileSync(path.join(root, 'seeds/004_7bdc0b2365966776.txt')));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints the same bytes for every number of threads, in JSON and in jsonl', () => {
    for (const format of ['json', 'jsonl']) {
      const outs = [1, 2, 3, 8].map(n => {
        const r = run(['analyze', '--format', format, '--jobs', String(n), tmp]);
        assert.equal(r.status, 0, r.stderr);
        return r;
      });
      for (const r of outs.slice(1)) {
        assert.equal(r.stdout, outs[0].stdout, `${format}: output differs between --jobs 1 and another N`);
        assert.equal(r.stderr, outs[0].stderr, `${format}: messages differ`);
      }
      assert.match(outs[0].stderr, /skipped .*001b_binary\.txt/);
    }
  });

  it('writes jsonl as the version line, one line per document in path order, then the skipped line', () => {
    const json = JSON.parse(run(['analyze', '--format', 'json', tmp]).stdout);
    const r = run(['analyze', '--format', 'jsonl', '--jobs', '2', tmp]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.deepEqual(JSON.parse(lines[0]), { version: 1 });
    const docs = lines.slice(1, -1).map(l => JSON.parse(l));
    assert.deepEqual(docs.map(d => d.path), [...docs.map(d => d.path)].sort(), 'path order');
    assert.deepEqual(docs, json.documents);
    assert.deepEqual(JSON.parse(lines[lines.length - 1]), { skipped: json.skipped });
    assert.ok(json.skipped.length >= 2);
    const out = path.join(tmp, '..', `${path.basename(tmp)}-out.jsonl`);
    try {
      assert.equal(run(['analyze', '--format', 'jsonl', '--out', out, tmp]).status, 0);
      assert.equal(fs.readFileSync(out, 'utf8'), r.stdout);
    } finally {
      fs.rmSync(out, { force: true });
    }
  });

  it('gives the same result in threads as in this thread, and the same error for an unreadable named file', async () => {
    const found = collect([tmp]);
    const serial = analyzeFound(found);
    const threaded = await analyzeFoundInWorkers(found, DEFAULT_MAX_FILE_SIZE, 3);
    assert.deepEqual(threaded, serial);
    assert.deepEqual([...jsonLines(threaded)], [...jsonLines(serial)]);
    const missing = path.join(tmp, 'gone.txt');
    fs.writeFileSync(missing, 'A short text.\n');
    const named = collect([path.join(tmp, '000_6f759d22c02cc351.txt'), missing]);
    fs.rmSync(missing);
    await assert.rejects(analyzeFoundInWorkers(named, DEFAULT_MAX_FILE_SIZE, 2), /cannot read .*gone\.txt/);
    assert.throws(() => analyzeFound(named), /cannot read .*gone\.txt/);
  });

  it('refuses a --jobs that is not a positive number', () => {
    for (const v of ['0', '-1', 'many', '1.5', '1000']) {
      const r = run(['analyze', '--jobs', v, 'seeds']);
      assert.equal(r.status, 2, `--jobs ${v}`);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
    const opts = parseArgs(['analyze', '--jobs=4', 'seeds']);
    assert.ok(typeof opts === 'object' && opts.jobs === 4);
  });

  it('shows progress in place and clears it at the end', () => {
    let written = '';
    let t = 0;
    const p = new Progress({ write: (s: string) => { written += s; } }, () => (t += 50));
    for (let k = 1; k <= 10; k++) p.show(k, 10);
    p.linking();
    p.clear();
    const shown = written.split('\r\u001b[K').filter(Boolean);
    assert.ok(shown.length < 10, 'not every document redraws the line');
    assert.ok(shown.includes('source-lens: analysed 10/10 documents'), 'the last count is shown');
    assert.ok(written.endsWith('\r\u001b[K'), 'the line is cleared');
    assert.ok(!written.includes('\n'), 'never a new line');
  });
});
