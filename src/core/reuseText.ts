/**
 * The word model of reuse detection: content-word stems, the pair features an
 * inverted index keys on, and the similarity measures that verify a candidate.
 * Pure functions over strings; offsets are never produced here.
 */

/** Function words and the fillers paraphrasers sprinkle in; they carry no reuse signal. */
const STOP = new Set((
  'a an the and or but nor so yet if then than that this these those there here ' +
  'of in on at to for from by with without about into onto over under after before between through during against among upon within ' +
  'as is am are was were be been being do does did done doing have has had having will would shall should can could may might must ' +
  'i me my mine we our ours you your yours he him his she her hers it its they them their theirs who whom whose which what when where why how ' +
  'not no all any some each every both either neither other such only own same too very just also now still even really indeed ' +
  'reportedly actually currently apparently clearly officially again ever already much many more most less least few lot ' +
  'one ones up down out off per via s t d ll m re ve don didn doesn isn wasn aren weren won wouldn couldn shouldn hasn haven hadn ' +
  'mr mrs ms dr st said says say saying told tell'
).split(' '));

/** A crude, consistent suffix stripper: both sides of a comparison go through it, so it need not be a real stemmer. */
export function stem(w: string): string {
  const n = w.length;
  if (n <= 3) return w;
  if (n > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (n > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (n > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (n > 5 && w.endsWith('ly')) return w.slice(0, -2);
  if (n > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu;

/** Lower-cased words of `text[from, to)`, initialisms joined ("U.S." -> "usa"). */
export function words(text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m; (m = WORD.exec(slice));) {
    let w = m[0];
    if (w.includes('.')) w = w.replace(/\./g, '');
    w = w === 'US' ? 'usa' : w.toLowerCase(); // "U.S." and "US", not the pronoun
    out.push(w);
  }
  return out;
}

/**
 * Interns words and stems as small integers, so features hash and compare fast.
 * Each word form is looked up once; its stem id (or -1 for a function word) is kept.
 */
export class Vocab {
  private stems = new Map<string, number>();
  private forms = new Map<string, number>();
  private stemOfForm: number[] = [];

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
      this.stemOfForm.push(w.length > 1 && !STOP.has(w) ? this.id(stem(w)) : -1);
    }
    return k;
  }

  /** Stem id of a word form, -1 for a function word. */
  stemOf(form: number): number { return this.stemOfForm[form]; }
}

/** Content-word stem ids of a span, in text order. */
export function contentIds(vocab: Vocab, text: string, from: number, to: number): Int32Array {
  return unitWords(vocab, text, from, to).seq;
}

/** Words in a window whose hash `unitWords` keeps: a run this long in common is reuse (the classic 8-word shingle). */
export const WINDOW = 8;

/**
 * Content-word stem ids of a span in text order, and the sorted hashes of its
 * WINDOW-word windows (all words), so "a long run in common" is a merge of two arrays.
 */
export function unitWords(vocab: Vocab, text: string, from: number, to: number): { seq: Int32Array; windows: Int32Array; words: number } {
  const ws = words(text, from, to);
  const out: number[] = [];
  const forms = new Int32Array(ws.length);
  for (let k = 0; k < ws.length; k++) {
    const f = vocab.form(ws[k]);
    forms[k] = f;
    const st = vocab.stemOf(f);
    if (st >= 0) out.push(st);
  }
  const windows = new Int32Array(Math.max(0, ws.length - WINDOW + 1));
  for (let k = 0; k < windows.length; k++) {
    let h = 0x2545f491;
    for (let q = 0; q < WINDOW; q++) h = Math.imul(h ^ forms[k + q], 0x9e3779b1) ^ (h >>> 15);
    windows[k] = h;
  }
  return { seq: Int32Array.from(out), windows: windows.sort(), words: ws.length };
}

/** Whether two sorted arrays have an element in common. */
export function intersects(a: Int32Array, b: Int32Array): boolean {
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++; else j++;
  }
  return false;
}

let prevRow = new Int32Array(64), curRow = new Int32Array(64);

/** Length of the longest run two id sequences have in common. */
export function longestRun(a: Int32Array, b: Int32Array): number {
  if (prevRow.length <= b.length) { prevRow = new Int32Array(b.length * 2 + 1); curRow = new Int32Array(b.length * 2 + 1); }
  let best = 0, prev = prevRow, cur = curRow;
  prev.fill(0, 0, b.length + 1);
  cur[0] = 0;
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const v = x === b[j - 1] ? prev[j - 1] + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    const t = prev; prev = cur; cur = t;
  }
  return best;
}

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
 */
export function features(ids: Int32Array): number[] {
  const out = new Set<number>();
  for (let k = 0; k + 1 < ids.length; k++) {
    out.add(pairKey(ids[k], ids[k + 1]));
    if (k + 2 < ids.length) out.add(pairKey(ids[k], ids[k + 2]));
  }
  return [...out];
}

/** Sorted copy, for multiset intersections. */
export function sorted(ids: Int32Array): Int32Array {
  return Int32Array.from(ids).sort();
}

/** Size of the multiset intersection of two sorted arrays. */
export function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
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
 * Share of the shorter side's word bigrams (all words, in order) found in the
 * other side: near 1 for light edits, low for a paraphrase that reorders.
 */
export function bigramContainment(a: string, b: string): number {
  const wa = words(a), wb = words(b);
  const grams = (ws: string[]) => {
    const m = new Map<string, number>();
    for (let k = 0; k + 1 < ws.length; k++) { const g = ws[k] + ' ' + ws[k + 1]; m.set(g, (m.get(g) ?? 0) + 1); }
    return m;
  };
  const ga = grams(wa), gb = grams(wb);
  const na = Math.max(0, wa.length - 1), nb = Math.max(0, wb.length - 1);
  if (!na || !nb) return 0;
  let shared = 0;
  for (const [g, c] of ga) shared += Math.min(c, gb.get(g) ?? 0);
  return shared / Math.min(na, nb);
}

const FURNITURE: RegExp[] = [
  /^\s*(?:also read|read also|read more|see also|more from|recommended|watch|listen)\s*[|:]/i,
  /^\s*(?:related articles?|related stories|related posts|related|back to top(?: button)?|advertisement|sponsored|share this(?: article)?|subscribe(?: now)?|sign up|follow us|click here|comments?)\s*$/i,
  /copyright|©|all rights reserved/i,
  /\bautomatic aggregator\b|\btrademarks belong\b|\brightful owners\b|\bcontent will be deleted\b|\bowner of the content\b/i,
  /\bcontributed\b.{0,12}\bthis report\b|\bassociated press writers?\b/i,
  /^\s*\S+(?: \S+)? reports? from [\p{Lu}]/u,
  /\((?:AP|Reuters|AFP|Getty)\s*(?:Photo|Images)[^)]*\)|\((?:AP|Reuters|AFP)\/[^)]*\)|\bAP Photo\b|\bPhoto(?:graph)?:|\bImage:|\bCredit:|\bGetty Images\b|\bfile photo\b/i,
];

/**
 * Site furniture rather than reporting: related-link lines, "Back to top",
 * copyright and agency credits, aggregator disclaimers, photo credits and bare
 * caption/byline lines (a few capitalised words, no sentence punctuation).
 */
export function isBoilerplate(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  for (const re of FURNITURE) if (re.test(t)) return true;
  const ws = t.split(/\s+/);
  if (ws.length <= 5 && !/[.!?:;,"“”]$/.test(t) && ws.every(w => /^[\p{Lu}\p{N}]/u.test(w))) return true;
  return false;
}
