/**
 * Duplicated passages: repeats inside a document, passages shared between documents.
 * STUB: being written; the signatures below are the contract the corpus relies on.
 */
import type { Duplicate, Paragraph, Sentence } from './types';

/** Repeats inside one document, merged into maximal passages. `other.path` is ''. */
export function findRepeats(text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): Duplicate[] {
  void text; void paragraphs; void sentences;
  return [];
}

/** Passages shared between documents; updated one document at a time. */
export class ReuseIndex {
  upsert(path: string, text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): void {
    void path; void text; void paragraphs; void sentences;
  }
  remove(path: string): void { void path; }
  /** The `shared` duplicates of one document, each listed from both ends across calls. */
  shared(path: string): Duplicate[] { void path; return []; }
}

/** Site furniture: related links, disclaimers, credits. (Stub until the module lands.) */
export function isBoilerplate(text: string): boolean {
  return /^(?:Also Read \||Related Articles$|Back to top button$)/.test(text);
}
