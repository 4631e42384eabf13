/**
 * The word model of reuse detection: content-word stems, the pair features an
 * inverted index keys on, and the similarity measures that verify a candidate.
 * Pure functions over strings; offsets are never produced here.
 */
import { type AnalysisContext, memoSlot } from '../text/memo';
import { REUSE_STOP_WORDS } from '../lexicon/stopWords';
import { charClass, classAt, isSpace, LETTER, NUMBER, PAIR } from '../text/chars';
import { nextWord, stem, type WordEnd } from '../text/words';
import { hashChars, WordTable } from '../text/wordTable';

const INITIALS = { initials: true };
const WORD = LETTER | NUMBER;

const STOP = REUSE_STOP_WORDS;

/** A word as reuse detection counts it: dots of initials dropped, lower case, "US" the country. */
function wordForm(raw: string, dotted: boolean): string {
  const w = dotted ? raw.replace(/\./g, '') : raw;
  return w === 'US' ? 'usa' : w.toLowerCase(); // "U.S." and "US", not the pronoun
}

/** Lower-cased words of `text[from, to)`, initialisms joined ("U.S." -> "usa"). */
export function words(text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  const at: WordEnd = { end: 0, dotted: false };
  for (let s = nextWord(text, from, to, at, INITIALS); s >= 0; s = nextWord(text, at.end, to, at, INITIALS)) out.push(wordForm(text.slice(s, at.end), at.dotted));
  return out;
}

/** The stem a word form counts as, or null for a function word. */
function formStem(w: string): string | null {
  return w.length > 1 && !STOP.has(w) ? stem(w) : null;
}

/**
 * Words as written, in one vocabulary: each word's form id and its form's stem id (-1 for a function word), so a
 * document's words take one lookup each (`WordTable`, by their characters in the text: no substring, no string
 * hashed) and none is lower-cased or stemmed again. The two ids are the table's payload, read with the word's
 * characters (one cache line, not another array's). Emptied when it holds `SEEN_LIMIT` words.
 */
class SeenWords {
  private readonly table = new WordTable(1 << 12, 2);

  /**
   * Finds the word `text[s, e)` (hash `h`), added when new: its form id and stem id are then `form()` and `stem()`
   * (until the next call).
   */
  find(text: string, s: number, e: number, h: number, dotted: boolean, vocab: Vocab): void {
    const table = this.table;
    if (table.find(text, s, e, h) >= 0) return;
    if (table.size >= SEEN_LIMIT) table.clear();
    table.add(text, s, e, h);
    const f = vocab.form(wordForm(text.slice(s, e), dotted));
    table.setPayload(0, f);
    table.setPayload(1, vocab.stemOf(f));
  }

  /** Fetches what looking the words of these hashes up will read (`WordTable.prefetch`). */
  prefetch(hashes: Int32Array, n: number): void { this.table.prefetch(hashes, n); }

  form(): number { return this.table.payload(0); }
  stem(): number { return this.table.payload(1); }
}

const SEEN_LIMIT = 50_000;

/**
 * Interns words and stems as small integers, so features hash and compare fast.
 * Each word form is looked up once; its stem id (or -1 for a function word) is kept.
 */
export class Vocab {
  private stems = new Map<string, number>();
  private forms = new Map<string, number>();
  private stemOfForm: number[] = [];
  /** The words met as written, with their ids (`unitWordsInto`, `formHashed`). */
  readonly seen = new SeenWords();
  /**
   * Scratch space of `unitWordsInto`: the form ids of a unit's words, its content stem ids in text order (the first
   * `unitStems`), the sorted hashes of its windows (the first `unitWindows`); `unitWordCount`: how many words.
   */
  formBuf = new Int32Array(256);
  stemBuf = new Int32Array(256);
  /** Scratch space of `unitWordsInto`'s first pass: each word's start, end (negated for dotted initials) and hash. */
  wordAt = new Int32Array(256);
  wordEnd = new Int32Array(256);
  wordHash = new Int32Array(256);
  windowBuf = new Int32Array(256);
  /** Scratch space of `featuresInto`, for the units' features. */
  readonly featureScratch = new FeatureScratch();
  unitStems = 0;
  unitWindows = 0;
  unitWordCount = 0;

  /** Id of a stem. */
  id(s: string): number {
    let v = this.stems.get(s);
    if (v === undefined) { v = this.stems.size; this.stems.set(s, v); }
    return v;
  }

  /** Id of a lower-cased word form. */
  form(w: string): number {
    let k = this.forms.get(w);
    if (k === undefined) {
      k = this.stemOfForm.length;
      this.forms.set(w, k);
      const st = formStem(w);
      this.stemOfForm.push(st === null ? -1 : this.id(st));
    }
    return k;
  }

  /** Id of the form of the word `text[s, e)` as written (`dotted`: initials with their dots, which the dots say), given `hashChars(text, s, e)`. */
  formHashed(text: string, s: number, e: number, h: number, dotted: boolean): number {
    this.seen.find(text, s, e, h, dotted, this);
    return this.seen.form();
  }

  /** Stem id of a word form, -1 for a function word. */
  stemOf(form: number): number { return this.stemOfForm[form]; }
}

/** Content-word stem ids of a span, in text order. */
export function contentIds(vocab: Vocab, text: string, from: number, to: number): Int32Array {
  unitWordsInto(vocab, text, from, to);
  return vocab.stemBuf.slice(0, vocab.unitStems);
}

/** Words in a window whose hash `unitWords` keeps: a run this long in common is reuse (the classic 8-word shingle). */
export const WINDOW = 8;

/**
 * Content-word stem ids of a span in text order, and the sorted hashes of its
 * WINDOW-word windows (all words), so "a long run in common" is a merge of two arrays.
 */
export function unitWords(vocab: Vocab, text: string, from: number, to: number): { seq: Int32Array; windows: Int32Array; words: number } {
  unitWordsInto(vocab, text, from, to);
  return { seq: vocab.stemBuf.slice(0, vocab.unitStems), windows: vocab.windowBuf.slice(0, vocab.unitWindows), words: vocab.unitWordCount };
}

/**
 * `unitWords` written into the vocabulary's scratch space (`Vocab.stemBuf`, `windowBuf`, `unitStems`,
 * `unitWindows`, `unitWordCount`), valid until the next call: the caller copies what it keeps, and no array is made per unit.
 *
 * In two passes: the unit's words are found and hashed first (`wordAt`, `wordEnd`, `wordHash`), then looked up. A
 * lookup mostly waits for memory (the vocabulary's table is out of the core's caches once the rest of a document's
 * analysis has run), so the table is asked to fetch every word's slot and characters before the lookups read them
 * (`WordTable.prefetch`): loads that do not depend on each other are waited for together, not one word at a time.
 */
export function unitWordsInto(vocab: Vocab, text: string, from: number, to: number): void {
  let nw = 0;
  let wordAt = vocab.wordAt, wordEnd = vocab.wordEnd, wordHash = vocab.wordHash;
  // `nextWord(…, INITIALS)` written out, hashing the word's characters (`hashChars`) as it reads them.
  for (let i = from; ;) {
    let k = 0;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) { if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) { k = charClass(c); break; } }
      else if (((k = classAt(text, i, to)) & WORD) !== 0) break;
    }
    if (i >= to) break;
    const s = i;
    let e = -1, dotted = false, h = 0x811c9dc5;
    // Dotted initials: two or more letter-dot pairs ("U.S.").
    if ((k & LETTER) !== 0) {
      let j = i, pairs = 0, kk = k;
      while ((kk & LETTER) !== 0) {
        const n = kk & PAIR ? 2 : 1;
        if (j + n >= to || text.charCodeAt(j + n) !== 46) break;
        j += n + 1;
        pairs++;
        kk = j < to ? classAt(text, j, to) : 0;
      }
      if (pairs >= 2) { e = j; dotted = true; h = hashChars(text, s, e); }
    }
    if (e < 0) {
      let j = i;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (c < 128) {
          if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) { h = Math.imul(h ^ c, 0x01000193); j++; continue; }
          break;
        }
        const kk = classAt(text, j, to);
        if ((kk & WORD) === 0) break;
        h = Math.imul(h ^ c, 0x01000193);
        if (kk & PAIR) h = Math.imul(h ^ text.charCodeAt(j + 1), 0x01000193);
        j += kk & PAIR ? 2 : 1;
      }
      e = j;
      h = (h ^ (h >>> 15)) >>> 0;
    }
    i = e;
    if (nw === wordAt.length) {
      const grow = (a: Int32Array) => { const b = new Int32Array(2 * nw); b.set(a); return b; };
      wordAt = vocab.wordAt = grow(wordAt); wordEnd = vocab.wordEnd = grow(wordEnd); wordHash = vocab.wordHash = grow(wordHash);
    }
    // (A dotted word's end is stored negated: `e` > `s` >= 0, so the sign says it.)
    wordAt[nw] = s; wordEnd[nw] = dotted ? -e : e; wordHash[nw] = h;
    nw++;
  }
  if (vocab.formBuf.length < nw) { vocab.formBuf = new Int32Array(wordAt.length); vocab.stemBuf = new Int32Array(wordAt.length); }
  const formBuf = vocab.formBuf, stemBuf = vocab.stemBuf, seen = vocab.seen;
  seen.prefetch(wordHash, nw);
  let ns = 0;
  for (let q = 0; q < nw; q++) {
    const e = wordEnd[q];
    seen.find(text, wordAt[q], e < 0 ? -e : e, wordHash[q], e < 0, vocab);
    formBuf[q] = seen.form();
    const st = seen.stem();
    if (st >= 0) stemBuf[ns++] = st;
  }
  const forms = formBuf, nwin = Math.max(0, nw - WINDOW + 1);
  if (vocab.windowBuf.length < nwin) vocab.windowBuf = new Int32Array(formBuf.length);
  const windows = vocab.windowBuf;
  for (let k = 0; k < nwin; k++) {
    let h = 0x2545f491;
    for (let q = 0; q < WINDOW; q++) h = Math.imul(h ^ forms[k + q], 0x9e3779b1) ^ (h >>> 15);
    windows[k] = h;
  }
  sortRange(windows, 0, nwin);
  vocab.unitStems = ns; vocab.unitWindows = nwin; vocab.unitWordCount = nw;
}

/** Whether two sorted arrays have an element in common. */
export function intersects(a: Int32Array, b: Int32Array): boolean {
  return intersectsIn(a, 0, a.length, b, 0, b.length);
}

/** `intersects` of `a[ao..ao+an)` and `b[bo..bo+bn)` (records carved from shared blocks). */
export function intersectsIn(a: Int32Array, ao: number, an: number, b: Int32Array, bo: number, bn: number): boolean {
  let i = ao, j = bo;
  const ae = ao + an, be = bo + bn;
  while (i < ae && j < be) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++; else j++;
  }
  return false;
}

/** Length of the longest run two id sequences have in common. */
export function longestRun(a: Int32Array, b: Int32Array): number {
  return longestRunIn(a, 0, a.length, b, 0, b.length);
}

/** `longestRun` of `a[ao..ao+an)` and `b[bo..bo+bn)`. */
export function longestRunIn(a: Int32Array, ao: number, an: number, b: Int32Array, bo: number, bn: number): number {
  // Two rows of scratch space kept between calls (a call per matched unit pair: two arrays each had been most of the
  // garbage of the shared passages); a row's first cell and the first row are zero, the rest is written before read.
  if (RUN_ROWS[0].length <= bn) RUN_ROWS = [new Int32Array(2 * (bn + 1)), new Int32Array(2 * (bn + 1))];
  let best = 0, prev = RUN_ROWS[0], cur = RUN_ROWS[1];
  prev.fill(0, 0, bn + 1);
  cur[0] = 0;
  for (let i = 1; i <= an; i++) {
    const x = a[ao + i - 1];
    for (let j = 1; j <= bn; j++) {
      const v = x === b[bo + j - 1] ? prev[j - 1] + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    const t = prev; prev = cur; cur = t;
  }
  return best;
}

let RUN_ROWS = [new Int32Array(64), new Int32Array(64)];

/** An order-free pair of stems as a 30-bit key (a small integer to V8). */
export function pairKey(a: number, b: number): number {
  if (a > b) { const t = a; a = b; b = t; }
  let h = Math.imul(a + 0x2545f491, 0x9e3779b1) ^ Math.imul(b + 0x68e31da4, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h & 0x3fffffff;
}

/**
 * Features of a sentence: unordered pairs of neighbouring content stems, and of
 * stems one apart, so a replaced, dropped or swapped word leaves most of them intact.
 * Each feature once, in the order first met.
 */
export function features(ids: Int32Array, n = ids.length): number[] {
  const scratch = new FeatureScratch();
  const count = featuresInto(ids, n, scratch);
  return Array.from(scratch.out.subarray(0, count));
}

/** Scratch space of `featuresInto`: the features found, and the table that dedupes them (empty between calls). */
export class FeatureScratch {
  out = new Int32Array(64);
  /** Open addressing: a feature + 1 at its slot (features are 30-bit, so never -1), 0 where empty. */
  table = new Int32Array(128);
}

/**
 * `features` written into `scratch.out`; returns how many. Deduped in a small hash table (`pairKey` is mixed
 * already: its low bits are the slot), emptied after: searching the features found cost a pass over them per
 * feature, and a Set an object and an array per unit.
 */
export function featuresInto(ids: Int32Array, n: number, scratch: FeatureScratch): number {
  const most = Math.max(0, 2 * n - 3);
  let size = 16;
  while (size < 2 * most) size *= 2; // (at most half full; a power of two, so a slot is the key's low bits)
  if (scratch.out.length < most) scratch.out = new Int32Array(2 * most);
  if (scratch.table.length < size) scratch.table = new Int32Array(size);
  const out = scratch.out, table = scratch.table, mask = size - 1;
  let count = 0;
  for (let k = 0; k + 1 < n; k++) {
    for (let d = 1; d <= 2 && k + d < n; d++) {
      const f = pairKey(ids[k], ids[k + d]);
      let s = f & mask;
      for (;;) {
        const at = table[s];
        if (at === 0) { table[s] = f + 1; out[count++] = f; break; }
        if (at === f + 1) break;
        s = (s + 1) & mask;
      }
    }
  }
  table.fill(0, 0, size);
  return count;
}

/** Sorted copy, for multiset intersections. */
export function sorted(ids: Int32Array): Int32Array {
  return sortInPlace(ids.slice());
}

/** Sorts ascending, as `Int32Array.prototype.sort` does; short arrays by insertion, which is faster there. */
function sortInPlace(a: Int32Array): Int32Array {
  sortRange(a, 0, a.length);
  return a;
}

/** `sortInPlace` of `a[from, to)`. */
export function sortRange(a: Int32Array, from: number, to: number): void {
  if (to - from > 48) { a.subarray(from, to).sort(); return; }
  for (let i = from + 1; i < to; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= from && a[j] > x) { a[j + 1] = a[j]; j--; }
    a[j + 1] = x;
  }
}

/** Size of the multiset intersection of two sorted arrays. */
export function overlap(a: Int32Array, b: Int32Array): number {
  return overlapIn(a, 0, a.length, b, 0, b.length);
}

/** `overlap` of `a[ao..ao+an)` and `b[bo..bo+bn)`. */
export function overlapIn(a: Int32Array, ao: number, an: number, b: Int32Array, bo: number, bn: number): number {
  let i = ao, j = bo, n = 0;
  const ae = ao + an, be = bo + bn;
  while (i < ae && j < be) {
    if (a[i] === b[j]) { n++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return n;
}

/** Dice coefficient of two sorted multisets. */
export function dice(a: Int32Array, b: Int32Array): number {
  const d = a.length + b.length;
  return d === 0 ? 0 : (2 * overlap(a, b)) / d;
}

/** Text compared for "verbatim": whitespace collapsed, quote styles and case ignored. */
export function normalised(text: string): string {
  return text.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * What `normalised` makes of one character: its lower-case code, a quote style's
 * plain mark, WHITE for white space, or UNKNOWN when only the whole function can
 * tell (any other character outside ASCII: lower-casing it may change the length).
 */
const WHITE = -1, UNKNOWN = -2;
function normalCode(c: number): number {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) ? WHITE : c >= 65 && c <= 90 ? c + 32 : c;
  switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: return 39;
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: return 34;
    case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff: return WHITE;
  }
  return c >= 0x2000 && c <= 0x200a ? WHITE : UNKNOWN;
}

/** Whether `text` from `from` on is white space alone (or nothing), as `normalCode` sees it; false on a character it cannot tell. */
function onlyWhite(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) if (normalCode(text.charCodeAt(k)) !== WHITE) return false;
  return true;
}

/**
 * `normalised(a) === normalised(b)`, without building either string: the two texts
 * are walked side by side (a run of white space is one space, none at either end);
 * a character only the whole function can map sends both to it.
 */
export function sameNormalised(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0, j = 0;
  const na = a.length, nb = b.length;
  while (i < na && normalCode(a.charCodeAt(i)) === WHITE) i++;
  while (j < nb && normalCode(b.charCodeAt(j)) === WHITE) j++;
  for (;;) {
    // (What is left of the other may be white space alone, trimmed away.)
    if (i >= na || j >= nb) return onlyWhite(a, i) && onlyWhite(b, j);
    let ca = normalCode(a.charCodeAt(i++)), cb = normalCode(b.charCodeAt(j++));
    if (ca === UNKNOWN || cb === UNKNOWN) return normalised(a) === normalised(b);
    if (ca === WHITE) {
      while (i < na && normalCode(a.charCodeAt(i)) === WHITE) i++;
      // White space at the end is trimmed: no space there.
      ca = i >= na ? -3 : 32;
    }
    if (cb === WHITE) {
      while (j < nb && normalCode(b.charCodeAt(j)) === WHITE) j++;
      cb = j >= nb ? -3 : 32;
    }
    if (ca === -3 || cb === -3) return ca === cb;
    if (ca !== cb) return false;
  }
}

/**
 * Share of the shorter side's word bigrams (all words, in order) found in the
 * other side: near 1 for light edits, low for a paraphrase that reorders.
 */
export function bigramContainment(a: string, b: string): number {
  // Word pairs as numbers (each word its id among the two texts' words, two ids a number below 2^53): no string made
  // per pair and no string hashed, what most of the time went to when the pairs were strings.
  const ids = new Map<string, number>();
  const wa = wordIdsOf(words(a), ids), wb = wordIdsOf(words(b), ids);
  if (ids.size > PAIR_BASE) throw new RangeError('bigramContainment: more distinct words than word pairs can number');
  return pairContainment(wa, wb);
}

/**
 * `bigramContainment`, each word read as its form's id in `vocab` (`Vocab.formHashed`, the words as `words` reads
 * them): one form, one id, so the same pairs; and no word's string made (the shared passages' labels ask this of every
 * passage not verbatim).
 */
export function bigramContainmentIn(vocab: Vocab, a: string, b: string): number {
  return pairContainment(formIdsOf(vocab, a), formIdsOf(vocab, b));
}

/** The form ids of `text`'s words (`words`, through `vocab`). */
function formIdsOf(vocab: Vocab, text: string): number[] {
  const out: number[] = [];
  const at: WordEnd = { end: 0, dotted: false };
  for (let s = nextWord(text, 0, text.length, at, INITIALS); s >= 0; s = nextWord(text, at.end, text.length, at, INITIALS)) {
    const id = vocab.formHashed(text, s, at.end, hashChars(text, s, at.end), at.dotted);
    if (id >= PAIR_BASE) throw new RangeError('bigramContainmentIn: more word forms than word pairs can number');
    out.push(id);
  }
  return out;
}

/**
 * Share of the shorter id sequence's pairs (neighbours) found in the other, each as often as both hold it: the two
 * sequences' pairs sorted, and met by a merge. (The pairs are numbers past the small integers: as keys of a map, each
 * was a number object made and hashed; profiled at 10,000 articles, the map's version took 0.4 s of the 1.5 s of the shared
 * passages' bigram containment.)
 */
function pairContainment(wa: readonly number[], wb: readonly number[]): number {
  const na = Math.max(0, wa.length - 1), nb = Math.max(0, wb.length - 1);
  if (!na || !nb) return 0;
  if (PAIRS_A.length < na || PAIRS_B.length < nb) {
    PAIRS_A = new Float64Array(Math.max(2 * PAIRS_A.length, na, nb));
    PAIRS_B = new Float64Array(PAIRS_A.length);
  }
  const ga = PAIRS_A.subarray(0, na), gb = PAIRS_B.subarray(0, nb);
  for (let k = 0; k < na; k++) ga[k] = wa[k] * PAIR_BASE + wa[k + 1];
  for (let k = 0; k < nb; k++) gb[k] = wb[k] * PAIR_BASE + wb[k + 1];
  ga.sort();
  gb.sort();
  // Each pair of `a` takes one of the same pairs of `b` while any is left: min(count in a, count in b) per pair.
  let shared = 0;
  for (let i = 0, j = 0; i < na && j < nb;) {
    if (ga[i] < gb[j]) i++;
    else if (ga[i] > gb[j]) j++;
    else { shared++; i++; j++; }
  }
  return shared / Math.min(na, nb);
}
/** `pairContainment`'s scratch space. */
let PAIRS_A = new Float64Array(1024), PAIRS_B = new Float64Array(1024);
/** Word ids (`wordIdsOf`) stay below this, so that `id * PAIR_BASE + id` is an exact integer. */
const PAIR_BASE = 2 ** 26;

/** Each word's id in `ids` (a new word the next id): two words with the same id are the same string. */
function wordIdsOf(ws: readonly string[], ids: Map<string, number>): number[] {
  const out: number[] = [];
  for (const w of ws) {
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    out.push(id);
  }
  return out;
}

/** Furniture by its wording: each pattern on its own is the definition (`isBoilerplate` tests them at once). */
export const FURNITURE: readonly RegExp[] = [
  /^\s*(?:also read|read also|read more|see also|more from|recommended|watch|listen)\s*[|:]/i,
  /^\s*(?:related articles?|related stories|related posts|related|back to top(?: button)?|advertisement|sponsored|share this(?: article)?|subscribe(?: now)?|sign up|follow us|click here|comments?)\s*$/i,
  /copyright|©|all rights reserved/i,
  /\bautomatic aggregator\b|\btrademarks belong\b|\brightful owners\b|\bcontent will be deleted\b|\bowner of the content\b/i,
  /\bcontributed\b.{0,12}\bthis report\b|\bassociated press writers?\b/i,
  /^\s*\S+(?: \S+)? reports? from [\p{Lu}]/u,
  /\((?:AP|Reuters|AFP|Getty)\s*(?:Photo|Images)[^)]*\)|\((?:AP|Reuters|AFP)\/[^)]*\)|\bAP Photo\b|\bPhoto(?:graph)?:|\bImage:|\bCredit:|\bGetty Images\b|\bfile photo\b/i,
];

/**
 * The case-blind patterns of `FURNITURE` as one alternation: `test` finds a match of
 * the union exactly where one of them matches, in one scan of the text instead of one
 * per pattern (the paragraphs and units of every document are asked).
 */
const FURNITURE_ANY_I = new RegExp(FURNITURE.filter(re => re.flags === 'i').map(re => `(?:${re.source})`).join('|'), 'i');
const FURNITURE_REST = FURNITURE.filter(re => re.flags !== 'i');

/**
 * Site furniture rather than reporting: related-link lines, "Back to top",
 * copyright and agency credits, aggregator disclaimers, photo credits and bare
 * caption/byline lines (a few capitalised words, no sentence punctuation).
 */
export function isBoilerplate(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (FURNITURE_ANY_I.test(t) || FURNITURE_REST.some(re => re.test(t))) return true;
  if (atMostWords(t, 5) && !/[.!?:;,"“”]$/.test(t) && t.split(/\s+/).every(w => CAPITAL_OR_NUMBER_START.test(w))) return true;
  return false;
}

/** The verdicts by text: every paragraph and unit is asked again after each edit (and the shared passages ask again of the paragraphs analysed). */
export const BOILERPLATE = memoSlot<boolean>('reuse.boilerplate', 200_000);

/** `isBoilerplate`, remembered in the context. */
export function boilerplateIn(ctx: AnalysisContext, text: string): boolean {
  return ctx.get(BOILERPLATE).get(text, isBoilerplate);
}

/** Made once, not on every call. */
const CAPITAL_OR_NUMBER_START = /^[\p{Lu}\p{N}]/u;

/** Whether trimmed `t` splits at white space into at most `max` words, counted only as far as needed. */
function atMostWords(t: string, max: number): boolean {
  let gaps = 0, inGap = false;
  for (let i = 0; i < t.length; i++) {
    if (isSpace(t.charCodeAt(i))) {
      if (!inGap && ++gaps >= max) return false;
      inGap = true;
    } else inGap = false;
  }
  return true;
}
