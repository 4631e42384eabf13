/**
 * The one table of words by their characters (text/wordTable.ts): entries numbered in the order added, found again by
 * the characters wherever they stand in a text, through growth and emptying; colliding hashes kept apart.
 */
import assert from 'node:assert/strict';
import { WordTable } from '../../src/core/text/wordTable';
import { rng } from '../support/rng';

const fnv = (t: string, s: number, e: number) => { let h = 0x811c9dc5 | 0; for (let i = s; i < e; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193); return h; };

describe('word table', () => {
  it('numbers words in the order added and finds each again, in another text and at another place', () => {
    const table = new WordTable(4);
    const rand = rng(11);
    const words: string[] = [];
    for (let k = 0; k < 5000; k++) {
      let w = '';
      for (let n = 1 + Math.floor(rand() * 9); n > 0; n--) w += 'abcdeéxyzÄ'[Math.floor(rand() * 10)];
      words.push(w);
    }
    const seen = new Map<string, number>();
    for (const w of words) {
      const text = `..${w}--`, k = table.find(text, 2, 2 + w.length, fnv(w, 0, w.length));
      if (seen.has(w)) assert.equal(k, seen.get(w), w);
      else { assert.equal(k, -1, w); const n = table.add(text, 2, 2 + w.length, fnv(w, 0, w.length)); assert.equal(n, seen.size); seen.set(w, n); }
    }
    assert.equal(table.size, seen.size);
    const all = [...seen.keys()].join(' ');
    for (let at = 0; at < all.length;) {
      const e = all.indexOf(' ', at) < 0 ? all.length : all.indexOf(' ', at);
      assert.equal(table.find(all, at, e, fnv(all, at, e)), seen.get(all.slice(at, e)));
      at = e + 1;
    }
  });

  it('keeps words apart whose hashes are equal, and apart from their prefixes', () => {
    const table = new WordTable();
    const a = table.add('alpha', 0, 5, 7), b = table.add('alpine', 0, 6, 7), c = table.add('alp', 0, 3, 7);
    assert.deepEqual([a, b, c], [0, 1, 2]);
    assert.equal(table.find('alpine', 0, 6, 7), 1);
    assert.equal(table.find('xalphax', 1, 6, 7), 0);
    assert.equal(table.find('alp', 0, 3, 7), 2);
    assert.equal(table.find('alpha', 0, 4, 7), -1);
  });

  it('starts again from 0 once emptied, the old words gone, even when emptied between a find and its add', () => {
    const table = new WordTable();
    for (let k = 0; k < 100; k++) { const w = `w${k}`; assert.equal(table.find(w, 0, w.length, fnv(w, 0, w.length)), -1); table.add(w, 0, w.length, fnv(w, 0, w.length)); }
    assert.equal(table.find('w5', 0, 2, fnv('w5', 0, 2)), 5);
    assert.equal(table.find('new', 0, 3, fnv('new', 0, 3)), -1);
    table.clear();
    assert.equal(table.add('new', 0, 3, fnv('new', 0, 3)), 0);
    assert.equal(table.size, 1);
    assert.equal(table.find('w5', 0, 2, fnv('w5', 0, 2)), -1);
    assert.equal(table.find('new', 0, 3, fnv('new', 0, 3)), 0);
  });

  it('keeps each entry’s payload with it, signed and 32 bits wide, through growth; a prefetch changes no answer', () => {
    const table = new WordTable(4, 2);
    const rand = rng(17);
    const values = new Map<string, [number, number]>();
    for (let k = 0; k < 3000; k++) {
      const w = `w${Math.floor(rand() * 2000)}`, h = fnv(w, 0, w.length);
      if (k % 7 === 0) {
        // (The first probe of every word asked so far, in no particular order: answers and payloads stay as they were.)
        const hashes = Int32Array.from([...values.keys()].map(x => fnv(x, 0, x.length)));
        table.prefetch(hashes, hashes.length);
      }
      if (table.find(w, 0, w.length, h) >= 0) {
        assert.deepEqual([table.payload(0), table.payload(1)], values.get(w), w);
        continue;
      }
      assert.ok(!values.has(w), w);
      table.add(w, 0, w.length, h);
      assert.deepEqual([table.payload(0), table.payload(1)], [0, 0], 'a new entry’s payload is 0');
      const v: [number, number] = [Math.floor(rand() * 2 ** 32) - 2 ** 31, k % 3 ? -1 : k];
      table.setPayload(0, v[0]);
      table.setPayload(1, v[1]);
      values.set(w, v);
    }
    for (const [w, v] of values) {
      assert.ok(table.find(w, 0, w.length, fnv(w, 0, w.length)) >= 0, w);
      assert.deepEqual([table.payload(0), table.payload(1)], v, w);
    }
  });
});
