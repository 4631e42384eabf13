/**
 * Repeats after an edit: the matching and the passages the edit cannot change are
 * reused from the analysis before it (repeats.ts), so an updated document's repeats
 * must equal those a fresh analysis finds. Seeded random edits to a made-up article
 * that repeats itself: words typed into a sentence, white space between sentences
 * changed (the units stay, the passage's text does not), sentences and paragraphs
 * added, dropped, copied and swapped.
 */
import assert from 'node:assert/strict';
import { findRepeats } from '../../src/core/reuse/repeats';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';
import type { Duplicate } from '../../src/core/types';
import { rng } from '../support/rng';

const SUBJECTS = ['The harbour authority', 'A spokeswoman for the ferry operator', 'Local fishermen', 'The regional council', 'Inspectors from the coast guard', 'Residents of the old town'];
const VERBS = ['reported', 'confirmed', 'disputed', 'welcomed', 'questioned', 'announced'];
const OBJECTS = ['a sharp fall in the winter catch', 'new limits on night crossings', 'the cost of repairing the northern pier',
  'plans to dredge the western channel', 'a delay to the timber shipments', 'the closure of two fish markets'];
const TAILS = ['on Thursday morning', 'after a long public meeting', 'despite strong objections', 'in a written statement', 'for the third year running', 'without giving details'];

/** An article of `n` paragraphs whose later paragraphs often copy or reword earlier ones. */
function article(rand: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
  const paras: string[] = ['Harbour news'];
  for (let k = 0; k < n; k++) {
    const r = rand();
    if (r < 0.3 && paras.length > 2) paras.push(pick(paras.slice(1))); // a verbatim copy
    else if (r < 0.45 && paras.length > 2) paras.push(pick(paras.slice(1)).replace(/ on Thursday morning| after a long public meeting/, ' late on Friday')); // reworded
    else if (r < 0.5) paras.push('Related stories');
    else paras.push(Array.from({ length: 1 + Math.floor(rand() * 4) }, sentence).join(' '));
  }
  return paras.join('\n\n') + '\n';
}

/** One random edit of the kinds the header lists. */
function edit(text: string, rand: () => number): string {
  const paras = text.split('\n\n');
  const i = 1 + Math.floor(rand() * (paras.length - 1)), j = 1 + Math.floor(rand() * (paras.length - 1));
  switch (Math.floor(rand() * 7)) {
    case 0: { // a word typed at a space
      const p = paras[i], spaces = [...p].flatMap((c, k) => (c === ' ' ? [k] : []));
      if (spaces.length) { const at = spaces[Math.floor(rand() * spaces.length)]; paras[i] = p.slice(0, at) + ' quietly' + p.slice(at); }
      break;
    }
    case 1: paras[i] = paras[i].replace('. ', '.   '); break; // white space between sentences only
    case 2: paras[i] = paras[i].replace(/^[^.]*\. /, ''); break; // first sentence dropped
    case 3: paras[i] += ' Officials declined to comment on the figures.'; break; // a sentence added
    case 4: paras.splice(j, 0, paras[i]); break; // a paragraph copied
    case 5: [paras[i], paras[j]] = [paras[j], paras[i]]; break; // two swapped
    default: if (paras.length > 3) paras.splice(i, 1); // one removed
  }
  return paras.join('\n\n');
}

function repeatsOf(ctx: AnalysisContext, text: string): Duplicate[] {
  const paras = paragraphs(text);
  return findRepeats(ctx, text, paras, sentences(text, paras));
}

describe('repeats: an edited document gives what a fresh analysis gives', function () {
  this.timeout(60_000); // (a few hundred analyses; slow only on a loaded machine)
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 40 edits, the passages before and after each equal a fresh run's`, () => {
      const rand = rng(seed);
      let text = article(rand, 40);
      const ctx = new AnalysisContext();
      let withRepeats = 0;
      for (let k = 0; k <= 40; k++) {
        const got = repeatsOf(ctx, text);
        const want = repeatsOf(new AnalysisContext(), text);
        assert.deepEqual(got, want, `edit ${k}`);
        for (const d of got) assert.equal(d.text, text.slice(d.start, d.end));
        if (got.length) withRepeats++;
        text = edit(text, rand);
      }
      // The article repeats itself: most states have passages to reuse (else the test proves little).
      assert.ok(withRepeats > 30, `only ${withRepeats} of 41 states had repeats`);
    });
  }

  it('two documents analysed in turn with one context: each keeps its own passages', () => {
    const rand = rng(7);
    const a = article(rand, 30), b = article(rand, 30);
    const ctx = new AnalysisContext();
    let ta = a, tb = b;
    for (let k = 0; k < 10; k++) {
      ta = edit(ta, rand);
      assert.deepEqual(repeatsOf(ctx, ta), repeatsOf(new AnalysisContext(), ta));
      tb = edit(tb, rand);
      assert.deepEqual(repeatsOf(ctx, tb), repeatsOf(new AnalysisContext(), tb));
    }
  });
});
