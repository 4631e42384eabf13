/**
 * Character classes, defined once for every analyser: letters, digits, upper case
 * and white space, by Unicode property (`\p{L}`, `\p{N}`, `\p{Lu}`, JavaScript's `\s`).
 * ASCII is answered by comparisons; other BMP units by a table filled on first
 * sight of each unit (a cache of a pure function: it never changes an answer).
 */

export const LETTER = 1;
export const NUMBER = 2;
export const UPPER = 4;
export const SPACE = 8;
/** Set on every table entry once known. */
const KNOWN = 16;

const L_RE = /\p{L}/u, N_RE = /\p{N}/u, LU_RE = /\p{Lu}/u, S_RE = /\s/u;

function classify(ch: string): number {
  return (L_RE.test(ch) ? LETTER : 0) | (N_RE.test(ch) ? NUMBER : 0) | (LU_RE.test(ch) ? UPPER : 0) | (S_RE.test(ch) ? SPACE : 0);
}

const bmp = new Uint8Array(65536);

/** Class bits of a BMP code unit (a lone surrogate has none). */
export function charClass(c: number): number {
  if (c < 128) {
    if (c >= 97 && c <= 122) return LETTER;
    if (c >= 65 && c <= 90) return LETTER | UPPER;
    if (c >= 48 && c <= 57) return NUMBER;
    return c === 32 || (c >= 9 && c <= 13) ? SPACE : 0;
  }
  let k = bmp[c];
  if (k === 0) bmp[c] = k = KNOWN | classify(String.fromCharCode(c));
  return k & ~KNOWN;
}

/** An ASCII digit (what `\d` matches). */
export const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

/** White space as JavaScript's `\s` has it (line ends included): the one definition. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && (charClass(c) & SPACE) !== 0);
}

/** Whether `text` holds only white space from `from` to `to`. */
export function isBlank(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a UTF-16 unit is the first (high) half of a surrogate pair. */
export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
/** Whether a UTF-16 unit is the second (low) half of a surrogate pair. */
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Set on what `classAt` returns when the character takes two UTF-16 units. */
export const PAIR = 32;

/**
 * Class bits of the character at `text[i]` (ending before `to`), plus `PAIR` for a
 * surrogate pair (of any class). A lone surrogate, or a pair cut by `to`, is 0.
 */
export function classAt(text: string, i: number, to = text.length): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return charClass(c);
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff || i + 2 > to) return 0;
  return classify(String.fromCodePoint(cp)) | PAIR;
}

/** Whether the character at `text[i]` is a letter or a digit. */
export function isWordCharAt(text: string, i: number, to = text.length): boolean {
  return (classAt(text, i, to) & (LETTER | NUMBER)) !== 0;
}
