/**
 * Direct quotes and their speakers.
 *
 * Two passes, both linear in the document length:
 *  1. `scanQuotes` finds quoted segments from the marks alone: curly and straight
 *     double marks (and `''` pairs), single marks only outside double ones and only
 *     as a pair, so apostrophes (don’t, Russia’s, '90s) never count. A quote whose
 *     paragraph ends open and whose next paragraph starts with an opening mark goes
 *     on across the break (news convention). Malformed marks give `uncertain` spans.
 *     Uncertain: a quote left open at its paragraph's end, a closing curly mark with
 *     no opening one (the span is guessed back to its sentence start), or a quote
 *     opened straight and closed curly (or the reverse).
 *  2. Each quote gets a speaker from the words around it, in this order: a label
 *     inside it ("PENCE: …"); a cue right after it ("…,” Lavrov said", "…,” said
 *     the ministry’s spokesman, Jane Doe", "― Name"); the attribution of the part
 *     it continues (“…,” he said. “…” share a `group`); the nearest cue before it in
 *     its sentence ("Stoltenberg said: “…”", "according to the Guardian"); a
 *     headline's "Name: …" or "Name Says …"; a cue later in the sentence; the
 *     subject of the narrator's clause ("Clinton cited … as “…”"); the voice of the
 *     quote just before; the subject of a cue in the sentence before. Participle
 *     cues ("telling Sky News") name the clause's subject, not their object.
 *     Pronouns resolve to the last person of a compatible gender named as a
 *     speaker, as a subject or with a title. Names lose their titles and take the
 *     fullest form the document (or its entities) holds; "the ministry" becomes
 *     the last organisation so headed, "Russia’s foreign minister" the person the
 *     document titles so. Quotes of capitalised words with no speaker and not in a
 *     headline are names of works ("Fox News Sunday") and are left out.
 *
 * `speakerMention` is the span of the words naming the speaker here; for a pronoun
 * it is the pronoun itself (the speaker field carries the resolved name).
 */
import type { AnalysisContext } from '../text/memo';
import type { Entity, Quote, Sentence } from '../types';
import { type Attribution, attributionAfter, attributionBefore, attributionTail, clauseSubject, headlineLabel, headlineSpeaker, labelInside } from './attribution';
import { nameRunForward, NameBook, resolvePhrase, type Speaker, stripTitles } from './names';
import { cuePhrase, subjectAfter, subjectBefore } from './phrases';
import { scanQuotes } from './scan';
import { headline, ingCue, isCap, isCue, isTitle, possessive, QUOTE_TOKEN, tokenAt, tokenize, type Tok } from './tokens';

interface Person {
  name: string;
  pos: number;
  gender: 'm' | 'f' | null;
}

/** Quoted words that name a work or a show rather than quote speech: every word capitalised. */
function titleLike(inner: string): boolean {
  const words = inner.replace(/[.,!?’'"”]+$/u, '').split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 7) return false;
  if (words.length === 1) return /^\d+(?:st|nd|rd|th)$/.test(words[0]);
  return words.every(w => /^[\p{Lu}\d]/u.test(w) || /^(?:of|and|the|a|an|in|on|with|to|for|at|is|it)$/.test(w));
}

/** The quote before, as the attribution pass needs it. */
interface PrevQuote {
  q: Quote;
  attr: Attribution | null;
  para: number;
  /** Where its attribution words end, when they follow it. */
  attrEnd: number;
}

/**
 * Quotes of one document. `entities` are the document's entities (document-local
 * canonicals); `speaker` is such a canonical name, or a short description.
 * `variants` is left empty: the corpus links quotes across documents.
 */
export function findQuotes(ctx: AnalysisContext, text: string, sentences: readonly Sentence[], entities: readonly Entity[]): Quote[] {
  const raw = scanQuotes(text);
  if (!raw.length) return [];
  const toks = tokenize(ctx, text, raw);
  const book = new NameBook(ctx, text, toks, entities);
  const sents: readonly Sentence[] = sentences.length ? sentences : [{ start: 0, end: text.length, paragraph: 0 }];
  // Token range of each sentence.
  const sLo = new Int32Array(sents.length + 1);
  for (let i = 0, t = 0; i < sents.length; i++) {
    const pos = sents[i].start;
    if (i > 0 && pos < sents[i - 1].start) t = 0; // (sentences come in order; if not, start over)
    while (t < toks.length && toks[t].start < pos) t++;
    sLo[i] = t; // = tokenAt(toks, pos)
  }
  sLo[sents.length] = toks.length;
  const sHi = (i: number) => tokenAt(toks, sents[i].end);

  // Pronoun antecedents: subjects of cues and titled names, outside quotes; found
  // on the first pronoun only.
  let antecedents: Person[] | null = null;
  const findAntecedents = (): Person[] => {
    const persons: Person[] = [];
    const addPerson = (sp: Speaker, run: readonly Tok[]) => {
      if (!sp.pronoun && sp.type === 'PERSON') persons.push({ name: sp.name, pos: sp.mention.start, gender: book.genderOf(sp.name, run) });
    };
    for (let si = 0, c = 0; c < toks.length; c++) {
      while (si + 1 < sents.length && sLo[si + 1] <= c) si++;
      const lo = sLo[si];
      const t = toks[c];
      if (isCue(t) && !ingCue(t)) {
        const ph = subjectBefore(toks, c, lo);
        if (ph && ph.kind === 'name') addPerson(resolvePhrase(ph, book), ph.toks);
        else if (!ph) {
          const inv = subjectAfter(toks, c + 1, Math.min(toks.length, c + 12));
          if (inv && inv.kind === 'name') addPerson(resolvePhrase(inv, book), inv.toks);
        }
      } else if (isTitle(t) && !isTitle(toks[c - 1]) && !isCap(toks[c - 1])) {
        const e = nameRunForward(toks, c, toks.length);
        const run = toks.slice(c, e + 1);
        const { toks: name, org } = stripTitles(run);
        if (!org && name.length && name.length < run.length) addPerson(resolvePhrase({ toks: run, kind: 'name' }, book), run);
        c = e;
      }
    }
    const byCanonical = new Map<string, { name: string; gender: 'm' | 'f' | null }>();
    for (const e of entities) {
      if (e.type !== 'PERSON') continue;
      let p = byCanonical.get(e.canonical);
      if (!p) byCanonical.set(e.canonical, (p = { name: book.expand(e.canonical), gender: book.genderOf(e.canonical, []) }));
      persons.push({ name: p.name, pos: e.start, gender: p.gender });
    }
    persons.sort((a, b) => a.pos - b.pos);
    return persons;
  };

  /** The person a pronoun stands for; null when none fits ("they", "I", or no antecedent). */
  const resolvePronoun = (sp: Speaker): Speaker | null => {
    if (!sp.pronoun) return sp;
    if (sp.pronoun === 'p' || sp.pronoun === 'x') return null;
    const persons = antecedents ??= findAntecedents();
    let lo = 0, hi = persons.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (persons[mid].pos < sp.mention.start) lo = mid + 1; else hi = mid; }
    let fallback: Person | null = null;
    for (let i = lo - 1; i >= 0 && i >= lo - 30; i--) {
      const p = persons[i];
      if (p.gender === sp.pronoun) return { name: p.name, type: 'PERSON', mention: sp.mention };
      if (p.gender === null && !fallback) fallback = p;
    }
    if (fallback) return { name: fallback.name, type: 'PERSON', mention: sp.mention };
    return null;
  };

  const out: Quote[] = [];
  let si = 0;
  let group = 0;
  let prev: PrevQuote | null = null;
  for (const r of raw) {
    while (si + 1 < sents.length && sents[si].end <= r.start) si++;
    let ei = si;
    while (ei + 1 < sents.length && sents[ei].end < r.end) ei++;
    // A sentence closed by the quote may have its attribution standing alone next ("“…” Trump said.").
    let hiTok = Math.max(sHi(ei), tokenAt(toks, r.end));
    const next = sents[ei + 1];
    if (next && r.end >= sents[ei].end - 1 && next.paragraph === sents[ei].paragraph && next.end - next.start < 100) {
      const a = tokenAt(toks, next.start), b = sHi(ei + 1);
      let cue = false;
      for (let j = a; j < b && j < a + 8; j++) if (isCue(toks[j])) cue = true;
      if (b - a <= 14 && (cue || /^\p{Ll}/u.test(toks[a]?.w ?? '')) && !toks.slice(a, b).some(t => t.w === QUOTE_TOKEN)) hiTok = b;
    }
    const sentLo = Math.min(sLo[si], tokenAt(toks, r.start));
    const para = sents[si].paragraph;
    const qTok = tokenAt(toks, r.start);
    let postHi = hiTok;
    for (let j = qTok + 1; j < hiTok; j++) if (toks[j].w === QUOTE_TOKEN) { postHi = j; break; }
    let preLo = sentLo;
    for (let j = qTok - 1; j >= sentLo; j--) if (toks[j].w === QUOTE_TOKEN) { preLo = j + 1; break; }
    const quoteText = text.slice(r.start, r.end);
    const inner = quoteText.replace(/^["“‘']+/, '');
    const samePara = prev !== null && prev.para === para && !text.slice(prev.q.end, r.start).includes('\n');

    let attr: Attribution | null = labelInside(text, r, book) ?? attributionAfter(toks, qTok + 1, postHi, book);
    let continued = false;
    if (!attr && prev && samePara && prev.attr && prev.attrEnd > prev.q.end && attributionTail(toks, tokenAt(toks, prev.attrEnd), qTok)) {
      // “…,” he said. “…” — the second part goes on with the first.
      attr = prev.attr;
      continued = true;
    }
    if (!attr) attr = attributionBefore(toks, preLo, qTok, book);
    if (!attr) attr = headlineLabel(toks, sentLo, qTok, book);
    if (!attr && headline(toks, sentLo, hiTok)) attr = headlineSpeaker(toks, sentLo, hiTok, book);
    if (!attr && preLo > sentLo) attr = attributionBefore(toks, sentLo, qTok, book);
    if (!attr) {
      // A cue later in the sentence: "A cashier who “steals …” is held accountable, Warren said."
      for (let c = qTok + 1; c < hiTok && !attr; c++) {
        if (isCue(toks[c]) && !ingCue(toks[c])) {
          const ph = subjectBefore(toks, c, qTok + 1);
          if (ph) attr = { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: -1 };
        }
      }
    }
    const atStart = qTok === sentLo || /^[:,—–―-]$/.test(toks[qTok - 1]?.w ?? '');
    if (!attr && qTok > sentLo) {
      const sp = clauseSubject(toks, sentLo, qTok, book);
      if (sp) attr = { speaker: sp, cue: null, after: -1 };
    }
    if (!attr && atStart && si > 0 && sents[si - 1].paragraph === para && sLo[si - 1] < sentLo) {
      // A quote opening its sentence, after a narrator's sentence of the same paragraph:
      // that sentence's speaker ("Sanders … identified young voters' exhaustion … “…”").
      const a = attributionBefore(toks, sLo[si - 1], sentLo, book);
      if (a?.speaker && (a.speaker.pronoun || a.speaker.type !== 'DESCRIPTION')) attr = a;
      else {
        const sp = clauseSubject(toks, sLo[si - 1], sentLo, book);
        if (sp) attr = { speaker: sp, cue: null, after: -1 };
      }
    }
    const prevAttr: Attribution | null = (prev as PrevQuote | null)?.attr ?? null;
    if (!attr && prev && prevAttr && (samePara || (prev.para >= para - 1 && atStart))) {
      // A quote standing alone right after another: the same voice goes on.
      attr = { speaker: prevAttr.speaker, cue: prevAttr.cue, after: -1 };
    }
    if (!attr && atStart) {
      // The subject of a cue in the sentence before, or a paragraph ending in ':'.
      for (let k = si - 1; k >= 0 && k >= si - 2 && sents[k].paragraph >= para - 1; k--) {
        const a = attributionBefore(toks, sLo[k], sHi(k), book);
        if (a?.speaker && (a.speaker.pronoun || a.speaker.type !== 'DESCRIPTION')) { attr = a; break; }
        if (toks[sHi(k) - 1]?.w === ':') {
          // "Sanders made the following comment:" then the quote.
          const sp = clauseSubject(toks, sLo[k], sHi(k), book);
          if (sp) { attr = { speaker: sp, cue: null, after: -1 }; break; }
        }
      }
    }
    let speaker = attr?.speaker ?? null;
    if (speaker?.pronoun) speaker = resolvePronoun(speaker);
    if (titleLike(inner) && !atStart && !headline(toks, sentLo, hiTok)) {
      // A title ("Fox News Sunday"), not speech: unattributed, or named as a thing ("on “Morning Joe”").
      const before = toks[qTok - 1];
      if (!speaker || (before && (/^(?:of|on|in|at|from|with|show|program|film|book|song)$/.test(before.lower) || possessive(before)))) continue;
    }
    const partial = !atStart && !(/^\p{Lu}/u.test(inner) && isCue(toks[qTok - 1]));

    let g: number | null = null;
    if (continued && prev) {
      if (prev.q.group === null) prev.q.group = ++group;
      g = prev.q.group;
    }
    const q: Quote = {
      start: r.start, end: r.end, text: quoteText,
      speaker: speaker ? speaker.name : null,
      speakerType: speaker ? speaker.type : null,
      speakerMention: speaker ? { ...speaker.mention } : null,
      cue: attr?.cue ?? null,
      partial, uncertain: r.uncertain, group: g, variants: [],
    };
    if (continued && prev) {
      q.speaker = prev.q.speaker;
      q.speakerType = prev.q.speakerType;
      q.speakerMention = prev.q.speakerMention ? { ...prev.q.speakerMention } : null;
    }
    out.push(q);
    const attrEnd: number = attr && !continued && attr.after > qTok ? toks[attr.after - 1].end : r.end;
    prev = { q, attr, para, attrEnd };
  }
  return out;
}
