/**
 * The built CLI (dist/cli.js, made by `npm run build`) run as a user runs it:
 * its JSON on seeds/ checked against the contract, exit codes, `skipped`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContract } from '../contract/checkContract';
import { evalDirOrSkip } from '../support/sharedEval';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });

describe('source-lens CLI', function () {
  this.timeout(60_000);
  before(function () {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  });

  it('prints JSON for seeds/ that honours the contract', () => {
    const r = run(['analyze', '--format', 'json', 'seeds']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.documents.map((d: { path: string }) => d.path), fs.readdirSync(path.join(root, 'seeds')).sort().map(f => `seeds/${f}`));
    assert.deepEqual(checkContract(out, p => fs.readFileSync(path.join(root, p), 'utf8')), []);
  });

  it('honours the contract on the evaluation corpora too (every span sliced, every link mirrored)', function () {
    // Named relative to the repo root (the CLI's cwd), so the output's paths resolve from it.
    const dirs = ['polnear-dev', 'conll2003-valid'].map(d => path.relative(root, evalDirOrSkip(this, d)));
    for (const dir of dirs) {
      const r = run(['analyze', dir]);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.ok(out.documents.length > 50, `${dir}: ${out.documents.length} documents`);
      assert.deepEqual(checkContract(out, p => fs.readFileSync(path.join(root, p), 'utf8')), [], dir);
    }
  });

  it('prints a Markdown summary per source', () => {
    const r = run(['analyze', '--format', 'markdown', 'seeds/000_6f759d22c02cc351.txt', 'seeds/004_7bdc0b2365966776.txt']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Source Lens report/);
    assert.match(r.stdout, /## seeds\/000\\_6f759d22c02cc351\.txt/);
    assert.match(r.stdout, /### Claims/);
  });

  it('exits 2 with one line on stderr for usage errors and missing paths', () => {
    for (const args of [[], ['analyze'], ['frobnicate', 'seeds'], ['analyze', '--format', 'xml', 'seeds'], ['analyze', 'no/such/path'], ['analyze', '--max-file-size', 'lots', 'seeds']]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}`);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('lists unreadable files found in a directory under skipped and goes on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.txt'), 'Lavrov said: “We are ready.”\n');
      fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
      fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait\n', 'latin1'));
      fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(2000));
      fs.writeFileSync(path.join(dir, 'empty.txt'), '');
      fs.writeFileSync(path.join(dir, 'README.md'), 'not an article');
      fs.writeFileSync(path.join(dir, 'notes.json'), '{}');
      const r = run(['analyze', '--max-file-size', '1000', dir]);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      const shown = dir.split(path.sep).join('/');
      assert.deepEqual(out.documents.map((d: { path: string }) => d.path), [`${shown}/a.txt`, `${shown}/empty.txt`]);
      const reasons = Object.fromEntries(out.skipped.map((s: { path: string; reason: string }) => [path.basename(s.path), s.reason]));
      assert.deepEqual(Object.keys(reasons).sort(), ['big.md', 'bin.txt', 'latin1.txt']);
      assert.match(reasons['bin.txt'], /binary/);
      assert.match(reasons['latin1.txt'], /UTF-8/);
      assert.match(reasons['big.md'], /larger than/);
      assert.equal(r.stderr.trim().split('\n').length, 3);
      assert.deepEqual(checkContract(out, p => fs.readFileSync(p, 'utf8')), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes --out through a temporary file and leaves stdout empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-out-'));
    try {
      const file = path.join(dir, 'report.html');
      const r = run(['analyze', '--format', 'html', '--out', file, 'seeds/002_b76a6e96b841aaa1.txt']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(fs.readFileSync(file, 'utf8'), /<h2>seeds\/002_b76a6e96b841aaa1\.txt<\/h2>/);
      assert.deepEqual(fs.readdirSync(dir), ['report.html']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
