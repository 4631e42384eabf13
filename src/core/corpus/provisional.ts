/**
 * The first phase of a two-phase edit (see `Corpus.deferSettle`): the results of
 * the documents set or removed, worked out from their direct links alone, with the
 * mirror entries on their neighbours, over the results shown before. The exact
 * settle (`Corpus.settle`) follows and replaces them.
 *
 * What is exact here: every span of a document set (its own analysis), its shared
 * passages and those of the documents it shares one with (the reuse index asked
 * directly), which claims and quotes it links to (the persistent indexes, brought up
 * to date), and the mirror rule for its links: a neighbour lists a link into an
 * edited document iff that document lists it back, and no document lists a span of
 * an edited or removed document that is not one of its spans now.
 *
 * What is provisional:
 * - the caps are decided locally, item by item, after the contract's order (a
 *   dispute first, then the highest similarity, a first link into each source before
 *   a second into one of them): an edited item keeps a link while it has fewer than
 *   `LINK_CAP` and the neighbour's list of that kind has fewer than `LINK_CAP`; a
 *   claim whose every disputing (else corroborating) link was refused keeps its
 *   nearest one, as the settled caps do;
 * - a claim's status is the one its lists give (the contract's rule), so a link
 *   refused by the cap counts only with the settle; links that follow quotes
 *   (quote claims) come with the settle;
 * - group ids: an edited document's claim takes the group an earlier edited claim
 *   linked to it gave it, else keeps the group id of its claim before the edit with
 *   the same kind and text while it still has a corroborating link; otherwise it
 *   takes the group id and size of its strongest linked claim that has one, else a
 *   new id. Its linked claims without a group join its group, so every
 *   claim that lists a corroborating link has a group. An edited quote takes the
 *   group an earlier edited quote gave it, else its old group if a variant still
 *   carries it, else a variant's, else its old one, else a new one; a variant in
 *   another group is dropped at both ends and one in none joins, so a quote and its
 *   variants always share a group. Other neighbours keep their group ids and sizes;
 * - variants' `identical` flag compares the quotes' words (lower case, letters and
 *   digits); the linker's own test comes with the settle.
 */
import { claimStatus } from '../claims/claims';
import { writeLink, type PairLink } from '../claims/links';
import type { Claim, DocumentResult, Duplicate, Quote, QuoteLink, Span } from '../types';
import { LINK_CAP } from './caps';

type ElsewhereLink = NonNullable<Quote['attributedElsewhere']>[number];

export interface ProvisionalInput {
  /** The results shown now (settled, or provisional from an earlier edit not yet settled). */
  base: ReadonlyMap<string, DocumentResult>;
  /** Whether a document is in the corpus now. */
  has(path: string): boolean;
  /** A document's place in the corpus's order (only the order of two places is read). */
  position(path: string): number;
  /** Documents set or removed since `base`. */
  dirty: ReadonlySet<string>;
  /**
   * Documents whose pairs of shared passages the reuse index set or dropped since
   * `base` (a pair's two documents both; the edited documents' neighbours, and pairs
   * of others re-checked when a feature crossed its cap).
   */
  passagesMoved: ReadonlySet<string>;
  /** A document set: its result with new claim and quote objects and no links (shared passages included). */
  fresh(path: string): DocumentResult;
  /** A document's shared passages and repeats now. */
  duplicates(path: string): Duplicate[];
  /** The claim index's links of a document (`ClaimIndex.pairLinksOf`). */
  claimLinks(path: string): { i: number; other: string; j: number; link: PairLink; lo: boolean }[];
  /** The quote linker's links of a document (`QuoteLinker.linksOf`). */
  quoteLinks(path: string): [number, string, number][];
  quoteSimilarity(a: string, b: string): number;
  /** A group id no group holds (`c…` for claims, `q…` for quotes). */
  newGroup(letter: 'c' | 'q'): string;
}

/** How much the first phase touched (for benches and tests). */
export interface ProvisionalStats {
  /** Documents given a new result: those set, and their neighbours old and new. */
  documents: number;
}

type Lists = Pick<Claim, 'corroboratedBy' | 'disputedBy' | 'partlyCorroboratedBy'>;

const claimLinkCount = (c: Lists) => c.corroboratedBy.length + c.disputedBy.length + (c.partlyCorroboratedBy?.length ?? 0);

/** Whether a pair link gives this end (`lo`: the earlier document's) a `corroboratedBy` entry. */
const corroborates = (l: PairLink, lo: boolean) => !l.reason && (l.direction === 'full' || (lo ? l.direction === 'aInB' : l.direction === 'bInA'));

const quoteWords = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The new results: `changed`, the documents given a new result (those set, and their
 * neighbours), every other document's the one in `base` (those removed, `dirty` and
 * not in the corpus, have none). What it costs follows the documents set and their
 * neighbours, not the corpus.
 */
export function provisionalResults(input: ProvisionalInput): { changed: Map<string, DocumentResult>; stats: ProvisionalStats } {
  const { base, dirty } = input;
  const present = { has: (p: string) => input.has(p) };
  const position = { get: (p: string): number | undefined => (input.has(p) ? input.position(p) : undefined) };
  const byOrder = (x: Span & { path: string }, y: Span & { path: string }) =>
    (position.get(x.path) ?? -1) - (position.get(y.path) ?? -1) || x.start - y.start || x.end - y.end;
  const byLink = (x: Span & { path: string }, y: Span & { path: string }) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start);

  /** Results given new objects here: the documents set (fresh), and copies of their neighbours. */
  const working = new Map<string, DocumentResult>();
  const setNow = [...dirty].filter(p => present.has(p));
  for (const p of setNow) working.set(p, input.fresh(p));
  /** Per neighbour, the claims and quotes copied (so written into freely). */
  const copiedClaims = new Map<string, Set<number>>(), copiedQuotes = new Map<string, Set<number>>();
  const doc = (p: string): DocumentResult | undefined => {
    let r = working.get(p);
    if (r) return r;
    const b = base.get(p);
    if (!b || !present.has(p)) return undefined;
    r = { ...b, claims: b.claims.slice(), quotes: b.quotes.slice() };
    working.set(p, r);
    return r;
  };
  /** An item to write into: an edited document's own, a neighbour's copied (with its lists) the first time it is asked for. */
  const writable = <T>(items: (r: DocumentResult) => T[], copied: Map<string, Set<number>>, copy: (x: T) => T) => (p: string, j: number): T | undefined => {
    const r = doc(p);
    const list = r && items(r);
    if (!list || j >= list.length) return undefined;
    if (dirty.has(p)) return list[j];
    let set = copied.get(p);
    if (!set) copied.set(p, (set = new Set()));
    if (!set.has(j)) {
      set.add(j);
      list[j] = copy(list[j]);
    }
    return list[j];
  };
  const claimOf = writable(r => r.claims, copiedClaims, c => {
    const copy: Claim = { ...c, corroboratedBy: c.corroboratedBy.slice(), disputedBy: c.disputedBy.slice() };
    if (c.partlyCorroboratedBy) copy.partlyCorroboratedBy = c.partlyCorroboratedBy.slice();
    return copy;
  });
  const quoteOf = writable(r => r.quotes, copiedQuotes, q => {
    const copy: Quote = { ...q, variants: q.variants.slice() };
    if (q.attributedElsewhere) copy.attributedElsewhere = q.attributedElsewhere.slice();
    return copy;
  });

  // 1. Every document listing a span of a document set or removed (its neighbours before) drops those links.
  const passageNeighbours = new Set<string>();
  // The neighbours' items that may list a link into a document set or removed, found from that document's own lists
  // before: a link is listed at both ends (the contract's mirror rule), so only the items at those spans are read,
  // not every list of every neighbour (at a document hundreds of others link to, that read was most of the step).
  const linked = new Map<string, { claims: Map<number, number[]>; quotes: Map<number, number[]> }>();
  const note = (kind: 'claims' | 'quotes', l: { path: string } & Span) => {
    let at = linked.get(l.path);
    if (!at) linked.set(l.path, (at = { claims: new Map(), quotes: new Map() }));
    const ends = at[kind].get(l.start);
    if (ends) ends.push(l.end); else at[kind].set(l.start, [l.end]);
  };
  for (const p of dirty) {
    const b = base.get(p);
    if (!b) continue;
    for (const c of b.claims) {
      for (const l of c.corroboratedBy) note('claims', l);
      for (const l of c.disputedBy) note('claims', l);
      for (const l of c.partlyCorroboratedBy ?? []) note('claims', l);
    }
    for (const q of b.quotes) {
      for (const l of q.variants) note('quotes', l);
      for (const l of q.attributedElsewhere ?? []) note('quotes', l);
    }
    for (const d of b.duplicates) if (d.other.path !== p) passageNeighbours.add(d.other.path);
  }
  const gone = (l: { path: string }) => dirty.has(l.path);
  const listed = (spans: Map<number, number[]>, x: Span) => spans.get(x.start)?.includes(x.end) === true;
  for (const [p, at] of linked) {
    if (dirty.has(p) || !present.has(p)) continue;
    const b = base.get(p);
    if (!b) continue;
    if (at.claims.size) b.claims.forEach((c, j) => {
      if (!listed(at.claims, c)) return;
      if (!c.corroboratedBy.some(gone) && !c.disputedBy.some(gone) && !c.partlyCorroboratedBy?.some(gone)) return;
      const x = claimOf(p, j)!;
      x.corroboratedBy = x.corroboratedBy.filter(l => !gone(l));
      x.disputedBy = x.disputedBy.filter(l => !gone(l));
      if (x.partlyCorroboratedBy) x.partlyCorroboratedBy = x.partlyCorroboratedBy.filter(l => !gone(l));
    });
    if (at.quotes.size) b.quotes.forEach((q, j) => {
      if (!listed(at.quotes, q)) return;
      if (!q.variants.some(gone) && !q.attributedElsewhere?.some(gone)) return;
      const x = quoteOf(p, j)!;
      x.variants = x.variants.filter(l => !gone(l));
      if (x.attributedElsewhere) x.attributedElsewhere = x.attributedElsewhere.filter(l => !gone(l));
    });
  }

  // 2. The claim links of each document set, capped locally, written at both ends.
  const done = new Set<string>();
  for (const a of setNow) {
    const ra = working.get(a)!;
    const byClaim = new Map<number, { other: string; j: number; link: PairLink; lo: boolean; b: Claim }[]>();
    for (const l of input.claimLinks(a)) {
      if (done.has(l.other) || !present.has(l.other)) continue; // written from the other end
      const b = claimOf(l.other, l.j);
      const c = ra.claims[l.i];
      if (!b || !c) continue;
      let list = byClaim.get(l.i);
      if (!list) byClaim.set(l.i, (list = []));
      list.push({ ...l, b });
    }
    const touched = new Set<Claim>();
    for (const [i, links] of byClaim) {
      const c = ra.claims[i];
      links.sort((x, y) => (x.link.reason ? 0 : 1) - (y.link.reason ? 0 : 1) || y.link.similarity - x.link.similarity
        || (position.get(x.other) ?? 0) - (position.get(y.other) ?? 0) || x.b.start - y.b.start);
      const write = (x: (typeof links)[number]) => {
        if (x.lo) writeLink(a, c, x.other, x.b, x.link); else writeLink(x.other, x.b, a, c, x.link);
        touched.add(x.b);
      };
      const taken = new Uint8Array(links.length);
      const into = new Map<string, number>();
      // Round r takes a link into a source that has fewer than r; a full list, or a round that took nothing, ends
      // it (the next round could take only what this one refused: a popular quote or claim has thousands).
      for (let r = 1, took = true; r <= LINK_CAP && took && claimLinkCount(c) < LINK_CAP; r++) {
        took = false;
        for (let k = 0; k < links.length; k++) {
          if (taken[k]) continue;
          if (claimLinkCount(c) >= LINK_CAP) break;
          const x = links[k];
          if ((into.get(x.other) ?? 0) >= r || claimLinkCount(x.b) >= LINK_CAP) continue;
          into.set(x.other, (into.get(x.other) ?? 0) + 1);
          taken[k] = 1;
          took = true;
          write(x);
        }
      }
      // A claim's lists say its status: when every disputing (else corroborating) link was refused, the nearest one is kept.
      const disputes = links.filter(x => x.link.reason), corroborating = links.filter(x => corroborates(x.link, x.lo));
      if (disputes.length && !c.disputedBy.length) write(disputes[0]);
      else if (!disputes.length && corroborating.length && !c.corroboratedBy.length) write(corroborating[0]);
    }
    for (const c of ra.claims) {
      c.corroboratedBy.sort(byOrder);
      c.disputedBy.sort(byOrder);
      c.partlyCorroboratedBy?.sort(byOrder);
    }
    for (const b of touched) {
      b.corroboratedBy.sort(byOrder);
      b.disputedBy.sort(byOrder);
      b.partlyCorroboratedBy?.sort(byOrder);
    }
    // Statuses: the links listed (the contract's rule; a link refused by the cap counts with the settle).
    for (const c of ra.claims) c.status = claimStatus(c);
    done.add(a);
  }
  // Neighbours' statuses, from their lists as they are now.
  for (const [p, js] of copiedClaims) for (const j of js) working.get(p)!.claims[j].status = claimStatus(working.get(p)!.claims[j]);

  // 3. Quote variants and attribution conflicts of each document set, capped locally, written at both ends.
  done.clear();
  for (const a of setNow) {
    const ra = working.get(a)!;
    const byQuote = new Map<number, { other: string; q: Quote; variant: boolean; similarity: number }[]>();
    for (const [i, other, j] of input.quoteLinks(a)) {
      if (done.has(other) || !present.has(other)) continue;
      const q = ra.quotes[i], o = quoteOf(other, j);
      if (!q || !o) continue;
      let list = byQuote.get(i);
      if (!list) byQuote.set(i, (list = []));
      const variant = q.speaker === o.speaker;
      list.push({ other, q: o, variant, similarity: variant ? input.quoteSimilarity(q.text, o.text) : 0 });
    }
    const touched = new Set<Quote>();
    for (const [i, links] of byQuote) {
      const q = ra.quotes[i];
      q.attributedElsewhere ??= [];
      links.sort((x, y) => y.similarity - x.similarity || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0) || x.q.start - y.q.start);
      for (const variant of [true, false]) {
        const mine = variant ? q.variants : q.attributedElsewhere;
        const into = new Map<string, number>();
        const taken = new Set<number>();
        // As for claims: a full list, or a round that took nothing, ends the rounds.
        for (let r = 1, took = true; r <= LINK_CAP && took && mine.length < LINK_CAP; r++) {
          took = false;
          links.forEach((x, k) => {
            if (x.variant !== variant || taken.has(k) || mine.length >= LINK_CAP) return;
            const theirs: unknown[] = variant ? x.q.variants : (x.q.attributedElsewhere ??= []);
            if ((into.get(x.other) ?? 0) >= r || theirs.length >= LINK_CAP) return;
            into.set(x.other, (into.get(x.other) ?? 0) + 1);
            taken.add(k);
            took = true;
            touched.add(x.q);
            if (variant) {
              const identical = quoteWords(q.text) === quoteWords(x.q.text);
              q.variants.push({ path: x.other, start: x.q.start, end: x.q.end, identical } satisfies QuoteLink);
              x.q.variants.push({ path: a, start: q.start, end: q.end, identical });
            } else {
              q.attributedElsewhere!.push({ path: x.other, start: x.q.start, end: x.q.end, speaker: x.q.speaker ?? '' } satisfies ElsewhereLink);
              x.q.attributedElsewhere!.push({ path: a, start: q.start, end: q.end, speaker: q.speaker ?? '' });
            }
          });
        }
      }
    }
    for (const q of [...ra.quotes, ...touched]) {
      q.variants.sort(byLink);
      q.attributedElsewhere?.sort(byLink);
    }
    done.add(a);
  }

  // 4. Group ids of the documents set (see the head comment). Every edited item starts without one, so an item
  // given a group below by a link from an earlier one keeps it.
  for (const a of setNow) {
    for (const c of working.get(a)!.claims) { c.claimGroup = null; c.claimGroupSize = 1; }
    for (const q of working.get(a)!.quotes) { q.quoteGroup = null; q.quoteGroupSize = 1; }
  }
  const claimAt = (l: Span & { path: string }) => working.get(l.path)?.claims.find(o => o.start === l.start && o.end === l.end);
  const quoteAt = (l: Span & { path: string }) => working.get(l.path)?.quotes.find(o => o.start === l.start && o.end === l.end);
  for (const a of setNow) {
    const ra = working.get(a)!, was = base.get(a);
    const oldClaims = new TwoKeys<Claim['kind'], Claim>();
    for (const c of was?.claims ?? []) oldClaims.push(c.kind, c.text, c);
    for (const c of ra.claims) {
      const before = oldClaims.shift(c.kind, c.text);
      const links = [...c.corroboratedBy, ...(c.partlyCorroboratedBy ?? [])];
      if (!links.length) continue;
      const ends = links.map(l => ({ l, other: claimAt(l) })).filter((x): x is { l: typeof links[number]; other: Claim } => !!x.other);
      let group: string, size: number;
      if (c.claimGroup) {
        // Given by an earlier edited claim it is linked to.
        group = c.claimGroup;
        size = c.claimGroupSize ?? 2;
      } else if (before?.claimGroup) {
        group = before.claimGroup;
        size = before.claimGroupSize ?? 2;
      } else {
        const grouped = ends.filter(x => x.other.claimGroup);
        const strongest = grouped.length ? grouped.reduce((x, y) => (y.l.similarity > x.l.similarity || (y.l.similarity === x.l.similarity && byOrder(y.l, x.l) < 0) ? y : x)) : undefined;
        group = strongest?.other.claimGroup ?? input.newGroup('c');
        size = strongest?.other.claimGroupSize ?? 1;
      }
      // A claim that corroborates or is corroborated is in a group: the ends without one join this claim's.
      for (const x of ends) {
        if (x.other.claimGroup) continue;
        x.other.claimGroup = group;
        size++;
      }
      c.claimGroup = group;
      c.claimGroupSize = Math.max(2, size);
      for (const x of ends) if (x.other.claimGroup === c.claimGroup) x.other.claimGroupSize = Math.max(x.other.claimGroupSize ?? 1, c.claimGroupSize);
    }
    const oldQuotes = new TwoKeys<string | null, Quote>();
    for (const q of was?.quotes ?? []) oldQuotes.push(q.speaker, q.text, q);
    for (const q of ra.quotes) {
      const before = oldQuotes.shift(q.speaker, q.text);
      if (!q.variants.length) continue;
      const ends = q.variants.map(v => ({ v, other: quoteAt(v) })).filter((x): x is { v: QuoteLink; other: Quote } => !!x.other);
      // The group: one given by an earlier edited quote, else the one it had if a variant still carries it,
      // else a variant's, else the one it had, else a new one.
      const held = ends.map(x => x.other.quoteGroup).filter((g): g is string => !!g);
      const group = q.quoteGroup ?? (before?.quoteGroup && held.includes(before.quoteGroup) ? before.quoteGroup : held[0] ?? before?.quoteGroup ?? input.newGroup('q'));
      let size = Math.max(q.quoteGroupSize ?? 1, ...ends.filter(x => x.other.quoteGroup === group).map(x => x.other.quoteGroupSize ?? 1),
        before?.quoteGroup === group ? before.quoteGroupSize ?? 1 : 1);
      // A quote's variants are in its group: a variant in another group is dropped at both ends, one in none joins.
      for (const x of ends) {
        if (x.other.quoteGroup && x.other.quoteGroup !== group) {
          q.variants = q.variants.filter(v => v !== x.v);
          x.other.variants = x.other.variants.filter(v => !(v.path === a && v.start === q.start && v.end === q.end));
        } else if (!x.other.quoteGroup) {
          x.other.quoteGroup = group;
          size++;
        }
      }
      if (!q.variants.length) continue;
      q.quoteGroup = group;
      q.quoteGroupSize = Math.max(2, size);
      for (const x of ends) if (x.other.quoteGroup === group) x.other.quoteGroupSize = Math.max(x.other.quoteGroupSize ?? 1, q.quoteGroupSize);
    }
  }

  // 5. Shared passages of the documents they are shared with, before and now, and of those whose pairs moved.
  for (const a of setNow) for (const d of working.get(a)!.duplicates) if (d.other.path !== a) passageNeighbours.add(d.other.path);
  for (const p of input.passagesMoved) passageNeighbours.add(p);
  for (const p of passageNeighbours) {
    if (dirty.has(p) || !present.has(p)) continue;
    doc(p)!.duplicates = input.duplicates(p);
  }

  return { changed: working, stats: { documents: working.size } };
}

/**
 * Items by a first key and their text, each list in the order pushed, taken from the
 * front: the k-th item of an edited document with a kind (or speaker) and text meets
 * the k-th such item it had. Two levels of map, so that no key is made of a text (a
 * large document's thousands of claims made a long string each, on every edit).
 */
class TwoKeys<K, T> {
  private readonly byFirst = new Map<K, Map<string, T[]>>();
  push(first: K, text: string, item: T): void {
    let m = this.byFirst.get(first);
    if (!m) this.byFirst.set(first, (m = new Map()));
    const l = m.get(text);
    if (l) l.push(item); else m.set(text, [item]);
  }
  shift(first: K, text: string): T | undefined {
    return this.byFirst.get(first)?.get(text)?.shift();
  }
}

/** A result's links into other documents: claims', quotes' and shared passages' (for checks). */
export function linksOut(r: DocumentResult): { kind: string; from: Span; to: Span & { path: string } }[] {
  const out: { kind: string; from: Span; to: Span & { path: string } }[] = [];
  for (const c of r.claims) {
    for (const l of c.corroboratedBy) out.push({ kind: 'claim', from: c, to: l });
    for (const l of c.disputedBy) out.push({ kind: 'claim', from: c, to: l });
    for (const l of c.partlyCorroboratedBy ?? []) out.push({ kind: 'claim', from: c, to: l });
  }
  for (const q of r.quotes) {
    for (const l of q.variants) out.push({ kind: 'variant', from: q, to: l });
    for (const l of q.attributedElsewhere ?? []) out.push({ kind: 'elsewhere', from: q, to: l });
  }
  for (const d of r.duplicates) if (d.kind === 'shared') out.push({ kind: 'shared', from: d, to: d.other });
  return out;
}

