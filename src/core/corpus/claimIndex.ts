/**
 * Claim links kept up to date with a persistent inverted index: the links
 * `ClaimLinker` (claims/links.ts) gives for the same documents in the same order,
 * without re-reading every claim of the corpus on each call.
 *
 * `ClaimLinker.link` rebuilds the index of every claim's keys on each call (its cost
 * follows the corpus, whatever changed), then looks up the changed documents. Here
 * the index lives on: a changed document is revised claim by claim (`reviseDoc`): a
 * claim with the same matching inputs as before keeps its item, postings and links
 * (moved to its new index), the claims gone are unfiled and the new ones filed, and
 * the counts of the keys they hold move by that much. A link of two claims depends on
 * the two claims, on which of their keys are common, frequent or too common to
 * propose (all three counted over the whole index, bounds by `keyBounds`) and on the
 * order of their documents (and each document's topic keys, its own); so after an
 * edit only these are looked up again: the new claims of the changed documents (every
 * claim of one whose topic keys changed in a key that weighs something, or of a new
 * one), and the claims holding a key whose standing crossed a bound (every claim when
 * the bounds, or the order of the documents left alone, moved). The other pairs keep
 * their links. Writing the links into the claims (and `finishLinks`: order, status,
 * groups) is left to the caller's documents as `ClaimLinker.link` does it; `update`
 * and `write` apart let an edited corpus write only the claims an edit reaches
 * (`update` says which documents' links changed, `eachLink` what each claim links to).
 */
import { type AlignedPassage, alignedClaims, alignedWeight, CLAIM_KEY_CAP, IdSet, ownPassages, samePassage, samePassages, claimKeys, finishingLinks, isCandidate, keyBounds, keyWeight, pairLink, resetLinks, topicMin, topicWeight, writeLink, standingLinks, type LinkDoc, type PairLink } from '../claims/links';
import { matchClaims, type MatchSide, verbatimWorthy } from '../claims/match';
import { claimNorm } from '../claims/normalize';
import { type Filed, fileIn, filedCount, filedIds, unfileFrom, withId, withoutId } from './filed';
import type { AnalysisContext } from '../text/memo';
import { drain, PAUSE, type Slice, WHOLE } from '../text/slice';
import type { Claim } from '../types';

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
  /**
   * Per key, how many of the document's claims hold it: counted when the document
   * is first revised claim by claim (`reviseDoc`) and kept up to date from then on
   * (only edited documents pay its memory).
   */
  counts?: Map<number, number>;
  /** The passages it shares with others, as last given (`LinkDoc.passages`): its claims' aligned candidates. */
  passages: readonly AlignedPassage[];
}

/**
 * Whether two claims give the index the same item: the same inputs to everything a
 * link reads (`claimNorm`: text, entities, speaker, numbers; `matchClaims`: kind,
 * speaker, text, numbers). Offsets, verdicts, statuses and links are not read.
 */
function sameInputs(a: Claim, b: Claim): boolean {
  if (a.text !== b.text || a.kind !== b.kind || a.speaker !== b.speaker) return false;
  const ea = a.entities, eb = b.entities;
  if (ea.length !== eb.length) return false;
  for (let k = 0; k < ea.length; k++) if (ea[k] !== eb[k]) return false;
  const na = a.numbers, nb = b.numbers;
  if (na.length !== nb.length) return false;
  for (let k = 0; k < na.length; k++) {
    const x = na[k], y = nb[k];
    if (!Object.is(x.value, y.value) || x.unit !== y.unit || x.qualifier !== y.qualifier) return false;
  }
  return true;
}

/** Skips no key (`sharedCount`). */
const NONE = () => false;

/** Whether a passage of `a` that `b` has not leads to a document not in `whole`. */
function passagesToOthers(a: readonly AlignedPassage[], b: readonly AlignedPassage[], whole: ReadonlySet<string>): boolean {
  for (const p of a) {
    if (whole.has(p.other.path)) continue;
    if (!b.some(q => samePassage(p, q))) return true;
  }
  return false;
}

/** How many claims must hold a key for it to be a topic key of a document of `claims` claims (an integer). */
const topicCount = (claims: number) => Math.ceil(topicMin(claims));

/** What decides a key's part in a match: frequent (weighs nothing), common (half), proposing candidates or not. */
function standing(count: number, bounds: { common: number; frequent: number }): number {
  const frequent = count > bounds.frequent;
  return (frequent ? 1 : count > bounds.common ? 2 : 0) + (!frequent && count > CLAIM_KEY_CAP ? 4 : 0);
}

export class ClaimIndex {
  constructor(private readonly ctx: AnalysisContext) {}
  private readonly ids = new Map<string, number>();
  private readonly keyOf: string[] = [];
  /** Per key, the items holding it (`Filed`; undefined: none now). */
  private readonly holders: (Filed | undefined)[] = [];
  /** Each unit's synonyms' ids, one array for every item holding the unit (`claimKeys`' `shared`). */
  private readonly synonymArrays = new Map<number, Int32Array>();
  /** The items of each text long enough to be matched word for word (`verbatimWorthy`): candidates whatever their keys. */
  private readonly byText = new Map<string, Filed>();
  private items: (Item | undefined)[] = [];
  private free: number[] = [];
  private readonly docs = new Map<string, Doc>();
  private itemCount = 0;
  private bounds = { common: -1, frequent: -1 };
  /** The documents' order at the last call: each one's place (only the order of the numbers is read), in that order. */
  private order = new Map<string, number>();
  /** A place past every document's in `order`. */
  private nextPlace = 0;
  /** Links by pair of documents, earlier first: `earlier -> later -> links`, and each later's earlier ones. */
  private readonly pairs = new Map<string, Map<string, PairLink[]>>();
  private readonly before = new Map<string, Set<string>>();
  /** How many documents were looked up at the last call, those changed included (for tests and benches). */
  lookedUp = 0;
  /** How many claims were looked up at the last call (for tests and benches). */
  claimsLookedUp = 0;

  private idOf(k: string): number {
    let id = this.ids.get(k);
    if (id === undefined) {
      this.ids.set(k, (id = this.keyOf.length));
      this.keyOf.push(k);
      this.holders.push(undefined);
    }
    return id;
  }

  private count(k: number): number {
    return filedCount(this.holders[k]);
  }

  /** Files one claim as an item (a free id or a new one); the keys it holds are noted (`note`, before their counts move) and put in `touched`. */
  private fileClaim(path: string, index: number, claim: Claim, touched: Set<number>, note?: (keys: Iterable<number>) => void): number {
    const norm = claimNorm(this.ctx, claim);
    const { units, synonyms, keys: found, synonymIds } = claimKeys(norm, k => this.idOf(k), this.synonymArrays);
    // Sorted: the pair test merges two claims' keys.
    const keys = Int32Array.from(found).sort();
    const id = this.free.pop() ?? this.items.length;
    // A copy without the link lists: the caller's claim gets links written into it, which the index need not keep alive.
    // (Left out by the spread, not deleted after it: a deletion turns the object into a dictionary, whose offsets
    // `reviseDoc` writes on every edit, and whose fields the pair test reads.)
    const { partlyCorroboratedBy: _, ...rest } = claim;
    const own = { ...rest, corroboratedBy: [], disputedBy: [] };
    this.items[id] = { path, index, claim: own, norm, units, synonyms, keys, exactIds: new IdSet(units), synonymIds };
    note?.(keys);
    for (const k of keys) {
      this.holders[k] = withId(this.holders[k], id);
      touched.add(k);
    }
    if (verbatimWorthy(claim.text)) {
      fileIn(this.byText, claim.text, id);
    }
    return id;
  }

  /** Unfiles one item; the keys it held are noted (`note`, before their counts move) and put in `touched`. */
  private unfile(id: number, touched: Set<number>, note?: (keys: Iterable<number>) => void): void {
    const { keys, claim } = this.items[id]!;
    note?.(keys);
    for (const k of keys) {
      this.holders[k] = withoutId(this.holders[k], id);
      touched.add(k);
    }
    unfileFrom(this.byText, claim.text, id);
    this.items[id] = undefined;
    this.free.push(id);
  }

  /** Files a document's claims; the keys they hold are noted (`note`, before their counts move) and put in `touched`. */
  private addDoc(d: LinkDoc, touched: Set<number>, note?: (keys: Iterable<number>) => void): void {
    const ids: number[] = [];
    const perDoc = new Map<number, number>();
    d.claims.forEach((claim, index) => {
      const id = this.fileClaim(d.path, index, claim, touched, note);
      for (const k of this.items[id]!.keys) perDoc.set(k, (perDoc.get(k) ?? 0) + 1);
      ids.push(id);
    });
    const min = topicMin(d.claims.length);
    const topics = new Set<number>();
    for (const [k, n] of perDoc) if (n >= min) topics.add(k);
    this.itemCount += ids.length;
    this.docs.set(d.path, { key: d.key, ids, topics, passages: ownPassages(d.passages ?? []) });
  }

  /**
   * Brings a known document's items up to its new claims one claim at a time: a claim
   * with the same inputs as one of the old (`sameInputs`; matched in order, from both
   * ends, then by text) keeps its item, postings and links, with its index and offsets
   * moved; the old claims left over are unfiled and their links dropped, the new ones
   * filed (`added`, to be looked up). The pair lists of the document are remapped to
   * the new indexes. `flipped`: the keys that became or ceased to be topic keys of
   * the document (when one of them weighs something, every pair of its claims may
   * weigh otherwise, and the caller looks the whole document up again).
   */
  private reviseDoc(d: LinkDoc, doc: Doc, touched: Set<number>, note: (keys: Iterable<number>) => void): { added: number[]; flipped: number[] } {
    const items = this.items;
    const old = doc.ids, claims = d.claims;
    const m = old.length, n = claims.length;
    const newOf = new Int32Array(m).fill(-1), oldOf = new Int32Array(n).fill(-1);
    const same = (o: number, k: number) => sameInputs(items[old[o]]!.claim, claims[k]);
    let head = 0;
    while (head < m && head < n && same(head, head)) { newOf[head] = head; oldOf[head] = head; head++; }
    let tail = 0;
    while (tail < m - head && tail < n - head && same(m - 1 - tail, n - 1 - tail)) { newOf[m - 1 - tail] = n - 1 - tail; oldOf[n - 1 - tail] = m - 1 - tail; tail++; }
    if (head < m - tail && head < n - tail) {
      // The middle: claims moved or left alone between changed ones, matched by text (the first unmatched old claim of that text with the same inputs).
      const byText = new Map<string, number[]>();
      for (let o = head; o < m - tail; o++) {
        const t = items[old[o]]!.claim.text;
        const list = byText.get(t);
        if (list) list.push(o); else byText.set(t, [o]);
      }
      for (let k = head; k < n - tail; k++) {
        const list = byText.get(claims[k].text);
        if (!list) continue;
        for (let r = 0; r < list.length; r++) {
          const o = list[r];
          if (newOf[o] >= 0 || !same(o, k)) continue;
          newOf[o] = k; oldOf[k] = o;
          break;
        }
      }
    }
    // The document's key counts before the change (counted on its first revision).
    let counts = doc.counts;
    if (!counts) {
      counts = new Map();
      for (const id of old) for (const k of items[id]!.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
      doc.counts = counts;
    }
    const moved = new Set<number>();
    for (let o = 0; o < m; o++) {
      if (newOf[o] >= 0) continue;
      for (const k of items[old[o]]!.keys) { const c = counts.get(k)! - 1; if (c) counts.set(k, c); else counts.delete(k); moved.add(k); }
      this.unfile(old[o], touched, note);
    }
    const ids: number[] = new Array(n), added: number[] = [];
    for (let k = 0; k < n; k++) {
      const o = oldOf[k];
      if (o >= 0) {
        const it = items[old[o]]!;
        it.index = k;
        it.claim.start = claims[k].start;
        it.claim.end = claims[k].end;
        ids[k] = old[o];
        continue;
      }
      const id = this.fileClaim(d.path, k, claims[k], touched, note);
      for (const key of items[id]!.keys) { counts.set(key, (counts.get(key) ?? 0) + 1); moved.add(key); }
      ids[k] = id;
      added.push(id);
    }
    this.itemCount += n - m;
    // Topic keys: those whose count moved, or every key when the bound did.
    const min = topicCount(n), topics = doc.topics, flipped: number[] = [];
    const check = (k: number) => { if (((counts.get(k) ?? 0) >= min) !== topics.has(k)) flipped.push(k); };
    if (min === topicCount(m)) for (const k of moved) check(k);
    else { for (const k of counts.keys()) check(k); for (const k of topics) if (!counts.has(k)) flipped.push(k); }
    for (const k of flipped) if (topics.has(k)) topics.delete(k); else topics.add(k);
    doc.ids = ids;
    doc.key = d.key;
    if (d.passages) doc.passages = ownPassages(d.passages);
    // The pair lists of the document: links of claims gone dropped, the others moved to the claims' new indexes.
    this.changedPaths.add(d.path);
    const remap = (list: PairLink[], lo: boolean): PairLink[] => {
      const out: PairLink[] = [];
      for (const pl of list) {
        const at = newOf[lo ? pl.lo : pl.hi];
        if (at < 0) continue;
        out.push(at === (lo ? pl.lo : pl.hi) ? pl : lo ? { ...pl, lo: at } : { ...pl, hi: at });
      }
      return out;
    };
    const laters = this.pairs.get(d.path);
    if (laters) for (const [later, list] of laters) if (list.length) { this.changedPaths.add(later); laters.set(later, remap(list, true)); }
    for (const earlier of this.before.get(d.path) ?? []) {
      const ofEarlier = this.pairs.get(earlier)!, list = ofEarlier.get(d.path)!;
      if (list.length) { this.changedPaths.add(earlier); ofEarlier.set(d.path, remap(list, false)); }
    }
    return { added, flipped };
  }

  private dropDoc(path: string, touched: Set<number>, note?: (keys: Iterable<number>) => void): void {
    const doc = this.docs.get(path);
    if (!doc) return;
    for (const id of doc.ids) this.unfile(id, touched, note);
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
  /** Claims a deferred update left to look up again, by item id. */
  private readonly owedClaims = new Set<number>();

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
    const position = new Map<string, number>();
    docs.forEach((d, k) => position.set(d.path, k));
    // The documents kept must keep their order (a document re-added comes last, and is changed anyway); a changed
    // document is revised claim by claim only while the documents known keep their order, changed ones included
    // (its kept links are the earlier document's and the later one's as before).
    let last = -1, reordered = false, lastAny = -1, reorderedAny = false;
    for (const p of this.order.keys()) {
      const at = position.get(p);
      if (at === undefined || !this.docs.has(p)) continue;
      if (at < lastAny) reorderedAny = true;
      lastAny = at;
      if (this.docs.get(p)!.key !== docs[at].key) continue;
      if (at < last) reordered = true;
      last = at;
    }
    const gone: string[] = [];
    for (const path of this.docs.keys()) if (!position.has(path)) gone.push(path);
    const changed = this.revise(gone, docs, reordered, reorderedAny, position, defer);
    this.order = position;
    this.nextPlace = docs.length;
    return changed;
  }

  /**
   * `update` given only what changed, for a corpus whose documents keep their order
   * (a new document comes last): `docs`, the documents whose key may have changed, in
   * the corpus's order; `removed`, those removed. Every other document is as the index
   * knows it (its key and place). The same index, links and answer as `update` given
   * every document.
   */
  updateChanged(docs: readonly LinkDoc[], removed: Iterable<string>, defer = false): Set<string> {
    const gone: string[] = [];
    for (const p of removed) if (this.docs.has(p)) gone.push(p);
    for (const p of gone) this.order.delete(p);
    // A new document comes last (the places only ever grow: only their order is read).
    for (const d of docs) if (!this.order.has(d.path)) this.order.set(d.path, this.nextPlace++);
    return this.revise(gone, docs, false, false, this.order, defer);
  }

  /**
   * The body of `update`: drops `gone`, revises or files each of `docs` whose key
   * changed, and looks up what must be; `position`: every document's place (only the
   * order is read), kept as `order` for the next call.
   */
  private revise(gone: readonly string[], docs: readonly LinkDoc[], reordered: boolean, reorderedAny: boolean, position: Map<string, number>, defer: boolean): Set<string> {
    this.changedPaths = new Set();
    // Old standing of every key whose count moves (noted before its count first moves).
    const touched = new Set<number>();
    const oldStanding = new Map<number, number>();
    const note = (keys: Iterable<number>) => { for (const k of keys) if (!oldStanding.has(k)) oldStanding.set(k, standing(this.count(k), this.bounds)); };
    /** Documents looked up whole (new, or filed again), and the new claims of the documents revised claim by claim. */
    const changed = new Set<string>(), revised = new Map<string, { added: number[]; flipped: number[] }>();
    const passagesMoved: [string, Doc, readonly AlignedPassage[]][] = [];
    for (const path of gone) this.dropDoc(path, touched, note);
    for (const d of docs) {
      const known = this.docs.get(d.path);
      if (known && known.key === d.key) {
        // The same claims, other shared passages (a document given with none keeps its own): see below.
        if (d.passages && !samePassages(known.passages, d.passages)) passagesMoved.push([d.path, known, d.passages]);
        continue;
      }
      if (known && !reorderedAny) {
        revised.set(d.path, this.reviseDoc(d, known, touched, note));
        continue;
      }
      if (known) this.dropDoc(d.path, touched, note);
      this.addDoc(d, touched, note);
      changed.add(d.path);
    }
    // A document whose passages moved, its claims the same, is looked up whole when a passage that moved leads to a
    // document not looked up whole itself (two documents left alone, or one revised claim by claim, whose offsets
    // moved): a passage to a document looked up whole is looked up from there (the pairs are the same from either side).
    for (const [path, known, passages] of passagesMoved) {
      const now = ownPassages(passages);
      if (passagesToOthers(known.passages, now, changed) || passagesToOthers(now, known.passages, changed)) changed.add(path);
      known.passages = now;
    }
    const bounds = keyBounds(this.itemCount, this.docs.size);
    const moved = reordered || bounds.common !== this.bounds.common || bounds.frequent !== this.bounds.frequent;
    if (moved && defer) this.owedAll = true;
    const all = !defer && (moved || this.owedAll);
    if (all) this.owedAll = false;
    this.bounds = bounds;
    // A revised document whose topic keys changed in a key that weighs something: looked up whole.
    for (const [p, r] of revised) {
      if (r.flipped.some(k => keyWeight(this.count(k), bounds) !== 0)) changed.add(p);
    }
    // The claims to look up: every claim of a document looked up whole, the new claims of the others revised, and
    // each claim holding a key whose standing crossed a bound.
    const again = new Set<number>();
    if (all) {
      this.pairs.clear();
      this.before.clear();
      for (const p of position.keys()) changed.add(p);
    } else {
      for (const p of changed) this.dropPairs(p);
      for (const [p, r] of revised) if (!changed.has(p)) for (const id of r.added) again.add(id);
      const crossed = new Set<number>();
      for (const k of touched) {
        const was = oldStanding.get(k) ?? standing(0, bounds);
        if (was !== standing(this.count(k), bounds)) for (const id of filedIds(this.holders[k])) if (!again.has(id) && !changed.has(this.items[id]!.path)) crossed.add(id);
      }
      if (defer) {
        for (const id of crossed) this.owedClaims.add(id);
        crossed.clear();
      } else {
        // The claims a deferred update left to look up, by item (an item keeps its id while its claim stands, whatever
        // its index; an id freed and handed to a new claim since only costs that claim a lookup it gets anyway).
        for (const id of this.owedClaims) {
          const it = this.items[id];
          if (it && !changed.has(it.path)) crossed.add(id);
        }
        this.owedClaims.clear();
      }
      this.dropClaimLinks(crossed);
      for (const id of crossed) again.add(id);
    }
    if (all) this.owedClaims.clear();
    for (const p of changed) for (const id of this.docs.get(p)!.ids) again.add(id);
    const docsLookedUp = new Set<string>(revised.keys());
    for (const id of again) docsLookedUp.add(this.items[id]!.path);
    this.lookedUp = docsLookedUp.size;
    this.claimsLookedUp = again.size;
    this.lookUp(again, position);
    for (const p of changed) this.changedPaths.add(p);
    for (const p of revised.keys()) this.changedPaths.add(p);
    return this.changedPaths;
  }

  /**
   * Writes the links of the claims of `docs` (in the corpus's order, and with every
   * document linked to one of them among them), their status and groups
   * (`finishLinks`; groups unless `group` is false), as `ClaimLinker.link` does.
   */
  write(docs: readonly LinkDoc[], only?: (path: string, index: number) => boolean, group = true): void {
    drain(this.writing(docs, only, group, WHOLE));
  }

  /** `write`, pausing (yielding `PAUSE`) when `slice` is spent; it writes only into the claims given. */
  *writing(docs: readonly LinkDoc[], only: ((path: string, index: number) => boolean) | undefined, group: boolean, slice: Slice): Generator<string, void> {
    const position = new Map<string, number>();
    docs.forEach((d, k) => position.set(d.path, k));
    const take = (path: string, index: number) => !only || only(path, index);
    for (const d of docs) {
      if (slice.due()) yield PAUSE;
      d.claims.forEach((c, i) => { if (take(d.path, i)) resetLinks(c); });
    }
    for (const dx of docs) {
      if (slice.due()) yield PAUSE;
      for (const [y, list] of this.pairs.get(dx.path) ?? []) {
        const at = position.get(y);
        for (const pl of standingLinks(list)) {
          const lo = take(dx.path, pl.lo), hi = at !== undefined && take(y, pl.hi);
          if (lo !== hi) throw new Error(`a claim link of ${dx.path} and ${y} has one end among the claims written`);
          if (lo) writeLink(dx.path, dx.claims[pl.lo], y, docs[at!].claims[pl.hi], pl);
        }
      }
    }
    yield* finishingLinks(only ? docs.map(d => ({ path: d.path, claims: d.claims.filter((_, i) => take(d.path, i)) })) : docs, group, slice);
  }

  /**
   * The links of the document's claims handed to `f` one by one (the claim's index, the other document, its claim's
   * index, the pair link, and whether this document is its earlier end), as `pairLinksOf` lists them, in the same
   * order, with nothing made per link: a settle's closure walks every link of most documents.
   */
  eachLink(path: string, f: (i: number, other: string, j: number, link: PairLink, lo: boolean) => void): void {
    // (`forEach`, not `for … of`: no entry or step object per document met.)
    this.pairs.get(path)?.forEach((list, later) => { for (const pl of standingLinks(list)) f(pl.lo, later, pl.hi, pl, true); });
    this.before.get(path)?.forEach(earlier => { for (const pl of standingLinks(this.pairs.get(earlier)?.get(path) ?? [])) f(pl.hi, earlier, pl.lo, pl, false); });
  }

  /**
   * The same links with what decides them: the claim's index, the other document,
   * its claim's index, the pair link, and whether this document is the pair's
   * earlier end (`lo`). A two-phase edit writes the edited document's side from these.
   */
  pairLinksOf(path: string): { i: number; other: string; j: number; link: PairLink; lo: boolean }[] {
    const out: { i: number; other: string; j: number; link: PairLink; lo: boolean }[] = [];
    this.eachLink(path, (i, other, j, link, lo) => out.push({ i, other, j, link, lo }));
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
    const twin = new Set<number>();
    const aligned = new Set<number>();
    // The claims of each document the passages lead to (as `alignedClaims` reads them), made once per call.
    const claimsOf = new Map<string, Claim[]>();
    const claimsAt = (doc: Doc, path: string) => {
      let cs = claimsOf.get(path);
      if (!cs) claimsOf.set(path, (cs = doc.ids.map(i => this.items[i]!.claim)));
      return cs;
    };
    for (const id of again) {
      const a = this.items[id]!;
      const path = a.path;
      const pos = position.get(path)!;
      {
        count.clear();
        for (const k of a.keys) {
          const holders = this.holders[k];
          const n = filedCount(holders);
          if (n > bounds.frequent || n > CLAIM_KEY_CAP) continue;
          for (const other of filedIds(holders)) {
            const b = this.items[other]!;
            if (b.path === path) continue;
            if (again.has(other) && before(b, a) < 0) continue;
            count.set(other, (count.get(other) ?? 0) + 1);
          }
        }
        twin.clear();
        for (const other of filedIds(this.byText.get(a.claim.text))) {
          const b = this.items[other]!;
          if (b.path === path || (again.has(other) && before(b, a) < 0)) continue;
          twin.add(other);
          if (!count.has(other)) count.set(other, 0);
        }
        aligned.clear();
        for (const p of this.docs.get(path)!.passages) {
          const doc = this.docs.get(p.other.path);
          if (!doc || p.other.path === path) continue;
          alignedClaims([a.claim], p, claimsAt(doc, p.other.path), (_, j) => {
            const other = doc.ids[j];
            if (again.has(other) && before(this.items[other]!, a) < 0) return;
            aligned.add(other);
            if (!count.has(other)) count.set(other, 0);
          });
        }
        // In the order of the corpus's claims, as the reference looks them up.
        const others = [...count.keys()].sort((x, y) => before(this.items[x]!, this.items[y]!));
        for (const other of others) {
          const b = this.items[other]!;
          const isTwin = twin.has(other), isAligned = !isTwin && aligned.has(other);
          // (A pair of aligned claims counts every key they share, however common: `alignedClaims`.)
          if (!isTwin && !isCandidate(sharedCount(a.keys, b.keys, isAligned ? NONE : frequent), a, b)) continue;
          const bpos = position.get(b.path)!;
          const [lo, hi] = bpos < pos ? [b, a] : [a, b];
          const tlo = this.docs.get(lo.path)!.topics, thi = this.docs.get(hi.path)!.topics;
          const m = matchClaims(lo, hi, isAligned ? alignedWeight(topicWeight(tlo, thi, base)) : topicWeight(tlo, thi, base), isName);
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
