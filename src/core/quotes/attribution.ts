/**
 * The attribution finders the sieves apply to a stretch of tokens: the words after
 * a quote, the words before it, a narrator's clause, a label inside it, a
 * headline's "Name: …" or "Name Says …". Each returns the speaker its words name,
 * or null; none knows about the other quotes.
 */
import type { Span } from '../types';
import { type NameBook, nameInRun, nameRunBack, nameRunForward, resolvePhrase, type Speaker } from './names';
import { authoredDocument, cuePhrase, skipTime, subjectAfter, subjectBefore } from './phrases';
import { adverb, cueAt, endsClause, headline, ingCue, isCap, isCue, isTitle, isWord, possessive, QUOTE_TOKEN, retold, type Tok, tokenAt, upper } from './tokens';
import { AGENT_PLURAL, AS_COMMENT, DESCRIPTION_HEADS, DOCUMENT_HEADS, FEMALE, MALE, DOCUMENT_VERBS, GROUP_HEADS, GROUP_VERBS, HEAD_PREPOSITIONS, HEADLINE_VERBS, NAMING_CUES, ORG_WORDS, PEOPLE, PREPOSITIONS, PRONOUNS, QUANTIFIERS, QUANTITY_LEADS, SPEECH_NOUNS, SUBORD, oneOf } from './words';

/** Words a token is tested against (exact matches, as the `/^(?:…)$/` patterns they replace). */
const ONE_OF_WAS_WERE_IS = oneOf('was|were|is|are|has|have|had');
const ONE_OF_WAS_IS_CAME = oneOf('was|is|came');
const ONE_OF_HIS_HER = oneOf('his|her');
const ONE_OF_WAS_WERE_BEEN = oneOf('was|were|been|being|is|are|be|get|got|gets');
const ONE_OF_IS_WAS_ARE = oneOf('is|was|are|were|been');
const ONE_OF_WHO_WHOM_WHOSE = oneOf('who|whom|whose|which|asked|speaking|responding|referring|pressed');
const ONE_OF_THE_A_AN = oneOf('the|a|an');
const ONE_OF_WHO_WHOM_WHOSE_2 = oneOf('who|whom|whose');
const ONE_OF_WHO_THAT = oneOf('who|that');
const ONE_OF_IF_UNLESS = oneOf('if|unless');
const ONE_OF_HAS_HAD_HAVE = oneOf('has|had|have|is|was|did|does|will|would');
const ONE_OF_AND_OR_NOR = oneOf('and|or|nor|but|yet|the|a|an|who|whose');
const ONE_OF_SPEECH_ADDRESS_INTERVIEW = oneOf('speech|address|interview|rally|event|era|administration');
const ONE_OF_HAS_HAD_HAVE_2 = oneOf('has|had|have|is|was|will|would|made|makes|took|gave|put|went|spoke');
const ONE_OF_IS_WAS_ARE_2 = oneOf('is|was|are|were|has|had|have|will|would');
const ONE_OF_IS_WAS_ARE_3 = oneOf('is|was|are|were|has|had|have|will|would|did|does|can|could');
const ONE_OF_IS_WAS_ARE_4 = oneOf('is|was|are|were|has|had|have|will|would|did|does');
const ONE_OF_BROKE_BEGAN_SANG = oneOf('broke|began|sang|rose|gave|began|were|are');
const ONE_OF_ON_ABOUT = oneOf('on|about');

/** A speaker as one rule found them, with the cue that named them. */
export interface Attribution {
  speaker: Speaker | null;
  cue: string | null;
  /** Token index just after the attribution words when they follow the quote, else -1. */
  after: number;
  /** Why, when the rule says more than its sieve's explanation ("the participle 'saying' …"). */
  detail?: string;
  /** No cue governs the quote though a cue sieve named its speaker (the subject of a clause of its own): a short one modifying a noun is a term (quotes.ts). */
  uncued?: boolean;
}

/** Attribution in the words right after a quote, tokens [lo, hi). */
export function attributionAfter(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Attribution | null {
  let k = lo;
  while (k < hi && /^[,—–―-]$/.test(toks[k].w)) k++;
  if (k >= hi) return null;
  // "“…” ― Sonya Herridge": a dash and a name closing the line.
  if (k > lo && /^[—–―-]$/.test(toks[k - 1].w) && isCap(toks[k])) {
    const e = nameRunForward(toks, k, hi);
    // Error kind: no speaker for a quoted post: an embedded tweet's signature, "― Jane Roe (@janeroe) September 23, 2016".
    const handle = toks[e + 1]?.w === '(' && toks[e + 2]?.w === '@';
    if (e + 1 >= hi || endsClause(toks[e + 1]) || handle) {
      return { speaker: resolvePhrase({ toks: toks.slice(k, e + 1), kind: 'name' }, book), cue: null, after: e + 1 };
    }
  }
  if (cueAt(toks, k) && !ingCue(toks[k])) {
    const ph = subjectAfter(toks, skipTime(toks, k + 1, hi), hi);
    if (ph) return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, k), after: tokenAt(toks, ph.toks[ph.toks.length - 1].end) };
  }
  // Error kind: the wrong person (the voice of the quote before winning) or no speaker.
  // The quote as the subject of a passive with its agent: "“…” was written by Ann Lee",
  // "“…” has been repeated by the mayor" (a participle right after the verb, then "by").
  if (ONE_OF_WAS_WERE_IS.has(toks[k].lower)) {
    let p = k + 1;
    if (toks[p]?.lower === 'been') p++;
    while (p < hi && p - k < 4 && adverb(toks[p])) p++;
    const part = toks[p];
    if (part && (/^\p{Ll}{3,}(?:ed|en|ten|wn)$/u.test(part.w) || isCue(part)) && toks[p + 1]?.lower === 'by') {
      const agent = subjectAfter(toks, p + 2, hi);
      if (agent && agent.kind !== 'pronoun') return { speaker: resolvePhrase(agent, book), cue: `${part.w} by`, after: tokenAt(toks, agent.toks[agent.toks.length - 1].end), detail: `the agent of the passive '${toks[k].w} ${part.w} by' whose subject is the quote` };
    }
  }
  // Error kind: no speaker. "“Absolutely not,” was Roe’s reply.": the owner of a speech noun after the quote.
  const v = ONE_OF_WAS_IS_CAME.has(toks[k].lower) ? k + 1 : k;
  if (isCap(toks[v])) {
    const e = nameRunForward(toks, v, hi);
    if (possessive(toks[e]) && SPEECH_NOUNS.has(toks[e + 1]?.lower ?? '')) {
      return { speaker: resolvePhrase({ toks: toks.slice(v, e + 1), kind: 'name' }, book), cue: null, after: e + 2, detail: `the owner of the ${toks[e + 1].w} after the quote` };
    }
  }
  if (toks[k].lower === 'according' && toks[k + 1]?.lower === 'to') {
    const ph = subjectAfter(toks, k + 2, hi);
    if (ph) return { speaker: resolvePhrase(ph, book), cue: 'according to', after: tokenAt(toks, ph.toks[ph.toks.length - 1].end) };
  }
  // Subject then cue, within a few words: "“…,” Rep. Gwen Moore (D-Wis.) said Friday."
  let paren = 0;
  for (let c = k; c < hi && c < k + 20; c++) {
    const t = toks[c];
    if (t.w === '(') paren++;
    else if (t.w === ')') paren = Math.max(0, paren - 1);
    if (paren) continue;
    if (t.w === QUOTE_TOKEN || endsClause(t)) break;
    if (!cueAt(toks, c) || ingCue(t)) continue;
    const ph = subjectBefore(toks, c, k);
    // Words between the quote and the subject may be its title ("White House press
    // secretary Josh Earnest said"), not a new clause ("when Clinton blasted him").
    // Error kind: the wrong person, structure over proximity. Nor a verb of the quote's
    // own clause: in "Roe’s claim that it was “balanced” was false, Ana Diaz said" the
    // later cue speaks of the claim, it does not voice the quote.
    if (ph && toks.slice(k, tokenAt(toks, ph.toks[0].start)).every(x => !SUBORD.has(x.lower) && !endsClause(x) && x.w !== QUOTE_TOKEN && !COPULAS.test(x.lower))) {
      return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: c + 1 };
    }
    break;
  }
  return null;
}

/** Attribution in the words before a quote, tokens [lo, hi): "Stoltenberg said: “…”", "Lavrov said the troops were returning “…”". */
export function attributionBefore(toks: readonly Tok[], lo: number, hi: number, book: NameBook, sentLo = lo): Attribution | null {
  const own = ownClause(toks, lo, hi, book, sentLo);
  // Error kind: the wrong person, structure over salience. A cue inside an adverbial
  // clause opening the sentence, closed by a comma before the quote, is not the quote's:
  // "As Governor Bill Carter spoke, protesters held signs reading “…”".
  let opening = -1;
  if (CLAUSE_OPENERS.test(toks[lo]?.lower ?? '') && !(toks[lo].lower === 'as' && toks.slice(lo + 1, hi).some(x => AS_COMMENT.test(x.lower)))) {
    let k = lo + 1;
    while (k < hi && toks[k].w !== ',' && toks[k].w !== QUOTE_TOKEN && !endsClause(toks[k])) k++;
    if (k < hi - 1 && toks[k].w === ',') opening = k;
  }
  for (let c = hi - 1; c >= lo; c--) {
    const t = toks[c];
    // ("As Ms. Roe put it in a statement, …" comments on the main clause: its cue stands, see above.)
    if (c < opening) continue;
    if (own && c < own.start) {
      return own.narrated ? { speaker: own.speaker, cue: null, after: -1, uncued: true, detail: `the subject of the clause '${toks[own.start].w} …' holding the quote, not the main clause's` }
        : { speaker: own.speaker, cue: null, after: -1, detail: `the subject of the clause '${toks[own.start].w} …' holding the quote, not an earlier cue's` };
    }
    if (t.lower === 'according' && toks[c + 1]?.lower === 'to') {
      const ph = subjectAfter(toks, c + 2, hi);
      if (ph) return { speaker: resolvePhrase(ph, book), cue: 'according to', after: -1 };
      continue;
    }
    if (t.lower === 'words' && toks[c - 1]?.lower === 'the' && toks[c + 1]?.lower === 'of' && c + 2 < hi) {
      // Error kind: no speaker. "In the words of Ann Lee, it is “…”".
      const ph = subjectAfter(toks, c + 2, hi);
      if (ph && ph.kind !== 'pronoun') return { speaker: resolvePhrase(ph, book), cue: null, after: -1, detail: `'the words of ${toks[c + 2].w} …' before the quote` };
    }
    // (Error kind: the wrong person, the owner of a remark named in passing winning over
    // the clause's subject: in "Roe hardly helped, treating Lee’s remark first as a joke
    // — “…”" the quote is not the remark's words. The words after the noun must lead
    // into its content: "that", a colon, a comma or dash, a copula, "of", "about", "on", "to".)
    const owner = SPEECH_NOUNS.has(t.lower) && c > lo ? remarkOwner(toks, c, lo) : -1;
    // (Error kind: the wrong person, a cue before the noun winning over the owner whose
    // words the "that" clause reports: "Ruiz responded to Baxter’s interjection that
    // skipping the audit made him “efficient.”" A verb of naming keeps its subject: in
    // "Ruiz called Baxter’s claim that … “a fantasy”" the quote names the claim.)
    // After "said" or "said that" the noun phrase opens the cue's own reported words ("Diaz said Baxter’s remark
    // that the roads were “never better” was false"): the cue stands. The noun must be the object of another word.
    const before = owner >= 0 ? toks[nameRunBack(toks, owner, lo) - 1] : undefined;
    const reported = owner >= 0 && toks[c + 1]?.lower === 'that' && contentClauseTo(toks, c + 2, hi) &&
      !!before && isWord(before) && !isCue(before) && before.lower !== 'that' &&
      !toks.slice(lo, c).some(x => isCue(x) && NAMING_CUES.test(x.lower));
    if (owner >= 0 && (reported || (!toks.slice(lo, c).some(isCue) && (c + 1 === hi || REMARK_LEADS.test(toks[c + 1].lower))))) {
      // "Trump’s claim that there have been “…”", "Trump’s earlier claim that …".
      const s0 = nameRunBack(toks, owner, lo);
      return { speaker: resolvePhrase({ toks: toks.slice(s0, owner + 1), kind: 'name' }, book), cue: null, after: -1 };
    }
    if (SPEECH_NOUNS.has(t.lower) && c > lo && ONE_OF_HIS_HER.has(toks[c - 1].lower) && (c + 1 === hi || toks[c + 1].w === ':')) {
      // Error kind: no speaker. "Her answer: “Absolutely not.”": the pronoun, resolved later.
      return { speaker: resolvePhrase({ toks: [retold(toks[c - 1], toks[c - 1].lower === 'his' ? 'he' : 'she')], kind: 'pronoun' }, book), cue: null, after: -1 };
    }
    if (!cueAt(toks, c)) continue;
    // Error kind: the wrong person. A passive cue ("Ann Lee was called “a fraud” by Bill
    // Carter") credits its agent after "by", not its subject, who is the one spoken of;
    // with no agent, the cue names no speaker.
    let aux = c - 1;
    while (aux > lo && adverb(toks[aux])) aux--;
    if (aux >= lo && !ingCue(t) && ONE_OF_WAS_WERE_BEEN.has(toks[aux].lower)) {
      let by = hi;
      while (by < toks.length && by - hi < 4 && (toks[by].w === QUOTE_TOKEN || toks[by].w === ',') ) by++;
      // ("… was told by a spokesman that …": the agent may also come before the quote.)
      if (toks[c + 1]?.lower === 'by' && c + 2 < hi) by = c + 1;
      const agent = toks[by]?.lower === 'by' ? subjectAfter(toks, by + 1, by === c + 1 ? hi : Math.min(toks.length, by + 14)) : null;
      if (agent) return { speaker: resolvePhrase(agent, book), cue: `${t.w} by`, after: -1, detail: `the agent of the passive '${toks[aux].w} ${t.w} … by'` };
      continue;
    }
    const ph = subjectBefore(toks, c, lo);
    if (ingCue(t)) {
      // "footage of Trump saying": a name right before the participle is its subject;
      // otherwise the clause's subject speaks ("Liz Truss …, telling Sky News it “…”").
      const progressive = !!ph && ph.toks[ph.toks.length - 1] === toks[c - 2] && ONE_OF_IS_WAS_ARE.has(toks[c - 1].lower);
      const adj = ph && (ph.toks[ph.toks.length - 1] === toks[c - 1] || progressive);
      // (A pronoun only as the subject of a progressive: "She’s claiming that …", not "footage of him saying".)
      // Error kind: a document as the source, credited to whoever issued it. "The Roe
      // campaign issued a statement calling the verdict “…”": the statement is the
      // object of the clause's verb, and the clause's subject speaks through it.
      if (ph && adj && ph.kind === 'desc' && DOCUMENT_HEADS.test(ph.toks[ph.toks.length - 1].lower)) {
        const s0 = tokenAt(toks, ph.toks[0].start);
        if (s0 - 1 >= lo && ISSUING.test(toks[s0 - 1].lower)) {
          const issuer = clauseSubject(toks, lo, s0, book);
          if (issuer) return { speaker: issuer, cue: cuePhrase(toks, c), after: -1, detail: `the one who ${toks[s0 - 1].w} the ${ph.toks[ph.toks.length - 1].w} the participle '${t.w}' describes` };
        }
      }
      if (ph && (ph.kind !== 'pronoun' || progressive) && adj) return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: -1 };
      // Error kind: the wrong person, the nearest cue winning over the sentence's
      // structure. A participle right before the quote (", saying, “…”", "before asking
      // her, “…”") has the main clause's subject for its own, not the subject of an
      // earlier cue ("… an architect who said he was stiffed, saying, “…”"); with no
      // such subject found, an earlier cue decides ("Liz Truss on Tuesday reiterated …,
      // telling Sky News it “…”").
      const sp = participleAtQuote(toks, c, hi) ? clauseSubject(toks, lo, c, book) : null;
      if (sp) return { speaker: sp, cue: cuePhrase(toks, c), after: -1, detail: `the participle '${t.w}' right before the quote takes the subject of its sentence's main clause` };
      continue;
    }
    if (ph) {
      const main = hi - c > 4 ? relativeOn(toks, c, lo) : -1;
      const ph2 = main >= 0 ? subjectBefore(toks, main, lo) : null;
      if (ph2) return { speaker: resolvePhrase(ph2, book), cue: cuePhrase(toks, main), after: -1, detail: `the cue '${toks[main].w}', whose object the relative clause '… ${toks[c].w}' describes` };
      return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: -1 };
    }
    // Inverted before the quote: "Said Lavrov: “…”".
    const inv = subjectAfter(toks, skipTime(toks, c + 1, hi), hi);
    if (inv && inv.kind === 'name') return { speaker: resolvePhrase(inv, book), cue: t.w, after: -1 };
    // Error kind: the wrong person, structure over salience. A cue right after a quote
    // that closes a relative or participial appositive ("Ann Lee, whom Bill Carter once
    // called “a rising star,” said …") has the name before that appositive's comma for
    // its subject, not the appositive's own speaker.
    if (toks[c - 1]?.w === QUOTE_TOKEN) {
      let comma = c - 2;
      while (comma > lo && toks[comma].w !== ',' && !endsClause(toks[comma]) && toks[comma].w !== QUOTE_TOKEN) comma--;
      const opener = toks[comma + 1]?.lower ?? '';
      const relative = ONE_OF_WHO_WHOM_WHOSE.has(opener) ||
        (ONE_OF_THE_A_AN.has(opener) && toks.slice(comma + 1, c - 1).some(x => ONE_OF_WHO_WHOM_WHOSE_2.has(x.lower)));
      const head = comma > lo && toks[comma].w === ',' && relative ? subjectBefore(toks, comma, lo, 1) : null;
      if (head && head.kind !== 'pronoun') return { speaker: resolvePhrase(head, book), cue: cuePhrase(toks, c), after: -1, detail: `the subject before the appositive '${toks[comma + 1].w} …' the quote closes` };
    }
  }
  for (let c = lo; c < hi; c++) {
    if (!isCue(toks[c]) || !ingCue(toks[c])) continue;
    const sp = clauseSubject(toks, lo, c, book);
    if (sp) return { speaker: sp, cue: cuePhrase(toks, c), after: -1 };
  }
  return null;
}

/**
 * The owner of the speech noun at `c`: the index of the capitalised possessive before
 * it, up to two lower-case modifiers between ("Roe’s debate interjection", "Roe’s
 * earlier remark"), else -1.
 */
function remarkOwner(toks: readonly Tok[], c: number, lo: number): number {
  for (let k = c - 1; k >= lo && c - k <= 3; k--) {
    const x = toks[k];
    if (possessive(x)) return upper(x) ? k : -1;
    if (!isWord(x) || !/^\p{Ll}/u.test(x.w) || isCue(x) || PREPOSITIONS.has(x.lower) || SUBORD.has(x.lower) || ONE_OF_THE_A_AN.has(x.lower)) return -1;
  }
  return -1;
}

/**
 * Tokens [from, hi) read as one short "that" clause running into the quote at `hi`: no cue, no
 * other quote, no comma or clause end, and at most one form of "be" (a second one is the
 * main clause's verb: "Baxter’s claim that the budget was sound was “absurd”").
 */
function contentClauseTo(toks: readonly Tok[], from: number, hi: number): boolean {
  if (hi - from > 12 || hi <= from) return false;
  let be = 0;
  for (let k = from; k < hi; k++) {
    const x = toks[k];
    if (x.w === QUOTE_TOKEN || x.w === ',' || endsClause(x) || isCue(x)) return false;
    if (COPULAS.test(x.lower) && ++be > 1) return false;
  }
  return true;
}

/** Words after a speech noun leading into its content: "Roe’s claim that …", "Roe’s reply: …". */
const REMARK_LEADS = /^(?:that|:|,|—|–|-|was|is|were|are|of|about|on|to|in|for)$/;

/** Finite forms of "be": a quote's own clause going on after it. */
const COPULAS = /^(?:is|was|are|were|be|been)$/;

/** Verbs of issuing a document: "issued a statement calling …". */
const ISSUING = /^(?:issued|released|sent|posted|published|filed|put|sent|tweeted|circulated|distributed)$/;

/** Only a short object and punctuation stand between participle cue `c` and the quote at `hi`: ", saying, “", "asking her, “". */
function participleAtQuote(toks: readonly Tok[], c: number, hi: number): boolean {
  if (hi - c > 5) return false;
  for (let i = c + 1; i < hi; i++) {
    const t = toks[i];
    if (t.w === QUOTE_TOKEN || endsClause(t) || isCue(t) || (SUBORD.has(t.lower) && t.lower !== 'that')) return false;
  }
  // (Or its object right before the quote: "calling her “a liar”", "calling the plan “a fantasy”".)
  return hi === c + 1 || /^[,:—–-]$/.test(toks[hi - 1].w) || toks[hi - 1].lower === 'that' || (hi - c <= 4 && isWord(toks[hi - 1]));
}

/** Words opening an adverbial clause: "…, and as Trump went on about “…”". */
const CLAUSE_OPENERS = /^(?:as|while|when|whereas|because|although|though|until|after|before|since|once)$/;

/**
 * Error kind: the wrong person, the nearest cue winning over the sentence's structure.
 * The quote's own clause when an adverbial clause opened after a comma (or ", and")
 * holds it with a subject and a verb and no cue: "“You winning?” she said, but …, and
 * as Trump went on about “how the system is rigged,” …" -> Trump; or opened with no
 * comma after a main clause that reports no words (below). Its opener's index, its
 * subject, and whether it is the second kind (`narrated`: no cue governs the quote),
 * else null. `sentLo` opens the quote's sentence.
 */
function ownClause(toks: readonly Tok[], lo: number, hi: number, book: NameBook, sentLo = lo): { start: number; speaker: Speaker; narrated: boolean } | null {
  for (let o = hi - 1; o > lo; o--) {
    const t = toks[o];
    if (t.w === QUOTE_TOKEN || endsClause(t) || t.w === ',' || isCue(t)) return null;
    if (!CLAUSE_OPENERS.test(t.lower)) continue;
    const p = toks[o - 1];
    const afterComma = p.w === ',' || ((p.lower === 'and' || p.lower === 'but') && toks[o - 2]?.w === ',');
    // Error kind: the wrong person, the main clause's subject winning over the clause
    // holding the quote. An adverbial clause right after the main clause's own quote or
    // words, with no comma ("Lee called Roe a “fraud” after she blamed the losses on
    // “bad luck”", "Lee walked out when Roe dismissed the plan as “a fantasy”"): its
    // subject (a name or "he"/"she") speaks, when the main clause before it holds no
    // cue but a verb of naming whose complement is the main clause's quote, "called",
    // "described": after "said" or "told" the clause may be the reported words.
    // (An opener with no clause after it is a preposition, "dismissed the plan as “…”":
    // the search goes on before it.)
    if (!afterComma) {
      if (!narratedBefore(toks, sentLo, o)) return null;
      const ph = subjectAfter(toks, o + 1, hi);
      if (!ph || !personal(ph) || !clauseVerb(toks, tokenAt(toks, ph.toks[ph.toks.length - 1].end), hi)) continue;
    }
    const ph = subjectAfter(toks, o + 1, hi);
    if (!ph) return null;
    const v = tokenAt(toks, ph.toks[ph.toks.length - 1].end);
    if (v >= hi || !/^\p{Ll}/u.test(toks[v].w) || PREPOSITIONS.has(toks[v].lower)) return null;
    // (A verb joined by "and" shares the clause's subject, "after she toured … and
    // blamed …"; a new subject after "and" speaks instead, "after Roe left and Lee
    // dismissed …" -> Lee.)
    let subject = ph;
    if (!afterComma) {
      for (let a = hi - 2; a > v; a--) {
        if (toks[a].lower !== 'and' && toks[a].lower !== 'but') continue;
        const ph2 = subjectAfter(toks, a + 1, hi);
        if (ph2 && personal(ph2) && clauseVerb(toks, tokenAt(toks, ph2.toks[ph2.toks.length - 1].end), hi)) { subject = ph2; break; }
      }
    }
    return { start: o, speaker: resolvePhrase(subject, book), narrated: !afterComma };
  }
  return null;
}

/** A subject that is a name or "he"/"she". */
const personal = (ph: { toks: readonly Tok[]; kind: string }) => ph.kind === 'name' || (ph.kind === 'pronoun' && /^(?:he|she)$/.test(ph.toks[0].lower));

/** The word at `v` (adverbs passed) is a verb after a subject: lower case, no preposition, conjunction or article. */
function clauseVerb(toks: readonly Tok[], v: number, hi: number): boolean {
  while (v < hi && adverb(toks[v])) v++;
  const t = toks[v];
  return v < hi && isWord(t) && /^\p{Ll}/u.test(t.w) && !PREPOSITIONS.has(t.lower) && !SUBORD.has(t.lower) && !ONE_OF_AND_OR_NOR.has(t.lower);
}

/** Tokens [lo, o) hold no cue but verbs of naming ("called", "described"): narration, not reported words. */
function narratedBefore(toks: readonly Tok[], lo: number, o: number): boolean {
  for (let i = lo; i < o; i++) if (cueAt(toks, i) && !NAMING_CUES.test(toks[i].lower)) return false;
  return true;
}

/**
 * Error kind: the wrong person, the nearest cue winning over the sentence's structure.
 * A quote inside an adverbial clause opening its sentence, with a subject and a verb
 * of its own and no cue, before the comma that closes it: "As Tom Reyes went on about
 * “the lost jobs,” Ana Diaz said yes" -> Tom Reyes, "When Roe called the plan “a
 * fantasy,” the crowd cheered" -> Roe. The clause's subject, else null.
 */
export function openingClauseSubject(toks: readonly Tok[], lo: number, qTok: number, book: NameBook): Speaker | null {
  if (qTok - lo < 3 || !CLAUSE_OPENERS.test(toks[lo].lower)) return null;
  for (let i = lo + 1; i < qTok; i++) if (endsClause(toks[i]) || isCue(toks[i])) return null;
  const ph = subjectAfter(toks, lo + 1, qTok);
  if (!ph) return null;
  const v = tokenAt(toks, ph.toks[ph.toks.length - 1].end);
  if (v >= qTok || !/^\p{Ll}/u.test(toks[v].w) || PREPOSITIONS.has(toks[v].lower) || toks[v].w === QUOTE_TOKEN) return null;
  return resolvePhrase(ph, book);
}

/**
 * Error kind: the wrong person. A cue at `c` in a relative clause on the object of an
 * earlier cue ("Morial told a young woman who suggested that … that “…”"): that earlier
 * cue's index, else -1.
 */
function relativeOn(toks: readonly Tok[], c: number, lo: number): number {
  let j = c - 1;
  while (j >= lo && adverb(toks[j])) j--;
  if (j < lo || !ONE_OF_WHO_THAT.has(toks[j].lower)) return -1;
  for (let m = j - 1; m >= lo && j - m <= 8; m--) {
    const t = toks[m];
    if (t.w === ',' || endsClause(t) || t.w === QUOTE_TOKEN) return -1;
    if (isCue(t) && !ingCue(t)) return m;
  }
  return -1;
}

/**
 * The subject of a narrator's clause: its first name (or pronoun) not inside a
 * prepositional phrase, followed by a verb-like word. "On Monday, Clinton cited … as “…”".
 */
export function clauseSubject(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Speaker | null {
  // Error kind: the wrong person, structure over salience. An adverbial clause opening
  // the sentence ("When Bill Carter was asked about the deal, Ann Lee interrupted: “…”")
  // holds no subject of the main clause: the main clause after its comma is read first.
  // ("As Roe, a tax lawyer, recently put it, “…”" comments on the main clause: read as it stands.)
  const comment = toks[lo]?.lower === 'as' && toks.slice(lo + 1, hi).some(x => AS_COMMENT.test(x.lower));
  // (A condition opening the sentence, "If she did, party rules give the chair …", is
  // hypothetical: its subject is never the main clause's, even when that one is missed.)
  const condition = ONE_OF_IF_UNLESS.has(toks[lo]?.lower ?? '');
  if ((CLAUSE_OPENERS.test(toks[lo]?.lower ?? '') && !comment) || condition) {
    let comma = lo + 1;
    while (comma < hi && toks[comma].w !== ',' && toks[comma].w !== QUOTE_TOKEN && !endsClause(toks[comma])) comma++;
    if (comma + 1 < hi && toks[comma].w === ',') {
      const main = clauseSubjectFrom(toks, comma + 1, hi, book);
      if (main || condition) return main;
    }
  }
  return clauseSubjectFrom(toks, lo, hi, book);
}

function clauseSubjectFrom(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Speaker | null {
  for (let d = lo; d < hi; d++) {
    const t = toks[d];
    if (t.w === QUOTE_TOKEN) continue;
    const prev = d > lo ? toks[d - 1] : null;
    if (prev && (PREPOSITIONS.has(prev.lower) || possessive(prev) || (ONE_OF_THE_A_AN.has(prev.lower) && d - 1 > lo && !endsClause(toks[d - 2])))) continue;
    if (ONE_OF_THE_A_AN.has(t.lower) && (!prev || endsClause(prev) || prev.w === ',')) {
      // "The ministry did not say …", "the Indian embassy in Kyiv published …".
      // (Error kind: no speaker. Or a person's role: "A Trump spokeswoman dismissed the
      // report as “…”", "The chief executive told …" — a DESCRIPTION, or the person the
      // document introduced with that role.)
      const head = (w: Tok) => ORG_WORDS.has(w.lower) || (/^\p{Ll}/u.test(w.w) && (DESCRIPTION_HEADS.test(w.lower) || OWNED_AGENTS.test(w.lower)) && !DOCUMENT_HEADS.test(w.lower));
      let h = d + 1;
      while (h < hi && h - d <= 4 && isWord(toks[h]) && !head(toks[h])) h++;
      if (h < hi && head(toks[h]) && toks.slice(d + 1, h).every(x => isWord(x) && !isCue(x) && !PREPOSITIONS.has(x.lower) && !SUBORD.has(x.lower))) {
        let n = h + 1;
        if (toks[n] && PREPOSITIONS.has(toks[n].lower) && isCap(toks[n + 1])) n = nameRunForward(toks, n + 1, hi) + 1;
        const v = toks[n];
        // (After a person's role the verb must be plain: "The official results showed" is no official.)
        const org = ORG_WORDS.has(toks[h].lower);
        if (v && ((org ? /^\p{Ll}+(?:ed|s)$/u : /^\p{Ll}+ed$/u).test(v.w) || isCue(v) || ONE_OF_HAS_HAD_HAVE.has(v.w))) {
          const sp = resolvePhrase({ toks: toks.slice(d, h + 1), kind: upper(toks[h]) ? 'name' : 'desc' }, book);
          return sp.type === 'DESCRIPTION' ? { ...sp, name: sp.name.replace(/^The\b/, 'the') } : sp;
        }
      }
      const doc = documentSubject(toks, d, hi, book) ?? groupNounSubject(toks, d, hi, book);
      if (doc) return doc;
      continue;
    }
    if (!prev || endsClause(prev) || prev.w === ',') {
      const group = groupSubject(toks, d, hi, book);
      if (group) return group;
    }
    if (PRONOUNS.has(t.lower) && t.lower !== 'i' && t.lower !== 'we') {
      const n = toks[d + 1];
      if (n && /^\p{Ll}/u.test(n.w)) return resolvePhrase({ toks: [t], kind: 'pronoun' }, book);
      continue;
    }
    if (!isCap(t) && !isTitle(t)) continue;
    const e = nameRunForward(toks, d, hi);
    // (Error kind: no speaker: a time phrase between the subject and its verb, "Ruth Adler on Thursday denounced …".)
    let n = skipTime(toks, e + 1, hi);
    if (toks[n]?.w === '(') { while (n < hi && toks[n].w !== ')') n++; n++; }
    if (toks[n]?.w === ',') {
      if (prev?.w === ',') n++; // the name is itself an appositive: "Another critic, Laurence H. Tribe, likened …"
      else {
        // An appositive after the name: "Scott Pruitt, the attorney general, said …".
        let m = n + 1;
        while (m < hi && toks[m].w !== ',' && m - n < 25) m++;
        if (m < hi && toks[m].w === ',') n = m + 1;
      }
    }
    while (n < hi && adverb(toks[n])) n++;
    const v = toks[n];
    // (Error kind: no speaker. After a full or titled name, a lower-case word that is no
    // preposition, conjunction or noun of people is its verb, irregular past included:
    // "Sen. John McCain of Arizona withdrew his endorsement, saying …".)
    // (Error kind: a noun phrase taken for the speaker. A name before a plural noun of
    // people modifies it: "Many John Mercer voters still see …" -> the voters, a GROUP.)
    if (n === e + 1 && v && !possessive(toks[e]) && (PEOPLE.test(v.lower) || AGENT_PLURAL.test(v.lower))) {
      const w = toks[n + 1];
      if (w && /^\p{Ll}/u.test(w.w) && !PREPOSITIONS.has(w.lower) && !SUBORD.has(w.lower)) return resolvePhrase({ toks: toks.slice(d, n + 1), kind: 'desc' }, book);
      d = n;
      continue;
    }
    const run = toks.slice(d, e + 1);
    const fullName = e > d && !isTitle(toks[e]) && run.some(x => isTitle(x) || FEMALE.has(x.lower) || MALE.has(x.lower)) && !!v && n === e + 1 && /^\p{Ll}{3,}$/u.test(v.w) && !PREPOSITIONS.has(v.lower) && !SUBORD.has(v.lower) &&
      !ONE_OF_AND_OR_NOR.has(v.lower) && !AGENT_PLURAL.test(v.lower) && !PEOPLE.test(v.lower) && !GROUP_HEADS.test(v.lower) &&
      !ORG_WORDS.has(v.lower) && !DOCUMENT_HEADS.test(v.lower) && !OWNED_AGENTS.test(v.lower) && !SPEECH_NOUNS.has(v.lower) && !ONE_OF_SPEECH_ADDRESS_INTERVIEW.has(v.lower) &&
      !/(?:ing|ion|ment|ness|ity)$/.test(v.lower) && !toks.slice(d, e).some(possessive);
    const verbLike = !!v && ((n > e + 1 && /^\p{Ll}/u.test(v.w)) || (/^\p{Ll}+(?:ed|s)$/u.test(v.w) && !PREPOSITIONS.has(v.lower)) || isCue(v) ||
      ONE_OF_HAS_HAD_HAVE_2.has(v.w) || fullName);
    const sentenceInitial = d === lo || endsClause(toks[d - 1]);
    if (possessive(toks[e]) && (!prev || endsClause(prev) || prev.w === ',')) {
      const owned = ownedSubject(toks, d, e, hi, book);
      if (owned) return owned;
    }
    if (verbLike && !(e === d && sentenceInitial && !book.seenInside(t.lower))) {
      if (possessive(toks[e])) { d = e; continue; }
      const sp = resolvePhrase({ toks: toks.slice(d, e + 1), kind: 'name' }, book);
      if (sp.type !== 'DESCRIPTION') return sp;
    }
    d = e;
  }
  return null;
}

/** Heads of what a named owner's voice speaks through: "Roe’s campaign", "Roe’s lawyers". */
const OWNED_AGENTS = /^(?:spokesman|spokeswoman|spokesperson|spokespeople|aide|aides|lawyer|lawyers|attorney|attorneys|staff|staffers|allies|advisers|advisors)$/;

/**
 * Error kind: groups and documents as speakers, and structure over salience. A
 * clause opening with an owner's name and what speaks for them, then a verb:
 * "Roe’s campaign is seeking …", "Roe’s earlier letter on the merger was …" — the
 * campaign or the letter (its owner named in it) is the subject, not a name later in
 * the clause ("… a prediction that Smith would be “…”"). `d`..`e` is the owner's
 * name, ending in a possessive.
 */
function ownedSubject(toks: readonly Tok[], d: number, e: number, hi: number, book: NameBook): Speaker | null {
  let h = e + 1;
  while (h < hi && h - e <= 3 && /^\p{Ll}/u.test(toks[h].w) && !isCue(toks[h]) && !PREPOSITIONS.has(toks[h].lower) && !SUBORD.has(toks[h].lower)) {
    const w = toks[h].lower;
    if (DOCUMENT_HEADS.test(w) || ORG_WORDS.has(w) || GROUP_HEADS.test(w) || OWNED_AGENTS.test(w)) break;
    h++;
  }
  const head = toks[h]?.lower ?? '';
  if (h >= hi || h - e > 3 || !/^\p{Ll}/u.test(toks[h].w) || !(DOCUMENT_HEADS.test(head) || ORG_WORDS.has(head) || GROUP_HEADS.test(head) || OWNED_AGENTS.test(head))) return null;
  // A short phrase on it ("on the merger", "for the mayor"), then the verb.
  let n = h + 1;
  if (toks[n] && HEAD_PREPOSITIONS.has(toks[n].lower)) {
    let m = n + 1;
    while (m < hi && m - n <= 4 && isWord(toks[m]) && !isCue(toks[m]) && !ONE_OF_IS_WAS_ARE_2.has(toks[m].lower)) m++;
    n = m;
  }
  while (n < hi && adverb(toks[n])) n++;
  const v = toks[n];
  if (!v || !(isCue(v) || ONE_OF_IS_WAS_ARE_3.has(v.lower) || (/^\p{Ll}+(?:ed|s)$/u.test(v.w) && !PREPOSITIONS.has(v.lower)))) return null;
  return resolvePhrase({ toks: toks.slice(d, h + 1), kind: 'desc' }, book);
}

/**
 * Error kind: no speaker where a document is the source. A document opening the
 * clause at `d` (an article) and a verb of its within a few words: "A Government
 * Accountability Office report released last year found that …", "a report by the
 * Harbor Commission concluded …".
 */
function documentSubject(toks: readonly Tok[], d: number, hi: number, book: NameBook): Speaker | null {
  let g = d + 1;
  // (A verb ends the search: "The chief executive dismissed the report" is no report.)
  while (g < hi && g - d <= 5 && isWord(toks[g]) && !DOCUMENT_HEADS.test(toks[g].lower) && !isCue(toks[g]) && !PREPOSITIONS.has(toks[g].lower) &&
    !(g > d + 1 && /^\p{Ll}+ed$/u.test(toks[g].w)) && !ONE_OF_IS_WAS_ARE_4.has(toks[g].lower)) g++;
  if (g >= hi || !DOCUMENT_HEADS.test(toks[g].lower) || upper(toks[g])) return null;
  const ph = authoredDocument(toks, d, g, hi) ?? { toks: toks.slice(d, g + 1), kind: 'desc' as const };
  let after = tokenAt(toks, ph.toks[ph.toks.length - 1].end);
  // Error kind: no speaker where a document is the source. An appositive between
  // commas after the document ("The report, released by the institute on Monday,
  // found …") is passed over to reach its verb.
  if (toks[after]?.w === ',' && /^\p{Ll}/u.test(toks[after + 1]?.w ?? '')) {
    let c = after + 1;
    while (c < hi && c - after <= 14 && toks[c].w !== ',' && toks[c].w !== QUOTE_TOKEN && !endsClause(toks[c])) c++;
    if (c < hi && toks[c].w === ',') after = c + 1;
  }
  for (let n = after; n < hi && n - after <= 5; n++) {
    if (!isWord(toks[n])) return null;
    if (isCue(toks[n]) || DOCUMENT_VERBS.test(toks[n].lower)) return resolvePhrase(ph, book);
  }
  return null;
}

/**
 * Error kind: the wrong person where a group is the source. A group opening the clause
 * at `d` (an article) and its verb: "The crowd broke into chants of “…” as the governor
 * spoke", "The striking nurses marched …".
 */
function groupNounSubject(toks: readonly Tok[], d: number, hi: number, book: NameBook): Speaker | null {
  for (let g = d + 1; g < hi && g - d <= 4 && isWord(toks[g]) && /^\p{Ll}/u.test(toks[g].w) && !isCue(toks[g]); g++) {
    const head = toks[g].lower;
    if (!GROUP_HEADS.test(head) && !AGENT_PLURAL.test(head) && !PEOPLE.test(head)) continue;
    const v = toks[g + 1];
    if (v && (/^\p{Ll}+ed$/u.test(v.w) || isCue(v) || ONE_OF_BROKE_BEGAN_SANG.has(v.lower))) return resolvePhrase({ toks: toks.slice(d, g + 1), kind: 'desc' }, book);
    return null;
  }
  return null;
}

/**
 * Error kind: no speaker where a group is the source. A quantity of people opening
 * the clause at `d`, then its verb: "Only 52 percent of registered voters agreed …",
 * "Most of those surveyed believe …".
 */
function groupSubject(toks: readonly Tok[], d: number, hi: number, book: NameBook): Speaker | null {
  let k = d, quantity = false;
  for (; k < hi && k - d < 4 && (QUANTITY_LEADS.test(toks[k].lower) || QUANTIFIERS.test(toks[k].lower)); k++) quantity ||= QUANTIFIERS.test(toks[k].lower);
  if (!quantity || toks[k]?.lower !== 'of') return null;
  for (let m = k + 2; m < hi && m - k <= 6; m++) {
    const v = toks[m], noun = toks[m - 1];
    if (!isWord(v)) return null;
    if (!PEOPLE.test(noun.lower) && !AGENT_PLURAL.test(noun.lower)) continue;
    if (isCue(v) || /^\p{Ll}+ed$/u.test(v.w) || GROUP_VERBS.test(v.lower)) return resolvePhrase({ toks: toks.slice(d, m), kind: 'desc' }, book);
  }
  return null;
}

/**
 * Error kind: no speaker, or the wrong one, where a name labels the quote in running
 * text: "…, including the former mayor Jane Roe -- “…”", "Jane Roe: “…”". The name (a
 * person's) right before the colon or dash the quote follows, itself after a comma,
 * a dash, "including", "like" or "and" (or opening the sentence, before a colon),
 * its role words aside; a name after a preposition or a cue is the one spoken of or to.
 */
export function nameLabel(toks: readonly Tok[], lo: number, qTok: number, book: NameBook): Attribution | null {
  let k = qTok - 1;
  if (k < lo || !/^[:—–―-]$/.test(toks[k].w)) return null;
  while (k - 1 >= lo && /^[—–―-]$/.test(toks[k - 1].w)) k--;
  const e = k - 1;
  if (e < lo || !isCap(toks[e]) || possessive(toks[e])) return null;
  const s = nameRunBack(toks, e, lo);
  // Error kind: a noun phrase taken for the speaker. A headline's "Ann Lee Slams Budget:
  // ‘…’" is no name: its verb is left to the headline sieves.
  for (let i = s + 1; i <= e; i++) if (upper(toks[i]) && HEADLINE_VERBS.has(toks[i].lower)) return null;
  let b = s - 1;
  while (b >= lo && s - b < 5 && /^\p{Ll}/u.test(toks[b].w) && !PREPOSITIONS.has(toks[b].lower) && !isCue(toks[b]) && !LABEL_LEADS.test(toks[b].lower) && !ONE_OF_THE_A_AN.has(toks[b].lower)) b--;
  if (b >= lo && ONE_OF_THE_A_AN.has(toks[b].lower)) b--;
  const led = b < lo ? toks[qTok - 1].w === ':' : /^[,;—–―-]$/.test(toks[b].w) || LABEL_LEADS.test(toks[b].lower);
  if (!led) return null;
  const sp = resolvePhrase({ toks: toks.slice(s, e + 1), kind: 'name' }, book);
  return sp.type === 'PERSON' ? { speaker: sp, cue: null, after: -1 } : null;
}

/** Words a labelling name may follow: "including Jane Roe — “…”". */
const LABEL_LEADS = /^(?:including|like|and)$/;

/** A transcript turn's speaker label: "PENCE: ", "MR. HOLT: " (one to three upper-case words and a colon). */
const TURN_LABEL = /(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s/uy;

/**
 * Speaker label at the head of a transcript quote: "“PENCE: Well, look…". Error kind:
 * the wrong person in a headline-style label. A transcript quoted whole, one turn per
 * paragraph ("“HOST: …¶“GUEST: …¶“HOST: …"), is credited to the label whose turns
 * hold most of its words, not to the label that happens to open it (the host's
 * question usually does).
 */
export function labelInside(text: string, q: Span, book: NameBook): Attribution | null {
  const lead = /^["“'‘]{1,2}/.exec(text.slice(q.start, q.start + 2));
  if (!lead) return null;
  const turns: { raw: string; start: number }[] = [];
  const labelAt = (pos: number) => {
    TURN_LABEL.lastIndex = pos;
    const m = TURN_LABEL.exec(text);
    if (m && m.index === pos && pos + m[0].length <= q.end) turns.push({ raw: m[1], start: pos });
  };
  labelAt(q.start + lead[0].length);
  if (!turns.length) return null;
  // Later turns: a label opening a line of the quote, after its continuation mark if any.
  for (let i = text.indexOf('\n', q.start); i >= 0 && i < q.end; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < q.end && /[\s"“'‘]/.test(text[j]) && j - i < 6) j++;
    labelAt(j);
  }
  const size = new Map<string, number>();
  turns.forEach((t, k) => size.set(t.raw, (size.get(t.raw) ?? 0) + (turns[k + 1]?.start ?? q.end) - t.start));
  let best = turns[0];
  for (const t of turns) if ((size.get(t.raw) ?? 0) > (size.get(best.raw) ?? 0)) best = t;
  const raw = best.raw;
  const titled = raw.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  const distinct = size.size;
  return {
    speaker: { name: book.expand(titled), type: 'PERSON', mention: { start: best.start, end: best.start + raw.length } }, cue: ':', after: -1,
    ...(distinct > 1 ? { detail: `the transcript label '${raw}', whose turns hold most of the quote (${distinct} speakers in it)` } : {}),
  };
}

/**
 * The words after an attribution, up to the next part of the quote, only finish it
 * ("… in a video address to the nation. “…”"): no new clause, cue or sentence.
 */
export function attributionTail(toks: readonly Tok[], from: number, to: number): boolean {
  // Error kind: the wrong person, the most salient name winning. A relative clause
  // closing the attribution sentence (", where Governor Ann Lee also spoke.") names
  // someone in passing: the next part still goes on in the same voice.
  let end = to;
  for (let i = from; i < to && i - from <= 20; i++) {
    if (toks[i].w === ',' && RELATIVES.test(toks[i + 1]?.lower ?? '') && to - from <= 40 && relativeToEnd(toks, i + 1, to)) { end = i + 1; break; }
  }
  if (end - from > (end < to ? 20 : 12)) return false;
  for (let i = from; i < end; i++) {
    const t = toks[i];
    if (t.w === QUOTE_TOKEN || isCue(t) || SUBORD.has(t.lower) || ((t.w === '!' || t.w === '?' || t.w === '.') && i < end - 1)) return false;
  }
  const last = toks[end - 1];
  return end === from || /^[.,:;—–-]$/.test(last.w);
}

/** Words that open a relative clause after a comma. */
const RELATIVES = /^(?:where|which|who|whose|whom)$/;

/** Tokens [from, to) are one relative clause closing its sentence right before the next quote. */
function relativeToEnd(toks: readonly Tok[], from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) if (toks[i].w === QUOTE_TOKEN || endsClause(toks[i])) return false;
  return toks[to - 1].w === '.';
}

/** A headline's speaker: "Chris Christie Calls Hillary Clinton ‘A Disgrace’", "…, Lindsey Graham Says." */
export function headlineSpeaker(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Attribution | null {
  for (let c = lo; c < hi; c++) {
    const t = toks[c];
    if (!upper(t) || !HEADLINE_VERBS.has(t.lower)) continue;
    let s0 = c;
    while (s0 - 1 >= lo && (isCap(toks[s0 - 1]) || isTitle(toks[s0 - 1])) && c - s0 < 4) s0--;
    if (s0 === c) continue;
    // A plural the text never writes as a name is a group: "Black Lawmakers Rip …" ("Sanders Says …" is a name).
    const last = toks[c - 1].lower;
    const group = /\p{Ll}{2}s$/u.test(last) && !/(?:ss|us|is)$/.test(last) && !book.seenInside(last);
    const speaker = group ? { name: toks.slice(s0, c).map(x => x.w).join(' '), type: 'GROUP' as const, mention: { start: toks[s0].start, end: toks[c - 1].end } }
      : resolvePhrase({ toks: toks.slice(s0, c), kind: 'name' }, book);
    return { speaker, cue: t.w, after: -1 };
  }
  return null;
}

/**
 * Error kind: no speaker in a headline-style label. A headline opening with the quote
 * and naming its speaker after a colon: "‘A total disgrace’: Harris", "“We will win”:
 * Harris vows to fight on". The name must close the headline or be the subject of its
 * verb (a cue, a headline verb, a present-tense verb); a short headline only.
 */
function trailingLabel(toks: readonly Tok[], qTok: number, hi: number, book: NameBook): Attribution | null {
  const k = qTok + 2;
  if (toks[qTok + 1]?.w !== ':' || hi - qTok > 16 || !isCap(toks[k])) return null;
  const e = nameRunForward(toks, k, hi);
  const n = toks[e + 1];
  const closes = !n || e + 1 >= hi || endsClause(n);
  const verb = !!n && (isCue(n) || (upper(n) && HEADLINE_VERBS.has(n.lower)) || /^\p{Ll}{2,}s$/u.test(n.w));
  if (!closes && !verb) return null;
  // (The words of a titled run, "Senate Leader Dan Holt", come down to the name.)
  const run = toks.slice(k, e + 1);
  const named = run.some(isTitle) ? nameInRun(run) : null;
  const sp = resolvePhrase({ toks: named && !named.org && named.toks.length ? named.toks : run, kind: 'name' }, book);
  return sp.type === 'DESCRIPTION' ? null : { speaker: sp, cue: ':', after: -1, detail: 'the name after the colon closing a headline that opens with the quote' };
}

/** A headline's "Speaker: words ‘quote’" or "A lesson from Loretta Lynch: ‘…’". */
export function headlineLabel(toks: readonly Tok[], lo: number, qTok: number, hi: number, book: NameBook): Attribution | null {
  if (qTok === lo) return trailingLabel(toks, qTok, hi, book);
  let colon = -1;
  for (let c = lo; c < qTok; c++) if (toks[c].w === ':') { colon = c; break; }
  // Error kind: a noun phrase taken for the speaker ("Veto Power Impedes Peace Efforts:
  // Eliminating “the scourge of war” is …"): a long label with words between its colon
  // and the quote stands only in a headline, the whole sentence title case.
  // (A label of a titled name and its topic may run longer: "Senate Minority Leader Dan Holt on the budget deal: “…”".)
  const topic = colon - lo <= 12 && colon === qTok - 1 && (isCap(toks[lo]) || isTitle(toks[lo])) && ONE_OF_ON_ABOUT.has(toks[nameRunForward(toks, lo, colon) + 1]?.lower ?? '');
  if (colon < 0 || (colon - lo > 8 && !topic) || (colon !== qTok - 1 && colon - lo > 3 && !headline(toks, lo, hi))) return null;
  for (let d = lo; d < colon; d++) {
    if (!isCap(toks[d])) continue;
    const e = nameRunForward(toks, d, colon);
    // Error kind: no speaker in a headline-style label whose name follows a long title
    // ("Senate Minority Leader Dan Holt on the budget deal: “…”"): the name the title
    // leads to, when the run holds titles; else its first words.
    // (A run holding a headline's verb, "Ann Lee Slams Budget", is left to the headline-verb sieve.)
    if (toks.slice(d + 1, e + 1).some(x => upper(x) && HEADLINE_VERBS.has(x.lower))) return null;
    const run = toks.slice(d, e + 1), named = e - d >= 2 && e - d <= 6 && run.some(isTitle) ? nameInRun(run) : null;
    const titled = named && !named.org && named.toks.length && named.toks.length < run.length ? resolvePhrase({ toks: named.toks, kind: 'name' }, book) : null;
    const sp = titled?.type === 'PERSON' ? titled : resolvePhrase({ toks: toks.slice(d, Math.min(e + 1, d + 3)), kind: 'name' }, book);
    if (sp.type !== 'DESCRIPTION') return { speaker: sp, cue: ':', after: -1 };
    d = e;
  }
  return null;
}
