/**
 * Short link lists when many sources carry the same quote or claim (the contract's
 * cap): an item whose group holds more than `LINK_CAP + 1` copies lists at most
 * `LINK_CAP` of them, the nearest, and the group id and size stand for the rest,
 * so the output grows with the corpus, not with its square.
 *
 * The links of one kind form an undirected graph (every link is listed from both
 * ends). The pass keeps a subgraph in which no item has more than `LINK_CAP` links:
 * the edges taken in one global order (a dispute first, then the highest
 * similarity, ties by the two ends' paths and offsets) and each kept while both of
 * its ends have room, in rounds that spread an item's links over documents: its
 * second link into one document only after a first into every other (see
 * `keepEdges`), so a document that repeats a passage does not crowd out another
 * source that carries it. A kept link is kept at both ends, so every listed link still
 * has its mirror; a group of at most `LINK_CAP + 1` copies has no item with more
 * than `LINK_CAP` links, so nothing of it is dropped. The order depends on the
 * links alone, never on the order documents were added or analysed in. One
 * exception to the cap keeps a claim's status true to its lists (see `capLinks`).
 */
import { Places, rankingPlaces } from '../claims/groups';
import { drain, PAUSE, type Slice, sortingIndices, WHOLE } from '../text/slice';
import type { Claim, ClaimLink, DocumentResult, Quote, Span } from '../types';

/** The most links an item lists of one kind when its group is larger than this plus one. */
export const LINK_CAP = 8;

interface Edge { a: number; b: number; rank: number; similarity: number }

type At = Span & { path: string };

/** The global order of edges: a lower rank first, then a higher similarity, then the ends' places (`place`: rank in place order). */
function compareEdges(e: Edge, f: Edge, place: Int32Array): number {
  return e.rank - f.rank || f.similarity - e.similarity || place[e.a] - place[f.a] || place[e.b] - place[f.b];
}

/**
 * Which edges to keep: in order of rank (lower first), then similarity (higher
 * first), then the ends' places; each while both ends have fewer than `cap` kept.
 * In rounds, so that an item lists the other sources that carry it before second
 * copies in one of them (a document that repeats a passage): round `r` takes, in
 * that order, an edge whose ends each have fewer than `r` kept links into the
 * other end's document (`doc`: each node's document); the last round, `cap`, takes
 * whatever still fits.
 */
function* keepEdges(edges: readonly Edge[], place: Int32Array, doc: Int32Array, cap: number, slice: Slice): Generator<string, Uint8Array> {
  const nodes = place.length;
  const kept = new Uint8Array(edges.length);
  const degree = new Int32Array(nodes);
  for (const e of edges) { degree[e.a]++; degree[e.b]++; }
  // Nothing to drop when no item has more than `cap` links.
  if (!degree.some(d => d > cap)) return kept.fill(1);
  let order: ArrayLike<number> & Iterable<number> = yield* sortingIndices(edges.length, (x, y) => compareEdges(edges[x], edges[y], place), slice);
  degree.fill(0);
  // Kept links from a node into a document, keyed `node * documents + document`.
  let documents = 1;
  for (const d of doc) if (d + 1 > documents) documents = d + 1;
  const into = new Map<number, number>();
  for (let r = 1; r <= cap && order.length; r++) {
    const rest: number[] = [];
    for (const k of order) {
      if (slice.due()) yield PAUSE;
      const e = edges[k];
      if (degree[e.a] >= cap || degree[e.b] >= cap) continue;
      const ab = e.a * documents + doc[e.b], ba = e.b * documents + doc[e.a];
      const nab = into.get(ab) ?? 0, nba = into.get(ba) ?? 0;
      if (nab >= r || nba >= r) { rest.push(k); continue; }
      into.set(ab, nab + 1); into.set(ba, nba + 1);
      degree[e.a]++; degree[e.b]++;
      kept[k] = 1;
    }
    order = rest;
  }
  return kept;
}

/** The items' places and their ranks in place order (`placeRanks`). */
interface Numbered<T extends Span> { at: Places<T>; ranks: Int32Array }

/**
 * The items of the results numbered (`Places`, `placeRanks`) when first asked, then the same: the quotes' are asked by
 * both kinds of quote links (capping a kind shortens lists, and moves no item). At 10,000 articles a numbering is a
 * map per document of its items' places (some 111,000 quotes), made and ranked once more for the second kind.
 */
function numberedOnce<T extends Span>(results: readonly DocumentResult[], itemsOf: (r: DocumentResult) => readonly T[]): (slice: Slice) => Generator<string, Numbered<T>> {
  let made: Numbered<T> | undefined;
  return function* (slice) {
    if (!made) {
      const at = yield* Places.numbering(results.map(r => r.path), d => itemsOf(results[d]), slice);
      made = { at, ranks: yield* rankingPlaces(at, slice) };
    }
    return made;
  };
}

/**
 * One kind of link over items of the results: `lists(item)` gives each list of that
 * kind on the item (written back filtered), `rank`/`similarity` weigh a link
 * (`weigh` is given the item at its other end: a quote's text there is the one at
 * the link's offsets, whichever quote of that place it is).
 * Items are numbered (`numbered`, `Places`): a link's other end is looked up by numbers, and
 * only an item that lists a link of this kind is an end.
 */
function* capKind<T extends Span, L extends At>(
  slice: Slice,
  results: readonly DocumentResult[],
  itemsOf: (r: DocumentResult) => readonly T[],
  numbered: (slice: Slice) => Generator<string, Numbered<T>>,
  lists: (item: T) => L[][],
  weigh: (from: { path: string; item: T }, link: L, list: number, to: T) => { rank: number; similarity: number },
  cap: number,
  needs: (item: T) => L[] | null = () => null,
): Generator<string, void> {
  let heavy = false;
  for (const r of results) {
    if (slice.due()) yield PAUSE;
    for (const item of itemsOf(r)) {
      let degree = 0;
      for (const l of lists(item)) degree += l.length;
      if (degree > cap) { heavy = true; break; }
    }
    if (heavy) break;
  }
  if (!heavy) return;
  const { at, ranks } = yield* numbered(slice);
  const n = at.items.length;
  const linked = new Uint8Array(n);
  const heavies: number[] = [];
  for (let k = 0; k < n; k++) {
    if (slice.due()) yield PAUSE;
    let degree = 0;
    for (const l of lists(at.items[k])) degree += l.length;
    if (degree) linked[k] = 1;
    if (degree > cap) heavies.push(k);
  }
  const idOf = (l: At) => { const k = at.id(l); return k >= 0 && linked[k] ? k : -1; };
  // Only the groups (linked components) holding an item over the cap can lose links: their items, numbered from 0 (`local`).
  const owners: number[] = [];
  const local = new Int32Array(n).fill(-1);
  const reach = (k: number) => {
    if (k < 0 || local[k] >= 0) return;
    local[k] = owners.length;
    owners.push(k);
  };
  for (const k of heavies) reach(k);
  // Each link's other end (its id, -1 for none), in the order the owners' lists are read below, each time the same:
  // owner by owner, list by list (a place is looked up once).
  const ends: number[] = [];
  for (let i = 0; i < owners.length; i++) {
    if (slice.due()) yield PAUSE;
    for (const list of lists(at.items[owners[i]])) for (const link of list) { const k = idOf(link); ends.push(k); reach(k); }
  }
  const place = Int32Array.from(owners, k => ranks[k]);
  const edges: Edge[] = [];
  const m = owners.length;
  // Each local item's edges, as they are found: a list through `head` and `next` (slot 2e is edge e at its end `a`, 2e + 1 at `b`).
  const head = new Int32Array(m).fill(-1);
  const next: number[] = [];
  const other = (slot: number) => (slot & 1 ? edges[slot >> 1].a : edges[slot >> 1].b);
  // `edgeTo[b]`, while `stamp[b]` is the item `a` looked from (+1): the edge of `a` and `b`, if any.
  const edgeTo = new Int32Array(m), stamp = new Int32Array(m);
  /** Marks the edges of local item `a` (its `edgeTo`). */
  const markEdges = (a: number) => { for (let slot = head[a]; slot >= 0; slot = next[slot]) { const b = other(slot); stamp[b] = a + 1; edgeTo[b] = slot >> 1; } };
  /** The edge of `a` (the one last marked) and `b`, or undefined. */
  const edgeAt = (a: number, b: number) => (stamp[b] === a + 1 ? edgeTo[b] : undefined);
  let read = 0;
  for (let a = 0; a < owners.length; a++) {
    if (slice.due()) yield PAUSE;
    const k = owners[a];
    const item = at.items[k], from = { path: at.path(k), item };
    markEdges(a);
    lists(item).forEach((list, li) => {
      for (const link of list) {
        const g = ends[read++], b = g < 0 ? -1 : local[g];
        if (b < 0 || b === a || stamp[b] === a + 1) continue;
        const w = weigh(from, link, li, at.items[g]);
        const e = edges.length;
        stamp[b] = a + 1;
        edgeTo[b] = e;
        // The ends in place order, so ties break the same whatever order the documents came in.
        const [x, y] = place[a] <= place[b] ? [a, b] : [b, a];
        edges.push({ a: x, b: y, rank: w.rank, similarity: w.similarity });
        next.push(head[x], head[y]);
        head[x] = 2 * e;
        head[y] = 2 * e + 1;
      }
    });
  }
  const kept = yield* keepEdges(edges, place, Int32Array.from(owners, k => at.docOf[k]), cap, slice);
  // The link that gives an item its status stays: an item whose nearest copies all
  // filled up elsewhere keeps its best link of that list (the one excess over the cap).
  const byOrder = (x: number, y: number) => compareEdges(edges[x], edges[y], place);
  const nodes = owners.map((_, a) => a).sort((x, y) => place[x] - place[y]);
  for (const a of nodes) {
    if (slice.due()) yield PAUSE;
    const list = needs(at.items[owners[a]]);
    if (!list?.length) continue;
    markEdges(a);
    const ks = list.map(link => { const g = idOf(link), b = g < 0 ? -1 : local[g]; return b < 0 ? undefined : edgeAt(a, b); });
    if (ks.some(k => k === undefined || kept[k])) continue;
    kept[(ks as number[]).sort(byOrder)[0]] = 1;
  }
  read = 0;
  for (let a = 0; a < owners.length; a++) {
    if (slice.due()) yield PAUSE;
    const k = owners[a];
    markEdges(a);
    for (const list of lists(at.items[k])) {
      let w = 0;
      for (const link of list) {
        const g = ends[read++], b = g < 0 ? -1 : local[g];
        const e = b < 0 ? undefined : edgeAt(a, b);
        if (e === undefined || kept[e]) list[w++] = link;
      }
      list.length = w;
    }
  }
}

/**
 * Caps quote `variants` and `attributedElsewhere`, and claims' `corroboratedBy`,
 * `disputedBy` and `partlyCorroboratedBy` (one list of links per claim for the
 * count, disputes kept first). `quoteSimilarity` weighs a variant that is not
 * word for word the same. Statuses, groups and group sizes are left as the full
 * links set them: they stand for the whole group. So that a claim's lists still
 * say its status, a claim whose every disputing (else corroborating) link was
 * dropped because the other ends were full keeps its nearest one: in a star (one
 * claim linked to many that link to nothing else) the centre lists more than the cap.
 */
export function capLinks(results: readonly DocumentResult[], quoteSimilarity: (a: string, b: string) => number, cap = LINK_CAP): void {
  drain(capLinkSteps(results, quoteSimilarity, cap));
}

/** `capLinks` a kind of list at a time (quote variants, attribution conflicts, claim links): yields each kind's name as it ends. */
export function* capLinkSteps(results: readonly DocumentResult[], quoteSimilarity: (a: string, b: string) => number, cap = LINK_CAP, slice = WHOLE): Generator<string> {
  const quotes = (r: DocumentResult) => r.quotes, quotesNumbered = numberedOnce(results, quotes);
  yield* capKind<Quote, Quote['variants'][number]>(slice, results, quotes, quotesNumbered, q => [q.variants],
    (from, link, _list, to) => ({ rank: 0, similarity: link.identical ? 1 : quoteSimilarity(from.item.text, to.text) }), cap);
  yield 'variants';
  yield* capKind<Quote, NonNullable<Quote['attributedElsewhere']>[number]>(slice, results, quotes, quotesNumbered, q => [q.attributedElsewhere ?? []],
    (from, _link, _list, to) => ({ rank: 0, similarity: quoteSimilarity(from.item.text, to.text) }), cap);
  yield 'elsewhere';
  const claims = (r: DocumentResult) => r.claims;
  yield* capKind<Claim, ClaimLink>(slice, results, claims, numberedOnce(results, claims), c => claimLists(c),
    (_from, link, list) => ({ rank: list === 1 ? 0 : 1, similarity: link.similarity }), cap,
    c => (c.disputedBy.length ? c.disputedBy : c.corroboratedBy.length ? c.corroboratedBy : null));
  yield 'claims';
}

function claimLists(c: Claim): ClaimLink[][] {
  const partly = (c as { partlyCorroboratedBy?: ClaimLink[] }).partlyCorroboratedBy;
  return partly ? [c.corroboratedBy, c.disputedBy, partly] : [c.corroboratedBy, c.disputedBy];
}
