import assert from 'node:assert/strict';
import { groupClaims, JOIN_SHARE, joins, placeRanks, Places } from '../../src/core/claims/groups';
import type { Claim } from '../../src/core/types';

/** One claim per document, `links[path]` the documents it corroborates (mirrored), similarity `sims[pair]` or 0.8. */
function docs(paths: string[], links: [string, string, number?][]): { path: string; claims: Claim[] }[] {
  const out = paths.map(path => ({ path, claims: [{
    start: 0, end: 1, text: 'x', kind: 'statement' as const, speaker: null, entities: [], numbers: [], status: 'unique' as const,
    corroboratedBy: [] as Claim['corroboratedBy'], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1,
  }] }));
  const of = (p: string) => out.find(d => d.path === p)!.claims[0];
  for (const [a, b, similarity = 0.8] of links) {
    of(a).corroboratedBy.push({ path: b, start: 0, end: 1, similarity });
    of(b).corroboratedBy.push({ path: a, start: 0, end: 1, similarity });
  }
  return out;
}

/** The groups as sorted lists of paths, sorted. */
function partition(ds: { path: string; claims: Claim[] }[]): string[][] {
  const by = new Map<string, string[]>();
  for (const d of ds) { const g = d.claims[0].claimGroup; if (g) (by.get(g) ?? by.set(g, []).get(g)!).push(d.path); }
  return [...by.values()].map(g => g.sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

describe('claim groups: a claim joins a group it links to enough of', () => {
  it('a chain of single links does not snowball: a claim joins by one link a group of at most 1 / JOIN_SHARE claims', () => {
    const names = Array.from({ length: 20 }, (_, k) => `p${String(k).padStart(2, '0')}`);
    const chain = docs(names, names.slice(1).map((p, k) => [names[k], p] as [string, string]));
    groupClaims(chain);
    const sizes = chain.map(d => d.claims[0].claimGroupSize ?? 1);
    assert.ok(Math.max(...sizes) <= 1 / JOIN_SHARE + 1, `groups of ${sizes.join(',')}`);
    assert.ok(Math.max(...sizes) >= 3, 'a short chain still makes a group');
    // Every claim of a chain is in a group: its pairs and short runs are kept.
    assert.ok(sizes.every(s => s >= 2));
  });
  it('a claim linked to enough of a group joins it; linked to one of six, it joins only if left alone, and brings nothing with it', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    const clique: [string, string, number][] = [];
    for (let i = 0; i < six.length; i++) for (let j = i + 1; j < six.length; j++) clique.push([six[i], six[j], 0.9]);
    // x links to a, y to x only: x and y pair up, the six stay six.
    const chained = docs([...six, 'x', 'y'], [...clique, ['x', 'a', 0.5], ['y', 'x', 0.4]]);
    groupClaims(chained);
    assert.deepEqual(partition(chained), [six, ['x', 'y']]);
    // x alone with one link to the six: a corroborated claim is in a group, so it joins the group of its strongest link.
    const one = docs([...six, 'x', 'z'], [...clique, ['x', 'a', 0.5], ['x', 'c', 0.45], ['z', 'b', 0.3]]);
    groupClaims(one);
    assert.deepEqual(partition(one), [[...six, 'x', 'z']]);
    const two = docs([...six, 'x'], [...clique, ['x', 'a', 0.5], ['x', 'b', 0.5]]);
    groupClaims(two);
    assert.equal(two[6].claims[0].claimGroup, two[0].claims[0].claimGroup);
    assert.equal(two[0].claims[0].claimGroupSize, 7);
  });
  it('a leaf is given no implied link: it keeps the one link it joined by', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    const clique: [string, string, number][] = [];
    for (let i = 0; i < six.length; i++) for (let j = i + 1; j < six.length; j++) clique.push([six[i], six[j], 0.9]);
    // x carries a's claim strongly but links to none of the rest: too loose a tie for the group's rule.
    const leaf = docs([...six, 'x'], [...clique, ['x', 'a', 0.9]]);
    groupClaims(leaf);
    assert.equal(leaf[6].claims[0].claimGroup, leaf[0].claims[0].claimGroup, 'in the group of its link');
    assert.deepEqual(leaf[6].claims[0].corroboratedBy.map(l => l.path), ['a']);
    assert.ok(leaf.slice(1, 6).every(d => d.claims[0].corroboratedBy.every(l => l.path !== 'x')), 'nor listed by the others');
    // An uneven chain: its run of strong links makes a group of five, the claim past it a leaf that chains nothing.
    const names = Array.from({ length: 11 }, (_, k) => `p${String(k).padStart(2, '0')}`);
    const chain = docs(names, names.slice(1).map((p, k) => [names[k], p, k === 4 || k === 5 ? 0.5 : 0.9] as [string, string, number]));
    groupClaims(chain);
    assert.deepEqual(chain[5].claims[0].corroboratedBy.map(l => l.path).sort(), ['p04', 'p06']);
  });
  it('two groups merge through two links only when those are enough of the pairs they make', () => {
    const quad = (names: string[]) => names.flatMap((a, i) => names.slice(i + 1).map(b => [a, b, 0.9] as [string, string, number]));
    const a = ['a1', 'a2', 'a3', 'a4'], b = ['b1', 'b2', 'b3', 'b4'];
    const loose = docs([...a, ...b], [...quad(a), ...quad(b), ['a1', 'b1', 0.5], ['a2', 'b2', 0.5]]);
    groupClaims(loose);
    assert.deepEqual(partition(loose), [a, b], 'two links of sixteen pairs');
    const more = docs([...a, ...b], [...quad(a), ...quad(b), ['a1', 'b1', 0.5], ['a2', 'b2', 0.5], ['a3', 'b3', 0.5], ['a4', 'b4', 0.5]]);
    groupClaims(more);
    assert.deepEqual(partition(more), [[...a, ...b]], 'four links of sixteen pairs');
    // Claims of one document cannot link: pairs within a document do not count against a join.
    assert.ok(joins(1, 4, false) && !joins(1, 5, false) && !joins(1, 2, true) && joins(2, 8, true));
  });
  it('groups do not depend on the order the documents came in (ties broken by place)', () => {
    // Two pairs, and x linked to one member of each as strongly: x joins the pair whose place comes first, whatever the order.
    const links: [string, string, number][] = [['a', 'b', 0.9], ['c', 'd', 0.9], ['x', 'a', 0.5], ['x', 'c', 0.5]];
    const forward = docs(['a', 'b', 'x', 'c', 'd'], links), backward = docs(['c', 'd', 'x', 'a', 'b'], links);
    groupClaims(forward);
    groupClaims(backward);
    assert.deepEqual(partition(forward), [['a', 'b', 'x'], ['c', 'd']]);
    assert.deepEqual(partition(backward), partition(forward));
  });
});

describe('Places: ids of places by numbers', () => {
  it('finds an item by path and offsets, and nothing at a place no item holds', () => {
    const span = (start: number, end: number) => ({ start, end });
    const at = new Places(['p', 'q'], d => (d === 0 ? [span(0, 5), span(7, 12)] : [span(0, 5), span(3, 4)]));
    assert.equal(at.id({ path: 'p', start: 7, end: 12 }), 1);
    assert.equal(at.id({ path: 'q', start: 0, end: 5 }), 2);
    assert.equal(at.path(3), 'q');
    // Same start, other end; offsets past the document's items; another path.
    assert.equal(at.id({ path: 'p', start: 7, end: 11 }), -1);
    assert.equal(at.id({ path: 'p', start: 0, end: 13 }), -1);
    assert.equal(at.id({ path: 'p', start: 5, end: 0 }), -1, 'end * base + start must not alias another place');
    assert.equal(at.id({ path: 'r', start: 0, end: 5 }), -1);
    assert.deepEqual([...placeRanks(at)], [0, 1, 2, 3]);
    assert.deepEqual([...placeRanks(new Places(['q', 'p'], () => [span(4, 6), span(1, 2)]))], [3, 2, 1, 0]);
  });
  it('tells apart items one offset apart in a document far past 2^26 units (where end * base + start is no longer exact)', () => {
    const end = 2 ** 27, span = (start: number) => ({ start, end });
    const at = new Places(['huge'], () => [span(1001), span(1002), span(1003)]);
    assert.deepEqual([1001, 1002, 1003].map(start => at.id({ path: 'huge', start, end })), [0, 1, 2]);
  });
});
