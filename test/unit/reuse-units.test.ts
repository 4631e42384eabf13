/**
 * The reuse units' word data is carved from blocks many units share (passages.ts,
 * `UnitData`): every unit's record reads back what the word model gives for its text,
 * records never overlap (each is checked once all are written), units across a
 * block's end and a unit too long for a shared block read back whole, and the shared
 * passages do not depend on which records a document's units got.
 */
import assert from 'node:assert/strict';
import { ReuseIndex } from '../../src/core/reuse/reuseIndex';
import { Side, UnitData, VOCAB, featCount, featsAt, featsOf, idsAt, makeSide, seqAt, stemCount, windowsAt, wordCount } from '../../src/core/reuse/passages';
import { features, sorted, unitWords } from '../../src/core/reuse/reuseText';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences, units } from '../../src/core/text/sentences';
import { rng } from '../support/rng';

const WORDS = ('ferry timetable orchard glacier pension auditor lantern quarry vineyard tenant ' +
  'harbour subsidy census drone bakery clinic reservoir tramway archive dockworkers ' +
  'wildfire hatchery courthouse kiln mortgage sawmill lighthouse levy orchestra meadow').split(' ');

function sentence(rand: () => number, n = 8 + Math.floor(rand() * 10)): string {
  const w: string[] = [];
  for (let k = 0; k < n; k++) w.push(WORDS[Math.floor(rand() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}

function sideOf(ctx: AnalysisContext, text: string): Side {
  const paras = paragraphs(text);
  const side = makeSide(ctx, text, paras, sentences(text, paras));
  // The units' bounds and paragraphs are the text model's units, wherever their sentences' entries were first made.
  const want = units(text, sentences(text, paras));
  assert.deepEqual([...side.bounds], want.flatMap(u => [u.start, u.end]));
  assert.deepEqual([...side.paraOf], want.map(u => u.paragraph));
  return side;
}

const slice = (u: UnitData, at: number, n: number) => [...u.block.subarray(at, at + n)];

/** Checks a unit's record against the word model run on its text alone. */
function checkUnit(ctx: AnalysisContext, side: Side, k: number): void {
  const text = side.text.slice(side.bounds[2 * k], side.bounds[2 * k + 1]), u = side.data[k];
  const w = unitWords(ctx.get(VOCAB), text, 0, text.length);
  const what = JSON.stringify(text.slice(0, 60));
  assert.equal(stemCount(u), w.seq.length, what);
  assert.deepEqual(slice(u, seqAt(u), stemCount(u)), [...w.seq], what);
  assert.deepEqual(slice(u, idsAt(u), stemCount(u)), [...sorted(w.seq)], what);
  assert.deepEqual(slice(u, windowsAt(u), w.windows.length), [...w.windows], what);
  assert.equal(featsAt(u) - windowsAt(u), w.windows.length, what);
  assert.deepEqual([...featsOf(u)], features(w.seq), what);
  assert.equal(featCount(u), features(w.seq).length, what);
  assert.equal(wordCount(u), w.words, what);
  assert.ok(featsAt(u) + featCount(u) <= u.block.length, what);
}

describe('reuse units carved from shared blocks', function () {
  this.timeout(60_000);

  it('read back every unit as the word model gives it, across block ends, with no record overlapping another', () => {
    const rand = rng(5);
    const ctx = new AnalysisContext();
    const sides: Side[] = [];
    // About 3,000 units of 8 to 17 words: several shared blocks' worth.
    for (let d = 0; d < 60; d++) {
      const paras: string[] = [];
      for (let p = 0; p < 10; p++) paras.push(Array.from({ length: 5 }, () => sentence(rand)).join(' '));
      sides.push(sideOf(ctx, paras.join('\n\n')));
    }
    const blocks = new Set<Int32Array>();
    let units = 0;
    for (const side of sides) {
      for (let k = 0; k < side.data.length; k++) { checkUnit(ctx, side, k); blocks.add(side.data[k].block); units++; }
    }
    assert.ok(units >= 2900, `${units} units`);
    assert.ok(blocks.size >= 2, 'the units should fill more than one block');
    assert.ok(blocks.size * 200 < units, `${blocks.size} blocks for ${units} units: they should be shared`);
  });

  it('places the units of sentences read before, moved to another place and paragraph', () => {
    const rand = rng(13);
    const ctx = new AnalysisContext();
    // Quotations cut into several units, so the memo's entries hold more than one unit each.
    const body = Array.from({ length: 6 }, () => `“${sentence(rand)} ${sentence(rand)}” ${sentence(rand)}`).join('\n\n');
    const first = sideOf(ctx, body);
    assert.ok(first.data.length > 12);
    const moved = sideOf(ctx, `${sentence(rand)}\n\n${sentence(rand)} ${body}`);
    assert.equal(moved.data[moved.data.length - 1], first.data[first.data.length - 1], 'the moved units should be read from the memo');
  });

  it('gives a unit too long for a shared block a block of its own, and the units after it a shared one', () => {
    const rand = rng(8);
    const ctx = new AnalysisContext();
    const long = sentence(rand, 12_000); // about 24,000 ints of stems alone
    const text = [sentence(rand), long, sentence(rand) + ' ' + sentence(rand)].join('\n\n');
    const side = sideOf(ctx, text);
    const k = side.data.findIndex((_, x) => side.bounds[2 * x + 1] - side.bounds[2 * x] > 10_000);
    assert.ok(k > 0);
    for (let i = 0; i < side.data.length; i++) checkUnit(ctx, side, i);
    const u = side.data[k];
    assert.equal(u.at, 0);
    assert.equal(u.block.length, featsAt(u) + featCount(u));
    assert.notEqual(side.data[k + 1].block, u.block);
    assert.equal(side.data[k + 1].block, side.data[k - 1].block);
  });

  it('finds the same shared passages whether the documents\' units were read once or again in fresh records', () => {
    const rand = rng(21);
    const story = Array.from({ length: 4 }, () => sentence(rand));
    const docs = new Map<string, string>();
    for (let d = 0; d < 12; d++) {
      const own = Array.from({ length: 3 }, () => sentence(rand));
      docs.set(`d${d}.txt`, [own[0], d % 3 ? story.join(' ') : own[1], own[2]].join('\n\n'));
    }
    const build = (fresh: boolean) => {
      const ctx = new AnalysisContext(), r = new ReuseIndex(ctx);
      for (const [p, t] of docs) {
        // (Emptying the memos makes every unit's record anew, in another place of another block.)
        if (fresh) ctx.clearMemos();
        const paras = paragraphs(t);
        r.upsert(p, t, paras, sentences(t, paras));
      }
      return [...docs.keys()].map(p => r.shared(p));
    };
    const once = build(false);
    assert.ok(once.flat().length >= 8, 'the story should be shared');
    assert.deepEqual(build(true), once);
  });
});
