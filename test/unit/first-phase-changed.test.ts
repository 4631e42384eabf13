/**
 * The first phase of a two-phase edit tells the quote linker and the claim index
 * only what changed, and writes the new results into the map it showed last: the
 * same results, in the same order, with the same group ids, as the first phase that
 * handed them every document (`Corpus.firstPhaseScansAll`, the algorithm before),
 * through random steps: edits of one to three documents, removals, new documents,
 * documents removed and back, settles done, settles given up between steps, and a
 * resolve with the claim index off (`incremental` false).
 */
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { rng } from '../support/rng';
import { BRIDGE, BUDGET, BUDGET_NUMBER, CLAIM, fresh, report } from '../support/townReports';
import { canonicalGroups } from '../support/groups';

const POOL = [
  BRIDGE, BUDGET, BUDGET_NUMBER, CLAIM,
  '“We will not let the bridge close before the winter storms arrive,” Senator Maria Lopez said.',
  '“We will not allow the bridge to close before the winter storms arrive,” Governor Tom Reyes said.',
  'The river authority closed five ferry crossings after the flood damaged the northern pier.',
  'The river authority did not close any ferry crossings after the flood, officials said.',
  'Residents of the valley lined the streets for hours to watch the convoy of trucks carry the old bell tower across the river to its new home.',
  'Volunteers from the county fire brigade worked through the night to clear fallen trees from the mountain road above the reservoir.',
  // A surname alone, named by whichever full name the corpus holds (an edit elsewhere names these documents again).
  'Lopez said the council would vote on the bridge plan before the winter storms arrive.',
  '“The ferry crossings will reopen in the spring,” Lopez said.',
  'Councillor Ana Lopez said the ferry crossings would reopen in the spring.',
];

/** The corpus's internals the invariant below reads. */
interface Inside { named: Map<string, unknown>; quoteLinker: { docs: Map<string, { key: unknown }> }; claimIndex: { docs: Map<string, { key: unknown }> } }

/** After a first phase, both indexes know every document of the corpus by the named analysis the corpus has (and no other). */
function checkIndexed(corpus: Corpus, why: string): void {
  const c = corpus as unknown as Inside;
  const paths = corpus.paths();
  assert.deepEqual([...c.quoteLinker.docs.keys()].sort(), [...paths].sort(), `${why}: the quote linker's documents`);
  assert.deepEqual([...c.claimIndex.docs.keys()].sort(), [...paths].sort(), `${why}: the claim index's documents`);
  for (const p of paths) {
    assert.equal(c.quoteLinker.docs.get(p)!.key, c.named.get(p), `${why}: the quote linker knows ${p} as named now`);
    assert.equal(c.claimIndex.docs.get(p)!.key, c.named.get(p), `${why}: the claim index knows ${p} as named now`);
  }
}

/**
 * Two corpora given `docs`, two-phase, their results worked out: `reference` runs its
 * first phases over every document (the scan the new path replaced), `corpus` is told
 * only what changed.
 */
function twoCorpora(docs: ReadonlyMap<string, string>): { reference: Corpus; corpus: Corpus; both: Corpus[] } {
  const reference = new Corpus(), corpus = new Corpus();
  reference.firstPhaseScansAll = true;
  const both = [reference, corpus];
  for (const c of both) {
    c.deferSettle = true;
    for (const [p, t] of docs) c.set(p, t);
    c.allResults();
  }
  return { reference, corpus, both };
}

describe('the first phase, told only what changed, gives what the first phase over every document gives', function () {
  this.timeout(300_000);

  it('through random edits, removals, additions, re-additions and settles (done or given up)', () => {
    let steps = 0, changedOnly = 0, scannedAll = 0, readded = 0, givenUp = 0;
    for (const seed of [2, 7, 19]) {
      const rand = rng(seed);
      const pick = () => POOL[Math.floor(rand() * POOL.length)];
      const parts = new Map<string, string[]>();
      for (let k = 0; k < 14; k++) parts.set(`d${k}.txt`, [pick(), pick(), ...(k % 3 ? [] : [pick()])]);
      const docs = new Map<string, string>();
      for (const [p, ps] of parts) docs.set(p, report(Number(p.slice(1, -4)), ps));
      const { reference, corpus, both } = twoCorpora(docs);
      let nextDoc = 14;
      const removed: string[] = [];
      for (let step = 0; step < 30; step++) {
        const edited: string[] = [];
        for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
          const r = rand();
          const paths = [...docs.keys()];
          if (r < 0.1 && paths.length > 4) {
            const p = paths[Math.floor(rand() * paths.length)];
            docs.delete(p);
            removed.push(p);
            for (const c of both) c.delete(p);
            edited.push(`-${p}`);
            continue;
          }
          let p: string;
          if (r < 0.2 && removed.length) {
            // Back after a removal (maybe in the same step: it comes last now).
            p = removed.splice(Math.floor(rand() * removed.length), 1)[0];
            readded++;
          } else if (r < 0.3) {
            p = `d${nextDoc++}.txt`;
            parts.set(p, [pick()]);
          } else p = paths[Math.floor(rand() * paths.length)];
          const ps = [...(parts.get(p) ?? [])];
          const part = pick();
          parts.set(p, ps.includes(part) && ps.length > 1 ? ps.filter(x => x !== part) : rand() < 0.5 ? [part, ...ps] : [...ps, part]);
          docs.set(p, report(Number(p.slice(1, -4)), parts.get(p)!));
          for (const c of both) c.set(p, docs.get(p)!);
          edited.push(p);
        }
        const why = `seed ${seed} step ${step} (${edited.join(' ')})`;
        if (rand() < 0.05) {
          // A resolve with the claim index off, then on again: the next first phase cannot trust it to know every document.
          for (const c of both) { c.incremental = false; c.allResults(); c.incremental = true; }
          continue;
        }
        for (const c of both) c.last.quick = undefined;
        const want = reference.allResults(), got = corpus.allResults();
        steps++;
        if (corpus.last.quick?.all === true) scannedAll++;
        if (corpus.last.quick?.all === false) changedOnly++;
        assert.equal(reference.last.quick?.all, true, `${why}: the reference ran a first phase`);
        assert.deepEqual(got.map(r => r.path), want.map(r => r.path), `${why}: the order`);
        assert.deepEqual(got, want, `${why}: the first phase's results`);
        checkIndexed(corpus, why);
        const r = rand();
        if (r < 0.3) for (const c of both) c.settle();
        else if (r < 0.45) {
          // A settle given up after some of its steps (the next change comes).
          const n = 1 + Math.floor(rand() * 4);
          for (const c of both) { const s = c.settling(); for (let k = 0; k < n; k++) s.next(); }
          givenUp++;
        }
      }
      for (const c of both) c.settle();
      assert.deepEqual(corpus.allResults(), reference.allResults(), `seed ${seed}: settled`);
      assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)), `seed ${seed}: settled equals a fresh corpus`);
    }
    // What the steps reached (the test would mean little without both paths, re-additions and settles given up).
    assert.ok(steps >= 70, `only ${steps} first phases compared`);
    assert.ok(changedOnly >= 50, `only ${changedOnly} first phases told only what changed`);
    assert.ok(scannedAll >= 2, `only ${scannedAll} first phases fell back to every document`);
    assert.ok(readded >= 3 && givenUp >= 5, `re-added ${readded}, settles given up ${givenUp}`);
  });

  it('a document named again by a settle given up after its first step is told to the indexes by the next first phase', () => {
    const docs = new Map<string, string>([
      ['a.txt', report(0, [BRIDGE])],
      ['b.txt', report(1, ['Lopez said the council would vote on the bridge plan before the winter storms arrive.'])],
      ['c.txt', report(2, [CLAIM])],
      ['d.txt', report(3, [CLAIM, BUDGET])],
    ]);
    const { reference, corpus, both } = twoCorpora(docs);
    const speaker = (c: Corpus) => c.result('b.txt')!.claims.map(x => x.speaker).join();
    const before = speaker(corpus);
    // The only full name of the surname goes: b.txt's speaker is named otherwise, by the settle's first step (given up).
    docs.set('a.txt', report(0, [BUDGET]));
    for (const c of both) { c.set('a.txt', docs.get('a.txt')!); c.allResults(); c.settling().next(); }
    docs.set('c.txt', report(2, [CLAIM, BUDGET_NUMBER]));
    for (const c of both) c.set('c.txt', docs.get('c.txt')!);
    assert.deepEqual(corpus.allResults(), reference.allResults());
    assert.equal(corpus.last.quick?.all, false);
    checkIndexed(corpus, 'after the settle given up');
    for (const c of both) c.settle();
    assert.notEqual(speaker(corpus), before, 'b.txt was named again');
    assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)));
  });

  it('a document removed and back before a first phase comes last, as in a corpus given every document', () => {
    const docs = new Map<string, string>();
    for (let k = 0; k < 6; k++) docs.set(`r${k}.txt`, report(k, k % 2 ? [BRIDGE, CLAIM] : [BUDGET, CLAIM]));
    const { reference, corpus, both } = twoCorpora(docs);
    for (const c of both) { c.delete('r2.txt'); c.set('r2.txt', report(2, [BRIDGE, BUDGET_NUMBER])); c.set('r4.txt', report(4, [CLAIM])); }
    const got = corpus.allResults();
    assert.deepEqual(got.map(r => r.path), ['r0.txt', 'r1.txt', 'r3.txt', 'r4.txt', 'r5.txt', 'r2.txt']);
    assert.deepEqual(got, reference.allResults());
    checkIndexed(corpus, 'removed and back');
    // The next first phase is told only what changed again.
    for (const c of both) c.set('r1.txt', report(1, [BRIDGE]));
    assert.deepEqual(corpus.allResults(), reference.allResults());
    assert.equal(corpus.last.quick?.all, false);
  });

  it('a first phase leaves alone the results handed out before it (the exact ones a settle starts from, and its own)', () => {
    const docs = new Map<string, string>();
    for (let k = 0; k < 8; k++) docs.set(`r${k}.txt`, report(k, k % 2 ? [BRIDGE, CLAIM] : [BUDGET, CLAIM]));
    const corpus = new Corpus();
    corpus.deferSettle = true;
    for (const [p, t] of docs) corpus.set(p, t);
    const exact = corpus.allResults();
    const exactJson = JSON.stringify(exact);
    docs.set('r1.txt', report(1, [BUDGET_NUMBER, CLAIM]));
    corpus.set('r1.txt', docs.get('r1.txt')!);
    const first = corpus.allResults();
    const firstJson = JSON.stringify(first);
    docs.set('r2.txt', report(2, [BRIDGE]));
    docs.set('new.txt', report(9, [CLAIM, BRIDGE]));
    docs.delete('r5.txt');
    for (const p of ['r2.txt', 'new.txt']) corpus.set(p, docs.get(p)!);
    corpus.delete('r5.txt');
    const second = corpus.allResults();
    assert.equal(corpus.last.quick?.all, false, 'the second first phase was told only what changed');
    assert.deepEqual(second.map(r => r.path), ['r0.txt', 'r1.txt', 'r2.txt', 'r3.txt', 'r4.txt', 'r6.txt', 'r7.txt', 'new.txt']);
    assert.equal(JSON.stringify(exact), exactJson, 'the exact results are as they were');
    assert.equal(JSON.stringify(first), firstJson, 'the first phase\'s results are as they were');
    assert.equal(corpus.settle(), true);
    assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)));
  });
});
