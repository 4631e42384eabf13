/**
 * The normalised form of a claim, what matching across sources compares: its content
 * words reduced to one key per lemma (irregular forms, a noun derived from a verb and the
 * verb itself share a key: "invasion" / "invaded" / "invade"), two-word verbs read as one
 * ("pulled back" = "withdraw"), the synonym sets a word's usual senses belong to, the
 * canonical names of its entities (the entity layer already maps "America", "the U.S."
 * and "Washington" the government to one name), numbers, weekdays and negations.
 *
 * Names are compared through the entity layer only: capitalised words are left out of
 * the words. Attribution is the speaker's business: the verbs of saying are stop words
 * and the speaker's name is left out, so "Lavrov said Moscow …" and "The foreign minister
 * argued that Moscow …" compare on "Moscow …".
 *
 * The synonym rule (tested in test/unit/claims-normalize.test.ts): two words count as
 * the same when they share a synset that is among the first two senses of both and the
 * first of one (the table keeps only such sets, see scripts/build-lemmas.mjs); in
 * matching a synonym counts only beside a word or name the two claims share exactly.
 */
import { BASE_VERBS, DERIVED, IRREGULAR, MULTIWORD, PERTAINYMS, S_WORDS, SYNONYMS, VERBS } from '../lexicon/lemmas';
import { SAYING_VERBS } from '../lexicon/sayingVerbs';
import { FIRST_NAMES, LOWER_WORDS } from '../entities/gazetteer';
import { hashChars, WordTable } from '../text/wordTable';
import { CLAIM_PRONOUNS, CLAIM_STOP_WORDS } from '../lexicon/stopWords';
import { SEATS } from '../lexicon/seats';
import { measureUnit } from './claims';
import { MONTHS, WEEKDAYS } from '../lexicon/calendar';
import { type AnalysisContext, memoSlot } from '../text/memo';
import { nextWord, stem, VERB_ENDING, type WordEnd, wordsOf } from '../text/words';
import type { Claim, ClaimNumber } from '../types';

/** A claim's normalised form. */
export interface ClaimNorm {
  /** One entry per content unit (word or name): its exact key first, then its synonym-set keys. */
  units: readonly (readonly string[])[];
  /** The units that can be its predicate (verbs, and nouns derived from verbs): indexes into `units`. */
  predicates: readonly number[];
  /**
   * Verbs' nouns that stand only inside a prepositional phrase ("during meetings with …", "after the invasion"): the
   * circumstances of the claim, not its predicate (`inPhraseOf`). Indexes into `units`, none of them in `predicates`.
   */
  phrasal: readonly number[];
  /**
   * The clause-like segment of the text each unit first occurs in (`segmentsOf`), -1 for a unit found in none (a
   * number with its unit, a name written otherwise in the text): indexes parallel to `units`.
   */
  segments: readonly number[];
  /** Parity of negations ("not", "no", "never", "n't"…). */
  negation: number;
  /** The segment (`segmentsOf`) of each negation word, wherever it stands: a shared clause is negated or not on its own. */
  negatedSegments: readonly number[];
  /**
   * A verb saying an act was not done (`NOT_DONE`: "avoided paying", "refused to testify", "denies it has plans",
   * "without paying"): a negation in another wording, so no conflict with a claim that negates the act ("paid no
   * taxes"), unless that claim holds such a verb too ("did not refuse to testify"). It makes no conflict either:
   * "dismissed" or "ruled out" say as much with no such verb.
   */
  notDone: boolean;
  /**
   * The segments (`segmentsOf`) of the verbs of denial, refusal or failure before the claim's trailing clause ("denied
   * that it owes", "refused to pay", "failed to win", "declined to testify", "ruled out hypothermia", "has yet to
   * release"; `DENIAL`), one entry per verb: the act it governs is said not to be, or not to have been done.
   */
  denialSegments: readonly number[];
  /** Weekdays and months named. */
  days: readonly string[];
  /** The years the claim dates something in (`yearsOf`), as spans [from, to] flattened: a year alone is [y, y]. */
  years: readonly number[];
  /** The times of day it names (`clockOf`: "2 p.m.", "6:30am", "noon"), in minutes after midnight. */
  clock: readonly number[];
  /** The days of a month it names (`datesOf`: "July 12", "Sept. 30", "the 4th of May"), as month × 100 + day. */
  dates: readonly number[];
  /** A supposition ("If …", "Unless …"): it states nothing of what it supposes. */
  conditional: boolean;
  /** An obligation, a norm or a demand ("should be", "must", "needs to", "demanding that"): it says what ought to be, not what is. */
  deontic: boolean;
  /**
   * The segments (`segmentsOf`) said as a prospect, not a fact, one entry per prospect's word: an act said as possible
   * or under consideration ("could raise", "may have to be cancelled", "is weighing", `POSSIBLE`), or as intended,
   * planned or expected ("plans to build", "is expected to approve", "threatened to walk off", `INTENT`).
   */
  possibleSegments: readonly number[];
  intentSegments: readonly number[];
  /** The segments of what is to come, told as news (`FUTURE`): the same claim as the intent of it, and as the fact. */
  futureSegments: readonly number[];
  /** The segments of a hope, an expectation, a fear or a warning (`HEDGE`): the same claim as any other mode. */
  hedgeSegments: readonly number[];
  /**
   * The name the claim opens with as its subject ("Washington has offered …", "Putin said Moscow is willing …" after the
   * attribution): its names' keys as `actorKeys` gives them, or null when the claim opens with no name followed by its
   * verb.
   */
  actor: readonly string[] | null;
  /** The segment (`segmentsOf`) the actor's name ends in, -1 without an actor. */
  actorSegment: number;
  /**
   * The last segment of the actor's predicates: its own segment, and the segments after it that go on with another
   * predicate of the same subject ("described the strike as reckless | and said it would …"); -1 with no actor.
   */
  actorSegmentEnd: number;
  /** The actor is a name after a title in lower case ("Board member Luisa Ferrer"): a person, who may act for an institution. */
  actorTitled: boolean;
  /**
   * The actor is a person: named with a role before the name, in lower case or capitalised ("Education Minister Paul
   * Adeyemi"), or by a name that opens with a known first name.
   */
  actorPerson: boolean;
  /** The predicates (indexes into `units`) written only as nouns derived from their verbs ("the Obama administration", "after the invasion"). */
  nominal: readonly number[];
  /**
   * The words that stand only in a title or description right before a name ("Democratic presidential nominee Hillary
   * Clinton", "police officer Betty Shelby"): who the named one is, not what the claim states (`inTitle`). Indexes into
   * `units`.
   */
  title: readonly number[];
  /**
   * The word units that stand only in a phrase of time before an event ("heading into the first debate", "hours
   * before the start"), and only after one ("after the first debate", "following the vote"): `timeSides`. Indexes into `units`.
   */
  before: readonly number[];
  after: readonly number[];
  /** Every name of the claim, lower case, with the country of a capital or seat among them (`SEATS`): where another claim's actor is looked for. */
  names: readonly string[];

  numbers: readonly ClaimNumber[];
}

/** The lemma key of a lower-case word: irregular form → base, an inflection → its base form, noun → its verb. */
export function lemmaKey(word: string): string {
  let k = KEYS.get(word);
  if (k !== undefined) return k;
  const t = tables();
  const compass = COMPASS.exec(word);
  const base = compass ? compass[1] : baseKey(t.irregular.get(word) ?? word);
  k = t.derived.get(base) ?? base;
  if (KEYS.size >= KEYS_MAX) KEYS.clear();
  KEYS.set(word, k);
  return k;
}
/**
 * Words' keys as found, up to `KEYS_MAX` words, then afresh. Kept beside the tables rather than in an
 * `AnalysisContext` memo (text/memo.ts): a key depends on the word and the constant tables alone, never on a
 * document, so no analysis has anything to clear in it, and it is bounded like the tables are fixed.
 */
const KEYS = new Map<string, string>();
const KEYS_MAX = 100_000;

/**
 * An adjective of a compass point reads as the point ("northern" → north, "southeastern" → southeast): "borders to the
 * north and east" and "its northern and eastern borders" name the same sides. (WordNet links no pertainym for them.)
 */
const COMPASS = /^((?:north|south)(?:east|west)?|east|west)ern(?:most)?$/;

/**
 * A word's base form, the same for each of its inflections: a verb form in -ing or -ed becomes the verb in common use
 * it spells ("taking" → take, "banned" → ban, "hoped" → hope, "denied" → deny), a plural its singular read the same
 * way ("bombings" → "bombing" → bomb), a word whose final "s" is no plural's stays whole ("news", "series"). A word
 * the tables do not know goes through the crude suffix stripper (`crudeKey`), the same for all its forms.
 */
function baseKey(w: string): string {
  const t = tables();
  const n = w.length;
  if (n <= 3 || t.sWords.has(w)) return w;
  if (w.charCodeAt(n - 1) === 115) { // 's'
    if (t.baseVerbs.has(w.slice(0, -1))) return w.slice(0, -1); // "criticizes", "aches"
    if (w.charCodeAt(n - 2) === 101 && t.baseVerbs.has(w.slice(0, -2))) return w.slice(0, -2); // "goes", "does", "watches"
    const s = stem(w);
    return s === w || s.length < 3 ? s : baseKey(s);
  }
  if (t.baseVerbs.has(w)) return w; // "exceed", "bring"
  if (n > 4 && w.endsWith('ing')) return verbOf(w.slice(0, -3)) ?? crudeKey(w);
  if (w.endsWith('ed')) {
    if (t.baseVerbs.has(w.slice(0, -1))) return w.slice(0, -1); // "hoped", "tied", "used"
    if (n > 4) return verbOf(w.slice(0, -2)) ?? crudeKey(w);
  }
  return crudeKey(w);
}

/** The verb a form spells once -ing or -ed is taken off (`s`): "bann" → ban, "tak" → take, "hop" (of "hoping") → hope. */
function verbOf(s: string): string | null {
  const verbs = tables().baseVerbs;
  const n = s.length;
  if (n < 2) return null;
  const last = s[n - 1];
  if (last === 'y' && verbs.has(s.slice(0, -1) + 'ie')) return s.slice(0, -1) + 'ie'; // "dy" (of "dying") → die
  if (last === s[n - 2] && !VOWEL.test(last) && !verbs.has(s) && verbs.has(s.slice(0, -1))) return s.slice(0, -1);
  // A consonant-vowel-consonant end would have its consonant doubled ("hopping"): undoubled, the verb ends in -e.
  if (verbs.has(s + 'e') && (!verbs.has(s) || CVC.test(s))) return s + 'e';
  if (verbs.has(s)) return s;
  if (last === 'i' && verbs.has(s.slice(0, -1) + 'y')) return s.slice(0, -1) + 'y'; // "deni" (of "denied") → deny
  return null;
}
const VOWEL = /[aeiou]/;
const CVC = /(?:^|[^aeiou])[aeiou][^aeiouwxy]$/;

/** Whether a lower-case word is a noun the tables derive from a verb ("administration" → administer), not a form of the verb itself. */
function isDerivedNoun(word: string): boolean {
  const t = tables();
  const base = baseKey(t.irregular.get(word) ?? word);
  return t.derived.has(base) && !t.baseVerbs.has(base);
}

/** Suffixes stripped the same way on both sides of a comparison (it need not be a real stemmer): words the tables do not know. */
function crudeKey(w: string): string {
  let k = stem(w);
  if (k.length > 3 && k.endsWith('i')) k = k.slice(0, -1) + 'y'; // denied → deni → deny
  if (k.length > 4 && k.endsWith('e')) k = k.slice(0, -1); // invade, invades, invading, invaded → invad
  return k;
}

const lines = (s: string) => s.split('\n').filter(Boolean).map(l => l.split(' '));

interface Tables {
  irregular: ReadonlyMap<string, string>;
  derived: ReadonlyMap<string, string>;
  /** Lemma key → the synonym sets it belongs to (as `~n` ids). */
  synonyms: ReadonlyMap<string, readonly string[]>;
  /** Lemma keys of words used mostly as verbs. */
  verbs: ReadonlySet<string>;
  /** "lemma(verb) lemma(particle)" → lemma of the one-word verb. */
  multiword: ReadonlyMap<string, string>;
  /** Verbs in common use: the base forms inflections are reduced to. */
  baseVerbs: ReadonlySet<string>;
  /** Words whose final "s" is no plural's. */
  sWords: ReadonlySet<string>;
}

let TABLES: Tables | null = null;

/** The word tables, read on first use (not at load: the worker starts faster). */
function tables(): Tables {
  if (TABLES) return TABLES;
  const irregular = new Map(lines(IRREGULAR).map(([form, base]) => [form, base]));
  const derived = new Map<string, string>();
  const t: Tables = { irregular, derived, synonyms: new Map(), verbs: new Set(), multiword: new Map(), baseVerbs: new Set(BASE_VERBS.split('\n')), sWords: new Set(S_WORDS.split('\n')) };
  TABLES = t;
  for (const [noun, verb] of lines(DERIVED)) {
    const k = baseKey(noun), v = baseKey(verb);
    if (k !== v && !derived.has(k)) derived.set(k, v);
  }
  // An adjective reads as the noun it pertains to ("presidential" → president), or as that noun's verb ("electoral" → elect).
  for (const [adj, noun] of lines(PERTAINYMS)) {
    const k = baseKey(adj), n = baseKey(noun), v = derived.get(n) ?? n;
    if (k !== v && !derived.has(k)) derived.set(k, v);
  }
  const synonyms = t.synonyms as Map<string, string[]>;
  lines(SYNONYMS).forEach(([, ...words], k) => {
    for (const w of words) {
      const key = lemmaKey(w);
      const list = synonyms.get(key);
      if (list) { if (!list.includes(`~${k}`)) list.push(`~${k}`); } else synonyms.set(key, [`~${k}`]);
    }
  });
  for (const w of VERBS.split('\n')) (t.verbs as Set<string>).add(lemmaKey(w));
  for (const [phrase, verb] of lines(MULTIWORD)) {
    const [v, p] = phrase.split('_');
    (t.multiword as Map<string, string>).set(`${lemmaKey(v)} ${lemmaKey(p)}`, lemmaKey(verb));
  }
  // Not WordNet's (its "sign off" ends a broadcast): news signs off on a loan or a merger to approve it, and "sign"
  // alone is another act of a law's (lexicon/opposites.ts `OTHER_ACTS`).
  (t.multiword as Map<string, string>).set(`${lemmaKey('sign')} ${lemmaKey('off')}`, lemmaKey('approve'));
  // A wound or an injury that killed is a killing ("fatally wounded" / "killed": two acts of harm otherwise).
  for (const harm of ['wound', 'injure']) (t.multiword as Map<string, string>).set(`${lemmaKey('fatally')} ${lemmaKey(harm)}`, lemmaKey('kill'));
  // A verdict in two words: "found guilty" is convicted (two acts of a case otherwise). (Not "cleared of": of wrongdoing
  // by a review board is no acquittal.)
  (t.multiword as Map<string, string>).set(`${lemmaKey('find')} ${lemmaKey('guilty')}`, lemmaKey('convict'));
  return t;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'nowhere', 't', 'cannot']);
/** Verbs saying an act was not done (`ClaimNorm.notDone`). */
const NOT_DONE = new Set(['avoid', 'avoids', 'avoided', 'avoiding', 'fail', 'fails', 'failed', 'failing', 'refuse', 'refuses', 'refused', 'refusing',
  'deny', 'denies', 'denied', 'denying', 'decline', 'declines', 'declined', 'declining', 'reject', 'rejects', 'rejected', 'rejecting', 'without',
  'stop', 'stops', 'stopped', 'stopping', 'unable', 'unarmed', 'unwilling', 'unaware']);
/** Verbs of denial, refusal or failure (`ClaimNorm.denialSegments`; all in `NOT_DONE`): alone, or with "to" after them ("declined 5 percent" fell). */
const DENIAL = new Set(['deny', 'denies', 'denied', 'denying', 'refuse', 'refuses', 'refused', 'refusing']);
const DENIAL_TO = new Set(['fail', 'fails', 'failed', 'failing', 'decline', 'declines', 'declined', 'declining']);
/** Words before a verb of denial that make it no denial of the claim's act: a preposition before a gerund (an adjunct: "for refusing"), "or" ("without admitting or denying"). */
const ADJUNCT_BEFORE = new Set(['for', 'after', 'before', 'by', 'of', 'despite', 'while', 'since', 'without', 'over', 'or', 'nor']);
/**
 * What a denial turns down when it is a ruling or an answer to a request, not a denial of an act ("denied Hale's request
 * for a new trial", "denied the motion", "was denied entry"): the act is the refusal itself, as "rejected the request".
 */
const PETITIONS = new Set(['request', 'requests', 'motion', 'motions', 'application', 'applications', 'appeal', 'appeals', 'bail', 'permission', 'entry', 'access', 'visa', 'visas', 'asylum', 'petition', 'petitions', 'bid', 'bids', 'offer', 'offers', 'proposal', 'proposals', 'demand', 'demands']);
/** Words that end the phrase a denial turns down before a petition comes: a clause's or a phrase's opening. */
const PAST_PETITION = new Set(['that', 'to', 'of', 'for', 'in', 'on', 'with', 'and', 'or', 'but', 'because', 'as', 'whether', 'any', 'having', 'being']);

/** Words after a petition that make it the subject of a clause the denial is of ("denied its offer had been rejected"). */
const CLAUSE_AFTER = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'should']);

/**
 * Whether a denial's word at `i` turns down a petition (`PETITIONS`) named within five words ("denied the ferry
 * company's request"), as the denial's object, not a clause's subject ("denied its offer had been rejected"). (Not
 * "refused to grant bail": "refused to accept the pay offer" / "accepted the pay offer" would then hold both senses
 * and oppose nothing.)
 */
function petitionAfter(raw: readonly string[], i: number): boolean {
  for (let k = i + 1, end = i + 6; k < end && k < raw.length; k++) {
    const lower = raw[k].toLowerCase();
    if (PETITIONS.has(lower)) {
      // ("denied its offer for the pier had been rejected": an auxiliary within four words makes it a clause.)
      for (let j = k + 1; j <= k + 4 && j < raw.length; j++) if (CLAUSE_AFTER.has(raw[j].toLowerCase())) return false;
      return true;
    }
    if (PAST_PETITION.has(lower)) return false;
  }
  return false;
}

/** What a refusal to speak is of ("declined to comment", "refused to say"): no denial of any act. */
const TO_SPEAK = new Set(['comment', 'say', 'discuss', 'elaborate', 'confirm', 'answer', 'respond', 'speculate', 'specify', 'identify', 'disclose', 'give', 'provide']);
/** … and the words that say it with the word after them: "has yet to release", "ruled out a run". */
const NOT_DONE_BEFORE: Readonly<Record<string, string>> = { yet: 'to', rule: 'out', rules: 'out', ruled: 'out', ruling: 'out' };
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * Relative time, and the ordinals that number an occasion among its kind ("the first debate", "the first of three
 * debates", "his second term"): which occasion, not what happened on it.
 */
const TIME_WORDS = new Set(['last', 'next', 'ago', 'today', 'yesterday', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'night',
  'day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'hour', 'hours', 'earlier', 'later', 'old', 'first', 'second', 'third']);

const NORMS = memoSlot<ClaimNorm>('claims.norms', 200_000);

/** A claim's normalised form, cached on what it depends on (text, entities, speaker, numbers). */
export function claimNorm(ctx: AnalysisContext, claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>): ClaimNorm {
  const key = `${claim.text}\u0000${claim.entities.join('\u0001')}\u0000${claim.speaker ?? ''}`;
  return ctx.get(NORMS).get(key, () => normalize(claim));
}

/**
 * A direct question: a question word or an inverted auxiliary opening a sentence (or a quotation) that ends in "?"
 * ("Why won't he release them?", "Did the council vote?"). It asks, it states nothing: its words are left out. A
 * question in statement order ("In the air?", a rhetorical echo) still says what it says.
 */
const QUESTION = /(?:^|[.!?;:]\s+|[“"‘]\s*)((?:why|how|what|who|whom|whose|which|when|where|do|does|did|is|are|was|were|can|could|will|would|should|shall|has|have|had|won['’]t|don['’]t|doesn['’]t|didn['’]t|isn['’]t|aren['’]t|wasn['’]t|can['’]t)\b[^.!?“”"]*\?)/gi;

/** The text with its direct questions blanked out (same length, so offsets hold). */
export function withoutQuestions(text: string): string {
  if (!text.includes('?')) return text;
  return text.replace(QUESTION, (m: string, q: string) => m.slice(0, m.length - q.length) + ' '.repeat(q.length));
}

/**
 * An obligation or a norm: a modal of obligation before a verb; or a demand ("demanding that police release department
 * video", "called for footage to be released", "urged"): what someone wants to be, not what is ("Tulsa police released
 * video …"). ("demands" alone may be a noun: "Russia's main demands".)
 */
const DEONTIC = /\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|had\s+to|demand(?:s|ed|ing)?\s+that|call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing))\b/i;

/**
 * A possibility: a modal of possibility before the verb ("could", "may", "might"; lower case: "May" is a month), negated
 * or not ("may not invade"), not "can" (what a drug can do is a finding) nor "must" or "should" (a court's "must pay"
 * is its order: `deontic` reads norms), and not right after a restrictive relative pronoun ("a bill that could require
 * …" states what the bill says; ", which could take years" is a possibility); a penalty one faces ("faces up to 20
 * years", as "could face up to 20 years"); talks and deliberation in progress ("is considering", "are in talks"); an
 * adverb of possibility ("perhaps", "possibly"). Not "will" or "would" (`FUTURE`), nor a hope or a warning (`HEDGE`).
 */
const POSSIBLE = new RegExp([
  String.raw`\b(?:could|may|might|couldn['’]t|mightn['’]t)(?<!\b(?:that|the|a|his|her|their|its)\s+[\w'’]+)(?<![^,\s]\s+(?:which|who|whom)\s+[\w'’]+)\b(?!\s+of\b)`,
  String.raw`\bfac(?:e|es|ing)\s+(?:up\s+to|a\s+maximum|as\s+(?:much|many)\s+as)\b`,
  String.raw`\b(?:is|are|was|were|be|been)\s+(?:now\s+|still\s+)?(?:considering|weighing|mulling|exploring|drafting|in\s+talks)\b`,
  String.raw`\b(?:[Pp]ossibl[ey]|[Pp]ossibilit(?:y|ies)|[Pp]erhaps|[Mm]aybe)\b`,
].join('|'));
/**
 * An intent: a verb of intent, plan or expectation before "to" and a verb ("plans to build", "is expected to approve",
 * "threatened to walk off", "vowed to appeal", "is proposing to shut"; not "any plans to": a noun; not "to the", "to
 * a"; a weekday may stand between: "threatened on Friday to strike").
 */
const INTENT = new RegExp(String.raw`\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|hop(?:e|es|ed|ing)|expect(?:s|ed|ing)?|aim(?:s|ed|ing)?|seek(?:s|ing)?|want(?:s|ed|ing)?|threaten(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|vow(?:s|ed|ing)?|likely|poised)(?<!\b(?:any|no|the|its|their|his|her|such|our|new|of)\s+\w+)(?:\s+on\s+\w+day)?\s+to\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your)\b)[a-z]`);

/**
 * What is to come, told as news ("will cut", "would begin returning", "is set to reopen", "is due to appear"): not a
 * prospect against a fact (`POSSIBLE`, `INTENT`), since news tells the future as fact and reported speech moves "will"
 * to "would"; but the same claim as the intent of it ("plans to cut 2,000 jobs" / "will cut 2,000 jobs", "is expected to make
 * landfall" / "will make landfall").
 */
const FUTURE = new RegExp([
  String.raw`\b(?:will|would|shall)\b(?!\s+of\b)|['’]ll\b`,
  String.raw`\b(?:going|set|due|scheduled|slated|forecast)\s+to\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your)\b)[a-z]`,
].join('|'));
/**
 * What is to come in the words of the report itself ("will parade", "is set to open"), not in reported speech, where
 * "would" is as often what was done ("units would begin returning" / "were returning"); and a time gone by ("last
 * May", "two years ago", "earlier this year", "yesterday"). A claim of the one and a claim of the other are two facts
 * (`pastAgainstFuture`): "The club paraded the trophy through the streets last May" / "The club will parade the trophy
 * through the streets on Monday".
 */
const WILL = /\b(?:will|shall)\b(?!\s+(?:of|to)\b)|['’]ll\b|\b(?:set|due|scheduled|slated)\s+to\s+[a-z]/;
const PAST_TIME = new RegExp(String.raw`\blast\s+(?:year|month|week|weekend|night|season|spring|summer|autumn|fall|winter|${[...MONTHS.split(' ').slice(0, 12), ...WEEKDAYS.split(' ')].join('|')})\b|\b(?:years?|months?|weeks?|days?|decades?)\s+ago\b|\bearlier\s+this\s+(?:year|month|week)\b|\byesterday\b`, 'i');
/**
 * A span of time gone by ("over the past twelve months", "in the last three years"): a time gone by against "next year"
 * (`timedApart`), not elsewhere, where it is as often a side clause's background ("closed for repairs over the past 18
 * months, reopens on Friday").
 */
const PAST_SPAN = /\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|several|few)\s+(?:days|weeks|months|years)\b/i;

/** A verb of saying or announcing right before a time gone by: the time the act was told, not the act's ("announced yesterday the closure"). */
const TOLD_AT = /\b(?:said|says|announced|told\s+\w+|confirmed|reported|stated|added|wrote|revealed|disclosed)\s+(?:on\s+)?$/i;

/** A comparison's base right before a time gone by ("from the same period last year", "than last year"): not the fact's time. */
const COMPARED_FROM = /\b(?:from|than|with|over|versus|on)\s+(?:the\s+same\s+\w+\s+)?$/i;

/** Whether a claim names a time gone by (`PAST_TIME`) that is neither the time it was told at (`TOLD_AT`) nor a comparison's base (`COMPARED_FROM`). */
export function pastTimed(text: string): boolean {
  const m = PAST_TIME.exec(text);
  if (m === null) return false;
  const before = text.slice(Math.max(0, m.index - 30), m.index);
  return !TOLD_AT.test(before) && !COMPARED_FROM.test(before);
}

/**
 * Whether one claim tells its act as to come (`WILL`) and has no time gone by, and the other names a time gone by
 * (`pastTimed`) or tells its act as done already ("will withdraw their guns by the end of the month" / "have already
 * withdrawn their guns"): the plan and the deed, two facts.
 */
export function pastAgainstFuture(future: string, past: string): boolean {
  return WILL.test(future) && (pastTimed(past) || (ALREADY.test(past) && !ALREADY.test(future))) && !PAST_TIME.test(future);
}
/** A mark of an act done by now. */
const ALREADY = /\balready\b/i;

/** Whether two lists both hold something and nothing in common (two sets of named days, months or dates). */
export function disjoint<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some(x => b.includes(x));
}

/**
 * Whether two claims' named days (`ClaimNorm.days`: weekdays and months, full names in lower case) are another day:
 * none shared, or disjoint weekdays, or disjoint months. A weekday shared does not reconcile two months ("reported on
 * Tuesday that Halm flew to Sarn in July" / "… in April"), nor a month two weekdays.
 */
export function redays(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false;
  return disjoint(a, b) || disjoint(a.filter(isWeekday), b.filter(isWeekday)) || disjoint(a.filter(isMonth), b.filter(isMonth));
}
const isWeekday = (d: string) => WEEKDAY_SET.has(d);
const isMonth = (d: string) => !WEEKDAY_SET.has(d);

/** A time to come named relative to now ("next month", "tomorrow", "later this year"). */
const FUTURE_TIME = new RegExp(String.raw`\bnext\s+(?:year|month|week|weekend|season|spring|summer|autumn|fall|winter|${WEEKDAYS.split(' ').join('|')})\b|\btomorrow\b|\blater\s+this\s+(?:year|month|week)\b`, 'i');
/** A verb's past in a claim: a word in lower case ending in "-ed", or an irregular past ("closed", "fired", "sold", "won"). */
function tellsPast(text: string): boolean {
  for (const w of wordsOf(text)) {
    if (!/^\p{Ll}/u.test(w)) continue;
    if (w.endsWith('ed') ? isVerbForm(w) : tables().irregular.has(w)) return true;
  }
  return false;
}

/** The weekdays and the months a claim names, each lower case, but for the time it was told at ("said on Monday"). */
function namedTimes(text: string): { weekdays: string[]; months: string[] } {
  const weekdays: string[] = [], months: string[] = [];
  NAMED_TIME.lastIndex = 0;
  for (let m; (m = NAMED_TIME.exec(text));) {
    if (TOLD_AT.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const word = m[0].toLowerCase();
    (WEEKDAY_SET.has(word) ? weekdays : months).push(MONTH_OF[word] ?? word);
  }
  return { weekdays, months };
}
const NAMED_TIME = new RegExp(String.raw`\b(?:${[...WEEKDAYS.split(' '), ...MONTHS.split(' ')].join('|')})\b`, 'g');
const WEEKDAY_SET = new Set(WEEKDAYS.toLowerCase().split(' '));
/** A month's abbreviation → its name, lower case ("sept" → "september"). */
const MONTH_OF: Record<string, string> = Object.fromEntries(MONTHS.toLowerCase().split(' ').slice(12).map(abbr => [abbr, MONTHS.toLowerCase().split(' ').slice(0, 12).find(m => m.startsWith(abbr))!]));

/**
 * Whether a claim of what will be (`WILL`) and a claim told in the past name two times that cannot be one: two
 * disjoint sets of years, of months or of weekdays; a time to come relative to now against a time gone by ("next
 * month" / "last week"); a month or weekday with no year to come against a past dated in a year ("will close its
 * maternity unit on September 30" / "closed its pediatric unit in 2022"). The plan and a thing done before it: two
 * facts. Times of two kinds otherwise say nothing ("will close on September 30" / "closed on Friday" may be one day),
 * nor does the time a thing was told at ("said on Monday it will close"); the same time on both sides is one event
 * told before and after ("will vote on Tuesday" / "voted on Tuesday").
 */
export function timedApart(future: ClaimNorm, futureText: string, past: ClaimNorm, pastText: string): boolean {
  if (!WILL.test(futureText) || WILL.test(pastText) || !tellsPast(pastText)) return false;
  const disjointYears = (a: readonly number[], b: readonly number[]) => {
    for (let i = 0; i < a.length; i += 2) for (let j = 0; j < b.length; j += 2) if (a[i] <= b[j + 1] && b[j] <= a[i + 1]) return false;
    return true;
  };
  const f = namedTimes(futureText), p = namedTimes(pastText);
  const fy = future.years, py = past.years;
  if (fy.length && py.length) return disjointYears(fy, py);
  if (disjoint(f.months, p.months) || disjoint(f.weekdays, p.weekdays)) return true;
  if (FUTURE_TIME.test(futureText) && (pastTimed(pastText) || PAST_SPAN.test(pastText))) return true;
  return !fy.length && (f.months.length > 0 || f.weekdays.length > 0) && py.length > 0 && !p.months.length && !p.weekdays.length;
}

/**
 * A hope, an expectation, a fear or a warning ("raising hopes that the Kremlin is not preparing …", "warned that the
 * river had burst its banks"): what it is of may be to come, may be possible, or may have happened; the same claim as
 * any of these.
 */
const HEDGE = /\b(?:hope[sd]?|hoping|expectations?|expect(?:s|ed|ing)?|fears?|feared|fearing|warn(?:s|ed|ing)?|warnings?)\b/;

/**
 * The segment (`segmentOf`, by word) of every mark (`marks`, and `all` its global twin: `POSSIBLE`, `INTENT`,
 * `FUTURE`, `HEDGE`) in a claim's text; every segment for an adverb of possibility opening the claim; the next segment
 * too when the mark is a modal that ends its own ("Perhaps I can, by speaking plainly to farmers, explain …": the verb comes
 * after an aside); and the segment before, as long as its own opens with "and" or "or" (a subject of two names: "the
 * rail link between Vell and Aarby may have to be cancelled"), no verb before the prospect in it.
 */
function markedSegments(text: string, raw: readonly string[], info: readonly WordInfo[], segmentOf: readonly number[], marks: RegExp, all: RegExp): readonly number[] {
  if (!marks.test(text) || !segmentOf.length) return NO;
  const at: number[] = [];
  const last = segmentOf.length - 1;
  for (const m of text.matchAll(all)) {
    const first = Math.min(last, wordsBefore(text, m.index));
    const end = Math.min(last, Math.max(first, wordsBefore(text, m.index + m[0].length) - 1));
    at.push(segmentOf[first]);
    // (An adverb of possibility opening the claim is the whole claim's: "Perhaps I can, by speaking plainly …, explain".)
    if (first === 0 && SENTENCE_ADVERB.test(m[0])) for (let k = 1; k <= segmentOf[last]; k++) at.push(k);
    if (end < last && segmentOf[end + 1] !== segmentOf[end] && MODAL_ALONE.test(m[0])) at.push(segmentOf[end + 1]);
    // (Not for a verb of hope, intent or warning: it is its clause's own verb, "… and economists expect it to keep falling".)
    for (let k = first; MODAL.test(m[0]) && k > 0;) {
      let start = k;
      while (start > 0 && segmentOf[start - 1] === segmentOf[k]) start--;
      if (start === 0 || !/^(?:and|or)$/i.test(raw[start])) break;
      // (Two verbs joined, "… and offered some hope that war could be averted", are two clauses: only a verbless run.)
      let verbless = true;
      for (let w = start + 1; w < k; w++) if (info[w].verb) verbless = false;
      if (!verbless) break;
      k = start - 1;
      at.push(segmentOf[k]);
    }
  }
  return at;
}
/** How many words (as `wordsAndSegments` reads them) start before `end`, none made. */
function wordsBefore(text: string, end: number): number {
  let n = 0;
  const at = WORDS_AT;
  for (let s = nextWord(text, 0, end, at, DIGIT_GROUPS); s >= 0; s = nextWord(text, at.end, end, at, DIGIT_GROUPS)) n++;
  return n;
}
const WORDS_AT: WordEnd = { end: 0, dotted: false };
const POSSIBLES = new RegExp(POSSIBLE.source, 'g');
const INTENTS = new RegExp(INTENT.source, 'g');
const FUTURES = new RegExp(FUTURE.source, 'g');
const HEDGES = new RegExp(HEDGE.source, 'g');
const SENTENCE_ADVERB = /^(?:perhaps|maybe|possibly)$/i;
/** A mark that is a modal (`POSSIBLE`'s first part, `FUTURE`'s). */
const MODAL = /^(?:could|may|might|couldn['’]t|mightn['’]t|will|would|shall)$/i;
/** A modal with no verb after it in the mark's words (a verb of intent takes its own: "vowed to sue"). */
const MODAL_ALONE = /^(?:could|may|might|will|would)$/;

/**
 * A year something is dated in: after a word of time ("in 2019", "since 2009", "through 2027", "early 2020", "March
 * 2018") or "the" ("the 2021 murder", "the 2016 election"), not a decade ("the 1990s"), nor a figure of money or of
 * people ("the 2000 dollars"); a span of years ("from 2009 to 2013", "2009-13", "between 2009 and 2013") counts as
 * every year in it ("2023/24", a fiscal year, too), and "since 2009", "until 2020" every year after or before. Not a
 * year that dates something else than the claim's fact: "born in 1950", "founded in 1998", "the Civil Rights Act of
 * 1964". (Group 1: the word before; group 2: the year; group 3: the last of a span, two or four digits.)
 */
const YEAR = new RegExp(String.raw`(?<!\b(?:born|founded|established|opened|built|formed|incorporated|launched|Act)\s+)\b(since|after|until|till|by|before|in|through|from|during|of|early|late|mid-?|the|his|her|its|their|a|an|between|January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter)\s+(1[89]\d\d|20\d\d)(?:\s*(?:-|–|\/|to|and|through|until)\s*((?:1[89]|20)?\d\d))?(?![\w-]|\s+(?:dollars|euros|pounds|people|troops|jobs|votes|workers|residents|soldiers|members|students|homes|acres|miles)\b)`, 'gi');

const OPEN_YEAR = 9999;
const COUNT_AFTER_DETERMINER = new Set(['the', 'its', 'their', 'his', 'her', 'of', 'a', 'an']);
const COUNTED_STAFF = /^\s+(?:staff|employees|patients|pupils|cases|vehicles|shares)\b/i;
/** The years a claim dates something in (`YEAR`), as spans [from, to] flattened; empty when none. */
export function yearsOf(text: string): readonly number[] {
  if (!/\d{4}/.test(text)) return NO;
  let out: number[] | null = null;
  for (const m of text.matchAll(YEAR)) {
    const year = Number(m[2]), word = m[1].toLowerCase();
    // A count after a determiner or a possessive ("1,800 of its 2000 staff"), not a year ("in 2020 patients waited").
    if (COUNT_AFTER_DETERMINER.has(word) && COUNTED_STAFF.test(text.slice(m.index! + m[0].length))) continue;
    let from = year, to = year;
    if (m[3]) { to = m[3].length === 2 ? Math.floor(year / 100) * 100 + Number(m[3]) : Number(m[3]); if (to < year) to = year; }
    // "since 2009" runs on to now; "until 2020", "by 2020" from any time before.
    else if (word === 'since' || word === 'after') to = OPEN_YEAR;
    else if (word === 'until' || word === 'till' || word === 'by' || word === 'before') from = 0;
    (out ??= []).push(from, to);
  }
  return out ?? NO;
}

/** A time of day with its half of the day ("2 p.m.", "6:30am", "11.15 pm"), or noon or midnight. */
const CLOCK = /\b(?:(\d{1,2})(?:[:.]([0-5]\d))?\s*([ap])\.?m\b\.?|(noon|midday|midnight))/gi;
/** The times of day a claim names (`CLOCK`), in minutes after midnight; empty when none. */
export function clockOf(text: string): readonly number[] {
  if (!/\d\s*[ap]\.?m\b|\bnoon\b|\bmidday\b|\bmidnight\b/i.test(text)) return NO;
  let out: number[] | null = null;
  // (A span between two times, or a time with its zone, is no one time to compare: "between 11 p.m. and 3 a.m.",
  // "3 p.m. GMT" / "10 a.m. Eastern".)
  if (CLOCK_SPAN.test(text)) return NO;
  for (const m of text.matchAll(CLOCK)) {
    if (toldAt(text, m.index) || CLOCK_ZONE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (m[4]) { (out ??= []).push(m[4].toLowerCase() === 'midnight' ? 0 : 720); continue; }
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) continue;
    (out ??= []).push(((hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0)) * 60 + (m[2] ? Number(m[2]) : 0));
  }
  return out ?? NO;
}
const MONTH_NAMES = MONTHS.split(' ');
const MONTH_WORD = MONTH_NAMES.join('|');
/** A day of a month: "July 12", "Sept. 30th", "12 July", "the 4th of May" (group 1 or 4: the month; 2 or 3: the day). */
const DATE = new RegExp(String.raw`\b(${MONTH_WORD})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d|:)|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_WORD})\b`, 'g');
/** The first letters every month's name and abbreviation open with: the cheap test before `DATE`. */
const MONTH_START = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
/** Days of a month as a span's ends, or a span's bound. */
const DATE_SPAN = new RegExp(String.raw`\b(?:${MONTH_WORD})\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to|and|through|until)\s*(?:(?:${MONTH_WORD})\.?\s+)?\d{1,2}\b|\b(?:between|from|until|till|through|since|by)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:${MONTH_WORD})\b|\b\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_WORD})\b`);
/** The days of a month a claim names (`DATE`), as month (1-12) × 100 + day; empty when none. */
export function datesOf(text: string): readonly number[] {
  if (!/\d/.test(text) || !MONTH_START.test(text)) return NO;
  // (Days that bound a span are no one day to compare: "July 12-21", "between March 3 and March 6", "until July 21".)
  if (DATE_SPAN.test(text)) return NO;
  let out: number[] | null = null;
  for (const m of text.matchAll(DATE)) {
    if (toldAt(text, m.index)) continue;
    const name = m[1] ?? m[4], day = Number(m[2] ?? m[3]);
    if (day < 1 || day > 31) continue;
    const k = MONTH_NAMES.indexOf(name);
    // (The abbreviations follow the twelve names: "Sept" is the ninth month.)
    const month = k < 12 ? k + 1 : MONTH_NAMES.slice(0, 12).findIndex(full => full.startsWith(name.slice(0, 3))) + 1;
    (out ??= []).push(month * 100 + day);
  }
  return out ?? NO;
}

/** Two times of day as the ends of one span. */
const CLOCK_SPAN = /\b(?:between|from)\s+(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:and|to|until|till|-|–)\s*\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b|\d\s*[ap]\.?m\.?\s*(?:-|–|to|until)\s*\d/i;
/** A time zone after a time of day. */
const CLOCK_ZONE = /^\s*\(?(?:GMT|UTC|BST|CET|[ECMP][SD]?T|Eastern|Central|Mountain|Pacific|local)\b/;
/** Whether what is named at `at` is the time a thing was told at ("said on Sept. 2 that", "said at a 4 p.m. news conference"). */
function toldAt(text: string, at: number): boolean {
  return TOLD_TIME.test(text.slice(Math.max(0, at - 40), at));
}
const TOLD_TIME = /\b(?:said|says|announced|told\s+\w+|confirmed|reported|stated|added|wrote|revealed|disclosed|statement|conference|briefing|interview)\s+(?:on\s+|at\s+(?:an?\s+)?|late\s+|early\s+)?$/i;

/** Two times of day within this many minutes are one time told roughly ("about 2 p.m." / "shortly before 2 p.m."). */
export const CLOCK_SLACK = 60;

/** A clause that trails a claim's statement (`normalizing`: its negations count for nothing of the claim). */
const TRAILING = /,\s+(?:\w+ing|which|who|as|when|after)\b|,\s+(?:[\w’']+\s+){0,3}(?:said|says|told|added)\b/gi;

/**
 * The index of the first word of the first clause that trails the statement (`TRAILING`), among the words from `from`
 * on (the word after an opening attribution, `attributionCut`); `count`, the text's number of words, when none.
 */
function trailingClause(text: string, from: number, count: number): number {
  TRAILING.lastIndex = 0;
  for (let m = TRAILING.exec(text); m; m = TRAILING.exec(text)) {
    const at = wordsOf(text, 0, m.index, { digitGroups: true }).length;
    if (at >= from) return at;
  }
  return count;
}

/** A supposition: the clause opens with "if" or "unless" (after a connector). */
const CONDITIONAL = /^\W*(?:(?:and|but|so|yet|or)\s+)?(?:if|unless)\b/i;

/** `claimNorm` without the memo (for a caller that keeps the forms it made itself). */
export function normalize(claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>): ClaimNorm {
  return normalizing(claim, null);
}

/**
 * `normalize`, and each unit's number (`unitNumber`; -1 for a unit of its own, made for this claim): a caller that
 * works something out per unit can keep it by number, without looking the unit up (links.ts).
 */
export function normalizeNumbered(claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>): { norm: ClaimNorm; numbers: number[] } {
  const numbers: number[] = [];
  return { norm: normalizing(claim, numbers), numbers };
}

/**
 * `normalizeNumbered`'s units and their numbers alone (the same arrays, in the same order): what a claim is filed
 * under (links.ts, the first pass over every claim of the corpus). Nothing else of the form is worked out: its segments,
 * predicates, negations, actor and names, which only a comparison reads (at 10,000 generated articles, 309,782 forms
 * filed and 10,363 compared).
 */
export function normalizeUnits(claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>): { units: readonly (readonly string[])[]; numbers: number[] } {
  const numbers: number[] = [];
  return { units: unitsOnly(claim, numbers), numbers };
}

/**
 * `normalizing(claim, numbers, false)`'s units (its numbers pushed into `numbers`), by the same rules in the same order,
 * with nothing else worked out: no segments (the gaps between words are not read), no per-unit flags, and the words,
 * their keys and the units' index in scratch space reused from claim to claim. The CLI files every claim of the corpus
 * through it (at 10,000 generated articles, 309,782 forms): the arrays `normalizing` makes per claim and throws away
 * were much of the claim linker's garbage. test/unit/claim-units.test.ts checks it against the full form.
 */
function unitsOnly(claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>, numbers: number[]): (readonly string[])[] {
  const text = withoutQuestions(claim.text);
  // (The scratch arrays are written from 0 with counts of their own, never emptied: an array set to length 0 gives up
  // its store, and each claim then grew new ones, push by push.)
  const info = UNITS_SCRATCH.info, keys = UNITS_SCRATCH.keys, at = UNITS_SCRATCH.at;
  let n = 0;
  for (let s = nextWord(text, 0, text.length, at, DIGIT_GROUPS); s >= 0; s = nextWord(text, at.end, text.length, at, DIGIT_GROUPS)) info[n++] = WORDS.wordAt(text, s, at.end);
  const from = claim.speaker ? attributionCut(text, info, n) : 0;
  const frame = UNTOLD_CUE.test(text) ? untoldFrame(info.slice(0, n).map(w => w.word)) : NONE;
  for (let i = 0; i < n; i++) {
    const w = info[i];
    if (i < from || frame.has(i) || w.kind !== 0) { keys[i] = null; continue; }
    const name = w.upper && (i > 0 || !w.lowerWord || isNameWord(w.word, claim.entities));
    keys[i] = name ? null : w.key;
  }
  const units: (readonly string[])[] = [];
  const met = UNITS_SCRATCH.met;
  met.count = 0;
  for (let i = 0; i < n; i++) {
    let k = keys[i];
    if (!k) continue;
    const next = i + 1 < n ? info[i + 1].lemma : '';
    const multi = next ? info[i].multiNext?.get(next) : undefined;
    if (multi) { k = multi; i++; }
    if (metBefore(met, k)) continue;
    units.push(multi ? unitFor(k) : wordUnit(info[i]));
    numbers.push(multi ? -1 : info[i].unitNumber);
  }
  for (const num of claim.numbers) {
    if (!num.unit) continue;
    const k = `#${num.value} ${lemmaKey(measureUnit(num.unit))}`;
    if (!metBefore(met, k)) { units.push([k]); numbers.push(-1); }
  }
  for (const name of claim.entities) {
    if (name === claim.speaker) continue;
    const named = nameUnit(name), k = named.unit[0];
    if (!metBefore(met, k)) { units.push(named.unit); numbers.push(named.number); }
  }
  return units;
}

/**
 * Whether a unit of key `k` is in already (`met.keys[0, count)`, and `met.more` past `MET_SCAN`); if not, it is now. A
 * claim's few keys are looked through: a set emptied per claim made a new table each time, and hashed every key.
 */
function metBefore(met: MetKeys, k: string): boolean {
  const keys = met.keys, n = Math.min(met.count, MET_SCAN);
  for (let x = 0; x < n; x++) if (keys[x] === k) return true;
  if (met.count < MET_SCAN) { keys[met.count++] = k; return false; }
  if (met.count === MET_SCAN) met.more.clear();
  else if (met.more.has(k)) return true;
  met.more.add(k);
  met.count++;
  return false;
}
/** Keys looked through one by one before a set takes the rest (a claim of many words: no square of them). */
const MET_SCAN = 32;
interface MetKeys { keys: string[]; count: number; more: Set<string> }

/**
 * Where a claim with a speaker starts once its attribution is left out (the words before an early verb of saying:
 * "Russia's foreign minister said …"), 0 when none: the word after the first verb of saying, when it is among the
 * first nine words and before any quotation ("“…,” she said" keeps the words it quotes). `info`: the text's words.
 */
function attributionCut(text: string, info: readonly WordInfo[], count = info.length): number {
  // (The first verb of saying cuts only among the first nine words: a later one cuts nothing, so only those are read.)
  let cue = -1;
  for (let i = 0; i < count && i <= 8 && cue < 0; i++) if (SAYING_VERBS.has(info[i].lower)) cue = i;
  if (cue < 0) return 0;
  const quoteAt = text.search(/[“"]/);
  const beforeQuote = quoteAt < 0 ? count : wordsOf(text, 0, quoteAt, { digitGroups: true }).length;
  return cue < beforeQuote ? cue + 1 : 0;
}

/** `unitsOnly`'s scratch space: its words, their keys (null: none) and the units' keys met, overwritten at each call. */
const UNITS_SCRATCH = { info: [] as WordInfo[], keys: [] as (string | null)[], met: { keys: [], count: 0, more: new Set() } as MetKeys, at: { end: 0, dotted: false } as WordEnd };

/**
 * `list`, or the shared empty list when it is empty: most of a form's lists are (of 7,361 claims of generated
 * articles, 81 to 100% of each list but the units, segments, predicates and names), and the extension's claim index
 * keeps a form for every claim of the workspace.
 */
function orNo<T>(list: readonly T[]): readonly T[] {
  return list.length ? list : NO;
}

/** The empty lists of a form made by `normalizeUnits` (read by nothing: one frozen list, not seven per claim). */
const NO: never[] = Object.freeze([]) as unknown as never[];

/**
 * `normalize`, the units' numbers pushed into `numbers` when given. `full` false: the units alone are right (the
 * form's other fields are left empty; `normalizeUnits`).
 */
function normalizing(claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>, numbers: number[] | null, full = true): ClaimNorm {
  const units: (readonly string[])[] = [];
  const predicates: number[] = [];
  const segments: number[] = [];
  /** Per unit: whether each of its occurrences stands in a prepositional phrase. */
  const phrase: boolean[] = [];
  /** Per unit: whether each of its occurrences is a noun derived from a verb. */
  const noun: boolean[] = [];
  /** Per unit: whether each of its occurrences stands in a title before a name (`inTitle`). */
  const titled: boolean[] = [];
  /** Per unit: the side of an event its occurrences stand on (`timeSides`: -1 before, 1 after, 0 neither or both). */
  const side: number[] = [];
  /** Each unit's key → its index (the words', the numbers' and the names'). */
  const unitOf = new Map<string, number>();
  /** Per unit: whether its key is a verb's (`Tables.verbs`). */
  const verb: boolean[] = [];
  let negation = 0;
  const negatedSegments: number[] = [];
  let notDone = false;
  const denialSegments: number[] = [];
  const days: string[] = [];
  const text = withoutQuestions(claim.text);
  // (The words and their segments in one reading of the text.)
  const { raw, info, segments: wordSegments } = wordsAndSegments(text);
  const segmentOf = full ? asideLast(text, wordSegments) : wordSegments;
  const from = claim.speaker ? attributionCut(text, info) : 0;
  // Negations count outside trailing participial, relative or attribution clauses only: "…, raising hopes it may not …",
  // "…, officials said nothing" negate nothing of the claim. An attribution the claim opens with is none: what follows
  // it is the claim ("Smith's lawyer, Jane Roe, said that her client would not appeal").
  const head = full ? trailingClause(text, from, raw.length) : raw.length;
  const keys: (string | null)[] = [];
  const when = full ? timeSides(info, segmentOf) : null;
  const frame = UNTOLD_CUE.test(text) ? untoldFrame(raw) : NONE;
  raw.forEach((word, i) => {
    const w = info[i], lower = w.lower;
    if (i < from || frame.has(i)) { keys.push(null); return; }
    if (w.kind === NEGATION) { if (i < head) negation ^= 1; negatedSegments.push(segmentOf[i]); keys.push(null); return; }
    if (i < head && (NOT_DONE.has(lower) || (NOT_DONE_BEFORE[lower] !== undefined && raw[i + 1]?.toLowerCase() === NOT_DONE_BEFORE[lower]))) {
      notDone = true;
      // (A denial is a word of these. Not a gerund after a preposition: "held in contempt for refusing to testify" says
      // why, and that it was done.)
      if ((DENIAL.has(lower) || (DENIAL_TO.has(lower) && raw[i + 1]?.toLowerCase() === 'to') || NOT_DONE_BEFORE[lower] !== undefined) && !ADJUNCT_BEFORE.has(info[i - 1]?.lower ?? '') && !(raw[i + 1]?.toLowerCase() === 'to' && TO_SPEAK.has(raw[i + 2]?.toLowerCase() ?? '')) && !(DENIAL.has(lower) && petitionAfter(raw, i))) denialSegments.push(segmentOf[i]);
    }
    if (w.kind === DAY) { days.push(lower); keys.push(null); return; }
    // Relative time ("last week", "on Tuesday afternoon", "a 40-year-old") and an occasion's ordinal ("during Monday's
    // first debate"): when, not what; two reports of different facts of one week or one debate share it by chance
    // ("Jill Stein was escorted off … hours before the start of the first debate" / "Trump has complimented the moderator
    // of Monday night's first debate"), and weekdays and months are checked for consistency instead.
    if (w.kind === TIME) { keys.push(null); return; }
    // Names go through the entity layer (a capitalised word inside the text, or a word of a name); stop words and verbs of saying carry nothing.
    // (A word of the names is looked for only where it decides: the claim's first word, capitalised, a lower-case word too.)
    const name = w.upper && (i > 0 || !w.lowerWord || isNameWord(word, claim.entities));
    if (name || w.kind === STOP) { keys.push(null); return; }
    keys.push(w.key);
  });
  for (let i = 0; i < keys.length; i++) {
    let k = keys[i];
    if (!k) continue;
    // A two-word verb: "pulled back" → withdraw, "taking part" → participate. (`keys[i]` is `info[i].key`.)
    const next = i + 1 < raw.length ? info[i + 1].lemma : '';
    const multi = next ? info[i].multiNext?.get(next) : undefined;
    const at = segmentOf[i];
    const inPp = full && inPhraseOf(info, i);
    if (multi) { k = multi; i++; }
    // A noun derived from a verb ("administration", "invasion"), not the verb's own form: the unit is a predicate, but
    // named so only as a noun, until a verb form of it occurs.
    const derivedNoun = !multi && info[i].derivedNoun;
    const inT = full && !multi && claim.entities.length > 0 && inTitle(raw, info, segmentOf, i, claim.entities);
    const u = unitOf.get(k);
    const time = when ? when[i] : 0;
    if (u !== undefined) { if (!inPp) phrase[u] = false; if (!derivedNoun) noun[u] = false; if (!inT) titled[u] = false; if (side[u] !== time) side[u] = 0; continue; }
    unitOf.set(k, units.length);
    side.push(time);
    phrase.push(inPp);
    noun.push(derivedNoun);
    titled.push(inT);
    // (A word's unit, one array for every claim holding it: read only.)
    units.push(multi ? unitFor(k) : wordUnit(info[i]));
    numbers?.push(multi ? -1 : info[i].unitNumber);
    verb.push(multi ? tables().verbs.has(k) : info[i].verb);
    segments.push(at);
  }
  // A number with the thing it counts is one key of its own ("130000 troop"): the numeric fact itself.
  for (const n of claim.numbers) {
    if (!n.unit) continue;
    const k = `#${n.value} ${lemmaKey(measureUnit(n.unit))}`;
    if (!unitOf.has(k)) { unitOf.set(k, units.length); units.push([k]); segments.push(-1); numbers?.push(-1); }
  }
  for (const name of claim.entities) {
    if (name === claim.speaker) continue;
    const named = nameUnit(name), k = named.unit[0];
    if (!unitOf.has(k)) { unitOf.set(k, units.length); units.push(named.unit); segments.push(full ? nameSegment(name, raw, segmentOf) : -1); numbers?.push(named.number); }
  }
  if (!full) return { units, predicates: NO, phrasal: NO, segments: NO, negation: 0, negatedSegments: NO, notDone: false, denialSegments: NO, days: NO, years: NO, clock: NO, dates: NO, conditional: false, deontic: false, possibleSegments: NO, intentSegments: NO, futureSegments: NO, hedgeSegments: NO, numbers: claim.numbers, actor: null, actorSegment: -1, actorSegmentEnd: -1, actorTitled: false, actorPerson: false, names: NO, nominal: NO, title: NO, before: NO, after: NO };
  const title: number[] = [];
  for (let u = 0; u < titled.length; u++) if (titled[u]) title.push(u);
  const before: number[] = [], after: number[] = [];
  for (let u = 0; u < side.length; u++) if (side[u] < 0) before.push(u); else if (side[u] > 0) after.push(u);
  // (The word units only: `phrase` and `verb` hold one entry each.)
  const phrasal: number[] = [];
  for (let u = 0; u < phrase.length; u++) if (verb[u]) (phrase[u] ? phrasal : predicates).push(u);
  const nominal = predicates.filter(u => noun[u]);
  const names: string[] = [];
  for (const e of claim.entities) {
    const named = nameUnit(e);
    names.push(named.lower);
    if (named.seat) names.push(named.seat);
  }
  const found = actorOf(raw, from, claim.entities, segmentOf);
  const actor = found ? found.keys : null, actorSegment = found ? segmentOf[found.at] : -1, actorTitled = found?.titled ?? false, actorPerson = found?.person ?? false;
  // (From the verb's segment: a clause set off between the name and its verb is the actor's too.)
  const actorSegmentEnd = found ? predicatesGoOn(raw, segmentOf, found.verb) : -1;
  return { units, predicates: orNo(predicates), phrasal: orNo(phrasal), segments, negation, negatedSegments: orNo(negatedSegments), notDone, denialSegments: orNo(denialSegments), days: orNo(days), years: orNo(yearsOf(text)), clock: orNo(clockOf(text)), dates: orNo(datesOf(text)), conditional: CONDITIONAL.test(claim.text), deontic: DEONTIC.test(text), possibleSegments: orNo(markedSegments(text, raw, info, segmentOf, POSSIBLE, POSSIBLES)), intentSegments: orNo(markedSegments(text, raw, info, segmentOf, INTENT, INTENTS)), futureSegments: orNo(markedSegments(text, raw, info, segmentOf, FUTURE, FUTURES)), hedgeSegments: orNo(markedSegments(text, raw, info, segmentOf, HEDGE, HEDGES)), numbers: claim.numbers, actor, actorSegment, actorSegmentEnd, actorTitled, actorPerson, names: orNo(names), nominal: orNo(nominal), title: orNo(title), before: orNo(before), after: orNo(after) };
}

/** Prepositions that put a party to the act before a name: who it came from, who did it, whom it was for, against or with. */
const PARTY_SLOTS = /\b(from|by|for|against|with)\s+(?:the\s+)?$/i;

/**
 * The names of a claim (not its speaker's) that stand right after a preposition of a party (`PARTY_SLOTS`: "an offer
 * from Kestrel City", "was fined by the Football Association"), as pairs flattened: the preposition, then the name in
 * lower case.
 */
export function partiesOf(text: string, names: readonly string[], speaker: string | null): readonly string[] {
  let out: string[] | null = null;
  for (const name of names) {
    if (name === speaker) continue;
    const at = text.indexOf(name);
    // (A possessive names the owner of the party, not the party: "a call with Varnia's president".)
    if (at < 0 || /^['’]s\b/.test(text.slice(at + name.length, at + name.length + 3))) continue;
    const slot = PARTY_SLOTS.exec(text.slice(Math.max(0, at - 12), at));
    if (slot) (out ??= []).push(slot[1].toLowerCase(), name.toLowerCase());
  }
  return out ?? NO;
}

/**
 * Whether two claims name two different parties in the same slot ("an offer for Vrell from Kestrel City" / "an offer for
 * Vrell from Castlegate United"): each has a name after the same preposition of `PARTY_SLOTS` that the other claim does
 * not hold, not even a word of it (a word's first five letters: "the Greens" / "the Green Party"). Two facts.
 */
export function otherParties(a: ClaimNorm, aText: string, aParties: readonly string[], b: ClaimNorm, bText: string, bParties: readonly string[]): boolean {
  if (!aParties.length || !bParties.length) return false;
  for (let i = 0; i < aParties.length; i += 2) {
    if (held(aParties[i + 1], bText, b.names)) continue;
    for (let j = 0; j < bParties.length; j += 2) if (bParties[j] === aParties[i] && !held(bParties[j + 1], aText, a.names)) return true;
  }
  return false;
}

/**
 * Whether a word of a name (lower case), or its first five letters, is a word of `text`; or the country a capital or a
 * seat of government stands for (`SEATS`: "Moscow", "the Kremlin") is, or is one of the other claim's `names`.
 */
function held(name: string, text: string, names: readonly string[]): boolean {
  const words = wordsOf(text.toLowerCase());
  const seat = SEATS.get(name);
  if (seat && (names.includes(seat) || words.includes(seat))) return true;
  if (names.some(n => SEATS.get(n) === name)) return true;
  return name.split(/\s+/).some(w => w.length >= 3 && words.some(x => x === w || (w.length >= 5 && x.length >= 5 && x.slice(0, 5) === w.slice(0, 5))));
}

/** Words that open a phrase of time before an event, and after one ("into" only after "heading": `timeSides`). */
const BEFORE_CUES = new Set(['before', 'ahead', 'prior', 'until']);
const AFTER_CUES = new Set(['after', 'following', 'since']);
const HEADING = new Set(['heading', 'head', 'heads', 'headed', 'going']);
/** How many words after its cue a phrase of time holds at most. */
const TIME_SPAN = 4;

/**
 * Per word, the side of an event it stands on: -1 in a phrase of time before one ("hours before the start of the
 * first debate", "heading into their first debate"), 1 after one ("after the first presidential debate"), else 0; a
 * phrase holds the `TIME_SPAN` words after its cue, within the cue's segment.
 */
function timeSides(info: readonly WordInfo[], segmentOf: readonly number[]): Int8Array | null {
  let out: Int8Array | null = null;
  for (let i = 0; i < info.length; i++) {
    const lower = info[i].lower;
    const cue = BEFORE_CUES.has(lower) || (lower === 'into' && i > 0 && HEADING.has(info[i - 1].lower)) ? -1 : AFTER_CUES.has(lower) ? 1 : 0;
    if (!cue) continue;
    out ??= new Int8Array(info.length);
    for (let j = i + 1; j < info.length && j <= i + TIME_SPAN && segmentOf[j] === segmentOf[i]; j++) out[j] = cue;
  }
  return out;
}

/** How far before a name a title's word may stand (its words between). */
const TITLE_SPAN = 3;

/**
 * Whether word `i` stands in a title or description before a name: a content word, no verb and no verb's form, followed
 * within `TITLE_SPAN` words, in its segment, by a word of one of the claim's names, with only such words or capitalised
 * ones between ("presidential nominee Hillary Clinton", "police officer Betty Shelby"; not "shot Scott", "killed
 * 40-year-old Terence Crutcher", "talks with Scholz").
 */
function inTitle(raw: readonly string[], info: readonly WordInfo[], segmentOf: readonly number[], i: number, names: readonly string[]): boolean {
  const plain = (w: WordInfo) => w.kind === 0 && !w.verb && !w.verbal && !w.upper;
  if (!plain(info[i])) return false;
  for (let k = i + 1; k < raw.length && k <= i + TITLE_SPAN + 1 && segmentOf[k] === segmentOf[i]; k++) {
    const w = info[k];
    if (w.upper) { if (isNameWord(raw[k], names)) return true; continue; }
    if (!plain(w)) return false;
  }
  return false;
}

/** Words that may stand between the start of a clause and its subject. */
const ACTOR_OPENERS = new Set(['that', 'and', 'but', 'so', 'yet', 'then', 'also']);
/** Words after a run of capitalised words that show it is no subject of a verb: a list, a possessive, a phrase of names. */
const NOT_AFTER_ACTOR = new Set(['and', 'or', 'nor', 's', 'of', 'for', 'in', 'on', 'at', 'to', 'from', 'with', 'by', 'de', 'van', 'von']);

const ACTOR_ADVERBS = new Set(['also', 'still', 'already', 'never', 'not', 'just', 'now', 'then', 'again', 'too', 'once']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'must',
  'should', 'shall', 'did', 'does', 'do']);

/** Whether a lower-case word is an auxiliary or a form of a verb in common use ("offered", "criticized", "favors", "says"). */
function isVerbForm(w: string): boolean {
  if (AUXILIARIES.has(w) || tables().irregular.has(w) || SAYING_VERBS.has(w)) return true;
  const verbs = tables().baseVerbs;
  if (w.endsWith('ed')) return verbOf(w.slice(0, -2)) !== null || verbs.has(w.slice(0, -1));
  if (w.endsWith('s')) return verbs.has(w.slice(0, -1)) || (w.endsWith('es') && verbs.has(w.slice(0, -2))) || (w.endsWith('ies') && verbs.has(w.slice(0, -3) + 'y'));
  return tables().verbs.has(w);
}

/**
 * The subject name a claim opens with: after the attribution cut (`from`) and an opening "that" or connector, a run of
 * capitalised words ending in a name of the claim (a title before it is part of the run: "German Chancellor Olaf
 * Scholz") and followed at once by a word in lower case that is not a conjunction, a preposition or a possessive "s"
 * ("Washington has offered", "Crutcher was killed"; not "Clinton's van", "Tulsa and Charlotte"). The name's keys:
 * `actorKeys`; `at`: the index of its last word.
 */
export function actorOf(raw: readonly string[], from: number, entities: readonly string[], segmentOf?: readonly number[]): Actor | null {
  return plainActor(raw, from, entities, segmentOf) ?? (segmentOf ? appositiveActor(raw, from, entities, segmentOf) : null);
}

/** A claim's subject name (`actorOf`): its keys, the index of its last word, whether a role describes it, whether it is a person, and the index of its verb. */
interface Actor { keys: string[]; at: number; titled: boolean; person: boolean; verb: number }

/**
 * `actorOf` for a name set off after a role at the claim's opening ("The council's chief executive, Martin Hale, will
 * carry out …", "Its treasurer, Ana Ruiz, resigned"): a segment of at most six words ending in a role word, then a
 * segment that is a name of the claim and nothing else, then a verb. A person.
 */
function appositiveActor(raw: readonly string[], from: number, entities: readonly string[], segmentOf: readonly number[]): Actor | null {
  let i = from;
  while (i < raw.length && ACTOR_OPENERS.has(raw[i].toLowerCase()) && !/^\p{Lu}/u.test(raw[i])) i++;
  let n = i;
  while (n < raw.length && segmentOf[n] === segmentOf[i]) n++;
  // (A role: a phrase of a noun, opening with a determiner or a word of it, not a preposition: "In the harbour, Kelby, …".)
  const opener = raw[i]?.toLowerCase();
  if (n - i > 6 || n === i || n >= raw.length || !isRoleWord(raw[n - 1]) || (CLAIM_STOP_WORDS.has(opener) && !DETERMINERS.has(opener))) return null;
  let e = n;
  while (e < raw.length && segmentOf[e] === segmentOf[n]) e++;
  if (e >= raw.length || e - n > 4 || !raw.slice(n, e).every(w => /^\p{Lu}/u.test(w))) return null;
  const name = raw.slice(n, e).join(' ');
  if (!entities.includes(name)) return null;
  const v = verbAt(raw, e);
  if (v < 0) return null;
  return { keys: actorKeys(name), at: e - 1, titled: true, person: true, verb: v };
}

/**
 * Where the verb of a subject is, from word `at` on: an adverb or two may stand before it ("Clinton also asserted"), a
 * noun may not ("The Russian military provided": the name is no subject); -1 when no verb's form is there.
 */
function verbAt(raw: readonly string[], at: number): number {
  let v = at;
  while (v < raw.length - 1 && v < at + 2 && (ACTOR_ADVERBS.has(raw[v]) || (raw[v].endsWith('ly') && raw[v].length > 4))) v++;
  return isVerbForm(raw[v]) ? v : -1;
}

/** Words that open a role's phrase before a name set off ("The council's chief executive, …", "Its treasurer, …"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

/** What opens a clause or a description set off right after a name: a relative pronoun, a determiner or a possessive. */
const SET_OFF_AFTER_NAME = new Set(['who', 'whose', 'the', 'a', 'an', 'its', 'his', 'her', 'their']);

function plainActor(raw: readonly string[], from: number, entities: readonly string[], segmentOf?: readonly number[]): Actor | null {
  let i = from;
  // After an attribution, what it reports may open a few words on, after "that" ("said on Tuesday that Moscow is …").
  if (from > 0) for (let k = from; k < Math.min(raw.length, from + 4); k++) if (raw[k].toLowerCase() === 'that') { i = k + 1; break; }
  while (i < raw.length && ACTOR_OPENERS.has(raw[i].toLowerCase()) && !/^\p{Lu}/u.test(raw[i])) i++;
  const start = i;
  while (i < raw.length && /^\p{Lu}/u.test(raw[i])) i++;
  // A name described by a title in lower case ("Board member Luisa Ferrer cast", "Former mayor Ostrander Vail was"):
  // up to two words of a role between capitalised ones, none a verb, a preposition or a conjunction.
  let titled = false;
  if (i > start && !raw.slice(start, i).some(w => CLAIM_STOP_WORDS.has(w.toLowerCase()) || NOT_AFTER_ACTOR.has(w.toLowerCase()))) {
    let r = i;
    while (r < raw.length && r - i < 2 && isRoleWord(raw[r])) r++;
    if (r > i && r < raw.length && /^\p{Lu}/u.test(raw[r])) {
      titled = true;
      i = r;
      while (i < raw.length && /^\p{Lu}/u.test(raw[i])) i++;
    }
  }
  if (i === start || i >= raw.length || i - start > 6) return null;
  const next = raw[i];
  if (!/^\p{Ll}/u.test(next) || NOT_AFTER_ACTOR.has(next)) return null;
  // A relative clause or a description set off after the name stands between it and its verb ("Council member Rosa
  // Delgado, who represents the Riverside district, cast …", "Medilink Systems, the trust's IT contractor, has been
  // fined …"): the verb opens the segment after it.
  let at = i;
  if (segmentOf && SET_OFF_AFTER_NAME.has(next) && segmentOf[i] !== segmentOf[i - 1]) {
    while (at < raw.length && segmentOf[at] === segmentOf[i]) at++;
    if (at >= raw.length) return null;
  }
  // … and its verb (`verbAt`).
  const v = verbAt(raw, at);
  if (v < 0) return null;
  const last = raw[i - 1];
  // The name the run ends with: the longest of the claim's names whose last word ends it and whose words are all in it.
  const run = raw.slice(start, i);
  let best: string | null = null;
  for (const e of entities) {
    const words = e.split(/\s+/);
    if (words[words.length - 1] !== last || !words.every(w => run.includes(w))) continue;
    if (!best || e.length > best.length) best = e;
  }
  if (!best) return null;
  // A person: a role before the name (capitalised words of the run before it count, "Education Minister Paul Adeyemi";
  // not "The"), or a known first name opening it.
  const first = best.split(/\s+/)[0];
  const role = run.slice(0, run.indexOf(first)).some(w => !CLAIM_STOP_WORDS.has(w.toLowerCase()));
  return { keys: actorKeys(best), at: i - 1, titled, person: titled || role || FIRST_NAMES.has(first), verb: v };
}

/**
 * The last segment that goes on with the predicates of the subject at word `at` (`ClaimNorm.actorSegmentEnd`): each next
 * segment that opens with "and", "but" or "then" and a verb's form, no subject of its own between ("described the
 * strike as reckless and said it would …").
 */
function predicatesGoOn(raw: readonly string[], segmentOf: readonly number[], at: number): number {
  let end = segmentOf[at];
  for (let i = at + 1; i + 1 < raw.length; i++) {
    if (segmentOf[i] === segmentOf[i - 1]) continue;
    if (segmentOf[i] !== end + 1) break;
    // The segment may open at the conjunction or at the word after it.
    const joint = CONTINUING.has(raw[i].toLowerCase()) ? i : CONTINUING.has(raw[i - 1].toLowerCase()) ? i - 1 : -1;
    if (joint < 0 || !isVerbForm(raw[joint + 1])) break;
    end = segmentOf[i];
  }
  return end;
}
const CONTINUING = new Set(['and', 'but', 'then']);

/** A word of a role before a name ("member", "president", "mayor"): in lower case, no verb's form, preposition or conjunction. */
function isRoleWord(w: string): boolean {
  return /^\p{Ll}[\p{Ll}-]+$/u.test(w) && !NOT_AFTER_ACTOR.has(w) && !ACTOR_OPENERS.has(w) && !ACTOR_ADVERBS.has(w) && !CLAIM_STOP_WORDS.has(w) && !isVerbForm(w);
}

/**
 * A name's keys as an actor: the name itself, its last word (a surname: "Hillary Clinton" and "Clinton") and the
 * country a capital or a seat of government stands for ("Moscow", "the Kremlin" → Russia; "Washington", "the White
 * House" → the United States), all lower case.
 */
export function actorKeys(name: string): string[] {
  const lower = name.toLowerCase();
  const words = lower.split(/\s+/);
  const keys = [lower, words[words.length - 1]];
  const seat = SEATS.get(lower);
  if (seat) keys.push(seat);
  return keys;
}

/** Whether two actors are one: a key in common (the same name, the same surname, a capital and its country). */
export function sameActor(a: readonly string[], b: readonly string[]): boolean {
  return a.some(k => b.includes(k));
}

/**
 * Whether two claims open with two actors and neither names the other's (its name or surname, or the country of a
 * capital):
 * each states what its own actor did ("Washington has offered to discuss …" / "Russia is ready to engage in talks …").
 * A claim that names the other's actor may tell the same fact from the other side ("Clinton's ad hits Trump for not
 * paying federal income tax" / "Trump has not paid federal income taxes").
 */
export function otherActors(a: ClaimNorm, b: ClaimNorm): boolean {
  if (!a.actor || !b.actor || sameActor(a.actor, b.actor)) return false;
  // A person named by a title against a name without one may be the institution the person acts for ("Harlow police
  // chief Dana Holt suspended" / "Harlow Police suspended"): two titled people are two people.
  // Not so when both are people ("Education Minister Paul Adeyemi described" / "Opposition education spokeswoman Dana
  // Kirsch described").
  if (a.actorTitled !== b.actorTitled && !(a.actorPerson && b.actorPerson)) return false;
  const named = (actor: readonly string[], names: readonly string[]) =>
    actor.some((k, i) => (i === 1 ? names.some(n => n === k || n.endsWith(` ${k}`)) : names.includes(k)));
  return !named(a.actor, b.names) && !named(b.actor, a.names);
}

/** What `normalize` reads of a word on its own (its place and the claim's names aside): worked out once per word. */
interface WordInfo {
  /** The word as written. */
  word: string;
  lower: string;
  /** NEGATION, DAY, TIME, STOP (a stop word, a pronoun, a verb of saying, a single letter) or 0. */
  kind: number;
  /** It opens with a capital. */
  upper: boolean;
  /** Its lower case is a word that is also written in lower case (`LOWER_WORDS`). */
  lowerWord: boolean;
  /** Its key as a content word: a number without its commas, else its lemma key. */
  key: string;
  /** `lemmaKey` of its lower case, whatever it is. */
  lemma: string;
  /** The two-word verbs its key opens, by the second word's key (`multiwordNext`); null when none. */
  multiNext: ReadonlyMap<string, string> | null;
  /** Its lower case is a noun derived from a verb (`isDerivedNoun`). */
  derivedNoun: boolean;
  /** Its key is a verb's (`Tables.verbs`). */
  verb: boolean;
  /** 1: a determiner of a phrase, 2: a preposition (`inPhraseOf`), else 0. */
  phraseWord: number;
  /** Its lower case could be a verb's own form (`inPhraseOf`: a base verb, or ending in -ing or -ed). */
  verbal: boolean;
  /** Its key's unit (`wordUnit`), made on first use: one array for every claim holding the word; and its number. */
  unit: readonly string[] | null;
  unitNumber: number;
  /** Nine letters or fewer, and its lower case opens a segment (`segmentsOf`). */
  segmentWord: boolean;
}
const NEGATION = 1, DAY = 2, TIME = 3, STOP = 4;

function wordInfo(word: string): WordInfo {
  const lower = word.toLowerCase();
  const kind = NEGATIONS.has(lower) ? NEGATION : DAYS.has(lower) ? DAY : TIME_WORDS.has(lower) ? TIME
    : CLAIM_STOP_WORDS.has(lower) || CLAIM_PRONOUNS.has(lower) || SAYING_VERBS.has(lower) || lower.length < 2 ? STOP : 0;
  const lemma = lemmaKey(lower);
  const key = /\d/.test(lower) ? lower.replace(/,/g, '') : lemma;
  return {
    word, lower, kind, upper: /^\p{Lu}/u.test(word), lowerWord: LOWER_WORDS.has(lower), key, lemma,
    multiNext: multiwordNext().get(key) ?? null, derivedNoun: isDerivedNoun(lower), verb: tables().verbs.has(key),
    phraseWord: PHRASE_DETERMINERS.has(lower) ? 1 : PHRASE_PREPOSITIONS.has(lower) ? 2 : 0,
    verbal: tables().baseVerbs.has(lower) || lower.endsWith('ing') || lower.endsWith('ed'), unit: null, unitNumber: -1,
    segmentWord: word.length <= 9 && SEGMENT_WORDS.has(lower),
  };
}

/**
 * Words as `wordInfo` found them, up to `KEYS_MAX`, then afresh (as `KEYS`: constant tables, nothing of a document),
 * looked up by their characters in the text (`WordTable`, text/wordTable.ts): a word met before is neither sliced out
 * of the text nor hashed as a new string (a `Map` of strings did both for every word of every claim, most of the time
 * spent reading words).
 */
class WordInfos {
  private readonly table = new WordTable();
  /** Per entry of the table, its word's `WordInfo`. */
  private infos: WordInfo[] = [];

  /** `wordInfo` of `text[s, e)` (`e > s`). */
  wordAt(text: string, s: number, e: number): WordInfo {
    const h = hashChars(text, s, e);
    const k = this.table.find(text, s, e, h);
    if (k >= 0) return this.infos[k];
    const w = wordInfo(text.slice(s, e));
    if (this.table.size >= KEYS_MAX) { this.table.clear(); this.infos = []; }
    this.table.add(text, s, e, h);
    this.infos.push(w);
    return w;
  }
}
const WORDS = new WordInfos();

/** A name's unit, its key and its surname's (`surnameKey`): one array for every claim naming it (read only), and its number. */
function nameUnit(name: string): NameUnit {
  let named = NAME_UNITS.get(name);
  if (named) return named;
  const lower = name.toLowerCase();
  named = { unit: [`@${lower}`, surnameKey(name)], number: UNITS_MADE++, lower, seat: SEATS.get(lower) };
  if (NAME_UNITS.size >= KEYS_MAX) NAME_UNITS.clear();
  NAME_UNITS.set(name, named);
  return named;
}
/** Names' units, up to `KEYS_MAX`, then afresh (as `KEYS`). */
const NAME_UNITS = new Map<string, NameUnit>();
/** A name's unit and its number (`nameUnit`), its lower case and the country it is the capital or seat of (`SEATS`). */
interface NameUnit { unit: readonly string[]; number: number; lower: string; seat: string | undefined }

/** A word's unit (`unitFor` its key), made on first use. */
function wordUnit(w: WordInfo): readonly string[] {
  if (!w.unit) { w.unit = unitFor(w.key); w.unitNumber = UNITS_MADE++; }
  return w.unit;
}

/**
 * How many shared unit arrays (`wordUnit`, `nameUnit`) were made: each has the number of those made before it, its
 * `unitNumber` (the same number, the same array, so the same keys).
 */
let UNITS_MADE = 0;

/** The unit of a key: the key, then its synonym sets. */
function unitFor(k: string): readonly string[] {
  const synonyms = tables().synonyms.get(k);
  return synonyms ? [k].concat(synonyms) : [k];
}

/**
 * A text's words (`wordsOf` with digit groups), each word's `wordInfo`, and its segments (the rule `segmentsOf` states), in one reading
 * of the text.
 */
function wordsAndSegments(text: string): { raw: string[]; info: WordInfo[]; segments: number[] } {
  const raw: string[] = [], info: WordInfo[] = [], segments: number[] = [];
  const at: WordEnd = { end: 0, dotted: false };
  let seg = 0, prevEnd = 0;
  for (let s = nextWord(text, 0, text.length, at, DIGIT_GROUPS); s >= 0; s = nextWord(text, at.end, text.length, at, DIGIT_GROUPS)) {
    // (The word's own string as first met: the same characters.)
    const w = WORDS.wordAt(text, s, at.end);
    if (raw.length && (segmentGap(text, prevEnd, s) || w.segmentWord)) seg++;
    raw.push(w.word);
    info.push(w);
    segments.push(seg);
    prevEnd = at.end;
  }
  return { raw, info, segments };
}
const DIGIT_GROUPS = { digitGroups: true };

/** Whether `word` is a word of one of the names (split at white space). */
function isNameWord(word: string, names: readonly string[]): boolean {
  return names.some(n => n.split(/\s+/).includes(word));
}

/**
 * The two-word verbs (`Tables.multiword`) by their first word's key, then their second's: a word that opens none needs
 * no look-up with the next, and one that opens some looks the next word's key up without a phrase made for it.
 */
let MULTI_NEXT: Map<string, Map<string, string>> | null = null;
function multiwordNext(): ReadonlyMap<string, ReadonlyMap<string, string>> {
  if (MULTI_NEXT) return MULTI_NEXT;
  MULTI_NEXT = new Map();
  for (const [phrase, verb] of tables().multiword) {
    const cut = phrase.indexOf(' '), first = phrase.slice(0, cut);
    let next = MULTI_NEXT.get(first);
    if (!next) MULTI_NEXT.set(first, (next = new Map()));
    next.set(phrase.slice(cut + 1), verb);
  }
  return MULTI_NEXT;
}

/** Whether a word as written is a verb's past or participle: "-ed", "-ing", or an irregular form of a verb ("rose", "fell", "won"). */
export function verbForm(word: string): boolean {
  const lower = word.toLowerCase();
  return VERB_ENDING.test(lower) || (tables().irregular.has(lower) && tables().verbs.has(lemmaKey(lower)));
}

let OPENERS: Map<string, Set<string>> | null = null;
/**
 * The keys of the words that open the two-word verbs read as `key` ("find" for "convict": "found guilty"; "sign" for
 * "approve": "signed off"), for finding the act's word in a claim's text (`multiwordNext` turned round); undefined
 * when none.
 */
export function phraseOpeners(key: string): ReadonlySet<string> | undefined {
  if (!OPENERS) {
    OPENERS = new Map();
    for (const [first, next] of multiwordNext()) {
      for (const verb of next.values()) {
        let set = OPENERS.get(verb);
        if (!set) OPENERS.set(verb, (set = new Set()));
        set.add(first);
      }
    }
  }
  return OPENERS.get(key);
}

const PHRASE_PREPOSITIONS = new Set(['during', 'after', 'before', 'at', 'in', 'on', 'with', 'for', 'from', 'of', 'by', 'amid', 'amidst',
  'over', 'following', 'despite', 'through', 'without', 'against', 'since', 'until', 'about', 'into', 'toward', 'towards', 'under', 'among',
  'upon', 'within', 'ahead', 'between']);
const PHRASE_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * Whether word `i` (read through its `wordInfo`) is a noun governed by a preposition ("during meetings", "after the invasion", "amid fears"): a
 * preposition right before it, or a preposition and a determiner. Without a determiner, a verb's own form ("after
 * meeting Scholz", "before leaving", "by invaded territory"…) may still be verbal and is not counted.
 */
function inPhraseOf(info: readonly WordInfo[], i: number): boolean {
  if (i < 1) return false;
  const prev = info[i - 1].phraseWord;
  if (prev === 1) return i >= 2 && info[i - 2].phraseWord === 2;
  if (prev !== 2) return false;
  return !info[i].verbal;
}

/**
 * Where a text's clause-like segments start: at a comma, semicolon, colon, bracket or dash between words, and at a word
 * that opens a relative or subordinate clause ("who", "which", "after", "while"…) or coordinates ("and", "but": "were
 * made at a televised meeting | and appear designed to …"). Returns each word's segment (the words as `wordsOf` with
 * digit groups reads them).
 */
export function segmentsOf(text: string): number[] {
  return wordsAndSegments(text).segments;
}
/**
 * A claim's segments (`segmentsOf`) with a subject's aside moved after the clause it interrupts: "Crutcher, 40 ― a
 * father who sang at church ― was shot and killed" opens with a short subject (five words at most) that a comma sets off,
 * and the clause's verb (an auxiliary or a form in -ed, after a comma or a dash) comes only after the aside. The subject
 * and the words from its verb on are numbered first, one run of consecutive segments ("Crutcher | was shot | and killed
 * …"), the aside's segments after them. Any other text keeps its segments.
 */
export function asideLast(text: string, segments: readonly number[]): number[] {
  let first = 0;
  while (first < segments.length && segments[first] === 0) first++;
  // (Most claims stop here: the words are read again only for a short first segment.)
  if (first === 0 || first > 5 || first >= segments.length) return segments.slice();
  const out = segments.slice();
  const spans: { start: number; end: number }[] = [];
  const at: WordEnd = { end: 0, dotted: false };
  for (let s = nextWord(text, 0, text.length, at, { digitGroups: true }); s >= 0; s = nextWord(text, at.end, text.length, at, { digitGroups: true })) spans.push({ start: s, end: at.end });
  if (!text.slice(spans[first - 1].end, spans[first].start).includes(',')) return out;
  for (let k = first + 1; k < segments.length; k++) {
    if (segments[k] === segments[k - 1] || !ASIDE_VERB.test(text.slice(spans[k].start, spans[k].end))) continue;
    const gap = text.slice(spans[k - 1].end, spans[k].start);
    if (!/[,\u2013\u2014\u2015]/.test(gap)) continue;
    if (k - first > 20) return out;
    const shift = segments[k] - 1;
    let last = 0;
    for (let i = k; i < segments.length; i++) { out[i] = segments[i] - shift; last = out[i]; }
    for (let i = first; i < k; i++) out[i] = segments[i] - segments[first] + last + 1;
    return out;
  }
  return out;
}
const ASIDE_VERB = /^(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do|[a-z]+ed)$/;

const SEGMENT_WORDS = new Set(['and', 'but', 'who', 'whom', 'whose', 'which', 'after', 'before', 'while', 'when', 'because', 'although', 'though', 'despite',
  'following', 'whereas', 'until', 'since']);

/** Whether `text[from, to)`, the gap between two words, holds a comma, semicolon, colon, bracket, dash (em, en, or the horizontal bar some sites print: ―), or a hyphen with space on either side. */
function segmentGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93 || c === 0x2014 || c === 0x2013 || c === 0x2015) return true;
    if (c === 45 && ((i > from && text.charCodeAt(i - 1) === 32) || (i + 1 < to && text.charCodeAt(i + 1) === 32))) return true;
  }
  return false;
}

/** The segment a name's words occur in (its last word, then any word of three letters or more), -1 when none does. */
function nameSegment(name: string, raw: readonly string[], segmentOf: readonly number[]): number {
  const words = name.split(/\s+/);
  const find = (w: string) => raw.indexOf(w);
  let i = find(words[words.length - 1]);
  for (let k = 0; i < 0 && k < words.length; k++) if (words[k].length >= 3) i = find(words[k]);
  return i < 0 ? -1 : segmentOf[i];
}

/** A negation or "unclear"/"unknown": only a claim holding one can hold an untold frame. */
const UNTOLD_CUE = /\b(?:not|never|no|unclear|unknown)\b|n['’]t\b/i;
const NONE: ReadonlySet<number> = new Set();

/** Verbs of telling that, negated, leave something untold ("did not say where …", "has not disclosed how many …"). */
const TELL = /^(?:say|says|said|indicat(?:e|es|ed)|disclos(?:e|es|ed)|specif(?:y|ies|ied)|reveal(?:s|ed)?|explain(?:s|ed)?|elaborat(?:e|es|ed)|confirm(?:s|ed)?|detail(?:s|ed)?|identif(?:y|ies|ied)|releas(?:e|es|ed)|announc(?:e|es|ed)|tell|told)$/;
/** Verbs of giving that, with "no" and a word for information, leave something untold ("gave no details on where …"). */
const GIVE = /^(?:give|gives|gave|given|giving|provid(?:e|es|ed|ing)|offer(?:s|ed|ing)?|shar(?:e|es|ed|ing))$/;
const INFORMATION = /^(?:details?|information|indication|explanation|specifics|word|timeline|breakdown|figures?)$/;
/** Words between the frame and the question it leaves open. */
const OPEN_QUESTION = /^(?:where|when|how|why|who|what|which)$/;

/**
 * The words of a frame that says something is not told or not known, followed by what is left open ("did not say
 * where", "gave no details on how many", "it is unclear when", "it was not immediately clear why"): indexes into `words`
 * of the frame's words (its negation included). Such a clause still states what the question presupposes ("where the
 * troops were pulling back from": troops pull back), the same fact as a report that names the place or says it is
 * unclear, so neither its negation nor its verb of telling count. With "whether" or "if", or with nothing left open
 * ("did not say", "gave no details"), nothing is presupposed, and the frame is read as any other words.
 */
export function untoldFrame(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  const lower = words.map(w => w.toLowerCase());
  const opensAfter = (i: number) => {
    for (let k = i; k < Math.min(lower.length, i + 4); k++) {
      if (OPEN_QUESTION.test(lower[k])) return true;
      if (lower[k] === 'whether' || lower[k] === 'if') return false;
    }
    return false;
  };
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i];
    // (The word after any adverbs: only a negation reads it.)
    if (w !== 'not' && w !== 't' && w !== 'never' && w !== 'no') {
      // "it remains unclear where", "it is unknown how many".
      if ((w === 'unclear' || w === 'unknown') && opensAfter(i + 1)) out.add(i);
      continue;
    }
    let k = i + 1;
    while (k < lower.length && /^(?:immediately|publicly|yet|specifically|exactly|be|been|any|further)$/.test(lower[k])) k++;
    if ((w === 'not' || w === 't' || w === 'never') && k < lower.length) {
      // "did not say where", "was not immediately clear how", "is not known when".
      if ((TELL.test(lower[k]) || lower[k] === 'clear' || lower[k] === 'known') && opensAfter(k + 1)) { for (let j = i; j <= k; j++) out.add(j); continue; }
      // "did not give details on where".
      if (GIVE.test(lower[k]) && k + 1 < lower.length && INFORMATION.test(lower[k + 1]) && opensAfter(k + 2)) { for (let j = i; j <= k + 1; j++) out.add(j); continue; }
    }
    // "gave no details of how many".
    if (w === 'no' && i > 0 && GIVE.test(lower[i - 1]) && k < lower.length && INFORMATION.test(lower[k]) && opensAfter(k + 1)) { out.add(i - 1).add(i).add(k); continue; }
  }
  return out;
}

/**
 * A name's last word as a synonym-level key ("@~clinton" for "Hillary Clinton" and for "Clinton"): an actor named in
 * full in one report and by the surname in another is the same or contained. It counts as a synonym, never as an exact
 * match (two full names with one surname share it too, so it only ever adds to words the claims share exactly).
 */
export function surnameKey(name: string): string {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  return `@~${words[words.length - 1] ?? ''}`;
}

/**
 * Whether two claims share a predicate: a verb (or a noun derived from one) of either
 * is among the other's words, as the same lemma or through a synonym set; true when
 * either has no verb to compare.
 */
export function predicatesAgree(a: ClaimNorm, b: ClaimNorm): boolean {
  // A claim whose verbs' nouns all stand in prepositional phrases still has them: it agrees with no other verb.
  if ((!a.predicates.length && !a.phrasal.length) || (!b.predicates.length && !b.phrasal.length)) return true;
  return holdsPredicateOf(a, b) || holdsPredicateOf(b, a);
}

/**
 * Whether a predicate key of `x` is among `y`'s words. A noun of `y`'s that stands in a
 * prepositional phrase ("during meetings with …") is not its predicate, so not looked in.
 * A scan, with nothing built per pair or kept per claim (the extension's claim index
 * keeps every claim's normalised form).
 */
function holdsPredicateOf(x: ClaimNorm, y: ClaimNorm): boolean {
  for (const i of x.predicates) {
    for (const k of x.units[i]) {
      for (let u = 0; u < y.units.length; u++) if (!y.phrasal.includes(u) && y.units[u].includes(k)) return true;
    }
  }
  return false;
}
