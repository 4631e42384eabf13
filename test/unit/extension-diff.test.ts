import assert from 'node:assert/strict';
import { diffMarkdown, escapeMarkdown, wordDiff, wordingDiffers } from '../../src/extension/decorations/diff';

describe('extension: word diff for quote variants', () => {
  it('finds replaced, removed and added words', () => {
    const d = wordDiff('“Our possibilities are far from exhausted,”', '“The possibilities are not yet exhausted,”');
    assert.deepEqual(d, [
      { op: 'added', text: '“The' },
      { op: 'removed', text: '“Our' },
      { op: 'same', text: 'possibilities are' },
      { op: 'added', text: 'not yet' },
      { op: 'removed', text: 'far from' },
      { op: 'same', text: 'exhausted,”' },
    ]);
  });

  it('ignores case, quote marks and edge punctuation', () => {
    assert.equal(wordingDiffers('"Climb the ladder."', '“climb the ladder,”'), false);
    assert.equal(wordingDiffers('climb the ladder', 'climb a ladder'), true);
  });

  it('rebuilds both wordings from its parts', () => {
    const a = 'Russia will keep talking about security with the West', b = 'Moscow will keep talking with the West about security';
    const d = wordDiff(a, b);
    assert.equal(d.filter(p => p.op !== 'added').map(p => p.text).join(' '), a);
    assert.equal(d.filter(p => p.op !== 'removed').map(p => p.text).join(' '), b);
  });

  it('handles empty and very long inputs without the quadratic table', () => {
    assert.deepEqual(wordDiff('', 'a b'), [{ op: 'added', text: 'a b' }]);
    const long = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    assert.deepEqual(wordDiff(long, 'x').map(p => p.op), ['removed', 'added']);
  });

  it('renders Markdown with removals struck and additions bold, text escaped', () => {
    assert.equal(diffMarkdown(wordDiff('a *b* c', 'a d c')), 'a **d** ~~\\*b\\*~~ c');
    assert.equal(escapeMarkdown('[x](y) _z_\nw'), '\\[x\\]\\(y\\) \\_z\\_ w');
  });
});
