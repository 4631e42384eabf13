/**
 * Tokens: the one definition of where a token starts and ends, in the two shapes the
 * analysers read. A word is letters and numbers (text/chars.ts) joined by inner marks;
 * the shapes differ in which marks join and what happens to punctuation:
 * - NAME_TOKENS (entity recognition): one mark at a time between letters or numbers
 *   (`.'’&-`), thousands groups after a digit ("12,500"); punctuation is skipped.
 *   The pattern `[\p{L}\p{N}]+(?:[.'’&\-][\p{L}\p{N}]+|(?<=\d),\d{3}(?!\d))*`.
 * - CLAUSE_TOKENS (quote attribution): marks may run (`’'.-&/`), a word ends at its
 *   last letter, number or full stop; every other character is a token of its own.
 *   The pattern `[\p{L}\p{N}][\p{L}\p{N}’'.\-&/]*[\p{L}\p{N}.]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]`.
 */
import { classAt, isAsciiDigit, LETTER, NUMBER, PAIR, SPACE } from './chars';

export interface TokenRule {
  /** Per character code up to the highest mark, 1 for a mark that may stand inside a word. */
  readonly marks: Uint8Array;
  /** Marks may follow one another, and a word may end with a full stop. */
  readonly markRuns: boolean;
  /** ",ddd" after a digit continues a number. */
  readonly thousands: boolean;
  /** Characters other than letters, numbers and white space are tokens; else skipped. */
  readonly punctuation: boolean;
}

function markTable(marks: string): Uint8Array {
  const codes = [...marks].map(c => c.charCodeAt(0));
  const t = new Uint8Array(Math.max(...codes) + 1);
  for (const c of codes) t[c] = 1;
  return t;
}

export const NAME_TOKENS: TokenRule = { marks: markTable(".'’&-"), markRuns: false, thousands: true, punctuation: false };
export const CLAUSE_TOKENS: TokenRule = { marks: markTable("’'.-&/"), markRuns: true, thousands: false, punctuation: true };

const WORD = LETTER | NUMBER;

/** Length in UTF-16 units of the letter or number at `i`, else 0. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const k = classAt(text, i);
  return (k & WORD) === 0 ? 0 : k & PAIR ? 2 : 1;
}


/** End of the token that starts at `s` (where `tokenStart` found one). */
export function tokenEnd(text: string, s: number, rule: TokenRule): number {
  let n = wordCharAt(text, s);
  if (n === 0) return s + (classAt(text, s) & PAIR ? 2 : 1); // punctuation: one character
  let i = s + n;
  if (rule.markRuns) {
    let end = i;
    for (;;) {
      if ((n = wordCharAt(text, i))) { i += n; end = i; continue; }
      const c = text.charCodeAt(i);
      if (rule.marks[c] === 1) { i++; if (c === 46) end = i; continue; }
      return end;
    }
  }
  while ((n = wordCharAt(text, i))) i += n;
  for (;;) {
    const c = text.charCodeAt(i);
    if (rule.marks[c] === 1 && (n = wordCharAt(text, i + 1))) {
      i += 1 + n;
      while ((n = wordCharAt(text, i))) i += n;
      continue;
    }
    if (rule.thousands && c === 44 && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1)) &&
        isAsciiDigit(text.charCodeAt(i + 2)) && isAsciiDigit(text.charCodeAt(i + 3)) && !isAsciiDigit(text.charCodeAt(i + 4))) {
      i += 4;
      continue;
    }
    return i;
  }
}

/** Start of the first token at or after `pos` and before `to`, else -1. */
export function tokenStart(text: string, pos: number, to: number, rule: TokenRule): number {
  if (rule.punctuation) {
    while (pos < to && (classAt(text, pos) & SPACE) !== 0) pos++;
  } else {
    while (pos < to && !wordCharAt(text, pos)) pos++;
  }
  return pos < to ? pos : -1;
}

/** End of the run of letters and numbers from `i` (`i` itself when none is there). */
function wordRunEnd(text: string, i: number): number {
  const len = text.length;
  for (;;) {
    if (i >= len) return i;
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) { i++; continue; }
      return i;
    }
    const k = classAt(text, i);
    if ((k & WORD) === 0) return i;
    i += k & PAIR ? 2 : 1;
  }
}

/** What `nameTokenEnd` saw inside the word: where its first hyphen is (-1: none), the only `-` a name token can hold. */
export interface NameTokenMarks { hyphen: number }

/**
 * `tokenEnd(text, s, NAME_TOKENS)`, written out for that rule: the entity recogniser
 * asks it of every word (unit-tested against `tokenEnd`).
 */
export function nameTokenEnd(text: string, s: number, marks?: NameTokenMarks): number {
  if (marks) marks.hyphen = -1;
  let n = wordCharAt(text, s);
  if (n === 0) return s + (classAt(text, s) & PAIR ? 2 : 1);
  let i = wordRunEnd(text, s + n);
  for (;;) {
    const c = text.charCodeAt(i);
    // One mark of . ' ’ & - between letters or numbers.
    if ((c === 46 || c === 39 || c === 0x2019 || c === 38 || c === 45) && (n = wordCharAt(text, i + 1))) {
      if (c === 45 && marks && marks.hyphen < 0) marks.hyphen = i;
      i = wordRunEnd(text, i + 1 + n);
      continue;
    }
    if (c === 44 && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1)) &&
        isAsciiDigit(text.charCodeAt(i + 2)) && isAsciiDigit(text.charCodeAt(i + 3)) && !isAsciiDigit(text.charCodeAt(i + 4))) {
      i += 4;
      continue;
    }
    return i;
  }
}

/**
 * `tokenEnd(text, s, CLAUSE_TOKENS)`, written out for that rule: quote attribution
 * asks it of every token (unit-tested against `tokenEnd`).
 */
export function clauseTokenEnd(text: string, s: number): number {
  const n = wordCharAt(text, s);
  if (n === 0) return s + (classAt(text, s) & PAIR ? 2 : 1); // punctuation: one character
  let i = s + n, end = i;
  for (;;) {
    const r = wordRunEnd(text, i);
    if (r > i) i = end = r;
    const c = text.charCodeAt(i);
    // Marks ’ ' . - & / may run; a full stop may end the word.
    if (c === 0x2019 || c === 39 || c === 46 || c === 45 || c === 38 || c === 47) {
      i++;
      if (c === 46) end = i;
      continue;
    }
    return end;
  }
}
