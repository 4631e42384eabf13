/**
 * src/node/walkFolder: the walking rules shared by the CLI and the extension, on a
 * hostile folder (links to directories, loops, special files, names that are not
 * UTF-8, a path too long to open).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/config/defaults';
import { readDocument } from '../../src/node/readDocument';
import { walkFolder, type WalkEntry } from '../../src/node/walkFolder';
import { latin1Name, makeTooDeep, removeTree } from '../support/hostileFiles';

const filter = { include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE };
/** Each entry as `path` (a file) or `path: reason` (skipped). */
const show = (entries: WalkEntry[]) => entries.map(e => ('reason' in e ? `${e.path}: ${e.reason}` : e.path));

describe('walkFolder (the directory rules of the CLI and the extension)', () => {
  let tmp: string;
  let dir: string;
  let outside: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-walkf-'));
    dir = path.join(tmp, 'corpus');
    outside = path.join(tmp, 'outside');
    for (const f of ['a.txt', 'real/r.txt', 'real/deeper/d.txt', 'node_modules/n.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'Text.\n');
    }
    fs.mkdirSync(path.join(outside, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'o.txt'), 'Outside.\n');
    fs.writeFileSync(path.join(outside, 'sub/s.md'), 'Sub.\n');
    fs.symlinkSync(outside, path.join(dir, 'b-link')); // followed once, as b-link
    fs.symlinkSync(outside, path.join(dir, 'c-again')); // the same directory a second time
    fs.symlinkSync(path.join(outside, 'sub'), path.join(dir, 'd-sub')); // inside a directory walked through b-link
    fs.symlinkSync('..', path.join(dir, 'real/deeper/up')); // back to an ancestor
    fs.symlinkSync('real', path.join(dir, 'a-real')); // to a real subdirectory (walked as itself, though the link sorts first)
    fs.symlinkSync('.', path.join(dir, 'self')); // to the folder itself
    fs.symlinkSync(outside, path.join(dir, '.git')); // a link is excluded by its own path...
    fs.symlinkSync(outside, path.join(dir, 'node_modules/linked')); // ...and nothing below an excluded folder is entered
    fs.symlinkSync('missing', path.join(dir, 'dangling.txt')); // a file for readDocument to refuse
    fs.symlinkSync('loop.txt', path.join(dir, 'loop.txt'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  });
  after(() => removeTree(tmp));

  it('follows links to directories once, after the real subdirectories, and says why a directory is walked no more', () => {
    assert.deepEqual(show(walkFolder(dir, 'corpus', filter)), [
      'corpus/a-real: directory already walked as corpus/real',
      'corpus/a.txt',
      'corpus/b-link/o.txt',
      'corpus/b-link/sub/s.md',
      'corpus/c-again: directory already walked as corpus/b-link',
      'corpus/d-sub: directory already walked as corpus/b-link/sub',
      'corpus/dangling.txt',
      'corpus/loop.txt',
      'corpus/real/deeper/d.txt',
      'corpus/real/deeper/up: directory link loop (back to corpus/real)',
      'corpus/real/r.txt',
      'corpus/self: directory link loop (back to corpus)',
      'corpus/zero.txt',
    ]);
  });

  it('hands links to special files and dangling links to readDocument, which refuses them', () => {
    const reasons = walkFolder(dir, 'corpus', filter).flatMap(e => ('fsPath' in e && /(zero|dangling|loop)\.txt$/.test(e.path) ? [readDocument(e.fsPath)] : []));
    assert.deepEqual(reasons.map(r => !r.ok && r.reason), ['cannot read: ENOENT', 'cannot read: ELOOP', 'not a regular file (character device)']);
  });

  it('reads a name that is not valid UTF-8 by its bytes, and shows it with U+FFFD', () => {
    const d = path.join(tmp, 'names');
    fs.mkdirSync(d);
    fs.writeFileSync(latin1Name(d), 'Café.\n');
    const entries = walkFolder(d, 'names', filter);
    assert.deepEqual(show(entries), ['names/caf\ufffd.txt']);
    assert.ok('fsPath' in entries[0]);
    assert.deepEqual(readDocument(entries[0].fsPath), { ok: true, text: 'Café.\n' });
  });

  it('skips a subdirectory whose path is too long to open and goes on', () => {
    const d = path.join(tmp, 'deep');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'top.txt'), 'Top.\n');
    const level = makeTooDeep(d, 'deep.txt', 'Deep.\n');
    const entries = show(walkFolder(d, 'deep', filter));
    assert.equal(entries[entries.length - 1], 'deep/top.txt');
    assert.equal(entries.length, 2);
    assert.match(entries[0], new RegExp(`^deep(/${level})+: cannot read directory: ENAMETOOLONG$`));
  });

  it('throws when the folder itself cannot be read', () => {
    assert.throws(() => walkFolder(path.join(tmp, 'nope'), 'nope', filter), /ENOENT/);
  });
});
