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
import type { AnalysisContext } from '../text/memo';
import type { Entity, Quote, Sentence } from '../types';
import { type PrevQuote, type QuoteContext, quoteContext, quoteDocument } from './context';
import type { Speaker } from './names';
import { Pronouns } from './pronouns';
import { scanQuotes } from './scan';
import type { Attribution } from './attribution';
import { attribute, type Sieve } from './sieves';
import { headline, isCue, possessive } from './tokens';
import { TITLE_SMALL, WORK_MARKERS } from './words';

/** How many times the sieves may read a quote's sentence, at most (the budget's unit). */
const SIEVE_PASSES = 16;

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
  const raw = scanQuotes(text);
  if (!raw.length) return out;
  const doc = quoteDocument(ctx, text, sentences, entities, raw);
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
    if (namesAWork(qc, speaker)) continue;
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
  if (qc.atStart || !titleLike(qc.inner) || headline(toks, qc.sentLo, qc.hiTok)) return false;
  const before = toks[qc.qTok - 1];
  // (Or framed as one: "his “Keepin’ On” radio program", "the “Fair Deal” tour".)
  const after = [toks[qc.qTok + 1], toks[qc.qTok + 2]].find(t => t && /^\p{Ll}/u.test(t.w));
  return !speaker || (!!before && (WORK_MARKERS.test(before.lower) || possessive(before) || /^(?:his|her|their|its|our|my|your)$/.test(before.lower))) ||
    (!!after && WORK_NOUNS.test(after.lower));
}

/** Nouns after a quoted title that make it a work's name: "the “Keepin’ On” radio program". */
const WORK_NOUNS = /^(?:program|programme|show|series|podcast|book|memoir|film|movie|documentary|album|song|column|segment|essay|play|musical|tour|initiative|slogan|hashtag|campaign)s?$/;

/** Quoted words that name a work or a show rather than quote speech: every word capitalised. */
function titleLike(inner: string): boolean {
  const words = inner.replace(/[.,!?’'"”]+$/u, '').split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 7) return false;
  if (words.length === 1) return /^\d+(?:st|nd|rd|th)$/.test(words[0]);
  return words.every(w => /^[\p{Lu}\d]/u.test(w) || TITLE_SMALL.test(w));
}
