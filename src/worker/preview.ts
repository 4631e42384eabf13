/**
 * The first paint of a huge article: before the worker analyses the whole text it
 * analyses only the paragraphs around what the editor shows, as a document of its
 * own, and sends that view at once (the `preview` push). The whole analysis replaces
 * it as soon as it is done. A preview's spans are exact (each `text` is the
 * document's own slice at its offsets), but it can miss what depends on the rest of
 * the article: a speaker named earlier, a passage repeated elsewhere, another
 * source. No `vscode` import.
 */
import { Corpus } from '../core/corpus/corpus';
import type { DocumentResult, Span } from '../core/types';
import { PREVIEW_FROM, type WindowView } from '../protocol/protocol';
import { countSpans } from './IndexService';

/** Characters analysed before and after what is visible, before widening to whole paragraphs. */
export const PREVIEW_MARGIN = 12_000;
/** How far past the margin the window may widen to reach a paragraph break. */
const PARAGRAPH_REACH = 4_000;

/** The blank-line break at or before `at` (the start of a paragraph), looking back at most `reach` characters; `at` when none. */
function paragraphStartBefore(text: string, at: number, reach: number): number {
  if (at <= 0) return 0;
  const i = text.lastIndexOf('\n\n', at);
  return i >= 0 && at - i <= reach ? i + 2 : at;
}

/** The blank-line break at or after `at` (the end of a paragraph), looking ahead at most `reach` characters; `at` when none. */
function paragraphEndAfter(text: string, at: number, reach: number): number {
  if (at >= text.length) return text.length;
  const i = text.indexOf('\n\n', at);
  return i >= 0 && i - at <= reach ? i : at;
}

/**
 * The part of `text` a preview analyses: from the first to the last visible offset,
 * plus `PREVIEW_MARGIN` each side, widened to whole paragraphs where a break is near.
 * Null when the text is short enough to be analysed whole, or nothing is visible.
 */
export function previewRange(text: string, visible: readonly Span[]): Span | null {
  if (text.length < PREVIEW_FROM || !visible.length) return null;
  let lo = text.length;
  let hi = 0;
  for (const v of visible) {
    lo = Math.min(lo, Math.max(0, Math.min(v.start, text.length)));
    hi = Math.max(hi, Math.max(0, Math.min(v.end, text.length)));
  }
  if (hi < lo) return null;
  // A visible range of a single line can be long (no word wrap): what is drawn is what counts.
  hi = Math.min(hi, lo + 4 * PREVIEW_MARGIN);
  const start = paragraphStartBefore(text, Math.max(0, lo - PREVIEW_MARGIN), PARAGRAPH_REACH);
  let end = paragraphEndAfter(text, Math.min(text.length, hi + PREVIEW_MARGIN), PARAGRAPH_REACH);
  // Never cut a surrogate pair (the slice is analysed as text of its own).
  if (end < text.length && end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  const s = start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
  return { start: s, end };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves every offset of a document's own spans by `by` (a result computed on a slice starting at `by`). */
export function shiftResult(r: DocumentResult, by: number, length: number): DocumentResult {
  const at = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  return {
    ...r,
    length,
    // A slice's first line is no title, and its header no source line.
    title: null,
    source: null,
    quotes: r.quotes.map(q => ({ ...at(q), speakerMention: q.speakerMention && at(q.speakerMention) })),
    entities: r.entities.map(at),
    // Analysed alone, a slice has only repeats within itself: their other copy is in the same text.
    duplicates: r.duplicates.map(d => ({ ...at(d), other: d.other.path === r.path ? at(d.other) : d.other })),
    claims: r.claims.map(at),
  };
}

/**
 * A preview of the document `key` (editor version `version`) whose editors show
 * `visible`: the result of analysing the window alone, its offsets the document's,
 * passed through `annotate` (the reader's corrections).
 * Null when the text is analysed whole at once.
 */
export function previewView(
  key: string, version: number | null, text: string, visible: readonly Span[],
  annotate: (r: DocumentResult) => DocumentResult = r => r,
): WindowView | null {
  const range = previewRange(text, visible);
  if (!range) return null;
  const corpus = new Corpus({ incremental: false });
  corpus.set(key, text.slice(range.start, range.end));
  const part = corpus.result(key);
  if (!part) return null;
  const result = annotate(shiftResult(part, range.start, text.length));
  return { key, version, result, entitySources: {}, window: [range], counts: countSpans(result), preview: true };
}
