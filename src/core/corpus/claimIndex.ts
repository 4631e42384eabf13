/**
 * Claim links kept up to date with a persistent inverted index: the links
 * `ClaimLinker` (claims/links.ts) gives for the same documents in the same order,
 * without re-reading every claim of the corpus on each call.
 *
 * `ClaimLinker.link` rebuilds the index of every claim's keys on each call (its cost
 * follows the corpus, whatever changed), then looks up the changed documents. Here
 * the index lives on: a changed document's claims are unfiled and filed again, and
 * the counts of the keys they hold move by that much. A link of two claims depends on
 * the two claims, on which of their keys are common, frequent or too common to
 * propose (all three counted over the whole index, bounds by `keyBounds`) and on the
 * order of their documents (and each document's topic keys, its own); so after an
 * edit only these are looked up again: the claims of the changed documents, and the
 * claims holding a key whose standing crossed a bound (every claim when the bounds
 * themselves moved). The pairs of other documents keep
 * their links. Writing the links into the claims (and `finishLinks`: order, status,
 * groups) is left to the caller's documents as `ClaimLinker.link` does it; `update`
 * and `write` apart let an edited corpus write only the claims an edit reaches
 * (`update` says which documents' links changed, `linksOf` what each claim links to).
 */
import { CLAIM_KEY_CAP, claimKeys, finishLinks, isCandidate, keyBounds, keyWeight, pairLink, resetLinks, topicMin, topicWeight, writeLink, type LinkDoc, type PairLink } from '../claims/links';
import { matchClaims, type MatchSide } from '../claims/match';
import { claimNorm } from '../claims/normalize';
import type { AnalysisContext } from '../text/memo';

interface Item extends MatchSide {
  path: string;
  index: number;
  /** In ascending order (the pair test counts the shared ones that are not frequent by merging two items' keys). */
  keys: Int32Array;
}

interface Doc {
  key: unknown;
  ids: number[];
  /** Keys in at least `topicMin` of the document's claims. */
  topics: Set<number>;
}

/** What decides a key's part in a match: frequent (weighs nothing), common (half), proposing candidates or not. */
function standing(count: number, bounds: { common: number; frequent: number }): number {
  const frequent = count > bounds.frequent;
  return (frequent ? 1 : count > bounds.common ? 2 : 0) + (!frequent && count > CLAIM_KEY_CAP ? 4 : 0);
}

export class ClaimIndex {
  constructor(private readonly ctx: AnalysisContext) {}
  private readonly ids = new Map<string, number>();
  private readonly keyOf: string[] = [];
  /** Per key, the items holding it. */
  private readonly holders: Set<number>[] = [];
  private items: (Item | undefined)[] = [];
  private free: number[] = [];
  private readonly docs = new Map<string, Doc>();
  private itemCount = 0;
  private bounds = { common: -1, frequent: -1 };
  /** The documents' order at the last call. */
  private order: string[] = [];
  /** Links by pair of documents, earlier first: `earlier -> later -> links`, and each later's earlier ones. */
  private readonly pairs = new Map<string, Map<string, PairLink[]>>();
  private readonly before = new Map<string, Set<string>>();
  /** How many documents were looked up at the last call (for tests and benches). */
  lookedUp = 0;

  private idOf(k: string): number {
    let id = this.ids.get(k);
    if (id === undefined) {
      this.ids.set(k, (id = this.keyOf.length));
      this.keyOf.push(k);
      this.holders.push(new Set());
    }
    return id;
  }

  private count(k: number): number {
    return this.holders[k].size;
  }

  /** Files a document's claims; the keys they hold are noted in `touched`. */
  private addDoc(d: LinkDoc, touched: Set<number>): void {
    const ids: number[] = [];
    const perDoc = new Map<number, number>();
    d.claims.forEach((claim, index) => {
      const norm = claimNorm(this.ctx, claim);
      const { units, synonyms, keys: found, synonymIds } = claimKeys(norm, k => this.idOf(k));
      const keys = Int32Array.from(found).sort();
      const id = this.free.pop() ?? this.items.length;
      // A copy without the link lists: the caller's claim gets links written into it, which the index need not keep alive.
      const own = { ...claim, corroboratedBy: [], disputedBy: [] };
      delete own.partlyCorroboratedBy;
      this.items[id] = { path: d.path, index, claim: own, norm, units, synonyms, keys, exactIds: new Set(units), synonymIds };
      for (const k of keys) {
        this.holders[k].add(id);
        touched.add(k);
        perDoc.set(k, (perDoc.get(k) ?? 0) + 1);
      }
      ids.push(id);
    });
    const min = topicMin(d.claims.length);
    const topics = new Set<number>();
    for (const [k, n] of perDoc) if (n >= min) topics.add(k);
    this.itemCount += ids.length;
    this.docs.set(d.path, { key: d.key, ids, topics });
  }

  private dropDoc(path: string, touched: Set<number>): void {
    const doc = this.docs.get(path);
    if (!doc) return;
    for (const id of doc.ids) {
      for (const k of this.items[id]!.keys) {
        this.holders[k].delete(id);
        touched.add(k);
      }
      this.items[id] = undefined;
      this.free.push(id);
    }
    this.itemCount -= doc.ids.length;
    this.docs.delete(path);
    this.dropPairs(path);
  }

  private dropPairs(path: string): void {
    this.changedPaths.add(path);
    for (const [later, list] of this.pairs.get(path) ?? []) if (list.length) this.changedPaths.add(later);
    for (const earlier of this.before.get(path) ?? []) if (this.pairs.get(earlier)?.get(path)?.length) this.changedPaths.add(earlier);
    for (const later of this.pairs.get(path)?.keys() ?? []) this.before.get(later)?.delete(path);
    this.pairs.delete(path);
    for (const earlier of this.before.get(path) ?? []) this.pairs.get(earlier)?.delete(path);
    this.before.delete(path);
  }

  /** Fills every claim's link lists, status and (unless `group` is false) group, as `ClaimLinker.link` does for the same documents. */
  link(docs: readonly LinkDoc[], group = true): void {
    this.update(docs);
    this.write(docs, undefined, group);
  }

  /** A deferred update found the bounds moved (or documents reordered): the next update looks every claim up. */
  private owedAll = false;
  /** Claims a deferred update left to look up again, by document and index. */
  private readonly owedClaims = new Map<string, Set<number>>();

  /** Documents whose pairs of links were set or dropped during the running `update`. */
  private changedPaths = new Set<string>();

  /**
   * Brings the index and the links up to date with `docs` (every document of the
   * corpus, in the corpus's order) without writing them into the claims; the paths
   * of the documents whose links may have changed (the changed documents, and the
   * documents of every pair of links set or dropped).
   *
   * `defer` (the first phase of a two-phase edit): only the changed documents' claims
   * are looked up now; the claims of other documents that must be looked up again (a
   * key's standing crossed a bound, or the bounds moved: every claim) wait for the
   * next update without it, which then gives exactly the links an update of every
   * step at once gives. Until then those claims keep the links they had.
   */
  update(docs: readonly LinkDoc[], defer = false): Set<string> {
    this.changedPaths = new Set();
    const position = new Map<string, number>();
    docs.forEach((d, k) => position.set(d.path, k));
    // Old standing of every key whose count moves.
    const touched = new Set<number>();
    const oldStanding = new Map<number, number>();
    const note = (keys: Iterable<number>) => { for (const k of keys) if (!oldStanding.has(k)) oldStanding.set(k, standing(this.count(k), this.bounds)); };
    const changed = new Set<string>();
    for (const path of [...this.docs.keys()]) {
      if (position.has(path)) continue;
      for (const id of this.docs.get(path)!.ids) note(this.items[id]!.keys);
      this.dropDoc(path, touched);
    }
    // The documents kept must keep their order (a document re-added comes last, and is changed anyway).
    let last = -1, reordered = false;
    for (const p of this.order) {
      const at = position.get(p);
      if (at === undefined || this.docs.get(p)?.key !== docs[at].key) continue;
      if (at < last) reordered = true;
      last = at;
    }
    for (const d of docs) {
      const known = this.docs.get(d.path);
      if (known && known.key === d.key) continue;
      if (known) {
        for (const id of known.ids) note(this.items[id]!.keys);
        this.dropDoc(d.path, touched);
      }
      this.addDoc(d, touched);
      changed.add(d.path);
    }
    this.order = docs.map(d => d.path);
    const bounds = keyBounds(this.itemCount, docs.length);
    const moved = reordered || bounds.common !== this.bounds.common || bounds.frequent !== this.bounds.frequent;
    if (moved && defer) this.owedAll = true;
    const all = !defer && (moved || this.owedAll);
    if (all) this.owedAll = false;
    this.bounds = bounds;
    // The claims to look up: every claim of a changed document, and each claim holding a key whose standing crossed a bound.
    const again = new Set<number>();
    if (all) {
      this.pairs.clear();
      this.before.clear();
      for (const d of docs) changed.add(d.path);
    } else {
      for (const p of changed) this.dropPairs(p);
      const crossed = new Set<number>();
      for (const k of touched) {
        const was = oldStanding.get(k) ?? standing(0, bounds);
        if (was !== standing(this.count(k), bounds)) for (const id of this.holders[k]) if (!changed.has(this.items[id]!.path)) crossed.add(id);
      }
      if (defer) {
        for (const p of changed) this.owedClaims.delete(p);
        for (const id of crossed) {
          const it = this.items[id]!;
          let set = this.owedClaims.get(it.path);
          if (!set) this.owedClaims.set(it.path, (set = new Set()));
          set.add(it.index);
        }
        crossed.clear();
      } else {
        // The claims a deferred update left to look up (of documents unchanged since, and still there).
        for (const [path, indexes] of this.owedClaims) {
          const doc = this.docs.get(path);
          if (!doc || changed.has(path)) continue;
          for (const i of indexes) if (i < doc.ids.length) crossed.add(doc.ids[i]);
        }
        this.owedClaims.clear();
      }
      this.dropClaimLinks(crossed);
      for (const id of crossed) again.add(id);
    }
    if (all) this.owedClaims.clear();
    for (const p of changed) for (const id of this.docs.get(p)!.ids) again.add(id);
    const docsLookedUp = new Set<string>();
    for (const id of again) docsLookedUp.add(this.items[id]!.path);
    this.lookedUp = docsLookedUp.size;
    this.lookUp(again, position);
    for (const p of changed) this.changedPaths.add(p);
    return this.changedPaths;
  }

  /**
   * Writes the links of the claims of `docs` (in the corpus's order, and with every
   * document linked to one of them among them), their status and groups
   * (`finishLinks`; groups unless `group` is false), as `ClaimLinker.link` does.
   */
  write(docs: readonly LinkDoc[], only?: (path: string, index: number) => boolean, group = true): void {
    const position = new Map<string, number>();
    docs.forEach((d, k) => position.set(d.path, k));
    const take = (path: string, index: number) => !only || only(path, index);
    for (const d of docs) d.claims.forEach((c, i) => { if (take(d.path, i)) resetLinks(c); });
    for (const dx of docs) {
      for (const [y, list] of this.pairs.get(dx.path) ?? []) {
        const at = position.get(y);
        for (const pl of list) {
          const lo = take(dx.path, pl.lo), hi = at !== undefined && take(y, pl.hi);
          if (lo !== hi) throw new Error(`a claim link of ${dx.path} and ${y} has one end among the claims written`);
          if (lo) writeLink({ path: dx.path, claim: dx.claims[pl.lo] }, { path: y, claim: docs[at!].claims[pl.hi] }, pl);
        }
      }
    }
    finishLinks(only ? docs.map(d => ({ path: d.path, claims: d.claims.filter((_, i) => take(d.path, i)) })) : docs, group);
  }

  /** The links of the document's claims: the claim's index, the other document and its claim's index. */
  linksOf(path: string): [number, string, number][] {
    const out: [number, string, number][] = [];
    for (const [later, list] of this.pairs.get(path) ?? []) for (const pl of list) out.push([pl.lo, later, pl.hi]);
    for (const earlier of this.before.get(path) ?? []) for (const pl of this.pairs.get(earlier)?.get(path) ?? []) out.push([pl.hi, earlier, pl.lo]);
    return out;
  }


  /**
   * The same links with what decides them: the claim's index, the other document,
   * its claim's index, the pair link, and whether this document is the pair's
   * earlier end (`lo`). A two-phase edit writes the edited document's side from these.
   */
  pairLinksOf(path: string): { i: number; other: string; j: number; link: PairLink; lo: boolean }[] {
    const out: { i: number; other: string; j: number; link: PairLink; lo: boolean }[] = [];
    for (const [later, list] of this.pairs.get(path) ?? []) for (const pl of list) out.push({ i: pl.lo, other: later, j: pl.hi, link: pl, lo: true });
    for (const earlier of this.before.get(path) ?? []) for (const pl of this.pairs.get(earlier)?.get(path) ?? []) out.push({ i: pl.hi, other: earlier, j: pl.lo, link: pl, lo: false });
    return out;
  }

  /** Drops the links of the given claims (of documents otherwise unchanged) from the pairs they are in. */
  private dropClaimLinks(ids: ReadonlySet<number>): void {
    const byPath = new Map<string, Set<number>>();
    for (const id of ids) {
      const it = this.items[id]!;
      let set = byPath.get(it.path);
      if (!set) byPath.set(it.path, (set = new Set()));
      set.add(it.index);
    }
    for (const [path, indexes] of byPath) {
      this.changedPaths.add(path);
      for (const [later, list] of this.pairs.get(path) ?? []) {
        const kept = list.filter(pl => !indexes.has(pl.lo));
        if (kept.length !== list.length) this.changedPaths.add(later);
        this.pairs.get(path)!.set(later, kept);
      }
      for (const earlier of this.before.get(path) ?? []) {
        const laters = this.pairs.get(earlier)!;
        const list = laters.get(path)!, kept = list.filter(pl => !indexes.has(pl.hi));
        if (kept.length !== list.length) this.changedPaths.add(earlier);
        laters.set(path, kept);
      }
    }
  }

  /** Looks the given claims up; a pair of two of them is looked up once, from the earlier one in the corpus's order. */
  private lookUp(again: ReadonlySet<number>, position: ReadonlyMap<string, number>): void {
    const { bounds } = this;
    const frequent = (k: number) => this.count(k) > bounds.frequent;
    const base = (k: number) => keyWeight(this.count(k), bounds);
    const isName = (k: number) => this.keyOf[k][0] === '@';
    const before = (x: Item, y: Item) => position.get(x.path)! - position.get(y.path)! || x.index - y.index;
    const count = new Map<number, number>();
    for (const id of again) {
      const a = this.items[id]!;
      const path = a.path;
      const pos = position.get(path)!;
      {
        count.clear();
        for (const k of a.keys) {
          const holders = this.holders[k];
          if (holders.size > bounds.frequent || holders.size > CLAIM_KEY_CAP) continue;
          for (const other of holders) {
            const b = this.items[other]!;
            if (b.path === path) continue;
            if (again.has(other) && before(b, a) < 0) continue;
            count.set(other, (count.get(other) ?? 0) + 1);
          }
        }
        // In the order of the corpus's claims, as the reference looks them up.
        const others = [...count.keys()].sort((x, y) => before(this.items[x]!, this.items[y]!));
        for (const other of others) {
          const b = this.items[other]!;
          const n = sharedCount(a.keys, b.keys, frequent);
          if (!isCandidate(n, a, b)) continue;
          const bpos = position.get(b.path)!;
          const [lo, hi] = bpos < pos ? [b, a] : [a, b];
          const tlo = this.docs.get(lo.path)!.topics, thi = this.docs.get(hi.path)!.topics;
          const m = matchClaims(lo, hi, topicWeight(tlo, thi, base), isName);
          if (!m) continue;
          let laters = this.pairs.get(lo.path);
          if (!laters) this.pairs.set(lo.path, (laters = new Map()));
          let list = laters.get(hi.path);
          if (!list) {
            laters.set(hi.path, (list = []));
            let earlier = this.before.get(hi.path);
            if (!earlier) this.before.set(hi.path, (earlier = new Set()));
            earlier.add(lo.path);
          }
          list.push(pairLink(lo, hi, m));
          this.changedPaths.add(lo.path);
          this.changedPaths.add(hi.path);
        }
      }
    }
  }
}

/**
 * How many elements two sorted arrays share, leaving out those `skip` accepts (the
 * same count as over the two arrays with those removed: a key is skipped at both sides alike).
 */
function sharedCount(a: Int32Array, b: Int32Array, skip: (k: number) => boolean): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] < b[j]) i++; else if (a[i] > b[j]) j++; else { if (!skip(a[i])) n++; i++; j++; }
  }
  return n;
}
