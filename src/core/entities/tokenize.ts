/**
 * The recogniser's words: one sentence of NAME_TOKENS (text/tokens.ts) with what the
 * rules and the sequence model read of each (possessive and "-led" tails cut off,
 * capitalisation, sentence-initial position). Shared by entities.ts and ner.ts.
 */
import { isSpace, isWordCharAt } from '../text/chars';
import { nameTokenEnd, type NameTokenMarks } from '../text/tokens';
import { CONNECTORS, LOWER_WORDS, ABBREVIATIONS } from './gazetteer';

// Token kinds
export const K_WORD = 0, K_DATE = 1, K_NUMBER = 2;

export interface Tok {
  /** Start and end in the paragraph; `end` excludes a possessive 's or a lower-case hyphen tail. */
  s: number;
  e: number;
  /** The word as it counts for names (possessive and "-led" tails cut off). */
  w: string;
  /** Capitalised (or a particle name like "al-Assad"). */
  cap: boolean;
  /** A name cannot continue past this token (possessive, hyphen tail). */
  stop: boolean;
  /** First word of a sentence or a quotation. */
  initial: boolean;
  /** Only spaces between this token and the previous one. */
  joined: boolean;
  kind: number;
}

export const UPPER = /\p{Lu}/u;
export const LOWER_START = /^\p{Ll}/u;
export const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
export const SINGLE_UPPER = /^\p{Lu}$/u;
export const DIGIT_START = /^\d/;
export const PLAIN_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
export const YEAR = /^(?:1[6-9]|20)\d\d$/;
export const DECADE = /^(?:1[6-9]|20)\d0s$/;
export const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
export const DAY = /^(?:[12]?\d|3[01])(?:st|nd|rd|th)?$/;
/** Endings typical of place names ("Kazakhstan", "Volgograd", "Hyderabad", "Magdeburg"). */
export const PLACE_SHAPE = /(?:stan|grad|abad|burg|borough|ville|shire|land|ovo|evo)$/;
/** Contractions: "I'm", "Don't", "We're". */
export const CONTRACTION = /['’](?:m|ll|ve|d|re|t)$/i;
export const HYPHEN_NUMBER = /^\d[\d.,]*-\p{L}+$/u;

/** Only whitespace between `from` and `to`, and at least one of it. */
export function plainGap(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The gap opens a quotation, a parenthesis or a clause after a colon or dash. */
export function opensClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (opensAt(text.charCodeAt(i))) return true;
  return false;
}

/** A mark that opens a quotation, a parenthesis or a clause: “ " ‘ ( [ : — – | • . ! ? */
function opensAt(c: number): boolean {
  switch (c) {
    case 0x201c: case 34: case 0x2018: case 40: case 91: case 58: case 0x2014: case 0x2013: case 124: case 0x2022:
    case 46: case 33: case 63:
      return true;
  }
  return false;
}

/** "I'm", "Don't", "We're": an apostrophe before a contraction's ending (CONTRACTION), tested only when one is there. */
function isContraction(w: string): boolean {
  const len = w.length;
  const a = w.charCodeAt(len - 2), b = w.charCodeAt(len - 3);
  return (a === 39 || a === 0x2019 || b === 39 || b === 0x2019) && CONTRACTION.test(w);
}

/** `LOWER_START.test(w)`, ASCII without the pattern. */
function lowerStart(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(w);
}

const HYPHEN_CAPITAL = /-\p{Lu}/u;
/** Longest abbreviation, and the first characters abbreviations have: a word of another shape is none without a lookup. */
const ABBREVIATION_MAX = Math.max(0, ...[...ABBREVIATIONS].map(a => a.length));
const ABBREVIATION_FIRST = new Set([...ABBREVIATIONS].map(a => a.charCodeAt(0)));

/**
 * Whether the full stop after the word `w = text[s, e)` is part of it: a single capital ("J."), initials ("U.S"
 * read so far) or an abbreviation ("Dr"). (`w.length <= 2 && SINGLE_UPPER.test(w) || w.indexOf('.') > 0 &&
 * INITIALS.test(w) || ABBREVIATIONS.has(w)`, the word sliced out only where a pattern or the list is asked.)
 */
function takesStop(text: string, s: number, e: number): boolean {
  const n = e - s, c = text.charCodeAt(s);
  if (n <= 2) {
    // An ASCII first character: one capital letter, or two characters, which are no single one.
    if (c < 128) { if (n === 1 && c >= 65 && c <= 90) return true; }
    else if (SINGLE_UPPER.test(text.slice(s, e))) return true;
  }
  // (A word never starts with a full stop: one inside it is past its first character.)
  for (let i = s + 1; i < e; i++) if (text.charCodeAt(i) === 46) { if (INITIALS.test(text.slice(s, e))) return true; break; }
  return n <= ABBREVIATION_MAX && ABBREVIATION_FIRST.has(c) && ABBREVIATIONS.has(text.slice(s, e));
}

/**
 * The words of `text[from, to)`. `pool`: token objects filled in again rather than made (one per word of the
 * longest sentence so far, added to when short), for a caller that lets go of the tokens before its next call: a
 * paragraph's every word had been an object for the collector.
 */
export function tokenize(text: string, from: number, to: number, pool?: Tok[]): Tok[] {
  const toks: Tok[] = [];
  const marks: NameTokenMarks = { hyphen: -1 };
  for (let pos = from; ;) {
    // The next token's start (`tokenStart(text, pos, to, NAME_TOKENS)`), reading the gap before it on the way:
    // only white space (`plainGap`), or a mark that opens a clause (`opensClause`). (The gap starts where the
    // token before ended, or at `from`: where `pos` is.)
    let s = pos, plain = true, opens = false;
    for (; s < to; s++) {
      const c = text.charCodeAt(s);
      if (c < 128) { if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) break; }
      else if (isWordCharAt(text, s)) break;
      if (isSpace(c)) continue;
      plain = false;
      if (opensAt(c)) opens = true;
    }
    if (s >= to) break;
    if (s === pos) plain = false;
    const full = nameTokenEnd(text, s, marks);
    pos = full;
    let e = full;
    if (e > to) e = to;
    // The word is `text[s, e)` throughout (sliced once, at the end of its cuts): an abbreviation's full stop joins it.
    if (e < to && text.charCodeAt(e) === 46 /* . */ && takesStop(text, s, e)) {
      e++;
      pos = e;
    }
    let stop = false;
    const cz = text.charCodeAt(e - 1), cy = text.charCodeAt(e - 2);
    if (e - s > 2 && (cz === 115 || cz === 83) && (cy === 39 || cy === 0x2019)) { // 's or ’s
      e -= 2; stop = true;
    }
    let w = text.slice(s, e);
    const c0 = text.charCodeAt(s);
    let cap = c0 >= 65 && c0 <= 90 || c0 > 127 && UPPER.test(w[0]);
    if (cap && w.length > 1 && isContraction(w)) cap = false;
    if (marks.hyphen >= 0 && marks.hyphen < e) { // a hyphen in text[s, e) (a word never starts with one)
      if (cap) {
        // "Kremlin-backed" -> "Kremlin"; "Secretary-General", "Jean-Claude" stay whole.
        const parts = w.split('-');
        let keep = 1;
        while (keep < parts.length && !lowerStart(parts[keep])) keep++;
        if (keep < parts.length && !CONNECTORS.has(parts[keep]) && (parts[keep].length > 3 || LOWER_WORDS.has(parts[keep]))) {
          const cut = parts.slice(0, keep).join('-');
          e = s + cut.length; w = cut; stop = true;
        }
      } else if (HYPHEN_CAPITAL.test(w) && CONNECTORS.has(w.slice(0, w.indexOf('-')))) cap = true; // al-Assad
    }
    const k = toks.length, first = k === 0, initial = first || opens, joined = !first && plain;
    let t = pool !== undefined && k < pool.length ? pool[k] : undefined;
    if (t === undefined) {
      t = { s, e, w, cap, stop, initial, joined, kind: K_WORD };
      if (pool !== undefined) pool.push(t);
    } else {
      t.s = s; t.e = e; t.w = w; t.cap = cap; t.stop = stop; t.initial = initial; t.joined = joined; t.kind = K_WORD;
    }
    toks.push(t);
  }
  return toks;
}


/** Mostly upper-case letters: a headline or a dateline, where case says nothing. */
export function isAllCaps(text: string, from: number, to: number): boolean {
  let up = 0, low = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) {
      // Even if every character left were a capital, there are too many small letters.
      if (++low * 6 >= up + (to - i - 1)) return false;
    }
  }
  return up >= 4 && low * 6 < up;
}

