/**
 * Anchors: a correction names the words it is about and a little context either
 * side, so that it finds them again after the article is edited elsewhere, and
 * finds nothing (an orphan) when the words or their surroundings changed.
 * White space is compared collapsed (a file saved with other line ends, or
 * re-wrapped, still matches).
 */
import { isHighSurrogate, isLowSurrogate, isSpace } from '../text/chars';
import type { Span } from '../types';

/** How many UTF-16 units of context an anchor keeps on each side. */
export const CONTEXT_UNITS = 40;


/** The context of a span: up to CONTEXT_UNITS either side, never splitting a surrogate pair. */
export function contextOf(text: string, span: Span): { before: string; after: string } {
  let from = Math.max(0, span.start - CONTEXT_UNITS);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, span.end + CONTEXT_UNITS);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { before: text.slice(from, span.start), after: text.slice(span.end, to) };
}

/** Runs of white space as one space. */
export function collapse(s: string): string {
  let out = '';
  let space = false;
  for (const ch of s) {
    if (isSpace(ch.charCodeAt(0))) space = true;
    else {
      if (space) out += ' ';
      out += ch;
      space = false;
    }
  }
  return space ? out + ' ' : out;
}

/**
 * Whether the words at `span` of `text` are the anchor's words with its context
 * around them (context cut short by the document's edge is a shorter context:
 * text added above or below later does not break it).
 */
export function matchesAnchor(text: string, span: Span, anchor: { text: string; before: string; after: string }): boolean {
  if (collapse(text.slice(span.start, span.end)) !== collapse(anchor.text)) return false;
  const before = collapse(anchor.before), after = collapse(anchor.after);
  // Collapsing only shortens, so twice the stored length (and some) always covers it.
  const left = collapse(text.slice(Math.max(0, span.start - anchor.before.length * 2 - 16), span.start));
  const right = collapse(text.slice(span.end, span.end + anchor.after.length * 2 + 16));
  return left.endsWith(before) && right.startsWith(after);
}
