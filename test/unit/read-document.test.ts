import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocument } from '../../src/node/readDocument';

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
  });

  it('checks the size before reading', () => {
    let read = false;
    const r = readDocument('/x', 10, { size: () => 11, read: () => { read = true; return new Uint8Array(); } });
    assert.equal(r.ok, false);
    assert.equal(read, false);
  });
});
