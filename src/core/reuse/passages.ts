/**
 * Duplicated passages: repeats inside a document (repeats.ts), passages shared between
 * documents (reuseIndex.ts); this file holds what both are made of.
 *
 * Both work on sentences (cut again inside long quotations: `units`). A sentence is
 * reduced to its content-word stems; pairs of neighbouring stems (reuseText.ts) key
 * an inverted index (postings.ts), so candidates come without comparing every
 * sentence with every other, and a candidate is kept when enough stems agree (Dice).
 * Matched sentences close together on both sides merge into one maximal passage;
 * order inside a passage may differ, since a paraphrase shuffles sentences. A passage
 * needs one match that stands on its own (see `Match`), so text that merely shares
 * a stock phrase is not reuse.
 *
 * What repeats and shared passages are both made of: a document's `Side` (its
 * matching units, cut again inside long quotations, with their content-word stems,
 * 8-word windows and pair features, memoised per unit in the analysis context),
 * how two units compare (Dice over stems, a long common run), how matches cluster
 * into passages, and how a passage is labelled (verbatim, edited, reworded).
 */
import type { DuplicateLabel, Paragraph, Sentence, Span } from '../types';
import { Vocab, bigramContainmentIn, boilerplateIn, contentIds, dice, featuresInto, intersectsIn, longestRunIn, overlap, overlapIn, sameNormalised, sortRange, sorted, unitWordsInto } from './reuseText';
import { units } from '../text/sentences';
import { type AnalysisContext, memoSlot, Slot } from '../text/memo';

/** Stems two sentences must share, at least, to count as the same sentence. */
const MIN_SHARED = 3;
/** Dice of the two stem multisets, at least: across documents, and inside one (which repeats its topic words anyway). */
export const MIN_DICE = 0.5, MIN_DICE_REPEAT = 0.6;
/** Two matches merge when both sides are at most this many sentences apart... */
const MERGE_NEAR = 2;
/** ...or when one side stays in one paragraph and the other is at most this far (a shuffled passage). */
export const MERGE_FAR = 6;
/** A feature in more sentences than this is common phrasing, not reuse: never looked up again. */
export const POSTING_CAP = 16;
/**
 * A unit whose features are all common phrasing can still be copied verbatim (wire
 * copy carried by many outlets): units with the same content stems in the same order
 * are compared while at most this many units hold that sequence, and when it has at
 * least `VERBATIM_MIN_STEMS` stems (shorter ones are stock phrases).
 */
export const VERBATIM_CAP = 64, VERBATIM_MIN_STEMS = 6;
/** A sentence shared with this many documents or more is boilerplate. */
const MANY_DOCS = 10;
/** Passage-level thresholds between the labels. */
const EDITED_DICE = 0.75, EDITED_BIGRAMS = 0.45;
/** With this Dice, one content word outside the common run makes a match strong. */
const CLOSE_DICE = 0.75;
/** Share of a unit's features a candidate must hold: cheap evidence before the comparison. */
const MIN_FEATURE_SHARE = 0.2;

/**
 * A sentence match. `strong` when it stands on its own: the shared words are more
 * than one common run (a stock phrase is one run), or the run is long. A passage
 * needs one strong match; weak ones only extend it.
 */
export interface Match { i: number; j: number; sim: number; strong: boolean }

export interface Side {
  text: string;
  /** Per unit, its start and end in the text (2k, 2k + 1). */
  bounds: Int32Array;
  paras: readonly Paragraph[];
  /** Per unit, its paragraph. */
  paraOf: Int32Array;
  data: UnitData[]; // per unit, its word data (shared by every unit of that text; read with the accessors below)
  furniture: (text: string) => boolean; // `isBoilerplate`, remembered in the analysis context
}

/** Compares unit i of A with unit j of B; null when they are not the same sentence. */
export function compare(A: Side, i: number, B: Side, j: number, minDice: number): { sim: number; strong: boolean } | null {
  const u = A.data[i], v = B.data[j], a = u.block, b = v.block;
  const na = a[u.at + STEMS], nb = b[v.at + STEMS];
  if (na < MIN_SHARED || nb < MIN_SHARED) return null;
  if (2 * Math.min(na, nb) < minDice * (na + nb)) return null;
  const n = overlapIn(a, idsAt(u), na, b, idsAt(v), nb);
  if (n < MIN_SHARED) return null;
  const sim = (2 * n) / (na + nb);
  if (sim < minDice) return null;
  let strong = false;
  if (n >= 4) {
    const outside = n - longestRunIn(a, seqAt(u), na, b, seqAt(v), nb);
    strong = outside >= 2 || (outside >= 1 && sim >= CLOSE_DICE);
  }
  // An 8-word run in common is reuse whatever else differs.
  if (!strong) strong = intersectsIn(a, windowsAt(u), a[u.at + WINDOWS], b, windowsAt(v), b[v.at + WINDOWS]);
  return { sim, strong };
}

export function minFeatures(n: number): number {
  return n < 3 ? 1 : Math.max(2, Math.round(n * MIN_FEATURE_SHARE));
}

/** Below the best match of either of its sentences by this much, a match is an echo, not the source. */
const ECHO_MARGIN = 0.25;

/** Drops matches much weaker than the best one of their sentence on either side (symmetric). */
function dropEchoes(matches: Match[]): Match[] {
  const bestI = new Map<number, number>(), bestJ = new Map<number, number>();
  for (const m of matches) {
    if ((bestI.get(m.i) ?? 0) < m.sim) bestI.set(m.i, m.sim);
    if ((bestJ.get(m.j) ?? 0) < m.sim) bestJ.set(m.j, m.sim);
  }
  return matches.filter(m => m.sim >= bestI.get(m.i)! - ECHO_MARGIN && m.sim >= bestJ.get(m.j)! - ECHO_MARGIN);
}

/**
 * Groups matches into passages: the union of matches close on both sides, or in one
 * paragraph on one side and not far on the other. The rule is symmetric in the two
 * sides, so the two documents of a pair see the same passages.
 */
export function cluster(matches: Match[], paraA: ArrayLike<number>, paraB: ArrayLike<number>): Match[][] {
  const ms = [...matches].sort((a, b) => a.i - b.i || a.j - b.j);
  const parent = ms.map((_, k) => k);
  const find = (k: number): number => { while (parent[k] !== k) { parent[k] = parent[parent[k]]; k = parent[k]; } return k; };
  for (let a = 0; a < ms.length; a++) {
    for (let b = a + 1; b < ms.length && ms[b].i - ms[a].i <= MERGE_FAR; b++) {
      const di = ms[b].i - ms[a].i, dj = Math.abs(ms[b].j - ms[a].j);
      const near = di <= MERGE_NEAR && dj <= MERGE_NEAR;
      const shuffled = dj <= MERGE_FAR && (paraA[ms[a].i] === paraA[ms[b].i] || paraB[ms[a].j] === paraB[ms[b].j]);
      if (near || shuffled) {
        const ra = find(a), rb = find(b);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
  const groups = new Map<number, Match[]>();
  ms.forEach((m, k) => { const r = find(k); const g = groups.get(r); if (g) g.push(m); else groups.set(r, [m]); });
  return [...groups.values()];
}

export interface Passage { a: Span; b: Span; label: DuplicateLabel; similarity: number }

/** Concatenated sorted stems of sentences lo..hi. */
function rangeIds(side: Side, lo: number, hi: number): Int32Array {
  let n = 0;
  for (let k = lo; k <= hi; k++) n += stemCount(side.data[k]);
  const out = new Int32Array(n);
  let o = 0;
  for (let k = lo; k <= hi; k++) {
    const u = side.data[k], m = stemCount(u), at = idsAt(u);
    out.set(u.block.subarray(at, at + m), o);
    o += m;
  }
  return out.sort();
}

/**
 * Drops a lead-in ("Live Ukraine Crisis Update: ") from a passage's first sentence
 * when few of its words are in the other passage.
 */
function trimLeadIn(side: Side, span: Span, other: Int32Array, vocab: Vocab): Span {
  const head = side.text.slice(span.start, Math.min(span.end, span.start + 80));
  const m = /^[^:|]{3,}?[:|]\s+(?=\S)/.exec(head);
  if (!m || m[0].length >= span.end - span.start) return span;
  const ids = sorted(contentIds(vocab, side.text, span.start, span.start + m[0].length));
  if (ids.length > 0 && 2 * overlap(ids, other) >= ids.length) return span;
  return { start: span.start + m[0].length, end: span.end };
}

/** Neighbouring units too short to match on their own still belong to the passage when they agree. */
export function agree(A: Side, B: Side, i: number, j: number): boolean {
  const u = A.data[i], v = B.data[j];
  if (sameStems(u, v) && sameNormalised(A.text.slice(A.bounds[2 * i], A.bounds[2 * i + 1]), B.text.slice(B.bounds[2 * j], B.bounds[2 * j + 1]))) return true;
  const na = stemCount(u), nb = stemCount(v);
  return na > 0 && nb > 0 && (2 * overlapIn(u.block, idsAt(u), na, v.block, idsAt(v), nb)) / (na + nb) >= 0.6;
}

export interface Ranges { iLo: number; iHi: number; jLo: number; jHi: number }

/** The cluster's sentence ranges, grown over agreeing neighbours on both sides at once. */
export function ranges(A: Side, B: Side, g: Match[], repeat: boolean, maxGrow = Infinity): Ranges {
  let iLo = Infinity, iHi = -1, jLo = Infinity, jHi = -1;
  for (const m of g) {
    if (m.i < iLo) iLo = m.i; if (m.i > iHi) iHi = m.i;
    if (m.j < jLo) jLo = m.j; if (m.j > jHi) jHi = m.j;
  }
  // In a repeat, i is the later copy: growing must not make the copies meet.
  for (let n = 0; n < maxGrow && iLo > 0 && jLo > 0 && (!repeat || iLo - 1 > jHi) && agree(A, B, iLo - 1, jLo - 1); n++) { iLo--; jLo--; }
  for (let n = 0; n < maxGrow && iHi + 1 < A.data.length && jHi + 1 < B.data.length && (!repeat || jHi + 1 < iLo) && agree(A, B, iHi + 1, jHi + 1); n++) { iHi++; jHi++; }
  return { iLo, iHi, jLo, jHi };
}

/** Whether two units have the same content stems in the same order. */
export function sameStems(u: UnitData, v: UnitData): boolean {
  const a = u.block, b = v.block, n = a[u.at + STEMS];
  if (b[v.at + STEMS] !== n) return false;
  for (let p = seqAt(u), q = seqAt(v), e = p + n; p < e; p++, q++) if (a[p] !== b[q]) return false;
  return true;
}

/** Same content words, unit by unit: a cheap necessary condition for verbatim. */
function sameUnits(A: Side, i: number, B: Side, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!sameStems(A.data[i + k], B.data[j + k])) return false;
  return true;
}

/** Turns a cluster of matches into the two spans and their label. */
export function passage(A: Side, B: Side, r: Ranges, vocab: Vocab): Passage {
  const { iLo, iHi, jLo, jHi } = r;
  let a: Span = { start: A.bounds[2 * iLo], end: A.bounds[2 * iHi + 1] };
  let b: Span = { start: B.bounds[2 * jLo], end: B.bounds[2 * jHi + 1] };
  const ta = A.text.slice(a.start, a.end), tb = B.text.slice(b.start, b.end);
  if (iHi - iLo === jHi - jLo && sameUnits(A, iLo, B, jLo, iHi - iLo + 1) && sameNormalised(ta, tb)) return { a, b, label: 'verbatim', similarity: 1 };
  const ia = rangeIds(A, iLo, iHi), ib = rangeIds(B, jLo, jHi);
  a = trimLeadIn(A, a, ib, vocab);
  b = trimLeadIn(B, b, ia, vocab);
  const sa = A.text.slice(a.start, a.end), sb = B.text.slice(b.start, b.end);
  if (sameNormalised(sa, sb)) return { a, b, label: 'verbatim', similarity: 1 };
  const d = dice(ia, ib);
  const label: DuplicateLabel = d >= EDITED_DICE && bigramContainmentIn(vocab, sa, sb) >= EDITED_BIGRAMS ? 'edited' : 'reworded';
  return { a, b, label, similarity: Math.min(0.99, Math.round(d * 1000) / 1000) };
}

/**
 * Per unit, whether it is furniture by its wording or by its short paragraph's, worked out when first asked
 * (`mostlyFurniture` asks only of the units in a passage's range, and not of one many documents share): a document's
 * every unit asked once cost a slice and a memo lookup each, most of them in no passage.
 */
export class FurnitureFlags {
  /** Per unit: 0 not asked yet, 1 furniture, 2 not. */
  private readonly units: Uint8Array;
  /** Per paragraph, the same for its text (a short paragraph's). */
  private readonly paras: Uint8Array;
  constructor(private readonly side: Side) {
    this.units = new Uint8Array(side.data.length);
    this.paras = new Uint8Array(side.paras.length);
  }

  at(k: number): boolean {
    let f = this.units[k];
    if (!f) {
      const side = this.side, u = side.data[k];
      if ((u.furniture ??= side.furniture(side.text.slice(side.bounds[2 * k], side.bounds[2 * k + 1])))) f = 1;
      else {
        const pi = side.paraOf[k];
        let pf = pi < this.paras.length ? this.paras[pi] : 2;
        if (!pf) {
          const p = side.paras[pi];
          pf = !!p && p.end - p.start <= 300 && side.furniture(side.text.slice(p.start, p.end)) ? 1 : 2;
          this.paras[pi] = pf;
        }
        f = pf;
      }
      this.units[k] = f;
    }
    return f === 1;
  }
}

/** Whether at least half of a range's units are furniture or shared by many documents. */
export function mostlyFurniture(flags: FurnitureFlags, lo: number, hi: number, many?: Uint16Array): boolean {
  // (Counted only as far as decides it: a unit many documents share counts without its wording asked.)
  const len = hi - lo + 1;
  let n = 0, left = len;
  for (let k = lo; k <= hi; k++) {
    if ((many && many[k] >= MANY_DOCS) || flags.at(k)) n++;
    left--;
    if (2 * n >= len) return true;
    if (2 * (n + left) < len) return false;
  }
  return 2 * n >= len;
}

export function rangeOf(g: Match[], key: 'i' | 'j'): [number, number] {
  let lo = Infinity, hi = -1;
  for (const m of g) { if (m[key] < lo) lo = m[key]; if (m[key] > hi) hi = m[key]; }
  return [lo, hi];
}

/**
 * Every word model shares one vocabulary: ids only ever meet in equality tests and
 * hashes, so one table serves the repeats of every document and every reuse index,
 * and a unit's words, worked out once, serve them all (`UNITS`).
 */
export const VOCAB = new Slot('reuse.vocab', () => new Vocab());

/**
 * What matching needs of one unit, from its text alone: a record of ints in a block
 * that many units share (`UnitBlocks`), from `at`: a header (`STEMS`, `WINDOWS`,
 * `FEATS`: the three lengths; `KEY`: `seqHash` as an int32; `WORDS`), then the
 * content stems in text order (`seqAt`), the same sorted (`idsAt`), the sorted
 * 8-word window hashes (`windowsAt`) and the pair features (`featsAt`, reuseText.ts).
 * An archive holds hundreds of thousands of units: one small object each, not the
 * typed arrays, buffer and number array each had before (about 1 KB a unit).
 * `furniture`: `isBoilerplate` of the unit's text, once asked.
 */
export interface UnitData { readonly block: Int32Array; readonly at: number; furniture: boolean | undefined }

/** Header ints of a unit's record (see `UnitData`). */
export const STEMS = 0, WINDOWS = 1, FEATS = 2, KEY = 3, WORDS = 4, HEAD = 5;

export const stemCount = (u: UnitData): number => u.block[u.at + STEMS];
export const featCount = (u: UnitData): number => u.block[u.at + FEATS];
export const wordCount = (u: UnitData): number => u.block[u.at + WORDS];
/** Hash of the unit's content stems in order (`seqHash`). */
export const unitKey = (u: UnitData): number => u.block[u.at + KEY] >>> 0;
export const seqAt = (u: UnitData): number => u.at + HEAD;
export const idsAt = (u: UnitData): number => u.at + HEAD + u.block[u.at + STEMS];
export const windowsAt = (u: UnitData): number => u.at + HEAD + 2 * u.block[u.at + STEMS];
export const featsAt = (u: UnitData): number => u.at + HEAD + 2 * u.block[u.at + STEMS] + u.block[u.at + WINDOWS];
/** The unit's features, as a view (for code off the hot paths). */
export const featsOf = (u: UnitData): Int32Array => { const at = featsAt(u); return u.block.subarray(at, at + featCount(u)); };

/** Size of the blocks units are carved from (ints); a larger unit gets a block of its own. */
const BLOCK_INTS = 1 << 16;

/**
 * Where units' records are carved from: the block being filled. A block is freed by the
 * collector once no unit carved from it is held (by a memo, a side or an index), so
 * units left behind by edits cost at most the blocks they keep alive.
 */
class UnitBlocks {
  private block = new Int32Array(BLOCK_INTS);
  private top = 0;
  /** A record of `n` ints: its block and where it starts. */
  carve(n: number): { block: Int32Array; at: number } {
    if (n > BLOCK_INTS / 4) return { block: new Int32Array(n), at: 0 };
    if (this.top + n > this.block.length) { this.block = new Int32Array(BLOCK_INTS); this.top = 0; }
    const at = this.top;
    this.top += n;
    return { block: this.block, at };
  }
}

const BLOCKS = new Slot('reuse.unitBlocks', () => new UnitBlocks());

/** Units' word data by their text: after an edit only the changed units are read again. */
const UNITS = memoSlot<UnitData>('reuse.units', 200_000);

function unitData(vocab: Vocab, blocks: UnitBlocks, text: string): UnitData {
  // (The words are read into the vocabulary's scratch space and copied once into the record: no array per unit.)
  unitWordsInto(vocab, text, 0, text.length);
  const seq = vocab.stemBuf, wins = vocab.windowBuf;
  const n = vocab.unitStems, nw = vocab.unitWindows, nf = featuresInto(seq, n, vocab.featureScratch), feats = vocab.featureScratch.out;
  const { block, at } = blocks.carve(HEAD + 2 * n + nw + nf);
  block[at + STEMS] = n; block[at + WINDOWS] = nw; block[at + FEATS] = nf;
  block[at + KEY] = seqHash(seq, n); block[at + WORDS] = vocab.unitWordCount;
  let o = at + HEAD;
  for (let k = 0; k < n; k++) block[o + k] = block[o + n + k] = seq[k];
  sortRange(block, o + n, o + 2 * n);
  o += 2 * n;
  for (let k = 0; k < nw; k++) block[o + k] = wins[k];
  o += nw;
  for (let k = 0; k < nf; k++) block[o + k] = feats[k];
  return { block, at, furniture: undefined };
}

/** Hash of a stem sequence (its first `n` ids): identical units share it (others rarely do; `sameStems` decides). */
function seqHash(seq: Int32Array, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ seq[k], 0x01000193);
  return h >>> 0;
}

/**
 * A sentence's units and their word data, by the sentence's text: one lookup per
 * sentence after an edit. The units' bounds are offsets into the sentence (start,
 * end), so a sentence that moved reads them as they are.
 */
interface SentenceUnits { bounds: Int32Array; data: UnitData[] }
const SENTENCE_UNITS = memoSlot<SentenceUnits>('reuse.sentenceUnits', 200_000);

/** Sides by their sentences array: the repeats of a document and the reuse index read the same one. */
const SIDES = new Slot('reuse.sides', () => new WeakMap<readonly Sentence[], Side>());

export function makeSide(ctx: AnalysisContext, text: string, paragraphs: readonly Paragraph[], allSentences: readonly Sentence[]): Side {
  const sides = ctx.get(SIDES);
  const known = sides.get(allSentences);
  if (known && known.text === text && known.paras === paragraphs) return known;
  const side = buildSide(ctx, text, paragraphs, allSentences);
  sides.set(allSentences, side);
  return side;
}

function buildSide(ctx: AnalysisContext, text: string, paragraphs: readonly Paragraph[], allSentences: readonly Sentence[]): Side {
  const sentenceUnits = ctx.get(SENTENCE_UNITS), unitMemo = ctx.get(UNITS), vocab = ctx.get(VOCAB), blocks = ctx.get(BLOCKS);
  const found: SentenceUnits[] = [];
  let n = 0;
  for (const s of allSentences) {
    const su = sentenceUnits.get(text.slice(s.start, s.end), body => {
      const placed = units(body, [{ start: 0, end: body.length, paragraph: 0 }]);
      const bounds = new Int32Array(2 * placed.length);
      placed.forEach((u, k) => { bounds[2 * k] = u.start; bounds[2 * k + 1] = u.end; });
      return { bounds, data: placed.map(u => unitMemo.get(body.slice(u.start, u.end), t => unitData(vocab, blocks, t))) };
    });
    found.push(su);
    n += su.data.length;
  }
  // (Two typed arrays for the document's units, not an object each.)
  const bounds = new Int32Array(2 * n), paraOf = new Int32Array(n), data: UnitData[] = new Array(n);
  let k = 0;
  for (let q = 0; q < allSentences.length; q++) {
    const s = allSentences[q], su = found[q];
    for (let x = 0; x < su.data.length; x++, k++) {
      bounds[2 * k] = s.start + su.bounds[2 * x];
      bounds[2 * k + 1] = s.start + su.bounds[2 * x + 1];
      paraOf[k] = s.paragraph;
      data[k] = su.data[x];
    }
  }
  return { text, bounds, paras: paragraphs, paraOf, data, furniture: furnitureIn(ctx) };
}

/**
 * `isBoilerplate` in the context, one function for every side of it. (Made in
 * `buildSide`, the closure kept the whole scope of the call alive with the side: the
 * memos of units current then, after the context had let them go.)
 */
const FURNITURE = new WeakMap<AnalysisContext, (text: string) => boolean>();
function furnitureIn(ctx: AnalysisContext): (text: string) => boolean {
  let f = FURNITURE.get(ctx);
  if (!f) FURNITURE.set(ctx, (f = t => boilerplateIn(ctx, t)));
  return f;
}

/** A passage has at least this many words on each side: shorter shared text is a phrase, not a passage. */
const MIN_PASSAGE_WORDS = 8;
/** A passage of one sentence on each side, not verbatim, needs this similarity. */
const MIN_SINGLE_SIM = 0.6;

/**
 * Keeps the passages (clusters) that hold a strong match and are long enough;
 * drops echoes first. Depends on the two documents only, so it is symmetric.
 */
export function keepPassages(matches: Match[], A: Side, B: Side): Match[][] {
  return cluster(dropEchoes(matches), A.paraOf, B.paraOf).filter(g => {
    if (!g.some(m => m.strong)) return false;
    const [iLo, iHi] = rangeOf(g, 'i'), [jLo, jHi] = rangeOf(g, 'j');
    let wa = 0, wb = 0;
    for (let k = iLo; k <= iHi; k++) wa += wordCount(A.data[k]);
    for (let k = jLo; k <= jHi; k++) wb += wordCount(B.data[k]);
    if (Math.min(wa, wb) < MIN_PASSAGE_WORDS) return false;
    if (iLo === iHi && jLo === jHi && g[0].sim < MIN_SINGLE_SIM && !sameStems(A.data[iLo], B.data[jLo])) return false;
    return true;
  });
}

export function push(map: Map<number, Match[]>, key: number, m: Match): void {
  const l = map.get(key);
  if (l) l.push(m); else map.set(key, [m]);
}
