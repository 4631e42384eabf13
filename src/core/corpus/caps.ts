/**
 * Short link lists when many sources carry the same quote or claim (the contract's
 * cap): an item whose group holds more than `LINK_CAP + 1` copies lists at most
 * `LINK_CAP` of them, the nearest, and the group id and size stand for the rest,
 * so the output grows with the corpus, not with its square.
 *
 * The links of one kind form an undirected graph (every link is listed from both
 * ends). Each item ranks its own links (a dispute first, then the highest
 * similarity, ties by the other end's path and offsets), in rounds that spread them
 * over documents: its second link into one document after a first into every other
 * (see `orderOf`), so a document that repeats a passage does not crowd out another
 * source that carries it. A link is kept when it is among the first `LINK_CAP` of
 * both its ends; then, for an item left with room, a link to another item with room
 * that both rank first among those (`keptLinks`): so in a large group of equally
 * near copies the items the first round filled up do not leave the others bare.
 * Every decision reads the item, its links and its neighbours' links (a bounded
 * neighbourhood, never the linked component), so an edited corpus decides it again
 * only around what changed; it lists no more than a greedy pass over the whole
 * component would, sometimes fewer. A kept link is kept at both ends, so every
 * listed link still has its mirror; a group of at most `LINK_CAP + 1` copies has no
 * item with more than `LINK_CAP` links, so nothing of it is dropped. The order
 * depends on the links alone, never on the order documents were added or analysed
 * in. One exception to the cap keeps a claim's status true to its lists (see
 * `capLinks`).
 */
import { Places } from '../claims/groups';
import type { Claim, ClaimLink, DocumentResult, Quote, Span } from '../types';

/** The most links an item lists of one kind when its group is larger than this plus one. */
export const LINK_CAP = 8;

type At = Span & { path: string };

/** One end's view of a link: the other end's id, and the link's rank (lower first) and similarity. */
interface Near { other: number; rank: number; similarity: number }

/** Places compared: path, then start, then end (the items' ids break a tie). */
function comparePlaces(at: Places<Span>, x: number, y: number): number {
  const px = at.path(x), py = at.path(y);
  if (px !== py) return px < py ? -1 : 1;
  const a = at.items[x], b = at.items[y];
  return a.start - b.start || a.end - b.end || x - y;
}

/**
 * An item's links in the order it keeps them: by rank (lower first), similarity
 * (higher first), then the other end's place; and in rounds, each taking at most one
 * link into each other document (a second copy in one document after a first in every other).
 */
function orderOf(at: Places<Span>, near: readonly Near[]): Near[] {
  const base = [...near].sort((e, f) => e.rank - f.rank || f.similarity - e.similarity || comparePlaces(at, e.other, f.other));
  const seen = new Map<number, number>();
  const round = base.map(e => { const d = at.docOf[e.other]; const r = seen.get(d) ?? 0; seen.set(d, r + 1); return r; });
  return base.map((e, k) => ({ e, k })).sort((x, y) => round[x.k] - round[y.k] || x.k - y.k).map(x => x.e);
}

/**
 * Which links are kept (`ends(k)`: the other ends of item k's links, each once;
 * `ordered(k)`: the same in the item's order, asked only of an item with more than
 * `cap` links): first each link among the first `cap` of both ends; then, for each
 * item with fewer than `cap` kept, its links to items also short of `cap` that both
 * ends rank among the first they have room for. Only links with an end of more than
 * `cap` links can be dropped, and each decision reads the two ends and their neighbours.
 */
function keptLinks(ends: (k: number) => ArrayLike<number>, ordered: (k: number) => readonly number[], cap: number): (x: number, y: number) => boolean {
  const tops = new Map<number, Set<number>>();
  /** Whether y is among the first `cap` of x's links. */
  const inTop = (x: number, y: number) => {
    if (ends(x).length <= cap) return true;
    let top = tops.get(x);
    if (!top) tops.set(x, (top = new Set(ordered(x).slice(0, cap))));
    return top.has(y);
  };
  const first = (x: number, y: number) => inTop(x, y) && inTop(y, x);
  const firstCount = new Map<number, number>();
  const countFirst = (x: number) => {
    let c = firstCount.get(x);
    if (c === undefined) { c = 0; for (const o of Array.from(ends(x))) if (first(x, o)) c++; firstCount.set(x, c); }
    return c;
  };
  const offers = new Map<number, Set<number>>();
  /** The items x adds a link to in the second round: the first it ranks of those not kept and short of `cap`, as many as it has room for. */
  const offer = (x: number) => {
    let o = offers.get(x);
    if (o) return o;
    o = new Set();
    const room = cap - countFirst(x);
    // (An item of at most `cap` links has room for every link it has not kept: its order does not matter.)
    if (room > 0) for (const y of ends(x).length <= cap ? Array.from(ends(x)) : ordered(x)) { if (o.size >= room) break; if (!first(x, y) && countFirst(y) < cap) o.add(y); }
    offers.set(x, o);
    return o;
  };
  return (x, y) => first(x, y) || (offer(x).has(y) && offer(y).has(x));
}

/**
 * One kind of link over items of the results: `lists(item)` gives each list of that
 * kind on the item (written back filtered), `rank`/`similarity` weigh a link.
 * Items are numbered (`Places`): a link's other end is looked up by numbers, and
 * only an item that lists a link of this kind is an end.
 */
function capKind<T extends Span, L extends At>(
  results: readonly DocumentResult[],
  itemsOf: (r: DocumentResult) => readonly T[],
  lists: (item: T) => L[][],
  weigh: (from: { path: string; item: T }, link: L, list: number) => { rank: number; similarity: number },
  cap: number,
  needs: (item: T) => L[] | null = () => null,
): void {
  let heavy = false;
  for (const r of results) {
    for (const item of itemsOf(r)) {
      let degree = 0;
      for (const l of lists(item)) degree += l.length;
      if (degree > cap) { heavy = true; break; }
    }
    if (heavy) break;
  }
  if (!heavy) return;
  const at = new Places(results.map(r => r.path), d => itemsOf(results[d]));
  const n = at.items.length;
  // Each item's links as other ends' ids (each other end once, its first link), weighed when first asked.
  const ends: Int32Array[] = new Array(n);
  const endsOf = (k: number) => {
    let e = ends[k];
    if (e) return e;
    const out: number[] = [];
    const seen = new Set<number>();
    for (const list of lists(at.items[k])) for (const link of list) { const o = at.id(link); if (o >= 0 && o !== k && !seen.has(o)) { seen.add(o); out.push(o); } }
    return (ends[k] = Int32Array.from(out));
  };
  const nears = new Map<number, Near[]>();
  const nearOf = (k: number): readonly Near[] => {
    let ns = nears.get(k);
    if (ns) return ns;
    ns = [];
    const item = at.items[k], from = { path: at.path(k), item };
    const seen = new Set<number>();
    lists(item).forEach((list, li) => {
      for (const link of list) {
        const o = at.id(link);
        if (o < 0 || o === k || seen.has(o)) continue;
        seen.add(o);
        const w = weigh(from, link, li);
        ns!.push({ other: o, rank: w.rank, similarity: w.similarity });
      }
    });
    nears.set(k, ns);
    return ns;
  };
  // Only the links of an item with more than `cap` links, and of its neighbours, can be dropped.
  const touched = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    let degree = 0;
    for (const l of lists(at.items[k])) degree += l.length;
    if (degree <= cap) continue;
    const e = endsOf(k);
    if (e.length <= cap) continue;
    touched[k] = 1;
    for (const o of e) touched[o] = 1;
  }
  const orders = new Map<number, number[]>();
  const kept = keptLinks(endsOf, k => { let o = orders.get(k); if (!o) orders.set(k, (o = orderOf(at, nearOf(k)).map(e => e.other))); return o; }, cap);
  // The link that gives an item its status stays: an item none of whose status links is kept keeps its nearest one
  // (the one excess over the cap; both ends list it).
  const forced = new Set<number>();
  for (let k = 0; k < n; k++) {
    if (!touched[k]) continue;
    const list = needs(at.items[k]);
    if (!list?.length) continue;
    const ids = list.map(link => at.id(link));
    if (ids.some(o => o < 0 || o === k || kept(k, o))) continue;
    const mine = new Set(ids);
    const best = [...nearOf(k)].filter(e => mine.has(e.other))
      .sort((e, f) => e.rank - f.rank || f.similarity - e.similarity || comparePlaces(at, e.other, f.other))[0];
    if (best) { forced.add(k * n + best.other); forced.add(best.other * n + k); }
  }
  for (let k = 0; k < n; k++) {
    if (!touched[k]) continue;
    for (const list of lists(at.items[k])) {
      let w = 0;
      for (const link of list) {
        const o = at.id(link);
        if (o < 0 || o === k || kept(k, o) || forced.has(k * n + o)) list[w++] = link;
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
