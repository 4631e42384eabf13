/**
 * The reuse index's posting table (reuse/postings.ts): postings added later (`addLater`, in bulk, in the order of
 * their features' hashes) give the table postings added one by one give: the same chains, in the same order, the
 * same counts, through growth, removals and compaction.
 */
import assert from 'node:assert/strict';
import { PostingTable } from '../../src/core/reuse/postings';
import { rng } from '../support/rng';

/** Every feature's chain (unit ids, first to last) and live count. */
function chains(t: PostingTable, features: Iterable<number>): Map<number, { units: number[]; live: number }> {
  const out = new Map<number, { units: number[]; live: number }>();
  for (const f of features) {
    const units: number[] = [];
    for (let p = t.chain(f); p >= 0; p = t.nextOf(p)) units.push(t.unitAt(p));
    out.set(f, { units, live: t.live(f) });
  }
  return out;
}

describe('posting table', () => {
  it('gives the same chains and counts for postings added later in bulk as for postings added one by one', () => {
    const rand = rng(7);
    // Few features, many postings each, and many features once: the table grows several times on the way.
    const features: number[] = [];
    for (let k = 0; k < 200; k++) features.push(Math.floor(rand() * 0x3fffffff));
    const postings: [number, number][] = [];
    for (let sid = 0; sid < 30000; sid++) {
      postings.push([features[Math.floor(rand() * features.length)], sid]);
      postings.push([Math.floor(rand() * 0x3fffffff), sid]);
    }
    const one = new PostingTable(5, 16, 16), bulk = new PostingTable(5, 16, 16);
    for (const [f, sid] of postings) { one.add(f, sid); bulk.addLater(f, sid); }
    assert.equal(bulk.size, one.size);
    const all = new Set(postings.map(p => p[0]));
    assert.deepEqual(chains(bulk, all), chains(one, all));
    // Saturated features (more than the cap) have no head; the others their newest posting first.
    for (const f of features.slice(0, 20)) assert.equal(bulk.head(f), one.head(f) < 0 ? -1 : bulk.chain(f));
    // Removals, more postings later, then a compaction: still the same.
    const dead = new Set<number>();
    for (let k = 0; k < postings.length; k += 3) { const [f, sid] = postings[k]; dead.add(sid); one.drop(f); bulk.drop(f); }
    for (let sid = 30000; sid < 31000; sid++) { const f = features[sid % features.length]; one.add(f, sid); bulk.addLater(f, sid); }
    // (A compaction that gives the live units new ids: every other unit id halved.)
    const map = new Int32Array(31000);
    for (let sid = 0; sid < map.length; sid++) map[sid] = dead.has(sid) ? -1 : sid >> 1;
    one.renumber(map); bulk.renumber(map);
    assert.equal(bulk.size, one.size);
    assert.deepEqual(chains(bulk, all), chains(one, all));
  });
});
