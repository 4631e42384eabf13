/**
 * Sentences of a paragraph (following sentence-splitter's English rules in one
 * linear pass), and the sub-sentence units reuse detection compares (sentences cut
 * again inside long quotations).
 */
import { DefaultAbbrMarkerOptions } from 'sentence-splitter';
import { ABBREVIATIONS } from '../lexicon/abbreviations';
import type { Paragraph, Sentence, Span } from '../types';
import { charClass, isSpace, NUMBER, UPPER } from './chars';

// sentence-splitter's own English abbreviation lists: one source of truth for its rules.
const LANG = DefaultAbbrMarkerOptions.language as unknown as {
  ABBREVIATIONS: string[];
  PREPOSITIVE_ABBREVIATIONS: string[];
};
const ABBR = new Set(LANG.ABBREVIATIONS.map(a => a.toLowerCase()));
const PREPOSITIVE = new Set(LANG.PREPOSITIVE_ABBREVIATIONS.map(a => a.toLowerCase()));

/**
 * Sentences of one paragraph (offsets relative to `text`), following
 * sentence-splitter's English rules in a single linear pass: a break after `.`,
 * `!` or `?` (and any closing quotes or brackets) before whitespace, except after
 * its abbreviations, initials and list numbers; unlike it, a break never falls
 * inside a pair of quote marks, so a quoted passage stays in its sentence.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  let depth = 0; // open double quotes / brackets
  for (let i = start; i < to; i++) {
    let c = text.charCodeAt(i);
    // Letters, digits, spaces and commas: most characters, none of them a mark that counts here. Their run is
    // skipped by a pattern (`OTHER`), several times quicker than read here one character at a time.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 32 || c === 44) {
      OTHER.lastIndex = i + 1;
      if (!OTHER.test(text)) break;
      i = OTHER.lastIndex - 1;
      if (i >= to) break;
      c = text.charCodeAt(i);
    }
    if (c === 0x201c || c === 40 || c === 91) { depth++; continue; } // “ ( [
    if (c === 0x201d || c === 41 || c === 93) { if (depth > 0) depth--; continue; } // ” ) ]
    if (c === 34) {
      const prev = i > from ? text.charCodeAt(i - 1) : 32;
      if (isSpace(prev) || i > 0 && isOpener(text.charCodeAt(i - 1))) depth++; else if (depth > 0) depth--;
      continue;
    }
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    let j = i + 1;
    while (j < to && isStop(text.charCodeAt(j))) j++;
    let k = j, closesQuote = false;
    while (k < to && isCloser(text.charCodeAt(k))) { closesQuote = true; k++; }
    if (k < to && !isSpace(text.charCodeAt(k))) { i = j - 1; continue; }
    // The sentence may end inside a quotation only when the quote closes right here.
    if (depth > 0 && !closesQuote) { i = j - 1; continue; }
    if (c === 46 && j === i + 1 && isAbbreviation(text, i, k, to)) { i = j - 1; continue; }
    let next = k;
    while (next < to && isSpace(text.charCodeAt(next))) next++;
    if (next >= to) break;
    // A new sentence starts with a capital, a digit or an opening mark.
    if (!startsSentence(text.charCodeAt(next))) { i = j - 1; continue; }
    out.push({ start, end: k });
    depth = 0;
    start = next;
    i = next - 1;
  }
  let end = to;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
  return out;
}

/** A character other than an ASCII letter or digit, a space or a comma (`splitSentences` reads from `lastIndex`). */
const OTHER = /[^a-zA-Z0-9 ,]/g;
/** `.`, `!` or `?`. */
const isStop = (c: number) => c === 46 || c === 33 || c === 63;
/** A closing mark after a sentence's end: " ” ’ ' ) ]. */
const isCloser = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;
/** An opening mark before a word: " “ ‘ ' ( [. */
const isOpener = (c: number) => c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 91;
/** What a sentence starts with (`[\p{Lu}\p{N}“‘"'(\[]`): a capital, a number, an opening mark. */
const startsSentence = (c: number) => (charClass(c) & (UPPER | NUMBER)) !== 0 || c === 0x201c || c === 0x2018 || c === 34 || c === 39 || c === 40 || c === 91;

/** The patterns of `isAbbreviation` and `units`, made once, not on every call. */
const LIST_NUMBER = /^\d+\.$/, INITIAL = /^\p{Lu}\.$/u, THREE_INITIALS = /^(?:\p{L}\.){3,}$/u, TWO_INITIALS = /^(?:\p{L}\.){2}$/u;
const CAPITAL_OR_QUOTE = /[\p{Lu}“"‘]/u;
const UNIT_END = /(?<![.!?])[.!?]+["”’)\]]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu, WORD_BEFORE = /([\p{L}]+)\.?$/u;

/** A time zone's name or abbreviation, as the next word after a clock's "p.m.". */
const TIME_ZONE_AFTER = /^(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|Eastern|Central|Mountain|Pacific)\b/;

function isAbbreviation(text: string, dot: number, after: number, to: number): boolean {
  let ws = dot;
  while (ws > 0 && !isSpace(text.charCodeAt(ws - 1)) && !isOpener(text.charCodeAt(ws - 1))) ws--;
  const word = text.slice(ws, dot + 1);
  const lower = word.toLowerCase();
  if (PREPOSITIVE.has(lower)) return true;
  if (ws === 0 && LIST_NUMBER.test(word)) return true; // list numbers
  // (An initial is one letter, of one or two UTF-16 units, and its stop; initials hold a stop before the last: the
  // patterns are tried only on words so shaped, not on every word before a full stop.)
  if (word.length <= 3 && INITIAL.test(word)) return true; // an initial: "Edith M. Lederer"
  const initials = word.lastIndexOf('.', word.length - 2) > 0;
  if (initials && THREE_INITIALS.test(word)) return true; // U.S.A.
  if (ABBR.has(lower) || initials && TWO_INITIALS.test(word)) {
    // An abbreviation ends the sentence only when a capitalised word follows; not a time zone after a clock's "a.m." or
    // "p.m." ("close at 8 p.m. ET on Tuesday", "at 6 p.m. Pacific time").
    let n = after;
    while (n < to && isSpace(text.charCodeAt(n))) n++;
    if ((lower === 'a.m.' || lower === 'p.m.') && TIME_ZONE_AFTER.test(text.slice(n, Math.min(to, n + 12)))) return true;
    return !CAPITAL_OR_QUOTE.test(text[n] ?? '');
  }
  return false;
}

/** A document's sentences; `paragraphs` of the same text. */
export function sentences(text: string, paras: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paras) for (const s of splitSentences(text, p.start, p.end)) out.push({ ...s, paragraph: p.index });
  return out;
}

/** Words after which a full stop is no sentence end. */
const ABBREV = new Set(ABBREVIATIONS.map(a => a.toLowerCase()));

/**
 * Matching units: the text model's sentences, cut again at sentence ends inside
 * quotations (which the text model keeps whole), so a long quoted speech is
 * compared sentence by sentence.
 */
export function units(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  // Tried only where a run of marks starts ((?<!…)): from inside a run it can only fail, and retrying
  // from every mark of a long run was quadratic.
  const re = UNIT_END;
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    let from = 0;
    re.lastIndex = 0;
    for (let m; (m = re.exec(body));) {
      const before = WORD_BEFORE.exec(body.slice(Math.max(0, m.index - 12), m.index + 1));
      const w = before?.[1] ?? '';
      if (body[m.index] === '.' && (w.length === 1 || ABBREV.has(w.toLowerCase()))) continue;
      const end = m.index + m[0].trimEnd().length;
      if (end - from >= 2) out.push({ start: s.start + from, end: s.start + end, paragraph: s.paragraph });
      from = m.index + m[0].length;
    }
    if (from < body.length) out.push({ start: s.start + from, end: s.end, paragraph: s.paragraph });
  }
  return out;
}
