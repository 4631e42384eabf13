/**
 * Words: the one scanner every analyser splits text into words with. A word is a
 * run of letters and digits (`[\p{L}\p{N}]+`); on request, dotted initials count as
 * one word ("U.S.") and a number's digit groups stay with it ("130,000", "2.5").
 */
import { charClass, classAt, isAsciiDigit, LETTER, NUMBER, PAIR } from './chars';

/** Where `nextWord` leaves the end of the word it found, and whether it is dotted initials. */
export interface WordEnd { end: number; dotted: boolean }

export interface WordOptions {
  /** Two or more letter-dot pairs are one word: "U.S." (the `dotted` flag says so). */
  initials?: boolean;
  /** A word goes on through `.` or `,` followed by digits: "130,000", "2.5". */
  digitGroups?: boolean;
}

const WORD = LETTER | NUMBER;

/** Start of the next word of `text[from, to)` (-1 when none); its end in `at.end`. */
export function nextWord(text: string, from: number, to: number, at: WordEnd, opts: WordOptions = {}): number {
  let i = from, k = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    // ASCII answered here (letters and digits: `charClass`'s ranges), the rest by `classAt`.
    if (c < 128) { if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) { k = charClass(c); break; } }
    else if (((k = classAt(text, i, to)) & WORD) !== 0) break;
  }
  if (i >= to) return -1;
  if (opts.initials) {
    let j = i, pairs = 0;
    while ((k & LETTER) !== 0) {
      const n = k & PAIR ? 2 : 1;
      if (j + n >= to || text.charCodeAt(j + n) !== 46) break;
      j += n + 1;
      pairs++;
      k = j < to ? classAt(text, j, to) : 0;
    }
    if (pairs >= 2) {
      at.end = j;
      at.dotted = true;
      return i;
    }
  }
  let j = i;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c < 128) { if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) { j++; continue; } break; }
    if (((k = classAt(text, j, to)) & WORD) === 0) break;
    j += k & PAIR ? 2 : 1;
  }
  if (opts.digitGroups) {
    while (j + 1 < to && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && isAsciiDigit(text.charCodeAt(j + 1))) {
      j++;
      while (j < to && isAsciiDigit(text.charCodeAt(j))) j++;
    }
  }
  at.end = j;
  at.dotted = false;
  return i;
}

/** The words of `text[from, to)` as written. */
export function wordsOf(text: string, from = 0, to = text.length, opts: WordOptions = {}): string[] {
  const out: string[] = [];
  const at: WordEnd = { end: 0, dotted: false };
  for (let s = nextWord(text, from, to, at, opts); s >= 0; s = nextWord(text, at.end, to, at, opts)) out.push(text.slice(s, at.end));
  return out;
}

/** Lower-cased words of a text: `[\p{L}\p{N}]+` runs of its lower-cased form. */
export function lowerWords(text: string): string[] {
  return wordsOf(text.toLowerCase());
}

/** A lower-case word that ends as a regular verb's past or -ing form does ("died", "killing"; also "need", "ceiling": a test of form, not of sense). */
export const VERB_ENDING = /(?:ed|ing)$/;

/** A crude, consistent suffix stripper: both sides of a comparison go through it, so it need not be a real stemmer. */
export function stem(w: string): string {
  const n = w.length;
  if (n <= 3) return w;
  if (n > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (n > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (n > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (n > 5 && w.endsWith('ly')) return w.slice(0, -2);
  const last = w.charCodeAt(n - 1);
  if (last !== 115) return w; // 's'
  const prev = w.charCodeAt(n - 2);
  if (n > 4 && prev === 101 && sibilantBefore(w, n - 2)) return w.slice(0, -2); // "-(ss|sh|ch|x|z)es"
  if (prev !== 115 && prev !== 117 && prev !== 105) return w.slice(0, -1); // not "-ss", "-us", "-is"
  return w;
}

/** Whether `w` ends in ss, sh, ch, x or z just before `at`. Char codes, not a regex: `stem` runs on every new word. */
function sibilantBefore(w: string, at: number): boolean {
  const c = w.charCodeAt(at - 1);
  if (c === 120 || c === 122) return true; // x, z
  const b = w.charCodeAt(at - 2);
  return (c === 115 && b === 115) || (c === 104 && (b === 115 || b === 99)); // ss, sh, ch
}
