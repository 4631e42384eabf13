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
 * its ends have room. A kept link is kept at both ends, so every listed link still
 * has its mirror; a group of at most `LINK_CAP + 1` copies has no item with more
 * than `LINK_CAP` links, so nothing of it is dropped. The order depends on the
 * links alone, never on the order documents were added or analysed in. One
 * exception to the cap keeps a claim's status true to its lists (see `capLinks`).
 */
import type { Claim, ClaimLink, DocumentResult, Quote, Span } from '../types';

/** The most links an item lists of one kind when its group is larger than this plus one. */
export const LINK_CAP = 8;

interface Edge { a: number; b: number; rank: number; similarity: number }

type At = Span & { path: string };

const byPlace = (x: At, y: At) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start || x.end - y.end);

/** The global order of edges: a lower rank first, then a higher similarity, then the ends' places. */
function compareEdges(e: Edge, f: Edge, places: readonly At[]): number {
  return e.rank - f.rank || f.similarity - e.similarity || byPlace(places[e.a], places[f.a]) || byPlace(places[e.b], places[f.b]);
}

/**
 * Which edges to keep: in order of rank (lower first), then similarity (higher
 * first), then the ends' places; each while both ends have fewer than `cap` kept.
 */
function keepEdges(edges: readonly Edge[], places: readonly At[], cap: number): Uint8Array {
  const kept = new Uint8Array(edges.length);
  const degree = new Int32Array(places.length);
  for (const e of edges) { degree[e.a]++; degree[e.b]++; }
  // Nothing to drop when no item has more than `cap` links.
  if (!degree.some(d => d > cap)) return kept.fill(1);
  const order = edges.map((_, k) => k).sort((x, y) => compareEdges(edges[x], edges[y], places));
  degree.fill(0);
  for (const k of order) {
    const e = edges[k];
    if (degree[e.a] >= cap || degree[e.b] >= cap) continue;
    degree[e.a]++; degree[e.b]++;
    kept[k] = 1;
  }
  return kept;
}

/**
 * One kind of link over items of the results: `lists(item)` gives each list of that
 * kind on the item (written back filtered), `rank`/`similarity` weigh a link.
 */
function capKind<T extends Span, L extends At>(
  results: readonly DocumentResult[],
  itemsOf: (r: DocumentResult) => readonly T[],
  lists: (item: T) => L[][],
  weigh: (from: { path: string; item: T }, link: L, list: number) => { rank: number; similarity: number },
  cap: number,
  needs: (item: T) => L[] | null = () => null,
): void {
  const keyOf = (p: At) => `${p.path}\u0000${p.start}\u0000${p.end}`;
  const byKey = new Map<string, { path: string; item: T }>();
  const heavy: string[] = [];
  for (const r of results) {
    for (const item of itemsOf(r)) {
      let degree = 0;
      for (const l of lists(item)) degree += l.length;
      if (!degree) continue;
      const key = keyOf({ path: r.path, start: item.start, end: item.end });
      byKey.set(key, { path: r.path, item });
      if (degree > cap) heavy.push(key);
    }
  }
  if (!heavy.length) return;
  // Only the groups (linked components) holding an item over the cap can lose links.
  const places: At[] = [];
  const owners: { path: string; item: T }[] = [];
  const index = new Map<string, number>();
  const reach = (key: string) => {
    if (index.has(key)) return;
    const o = byKey.get(key);
    if (!o) return;
    index.set(key, places.length);
    places.push({ path: o.path, start: o.item.start, end: o.item.end });
    owners.push(o);
  };
  for (const key of heavy) reach(key);
  for (let k = 0; k < owners.length; k++) for (const list of lists(owners[k].item)) for (const link of list) reach(keyOf(link));
  const edges: Edge[] = [];
  const edgeOf = new Map<string, number>();
  const pairKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  owners.forEach((o, a) => {
    lists(o.item).forEach((list, li) => {
      for (const link of list) {
        const b = index.get(keyOf(link));
        if (b === undefined || b === a) continue;
        const key = pairKey(a, b);
        if (edgeOf.has(key)) continue;
        const w = weigh(o, link, li);
        edgeOf.set(key, edges.length);
        // The ends in place order, so ties break the same whatever order the documents came in.
        const [x, y] = byPlace(places[a], places[b]) <= 0 ? [a, b] : [b, a];
        edges.push({ a: x, b: y, rank: w.rank, similarity: w.similarity });
      }
    });
  });
  const kept = keepEdges(edges, places, cap);
  // The link that gives an item its status stays: an item whose nearest copies all
  // filled up elsewhere keeps its best link of that list (the one excess over the cap).
  const byOrder = (x: number, y: number) => compareEdges(edges[x], edges[y], places);
  const nodes = owners.map((_, a) => a).sort((x, y) => byPlace(places[x], places[y]));
  for (const a of nodes) {
    const list = needs(owners[a].item);
    if (!list?.length) continue;
    const ks = list.map(link => { const b = index.get(keyOf(link)); return b === undefined ? undefined : edgeOf.get(pairKey(a, b)); });
    if (ks.some(k => k === undefined || kept[k])) continue;
    kept[(ks as number[]).sort(byOrder)[0]] = 1;
  }
  owners.forEach((o, a) => {
    for (const list of lists(o.item)) {
      let w = 0;
      for (const link of list) {
        const b = index.get(keyOf(link));
        const k = b === undefined ? undefined : edgeOf.get(pairKey(a, b));
        if (k === undefined || kept[k]) list[w++] = link;
      }
      list.length = w;
    }
  });
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
  const textAt = new Map<string, DocumentResult>(results.map(r => [r.path, r]));
  // Per document, quote text by offsets (the first quote at them), built when first asked.
  const quoteTexts = new Map<string, Map<string, string>>();
  const quoteText = (l: At) => {
    let byPlace = quoteTexts.get(l.path);
    if (!byPlace) {
      quoteTexts.set(l.path, (byPlace = new Map()));
      for (const q of textAt.get(l.path)?.quotes ?? []) { const k = `${q.start},${q.end}`; if (!byPlace.has(k)) byPlace.set(k, q.text); }
    }
    return byPlace.get(`${l.start},${l.end}`) ?? '';
  };
  capKind<Quote, Quote['variants'][number]>(results, r => r.quotes, q => [q.variants],
    (from, link) => ({ rank: 0, similarity: link.identical ? 1 : quoteSimilarity(from.item.text, quoteText(link)) }), cap);
  capKind<Quote, NonNullable<Quote['attributedElsewhere']>[number]>(results, r => r.quotes, q => [q.attributedElsewhere ?? []],
    (from, link) => ({ rank: 0, similarity: quoteSimilarity(from.item.text, quoteText(link)) }), cap);
  capKind<Claim, ClaimLink>(results, r => r.claims, c => claimLists(c),
    (_from, link, list) => ({ rank: list === 1 ? 0 : 1, similarity: link.similarity }), cap,
    c => (c.disputedBy.length ? c.disputedBy : c.corroboratedBy.length ? c.corroboratedBy : null));
}

function claimLists(c: Claim): ClaimLink[][] {
  const partly = (c as { partlyCorroboratedBy?: ClaimLink[] }).partlyCorroboratedBy;
  return partly ? [c.corroboratedBy, c.disputedBy, partly] : [c.corroboratedBy, c.disputedBy];
}
