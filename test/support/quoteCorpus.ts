/** A corpus of small texts for the quote-linking tests, and one quote of a result found by how it starts. */
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import type { DocumentResult, Quote } from '../../src/core/types';

/** Every document's result, by path, of a corpus given `docs` in order (`incremental`: the edited corpus's linkers, else the one-shot ones). */
export function corpusResults(docs: Record<string, string>, incremental = true): Map<string, DocumentResult> {
  const c = new Corpus({ incremental });
  for (const [p, t] of Object.entries(docs)) c.set(p, t);
  return new Map(c.allResults().map(r => [r.path, r]));
}

/** The quote of `r` whose text starts with `start` (fails the test when there is none). */
export function quoteOf(r: DocumentResult, start: string): Quote {
  const q = r.quotes.find(x => x.text.startsWith(start));
  assert.ok(q, `a quote starting ${start} in ${r.path}`);
  return q;
}
