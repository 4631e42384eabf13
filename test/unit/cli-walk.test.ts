import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collect } from '../../src/cli/walk';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/config/defaults';
import { isIncluded } from '../../src/config/globs';

describe('CLI: which files a directory walk reads', () => {
  let dir: string;
  const files = ['a.txt', 'README.md', 'notes.json', 'sub/b.md', 'sub/README.txt', 'node_modules/pkg/n.txt', '.git/g.md', '.hidden/h.txt', 'sub/node_modules/z.txt'];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-walk-'));
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'Text.\n');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the files the extension keeps in a workspace folder there (the shared default globs)', () => {
    const shown = dir.split(path.sep).join('/');
    const found = collect([dir]).map(f => f.path.slice(shown.length + 1));
    assert.deepEqual(found, files.filter(f => isIncluded(f, DEFAULT_INCLUDE, DEFAULT_EXCLUDE)).sort());
    assert.deepEqual(found, ['.hidden/h.txt', 'a.txt', 'sub/b.md', 'sub/node_modules/z.txt']);
  });

  it('reads a file named on the command line whatever its name', () => {
    assert.deepEqual(collect([path.join(dir, 'README.md')]).map(f => path.basename(f.path)), ['README.md']);
  });

  it('takes other globs when given', () => {
    const found = collect([dir], { include: ['**/*.json'], exclude: [] }).map(f => path.basename(f.path));
    assert.deepEqual(found, ['notes.json']);
  });
});
