/**
 * The quote module's tokenizer and the tests on its tokens. The whole text becomes
 * one token list in which each quoted span is a single `QUOTE_TOKEN`; words keep
 * their inner marks (don’t, U.S., Jean-Pierre), other characters stand alone, and a
 * final full stop is split off unless the word keeps it (`KEEP_DOT`). Lines are
 * tokenised once per text and reused through the `AnalysisContext`.
 */
import { classAt, isAsciiDigit, LETTER, NUMBER, UPPER } from '../text/chars';
import { CLAUSE_TOKENS, clauseTokenEnd, tokenStart } from '../text/tokens';
import { type AnalysisContext, type Memo, memoSlot } from '../text/memo';
import type { Span } from '../types';
import { CUES, DOCUMENT_HEADS, HEADLINE_SMALL, KEEP_DOT, NOT_NAME, TITLES, oneOf } from './words';

/** Words a token is tested against (exact matches, as the `/^(?:…)$/` patterns they replace). */
const ONE_OF_THE_A_AN = oneOf('the|a|an|his|her|their|its|our|my|your');
const ONE_OF_A_AN_THE = oneOf('a|an|the');

/**
 * Where a line's tokens stand in the text read now: a token keeps its offsets from
 * the line's start, so a line that moved after an edit is placed again by one write
 * (`base`), not by new tokens. `stamp`: the `tokenize` call that placed it last.
 */
export interface LinePlace {
  base: number;
  stamp: number;
  /** The line's tokens, when memoised (`tokenize`): what else is worked out from them alone may be kept with them. */
  readonly toks: readonly Tok[] | null;
  /** What the name book learnt from these tokens as a line of their own (names.ts), once asked. */
  names?: unknown;
}
/** The place of tokens made where they stand (offsets from the text's start), never moved. */
const FIXED: LinePlace = { base: 0, stamp: -1, toks: null };

/** A token: its word, and its offsets in the text read now (`start`, `end`: its line's place plus its offsets in the line). */
export class Tok implements Span {
  /**
   * What the tests below read of the word, worked out on the first test (-1 until then, the only write
   * to a token: a function of `w` and `lower`): `F_UPPER`, `F_TITLE`, `F_CAP`, `F_WORD` bits.
   */
  f = -1;
  constructor(
    private readonly rs: number,
    private readonly re: number,
    readonly w: string,
    readonly lower: string,
    /** A reporting verb (`CUES`), looked up once. */
    readonly cue: boolean,
    /** Where its line stands. */
    readonly place: LinePlace,
  ) {}
  get start(): number {
    return this.place.base + this.rs;
  }
  get end(): number {
    return this.place.base + this.re;
  }
}

/** A token standing where `t` stands, read as `lower` ("his" read as "he"). */
export function retold(t: Tok, lower: string): Tok {
  return new Tok(t.start, t.end, t.w, lower, t.cue, FIXED);
}

/** Starts with an upper-case letter (`upper`). */
const F_UPPER = 1;
/** `isTitle`: upper case and a title word. */
const F_TITLE = 2;
/** `isCap`: upper case, not a word that never names (`NOT_NAME`), not a quote. */
const F_CAP = 4;
/** `isWord`: starts with a letter or number. */
const F_WORD = 8;

/** The `f` bits of a token `w` whose lower case is `lower`. */
function flagsOf(w: string, lower: string): number {
  const k = classAt(w, 0);
  let f = (k & (LETTER | NUMBER)) !== 0 ? F_WORD : 0;
  if ((k & UPPER) !== 0) {
    f |= F_UPPER;
    if (TITLES.has(lower)) f |= F_TITLE;
    if (!NOT_NAME.has(lower) && w !== QUOTE_TOKEN) f |= F_CAP;
  }
  return f;
}

/** A token at [start, end) of the text, on a line placed at `place`. */
function tok(start: number, end: number, w: string, lower: string, cue: boolean, place: LinePlace): Tok {
  return new Tok(start - place.base, end - place.base, w, lower, cue, place);
}

/** The `f` bits of `t`, worked out on first use. */
function flags(t: Tok): number {
  const f = t.f;
  return f >= 0 ? f : (t.f = flagsOf(t.w, t.lower));
}

export const QUOTE_TOKEN = '\u0000q';

/** Starts with an ASCII lower-case letter. */
const isLowerAscii = (w: string) => { const c = w.charCodeAt(0); return c >= 97 && c <= 122; };
/** Every reporting verb starts so (checked once): other words skip the set lookup. */
const CUES_LOWER_ASCII = [...CUES].every(isLowerAscii);
/**
 * The reporting verbs' shapes (first letter, last letter, length) when every one is
 * ASCII lower-case letters: a word of another shape is none without hashing it.
 */
const CUE_SHAPES = new Uint8Array(32 * 32 * 32);
const cueShape = (w: string) => ((w.charCodeAt(0) & 31) * 32 + (w.charCodeAt(w.length - 1) & 31)) * 32 + (w.length > 31 ? 31 : w.length);
const CUES_ASCII = [...CUES].every(w => /^[a-z]+$/.test(w));
for (const w of CUES) if (CUES_ASCII) CUE_SHAPES[cueShape(w)] = 1;
const mayBeCue = (w: string) => !CUES_LOWER_ASCII || (isLowerAscii(w) && (!CUES_ASCII || CUE_SHAPES[cueShape(w)] === 1));
/** Where a contraction's apostrophe stands (after "he", "she", "they"): only such words are tried against `CONTRACTED`. */
const mayBeContracted = (w: string) => {
  const n = w.length;
  if (n < 4 || n > 7) return false;
  const a = w.charCodeAt(2), b = w.charCodeAt(3), c = w.charCodeAt(4);
  return a === 39 || a === 0x2019 || b === 39 || b === 0x2019 || c === 39 || c === 0x2019;
};

/** A subject pronoun and a contracted verb: "He’s", "she'd", "They’re". */
export const CONTRACTED = /^(he|she|they|we|He|She|They|We|HE|SHE)([’'](?:s|d|ll|re|ve|S|D|LL|RE|VE))$/;
/** The contracted verbs, read in full ("’s" is "is" or "has": either is skipped between a subject and its cue). */
const CLITICS: Record<string, string> = { s: 'is', d: 'would', ll: 'will', re: 'are', ve: 'have' };

const QUOTE_FLAGS = flagsOf(QUOTE_TOKEN, QUOTE_TOKEN);

/** Tokens of `text` in [pos, to), appended to `out`, on a line placed at `place`. */
function tokenizeRange(text: string, pos: number, to: number, out: Tok[], place: LinePlace): void {
  while (pos < to) {
    const at = tokenStart(text, pos, to, CLAUSE_TOKENS);
    if (at < 0) break;
    const full = clauseTokenEnd(text, at);
    pos = full;
    const w = text.slice(at, full > to ? to : full);
    if (w.length > 1 && w.charCodeAt(w.length - 1) === 46 && !KEEP_DOT.test(w)) {
      const bare = w.slice(0, -1);
      out.push(tok(at, at + bare.length, bare, bare.toLowerCase(), mayBeCue(bare) && CUES.has(bare), place));
      out.push(tok(at + bare.length, at + w.length, '.', '.', false, place));
    } else if (mayBeContracted(w) && CONTRACTED.test(w)) {
      // Error kind: no speaker. A pronoun and its verb contracted ("He’s claiming that
      // …", "She’d said") are two tokens: the pronoun, and the verb read in full.
      const m = CONTRACTED.exec(w) as RegExpExecArray;
      const p = m[1], v = m[2];
      out.push(tok(at, at + p.length, p, p.toLowerCase(), false, place));
      out.push(tok(at + p.length, at + w.length, v, CLITICS[v.slice(1).toLowerCase()] ?? v.toLowerCase(), false, place));
    } else {
      const c0 = w.charCodeAt(0);
      // (A mark or digit standing alone is its own lower case: most one-character tokens skip the call.)
      const lower = (c0 >= 97 && c0 <= 122) || (w.length === 1 && c0 < 65) ? w : w.toLowerCase();
      out.push(tok(at, at + w.length, w, lower, mayBeCue(w) && CUES.has(w), place));
    }
  }
}

/**
 * A line's tokens by the line's text, and where they were placed last: unchanged
 * lines after an edit cost a lookup, a line that moved is placed again (`LinePlace`),
 * and a line whose tokens this `tokenize` already placed (the same text twice) takes
 * a copy of its own (`alt`). (A token's only write is its `f` bits, a function of its
 * word, so the same whatever line or document shares it. Tokens are read only during
 * the call that placed them: nothing kept after it holds one.)
 */
interface LineToks {
  toks: Tok[];
  place: LinePlace;
  alt: LineToks | null;
}
const LINE_TOKENS = memoSlot<LineToks>('quotes.lineTokens', 100_000);
/** The `tokenize` calls made so far (the stamp of the latest). */
let calls = 0;

/**
 * The tokens of text[from, to) (a line, or a stretch of one), memoised on `key`
 * (its text, and whatever else of the text they depend on), placed at `from` and
 * appended to `out`. (No token crosses a line break, so the stretch is tokenised in place.)
 */
function place(memo: Memo<LineToks>, key: string, text: string, from: number, to: number, stamp: number, out: Tok[]): void {
  let line = memo.get(key, () => {
    const toks: Tok[] = [];
    const place: LinePlace = { base: from, stamp: -1, toks };
    tokenizeRange(text, from, to, toks, place);
    return { toks, place, alt: null };
  });
  while (line.place.stamp === stamp) line = line.alt ??= copyLine(line);
  line.place.stamp = stamp;
  line.place.base = from;
  for (const t of line.toks) out.push(t);
}

/** Tokens of stretches of a line that end where a quote starts (`tokenize`), by their text and the text they may read after it. */
const RUN_TOKENS = memoSlot<LineToks>('quotes.runTokens', 100_000);

/** A copy of a line's tokens on a place of their own. */
function copyLine(line: LineToks): LineToks {
  const toks: Tok[] = [];
  const place: LinePlace = { base: 0, stamp: -1, toks };
  for (const t of line.toks) {
    const c = new Tok(t.start - line.place.base, t.end - line.place.base, t.w, t.lower, t.cue, place);
    c.f = t.f;
    toks.push(c);
  }
  return { toks, place, alt: null };
}

/**
 * Tokens of the whole text; each quoted span becomes one token (`QUOTE_TOKEN`).
 * No token crosses a line break, so a stretch of text that ends at one (or at the
 * text's end) is tokenised on its own, memoised; only a stretch ending where a
 * quote starts is scanned in place (a word may run into the quote mark there).
 */
export function tokenize(ctx: AnalysisContext, text: string, quotes: readonly Span[]): Tok[] {
  const out: Tok[] = [];
  const lines = ctx.get(LINE_TOKENS);
  const stamp = ++calls;
  stretches(text, quotes, (from, to, toQuote) => {
    if (!toQuote) { place(lines, text.slice(from, to), text, from, to, stamp, out); return; }
    // A stretch ending where a quote starts: its last word may run on into the quote
    // ("U.S.'…"), read up to the first space or break at or after the quote's start
    // at most, so those characters are part of its key.
    let reach = to;
    while (reach < text.length && text.charCodeAt(reach) !== 32 && text.charCodeAt(reach) !== 10) reach++;
    place(ctx.get(RUN_TOKENS), `${text.slice(from, to)}\u0000${text.slice(to, reach + 1)}`, text, from, to, stamp, out);
  }, q => out.push(quoteToken(q)));
  return out;
}

/**
 * `tokenize` memoising nothing: the same tokens, where they stand (one place for all,
 * never moved), and `lines`, the stretches `tokenize` would memoise from a line's start
 * (to the line's end or to a quote's start), as [first token, end) pairs: the name book
 * learns from each such stretch on its own, as from the tokens of a memoised line.
 */
export function tokenizeOnce(text: string, quotes: readonly Span[]): { toks: Tok[]; lines: number[] } {
  const out: Tok[] = [];
  const lines: number[] = [];
  const here: LinePlace = { base: 0, stamp: -1, toks: null };
  stretches(text, quotes, (from, to) => {
    const first = out.length;
    tokenizeRange(text, from, to, out, here);
    if (out.length > first && (from === 0 || text.charCodeAt(from - 1) === 10)) lines.push(first, out.length);
  }, q => out.push(quoteToken(q)));
  return { toks: out, lines };
}

/**
 * The stretches of text both tokenizers read, in order, and the quotes between them: a stretch runs from a line's
 * start or a quote's end to the line's end (no token crosses a break) or to where a quote starts (`toQuote`).
 */
function stretches(text: string, quotes: readonly Span[], stretch: (from: number, to: number, toQuote: boolean) => void, quote: (q: Span) => void): void {
  // (The end of the line holding `pos`, found again only once `pos` is past it: found for each quote, a line of
  // many quotes was read to its end once per quote, quadratic in its length.)
  let pos = 0, lineEnd = -1;
  for (let qi = 0; qi <= quotes.length; qi++) {
    const segEnd = qi < quotes.length ? quotes[qi].start : text.length;
    while (pos < segEnd) {
      if (lineEnd < pos) {
        const nl = text.indexOf('\n', pos);
        lineEnd = nl < 0 ? text.length : nl;
      }
      if (lineEnd > segEnd) { stretch(pos, segEnd, true); break; }
      if (lineEnd > pos) stretch(pos, lineEnd, false);
      pos = lineEnd + 1;
    }
    if (qi < quotes.length) { quote(quotes[qi]); pos = quotes[qi].end; }
  }
}

/** A quoted span's one token. */
function quoteToken(q: Span): Tok {
  const t = new Tok(q.start, q.end, QUOTE_TOKEN, QUOTE_TOKEN, false, FIXED);
  t.f = QUOTE_FLAGS;
  return t;
}

/** A line break in text[from, to). */
export function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  return false;
}

/** Index of the first token starting at or after `pos`. */
export function tokenAt(toks: readonly Tok[], pos: number): number {
  return tokenAtIn(toks, pos, 0, toks.length);
}

/** `tokenAt`, the answer known to lie in [lo, hi]. */
function tokenAtIn(toks: readonly Tok[], pos: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * `tokenAt`, searched out from index `hint` (where the answer likely is: a sentence's first
 * token): the same index, in a few steps when the hint is near (a search over the whole list
 * reads a token in every part of a long document).
 */
export function tokenAtNear(toks: readonly Tok[], pos: number, hint: number): number {
  const n = toks.length;
  const h = hint < 0 ? 0 : hint > n ? n : hint;
  let lo: number, hi: number;
  if (h < n && toks[h].start < pos) {
    // After the hint: gallop forward to a token at or after `pos` (or the end).
    lo = h + 1;
    let step = 1, probe = h + 1;
    while (probe < n && toks[probe].start < pos) { lo = probe + 1; step *= 2; probe = h + step; }
    hi = probe < n ? probe : n;
  } else {
    // At or before the hint: gallop back to a token before `pos` (or the start).
    hi = h;
    let step = 1, probe = h - 1;
    while (probe >= 0 && toks[probe].start >= pos) { hi = probe; step *= 2; probe = h - step; }
    lo = probe < 0 ? 0 : probe + 1;
  }
  return tokenAtIn(toks, pos, lo, hi);
}

// Tests on tokens.

export const upper = (t: Tok | undefined) => !!t && (flags(t) & F_UPPER) !== 0;
export const isTitle = (t: Tok | undefined) => !!t && (flags(t) & F_TITLE) !== 0;
export const isCap = (t: Tok | undefined) => !!t && (flags(t) & F_CAP) !== 0;
export const isWord = (t: Tok | undefined) => !!t && (flags(t) & F_WORD) !== 0;
/** `/[’']s?$/` and longer than two characters: an apostrophe last, or before a final "s". */
export const possessive = (t: Tok) => {
  const w = t.w, n = w.length;
  if (n <= 2) return false;
  let c = w.charCodeAt(n - 1);
  if (c === 115) c = w.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
};
/**
 * `w.replace(/[’']s?$/, '')`: a final apostrophe, or an apostrophe and "s", cut off ("Russia’s" -> "Russia"),
 * read at the word's end (the pattern is tried from every character of the word).
 */
export function withoutPossessive(w: string): string {
  const n = w.length;
  let c = w.charCodeAt(n - 1);
  if (c === 39 || c === 0x2019) return w.slice(0, n - 1);
  if (c !== 115 || n < 2) return w;
  c = w.charCodeAt(n - 2);
  return c === 39 || c === 0x2019 ? w.slice(0, n - 2) : w;
}
/** A reporting verb (the set holds lower-case forms only, so "Says" in a headline is not one). */
export const isCue = (t: Tok | undefined) => !!t && t.cue;
export const ingCue = (t: Tok) => t.w.endsWith('ing');
/**
 * An adverb in -ly ("repeatedly"), not a noun so ending. (Error kind: a noun phrase
 * lost, "Trump supporters at the rally chanted" read "rally" as an adverb.)
 */
export const adverb = (t: Tok) => t.w.endsWith('ly') && /^\p{Ll}+ly$/u.test(t.w) && !LY_NOUNS.test(t.w);
const LY_NOUNS = /^(?:rally|ally|family|assembly|supply|reply|belly|bully|folly|lily|jelly|monopoly|anomaly|homily|melee|panoply|tally|gully|fly)$/;

/**
 * A cue at token `c`: a reporting verb, or words that report only where they stand,
 * "as one analyst put it", "the memo read". (Error kind: a document as the source.)
 */
export function cueAt(toks: readonly Tok[], c: number): boolean {
  const t = toks[c];
  // (Error kind: a noun phrase taken for the speaker. A cue form after a possessive or
  // a determiner is a noun: "called the union’s demands “…”", "his claims".)
  if (t.cue) return !(c > 0 && (possessive(toks[c - 1]) || ONE_OF_THE_A_AN.has(toks[c - 1].lower)));
  if (t.lower === 'put') return toks[c + 1]?.lower === 'it';
  if (t.lower !== 'read' && t.lower !== 'reads') return false;
  // "the memo read", or inverted: "read a post on …", "reads a sign at …".
  return (c > 0 && DOCUMENT_HEADS.test(toks[c - 1].lower)) ||
    (ONE_OF_A_AN_THE.has(toks[c + 1]?.lower ?? '') && (DOCUMENT_HEADS.test(toks[c + 2]?.lower ?? '') || DOCUMENT_HEADS.test(toks[c + 3]?.lower ?? '')));
}
export const endsClause = (t: Tok) => t.w === '.' || t.w === ';' || t.w === '?' || t.w === '!';

const isDigitStart = (w: string) => isAsciiDigit(w.charCodeAt(0));

/** A headline: title case, every lower-case word a small function word. */
export function headline(toks: readonly Tok[], lo: number, hi: number): boolean {
  let words = 0, caps = 0;
  for (let i = lo; i < hi; i++) {
    if (!isWord(toks[i])) continue;
    words++;
    if (upper(toks[i]) || isDigitStart(toks[i].w)) caps++;
    else if (!HEADLINE_SMALL.has(toks[i].lower)) return false;
  }
  return words >= 3 && caps / words >= 0.6;
}
