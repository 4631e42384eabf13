/**
 * The analysis context: `clearMemos` forgets the memos (pure caches) and keeps every
 * other kind of state, and a corpus whose memos are dropped between analysing its
 * documents and linking them (what the CLI does) gives the very same results.
 */
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { AnalysisContext, Memo, memoSlot, Slot } from '../../src/core/text/memo';

describe('analysis context memos', () => {
  it('clearMemos forgets what a memo computed and keeps vocabularies and other state', () => {
    const ctx = new AnalysisContext();
    const LENGTHS = memoSlot<number>('test.lengths', 10);
    const VOCAB = new Slot('test.vocab', () => new Map<string, number>());
    let computed = 0;
    const length = (s: string) => ctx.get(LENGTHS).get(s, t => (computed++, t.length));
    ctx.get(VOCAB).set('bridge', 0);
    const vocab = ctx.get(VOCAB);
    assert.equal(length('abc'), 3);
    assert.equal(length('abc'), 3);
    assert.equal(computed, 1, 'the second call is a memo hit');
    ctx.clearMemos();
    assert.equal(length('abc'), 3);
    assert.equal(computed, 2, 'computed again after the memos were dropped');
    assert.equal(ctx.get(VOCAB), vocab, 'the vocabulary is the same object');
    assert.equal(ctx.get(VOCAB).get('bridge'), 0);
    // A memo named to be kept is kept.
    const KEPT = memoSlot<number>('test.kept', 10);
    ctx.get(KEPT).get('x', () => 1);
    ctx.clearMemos([KEPT]);
    assert.equal(ctx.get(KEPT).size, 1);
    ctx.clearMemos();
    assert.equal(ctx.get(KEPT).size, 0);
  });

  it('clearMemos forgets a slot of memos grouped in a plain object, and keeps a group that holds anything else', () => {
    const ctx = new AnalysisContext();
    const GROUP = new Slot('test.group', () => ({ a: new Memo<number>(10), b: new Memo<string>(10) }));
    const MIXED = new Slot('test.mixed', () => ({ a: new Memo<number>(10), seen: new Set<string>() }));
    const EMPTY = new Slot('test.empty', () => ({}));
    ctx.get(GROUP).a.get('x', () => 1);
    ctx.get(MIXED).a.get('x', () => 1);
    ctx.get(MIXED).seen.add('x');
    const group = ctx.get(GROUP), mixed = ctx.get(MIXED), empty = ctx.get(EMPTY);
    ctx.clearMemos([]);
    assert.notEqual(ctx.get(GROUP), group, 'the group of memos is made anew');
    assert.equal(ctx.get(GROUP).a.size, 0);
    assert.equal(ctx.get(MIXED), mixed, 'a group with other state is kept');
    assert.equal(ctx.get(MIXED).seen.has('x'), true);
    assert.equal(ctx.get(EMPTY), empty);
    ctx.get(GROUP).a.get('y', () => 2);
    ctx.clearMemos([GROUP]);
    assert.equal(ctx.get(GROUP).a.size, 1, 'a group named to be kept is kept');
  });

  it('a corpus gives the same results with its memos dropped before linking', () => {
    const texts = [
      'Bridge closes\n\nMayor Ada Brooks said on Monday: "The bridge will close for repairs in March." The council approved 4 million dollars for the work.',
      'Council vote\n\n"The bridge will close for repairs in March," Mayor Ada Brooks told reporters. The council approved 4 million dollars for the work on Monday.',
      'Repairs\n\nThe council approved 5 million dollars for the bridge. "We will not close the bridge," Ada Brooks said.',
    ];
    const run = (drop: boolean) => {
      const corpus = new Corpus({ incremental: false });
      texts.forEach((t, k) => corpus.set(`n${k}.txt`, t));
      if (drop) corpus.ctx.clearMemos();
      return JSON.stringify(corpus.allResults());
    };
    const kept = run(false);
    assert.ok(kept.includes('"corroboratedBy":[{'), 'some claims are linked');
    assert.equal(run(true), kept);
  });

  it('limitMemos keeps the newest entries of every memo, grouped ones too, and limits memos made later', () => {
    const ctx = new AnalysisContext();
    const WORDS = memoSlot<number>('test.words', 100);
    const GROUP = new Slot('test.group', () => ({ a: new Memo<number>(100) }));
    const VOCAB = new Slot('test.vocab', () => new Map<string, number>());
    let computed = 0;
    const length = (s: string) => ctx.get(WORDS).get(s, t => (computed++, t.length));
    for (const w of ['one', 'two', 'three', 'four', 'five']) length(w);
    for (const w of ['one', 'two', 'three']) ctx.get(GROUP).a.get(w, t => t.length);
    for (const w of ['one', 'two', 'three']) ctx.get(VOCAB).set(w, 0);
    ctx.limitMemos(2);
    assert.equal(ctx.get(WORDS).size, 2);
    assert.equal(ctx.get(GROUP).a.size, 2);
    assert.equal(ctx.get(VOCAB).size, 3, 'a vocabulary is no memo: left whole');
    computed = 0;
    length('four');
    length('five');
    assert.equal(computed, 0, 'the newest entries are kept');
    length('one');
    assert.equal(computed, 1, 'the oldest were dropped');
    assert.equal(ctx.get(WORDS).size, 2, 'the limit holds for entries added after');
    // A memo first used after the call is limited too, and a higher limit later raises none.
    ctx.limitMemos(10);
    const LATER = memoSlot<number>('test.later', 100);
    for (const w of ['a', 'b', 'c']) ctx.get(LATER).get(w, t => t.length);
    assert.equal(ctx.get(LATER).size, 2);
  });
});
