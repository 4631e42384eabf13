import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:net';
import { nodeFiles, readDocument } from '../../src/node/readDocument';
import { latin1Name, listenSocket, mkfifo } from '../support/hostileFiles';

describe('readDocument (the CLI\'s and the index worker\'s one file reader)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-read-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), '\ufeffLine one\r\nLine two\n');
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x00, 0x10]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2000));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('decodes as VS Code opens a file: BOM dropped, line ends normalised', () => {
    assert.deepEqual(readDocument(path.join(dir, 'a.txt')), { ok: true, text: 'Line one\nLine two\n' });
  });

  it('gives one wording of every reason a file is skipped', () => {
    const reason = (f: string) => {
      const r = readDocument(path.join(dir, f), 1000);
      return r.ok ? null : r.reason;
    };
    assert.equal(reason('bin.txt'), 'binary file (contains NUL bytes)');
    assert.equal(reason('latin1.txt'), 'not UTF-8 text');
    assert.equal(reason('big.txt'), 'larger than the 1000 bytes limit (2 KB)');
    assert.equal(reason('missing.txt'), 'cannot read: ENOENT');
    assert.equal((readDocument(path.join(dir, 'missing.txt')) as { unreadable?: boolean }).unreadable, true, 'unreadable, not merely unanalysable');
    assert.equal((readDocument(path.join(dir, 'bin.txt')) as { unreadable?: boolean }).unreadable, undefined);
  });

  it('gives the reader the size limit and reports the size it found', () => {
    let limit = -1;
    const r = readDocument('/x', 10, { read: (_p, max) => { limit = max; return { tooLarge: 2048 }; } });
    assert.deepEqual(r, { ok: false, reason: 'larger than the 10 bytes limit (2 KB)' });
    assert.equal(limit, 10);
  });

  it('enforces the size limit while reading, not by trusting the size the file claims', () => {
    // Files of /proc claim a size of 0 and hold more.
    assert.equal(fs.statSync('/proc/self/status').size, 0);
    assert.deepEqual(readDocument('/proc/self/status', 100), { ok: false, reason: 'larger than the 100 bytes limit (101 bytes)' });
    assert.deepEqual(nodeFiles.read('/proc/self/status', 100), { tooLarge: 101 }, 'read stopped at the limit + 1');
  });

  it('reads UTF-16 files with a BOM, and a path given as a Buffer (a name that is not valid UTF-8)', () => {
    const name = latin1Name(dir);
    fs.writeFileSync(name, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Hi\r\n', 'utf16le').swap16()]));
    assert.deepEqual(readDocument(name), { ok: true, text: 'Hi\r\n' });
  });

  describe('only regular files (a FIFO, socket or device never blocks nor streams)', () => {
    let sock: Server;
    before(async () => {
      mkfifo(path.join(dir, 'fifo.txt'));
      fs.symlinkSync(path.join(dir, 'fifo.txt'), path.join(dir, 'to-fifo.txt'));
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
      sock = await listenSocket(path.join(dir, 'sock.txt'));
    });
    after(() => sock.close());

    /** Reads in a child process with a deadline: a blocking open or an endless read fails the test instead of stalling the run. */
    const readInChild = (files: string[]) => {
      const reader = path.resolve(__dirname, '../../src/node/readDocument.js');
      const script = `const { readDocument } = require(${JSON.stringify(reader)});
        console.log(JSON.stringify(process.argv.slice(1).map(f => readDocument(f, 1000))));`;
      const r = spawnSync(process.execPath, ['-e', script, ...files], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(r.status, 0, `exit ${r.status} (${r.signal ?? 'no signal'}): ${r.stderr}`);
      return (JSON.parse(r.stdout) as { reason?: string; unreadable?: boolean }[]).map(x => `${x.reason}${x.unreadable ? ' [unreadable]' : ''}`);
    };

    it('keeps the index worker\'s build going past them (IndexService on Node\'s file system)', () => {
      fs.writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('“Ready,” Lavrov said.\n', 'utf16le')]));
      const service = path.resolve(__dirname, '../../src/worker/IndexService.js');
      const script = `const { IndexService } = require(${JSON.stringify(service)});
        const svc = new IndexService();
        const files = process.argv.slice(1).map(f => ({ key: f.slice(f.lastIndexOf('/') + 1), fsPath: f }));
        svc.index(files, () => {}, () => Promise.resolve()).then(out => console.log(JSON.stringify({ out, paths: svc.corpus.paths() })));`;
      const files = ['fifo.txt', 'zero.txt', 'utf16.txt', 'a.txt'].map(f => path.join(dir, f));
      const r = spawnSync(process.execPath, ['-e', script, ...files], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(r.status, 0, `exit ${r.status} (${r.signal ?? 'no signal'}): ${r.stderr}`);
      assert.deepEqual(JSON.parse(r.stdout), {
        out: {
          indexed: 2,
          skipped: [{ key: 'fifo.txt', reason: 'not a regular file (FIFO)' }, { key: 'zero.txt', reason: 'not a regular file (character device)' }],
          cancelled: false,
          partial: [],
        },
        paths: ['utf16.txt', 'a.txt'],
      });
    });

    it('refuses them with their kind, links to them too, unread and promptly', () => {
      assert.deepEqual(readInChild(['fifo.txt', 'to-fifo.txt', 'sock.txt', 'zero.txt', '.'].map(f => path.join(dir, f)).concat('/dev/zero', '/dev/null')), [
        'not a regular file (FIFO) [unreadable]',
        'not a regular file (FIFO) [unreadable]',
        'not a regular file (socket) [unreadable]',
        'not a regular file (character device) [unreadable]',
        'not a regular file (directory) [unreadable]',
        'not a regular file (character device) [unreadable]',
        'not a regular file (character device) [unreadable]',
      ]);
    });
  });
});
