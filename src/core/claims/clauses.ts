/**
 * The clause of a sentence that carries a numeric fact: "The fears stem from the fact
 * that Russia has massed more than 130,000 troops near Ukraine, raising fears of an
 * invasion" asserts "Russia has massed more than 130,000 troops near Ukraine".
 */
import type { Span } from '../types';

/** Where a new clause starts: after these, the words that follow are another clause. */
const CLAUSE_BREAK = /(?:,\s+(?=(?:raising|sparking|adding|saying|noting|fuelling|fueling|prompting|making|leaving|despite|while|whereas|although|though|but|which|who|as|after|before|according|even)\b)|;\s+|\s+[—–]\s+|:\s+)/g;
/** Framing before the fact itself: "… the fact that", "… fears that", "… reports that". */
const FRAMING = /^(?:[^,;:“”"]{0,80}?\b(?:fact|fears?|concerns?|reports?|news|claims?|signs?|suggests?|shows?)\s+that\s+)/i;

/**
 * The clause of `text[start, end)` holding the offset `at` (a number), with framing
 * before a "that" and trailing participial or subordinate clauses cut off.
 * Falls back to the whole span when the clause would be too short to stand alone.
 */
export function clauseAround(text: string, start: number, end: number, at: number): Span {
  const sentence = text.slice(start, end);
  const rel = at - start;
  let a = 0, b = sentence.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m; (m = CLAUSE_BREAK.exec(sentence));) {
    if (m.index + m[0].length <= rel) a = m.index + m[0].length;
    else if (m.index >= rel) { b = m.index; break; }
  }
  const framing = FRAMING.exec(sentence.slice(a, b));
  if (framing && a + framing[0].length <= rel) a += framing[0].length;
  while (b > a && /[\s.,;:]/.test(sentence[b - 1])) b--;
  const clause = sentence.slice(a, b);
  // A clause must be able to stand alone: a few words, an opening quote closed.
  const words = clause.split(/\s+/).filter(w => /\p{L}/u.test(w)).length;
  const opens = (clause.match(/“/g) ?? []).length, closes = (clause.match(/”/g) ?? []).length;
  if (words < 4 || opens !== closes) return { start, end };
  return { start: start + a, end: start + b };
}
