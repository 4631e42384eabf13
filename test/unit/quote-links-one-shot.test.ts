import assert from 'node:assert/strict';
import { QuoteLinker, type QuoteDoc } from '../../src/core/corpus/quoteLinks';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Quote, Sentence } from '../../src/core/types';
import { rng } from '../support/rng';

/**
 * The one-shot linker (`link(docs, true)` on an empty linker: flat arrays, marks, numeric keys) against the
 * linker that looks items up one document at a time: the same links, lists and groups on random documents made
 * to meet every test of a pair (same words, a run of one quote inside another, most stems shared, frames alike,
 * the same words from another speaker), with speakers whose names share a beginning (keys ordered by the whole
 * "speaker NUL stem" string) and a low key cap (common keys, prefixes chosen past them).
 */
const CONTENT = ['budget', 'bridge', 'winter', 'council', 'taxes', 'schools', 'roads', 'water', 'harbour', 'transit', 'housing', 'clinics'];
const STOP = ['this', 'is', 'not', 'who', 'we', 'are', 'the', 'of', 'and', 'will', 'be', 'a'];
const FRAME = ['warned', 'reporters', 'tuesday', 'briefing', 'downtown', 'hearing', 'committee', 'yesterday', 'statement', 'press'];
const SPEAKERS = ['Ann Lee', 'Ann Leeds', 'Anna Lee', 'Bo Park', 'Bo Parker'];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

function words(rand: () => number, n: number): string[] {
  return Array.from({ length: n }, () => (rand() < 0.6 ? pick(rand, CONTENT) : pick(rand, STOP)));
}

/** A document of a few sentences, each one quote with a speaker and a frame around it. */
function doc(k: number, rand: () => number, pool: string[][]): QuoteDoc {
  let text = '';
  const quotes: Quote[] = [];
  const sentences: Sentence[] = [];
  const count = 1 + Math.floor(rand() * 3);
  for (let s = 0; s < count; s++) {
    let w: string[];
    const r = rand();
    if (pool.length && r < 0.3) w = [...pick(rand, pool)]; // the same words
    else if (pool.length && r < 0.5) {
      // a run of another quote's words (three or more), or most of its words with one changed
      const from = pick(rand, pool);
      const len = Math.min(from.length, 3 + Math.floor(rand() * 3));
      const at = Math.floor(rand() * (from.length - len + 1));
      w = rand() < 0.5 ? from.slice(at, at + len) : from.map((x, i) => (i === 0 ? pick(rand, CONTENT) : x));
    } else w = words(rand, 2 + Math.floor(rand() * 9));
    pool.push(w);
    const speaker = pick(rand, SPEAKERS);
    const before = Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, FRAME)).join(' ');
    const after = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(rand, FRAME)).join(' ');
    const sentenceStart = text.length;
    text += before ? `${before[0].toUpperCase()}${before.slice(1)}, ` : '';
    const start = text.length;
    text += `“${w.join(' ')},”`;
    const end = text.length;
    text += ` ${speaker} said at the ${after}. `;
    sentences.push({ start: sentenceStart, end: text.length - 1, paragraph: 0 } as Sentence);
    quotes.push({
      start, end, text: text.slice(start, end), speaker, speakerType: 'PERSON', speakerMention: null, cue: 'said',
      partial: false, uncertain: false, group: null, variants: [],
    } as Quote);
  }
  return { path: `d${String(k).padStart(3, '0')}.txt`, quotes, text, sentences, key: null };
}

function copy(d: QuoteDoc): QuoteDoc {
  return { ...d, quotes: d.quotes.map(q => ({ ...q, variants: [] })) };
}

describe('quote linker: one-shot linking', function () {
  this.timeout(60_000);
  for (const [seed, cap] of [[1, 4], [2, 8], [3, 64], [4, 5]] as const) {
    it(`links as the linker that looks quotes up one document at a time (seed ${seed}, key cap ${cap})`, () => {
      const rand = rng(seed);
      const pool: string[][] = [];
      const docs = Array.from({ length: 120 }, (_, k) => doc(k, rand, pool));
      const oneShot = docs.map(copy), stepwise = docs.map(copy);
      new QuoteLinker(new AnalysisContext(), cap).link(oneShot, true);
      const linker = new QuoteLinker(new AnalysisContext(), cap);
      // (Not one-shot: the linker files every item and looks each up.)
      linker.link(stepwise.slice(0, 60));
      linker.link(stepwise);
      const all = oneShot.flatMap(d => d.quotes);
      assert.ok(all.some(q => q.variants.some(v => !v.identical)), 'some reworded variants');
      assert.ok(all.some(q => q.variants.some(v => v.identical)), 'some identical variants');
      assert.ok(all.some(q => q.attributedElsewhere?.length), 'some attribution conflicts');
      assert.deepEqual(oneShot.map(d => d.quotes), stepwise.map(d => d.quotes));
    });
  }
});
