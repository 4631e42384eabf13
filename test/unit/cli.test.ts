/**
 * The built CLI (dist/cli.js, made by `npm run build`) run as a user runs it:
 * its JSON on seeds/ checked against the contract, exit codes, `skipped`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { analyzeFound } from '../../src/cli/main';
import { printable } from '../../src/cli/messages';
import { collect } from '../../src/cli/walk';
import { Corpus } from '../../src/core/corpus/corpus';
import { checkContract } from '../contract/checkContract';
import { evalDirOrSkip } from '../support/sharedEval';
import { latin1Name, listenSocket, makeTooDeep, mkfifo, removeTree } from '../support/hostileFiles';

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
    // Two CLI runs over about 1,300 articles: a minute on a loaded 2-core machine (one CI run under load timed out at 60 s).
    this.timeout(240_000);
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

describe('CLI messages: printable', () => {
  it('writes control, line-separator and bidi characters as JSON escapes and leaves other text alone', () => {
    assert.equal(printable('a\nb\rc\td\u0007e\u001bf\u007fg\u0085h\u2028i\u202ej'), 'a\\nb\\rc\\td\\u0007e\\u001bf\\u007fg\\u0085h\\u2028i\\u202ej');
    assert.equal(printable('seeds/000_6f759d22c02cc351.txt'), 'seeds/000_6f759d22c02cc351.txt');
    assert.equal(printable('caf\ufffd é 😀 \\n.txt'), 'caf\ufffd é 😀 \\n.txt');
  });
});

describe('source-lens CLI on a hostile folder', function () {
  this.timeout(60_000);
  let tmp: string;
  /** The CLI run in `tmp` with a deadline: a run that hangs fails instead of stalling the tests. */
  const runIn = (args: string[], opts: { input?: string } = {}) =>
    spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28, ...opts });
  const json = (r: ReturnType<typeof runIn>) => {
    assert.equal(r.status, 0, `exit ${r.status} (${r.signal ?? 'no signal'}): ${r.stderr}`);
    return JSON.parse(r.stdout) as { documents: { path: string }[]; skipped: { path: string; reason: string }[] };
  };
  const oneLine = (r: ReturnType<typeof runIn>, pattern: RegExp) => {
    assert.equal(r.status, 2, `exit ${r.status} (${r.signal ?? 'no signal'}): ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.split('\n').length, 2, r.stderr);
    assert.match(r.stderr, pattern);
  };
  const article = 'Lavrov said: “We are ready.”\n';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-hostile-'));
  });
  afterEach(() => removeTree(tmp));

  describe('special files', () => {
    let socket: Server;
    beforeEach(async () => {
      fs.mkdirSync(path.join(tmp, 'corpus'));
      fs.writeFileSync(path.join(tmp, 'corpus/a.txt'), article);
      mkfifo(path.join(tmp, 'corpus/fifo.txt'));
      fs.symlinkSync('fifo.txt', path.join(tmp, 'corpus/to-fifo.txt'));
      fs.symlinkSync('/dev/zero', path.join(tmp, 'corpus/zero.txt'));
      socket = await listenSocket(path.join(tmp, 'corpus/sock.txt'));
    });
    afterEach(() => socket.close());

    it('refuses a FIFO, a socket, a device or a link to one given as PATH: exit 2, one line, without waiting on it', () => {
      for (const p of ['corpus/fifo.txt', 'corpus/to-fifo.txt', 'corpus/sock.txt', 'corpus/zero.txt', '/dev/zero']) {
        oneLine(runIn(['analyze', 'corpus/a.txt', p]), new RegExp(`^source-lens: cannot read ${p}: not a regular file \\((FIFO|socket|character device)\\)\\n$`));
      }
    });

    it('lists FIFOs, sockets and links to devices found in a directory under skipped, and analyses the rest', () => {
      const out = json(runIn(['analyze', 'corpus']));
      assert.deepEqual(out.documents.map(d => d.path), ['corpus/a.txt']);
      assert.deepEqual(out.skipped, [
        { path: 'corpus/fifo.txt', reason: 'not a regular file (FIFO)' },
        { path: 'corpus/sock.txt', reason: 'not a regular file (socket)' },
        { path: 'corpus/to-fifo.txt', reason: 'not a regular file (FIFO)' },
        { path: 'corpus/zero.txt', reason: 'not a regular file (character device)' },
      ]);
    });
  });

  it('follows a link to a directory once and skips loops with a reason', () => {
    for (const f of ['corpus/sub/a.txt', 'elsewhere/b.txt']) {
      fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      fs.writeFileSync(path.join(tmp, f), article);
    }
    fs.symlinkSync('../../elsewhere', path.join(tmp, 'corpus/sub/linked'));
    fs.symlinkSync('../elsewhere', path.join(tmp, 'corpus/again'));
    fs.symlinkSync('..', path.join(tmp, 'corpus/sub/up'));
    const r = runIn(['analyze', 'corpus']);
    const out = json(r);
    assert.deepEqual(out.documents.map(d => d.path), ['corpus/again/b.txt', 'corpus/sub/a.txt']);
    assert.deepEqual(out.skipped, [
      { path: 'corpus/sub/linked', reason: 'directory already walked as corpus/again' },
      { path: 'corpus/sub/up', reason: 'directory link loop (back to corpus)' },
    ]);
    assert.equal(r.stderr, 'source-lens: skipped corpus/sub/linked: directory already walked as corpus/again\nsource-lens: skipped corpus/sub/up: directory link loop (back to corpus)\n');
  });

  it('skips a subdirectory whose path is too long to open (ENAMETOOLONG) and goes on', () => {
    fs.mkdirSync(path.join(tmp, 'corpus'));
    fs.writeFileSync(path.join(tmp, 'corpus/a.txt'), article);
    makeTooDeep(path.join(tmp, 'corpus'), 'deep.txt', article);
    const out = json(runIn(['analyze', 'corpus']));
    assert.deepEqual(out.documents.map(d => d.path), ['corpus/a.txt']);
    assert.equal(out.skipped.length, 1);
    assert.equal(out.skipped[0].reason, 'cannot read directory: ENAMETOOLONG');
  });

  it('skips a subdirectory or file it has no permission to read and goes on; one named as PATH is exit 2 (run unprivileged when the tests run as root)', function () {
    const root = process.getuid?.() === 0;
    if (root && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '0']).status !== 0) {
      this.skip(); // no setpriv, or the unprivileged user cannot run this node: nothing here can make a directory unreadable to root
    }
    // Everything readable by that user (its own copy of the CLI too), but the locked directory and file.
    fs.chmodSync(tmp, 0o755);
    const cliCopy = path.join(tmp, 'cli.js');
    fs.copyFileSync(cli, cliCopy);
    fs.mkdirSync(path.join(tmp, 'corpus/locked'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'corpus/a.txt'), article);
    fs.writeFileSync(path.join(tmp, 'corpus/locked/b.txt'), article);
    fs.writeFileSync(path.join(tmp, 'corpus/secret.txt'), article, { mode: 0 });
    fs.chmodSync(path.join(tmp, 'corpus/locked'), 0);
    const unprivileged = (...args: string[]) => {
      const command = [process.execPath, cliCopy, ...args];
      return root
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...command], { cwd: tmp, encoding: 'utf8', timeout: 30_000 })
        : spawnSync(command[0], command.slice(1), { cwd: tmp, encoding: 'utf8', timeout: 30_000 });
    };
    const out = json(unprivileged('analyze', 'corpus'));
    assert.deepEqual(out.documents.map(d => d.path), ['corpus/a.txt']);
    assert.deepEqual(out.skipped, [
      { path: 'corpus/locked', reason: 'cannot read directory: EACCES' },
      { path: 'corpus/secret.txt', reason: 'cannot read: EACCES' },
    ]);
    oneLine(unprivileged('analyze', 'corpus/a.txt', 'corpus/secret.txt'), /^source-lens: cannot read corpus\/secret\.txt: permission denied\n$/);
    oneLine(unprivileged('analyze', 'corpus/locked'), /^source-lens: cannot read directory corpus\/locked: permission denied\n$/);
  });

  it('reads a file whose name is not valid UTF-8 (shown with U+FFFD), and skips a second name that prints the same', () => {
    fs.mkdirSync(path.join(tmp, 'corpus'));
    fs.writeFileSync(latin1Name(path.join(tmp, 'corpus')), article);
    const r = json(runIn(['analyze', 'corpus']));
    assert.deepEqual(r.documents.map(d => d.path), ['corpus/caf\ufffd.txt']);
    assert.deepEqual(r.skipped, []);
    fs.writeFileSync(latin1Name(path.join(tmp, 'corpus'), 'caf\xe8'), article);
    const two = json(runIn(['analyze', 'corpus']));
    assert.deepEqual(two.documents.map(d => d.path), ['corpus/caf\ufffd.txt']);
    assert.deepEqual(two.skipped, [{ path: 'corpus/caf\ufffd.txt', reason: 'name is not valid UTF-8 and prints the same as another file\'s' }]);
  });

  it('escapes control characters in file names on stderr and in Markdown and HTML (JSON keeps the names as they are)', () => {
    fs.mkdirSync(path.join(tmp, 'corpus'));
    const evil = 'evil\nsource-lens: skipped fake.txt';
    const odd = 'tab\there\u202e`tick.txt';
    fs.writeFileSync(path.join(tmp, 'corpus', `${evil}.txt`), Buffer.from([0x41, 0x00]));
    fs.writeFileSync(path.join(tmp, 'corpus', odd), article);
    fs.writeFileSync(path.join(tmp, 'corpus', 'b`q.txt'), Buffer.from([0x41, 0x00]));
    const r = runIn(['analyze', 'corpus']);
    const out = json(r);
    assert.deepEqual(out.documents.map(d => d.path), [`corpus/${odd}`]);
    assert.deepEqual(out.skipped.map(s => s.path), ['corpus/b`q.txt', `corpus/${evil}.txt`]);
    assert.equal(r.stderr, 'source-lens: skipped corpus/b`q.txt: binary file (contains NUL bytes)\nsource-lens: skipped corpus/evil\\nsource-lens: skipped fake.txt.txt: binary file (contains NUL bytes)\n');
    const md = runIn(['analyze', '--format', 'markdown', 'corpus']);
    assert.equal(md.status, 0, md.stderr);
    assert.ok(md.stdout.split('\n').includes('## corpus/tab\\\\there\\\\u202e\\`tick.txt'), md.stdout);
    assert.ok(md.stdout.split('\n').includes('- ``corpus/b`q.txt``: binary file (contains NUL bytes)'), md.stdout);
    assert.ok(md.stdout.split('\n').includes('- `corpus/evil\\nsource-lens: skipped fake.txt.txt`: binary file (contains NUL bytes)'), md.stdout);
    const html = runIn(['analyze', '--format', 'html', 'corpus']);
    assert.equal(html.status, 0, html.stderr);
    assert.match(html.stdout, /<h2>corpus\/tab\\there\\u202e`tick\.txt<\/h2>/);
    assert.match(html.stdout, /<li><code>corpus\/evil\\nsource-lens: skipped fake\.txt\.txt<\/code>: binary file/);
  });

  it('analyses UTF-16 files with a BOM (LE and BE) with offsets into the text VS Code shows', () => {
    fs.mkdirSync(path.join(tmp, 'corpus'));
    const text = 'Talks\r\n\r\n“We are ready,” Lavrov said on Tuesday in Moscow.\r\n';
    fs.writeFileSync(path.join(tmp, 'corpus/le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(path.join(tmp, 'corpus/be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const out = json(runIn(['analyze', 'corpus'])) as unknown as { documents: { path: string; quotes: { text: string }[] }[]; skipped: unknown[] };
    assert.deepEqual(out.documents.map(d => d.path), ['corpus/be.txt', 'corpus/le.txt']);
    assert.deepEqual(out.documents.map(d => d.quotes.map(q => q.text)), [['“We are ready,”'], ['“We are ready,”']]);
    assert.deepEqual(checkContract(out, () => text), []);
  });
});

describe('source-lens CLI: --out', function () {
  this.timeout(60_000);
  let tmp: string;
  const runIn = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28 });
  /** Exit 2 with one line on stderr matching `pattern`, nothing on stdout, and no temporary file left. */
  const refused = (r: ReturnType<typeof runIn>, pattern: RegExp) => {
    assert.equal(r.status, 2, `exit ${r.status} (${r.signal ?? 'no signal'}): ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.split('\n').length, 2, r.stderr);
    assert.deepEqual(fs.readdirSync(tmp).filter(f => f.endsWith('.tmp')), []);
  };
  const seed = path.join(root, 'seeds/002_b76a6e96b841aaa1.txt');
  const original = fs.readFileSync(seed, 'utf8');
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-out-'));
    fs.mkdirSync(path.join(tmp, 'corpus'));
    fs.writeFileSync(path.join(tmp, 'a.txt'), original);
    fs.writeFileSync(path.join(tmp, 'corpus/b.txt'), original);
  });
  afterEach(() => removeTree(tmp));

  it('never writes over an input: the file itself, another spelling of it, a hard link to it, a file found in an input directory', () => {
    fs.linkSync(path.join(tmp, 'a.txt'), path.join(tmp, 'hard.json'));
    for (const [out, input] of [['a.txt', 'a.txt'], ['./corpus/../a.txt', 'a.txt'], ['hard.json', 'a.txt'], ['corpus/b.txt', 'corpus']]) {
      refused(runIn(['analyze', '--out', out, input]), new RegExp(`^source-lens: cannot write ${out.replace(/\./g, '\\.')}: it is an input of this run \\(`));
    }
    assert.equal(fs.readFileSync(path.join(tmp, 'a.txt'), 'utf8'), original);
    assert.equal(fs.readFileSync(path.join(tmp, 'corpus/b.txt'), 'utf8'), original);
  });

  it('treats an empty --out= as a usage error, not as stdout', () => {
    refused(runIn(['analyze', '--out=', 'a.txt']), /^source-lens: --out needs a file name/);
  });

  it('never replaces a directory, FIFO, socket, device or symbolic link', async () => {
    mkfifo(path.join(tmp, 'fifo'));
    const socket = await listenSocket(path.join(tmp, 'sock'));
    fs.writeFileSync(path.join(tmp, 'target.json'), 'old');
    fs.symlinkSync('target.json', path.join(tmp, 'link.json'));
    const targets: [string, RegExp][] = [
      ['corpus', /not a regular file \(directory\)/],
      ['fifo', /not a regular file \(FIFO\)/],
      ['sock', /not a regular file \(socket\)/],
      ['link.json', /it is a symbolic link/],
    ];
    // A device node of our own (needs root or CAP_MKNOD); /dev/null itself would be at stake if this went wrong.
    if (spawnSync('mknod', [path.join(tmp, 'null'), 'c', '1', '3']).status === 0) targets.push(['null', /not a regular file \(character device\)/]);
    try {
      for (const [out, reason] of targets) refused(runIn(['analyze', '--out', out, 'a.txt']), new RegExp(`^source-lens: cannot write ${out}: ${reason.source}`));
    } finally {
      socket.close();
    }
    assert.ok(fs.lstatSync(path.join(tmp, 'fifo')).isFIFO());
    assert.ok(fs.lstatSync(path.join(tmp, 'link.json')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(tmp, 'target.json'), 'utf8'), 'old');
    if (targets.length === 5) assert.ok(fs.lstatSync(path.join(tmp, 'null')).isCharacterDevice());
  });

  it('keeps the mode of the file it replaces, and writes a name of 249 characters (the temporary name is short)', () => {
    const report = path.join(tmp, 'report.json');
    fs.writeFileSync(report, 'old', { mode: 0o600 });
    fs.chmodSync(report, 0o600);
    const r = runIn(['analyze', '--out', 'report.json', 'a.txt']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.statSync(report).mode & 0o777, 0o600);
    assert.equal(JSON.parse(fs.readFileSync(report, 'utf8')).documents[0].path, 'a.txt');
    const long = `${'x'.repeat(244)}.json`;
    assert.equal(long.length, 249);
    assert.equal(runIn(['analyze', '--out', long, 'a.txt']).status, 0);
    assert.ok(fs.statSync(path.join(tmp, long)).size > 0);
    assert.deepEqual(fs.readdirSync(tmp).filter(f => f.endsWith('.tmp')), []);
  });

  it('says so in one line, removes its temporary file and keeps the old report on a full disk (ENOSPC: a 16 KB tmpfs)', function () {
    // A private mount namespace (as root, or as a user with user namespaces), so the tiny file system is seen by this run only.
    const script = 'mount -t tmpfs -o size=16k none "$1" && echo old > "$1/report.json" && shift && "$@"; status=$?; ls -a "$OUT_DIR"; cat "$OUT_DIR/report.json"; exit $status';
    const full = path.join(tmp, 'full');
    fs.mkdirSync(full);
    const args = ['-c', script, 'sh', full, process.execPath, cli, 'analyze', '--out', path.join(full, 'report.json'), path.join(root, 'seeds')];
    const env = { ...process.env, OUT_DIR: full };
    let r = spawnSync('unshare', ['--mount', 'sh', ...args], { cwd: tmp, encoding: 'utf8', timeout: 30_000, env });
    if (r.status !== 2) r = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', ...args], { cwd: tmp, encoding: 'utf8', timeout: 30_000, env });
    if (r.error || /^(unshare|mount): /m.test(r.stderr)) this.skip(); // no way to mount a small file system here
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `source-lens: cannot write ${path.join(full, 'report.json')}: no space left on device\n`);
    assert.equal(r.stdout, '.\n..\nreport.json\nold\n', 'the old report, and no temporary file');
  });

  it('removes its temporary file and keeps the old report when writing fails (a file size limit: EFBIG)', () => {
    fs.writeFileSync(path.join(tmp, 'report.json'), 'old');
    const r = spawnSync('sh', ['-c', 'ulimit -f 8 && exec "$@"', 'sh', process.execPath, cli, 'analyze', '--out', 'report.json', 'a.txt'], { cwd: tmp, encoding: 'utf8', timeout: 30_000 });
    refused(r, /^source-lens: cannot write report\.json: file too large\n$/);
    assert.equal(fs.readFileSync(path.join(tmp, 'report.json'), 'utf8'), 'old');
  });
});

describe('source-lens CLI: stdout that fails', function () {
  this.timeout(60_000);

  it('stops quietly with status 0 when the reader closes the pipe early (EPIPE: `| head -c 10`)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-pipe-'));
    try {
      const status = path.join(dir, 'status');
      // The JSON for seeds/ (about 230 KB) is larger than a pipe holds, so the write meets the closed pipe.
      const r = spawnSync('sh', ['-c', '{ "$@"; echo $? > "$STATUS"; } | head -c 10', 'sh', process.execPath, cli, 'analyze', 'seeds'], {
        cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, STATUS: status },
      });
      assert.equal(r.stdout, '{\n "versio');
      assert.equal(r.stderr, '');
      assert.equal(fs.readFileSync(status, 'utf8').trim(), '0');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so in one line and exits 2 when stdout is full (ENOSPC: /dev/full)', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [cli, 'analyze', 'seeds'], { cwd: root, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', full, 'pipe'] });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, 'source-lens: cannot write to stdout: no space left on device\n');
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('source-lens CLI: one document going wrong does not lose the others', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-one-'));
    for (const f of fs.readdirSync(path.join(root, 'seeds'))) fs.copyFileSync(path.join(root, 'seeds', f), path.join(dir, f));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints every document of a corpus holding 12 KB of "Big Big Big …" (it once crashed entity recognition), exit 0', () => {
    fs.writeFileSync(path.join(dir, 'big.txt'), 'Big '.repeat(3072));
    try {
      const r = spawnSync(process.execPath, [cli, 'analyze', dir], { encoding: 'utf8', timeout: 100_000, maxBuffer: 1 << 28 });
      assert.equal(r.status, 0, `exit ${r.status} (${r.signal ?? 'no signal'}): ${r.stderr}`);
      const out = JSON.parse(r.stdout);
      const shown = dir.split(path.sep).join('/');
      assert.deepEqual(out.documents.map((d: { path: string }) => path.basename(d.path)), [...fs.readdirSync(path.join(root, 'seeds')), 'big.txt'].sort());
      assert.deepEqual(out.skipped, []);
      assert.deepEqual(checkContract(out, p => fs.readFileSync(p, 'utf8')), []);
      assert.ok(out.documents.every((d: { path: string }) => d.path.startsWith(`${shown}/`)));
    } finally {
      fs.rmSync(path.join(dir, 'big.txt'));
    }
  });

  it('skips a document whose analysis throws, with "internal error: …", and analyses the others', () => {
    /** A corpus whose analysis fails on one document (the failure is injected: no known text triggers one). */
    class FailingCorpus extends Corpus {
      override set(p: string, text: string) {
        if (p.endsWith('/002_b76a6e96b841aaa1.txt')) throw new RangeError('Maximum call stack size exceeded');
        return super.set(p, text);
      }
    }
    const found = collect([dir]);
    const out = analyzeFound(found, undefined, new FailingCorpus());
    const shown = dir.split(path.sep).join('/');
    assert.deepEqual(out.skipped, [{ path: `${shown}/002_b76a6e96b841aaa1.txt`, reason: 'internal error: RangeError: Maximum call stack size exceeded' }]);
    assert.equal(out.documents.length, found.length - 1);
    const alone = analyzeFound(found.filter(f => !f.path.endsWith('/002_b76a6e96b841aaa1.txt')));
    assert.deepEqual(out.documents, alone.documents, 'the others come out as if the failed one was never there');
  });
});
