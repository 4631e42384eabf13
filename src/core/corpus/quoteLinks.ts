/**
 * Quotes followed across sources, as a checker reads them:
 * - the same speaker's same utterance in another document is a *variant*, identical
 *   or reworded (`variants`, mirrored), and every copy of one utterance shares a
 *   `quoteGroup` (its size in `quoteGroupSize`);
 * - the same words credited to a *different* speaker in another document are an
 *   attribution conflict (`attributedElsewhere`, mirrored), never a variant;
 * - a quote's claim is corroborated by its variants' claims, reworded or not, and
 *   disputed only when the meaning changes (a number, or a negation added or dropped);
 *   claims carrying a conflicting pair neither corroborate nor dispute each other.
 */
import { claimStatus, parseNumbers } from '../claims/claims';
import { REUSE_STOP_WORDS } from '../lexicon/stopWords';
import { type AnalysisContext, memoSlot } from '../text/memo';
import { lowerWords, stem } from '../text/words';
import type { Claim, ClaimLink, DocumentResult, Quote, Sentence, Span } from '../types';

/** What linking reads of a quote's words, by quote text. */
interface QuoteWords {
  /** The words, joined by spaces: identical quotes have the same. */
  joined: string;
  words: ReadonlySet<string>;
  /** Stems of the content words (all stems when it has none). */
  stems: ReadonlySet<string>;
  /** Negations in it: "not", "never", "no", "n't" … (parity matters). */
  negations: number;
}

/** Negation words; "don't" splits into "don" and "t", so "t" stands for n't. */
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'nowhere', 't', 'cannot']);

const QUOTE_WORDS = memoSlot<QuoteWords>('corpus.quoteWords', 100_000);

function quoteWordsOf(ctx: AnalysisContext, text: string): QuoteWords {
  return ctx.get(QUOTE_WORDS).get(text, t => {
    const words = lowerWords(t);
    const content = words.filter(w => !REUSE_STOP_WORDS.has(w));
    return {
      joined: words.join(' '),
      words: new Set(words),
      stems: new Set((content.length ? content : words).map(stem)),
      negations: words.filter(w => NEGATIONS.has(w)).length,
    };
  });
}

/** One quote with a speaker, as linking sees it. */
interface Item {
  path: string;
  q: Quote;
  w: QuoteWords;
  /** Content stems of its sentence outside the quote, the speaker's name left out. */
  frame: ReadonlySet<string>;
}

/** A document's text and sentences, to read a quote's frame. */
export type SourceOf = (path: string) => { text: string; sentences: readonly Sentence[] };

/** Shared elements over the smaller set's size (0 when the smaller is empty). */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = a.size <= b.size ? a : b, big = small === a ? b : a;
  if (!small.size) return 0;
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n / small.size;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; dice: number } {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return { shared: n, dice: a.size + b.size ? (2 * n) / (a.size + b.size) : 0 };
}

/** A quote short enough that only its frame can tell a rewording from another remark. */
const SHORT_QUOTE = 8;

/**
 * The same utterance of the same speaker: the same words; or one quote's words all in
 * the other ("cautious optimism" in "some grounds for cautious optimism"); or, for a
 * longer quote, most of its content words in the other (a rewording: 60 %, or half
 * when that is four words or more); or, for short fragments,
 * the same frame around them ("… said the troops were returning “as planned.”").
 */
function sameUtterance(a: Item, b: Item): boolean {
  if (a.w.joined === b.w.joined) return true;
  const small = Math.min(a.w.stems.size, b.w.stems.size);
  if (small >= 2 && containment(a.w.stems, b.w.stems) === 1) return true;
  const c = containment(a.w.stems, b.w.stems);
  if (small >= 3 && (c >= 0.6 || c >= 0.5 && c * small >= 4)) return true;
  if (small >= 2 && containment(a.w.stems, b.w.stems) >= 0.5 && framesAgree(a, b, 0.5)) return true;
  return a.w.words.size <= SHORT_QUOTE && b.w.words.size <= SHORT_QUOTE && framesAgree(a, b, 0.6);
}

function framesAgree(a: Item, b: Item, min: number): boolean {
  const d = dice(a.frame, b.frame);
  return d.shared >= 3 && d.dice >= min;
}

/**
 * The same words from different mouths: identical words, or one quote's words (three or
 * more) nearly all in the other ("far from exhausted" / "are far from being exhausted").
 */
function sameWords(a: Item, b: Item): boolean {
  if (Math.min(a.w.words.size, b.w.words.size) < 3) return false;
  return a.w.joined === b.w.joined || containment(a.w.words, b.w.words) >= 0.8;
}

/** Links variants and attribution conflicts across documents, at both ends; sets quote groups. */
export function linkQuotes(ctx: AnalysisContext, docs: readonly DocumentResult[], sourceOf: SourceOf): void {
  const items = collect(ctx, docs, sourceOf);
  const groups = new UnionFind(items.length);
  forEachCandidate(items, (i, j) => {
    const a = items[i], b = items[j];
    if (a.path === b.path) return;
    if (a.q.speaker === b.q.speaker) {
      if (!sameUtterance(a, b)) return;
      const identical = a.w.joined === b.w.joined;
      a.q.variants.push({ path: b.path, start: b.q.start, end: b.q.end, identical });
      b.q.variants.push({ path: a.path, start: a.q.start, end: a.q.end, identical });
      groups.join(i, j);
    } else if (sameWords(a, b)) {
      a.q.attributedElsewhere!.push({ path: b.path, start: b.q.start, end: b.q.end, speaker: b.q.speaker! });
      b.q.attributedElsewhere!.push({ path: a.path, start: a.q.start, end: a.q.end, speaker: a.q.speaker! });
    }
  });
  // Groups: every copy of one utterance, numbered in the order their first copy comes.
  let n = 0;
  for (const members of groups.sets()) {
    if (members.length < 2) continue;
    const id = `q${++n}`;
    for (const k of members) { items[k].q.quoteGroup = id; items[k].q.quoteGroupSize = members.length; }
  }
  const byLink = (x: Span & { path: string }, y: Span & { path: string }) =>
    x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start;
  for (const it of items) { it.q.variants.sort(byLink); it.q.attributedElsewhere!.sort(byLink); }
}

/** The quotes with a speaker, their link fields emptied, with their words and frames. */
function collect(ctx: AnalysisContext, docs: readonly DocumentResult[], sourceOf: SourceOf): Item[] {
  const items: Item[] = [];
  for (const d of docs) {
    const { text, sentences } = sourceOf(d.path);
    let si = 0;
    for (const q of d.quotes) {
      q.variants = [];
      q.quoteGroup = null;
      q.quoteGroupSize = 1;
      q.attributedElsewhere = [];
      if (!q.speaker) continue;
      const w = quoteWordsOf(ctx, q.text);
      if (!w.joined) continue;
      while (si + 1 < sentences.length && sentences[si].end <= q.start) si++;
      items.push({ path: d.path, q, w, frame: frameOf(text, sentences[si], q) });
    }
  }
  return items;
}

/** The fewest shared elements `n` of a set of `size` for which `n / size >= min` (the tests' own arithmetic). */
function fewestShared(size: number, min: number): number {
  let n = 0;
  while (n < size && n / size < min) n++;
  return n;
}

/**
 * Every pair of quotes that could link, once each (i < j), found through postings,
 * never by comparing all quotes. Each test above needs a share of one quote's
 * elements in the other's; a pair sharing at least `t` of the `size` elements of a
 * set shares one of any `size - t + 1` of them (prefix filtering), so each quote
 * looks up only that many of its elements, the rarest first, and the pairs found are
 * exactly those the tests can accept, plus some they reject:
 * - different speakers, `sameWords`: 80 % of the smaller word set (3 words or more);
 * - same speaker, `sameUtterance` by words: half the smaller stem set (identical
 *   words included), looked up under the speaker;
 * - same speaker, by frame (quotes of at most `SHORT_QUOTE` words): 3 shared frame
 *   stems and a Dice of 0.6, so at least 3/7 of either frame, under the speaker.
 */
function forEachCandidate(items: readonly Item[], visit: (i: number, j: number) => void): void {
  interface Keyed { keys: string[]; need: number }
  const spaces: ((it: Item) => Keyed | null)[] = [
    it => it.w.words.size < 3 ? null : { keys: [...it.w.words], need: fewestShared(it.w.words.size, 0.8) },
    it => ({ keys: [...it.w.stems].map(s => `${it.q.speaker}\u0000${s}`), need: fewestShared(it.w.stems.size, 0.5) }),
    it => it.w.words.size > SHORT_QUOTE || it.frame.size < 3 ? null
      : { keys: [...it.frame].map(s => `${it.q.speaker}\u0000${s}`), need: Math.max(3, Math.floor((3 * it.frame.size) / 7)) },
  ];
  const found = new Set<number>();
  const n = items.length;
  for (const space of spaces) {
    const keyed = items.map(space);
    const postings = new Map<string, number[]>();
    keyed.forEach((k, id) => {
      if (!k) return;
      for (const key of k.keys) {
        const list = postings.get(key);
        if (list) list.push(id); else postings.set(key, [id]);
      }
    });
    keyed.forEach((k, i) => {
      if (!k) return;
      const rare = k.keys.sort((a, b) => postings.get(a)!.length - postings.get(b)!.length || (a < b ? -1 : a > b ? 1 : 0));
      const look = Math.max(1, rare.length - k.need + 1);
      for (let r = 0; r < look && r < rare.length; r++) {
        for (const j of postings.get(rare[r])!) {
          if (j === i || items[i].path === items[j].path) continue;
          found.add(i < j ? i * n + j : j * n + i);
        }
      }
    });
  }
  for (const key of [...found].sort((a, b) => a - b)) {
    const i = Math.floor(key / n), j = key % n;
    if (shareKey(items[i], items[j])) visit(i, j);
  }
}

/** Whether two quotes share a stem of their words or frames (what makes a pair worth a look at all). */
function shareKey(a: Item, b: Item): boolean {
  const has = (x: string) => b.w.stems.has(x) || b.frame.has(x);
  for (const x of a.w.stems) if (has(x)) return true;
  for (const x of a.frame) if (has(x)) return true;
  return false;
}

/** Disjoint sets of 0..n-1 (path halving). */
class UnionFind {
  private readonly parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, k) => k); }
  find(k: number): number {
    const p = this.parent;
    while (p[k] !== k) k = p[k] = p[p[k]];
    return k;
  }
  join(a: number, b: number): void { this.parent[this.find(a)] = this.find(b); }
  /** The sets, each in increasing order, ordered by their smallest member. */
  sets(): number[][] {
    const by = new Map<number, number[]>();
    for (let k = 0; k < this.parent.length; k++) {
      const r = this.find(k);
      const list = by.get(r);
      if (list) list.push(k); else by.set(r, [k]);
    }
    return [...by.values()];
  }
}

/** Content stems of the quote's sentence outside the quote, without the words of the speaker's name. */
function frameOf(text: string, s: Sentence | undefined, q: Quote): ReadonlySet<string> {
  const out = new Set<string>();
  if (!s || s.start > q.start) return out;
  const name = new Set(lowerWords(q.speaker ?? ''));
  for (const [from, to] of [[s.start, q.start], [q.end, Math.max(q.end, s.end)]]) {
    for (const w of lowerWords(text.slice(from, to))) if (!REUSE_STOP_WORDS.has(w) && !name.has(w)) out.add(stem(w));
  }
  return out;
}

/**
 * Quote claims follow their quotes' variants: a variant's claim corroborates the claim
 * that carries the quote, worded the same or reworded, unless the meaning changed (a
 * number, or a negation added or dropped: then it disputes it, reason `number` or
 * `negation`). Claims carrying the two sides of an attribution conflict are not linked.
 * Each pair of claims is decided once, from everything their quotes say, and written
 * at both ends alike, so the links stay mirrored.
 */
export function linkQuoteClaims(ctx: AnalysisContext, results: ReadonlyMap<string, DocumentResult>): void {
  const claimAt = (doc: DocumentResult | undefined, start: number, end: number) =>
    doc?.claims.find(c => c.kind === 'quote' && c.start <= start && end <= c.end + 1);
  interface Side { path: string; claim: Claim }
  interface Pair { a: Side; b: Side; variant: boolean; identical: boolean; reason: 'number' | 'negation' | null; texts: [string, string] }
  const pairs = new Map<string, Pair>();
  for (const doc of results.values()) {
    for (const q of doc.quotes) {
      const claim = claimAt(doc, q.start, q.end);
      if (!claim) continue;
      const note = (path: string, other: Quote | undefined, what: 'variant' | 'conflict') => {
        const otherDoc = results.get(path);
        const oc = other && claimAt(otherDoc, other.start, other.end);
        if (!other || !oc) return;
        const here = `${doc.path}\u0000${claim.start}`, there = `${path}\u0000${oc.start}`;
        if (here === there) return;
        const key = here < there ? `${here}\u0001${there}` : `${there}\u0001${here}`;
        let pair = pairs.get(key);
        if (!pair) {
          const mine: Side = { path: doc.path, claim }, theirs: Side = { path, claim: oc };
          pair = { a: here < there ? mine : theirs, b: here < there ? theirs : mine, variant: false, identical: true, reason: null, texts: [q.text, other.text] };
          pairs.set(key, pair);
        }
        if (what === 'conflict') return;
        pair.variant = true;
        const identical = quoteWordsOf(ctx, q.text).joined === quoteWordsOf(ctx, other.text).joined;
        if (!identical) {
          pair.identical = false;
          const why = meaningChange(ctx, q.text, other.text);
          if (why === 'number' || (why === 'negation' && pair.reason === null)) pair.reason = why;
        }
      };
      const quoteOf = (path: string, l: Span) => results.get(path)?.quotes.find(x => x.start === l.start && x.end === l.end);
      for (const v of q.variants) note(v.path, quoteOf(v.path, v), 'variant');
      for (const c of q.attributedElsewhere ?? []) note(c.path, quoteOf(c.path, c), 'conflict');
    }
  }
  const touched = new Set<Claim>();
  for (const pair of pairs.values()) {
    const existing = pair.a.claim.corroboratedBy.find(sameAs(pair.b)) ?? pair.a.claim.disputedBy.find(sameAs(pair.b));
    const similarity = !pair.variant ? 0 : pair.identical && !pair.reason ? 1 : existing?.similarity ?? quoteSimilarity(ctx, pair.texts[0], pair.texts[1]);
    for (const [here, there] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      const c = here.claim, match = sameAs(there);
      remove(c.corroboratedBy, match);
      remove(c.disputedBy, match);
      const link: ClaimLink = { path: there.path, start: there.claim.start, end: there.claim.end, similarity };
      if (pair.variant && pair.reason) c.disputedBy.push({ ...link, reason: pair.reason });
      else if (pair.variant) c.corroboratedBy.push(link);
      touched.add(c);
    }
  }
  for (const c of touched) c.status = claimStatus(c);
}

const sameAs = (s: { path: string; claim: Claim }) => (l: ClaimLink) => l.path === s.path && l.start === s.claim.start && l.end === s.claim.end;

function remove(list: ClaimLink[], match: (l: ClaimLink) => boolean): void {
  const at = list.findIndex(match);
  if (at >= 0) list.splice(at, 1);
}


/** Why two wordings of one quote do not say the same: a number changed, or a negation added or dropped. */
function meaningChange(ctx: AnalysisContext, a: string, b: string): 'number' | 'negation' | null {
  const na = parseNumbers(a).map(n => n.value).sort(), nb = parseNumbers(b).map(n => n.value).sort();
  if (na.length && nb.length && na.join(',') !== nb.join(',')) return 'number';
  if (quoteWordsOf(ctx, a).negations % 2 !== quoteWordsOf(ctx, b).negations % 2) return 'negation';
  return null;
}

/** Shared words of two quotes over all their words (Dice), rounded like other similarities. */
export function quoteSimilarity(ctx: AnalysisContext, a: string, b: string): number {
  const d = dice(quoteWordsOf(ctx, a).words, quoteWordsOf(ctx, b).words);
  return Math.round(d.dice * 100) / 100;
}
