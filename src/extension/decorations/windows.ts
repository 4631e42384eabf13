/**
 * Which part of a document the highlighter fetches from the worker: the whole of an
 * ordinary article, and of a huge one only what its editors show plus a margin, so
 * that a 5 MB page costs what its visible part costs. No `vscode` import.
 */
import { mergeRanges } from '../../protocol/protocol';
import type { OffsetRange } from './kinds';

/** Documents up to this many characters are fetched whole. */
export const WHOLE_UP_TO = 200_000;
/** Characters fetched before and after what is visible (scrolling within it needs no fetch). */
export const MARGIN = 50_000;
/**
 * The most of one visible range taken as visible: a long line without word wrap
 * counts as visible whole, but VS Code draws no more than 10,000 characters of it.
 */
export const MAX_VISIBLE = 100_000;

/** What is visible, each range cut to `MAX_VISIBLE`. */
function capped(visible: readonly OffsetRange[]): OffsetRange[] {
  return visible.map(v => ({ start: v.start, end: Math.min(v.end, v.start + MAX_VISIBLE) }));
}

/** The ranges to fetch for a document of `length` characters whose editors show `visible`. */
export function windowFor(visible: readonly OffsetRange[], length: number): OffsetRange[] {
  if (length <= WHOLE_UP_TO) return [{ start: 0, end: length }];
  return mergeRanges(capped(visible).map(v => ({ start: v.start - MARGIN, end: v.end + MARGIN })), length);
}

/** Whether a fetched window still holds everything visible (else the document is fetched again). */
export function covers(window: readonly OffsetRange[], visible: readonly OffsetRange[], length: number): boolean {
  if (length <= WHOLE_UP_TO) return window.length === 1 && window[0].start === 0 && window[0].end >= length;
  return mergeRanges(capped(visible), length).every(v => window.some(w => w.start <= v.start && v.end <= w.end));
}
