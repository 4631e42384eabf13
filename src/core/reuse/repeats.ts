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
import { MERGE_FAR, MIN_DICE_REPEAT, Match, POSTING_CAP, type Ranges, Side, UnitData, VOCAB, agree, cluster, compare, featCount, featsAt, featsOf, FurnitureFlags, keepPassages, makeSide, minFeatures, mostlyFurniture, passage, rangeOf, ranges, sameStems, unitKey } from './passages';
import type { DuplicateLabel } from '../types';

/** A unit's matches with earlier units of its document (`j` < its index). */
type UnitMatches = { j: number; sim: number; strong: boolean }[];

/**
 * A passage as last emitted: its grown ranges, the text of its two copies and its
 * spans relative to the first unit of each, and its label. Keyed by the ranges
 * it grew from and how far it could grow (`emitKey`).
 */
interface Emitted { r: Ranges; ta: string; tb: string; a: [number, number]; b: [number, number]; label: DuplicateLabel; similarity: number }

/** A document's matching as last done: its units' data, their matches, its passages. */
interface Matching { data: UnitData[]; byUnit: UnitMatches[]; emitted: Map<string, Emitted> }

/**
 * How the units of this run map to those of the matching it reuses: the first `P`
 * and last `S` units are the very units (same data) they were, the last ones
 * shifted by `d`.
 */
interface Reused { prev: Matching; P: number; S: number; d: number }

/**
 * The matching of a document's units lately done, newest last: the next call finds
 * the one sharing the most units at its two ends (an edit of that document) and
 * matches again only the units whose lookups the edit can change.
 */
const RECENT_MATCHING = new Slot('reuse.recentMatching', (): Matching[] => []);
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
function matchUnits(ctx: AnalysisContext, side: Side, rank: Int32Array): { now: Matching; reused: Reused | null } {
  const recent = ctx.get(RECENT_MATCHING);
  const n = side.data.length, data = side.data;
  let prev: Matching | undefined, P = 0, S = 0;
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
    for (let k = P; k < nOld - S; k++) { for (const f of featsOf(prev.data[k])) feats.add(f); keys.add(unitKey(prev.data[k])); }
    for (let k = P; k < n - S; k++) { for (const f of featsOf(data[k])) feats.add(f); keys.add(unitKey(data[k])); }
    for (let i = 0; i < n; i++) {
      if (i < P) { byUnit[i] = prev.byUnit[i]; continue; }
      if (i < n - S || keys.has(unitKey(data[i])) || holdsAny(data[i], feats)) { redo.push(i); continue; }
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
    for (const i of redo) for (const f of featsOf(data[i])) wanted.add(f);
    const holders = new Map<number, number[]>();
    const last = redo[redo.length - 1];
    for (let k = 0; k < last; k++) {
      // (The unit's features read in its block: a view per unit made every edit cost a pass of allocations.)
      const u = data[k], block = u.block, fo = featsAt(u), fe = fo + featCount(u);
      for (let q = fo; q < fe; q++) {
        const f = block[q];
        if (!wanted.has(f)) continue;
        const list = holders.get(f);
        if (list) list.push(k); else holders.set(f, [k]);
      }
    }
    const count = new Int32Array(n);
    for (const i of redo) {
      const touched: number[] = [];
      for (const f of featsOf(data[i])) {
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
  const now: Matching = { data, byUnit, emitted: new Map() };
  recent.push(now);
  if (recent.length > RECENT_LIMIT) recent.shift();
  return { now, reused: prev && P + S > 0 ? { prev, P, S, d: n - prev.data.length } : null };
}

/** Whether unit `u` holds any of `feats`. */
function holdsAny(u: UnitData, feats: ReadonlySet<number>): boolean {
  const block = u.block, fo = featsAt(u), fe = fo + featCount(u);
  for (let q = fo; q < fe; q++) if (feats.has(block[q])) return true;
  return false;
}

function emitKey(iLo: number, iHi: number, jLo: number, jHi: number, maxGrow: number): string {
  return `${iLo} ${iHi} ${jLo} ${jHi} ${maxGrow}`;
}

/**
 * The passage emitted last time for the matches spanning units `iLo..iHi` and `jLo..jHi`
 * (this run's indices), when nothing it was read from can have changed: growing
 * it read only the units one past its ranges, which are all unchanged units (the same
 * data, so the same words) on one side of the edit, both ranges shifted alike and at the
 * document's ends as before; and its two copies' texts are the same. Else undefined.
 */
function emittedBefore(side: Side, u: Reused, iLo: number, iHi: number, jLo: number, jHi: number, maxGrow: number): { e: Emitted; shift: number } | undefined {
  const n = side.data.length, nOld = u.prev.data.length;
  const old = (x: number) => (x < u.P ? x : x >= n - u.S ? x - u.d : -1);
  const oi = old(iLo), oi1 = old(iHi), oj = old(jLo), oj1 = old(jHi);
  if (oi < 0 || oi1 < 0 || oj < 0 || oj1 < 0) return undefined;
  const e = u.prev.emitted.get(emitKey(oi, oi1, oj, oj1, maxGrow));
  if (!e) return undefined;
  // The shift of a range of old units read, or NaN when it straddles the edit.
  const shiftOf = (lo: number, hi: number) => {
    lo = Math.max(0, lo); hi = Math.min(nOld - 1, hi);
    return hi < u.P ? 0 : lo >= nOld - u.S ? u.d : NaN;
  };
  const { r } = e;
  const shift = shiftOf(r.iLo - 1, r.iHi + 1);
  if (shift !== shiftOf(r.jLo - 1, r.jHi + 1)) return undefined; // (NaN never equals)
  if ((r.iLo === 0 || r.jLo === 0) && shift !== 0) return undefined;
  if ((r.iHi + 1 === nOld || r.jHi + 1 === nOld) && shift !== u.d) return undefined;
  const b = side.bounds;
  if (side.text.slice(b[2 * (r.iLo + shift)], b[2 * (r.iHi + shift) + 1]) !== e.ta) return undefined;
  if (side.text.slice(b[2 * (r.jLo + shift)], b[2 * (r.jHi + shift) + 1]) !== e.tb) return undefined;
  return { e, shift };
}

const NO_MATCHES: UnitMatches = [];

/** Every unit's matches, from scratch: one pass, each unit looked up in the postings of the units before it. */
function matchAll(side: Side, rank: Int32Array, byUnit: UnitMatches[]): void {
  const data = side.data;
  let nFeats = 0;
  for (const u of data) nFeats += featCount(u);
  let slots = 16;
  while (slots < 2 * nFeats + 2) slots *= 2;
  const postings = new PostingTable(POSTING_CAP, slots, nFeats);
  const count = new Int32Array(side.data.length);
  for (let i = 0; i < side.data.length; i++) {
    const u = data[i], block = u.block, fo = featsAt(u), fe = fo + featCount(u);
    const touched: number[] = [];
    for (let q = fo; q < fe; q++) {
      for (let p = postings.head(block[q]); p >= 0; p = postings.nextOf(p)) {
        const j = postings.unitAt(p);
        if (count[j]++ === 0) touched.push(j);
      }
    }
    byUnit[i] = confirmMatches(side, rank, i, touched, count);
    for (let q = fo; q < fe; q++) postings.add(block[q], i);
  }
}

/**
 * Unit `i`'s matches among the earlier units `touched` (with `count` of shared features
 * each, reset to 0 here): enough shared features, similar enough, and not a far copy of
 * a sentence already repeated more than MAX_COPIES times.
 */
function confirmMatches(side: Side, rank: Int32Array, i: number, touched: readonly number[], count: Int32Array): UnitMatches {
  const data = side.data, need = minFeatures(featCount(data[i])), key = unitKey(data[i]);
  const found: UnitMatches = [];
  for (const j of touched) {
    const far = rank[j] < rank[i] - MAX_COPIES && unitKey(data[j]) === key && sameStems(data[j], data[i]);
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
  const rank = new Int32Array(side.data.length);
  const data = side.data;
  for (let i = 0; i < side.data.length; i++) {
    const key = unitKey(data[i]);
    let list = copies.get(key);
    if (!list) copies.set(key, (list = []));
    const same = list.find(c => sameStems(data[c.first], data[i]));
    if (same) rank[i] = same.n++;
    else list.push({ first: i, n: 1 });
  }
  // Matches are sorted before clustering, so the order they come in does not matter.
  const matches: Match[] = [];
  const { now, reused } = matchUnits(ctx, side, rank);
  const byUnit = now.byUnit;
  for (let i = 0; i < byUnit.length; i++) for (const m of byUnit[i]) matches.push({ i, j: m.j, sim: m.sim, strong: m.strong });
  const out: Duplicate[] = [];
  let flags: FurnitureFlags | undefined;
  const bounds = side.bounds;
  const emit = (g: Match[], maxGrow = MAX_GROW) => {
    // i is the later copy, j the earlier.
    const [gi, gi1] = rangeOf(g, 'i'), [gj, gj1] = rangeOf(g, 'j');
    // After an edit, a passage the edit cannot have changed is the one emitted last time, moved.
    const before = reused ? emittedBefore(side, reused, gi, gi1, gj, gj1, maxGrow) : undefined;
    let e: Emitted;
    let r: Ranges;
    if (before) {
      const o = before.e.r, by = before.shift;
      r = { iLo: o.iLo + by, iHi: o.iHi + by, jLo: o.jLo + by, jHi: o.jHi + by };
      e = by === 0 ? before.e : { ...before.e, r };
    } else {
      r = ranges(side, side, g, true, maxGrow);
      const p = passage(side, side, r, vocab);
      const ia = bounds[2 * r.iLo], jb = bounds[2 * r.jLo];
      e = {
        r, ta: text.slice(ia, bounds[2 * r.iHi + 1]), tb: text.slice(jb, bounds[2 * r.jHi + 1]),
        a: [p.a.start - ia, p.a.end - ia], b: [p.b.start - jb, p.b.end - jb], label: p.label, similarity: p.similarity,
      };
    }
    now.emitted.set(emitKey(gi, gi1, gj, gj1, maxGrow), e);
    const { iLo, iHi, jLo, jHi } = r;
    const ia = bounds[2 * iLo], jb = bounds[2 * jLo];
    const a = { start: ia + e.a[0], end: ia + e.a[1] }, b = { start: jb + e.b[0], end: jb + e.b[1] };
    flags ??= new FurnitureFlags(side);
    const boilerplate = mostlyFurniture(flags, iLo, iHi) || mostlyFurniture(flags, jLo, jHi);
    const base = { kind: 'repeat' as const, label: e.label, similarity: e.similarity, boilerplate };
    out.push({ start: a.start, end: a.end, text: text.slice(a.start, a.end), other: { path: '', start: b.start, end: b.end }, ...base });
    out.push({ start: b.start, end: b.end, text: text.slice(b.start, b.end), other: { path: '', start: a.start, end: a.end }, ...base });
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
