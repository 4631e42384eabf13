/**
 * Word-level differences between two wordings of a quote, for hovers. Words are
 * compared case-insensitively with quote marks and trailing punctuation ignored,
 * but shown as written.
 */
import { diffArrays } from 'diff';

export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** Word comparison key: lower case, quote marks and edge punctuation stripped. */
function key(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const sameWord = (a: string, b: string) => key(a) === key(b);

/** Beyond this many word edits a diff says nothing useful (and costs time): one replacement instead. */
const MAX_EDITS = 400;

/**
 * The parts that turn `from` into `to`: `same` words are in both (as `to` writes
 * them), `removed` only in `from`, `added` only in `to`. Words are compared with
 * jsdiff's `diffArrays` on whitespace-separated words, so that a word's quote marks
 * and punctuation travel with it instead of becoming changes of their own.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = from.split(/\s+/).filter(Boolean), b = to.split(/\s+/).filter(Boolean);
  const changes = diffArrays(a, b, { comparator: sameWord, maxEditLength: MAX_EDITS });
  if (!changes) {
    const parts: DiffPart[] = [];
    if (a.length) parts.push({ op: 'removed', text: a.join(' ') });
    if (b.length) parts.push({ op: 'added', text: b.join(' ') });
    return parts;
  }
  const parts: DiffPart[] = changes
    .filter(c => c.value.length)
    .map(c => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value.join(' ') }));
  // jsdiff puts a replacement's removed words first; the hovers have always shown the new words first.
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i].op !== 'removed' || parts[i + 1].op !== 'added') continue;
    [parts[i], parts[i + 1]] = [parts[i + 1], parts[i]];
    i++;
  }
  return parts;
}

/** Whether two wordings differ in their words (not just quote marks or case). */
export function wordingDiffers(from: string, to: string): boolean {
  return wordDiff(from, to).some(p => p.op !== 'same');
}

/** Escapes text for Markdown so it shows literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, m => '\\' + m).replace(/\r?\n/g, ' ');
}

/** A diff as Markdown: removed words struck through, added words in bold. */
export function diffMarkdown(parts: readonly DiffPart[]): string {
  return parts
    .map(p => (p.op === 'same' ? escapeMarkdown(p.text) : p.op === 'removed' ? `~~${escapeMarkdown(p.text)}~~` : `**${escapeMarkdown(p.text)}**`))
    .join(' ');
}
