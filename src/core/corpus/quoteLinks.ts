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
import { type Filed, fileIn, filedCount, filedIds, unfileFrom } from './filed';
import { claimStatus, parseNumbers } from '../claims/claims';
import { REUSE_STOP_WORDS } from '../lexicon/stopWords';
import { type AnalysisContext, memoSlot, Slot } from '../text/memo';
import { drain, PAUSE, type Slice, WHOLE } from '../text/slice';
import { lowerWords, nextWord, stem, type WordEnd } from '../text/words';
import type { Claim, ClaimLink, DocumentResult, Quote, Sentence, Span } from '../types';

/** What linking reads of a quote's words, by quote text. */
interface QuoteWords {
  /** The words, joined by spaces: identical quotes have the same. */
  joined: string;
  /**
   * The distinct words, in the order first met (arrays, not sets: a memo of 100,000 quotes' words held about
   * 2 KB a quote in its two sets).
   */
  words: readonly string[];
  /** The distinct stems of the content words (all stems when it has none), in the order first met. */
  stems: readonly string[];
  /** Negations in it: "not", "never", "no", "n't" … (parity matters). */
  negations: number;
  /** `words` and `stems` as interned ids, sorted: shares counted by a merge. */
  wordIds: Int32Array;
  stemIds: Int32Array;
  /** Whether `stems` are of content words (not all stop words). */
  content: boolean;
}

/** Negation words; "don't" splits into "don" and "t", so "t" stands for n't. */
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'nowhere', 't', 'cannot']);

const QUOTE_WORDS = memoSlot<QuoteWords>('corpus.quoteWords', 100_000);
/**
 * A text's `wordIds` alone, by text: what a quote's similarity and the alignment of quoted sentences compare. Small
 * (an array of ids a text), so that it can outlive the memo above: the CLI keeps it from the quote links to the caps
 * (`oneShot.ts`), which at 10,000 articles worked most quotes' words out again, whole, for it.
 */
export const QUOTE_WORD_IDS = memoSlot<Int32Array>('corpus.quoteWordIds', 200_000);
/** Word and stem -> id, for the sorted id arrays of `QuoteWords` and `Item`. */
const QUOTE_VOCAB = new Slot('corpus.quoteVocab', () => new Map<string, number>());

/** The distinct strings as interned ids, sorted. */
function idsOf(ctx: AnalysisContext, strings: Iterable<string>): Int32Array {
  const vocab = ctx.get(QUOTE_VOCAB);
  const out: number[] = [];
  for (const x of strings) {
    let id = vocab.get(x);
    if (id === undefined) vocab.set(x, (id = vocab.size));
    out.push(id);
  }
  const ids = newIds(ctx, out.length);
  ids.set(out);
  return ids.sort();
}

/**
 * Where a context's id arrays (a quote's words, stems and frame, a claim's words) are made: each an array of its own,
 * or, once a one-shot linker has set `chunks` (`QuoteLinker.link`, the CLI's), a view into a few large ones. An array
 * of more than 16 ids has its store allocated outside the heap, one by one, with a buffer object of its own: made
 * for every quote and every quoted claim, at 10,000 articles the CLI's peak was some 140 MB higher (1.50 against
 * 1.36 GB), and each such array took over ten times as long to make as a view. A view holds its whole chunk, whatever else
 * it holds no longer: only a context used once takes them.
 */
const ID_CHUNKS = new Slot('corpus.quoteIdChunks', () => ({ chunks: null as IdChunks | null }));

function newIds(ctx: AnalysisContext, n: number): Int32Array {
  const chunks = ctx.get(ID_CHUNKS).chunks;
  return chunks ? chunks.take(n) : new Int32Array(n);
}

class IdChunks {
  private chunk: ArrayBuffer | null = null;
  private at = 0;
  /** A view of `n` ids (zeros). */
  take(n: number): Int32Array {
    if (n > ID_CHUNK >> 4) return new Int32Array(n);
    if (!this.chunk || this.at + n > ID_CHUNK) {
      this.chunk = new ArrayBuffer(4 * ID_CHUNK);
      this.at = 0;
    }
    // (A view made on the buffer: `subarray` looks its constructor up first, and cost about three times as much.)
    const view = new Int32Array(this.chunk, 4 * this.at, n);
    this.at += n;
    return view;
  }
}
const ID_CHUNK = 1 << 16;

/**
 * What linking reads of a word met in a quote or around one, by its lower-case text, worked out once per context: a
 * quote's words are looked up here once each, in place of a stop-word test, a negation test, a stem made, and sets and
 * vocabulary look-ups per word and per stem (at 10,000 articles the quotes' words took over a quarter of the quote
 * links, with the collections of what they threw away).
 */
class WordBook {
  /**
   * The words by hash (FNV-1a of their characters), open addressing: a slot holds a word's number plus one (0:
   * empty). A word is looked up from the characters of the text it is in, and no string is made for a word known.
   */
  private slots = new Int32Array(1 << 12);
  private readonly hash: number[] = [];
  /** Per word (by its number here): its text, a stop word (`REUSE_STOP_WORDS`), a negation, its stem. */
  readonly word: string[] = [];
  readonly stop: boolean[] = [];
  readonly negation: boolean[] = [];
  readonly stem: string[] = [];
  /** Per word, its vocabulary id and its stem's (-1 until first asked: the vocabulary gives ids in the order asked). */
  private readonly id: number[] = [];
  private readonly stemId: number[] = [];
  /** Per word, and per vocabulary id, the last pass (`pass`) that met it: distinct words and stems without sets. */
  private readonly wordMark: number[] = [];
  private idMark = new Int32Array(1024);
  private passes = 0;
  /** The context's vocabulary (`QUOTE_VOCAB`). */
  vocab: Map<string, number> | null = null;

  private readonly at: WordEnd = { end: 0, dotted: false };

  /** The words of `lower` (a text in lower case, as `lowerWords` reads it) as numbers here, pushed onto `out`. */
  wordsOf(lower: string, out: number[]): void {
    const at = this.at;
    for (let s = nextWord(lower, 0, lower.length, at); s >= 0; s = nextWord(lower, at.end, lower.length, at)) out.push(this.of(lower, s, at.end));
  }

  /** The number of the word `text.slice(from, to)`. */
  private of(text: string, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let c = from; c < to; c++) h = Math.imul(h ^ text.charCodeAt(c), 0x01000193);
    const slots = this.slots, mask = slots.length - 1;
    let k = h & mask;
    for (let x = slots[k]; x; x = slots[(k = (k + 1) & mask)]) {
      if (this.hash[x - 1] !== h) continue;
      const w = this.word[x - 1];
      if (w.length !== to - from) continue;
      let c = 0;
      while (c < w.length && w.charCodeAt(c) === text.charCodeAt(from + c)) c++;
      if (c === w.length) return x - 1;
    }
    const e = this.word.length, w = text.slice(from, to);
    slots[k] = e + 1;
    this.hash.push(h);
    this.word.push(w);
    this.stop.push(REUSE_STOP_WORDS.has(w));
    this.negation.push(NEGATIONS.has(w));
    this.stem.push(stem(w));
    this.id.push(-1);
    this.stemId.push(-1);
    this.wordMark.push(0);
    if (2 * this.word.length > slots.length) this.grow();
    return e;
  }

  /** Twice the slots, every word filed again. */
  private grow(): void {
    const slots = new Int32Array(2 * this.slots.length), mask = slots.length - 1;
    for (let e = 0; e < this.word.length; e++) {
      let k = this.hash[e] & mask;
      while (slots[k]) k = (k + 1) & mask;
      slots[k] = e + 1;
    }
    this.slots = slots;
  }

  /** A new pass: every word and id unmarked. */
  pass(): number {
    return ++this.passes;
  }

  /** Marks word `e` in `pass`; whether it was not yet. */
  firstWord(e: number, pass: number): boolean {
    if (this.wordMark[e] === pass) return false;
    this.wordMark[e] = pass;
    return true;
  }

  /** Marks vocabulary id `id` in `pass`; whether it was not yet. */
  firstId(id: number, pass: number): boolean {
    if (id >= this.idMark.length) {
      const more = new Int32Array(Math.max(2 * this.idMark.length, id + 1));
      more.set(this.idMark);
      this.idMark = more;
    }
    if (this.idMark[id] === pass) return false;
    this.idMark[id] = pass;
    return true;
  }

  /** The vocabulary id of word `e`, or of its stem. */
  wordId(e: number, w: string): number {
    const id = this.id[e];
    return id >= 0 ? id : (this.id[e] = this.vocabId(w));
  }

  stemIdOf(e: number): number {
    const id = this.stemId[e];
    return id >= 0 ? id : (this.stemId[e] = this.vocabId(this.stem[e]));
  }

  private vocabId(x: string): number {
    const vocab = this.vocab!;
    let id = vocab.get(x);
    if (id === undefined) vocab.set(x, (id = vocab.size));
    return id;
  }
}

const WORD_BOOK = new Slot('corpus.quoteWordBook', () => new WordBook());

function bookOf(ctx: AnalysisContext): WordBook {
  const book = ctx.get(WORD_BOOK);
  book.vocab ??= ctx.get(QUOTE_VOCAB);
  return book;
}

/** The distinct words of `text` as sorted ids. */
function wordIdsOf(ctx: AnalysisContext, text: string): Int32Array {
  return ctx.get(QUOTE_WORD_IDS).get(text, t => idsOf(ctx, new Set(lowerWords(t))));
}

/** Sorts a list of ids into a new typed array. */
function sortedIds(ctx: AnalysisContext, ids: readonly number[]): Int32Array {
  const n = ids.length, out = newIds(ctx, n);
  if (n > 32) {
    for (let k = 0; k < n; k++) out[k] = ids[k];
    return out.sort();
  }
  // (A quote's few ids sorted by insertion: the typed array's sort, and making it from a list, cost more than that.)
  for (let k = 0; k < n; k++) {
    const x = ids[k];
    let y = k;
    while (y > 0 && out[y - 1] > x) { out[y] = out[y - 1]; y--; }
    out[y] = x;
  }
  return out;
}

function quoteWordsOf(ctx: AnalysisContext, text: string): QuoteWords {
  return ctx.get(QUOTE_WORDS).get(text, t => {
    const book = bookOf(ctx);
    const tokens: number[] = [];
    book.wordsOf(t.toLowerCase(), tokens);
    // Each token's word, the distinct ones in the order first met; negations counted per token, stop words too.
    const pass = book.pass();
    const words: string[] = [], entries: number[] = [], all: string[] = [];
    let negations = 0, content = 0;
    for (const e of tokens) {
      const w = book.word[e];
      all.push(w);
      if (book.negation[e]) negations++;
      if (!book.stop[e]) content++;
      if (book.firstWord(e, pass)) { words.push(w); entries.push(e); }
    }
    const joined = all.join(' ');
    // (Ids as `idsOf` gives them: the words', in the order first met, then the stems'.)
    const wordIds = ctx.get(QUOTE_WORD_IDS).get(t, () => sortedIds(ctx, entries.map((e, k) => book.wordId(e, words[k]))));
    // The stems of the content words (of every word when none is), distinct, in the order first met.
    const stems: string[] = [], stemIds: number[] = [];
    const idPass = book.pass();
    for (const e of entries) {
      if (content && book.stop[e]) continue;
      const id = book.stemIdOf(e);
      if (book.firstId(id, idPass)) { stems.push(book.stem[e]); stemIds.push(id); }
    }
    return { joined, words, stems, negations, wordIds, stemIds: sortedIds(ctx, stemIds), content: content > 0 };
  });
}

/** One quote with a speaker, as linking sees it. */
interface Item {
  path: string;
  /** Its index in the document's quotes. */
  at: number;
  start: number;
  end: number;
  /** The speaker linking reads (`linkSpeaker`: a spokesperson's body for the spokesperson). */
  speaker: string;
  /** The speaker as the quote credits it, when linking reads another (what an attribution conflict names). */
  said?: string;
  w: QuoteWords;
  /** Content stems of its sentence outside the quote, the speaker's name left out: distinct, in the order first met. */
  frame: readonly string[];
  /** `frame` as interned ids, and the union of `w.stemIds` and `frameIds` (what `shareKey` looks at), sorted. */
  frameIds: Int32Array;
  stemsAndFrame: Int32Array;
  /** `keysOf` per space, computed once. */
  keys?: ({ keys: string[]; need: number } | null)[];
  /** `signature`, computed once. */
  sig?: string;
}

/** A document's text and sentences, to read a quote's frame. */
export type SourceOf = (path: string) => { text: string; sentences: readonly Sentence[] };

/** How many ids two sorted id arrays (each without repeats) share. */
function sharedIds(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] < b[j]) i++; else if (a[i] > b[j]) j++; else { n++; i++; j++; }
  }
  return n;
}

/** Shared elements over the smaller set's size (0 when the smaller is empty); the sets as sorted ids. */
function containment(a: Int32Array, b: Int32Array): number {
  const small = Math.min(a.length, b.length);
  return small ? sharedIds(a, b) / small : 0;
}

function dice(a: Int32Array, b: Int32Array): { shared: number; dice: number } {
  const n = sharedIds(a, b);
  return { shared: n, dice: a.length + b.length ? (2 * n) / (a.length + b.length) : 0 };
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
  if (runInside(a, b) || runInside(b, a)) return true;
  const small = Math.min(a.w.stems.length, b.w.stems.length);
  const c = containment(a.w.stemIds, b.w.stemIds);
  if (small >= 2 && c === 1) return true;
  if (small >= 3 && (c >= 0.6 || c >= 0.5 && c * small >= 4)) return true;
  if (small >= 2 && c >= 0.5 && framesAgree(a, b, 0.5)) return true;
  return a.w.words.length <= SHORT_QUOTE && b.w.words.length <= SHORT_QUOTE && framesAgree(a, b, 0.6);
}

/**
 * A fragment of three words or more quoted word for word out of the other quote ("this is
 * not who we are" in "…, say, look, this is not who we are"): the same utterance even when
 * it is all function words, so that its content stems cannot show it.
 */
function runInside(a: Item, b: Item): boolean {
  return a.w.words.length >= 3 && wordsRunInside(a.w, b.w);
}

/** Whether `a`'s words run unbroken inside `b`'s, `b` being the longer. */
function wordsRunInside(a: QuoteWords, b: QuoteWords): boolean {
  return a.joined.length < b.joined.length && joinedInside(a.joined, b.joined);
}

/**
 * Whether the words `a` (joined by spaces) come whole, one after the other, in the words `b`: \` ${a} \` inside
 * \` ${b} \`, found without making either (a quote's words padded were a second copy of every quote's text).
 */
function joinedInside(a: string, b: string): boolean {
  // (No words: two spaces, found only in none.)
  if (!a.length) return !b.length;
  for (let at = b.indexOf(a); at >= 0; at = b.indexOf(a, at + 1)) {
    const end = at + a.length;
    if ((at === 0 || b.charCodeAt(at - 1) === 32) && (end === b.length || b.charCodeAt(end) === 32)) return true;
  }
  return false;
}

function framesAgree(a: Item, b: Item, min: number): boolean {
  const d = dice(a.frameIds, b.frameIds);
  return d.shared >= 3 && d.dice >= min;
}

/**
 * The same words from different mouths: identical words, or one quote's words (three or
 * more) nearly all in the other, and for a short quote in its order (`wordsInOrder`: "far
 * from exhausted" / "are far from being exhausted").
 */
function sameWords(a: Item, b: Item, sameJoined = a.w.joined === b.w.joined): boolean {
  if (Math.min(a.w.words.length, b.w.words.length) < 3) return false;
  return sameJoined || (containsAtLeast(a.w.wordIds, b.w.wordIds, 0.8) && wordsInOrder(a.w, b.w));
}

/** Quotes of this many words or more are the same words as another when nearly all their words are in it, in any order … */
const LOOSE_WORDS = 8;
/** … unless the other is more than this many times as long (its words, spread over a long text, are no passage of it). */
const SPREAD = 3;
/** A shorter quote's words may have this many words put in between them in the other (a quarter of its words, if more). */
const INSERTED_MAX = 2;

/**
 * Whether the shorter quote's words stand in the longer one as an attribution conflict needs: any order for a quote of
 * `LOOSE_WORDS` or more in one at most `SPREAD` times as long; else every word, in its order, with at most
 * `INSERTED_MAX` words (or a quarter of its words) put in between ("far from exhausted" / "are far from being
 * exhausted"; a sentence inside a debate transcript quoted whole). A short quote's words found anywhere in a longer one are not the same
 * words ("I love you" / "You know, I love Larry"; "a lot going on" / "… kids going to college … a lot of it was on
 * things"), and a conflict is an allegation a checker acts on.
 */
function wordsInOrder(a: QuoteWords, b: QuoteWords): boolean {
  const ta = a.joined.split(' '), tb = b.joined.split(' ');
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length >= LOOSE_WORDS && long.length <= SPREAD * short.length) return true;
  return inOrderWithin(short, long, Math.max(INSERTED_MAX, Math.floor(short.length / 4)));
}

/** Whether every word of `short`, in its order, is in `long` with at most `inserted` other words between the first and the last. */
export function inOrderWithin(short: readonly string[], long: readonly string[], inserted: number): boolean {
  if (!short.length) return true;
  for (let s = 0; s + short.length <= long.length; s++) {
    if (long[s] !== short[0]) continue;
    // (Each next word matched at its first place after the last: for this start, the earliest end there is.)
    let i = 1, extra = 0;
    for (let j = s + 1; i < short.length && j < long.length && extra <= inserted; j++) {
      if (long[j] === short[i]) i++; else extra++;
    }
    if (i === short.length && extra <= inserted) return true;
  }
  return false;
}

/**
 * Whether `containment(a, b) >= min`, the merge stopped as soon as the shared ids
 * left possible cannot reach it (most pairs looked at share little).
 */
function containsAtLeast(a: Int32Array, b: Int32Array, min: number): boolean {
  const small = Math.min(a.length, b.length);
  if (!small) return 0 >= min;
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { n++; i++; j++; continue; }
    if (a[i] < b[j]) i++; else j++;
    if ((n + Math.min(a.length - i, b.length - j)) / small < min) return false;
  }
  return n / small >= min;
}

/** What the linker keeps of a document: the same key as last time means the same quotes, speakers and text. */
export interface QuoteDoc {
  path: string;
  quotes: readonly Quote[];
  text: string;
  sentences: readonly Sentence[];
  key: unknown;
}

/** A link of one item to another: a variant (same speaker) or an attribution conflict; `fragment`: found by `linkFragments`. */
interface ItemLink { other: number; variant: boolean; identical: boolean; fragment?: boolean }

/** A quoted fragment of one content word ("intolerable", "without delay"), of this many letters or more (its stem). */
export const FRAGMENT_MIN = 5;

/** Whether an item is a one-content-word fragment `linkFragments` looks up. */
function isFragment(it: Item): boolean {
  if (!it.w.content || it.w.stems.length !== 1) return false;
  return it.w.stems[0].length >= FRAGMENT_MIN;
}

/** The three spaces quotes are looked up in (see `forEachCandidate`). */
const SPACES = 3;

/**
 * How many quotes a key may be filed under and still propose partners. Past it the
 * key is common (a speaker's stock word in a large archive): it proposes nothing,
 * so a quote's candidates are bounded whatever the corpus size. The count is over
 * the whole index, so the candidates, and the links, do not depend on the order
 * the documents came in. Word-for-word copies are always proposed (their own key).
 */
export const QUOTE_KEY_CAP = 64;

/**
 * Quote variants and attribution conflicts kept up to date one document at a time.
 * A link depends on its two quotes and on which of their keys are common, so after
 * an edit only the changed documents' quotes are looked up again, through
 * postings (never against every quote of a speaker), with the quotes filed under a
 * key that became common or rare again; the links of other pairs stay. A pair is
 * tested when the two quotes share a key that is not common in one of the spaces
 * (see `keysOf`), or the same words.
 */
export class QuoteLinker {
  constructor(private readonly ctx: AnalysisContext, private readonly keyCap = QUOTE_KEY_CAP) {}
  private items: (Item | undefined)[] = [];
  private links: ItemLink[][] = [];
  private readonly docs = new Map<string, { key: unknown; ids: number[] }>();
  /** Per space, key -> the items filed under it (`Filed`); `SPACES` itself: the same words. */
  private readonly full: Map<string, Filed>[] = Array.from({ length: SPACES + 1 }, () => new Map());
  /** Per space, key -> the items with the key in their prefix (`prefixOf`). */
  private readonly prefix: Map<string, Filed>[] = Array.from({ length: SPACES + 1 }, () => new Map());
  private free: number[] = [];
  /** Per item and space, the prefix it is filed under (see `prefixOf`). */
  private readonly prefixes: string[][][] = [];
  /**
   * Items filed under a key that crossed the cap during an update with `defer` (the
   * first phase of a two-phase edit), looked up again by the next update without it;
   * until then they keep the links they had.
   */
  private readonly owed = new Set<number>();
  /** How many items the last `update` looked up (new quotes, and those whose keys crossed the cap): for tests and benches. */
  lookedUp = 0;
  /** Keys that crossed the cap (either way) since the last lookup, by space. */
  private crossed: Set<string>[] = Array.from({ length: SPACES + 1 }, () => new Set());

  /**
   * Items linked by `linkAll` and not filed in the maps above (`full`, `prefix`,
   * `prefixes`): filed by the next `link`, before it looks anything up.
   */
  private unfiled = false;

  /**
   * Brings the links up to date with `docs` (every document of the corpus, in the
   * corpus's order) and writes `variants`, `attributedElsewhere`, `quoteGroup` and
   * `quoteGroupSize` into their quotes. `oneShot`: the caller will seldom or never
   * ask again (the CLI), so an empty linker links everything at once through flat
   * postings, and files its items for later lookups only if it is asked again.
   */
  link(docs: readonly QuoteDoc[], oneShot = false): void {
    if (oneShot && !this.docs.size && !this.items.length) {
      this.ctx.get(ID_CHUNKS).chunks ??= new IdChunks();
      this.linkAll(docs);
      this.linkFragments();
      this.write(docs);
      return;
    }
    this.update(docs);
    this.write(docs);
  }

  /**
   * Brings the links up to date with `docs` (every document of the corpus, in the
   * corpus's order) without writing them; the paths of the documents whose quotes'
   * links may have changed (an edited corpus then writes those with `write`).
   */
  update(docs: readonly QuoteDoc[], defer = false): Set<string> {
    const present = new Set(docs.map(d => d.path));
    const gone: string[] = [];
    for (const path of this.docs.keys()) if (!present.has(path)) gone.push(path);
    return this.revise(gone, docs, defer);
  }

  /**
   * `update` given only what changed: `docs`, the documents whose key may have
   * changed, in the corpus's order; `removed`, those removed. Every other document is
   * as the linker knows it. The same links and answer as `update` given every document.
   */
  updateChanged(docs: readonly QuoteDoc[], removed: Iterable<string>, defer = false): Set<string> {
    const gone: string[] = [];
    for (const path of removed) if (this.docs.has(path)) gone.push(path);
    return this.revise(gone, docs, defer);
  }

  /** The body of `update`: drops the documents `gone`, revises each of `docs` whose key changed, and looks up what must be. */
  private revise(gone: readonly string[], docs: readonly QuoteDoc[], defer: boolean): Set<string> {
    if (this.unfiled) this.fileAll();
    const changed = new Set<string>();
    // An item and the items it links to (before its links go, and after they are found).
    const mark = (id: number) => { changed.add(this.items[id]!.path); for (const l of this.links[id]) changed.add(this.items[l.other]!.path); };
    for (const path of gone) { for (const id of this.docs.get(path)!.ids) mark(id); this.drop(path); }
    const added = new Set<number>();
    /** The documents whose quotes came, went or were looked up again (those revised here now; those looked up below). */
    const full = new Set<string>(gone);
    for (const d of docs) {
      const known = this.docs.get(d.path);
      if (known && known.key === d.key) continue;
      changed.add(d.path);
      full.add(d.path);
      // A document changed is revised quote by quote: a quote whose matching inputs are the same (speaker, words,
      // frame) keeps its item, postings and links (its place is updated: a moved quote marks its partners, whose
      // links name the place); the others are unfiled, and the new ones filed and looked up.
      const kept = new Map<string, number[]>();
      if (known) for (const id of known.ids) { const sig = signature(this.items[id]!); const l = kept.get(sig); if (l) l.push(id); else kept.set(sig, [id]); }
      // (Through the memo only when the document was known: an edit. A corpus indexed through `update` would otherwise
      // keep every quote's sentence as a key.)
      const now = collect(this.ctx, d, !!known);
      const ids: number[] = now.map(it => kept.get(signature(it))?.shift() ?? -1);
      // (The gone first, so that a key's count crosses the cap only if it does once the document is revised.)
      for (const gone of kept.values()) for (const id of gone) { mark(id); this.dropItem(id); }
      now.forEach((it, k) => {
        const same = ids[k];
        if (same >= 0) {
          const was = this.items[same]!;
          if (was.start !== it.start || was.end !== it.end) mark(same);
          was.at = it.at;
          was.start = it.start;
          was.end = it.end;
          return;
        }
        const id = this.free.pop() ?? this.items.length;
        this.items[id] = it;
        this.links[id] = [];
        ids[k] = id;
        added.add(id);
        this.file(id);
      });
      this.docs.set(d.path, { key: d.key, ids });
    }
    // Prefixes once every key is counted: a key's being common is counted over the whole index.
    for (const id of added) this.filePrefixes(id);
    // A key that became common (or rare again) changes the candidates of every quote filed under it.
    const again = (id: number) => {
      mark(id);
      this.unlink(id);
      this.filePrefixes(id);
      added.add(id);
    };
    for (let s = 0; s <= SPACES; s++) {
      for (const key of this.crossed[s]) {
        for (const id of filedIds(this.full[s].get(key))) {
          if (added.has(id)) continue;
          if (defer) this.owed.add(id);
          else again(id);
        }
      }
      this.crossed[s].clear();
    }
    if (!defer) {
      // What deferred updates left: looked up again now (an id freed and handed to a new quote since costs it one more lookup).
      for (const id of this.owed) if (this.items[id] && !added.has(id)) again(id);
      this.owed.clear();
    }
    this.lookUp([...added]);
    this.lookedUp = added.size;
    for (const id of added) mark(id);
    // Only links into the documents whose items came, went or were looked up again can have changed: those documents'
    // fragments are worked out again whole, the others' only towards them.
    for (const id of added) full.add(this.items[id]!.path);
    // A fragment's links follow its document's variants into other documents. A fragment can gain or lose a link
    // into one of `full`'s documents only if its own document has a link into that document now: a variant link
    // (the fragment's partners) or the fragment link itself (links are kept at both ends; one dropped went at both).
    // So the documents linked to `full`'s (a quote kept there marks no partner) are the ones worked out again, with
    // those marked; not the documents linked to every document marked, which at 10,000 articles, through a quote
    // with hundreds of copies, was most of the corpus.
    const fragmentDocs = new Set(changed);
    for (const p of full) for (const id of this.docs.get(p)?.ids ?? []) for (const l of this.links[id]) fragmentDocs.add(this.items[l.other]!.path);
    for (const id of this.linkFragments(fragmentDocs, full)) mark(id);
    return changed;
  }

  /**
   * A quoted fragment of one content word ("called the shootings “intolerable.”") is the same utterance as a quote of
   * the same speaker in another document that holds the word ("… it needs to be intolerable,” she said), when the two
   * documents already carry another quote of that speaker in common (a variant link found by the tests above): one
   * word proves nothing alone, the documents' other shared quote says they report one remark. A function of the other
   * links, so the one-shot and incremental linkers agree. A fragment's links depend on its own document's quotes and
   * their links, and on the quotes of the documents those link to: so after an update only the fragments of the
   * documents given (`paths`) are worked out again, every fragment without `paths`. With `full` (the documents whose
   * quotes came, went or were looked up again), a fragment of a document not in it keeps its links into documents not
   * in it (nothing there changed) and has only those into `full`'s documents worked out again. The items whose
   * fragment links changed, at both ends.
   */
  private linkFragments(paths?: ReadonlySet<string>, full?: ReadonlySet<string>): number[] {
    const fragments: number[] = [];
    if (paths) {
      for (const p of paths) for (const id of this.docs.get(p)?.ids ?? []) if (isFragment(this.items[id]!)) fragments.push(id);
    } else {
      for (let id = 0; id < this.items.length; id++) if (this.items[id] && isFragment(this.items[id]!)) fragments.push(id);
    }
    // A fragment link joins a fragment and a quote that is not one: the fragments' links, dropped at both ends, are all of them.
    const whole = (f: number) => !full || full.has(this.items[f]!.path);
    /** The fragment links of `f` to be worked out again: all, or those into `full`'s documents. */
    const redone = (f: number, l: ItemLink) => l.fragment && (whole(f) || full!.has(this.items[l.other]!.path));
    const old = new Set<string>();
    for (const f of fragments) {
      if (!this.links[f].some(l => redone(f, l))) continue;
      for (const l of this.links[f]) {
        if (!redone(f, l)) continue;
        old.add(`${f},${l.other}`);
        this.links[l.other] = this.links[l.other].filter(x => !(x.fragment && x.other === f));
      }
      this.links[f] = this.links[f].filter(l => !redone(f, l));
    }
    const found = new Set<string>();
    for (const f of fragments) {
      const it = this.items[f]!;
      const stem = it.w.stemIds[0];
      // The documents a quote of the same speaker in the fragment's document is a variant of.
      const partners = new Set<string>();
      for (const g of this.docs.get(it.path)!.ids) {
        if (g === f || this.items[g]!.speaker !== it.speaker) continue;
        for (const l of this.links[g]) if (l.variant && !l.fragment && this.items[l.other]!.path !== it.path) partners.add(this.items[l.other]!.path);
      }
      const all = whole(f);
      for (const path of partners) {
        if (!all && !full!.has(path)) continue;
        for (const h of this.docs.get(path)!.ids) {
          const other = this.items[h]!;
          if (other.speaker !== it.speaker || isFragment(other) || !other.w.stemIds.includes(stem)) continue;
          if (this.links[f].some(l => l.other === h)) continue;
          this.links[f].push({ other: h, variant: true, identical: false, fragment: true });
          this.links[h].push({ other: f, variant: true, identical: false, fragment: true });
          found.add(`${f},${h}`);
        }
      }
    }
    const touched = new Set<number>();
    for (const k of old) if (!found.has(k)) for (const x of k.split(',')) touched.add(Number(x));
    for (const k of found) if (!old.has(k)) for (const x of k.split(',')) touched.add(Number(x));
    return [...touched];
  }

  /** The links of the document's quotes (variants or attribution conflicts): the quote's index, the other document and its quote's index. */
  linksOf(path: string): [number, string, number][] {
    const out: [number, string, number][] = [];
    this.eachLink(path, (i, other, j) => out.push([i, other, j]));
    return out;
  }

  /** `linksOf`'s links handed to `f` one by one, in the same order, with nothing made per link. */
  eachLink(path: string, f: (i: number, other: string, j: number) => void): void {
    for (const id of this.docs.get(path)?.ids ?? []) for (const l of this.links[id]) f(this.items[id]!.at, this.items[l.other]!.path, this.items[l.other]!.at);
  }

  /** Files every item `linkAll` linked, as `link` would have (no lookup: their links are known). */
  private fileAll(): void {
    this.unfiled = false;
    const live: number[] = [];
    for (let id = 0; id < this.items.length; id++) if (this.items[id]) live.push(id);
    for (const id of live) this.file(id);
    for (const id of live) this.filePrefixes(id);
    for (const c of this.crossed) c.clear();
  }

  /**
   * Links every quote of `docs` into an empty linker: the same candidates and tests
   * as `link` and `lookUp` (a pair is tested when one quote's prefix meets the other's
   * keys in a space, through a key that is not common), in the same order, with each
   * space's keys as ids and its postings as flat arrays instead of maps of sets.
   */
  private linkAll(docs: readonly QuoteDoc[]): void {
    const items = this.items as Item[];
    const docEnd: number[] = [];
    for (const d of docs) {
      const ids: number[] = [];
      for (const it of collect(this.ctx, d)) {
        ids.push(items.length);
        items.push(it);
        this.links.push([]);
      }
      for (let k = 0; k < ids.length; k++) docEnd.push(items.length);
      this.docs.set(d.path, { key: d.key, ids });
    }
    const n = items.length;
    this.unfiled = n > 0;
    // Speakers, and words (the key of the last space), as ids: the tests compare numbers, not strings.
    const speakers = new Map<string, number>();
    const speakerNames: string[] = [];
    const speaker = Int32Array.from(items, it => {
      let id = speakers.get(it.speaker);
      if (id === undefined) { speakers.set(it.speaker, (id = speakers.size)); speakerNames.push(it.speaker); }
      return id;
    });
    // Every word, stem and frame stem is a vocabulary id (`idsOf`): a key is one (space 0: a word) or a speaker's
    // id and one (spaces 1 and 2), made into a key id of its space without building the key's string.
    const vocab = this.ctx.get(QUOTE_VOCAB);
    const V = vocab.size;
    const strings: string[] = new Array(V);
    for (const [x, id] of vocab) strings[id] = x;
    const [W, S, F, SF] = flatIds(items, it => [it.w.wordIds, it.w.stemIds, it.frameIds, it.stemsAndFrame], 4);
    // Per space: each item's key ids and prefix ids; each key's items, and the items with it in their prefix.
    // Flat: item i's keys are `keys[keyAt[i]] … keys[keyAt[i + 1] - 1]` (none: no keys in that space), its prefix likewise.
    interface Space { keyAt: Int32Array; keys: Int32Array; prefixAt: Int32Array; prefixes: Int32Array; full: Postings; prefix: Postings }
    const spaces: Space[] = [];
    const joined = new Map<string, number>();
    // The rows by speaker (in row order within one), and a vocabulary id's key id for the speaker at hand (spaces 1, 2).
    const speakerCount = speakerNames.length;
    const speakerStart = new Int32Array(speakerCount + 1);
    for (let i = 0; i < n; i++) speakerStart[speaker[i] + 1]++;
    for (let g = 0; g < speakerCount; g++) speakerStart[g + 1] += speakerStart[g];
    const rowsBySpeaker = new Int32Array(n);
    {
      const at = speakerStart.slice(0, speakerCount);
      for (let i = 0; i < n; i++) rowsBySpeaker[at[speaker[i]]++] = i;
    }
    const stemKey = new Int32Array(V).fill(-1);
    // An item's counts are read from `W`, `S` and `F` (its distinct words, stems and frame stems: the lengths of
    // `w.words`, `w.stems` and `frame`), not from the item; `fewestShared` by size, once.
    const most80: number[] = [], most50: number[] = [];
    const need80 = (small: number) => (most80[small] ??= fewestShared(small, 0.8));
    for (let s = 0; s <= SPACES; s++) {
      // Key id -> its vocabulary id and speaker (-1: a word of space 0; space 3: its words' own id).
      const keyWord: number[] = [], keySpeaker: number[] = [];
      const counts: number[] = [];
      const keyAt = new Int32Array(n + 1), need = new Int32Array(n);
      // Every key of every item, laid end to end (`used` of them): at most an item's words, stems, frame, or one.
      const flat = new Int32Array(s === 0 ? W.ids.length : s === 1 ? S.ids.length : s === 2 ? F.ids.length : n);
      let used = 0;
      // (Spaces 1 and 2: a key is a speaker's id and a vocabulary id. Their key ids are given speaker by speaker, through
      // `stemKey` (vocabulary id -> key id, for the speaker at hand): no map or table of every key (at 10,000 articles
      // millions, each met at random). A key id says nothing of the order the keys are looked up in: that is the rows'.)
      const bySpeaker = (from: FlatIds) => {
        for (let g = 0; g < speakerCount; g++) {
          const touched: number[] = [];
          for (let y = speakerStart[g]; y < speakerStart[g + 1]; y++) {
            const i = rowsBySpeaker[y];
            for (let x = keyAt[i], z = from.at[i]; x < keyAt[i + 1]; x++, z++) {
              const word = from.ids[z];
              let id = stemKey[word];
              if (id < 0) {
                stemKey[word] = id = counts.length;
                keyWord.push(word);
                keySpeaker.push(g);
                counts.push(0);
                touched.push(word);
              }
              counts[id]++;
              flat[x] = id;
            }
          }
          for (const word of touched) stemKey[word] = -1;
        }
      };
      // (Space 3's keys are the words' own ids, given in the order first met: its key ids are them.)
      const addJoined = (id: number) => {
        if (id === counts.length) { keyWord.push(-1); keySpeaker.push(-1); counts.push(0); }
        counts[id]++;
        flat[used++] = id;
      };
      // (Space 0's keys are words: their key ids by vocabulary id, no map.)
      const wordKey = s === 0 ? new Int32Array(V).fill(-1) : null;
      const addWord = (word: number) => {
        let id = wordKey![word];
        if (id < 0) { wordKey![word] = id = counts.length; keyWord.push(word); keySpeaker.push(-1); counts.push(0); }
        counts[id]++;
        flat[used++] = id;
      };
      for (let i = 0; i < n; i++) {
        const it = items[i];
        if (s === SPACES) {
          let id = joined.get(it.w.joined);
          if (id === undefined) joined.set(it.w.joined, (id = joined.size));
          need[i] = 1;
          addJoined(id);
        } else if (s === 0) {
          const words = W.at[i + 1] - W.at[i];
          if (words >= 3) {
            need[i] = need80(words);
            for (let x = W.at[i]; x < W.at[i + 1]; x++) addWord(W.ids[x]);
          }
        } else if (s === 1) {
          const stems = S.at[i + 1] - S.at[i];
          need[i] = (most50[stems] ??= fewestShared(stems, 0.5));
          used += stems;
        } else if (!(W.at[i + 1] - W.at[i] > SHORT_QUOTE || F.at[i + 1] - F.at[i] < 3)) {
          need[i] = Math.max(3, Math.floor((3 * (F.at[i + 1] - F.at[i])) / 7));
          used += F.at[i + 1] - F.at[i];
        }
        keyAt[i + 1] = used;
      }
      if (s === 1) bySpeaker(S);
      else if (s === 2) bySpeaker(F);
      const keys = flat.slice(0, used);
      const common = new Uint8Array(counts.length);
      if (s < SPACES) for (let id = 0; id < counts.length; id++) if (counts[id] > this.keyCap) common[id] = 1;
      const hashes = new Float64Array(counts.length).fill(-1);
      // `keyHash` of the key's string (the speaker's name, NUL, then the word or stem), the speaker's part once.
      const speakerHash = new Map<number, number>();
      const hashOf = (id: number): number => {
        const who = keySpeaker[id];
        let h = 0x811c9dc5;
        if (who >= 0) {
          const known = speakerHash.get(who);
          if (known !== undefined) h = known;
          else {
            const name = speakerNames[who];
            for (let c = 0; c < name.length; c++) h = Math.imul(h ^ name.charCodeAt(c), 0x01000193);
            speakerHash.set(who, (h = Math.imul(h ^ 0, 0x01000193)));
          }
        }
        const word = strings[keyWord[id]];
        for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193);
        return h >>> 0;
      };
      const before = (a: number, b: number) => {
        if (common[a] !== common[b]) return common[a] < common[b];
        if (hashes[a] !== hashes[b]) return hashes[a] < hashes[b];
        return strings[keyWord[a]] < strings[keyWord[b]];
      };
      let best = new Int32Array(64);
      for (let i = 0; i < n; i++) if (keyAt[i + 1] - keyAt[i] > best.length) best = new Int32Array(keyAt[i + 1] - keyAt[i]);
      const prefixAt = new Int32Array(n + 1);
      // (The prefixes, laid end to end in the same array: a row's prefix is among its keys, so never longer.)
      used = 0;
      for (let i = 0; i < n; i++) {
        const from = keyAt[i], to = keyAt[i + 1], size = to - from;
        const m = Math.max(1, size - need[i] + 1);
        if (m >= size) for (let x = from; x < to; x++) flat[used++] = keys[x];
        else {
          // `prefixOf`'s order: keys that are not common first, then by hash, then by key (one item's keys in a space
          // share their speaker: by the word or stem).
          // The `m` first in that order (a total order: the keys of a row differ), kept sorted in `best` by insertion.
          let kept = 0;
          for (let x = from; x < to; x++) {
            const id = keys[x];
            if (hashes[id] < 0) hashes[id] = hashOf(id);
            if (kept === m && !before(id, best[m - 1])) continue;
            let y = kept < m ? kept++ : m - 1;
            while (y > 0 && before(id, best[y - 1])) { best[y] = best[y - 1]; y--; }
            best[y] = id;
          }
          for (let x = 0; x < m; x++) flat[used++] = best[x];
        }
        prefixAt[i + 1] = used;
      }
      const prefixes = flat.slice(0, used);
      spaces.push({ keyAt, keys, prefixAt, prefixes, full: postingsOf(keyAt, keys, common), prefix: postingsOf(prefixAt, prefixes, common) });
    }
    // What `test` reads of an item, as numbers, in one record of `R` ints (one cache line; the candidates come in no
    // order): speaker, words (the key of the last space), how many distinct words and stems, the words' joined length,
    // and where its words, stems, frame, and stems and frame start in `W`, `S`, `F`, `SF` (ends: the next item's).
    const R = 16, SPEAKER = 0, WORDS = 1, WORD_COUNT = 2, STEM_COUNT = 3, JOINED = 4, W_AT = 5, S_AT = 6, F_AT = 7, F_END = 8, SF_AT = 9, SF_END = 10;
    const rec = new Int32Array(n * R);
    {
      const words = spaces[SPACES];
      for (let i = 0, r = 0; i < n; i++, r += R) {
        rec[r + SPEAKER] = speaker[i];
        rec[r + WORDS] = words.keys[words.keyAt[i]];
        rec[r + WORD_COUNT] = W.at[i + 1] - W.at[i];
        rec[r + STEM_COUNT] = S.at[i + 1] - S.at[i];
        rec[r + JOINED] = items[i].w.joined.length;
        rec[r + W_AT] = W.at[i];
        rec[r + S_AT] = S.at[i];
        rec[r + F_AT] = F.at[i];
        rec[r + F_END] = F.at[i + 1];
        rec[r + SF_AT] = SF.at[i];
        rec[r + SF_END] = SF.at[i + 1];
      }
    }
    const Wids = W.ids, Sids = S.ids, Fids = F.ids, SFids = SF.ids;
    // What every candidate is first read for, four ints an item (a quarter of `rec`: more of it stays in the cache):
    // speaker, words (as in `rec`), and a mask of 64 bits, one set per distinct word (by a hash of its id). A bit of one
    // item's mask that is not in the other's stands for at least one word of the first that the other lacks: the words
    // the two can share are bounded without reading either's words, and most pairs of different speakers looked at
    // cannot reach `sameWords`' 80 %.
    const H = 4, MASK_LO = 2, MASK_HI = 3;
    const hot = new Int32Array(n * H);
    for (let i = 0; i < n; i++) {
      hot[i * H + SPEAKER] = rec[i * R + SPEAKER];
      hot[i * H + WORDS] = rec[i * R + WORDS];
      let lo = 0, hi = 0;
      for (let x = W.at[i]; x < W.at[i + 1]; x++) {
        const bit = Math.imul(Wids[x], 0x9e3779b1) >>> 26;
        if (bit < 32) lo |= 1 << bit; else hi |= 1 << (bit - 32);
      }
      hot[i * H + MASK_LO] = lo;
      hot[i * H + MASK_HI] = hi;
    }
    // The sets of the item looked up marked (by its index) in the vocabulary: a set shared with another is counted
    // over the other's ids alone.
    const markW = new Int32Array(V).fill(-1), markS = new Int32Array(V).fill(-1), markF = new Int32Array(V).fill(-1), markSF = new Int32Array(V).fill(-1);
    const mark = (set: FlatIds, marks: Int32Array, i: number) => { for (let x = set.at[i]; x < set.at[i + 1]; x++) marks[set.ids[x]] = i; };
    /** How many ids of `ids[from, to)` are marked `i`. */
    const count = (ids: Int32Array, marks: Int32Array, i: number, from: number, to: number) => {
      let c = 0;
      for (let x = from; x < to; x++) if (marks[ids[x]] === i) c++;
      return c;
    };
    /** Whether `j` (record at `r`) shares a stem of its words or frame with `i`. */
    const meetSF = (i: number, r: number) => {
      for (let x = rec[r + SF_AT], end = rec[r + SF_END]; x < end; x++) if (markSF[SFids[x]] === i) return true;
      return false;
    };
    /** Whether `j` (record at `r`) shares `need` words or more with `i` (given up once too few are left). */
    const wordsAtLeast = (i: number, r: number, need: number) => {
      let c = 0;
      for (let x = rec[r + W_AT], end = x + rec[r + WORD_COUNT]; x < end; x++) {
        if (markW[Wids[x]] === i) { if (++c >= need) return true; } else if (c + end - x - 1 < need) return false;
      }
      return c >= need;
    };
    /**
     * `runInside(a, b)` of the items with records `ra` and `rb`, one of them `i`'s (marked), `a`'s words all among
     * `b`'s first.
     */
    const runIn = (i: number, a: number, ra: number, b: number, rb: number) => {
      const wa = rec[ra + WORD_COUNT];
      if (wa < 3 || rec[ra + JOINED] >= rec[rb + JOINED] || wa > rec[rb + WORD_COUNT]) return false;
      const all = a === i ? wordsAtLeast(i, rb, wa) : count(Wids, markW, i, rec[ra + W_AT], rec[ra + W_AT] + wa) === wa;
      return all && joinedInside(items[a].w.joined, items[b].w.joined);
    };
    /** The fewest shared words of `small` for `sameWords` (`containsAtLeast`'s 80 %). */
    // `lookUp` with every item added: each pair once, from its smaller item, the candidates in the order it finds them.
    const seen = new Int32Array(n).fill(-1);
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      candidates.length = 0;
      const after = docEnd[i];
      for (let s = 0; s <= SPACES; s++) {
        const sp = spaces[s];
        if (sp.keyAt[i] === sp.keyAt[i + 1]) continue;
        for (let side = 0; side < 2; side++) {
          // Its prefix against every key of the others, then its keys against their prefixes.
          const mine = side === 0 ? sp.prefixes : sp.keys, theirs = side === 0 ? sp.full : sp.prefix;
          const from = side === 0 ? sp.prefixAt[i] : sp.keyAt[i], to = side === 0 ? sp.prefixAt[i + 1] : sp.keyAt[i + 1];
          const range = theirs.range, rows = theirs.items;
          for (let x = from; x < to; x++) {
            // (A common key's range is empty.)
            const r = 2 * mine[x], end = range[r + 1];
            // (A key's items are in order, and the items looked up come in order: those of this document and the ones
            // before are skipped from where the last item looked up through the key stopped.)
            let p = range[r];
            while (p < end && rows[p] < after) p++;
            range[r] = p;
            for (; p < end; p++) {
              const j = rows[p];
              if (seen[j] === i) continue;
              seen[j] = i;
              candidates.push(j);
            }
          }
        }
      }
      if (!candidates.length) continue;
      mark(W, markW, i);
      mark(S, markS, i);
      mark(F, markF, i);
      mark(SF, markSF, i);
      const ri = i * R, wi = rec[ri + WORDS], si = rec[ri + SPEAKER];
      const ci = rec[ri + WORD_COUNT], loI = hot[i * H + MASK_LO], hiI = hot[i * H + MASK_HI];
      // `test`, with the sets' shares counted by the marks (an identical quote shares its stems: `shareKey` holds).
      for (const j of candidates) {
        const rj = j * R, hj = j * H;
        const sameJoined = wi === hot[hj + WORDS];
        if (si === hot[hj + SPEAKER]) {
          // `shareKey`, then `sameUtterance` (whose every test past the words shares a stem of the words or frames:
          // `shareKey` holds when it does).
          if (!sameJoined && !runIn(i, i, ri, j, rj) && !runIn(i, j, rj, i, ri) && !sameStems(i, ri, rj)) continue;
          this.links[i].push({ other: j, variant: true, identical: sameJoined });
          this.links[j].push({ other: i, variant: true, identical: sameJoined });
        } else {
          // `sameWords`, then `shareKey`.
          const cj = W.at[j + 1] - W.at[j];
          const small = Math.min(ci, cj);
          if (small < 3) continue;
          if (!sameJoined) {
            // (The words the two can share at most, by the masks: too few, and their words are not read.)
            const need = need80(small), loJ = hot[hj + MASK_LO], hiJ = hot[hj + MASK_HI];
            if (cj - bits(loJ & ~loI) - bits(hiJ & ~hiI) < need || ci - bits(loI & ~loJ) - bits(hiI & ~hiJ) < need) continue;
            if (!wordsAtLeast(i, rj, need) || !meetSF(i, rj) && !runIn(i, i, ri, j, rj) && !runIn(i, j, rj, i, ri)) continue;
            if (!wordsInOrder(items[i].w, items[j].w)) continue;
          }
          this.links[i].push({ other: j, variant: false, identical: false });
          this.links[j].push({ other: i, variant: false, identical: false });
        }
      }
    }

    /** The rest of `sameUtterance` (the words are not the same, and neither runs inside the other). */
    function sameStems(i: number, ri: number, rj: number): boolean {
      const small = Math.min(rec[ri + STEM_COUNT], rec[rj + STEM_COUNT]);
      const c = small ? count(Sids, markS, i, rec[rj + S_AT], rec[rj + S_AT] + rec[rj + STEM_COUNT]) / small : 0;
      if (small >= 2 && c === 1) return true;
      if (small >= 3 && (c >= 0.6 || c >= 0.5 && c * small >= 4)) return true;
      if (small >= 2 && c >= 0.5 && framesAgree(0.5)) return true;
      return rec[ri + WORD_COUNT] <= SHORT_QUOTE && rec[rj + WORD_COUNT] <= SHORT_QUOTE && framesAgree(0.6);

      function framesAgree(min: number): boolean {
        const nf = count(Fids, markF, i, rec[rj + F_AT], rec[rj + F_END]);
        const size = rec[ri + F_END] - rec[ri + F_AT] + rec[rj + F_END] - rec[rj + F_AT];
        const d = size ? (2 * nf) / size : 0;
        return nf >= 3 && d >= min;
      }
    }
  }

  /** Removes an item's links at both ends. */
  private unlink(id: number): void {
    for (const l of this.links[id]) this.links[l.other] = this.links[l.other].filter(x => x.other !== id);
    this.links[id] = [];
  }

  /** Unfiles a document's items and their links at both ends. */
  private drop(path: string): void {
    for (const id of this.docs.get(path)!.ids) this.dropItem(id);
    this.docs.delete(path);
  }

  /** Unfiles an item and its links at both ends; its id is free again. */
  private dropItem(id: number): void {
    const it = this.items[id]!;
    this.unlink(id);
    for (let s = 0; s <= SPACES; s++) {
      const k = keysOf(it, s);
      if (!k) continue;
      for (const key of k.keys) this.unfile(s, key, id);
    }
    for (let s = 0; s <= SPACES; s++) for (const key of this.prefixes[id][s]) unfileFrom(this.prefix[s], key, id);
    this.items[id] = undefined;
    this.free.push(id);
  }

  /** Whether a key of space `s` is common (proposes no partner). */
  private common(s: number, key: string): boolean {
    return s < SPACES && filedCount(this.full[s].get(key)) > this.keyCap;
  }

  /** Files an item under its prefixes (again: the common keys changed). */
  private filePrefixes(id: number): void {
    const it = this.items[id]!;
    const old = this.prefixes[id];
    const now: string[][] = [];
    for (let s = 0; s <= SPACES; s++) {
      if (old) for (const key of old[s]) unfileFrom(this.prefix[s], key, id);
      const k = keysOf(it, s);
      now.push(k ? prefixOf(k, key => this.common(s, key)) : []);
      for (const key of now[s]) fileIn(this.prefix[s], key, id);
    }
    this.prefixes[id] = now;
  }

  /** Files an item under its keys in every space (its prefixes are filed before the lookup). */
  private file(id: number): void {
    const it = this.items[id]!;
    this.prefixes[id] = Array.from({ length: SPACES + 1 }, () => []);
    for (let s = 0; s <= SPACES; s++) {
      const k = keysOf(it, s);
      if (!k) continue;
      for (const key of k.keys) if (fileIn(this.full[s], key, id) === this.keyCap + 1 && s < SPACES) this.crossed[s].add(key);
    }
  }

  private unfile(s: number, key: string, id: number): void {
    if (unfileFrom(this.full[s], key, id) === this.keyCap && s < SPACES) this.crossed[s].add(key);
  }

  /** Looks the given items up and links every pair that the tests accept. */
  private lookUp(added: readonly number[]): void {
    const n = this.items.length;
    // Each pair once: an item's candidates deduplicated by `seen`; a pair of two added items taken from the smaller
    // (the candidate relation is symmetric: i's prefix meets j's keys exactly when j's keys meet i's prefix).
    const isAdded = new Uint8Array(n);
    for (const i of added) isAdded[i] = 1;
    const seen = new Int32Array(n).fill(-1);
    const candidates: number[] = [];
    for (const i of added) {
      const it = this.items[i]!;
      candidates.length = 0;
      const consider = (j: number) => {
        if (seen[j] === i || j === i || (isAdded[j] && j < i) || this.items[j]!.path === it.path) return;
        seen[j] = i;
        candidates.push(j);
      };
      for (let s = 0; s <= SPACES; s++) {
        const k = keysOf(it, s);
        if (!k) continue;
        const full = this.full[s], prefix = this.prefix[s];
        const live = (key: string) => !this.common(s, key);
        // Its prefix against every key of the others, and its keys against their prefixes.
        for (const key of this.prefixes[i][s]) {
          if (!live(key)) continue;
          const f = full.get(key)!;
          if (typeof f === 'number') consider(f);
          else for (const j of f) consider(j);
        }
        for (const key of k.keys) {
          if (!live(key)) continue;
          const f = prefix.get(key);
          if (typeof f === 'number') consider(f);
          else if (f) for (const j of f) consider(j);
        }
      }
      for (const other of candidates) this.test(Math.min(i, other), Math.max(i, other));
    }
  }

  /**
   * Links items `i` and `j` when a test accepts them (every test is symmetric; the cheap ones go first).
   * `sameSpeaker` and `sameJoined`: whether their speakers, and their words, are the same (`linkAll` knows it by ids).
   */
  private test(i: number, j: number, sameSpeaker?: boolean, sameJoined?: boolean): void {
    const a = this.items[i]!, b = this.items[j]!;
    if (sameSpeaker ?? a.speaker === b.speaker) {
      if (!shareKey(a, b) || !sameUtterance(a, b)) return;
      const identical = sameJoined ?? a.w.joined === b.w.joined;
      this.links[i].push({ other: j, variant: true, identical });
      this.links[j].push({ other: i, variant: true, identical });
    } else if (sameWords(a, b, sameJoined) && shareKey(a, b)) {
      this.links[i].push({ other: j, variant: false, identical: false });
      this.links[j].push({ other: i, variant: false, identical: false });
    }
  }

  /**
   * Writes the link fields of every quote of `docs` (with `only`, of those it
   * accepts; every quote linked to one of them among them); groups numbered in the
   * order their first copy comes.
   */
  write(docs: readonly QuoteDoc[], only?: (path: string, at: number) => boolean): void {
    drain(this.writing(docs, only, WHOLE));
  }

  /** `write`, pausing (yielding `PAUSE`) when `slice` is spent; it writes only into the quotes given. */
  *writing(docs: readonly QuoteDoc[], only: ((path: string, at: number) => boolean) | undefined, slice: Slice): Generator<string, void> {
    // The items written, in order, and their quotes; an item's rank in that order (arrays, not maps: at 10,000
    // articles, half a million items).
    const order: number[] = [];
    const quotes: Quote[] = [];
    for (const d of docs) {
      if (slice.due()) yield PAUSE;
      d.quotes.forEach((q, at) => { if (!only || only(d.path, at)) { q.variants = []; q.quoteGroup = null; q.quoteGroupSize = 1; q.attributedElsewhere = []; } });
      for (const id of this.docs.get(d.path)!.ids) {
        const at = this.items[id]!.at;
        if (only && !only(d.path, at)) continue;
        order.push(id);
        quotes.push(d.quotes[at]);
      }
    }
    const rank = new Int32Array(this.items.length).fill(-1);
    for (let k = 0; k < order.length; k++) rank[order[k]] = k;
    const groups = new UnionFind(order.length);
    for (let k = 0; k < order.length; k++) {
      if (slice.due()) yield PAUSE;
      const id = order[k], q = quotes[k];
      for (const l of this.links[id]) {
        const o = this.items[l.other]!;
        if (l.variant) {
          q.variants.push({ path: o.path, start: o.start, end: o.end, identical: l.identical });
          // (Every quote linked to one written is written too; were it not, it would join no group rather than the first.)
          if (rank[l.other] >= 0) groups.join(k, rank[l.other]);
        } else q.attributedElsewhere!.push({ path: o.path, start: o.start, end: o.end, speaker: o.said ?? o.speaker });
      }
    }
    // Groups of two or more, numbered in the order their first member comes.
    const root = new Int32Array(order.length), size = new Int32Array(order.length), named: (string | undefined)[] = [];
    for (let k = 0; k < order.length; k++) {
      if (slice.due()) yield PAUSE;
      size[(root[k] = groups.find(k))]++;
    }
    let g = 0;
    for (let k = 0; k < order.length; k++) {
      if (slice.due()) yield PAUSE;
      const r = root[k];
      if (size[r] < 2) continue;
      quotes[k].quoteGroup = named[r] ??= `q${++g}`;
      quotes[k].quoteGroupSize = size[r];
    }
    const byLink = (x: Span & { path: string }, y: Span & { path: string }) =>
      x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start;
    // (At 10,000 articles the lists of a large group took 139–205 ms to sort.)
    for (const q of quotes) {
      if (slice.due()) yield PAUSE;
      if (q.variants.length > 1) q.variants.sort(byLink);
      if (q.attributedElsewhere!.length > 1) q.attributedElsewhere!.sort(byLink);
    }
  }
}

/** How many bits of `x` are set. */
function bits(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Each item's set of ids (sorted) laid end to end: item i's are `ids[at[i]] … ids[at[i + 1] - 1]`. */
interface FlatIds { at: Int32Array; ids: Int32Array }

/** `count` sets of each item laid flat at once (`sets`: an item's sets): each item read twice, not twice a set. */
function flatIds(items: readonly Item[], sets: (it: Item) => Int32Array[], count: number): FlatIds[] {
  const n = items.length;
  const out: FlatIds[] = Array.from({ length: count }, () => ({ at: new Int32Array(n + 1), ids: new Int32Array(0) }));
  for (let i = 0; i < n; i++) {
    const got = sets(items[i]);
    for (let k = 0; k < got.length; k++) out[k].at[i + 1] = out[k].at[i] + got[k].length;
  }
  for (const f of out) f.ids = new Int32Array(f.at[n]);
  for (let i = 0; i < n; i++) {
    const got = sets(items[i]);
    for (let k = 0; k < got.length; k++) out[k].ids.set(got[k], out[k].at[i]);
  }
  return out;
}

/**
 * Key id -> the rows holding it, in row order, `items[start[k]] … items[start[k + 1] - 1]` (row i: `flat[rowAt[i]] …
 * flat[rowAt[i + 1] - 1]`), kept as `range[2k]`, where the last look-up through key k started (`linkAll`'s rows come in
 * order), and `range[2k + 1]`, where its rows end. A common key's range is empty: it proposes no partner. (Side by
 * side: a look-up through a key, met at random, reads one cache line, not a line of each of three arrays.)
 */
interface Postings { range: Int32Array; items: Int32Array }

function postingsOf(rowAt: Int32Array, flat: Int32Array, common: Uint8Array): Postings {
  const keys = common.length;
  const start = new Int32Array(keys + 1);
  for (let x = 0; x < flat.length; x++) start[flat[x] + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const items = new Int32Array(start[keys]);
  const at = start.slice(0, keys);
  for (let i = 0; i + 1 < rowAt.length; i++) for (let x = rowAt[i]; x < rowAt[i + 1]; x++) items[at[flat[x]]++] = i;
  const range = new Int32Array(2 * keys);
  for (let k = 0; k < keys; k++) {
    range[2 * k] = common[k] ? start[k + 1] : start[k];
    range[2 * k + 1] = start[k + 1];
  }
  return { range, items };
}

/** A fixed order of keys (FNV-1a hash of the key, then the key): the same whatever else the index holds. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The keys an item is looked up by: the first `size - need + 1` of its keys, the
 * keys that are not common first, each part in the fixed order of `keyHash`. A
 * partner sharing `need` of the item's keys shares one of any `size - need + 1` of
 * them, so a pair passing a test shares a key of the smaller one's prefix (found
 * unless every such key is common); the choice depends on the item and on which
 * keys are common, never on the order the index was filled in.
 */
function prefixOf(k: { keys: string[]; need: number }, common: (key: string) => boolean): string[] {
  const m = Math.max(1, k.keys.length - k.need + 1);
  if (m >= k.keys.length) return k.keys;
  return k.keys.map(key => ({ key, c: common(key) ? 1 : 0, h: keyHash(key) }))
    .sort((a, b) => a.c - b.c || a.h - b.h || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, m).map(x => x.key);
}

/** Links variants and attribution conflicts across documents, at both ends; sets quote groups (a linker used once). */
export function linkQuotes(ctx: AnalysisContext, docs: readonly DocumentResult[], sourceOf: SourceOf): void {
  new QuoteLinker(ctx).link(docs.map(d => ({ path: d.path, quotes: d.quotes, ...sourceOf(d.path), key: null })));
}

/** What an item's links depend on (its speaker, words and frame), as one string: two items with the same link alike. */
function signature(it: Item): string {
  return (it.sig ??= signatureOf(it));
}

function signatureOf(it: ItemParts): string {
  return `${it.speaker}\u0000${it.said ?? ''}\u0000${it.w.joined}\u0000${[...it.frame].sort().join(' ')}`;
}

/** What `collect` reads of a quote, and where it stands, worked out (none of it is ever written to). */
type ItemParts = Pick<Item, 'speaker' | 'said' | 'w' | 'frame' | 'frameIds' | 'stemsAndFrame' | 'sig'>;

/**
 * An item's parts by everything they are read from (`partsKey`): a document revised after an edit (`revise`) finds
 * the quotes it had, moved or not, without reading their words and frames again.
 */
const ITEM_PARTS = memoSlot<ItemParts>('corpus.quoteItemParts', 100_000);

/**
 * What a quote's item is worked out from: its speaker, and its text with its sentence's (`frameOf` reads the
 * sentence from its start to the quote and from the quote to its end, `quoteWordsOf` the quote's text), the
 * quote's place in them given by its offsets from the sentence's start. No sentence, or one starting after the
 * quote: the frame is empty, and the quote's text is all.
 */
function partsKey(text: string, s: Sentence | undefined, q: Quote): string {
  if (!s || s.start > q.start) return `${q.speaker}\u0000\u0000${q.text}`;
  return `${q.speaker}\u0000${q.start - s.start} ${q.end - s.start}\u0000${text.slice(s.start, Math.max(q.end, s.end))}`;
}

/** The quotes with a speaker of one document, with their words and frames (`memo`: through `ITEM_PARTS`). */
function collect(ctx: AnalysisContext, d: QuoteDoc, memo = false): Item[] {
  const items: Item[] = [];
  const { text, sentences } = d;
  const parts = memo ? ctx.get(ITEM_PARTS) : null;
  let si = 0;
  d.quotes.forEach((q, at) => {
    if (!q.speaker) return;
    while (si + 1 < sentences.length && sentences[si].end <= q.start) si++;
    const s = sentences[si];
    const p = parts ? parts.get(partsKey(text, s, q), () => { const p = partsOf(ctx, text, s, q); p.sig = signatureOf(p); return p; })
      : partsOf(ctx, text, s, q);
    if (!p.w.joined) return;
    items.push({ path: d.path, at, start: q.start, end: q.end, ...p });
  });
  return items;
}

/** An item's parts (`collect`), read from the quote and its sentence `s`. */
function partsOf(ctx: AnalysisContext, text: string, s: Sentence | undefined, q: Quote): ItemParts {
  const w = quoteWordsOf(ctx, q.text);
  const speaker = linkSpeaker(q.speaker!), said = speaker === q.speaker ? {} : { said: q.speaker! };
  if (!w.joined) return { speaker, ...said, w, frame: [], frameIds: new Int32Array(0), stemsAndFrame: w.stemIds };
  const { frame, frameIds } = frameOf(ctx, text, s, q);
  const stemsAndFrame = frameIds.length ? union(ctx, w.stemIds, frameIds) : w.stemIds;
  return { speaker, ...said, w, frame, frameIds, stemsAndFrame };
}

/**
 * The speaker as linking compares it: a spokesperson stands for the body they speak for ("a spokesman for the
 * ministry", "a ministry spokeswoman": "ministry"), an opening article goes ("the ministry": "ministry"), and a
 * body's name is read in one order ("Department of Justice": "Justice Department"; "Clinton's campaign": "Clinton
 * campaign"), so that the same words credited
 * to a body in one report and to its spokesperson, or the body otherwise named, in another are one utterance, not an
 * attribution conflict. Any other name is itself.
 */
export function linkSpeaker(speaker: string): string {
  const m = SPOKESPERSON_FOR.exec(speaker) ?? SPOKESPERSON_OF.exec(speaker);
  const body = m ? m[1] : speaker;
  const bare = m || ARTICLE.test(body) ? body.replace(ARTICLE, '') : speaker;
  // A body's name in its two orders: "Department of Justice" is the "Justice Department"; and a body of someone's,
  // possessive or not: "Clinton's campaign" is the "Clinton campaign".
  const of = BODY_OF.exec(bare);
  if (of) return `${of[2]} ${of[1]}`;
  const owned = OWNED_BODY.exec(bare);
  return owned ? `${owned[1]} ${owned[2]}` : bare;
}
/** "Clinton's campaign", "Trump’s lawyers" (an owner's name, then one lower-case word: what of theirs speaks). */
const OWNED_BODY = /^([A-Z][\w.-]*(?: [A-Z][\w.-]*)*)['’]s ([a-z]+)$/;
/** "Department of Justice", "Ministry of Defence", "Department of the Treasury" (the head, then what it is of). */
const BODY_OF = /^(Department|Ministry|Bureau|Office|Agency|Commission) of (?:the )?([A-Z][\w'’-]*(?: (?:(?:and|of|the|for) )?[A-Z][\w'’-]*)*)$/;
/** An article opening a description or a body's name ("the ministry", "The Times": "Times" either way). */
const ARTICLE = /^(?:the|a|an) /i;
/** "a spokesman for the ministry", "the press secretary of the Kremlin" (the body after "for" or "of"). */
const SPOKESPERSON_FOR = /^(?:(?:a|an|the|one) )?(?:spokes(?:man|woman|person)|press secretary|press officer|representative) (?:for|of) (.+)$/i;
/** "a ministry spokesman", "a Pentagon spokeswoman" (the body before the role). */
const SPOKESPERSON_OF = /^(?:a|an|the|one) (.+?) (?:spokes(?:man|woman|person)|press secretary|press officer)$/i;

/** The union of two sorted id arrays (each without repeats), sorted. */
function union(ctx: AnalysisContext, a: Int32Array, b: Int32Array): Int32Array {
  if (UNION.length < a.length + b.length) UNION = new Int32Array(2 * (a.length + b.length));
  const out = UNION;
  let n = 0, i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) out[n++] = a[i++];
    else if (a[i] > b[j]) out[n++] = b[j++];
    else { out[n++] = a[i++]; j++; }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  const ids = newIds(ctx, n);
  ids.set(out.subarray(0, n));
  return ids;
}
/** `union`'s scratch space. */
let UNION = new Int32Array(1024);

/** The fewest shared elements `n` of a set of `size` for which `n / size >= min` (the tests' own arithmetic). */
function fewestShared(size: number, min: number): number {
  let n = 0;
  while (n < size && n / size < min) n++;
  return n;
}

/**
 * The keys an item is looked up by in each space, and how many of them a partner
 * must share at least. Each test above needs a share of one quote's elements in the
 * other's, so a pair that can link shares one of any `size - need + 1` of them:
 * - 0, different speakers, `sameWords`: 80 % of the smaller word set (3 words or more);
 * - 1, same speaker, `sameUtterance` by words: half the smaller stem set (identical
 *   words included), under the speaker;
 * - 2, same speaker, by frame (quotes of at most `SHORT_QUOTE` words): 3 shared frame
 *   stems and a Dice of 0.6, so at least 3/7 of either frame, under the speaker.
 */
function keysOf(it: Item, space: number): { keys: string[]; need: number } | null {
  return (it.keys ??= Array.from({ length: SPACES + 1 }, (_, s) => keysIn(it, s)))[space];
}

function keysIn(it: Item, space: number): { keys: string[]; need: number } | null {
  if (space === SPACES) return { keys: [it.w.joined], need: 1 };
  if (space === 0) return it.w.words.length < 3 ? null : { keys: [...it.w.words], need: fewestShared(it.w.words.length, 0.8) };
  if (space === 1) return { keys: it.w.stems.map(s => `${it.speaker}\u0000${s}`), need: fewestShared(it.w.stems.length, 0.5) };
  return it.w.words.length > SHORT_QUOTE || it.frame.length < 3 ? null
    : { keys: it.frame.map(s => `${it.speaker}\u0000${s}`), need: Math.max(3, Math.floor((3 * it.frame.length) / 7)) };
}

/** Whether two quotes share a stem of their words or frames (what makes a pair worth a look at all). */
function shareKey(a: Item, b: Item): boolean {
  return sharedIds(a.stemsAndFrame, b.stemsAndFrame) > 0 || runInside(a, b) || runInside(b, a);
}

/** Disjoint sets of 0..n-1 (path halving). */
class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let k = 0; k < n; k++) this.parent[k] = k;
  }
  find(k: number): number {
    const p = this.parent;
    while (p[k] !== k) k = p[k] = p[p[k]];
    return k;
  }
  join(a: number, b: number): void { this.parent[this.find(a)] = this.find(b); }
}

/** Content stems of the quote's sentence outside the quote, without the words of the speaker's name. */
function frameOf(ctx: AnalysisContext, text: string, s: Sentence | undefined, q: Quote): { frame: string[]; frameIds: Int32Array } {
  const frame: string[] = [], ids: number[] = [];
  if (!s || s.start > q.start) return { frame, frameIds: new Int32Array(0) };
  const book = bookOf(ctx);
  // (A name is a word or three: a list.)
  const name: number[] = [];
  book.wordsOf((q.speaker ?? '').toLowerCase(), name);
  const pass = book.pass();
  const words: number[] = [];
  for (const [from, to] of [[s.start, q.start], [q.end, Math.max(q.end, s.end)]]) {
    words.length = 0;
    book.wordsOf(text.slice(from, to).toLowerCase(), words);
    for (const e of words) {
      if (book.stop[e] || name.includes(e)) continue;
      // (Ids given in the order the stems are first met, as `idsOf` gives them.)
      const id = book.stemIdOf(e);
      if (book.firstId(id, pass)) { frame.push(book.stem[e]); ids.push(id); }
    }
  }
  return { frame, frameIds: sortedIds(ctx, ids) };
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
  drain(linkingQuoteClaims(ctx, results, WHOLE));
}

/** `linkQuoteClaims`, pausing (yielding `PAUSE`) when `slice` is spent; it writes only into the claims of `results`. */
export function* linkingQuoteClaims(ctx: AnalysisContext, results: ReadonlyMap<string, DocumentResult>, slice: Slice): Generator<string, void> {
  // What is looked up in a document, memoised by place (a quote with many variants is looked up from each of them),
  // all reached through its path at once.
  interface At {
    doc: DocumentResult;
    /**
     * The document's quotes' places, by start then end, each once (made when one is first asked): `spans[2k]` and
     * `spans[2k + 1]`, its start and end, and `firsts[k]`, the index in the document of its first quote. A place is
     * found by a binary search in `spans` (at 10,000 articles, 700,000 links: a look-up in a map of its own per
     * document was a good part of the time; starts and ends side by side, one cache line read where two were).
     */
    spans: Int32Array | null;
    firsts: Int32Array | null;
    places: (Place | undefined)[];
    /** A number per claim start (a pair of claims is keyed by its two ends' paths and starts). */
    ids: Map<number, number>;
  }
  /**
   * A quote's place: its first quote, and the claims carrying it and their numbers (once asked); `part`: those claims
   * are a report's own sentence quoting the words (`claimsAt`); `w`: the quote's words, once asked (a place is met
   * from each of its variants: read here, not looked up by the quote's text each time).
   */
  interface Place { quote: Quote; claims: Claim[] | null; ids: number[]; part: boolean; w: QuoteWords | null }
  const ats = new Map<DocumentResult, At>();
  const atOf = (doc: DocumentResult | undefined) => {
    if (!doc) return undefined;
    let at = ats.get(doc);
    if (!at) ats.set(doc, (at = { doc, spans: null, firsts: null, places: [], ids: new Map() }));
    return at;
  };
  // (A link's document by its path, in one look-up: at 10,000 articles, 700,000 links, each into a document met at random.)
  const byPath = new Map<string, At | null>();
  const atOfPath = (path: string) => {
    let at = byPath.get(path);
    if (at === undefined) byPath.set(path, (at = atOf(results.get(path)) ?? null));
    return at;
  };
  /** The place of the document's quotes at `start`-`end` (undefined: no quote there). */
  const placeAt = (at: At, start: number, end: number): Place | undefined => {
    // (The document itself is read only the first time, and for a place's first look-up: the places are found in
    // `spans`, and a link's document is met at random.)
    if (!at.spans) {
      const quotes = at.doc.quotes;
      // (In order of start, end and index: the first of each place is its first quote.)
      const order = quotes.map((_, k) => k).sort((a, b) => quotes[a].start - quotes[b].start || quotes[a].end - quotes[b].end || a - b);
      const firsts: number[] = [];
      for (const k of order) {
        const last = firsts.length ? quotes[firsts[firsts.length - 1]] : undefined;
        if (!last || last.start !== quotes[k].start || last.end !== quotes[k].end) firsts.push(k);
      }
      at.firsts = Int32Array.from(firsts);
      at.spans = new Int32Array(2 * firsts.length);
      firsts.forEach((k, x) => { at.spans![2 * x] = quotes[k].start; at.spans![2 * x + 1] = quotes[k].end; });
    }
    const spans = at.spans, n = spans.length >> 1;
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[2 * mid] < start || (spans[2 * mid] === start && spans[2 * mid + 1] < end)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === n || spans[2 * lo] !== start || spans[2 * lo + 1] !== end) return undefined;
    return (at.places[lo] ??= { quote: at.doc.quotes[at.firsts![lo]], claims: null, ids: [], part: false, w: null });
  };
  let nextId = 0;
  const startId = (at: At, start: number) => {
    let id = at.ids.get(start);
    if (id === undefined) at.ids.set(start, (id = nextId++));
    return id;
  };
  /**
   * The claims carrying the quote at a place: the claim holding it, or, for a quotation of several sentences, the
   * claims starting in it (one per sentence; the last runs on to the attribution); failing both, the claim of another
   * kind that holds it whole: a report's own sentence quoting a few of the speaker's words ("arguing that police
   * killings should be recognized as “intolerable”"), which states what the other report's full quotation says. Their
   * numbers go in `place.ids`.
   */
  const claimsAt = (at: At, place: Place): Claim[] => {
    if (place.claims) return place.claims;
    const { start, end } = place.quote;
    const holder = at.doc.claims.find(c => c.kind === 'quote' && c.start <= start && end <= c.end + 1);
    let claims = holder ? [holder] : at.doc.claims.filter(c => c.kind === 'quote' && start <= c.start + 1 && c.start + 1 < end);
    if (!claims.length && wordsAt(place).words.length >= 2) {
      const quoting = at.doc.claims.find(c => c.start <= start && end <= c.end + 1);
      if (quoting) claims = [quoting];
    }
    place.claims = claims;
    place.part = claims.length > 0 && claims[0].kind !== 'quote';
    for (const c of claims) place.ids.push(startId(at, c.start));
    return claims;
  };
  /** The words of the quote at `place` (of its text: every quote there has the same). */
  const wordsAt = (place: Place) => (place.w ??= quoteWordsOf(ctx, place.quote.text));
  /** A side's words: its place's when its text is that place's quote, else its text's. */
  const wordsOf = (text: string, p: Place | null) => (p ? wordsAt(p) : quoteWordsOf(ctx, text));
  interface Side { path: string; claim: Claim }
  /**
   * `judged`: the texts of the first variant judged (the pair is met again from its other end, the same texts the
   * other way round); `hi`: the higher of its ends' numbers.
   */
  interface Pair { a: Side; b: Side; variant: boolean; identical: boolean; reason: 'number' | 'negation' | null; texts: [string, string]; judged: [string, string] | null; hi: number }
  // The pairs in the order first met; a pair by its ends' numbers, the lower first: its pairs as a list, or in a map
  // once they are many (most claims have one or two).
  const pairs: Pair[] = [];
  const pairsAt: (Pair[] | Map<number, Pair> | undefined)[] = [];
  const findPair = (lo: number, hi: number): Pair | undefined => {
    const them = pairsAt[lo];
    if (them === undefined) return undefined;
    if (!Array.isArray(them)) return them.get(hi);
    for (let k = 0; k < them.length; k++) if (them[k].hi === hi) return them[k];
    return undefined;
  };
  const filePair = (lo: number, pair: Pair) => {
    // (Kept without holes: numbers are given in order, but a pair is filed under the lower of its two.)
    while (pairsAt.length <= lo) pairsAt.push(undefined);
    const them = pairsAt[lo];
    if (them === undefined) pairsAt[lo] = [pair];
    else if (!Array.isArray(them)) them.set(pair.hi, pair);
    else if (them.length < 8) them.push(pair);
    else pairsAt[lo] = new Map([...them, pair].map(p => [p.hi, p]));
  };
  // Each claim's words (alignment): its distinct words' ids alone, not all `quoteWordsOf` works out (at 10,000
  // articles, most of the time the alignments took).
  const idsOfClaim = (c: Claim) => wordIdsOf(ctx, c.text);
  for (const doc of results.values()) {
    if (slice.due()) yield PAUSE;
    const here = atOf(doc)!;
    for (const q of doc.quotes) {
      // Only a linked quote's claims are looked for (a page of unlinked quotes costs no search through its claims).
      if (!q.variants.length && !q.attributedElsewhere?.length) continue;
      const myPlace = placeAt(here, q.start, q.end)!;
      const mine = claimsAt(here, myPlace), myIds = myPlace.ids;
      if (!mine.length) continue;
      /**
       * The pair of `claim` (number `x`) and `path`'s `oc` (number `y`), met through a variant or a conflict, `texts` its
       * words; `places`: for each text that is the quote's at a place (not a claim's), that place.
       */
      const meet = (path: string, what: 'variant' | 'conflict', claim: Claim, oc: Claim, x: number, y: number, texts: [string, string], places: [Place | null, Place | null]) => {
        // A pair is keyed by its ends' paths and starts.
        if (path === doc.path && claim.start === oc.start) return;
        const lo = x < y ? x : y, hi = x < y ? y : x;
        let pair = findPair(lo, hi);
        if (!pair) {
          const a: Side = { path: doc.path, claim }, b: Side = { path, claim: oc };
          // The ends in the order of their paths, then starts (as text: "path NUL start"; no path holds a NUL, so the
          // paths decide unless they are the same, and then the starts as text).
          const first = path !== doc.path ? doc.path < path : String(claim.start) < String(oc.start);
          pair = { a: first ? a : b, b: first ? b : a, variant: false, identical: true, reason: null, texts, judged: null, hi };
          filePair(lo, pair);
          pairs.push(pair);
        }
        if (what === 'conflict') return;
        pair.variant = true;
        // (Judging the same two texts again, either way round, changes nothing: every test is symmetric.)
        const j = pair.judged;
        if (j && ((j[0] === texts[0] && j[1] === texts[1]) || (j[0] === texts[1] && j[1] === texts[0]))) return;
        pair.judged ??= texts;
        // (The same text has the same words: on 2,000 generated articles, 43 % of the pairs judged, each text's words worked
        // out again here.)
        if (texts[0] === texts[1]) return;
        const wa = wordsOf(texts[0], places[0]), wb = wordsOf(texts[1], places[1]);
        if (wa.joined !== wb.joined) {
          pair.identical = false;
          const why = meaningChange(texts[0], texts[1], wa, wb);
          if (why === 'number' || (why === 'negation' && pair.reason === null)) pair.reason = why;
        }
      };
      const note = (path: string, l: Span, what: 'variant' | 'conflict') => {
        const at = atOfPath(path);
        const place = at ? placeAt(at, l.start, l.end) : undefined;
        if (!place) return;
        const theirs = claimsAt(at!, place);
        if (!theirs.length) return;
        // A claim quoting a few words in its own sentence (`claimsAt`) is compared on the words it quotes; and it is
        // linked through a variant only (an attribution conflict drops no link of a sentence that quotes a word or two).
        // The words it quotes must be the speaker's own, word for word in what the other side quotes (a reworded variant
        // of a word or two is another sentence's topic as often as its words).
        const myPart = myPlace.part, theirPart = place.part;
        if ((myPart || theirPart) && what === 'conflict') return;
        const quotedIn = (a: string, pa: Place | null, b: string, pb: Place | null) => {
          const wa = wordsOf(a, pa), wb = wordsOf(b, pb);
          return wa.joined === wb.joined || joinedInside(wa.joined, wb.joined);
        };
        // (Each side's quoted words within the other's; when both sides quote a few words, either way round.)
        const verbatim = (texts: [string, string], places: [Place | null, Place | null]) => {
          const [a, b] = texts, [pa, pb] = places;
          return ((!myPart || quotedIn(a, pa, b, pb)) && (!theirPart || quotedIn(b, pb, a, pa))) || (myPart && theirPart && quotedIn(b, pb, a, pa));
        };
        if (mine.length === 1 && theirs.length === 1) {
          const texts: [string, string] = [q.text, place.quote.text], places: [Place, Place] = [myPlace, place];
          if ((myPart || theirPart) && !verbatim(texts, places)) return;
          meet(path, what, mine[0], theirs[0], myIds[0], place.ids[0], texts, places);
          return;
        }
        // (Two quotations of several sentences: the claims of the sentences that say the same are linked, each pair judged on its own words.)
        const words = myPart || theirPart ? (c: Claim) => (c === mine[0] && myPart ? wordIdsOf(ctx, q.text) : c === theirs[0] && theirPart ? wordIdsOf(ctx, place.quote.text) : idsOfClaim(c)) : idsOfClaim;
        for (const [claim, oc] of alignSentences(words, mine, theirs)) {
          const texts: [string, string] = [myPart ? q.text : claim.text, theirPart ? place.quote.text : oc.text];
          const places: [Place | null, Place | null] = [myPart ? myPlace : null, theirPart ? place : null];
          if ((myPart || theirPart) && !verbatim(texts, places)) continue;
          meet(path, what, claim, oc, myIds[mine.indexOf(claim)], place.ids[theirs.indexOf(oc)], texts, places);
        }
      };
      // (A quote of a large group has hundreds of variants: at 10,000 articles, 64 documents' quotes took 100–200 ms.)
      for (const v of q.variants) {
        if (slice.due()) yield PAUSE;
        note(v.path, v, 'variant');
      }
      for (const c of q.attributedElsewhere ?? []) note(c.path, c, 'conflict');
    }
  }
  // Each pair's link replaces whatever the two claims listed of each other. A claim's lists are edited once, after
  // every pair (a claim carried by many quotes had its lists searched and spliced once per pair): the links each pair
  // drops (the first listed of its other end) go, and the links written come after the others, in the order of the
  // pairs. (No pair drops a link another writes: two pairs of one claim have other ends at different places.)
  interface Edit { drop: number[]; dropDisputed: number[]; corroborated: ClaimLink[]; disputed: ClaimLink[] }
  /** The index of the first link of `list` to `there`'s claim, -1 when none. */
  const firstTo = (list: readonly ClaimLink[], there: Side) => {
    const { start, end } = there.claim;
    for (let k = 0; k < list.length; k++) { const l = list[k]; if (l.start === start && l.end === end && l.path === there.path) return k; }
    return -1;
  };
  const edits = new Map<Claim, Edit>();
  const editOf = (c: Claim) => {
    let e = edits.get(c);
    if (!e) edits.set(c, (e = { drop: [], dropDisputed: [], corroborated: [], disputed: [] }));
    return e;
  };
  for (const pair of pairs) {
    if (slice.due()) yield PAUSE;
    const a = pair.a.claim, ci = firstTo(a.corroboratedBy, pair.b), di = firstTo(a.disputedBy, pair.b);
    const existing = ci >= 0 ? a.corroboratedBy[ci] : di >= 0 ? a.disputedBy[di] : undefined;
    const similarity = !pair.variant ? 0 : pair.identical && !pair.reason ? 1 : existing?.similarity ?? quoteSimilarity(ctx, pair.texts[0], pair.texts[1]);
    for (const [here, there] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      const e = editOf(here.claim);
      const c = here === pair.a ? ci : firstTo(here.claim.corroboratedBy, there), d = here === pair.a ? di : firstTo(here.claim.disputedBy, there);
      if (c >= 0) e.drop.push(c);
      if (d >= 0) e.dropDisputed.push(d);
      const link: ClaimLink = { path: there.path, start: there.claim.start, end: there.claim.end, similarity };
      if (pair.variant && pair.reason) e.disputed.push({ ...link, reason: pair.reason });
      else if (pair.variant) e.corroborated.push(link);
    }
  }
  for (const [c, e] of edits) {
    if (slice.due()) yield PAUSE;
    edit(c.corroboratedBy, e.drop, e.corroborated);
    edit(c.disputedBy, e.dropDisputed, e.disputed);
    c.status = claimStatus(c);
  }
}

/** Removes the links at `drop` (indexes) from `list` and appends `add`, in place. */
function edit(list: ClaimLink[], drop: readonly number[], add: readonly ClaimLink[]): void {
  if (drop.length) {
    const gone = new Set(drop);
    let w = 0;
    for (let k = 0; k < list.length; k++) if (!gone.has(k)) list[w++] = list[k];
    list.length = w;
  }
  for (const l of add) list.push(l);
}

/** Below this share of words (Dice) two quoted sentences are not taken to say the same. */
const SENTENCE_DICE = 0.3;

/**
 * The sentences of two linked quotations that say the same (Error kind: a quotation of
 * several sentences linked first sentence to first sentence, when one source quotes
 * from the middle of what the other quotes whole): each sentence's claim with the
 * other side's claim sharing most of its words, both ways, when they share enough;
 * else the one best pair.
 */
function alignSentences(ids: (c: Claim) => Int32Array, mine: readonly Claim[], theirs: readonly Claim[]): [Claim, Claim][] {
  const rows = mine.length, cols = theirs.length;
  const score = new Float64Array(rows * cols);
  const theirIds = theirs.map(ids);
  for (let i = 0; i < rows; i++) {
    const a = ids(mine[i]);
    for (let j = 0; j < cols; j++) score[i * cols + j] = dice(a, theirIds[j]).dice;
  }
  // The pairs kept, as `i * cols + j`, in the order first added.
  const out: number[] = [];
  const add = (k: number) => { if (!out.includes(k)) out.push(k); };
  let best = 0, top = -1;
  for (let i = 0; i < rows; i++) {
    // (The first best of the row, as the first best overall: a later tie does not replace it.)
    let j = 0;
    for (let x = 0; x < cols; x++) {
      const v = score[i * cols + x];
      if (v > top) { top = v; best = i * cols + x; }
      if (v > score[i * cols + j]) j = x;
    }
    if (score[i * cols + j] >= SENTENCE_DICE) add(i * cols + j);
  }
  for (let j = 0; j < cols; j++) {
    let i = 0;
    for (let x = 1; x < rows; x++) if (score[x * cols + j] > score[i * cols + j]) i = x;
    if (score[i * cols + j] >= SENTENCE_DICE) add(i * cols + j);
  }
  if (!out.length) out.push(best);
  return out.map(k => [mine[Math.floor(k / cols)], theirs[k % cols]]);
}

/**
 * Why two wordings of one quote do not say the same: a number changed, or a negation added or dropped.
 * A quotation whose words run unbroken inside the other's is a part quoted of the same words (a
 * fragment): what the longer says around it (a "not", a figure) is no change of its meaning.
 * `wa`, `wb`: the words of `a` and `b`.
 */
function meaningChange(a: string, b: string, wa: QuoteWords, wb: QuoteWords): 'number' | 'negation' | null {
  if (wordsRunInside(wa, wb) || wordsRunInside(wb, wa)) return null;
  const na = parseNumbers(a).map(n => n.value).sort(), nb = parseNumbers(b).map(n => n.value).sort();
  if (na.length && nb.length && na.join(',') !== nb.join(',')) return 'number';
  if (wa.negations % 2 !== wb.negations % 2) return 'negation';
  return null;
}

/** Shared words of two quotes over all their words (Dice), rounded like other similarities. */
export function quoteSimilarity(ctx: AnalysisContext, a: string, b: string): number {
  const d = dice(wordIdsOf(ctx, a), wordIdsOf(ctx, b));
  return Math.round(d.dice * 100) / 100;
}
