/**
 * Phrases beside a reporting verb: the subject before it ("Lavrov said", "Sergey
 * Lavrov, Russia’s foreign minister, said"), the subject after an inverted one
 * ("said the ministry’s spokesman, Jane Doe"), and the cue phrase itself ("told
 * reporters", "pointed out").
 */
import { adverb, endsClause, isCap, isCue, isTitle, isWord, possessive, QUOTE_TOKEN, type Tok, upper, withoutPossessive } from './tokens';
import { nameInRun, nameRunBack, nameRunForward, type Phrase } from './names';
import { AGENT_PLURAL, DAYS, DESCRIPTION_HEADS, DOCUMENT_HEADS, SPEECH_NOUNS, HEAD_PREPOSITIONS, NOT_NAME, PEOPLE, PREPOSITIONS, PRONOUNS, QUANTIFIERS, QUANTITY_LEADS, SKIP, SUBORD, TOLD_AUDIENCES, oneOf } from './words';

/** Words a token is tested against (exact matches, as the `/^(?:…)$/` patterns they replace). */
const ONE_OF_ON_LAST_THIS = oneOf('on|last|this|late|early');
const ONE_OF_WHICH_THAT = oneOf('which|that');
const ONE_OF_SENT_WROTE_SIGNED = oneOf('sent|wrote|signed|posted|shared|issued|released|drafted|published|tweeted|penned|authored|gave|delivered');
const ONE_OF_SENT_WRITTEN_SIGNED = oneOf('sent|written|signed|posted|issued|released|drafted|published');
const ONE_OF_THAT_WHICH_WHAT = oneOf('that|which|what|and|but|while|when|because|if');
const ONE_OF_THE_A_AN = oneOf('the|a|an|one');
const ONE_OF_HIS_HER_THEIR = oneOf('his|her|their|its|our');
const ONE_OF_WHO_WHICH_THAT = oneOf('who|which|that');
const ONE_OF_SPEECH_INTERVIEW_ADDRESS = oneOf('speech|interview|address');
const ONE_OF_GAVE_DELIVERED_SENT = oneOf('gave|delivered|sent|signed|wrote|issued|released|posted|made');
const ONE_OF_OF_FROM = oneOf('of|from');
const ONE_OF_EMAIL_E_MAIL_LETTER = oneOf('email|e-mail|letter|memo|message|note|post|tweet|text|statement');
const ONE_OF_TOLD_TELL_TELLS = oneOf('told|tell|tells|telling');
const ONE_OF_POINTED_POINTING = oneOf('pointed|pointing');
const ONE_OF_ON_LAST_THIS_2 = oneOf('on|last|this|late|early|in|an|a');

/** The subject phrase ending just before token `k`, walking backwards no further than `lo`. */
export function subjectBefore(toks: readonly Tok[], k: number, lo: number, depth = 0): Phrase | null {
  const ph = phraseBefore(toks, k, lo, depth);
  // (A participle's own subject stands: "interrupted by protesters shouting …".)
  if (!ph || depth > 0 || ph.kind === 'pronoun' || /ing$/.test(toks[k]?.lower ?? '')) return ph;
  // Error kind: a document or a group as the source, a noun phrase taken for the
  // speaker. The agent of a participle modifying the subject ("A leaked memo obtained
  // by reporters warns …", "The plan drafted by Jane Roe’s office says …") is not
  // the subject: the noun the participle hangs on is. (An author stays: "a statement
  // released by the campaign said", "The email, sent by Jane Roe, said".)
  const s = tokenIndex(toks, ph.toks[0], k - 1);
  const part = toks[s - 2];
  if (s - 2 > lo && toks[s - 1].lower === 'by' && /^\p{Ll}{3,}(?:ed|en|wn)$/u.test(part.w) && !isCue(part) && !AUTHORING.test(part.lower)) {
    const head = phraseBefore(toks, s - 2, lo, 1);
    if (head?.kind === 'desc') return head;
  }
  return ph;
}

function phraseBefore(toks: readonly Tok[], k: number, lo: number, depth: number): Phrase | null {
  let j = k - 1;
  for (let guard = 0; j >= lo && guard < 12; guard++) {
    const t = toks[j];
    // Error kind: the wrong person, structure over salience. ", who has said …": the
    // relative clause's subject is the phrase before the comma ("… pushed back against
    // Governor Bill Carter, who has said the deal is “…”").
    if (t.lower === 'who' && depth === 0 && j - 1 > lo && toks[j - 1].w === ',') {
      const ante = subjectBefore(toks, j - 1, lo, 1);
      if (ante && ante.kind !== 'pronoun') return ante;
    }
    if (SKIP.has(t.lower) || adverb(t) || DAYS.test(t.w)) { j--; continue; }
    if (ONE_OF_ON_LAST_THIS.has(t.lower) && DAYS.test(toks[j + 1]?.w ?? '')) { j--; continue; }
    if (t.w === ')') {
      let d = j - 1;
      while (d >= lo && toks[d].w !== '(' && j - d < 20) d--;
      if (d >= lo && toks[d].w === '(') { j = d - 1; continue; }
    }
    break;
  }
  if (j < lo) return null;
  const t = toks[j];
  // An appositive: "Sergey Lavrov, Russia’s foreign minister, said".
  if (t.w === ',' && depth === 0) {
    // The appositive may hold commas itself ("Johnnie Wilson, of Springfield, Va., said"):
    // the name heading the farthest comma wins.
    let best: Phrase | null = null;
    let desc: Phrase | null = null;
    for (let d = j - 1; d > lo && j - d < 30; d--) {
      const w = toks[d].w;
      if (w === QUOTE_TOKEN || endsClause(toks[d])) break;
      if (w !== ',') continue;
      const head = subjectBefore(toks, d, lo, depth + 1);
      // Error kind: the wrong person. A name in an opening phrase ("In Ohio, Jane Roe,
      // a nurse, said") is no subject.
      const before = head ? tokenIndex(toks, head.toks[0], d) - 1 : -1;
      if (!head || (before >= lo && (PREPOSITIONS.has(toks[before].lower) || HEAD_PREPOSITIONS.has(toks[before].lower)))) continue;
      const e = isCap(toks[d + 1]) ? nameRunForward(toks, d + 1, j + 1) : -1;
      // (Or role words before the name: "A critic of the plan, state Sen. Roy Barnes, said".)
      // (A parenthesis may follow the name: "Clinton’s running mate, Sen. Tim Kaine (Va.), said".)
      let close = e + 1;
      if (toks[close]?.w === '(') { while (close <= j && toks[close].w !== ')' && close - e < 8) close++; close++; }
      const between = e > d + 1 && toks[close]?.w === ',' ? { toks: toks.slice(d + 1, e + 1), kind: 'name' as const }
        : !isCap(toks[d + 1]) ? appositiveName(toks, d, j + 1) : null;
      // "A spokesman for the shipping company Maersk, Lars Nielsen, said": a name after
      // role words heads a description; the name between the commas speaks.
      if (head.kind === 'name' && between && /^\p{Ll}/u.test(toks[before]?.w ?? '') && !PREPOSITIONS.has(toks[before].lower)) best = between;
      else if (head.kind === 'name') best = head;
      else if (head.kind === 'desc') {
        // Error kind: a description kept where the text names the person a few words
        // on: "A spokeswoman for the mayor, Jane Roe, called …". Else no speaker where a
        // description or a document heads the appositive: "The senator, who met
        // Governor Tom Baxter on Monday, called …"; "The email, sent by Jane Roe on
        // Friday, said …" (its author speaks).
        if (between) best = between;
        else desc = authorAfter(toks, d + 1, j) ?? head;
      }
    }
    return best ?? desc;
  }
  if (PRONOUNS.has(t.lower)) return { toks: [t], kind: 'pronoun' };
  // Error kind: the wrong person. ", which accused …": the relative clause's subject is the phrase before the comma.
  if (t.lower === 'which' && depth === 0 && toks[j - 1]?.w === ',') return subjectBefore(toks, j - 1, lo, 1);
  if (isCap(t) || isTitle(t)) {
    const s = nameRunBack(toks, j, lo);
    const run = toks.slice(s, j + 1);
    // Error kind: a noun phrase taken for the speaker. "The mayor of Dayton said",
    // "a spokesman for the State Department said": a place or an organisation after a
    // preposition modifies the subject's head, which comes before it.
    // So is a person after "to" or "for" following a determined noun: "an aide to
    // Governor Tom Baxter said", "the lawyer for Jane Roe said" (not "footage of Jane Roe saying").
    let head = -1;
    const prep = s - 1 >= lo ? toks[s - 1].lower : '';
    if (HEAD_PREPOSITIONS.has(prep)) {
      if (run.length === 1 || nameInRun(run).org) head = headBefore(toks, s, lo);
      else if (prep === 'to' || prep === 'for') {
        const h = headBefore(toks, s, lo);
        if (h >= 0 && DETERMINERS.test(toks[h].lower)) head = h;
      }
    }
    return head >= 0 ? { toks: toks.slice(head, j + 1), kind: 'desc' } : { toks: run, kind: 'name' };
  }
  if (/^\p{Ll}/u.test(t.w) && !isCue(t) && !PREPOSITIONS.has(t.lower) && !SUBORD.has(t.lower) && !NOT_NAME.has(t.lower)) {
    const s = descStart(toks, j, lo);
    if (s < 0) {
      // "the former secretary of state said": the head before "of".
      const h = HEAD_PREPOSITIONS.has(toks[j - 1]?.lower ?? '') ? headBefore(toks, j, lo) : -1;
      return h >= 0 ? { toks: toks.slice(h, j + 1), kind: 'desc' } : null;
    }
    const head = headBefore(toks, s, lo);
    // Error kind: a noun phrase taken for the speaker. A phrase after a preposition that
    // hangs on no noun is an adverbial ("Jane Roe has in the past said"): the subject
    // stands before it.
    if (head < 0 && depth === 0 && s - 1 >= lo && ADVERBIAL_PREPOSITIONS.test(toks[s - 1].lower)) return subjectBefore(toks, s - 1, lo, 1);
    return { toks: toks.slice(head >= 0 ? head : s, j + 1), kind: 'desc' };
  }
  return null;
}

/** Participles that name a document's author after them: "a complaint filed by …". */
const AUTHORING = /^(?:filed|released|issued|published|written|signed|sent|prepared|commissioned|drafted|produced|posted|submitted)$/;

/** A run's words as text, a final possessive dropped. */
const nameTextOf = (run: readonly Tok[]) => withoutPossessive(run.map(x => x.w).join(' '));

/** Index of token `t`, searching back from `from`. */
function tokenIndex(toks: readonly Tok[], t: Tok, from: number): number {
  let i = from;
  while (i > 0 && toks[i] !== t) i--;
  return i;
}

/** The author an appositive names from token `k` ("sent by Jane Roe on Friday"), before `hi`. */
function authorAfter(toks: readonly Tok[], k: number, hi: number): Phrase | null {
  // Error kind: a quoted post credited by the surrounding text: "The post, which Jane
  // Roe shared on Facebook, said …" (a relative clause whose subject made the document).
  if (ONE_OF_WHICH_THAT.has(toks[k]?.lower ?? '') && isCap(toks[k + 1])) {
    const e = nameRunForward(toks, k + 1, hi);
    if (ONE_OF_SENT_WROTE_SIGNED.has(toks[e + 1]?.lower ?? '')) return { toks: toks.slice(k + 1, e + 1), kind: 'name' };
    return null;
  }
  if (!ONE_OF_SENT_WRITTEN_SIGNED.has(toks[k]?.lower ?? '') || toks[k + 1]?.lower !== 'by' || !isCap(toks[k + 2])) return null;
  return { toks: toks.slice(k + 2, nameRunForward(toks, k + 2, hi) + 1), kind: 'name' };
}

/** Prepositions opening an adverbial between a subject and its cue: "in the past", "at the time", "during the hearing". */
const ADVERBIAL_PREPOSITIONS = /^(?:in|at|on|during|for|over|after|before|since|until|throughout)$/;

/** Words that open a description: "a U.S. defense official", "those surveyed", "many economists". */
const DETERMINERS = /^(?:a|an|the|one|another|those|these|many|most|some|several|few|all|both)$/;
/** An age written as one word before a name: "72-year-old". */
const AGE = /^\d{1,3}-year-old$/;

/** Possessive pronouns opening a description: "her campaign", "his spokesman". */
const OWNER_PRONOUNS = /^(?:his|her|their|its)$/;

/**
 * Start of a description ending at token `j` (a lower-case noun), walking back no
 * further than `lo`; -1 when the words there make none: "a U.S. defense official",
 * "the ministry", "Russia’s foreign minister", "Jane Roe’s lawyer", "officials",
 * "protesters".
 */
function descStart(toks: readonly Tok[], j: number, lo: number): number {
  const t = toks[j];
  if (SKIP.has(t.lower) || NOT_NAME.has(t.lower)) return -1;
  let s = j;
  // Error kind: no speaker where a document or a person's agent speaks ("Ivana Trump’s
  // brief said", "Jane Roe’s lawyer said"): the owner's name opens the description.
  let owned = false;
  while (s - 1 >= lo && j - s < 7) {
    const p = toks[s - 1];
    // Error kind: the wrong person (the voice of the quote before kept when the subject
    // is missed). A possessive pronoun opens a description as an article does: "Her
    // campaign called the remark “…”", "His spokesman said".
    if (DETERMINERS.test(p.lower) || OWNER_PRONOUNS.test(p.lower)) { s--; break; }
    // Error kind: the wrong person where a group is the source. A subject pronoun ends
    // a bare plural's phrase before it: "He rallied supporters, who chanted …" -> "supporters".
    if (PRONOUNS.has(p.lower)) return AGENT_PLURAL.test(t.lower) || PEOPLE.test(t.lower) ? j : -1;
    if (!isWord(p) || isCue(p) || SKIP.has(p.lower) || PREPOSITIONS.has(p.lower) || ONE_OF_THAT_WHICH_WHAT.has(p.lower)) break;
    s--;
    if (possessive(p) && upper(p)) {
      // The owner's whole name: "the White House’s".
      s = nameRunBack(toks, s, lo);
      if (toks[s - 1]?.lower === 'the' && s - 1 >= lo) s--;
      owned = true;
      break;
    }
  }
  const first = toks[s];
  // Error kind: a group as the source ("protesters chanted"): a plural noun of people stands alone.
  if (s === j && !DESCRIPTION_HEADS.test(t.lower) && !AGENT_PLURAL.test(t.lower)) return -1;
  if (!DETERMINERS.test(first.lower) && !OWNER_PRONOUNS.test(first.lower) && !owned && !possessive(first) && !/^\p{Ll}+s$/u.test(t.lower)) return -1;
  return s;
}

/**
 * Error kind: a noun phrase taken for the speaker, where the subject's head comes
 * before a prepositional modifier ("a spokesman for the port authority said",
 * "protesters outside the hall chanted", "most of those surveyed said", "only 40
 * percent of voters said"). The start of that head when the phrase at `s` is such a
 * modifier, else -1.
 */
export function headBefore(toks: readonly Tok[], s: number, lo: number): number {
  let start = -1;
  for (let guard = 0; guard < 3; guard++) {
    const p = s - 1;
    // ("the union representing the striking nurses": a participle modifies the head too.)
    if (p - 1 < lo || !(HEAD_PREPOSITIONS.has(toks[p].lower) || (/^\p{Ll}{3,}ing$/u.test(toks[p].w) && !isCue(toks[p])))) break;
    const h = toks[p - 1];
    if (QUANTIFIERS.test(h.lower)) {
      let q = p - 1;
      while (q - 1 >= lo && QUANTITY_LEADS.test(toks[q - 1].lower) && p - q < 5) q--;
      start = s = q;
      continue;
    }
    // (A capitalised head only opening its sentence: "Protesters outside the hall chanted".)
    if (!(/^\p{Ll}/u.test(h.w) || p - 1 === lo || endsClause(toks[p - 2])) || isCue(h)) break;
    const d = descStart(toks, p - 1, lo);
    if (d < 0) break;
    start = s = d;
  }
  return start;
}

/** The phrase starting at token `k` after an inverted cue: "said Lavrov", "said the ministry’s spokesman, Jane Doe". */
export function subjectAfter(toks: readonly Tok[], k: number, hi: number, depth = 0): Phrase | null {
  const j = k;
  if (j >= hi) return null;
  const t = toks[j];
  if (PRONOUNS.has(t.lower)) return { toks: [t], kind: 'pronoun' };
  if (isCap(t) || isTitle(t)) {
    const e = nameRunForward(toks, j, hi);
    // Error kind: the wrong person. "said Acme’s spokeswoman, Jane Roe": an owner's name
    // before a noun opens a description (below), it does not speak.
    if (!(possessive(toks[e]) && /^\p{Ll}/u.test(toks[e + 1]?.w ?? ''))) return { toks: toks.slice(j, e + 1), kind: 'name' };
  }
  if (!ONE_OF_THE_A_AN.has(t.lower) && isWord(t) && !isCue(t) && !PREPOSITIONS.has(t.lower) && !SUBORD.has(t.lower)) {
    // "said 9/11 widow Terry Strada", "said retired Air Force general Lloyd Newton".
    for (let d = j + 1; d < hi && d <= j + 4; d++) {
      const x = toks[d];
      if (isCap(x)) {
        const e = nameRunForward(toks, d, hi);
        if (e + 1 >= hi || !isWord(toks[e + 1])) return { toks: toks.slice(d, e + 1), kind: 'name' };
        break;
      }
      if (!isWord(x) || isCue(x) || PREPOSITIONS.has(x.lower) || SUBORD.has(x.lower)) break;
    }
  }
  if (t.lower === 'the' && isCap(toks[j + 1])) {
    // "according to the Guardian": a name after the article, when it is the whole phrase.
    const e = nameRunForward(toks, j + 1, hi);
    if (!possessive(toks[e]) && !(e + 1 < hi && /^\p{Ll}/u.test(toks[e + 1].w) && !PREPOSITIONS.has(toks[e + 1].lower) && !SUBORD.has(toks[e + 1].lower))) {
      return { toks: toks.slice(j + 1, e + 1), kind: 'name' };
    }
  }
  const owner = isCap(t) ? nameRunForward(toks, j, hi) : j;
  // (Error kind: no speaker. An owner's pronoun opens a description too: "said her deputy, Sam Ortiz".)
  if (ONE_OF_THE_A_AN.has(t.lower) || (possessive(toks[owner]) && upper(t)) || (depth === 0 && ONE_OF_HIS_HER_THEIR.has(t.lower) && j + 1 < hi && /^\p{Ll}/u.test(toks[j + 1].w))) {
    let e = owner;
    while (e + 1 < hi && e - j < 10) {
      const n = toks[e + 1];
      if (!isWord(n) || isCue(n) || PREPOSITIONS.has(n.lower) || ONE_OF_WHO_WHICH_THAT.has(n.lower)) break;
      // Error kind: a noun phrase taken for the speaker. A verb after the phrase makes it
      // the subject of a reported clause, not an inverted speaker: "“…,” said the deal
      // was a disaster" (a cue whose subject came before the quote).
      if (depth === 0 && e > j && FINITE_VERBS.test(n.lower)) return null;
      e++;
    }
    // An appositive name: "said the White House’s chief deputy press secretary, Karine Jean-Pierre".
    if (depth === 0 && toks[e + 1]?.w === ',' && isCap(toks[e + 2])) {
      const name = subjectAfter(toks, e + 2, hi, 1);
      if (name && name.kind === 'name') return name;
    }
    // Error kind: a description kept where the text names the person a few words on,
    // past role words or an age: "said one resident, 72-year-old Ana Ruiz".
    if (depth === 0 && e > j && toks[e + 1]?.w === ',' && !isCap(toks[e + 2])) {
      const named = appositiveName(toks, e + 1, hi);
      if (named) return named;
    }
    if (e === j) {
      // "said one of the striking nurses, Ana Ruiz"; "said one of the witnesses".
      if (depth > 0) return null;
      const named = modifiedAppositive(toks, e, hi);
      if (named || t.lower !== 'one') return named;
      const m = modifierEnd(toks, e, hi);
      return m > e ? { toks: toks.slice(j, m + 1), kind: 'desc' } : null;
    }
    if (depth === 0) {
      // Error kind: a description kept where the text names the person a few words on.
      const named = roleThenName(toks, j, e) ?? modifiedAppositive(toks, e, hi) ?? authorInside(toks, j, e);
      if (named) return named;
      const h = toks.slice(j, e + 1).findIndex(x => DOCUMENT_HEADS.test(x.lower));
      const doc = h > 0 ? authoredDocument(toks, j, j + h, hi) : null;
      if (doc) return doc;
      e = modifierEnd(toks, e, hi);
      // "a memo obtained by The Oakland Tribune": the participle and its agent are not the speaker's words.
      if (e > j + 1 && /^\p{Ll}+ed$/u.test(toks[e].w) && toks[e + 1]?.lower === 'by') e--;
    }
    return { toks: toks.slice(j, e + 1), kind: 'desc' };
  }
  return null;
}

/** Auxiliaries and copulas: after a noun phrase, the verb of its clause. */
const FINITE_VERBS = /^(?:is|was|are|were|has|had|have|will|would|could|should|can|may|might|must|did|does|do)$/;

/** A role, then the name heading the phrase: "the former senator Jane Roe", "the event organizer Alliance for Fair Rents" ([j, e] the words after the cue). */
function roleThenName(toks: readonly Tok[], j: number, e: number): Phrase | null {
  if (!isCap(toks[e])) return null;
  const s = nameRunBack(toks, e, j + 1);
  return s > j + 1 && /^\p{Ll}/u.test(toks[s - 1].w) ? { toks: toks.slice(s, e + 1), kind: 'name' } : null;
}

/** Error kind: a document as the source, credited to its author: "according to a speech Jane Roe gave", "a memo Roe wrote" ([j, e] the phrase). */
function authorInside(toks: readonly Tok[], j: number, e: number): Phrase | null {
  for (let d = j + 2; d < e; d++) {
    if (!isCap(toks[d])) continue;
    const end = nameRunForward(toks, d, e);
    const v = toks[end + 1];
    const spoken = DOCUMENT_HEADS.test(toks[d - 1].lower) || SPEECH_NOUNS.has(toks[d - 1].lower) || ONE_OF_SPEECH_INTERVIEW_ADDRESS.has(toks[d - 1].lower);
    const made = !!v && (isCue(v) || ONE_OF_GAVE_DELIVERED_SENT.has(v.lower));
    return spoken && made ? { toks: toks.slice(d, end + 1), kind: 'name' } : null;
  }
  return null;
}

/**
 * Error kind: a noun phrase cut short, "said a spokeswoman for the Housing Board": a
 * modifier closing the clause after a description ending at `e` belongs to it. The
 * modifier's last token, else `e`.
 */
function modifierEnd(toks: readonly Tok[], e: number, hi: number): number {
  if (!HEAD_PREPOSITIONS.has(toks[e + 1]?.lower ?? '')) return e;
  let m = e + 2;
  while (m < hi && m - e <= 7 && isWord(toks[m]) && !isCue(toks[m]) && !SUBORD.has(toks[m].lower) && !PREPOSITIONS.has(toks[m].lower) && !DAYS.test(toks[m].w)) m++;
  // Error kind: a noun phrase taken for the speaker. The channel the words came through
  // ("said the striking nurses in a statement", "… on Twitter", "at a news conference")
  // tells how they spoke, it does not describe them.
  if (m - 1 > e + 1 && CHANNEL_PREPOSITIONS.test(toks[e + 1].lower) && toks.slice(e + 2, m).some(t => CHANNELS.test(t.lower) || DOCUMENT_HEADS.test(t.lower) || SPEECH_NOUNS.has(t.lower))) return e;
  return m - 1 > e + 1 && (m >= hi || !isWord(toks[m])) ? m - 1 : e;
}

/** Prepositions before the channel of a speaker's words: "in a statement", "on Twitter". */
const CHANNEL_PREPOSITIONS = /^(?:in|on|at|during|with)$/;
/** Where or how words are spoken, beyond documents and speech nouns: "at a news conference", "on Twitter". */
const CHANNELS = /^(?:interview|interviews|conference|briefing|hearing|speech|rally|event|appearance|twitter|facebook|instagram|television|radio|podcast|broadcast|call|video|town|debate|forum|session|meeting)$/;

/** A name after a description and its modifier: "said a spokesman for the port authority, Jane Roe" (the description ends at `e`). */
function modifiedAppositive(toks: readonly Tok[], e: number, hi: number): Phrase | null {
  if (!HEAD_PREPOSITIONS.has(toks[e + 1]?.lower ?? '')) return null;
  let m = e + 2;
  // (A possessive's mark may stand alone: "the teachers’ union".)
  while (m < hi && m - e <= 10 && (isWord(toks[m]) || /^[’']s?$/.test(toks[m].w)) && !isCue(toks[m]) && !SUBORD.has(toks[m].lower)) m++;
  return toks[m]?.w === ',' ? appositiveName(toks, m, hi) : null;
}

/**
 * Error kind: a description kept where the text names the person a few words on. The
 * name of an appositive opening after the comma at `m`, when it closes its clause:
 * ", Jane Roe." or, after lower-case role words or a title, ", state Sen. Roy Barnes of
 * Macon," (then one word will do: ", state Sen. Barnes,"). A bare name must have two
 * words or more (", Dayton, Ohio" is a place). Null when the words after the comma are
 * anything else.
 */
export function appositiveName(toks: readonly Tok[], m: number, hi: number): Phrase | null {
  let k = m + 1;
  // (An age may lead the name as role words do: ", 72-year-old Ana Ruiz".)
  while (k < hi && k - m <= 3 && (/^\p{Ll}/u.test(toks[k].w) || AGE.test(toks[k].w)) && isWord(toks[k]) && !isCue(toks[k]) && !SUBORD.has(toks[k].lower) &&
    !PREPOSITIONS.has(toks[k].lower) && !DETERMINERS.test(toks[k].lower) && !PRONOUNS.has(toks[k].lower)) k++;
  if (!(isCap(toks[k]) || isTitle(toks[k]))) return null;
  const end = nameRunForward(toks, k, hi);
  let close = end + 1;
  // "… of Macon": a place after the name.
  if (ONE_OF_OF_FROM.has(toks[close]?.lower ?? '') && isCap(toks[close + 1])) close = nameRunForward(toks, close + 1, hi) + 1;
  if (close < hi && isWord(toks[close])) return null;
  const titled = k > m + 1 || isTitle(toks[k]);
  const name = nameInRun(toks.slice(k, end + 1));
  if (!name.toks.length || name.org || (!titled && end === k)) return null;
  return { toks: toks.slice(k, end + 1), kind: 'name' };
}

/**
 * Error kind: a document as the source. The document phrase from `s`, headed by the
 * document noun at `h`, and its author named after it ("a complaint filed by the
 * Securities and Exchange Commission"): the phrase through the author, labelled
 * "<author> <document>"; null when no author follows.
 */
export function authoredDocument(toks: readonly Tok[], s: number, h: number, hi: number): Phrase | null {
  let k = h + 1;
  if (AUTHORING.test(toks[k]?.lower ?? '')) k++; // filed, released, issued (not "obtained by")
  if (toks[k]?.lower === 'on' && isCap(toks[k + 1])) {
    // "a post on Jane Roe’s Facebook page": the page's owner.
    const e = nameRunForward(toks, k + 1, hi);
    const owner = toks.slice(k + 1, e + 1);
    const p = owner.findIndex(possessive);
    if (p >= 0) return { toks: toks.slice(s, k + 2 + p), kind: 'desc', label: `${nameTextOf(owner.slice(0, p + 1))} ${toks[h].lower}`, author: owner.slice(0, p + 1) };
    return null;
  }
  // Error kind: a quoted e-mail or post credited by the surrounding text: "an email
  // from campaign manager Jane Roe" is hers (a role may come before the name).
  const from = toks[k]?.lower === 'from' && DOCUMENT_HEADS.test(toks[h].lower) && ONE_OF_EMAIL_E_MAIL_LETTER.has(toks[h].lower);
  if (toks[k]?.lower !== 'by' && !from) return null;
  k++;
  while (k < hi && k - h < 6 && (/^\p{Ll}/u.test(toks[k].w) || toks[k].lower === 'the') && isWord(toks[k]) && !PREPOSITIONS.has(toks[k].lower)) k++; // "the federal"
  if (!isCap(toks[k])) return null;
  let e = nameRunForward(toks, k, hi);
  while ((toks[e + 1]?.lower === 'and' || toks[e + 1]?.w === '&') && isCap(toks[e + 2])) e = nameRunForward(toks, e + 2, hi);
  return { toks: toks.slice(s, e + 1), kind: 'desc', label: `${nameTextOf(toks.slice(k, e + 1))} ${toks[h].lower}`, author: toks.slice(k, e + 1) };
}

/** The cue phrase at a cue token: "told reporters", "telling Sky News"; else the verb alone. */
export function cuePhrase(toks: readonly Tok[], k: number): string {
  const t = toks[k];
  const n = toks[k + 1];
  if (ONE_OF_TOLD_TELL_TELLS.has(t.lower) && n) {
    let e = -1;
    if (TOLD_AUDIENCES.test(n.w)) e = k + 1;
    else if (/^(?:the|his|her|their)$/i.test(n.w) && isWord(toks[k + 2])) e = k + 2;
    else if (isCap(n)) e = k + 1;
    if (e > 0) {
      while (isCap(toks[e + 1])) e++;
      return toks.slice(k, e + 1).map(x => x.w).join(' ');
    }
  }
  if (ONE_OF_POINTED_POINTING.has(t.lower) && n?.lower === 'out') return `${t.w} out`;
  if (t.lower === 'put' && n?.lower === 'it') return 'put it';
  return t.w;
}

/** The first token from `k` on that is not a time word: "said Monday", "said on Tuesday". */
export function skipTime(toks: readonly Tok[], k: number, hi: number): number {
  let j = k;
  while (j < hi) {
    const t = toks[j];
    if (DAYS.test(t.w) || (ONE_OF_ON_LAST_THIS_2.has(t.lower) && DAYS.test(toks[j + 1]?.w ?? ''))) { j++; continue; }
    break;
  }
  return j;
}
