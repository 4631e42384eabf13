/**
 * A full `Memo` drops the entry added first (first in, first out; a hit does not
 * renew an entry), across many drops, a `clear` and hits in between: checked against
 * a plain model of the same rule.
 */
import assert from 'node:assert/strict';
import { Memo, OldestFirst } from '../../src/core/text/memo';

/** The rule as a list: the keys held, oldest first. */
class Model {
  readonly held: string[] = [];
  constructor(private readonly limit: number) {}
  /** Whether `key` is computed (a miss). */
  get(key: string): boolean {
    if (this.held.includes(key)) return false;
    if (this.held.length >= this.limit) this.held.shift();
    this.held.push(key);
    return true;
  }
}

describe('memo eviction', () => {
  it('drops the oldest entry first, hits left in place', () => {
    const memo = new Memo<number>(3);
    const computed: string[] = [];
    const get = (k: string) => memo.get(k, t => (computed.push(t), t.length));
    for (const k of ['a', 'bb', 'ccc', 'a', 'dddd', 'a', 'bb']) get(k);
    // 'a' is a hit the second time, yet the oldest when 'dddd' comes: dropped, then computed again (dropping 'bb').
    assert.deepEqual(computed, ['a', 'bb', 'ccc', 'dddd', 'a', 'bb']);
    assert.equal(memo.size, 3);
  });

  it('follows the first-in-first-out model over thousands of drops, a clear and repeated keys', () => {
    const limit = 50;
    const memo = new Memo<string>(limit), model = new Model(limit);
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    let misses = 0;
    for (let step = 0; step < 20_000; step++) {
      if (step === 9_000) { memo.clear(); model.held.length = 0; }
      // Mostly new keys, some recent ones (hits), some a little older (dropped already, or about to be).
      const r = rand(10);
      const key = r < 6 ? `k${step}` : `k${Math.max(0, step - 1 - rand(r < 8 ? 40 : 120))}`;
      let miss = false;
      const v = memo.get(key, t => { miss = true; return t.toUpperCase(); });
      assert.equal(v, key.toUpperCase());
      const modelMiss = model.get(key);
      assert.equal(miss, modelMiss, `step ${step}: ${key}`);
      if (miss) misses++;
      assert.equal(memo.size, model.held.length);
    }
    assert.ok(misses > 10_000 && misses < 19_000, `${misses} misses: both drops and hits were exercised`);
    // What is held is exactly the model's: each of those is a hit now.
    for (const k of model.held) memo.get(k, () => assert.fail(`${k} should be held`));
  });

  it('OldestFirst (the paragraph and claim caches too) drops in insertion order when other entries are deleted and keys come back', () => {
    const map = new Map<string, number>(), oldest = new OldestFirst(map);
    const model: string[] = [];
    let seed = 3;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let step = 0; step < 5_000; step++) {
      const r = rand(10);
      if (r < 6) { const k = `k${rand(300)}`; if (!map.has(k)) { map.set(k, step); model.push(k); } }
      else if (r < 8 && model.length) { oldest.drop(); model.shift(); }
      else if (model.length) { const k = model.splice(rand(model.length), 1)[0]; map.delete(k); }
      assert.deepEqual([...map.keys()], model, `step ${step}`);
    }
  });
});
