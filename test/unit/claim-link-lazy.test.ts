import assert from 'node:assert/strict';
import { keyIndex, linkItems } from '../../src/core/claims/links';
import { normalize, normalizeNumbered } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

const claim = (text: string, over: Partial<Claim> = {}): Claim => ({
  start: 0, end: text.length, text, kind: 'statement', speaker: null, entities: [], numbers: [], status: 'unique',
  corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1, ...over,
});

/** Three small documents; the third repeats a claim of the first (same text, names and speaker) and one with another speaker. */
function docs(): { path: string; claims: Claim[] }[] {
  const a = [
    claim('Mara Lind said the harbour board approved 40 new cranes on Tuesday.', { entities: ['Mara Lind'], speaker: 'Mara Lind' }),
    claim('The harbour board rejected the plan to close the northern quay.', { entities: [] }),
  ];
  const b = [
    claim('The board approved forty new cranes for the harbour, officials said.'),
    claim('Dockworkers pulled back from the strike after the vote.'),
  ];
  const c = [
    claim(a[1].text),
    claim(a[0].text, { entities: ['Mara Lind'], speaker: 'Mara Lind' }),
    claim(a[0].text, { entities: ['Mara Lind'], speaker: 'Tomas Berg' }),
  ];
  return [{ path: 'a', claims: a }, { path: 'b', claims: b }, { path: 'c', claims: c }];
}

describe('claim link items made when first asked for', () => {
  for (const oneShot of [true, false]) {
    it(`are those made all at once, asked for in any order (${oneShot ? 'one shot' : 'through the memo'})`, () => {
      const ds = docs();
      const all = linkItems(new AnalysisContext(), ds, oneShot).items;
      const index = keyIndex(new AnalysisContext(), ds, oneShot);
      assert.equal(index.count, all.length);
      for (const id of [6, 2, 0, 5, 3, 1, 4]) {
        const it = index.item(id), was = all[id];
        assert.equal(it, index.item(id), 'the same item when asked again');
        assert.equal(it.claim, was.claim);
        assert.deepEqual([it.doc, it.index], [was.doc, was.index]);
        assert.deepEqual(it.norm, was.norm);
        assert.deepEqual([...it.units], [...was.units]);
        assert.deepEqual([...it.keys], [...was.keys]);
        assert.deepEqual(it.synonyms.map(s => s && [...s]), was.synonyms.map(s => s && [...s]));
        assert.deepEqual([...it.synonymIds].sort(), [...was.synonymIds].sort());
        // Its keys, as the candidates read them.
        const f = index.form[id];
        assert.deepEqual([...index.keys.subarray(index.keysAt[f], index.keysAt[f + 1])], [...was.keys]);
      }
      // A claim of the same text, names and speaker has the first one's form; another speaker, a form of its own.
      assert.equal(index.form[5], index.form[0]);
      assert.equal(index.form[4], index.form[1]);
      assert.notEqual(index.form[6], index.form[0]);
      assert.equal(index.item(5).norm, index.item(0).norm);
    });
  }
});

describe('normalised forms with their units numbered', () => {
  it('are the forms `normalize` gives, one number for each shared unit array', () => {
    const texts = [
      'The harbour board approved 40 new cranes on Tuesday, the mayor said.',
      'Dockworkers pulled back from the strike after the board approved the cranes.',
      'Mara Lind said the board would not approve more cranes.',
    ];
    const byNumber = new Map<number, readonly string[]>();
    let own = 0;
    for (const t of texts) {
      const c = claim(t, { entities: t.includes('Mara') ? ['Mara Lind'] : [], numbers: t.includes('40') ? [{ value: 40, unit: 'crane', qualifier: null }] : [] });
      const { norm, numbers } = normalizeNumbered(c);
      assert.deepEqual(norm, normalize(c));
      assert.equal(numbers.length, norm.units.length);
      norm.units.forEach((unit, u) => {
        const n = numbers[u];
        if (n < 0) { own++; return; }
        const was = byNumber.get(n);
        if (was) assert.equal(unit, was, `unit ${n} is one array`);
        else byNumber.set(n, unit);
      });
    }
    // "board", "approve" and "crane" recur: their units are the same arrays under the same numbers.
    assert.ok(byNumber.size > 0);
    assert.ok([...byNumber.values()].some(u => u[0] === 'board'));
    assert.ok(own >= 1, 'a number with its unit is a unit of its own claim');
  });

  it('reads a word the same after thousands of others, and tells words apart by case', () => {
    const c = claim('Officials said the harbour board reopened the northern quay.');
    const before = normalize(c);
    // Past the word table's first sizes: many distinct words met in between.
    for (let k = 0; k < 300; k++) {
      const words: string[] = [];
      for (let j = 0; j < 30; j++) words.push(`qz${(k * 30 + j).toString(36)}x`);
      normalize(claim(`The council ${words.join(' ')} approved it.`));
    }
    assert.deepEqual(normalize(c), before);
    // A word met in the many texts is read as itself, not as another word.
    const many = normalize(claim('The council qz1x qz2x approved it.')).units.map(u => u[0]);
    assert.ok(many.includes('qz1x') && many.includes('qz2x'), many.join(' '));
    // "harbour" (a word) and "Harbour" inside a sentence (a name's word: no key) are two words.
    const keys = (t: string) => normalize(claim(t)).units.map(u => u[0]);
    assert.ok(keys('They met near the harbour wall.').includes('harbour'));
    assert.ok(!keys('They met at the Harbour Hall.').includes('harbour'));
    assert.ok(keys('They met near the harbour wall.').includes('harbour'));
  });
});
