/**
 * Short local reports for the edited-corpus tests: a headline and a line naming a
 * town, then the shared parts given (a quote, a claim, a passage), so that the
 * documents link to each other through those parts only.
 */
import { Corpus } from '../../src/core/corpus/corpus';
import type { DocumentResult } from '../../src/core/types';

export const TOWNS = ['Dover', 'Salem', 'Camden', 'Burlington', 'Hartford', 'Augusta', 'Concord', 'Albany', 'Trenton', 'Newark', 'Boston', 'Portland', 'Bangor', 'Lowell'];
export const BRIDGE = '“We will not allow the bridge to close before the winter storms arrive,” Senator Maria Lopez said on Tuesday.';
export const BUDGET = '“The hospital budget grows by 40 million dollars next year,” Governor Tom Reyes told reporters.';
export const BUDGET_NUMBER = '“The hospital budget grows by 55 million dollars next year,” Governor Tom Reyes told reporters.';
export const CLAIM = 'The river authority closed three ferry crossings after the flood damaged the northern pier.';

/** The `k`th report, carrying `parts` as paragraphs. */
export function report(k: number, parts: readonly string[]): string {
  const town = TOWNS[k % TOWNS.length];
  return [`Bridge vote in ${town}`, `Local officials in ${town} met on day ${k + 1} of the session.`, ...parts].join('\n\n') + '\n';
}

/** The results of a corpus built from scratch with the documents given. */
export function fresh(docs: ReadonlyMap<string, string>): DocumentResult[] {
  const c = new Corpus();
  for (const [p, t] of docs) c.set(p, t);
  return c.allResults();
}
