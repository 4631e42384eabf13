/**
 * `longestRunIn` keeps its two rows of scratch space between calls: each call's answer is the longest run the two
 * sequences have in common, whatever the calls before it left in the rows (longer or shorter sequences, other values).
 */
import assert from 'node:assert/strict';
import { longestRun, longestRunIn } from '../../src/core/reuse/reuseText';

/** The longest common run, by trying every pair of starts. */
function reference(a: readonly number[], b: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
    let n = 0;
    while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
    if (n > best) best = n;
  }
  return best;
}

describe('the longest run two id sequences share', () => {
  it('is found the same after calls on longer, shorter and other sequences', () => {
    // A small generator, fixed: sequences over few ids (many runs), their lengths jumping up and down.
    let seed = 7;
    const next = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    for (let k = 0; k < 400; k++) {
      const a = Array.from({ length: next(k % 7 === 0 ? 150 : 25) }, () => next(4));
      const b = Array.from({ length: next(k % 5 === 0 ? 140 : 25) }, () => next(4));
      assert.equal(longestRun(Int32Array.from(a), Int32Array.from(b)), reference(a, b), JSON.stringify([a, b]));
    }
  });

  it('reads only the slices it is given', () => {
    const a = Int32Array.from([9, 9, 9, 1, 2, 3, 4, 9, 9]), b = Int32Array.from([9, 9, 1, 2, 3, 5, 9, 9, 9, 9]);
    assert.equal(longestRunIn(a, 3, 4, b, 2, 4), 3);
    assert.equal(longestRunIn(a, 0, 3, b, 6, 4), 3);
    // After a long call, a short one: the rows' old cells are not read.
    longestRunIn(Int32Array.from(new Array(300).fill(1)), 0, 300, Int32Array.from(new Array(300).fill(1)), 0, 300);
    assert.equal(longestRunIn(a, 3, 2, b, 2, 2), 2);
    assert.equal(longestRunIn(a, 0, 1, b, 2, 1), 0);
  });
});
