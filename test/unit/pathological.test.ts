/**
 * Pathological input: for each analyser, a 1 MB worst case built here, run with the
 * default stack. Nothing throws (no recursion grows with the input), every span
 * still slices the text exactly, and a stage that reaches its work budget says so
 * in `truncated` while the other documents of the corpus are analysed as usual.
 * (No timing is asserted: `bench/` measures speed.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkContract } from '../contract/checkContract';
import { Corpus } from '../../src/core/corpus/corpus';
import { WorkBudget, WORK_FLOOR } from '../../src/core/limits';
import type { DocumentResult } from '../../src/core/types';

const MB = 1 << 20;
const page = (unit: string, n = MB) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Each analyser's worst case: what makes its work grow fastest with the input. */
const CASES: Record<string, string> = {
  // entities: one capitalised run as long as the page ("Big Big Big …"), a run joined by connectors
  'entities-capital-run': page('Big '),
  'entities-connector-run': page('Russia and '),
  // entities and repeats: thousands of furniture lines in one wrapped paragraph
  'repeats-furniture-lines': 'Intro line.\n\n' + page('Related Articles\n'),
  // quotes: a page of quote marks in one sentence (every quote reads the sentence)
  'quotes-marks': page('"'),
  'quotes-open-marks': page('“a '),
  // quotes and claims: thousands of short attributed quotes
  'quotes-attributed': page('“Yes,” he said. '),
  // sentences: brackets never closed, no sentence end
  'sentences-brackets': page('('),
  // reuse and claims: the same sentence over and over, with numbers
  'repeats-same-sentence': page('Putin said Russia sent 1,000 troops on Feb. 15. '),
  // one word, no space at all
  'one-word': page('a'),
  // quotes: stray closing marks with no quote open (each looked back for its start)
  'quotes-stray-closers': page('”'),
  // sub-sentence units: a run of sentence-end marks never followed by a capital
  'units-mark-run': page('.'),
  // paragraphs: one line of white space only
  'paragraphs-blank-line': page(' ') + '\nx',
};

function analyse(docs: Record<string, string>): { results: DocumentResult[]; texts: Record<string, string> } {
  const corpus = new Corpus();
  for (const [p, t] of Object.entries(docs)) corpus.set(p, t);
  return { results: corpus.allResults(), texts: docs };
}

const seeds = path.resolve(__dirname, '../../../seeds');
const seedName = fs.readdirSync(seeds).filter(f => f.endsWith('.txt')).sort()[0];
const seedText = fs.readFileSync(path.join(seeds, seedName), 'utf8');

describe('pathological input (1 MB worst cases, default stack)', function () {
  this.timeout(180_000);

  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: completes, spans exact, the corpus's other document unharmed`, () => {
      const { results, texts } = analyse({ [`${name}.txt`]: text, [seedName]: seedText });
      const problems = checkContract({ version: 1, documents: results, skipped: [] }, p => texts[p]);
      assert.deepEqual(problems, []);
      const seed = results.find(r => r.path === seedName)!;
      assert.ok(seed.quotes.length > 0 && seed.entities.length > 0, 'the seed article is analysed as usual');
      assert.equal(seed.truncated, null);
    });
  }

  it('a stage that reaches its budget marks the document truncated, and says why', () => {
    const { results } = analyse({ 'marks.txt': CASES['quotes-marks'] });
    const r = results[0];
    assert.ok(r.truncated, 'a page of quote marks stops quote attribution');
    assert.match(r.truncated.reason, /quote attribution stopped at its work budget/);
    assert.ok(r.quotes.length > 0, 'the quotes before the stop are kept');
  });

  it('the budget is counted in steps: the same text stops at the same place', () => {
    const a = analyse({ 'm.txt': CASES['quotes-marks'] }).results[0];
    const b = analyse({ 'm.txt': CASES['quotes-marks'] }).results[0];
    assert.equal(a.quotes.length, b.quotes.length);
    assert.deepEqual(a.truncated, b.truncated);
  });

  it('WorkBudget: spends down to its floor plus its share per character, then says no', () => {
    const budget = new WorkBudget(10);
    assert.equal(budget.spend(WORK_FLOOR), true);
    assert.equal(budget.exhausted, false);
    assert.equal(budget.spend(10_000), false);
    assert.equal(budget.exhausted, true);
  });
});
