/**
 * `Filed` postings (one id as a number, more as a set) against a plain `Set` model:
 * the same ids, in the same order, and the same counts, through random files and
 * unfiles; a key with no id left is gone from its map.
 */
import assert from 'node:assert/strict';
import { type Filed, fileIn, filedCount, filedIds, unfileFrom, withId, withoutId } from '../../src/core/corpus/filed';

/** A small deterministic generator (the test's runs are the same every time). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('filed postings', () => {
  it('hold what a Set holds, in the same order, through random files and unfiles', () => {
    const rand = lcg(7);
    const map = new Map<string, Filed>();
    const model = new Map<string, Set<number>>();
    for (let step = 0; step < 5000; step++) {
      const key = `k${Math.floor(rand() * 20)}`, id = Math.floor(rand() * 6);
      const set = model.get(key) ?? new Set<number>();
      if (rand() < 0.55) {
        set.add(id);
        model.set(key, set);
        assert.equal(fileIn(map, key, id), set.size);
      } else {
        const had = set.delete(id);
        if (!set.size) model.delete(key);
        assert.equal(unfileFrom(map, key, id), had ? set.size : -1);
      }
      const f = map.get(key);
      assert.equal(filedCount(f), model.get(key)?.size ?? 0);
      assert.deepEqual([...filedIds(f)], [...(model.get(key) ?? [])]);
      if (filedCount(f) === 1) assert.equal(typeof f, 'number', 'one id is kept as its number');
    }
    assert.deepEqual([...map.keys()].sort(), [...model.keys()].sort(), 'no key is left empty');
  });

  it('withId and withoutId hand back the new value', () => {
    let f: Filed | undefined = withId(undefined, 3);
    assert.equal(f, 3);
    assert.equal(withId(f, 3), 3, 'the same id twice is one');
    f = withId(f, 5);
    assert.deepEqual([...filedIds(f)], [3, 5]);
    assert.equal(withoutId(f, 4), f, 'an id not held changes nothing');
    f = withoutId(f, 3);
    assert.equal(f, 5);
    assert.equal(withoutId(f, 5), undefined);
    assert.equal(withoutId(7, 5), 7);
  });
});
