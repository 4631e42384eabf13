/**
 * Whether two claims of different documents carry the same claim, on their normalised
 * forms (normalize.ts): a frame check first (no negation conflict, no other weekday or
 * month, no other number of the same thing, quotes of one speaker), then a weighted
 * overlap of their units in which frequent keys count in neither the shared part nor
 * the totals. Corroboration is directional: when one claim states only part of the
 * other (a place, a date, a second clause), the part is corroborated by the whole and the
 * whole only partly corroborated by the part.
 */
import type { Claim, ClaimNumber } from '../types';
import { compared, isMeasure, moneyQualified, MONEY_UNITS, SMALL_NUMBERS, type ComparedNumber, TALLY } from './claims';
import { NUMBER_WORDS, PEOPLE_UNITS, PERSON_KINDS } from '../lexicon/numbers';
import { OPPOSITE_GROUPS, OTHER_ACTS, VERBS_WITH_OBJECT } from '../lexicon/opposites';
import { SAYING_VERBS } from '../lexicon/sayingVerbs';
import { CLAIM_STOP_WORDS } from '../lexicon/stopWords';
import { ORG_HEADS, PLACE_HEADS } from '../entities/gazetteer';
import { CLOCK_SLACK, type ClaimNorm, disjoint, lemmaKey, redays, otherActors, otherParties, partiesOf, pastAgainstFuture, pastTimed, phraseOpeners, predicatesAgree, timedApart, verbForm } from './normalize';
import { nextWord, type WordEnd } from '../text/words';

/** The outcome for a pair (a, b). */
export interface ClaimMatch {
  similarity: number;
  /** Set for a dispute: "number", "negation" or "date". */
  reason?: string;
  /** `full`: each corroborates the other; `aInB`: a states part of b (a corroboratedBy b, b partlyCorroboratedBy a); `bInA` the reverse. */
  direction: 'full' | 'aInB' | 'bInA';
  /**
   * A weak match (`WEAK_BELOW`, `WEAK_ANCHORS`): it stands only between two documents that a match not weak already
   * ties (links.ts `standingLinks`).
   */
  weak?: boolean;
}

/** Both claims' overlap at or above this (shared units over all units of both): the same claim. */
export const FULL_OVERLAP = 0.35;
/** One claim's units covered at or above this, with at least `PART_MIN` shared: it states part of the other. */
export const PART_COVER = 0.65;
export const PART_MIN = 3;
/** … or with at least this much weight shared when every unit of it is shared exactly. */
export const WHOLE_MIN = 2;
/** Below this share of its units covered, the other claim states more than the one it covers. */
export const STATES_MORE = 0.75;
/** At or above this overlap the words say enough: the predicates need not agree (a reworded verb: "disclose" / "say"). */
export const PREDICATE_FREE = 0.5;
/** A negation added or dropped, or another day, disputes a claim whose words both sides carry at or above this share. */
export const DISPUTE_MIN = 0.7;


const numberKey = (n: ClaimNumber) => `${n.value}|${n.unit ?? ''}`;

/** A claim with its normalised form, its units as key ids (exact key, synonym-set keys) and the sets of both. */
export interface MatchSide {
  claim: Claim;
  norm: ClaimNorm;
  units: Int32Array;
  synonyms: readonly (Int32Array | null)[];
  exactIds: ReadonlySet<number>;
  synonymIds: ReadonlySet<number>;
  /** Its words as `sameWords` reads them, and whether it names its speaker: filled on first use. */
  quoteWords?: { text: string; count: number };
  namesSpeaker?: boolean;
  /** Which of its units are words of a number (`numberWords`): filled on first use. */
  numberWords?: readonly number[];
  /** Its units whose words have words of opposite sense (`oppositeUnits`), and where their words stand (`wordOf`): filled on first use. */
  opposites?: readonly number[];
  oppositeWords?: Map<number, { text: string; at: number; before: string[] } | null>;
  /** The acts of a process its words name (`actsIn`): filled on first use. */
  acts?: readonly number[];
  /** Its claim's numbers with a qualifier before a currency sign read (`numbersOf`): filled on first use. */
  numbers?: readonly ComparedNumber[];
  /** The names it holds after a preposition of a party (`partiesOfSide`): filled on first use. */
  parties?: readonly string[];
}

/** How two claims overlap, each unit weighted by how rare its key is (frequent keys weigh 0: in neither the shared part nor the totals). */
export interface Overlap {
  /** Weight of the units of `a` matched in `b` exactly (same lemma, derivation or name). */
  exact: number;
  /** Weight of the units of `a` matched in `b` through a synonym set only. */
  synonym: number;
  /** Weight of each side's units. */
  totalA: number;
  totalB: number;
  /** Weight of the shared units that are names. */
  names: number;
  /** How many units the two share exactly, whatever their weight: the frame's anchors (the actor, the predicate). */
  anchors: number;
  /** Weight of the shared units (exactly or through a synonym set) that stand in a title before a name in both (`ClaimNorm.title`). */
  titles: number;
}

export function overlapOf(a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): Overlap {
  let totalB = 0;
  for (let i = 0; i < b.units.length; i++) totalB += weight(b.units[i]);
  let exact = 0, synonym = 0, totalA = 0, names = 0, anchors = 0, titles = 0;
  const titleA = a.norm.title, titleB = b.norm.title;
  for (let i = 0; i < a.units.length; i++) {
    const id = a.units[i];
    const shared = b.exactIds.has(id);
    if (shared) anchors++;
    const w = weight(id);
    if (!w) continue;
    totalA += w;
    if (shared) { exact += w; if (isName(id)) names += w; else if (titleA.length && titleB.length && titleA.includes(i) && titleB.some(j => b.units[j] === id)) titles += w; } else {
      const syn = a.synonyms[i];
      if (syn && anyIn(syn, b.synonymIds)) { synonym += w; if (titleA.length && titleB.length && titleA.includes(i)) titles += w; }
    }
  }
  return { exact, synonym, totalA, totalB, names, anchors, titles };
}

/** Whether an id of `ids` is in `set` (a loop: this runs for every unit of every pair compared, and a callback per call was much of the linker's garbage). */
function anyIn(ids: Int32Array, set: ReadonlySet<number>): boolean {
  for (let k = 0; k < ids.length; k++) if (set.has(ids[k])) return true;
  return false;
}

/** Whether `x` and `y` share an id (as `anyIn`). */
function anyShared(x: Int32Array, y: Int32Array): boolean {
  for (let k = 0; k < x.length; k++) if (y.includes(x[k])) return true;
  return false;
}

/** A match below this similarity … */
export const WEAK_BELOW = 0.5;
/** … resting on fewer than this many units shared exactly, a number's own words not counted, is weak. */
export const WEAK_ANCHORS = 4;

/**
 * The match of two claims (`decide`), marked weak when it rests on few shared words at a low overlap: two or three
 * rare words in two short claims of unrelated stories ("We need law and order" / "We need the money in order for the
 * school to go forward"; "The two women spoke for about five minutes" / "… last-minute changes to his speech") weigh
 * as much as a reworded fact of one story ("kept up their warnings" / "continue to warn"). Which it is, the words
 * cannot tell; whether the two documents share a fact they state more fully can.
 */
export function matchClaims(a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): ClaimMatch | null {
  const verbatim = verbatimMatch(a.claim, b.claim);
  if (verbatim !== undefined) return verbatim;
  const m = decide(a, b, weight, isName);
  // (The speaker a quote and its report both name counts as a word they share: two reports of unrelated stories seldom
  // quote one person.)
  if (m && m.similarity < WEAK_BELOW && sharedExactly(a, b) - numberAnchors(a, b) + (sameSpeech(a, b) ? 1 : 0) < WEAK_ANCHORS) m.weak = true;
  return m;
}

/** How many words a claim needs for its word-for-word copy to be the same claim however little its words weigh (`verbatimMatch`). */
export const VERBATIM_MIN_WORDS = 6;

/**
 * Two claims of the same words, `VERBATIM_MIN_WORDS` or more: the same claim (a wire story's sentence reprinted),
 * however common their words are. Weighing words is for telling a rewording from another fact; in a large archive
 * every word of a reprinted sentence may be held by hundreds of claims and weigh nothing, and the copies went unlinked
 * (10,000 generated articles: 15% of the claims with a word-for-word twin in another document were linked to one).
 * Not when two named speakers differ, as `decide` has it: the same words from two people are an attribution conflict.
 * `undefined` when the words differ, or are fewer (then `decide` weighs them).
 */
export function verbatimMatch(a: Pick<Claim, 'text' | 'speaker' | 'kind'>, b: Pick<Claim, 'text' | 'speaker' | 'kind'>): ClaimMatch | null | undefined {
  if (a.text !== b.text || !verbatimWorthy(a.text)) return undefined;
  return namedApart(a, b, () => namesSpeaker(a) && namesSpeaker(b)) ? null : { similarity: 1, direction: 'full' };
}

/**
 * Whether two claims credit what they say to two speakers each names itself (`bothNamed`): two quotes of other speakers
 * (the same words from another mouth: an attribution conflict, quotes' attributedElsewhere), or reported speech of two
 * people ("The transport director, Aoife Brennan, said the authority would study the ruling" / "The council leader, Tom
 * Geraghty, said …": who said it is part of what each report states). Not a person against a body or a place, which
 * speak through people ("Russia said" / "Lavrov said"); not a speaker found through a pronoun or carried over from an
 * earlier part of the quote, the quote layer's guess, which must not hide the same words.
 */
function namedApart(a: Pick<Claim, 'speaker' | 'kind'>, b: Pick<Claim, 'speaker' | 'kind'>, bothNamed: () => boolean): boolean {
  const sa = a.speaker, sb = b.speaker;
  if (sa === null || sb === null || sa === sb || a.kind !== b.kind) return false;
  return (a.kind === 'quote' || (a.kind === 'reported' && twoPeople(sa, sb))) && bothNamed();
}

/** Whether a claim's text is long enough for its word-for-word copies to be the same claim outright (`verbatimMatch`). */
export function verbatimWorthy(text: string): boolean {
  return hasWords(text, VERBATIM_MIN_WORDS);
}

/** Whether `text` holds `n` words or more (`nextWord`'s words: quote marks, dashes and the like are none). */
function hasWords(text: string, n: number): boolean {
  const at: WordEnd = { end: 0, dotted: false };
  let count = 0;
  for (let s = nextWord(text, 0, text.length, at); s >= 0; s = nextWord(text, at.end, text.length, at)) if (++count >= n) return true;
  return false;
}

/** How many units of `a` `b` holds exactly, whatever their weight (`Overlap.anchors`). */
function sharedExactly(a: MatchSide, b: MatchSide): number {
  let n = 0;
  for (let i = 0; i < a.units.length; i++) if (b.exactIds.has(a.units[i])) n++;
  return n;
}

function decide(a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): ClaimMatch | null {
  const na = a.norm, nb = b.norm;
  // A negation added or dropped, or another weekday or month: the same claim only when everything else agrees closely
  // (then a dispute, below), else two different claims.
  // (A verb saying the act was not done, on the side with no negation, is its negation in other words: "paid no federal
  // income taxes" / "avoided paying federal income taxes"; not when the negated side holds one too: "did not refuse".)
  const otherWording = na.negation ? nb.notDone && !na.notDone : na.notDone && !nb.notDone;
  // Two acts of one process ("charged" / "convicted", "approved" / "signed", "killed" / "injured"): two facts, whatever
  // else they share; not a dispute either (both may be true).
  if (anotherAct(a, b)) return null;
  // A word of opposite sense in each ("fares rose" / "fares fell", "approved" / "rejected"): not the same claim, unless a
  // "not" right before it on the other side cancels it ("did not approve" / "rejected"). Neither corroboration nor a
  // dispute: the words alone do not tell a contradiction from one fact said from its two sides ("the euro fell against
  // the dollar" / "the dollar rose against the euro"), nor from a word in another sense or role ("gained access" / "cut
  // a deal", "refused to support" / "opposed"), and a dispute is an allegation a checker acts on (docs/history.md,
  // round 38: the dispute version's reviews).
  const opposite = opposedUnits(a, b);
  if (opposite && !(na.negation !== nb.negation && opposite.negatedAtWord)) return null;
  // A denial, a refusal or a failure against the act itself, neither negated ("denied that it owes $4 million" / "owes
  // $4 million", "failed to win election" / "was elected"): not the same claim. Not a dispute: the claim that denies
  // may report the denial only. (Against a negation it is the same claim in other words: `otherWording`.) Only where
  // the denial's clause holds a word they share: "denied wrongdoing but agreed to pay a $5 million fine" states the fine.
  // Marks counted: a denial of a refusal is none ("denied that it had refused" / "had refused": `sharedCount`).
  // A denial against a negation cancels it ("denied that the guards had refused to open the gate" / "the guards had not
  // refused to open the gate"): the same claim, no dispute.
  const deniedOtherwise = (na.denialSegments.length > 0 || nb.denialSegments.length > 0) && sharedCount(na.denialSegments, a, b, weight, isName) % 2 !== sharedCount(nb.denialSegments, b, a, weight, isName) % 2;
  if (na.negation === nb.negation && deniedOtherwise) return null;
  const negated = na.negation !== nb.negation && !otherWording && !opposite && !deniedOtherwise;
  const redated = redays(na.days, nb.days);
  // Another time of the day, more than `CLOCK_SLACK` apart ("at around 2 p.m." / "at around 9 p.m."), or another day of
  // the month ("begin on July 12" / "begin on July 21"): two facts. Not a dispute: two moments of one event are as
  // often told so ("was arrested on April 2" / "was charged on April 4", "kicked off at 3 p.m." / "was abandoned at
  // 4:25 p.m."), and a dispute is an allegation.
  if (reclocked(na.clock, nb.clock) || disjoint(na.dates, nb.dates)) return null;
  if (negated && redated) return null;
  // One event, a claim before it and the other after it ("heading into their first debate" / "after the first
  // presidential debate"): two moments, two facts (two polls).
  if (timeConflict(a, b) || timeConflict(b, a)) return null;
  // Each dates its fact in other years ("the 2021 murder" / "the 2019 murder", "through 2027" / "through 2029"): two
  // facts. Not a dispute: the same words of two years are as often two events (two tax returns, two elections).
  if (yearsApart(na.years, nb.years)) return null;
  const conflict = negated ? 'negation' : redated ? 'date' : null;
  // A supposition ("If developers benefit from …") does not state what it supposes: it corroborates no claim that
  // states it, and none corroborates it.
  if (na.conditional !== nb.conditional) return null;
  const sa = a.claim.speaker, sb = b.claim.speaker;
  // Two speakers each claim names itself (`namedApart`): an attribution conflict, not corroboration.
  if (namedApart(a.claim, b.claim, () => named(a) && named(b))) return null;
  // A guessed speaker against another (found through a pronoun, "…,” she said"): only the same words in order make one
  // quote.
  // (Decided before any overlap, as cheaply as the old outright refusal: each side's words are read once and kept on it.)
  const otherSpeaker = sa !== null && sb !== null && sa !== sb && a.claim.kind === 'quote' && b.claim.kind === 'quote';
  if (otherSpeaker && !sameWordsOf(quoteWords(a), quoteWords(b))) return null;
  const ab = overlapOf(a, b, weight, isName);
  // A dispute needs nearly all of a's words in b: most pairs with a conflict stop here, before the second overlap.
  if (conflict && (!ab.totalA || (ab.exact + ab.synonym) / ab.totalA < DISPUTE_MIN)) return null;
  const ba = overlapOf(b, a, weight, isName);
  const an = numbersOf(a), bn = numbersOf(b);
  const sameNumber = an.some(x => bn.some(y => numbersAgree(x, y)));
  const coveredA = ab.exact + ab.synonym, coveredB = ba.exact + ba.synonym;
  const total = ab.totalA + ab.totalB;
  const similarity = total ? (coveredA + coveredB) / total : 0;
  const round = (x: number) => Math.round(Math.min(1, x) * 100) / 100;
  // A speaker's own words and a report of them (`sameSpeech`): one utterance, retold in the reporter's words.
  if (!conflict && sameSpeech(a, b) && ab.exact - ab.names >= SPEECH_ANCHORS && similarity >= SPEECH_MIN && !(an.length && bn.length && !sameNumber && sameUnitDifferentValue(an, bn))) return { similarity: round(similarity), direction: 'full' };
  // Two modes of the act that do not agree (`modesAgree`): a prospect against a fact ("could raise its rate on
  // Thursday" / "raised its rate on Thursday", "plans to build" / "built", "is expected to approve" / "approved"): what
  // may be is not what was done. Neither corroboration nor a dispute (the prospect may well come true). Read only where
  // they share words (`modeOf`): a clause of its own that is a prospect ("Scholz planned to meet Putin, a day after he
  // sat down with Ukraine's leader" / "sitting down with Ukraine's leader") leaves the rest as it is, and a clause they
  // share may still be the same fact (`sharedClause`).
  const modeA = modeOf(a, b, weight, isName), modeB = modeOf(b, a, weight, isName);
  // What is to come, in the report's own words, against a time gone by ("will parade the trophy through the streets on
  // Monday" / "paraded the trophy through the streets last May"): two facts, not one.
  // Nor when each names its own time, the fact told in the past (`timedApart`: "will close its maternity unit on
  // September 30" / "closed its pediatric unit in 2022").
  if (modeA === Mode.Future && modeB === Mode.Fact ? pastAgainstFuture(a.claim.text, b.claim.text) || timedApart(na, a.claim.text, nb, b.claim.text) : modeB === Mode.Future && modeA === Mode.Fact && (pastAgainstFuture(b.claim.text, a.claim.text) || timedApart(nb, b.claim.text, na, a.claim.text))) return null;
  if (!modesAgree(modeA, modeB)) {
    if (conflict) return null;
    const m = sharedClause(a, b, weight, isName, similarity);
    // The side with the prospect states more than the fact they share: the other, its words mostly held, is part of it.
    const prospectA = modeA > modeB;
    if (m && (prospectA ? coveredB >= PART_COVER * ab.totalB : coveredA >= PART_COVER * ab.totalA)) m.direction = prospectA ? 'bInA' : 'aInB';
    return m;
  }
  if (conflict) {
    // Disputed: nearly the same words (`DISPUTE_MIN`), both ways, with the same predicate.
    const coverBoth = Math.min(ab.totalA ? coveredA / ab.totalA : 0, ab.totalB ? coveredB / ab.totalB : 0);
    return similarity >= DISPUTE_MIN && coverBoth >= DISPUTE_MIN && ab.exact - ab.names >= 2 && predicatesAgree(na, nb) ? { similarity: round(similarity), reason: conflict, direction: 'full' } : null;
  }
  // Figures of things counted in each, none of one of the value or the thing counted of any of the other ("About 600
  // people were evacuated …" / "About 340 homes … were flooded …"): two facts. (The same thing counted otherwise is
  // a dispute's business, below.)
  if (!sameNumber && countedApart(an, bn)) return null;
  // Two parties in one slot ("an offer from Kestrel City" / "an offer from Castlegate United"): two facts, whatever
  // figure they share.
  if (otherParties(na, a.claim.text, partiesOfSide(a), nb, b.claim.text, partiesOfSide(b))) return null;
  // Two speakers, one of them guessed: only the same words (one side's words all in the other) make the same quote.
  // A numeric fact: the same number of the same thing (the number and its "number thing" key), and two more anchors;
  // not when each claim also holds a number of a unit the other has, agreeing with none of the other's ("Clinton beats
  // Trump by 46 percent to 42 percent" / "46 percent would choose Clinton and 44 percent would back Trump": two polls),
  // nor when one does and the words share less than `PREDICATE_FREE`: the figure they share may then be of another
  // thing in it ("The top 1 percent paid 25.4 percent of all federal taxes" / "The top 1 percent would see their
  // after-tax incomes go up by as much as 19.9 percent": a group, two facts; "$500,000 to more than $1 million" / "up to
  // $1 million": a bound). With more shared, the other may state part of it ("Clinton was supported by 46 percent").
  // (Not with two actors, each doing what its claim states: "Council member Rosa Delgado cast one of the two votes
  // against" / "Council member Frank Yu cast one of the two votes against"; a clause they share still may be, below.)
  if (sameNumber && an.some(x => x.unit) && !otherActors(na, nb) && factFigureShared(a, b, an, bn) && !strayNumbers(an, bn, similarity) && figureAnchors(a, b, ab.anchors, an, bn) >= 4 && ab.anchors - numberAnchors(a, b) >= NUMBER_OTHERS && similarity >= 0.2) return { similarity: round(Math.max(similarity, 0.5)), direction: 'full' };
  // Synonyms count only beside words or names the two share exactly (the frame: two anchors at least, frequent ones
  // included), and not on names alone.
  // Nor on a name and its title alone ("Democratic presidential nominee Hillary Clinton" in two claims of what each says
  // she did): who she is, in both, is no fact they share.
  if (ab.anchors < 2 || ab.exact - ab.names - ab.titles + ab.synonym < 1 || ab.exact < 1) return null;
  // Nor on a number alone: two units besides a number's own words, as a numeric fact needs ("he is offsetting only 10
  // percent" / "with another 10 percent voting by proxy"); or one, when a figure of a thing counted agrees, a figure
  // seldom met by chance (`distinctFigure`: "$212 million", "12,000 acres", not "10 voters", "$2 billion" or an age),
  // and the one is a word that weighs, no name, and no verb beside a share or an amount (`soleFigureFact`): "Walton
  // Stores reported a profit of $2.1 billion" / "…, reporting a profit of $2.1 billion" share the figure and the profit
  // (the company, the speaker, is in neither claim's words); "just as he did with Romney in 2012" / "Mitt Romney
  // released his returns in 2012" share a name and a year only.
  const others = ab.anchors - numberAnchors(a, b);
  const soleFigure = others === 1 && soleFigureFact(an, bn, a, b, weight, isName);
  if (others < NUMBER_OTHERS && !soleFigure) return null;
  const coverA = ab.totalA ? coveredA / ab.totalA : 0, coverB = ab.totalB ? coveredB / ab.totalB : 0;
  // A short claim whose every word the other holds exactly (`WHOLE_MIN` or more) states part of it too ("It did not say
  // where the troops were pulling back" in "It remains unclear where the troops said to be pulling back were deployed …").
  const partA = coverA >= PART_COVER && (coveredA >= PART_MIN || (ab.exact >= WHOLE_MIN && ab.exact === ab.totalA));
  const partB = coverB >= PART_COVER && (coveredB >= PART_MIN || (ba.exact >= WHOLE_MIN && ba.exact === ab.totalB));
  // A figure seldom met by chance, of the same thing, and a word that weighs (`soleFigureFact`), in two claims that
  // open with no other actors: the same fact, however else it is told ("The flights cost taxpayers an estimated 46,500
  // marks" / "the trips cost the public purse around forty-six and a half thousand marks").
  // (With two actors, a clause they share is neither actor's: `sharedClause`.)
  if (similarity < FULL_OVERLAP && !partA && !partB) {
    const twoActors = otherActors(na, nb);
    return soleFigure && !twoActors && similarity >= SOLE_FIGURE_MIN ? { similarity: round(Math.max(similarity, 0.5)), direction: 'full' } : sharedClause(a, b, weight, isName, similarity, twoActors);
  }
  // The frame's actor: two claims that open with their subjects' names, and not one actor ("Washington has offered to
  // discuss …" / "Moscow is willing to discuss …"), state what each did: not the same claim, whatever else they share
  // (a clause they share further on still may be).
  if (otherActors(na, nb)) return sharedClause(a, b, weight, isName, similarity, true);
  // Directional: one states part of the other when it is covered and the other says more (two units or more, a quarter of it).
  const moreA = ab.totalA - coveredA, moreB = ab.totalB - coveredB;
  // The same answer whichever claim comes first: the side more covered is the part; an even cover, both parts, is a full match.
  const canA = partA && moreB >= 2 && coverB < STATES_MORE, canB = partB && moreA >= 2 && coverA < STATES_MORE;
  let direction: ClaimMatch['direction'] = 'full';
  if (canA && coverA >= coverB && !(canB && coverA === coverB)) direction = 'aInB';
  else if (canB && coverB >= coverA && !(canA && coverA === coverB)) direction = 'bInA';
  // The frame's predicate: for a partial link, or below `PREDICATE_FREE`, the same verb (or its noun, or a synonym) when both have one.
  if ((similarity < PREDICATE_FREE || direction !== 'full') && !predicatesAgree(na, nb)) return sharedClause(a, b, weight, isName, similarity);
  // What ought to be against what is ("police killings should be recognised as intolerable" / "the officer shot and
  // killed him"): on a weak overlap, a topic's words shared, not one fact.
  if (similarity < PREDICATE_FREE && na.deontic !== nb.deontic) return null;
  // Another figure of the same thing disputes the claim only when the words say the same at `PREDICATE_FREE` or more:
  // below, the figure may be of another scope ("record low support from black voters, with just 1 percent" / "just 5
  // percent support of the black vote in Florida"), and a dispute is an allegation a checker acts on.
  // Nor when one figure is an increment ("15 more suspected cases", "another 200 troops") or one claim alone is dated
  // in a year or a time gone by ("in 2019, when 12 cases were confirmed" / "has confirmed 37 cases", "Last year …"):
  // another scope, another time (`otherScope`).
  if (an.length && bn.length && sameUnitDifferentValue(an, bn)) {
    if (!sameNumber) return similarity >= PREDICATE_FREE && !otherScope(a, b) ? { similarity: round(similarity), reason: 'number', direction: 'full' } : null;
    // One figure agreeing does not make up for another that does not, when each claim has a figure of a thing the other
    // counts otherwise ("Twelve people were killed and 47 injured" / "killing 14 people and injuring 47", "closed down
    // 8% at $23.40" / "lost 3 percent to close at $23.40"): not the same claim. Not a dispute: with a figure shared,
    // the other may be of another scope ("from 3 percent" / "its highest since 4 percent").
    if (strayNumber(an, bn) && strayNumber(bn, an)) return null;
  }
  return { similarity: round(similarity), direction };
}

/**
 * Whether one claim quotes a speaker and the other reports the speaker's words, each naming the same speaker ("'We
 * have had to make difficult choices,' said the council leader, Janet Orme" / "Council leader Janet Orme said the
 * authority had faced hard decisions"): who spoke is then no guess, and indirect speech retells the quote in other
 * words, so fewer of them need be shared (`SPEECH_ANCHORS`, `SPEECH_MIN`). Not two reports of speech: one person says
 * many things in a story, and two reports of them are two facts unless their words say the same.
 */
function sameSpeech(a: MatchSide, b: MatchSide): boolean {
  const sa = a.claim.speaker;
  if (!sa || sa !== b.claim.speaker) return false;
  const ka = a.claim.kind, kb = b.claim.kind;
  return ((ka === 'quote' && kb === 'reported') || (ka === 'reported' && kb === 'quote')) && named(a) && named(b);
}
/** A quote and its report (`sameSpeech`) share at least this many words exactly, names aside … */
export const SPEECH_ANCHORS = 3;
/** … and at least this much of their words in all. */
export const SPEECH_MIN = 0.3;

/** A numeric fact needs this many anchors besides the number's own words (its figure, its scale and its key with the unit). */
export const NUMBER_OTHERS = 2;
const NUMBER_WORD = /^(?:#|\d)|^(?:thousand|million|billion|trillion)$/;
/** (Most sides hold no number: one empty list, read only, for all of them.) */
const NO_UNITS: readonly number[] = Object.freeze([]);

/**
 * The units of a side that are words of a number, found once: its figure, its scale, its key with the unit, and the
 * word of its unit ("42", "percent", "#42 percent"): "percent" beside a figure names what the figure counts, already
 * in its key, and is no anchor of its own ("Clinton beats Trump by 46 percent to 42 percent" / "Clinton was supported
 * by 42 percent": one name and a figure shared).
 */
function numberWords(a: MatchSide): readonly number[] {
  if (a.numberWords === undefined) {
    const units = a.norm.units;
    let counted: Set<string> | null = null;
    for (const u of units) if (u[0][0] === '#') { const sp = u[0].indexOf(' '); if (sp > 0) (counted ??= new Set()).add(u[0].slice(sp + 1)); }
    let found: number[] | null = null;
    for (let i = 0; i < units.length; i++) if (NUMBER_WORD.test(units[i][0]) || counted?.has(units[i][0])) (found ??= []).push(i);
    a.numberWords = found ?? NO_UNITS;
  }
  return a.numberWords;
}

/** Whether two claims name times of day and none of one is within `CLOCK_SLACK` minutes of one of the other's. */
function reclocked(a: readonly number[], b: readonly number[]): boolean {
  if (!a.length || !b.length) return false;
  for (const x of a) for (const y of b) if (Math.min(Math.abs(x - y), 1440 - Math.abs(x - y)) <= CLOCK_SLACK) return false;
  return true;
}

/** Whether a word `a` writes before an event (`ClaimNorm.before`) is one `b` writes after it (`ClaimNorm.after`). */
function timeConflict(a: MatchSide, b: MatchSide): boolean {
  const before = a.norm.before, after = b.norm.after;
  if (!before.length || !after.length) return false;
  for (const i of before) for (const j of after) if (a.units[i] === b.units[j]) return true;
  return false;
}

/** Whether two claims each date their fact in years (`ClaimNorm.years`, spans) and no span of one meets a span of the other. */
function yearsApart(a: readonly number[], b: readonly number[]): boolean {
  if (!a.length || !b.length) return false;
  for (let i = 0; i < a.length; i += 2) for (let j = 0; j < b.length; j += 2) if (a[i] <= b[j + 1] && b[j] <= a[i + 1]) return false;
  return true;
}

/** How many units `a` shares exactly with `b` that are words of a number (`numberWords`): "100", "million", "#100000000 dollar". */
function numberAnchors(a: MatchSide, b: MatchSide): number {
  let n = 0;
  for (const i of numberWords(a)) if (b.exactIds.has(a.units[i])) n++;
  return n;
}

/**
 * The anchors two claims share (`anchors`, their exact units) with a figure that agrees counted as its own two (its
 * figure and its key with the unit) when the two write it so that no unit of it is shared: in words on one side ("600
 * people" / "six hundred residents"), or of a kind of people on one side (`numbersAgree`).
 */
function figureAnchors(a: MatchSide, b: MatchSide, anchors: number, an: readonly ComparedNumber[], bn: readonly ComparedNumber[]): number {
  // (Only a figure seldom met by chance: "Fifteen residents were evacuated" / "killed 15 people" share a count only.)
  return numberAnchors(a, b) > 0 || !an.some(x => x.value >= FIGURE_WORDS_MIN && bn.some(y => numbersAgree(x, y))) ? anchors : anchors + 2;
}
/** The least figure `figureAnchors` counts as two shared words when written otherwise. */
const FIGURE_WORDS_MIN = 100;

/** Whether a figure has two significant digits or more ("212", "1.3 million", "12,000"; not "10", "$2 billion", "0.4"). */
function distinctFigure(value: number): boolean {
  const digits = String(Math.abs(value)).replace('.', '');
  let from = 0, to = digits.length;
  while (from < to && digits[from] === '0') from++;
  while (to > from && digits[to - 1] === '0') to--;
  return to - from >= 2;
}

/**
 * The span of time a claim is told over ("over the past two weeks", "in the last 12 months", "for the next three
 * years"): when, not a figure of the fact; two claims of one fortnight share it by chance ("Pagliano failed to show up
 * at the second hearing in the past two weeks" / "the average of polls taken over the past two weeks").
 */
const TIME_FRAME = /\b(?:past|last|next|coming|previous|recent|preceding|following)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)\s+(hours|days|weeks|months|years|decades)\b/gi;

/** Whether figure `x` of a side is the span of time its claim is told over (`TIME_FRAME`). */
function timeFrame(side: MatchSide, x: ComparedNumber): boolean {
  if (x.unit !== 'hours' && x.unit !== 'days' && x.unit !== 'weeks' && x.unit !== 'months' && x.unit !== 'years' && x.unit !== 'decades') return false;
  TIME_FRAME.lastIndex = 0;
  for (let m; (m = TIME_FRAME.exec(side.claim.text));) {
    const word = m[1].toLowerCase();
    if (m[2].toLowerCase() === x.unit && (SMALL_NUMBERS[word] ?? Number(word)) === x.value) return true;
  }
  return false;
}

/** Whether a figure of `a` that agrees with one of `b` is no span of time either claim is told over. */
function factFigureShared(a: MatchSide, b: MatchSide, an: readonly ComparedNumber[], bn: readonly ComparedNumber[]): boolean {
  return an.some(x => !timeFrame(a, x) && bn.some(y => !timeFrame(b, y) && numbersAgree(x, y)));
}

/**
 * Whether a figure of a thing counted agrees, seldom met by chance (`distinctFigure`), not an age, and the one other unit
 * the claims share (`soleWordShared`) may carry the fact: any word that weighs beside a count of things ("has burned
 * 12,000 acres"), but no verb beside a share or an amount, whose unit does not say what is measured ("Unemployment rose
 * to 4.5 percent" / "Inflation rose to 4.5 percent"; "reported a profit of $2.1 billion" has its measure).
 */
function soleFigureFact(an: readonly ComparedNumber[], bn: readonly ComparedNumber[], a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): boolean {
  const figure = an.find(x => x.unit && x.unit !== 'year-old' && distinctFigure(x.value) && !timeFrame(a, x) && bn.some(y => !timeFrame(b, y) && numbersAgree(x, y)));
  return figure !== undefined && soleWordShared(a, b, weight, isName, figure.unit === 'percent' || MONEY_UNITS.has(figure.unit!));
}

/**
 * Whether the first unit `a` shares exactly with `b` that is no word of a number (`numberWords`) weighs, is no name,
 * no figure in words ("twelve harbours" / "Twelve harbours": the count itself), and, with `noVerb`, not written as a
 * verb's past or participle (`verbForm`: "rose", "gained"; "profit" is what is measured).
 */
function soleWordShared(a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean, noVerb: boolean): boolean {
  const numeric = numberWords(a);
  for (let i = 0; i < a.units.length; i++) {
    const id = a.units[i];
    if (!b.exactIds.has(id) || numeric.includes(i)) continue;
    if (weight(id) <= 0 || isName(id) || spelledNumber(a.norm.units[i][0])) return false;
    if (!noVerb) return true;
    const word = surfaceOf(a, i);
    return word !== null && !verbForm(word[0]);
  }
  return false;
}

/** The keys of a figure's words in letters ("five", "twelve", "dozen"). */
let SPELLED: Set<string> | null = null;
function spelledNumber(key: string): boolean {
  return (SPELLED ??= new Set(NUMBER_WORDS.split(' ').map(lemmaKey))).has(key);
}

/** A fact resting on a figure and one word (`soleFigureFact`) links at this overlap of the claims' words or above. */
export const SOLE_FIGURE_MIN = 0.1;

/** A shared clause: the overlap of the two segment runs, at or above this. */
export const CLAUSE_OVERLAP = 0.5;
/** … with at least this many units shared exactly (a name, a predicate and another word among them). */
export const CLAUSE_ANCHORS = 3;
/** … or this many, a name and a predicate, when they are all of one run's units. */
export const CLAUSE_WHOLE = 2;
/** … or this many words that weigh something, a verb of both among them, when the run holds no name. */
export const CLAUSE_NAMELESS = 4;
/** Runs of at most this many segments are compared. */
export const CLAUSE_SEGMENTS = 3;

/**
 * Two claims that share a clause inside longer sentences ("Scott, who was black, was shot and killed by a black police
 * officer after he …" / "The black plainclothes officer who shot Scott - …"): a run of consecutive segments of each
 * (normalize.ts `segmentsOf`) whose units overlap at `CLAUSE_OVERLAP` or more, sharing exactly a name, a predicate
 * (or its synonym) and one more word, `CLAUSE_ANCHORS` units in all; or a run that is an actor and its verb and nothing
 * else ("Crutcher was killed Friday | after his vehicle …" / "who shot and killed 40-year-old Terence Crutcher in
 * Tulsa"), each of its units held exactly by the other run: the name and the verb (a verb in both, not a noun in a
 * phrase: "to meet Lind" is not "during the meeting") weighing something in both (a name most claims hold is no actor);
 * or, with no name, a run sharing exactly `CLAUSE_NAMELESS` words that weigh something in both, a verb of both among
 * them ("by speaking directly to white people" / "she could speak directly to “white people”"). With `otherActors`
 * (the claims open with two actors, `normalize.ts` `otherActors`), no run may hold either actor's segment.
 * Each carries the shared clause: a full link.
 */
function sharedClause(a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean, similarity: number, otherActors = false): ClaimMatch | null {
  const sa = a.norm.segments, sb = b.norm.segments;
  // Two actors (`matchClaims`): a clause they share must be one that neither actor's segment is part of.
  // (Nor one that goes on with the actor's predicates: "… described the strike as reckless and said it would …".)
  const skipA = otherActors ? a.norm.actorSegment : -1, skipB = otherActors ? b.norm.actorSegment : -1;
  const skipAEnd = otherActors ? a.norm.actorSegmentEnd : -1, skipBEnd = otherActors ? b.norm.actorSegmentEnd : -1;
  const segsA = lastSegment(sa) + 1, segsB = lastSegment(sb) + 1;
  if (segsA < 2 && segsB < 2) return null;
  // What any run can share at most, cheaply: most pairs stop here.
  let anchorsMax = 0, namesMax = 0, actorsMax = 0;
  for (let i = 0; i < a.units.length; i++) {
    if (sa[i] < 0 || !b.exactIds.has(a.units[i])) continue;
    anchorsMax++;
    if (isName(a.units[i])) { namesMax++; if (weight(a.units[i])) actorsMax++; }
  }
  if (anchorsMax < CLAUSE_WHOLE || (!namesMax && anchorsMax < CLAUSE_NAMELESS) || anchorsMax - namesMax < 1) return null;
  // Too few for a clause of three: only an actor and its verb can be shared, and they must be there.
  if ((anchorsMax < CLAUSE_ANCHORS || anchorsMax - namesMax < 2) && (!actorsMax || !sharesVerb(a, b, weight))) return null;
  // The matched unit pairs (i of a, j of b) and whether exactly.
  const pi: number[] = [], pj: number[] = [], exactPair: boolean[] = [];
  for (let i = 0; i < a.units.length; i++) {
    if (sa[i] < 0) continue;
    const id = a.units[i], syn = a.synonyms[i];
    for (let j = 0; j < b.units.length; j++) {
      if (sb[j] < 0) continue;
      const exact = b.units[j] === id;
      const bs = b.synonyms[j];
      if (!exact && !(syn && bs && anyShared(syn, bs))) continue;
      pi.push(i); pj.push(j); exactPair.push(exact);
    }
  }
  if (pi.length < CLAUSE_WHOLE) return null;
  const predA = new Set(a.norm.predicates), predB = new Set(b.norm.predicates);
  const nounA = new Set(a.norm.nominal), nounB = new Set(b.norm.nominal);
  const wa = Array.from(a.units, id => weight(id)), wb = Array.from(b.units, id => weight(id));
  let best = 0, stamp = 0;
  const doneA = new Int32Array(a.units.length), doneB = new Int32Array(b.units.length);
  const marked = hasMarks(a.norm) || hasMarks(b.norm);
  for (let a1 = 0; a1 < segsA; a1++) for (let a2 = a1; a2 < Math.min(segsA, a1 + CLAUSE_SEGMENTS); a2++) {
    for (let b1 = 0; b1 < segsB; b1++) for (let b2 = b1; b2 < Math.min(segsB, b1 + CLAUSE_SEGMENTS); b2++) {
      if (a1 === 0 && a2 === segsA - 1 && b1 === 0 && b2 === segsB - 1) continue; // the whole claims: decided above
      if ((skipA >= 0 && skipA <= a2 && skipAEnd >= a1) || (skipB >= 0 && skipB <= b2 && skipBEnd >= b1)) continue;
      let totA = 0, totB = 0;
      for (let i = 0; i < sa.length; i++) if (sa[i] >= a1 && sa[i] <= a2) totA += wa[i];
      for (let j = 0; j < sb.length; j++) if (sb[j] >= b1 && sb[j] <= b2) totB += wb[j];
      if (!totA || !totB) continue;
      // One run negated and the other not ("was not shot by a deputy" / "the deputy who shot …"): another fact.
      if (negationsIn(a.norm.negatedSegments, a1, a2) !== negationsIn(b.norm.negatedSegments, b1, b2)) continue;
      // One run a prospect and the other not ("could face charges" / "faces charges"): another fact.
      if (marked && !modesAgree(runMode(a.norm, a1, a2), runMode(b.norm, b1, b2))) continue;
      // Per run: the units shared exactly (`anchors`, names among them), the weight of each side's units held exactly,
      // and the shared names and predicates that weigh something on both sides (a predicate: a verb in both).
      let anchors = 0, names = 0, preds = 0, shared = 0, exactA = 0, exactB = 0, actors = 0, verbs = 0, weighty = 0;
      stamp++;
      for (let p = 0; p < pi.length; p++) {
        const i = pi[p], j = pj[p];
        if (sa[i] < a1 || sa[i] > a2 || sb[j] < b1 || sb[j] > b2) continue;
        if (doneA[i] !== stamp) { doneA[i] = stamp; shared += wa[i]; if (exactPair[p]) { anchors++; exactA += wa[i]; if (wa[i] && wb[j]) weighty++; if (isName(a.units[i])) { names++; if (wa[i] && wb[j]) actors++; } } }
        if (doneB[j] !== stamp) { doneB[j] = stamp; shared += wb[j]; if (exactPair[p]) exactB += wb[j]; }
        if (predA.has(i) || predB.has(j)) { preds++; if (exactPair[p] && predA.has(i) && predB.has(j) && wa[i] && wb[j] && !nounA.has(i) && !nounB.has(j)) verbs++; }
      }
      // Without a name: a clause of `CLAUSE_NAMELESS` words or more held exactly by both and weighing something in both,
      // its verb among them ("… speaking directly to white people …" / "she could speak directly to “white people” …").
      const nameless = !names && weighty >= CLAUSE_NAMELESS && verbs > 0;
      if ((!names && !nameless) || !preds) continue;
      // A run that is an actor and its predicate and nothing else, each held exactly by the other run ("Lind was
      // killed" in "who shot and killed Mara Lind on the quay"): the same clause, though two units only.
      const whole = anchors >= CLAUSE_WHOLE && actors > 0 && verbs > 0 && (exactA >= totA || exactB >= totB);
      if (!whole && (anchors < CLAUSE_ANCHORS || anchors - names < 2)) continue;
      const overlap = shared / (totA + totB);
      if (overlap >= CLAUSE_OVERLAP && overlap > best) best = overlap;
    }
  }
  if (!best) return null;
  if (similarity < PREDICATE_FREE && a.norm.deontic !== b.norm.deontic) return null;
  return { similarity: Math.round(Math.max(similarity, 0) * 100) / 100, direction: 'full' };
}

/** Whether a verb of `a` that weighs something is a verb of `b` too (the same key, a predicate of both). */
function sharesVerb(a: MatchSide, b: MatchSide, weight: (id: number) => number): boolean {
  for (const i of a.norm.predicates) {
    const id = a.units[i];
    if (!weight(id) || !b.exactIds.has(id)) continue;
    for (const j of b.norm.predicates) if (b.units[j] === id) return true;
  }
  return false;
}

/** The parity of the negations that stand in segments `from` to `to`. */
function negationsIn(negated: readonly number[], from: number, to: number): number {
  let n = 0;
  for (const s of negated) if (s >= from && s <= to) n ^= 1;
  return n;
}

/** How a claim (or a run of its segments) tells its act: as a fact, to come, intended, or possible (`ClaimNorm`'s marks). */
const enum Mode { Fact, Future, Intent, Possible, Hedge }

/**
 * Whether two modes are one claim's: the same; what is to come, told as news, and the fact (news tells the future as
 * fact: "units would begin returning" / "units were returning") or the intent of it ("will cut 2,000 jobs" / "plans to
 * cut 2,000 jobs"); a hope or a warning and anything ("raising hopes that the Kremlin is not preparing to invade" / "the
 * Kremlin may not be planning to invade", "warned that the river had burst its banks" / "the river burst its banks").
 * Not a possibility against anything else ("could suspend imports" / "would suspend imports"), nor an intent against
 * the fact ("plans to build" / "built").
 */
function modesAgree(x: Mode, y: Mode): boolean {
  if (x === y || x === Mode.Hedge || y === Mode.Hedge) return true;
  const [lo, hi] = x < y ? [x, y] : [y, x];
  return lo === Mode.Future ? hi === Mode.Intent : lo === Mode.Fact && hi === Mode.Future;
}

/** The mode of `a`'s act where it meets `b`: of the marks whose segment holds a word they share (`sharedIn`), the strongest. */
function modeOf(a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): Mode {
  const n = a.norm;
  if (!hasMarks(n)) return Mode.Fact;
  if (sharedIn(n.possibleSegments, a, b, weight, isName)) return Mode.Possible;
  if (sharedIn(n.intentSegments, a, b, weight, isName)) return Mode.Intent;
  if (sharedIn(n.hedgeSegments, a, b, weight, isName)) return Mode.Hedge;
  return sharedIn(n.futureSegments, a, b, weight, isName) ? Mode.Future : Mode.Fact;
}

/** Whether a claim has any mark of a mode but the fact's. */
function hasMarks(n: ClaimNorm): boolean {
  return n.possibleSegments.length > 0 || n.intentSegments.length > 0 || n.futureSegments.length > 0 || n.hedgeSegments.length > 0;
}

/** The mode of a run of segments `[from, to]`: the strongest mark in it. */
function runMode(n: ClaimNorm, from: number, to: number): Mode {
  return countIn(n.possibleSegments, from, to) ? Mode.Possible : countIn(n.intentSegments, from, to) ? Mode.Intent : countIn(n.hedgeSegments, from, to) ? Mode.Hedge : countIn(n.futureSegments, from, to) ? Mode.Future : Mode.Fact;
}

/**
 * Whether a segment of `a` among `at` (its prospects' or its denials' segments) holds a unit that weighs something, is
 * no name ("Ana Voss, who hopes to become governor, won the primary" hopes nothing of the primary), and that `b` shares,
 * exactly or through a synonym.
 */
function sharedIn(at: readonly number[], a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): boolean {
  for (let k = 0; k < at.length; k++) if (segmentShares(at[k], a, b, weight, isName)) return true;
  return false;
}

/**
 * How many of the marks `at` (a segment per mark, a segment once per mark in it) stand in a segment that holds a unit
 * they share (`sharedIn`): a denial of a refusal ("denied that the company had refused to return to the table") is two
 * marks, which cancel out, against the refusal alone ("said Baltra had refused to return").
 */
function sharedCount(at: readonly number[], a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): number {
  let n = 0;
  for (let k = 0; k < at.length; k++) if (segmentShares(at[k], a, b, weight, isName)) n++;
  return n;
}

/** Whether segment `segment` of `a` holds a unit that weighs, is no name, and that `b` holds exactly or through a synonym. */
function segmentShares(segment: number, a: MatchSide, b: MatchSide, weight: (id: number) => number, isName: (id: number) => boolean): boolean {
  for (let i = 0; i < a.units.length; i++) {
    if (a.norm.segments[i] !== segment || !weight(a.units[i]) || isName(a.units[i])) continue;
    if (b.exactIds.has(a.units[i])) return true;
    const syn = a.synonyms[i];
    if (syn && anyIn(syn, b.synonymIds)) return true;
  }
  return false;
}

/** How many of `segments` fall in `[from, to]`. */
function countIn(segments: readonly number[], from: number, to: number): number {
  let n = 0;
  for (const s of segments) if (s >= from && s <= to) n++;
  return n;
}

function lastSegment(segments: readonly number[]): number {
  let m = -1;
  for (const s of segments) if (s > m) m = s;
  return m;
}

/** Whether a claim's own text names its speaker: a word of the name (three letters or more, capitalised) occurs in it. */
export function namesSpeaker(claim: Pick<Claim, 'text' | 'speaker'>): boolean {
  if (!claim.speaker) return false;
  for (const w of claim.speaker.split(/\s+/)) {
    if (w.length < 3 || !/^\p{Lu}/u.test(w)) continue;
    const at = claim.text.indexOf(w);
    if (at >= 0 && !/\p{L}/u.test(claim.text[at - 1] ?? '') && !/\p{L}/u.test(claim.text[at + w.length] ?? '')) return true;
  }
  return false;
}

/**
 * Whether two speakers' names are two people's: each of two to four capitalised words, no head of a body's or a place's
 * name among them ("Ministry", "Council", "Street"), their last words (the surnames) apart.
 */
function twoPeople(a: string, b: string): boolean {
  const wa = a.split(/\s+/), wb = b.split(/\s+/);
  return personName(wa) && personName(wb) && wa[wa.length - 1] !== wb[wb.length - 1];
}
function personName(words: readonly string[]): boolean {
  return words.length >= 2 && words.length <= 4 && words.every(w => /^\p{Lu}\p{Ll}/u.test(w) && !ORG_HEADS.has(w) && !PLACE_HEADS.has(w));
}

/**
 * Whether the words of the shorter text, quotation marks and a trailing attribution ("…,” she said") left out, occur
 * in the longer one in the same order, one after the other (case and punctuation aside): the same quotation.
 */
export function sameWords(a: string, b: string): boolean {
  return sameWordsOf(wordList(a), wordList(b));
}

/** A text's words for `sameWords`: lower case, a trailing attribution left out, one space around each. */
function wordList(t: string): { text: string; count: number } {
  // (The attribution pattern is tried only on a text holding one of its verbs: most hold none, and the pattern, tried
  // at every position, costs more than the rest.)
  const words = withoutAttribution(t)
    .toLowerCase().split(/[^\p{L}\p{N}’']+/u).filter(Boolean);
  return { text: ` ${words.join(' ')} `, count: words.length };
}

const TRAILING_ATTRIBUTION = /[”"’]?\s*,?\s*(?:[\p{Lu}\p{Ll}.’' -]{1,40}\s)?(?:said|says|added|continued|told\s+[\p{L} ]{1,30})\s*$/u;
const ATTRIBUTION_VERB = /said|says|added|continued|told/;
/** More characters than a match of `TRAILING_ATTRIBUTION` holds outside its runs of white space (at most 77). */
const ATTRIBUTION_SPAN = 100;

/**
 * `t.replace(TRAILING_ATTRIBUTION, '')`, the pattern tried on the end of the text only: a match ends the text and holds
 * fewer than `ATTRIBUTION_SPAN` characters that are not white space, so none starts before the last that many (a
 * character that might be white space, any past U+167F among them, is not counted).
 */
export function withoutAttribution(t: string): string {
  if (!ATTRIBUTION_VERB.test(t)) return t;
  let lo = t.length;
  for (let seen = 0; lo > 0 && seen < ATTRIBUTION_SPAN;) {
    const c = t.charCodeAt(--lo);
    if (c > 32 && c !== 0xa0 && c < 0x1680) seen++;
  }
  const m = TRAILING_ATTRIBUTION.exec(lo ? t.slice(lo) : t);
  return m ? t.slice(0, lo + m.index) : t;
}

function sameWordsOf(a: { text: string; count: number }, b: { text: string; count: number }): boolean {
  const [x, y] = a.count <= b.count ? [a, b] : [b, a];
  return x.count >= 3 && y.text.includes(x.text);
}

/**
 * A side's numbers as matching reads them (claims.ts `moneyQualified`: "nearly $1 billion" hedged; `compared`: a
 * tally's two figures as one, a range's two ends as one), once per side.
 */
function numbersOf(side: MatchSide): readonly ComparedNumber[] {
  return (side.numbers ??= compared(moneyQualified(side.claim.text, side.claim.numbers)));
}

/** Units of a span of time, each with its length in days. */
const SPAN_DAYS: ReadonlyMap<string, number> = new Map([['seconds', 1 / 86400], ['second', 1 / 86400], ['minutes', 1 / 1440], ['minute', 1 / 1440], ['hours', 1 / 24], ['hour', 1 / 24],
  ['days', 1], ['day', 1], ['weeks', 7], ['week', 7], ['months', 30.44], ['month', 30.44], ['years', 365.25], ['year', 365.25], ['decades', 3652.5]]);
const SPANS: ReadonlySet<string> = new Set(SPAN_DAYS.keys());

/**
 * Whether two units measure one thing: the same unit, or two units of a span of time ("six weeks" / "six months": two
 * lengths of one closure, which `numbersAgree` compares in days; "48 hours" / "two days": one).
 */
function sameKind(a: string | null, b: string | null): boolean {
  return a === b || (a !== null && b !== null && SPANS.has(a) && SPANS.has(b));
}

/** Whether each side has a figure of a thing counted (no tally), and no figure of one has the value or the unit of one of the other. */
function countedApart(an: readonly ComparedNumber[], bn: readonly ComparedNumber[]): boolean {
  // (Not a measure nor a span of time, which another report may give in another unit: "1.6 kilometers" / "1,600-meter",
  // "48 hours" / "two-day".)
  const counted = (x: ComparedNumber) => x.unit !== null && x.unit !== TALLY && x.unit !== 'year-old' && !isMeasure(x.unit) && !SPANS.has(x.unit);
  if (!an.some(counted) || !bn.some(counted)) return false;
  return !an.some(x => bn.some(y => x.value === y.value || (x.unit !== null && x.unit === y.unit)));
}

/** A side's parties (normalize.ts `partiesOf`), read once per side. */
function partiesOfSide(side: MatchSide): readonly string[] {
  return (side.parties ??= side.claim.entities.length ? partiesOf(side.claim.text, side.claim.entities, side.claim.speaker) : NO_PARTIES);
}
const NO_PARTIES: readonly string[] = Object.freeze([]);

/** Whether a side names its speaker, read once per side. */
function named(side: MatchSide): boolean {
  return (side.namesSpeaker ??= namesSpeaker(side.claim));
}

/** A side's words for `sameWords`, read once per side. */
function quoteWords(side: MatchSide): { text: string; count: number } {
  return (side.quoteWords ??= wordList(side.claim.text));
}

/**
 * Whether a number of either claim with a unit agrees with none of the other's, though the other has numbers of that
 * unit: of both, or of one when the words share less than `PREDICATE_FREE` (`decide`'s numeric fact).
 */
function strayNumbers(a: readonly ComparedNumber[], b: readonly ComparedNumber[], similarity: number): boolean {
  const ab = strayNumber(a, b), ba = strayNumber(b, a);
  return (ab && ba) || ((ab || ba) && similarity < PREDICATE_FREE);
}

/** Whether a number of `a` with a unit agrees with none of `b`'s, though `b` has numbers of that unit. */
function strayNumber(a: readonly ComparedNumber[], b: readonly ComparedNumber[]): boolean {
  return a.some(x => x.unit && b.some(y => sameKind(y.unit, x.unit)) && !b.some(y => numbersAgree(x, y)));
}

function sameUnitDifferentValue(a: readonly ComparedNumber[], b: readonly ComparedNumber[]): boolean {
  return a.some(x => x.unit && b.some(y => sameKind(y.unit, x.unit) && !numbersAgree(x, y)));
}

/** A figure added to another ("15 more", "another 200", "a further 3,000", "40 additional"). */
const INCREMENT = /\b(?:another|a\s+further)\s+\d|\d\s+(?:more|additional|further|extra)\b/;

/** Whether two claims' figures may be of another scope or time: an increment in either, or a year or a time gone by in one only ("In 2019, …", "Last year, …"). */
function otherScope(a: MatchSide, b: MatchSide): boolean {
  return INCREMENT.test(a.claim.text) || INCREMENT.test(b.claim.text) || (a.norm.years.length > 0) !== (b.norm.years.length > 0) || pastTimed(a.claim.text) !== pastTimed(b.claim.text);
}

/** Within this share of the larger value two figures of one thing are one figure rounded ("$916 million", "$915.7 million"). */
export const ROUNDING = 0.01;
/** … and within this share when either is hedged ("nearly $1 billion", "about 920 million"). */
export const HEDGED = 0.1;

/**
 * Whether two numbers state the same figure of the same thing: equal, or equal but for rounding or a hedge. A range
 * (claims.ts `compared`) agrees with a figure of its unit inside it, and with a range whose ends agree.
 */
export function numbersAgree(x: ComparedNumber, y: ComparedNumber): boolean {
  if (x.upTo !== undefined || y.upTo !== undefined) return rangesAgree(x, y);
  if (numberKey(x) === numberKey(y)) return true;
  // Two spans of time in other units, in days: "48 hours" / "two days", "a year" / "12 months".
  if (x.unit !== y.unit && x.unit && y.unit && SPANS.has(x.unit) && SPANS.has(y.unit)) return near(x.value * SPAN_DAYS.get(x.unit)!, y.value * SPAN_DAYS.get(y.unit)!, x.qualifier || y.qualifier ? HEDGED : ROUNDING);
  if (((x.unit ?? '') !== (y.unit ?? '') && !peopleOfAKind(x.unit, y.unit)) || !x.unit || x.unit === TALLY) return false;
  if ((!x.value && !y.value) || Math.sign(x.value) !== Math.sign(y.value)) return false;
  // A percentage in whole points is the other rounded ("rose 5%" / "rose 5.2%", "3 percent" / "2.9 percent").
  // (And a measure: "5km long" / "5.4 kilometres long".)
  if (x.unit === 'percent' || isMeasure(x.unit)) {
    const [whole, other] = Number.isInteger(x.value) ? [x.value, y.value] : [y.value, x.value];
    if (!Number.isInteger(other) && Math.round(other) === whole) return true;
  }
  return near(x.value, y.value, x.qualifier || y.qualifier ? HEDGED : ROUNDING);
}

/** Whether one unit counts people and the other people of one kind ("people" / "passengers": `PERSON_KINDS`). */
function peopleOfAKind(a: string | null, b: string | null): boolean {
  // (Units are read in lower case.)
  if (!a || !b) return false;
  return PEOPLE_UNITS.has(a) ? PERSON_KINDS.has(b) || PEOPLE_UNITS.has(b) : PEOPLE_UNITS.has(b) && PERSON_KINDS.has(a);
}

/** Whether two figures differ by at most `share` of the larger. */
const near = (a: number, b: number, share: number) => Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * share;

/** `numbersAgree` where either number is a range. */
function rangesAgree(x: ComparedNumber, y: ComparedNumber): boolean {
  if (!x.unit || x.unit !== y.unit) return false;
  if (x.upTo !== undefined && y.upTo !== undefined) return near(x.value, y.value, ROUNDING) && near(x.upTo, y.upTo, ROUNDING);
  const [range, figure] = x.upTo !== undefined ? [x, y] : [y, x];
  const q = figure.qualifier;
  // A bound agrees with a range that reaches past it: "more than 10 percent" is not "5-10%", "up to 20 percent" is.
  if (q && LOWER_BOUNDS.has(q)) return range.upTo! > figure.value || (INCLUSIVE_BOUNDS.has(q) && range.upTo === figure.value);
  if (q && UPPER_BOUNDS.has(q)) return range.value < figure.value || (INCLUSIVE_BOUNDS.has(q) && range.value === figure.value);
  const share = q ? HEDGED : ROUNDING;
  return (figure.value >= range.value || near(figure.value, range.value, share)) && (figure.value <= range.upTo! || near(figure.value, range.upTo!, share));
}

/** Qualifiers that make a figure a bound (claims.ts `QUALIFIERS`): the figure is below, or above, what is counted. */
const LOWER_BOUNDS = new Set(['more than', 'over', 'at least', 'as few as']);
const UPPER_BOUNDS = new Set(['less than', 'fewer than', 'under', 'up to', 'at most', 'as many as']);
/** … of which these take the figure itself ("at least 10" is 10 or more). */
const INCLUSIVE_BOUNDS = new Set(['at least', 'as few as', 'up to', 'at most', 'as many as']);

/** Per key, the keys of opposite sense (lexicon/opposites.ts, as lemma keys). */
let opposites: Map<string, string[]> | null = null;
function oppositesOf(key: string): readonly string[] | undefined {
  if (!opposites) {
    const map = new Map<string, string[]>();
    const add = (x: string, y: string) => { const list = map.get(x); if (!list) map.set(x, [y]); else if (!list.includes(y)) list.push(y); };
    for (const [up, down] of OPPOSITE_GROUPS) for (const x of up) for (const y of down) { add(lemmaKey(x), lemmaKey(y)); add(lemmaKey(y), lemmaKey(x)); }
    opposites = map;
  }
  return opposites.get(key);
}

const NO_OPPOSITES: readonly number[] = Object.freeze([]);

/** The units of a side whose words have words of opposite sense (`oppositesOf`), found once. */
function oppositeUnits(side: MatchSide): readonly number[] {
  if (side.opposites === undefined) {
    let found: number[] | null = null;
    const units = side.norm.units;
    for (let i = 0; i < units.length; i++) if (oppositesOf(units[i][0])) (found ??= []).push(i);
    side.opposites = found ?? NO_OPPOSITES;
  }
  return side.opposites;
}

/** Whether a claim holds words of both senses ("rose in March but fell in April"): it opposes no claim. */
function bothSenses(side: MatchSide, units: readonly number[]): boolean {
  if (units.length < 2) return false;
  for (const i of units) {
    const keys = oppositesOf(side.norm.units[i][0])!;
    for (const k of units) if (k !== i && keys.includes(side.norm.units[k][0])) return true;
  }
  return false;
}

/** A word of opposite sense in each claim, as `opposedUnits` finds it. */
interface Opposed {
  /** A negation stands right before the word on the side that has one more negation ("did not approve"). */
  negatedAtWord: boolean;
}

/**
 * A unit of `a` and a unit of `b` of opposite sense ("rose" / "fell", "approved" / "rejected"), said of one subject:
 * neither word is in the other claim too, neither claim holds words of both senses (`bothSenses`: "rose in March but
 * fell in April" opposes neither "climbed in March" nor "fell in April"), and the words before them share a word, or
 * neither has any ("Clinton leads Trump" / "Trump trails Clinton", "the dollar rose against the euro" / "the euro fell
 * against the dollar" say one fact from its two sides). Two such pairs cancel out ("support … fell" / "opposition …
 * rose"). Null when there is none, or when there are an even number (counted on each side, the larger count).
 */
function opposedUnits(a: MatchSide, b: MatchSide): Opposed | null {
  const mine = oppositeUnits(a), theirs = oppositeUnits(b);
  if (!mine.length || !theirs.length || bothSenses(a, mine) || bothSenses(b, theirs)) return null;
  // Every pair is read, so that the answer is the same whichever claim comes first (the corpus's linker and the CLI's
  // meet a pair in either order).
  const inA = new Set<number>(), inB = new Set<number>();
  for (const i of mine) {
    if (b.exactIds.has(a.units[i])) continue;
    const keys = oppositesOf(a.norm.units[i][0])!;
    for (const j of theirs) {
      if (a.exactIds.has(b.units[j]) || !keys.includes(b.norm.units[j][0])) continue;
      if (!asVerb(a, i) || !asVerb(b, j)) continue;
      if (!sameSubject(a, i, b, j)) return null;
      inA.add(i);
      inB.add(j);
    }
  }
  if (Math.max(inA.size, inB.size) % 2 === 0) return null;
  const [side, units] = a.norm.negation > b.norm.negation ? [a, inA] : b.norm.negation > a.norm.negation ? [b, inB] : [null, inA];
  let negatedAtWord = false;
  if (side) {
    for (const u of units) {
      const w = wordOf(side, u);
      if (w && NEGATION_BEFORE.test(w.text.slice(Math.max(0, w.at - 30), w.at))) negatedAtWord = true;
    }
  }
  return { negatedAtWord };
}

/** Per key, the sets and groups of `OTHER_ACTS` it is in (as `set * ACT_GROUPS + group`), as lemma keys. */
let acts: Map<string, number[]> | null = null;
const ACT_GROUPS = 16;
function actsOf(key: string): readonly number[] | undefined {
  if (!acts) {
    const map = new Map<string, number[]>();
    OTHER_ACTS.forEach((set, s) => set.forEach((group, g) => {
      for (const word of group) {
        const k = lemmaKey(word), list = map.get(k), act = s * ACT_GROUPS + g;
        if (!list) map.set(k, [act]); else if (!list.includes(act)) list.push(act);
      }
    }));
    acts = map;
  }
  return acts.get(key);
}

/**
 * The acts (`actsOf`) a side's words name, found once: not a word that stands after a determiner, a possessive or "in"
 * (a noun or an adjective: "a search of his car", "the search giant", "officer in charge", "a retired judge", "in
 * Tuesday's debate").
 */
function actsIn(side: MatchSide): readonly number[] {
  if (side.acts === undefined) {
    let found: number[] | null = null;
    const units = side.norm.units;
    for (let i = 0; i < units.length; i++) {
      const acts = actsOf(units[i][0]);
      if (!acts) continue;
      const at = wordAt(side.claim.text, units[i][0]);
      if (at < 0 || NOT_AN_ACT_BEFORE.test(side.claim.text.slice(Math.max(0, at - 12), at))) continue;
      for (const act of acts) if (!(found ??= []).includes(act)) found.push(act);
    }
    side.acts = found ?? NO_UNITS;
  }
  return side.acts;
}
const NOT_AN_ACT_BEFORE = /\b(?:a|an|the|his|her|its|their|our|this|that|in|of)\s+$/i;

/**
 * Whether `a` names an act of a process (`OTHER_ACTS`) and `b` another act of it, neither naming the other's ("charged
 * and convicted" against "convicted" states the conviction too) and no act of that process named by both. The same
 * answer whichever comes first.
 */
function anotherAct(a: MatchSide, b: MatchSide): boolean {
  const mine = actsIn(a);
  if (!mine.length) return false;
  const theirs = actsIn(b);
  if (!theirs.length) return false;
  for (const x of mine) {
    if (theirs.includes(x)) continue;
    const set = Math.floor(x / ACT_GROUPS);
    // (Not when they share an act of that process: "convicted and sentenced to 16 years" / "sentenced to 16 years" are
    // of the sentence, the conviction named in passing.)
    if (mine.some(z => Math.floor(z / ACT_GROUPS) === set && theirs.includes(z))) continue;
    for (const y of theirs) if (Math.floor(y / ACT_GROUPS) === set && !mine.includes(y)) return true;
  }
  return false;
}

/** A negation within the two words right before a word ("did not approve", "has never risen", "won't cut"). */
const NEGATION_BEFORE = /(?:\b(?:not|never|no)|n['’]t)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;
const WORD = /\p{L}[\p{L}'’-]*/gu;

/** Where the word of a side's unit stands in its claim's text (the first word with its key), and the words before it; once per unit. */
function wordOf(side: MatchSide, unit: number): { text: string; at: number; before: string[] } | null {
  const known = (side.oppositeWords ??= new Map()).get(unit);
  if (known !== undefined) return known;
  const found = findWord(side, unit);
  side.oppositeWords.set(unit, found);
  return found;
}

/** The word of a side's unit as its claim writes it (`wordOf`'s place): a match of `WORD`, its `input` the claim's text. */
function surfaceOf(side: MatchSide, unit: number): RegExpExecArray | null {
  const w = wordOf(side, unit);
  if (!w) return null;
  WORD.lastIndex = w.at;
  return WORD.exec(w.text);
}

function findWord(side: MatchSide, unit: number): { text: string; at: number; before: string[] } | null {
  const text = side.claim.text, before: string[] = [];
  const at = wordAt(text, side.norm.units[unit][0], before);
  return at < 0 ? null : { text, at, before };
}

/**
 * Where the first word of `text` with lemma key `key` starts, or the first word of a two-word verb read as it ("found
 * guilty" for "convict": `phraseOpeners`), -1 if none; with `before`, the words before it that can name a subject
 * pushed into it (three letters or more, no stop word, no verb of saying).
 */
function wordAt(text: string, key: string, before?: string[]): number {
  const openers = phraseOpeners(key);
  WORD.lastIndex = 0;
  for (let m; (m = WORD.exec(text));) {
    const lower = m[0].toLowerCase();
    const k = lemmaKey(lower);
    if (k === key || openers?.has(k)) return m.index;
    if (before && lower.length >= 3 && !CLAIM_STOP_WORDS.has(lower) && !SAYING_VERBS.has(lower)) before.push(lower);
  }
  return -1;
}

/** The lemma keys of `VERBS_WITH_OBJECT`. */
let verbsWithObject: Set<string> | null = null;
/** An object after a verb: a determiner, a possessive or a count ("close its plant", "open a new plant", "close 40 stores"). */
const OBJECT_AFTER = /^\s+(?:its|their|his|her|our|the|a|an|this|that|these|those|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|\d)/i;

/** A passive's auxiliary right before a verb ("was closed", "has been reopened", "were shut"). */
const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\w+ly\s+)?$/i;

/**
 * Whether a unit that opposes only as a verb (`VERBS_WITH_OBJECT`) is one: with its object after it, or in the passive
 * ("the bridge was closed" / "the bridge was reopened"); true for any other unit.
 */
function asVerb(side: MatchSide, unit: number): boolean {
  if (!(verbsWithObject ??= new Set(VERBS_WITH_OBJECT.map(lemmaKey))).has(side.norm.units[unit][0])) return true;
  const m = surfaceOf(side, unit);
  if (m === null) return false;
  const text = m.input, end = m.index + m[0].length;
  return OBJECT_AFTER.test(text.slice(end, end + 12)) || (/(?:ed|ut)$/i.test(m[0]) && PASSIVE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)));
}

/** Whether the words before two opposed words share one, or neither has any: one subject (`opposedUnits`). */
function sameSubject(a: MatchSide, i: number, b: MatchSide, j: number): boolean {
  const x = wordOf(a, i), y = wordOf(b, j);
  if (!x || !y) return false;
  if (!x.before.length && !y.before.length) return true;
  return x.before.some(w => y.before.includes(w));
}
