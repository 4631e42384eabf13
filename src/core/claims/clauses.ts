/**
 * The clause of a sentence that carries a numeric fact: "The fears stem from the fact
 * that Russia has massed more than 130,000 troops near Ukraine, raising fears of an
 * invasion" asserts "Russia has massed more than 130,000 troops near Ukraine".
 */
import { classAt, isSpace, LETTER, PAIR, SPACE } from '../text/chars';
import type { Span } from '../types';

/** What a clause's end is trimmed of (`/[\s.,;:]/`): white space and . , ; : */
const trailing = (c: number) => c === 46 || c === 44 || c === 59 || c === 58 || isSpace(c);

/** Where a new clause starts: after these, the words that follow are another clause. */
const CLAUSE_BREAK = /(?:,\s+(?=(?:raising|sparking|adding|saying|noting|fuelling|fueling|prompting|making|leaving|despite|while|whereas|although|though|but|which|who|as|after|before|according|even)\b)|;\s+|\s+[—–]\s+|:\s+)/g;
/** A clause that opens as a relative clause ("who …", "which …"). */
const RELATIVE = /^(?:who|which)\s/;
/** The comma that closes a relative clause: the main clause's verb follows (an auxiliary or a past form, in lower case). */
const RELATIVE_END = /,\s+(?=(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do|[a-z]+ed)\s)/g;
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
  let a = 0, b = sentence.length, before = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m; (m = CLAUSE_BREAK.exec(sentence));) {
    if (m.index + m[0].length <= rel) { before = a; a = m.index + m[0].length; }
    else if (m.index >= rel) { b = m.index; break; }
  }
  // A relative clause set off by commas ends at the comma before the main clause's verb ("Officer Lind, who shot a
  // 19-year-old last week, was charged with …"), when that is its first comma: the number is the relative clause's.
  if (RELATIVE.test(sentence.slice(a, b))) {
    RELATIVE_END.lastIndex = rel;
    const close = RELATIVE_END.exec(sentence);
    // (Only the first comma after the pronoun: an inner pair of commas, an apposition, leaves it open which one closes.)
    if (close && close.index < b && !/,\s/.test(sentence.slice(a, close.index))) b = close.index;
    // A relative clause after the main clause, closed by none ("The outbreak has been linked to a summer camp near Lake
    // Orrin, which was attended by over 300 children"): what it says is of the thing the main clause names, and the
    // main clause states the fact with it. The fact is both.
    else if ((!close || close.index >= b) && wordCount(sentence, before, a) >= 4) a = before;
  }
  const framing = FRAMING.exec(sentence.slice(a, b));
  if (framing && a + framing[0].length <= rel) a += framing[0].length;
  while (b > a && trailing(sentence.charCodeAt(b - 1))) b--;
  const clause = sentence.slice(a, b);
  // A clause must be able to stand alone: a few words, an opening quote closed.
  const words = wordCount(clause);
  const opens = (clause.match(/“/g) ?? []).length, closes = (clause.match(/”/g) ?? []).length;
  if (words < 4 || opens !== closes) return { start, end };
  return { start: start + a, end: start + b };
}

/**
 * Where one clause of a sentence ends and the next begins: coordinating and concessive
 * joints (", and", ", but", "despite", "while", "even as", "whereas", "although", ";",
 * a spaced dash). The joint word itself belongs to neither clause.
 */
const JOINT = /(?:,\s+(?:noting|adding|saying)\s+that\s+|,\s+(?:and|but|yet|while|whereas|although|though|even\s+as|even\s+though)\s+|\s+although\s+|,\s+(?=(?!including\b|according\b|following\b)[a-z]+ing\s)|,?\s+despite\s+(?=\w+ing\b)|\s+while\s+|;\s+|\s+[—–―]\s+|,?\s+(?=following\s+(?:her|his|their|its)\s))/gi;
/** The verb of a clause's subject, right after an aside between dashes: an auxiliary or a past form, in lower case. */
const ASIDE_VERB = /^(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do|[a-z]+ed)\b/;
/** A connector that opens a sentence and is no part of its first clause. */
const OPENER = /^(?:(?:and|but|yet|so|however|meanwhile|still|also|despite|while|although|though)\b,?\s+)+/i;
/** Framing before the clause proper: "The announcement came a day after …", "It came as …". */
const CAME_AFTER = /^[^,;:“”"]{0,60}?\b(?:came|comes|come)\s+(?:(?:a|one|two|three|several|some)\s+(?:day|days|hours?|weeks?)\s+|hours\s+|days\s+|shortly\s+|just\s+)?(?:after|before|as|when)\s+/i;

/** Whether `sentence[i]` lies inside a quotation (by the spans of `quotes`, relative to the sentence). */
function inside(quotes: readonly Span[], i: number): boolean {
  for (const q of quotes) if (q.start < i && i < q.end) return true;
  return false;
}

/**
 * Letters-bearing words of `s[from, to)`: what `s.slice(from, to).split(/\s+/)` holds with a
 * letter (`\p{L}`) in it, counted in place, without the slice and the pieces.
 */
function wordCount(s: string, from = 0, to = s.length): number {
  let n = 0, letter = false;
  for (let i = from; i < to;) {
    const k = classAt(s, i, to);
    if (k & SPACE) {
      if (letter) n++;
      letter = false;
    } else if (k & LETTER) letter = true;
    i += k & PAIR ? 2 : 1;
  }
  return letter ? n + 1 : n;
}

/**
 * The clauses of one sentence `text[start, end)`, in order, each trimmed of its joint
 * word and of leading connectors and framing ("It came a day after …"). Joints inside a
 * quotation do not split; a list ("Washington, London, and other allies") does not
 * split either: the piece before ", and" must be more than two words since the last comma.
 * A piece of fewer than `min` words stays with its neighbour.
 */
export function splitClauses(text: string, start: number, end: number, quotes: readonly Span[] = [], min = 4): Span[] {
  const sentence = text.slice(start, end);
  const rel = quotes.map(q => ({ start: q.start - start, end: q.end - start }));
  const cuts: { at: number; next: number }[] = [];
  JOINT.lastIndex = 0;
  for (let m; (m = JOINT.exec(sentence));) {
    if (inside(rel, m.index) || inside(rel, m.index + m[0].length - 1)) continue;
    if (/^,\s+and\s/i.test(m[0])) {
      const lastComma = sentence.lastIndexOf(',', m.index - 1);
      if (lastComma >= 0 && wordCount(sentence, lastComma + 1, m.index) <= 2) continue; // a list: "north, south, and east"
    }
    cuts.push({ at: m.index, next: m.index + m[0].length });
  }
  // Two dashes around an aside, after which the sentence's verb follows ("Crutcher, 40 ― a father of four ― was shot
  // …"): the aside belongs to the subject, and neither dash ends a clause.
  const dashes = cuts.filter(c => /^\s+[—–―]\s+$/.test(sentence.slice(c.at, c.next)));
  for (let k = 0; k + 1 < dashes.length; k++) {
    const [open, close] = [dashes[k], dashes[k + 1]];
    if (!ASIDE_VERB.test(sentence.slice(close.next)) || cuts.some(c => c.at > open.at && c.at < close.at)) continue;
    cuts.splice(cuts.indexOf(open), 1);
    cuts.splice(cuts.indexOf(close), 1);
    k++;
  }
  // A sentence opening with a subordinate clause ("Although X did not …, it released …"): the comma ends it.
  const lead = /^\s*(?:although|though|while|whereas|as|after|when|because|since)\s+[^,;:“”"]{12,160}?,\s+/i.exec(sentence);
  if (lead && !inside(rel, lead[0].length - 1) && (!cuts.length || cuts[0].at > lead[0].length)) cuts.unshift({ at: lead[0].length - 2, next: lead[0].length });
  // Pieces between cuts; a short piece joins the previous one (or the next, for the first).
  const pieces: { a: number; b: number }[] = [];
  let from = 0;
  for (const c of cuts) {
    pieces.push({ a: from, b: c.at });
    from = c.next;
  }
  pieces.push({ a: from, b: sentence.length });
  const merged: { a: number; b: number }[] = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && (wordCount(sentence, p.a, p.b) < min || wordCount(sentence, prev.a, prev.b) < min)) prev.b = p.b;
    else merged.push({ ...p });
  }
  const out: Span[] = [];
  for (const p of merged) {
    let a = p.a, b = p.b;
    const opener = OPENER.exec(sentence.slice(a, b));
    if (opener && wordCount(sentence, a + opener[0].length, b) >= min) a += opener[0].length;
    const came = CAME_AFTER.exec(sentence.slice(a, b));
    if (came && wordCount(sentence, a + came[0].length, b) >= min && !inside(rel, a + came[0].length)) a += came[0].length;
    while (a < b && isSpace(sentence.charCodeAt(a))) a++;
    while (b > a && trailing(sentence.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ start: start + a, end: start + b });
  }
  return out;
}
