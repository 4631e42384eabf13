/**
 * The attribution algorithm: an ordered list of sieves, each one rule that may name
 * a quote's speaker from its `QuoteContext`. They are tried in order and the first
 * that decides wins; a quote no sieve decides has no speaker. The order is the
 * algorithm: the quote's own sentence first (a label inside it, the words right
 * after it, the part it continues, a name labelling it, the cue before it, a
 * headline, the rest of its sentence, the subject of its clause), then the
 * paragraph (the narrator's sentence before it, a short sentence leading into its
 * paragraph), the one person the quote's own sentence names when nothing in it
 * attributes the quote, then the voice of the quote before and a lead-in sentence.
 *
 * A sieve's speaker may still be a pronoun ("he said") or a role ("the minister"):
 * pronouns are resolved afterwards (pronouns.ts), roles to the name the document
 * introduced them with (names.ts). Each decision carries its sieve's name and a
 * short explanation (`Quote.attribution`).
 */
import { type Attribution, attributionAfter, attributionBefore, attributionTail, clauseSubject, headlineLabel, headlineSpeaker, labelInside, nameLabel, openingClauseSubject } from './attribution';
import { type QuoteContext, sHi } from './context';
import { nameRunForward, resolvePhrase, type Speaker } from './names';
import { cuePhrase, subjectAfter, subjectBefore } from './phrases';
import { cueAt, headline, ingCue, isCap, isCue, possessive, QUOTE_TOKEN, tokenAt } from './tokens';
import { AS_COMMENT, HEAD_PREPOSITIONS, PREPOSITIONS, SUBORD } from './words';

/** One attribution rule: `decide` gives the quote's attribution, or null to leave it to the next sieve. */
export interface Sieve {
  readonly name: string;
  decide(qc: QuoteContext): Attribution | null;
  /** A short human explanation of a decision (the attribution's own `detail` wins). */
  explain(a: Attribution): string;
  /** The quote goes on with the quote before: it takes that quote's speaker and group. */
  readonly continues?: boolean;
}

/** A speaker found with no cue, as an attribution; null for none. */
const uncued = (speaker: Speaker | null): Attribution | null => speaker ? { speaker, cue: null, after: -1 } : null;

/** The attribution when it names someone (a pronoun or a name, not a bare description), else null. */
const namesSomeone = (a: Attribution | null): Attribution | null =>
  a?.speaker && (a.speaker.pronoun || a.speaker.type !== 'DESCRIPTION') ? a : null;


/** The sentence before the quote's when the quote opens its sentence and both share a paragraph, else -1. */
function narratorSentence(qc: QuoteContext): number {
  const { sents, sLo } = qc.doc;
  const k = qc.si - 1;
  return qc.atStart && k >= 0 && sents[k].paragraph === qc.para && sLo[k] < qc.sentLo ? k : -1;
}

export const SIEVES: readonly Sieve[] = [
  {
    // A speaker label opening a transcript quote: "“PENCE: Well, look…".
    name: 'label-inside',
    explain: a => 'a speaker label opening the quote',
    decide: qc => labelInside(qc.doc.text, qc.raw, qc.doc.book),
  },
  {
    // Error kind: the wrong person, the nearest cue winning over the sentence's
    // structure. Quotes joined into one list ("… railed against “the elites,” “the
    // donors” and “the pundits,” Roe said yes, …", "called it “reckless” and
    // “cruel”") are one speaker's words: a quote right after another of its sentence,
    // only "and", "or" or a comma between them, keeps that quote's speaker.
    name: 'coordinated',
    explain: () => 'listed with the quote before it ("and", "or" or a comma between them)',
    decide: qc => {
      const prev = qc.prev;
      if (!prev?.attr?.speaker || !qc.samePara) return null;
      const { toks } = qc.doc;
      const p = tokenAt(toks, prev.q.start);
      if (p < qc.sentLo || qc.qTok - p < 2 || qc.qTok - p > 3) return null;
      for (let j = p + 1; j < qc.qTok; j++) if (!/^(?:,|and|or)$/.test(toks[j].lower)) return null;
      return { speaker: prev.attr.speaker, cue: prev.attr.cue, after: -1 };
    },
  },
  {
    // A cue right after the quote: "…,” Lavrov said", "…,” said the ministry’s spokesman, Jane Doe", "― Name".
    name: 'cue-after',
    explain: a => a.cue ? `after the quote, the cue '${a.cue}'` : 'the name closing the quote\'s line',
    decide: qc => attributionAfter(qc.doc.toks, qc.qTok + 1, qc.postHi, qc.doc.book),
  },
  {
    // “…,” he said. “…” — the second part goes on with the first.
    name: 'continuation',
    explain: () => 'the quote goes on from the part before it',
    continues: true,
    decide: qc => {
      const prev = qc.prev;
      if (!prev || !qc.samePara || !prev.attr || prev.attrEnd <= prev.q.end) return null;
      return attributionTail(qc.doc.toks, tokenAt(qc.doc.toks, prev.attrEnd), qc.qTok) ? prev.attr : null;
    },
  },
  {
    // A name labelling the quote in running text: "…, including Jane Roe -- “…”".
    name: 'name-label',
    explain: () => 'the name the quote follows after a colon or dash',
    decide: qc => nameLabel(qc.doc.toks, qc.preLo, qc.qTok, qc.doc.book),
  },
  {
    // The nearest cue before the quote, back to an earlier quote of its sentence:
    // "Stoltenberg said: “…”", "according to the Guardian, “…”".
    name: 'cue-before',
    explain: a => a.cue ? `before the quote, the cue '${a.cue}'` : 'the speaker of the words the quote is part of',
    decide: qc => attributionBefore(qc.doc.toks, qc.preLo, qc.qTok, qc.doc.book, qc.sentLo),
  },
  {
    // A headline's "Speaker: words ‘quote’".
    name: 'headline-label',
    explain: () => 'a headline label before the colon',
    decide: qc => headlineLabel(qc.doc.toks, qc.sentLo, qc.qTok, qc.hiTok, qc.doc.book),
  },
  {
    // A headline's "Name Says …".
    name: 'headline-verb',
    explain: a => `a headline's '${a.cue}'`,
    decide: qc => headline(qc.doc.toks, qc.sentLo, qc.hiTok) ? headlineSpeaker(qc.doc.toks, qc.sentLo, qc.hiTok, qc.doc.book) : null,
  },
  {
    // A cue before the quote and before an earlier quote of its sentence.
    name: 'cue-before-earlier-quote',
    explain: a => a.cue ? `the cue '${a.cue}' earlier in the sentence` : 'earlier in the sentence',
    decide: qc => qc.preLo > qc.sentLo ? attributionBefore(qc.doc.toks, qc.sentLo, qc.qTok, qc.doc.book) : null,
  },
  {
    // A cue later in the sentence: "A cashier who “steals …” is held accountable, Warren said."
    name: 'cue-later',
    explain: a => `the cue '${a.cue}' later in the sentence`,
    decide: qc => {
      const { toks, book } = qc.doc;
      for (let c = qc.qTok + 1; c < qc.hiTok; c++) {
        if (cueAt(toks, c) && !ingCue(toks[c])) {
          const ph = subjectBefore(toks, c, qc.qTok + 1);
          // Error kind: the wrong person. A cue in a clause of its own after the quote
          // ("… broke into chants of “…” as Governor Tom Baxter spoke") is not the quote's,
          // unless the clause comments on it ("…, as a city memo put it", "as Roe said").
          const opener = toks[tokenAt(toks, ph?.toks[0].start ?? 0) - 1]?.lower ?? '';
          if (ph && SUBORD.has(opener) && !(opener === 'as' && AS_COMMENT.test(toks[c].lower))) break;
          // (Nor is a main clause's cue the voice of a quote inside the adverbial clause
          // opening the sentence, when that clause has its own subject and ends before
          // the cue's subject: "As Tom Reyes went on about “…,” Ana Diaz said yes".)
          const comma = toks.slice(qc.qTok, tokenAt(toks, ph?.toks[0].start ?? 0)).some(t => t.w === ',' || (t.w === QUOTE_TOKEN && /,\W*$/.test(qc.doc.text.slice(t.start, t.end))));
          const own = ph && comma ? openingClauseSubject(toks, qc.sentLo, qc.qTok, book) : null;
          if (own) return { speaker: own, cue: null, after: -1, detail: `the subject of the clause '${toks[qc.sentLo].w} …' holding the quote, not the later cue's` };
          if (ph) return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: -1 };
        }
        // Error kind: no speaker where a group or a document is the source, credited at
        // the sentence's end: "… took part in a “walk-in” at 2,000 schools, according to the organizers."
        if (toks[c].lower === 'according' && toks[c + 1]?.lower === 'to') {
          const ph = subjectAfter(toks, c + 2, qc.hiTok);
          if (ph) return { speaker: resolvePhrase(ph, book), cue: 'according to', after: -1 };
        }
      }
      return null;
    },
  },
  {
    // The subject of the narrator's clause holding the quote: "On Monday, Clinton cited … as “…”".
    name: 'clause-subject',
    explain: () => 'the subject of the clause holding the quote',
    decide: qc => qc.qTok > qc.sentLo ? uncued(clauseSubject(qc.doc.toks, qc.sentLo, qc.qTok, qc.doc.book)) : null,
  },
  {
    // A quote opening its sentence, after a narrator's sentence of the same paragraph
    // whose cue names someone: "Sanders said young voters were exhausted. “…”".
    name: 'narrator-sentence-cue',
    explain: a => `the cue '${a.cue}' in the sentence before`,
    decide: qc => {
      const k = narratorSentence(qc);
      return k < 0 ? null : namesSomeone(attributionBefore(qc.doc.toks, qc.doc.sLo[k], qc.sentLo, qc.doc.book));
    },
  },
  {
    // Else that sentence's subject: "Sanders … identified young voters' exhaustion … “…”".
    name: 'narrator-sentence-subject',
    explain: () => 'the subject of the sentence before',
    decide: qc => {
      const k = narratorSentence(qc);
      return k < 0 ? null : uncued(clauseSubject(qc.doc.toks, qc.doc.sLo[k], qc.sentLo, qc.doc.book));
    },
  },
  {
    // Error kind: the wrong person, the voice of an earlier quote winning over a person
    // the text has just introduced. A quote opening its paragraph after a short
    // sentence closing the paragraph before, whose subject is a person: "Jane Roe
    // disagreed.\n\n“…”".
    name: 'lead-in-subject',
    explain: () => 'the subject of the short sentence leading into the quote\'s paragraph',
    decide: qc => {
      const { toks, book, sents, sLo, text } = qc.doc;
      const k = qc.si - 1;
      if (k < 0 || qc.qTok !== qc.sentLo || sents[k].paragraph !== qc.para - 1 || !text.slice(sents[k].end, qc.raw.start).includes('\n')) return null;
      const hi = sHi(qc.doc, k);
      if (hi - sLo[k] > 10 || toks.slice(sLo[k], hi).some(t => t.w === QUOTE_TOKEN || isCue(t))) return null;
      // The name opening the sentence before a verb ("Tomas Berg shook his head."), else the clause's subject.
      const lo = sLo[k], e = isCap(toks[lo]) ? nameRunForward(toks, lo, hi) : -1;
      const sp = e > lo && /^\p{Ll}/u.test(toks[e + 1]?.w ?? '') ? resolvePhrase({ toks: toks.slice(lo, e + 1), kind: 'name' }, book) : clauseSubject(toks, lo, hi, book);
      return sp?.type === 'PERSON' ? uncued(sp) : null;
    },
  },
  {
    // Error kind: the wrong person, the salient voice of the paragraph winning over the
    // sentence's own. A quote inside its sentence (not opening it) that no cue or
    // subject attributes, in a sentence naming one person before it, as no
    // preposition's object and no owner: "The ruling led the activist Jane Roe to call
    // it “a betrayal.”" -> Jane Roe, not the voice of the quote before.
    name: 'sentence-person',
    explain: () => 'the one person the quote\'s sentence names before it',
    decide: qc => {
      if (qc.atStart) return null;
      const { toks, book } = qc.doc;
      let found: Speaker | null = null;
      for (let d = qc.sentLo; d < qc.qTok; d++) {
        if (!isCap(toks[d])) continue;
        const e = nameRunForward(toks, d, qc.qTok);
        const before = toks[d - 1];
        const governed = d > qc.sentLo && !!before && (PREPOSITIONS.has(before.lower) || HEAD_PREPOSITIONS.has(before.lower) || possessive(before));
        if (!governed && !possessive(toks[e]) && toks[e + 1]?.w !== '’' && toks[e + 1]?.w !== "'") {
          // (A person the entity layer knows, or a name of two words or more with a known
          // first name or title: a capitalised word alone, "Contrary", "Republican", is none.)
          const ent = book.entityAt(toks[d].start, toks[e].end);
          const run = toks.slice(d, e + 1);
          const sp = ent?.type === 'PERSON' || (!ent && e > d) ? resolvePhrase({ toks: run, kind: 'name' }, book) : null;
          if (sp?.type === 'PERSON' && (ent || (sp.name.includes(' ') && book.genderOf(sp.name, run)))) {
            if (found && found.name !== sp.name) return null;
            found = sp;
          }
        }
        d = e;
      }
      return uncued(found);
    },
  },
  {
    // A quote standing alone right after another: the same voice goes on.
    name: 'same-voice',
    explain: () => 'the voice of the quote before goes on',
    decide: qc => {
      const prev = qc.prev;
      if (!prev?.attr || !(qc.samePara || (prev.para >= qc.para - 1 && qc.atStart))) return null;
      return { speaker: prev.attr.speaker, cue: prev.attr.cue, after: -1 };
    },
  },
  {
    // A quote opening its sentence: the subject of a cue in one of the two sentences
    // before (the paragraph before included), or of a sentence ending in ':'
    // ("Sanders made the following comment:").
    name: 'lead-in-sentence',
    explain: a => a.cue ? `the cue '${a.cue}' in a lead-in sentence` : 'the subject of a lead-in sentence ending in a colon',
    decide: qc => {
      if (!qc.atStart) return null;
      const { toks, book, sents, sLo } = qc.doc;
      for (let k = qc.si - 1; k >= 0 && k >= qc.si - 2 && sents[k].paragraph >= qc.para - 1; k--) {
        const a = namesSomeone(attributionBefore(toks, sLo[k], sHi(qc.doc, k), book));
        if (a) return a;
        if (toks[sHi(qc.doc, k) - 1]?.w === ':') {
          const subject = uncued(clauseSubject(toks, sLo[k], sHi(qc.doc, k), book));
          if (subject) return subject;
        }
      }
      return null;
    },
  },
];

/** The first sieve that decides the quote, and its attribution; nulls when none does. */
export function attribute(qc: QuoteContext): { attr: Attribution | null; sieve: Sieve | null } {
  for (const sieve of SIEVES) {
    const attr = sieve.decide(qc);
    if (attr) return { attr, sieve };
  }
  return { attr: null, sieve: null };
}
