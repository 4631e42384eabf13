/**
 * A settle's steps pause inside (yield `PAUSE`) when their slice of time is spent, so
 * that an edit arriving mid-step waits for a slice, not for the step. With slices of
 * 0 ms every check pauses; a settle given up at any of those pauses must leave the
 * results shown whole and the next settle exact.
 */
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { PAUSE, Slice, drain, sortingIndices, WHOLE } from '../../src/core/text/slice';
import { canonicalGroups } from '../support/groups';
import { rng } from '../support/rng';
import { BRIDGE, BUDGET, BUDGET_NUMBER, CLAIM, fresh, report } from '../support/townReports';

const PARTS = [BRIDGE, BUDGET, BUDGET_NUMBER, CLAIM,
  'Residents of the valley lined the streets for hours to watch the convoy of trucks carry the old bell tower across the river to its new home.',
  '“We will not allow the bridge to close before the winter storms arrive,” Mayor Tom Reyes said on Tuesday.'];

describe('settle steps that pause inside', function () {
  this.timeout(240_000);

  it('a slice of 0 ms pauses at every check, Infinity never, and drain runs a step to its end', () => {
    assert.equal(new Slice(0).due(), true);
    const never = new Slice(Infinity);
    for (let k = 0; k < 1000; k++) assert.equal(never.due(), false);
    function* counted(): Generator<string, number> { yield PAUSE; yield PAUSE; return 7; }
    assert.equal(drain(counted()), 7);
  });

  it('reads the clock seldom in a loop of quick turns, and at every turn in a loop of long ones', () => {
    let now = 0, reads = 0;
    const clock = () => { reads++; return now; };
    const slice = new Slice(8, clock);
    // 10,000 quick turns (0.5 µs each, 5 ms in all): the clock read about once every 64 of them once the stride has grown.
    reads = 0;
    for (let k = 0; k < 10_000; k++) { now += 0.0005; assert.equal(slice.due(), false); }
    assert.ok(reads < 10_000 / 64 + 12, `${reads} reads in 10,000 quick turns`);
    // Then turns of 3 ms: the slice is found spent at the first read past its 8 ms, and after a pause (a new slice)
    // every turn reads the clock, so the slice ends after three turns, not 64.
    let turns = 0;
    do { now += 3; turns++; } while (!slice.due());
    assert.ok(turns <= 64, `${turns} turns`);
    slice.next();
    turns = 0;
    do { now += 3; turns++; } while (!slice.due());
    assert.equal(turns, 3);
    // A slice of 0 ms is spent at every ask.
    const zero = new Slice(0, clock);
    assert.equal(zero.due(), true);
    assert.equal(zero.due(), true);
  });

  it('a pausable sort gives the order of the engine\'s stable sort, ties in index order', () => {
    const rand = rng(3);
    for (const n of [0, 1, 2, 3, 7, 64, 65, 1000, 4099]) {
      // Few distinct keys: most comparisons are ties, which must keep the indices' order.
      const keys = Array.from({ length: n }, () => Math.floor(rand() * 5));
      const second = Array.from({ length: n }, () => Math.floor(rand() * 3));
      const compare = (a: number, b: number) => keys[a] - keys[b] || second[b] - second[a];
      const want = Array.from({ length: n }, (_, k) => k).sort(compare);
      let pauses = 0;
      const steps = sortingIndices(n, compare, new Slice(0));
      let s = steps.next();
      while (!s.done) { assert.equal(s.value, PAUSE); pauses++; s = steps.next(); }
      assert.deepEqual([...s.value], want, `n = ${n}, sliced`);
      assert.deepEqual([...drain(sortingIndices(n, compare, WHOLE))], want, `n = ${n}, whole`);
      if (n > 1) assert.ok(pauses > 0, `n = ${n}: no pause`);
    }
  });

  it('pauses inside its steps, and a settle given up at any pause leaves the next settle exact', () => {
    const rand = rng(5);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const docs = new Map<string, string>();
    for (let k = 0; k < 14; k++) docs.set(`r${String(k).padStart(2, '0')}.txt`, report(k, [pick(PARTS), pick(PARTS), pick(PARTS)]));
    const corpus = new Corpus();
    corpus.deferSettle = true;
    corpus.settleSliceMs = 0;
    for (const [p, t] of docs) corpus.set(p, t);
    corpus.allResults();
    let pauses = 0, givenUp = 0;
    for (let round = 0; round < 12; round++) {
      const key = pick([...docs.keys()]);
      docs.set(key, report(round + 20, [pick(PARTS), pick(PARTS)]));
      corpus.set(key, docs.get(key)!);
      const shown = corpus.allResults();
      // Run the settle to a random pause (or a step's end), then either give it up with an edit or let it finish.
      const steps = corpus.settling();
      const stop = Math.floor(rand() * 60);
      let s = steps.next(), n = 0;
      while (!s.done && n < stop) {
        if (s.value === PAUSE) pauses++;
        n++;
        s = steps.next();
      }
      if (!s.done && rand() < 0.7) {
        assert.deepEqual(corpus.allResults(), shown, `round ${round}: while paused, the first phase's results are shown`);
        const other = pick([...docs.keys()]);
        docs.set(other, report(round + 40, [pick(PARTS), pick(PARTS), pick(PARTS)]));
        corpus.set(other, docs.get(other)!);
        assert.equal(steps.next().done, true, `round ${round}: the settle under way was given up`);
        givenUp++;
      } else {
        while (!s.done) { if (s.value === PAUSE) pauses++; s = steps.next(); }
      }
      corpus.settle();
      assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)), `round ${round}: settled equals a fresh corpus`);
    }
    assert.ok(pauses > 50, `only ${pauses} pauses met`);
    assert.ok(givenUp >= 3, `only ${givenUp} settles given up`);
  });

  it('a settle given up while it numbers the groups leaves the ids as a settle given up before it began', () => {
    // Two corpora take the same edits. After each, both run a settle to the end of the step before the ids ('same'): one is given up
    // there, the other goes some way into the ids step first. The ids left behind (which ids are held, and the next
    // new one) must be the same, so the settles after give the same ids.
    const rand = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const docs = new Map<string, string>();
    for (let k = 0; k < 12; k++) docs.set(`r${String(k).padStart(2, '0')}.txt`, report(k, [pick(PARTS), pick(PARTS), pick(PARTS)]));
    const before = new Corpus(), inside = new Corpus();
    for (const c of [before, inside]) {
      c.deferSettle = true;
      c.settleSliceMs = 0;
      for (const [p, t] of docs) c.set(p, t);
      c.allResults();
    }
    /** Runs a settle to the end of the step before the ids ('same'), then `extra` pauses more; whether it is still under way. */
    const runTo = (steps: Generator<string, boolean>, extra: number): boolean => {
      let s = steps.next();
      while (!s.done && s.value !== 'same') s = steps.next();
      for (let k = 0; k < extra && !s.done; k++) s = steps.next();
      return !s.done;
    };
    let inIds = 0;
    for (let round = 0; round < 10; round++) {
      const edits = [pick([...docs.keys()]), pick([...docs.keys()])];
      const texts = edits.map((_, k) => report(round * 2 + k + 30, [pick(PARTS), pick(PARTS)]));
      docs.set(edits[0], texts[0]);
      for (const c of [before, inside]) { c.set(edits[0], texts[0]); c.allResults(); }
      const a = before.settling(), b = inside.settling();
      assert.ok(runTo(a, 0), `round ${round}: the settle stops after its links`);
      const extra = 1 + Math.floor(rand() * 60);
      if (runTo(b, extra)) inIds++;
      // (Ended before the edit: the other settle runs to its end as well, so that both corpora stay alike.)
      else while (!a.next().done);
      // The second edit gives both settles up (or comes after both).
      docs.set(edits[1], texts[1]);
      for (const c of [before, inside]) c.set(edits[1], texts[1]);
      assert.equal(a.next().done, true);
      assert.equal(b.next().done, true);
      assert.deepEqual(inside.allResults(), before.allResults(), `round ${round}: the first phases agree`);
      before.settle();
      inside.settle();
      assert.deepEqual(inside.allResults(), before.allResults(), `round ${round}: the settles give the same ids`);
    }
    assert.deepEqual(canonicalGroups(inside.allResults()), canonicalGroups(fresh(docs)));
    assert.ok(inIds >= 5, `only ${inIds} settles given up inside the ids step`);
  });
});
