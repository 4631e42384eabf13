/**
 * Passages shared between documents: an inverted index of every document's unit
 * features (capped posting lists), kept up to date one document at a time.
 */
import type { Duplicate, Paragraph, Sentence } from '../types';
import { Vocab } from './reuseText';
import { units } from '../text/sentences';
import { type AnalysisContext } from '../text/memo';
import { PostingTable } from './postings';
import { STOCK_LINE } from '../lexicon/stockLines';
import { MIN_DICE, Match, POSTING_CAP, Passage, Ranges, Side, UnitData, VERBATIM_CAP, VERBATIM_MIN_STEMS, VOCAB, cluster, compare, featCount, featsAt, featsOf, FurnitureFlags, keepPassages, makeSide, minFeatures, mostlyFurniture, passage, push, ranges, stemCount, unitKey } from './passages';

interface IndexedDoc {
  id: number;
  path: string;
  side: Side;
  paragraphs: readonly Paragraph[];
  sentences: readonly Sentence[];
  sids: number[]; // global unit ids
  /** Other doc id -> the pair's matches (held once, by both documents). */
  pairs: Map<number, Pair>;
  degrees?: Uint16Array;
  furniture?: FurnitureFlags;
  /** Hits by unit (its data stands for its text: same text, same data), as last looked up (see `settle`). */
  lookups?: Map<UnitData, Hit[]>;
  /** `ReuseIndex.epoch` when `lookups` were made: they hold while nothing else changes. */
  lookupEpoch: number;
  /** 0: settled; 1: its pairs are to be worked out; 2: worked out in the settling under way. */
  stage: 0 | 1 | 2;
}

/** A unit of another document matching a unit looked up. */
interface Hit { doc: number; j: number; sim: number; strong: boolean }

/**
 * Two documents' matches, seen from `a` (the smaller path; i in a, j in b). `raw`:
 * every sentence match, kept so a feature crossing the cap changes only the unit
 * pairs holding it; `kept`: those in passages (`keepPassages`).
 */
interface Pair { a: IndexedDoc; b: IndexedDoc; raw: Match[]; kept: Match[]; passages?: Shared[]; mirrored?: Shared[] }

/** A settled shared passage, seen from one document. */
interface Shared { r: Ranges; p: Passage }

const mirror = (x: Shared): Shared => ({
  r: { iLo: x.r.jLo, iHi: x.r.jHi, jLo: x.r.iLo, jHi: x.r.iHi },
  p: { a: x.p.b, b: x.p.a, label: x.p.label, similarity: x.p.similarity },
});

/** Features whose chains a lookup fetches at a time (`fetchAhead`): what they read stays in the core's caches. */
const FETCH_AHEAD = 1024;

/** Whether two units' shared features are enough evidence to compare them: a share of either unit's features. */
const enough = (count: number, needA: number, needB: number) => count >= Math.min(needA, needB);

/** A unit's verbatim key (its stem sequence's hash, in the posting table's range), or -1 when too short to count. */
const verbatimKey = (u: UnitData) => (stemCount(u) >= VERBATIM_MIN_STEMS ? unitKey(u) & 0x3fffffff : -1);

/**
 * Passages shared between documents. The answer depends on the documents held, never
 * on the order they came in: a feature is common phrasing (saturated) when more than
 * `POSTING_CAP` units of the whole index hold it, and two units are compared when the
 * features they share, saturated ones aside, are a share of either unit's
 * (`enough`); the comparison and the passages are symmetric in the two documents.
 *
 * An upsert or removal changes the postings at once and leaves the matching to
 * `settle` (run by `shared` and `takeTouched`): the documents upserted since look
 * their units up in the inverted index (never every document), and a feature whose
 * count crossed the cap since re-checks only the unit pairs of the other documents
 * holding it (at most the cap's worth). So an edit or a deletion costs the touched
 * document and the pairs a crossing feature holds, not the corpus; a batch of
 * additions is settled once, each pair worked out from one side.
 */
export class ReuseIndex {
  private readonly vocab: Vocab;
  /** Units holding a verbatim key past this many: stock text, not wire copy (`VERBATIM_CAP`; smaller in tests). */
  private readonly verbatimCap: number;
  /** Units of removed or replaced versions, at least, before their ids are handed out again (`renumber`; smaller in tests). */
  private readonly renumberAt: number;
  constructor(private readonly ctx: AnalysisContext, options: { verbatimCap?: number; renumberAt?: number } = {}) {
    this.vocab = ctx.get(VOCAB);
    this.verbatimCap = options.verbatimCap ?? VERBATIM_CAP;
    this.renumberAt = options.renumberAt ?? 1 << 16;
    this.verbatim = new PostingTable(this.verbatimCap);
  }
  private byPath = new Map<string, IndexedDoc>();
  private byId: (IndexedDoc | undefined)[] = [];
  private nextDoc = 0;
  /** Feature -> global unit ids; saturated past the cap (common phrasing). */
  private postings = new PostingTable(POSTING_CAP);
  /**
   * Verbatim key -> global unit ids: units whose features are all common phrasing
   * (a wire sentence in more than `POSTING_CAP` documents) still meet their verbatim
   * copies here, while no more than `verbatimCap` units hold the key.
   */
  private readonly verbatim: PostingTable;
  /** Per unit, its verbatim key, or -1. */
  private unitKey = new Int32Array(1024);
  /** Per unit, its document's id, or -1 once gone. */
  private unitDoc = new Int32Array(1024);
  /** Per unit, its place among its document's units. */
  private unitLocal = new Int32Array(1024);
  /** Per unit, the features it must share with another (`minFeatures`). */
  private unitNeed = new Int32Array(1024);
  /** Unit ids handed out (the per-unit arrays above are typed arrays, grown by doubling). */
  private units = 0;
  /** Units no longer held (their slots in the arrays above wait for `renumber`). */
  private deadUnits = 0;
  private count = new Int32Array(1024);
  /** Per unit, 1 while it is a verbatim candidate of the unit looked up. */
  private same = new Uint8Array(1024);
  /** Documents upserted since the last settling, in order. */
  private dirty: IndexedDoc[] = [];
  /** Features that crossed the cap since the last settling -> whether saturated then. */
  private crossed = new Map<number, boolean>();
  /** Verbatim keys that crossed `verbatimCap` since the last settling -> whether saturated then. */
  private crossedKeys = new Map<number, boolean>();
  /** Counts upserts and removals: a document's lookups hold while it is the only change. */
  private epoch = 0;

  /** Number of documents indexed. */
  get size(): number { return this.byPath.size; }

  /** Documents whose units were looked up, and unit pairs checked again after a feature crossed the cap (for tests and benches). */
  readonly work = { lookedUp: 0, rechecked: 0 };

  upsert(path: string, text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): void {
    const old = this.byPath.get(path);
    // Nothing else changed since the old version's units were looked up: their hits still hold.
    const lookups = old && old.lookupEpoch === this.epoch ? old.lookups : undefined;
    const side = makeSide(this.ctx, text, paragraphs, sentences);
    // A unit of the new version with the same data as one of the old keeps that unit's id and
    // postings (same data, same features and key): an edit re-indexes the units it changed.
    const kept = old ? this.keptUnits(old.side, old.sids, side) : null;
    if (old) this.unindex(old, kept);
    this.epoch++;
    const id = this.nextDoc++;
    const doc: IndexedDoc = { id, path, side, paragraphs, sentences, sids: [], pairs: new Map(), lookups, lookupEpoch: lookups ? this.epoch : -1, stage: 1 };
    const postings = this.postings, cap = POSTING_CAP, record = this.recording();
    // The features' slots fetched for the whole document first (`PostingTable.prefetch`): each `add` below would
    // otherwise wait for its own.
    for (let i = 0; i < side.data.length; i++) {
      if (kept && kept[i] >= 0) continue;
      const u = side.data[i], fo = featsAt(u);
      postings.prefetch(u.block, fo, fo + featCount(u));
    }
    for (let i = 0; i < side.data.length; i++) {
      const reused = kept ? kept[i] : -1;
      if (reused >= 0) {
        this.unitDoc[reused] = id; this.unitLocal[reused] = i;
        doc.sids.push(reused);
        continue;
      }
      const u = side.data[i], block = u.block, fo = featsAt(u), fe = fo + featCount(u);
      if (this.units === this.unitDoc.length) this.growUnits(2 * this.units);
      const sid = this.units++, key = verbatimKey(u);
      this.unitDoc[sid] = id; this.unitLocal[sid] = i; this.unitNeed[sid] = minFeatures(fe - fo); this.unitKey[sid] = key;
      doc.sids.push(sid);
      for (let q = fo; q < fe; q++) {
        const f = block[q];
        if (postings.add(f, sid) === cap + 1 && record && !this.crossed.has(f)) this.crossed.set(f, false);
      }
      if (key >= 0 && this.verbatim.add(key, sid) === this.verbatimCap + 1 && record && !this.crossedKeys.has(key)) this.crossedKeys.set(key, false);
    }
    this.byPath.set(path, doc);
    this.byId[id] = doc;
    this.dirty.push(doc);
    this.touch(path);
    this.sweep();
  }

  /**
   * Per unit of `side`, the id of an old unit (`sids`, in `was`) with the very same data
   * it takes over, or -1; each old unit is taken over once at most.
   */
  private keptUnits(was: Side, sids: readonly number[], side: Side): Int32Array {
    const byData = new Map<UnitData, number[]>();
    for (let i = was.data.length - 1; i >= 0; i--) {
      const l = byData.get(was.data[i]);
      if (l) l.push(sids[i]); else byData.set(was.data[i], [sids[i]]);
    }
    const kept = new Int32Array(side.data.length).fill(-1);
    for (let i = 0; i < side.data.length; i++) {
      const l = byData.get(side.data[i]);
      if (l?.length) kept[i] = l.pop()!;
    }
    return kept;
  }

  remove(path: string): void {
    const doc = this.byPath.get(path);
    if (!doc) return;
    this.unindex(doc);
    this.epoch++;
  }

  /**
   * Whether a settled document may hold a feature crossing the cap: with none (a batch
   * of additions to an empty index), every pair is worked out by a lookup anyway.
   */
  private recording(): boolean { return this.byPath.size > this.dirty.length; }

  /** Takes a document out; with `kept` (its next version's units taking old ids over), those units stay indexed. */
  private unindex(doc: IndexedDoc, kept: Int32Array | null = null): void {
    for (const pair of doc.pairs.values()) {
      const other = pair.a === doc ? pair.b : pair.a;
      other.pairs.delete(doc.id);
      if (pair.kept.length) { this.touch(other.path); other.degrees = undefined; }
    }
    let staying: Set<number> | null = null;
    if (kept) {
      staying = new Set();
      for (const sid of kept) if (sid >= 0) staying.add(sid);
    }
    const postings = this.postings, cap = POSTING_CAP, record = this.recording(), data = doc.side.data;
    for (let i = 0; i < doc.sids.length; i++) {
      const sid = doc.sids[i];
      if (staying?.has(sid)) continue;
      const u = data[i], block = u.block, fo = featsAt(u), fe = fo + featCount(u);
      for (let q = fo; q < fe; q++) {
        const f = block[q];
        if (postings.drop(f) === cap && record && !this.crossed.has(f)) this.crossed.set(f, true);
      }
      const key = this.unitKey[sid];
      if (key >= 0 && this.verbatim.drop(key) === this.verbatimCap && record && !this.crossedKeys.has(key)) this.crossedKeys.set(key, true);
      this.unitDoc[sid] = -1;
      this.deadUnits++;
    }
    this.byPath.delete(doc.path);
    this.byId[doc.id] = undefined;
    if (doc.stage) this.dirty.splice(this.dirty.indexOf(doc), 1);
    this.touch(doc.path);
    // (An upsert sweeps once its new version holds the ids it took over.)
    if (!kept) this.sweep();
  }

  /** Sweeps the ids and postings of units gone out, once they are many. */
  private sweep(): void {
    if (this.deadUnits >= this.renumberAt && 2 * this.deadUnits > this.units) this.renumber();
    else {
      this.postings.compact(sid => this.unitDoc[sid] >= 0);
      this.verbatim.compact(sid => this.unitDoc[sid] >= 0);
    }
  }

  /**
   * Gives the units held consecutive ids again once most ids belong to units gone (an
   * editing session replaces a document's units on every edit, so the per-unit arrays
   * would otherwise grow with the edits, not the corpus). The order of ids is kept, and
   * only the settling reads ids, never across calls.
   */
  private renumber(): void {
    const n = this.units, map = new Int32Array(n);
    const { unitDoc, unitLocal, unitNeed, unitKey } = this;
    let held = 0;
    // (In place: a unit's new id is never above its old one.)
    for (let sid = 0; sid < n; sid++) {
      if (unitDoc[sid] < 0) { map[sid] = -1; continue; }
      map[sid] = held;
      unitDoc[held] = unitDoc[sid]; unitLocal[held] = unitLocal[sid]; unitNeed[held] = unitNeed[sid]; unitKey[held] = unitKey[sid];
      held++;
    }
    this.units = held;
    this.growUnits(Math.max(1024, 2 * held));
    for (const doc of this.byPath.values()) doc.sids = doc.sids.map(sid => map[sid]);
    this.postings.renumber(map);
    this.verbatim.renumber(map);
    this.deadUnits = 0;
    this.count = new Int32Array(Math.max(1024, held));
    this.same = new Uint8Array(this.count.length);
  }

  /** Unit ids handed out and not yet given back (for tests: bounded by the units held, not by the edits). */
  get unitSlots(): number { return this.units; }

  /** The per-unit arrays with room for `n` units (the ids handed out kept). */
  private growUnits(n: number): void {
    const to = (a: Int32Array) => { const b = new Int32Array(n); b.set(a.subarray(0, this.units)); return b; };
    this.unitDoc = to(this.unitDoc); this.unitLocal = to(this.unitLocal); this.unitNeed = to(this.unitNeed); this.unitKey = to(this.unitKey);
  }

  /**
   * Works out what changed since the last settling: the pairs of the documents
   * upserted (each pair once, from the first of its documents looked up), then the
   * unit pairs of the settled documents that hold a feature which crossed the cap.
   */
  private settle(): void {
    if (!this.dirty.length && !this.crossed.size && !this.crossedKeys.size) return;
    // Feature (verbatim key) -> saturated now, for those whose side of the cap changed.
    const crossed = new Map<number, boolean>(), crossedKeys = new Map<number, boolean>();
    for (const [f, was] of this.crossed) if ((this.postings.live(f) > POSTING_CAP) !== was) crossed.set(f, !was);
    for (const [key, was] of this.crossedKeys) if ((this.verbatim.live(key) > this.verbatimCap) !== was) crossedKeys.set(key, !was);
    this.crossed.clear();
    this.crossedKeys.clear();
    const dirty = this.dirty;
    this.dirty = [];
    const changed = new Set<Pair>();
    const floors = this.floors(dirty);
    dirty.forEach((doc, k) => this.lookUp(doc, k === 0, crossed, crossedKeys, changed, floors ? floors[k] : 0));
    if ((crossed.size || crossedKeys.size) && this.byPath.size > dirty.length) this.recheck(crossed, crossedKeys, changed);
    for (const doc of dirty) doc.stage = 0;
    for (const pair of changed) this.keep(pair);
  }

  /**
   * When every document held is to be looked up (a batch of additions to an empty index: the CLI's whole corpus), per
   * document of `dirty` the smallest unit id of the documents after it, which are the only ones its lookup keeps hits
   * of (those before it are looked up already, `stage` 2); else null. A posting chain runs from the newest unit to the
   * oldest (`PostingTable.add` puts each posting first, and unit ids only grow, or are renumbered in order), so a lookup
   * stops walking a chain at the first unit below its floor: at 10,000 articles it had walked every chain to its end,
   * about half of it units of documents already looked up, counted and then dropped.
   */
  private floors(dirty: readonly IndexedDoc[]): Int32Array | null {
    if (dirty.length < 2 || this.byPath.size !== dirty.length) return null;
    const floors = new Int32Array(dirty.length);
    let min = this.units;
    for (let k = dirty.length - 1; k >= 0; k--) {
      floors[k] = min;
      for (const sid of dirty[k].sids) if (sid < min) min = sid;
    }
    return floors;
  }

  /**
   * Looks a document's units up; its hits are kept for its next version when they are complete (`first`). `floor`: the
   * smallest unit id a hit can have (`floors`); a chain is walked no further.
   */
  private lookUp(doc: IndexedDoc, first: boolean, crossed: ReadonlyMap<number, boolean>, crossedKeys: ReadonlyMap<number, boolean>, changed: Set<Pair>, floor = 0): void {
    this.work.lookedUp++;
    const { side, id } = doc;
    const carried = first && doc.lookupEpoch === this.epoch ? doc.lookups : undefined;
    const lookups = new Map<UnitData, Hit[]>();
    const n = side.data.length;
    if (this.count.length < this.units) {
      const grown = new Int32Array(Math.max(this.count.length * 2, this.units));
      this.count = grown;
      this.same = new Uint8Array(grown.length);
    }
    const count = this.count, same = this.same, postings = this.postings, verbatim = this.verbatim;
    const unitDoc = this.unitDoc, unitNeed = this.unitNeed, unitKey = this.unitKey, byId = this.byId;
    const found = new Map<number, Match[]>();
    doc.stage = 2;
    // Units up to `ahead` have had their chains fetched (`fetchAhead`).
    let ahead = 0;
    // (The units a lookup met: one array for the document's units.)
    const touched: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i === ahead) ahead = this.fetchAhead(side, i, floor, carried);
      const unit = side.data[i], block = unit.block, fo = featsAt(unit), fe = fo + featCount(unit);
      let hits = lookups.get(unit);
      if (!hits && carried) {
        const h = carried.get(unit);
        let still = !!h && !crossedKeys.has(unitKey[doc.sids[i]]);
        for (let q = fo; still && q < fe; q++) if (crossed.has(block[q])) still = false;
        if (still) hits = h;
      }
      if (!hits) {
        hits = [];
        touched.length = 0;
        for (let q = fo; q < fe; q++) {
          for (let p = postings.head(block[q]); p >= 0; p = postings.nextOf(p)) {
            const sid = postings.unitAt(p);
            if (sid < floor) break;
            if (count[sid]++ === 0) touched.push(sid);
          }
        }
        const key = unitKey[doc.sids[i]];
        if (key >= 0) {
          for (let p = verbatim.head(key); p >= 0; p = verbatim.nextOf(p)) {
            const sid = verbatim.unitAt(p);
            if (sid < floor) break;
            if (count[sid] === 0 && !same[sid]) touched.push(sid);
            same[sid] = 1;
          }
        }
        const need = unitNeed[doc.sids[i]];
        for (const sid of touched) {
          const d = unitDoc[sid];
          if (d !== id && d >= 0 && (same[sid] || enough(count[sid], need, unitNeed[sid]))) {
            const other = byId[d]!;
            // A document looked up before in this settling already found its pairs with this one.
            if (other.stage !== 2) {
              const j = this.unitLocal[sid];
              const c = compare(side, i, other.side, j, MIN_DICE);
              if (c) hits.push({ doc: d, j, sim: c.sim, strong: c.strong });
            }
          }
          count[sid] = 0;
          same[sid] = 0;
        }
      }
      lookups.set(unit, hits);
      for (const h of hits) push(found, h.doc, { i, j: h.j, sim: h.sim, strong: h.strong });
    }
    doc.lookups = first ? lookups : undefined;
    doc.lookupEpoch = first ? this.epoch : -1;
    for (const [otherId, matches] of found) {
      const other = byId[otherId]!;
      const pair: Pair = doc.path < other.path
        ? { a: doc, b: other, raw: matches, kept: [] }
        : { a: other, b: doc, raw: matches.map(m => ({ ...m, i: m.j, j: m.i })), kept: [] };
      doc.pairs.set(otherId, pair);
      other.pairs.set(id, pair);
      changed.add(pair);
    }
  }

  /**
   * Has the posting table fetch what the lookups of the units from `i` on will walk, for as many units as hold about
   * `FETCH_AHEAD` features (at least one): first their features' slots, then their chains a step of each at a time, with
   * each unit's count (`PostingTable.prefetch`, `prefetchChains`). Returns the first unit not fetched. Units whose hits
   * an earlier version left (`carried`) are passed over: they are mostly not looked up.
   */
  private fetchAhead(side: Side, i: number, floor: number, carried: Map<UnitData, Hit[]> | undefined): number {
    const postings = this.postings, data = side.data, n = data.length;
    let end = i, feats = 0;
    while (end < n && (end === i || feats < FETCH_AHEAD)) feats += featCount(data[end++]);
    if (this.heads.length < feats) this.heads = new Int32Array(Math.max(feats, 2 * this.heads.length));
    for (let k = i; k < end; k++) {
      const u = data[k];
      if (!carried?.has(u)) postings.prefetch(u.block, featsAt(u), featsAt(u) + featCount(u));
    }
    let heads = 0;
    for (let k = i; k < end; k++) {
      const u = data[k];
      if (!carried?.has(u)) heads = postings.headsInto(u.block, featsAt(u), featsAt(u) + featCount(u), this.heads, heads);
    }
    postings.prefetchChains(this.heads, heads, floor, this.count);
    return end;
  }

  /** Scratch space of `fetchAhead`. */
  private heads = new Int32Array(FETCH_AHEAD);

  /**
   * Checks again the unit pairs of settled documents that share a feature which crossed
   * the cap. A feature saturated now only takes evidence away (a pair that was no match
   * stays none), one back under the cap only adds it (a match stays one): a pair is
   * checked again when it may change.
   */
  private recheck(crossed: ReadonlyMap<number, boolean>, crossedKeys: ReadonlyMap<number, boolean>, changed: Set<Pair>): void {
    const postings = this.postings, verbatim = this.verbatim, unitDoc = this.unitDoc, unitKey = this.unitKey, byId = this.byId;
    // Unit pair (smaller id first) -> 1: a feature (or verbatim key) it shares is saturated now; 2: one is back under its cap.
    // Keyed by the two unit ids as text: ids grow with every edit until `renumber`, past the range a packed number holds exactly.
    const todo = new Map<string, [number, number, number]>();
    const crossings: [PostingTable, number, boolean][] = [];
    for (const [f, saturated] of crossed) crossings.push([postings, f, saturated]);
    for (const [key, saturated] of crossedKeys) crossings.push([verbatim, key, saturated]);
    for (const [table, f, saturated] of crossings) {
      const units: number[] = [];
      for (let p = table.chain(f); p >= 0; p = table.nextOf(p)) {
        const sid = table.unitAt(p);
        // The documents just looked up found their pairs already. (A unit holding the feature twice has two postings.)
        const d = unitDoc[sid];
        if (d >= 0 && !byId[d]!.stage && units[units.length - 1] !== sid) units.push(sid);
      }
      for (let x = 0; x < units.length; x++) {
        for (let y = x + 1; y < units.length; y++) {
          const u = Math.min(units[x], units[y]), v = Math.max(units[x], units[y]);
          if (unitDoc[u] === unitDoc[v]) continue;
          const key = `${u},${v}`;
          const t = todo.get(key);
          if (t) t[2] |= saturated ? 1 : 2; else todo.set(key, [u, v, saturated ? 1 : 2]);
        }
      }
    }
    // Per pair, where each of its raw matches is, and those to drop.
    const at = new Map<Pair, Map<number, number>>(), gone = new Map<Pair, Set<number>>();
    for (const [u, v, dir] of todo.values()) {
      let A = byId[unitDoc[u]]!, B = byId[unitDoc[v]]!;
      let i = this.unitLocal[u], j = this.unitLocal[v];
      if (B.path < A.path) { [A, B] = [B, A]; [i, j] = [j, i]; }
      let pair = A.pairs.get(B.id);
      let where = pair && at.get(pair);
      if (pair && !where) {
        where = new Map();
        pair.raw.forEach((m, k) => where!.set(m.i * 0x200000 + m.j, k));
        at.set(pair, where);
      }
      const k = where?.get(i * 0x200000 + j);
      if (dir === 1 && k === undefined || dir === 2 && k !== undefined) continue;
      this.work.rechecked++;
      // (Most units sharing a phrase are not the same sentence: the comparison, which does not depend on the cap, rules them out first.)
      let r = compare(A.side, i, B.side, j, MIN_DICE);
      if (r) {
        const fb = new Map<number, number>();
        for (const f of featsOf(B.side.data[j])) fb.set(f, (fb.get(f) ?? 0) + 1);
        let c = 0;
        for (const f of featsOf(A.side.data[i])) { const n = fb.get(f); if (n && postings.live(f) <= POSTING_CAP) c += n; }
        const copies = unitKey[u] >= 0 && unitKey[u] === unitKey[v] && verbatim.live(unitKey[u]) <= this.verbatimCap;
        if (!copies && !enough(c, this.unitNeed[u], this.unitNeed[v])) r = null;
      }
      if (!r && k === undefined) continue;
      if (!pair) {
        pair = { a: A, b: B, raw: [], kept: [] };
        A.pairs.set(B.id, pair);
        B.pairs.set(A.id, pair);
        at.set(pair, (where = new Map()));
      }
      if (r && k !== undefined) pair.raw[k] = { i, j, sim: r.sim, strong: r.strong };
      else if (r) { where!.set(i * 0x200000 + j, pair.raw.length); pair.raw.push({ i, j, sim: r.sim, strong: r.strong }); }
      else { let g = gone.get(pair); if (!g) gone.set(pair, (g = new Set())); g.add(k!); }
      changed.add(pair);
    }
    for (const [pair, g] of gone) pair.raw = pair.raw.filter((_, k) => !g.has(k));
  }

  /** A pair's passages from its matches; the two documents are touched when they change. */
  private keep(pair: Pair): void {
    const { a, b } = pair;
    if (!pair.raw.length) { a.pairs.delete(b.id); b.pairs.delete(a.id); }
    const kept = pair.raw.length ? keepPassages(pair.raw, a.side, b.side).flat() : [];
    const same = kept.length === pair.kept.length && kept.every((m, k) => {
      const o = pair.kept[k];
      return m.i === o.i && m.j === o.j && m.sim === o.sim && m.strong === o.strong;
    });
    if (same) return;
    pair.kept = kept;
    pair.passages = pair.mirrored = undefined;
    a.degrees = b.degrees = undefined;
    this.touch(a.path);
    this.touch(b.path);
  }

  /** Documents indexed, unindexed, or whose links to another document were set or dropped, since the last call. */
  takeTouched(): Set<string> {
    this.settle();
    const t = this.touchedPaths;
    this.touchedPaths = new Set();
    this.recentPaths = new Set();
    return t;
  }

  /**
   * The same, since the last call of either (`takeTouched` still lists them): the
   * documents whose shared passages a first phase shows again, so that every pair's
   * passages are listed at both ends.
   */
  takeRecentlyTouched(): Set<string> {
    this.settle();
    const t = this.recentPaths;
    this.recentPaths = new Set();
    return t;
  }

  private touch(path: string): void {
    this.touchedPaths.add(path);
    this.recentPaths.add(path);
  }

  private touchedPaths = new Set<string>();
  private recentPaths = new Set<string>();

  /** The `shared` duplicates of one document, each listed from both ends across calls. */
  shared(path: string): Duplicate[] {
    this.settle();
    const doc = this.byPath.get(path);
    if (!doc) return [];
    const many = this.degreesOf(doc);
    const out: Duplicate[] = [];
    for (const pair of doc.pairs.values()) {
      if (!pair.kept.length) continue;
      const other = pair.a === doc ? pair.b : pair.a;
      const list = doc === pair.a ? this.passagesOf(pair) : (pair.mirrored ??= this.passagesOf(pair).map(mirror));
      for (const { r, p } of list) {
        let boilerplate = mostlyFurniture((doc.furniture ??= new FurnitureFlags(doc.side)), r.iLo, r.iHi, many);
        if (!boilerplate) {
          other.furniture ??= new FurnitureFlags(other.side);
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

  /** A pair's passages seen from `a` (the passages are symmetric: `b` reads them mirrored). */
  private passagesOf(pair: Pair): Shared[] {
    const { a, b } = pair;
    return (pair.passages ??= cluster(pair.kept, a.side.paraOf, b.side.paraOf).map(g => {
      const r = ranges(a.side, b.side, g, false);
      return { r, p: passage(a.side, b.side, r, this.vocab) };
    }).filter(({ p }) => !stockLineOnly(a.side.text.slice(p.a.start, p.a.end)) && !stockLineOnly(b.side.text.slice(p.b.start, p.b.end))));
  }

  /** Per unit, how many other documents share it (cached until the links change). */
  private degreesOf(doc: IndexedDoc): Uint16Array {
    if (doc.degrees) return doc.degrees;
    const deg = new Uint16Array(doc.side.data.length);
    for (const pair of doc.pairs.values()) {
      const key = doc === pair.a ? 'i' : 'j';
      const seen = new Set<number>();
      for (const m of pair.kept) if (!seen.has(m[key])) { seen.add(m[key]); if (deg[m[key]] < 65535) deg[m[key]]++; }
    }
    return (doc.degrees = deg);
  }
}

/**
 * A passage that is one stock line of the newsroom and nothing more ("X did not
 * immediately respond to requests for comment"): two reports sharing only that share no
 * passage. Decided on the pair, so both sides drop it alike.
 */
function stockLineOnly(text: string): boolean {
  const t = text.trim();
  return t.length <= 200 && STOCK_LINE.test(t) && !/[.!?][”"’)]*\s+\S/.test(t);
}
