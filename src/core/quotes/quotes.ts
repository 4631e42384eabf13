/**
 * Direct quotes and their speakers, in two passes, both linear in the document length:
 *  1. `scanQuotes` (scan.ts) finds quoted segments from the quote marks alone.
 *  2. Each quote gets a speaker from the words around it: the sieves (sieves.ts)
 *     are tried in order on its `QuoteContext` (context.ts) and the first that
 *     decides wins. Participle cues ("telling Sky News") name the clause's subject,
 *     not their object. Pronouns then resolve to the last person of a compatible
 *     gender named as a speaker, as a subject or with a title (pronouns.ts). Names
 *     lose their titles and take the fullest form the document (or its entities)
 *     holds (names.ts). Quotes of capitalised words with no speaker and not in a
 *     headline are names of works ("Fox News Sunday") and are left out.
 *
 * `speakerMention` is the span of the words naming the speaker here; for a pronoun
 * it is the pronoun itself (the speaker field carries the resolved name).
 */
import { WorkBudget } from '../limits';
import { isSpace } from '../text/chars';
import { type AnalysisContext, MemoBase, Slot } from '../text/memo';
import type { Entity, Quote, Sentence } from '../types';
import { type PrevQuote, type QuoteContext, quoteContext, quoteDocument } from './context';
import type { Speaker } from './names';
import { Pronouns } from './pronouns';
import { LINE_SCANS, scanQuotes } from './scan';
import type { Attribution } from './attribution';
import { attribute, type Sieve } from './sieves';
import { headline, isCue, possessive } from './tokens';
import { HEAD_PREPOSITIONS, PREPOSITIONS, SPEECH_NOUNS, TITLE_SMALL, WORK_MARKERS, oneOf } from './words';

/** Words a token is tested against (exact matches, as the `/^(?:…)$/` patterns they replace). */
const ONE_OF_TITLED_ENTITLED = oneOf('titled|entitled');
const ONE_OF_HIS_HER_THEIR = oneOf('his|her|their|its|our|my|your');
const ONE_OF_A_AN_THE = oneOf('a|an|the');
const ONE_OF_KNOWN_REFERRED = oneOf('known|referred');

/** How many times the sieves may read a quote's sentence, at most (the budget's unit). */
const SIEVE_PASSES = 16;

/**
 * How many times the quote stage ran in a context since its memos were last emptied: a memo of
 * the stage's lines (their quote marks, tokens, and what they teach the name book) pays only when
 * the same lines are read again, by an edit or by another document sharing them. The first run
 * memoises nothing: a context made for one document, or emptied between documents (the CLI,
 * `clearMemos`), would only pay for the keys, the entries and their collection. (A memo itself,
 * so emptied with them.)
 */
class QuoteRuns extends MemoBase {
  runs = 0;
  get size(): number {
    return this.runs;
  }
  limitTo(): void {
    // (A count, not entries.)
  }
}
const QUOTE_RUNS = new Slot('quotes.runs', () => new QuoteRuns());

/** Whether this run of the quote stage memoises its lines (not the first in `ctx`, see `QuoteRuns`). */
function readAgain(ctx: AnalysisContext): boolean {
  return ctx.get(QUOTE_RUNS).runs++ > 0;
}

/** A document's quotes, and for each the name of the sieve that decided its speaker (null: none did). */
export interface TracedQuotes {
  quotes: Quote[];
  sieves: (string | null)[];
}

/**
 * Quotes of one document. `entities` are the document's entities (document-local
 * canonicals); `speaker` is such a canonical name, or a short description.
 * `variants` is left empty: the corpus links quotes across documents.
 */
export function findQuotes(
  ctx: AnalysisContext, text: string, sentences: readonly Sentence[], entities: readonly Entity[], budget?: WorkBudget,
): Quote[] {
  return findQuotesTraced(ctx, text, sentences, entities, budget).quotes;
}

/**
 * `findQuotes`, with the sieve that decided each quote. Each quote spends the tokens
 * its sentence holds, once for each pass the sieves may make over them, from `budget`; once it is spent the later quotes are left out
 * (a page of quote marks in one sentence would otherwise cost quadratic time).
 */
export function findQuotesTraced(
  ctx: AnalysisContext, text: string, sentences: readonly Sentence[], entities: readonly Entity[], budget = new WorkBudget(text.length),
): TracedQuotes {
  const out: TracedQuotes = { quotes: [], sieves: [] };
  const memoise = readAgain(ctx);
  const raw = scanQuotes(text, memoise ? ctx.get(LINE_SCANS) : null);
  if (!raw.length) return out;
  const doc = quoteDocument(ctx, text, sentences, entities, raw, memoise);
  const pronouns = new Pronouns(doc, entities);
  let si = 0;
  let groups = 0;
  let prev: PrevQuote | null = null;
  for (const r of raw) {
    const qc = quoteContext(doc, r, si, prev);
    si = qc.si;
    if (!budget.spend(SIEVE_PASSES * (qc.hiTok - qc.sentLo + 1))) break;
    const { attr, sieve } = attribute(qc);
    const said = attr?.speaker ?? null;
    const speaker = said?.pronoun ? pronouns.resolve(said) : said;
    if (namesAWork(qc, speaker) || scareQuote(qc, attr, sieve) || subheading(qc, sieve)) continue;
    // A quote that goes on with the one before joins its group.
    const continues = sieve?.continues && prev ? prev.q : null;
    if (continues && continues.group === null) continues.group = ++groups;
    const q = toQuote(qc, speaker, attr?.cue ?? null, continues);
    q.attribution = q.speaker && sieve && attr ? { step: sieve.name, detail: explain(sieve, attr, speaker) } : null;
    out.quotes.push(q);
    out.sieves.push(sieve ? sieve.name : null);
    const attrEnd: number = attr && !continues && attr.after > qc.qTok ? doc.toks[attr.after - 1].end : r.end;
    prev = { q, attr, para: qc.para, attrEnd };
  }
  return out;
}

/** The `detail` of a quote's attribution: the sieve's (or the rule's) reason, and how a pronoun or role was resolved. */
function explain(sieve: Sieve, attr: Attribution, speaker: Speaker | null): string {
  let detail = attr.detail ?? sieve.explain(attr);
  if (speaker?.note) detail += `; ${speaker.note}`;
  return detail;
}

/** The quote as output; one that `continues` another takes that one's speaker and group. */
function toQuote(qc: QuoteContext, speaker: Speaker | null, cue: string | null, continues: Quote | null): Quote {
  const partial = !qc.atStart && !(/^\p{Lu}/u.test(qc.inner) && isCue(qc.doc.toks[qc.qTok - 1]));
  const q: Quote = {
    start: qc.raw.start, end: qc.raw.end, text: qc.text,
    speaker: speaker ? speaker.name : null,
    speakerType: speaker ? speaker.type : null,
    speakerMention: speaker ? { ...speaker.mention } : null,
    cue,
    partial, uncertain: qc.raw.uncertain, group: continues ? continues.group : null, variants: [], attribution: null,
  };
  if (continues) {
    q.speaker = continues.speaker;
    q.speakerType = continues.speakerType;
    q.speakerMention = continues.speakerMention ? { ...continues.speakerMention } : null;
  }
  return q;
}

/**
 * A quoted title ("Fox News Sunday"), not speech, to be left out: every word
 * capitalised, within its sentence and not in a headline, and unattributed or named
 * as a thing ("on “Morning Joe”").
 */
function namesAWork(qc: QuoteContext, speaker: Speaker | null): boolean {
  const { toks } = qc.doc;
  if (headline(toks, qc.sentLo, qc.hiTok)) return false;
  // Error kind: a false quote, a work's name after the noun that names the work ("her
  // documentary, “Tenth,”", "the anthem “We Shall Overcome”", "an ad titled “Reckless”"):
  // one capitalised word is enough then.
  const before = toks[qc.qTok - 1];
  const noun = before?.w === ',' ? toks[qc.qTok - 2] : before;
  if (noun && (WORK_NOUNS.test(noun.lower) || (before === noun && ONE_OF_TITLED_ENTITLED.has(noun.lower))) &&
    titleLike(qc.inner, true)) return true;
  if (qc.atStart || !titleLike(qc.inner)) return false;
  // (Or framed as one: "his “Keepin’ On” radio program", "the “Fair Deal” tour".)
  const after = [toks[qc.qTok + 1], toks[qc.qTok + 2]].find(t => t && /^\p{Ll}/u.test(t.w));
  return !speaker || (!!before && (WORK_MARKERS.test(before.lower) || possessive(before) || ONE_OF_HIS_HER_THEIR.has(before.lower))) ||
    (!!after && WORK_NOUNS.test(after.lower));
}

/**
 * Error kind: a false quote, a scare quote or a term ("the so-called “sex tape”", "a
 * separate “liquidating trust”"). A phrase of three words or fewer inside its
 * sentence that no sieve attributes (no cue, no subject, no voice before it) is the
 * writer's, not speech, and is left out. A quote a cue governs ("called it
 * “reckless”"), one after words of speech, or opening its sentence stays.
 */
function scareQuote(qc: QuoteContext, attr: Attribution | null, sieve: Sieve | null): boolean {
  if (qc.atStart || qc.raw.uncertain || wordsOver(qc.inner, 3, SCARE_END)) return false;
  // (Words of speech before it in its sentence make it reported speech, even with no
  // speaker found: "contrary to his claim that voters would “learn nothing,”".)
  if (!attr) return !qc.doc.toks.slice(qc.sentLo, qc.qTok).some(t => isCue(t) || SPEECH_NOUNS.has(t.lower) || SPEECH_NOUNS.has(t.lower.replace(/s$/, '')));
  // (Nor one a cue does not govern and that modifies the noun after it: "promoting
  // “miracle” diet pills", "the notorious “revolving door” rule".)
  const { toks } = qc.doc;
  const next = toks[qc.qTok + 1];
  let b = qc.qTok - 1;
  while (b > qc.sentLo && ONE_OF_A_AN_THE.has(toks[b].lower)) b--;
  // (Or one the writer marks as a term: "a so-called “sunset vehicle”", "what became known as the “Buffett rule”".)
  const uncued = !attr.cue && !!sieve && (UNCUED_SIEVES.has(sieve.name) || !!attr.uncued);
  if (uncued &&
    (toks[b]?.lower === 'so-called' || (toks[b]?.lower === 'as' && ONE_OF_KNOWN_REFERRED.has(toks[b - 1]?.lower ?? '')))) return true;
  return toks[b]?.lower !== 'as' && uncued && !/[,.;:!?]\W*$/u.test(qc.inner) &&
    !!next && /^\p{Ll}+$/u.test(next.w) && !FUNCTION_WORDS.has(next.lower) && !PREPOSITIONS.has(next.lower) && !HEAD_PREPOSITIONS.has(next.lower) && !/(?:ed|ly)$/.test(next.lower) && !isCue(next);
}

/** Sieves that name a speaker with no cue of the quote's own. */
const UNCUED_SIEVES = new Set(['clause-subject', 'sentence-person', 'same-voice']);
/** Words after a quote that do not make it a noun's modifier. */
const FUNCTION_WORDS = new Set(('and or but nor to of in on at for from with by as than that which who whom whose when where while because if ' +
  'is are was were be been being has have had will would can could should may might must do does did not so yet during since until ' +
  'despite amid among between throughout within without').split(' '));

/**
 * Error kind: a false quote, a section heading of the article ("'All Bets Are Off.'"
 * standing as its own paragraph). A quote that is its whole paragraph, in title case,
 * two words or more, and that only a sieve reading other sentences attributes
 * (the voice of the quote before, a lead-in) is a heading, left out.
 */
function subheading(qc: QuoteContext, sieve: Sieve | null): boolean {
  if (sieve && !PARAGRAPH_SIEVES.has(sieve.name)) return false;
  const { text } = qc.doc;
  const lineStart = text.lastIndexOf('\n', qc.raw.start - 1) + 1;
  let lineEnd = text.indexOf('\n', qc.raw.end);
  if (lineEnd < 0) lineEnd = text.length;
  if (text.slice(lineStart, qc.raw.start).trim() || text.slice(qc.raw.end, lineEnd).replace(/[.!?]/g, '').trim()) return false;
  return moreWordsThan(qc.inner, 1) && titleLike(qc.inner);
}

/** Sieves that attribute a quote from outside its own sentence. */
const PARAGRAPH_SIEVES = new Set(['same-voice', 'lead-in-sentence', 'lead-in-subject', 'narrator-sentence-cue', 'narrator-sentence-subject']);

/** Nouns after a quoted title that make it a work's name: "the “Keepin’ On” radio program". */
const WORK_NOUNS = /^(?:program|programme|show|series|podcast|book|memoir|novel|film|movie|documentary|album|song|anthem|hymn|poem|column|segment|essay|play|musical|tour|initiative|slogan|hashtag|campaign)s?$/;

/** Quoted words that name a work or a show rather than quote speech: every word capitalised (one word only if an ordinal, or when `oneWord`). */
function titleLike(inner: string, oneWord = false): boolean {
  // (A long quote, most of them, is no title: told without splitting it.)
  if (moreWordsThan(inner, 8)) return false;
  const words = inner.replace(/[.,!?’'"”]+$/u, '').split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 7) return false;
  if (words.length === 1) return /^\d+(?:st|nd|rd|th)$/.test(words[0]) || (oneWord && /^\p{Lu}/u.test(words[0]));
  return words.every(w => /^[\p{Lu}\d]/u.test(w) || TITLE_SMALL.test(w));
}

/**
 * Whether `s` holds more than `max` words split at white space (`s.split(/\s+/).filter(Boolean).length > max`),
 * read only as far as the answer needs: a quote's words are counted for every quote, most of them long.
 */
export function moreWordsThan(s: string, max: number): boolean {
  let words = 0;
  for (let i = 0, n = s.length; i < n;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i === n) break;
    if (++words > max) return true;
    while (i < n && !isSpace(s.charCodeAt(i))) i++;
  }
  return false;
}

/** Marks a scare quote's words may end with. */
const SCARE_END = /[.,!?;:’'"”]+$/u;

/**
 * `s.replace(end, '').split(/\s+/).filter(Boolean).length > max`, `end` a run of marks (no white space) at the
 * end: cutting it takes one word at most, so only a count of `max + 1` words is cut and split to be sure.
 */
export function wordsOver(s: string, max: number, end: RegExp): boolean {
  if (!moreWordsThan(s, max)) return false;
  if (moreWordsThan(s, max + 1)) return true;
  return s.replace(end, '').split(/\s+/).filter(Boolean).length > max;
}
