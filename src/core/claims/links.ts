/**
 * Claim links across documents, kept up to date one document at a time: the same links
 * as the from-scratch linker the unit tests keep as a reference
 * (test/support/linkClaimsReference.ts) computes.
 *
 * Candidates come from an inverted index over the claims' normalised keys (normalize.ts),
 * so the cost follows the pairs that could link, not the square of the claims; a key's
 * weight falls with the number of claims that hold it (`keyBounds`), a frequent key
 * neither proposes candidates nor counts in a match (match.ts), and a key held by more
 * than `CLAIM_KEY_CAP` claims proposes none (it still counts). A link between two claims depends on the two claims and
 * on the sets of common and frequent keys: while it, the documents' order and the cap stay the same,
 * the links of a pair of unchanged documents stay the same too, and after an edit only
 * the links of the changed document are looked up again. Each claim's lists are in
 * document order, then by position.
 */
import type { AnalysisContext } from '../text/memo';
import { claimStatus } from './claims';
import { groupClaims, groupingClaims } from './groups';
import { drain, PAUSE, type Slice, WHOLE } from '../text/slice';
import { type ClaimMatch, matchClaims, type MatchSide, verbatimMatch, verbatimWorthy } from './match';
import { claimNorm, type ClaimNorm, normalize as claimNormUncached, normalizeUnits } from './normalize';
import type { Claim, ClaimLink } from '../types';

/** A link of claim `lo` of an earlier document and claim `hi` of a later one (indexes in their documents). */
export interface PairLink { lo: number; hi: number; similarity: number; reason?: string; direction: 'full' | 'aInB' | 'bInA'; weak?: boolean }

/**
 * The links of a pair of documents that stand. A weak link (`ClaimMatch.weak`) stands only when a link not weak ties
 * the same two documents (two reports of one story, where a fact reworded in few words is the same fact: "Washington,
 * London, and other allies kept up their warnings" / "the US and European countries continue to warn"); between
 * documents nothing else ties, two or three rare words shared are a coincidence. Decided from all the pair's links,
 * so the same whatever order they were found in.
 */
export function standingLinks(list: readonly PairLink[]): readonly PairLink[] {
  for (const pl of list) if (!pl.weak) return list;
  return list.length ? [] : list;
}

/** The pair link of two claims that `matchClaims` matched (`lo` in the earlier document). */
export function pairLink(lo: { index: number }, hi: { index: number }, m: ClaimMatch): PairLink {
  const pl: PairLink = { lo: lo.index, hi: hi.index, similarity: m.similarity, direction: m.direction };
  if (m.reason) pl.reason = m.reason;
  if (m.weak) pl.weak = true;
  return pl;
}

export interface LinkDoc {
  path: string;
  claims: Claim[];
  /** The same key as last time means the same claims (texts, kinds, speakers, entities, numbers). */
  key: unknown;
  /**
   * The passages this document shares with others (the reuse layer's duplicates of kind `shared`, each mirrored in the
   * other document's list): their claims are compared whatever keys they share (`alignedClaims`). The same key must
   * mean the same passages too.
   */
  passages?: readonly AlignedPassage[];
}

/** A passage of one document and the span of another document it was found in, word for word or reworded. */
export interface AlignedPassage { start: number; end: number; other: { path: string; start: number; end: number } }

/**
 * The claims of two passages the reuse layer aligned, paired by place: a claim of one and a claim of the other are
 * aligned when either lies across the other's image in its passage (its span mapped in proportion to the passages'
 * lengths). The reuse layer found the passages shared, word for word or edited; in a large archive every word of
 * such a sentence can be held by too many claims to propose it (10,000 generated articles: of the claims in lightly
 * edited copies, 0.08 were linked to their source), so the passage proposes it. Computed from either document's
 * copy of the passage alike, so the pairs do not depend on which side is looked up. A pair is compared when it passes
 * `isCandidate` on every key the two share, however common (a claim's copy shares most of its words with it, a
 * neighbour of the copy few). `visit(i, j)`: the index of the claim of `claims` and of `others`.
 */
export function alignedClaims(claims: readonly { start: number; end: number }[], p: AlignedPassage, others: readonly { start: number; end: number }[], visit: (i: number, j: number) => void): void {
  const len = p.end - p.start, olen = p.other.end - p.other.start;
  if (len <= 0 || olen <= 0) return;
  const across = (x: { start: number; end: number }, from: number, to: number) => x.start < to && x.end > from;
  for (let i = 0; i < claims.length; i++) {
    const a = claims[i];
    if (!across(a, p.start, p.end)) continue;
    // Its image in the other passage.
    const x0 = p.other.start + (Math.max(a.start, p.start) - p.start) * olen / len, x1 = p.other.start + (Math.min(a.end, p.end) - p.start) * olen / len;
    for (let j = 0; j < others.length; j++) {
      const b = others[j];
      if (!across(b, p.other.start, p.other.end)) continue;
      if (across(b, x0, x1)) { visit(i, j); continue; }
      // The other's image in this passage.
      const y0 = p.start + (Math.max(b.start, p.other.start) - p.other.start) * len / olen, y1 = p.start + (Math.min(b.end, p.other.end) - p.other.start) * len / olen;
      if (across(a, y0, y1)) visit(i, j);
    }
  }
}

/**
 * The least a key weighs in a pair of aligned claims (`alignedClaims`): the passage's alignment, not the words'
 * rarity, tells the copy of a sentence from its neighbours there, and a word held by hundreds of an archive's claims
 * (weighing nothing) is still a word the two claims share.
 */
export const ALIGNED_WEIGHT_MIN = 0.5;

/** `weight` for a pair of aligned claims: no key weighs less than `ALIGNED_WEIGHT_MIN`. */
export function alignedWeight(weight: (k: number) => number): (k: number) => number {
  return k => weight(k) || ALIGNED_WEIGHT_MIN;
}

/**
 * How much a key in `df` claims weighs: 1, half past `common` claims, nothing past
 * `frequent` (then it neither proposes candidates nor counts in a match). The bounds
 * follow the number of claims rounded up to a quarter power of two (steps of 19%), so
 * that they (and with them every link) change seldom as documents come and go. Whole
 * powers of two made the weights jump twofold at 512, 1,024… claims: on the dev
 * clusters, 37 more claims (495 → 532) moved link precision 0.83 → 0.71.
 */
export function keyBounds(claims: number, documents: number): { common: number; frequent: number } {
  const bucket = 2 ** (Math.ceil(4 * Math.log2(Math.max(1, claims))) / 4);
  const frequent = Math.min(linkWordCap(documents), FREQUENT_MAX, Math.max(8, Math.ceil(bucket * FREQUENT_SHARE)));
  return { common: Math.min(frequent, Math.max(4, Math.ceil(bucket * COMMON_SHARE))), frequent };
}
/** Shares of the claims past which a key weighs half, and nothing; and a ceiling on the latter, so that a claim's candidates stay bounded in a large corpus (linking time linear in the claims). */
export const COMMON_SHARE = 0.04, FREQUENT_SHARE = 0.12, FREQUENT_MAX = 400;

/** The ceiling of the frequent bound, for large corpora: proportional to the documents. */
export function linkWordCap(documents: number): number {
  return Math.max(50, Math.ceil(documents * 0.5) * 4);
}

/**
 * How many claims a key may be held by and still propose candidates. Past it the
 * key still weighs in a match (see `keyBounds`), but a pair must share a rarer key
 * to be compared, so a claim's candidates are bounded whatever the corpus size
 * (linking time linear in the claims). Counted over the whole index, so the
 * candidates do not depend on the order documents came in.
 */
export const CLAIM_KEY_CAP = 64;

/**
 * A claim's normalised form as key ids (`idOf` interns a key): its units' exact keys,
 * their synonym keys, and the keys it is filed under, which propose candidates. A
 * surname key ("@~clinton", normalize.ts) only lets two claims' names meet in a match: it
 * proposes no candidates. The one place both linkers (this one and the corpus's
 * persistent index) read a claim's keys from.
 */
export function claimKeys(norm: ClaimNorm, idOf: (key: string) => number, shared?: Map<number, Int32Array>, seen?: Map<string, SeenUnit>): { units: Int32Array; synonyms: (Int32Array | null)[]; keys: Int32Array; synonymIds: IdSet } {
  const out = keysOf(norm, idOf, shared, seen);
  return { units: Int32Array.from(out.units), synonyms: out.synonyms.slice(), keys: Int32Array.from(out.keys), synonymIds: new IdSet(Int32Array.from(out.synonymIds)) };
}

/**
 * `claimKeys` into arrays of its own, emptied at each call (read them before the next): the same ids in the same
 * order, with no set or array made per claim; and, with `seen`, each unit's array as first seen (`firsts`, for
 * `withSharedUnits`). `seenArrays`: the units of `seen` by their arrays (`remember`).
 */
function keysOf(norm: ClaimNorm, idOf: (key: string) => number, shared?: Map<number, Int32Array>, seen?: Map<string, SeenUnit>, seenArrays?: Map<readonly string[], SeenUnit>): KeysOut {
  // Plain loops (no mapping callbacks, no flattened copies): this runs for every claim of the corpus.
  const out = KEYS_OUT;
  out.units.length = out.synonyms.length = out.keys.length = out.synonymIds.length = out.firsts.length = 0;
  out.tick++;
  for (let u = 0; u < norm.units.length; u++) {
    const was = unitIds(norm.units[u], idOf, shared, seen, seenArrays);
    out.units.push(was.id);
    out.firsts.push(was.unit);
    if (was.filed) addKey(out, was.id);
    if (was.syn) for (let v = 0; v < was.syn.length; v++) { if (was.synFiled[v]) addKey(out, was.syn[v]); addSynonym(out, was.syn[v]); }
    out.synonyms.push(was.syn);
  }
  return out;
}

/**
 * `keysOf`'s keys alone (`KEYS_OUT.keys`, emptied at each call), from a form's units and their numbers (normalize.ts
 * `normalizeUnits`): a unit met before under its number gives its keys from `byNumber`, not looked up again (a
 * lookup per unit, through a map, was most of the time the first pass took besides normalising).
 */
function filedKeysOf(units: readonly (readonly string[])[], numbers: readonly number[], byNumber: NumberedKeys, idOf: (key: string) => number, shared: Map<number, Int32Array>, seen: Map<string, SeenUnit>, seenArrays: Map<readonly string[], SeenUnit>): number[] {
  const out = KEYS_OUT;
  out.keys.length = 0;
  out.tick++;
  for (let u = 0; u < units.length; u++) {
    const n = numbers[u];
    if (n >= 0 && n < byNumber.at.length && byNumber.at[n] > 0) {
      for (let x = byNumber.at[n] - 1, end = x + byNumber.count[n]; x < end; x++) addKey(out, byNumber.keys[x]);
      continue;
    }
    // (As `keysOf`: the same keys in the same order.)
    const was = unitIds(units[u], idOf, shared, seen, seenArrays);
    const from = byNumber.keys.length;
    if (was.filed) { addKey(out, was.id); byNumber.keys.push(was.id); }
    if (was.syn) for (let v = 0; v < was.syn.length; v++) if (was.synFiled[v]) { addKey(out, was.syn[v]); byNumber.keys.push(was.syn[v]); }
    if (n < 0) { byNumber.keys.length = from; continue; }
    if (n >= byNumber.at.length) { byNumber.at = grown(byNumber.at, n); byNumber.count = grown(byNumber.count, n); }
    byNumber.at[n] = from + 1;
    byNumber.count[n] = byNumber.keys.length - from;
  }
  return out.keys;
}

/** Units' keys by their numbers (`filedKeysOf`): unit `n`'s are `keys[at[n] - 1]` on, `count[n]` of them (`at[n]` 0: not met yet). */
interface NumberedKeys { at: Int32Array; count: Int32Array; keys: number[] }

/**
 * A unit's ids: as first seen (`seen`, by its exact key; `seenArrays`, by its array), when it has the same keys; else
 * worked out (`shared`: one synonym array per unit key and its synonym ids, for every claim holding them), and
 * remembered when its key was not seen.
 */
function unitIds(unit: readonly string[], idOf: (key: string) => number, shared?: Map<number, Int32Array>, seen?: Map<string, SeenUnit>, seenArrays?: Map<readonly string[], SeenUnit>): SeenUnit {
  // Looked up by the array first: normalize.ts gives one array per word's unit, the same for every claim holding it.
  const was = seenArrays?.get(unit) ?? seen?.get(unit[0]);
  if (was && sameKeys(was.unit, unit)) return was;
  const id = idOf(unit[0]);
  const filed = !unit[0].startsWith('@~');
  let syn: Int32Array | null = null, synFiled = NO_FLAGS;
  if (unit.length >= 2) {
    syn = new Int32Array(unit.length - 1);
    for (let v = 1; v < unit.length; v++) syn[v - 1] = idOf(unit[v]);
    // (A small array costs more than its ids: shared, read only.)
    if (shared) {
      const known = shared.get(id), mine = syn;
      if (known && known.length === mine.length && known.every((k, v) => k === mine[v])) syn = known;
      else if (!known) shared.set(id, syn);
    }
    synFiled = Uint8Array.from(unit.slice(1), k => (k.startsWith('@~') ? 0 : 1));
  }
  // (`unit`: the array first seen for its key, `withSharedUnits`'s.)
  const made: SeenUnit = { unit: was ? was.unit : unit, id, filed, syn, synFiled };
  if (seen && !was) remember(seen, seenArrays, made);
  return made;
}

function addKey(out: KeysOut, id: number): void {
  if (id >= out.keyMark.length) out.keyMark = grown(out.keyMark, id);
  if (out.keyMark[id] !== out.tick) { out.keyMark[id] = out.tick; out.keys.push(id); }
}

function addSynonym(out: KeysOut, id: number): void {
  if (id >= out.synonymMark.length) out.synonymMark = grown(out.synonymMark, id);
  if (out.synonymMark[id] !== out.tick) { out.synonymMark[id] = out.tick; out.synonymIds.push(id); }
}

/**
 * A unit's keys as first seen, by its exact key, and by its array (`seenArrays`: only the array first seen, so that it
 * holds one entry per key, whatever arrays of their own other claims hold).
 */
function remember(seen: Map<string, SeenUnit>, seenArrays: Map<readonly string[], SeenUnit> | undefined, was: SeenUnit): void {
  seen.set(was.unit[0], was);
  seenArrays?.set(was.unit, was);
}

/** What `keysOf` gives: a claim's unit ids, synonym arrays, filed keys and synonym ids (each once, in the order first met), and its units as first seen. */
interface KeysOut {
  units: number[];
  synonyms: (Int32Array | null)[];
  keys: number[];
  synonymIds: number[];
  firsts: (readonly string[])[];
  /** Per id, the last call (`tick`) that took it among the keys, and among the synonym ids. */
  keyMark: Int32Array;
  synonymMark: Int32Array;
  tick: number;
}
const KEYS_OUT: KeysOut = { units: [], synonyms: [], keys: [], synonymIds: [], firsts: [], keyMark: new Int32Array(1024), synonymMark: new Int32Array(1024), tick: 0 };

/** `marks` with room for `id`, its marks kept. */
function grown(marks: Int32Array, id: number): Int32Array {
  const more = new Int32Array(Math.max(2 * marks.length, id + 1));
  more.set(marks);
  return more;
}

/** A unit's keys as `claimKeys` found them the first time (`seen`): the unit, its id, its synonyms' ids, and which of them are filed. */
export interface SeenUnit { unit: readonly string[]; id: number; filed: boolean; syn: Int32Array | null; synFiled: Uint8Array }
const NO_FLAGS = new Uint8Array(0);

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * A claim's few ids as a set: its array, looked through (a claim has tens of ids: a scan costs no more than a
 * hash, and an array a fraction of a `Set`'s memory, which counts with every claim of an archive held at once).
 */
export class IdSet implements ReadonlySet<number> {
  /** Bit `id & 127` of the ids held, in four words: most ids asked for and not held are told at once. */
  private readonly m0: number = 0;
  private readonly m1: number = 0;
  private readonly m2: number = 0;
  private readonly m3: number = 0;
  constructor(private readonly ids: Int32Array) {
    let m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    for (let k = 0; k < ids.length; k++) {
      const b = ids[k] & 127, bit = 1 << (b & 31);
      if (b < 32) m0 |= bit; else if (b < 64) m1 |= bit; else if (b < 96) m2 |= bit; else m3 |= bit;
    }
    this.m0 = m0; this.m1 = m1; this.m2 = m2; this.m3 = m3;
  }
  get size(): number { return new Set(this.ids).size; }
  has(id: number): boolean {
    const b = id & 127, bit = 1 << (b & 31);
    if (!((b < 32 ? this.m0 : b < 64 ? this.m1 : b < 96 ? this.m2 : this.m3) & bit)) return false;
    const ids = this.ids;
    for (let k = 0; k < ids.length; k++) if (ids[k] === id) return true;
    return false;
  }
  forEach(f: (value: number, key: number, set: ReadonlySet<number>) => void): void { for (const id of this) f(id, id, this); }
  *values(): SetIterator<number> { yield* new Set(this.ids); }
  keys(): SetIterator<number> { return this.values(); }
  *entries(): SetIterator<[number, number]> { for (const id of this.values()) yield [id, id]; }
  [Symbol.iterator](): SetIterator<number> { return this.values(); }
}

/** A claim with its normalised form, as key ids. */
export interface LinkItem extends MatchSide { doc: number; index: number; keys: Int32Array }

/**
 * A pair of claims is compared only when they share at least two keys that are not
 * frequent (words, names, synonym sets), and at least a quarter of the smaller claim's
 * keys: a cheap test on the counts the inverted index gives, before the weighted match.
 */
export function isCandidate(shared: number, a: { keys: ArrayLike<number> }, b: { keys: ArrayLike<number> }): boolean {
  return isCandidateCounts(shared, a.keys.length, b.keys.length);
}

/** A shared count no pair of claims holds (`ClaimLinker.match`): a word-for-word twin, a candidate outright. */
const CANDIDATE_ALWAYS = 0x7fffffff;

/** `isCandidate` on the two claims' key counts. */
export function isCandidateCounts(shared: number, keysA: number, keysB: number): boolean {
  return shared >= 2 && shared * 4 >= Math.min(keysA, keysB);
}

export interface LinkIndex {
  items: LinkItem[];
  /** Key → id, id → key, and each id's claims (postings, in claim order). */
  ids: Map<string, number>;
  keyOf: string[];
  /** (Each a view of one flat array.) */
  postings: Int32Array[];
  frequent: Uint8Array;
  common: Uint8Array;
  /** The weight of a key for a pair of claims of documents `da` and `db`. */
  weight: (da: number, db: number) => (id: number) => number;
  isName: (id: number) => boolean;
}

/**
 * A document's topic keys: those in at least a fifth of its claims (and three). Between
 * two documents, a topic key of either weighs half: "tax" in every claim of two reports
 * on a tax story says little about which of their claims carry the same fact.
 */
export const TOPIC_SHARE = 0.2;

/** How many of a document's claims must hold a key for it to be a topic key there. */
export function topicMin(claims: number): number {
  return Math.max(3, claims * TOPIC_SHARE);
}

/** A key's weight between two documents: its weight by frequency (`base`), halved when it is a topic key of either. */
export function topicWeight(ta: ReadonlySet<number>, tb: ReadonlySet<number>, base: (k: number) => number): (k: number) => number {
  // (The topic sets are looked at only for keys that weigh something.)
  return k => { const w = base(k); return w && (ta.has(k) || tb.has(k)) ? 0.5 * w : w; };
}

/** A key's weight by how many claims hold it: 1, half past the common bound, nothing past the frequent one. */
export function keyWeight(count: number, bounds: { common: number; frequent: number }): number {
  return count > bounds.frequent ? 0 : count > bounds.common ? 0.5 : 1;
}

/**
 * Every claim of `docs` as a link item, with the postings of its keys and their weights (`keyIndex`, each claim's item
 * made at once).
 */
export function linkItems(ctx: AnalysisContext, docs: readonly { claims: readonly Claim[] }[], oneShot = false): LinkIndex {
  const index = keyIndex(ctx, docs, oneShot);
  const items: LinkItem[] = [];
  for (let id = 0; id < index.count; id++) items.push(index.item(id));
  return { items, ids: index.ids, keyOf: index.keyOf, postings: index.postings, frequent: index.frequent, common: index.common, weight: index.weight, isName: index.isName };
}

/**
 * The claims of `docs` as the linker reads them to find candidates: flat, per claim (in document order, then
 * position) its document, its index there and its form, and per form its keys; the postings of the keys and their
 * weights. A claim's link item (its normalised form, as key ids, for `matchClaims`) is made when first asked for
 * (`item`): a linker compares only the claims that are some pair's candidates, and in a large corpus they are few
 * (at 10,000 generated articles, 10,363 forms of 309,782), while every form held from the start was most of the
 * linker's memory (each about 1.1 KB: 355 MB there) and of its collector's work.
 *
 * A form: the claims of the same text, names and speaker (what the memo keys a normalised form on) have one; its
 * normalised form, keys and key arrays serve them all (read only). `oneShot`: for a caller that will not ask for the
 * normalised claims again (the CLI): no form goes through the analysis memo (it would hold a form of its own for
 * every claim besides the item's): a form is normalised once for its keys, and again if an item of it is asked for
 * (`normalize` gives the same form for the same claim, and `keysOf` the same ids: every key of it has its id from the
 * first time); the item holds it with its units shared (`withSharedUnits`).
 */
export function keyIndex(ctx: AnalysisContext, docs: readonly { claims: readonly Claim[] }[], oneShot = false): KeyIndex {
  const ids = new Map<string, number>();
  const keyOf: string[] = [];
  const idOf = (k: string) => {
    let id = ids.get(k);
    if (id === undefined) { ids.set(k, (id = ids.size)); keyOf.push(k); }
    return id;
  };
  const synonymArrays = new Map<number, Int32Array>(), seen = new Map<string, SeenUnit>(), seenArrays = new Map<readonly string[], SeenUnit>();
  let count = 0;
  for (const d of docs) count += d.claims.length;
  const docOf = new Int32Array(count), indexOf = new Int32Array(count), formOf = new Int32Array(count);
  // Per form: its first claim, the next form of the same text (-1: none), and its keys (`keys[keysAt[f]] …`).
  const formClaim: Claim[] = [], sameText: number[] = [], keysAt: number[] = [0];
  const byText = new Map<string, number>();
  const byNumber: NumberedKeys = { at: new Int32Array(1024), count: new Int32Array(1024), keys: [] };
  let keys: Int32Array = new Int32Array(1 << 16), keysEnd = 0;
  // Per claim, its text's first form (the claims of one text, whatever their names and speakers: `verbatimMatch`).
  const textOf = new Int32Array(count);
  for (let d = 0, id = 0; d < docs.length; d++) {
    const claims = docs[d].claims;
    for (let k = 0; k < claims.length; k++, id++) {
      const claim = claims[k];
      docOf[id] = d;
      indexOf[id] = k;
      const first = byText.get(claim.text);
      textOf[id] = !verbatimWorthy(claim.text) ? -1 : first ?? formClaim.length;
      let f = first ?? -1, last = -1;
      for (; f >= 0; last = f, f = sameText[f]) if (sameSource(formClaim[f], claim)) break;
      if (f >= 0) { formOf[id] = f; continue; }
      let found: number[];
      if (oneShot) {
        const { units, numbers } = normalizeUnits(claim);
        found = filedKeysOf(units, numbers, byNumber, idOf, synonymArrays, seen, seenArrays);
      } else found = keysOf(claimNorm(ctx, claim), idOf, synonymArrays, seen, seenArrays).keys;
      if (keysEnd + found.length > keys.length) keys = grown(keys, 2 * (keysEnd + found.length));
      for (let x = 0; x < found.length; x++) keys[keysEnd++] = found[x];
      f = formClaim.length;
      formClaim.push(claim);
      sameText.push(-1);
      keysAt.push(keysEnd);
      formOf[id] = f;
      if (last >= 0) sameText[last] = f; else byText.set(claim.text, f);
    }
  }
  const formKeys = keys.subarray(0, keysEnd), formKeysAt = Int32Array.from(keysAt);
  // Each text's claims, in claim order (`twins[twinsAt[t]] …` for the text of first form `t`), counted first.
  const twinsAt = new Int32Array(formClaim.length + 1);
  for (let id = 0; id < count; id++) if (textOf[id] >= 0) twinsAt[textOf[id] + 1]++;
  for (let f = 0; f < formClaim.length; f++) twinsAt[f + 1] += twinsAt[f];
  const twins = new Int32Array(twinsAt[formClaim.length]), twinFill = twinsAt.slice(0, formClaim.length);
  for (let id = 0; id < count; id++) if (textOf[id] >= 0) twins[twinFill[textOf[id]]++] = id;
  // Each key's claims, in claim order: one flat array, counted first.
  const size = ids.size;
  const start = new Int32Array(size + 1);
  for (let id = 0; id < count; id++) for (let x = formKeysAt[formOf[id]], end = formKeysAt[formOf[id] + 1]; x < end; x++) start[formKeys[x] + 1]++;
  for (let k = 0; k < size; k++) start[k + 1] += start[k];
  const flat = new Int32Array(start[size]), fill = start.slice(0, size);
  for (let id = 0; id < count; id++) for (let x = formKeysAt[formOf[id]], end = formKeysAt[formOf[id] + 1]; x < end; x++) flat[fill[formKeys[x]]++] = id;
  const postings: Int32Array[] = [];
  for (let k = 0; k < size; k++) postings.push(flat.subarray(start[k], start[k + 1]));
  const bounds = keyBounds(count, docs.length);
  const frequent = new Uint8Array(size), common = new Uint8Array(size), base = new Float32Array(size), name = new Uint8Array(size);
  for (let k = 0; k < size; k++) {
    base[k] = keyWeight(postings[k].length, bounds);
    if (base[k] === 0) frequent[k] = 1; else if (base[k] === 0.5) common[k] = 1;
    if (keyOf[k][0] === '@') name[k] = 1;
  }
  const topics: Set<number>[] = docs.map(() => new Set());
  // Per document, each key's claims counted in `perDoc` (by id, emptied through the keys met: no map per document).
  const perDoc = new Int32Array(size), met: number[] = [];
  for (let id = 0, d = 0; d < docs.length; d++) {
    met.length = 0;
    for (; id < count && docOf[id] === d; id++) {
      for (let x = formKeysAt[formOf[id]], end = formKeysAt[formOf[id] + 1]; x < end; x++) if (perDoc[formKeys[x]]++ === 0) met.push(formKeys[x]);
    }
    const min = topicMin(docs[d].claims.length);
    for (const key of met) { if (perDoc[key] >= min) topics[d].add(key); perDoc[key] = 0; }
  }
  const weight = (da: number, db: number) => topicWeight(topics[da], topics[db], k => base[k]);

  // The items asked for, and their forms' parts.
  const items: (LinkItem | undefined)[] = [];
  const sides: (Omit<LinkItem, 'doc' | 'index' | 'claim'> | undefined)[] = [];
  const arena = new Arena();
  const item = (id: number): LinkItem => {
    let it = items[id];
    if (it) return it;
    const f = formOf[id];
    let side = sides[f];
    if (!side) {
      const fresh = oneShot ? claimNormUncached(formClaim[f]) : claimNorm(ctx, formClaim[f]);
      const out = keysOf(fresh, idOf, synonymArrays, seen, seenArrays);
      const unitIds = arena.copy(out.units);
      side = sides[f] = {
        norm: oneShot ? withSharedUnits(fresh, out.firsts) : fresh, units: unitIds, synonyms: out.synonyms.slice(),
        keys: formKeys.subarray(formKeysAt[f], formKeysAt[f + 1]), exactIds: new IdSet(unitIds), synonymIds: new IdSet(arena.copy(out.synonymIds)),
      };
    }
    const claim = docs[docOf[id]].claims[indexOf[id]];
    it = items[id] = { doc: docOf[id], index: indexOf[id], claim, norm: side.norm, units: side.units, synonyms: side.synonyms, keys: side.keys, exactIds: side.exactIds, synonymIds: side.synonymIds };
    return it;
  };
  return { count, doc: docOf, form: formOf, index: indexOf, keysAt: formKeysAt, keys: formKeys, text: textOf, twinsAt, twins, item, ids, keyOf, postings, frequent, common, weight, isName: k => name[k] === 1 };
}

/** What `keyIndex` gives. */
export interface KeyIndex extends Omit<LinkIndex, 'items'> {
  /** How many claims. */
  count: number;
  /** Per claim: its document, and its form. */
  doc: Int32Array;
  form: Int32Array;
  /** Per claim: its index in its document's claims. */
  index: Int32Array;
  /** Per form: its keys, `keys[keysAt[f]]` to `keys[keysAt[f + 1] - 1]`, each once (as `claimKeys` gives them). */
  keysAt: Int32Array;
  keys: Int32Array;
  /**
   * Per claim, its text (the index of the text's first form; -1 when too short to be matched word for word,
   * `verbatimWorthy`); per text, its claims in claim order (`twins[twinsAt[t]]`
   * to `twins[twinsAt[t + 1] - 1]`): word-for-word copies are candidates whatever keys they hold (`verbatimMatch`).
   */
  text: Int32Array;
  twinsAt: Int32Array;
  twins: Int32Array;
  /** A claim's link item, made on first use (then the same object). */
  item: (id: number) => LinkItem;
}

/**
 * The normalised claim with each unit the array first seen for its keys (`firsts`, parallel to its units, as `keysOf`
 * gives them): the same keys, held once for every claim that has them. A linker holds every claim's normalised form at
 * once, and a unit's array and strings were much of it (on the 5,000-article generated corpus, with the memo emptied,
 * the linker's heap fell from 551 to 319 MB: the same words recur in claim after claim). The form itself is not
 * changed (the analysis memo may hand it out again): a copy, when any unit is not the first seen.
 */
export function withSharedUnits(norm: ClaimNorm, firsts: readonly (readonly string[])[]): ClaimNorm {
  let units: (readonly string[])[] | null = null;
  for (let u = 0; u < norm.units.length; u++) {
    const unit = norm.units[u], first = firsts[u];
    if (first === unit || !sameKeys(first, unit)) continue;
    units ??= norm.units.slice();
    units[u] = first;
  }
  if (!units) return norm;
  // (A shallow copy: the form the memo handed out stays as it was.)
  const copy = Object.assign({}, norm);
  copy.units = units;
  return copy;
}

/**
 * Small id arrays as views into a few large ones: a claim's units, keys and synonym ids, held for every claim of the
 * corpus at once, cost about 150 bytes each as arrays of their own besides their ids.
 */
class Arena {
  private chunk = new Int32Array(0);
  private at = 0;
  /** A view holding `ids`. */
  copy(ids: ArrayLike<number>): Int32Array {
    const n = ids.length;
    if (this.at + n > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(ARENA_CHUNK, n));
      this.at = 0;
    }
    const view = this.chunk.subarray(this.at, this.at + n);
    for (let k = 0; k < n; k++) view[k] = ids[k];
    this.at += n;
    return view;
  }
}
const ARENA_CHUNK = 1 << 16;

/** Whether two claims of the same text have the same names and speaker: the same normalised form (`claimNorm`'s key). */
function sameSource(a: Claim, b: Claim): boolean {
  if ((a.speaker ?? '') !== (b.speaker ?? '') || a.entities.length !== b.entities.length) return false;
  for (let k = 0; k < a.entities.length; k++) if (a.entities[k] !== b.entities[k]) return false;
  return true;
}

/** Writes one link of claim `lo` of document `loPath` (the earlier) and claim `hi` of `hiPath` into both claims' lists. */
export function writeLink(loPath: string, lo: Claim, hiPath: string, hi: Claim, l: { similarity: number; reason?: string; direction: PairLink['direction'] }): void {
  // (The two ends as arguments, not an object each: every link of a settle and of the CLI is written here.)
  if (l.reason) {
    lo.disputedBy.push(claimLink(hiPath, hi, l));
    hi.disputedBy.push(claimLink(loPath, lo, l));
  } else if (l.direction === 'full') {
    lo.corroboratedBy.push(claimLink(hiPath, hi, l));
    hi.corroboratedBy.push(claimLink(loPath, lo, l));
  } else if (l.direction === 'aInB') {
    lo.corroboratedBy.push(claimLink(hiPath, hi, l));
    (hi.partlyCorroboratedBy ??= []).push(claimLink(loPath, lo, l));
  } else {
    hi.corroboratedBy.push(claimLink(loPath, lo, l));
    (lo.partlyCorroboratedBy ??= []).push(claimLink(hiPath, hi, l));
  }
}

/** The entry of a link to `claim` of document `path` (`writeLink`). */
function claimLink(path: string, claim: Claim, l: { similarity: number; reason?: string }): ClaimLink {
  const link: ClaimLink = { path, start: claim.start, end: claim.end, similarity: l.similarity };
  if (l.reason) link.reason = l.reason;
  return link;
}

/** Empties a claim's link lists. */
export function resetLinks(c: Claim): void {
  c.corroboratedBy = [];
  c.disputedBy = [];
  c.partlyCorroboratedBy = [];
}

/** Sorts every list of every claim by document order, then position; sets statuses and, unless `group` is false (the caller groups them later), groups. */
export function finishLinks(docs: readonly { path: string; claims: Claim[] }[], group = true): void {
  drain(finishingLinks(docs, group, WHOLE));
}

/** `finishLinks`, pausing (yielding `PAUSE`) when `slice` is spent; it writes only into the claims given. */
export function* finishingLinks(docs: readonly { path: string; claims: Claim[] }[], group: boolean, slice: Slice): Generator<string, void> {
  const order = new Map(docs.map((d, k) => [d.path, k]));
  const by = (x: ClaimLink, y: ClaimLink) => order.get(x.path)! - order.get(y.path)! || x.start - y.start || x.end - y.end;
  for (const d of docs) {
    for (const c of d.claims) {
      if (slice.due()) yield PAUSE;
      sortLinks(c.corroboratedBy, by);
      sortLinks(c.disputedBy, by);
      if (c.partlyCorroboratedBy) sortLinks(c.partlyCorroboratedBy, by);
      c.status = claimStatus(c);
    }
  }
  if (group) yield* groupingClaims(docs, slice);
}

/**
 * `list.sort(by)`, left alone when it is in order already (a stable sort would not move it): the engine's sort makes a
 * work copy of any list, and a settle sorts every link list of every claim linked again, most of them short and
 * written in order (with 2,000 articles indexed, the sorts were about 5% of what a settle allocated).
 */
function sortLinks<T>(list: T[], by: (x: T, y: T) => number): void {
  for (let k = 1; k < list.length; k++) {
    if (by(list[k - 1], list[k]) > 0) {
      list.sort(by);
      return;
    }
  }
}

export class ClaimLinker {
  /** `oneShot`: see `linkItems` (the CLI's linker, used once, sets it; a corpus's keeps its memos). */
  constructor(private readonly ctx: AnalysisContext, private readonly oneShot = false) {}
  private order: string[] = [];
  private keys = new Map<string, unknown>();
  /** Each document's passages at the last call (a copy): a document whose passages moved is looked up again. */
  private passages = new Map<string, readonly AlignedPassage[]>();
  private saturated = '';
  /** The keys held by more than `CLAIM_KEY_CAP` claims (not frequent) at the last call. */
  private proposing = new Set<string>();
  /**
   * Links by pair of documents: earlier path → later path → links (the documents' own path strings: no key made per
   * pair, and each looked up with its hash known).
   */
  private pairs = new Map<string, Map<string, PairLink[]>>();

  /** Fills every claim's `corroboratedBy`, `partlyCorroboratedBy`, `disputedBy`, `status` and (unless `group` is false) group. */
  link(docs: readonly LinkDoc[], group = true): void {
    this.match(docs);
    // (The claims' normalised forms and the postings, the most of the linker's memory, are let go before the links are written.)
    const docIndex = new Map(docs.map((d, k) => [d.path, k]));
    for (const d of docs) for (const c of d.claims) resetLinks(c);
    // (Written in any order: `finishLinks` sorts every list, and no two claims of a document have the same span.)
    for (const [x, later] of this.pairs) {
      // (The documents' own path strings: every link then holds one of them, not a copy, and a link's path is looked up and compared as that.)
      const dx = docs[docIndex.get(x)!];
      for (const [y, list] of later) {
        const dy = docs[docIndex.get(y)!];
        for (const pl of standingLinks(list)) writeLink(dx.path, dx.claims[pl.lo], dy.path, dy.claims[pl.hi], pl);
      }
    }
    finishLinks(docs, group);
  }

  /** Brings `pairs` up to date with `docs`: the changed documents' claims looked up again. */
  private match(docs: readonly LinkDoc[]): void {
    const { count: claims, doc: docOf, form: formOf, index: indexOf, keysAt, keys: formKeys, text: textOf, twinsAt, twins, item, ids, keyOf, frequent, common, postings, weight, isName } = keyIndex(this.ctx, docs, this.oneShot);
    const docStart: number[] = [];
    for (let k = 0, d = 0; d <= docs.length; d++) {
      while (k < claims && docOf[k] < d) k++;
      docStart.push(k);
    }
    const saturated = keyList(frequent, keyOf) + '\u0001' + keyList(common, keyOf);
    const paths = docs.map(d => d.path);
    const docIndex = new Map(paths.map((p, k) => [p, k]));

    // What changed since last time: everything, or the documents whose claims did.
    const all = saturated !== this.saturated || paths.length !== this.order.length || paths.some((p, k) => p !== this.order[k]);
    const changed = new Uint8Array(docs.length);
    docs.forEach((d, k) => { if (all || this.keys.get(d.path) !== d.key || !samePassages(this.passages.get(d.path) ?? [], d.passages ?? [])) changed[k] = 1; });
    // A key that became too common to propose candidates, or rare again: the documents holding it are looked up again.
    const proposing = new Set<string>();
    postings.forEach((p, k) => { if (!frequent[k] && p.length > CLAIM_KEY_CAP) proposing.add(keyOf[k]); });
    if (!all) {
      const crossed = new Set<string>();
      for (const key of proposing) if (!this.proposing.has(key)) crossed.add(key);
      for (const key of this.proposing) if (!proposing.has(key)) crossed.add(key);
      for (const key of crossed) {
        const k = ids.get(key);
        if (k !== undefined) for (const id of postings[k]) changed[docOf[id]] = 1;
      }
    }
    this.proposing = proposing;
    if (all) this.pairs.clear();
    else {
      for (const [x, later] of [...this.pairs]) {
        const cx = changed[docIndex.get(x)!];
        for (const y of [...later.keys()]) if (cx || changed[docIndex.get(y)!]) later.delete(y);
        if (!later.size) this.pairs.delete(x);
      }
    }
    this.order = paths;
    this.saturated = saturated;
    this.keys = new Map(docs.map(d => [d.path, d.key]));
    // (Not for a linker used once.)
    if (!this.oneShot) this.passages = new Map(docs.map(d => [d.path, ownPassages(d.passages ?? [])]));

    // Look the changed documents' claims up; a pair of two changed documents is looked up once, from the earlier one.
    // The keys two claims share that are not frequent: `count` has those that propose candidates; the others
    // (held by more than the cap) are each claim's `heavy` keys, few, counted through `mark`.
    // Flat per claim: its number of keys, and its heavy keys (`heavy[heavyAt[id]] … heavy[heavyAt[id + 1] - 1]`).
    // (A claim's keys are its form's: `formKeys[keysAt[formOf[id]]] …`.)
    // Per key: 1 when it proposes candidates, 2 when it is heavy, 0 when frequent (read per key of every claim: one
    // array, not the key's postings).
    const role = new Uint8Array(keyOf.length);
    for (let k = 0; k < keyOf.length; k++) if (!frequent[k]) role[k] = postings[k].length > CLAIM_KEY_CAP ? 2 : 1;
    const keyCount = new Int32Array(claims);
    const heavyAt = new Int32Array(claims + 1);
    const heavyKeys: number[] = [];
    for (let id = 0; id < claims; id++) {
      const from = keysAt[formOf[id]], to = keysAt[formOf[id] + 1];
      keyCount[id] = to - from;
      for (let x = from; x < to; x++) if (role[formKeys[x]] === 2) heavyKeys.push(formKeys[x]);
      heavyAt[id + 1] = heavyKeys.length;
    }
    const heavy = Int32Array.from(heavyKeys);
    const mark = new Uint8Array(keyOf.length);
    const count = new Int32Array(claims);
    // (1 for a claim of the same text as the one looked up: a candidate whatever keys they share.)
    const twin = new Uint8Array(claims);
    const touched: number[] = [];
    // Each claim's aligned claims (`alignedClaims`, flat: `aligned[alignedAt[id]] …`), and 1 for those of the claim
    // looked up (`isAligned`).
    const { at: alignedAt, list: aligned } = alignedIndex(docs, docStart, docIndex, claims);
    const isAligned = new Uint8Array(claims);
    const ownKey = new Uint8Array(keyOf.length);
    for (let d = 0; d < docs.length; d++) {
      if (!changed[d]) continue;
      for (let id = docStart[d]; id < docStart[d + 1]; id++) {
        touched.length = 0;
        for (let x = keysAt[formOf[id]], to = keysAt[formOf[id] + 1]; x < to; x++) {
          const k = formKeys[x];
          if (role[k] !== 1) continue;
          const p = postings[k];
          if (all) {
            // Every document changed: only the later documents' claims, and postings are in claim order.
            for (let x = firstAtLeast(p, docStart[d + 1]); x < p.length; x++) if (count[p[x]]++ === 0) touched.push(p[x]);
            continue;
          }
          for (const other of p) {
            const od = docOf[other];
            if (od === d || (changed[od] && od < d)) continue;
            if (count[other]++ === 0) touched.push(other);
          }
        }
        // The claims of the same text, as the postings are walked.
        for (let x = textOf[id] < 0 ? 0 : twinsAt[textOf[id]], to = textOf[id] < 0 ? 0 : twinsAt[textOf[id] + 1]; x < to; x++) {
          const other = twins[x];
          const od = docOf[other];
          if (all ? od <= d : od === d || (changed[od] && od < d)) continue;
          twin[other] = 1;
          if (count[other]++ === 0) touched.push(other);
        }
        for (let x = alignedAt[id]; x < alignedAt[id + 1]; x++) {
          const other = aligned[x];
          const od = docOf[other];
          if (all ? od <= d : od === d || (changed[od] && od < d)) continue;
          isAligned[other] = 1;
          if (count[other]++ === 0) touched.push(other);
        }
        const keysFrom = keysAt[formOf[id]], keysTo = keysAt[formOf[id] + 1];
        if (alignedAt[id + 1] > alignedAt[id]) for (let x = keysFrom; x < keysTo; x++) ownKey[formKeys[x]] = 1;
        const mineFrom = heavyAt[id], mineTo = heavyAt[id + 1];
        for (let h = mineFrom; h < mineTo; h++) mark[heavy[h]] = 1;
        for (const other of touched) {
          let n = count[other];
          count[other] = 0;
          const alignedPair = isAligned[other] === 1;
          isAligned[other] = 0;
          if (twin[other]) {
            // (Counted once more for being a twin; a twin is a candidate outright.)
            twin[other] = 0;
            n = CANDIDATE_ALWAYS;
          }
          // The heavy keys shared are counted only when they can decide: not when the others are enough already, nor
          // when all the heavy keys of the one with fewer would not be (the test is monotone in the keys shared).
          if (n !== CANDIDATE_ALWAYS && alignedPair) {
            // (Every key shared counted, however common, through the marks of the looked-up claim's keys.)
            let shared = 0;
            for (let x = keysAt[formOf[other]], to = keysAt[formOf[other] + 1]; x < to; x++) shared += ownKey[formKeys[x]];
            if (!isCandidateCounts(shared, keyCount[id], keyCount[other])) continue;
          } else if (n !== CANDIDATE_ALWAYS && mineTo > mineFrom && !isCandidateCounts(n, keyCount[id], keyCount[other])) {
            const from = heavyAt[other], end = heavyAt[other + 1];
            if (!isCandidateCounts(n + Math.min(mineTo - mineFrom, end - from), keyCount[id], keyCount[other])) continue;
            for (let h = from; h < end; h++) n += mark[heavy[h]];
          }
          if (n !== CANDIDATE_ALWAYS && !alignedPair && !isCandidateCounts(n, keyCount[id], keyCount[other])) continue;
          const [lo, hi] = other < id ? [other, id] : [id, other];
          const ld = docOf[lo], hd = docOf[hi];
          // (A twin is decided on its claims alone, as `matchClaims` would first: no normalised form made for it.)
          const m = n === CANDIDATE_ALWAYS ? verbatimMatch(docs[ld].claims[indexOf[lo]], docs[hd].claims[indexOf[hi]])! : matchClaims(item(lo), item(hi), alignedPair ? alignedWeight(weight(ld, hd)) : weight(ld, hd), isName);
          if (!m) continue;
          let later = this.pairs.get(paths[ld]);
          if (!later) this.pairs.set(paths[ld], (later = new Map()));
          let list = later.get(paths[hd]);
          if (!list) later.set(paths[hd], (list = []));
          list.push(pairLink({ index: indexOf[lo] }, { index: indexOf[hi] }, m));
        }
        for (let h = mineFrom; h < mineTo; h++) mark[heavy[h]] = 0;
        if (alignedAt[id + 1] > alignedAt[id]) for (let x = keysFrom; x < keysTo; x++) ownKey[formKeys[x]] = 0;
      }
    }

  }
}

/** Every claim's aligned claims (`alignedClaims`, both ways), by claim id, flat; each listed once. */
function alignedIndex(docs: readonly LinkDoc[], docStart: readonly number[], docIndex: ReadonlyMap<string, number>, claims: number): { at: Int32Array; list: Int32Array } {
  const from: number[] = [], to: number[] = [];
  for (let d = 0; d < docs.length; d++) {
    for (const p of docs[d].passages ?? []) {
      const e = docIndex.get(p.other.path);
      if (e === undefined || e === d) continue;
      alignedClaims(docs[d].claims, p, docs[e].claims, (i, j) => { from.push(docStart[d] + i, docStart[e] + j); to.push(docStart[e] + j, docStart[d] + i); });
    }
  }
  const at = new Int32Array(claims + 1);
  for (const x of from) at[x + 1]++;
  for (let k = 0; k < claims; k++) at[k + 1] += at[k];
  const list = new Int32Array(from.length), fill = at.slice(0, claims);
  for (let k = 0; k < from.length; k++) list[fill[from[k]]++] = to[k];
  // (Each claim's list sorted and without repeats: a pair is found from both documents' copies of the passage.)
  const out = new Int32Array(claims + 1);
  let n = 0;
  for (let id = 0; id < claims; id++) {
    const l = list.subarray(at[id], at[id + 1]).sort();
    out[id] = n;
    for (let k = 0; k < l.length; k++) if (k === 0 || l[k] !== l[k - 1]) list[n++] = l[k];
  }
  out[claims] = n;
  return { at: out, list: list.subarray(0, n) };
}

/** The keys flagged, sorted: what decides the weights, whatever ids they got. */
function keyList(flags: Uint8Array, keyOf: readonly string[]): string {
  const out: string[] = [];
  for (let k = 0; k < flags.length; k++) if (flags[k]) out.push(keyOf[k]);
  return out.sort().join('\u0000');
}

/** The first index of the ascending `list` holding `min` or more (`list.length` when none). */
function firstAtLeast(list: ArrayLike<number>, min: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < min) lo = mid + 1; else hi = mid; }
  return lo;
}

/** A copy of the passages given (the caller's objects may be its results' duplicates, which it may change). */
export function ownPassages(passages: readonly AlignedPassage[]): AlignedPassage[] {
  return passages.map(p => ({ start: p.start, end: p.end, other: { path: p.other.path, start: p.other.start, end: p.other.end } }));
}

/** Whether two passages are the same spans of the same two documents. */
export function samePassage(x: AlignedPassage, y: AlignedPassage): boolean {
  return x.start === y.start && x.end === y.end && x.other.path === y.other.path && x.other.start === y.other.start && x.other.end === y.other.end;
}

/** Whether two lists of shared passages are the same (in the same order, as the reuse layer lists them). */
export function samePassages(a: readonly AlignedPassage[], b: readonly AlignedPassage[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!samePassage(a[k], b[k])) return false;
  return true;
}

/** A document's passages shared with others, as claim linking reads them (`LinkDoc.passages`): boilerplate left out. */
export function sharedPassages(duplicates: readonly { kind: string; boilerplate: boolean; start: number; end: number; other: { path: string; start: number; end: number } }[]): AlignedPassage[] {
  return duplicates.filter(x => x.kind === 'shared' && !x.boilerplate);
}
