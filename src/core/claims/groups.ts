/**
 * Claim groups: the claims that carry the same claim across sources share one
 * `claimGroup` id and know the group's size (`claimGroupSize`).
 *
 * Two groups (a claim alone is a group of one) merge when the links between them
 * are at least a quarter of the pairs they could make, claims of the same document
 * not counted (they never link), and two or more when neither is a claim alone
 * (`joins`): a claim joins a group of up to four claims by one direct link, a group
 * of eight by two; two pairs merge through two links, two groups of four through
 * four. So a group stays dense, and a chain of single links (claims each linked to
 * the next, drifting from one story to another) makes groups of at most five,
 * whatever its length, instead of one group spanning the corpus (on a generated
 * archive of 1,000 articles: one group of 10,816 claims before, 32 at most after).
 * The links are taken strongest first (similarity, then the places of their ends:
 * path, offsets), so the groups depend on the links alone, never on the order the
 * documents were added in; a link refused is tried again after later merges
 * (passes until none merges). Last, a claim still alone that has a link (every link
 * of it refused) joins the group of its strongest link, as a leaf: a corroborated
 * claim is always in a group, and a leaf joins no one else and is given no implied link. Corroboration links group claims, full or partial
 * (a partial link is listed in `corroboratedBy` at its shorter end); disputes do not.
 */
import type { Claim, ClaimLink, Span } from '../types';
import { drain, PAUSE, type Slice, sortingIndices, WHOLE } from '../text/slice';
import { compared } from './claims';
import { FULL_OVERLAP, numbersAgree } from './match';

/**
 * Whether two groups are one: the links between them are at least `JOIN_SHARE` of
 * the pairs they could make (claims of two documents), and two or more when neither
 * is a claim alone (`both`).
 */
export function joins(links: number, pairs: number, both: boolean): boolean {
  return links >= JOIN_SHARE * pairs && (!both || links >= 2);
}
/** The share of possible links that joins two groups (see `joins`). */
export const JOIN_SHARE = 0.25;

/**
 * Ids of places: the items (claims, quotes) of `docs` numbered in order, and a
 * link's place (path, start, end) looked up by document, then by offsets: numbers,
 * no string keys (claim groups and link caps look up every link of a large set).
 */
/** The largest base whose keys `end * base + start` are exact integers. */
const EXACT_BASE = Math.floor(Math.sqrt(Number.MAX_SAFE_INTEGER));
export const offsetKey = (start: number, end: number, base: number): number | string => (base <= EXACT_BASE ? end * base + start : `${start},${end}`);

export class Places<T extends Span> {
  readonly items: T[] = [];
  /** Per item, its document's index. */
  readonly docOf: number[] = [];
  private readonly docIndex = new Map<string, number>();
  private lastPath: string | null = null;
  private lastDoc: number | undefined = undefined;
  /**
   * Per document, its items by `end * base + start` (base past every offset of its items), and the base; by
   * "start,end" in a document too long for that number to be exact (offsets past about 94.9 million).
   */
  private readonly byOffsets: { base: number; ids: Map<number | string, number> }[] = [];
  constructor(readonly paths: readonly string[], itemsOf?: (doc: number) => readonly T[]) {
    if (itemsOf) drain(this.adding(itemsOf, WHOLE));
  }

  /** `new Places(paths, itemsOf)`, pausing (yielding `PAUSE`) when `slice` is spent. */
  static *numbering<T extends Span>(paths: readonly string[], itemsOf: (doc: number) => readonly T[], slice: Slice): Generator<string, Places<T>> {
    const at = new Places<T>(paths);
    yield* at.adding(itemsOf, slice);
    return at;
  }

  private *adding(itemsOf: (doc: number) => readonly T[], slice: Slice): Generator<string, void> {
    for (let di = 0; di < this.paths.length; di++) {
      if (slice.due()) yield PAUSE;
      // A place held twice: the last holder answers, as a map of places would.
      this.docIndex.set(this.paths[di], di);
      const list = itemsOf(di);
      let base = 1;
      for (const c of list) if (c.end + 1 > base) base = c.end + 1;
      const ids = new Map<number | string, number>();
      for (const c of list) {
        const k = offsetKey(c.start, c.end, base);
        ids.set(k, this.items.length);
        this.items.push(c);
        this.docOf.push(di);
      }
      this.byOffsets.push({ base, ids });
    }
  }

  /** The id of the (last) item at a place, or -1. */
  id(l: { path: string; start: number; end: number }): number {
    // (A list's links come a document at a time: the last path's index is asked again most often.)
    let di: number | undefined;
    if (l.path === this.lastPath) di = this.lastDoc;
    else { di = this.docIndex.get(l.path); this.lastPath = l.path; this.lastDoc = di; }
    if (di === undefined) return -1;
    const { base, ids } = this.byOffsets[di];
    if (!(l.start >= 0 && l.end >= 0 && l.start < base && l.end < base)) return -1;
    return ids.get(offsetKey(l.start, l.end, base)) ?? -1;
  }

  path(k: number): string {
    return this.paths[this.docOf[k]];
  }
}

const NO_IDS = new Int32Array(0);

/** Sets `claimGroup` and `claimGroupSize` on every claim of `docs`; also drops a partial link that a full one of the same pair supersedes. */
export function groupClaims(docs: readonly { path: string; claims: Claim[] }[]): void {
  drain(groupingClaims(docs, WHOLE));
}

/** `groupClaims`, pausing (yielding `PAUSE`) when `slice` is spent; it writes only into the claims given. */
export function* groupingClaims(docs: readonly { path: string; claims: Claim[] }[], slice: Slice): Generator<string, void> {
  const at = yield* Places.numbering(docs.map(d => d.path), d => docs[d].claims, slice);
  const claims = at.items;
  const n = claims.length;
  // Each claim's corroboratedBy as ids (-1: a claim not among `docs`), and the same sorted (`lists.has(x, y)`: whether x lists y).
  const corr: Int32Array[] = new Array(n);
  const sorted: Int32Array[] = new Array(n);
  for (let k = 0; k < n; k++) {
    if (slice.due()) yield PAUSE;
    const list = claims[k].corroboratedBy;
    // (Most claims list none: one empty array, read only, for all of them, not two typed arrays each.)
    if (!list.length) { corr[k] = sorted[k] = NO_IDS; continue; }
    const ids = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) ids[i] = at.id(list[i]);
    corr[k] = ids;
    sorted[k] = ids.slice().sort();
  }
  const lists = {
    has: (x: number, y: number) => {
      const s = sorted[x];
      let a = 0, b = s.length;
      while (a < b) { const h = (a + b) >> 1; if (s[h] < y) a = h + 1; else b = h; }
      return a < s.length && s[a] === y;
    },
  };
  const edgeA: number[] = [], edgeB: number[] = [], edgeSim: number[] = [];
  // The claim whose list last paired each claim (+1): a pair listed twice by one claim is one edge.
  const pairedBy = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    if (slice.due()) yield PAUSE;
    const c = claims[k];
    // A pair linked in full (a quote's variant, say) is not also a partial link, and a partial link keeps its mirror
    // (quote linking, which runs between, may have decided the pair otherwise).
    if (c.partlyCorroboratedBy?.length) {
      const disputed = new Set<number>();
      for (const l of c.disputedBy) disputed.add(at.id(l));
      c.partlyCorroboratedBy = c.partlyCorroboratedBy.filter(l => {
        const o = at.id(l);
        return o >= 0 && !lists.has(k, o) && !disputed.has(o) && lists.has(o, k);
      });
    }
    const ids = corr[k];
    for (let i = 0; i < ids.length; i++) {
      const o = ids[i];
      // Each pair once: from the lower id, or from the end that lists it alone (a directional link).
      if (o < 0 || o === k || (o < k && lists.has(o, k))) continue;
      // (Only k's own list can name the pair again: the other end lists it back only when it skips it above.)
      if (pairedBy[o] === k + 1) continue;
      pairedBy[o] = k + 1;
      edgeA.push(k); edgeB.push(o); edgeSim.push(c.corroboratedBy[i].similarity);
    }
  }
  // Places in order (path, offsets): the ties' order, whatever order the documents came in.
  const rank = yield* rankingPlaces(at, slice);
  const m = edgeA.length;
  const lo = new Int32Array(m), hi = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const [x, y] = rank[edgeA[e]] < rank[edgeB[e]] ? [edgeA[e], edgeB[e]] : [edgeB[e], edgeA[e]];
    lo[e] = x; hi[e] = y;
  }
  const order = yield* sortingIndices(m, (e, f) => edgeSim[f] - edgeSim[e] || rank[lo[e]] - rank[lo[f]] || rank[hi[e]] - rank[hi[f]], slice);
  // Each claim's linked claims (every pair once, either way).
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) { degree[lo[e]]++; degree[hi[e]]++; }
  const adjAt = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) adjAt[k + 1] = adjAt[k] + degree[k];
  const adj = new Int32Array(adjAt[n]), fill = adjAt.slice(0, n);
  for (let e = 0; e < m; e++) { adj[fill[lo[e]]++] = hi[e]; adj[fill[hi[e]]++] = lo[e]; }
  const parent = Int32Array.from({ length: n }, (_, k) => k);
  const members: number[][] = Array.from({ length: n }, (_, k) => [k]);
  const find = (k: number): number => { while (parent[k] !== k) k = parent[k] = parent[parent[k]]; return k; };
  /** Links between the groups of roots `x` and `y` (counted from the smaller), and the pairs they could make (claims of two documents). */
  const docCount = new Int32Array(docs.length);
  const between = (x: number, y: number): [number, number] => {
    if (members[x].length > members[y].length) [x, y] = [y, x];
    let links = 0;
    for (const k of members[x]) for (let i = adjAt[k]; i < adjAt[k + 1]; i++) if (find(adj[i]) === y) links++;
    for (const k of members[y]) docCount[at.docOf[k]]++;
    let pairs = 0;
    for (const k of members[x]) pairs += members[y].length - docCount[at.docOf[k]];
    for (const k of members[y]) docCount[at.docOf[k]] = 0;
    return [links, pairs];
  };
  const size = (k: number) => members[find(k)].length;
  const attached = new Uint8Array(n);
  // Whether two groups join depends on their members alone: a pair of groups refused
  // stays refused until one of them grows. `grown[r]`: the merge count when root r
  // last grew; `refused`: pair of roots (`x * n + y`, x < y) -> the merge count when refused.
  let merges = 0;
  const grown = new Float64Array(n);
  const refused = new Map<number, number>();
  // The same per link (-1: not refused): no look-up when a link is tried again.
  const refusedAt = new Float64Array(m).fill(-1);
  let pending: ArrayLike<number> & Iterable<number> = order;
  for (let changed = true; changed && pending.length;) {
    changed = false;
    const rest: number[] = [];
    for (const e of pending) {
      if (slice.due()) yield PAUSE;
      let x = find(lo[e]), y = find(hi[e]);
      if (x === y) continue;
      const sx = members[x].length, sy = members[y].length;
      if (sx * sy > 2) {
        const was = refusedAt[e];
        if (was >= 0 && grown[x] <= was && grown[y] <= was) { rest.push(e); continue; }
        const key = x < y ? x * n + y : y * n + x;
        const at = refused.get(key);
        if (at !== undefined && grown[x] <= at && grown[y] <= at) { refusedAt[e] = merges; rest.push(e); continue; }
        const [links, pairs] = between(x, y);
        if (!joins(links, pairs, sx > 1 && sy > 1)) { refused.set(key, merges); refusedAt[e] = merges; rest.push(e); continue; }
      }
      if (sx < sy) [x, y] = [y, x];
      parent[y] = x;
      for (const k of members[y]) members[x].push(k);
      members[y] = [];
      grown[x] = ++merges;
      changed = true;
    }
    pending = rest;
  }
  // A claim left alone that corroborates or is corroborated by others (its links all go to
  // groups it is too loosely tied to) joins the group of its strongest link: a claim others
  // carry is in a group. Decided on the groups as they stand, so no chain grows through it.
  const attach: [number, number][] = [];
  for (const e of order) {
    if (slice.due()) yield PAUSE;
    const a = lo[e], b = hi[e];
    if (members[find(a)].length === 1 && !attached[a]) { attached[a] = 1; attach.push([a, find(b)]); }
    if (members[find(b)].length === 1 && !attached[b]) { attached[b] = 1; attach.push([b, find(a)]); }
  }
  for (const [k, r] of attach) { parent[k] = r; members[r].push(k); members[k] = []; }
  yield* inferLinks(at, find, size, attached, slice);
  const names = new Map<number, string>();
  for (let k = 0; k < n; k++) {
    if (slice.due()) yield PAUSE;
    const r = find(k), s = members[r].length;
    if (s < 2) { claims[k].claimGroup = null; claims[k].claimGroupSize = 1; continue; }
    let name = names.get(r);
    if (!name) names.set(r, (name = `c${names.size + 1}`));
    claims[k].claimGroup = name;
    claims[k].claimGroupSize = s;
  }
}

/** Each claim's rank in the order of places: path, then start, then end. */
export function placeRanks(at: Places<Span>): Int32Array {
  return drain(rankingPlaces(at, WHOLE));
}

/** `placeRanks`, pausing (yielding `PAUSE`) when `slice` is spent. */
export function* rankingPlaces(at: Places<Span>, slice: Slice): Generator<string, Int32Array> {
  const { paths, items, docOf } = at;
  // A document's items are numbered one after another.
  const first = new Int32Array(paths.length + 1);
  for (const d of docOf) first[d + 1]++;
  for (let d = 0; d < paths.length; d++) first[d + 1] += first[d];
  const docs = paths.map((_, d) => d).sort((x, y) => (paths[x] < paths[y] ? -1 : paths[x] > paths[y] ? 1 : x - y));
  const rank = new Int32Array(items.length);
  let r = 0;
  for (const d of docs) {
    if (slice.due()) yield PAUSE;
    const local: number[] = [];
    for (let k = first[d]; k < first[d + 1]; k++) local.push(k);
    local.sort((i, j) => items[i].start - items[j].start || items[i].end - items[j].end || i - j);
    for (const k of local) rank[k] = r++;
  }
  return rank;
}

/** Groups up to this size list every other member's source (the contract lists every other copy up to 9 copies). */
export const INFER_MAX = 9;
/** Only links at least this similar are chained (the weakest full links sit at 0.35): two loose links do not make a third. */
export const INFER_MIN = 0.4;

/**
 * The links a group implies: claims joined by full corroboration carry the same claim,
 * so within a group (of at most `INFER_MAX` claims) two claims that a chain of full links
 * joins corroborate each other, and a claim that states part of one of them states part
 * of every other (corroboratedBy / partlyCorroboratedBy, the mirror rule); only links of
 * similarity `INFER_MIN` or more are chained. Partial links
 * are never chained with each other: two parts of one longer claim are not the same claim.
 * Claims whose numbers of the same thing differ are left apart (that is a dispute's business).
 * A leaf takes no part: it joined by one link that the group's rule refused.
 */
function* inferLinks(at: Places<Claim>, find: (k: number) => number, size: (k: number) => number, leaves: Uint8Array, slice: Slice): Generator<string, void> {
  const claims = at.items;
  const pathOf = claims.map((_, k) => at.path(k));
  const members = new Map<number, number[]>();
  for (let k = 0; k < claims.length; k++) {
    const r = find(k), s = size(r);
    // A leaf (attached by its one strongest link, see groupClaims) keeps its own links: nothing is chained through it.
    if (s < 3 || s > INFER_MAX || leaves[k]) continue;
    const list = members.get(r);
    if (list) list.push(k); else members.set(r, [k]);
  }
  /** Whether a link points to claim `y`. */
  const to = (y: number) => (l: ClaimLink) => l.path === pathOf[y] && l.start === claims[y].start && l.end === claims[y].end;
  const linked = (x: number, y: number) => {
    const c = claims[x], is = to(y);
    return c.corroboratedBy.some(is) || c.disputedBy.some(is) || !!c.partlyCorroboratedBy?.some(is);
  };
  const lists = (x: number, y: number, list: 'corroboratedBy' | 'partlyCorroboratedBy') => !!claims[x][list]?.some(to(y));
  const best = (x: number) => Math.max(0, ...claims[x].corroboratedBy.map(l => l.similarity));
  // (A tally's two figures compared as one: "voted 7-2" and "voted 7-2" do not differ, "7-1" does. A range differs
  // from a figure outside it, or from another range.)
  const differ = (x: number, y: number) => {
    const nx = compared(claims[x].numbers), ny = compared(claims[y].numbers);
    return nx.some(a => a.unit && ny.some(b => b.unit === a.unit && (a.upTo === undefined && b.upTo === undefined ? b.value !== a.value : !numbersAgree(a, b))));
  };
  const link = (x: number, y: number, full: boolean) => {
    const similarity = Math.round(Math.min(best(x), best(y)) * 100) / 100;
    claims[x].corroboratedBy.push({ path: pathOf[y], start: claims[y].start, end: claims[y].end, similarity });
    const back = { path: pathOf[x], start: claims[x].start, end: claims[x].end, similarity };
    if (full) claims[y].corroboratedBy.push(back); else (claims[y].partlyCorroboratedBy ??= []).push(back);
  };
  for (const group of members.values()) {
    if (slice.due()) yield PAUSE;
    // Components of full (mutual) links within the group.
    const comp = new Map<number, number>(group.map(k => [k, k]));
    const root = (k: number): number => { while (comp.get(k) !== k) k = comp.get(k)!; return k; };
    const strong = (x: number, y: number) => { const is = to(y); return claims[x].corroboratedBy.some(l => l.similarity >= INFER_MIN && is(l)); };
    for (const x of group) for (const y of group) if (x < y && strong(x, y) && lists(y, x, 'corroboratedBy')) comp.set(root(y), root(x));
    // Partial links as they stand: x states part of p.
    const partOf = new Map<number, number[]>();
    for (const x of group) for (const p of group) if (x !== p && strong(x, p) && lists(p, x, 'partlyCorroboratedBy')) (partOf.get(x) ?? partOf.set(x, []).get(x)!).push(p);
    // A full link below `FULL_OVERLAP` (match.ts: the whole claims share little, so a clause of two longer claims shares
    // much: "Crutcher was killed Friday after …" / "who shot and killed 40-year-old Terence Crutcher") ties its end to
    // the other end's component, not the two components: the shared clause ends a chain of strong links. A loose match
    // of whole claims (at `FULL_OVERLAP` up to `INFER_MIN`) chains nothing: two loose links do not make a third.
    const loose = (x: number, y: number) => {
      const is = to(y);
      return claims[x].corroboratedBy.some(l => l.similarity < FULL_OVERLAP && is(l));
    };
    const tied = new Map<number, number[]>();
    for (const x of group) for (const y of group) if (x !== y && root(x) !== root(y) && loose(x, y) && lists(y, x, 'corroboratedBy')) (tied.get(x) ?? tied.set(x, []).get(x)!).push(root(y));
    const adds: [number, number, boolean][] = [];
    for (const x of group) {
      for (const y of group) {
        if (x === y || pathOf[x] === pathOf[y] || linked(x, y) || linked(y, x) || differ(x, y)) continue;
        if (x < y && (root(x) === root(y) || (tied.get(x) ?? []).includes(root(y)) || (tied.get(y) ?? []).includes(root(x)))) adds.push([x, y, true]);
        else if ((partOf.get(x) ?? []).some(p => p !== y && pathOf[p] !== pathOf[x] && root(p) === root(y)) && !(partOf.get(y) ?? []).length) adds.push([x, y, false]);
      }
    }
    for (const [x, y, full] of adds) if (!linked(x, y)) link(x, y, full);
  }
}
