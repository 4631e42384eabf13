/**
 * Direct quotes and their speakers.
 * STUB: being written; the signature below is the contract the corpus relies on.
 */
import type { Entity, Quote, Sentence } from './types';

/**
 * Quotes of one document. `entities` are the document's entities (document-local
 * canonicals); `speaker` is such a canonical name, or a short description.
 * `variants` is left empty: the corpus links quotes across documents.
 */
export function findQuotes(text: string, sentences: readonly Sentence[], entities: readonly Entity[]): Quote[] {
  void text; void sentences; void entities;
  return [];
}
