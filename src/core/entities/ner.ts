/**
 * The sequence model for names (PERSON, PLACE, ORG, MISC): a first-order averaged
 * perceptron over hashed features, BIO labels, Viterbi decoding under the BIO
 * constraint (I-X only after B-X or I-X). Trained by `npm run train:ner`
 * (nerTrain.ts, scripts/train-ner.mjs) on the CoNLL-2003 training split; the weights
 * are the generated module nerModel.ts (int8, base64), decoded once on first use.
 *
 * Features of a word: itself, lower-cased, its shape, prefixes and suffixes, its
 * neighbours (two each side), the punctuation around it, its capitalisation in
 * context (sentence-initial, an all-caps headline), and membership of the known-name
 * tables (gazetteer.ts) and the first-name list. Every feature is a 32-bit hash of a
 * template number and word hashes computed once per word: no strings are built.
 *
 * Only windows of capitalised words (with up to two connectors such as "of the" between
 * them) are decoded: other words are outside every name.
 */
import type { EntityType } from '../types';
import { tokenize, type Tok } from './tokenize';
import { CONNECTORS, type NameTables } from './gazetteer';

/** Changes whenever the features below change: a model trained on other features is refused. */
export const FEATURE_VERSION = 3;
/** Labels: O, then B and I of each type in TYPES order. */
export const TYPES: readonly EntityType[] = ['PERSON', 'PLACE', 'ORG', 'MISC'];
export const NL = 1 + 2 * TYPES.length;
if (NL !== 9) throw new Error('ner: decode sums nine labels'); // decode() unrolls them
export const LABEL_NAMES = ['O', ...TYPES.flatMap(t => [`B-${t}`, `I-${t}`])];
const isInside = (y: number) => y > 0 && (y & 1) === 0;
/** May label `y` follow label `prev` (-1: sentence start)? */
export const allowed = (prev: number, y: number) => !isInside(y) || prev === y || prev === y - 1;

/** FNV-1a step. */
const fnv = (h: number, c: number) => Math.imul(h ^ c, 16777619);
const FNV0 = 0x811c9dc5 | 0;
/** A feature: template `t` with value `v`, mixed (murmur3 finaliser). */
export function feat(t: number, v: number): number {
  let h = Math.imul(v ^ Math.imul(t + 1, 0x9e3779b1), 0xcc9e2d51);
  h ^= h >>> 15;
  h = Math.imul(h, 0x1b873593);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
const pair = (a: number, b: number) => Math.imul(a, 0x01000193) ^ b;

const lowerCache = new Map<number, number>();
/** Lower case of one UTF-16 unit (outside ASCII through a cache). */
function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache.set(c, l);
  }
  return l;
}
/** Shape class of a unit: 1 upper, 2 lower, 3 digit, else the unit itself. */
function shapeUnit(c: number): number {
  if (c >= 97 && c <= 122) return 2;
  if (c >= 65 && c <= 90) return 1;
  if (c >= 48 && c <= 57) return 3;
  if (c < 128) return c;
  const l = lowerUnit(c);
  if (l !== c) return 1;
  return String.fromCharCode(c).toUpperCase().charCodeAt(0) !== c ? 2 : 4;
}

/** Hash of a word lower-cased, as the gazetteer lookups key it. */
export function lowerHash(w: string): number {
  let h = FNV0;
  for (let k = 0; k < w.length; k++) h = fnv(h, lowerUnit(w.charCodeAt(k)));
  return h;
}
export function exactHash(w: string): number {
  let h = FNV0;
  for (let k = 0; k < w.length; k++) h = fnv(h, w.charCodeAt(k));
  return h;
}

/** Punctuation between two words, as a small class. */
function gapClass(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) continue;
    switch (c) {
      case 44: return 1; // ,
      case 46: case 33: case 63: return 2; // . ! ?
      case 34: case 0x201c: case 0x201d: case 39: case 0x2018: case 0x2019: return 3; // quotes
      case 40: case 91: return 4; // ( [
      case 41: case 93: return 5; // ) ]
      case 58: case 59: return 6; // : ;
      case 45: case 0x2013: case 0x2014: return 7; // dashes
      default: return 8;
    }
  }
  return 0;
}
const POSSESSIVE_GAP = 9;

/**
 * A table from 32-bit hashes to small positive values (open addressing, linear probing):
 * no boxing of hashes outside the small-integer range, no allocation on lookup. Each
 * slot's key and value side by side in one array: a lookup that finds its key reads one
 * cache line, not two (the tables are larger than the core's cache).
 */
export class HashTable {
  /** Slot i: key at 2i (0: empty), value at 2i + 1. */
  private slots: Int32Array;
  private count = 0;
  /** 32 - log2(size): a slot is the top bits of the key times the golden ratio (Fibonacci hashing). */
  private shift: number;
  constructor(capacity = 16) {
    let size = 16, shift = 28;
    while (size < capacity * 2) { size *= 2; shift--; }
    this.slots = new Int32Array(2 * size);
    this.shift = shift;
  }
  /** The value stored for `key`, else 0. */
  get(key: number): number {
    const k = key | 0 || 1, slots = this.slots, mask = slots.length - 2;
    for (let i = (Math.imul(k, 0x9e3779b1) >>> this.shift) << 1; ; i = (i + 2) & mask) {
      const at = slots[i];
      if (at === k) return slots[i + 1];
      if (at === 0) return 0;
    }
  }
  has(key: number): boolean {
    return this.get(key) !== 0;
  }
  /** Stores `value | ` the value already there. */
  or(key: number, value: number): void {
    if (this.count * 4 >= this.slots.length) this.grow();
    const k = key | 0 || 1, slots = this.slots, mask = slots.length - 2;
    for (let i = (Math.imul(k, 0x9e3779b1) >>> this.shift) << 1; ; i = (i + 2) & mask) {
      const at = slots[i];
      if (at === k) { slots[i + 1] |= value; return; }
      if (at === 0) { slots[i] = k; slots[i + 1] = value; this.count++; return; }
    }
  }
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.or(old[i], old[i + 1]);
  }
}

/** The known names and word lists the features consult, keyed by word hashes. */
export interface NerLexicon {
  /**
   * Hash of a name's lower-cased words -> bit mask of its types (bit = index in TYPES),
   * with NAME_PREFIX set when it is also a proper prefix (in words) of a name: the
   * longest-match scan reads both with one lookup.
   */
  names: HashTable;
  maxWords: number;
  /** Exact hashes of first names. */
  firstNames: HashTable;
  /** Lower-case hashes of words seen in lower case. */
  lowerWords: HashTable;
  /** Exact hashes of capitalised words (almost) never inside a name: alone, not decoded. */
  plain: HashTable;
}

/** Capitalised ASCII words of two letters or more, single spaces between: what tokenize would split the same. */
const SIMPLE_NAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/;

/** In a `names` value: the words are a proper prefix of a known name (apart from the type bits, which are below it). */
const NAME_PREFIX = 1 << 4;
if (TYPES.length > 4) throw new Error('ner: NAME_PREFIX is above the type bits');

const SEQ = (h: number, next: number) => Math.imul(h ^ next, 0x2c1b3c6d) + 0x297a2d39 | 0;

export function buildLexicon(tables: NameTables, firstNames: Iterable<string>, lowerWords: Iterable<string>, plainWords: Iterable<string>): NerLexicon {
  const names = new HashTable(tables.gaz.size);
  let maxWords = 1;
  for (const [name, type] of tables.gaz) {
    // words of plain letters split at single spaces as the tokenizer would; anything else goes through it
    const words = SIMPLE_NAME.test(name) ? name.split(' ') : tokenize(name, 0, name.length).map(t => t.w);
    if (!words.length || words.length > 6) continue;
    let h = 0;
    for (let k = 0; k < words.length; k++) {
      h = SEQ(h, lowerHash(words[k]));
      if (k < words.length - 1) names.or(h, NAME_PREFIX);
    }
    names.or(h, 1 << TYPES.indexOf(type));
    if (words.length > maxWords) maxWords = words.length;
  }
  const count = (x: Iterable<string>) => (Array.isArray(x) ? x.length : x instanceof Set ? x.size : 16);
  const first = new HashTable(count(firstNames)), lower = new HashTable(count(lowerWords)), plain = new HashTable(count(plainWords));
  for (const w of firstNames) first.or(exactHash(w), 1);
  for (const w of lowerWords) lower.or(lowerHash(w), 1);
  for (const w of plainWords) plain.or(exactHash(w), 1);
  return { names, maxWords, firstNames: first, lowerWords: lower, plain };
}

/** One sentence as the model reads it. */
export interface Seq {
  n: number;
  /** The words (possessive "'s" folded into the word before). */
  toks: Tok[];
  allCaps: boolean;
}

/** The words of a sentence for the model: a lone "s" after an apostrophe ("England 's", "ENGLAND 'S") is dropped. */
export function modelTokens(text: string, toks: Tok[]): Tok[] {
  let lone = false;
  for (let i = 1; i < toks.length && !lone; i++) lone = toks[i].w === 's' || toks[i].w === 'S';
  if (!lone) return toks;
  const out: Tok[] = [];
  for (const t of toks) {
    if ((t.w === 's' || t.w === 'S') && out.length && t.s > 0) {
      const c = text.charCodeAt(t.s - 1);
      if (c === 39 || c === 0x2019) { out[out.length - 1].stop = true; continue; }
    }
    out.push(t);
  }
  return out;
}

/** Scratch arrays, grown as needed. */
class Scratch {
  size = 0;
  H = new Int32Array(0); HL = new Int32Array(0); SH = new Int32Array(0);
  cap = new Uint8Array(0); done = new Uint8Array(0); gapB = new Uint8Array(0); gapA = new Uint8Array(0); gaz = new Int32Array(0); flags = new Uint8Array(0);
  ensure(n: number) {
    if (n <= this.size) return;
    const m = Math.max(n, this.size * 2, 64);
    this.size = m;
    this.H = new Int32Array(m); this.HL = new Int32Array(m); this.SH = new Int32Array(m);
    this.cap = new Uint8Array(m); this.done = new Uint8Array(m); this.gapB = new Uint8Array(m); this.gapA = new Uint8Array(m); this.gaz = new Int32Array(m); this.flags = new Uint8Array(m);
  }
}

/** Capitalisation class: 0 lower, 1 Title, 2 UPPER (two or more letters), 3 digit first, 4 other. */
function capClass(w: string): number {
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return 3;
  const k = shapeUnit(c);
  if (k === 2) return 0;
  if (k !== 1) return 4;
  for (let i = 1; i < w.length; i++) if (shapeUnit(w.charCodeAt(i)) === 2) return 1;
  return w.length > 1 ? 2 : 1;
}

const F_INITIAL = 1, F_FIRST = 2, F_LOWER = 4;
const BOS = 0x5b05, EOS = 0xe05;

/**
 * Features of a sentence: the per-word tables `features` reads, computed on demand so
 * that words far from any capitalised word cost only their first character.
 */
export class Featurizer {
  private readonly x = new Scratch();
  private text = '';
  private toks: readonly Tok[] = [];
  private from = 0;
  private to = 0;
  private n = 0;
  constructor(private readonly lex: NerLexicon) {}

  /** Starts on `toks`, the words of the sentence [from, to) of `text`: only their capitalisation is read. */
  begin(text: string, toks: readonly Tok[], from: number, to: number): void {
    const n = toks.length, x = this.x;
    x.ensure(n + 1);
    this.text = text; this.toks = toks; this.from = from; this.to = to; this.n = n;
    for (let i = 0; i < n; i++) { x.cap[i] = capClass(toks[i].w); x.gaz[i] = 0; x.done[i] = 0; }
  }

  /** Everything at once: every word's tables and every known name. */
  prepare(text: string, toks: readonly Tok[], from: number, to: number): void {
    this.begin(text, toks, from, to);
    this.names(0, toks.length);
  }

  /** Computes the tables of words [a, b) (clipped to the sentence). */
  words(a: number, b: number): void {
    if (a < 0) a = 0;
    if (b > this.n) b = this.n;
    for (let i = a; i < b; i++) if (!this.x.done[i]) this.word(i);
  }

  private word(i: number): void {
    const x = this.x, t = this.toks[i], w = t.w, len = w.length, lex = this.lex, text = this.text;
    let h = FNV0, hl = FNV0, sh = FNV0, last = -1;
    for (let k = 0; k < len; k++) {
      const c = w.charCodeAt(k);
      h = fnv(h, c);
      hl = fnv(hl, lowerUnit(c));
      const s = shapeUnit(c);
      if (s !== last) { sh = fnv(sh, s); last = s; }
    }
    x.H[i] = h; x.HL[i] = hl; x.SH[i] = sh;
    x.gapB[i] = gapClass(text, i === 0 ? this.from : this.toks[i - 1].e, t.s);
    x.gapA[i] = t.stop && text.charCodeAt(t.e) !== 45 ? POSSESSIVE_GAP : gapClass(text, t.e, i + 1 < this.n ? this.toks[i + 1].s : this.to);
    x.flags[i] = (t.initial ? F_INITIAL : 0) | (lex.firstNames.has(h) ? F_FIRST : 0) | (x.cap[i] !== 0 && lex.lowerWords.has(hl) ? F_LOWER : 0);
    x.done[i] = 1;
  }

  /** Known names starting at the capitalised words of [a, b): the longest match at each, left to right. */
  names(a: number, b: number): void {
    const x = this.x, lex = this.lex, n = this.n;
    this.words(a - 2, b + 2);
    for (let i = a; i < b; i++) {
      if (x.cap[i] !== 1 && x.cap[i] !== 2 || x.gaz[i] !== 0) continue;
      let h = 0, best = -1, mask = 0;
      for (let j = i; j < n && j - i < lex.maxWords; j++) {
        if (!x.done[j]) this.word(j);
        h = SEQ(h, x.HL[j]);
        const v = lex.names.get(h), m = v & ~NAME_PREFIX;
        if (m !== 0) { best = j; mask = m; }
        if ((v & NAME_PREFIX) === 0) break;
      }
      if (best < 0) continue;
      this.words(best, best + 3);
      for (let j = i; j <= best; j++) {
        const pos = best === i ? 3 : j === i ? 0 : j === best ? 2 : 1; // B I L U
        x.gaz[j] = mask << 2 | pos;
      }
      i = best;
    }
  }

  /** Capitalised: a window anchor. */
  anchor(i: number, allCaps: boolean): boolean {
    const c = this.x.cap[i];
    return c === 1 || c === 2 || allCaps && c === 3;
  }

  /** Inside a known name (after `names`). */
  known(i: number): boolean {
    return this.x.gaz[i] !== 0;
  }

  /** A lower-case word that may stand inside a name ("of", "de", "van", "the"). */
  connector(i: number): boolean {
    return CONNECTORS.has(this.toks[i].w);
  }

  /** A capitalised word that is (almost) never a name on its own ("The", "But", "He"), by its exact hash. */
  plain(i: number): boolean {
    if (!this.x.done[i]) this.word(i);
    return this.lex.plain.has(this.x.H[i]);
  }

  /**
   * Calls `add(hash)` for every feature of word `i` of a prepared sentence of `n`
   * words; `allCaps` for a headline.
   */
  features(i: number, n: number, allCaps: boolean, out: Int32Array): number {
    const x = this.x;
    let k = 0;
    const hl = x.HL[i], sh = x.SH[i];
    const hlP = i > 0 ? x.HL[i - 1] : BOS, hlN = i + 1 < n ? x.HL[i + 1] : EOS;
    const hlPP = i > 1 ? x.HL[i - 2] : BOS, hlNN = i + 2 < n ? x.HL[i + 2] : EOS;
    const shP = i > 0 ? x.SH[i - 1] : BOS, shN = i + 1 < n ? x.SH[i + 1] : EOS;
    const f = x.flags[i], ac = allCaps ? 1 : 0;
    out[k++] = feat(0, 0);
    if (!allCaps) out[k++] = feat(1, x.H[i]);
    out[k++] = feat(2, hl);
    out[k++] = feat(3, hlP);
    out[k++] = feat(4, hlN);
    out[k++] = feat(5, hlPP);
    out[k++] = feat(6, hlNN);
    out[k++] = feat(7, pair(sh, ac));
    out[k++] = feat(8, pair(pair(shP, sh), ac));
    out[k++] = feat(9, pair(pair(sh, shN), ac));
    // prefixes and suffixes (lower case) of up to four characters, shorter than the word
    const w = this.toks[i].w, len = w.length;
    let hp = FNV0, hs = FNV0;
    for (let q = 0; q < 4 && q < len - 1; q++) {
      hp = fnv(hp, lowerUnit(w.charCodeAt(q)));
      hs = fnv(hs, lowerUnit(w.charCodeAt(len - 1 - q)));
      if (q === 0) continue; // one letter says little
      out[k++] = feat(11 + q, hp);
      out[k++] = feat(15 + q, hs);
    }
    out[k++] = feat(19, pair(pair(x.cap[i], f & F_INITIAL), ac));
    if (allCaps) out[k++] = feat(20, hl);
    out[k++] = feat(21, pair(x.gapB[i], x.cap[i]));
    out[k++] = feat(22, pair(x.gapA[i], x.cap[i]));
    out[k++] = feat(23, pair(hlP, hl));
    out[k++] = feat(24, pair(hl, hlN));
    const g = x.gaz[i];
    if (g) {
      for (let b = 0; b < 4; b++) if (g >> (2 + b) & 1) out[k++] = feat(27, b * 4 + (g & 3));
      out[k++] = feat(28, pair(g, x.cap[i]));
    }
    out[k++] = feat(29, i > 0 ? x.gaz[i - 1] : -1);
    out[k++] = feat(30, i + 1 < n ? x.gaz[i + 1] : -1);
    out[k++] = feat(31, pair(f & (F_FIRST | F_LOWER), x.cap[i]));
    out[k++] = feat(32, pair(i > 0 ? x.flags[i - 1] & F_FIRST : 8, x.cap[i]));
    if (f & F_INITIAL) out[k++] = feat(33, hl);
    out[k++] = feat(34, pair(x.cap[i], i > 0 ? x.cap[i - 1] : 7) * 8 + (i + 1 < n ? x.cap[i + 1] : 7));
    return k;
  }

}

/** The most features one word has. */
export const MAX_FEATURES = 48;

/** Weights: emission rows of NL per hash bucket, and transitions. */
export interface Weights {
  bits: number;
  /** Emission weight of bucket b, label y at b * NL + y (scaled by `scale`). */
  emit: Int8Array | Float32Array | Float64Array;
  scale: number;
  /** trans[(prev + 1) * NL + y]; prev -1 is the sentence start. */
  trans: Float32Array | Float64Array;
  /** `emit` (int8) packed for summing (`packRows`), made by `decodeModel`. */
  rows?: Float64Array;
}

/** A lane of a packed row: a sum of up to 256 biased weights (0..255 each) fits in it. */
const LANE = 65536, LANE2 = LANE * LANE, BIAS = 128;
/**
 * Int8 emission rows packed three labels to a number: bucket b's labels 3k, 3k + 1,
 * 3k + 2 (each weight plus BIAS) at `rows[3b + k]`, as l0 + l1 * LANE + l2 * LANE².
 * Sums of up to 256 rows stay exact integers (below 2^53) with no carry between lanes,
 * so `decode` adds three numbers per feature, not nine, and reads the nine sums back
 * exactly.
 */
export function packRows(emit: Int8Array): Float64Array {
  const buckets = emit.length / NL, rows = new Float64Array(buckets * 3);
  for (let b = 0; b < buckets; b++) {
    for (let k = 0; k < 3; k++) {
      const y = b * NL + 3 * k;
      rows[3 * b + k] = (emit[y] + BIAS) + (emit[y + 1] + BIAS) * LANE + (emit[y + 2] + BIAS) * LANE2;
    }
  }
  return rows;
}

/**
 * Best labels for words [from, to) of a prepared sentence of `n` words (Viterbi; the
 * word before `from` counts as O, as does the one after `to`... any label may end).
 */
export function decode(fz: Featurizer, w: Weights, n: number, allCaps: boolean, from: number, to: number, labels: Uint8Array, scratch: DecodeScratch): void {
  const len = to - from;
  scratch.ensure(len);
  const { score, back, fbuf, emis } = scratch;
  const mask = (1 << w.bits) - 1;
  const E = w.emit, T = w.trans, sc = w.scale, R = w.rows;
  for (let p = 0; p < len; p++) {
    const nf = fz.features(from + p, n, allCaps, fbuf);
    if (R !== undefined && nf <= 256) {
      // three packed lanes per feature (packRows), unpacked into the nine sums
      let s0 = 0, s1 = 0, s2 = 0;
      for (let q = 0; q < nf; q++) {
        const b = (fbuf[q] & mask) * 3;
        s0 += R[b]; s1 += R[b + 1]; s2 += R[b + 2];
      }
      unpack(s0, nf, emis, 0); unpack(s1, nf, emis, 3); unpack(s2, nf, emis, 6);
    } else {
      // the nine labels' sums in locals (NL is 9)
      let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0, e8 = 0;
      for (let q = 0; q < nf; q++) {
        const b = (fbuf[q] & mask) * 9;
        e0 += E[b]; e1 += E[b + 1]; e2 += E[b + 2]; e3 += E[b + 3]; e4 += E[b + 4];
        e5 += E[b + 5]; e6 += E[b + 6]; e7 += E[b + 7]; e8 += E[b + 8];
      }
      emis[0] = e0; emis[1] = e1; emis[2] = e2; emis[3] = e3; emis[4] = e4; emis[5] = e5; emis[6] = e6; emis[7] = e7; emis[8] = e8;
    }
    const row = p * NL;
    if (p === 0) {
      const start = from === 0 ? 0 : NL; // the sentence start, or an O before the window
      for (let y = 0; y < NL; y++) { score[y] = isInside(y) ? -Infinity : emis[y] * sc + T[start + y]; back[y] = 0; }
      continue;
    }
    const prow = row - NL;
    for (let y = 0; y < NL; y++) {
      let best = -Infinity, arg = 0;
      if (isInside(y)) {
        // only B-X or I-X before I-X
        const a = score[prow + y - 1] + T[y * NL + y], b = score[prow + y] + T[(y + 1) * NL + y];
        if (a >= b) { best = a; arg = y - 1; } else { best = b; arg = y; }
      } else {
        for (let z = 0; z < NL; z++) {
          const v = score[prow + z] + T[(z + 1) * NL + y];
          if (v > best) { best = v; arg = z; }
        }
      }
      score[row + y] = best + emis[y] * sc;
      back[row + y] = arg;
    }
  }
  let y = 0, best = -Infinity;
  const last = (len - 1) * NL;
  for (let z = 0; z < NL; z++) if (score[last + z] > best) { best = score[last + z]; y = z; }
  for (let p = len - 1; p >= 0; p--) {
    labels[from + p] = y;
    y = back[p * NL + y];
  }
}

/** The three sums packed in `s` (a sum of `nf` packed rows) into `emis[at..at + 2]`, the bias taken off. */
export function unpack(s: number, nf: number, emis: Float64Array, at: number): void {
  const l2 = Math.floor(s / LANE2), r = s - l2 * LANE2, l1 = Math.floor(r / LANE);
  emis[at] = r - l1 * LANE - nf * BIAS;
  emis[at + 1] = l1 - nf * BIAS;
  emis[at + 2] = l2 - nf * BIAS;
}

export class DecodeScratch {
  size = 0;
  score = new Float64Array(0);
  back = new Uint8Array(0);
  fbuf = new Int32Array(MAX_FEATURES);
  emis = new Float64Array(NL);
  ensure(len: number) {
    if (len <= this.size) return;
    this.size = Math.max(len, this.size * 2, 64);
    this.score = new Float64Array(this.size * NL);
    this.back = new Uint8Array(this.size * NL);
  }
}

/** Labelled spans [first word, last word] with their type index, from BIO labels. */
export function spansOf(labels: Uint8Array, n: number, visit: (a: number, b: number, type: number) => void): void {
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (y === 0) continue;
    const type = (y - 1) >> 1;
    let j = i;
    while (j + 1 < n && labels[j + 1] === 2 + 2 * type) j++;
    visit(i, j, type);
    i = j;
  }
}

/**
 * Labels every word of a sentence `begin` started: windows of capitalised words
 * (anchors with at most two other words between them) are decoded, the rest is O, and
 * so is a window of one plain word ("The"). `whole`: the sentence is one window.
 */
export function label(fz: Featurizer, w: Weights, n: number, allCaps: boolean, labels: Uint8Array, scratch: DecodeScratch, whole = false): void {
  labels.fill(0, 0, n);
  if (whole) {
    if (n) { fz.names(0, n); decode(fz, w, n, allCaps, 0, n, labels, scratch); }
    return;
  }
  for (let i = 0; i < n; i++) {
    if (!fz.anchor(i, allCaps)) continue;
    let j = i, k = i + 1;
    while (k < n && k - j <= 3) {
      if (fz.anchor(k, allCaps)) j = k;
      else if (!fz.connector(k)) break;
      k++;
    }
    let a = i;
    if (fz.plain(i)) {
      // "The Kremlin": a plain word opening a window is left out unless a known name starts with it ("The Hague")
      fz.names(i, i + 1);
      if (!fz.known(i)) a = i + 1;
      while (a <= j && !fz.anchor(a, allCaps)) a++;
    }
    if (a <= j) {
      fz.names(a, j + 1);
      decode(fz, w, n, allCaps, a, j + 1, labels, scratch);
    }
    i = j;
  }
}

// ---------------------------------------------------------------------------
// The model artefact: "SLNR", format 1, feature version, bits, labels, scale (f32),
// transitions ((NL + 1) * NL f32), a bitmap of the non-zero buckets, their rows (int8).

const MAGIC = 0x524e4c53; // "SLNR" little-endian

export function encodeModel(w: { bits: number; emit: Int8Array; scale: number; trans: Float32Array }): Uint8Array {
  const buckets = 1 << w.bits;
  const bitmap = new Uint8Array(buckets >> 3);
  let rows = 0;
  for (let b = 0; b < buckets; b++) {
    for (let y = 0; y < NL; y++) if (w.emit[b * NL + y] !== 0) { bitmap[b >> 3] |= 1 << (b & 7); rows++; break; }
  }
  const head = 24 + 4 * (NL + 1) * NL;
  const out = new Uint8Array(head + bitmap.length + rows * NL);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true); dv.setUint32(4, 1, true); dv.setUint32(8, FEATURE_VERSION, true);
  dv.setUint32(12, w.bits, true); dv.setUint32(16, NL, true); dv.setFloat32(20, w.scale, true);
  for (let k = 0; k < (NL + 1) * NL; k++) dv.setFloat32(24 + 4 * k, w.trans[k], true);
  out.set(bitmap, head);
  let o = head + bitmap.length;
  for (let b = 0; b < buckets; b++) {
    if (!(bitmap[b >> 3] >> (b & 7) & 1)) continue;
    for (let y = 0; y < NL; y++) out[o++] = w.emit[b * NL + y] & 255;
  }
  return out;
}

export function decodeModel(bytes: Uint8Array): Weights {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24 || dv.getUint32(0, true) !== MAGIC) throw new Error('ner model: not a Source Lens model');
  if (dv.getUint32(4, true) !== 1) throw new Error('ner model: unknown format');
  if (dv.getUint32(8, true) !== FEATURE_VERSION) throw new Error(`ner model: trained on features v${dv.getUint32(8, true)}, code has v${FEATURE_VERSION}: run npm run train:ner`);
  const bits = dv.getUint32(12, true);
  if (dv.getUint32(16, true) !== NL) throw new Error('ner model: label set differs');
  const scale = dv.getFloat32(20, true);
  const trans = new Float32Array((NL + 1) * NL);
  for (let k = 0; k < trans.length; k++) trans[k] = dv.getFloat32(24 + 4 * k, true);
  const buckets = 1 << bits, head = 24 + 4 * (NL + 1) * NL;
  const emit = new Int8Array(buckets * NL);
  let o = head + (buckets >> 3);
  for (let b = 0; b < buckets; b++) {
    if (!(bytes[head + (b >> 3)] >> (b & 7) & 1)) continue;
    for (let y = 0; y < NL; y++) emit[b * NL + y] = (bytes[o++] << 24) >> 24;
  }
  return { bits, emit, scale, trans, rows: packRows(emit) };
}

/** Base64 to bytes without Node's Buffer (the core runs anywhere). */
export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
