/**
 * Duplicated passages: repeats inside a document, passages shared between documents.
 *
 * Both work on sentences (cut again inside long quotations: `units`). A sentence is
 * reduced to its content-word stems; pairs of neighbouring stems (reuseText.ts) key
 * an inverted index (reusePostings.ts), so candidates come without comparing every
 * sentence with every other, and a candidate is kept when enough stems agree (Dice).
 * Matched sentences close together on both sides merge into one maximal passage;
 * order inside a passage may differ, since a paraphrase shuffles sentences. A passage
 * needs one match that stands on its own (see `Match`), so text that merely shares
 * a stock phrase is not reuse.
 */
import type { Duplicate, DuplicateLabel, Paragraph, Sentence, Span } from '../types';
import {
  Vocab, bigramContainment, boilerplateIn, contentIds, dice, features, intersects, longestRun, normalised, overlap, sorted, unitWords,
} from './reuseText';
import { units } from '../text/sentences';
import { type AnalysisContext, memoSlot, Slot } from '../text/memo';
import { PostingTable } from './postings';

export { boilerplateIn, isBoilerplate } from './reuseText';

/** Stems two sentences must share, at least, to count as the same sentence. */
const MIN_SHARED = 3;
/** Dice of the two stem multisets, at least: across documents, and inside one (which repeats its topic words anyway). */
const MIN_DICE = 0.5, MIN_DICE_REPEAT = 0.6;
/** Two matches merge when both sides are at most this many sentences apart... */
const MERGE_NEAR = 2;
/** ...or when one side stays in one paragraph and the other is at most this far (a shuffled passage). */
const MERGE_FAR = 6;
/** A feature in more sentences than this is common phrasing, not reuse: never looked up again. */
const POSTING_CAP = 16;
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
interface Match { i: number; j: number; sim: number; strong: boolean }

interface Side {
  text: string;
  sents: readonly Span[];
  ids: Int32Array[]; // sorted content-stem ids per unit
  seq: Int32Array[]; // the same, in text order
  windows: Int32Array[]; // sorted hashes of the unit's 8-word windows
  nWords: number[]; // words per unit
  feats: number[][]; // features per unit (reuseText.ts)
  keys: number[]; // hash of the content stems in order (`seqHash`)
  paras: readonly Paragraph[];
  paraOf: readonly number[];
  data: UnitData[]; // per unit, what the arrays above were read from (shared by every unit of that text)
  furniture: (text: string) => boolean; // `isBoilerplate`, remembered in the analysis context
}

/** Compares unit i of A with unit j of B; null when they are not the same sentence. */
function compare(A: Side, i: number, B: Side, j: number, minDice: number): { sim: number; strong: boolean } | null {
  const a = A.ids[i], b = B.ids[j];
  if (a.length < MIN_SHARED || b.length < MIN_SHARED) return null;
  if (2 * Math.min(a.length, b.length) < minDice * (a.length + b.length)) return null;
  const n = overlap(a, b);
  if (n < MIN_SHARED) return null;
  const sim = (2 * n) / (a.length + b.length);
  if (sim < minDice) return null;
  let strong = false;
  if (n >= 4) {
    const outside = n - longestRun(A.seq[i], B.seq[j]);
    strong = outside >= 2 || (outside >= 1 && sim >= CLOSE_DICE);
  }
  // An 8-word run in common is reuse whatever else differs.
  if (!strong) strong = intersects(A.windows[i], B.windows[j]);
  return { sim, strong };
}

function minFeatures(n: number): number {
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
function cluster(matches: Match[], paraA: readonly number[], paraB: readonly number[]): Match[][] {
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

interface Passage { a: Span; b: Span; label: DuplicateLabel; similarity: number }

/** Concatenated sorted stems of sentences lo..hi. */
function rangeIds(side: Side, lo: number, hi: number): Int32Array {
  let n = 0;
  for (let k = lo; k <= hi; k++) n += side.ids[k].length;
  const out = new Int32Array(n);
  let o = 0;
  for (let k = lo; k <= hi; k++) { out.set(side.ids[k], o); o += side.ids[k].length; }
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
function agree(A: Side, B: Side, i: number, j: number): boolean {
  const a = A.sents[i], b = B.sents[j];
  if (sameSequence(A.seq[i], B.seq[j]) && normalised(A.text.slice(a.start, a.end)) === normalised(B.text.slice(b.start, b.end))) return true;
  return A.ids[i].length > 0 && B.ids[j].length > 0 && dice(A.ids[i], B.ids[j]) >= 0.6;
}

interface Ranges { iLo: number; iHi: number; jLo: number; jHi: number }

/** The cluster's sentence ranges, grown over agreeing neighbours on both sides at once. */
function ranges(A: Side, B: Side, g: Match[], repeat: boolean, maxGrow = Infinity): Ranges {
  let iLo = Infinity, iHi = -1, jLo = Infinity, jHi = -1;
  for (const m of g) {
    if (m.i < iLo) iLo = m.i; if (m.i > iHi) iHi = m.i;
    if (m.j < jLo) jLo = m.j; if (m.j > jHi) jHi = m.j;
  }
  // In a repeat, i is the later copy: growing must not make the copies meet.
  for (let n = 0; n < maxGrow && iLo > 0 && jLo > 0 && (!repeat || iLo - 1 > jHi) && agree(A, B, iLo - 1, jLo - 1); n++) { iLo--; jLo--; }
  for (let n = 0; n < maxGrow && iHi + 1 < A.sents.length && jHi + 1 < B.sents.length && (!repeat || jHi + 1 < iLo) && agree(A, B, iHi + 1, jHi + 1); n++) { iHi++; jHi++; }
  return { iLo, iHi, jLo, jHi };
}

function sameSequence(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Same content words, unit by unit: a cheap necessary condition for verbatim. */
function sameUnits(A: Side, i: number, B: Side, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!sameSequence(A.seq[i + k], B.seq[j + k])) return false;
  return true;
}

/** Turns a cluster of matches into the two spans and their label. */
function passage(A: Side, B: Side, r: Ranges, vocab: Vocab): Passage {
  const { iLo, iHi, jLo, jHi } = r;
  let a: Span = { start: A.sents[iLo].start, end: A.sents[iHi].end };
  let b: Span = { start: B.sents[jLo].start, end: B.sents[jHi].end };
  const ta = A.text.slice(a.start, a.end), tb = B.text.slice(b.start, b.end);
  if (iHi - iLo === jHi - jLo && sameUnits(A, iLo, B, jLo, iHi - iLo + 1) && (ta === tb || normalised(ta) === normalised(tb))) return { a, b, label: 'verbatim', similarity: 1 };
  const ia = rangeIds(A, iLo, iHi), ib = rangeIds(B, jLo, jHi);
  a = trimLeadIn(A, a, ib, vocab);
  b = trimLeadIn(B, b, ia, vocab);
  const sa = A.text.slice(a.start, a.end), sb = B.text.slice(b.start, b.end);
  if (normalised(sa) === normalised(sb)) return { a, b, label: 'verbatim', similarity: 1 };
  const d = dice(ia, ib);
  const label: DuplicateLabel = d >= EDITED_DICE && bigramContainment(sa, sb) >= EDITED_BIGRAMS ? 'edited' : 'reworded';
  return { a, b, label, similarity: Math.min(0.99, Math.round(d * 1000) / 1000) };
}

/** Per unit, 1 when it is furniture by its wording or by its short paragraph's. */
function furnitureFlags(side: Side): Uint8Array {
  const flags = new Uint8Array(side.sents.length);
  const paraFlag = new Map<number, boolean>();
  side.sents.forEach((s, k) => {
    if ((side.data[k].furniture ??= side.furniture(side.text.slice(s.start, s.end)))) { flags[k] = 1; return; }
    const pi = side.paraOf[k];
    let f = paraFlag.get(pi);
    if (f === undefined) {
      const p = side.paras[pi];
      f = !!p && p.end - p.start <= 300 && side.furniture(side.text.slice(p.start, p.end));
      paraFlag.set(pi, f);
    }
    if (f) flags[k] = 1;
  });
  return flags;
}

/** Whether at least half of a range's units are furniture or shared by many documents. */
function mostlyFurniture(flags: Uint8Array, lo: number, hi: number, many?: Uint16Array): boolean {
  let n = 0;
  for (let k = lo; k <= hi; k++) if (flags[k] || (many && many[k] >= MANY_DOCS)) n++;
  return 2 * n >= hi - lo + 1;
}

function rangeOf(g: Match[], key: 'i' | 'j'): [number, number] {
  let lo = Infinity, hi = -1;
  for (const m of g) { if (m[key] < lo) lo = m[key]; if (m[key] > hi) hi = m[key]; }
  return [lo, hi];
}

/**
 * Every word model shares one vocabulary: ids only ever meet in equality tests and
 * hashes, so one table serves the repeats of every document and every reuse index,
 * and a unit's words, worked out once, serve them all (`UNITS`).
 */
const VOCAB = new Slot('reuse.vocab', () => new Vocab());

/** What matching needs of one unit, from its text alone. */
interface UnitData { seq: Int32Array; ids: Int32Array; windows: Int32Array; words: number; feats: number[]; key: number; furniture?: boolean }

/** Units' word data by their text: after an edit only the changed units are read again. */
const UNITS = memoSlot<UnitData>('reuse.units', 200_000);

function unitData(vocab: Vocab, text: string): UnitData {
  const u = unitWords(vocab, text, 0, text.length);
  return { seq: u.seq, ids: sorted(u.seq), windows: u.windows, words: u.words, feats: features(u.seq), key: seqHash(u.seq) };
}

/** Hash of a stem sequence: identical units share it (others rarely do; `sameSequence` decides). */
function seqHash(seq: Int32Array): number {
  let h = 0x811c9dc5 ^ seq.length;
  for (let k = 0; k < seq.length; k++) h = Math.imul(h ^ seq[k], 0x01000193);
  return h >>> 0;
}

/**
 * A sentence's units and their word data, by the sentence's text: one lookup per
 * sentence after an edit. The units are kept as last placed in a text (the sentence
 * at `at`, in paragraph `paragraph`); a sentence that has not moved reuses those
 * objects (never written to).
 */
interface SentenceUnits { at: number; paragraph: number; units: Sentence[]; data: UnitData[] }
const SENTENCE_UNITS = memoSlot<SentenceUnits>('reuse.sentenceUnits', 200_000);

/** Sides by their sentences array: the repeats of a document and the reuse index read the same one. */
const SIDES = new Slot('reuse.sides', () => new WeakMap<readonly Sentence[], Side>());

function makeSide(ctx: AnalysisContext, text: string, paragraphs: readonly Paragraph[], allSentences: readonly Sentence[]): Side {
  const sides = ctx.get(SIDES);
  const known = sides.get(allSentences);
  if (known && known.text === text && known.paras === paragraphs) return known;
  const side = buildSide(ctx, text, paragraphs, allSentences);
  sides.set(allSentences, side);
  return side;
}

function buildSide(ctx: AnalysisContext, text: string, paragraphs: readonly Paragraph[], allSentences: readonly Sentence[]): Side {
  const ids: Int32Array[] = [], seq: Int32Array[] = [], windows: Int32Array[] = [], nWords: number[] = [], feats: number[][] = [], keys: number[] = [];
  const sentences: Sentence[] = [], data: UnitData[] = [];
  const sentenceUnits = ctx.get(SENTENCE_UNITS), unitMemo = ctx.get(UNITS), vocab = ctx.get(VOCAB);
  for (const s of allSentences) {
    const su = sentenceUnits.get(text.slice(s.start, s.end), body => {
      const placed = units(text, [s]);
      return { at: s.start, paragraph: s.paragraph, units: placed, data: placed.map(u => unitMemo.get(body.slice(u.start - s.start, u.end - s.start), t => unitData(vocab, t))) };
    });
    if (su.at !== s.start || su.paragraph !== s.paragraph) {
      const by = s.start - su.at;
      su.units = su.units.map(u => ({ start: u.start + by, end: u.end + by, paragraph: s.paragraph }));
      su.at = s.start;
      su.paragraph = s.paragraph;
    }
    for (let k = 0; k < su.units.length; k++) {
      const u = su.data[k];
      sentences.push(su.units[k]);
      data.push(u);
      seq.push(u.seq);
      ids.push(u.ids);
      windows.push(u.windows);
      nWords.push(u.words);
      feats.push(u.feats);
      keys.push(u.key);
    }
  }
  return { text, sents: sentences, ids, seq, windows, nWords, feats, keys, paras: paragraphs, paraOf: sentences.map(s => s.paragraph), data,
    furniture: t => boilerplateIn(ctx, t) };
}

/** A passage has at least this many words on each side: shorter shared text is a phrase, not a passage. */
const MIN_PASSAGE_WORDS = 8;
/** A passage of one sentence on each side, not verbatim, needs this similarity. */
const MIN_SINGLE_SIM = 0.6;

/**
 * Keeps the passages (clusters) that hold a strong match and are long enough;
 * drops echoes first. Depends on the two documents only, so it is symmetric.
 */
function keepPassages(matches: Match[], A: Side, B: Side): Match[][] {
  return cluster(dropEchoes(matches), A.paraOf, B.paraOf).filter(g => {
    if (!g.some(m => m.strong)) return false;
    const [iLo, iHi] = rangeOf(g, 'i'), [jLo, jHi] = rangeOf(g, 'j');
    let wa = 0, wb = 0;
    for (let k = iLo; k <= iHi; k++) wa += A.nWords[k];
    for (let k = jLo; k <= jHi; k++) wb += B.nWords[k];
    if (Math.min(wa, wb) < MIN_PASSAGE_WORDS) return false;
    if (iLo === iHi && jLo === jHi && g[0].sim < MIN_SINGLE_SIM && !sameSequence(A.seq[iLo], B.seq[jLo])) return false;
    return true;
  });
}

/** A unit's matches with earlier units of its document (`j` < its index). */
type UnitMatches = { j: number; sim: number; strong: boolean }[];

/**
 * The matching of a document's units lately done, newest last: the next call finds
 * the one sharing the most units at its two ends (an edit of that document) and
 * matches again only the units whose lookups the edit can change.
 */
const RECENT_MATCHING = new Slot('reuse.recentMatching', (): { data: UnitData[]; byUnit: UnitMatches[] }[] => []);
const RECENT_LIMIT = 4;

/**
 * Every unit's matches with earlier units: each unit looks up the earlier units
 * sharing its features (a feature held by more than `POSTING_CAP` earlier units is
 * too common to count), and is compared with those sharing enough of them; an
 * identical unit is not paired with copies more than `MAX_COPIES` back.
 *
 * After an edit the units before it and, past it, those sharing no feature and no
 * content key with a unit the edit removed or added, have the lookups they had:
 * their matches are reused (shifted). The rest are matched against the features'
 * unit lists, built for their features only.
 */
function matchUnits(ctx: AnalysisContext, side: Side, rank: Int32Array): UnitMatches[] {
  const recent = ctx.get(RECENT_MATCHING);
  const n = side.sents.length, data = side.data;
  let prev: { data: UnitData[]; byUnit: UnitMatches[] } | undefined, P = 0, S = 0;
  for (const r of recent) {
    const m = Math.min(n, r.data.length);
    let p = 0;
    while (p < m && r.data[p] === data[p]) p++;
    let q = 0;
    while (q < m - p && r.data[r.data.length - 1 - q] === data[n - 1 - q]) q++;
    if (!prev || p + q > P + S) { prev = r; P = p; S = q; }
  }
  const byUnit: UnitMatches[] = new Array(n);
  const redo: number[] = [];
  if (prev && 2 * (P + S) >= n) {
    const nOld = prev.data.length, d = n - nOld;
    const feats = new Set<number>(), keys = new Set<number>();
    for (let k = P; k < nOld - S; k++) { for (const f of prev.data[k].feats) feats.add(f); keys.add(prev.data[k].key); }
    for (let k = P; k < n - S; k++) { for (const f of data[k].feats) feats.add(f); keys.add(data[k].key); }
    for (let i = 0; i < n; i++) {
      if (i < P) { byUnit[i] = prev.byUnit[i]; continue; }
      if (i < n - S || keys.has(data[i].key) || data[i].feats.some(f => feats.has(f))) { redo.push(i); continue; }
      const old = prev.byUnit[i - d];
      if (!old.length || (d === 0 && old.every(m => m.j < P || m.j >= nOld - S))) { byUnit[i] = old; continue; }
      const moved: UnitMatches = [];
      let ok = true;
      for (const m of old) {
        if (m.j < P) moved.push(m);
        else if (m.j >= nOld - S) moved.push({ j: m.j + d, sim: m.sim, strong: m.strong });
        else { ok = false; break; } // (cannot be: the unit would share a feature with a removed one)
      }
      if (ok) byUnit[i] = moved; else redo.push(i);
    }
  } else {
    matchAll(side, rank, byUnit);
  }
  if (redo.length) {
    // Units holding each feature the units to redo look up, in order.
    const wanted = new Set<number>();
    for (const i of redo) for (const f of side.feats[i]) wanted.add(f);
    const holders = new Map<number, number[]>();
    const last = redo[redo.length - 1];
    for (let k = 0; k < last; k++) {
      for (const f of side.feats[k]) {
        if (!wanted.has(f)) continue;
        const list = holders.get(f);
        if (list) list.push(k); else holders.set(f, [k]);
      }
    }
    const count = new Int32Array(n);
    for (const i of redo) {
      const touched: number[] = [];
      for (const f of side.feats[i]) {
        const list = holders.get(f);
        if (!list) continue;
        // The units before i holding f, unless more than the cap do.
        let e = 0;
        while (e < list.length && list[e] < i && e <= POSTING_CAP) e++;
        if (e > POSTING_CAP) continue;
        for (let k = 0; k < e; k++) {
          const j = list[k];
          if (count[j]++ === 0) touched.push(j);
        }
      }
      byUnit[i] = confirmMatches(side, rank, i, touched, count);
    }
  }
  const at = prev ? recent.indexOf(prev) : -1;
  if (at >= 0 && 2 * (P + S) >= n) recent.splice(at, 1); // this document's matching moves on
  recent.push({ data, byUnit });
  if (recent.length > RECENT_LIMIT) recent.shift();
  return byUnit;
}

const NO_MATCHES: UnitMatches = [];

/** Every unit's matches, from scratch: one pass, each unit looked up in the postings of the units before it. */
function matchAll(side: Side, rank: Int32Array, byUnit: UnitMatches[]): void {
  let nFeats = 0;
  for (const f of side.feats) nFeats += f.length;
  let slots = 16;
  while (slots < 2 * nFeats + 2) slots *= 2;
  const postings = new PostingTable(POSTING_CAP, slots, nFeats);
  const count = new Int32Array(side.sents.length);
  for (let i = 0; i < side.sents.length; i++) {
    const feats = side.feats[i];
    const touched: number[] = [];
    for (const f of feats) {
      for (let p = postings.head(f); p >= 0; p = postings.nextOf(p)) {
        const j = postings.unitAt(p);
        if (count[j]++ === 0) touched.push(j);
      }
    }
    byUnit[i] = confirmMatches(side, rank, i, touched, count);
    for (const f of feats) postings.add(f, i);
  }
}

/**
 * Unit `i`'s matches among the earlier units `touched` (with `count` of shared features
 * each, reset to 0 here): enough shared features, similar enough, and not a far copy of
 * a sentence already repeated more than MAX_COPIES times.
 */
function confirmMatches(side: Side, rank: Int32Array, i: number, touched: readonly number[], count: Int32Array): UnitMatches {
  const need = minFeatures(side.feats[i].length);
  const key = side.keys;
  const found: UnitMatches = [];
  for (const j of touched) {
    const far = rank[j] < rank[i] - MAX_COPIES && key[j] === key[i] && sameSequence(side.seq[j], side.seq[i]);
    const c = count[j] >= need && !far ? compare(side, i, side, j, MIN_DICE_REPEAT) : null;
    if (c) found.push({ j, sim: c.sim, strong: c.strong });
    count[j] = 0;
  }
  return found.length ? found : NO_MATCHES;
}

/** Repeats inside one document, merged into maximal passages. `other.path` is ''. */
export function findRepeats(ctx: AnalysisContext, text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): Duplicate[] {
  const vocab = ctx.get(VOCAB);
  const side = makeSide(ctx, text, paragraphs, sentences);
  // Identical units (same content stems in order): each pairs with its nearest few earlier copies only.
  const copies = new Map<number, { first: number; n: number }[]>();
  const rank = new Int32Array(side.sents.length);
  const key = side.keys;
  for (let i = 0; i < side.sents.length; i++) {
    let list = copies.get(key[i]);
    if (!list) copies.set(key[i], (list = []));
    const same = list.find(c => sameSequence(side.seq[c.first], side.seq[i]));
    if (same) rank[i] = same.n++;
    else list.push({ first: i, n: 1 });
  }
  // Matches are sorted before clustering, so the order they come in does not matter.
  const matches: Match[] = [];
  const byUnit = matchUnits(ctx, side, rank);
  for (let i = 0; i < byUnit.length; i++) for (const m of byUnit[i]) matches.push({ i, j: m.j, sim: m.sim, strong: m.strong });
  const out: Duplicate[] = [];
  let flags: Uint8Array | undefined;
  const emit = (g: Match[], maxGrow = MAX_GROW) => {
    // i is the later copy, j the earlier.
    const r = ranges(side, side, g, true, maxGrow);
    const p = passage(side, side, r, vocab);
    const { iLo, iHi, jLo, jHi } = r;
    flags ??= furnitureFlags(side);
    const boilerplate = mostlyFurniture(flags, iLo, iHi) || mostlyFurniture(flags, jLo, jHi);
    const base = { kind: 'repeat' as const, label: p.label, similarity: p.similarity, boilerplate };
    out.push({ start: p.a.start, end: p.a.end, text: text.slice(p.a.start, p.a.end), other: { path: '', start: p.b.start, end: p.b.end }, ...base });
    out.push({ start: p.b.start, end: p.b.end, text: text.slice(p.b.start, p.b.end), other: { path: '', start: p.a.start, end: p.a.end }, ...base });
  };
  for (const g of keepPassages(matches, side, side)) {
    const [iLo] = rangeOf(g, 'i'), [, jHi] = rangeOf(g, 'j');
    if (jHi < iLo) emit(g);
    else if (g.length <= MAX_PAIRS) for (const m of g) emit([m]); // the copies would overlap: keep sentence pairs
    else for (const run of diagonalRuns(g)) emit(run, MERGE_FAR); // text repeating itself over and over
  }
  return out.sort((x, y) => x.start - y.start || x.other.start - y.other.start);
}

/**
 * An overlapping cluster larger than this is text repeating itself many times; its
 * sentence pairs are merged into runs, so what it costs stays linear in its matches.
 */
const MAX_PAIRS = 12;
/** A unit identical to many earlier ones pairs with this many of them, the nearest. */
const MAX_COPIES = 3;
/**
 * Sentences a repeated passage may grow by, each way, over neighbours that agree
 * without matching: in text that repeats itself over and over every passage would
 * otherwise grow to the whole repeating stretch (quadratic in its length).
 */
const MAX_GROW = 32;

/**
 * Matches cut into runs along each diagonal (the same distance between the copies):
 * consecutive sentences on both sides, each run short enough that its two copies do
 * not overlap. One pass over the matches sorted by diagonal.
 */
function diagonalRuns(g: readonly Match[]): Match[][] {
  const ms = [...g].sort((a, b) => (a.i - a.j) - (b.i - b.j) || a.i - b.i);
  const out: Match[][] = [];
  let run: Match[] = [];
  for (const m of ms) {
    const last = run[run.length - 1];
    if (last && last.i - last.j === m.i - m.j && m.i === last.i + 1 && m.j < run[0].i) run.push(m);
    else { if (run.length) out.push(run); run = [m]; }
  }
  if (run.length) out.push(run);
  return out;
}

interface IndexedDoc {
  id: number;
  path: string;
  side: Side;
  paragraphs: readonly Paragraph[];
  sentences: readonly Sentence[];
  sids: number[]; // global unit ids
  links: Map<number, Match[]>; // other doc id -> matches of its passages (i here, j there)
  /** Computed on demand, dropped when the links they derive from change. */
  passages: Map<number, Shared[]>;
  degrees?: Uint16Array;
  furniture?: Uint8Array;
  /** What each unit's text found in the documents before this one (see `ReuseIndex.add`). */
  /** Hits by unit (its data stands for its text: same text, same data). */
  lookups: Map<UnitData, Hit[]> | undefined;
  /** `ReuseIndex.epoch` right after this document was added. */
  epoch: number;
}

/** A unit of another document matching a unit looked up. */
interface Hit { doc: number; j: number; sim: number; strong: boolean }

/** A settled shared passage, seen from one document. */
interface Shared { r: Ranges; p: Passage }

const mirror = (x: Shared): Shared => ({
  r: { iLo: x.r.jLo, iHi: x.r.jHi, jLo: x.r.iLo, jHi: x.r.iHi },
  p: { a: x.p.b, b: x.p.a, label: x.p.label, similarity: x.p.similarity },
});

/**
 * Passages shared between documents; updated one document at a time. An upsert
 * looks the document's units up in the inverted index (never every document), so
 * its cost depends on the document and on the capped posting lists, not on the
 * corpus size. All matches of a pair are known when the later document arrives,
 * so passages are settled then and only their matches are stored.
 *
 * Documents keep the order they were first added in, and the index always equals
 * one built from scratch in that order: a document looks up only the documents
 * before it (what the capped posting lists held when it arrived). Replacing or
 * removing a document therefore re-indexes the documents after it; replacing the
 * last one (the usual edit, once the editor's document is the newest) costs one
 * document.
 */
export class ReuseIndex {
  private readonly vocab: Vocab;
  constructor(private readonly ctx: AnalysisContext) {
    this.vocab = ctx.get(VOCAB);
  }
  private byPath = new Map<string, IndexedDoc>();
  private byId: (IndexedDoc | undefined)[] = [];
  private nextDoc = 0;
  /** Feature -> global unit ids; saturated past the cap (common phrasing). */
  private postings = new PostingTable(POSTING_CAP);
  private unitDoc: number[] = [];
  private unitLocal: number[] = [];
  private count = new Int32Array(1024);

  /** Number of documents indexed. */
  get size(): number { return this.byPath.size; }

  /** Paths in the order they were first added. */
  private order: string[] = [];

  upsert(path: string, text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): void {
    if (!this.byPath.has(path)) {
      this.order.push(path);
      this.add(path, text, paragraphs, sentences);
      return;
    }
    const old = this.byPath.get(path)!;
    // Nothing changed since the document was added: its units' lookups still hold.
    const reuse = old.epoch === this.epoch ? old.lookups : undefined;
    const tail = this.detachFrom(path);
    this.add(path, text, paragraphs, sentences, reuse);
    for (const d of tail) this.add(d.path, d.side.text, d.paragraphs, d.sentences);
  }

  /** Counts additions and removals: a document's cached lookups hold while it is unchanged. */
  private epoch = 0;

  remove(path: string): void {
    if (!this.byPath.has(path)) return;
    const tail = this.detachFrom(path);
    this.order.splice(this.order.indexOf(path), 1);
    for (const d of tail) this.add(d.path, d.side.text, d.paragraphs, d.sentences);
  }

  /** Unindexes `path` and every document after it (last first); returns those after it, in order. */
  private detachFrom(path: string): IndexedDoc[] {
    const at = this.order.indexOf(path);
    const tail = this.order.slice(at + 1).map(p => this.byPath.get(p)!);
    for (let k = tail.length - 1; k >= 0; k--) this.unindex(tail[k].path);
    this.unindex(path);
    return tail;
  }

  /**
   * Indexes a document after every document indexed so far. `reuse`: lookups of the
   * same document's units made when the other documents were as they are now.
   */
  private add(path: string, text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[], reuse?: Map<UnitData, Hit[]>): void {
    const id = this.nextDoc++;
    const side = makeSide(this.ctx, text, paragraphs, sentences);
    const lookups = new Map<UnitData, Hit[]>();
    const doc: IndexedDoc = { id, path, side, paragraphs, sentences, sids: [], links: new Map(), passages: new Map(), lookups, epoch: -1 };
    const feats = side.feats;
    const n = side.sents.length;
    const total = this.unitDoc.length + n;
    if (this.count.length < total) {
      const grown = new Int32Array(Math.max(this.count.length * 2, total));
      grown.set(this.count);
      this.count = grown;
    }
    const count = this.count, postings = this.postings;
    const found = new Map<number, Match[]>();
    for (let i = 0; i < n; i++) {
      const unit = side.data[i];
      let hits = lookups.get(unit) ?? reuse?.get(unit);
      if (!hits) {
        hits = [];
        const touched: number[] = [];
        for (const f of feats[i]) {
          for (let p = postings.head(f); p >= 0; p = postings.nextOf(p)) {
            const sid = postings.unitAt(p);
            if (count[sid]++ === 0) touched.push(sid);
          }
        }
        const need = minFeatures(feats[i].length);
        for (const sid of touched) {
          if (count[sid] >= need) {
            const other = this.byId[this.unitDoc[sid]];
            const j = this.unitLocal[sid];
            const c = other ? compare(side, i, other.side, j, MIN_DICE) : null;
            if (c) hits.push({ doc: other!.id, j, sim: c.sim, strong: c.strong });
          }
          count[sid] = 0;
        }
      }
      lookups.set(unit, hits);
      for (const h of hits) push(found, h.doc, { i, j: h.j, sim: h.sim, strong: h.strong });
    }
    for (const [otherId, matches] of found) {
      const other = this.byId[otherId]!;
      const kept = keepPassages(matches, side, other.side).flat();
      if (!kept.length) continue;
      doc.links.set(otherId, kept);
      other.links.set(id, kept.map(m => ({ ...m, i: m.j, j: m.i })));
      other.degrees = undefined;
    }
    for (let i = 0; i < n; i++) {
      const sid = this.unitDoc.length;
      this.unitDoc.push(id); this.unitLocal.push(i);
      doc.sids.push(sid);
      for (const f of feats[i]) postings.add(f, sid);
    }
    this.byPath.set(path, doc);
    this.byId[id] = doc;
    doc.epoch = ++this.epoch;
    // Only the newest document can reuse its lookups (any later change moves the epoch on).
    if (this.newest && this.newest !== doc) this.newest.lookups = undefined;
    this.newest = doc;
  }

  private newest: IndexedDoc | undefined;

  private unindex(path: string): void {
    const doc = this.byPath.get(path);
    if (!doc) return;
    for (const otherId of doc.links.keys()) {
      const other = this.byId[otherId];
      if (!other) continue;
      other.links.delete(doc.id);
      other.passages.delete(doc.id);
      other.degrees = undefined;
    }
    for (const fs of doc.side.feats) for (const f of fs) this.postings.drop(f);
    for (const sid of doc.sids) this.unitDoc[sid] = -1;
    this.byPath.delete(path);
    this.byId[doc.id] = undefined;
    this.epoch++;
    this.postings.compact(sid => this.unitDoc[sid] >= 0);
  }

  /** The `shared` duplicates of one document, each listed from both ends across calls. */
  shared(path: string): Duplicate[] {
    const doc = this.byPath.get(path);
    if (!doc) return [];
    const many = this.degreesOf(doc);
    doc.furniture ??= furnitureFlags(doc.side);
    const out: Duplicate[] = [];
    for (const [otherId, matches] of doc.links) {
      const other = this.byId[otherId]!;
      let list = doc.passages.get(otherId);
      if (!list) {
        list = cluster(matches, doc.side.paraOf, other.side.paraOf).map(g => {
          const r = ranges(doc.side, other.side, g, false);
          return { r, p: passage(doc.side, other.side, r, this.vocab) };
        });
        doc.passages.set(otherId, list);
        other.passages.set(doc.id, list.map(mirror));
      }
      for (const { r, p } of list) {
        let boilerplate = mostlyFurniture(doc.furniture, r.iLo, r.iHi, many);
        if (!boilerplate) {
          other.furniture ??= furnitureFlags(other.side);
          boilerplate = mostlyFurniture(other.furniture, r.jLo, r.jHi, this.degreesOf(other));
        }
        out.push({
          start: p.a.start, end: p.a.end, text: doc.side.text.slice(p.a.start, p.a.end),
          other: { path: other.path, start: p.b.start, end: p.b.end },
          kind: 'shared', label: p.label, similarity: p.similarity, boilerplate,
        });
      }
    }
    return out.sort((x, y) => x.start - y.start || (x.other.path < y.other.path ? -1 : x.other.path > y.other.path ? 1 : 0) || x.other.start - y.other.start);
  }

  /** Per unit, how many other documents share it (cached until the links change). */
  private degreesOf(doc: IndexedDoc): Uint16Array {
    if (doc.degrees) return doc.degrees;
    const deg = new Uint16Array(doc.side.sents.length);
    for (const matches of doc.links.values()) {
      const seen = new Set<number>();
      for (const m of matches) if (!seen.has(m.i)) { seen.add(m.i); if (deg[m.i] < 65535) deg[m.i]++; }
    }
    return (doc.degrees = deg);
  }
}

function push(map: Map<number, Match[]>, key: number, m: Match): void {
  const l = map.get(key);
  if (l) l.push(m); else map.set(key, [m]);
}
