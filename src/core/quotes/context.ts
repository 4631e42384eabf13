/**
 * What the attribution sieves read, computed once: per document (`QuoteDocument`)
 * its tokens, sentences and name book; per quote (`QuoteContext`) its place among
 * them: its token, the token range of its sentence, the words before and after it
 * up to the neighbouring quotes, whether it opens its sentence, and the quote
 * before it with that quote's attribution.
 */
import type { AnalysisContext } from '../text/memo';
import type { Entity, Quote, Sentence } from '../types';
import type { Attribution } from './attribution';
import { NameBook } from './names';
import type { RawQuote } from './scan';
import { isCue, QUOTE_TOKEN, type Tok, tokenAtNear, tokenize, tokenizeOnce } from './tokens';

/** One document, as every quote of it sees it. */
export interface QuoteDocument {
  readonly text: string;
  /** The text's tokens, each quote one `QUOTE_TOKEN`. */
  readonly toks: readonly Tok[];
  readonly book: NameBook;
  /** The sentences (one spanning the text when none were given). */
  readonly sents: readonly Sentence[];
  /** Index of each sentence's first token (the first starting at or after its start); one more entry, the token count. */
  readonly sLo: Int32Array;
}

/** The document of quotes `raw` (not empty); `memoise`: its lines' tokens and what they teach the name book are memoised in `ctx`. */
export function quoteDocument(ctx: AnalysisContext, text: string, sentences: readonly Sentence[], entities: readonly Entity[], raw: readonly RawQuote[], memoise = true): QuoteDocument {
  let toks: Tok[], book: NameBook;
  if (memoise) {
    toks = tokenize(ctx, text, raw);
    book = new NameBook(ctx, text, toks, entities);
  } else {
    const once = tokenizeOnce(text, raw);
    toks = once.toks;
    book = new NameBook(ctx, text, toks, entities, once.lines);
  }
  const sents: readonly Sentence[] = sentences.length ? sentences : [{ start: 0, end: text.length, paragraph: 0 }];
  const sLo = new Int32Array(sents.length + 1);
  for (let i = 0, t = 0; i < sents.length; i++) {
    const pos = sents[i].start;
    if (i > 0 && pos < sents[i - 1].start) t = 0; // (sentences come in order; if not, start over)
    while (t < toks.length && toks[t].start < pos) t++;
    sLo[i] = t; // = tokenAt(toks, pos)
  }
  sLo[sents.length] = toks.length;
  return { text, toks, book, sents, sLo };
}

/** Index of the first token at or after sentence `i`'s end. */
export const sHi = (doc: QuoteDocument, i: number) => tokenAtNear(doc.toks, doc.sents[i].end, doc.sLo[i + 1]);

/** The quote before, as the sieves need it. */
export interface PrevQuote {
  q: Quote;
  attr: Attribution | null;
  para: number;
  /** Where its attribution words end, when they follow it; else its own end. */
  attrEnd: number;
}

/** One quote and the words around it. Token ranges are half-open: [lo, hi). */
export interface QuoteContext {
  readonly doc: QuoteDocument;
  readonly raw: RawQuote;
  /** The quote's text, marks included. */
  readonly text: string;
  /** The text without its opening marks. */
  readonly inner: string;
  /** The sentence the quote starts in, and that sentence's paragraph. */
  readonly si: number;
  readonly para: number;
  /** The quote's token. */
  readonly qTok: number;
  /** First token of the quote's sentence (the quote's own when it starts before the sentence). */
  readonly sentLo: number;
  /** End of the sentence the quote ends in, or of a short attribution sentence right after it ("“…” Trump said."). */
  readonly hiTok: number;
  /** Start of the words before the quote in its sentence, after any earlier quote. */
  readonly preLo: number;
  /** End of the words after the quote in its sentence, before any later quote. */
  readonly postHi: number;
  /** The quote opens its sentence, or follows a colon, comma or dash. */
  readonly atStart: boolean;
  /** The quote before in the document (not a title left out), if any. */
  readonly prev: PrevQuote | null;
  /** The quote before stands in the same paragraph with no line break between them. */
  readonly samePara: boolean;
}

/** The context of quote `r`, whose sentence is `from` or a later one. */
export function quoteContext(doc: QuoteDocument, r: RawQuote, from: number, prev: PrevQuote | null): QuoteContext {
  const { text, toks, sents, sLo } = doc;
  let si = from;
  while (si + 1 < sents.length && sents[si].end <= r.start) si++;
  let ei = si;
  while (ei + 1 < sents.length && sents[ei].end < r.end) ei++;
  // A sentence closed by the quote may have its attribution standing alone next ("“…” Trump said.").
  const endTok = sHi(doc, ei);
  let hiTok = Math.max(endTok, tokenAtNear(toks, r.end, endTok));
  const next = sents[ei + 1];
  if (next && r.end >= sents[ei].end - 1 && next.paragraph === sents[ei].paragraph && next.end - next.start < 100) {
    const a = tokenAtNear(toks, next.start, sLo[ei + 1]), b = sHi(doc, ei + 1);
    let cue = false;
    for (let j = a; j < b && j < a + 8; j++) if (isCue(toks[j])) cue = true;
    if (b - a <= 14 && (cue || /^\p{Ll}/u.test(toks[a]?.w ?? '')) && !toks.slice(a, b).some(t => t.w === QUOTE_TOKEN)) hiTok = b;
  }
  const qTok = tokenAtNear(toks, r.start, sLo[si]);
  const sentLo = Math.min(sLo[si], qTok);
  const para = sents[si].paragraph;
  let postHi = hiTok;
  for (let j = qTok + 1; j < hiTok; j++) if (toks[j].w === QUOTE_TOKEN) { postHi = j; break; }
  let preLo = sentLo;
  for (let j = qTok - 1; j >= sentLo; j--) if (toks[j].w === QUOTE_TOKEN) { preLo = j + 1; break; }
  const quoteText = text.slice(r.start, r.end);
  const inner = quoteText.replace(/^["“‘']+/, '');
  // (No line break between them, looked for in place: a slice would copy the text between every two quotes on every edit.)
  const nl = prev !== null && prev.para === para ? text.indexOf('\n', prev.q.end) : -1;
  const samePara = prev !== null && prev.para === para && !(nl >= 0 && nl < r.start);
  const atStart = qTok === sentLo || /^[:,—–―-]$/.test(toks[qTok - 1]?.w ?? '');
  return { doc, raw: r, text: quoteText, inner, si, para, qTok, sentLo, hiTok, preLo, postHi, atStart, prev, samePara };
}
