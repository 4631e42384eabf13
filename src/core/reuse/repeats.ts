/**
 * Repeats inside one document: every unit matched with the earlier units sharing its
 * features (after an edit, only the units the edit can change are matched again),
 * then the matches merged into maximal passages.
 */
import type { Duplicate, Paragraph, Sentence } from '../types';
import { features, overlap, sorted } from './reuseText';
import { units } from '../text/sentences';
import { type AnalysisContext, Slot } from '../text/memo';
import { PostingTable } from './postings';
import { MERGE_FAR, MIN_DICE_REPEAT, Match, POSTING_CAP, Side, UnitData, VOCAB, agree, cluster, compare, furnitureFlags, keepPassages, makeSide, minFeatures, mostlyFurniture, passage, rangeOf, ranges, sameSequence } from './passages';

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
