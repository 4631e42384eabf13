/**
 * `sameNormalised` walks two texts side by side instead of building their
 * `normalised` forms: it must answer exactly as comparing those forms does.
 */
import assert from 'node:assert/strict';
import { normalised, sameNormalised } from '../../src/core/reuse/reuseText';
import { rng } from '../support/rng';

// Letters in both cases, every quote style the function maps, white space of every kind
// (ASCII and not), and characters lower-casing changes in length or maps outside ASCII.
const PIECES = ['a', 'B', 'c', 'Z', '.', ',', '"', "'", '‘', '’', '‚', '‛', '′', '“', '”', '„', '‟', '″', ' ', '  ', '\t', '\n', '\r\n',
  '\v', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', 'É', 'é', 'İ', 'ß', 'Σ', '—', '1'];

function text(rand: () => number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

/** A variant that often normalises the same: a quote style, a case or a run of white space swapped. */
function variant(s: string, rand: () => number): string {
  const swaps: [RegExp, string][] = [[/’/g, "'"], [/“/g, '"'], [/B/g, 'b'], [/ +/g, '\t'], [/\n/g, ' \u00a0'], [/^/, ' '], [/$/, '\n'], [/É/g, 'é'], [/c/g, 'C']];
  let out = s;
  for (const [re, to] of swaps) if (rand() < 0.4) out = out.replace(re, to);
  if (rand() < 0.2) { const at = Math.floor(rand() * (out.length + 1)); out = out.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)] + out.slice(at); }
  return out;
}

describe('sameNormalised', () => {
  it('answers as comparing the normalised texts does, on random pairs (many equal, many not)', () => {
    const rand = rng(5);
    let equal = 0, differ = 0;
    for (let n = 0; n < 20_000; n++) {
      const a = text(rand, Math.floor(rand() * 12));
      const b = rand() < 0.7 ? variant(a, rand) : text(rand, Math.floor(rand() * 12));
      const want = normalised(a) === normalised(b);
      assert.equal(sameNormalised(a, b), want, JSON.stringify([a, b]));
      assert.equal(sameNormalised(b, a), want, JSON.stringify([b, a]));
      if (want) equal++; else differ++;
    }
    assert.ok(equal > 2_000 && differ > 2_000, `${equal} equal, ${differ} differing pairs`);
  });

  it('treats white space at the ends and inside as normalised does', () => {
    assert.equal(sameNormalised('  He said “no.”\n', 'he  said "NO."'), true);
    assert.equal(sameNormalised('he said no', 'he said no.'), false);
    assert.equal(sameNormalised('he said', 'he said\u00a0 '), true);
    assert.equal(sameNormalised('he said', 'hesaid'), false);
    assert.equal(sameNormalised('İstanbul', 'i̇stanbul'), normalised('İstanbul') === normalised('i̇stanbul'));
  });
});
