import assert from 'node:assert/strict';
import { excludesFolder, globMatch, globMatcher, isIncluded } from '../../src/config/globs';
import { DEFAULT_CONFIG } from '../../src/extension/settings/config';

const inc = DEFAULT_CONFIG.include, exc = DEFAULT_CONFIG.exclude;

describe('extension: include/exclude globs', () => {
  it('includes .txt and .md files at any depth by default', () => {
    for (const p of ['a.txt', 'seeds/000_6f759d22c02cc351.txt', 'deep/er/notes.md']) assert.equal(isIncluded(p, inc, exc), true, p);
  });

  it('leaves out other extensions and look-alikes', () => {
    for (const p of ['a.txt.bak', 'a.json', 'src/x.ts', 'atxt', 'notes.mdx']) assert.equal(isIncluded(p, inc, exc), false, p);
  });

  it('excludes READMEs at the root and below, node_modules and .git', () => {
    for (const p of ['README.md', 'README.txt', 'docs/README.md', 'node_modules/pkg/a.txt', '.git/COMMIT_EDITMSG.txt']) {
      assert.equal(isIncluded(p, inc, exc), false, p);
    }
    // Only the root node_modules is named by the default; a README-like name elsewhere is fine.
    assert.equal(isIncluded('docs/READ.md', inc, exc), true);
  });

  it('matches `**/` against zero or more folders and `*` within one segment', () => {
    assert.equal(globMatch('**/*.txt', 'a.txt'), true);
    assert.equal(globMatch('**/*.txt', 'x/y/a.txt'), true);
    assert.equal(globMatch('*.txt', 'x/a.txt'), false);
    assert.equal(globMatch('seeds/*.txt', 'seeds/a.txt'), true);
    assert.equal(globMatch('seeds/*.txt', 'seeds/x/a.txt'), false);
    assert.equal(globMatch('seeds/**', 'seeds/x/a.txt'), true);
    assert.equal(globMatch('a?.md', 'ab.md'), true);
    assert.equal(globMatch('a?.md', 'a/.md'), false);
  });

  it('handles nested braces, character classes and literal regex characters', () => {
    assert.equal(globMatch('**/*.{txt,{md,markdown}}', 'x/a.markdown'), true);
    assert.equal(globMatch('[0-9]*.txt', '000_a.txt'), true);
    assert.equal(globMatch('[!0-9]*.txt', '000_a.txt'), false);
    assert.equal(globMatch('a+b(1).txt', 'a+b(1).txt'), true);
    assert.equal(globMatch('a.txt', 'abtxt'), false);
    // VS Code has no extglobs: parentheses and '|' are plain characters.
    assert.equal(globMatch('a+b(1).txt', 'a+b1.txt'), false);
    assert.equal(globMatch('a|b.txt', 'a|b.txt'), true);
    assert.equal(globMatch('a|b.txt', 'b.txt'), false);
    assert.equal(globMatch('+(a|b).txt', 'a.txt'), false);
  });

  it('knows the folders an exclude pattern leaves out whole (a walk skips them)', () => {
    assert.equal(excludesFolder('node_modules', exc), true);
    assert.equal(excludesFolder('.git', exc), true);
    assert.equal(excludesFolder('sub/node_modules', exc), false, 'only the top-level node_modules is excluded by default');
    assert.equal(excludesFolder('README.d', exc), false, '`**/README*` excludes files, not what is below a folder');
    assert.equal(excludesFolder('x/node_modules', ['**/node_modules/**']), true);
  });

  it('lets `*` and `**` match names that start with a dot, as VS Code does', () => {
    assert.equal(globMatch('**/*.txt', '.notes/a.txt'), true);
    assert.equal(globMatch('*.md', '.draft.md'), true);
  });

  it('normalises backslashes and a leading slash (paths outside any folder)', () => {
    assert.equal(globMatch('**/*.txt', 'C:\\news\\a.txt'), true);
    assert.equal(isIncluded('/tmp/README.md', inc, exc), false);
    assert.equal(isIncluded('/tmp/story.txt', inc, exc), true);
    assert.ok(globMatcher('**/*.txt') === globMatcher('**/*.txt'), 'compiled patterns are cached');
  });
});
