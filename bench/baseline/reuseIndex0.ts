/** The reuse index as it was at 7e24120 (insertion-ordered, an edit re-indexes the documents after it), for bench/reuseEdit's same-process baseline. */
/**
 * Passages shared between documents: an inverted index of every document's unit
 * features (capped posting lists), kept up to date one document at a time.
 */
import type { Duplicate, Paragraph, Sentence } from '../../src/core/types';
import { Vocab } from '../../src/core/reuse/reuseText';
import { units } from '../../src/core/text/sentences';
import { type AnalysisContext } from '../../src/core/text/memo';
import { PostingTable } from '../../src/core/reuse/postings';
import { STOCK_LINE } from '../../src/core/lexicon/stockLines';
import { MIN_DICE, Match, POSTING_CAP, Passage, Ranges, Side, UnitData, VOCAB, cluster, compare, featsOf, FurnitureFlags, keepPassages, makeSide, minFeatures, mostlyFurniture, passage, push, ranges } from '../../src/core/reuse/passages';

/** A side's features per unit, as the side held them at 7e24120 (units' records are carved from shared blocks now). */
const FEATS = new WeakMap<Side, number[][]>();
function featsOfSide(side: Side): number[][] {
  let f = FEATS.get(side);
  if (!f) FEATS.set(side, (f = side.data.map(u => [...featsOf(u)])));
  return f;
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
  furniture?: FurnitureFlags;
  /** What each unit's text found in the documents before this one (see `ReuseIndex.add`). */
  /** Hits by unit (its data stands for its text: same text, same data). */
  lookups: Map<UnitData, Hit[]> | undefined;
  /** `ReuseIndex.epoch` right after this document was added. */
  epoch: number;
  /** Its place in the order documents were first added (kept when it is replaced in place). */
  rank: number;
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
 * before it (what the capped posting lists held when it arrived). Replacing a
 * document costs that document alone unless one of the features whose count it
 * changes can cross the cap for a document after it (`replaceInPlace`); then, as
 * removing one does, it re-indexes the documents after it.
 */
export class ReuseIndex0 {
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
    if (this.order[this.order.length - 1] !== path && this.replaceInPlace(old, text, paragraphs, sentences)) return;
    // Nothing changed since the document was added: its units' lookups still hold.
    const reuse = old.epoch === this.epoch ? old.lookups : undefined;
    const tail = this.detachFrom(path);
    this.add(path, text, paragraphs, sentences, reuse);
    for (const d of tail) this.add(d.path, d.side.text, d.paragraphs, d.sentences);
  }

  /** The rank of the document added last. */
  private ranks = 0;
  /** How many replacements were done in place (for tests and benches). */
  replacedInPlace = 0;

  /**
   * Replaces a document that has documents after it without indexing them again,
   * when that gives the index built from scratch in the same order: true when done.
   * A document after it looked up its units when it arrived, counting a feature's
   * postings before it against the cap; the replacement moves those counts only by
   * the features whose number in the document changed, so when none of those can
   * cross the cap for a document after it (the feature is rare enough either way,
   * or saturated before it either way), the pairs of other documents stand, and only
   * the document's own pairs are worked out again: with the documents before it as
   * it looks them up, and with those after it as each of them looked it up
   * (a feature counted when its postings before the later document are within the cap).
   */
  private replaceInPlace(old: IndexedDoc, text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): boolean {
    const side = makeSide(this.ctx, text, paragraphs, sentences);
    const postings = this.postings;
    const multiplicity = (feats: readonly number[][]) => {
      const m = new Map<number, number>();
      for (const fs of feats) for (const f of fs) m.set(f, (m.get(f) ?? 0) + 1);
      return m;
    };
    const was = multiplicity(featsOfSide(old.side)), now = multiplicity(featsOfSide(side));
    const rankOfLive = (sid: number) => { const d = this.unitDoc[sid]; return d < 0 ? -1 : this.byId[d]!.rank; };
    for (const f of new Set([...was.keys(), ...now.keys()])) {
      const a = was.get(f) ?? 0, b = now.get(f) ?? 0;
      if (a === b) continue;
      let before = 0, after = 0;
      for (let p = postings.chain(f); p >= 0; p = postings.nextOf(p)) {
        const sid = postings.unitAt(p);
        if (this.unitDoc[sid] === old.id) continue;
        const r = rankOfLive(sid);
        if (r < 0) continue;
        if (r < old.rank) before++; else after++;
      }
      if (!after || before + after + Math.max(a, b) <= POSTING_CAP || before + Math.min(a, b) > POSTING_CAP) continue;
      return false;
    }
    this.unindex(old.path);
    const id = this.nextDoc++;
    const doc: IndexedDoc = { id, path: old.path, side, paragraphs, sentences, sids: [], links: new Map(), passages: new Map(), lookups: undefined, epoch: -1, rank: old.rank };
    const n = side.data.length;
    for (let i = 0; i < n; i++) {
      const sid = this.unitDoc.length;
      this.unitDoc.push(id); this.unitLocal.push(i);
      doc.sids.push(sid);
      for (const f of featsOfSide(side)[i]) postings.add(f, sid);
    }
    this.byPath.set(old.path, doc);
    this.byId[id] = doc;
    // Per saturated feature, the ranks of its live postings, sorted: how many come before a document.
    const ranksOf = new Map<number, Float64Array>();
    const countBefore = (f: number, rank: number) => {
      let rs = ranksOf.get(f);
      if (!rs) {
        const list: number[] = [];
        for (let p = postings.chain(f); p >= 0; p = postings.nextOf(p)) { const r = rankOfLive(postings.unitAt(p)); if (r >= 0) list.push(r); }
        ranksOf.set(f, (rs = Float64Array.from(list).sort()));
      }
      let lo = 0, hi = rs.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (rs[mid] < rank) lo = mid + 1; else hi = mid; }
      return lo;
    };
    // Matches by other document, seen from the later document of the pair (i there).
    const found = new Map<number, Match[]>();
    const shared = new Map<number, number>();
    for (let j = 0; j < n; j++) {
      shared.clear();
      const mine = new Map<number, number>();
      for (const f of featsOfSide(side)[j]) mine.set(f, (mine.get(f) ?? 0) + 1);
      for (const [f, m] of mine) {
        const saturable = postings.live(f) > POSTING_CAP;
        for (let p = postings.chain(f); p >= 0; p = postings.nextOf(p)) {
          const sid = postings.unitAt(p);
          const d = this.unitDoc[sid];
          if (d < 0 || d === id) continue;
          const other = this.byId[d]!;
          if (saturable && countBefore(f, Math.max(other.rank, doc.rank)) > POSTING_CAP) continue;
          shared.set(sid, (shared.get(sid) ?? 0) + m);
        }
      }
      for (const [sid, c] of shared) {
        const other = this.byId[this.unitDoc[sid]]!, u = this.unitLocal[sid];
        if (other.rank < doc.rank) {
          if (c < minFeatures(featsOfSide(side)[j].length)) continue;
          const r = compare(side, j, other.side, u, MIN_DICE);
          if (r) push(found, other.id, { i: j, j: u, sim: r.sim, strong: r.strong });
        } else {
          if (c < minFeatures(featsOfSide(other.side)[u].length)) continue;
          const r = compare(other.side, u, side, j, MIN_DICE);
          if (r) push(found, other.id, { i: u, j, sim: r.sim, strong: r.strong });
        }
      }
    }
    for (const [otherId, matches] of found) {
      const other = this.byId[otherId]!;
      const [later, earlier] = other.rank > doc.rank ? [other, doc] : [doc, other];
      const kept = keepPassages(matches, later.side, earlier.side).flat();
      if (!kept.length) continue;
      later.links.set(earlier.id, kept);
      earlier.links.set(later.id, kept.map(m => ({ ...m, i: m.j, j: m.i })));
      other.degrees = undefined;
      this.touchedPaths.add(other.path);
    }
    this.touchedPaths.add(old.path);
    doc.epoch = ++this.epoch;
    this.replacedInPlace++;
    return true;
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
    const doc: IndexedDoc = { id, path, side, paragraphs, sentences, sids: [], links: new Map(), passages: new Map(), lookups, epoch: -1, rank: ++this.ranks };
    const feats = featsOfSide(side);
    const n = side.data.length;
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
      this.touchedPaths.add(other.path);
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
    this.touchedPaths.add(path);
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
      this.touchedPaths.add(other.path);
      other.degrees = undefined;
    }
    for (const fs of featsOfSide(doc.side)) for (const f of fs) this.postings.drop(f);
    for (const sid of doc.sids) this.unitDoc[sid] = -1;
    this.byPath.delete(path);
    this.byId[doc.id] = undefined;
    this.epoch++;
    this.postings.compact(sid => this.unitDoc[sid] >= 0);
  }

  /** Documents indexed, unindexed, or whose links to another document were set or dropped, since the last call. */
  takeTouched(): Set<string> {
    const t = this.touchedPaths;
    this.touchedPaths = new Set();
    return t;
  }

  private touchedPaths = new Set<string>();

  /** The `shared` duplicates of one document, each listed from both ends across calls. */
  shared(path: string): Duplicate[] {
    const doc = this.byPath.get(path);
    if (!doc) return [];
    const many = this.degreesOf(doc);
    doc.furniture ??= new FurnitureFlags(doc.side);
    const out: Duplicate[] = [];
    for (const [otherId, matches] of doc.links) {
      const other = this.byId[otherId]!;
      let list = doc.passages.get(otherId);
      if (!list) {
        list = cluster(matches, doc.side.paraOf, other.side.paraOf).map(g => {
          const r = ranges(doc.side, other.side, g, false);
          return { r, p: passage(doc.side, other.side, r, this.vocab) };
        }).filter(({ p }) => !stockLineOnly(doc.side.text.slice(p.a.start, p.a.end)) && !stockLineOnly(other.side.text.slice(p.b.start, p.b.end)));
        doc.passages.set(otherId, list);
        other.passages.set(doc.id, list.map(mirror));
      }
      for (const { r, p } of list) {
        let boilerplate = mostlyFurniture(doc.furniture, r.iLo, r.iHi, many);
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

  /** Per unit, how many other documents share it (cached until the links change). */
  private degreesOf(doc: IndexedDoc): Uint16Array {
    if (doc.degrees) return doc.degrees;
    const deg = new Uint16Array(doc.side.data.length);
    for (const matches of doc.links.values()) {
      const seen = new Set<number>();
      for (const m of matches) if (!seen.has(m.i)) { seen.add(m.i); if (deg[m.i] < 65535) deg[m.i]++; }
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
