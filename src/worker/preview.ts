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
import { isHighSurrogate, isLowSurrogate, isSpace } from '../core/text/chars';
import type { DocumentResult, Span } from '../core/types';
import { PREVIEW_FROM, type WindowView } from '../protocol/protocol';
import { countSpans } from './IndexService';

/** Characters analysed before and after what is visible, before widening to a break. */
export const PREVIEW_MARGIN = 12_000;
/** How far past the margin the window may widen to reach a break. */
const BREAK_REACH = 4_000;
/** The most of what is visible taken as visible (a long line without word wrap counts as visible whole). */
const MAX_VISIBLE = 4 * PREVIEW_MARGIN;

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\r';

/**
 * Where a window may start at or before `at`, looking back at most `reach`
 * characters: after a blank line (a paragraph break, "\n\n" or "\r\n\r\n"), else
 * after a line break, else after white space; `at` itself when there is none.
 */
function startBefore(text: string, at: number, reach: number): number {
  if (at <= 0) return 0;
  let line = -1, space = -1;
  for (let i = at - 1; i >= Math.max(0, at - reach); i--) {
    const c = text[i];
    if (c === '\n') {
      let j = i - 1;
      while (j >= 0 && isBlank(text[j])) j--;
      if (j < 0 || text[j] === '\n') return i + 1;
      if (line < 0) line = i + 1;
    } else if (space < 0 && isSpace(text.charCodeAt(i))) space = i + 1;
  }
  return line >= 0 ? line : space >= 0 ? space : at;
}

/** Where a window may end at or after `at`, looking ahead at most `reach` characters: the same breaks as `startBefore`, before them. */
function endAfter(text: string, at: number, reach: number): number {
  if (at >= text.length) return text.length;
  let line = -1, space = -1;
  for (let i = at; i < Math.min(text.length, at + reach); i++) {
    const c = text[i];
    if (c === '\n') {
      let j = i + 1;
      while (j < text.length && isBlank(text[j])) j++;
      if (j >= text.length || text[j] === '\n') return i;
      if (line < 0) line = i;
    } else if (space < 0 && isSpace(text.charCodeAt(i))) space = i;
  }
  return line >= 0 ? line : space >= 0 ? space : at;
}

/**
 * The part of `text` a preview analyses: from the first to the last visible offset
 * (at most `MAX_VISIBLE` characters of it), plus `PREVIEW_MARGIN` each side, widened
 * to a paragraph break within `BREAK_REACH`, else a line break, else white space,
 * so that no word is cut. Null when the text is short enough to be analysed whole,
 * or nothing (valid) is visible.
 */
export function previewRange(text: string, visible: readonly Span[]): Span | null {
  const valid = visible.filter(v => Number.isFinite(v.start) && Number.isFinite(v.end));
  if (text.length < PREVIEW_FROM || !valid.length) return null;
  let lo = text.length;
  let hi = 0;
  for (const v of valid) {
    lo = Math.min(lo, Math.max(0, Math.min(v.start, text.length)));
    hi = Math.max(hi, Math.max(0, Math.min(v.end, text.length)));
  }
  if (hi < lo) return null;
  hi = Math.min(hi, lo + MAX_VISIBLE);
  const start = startBefore(text, Math.max(0, lo - PREVIEW_MARGIN), BREAK_REACH);
  let end = endAfter(text, Math.min(text.length, hi + PREVIEW_MARGIN), BREAK_REACH);
  // Never cut a surrogate pair (the slice is analysed as text of its own).
  if (end < text.length && end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  const s = start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
  return { start: s, end };
}

/** Moves every offset of a document's own spans by `by` (a result computed on a slice starting at `by`). */
export function shiftResult(r: DocumentResult, by: number, length: number): DocumentResult {
  const at = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  return {
    ...r,
    length,
    // A slice's first line is no title, and its header no source line, unless the slice starts the text.
    title: by === 0 ? r.title : null,
    source: by === 0 ? r.source : null,
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
