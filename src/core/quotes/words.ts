/**
 * The quotes module's word lists: reporting verbs (cues), pronouns, titles,
 * organisation heads, words that are never names, first names by gender, and the
 * small lists the attribution rules read. Data only; the lists shared with other
 * analysers live in src/core/lexicon/ and are re-exported here.
 */
import { SPEAKER_TITLES as TITLES } from '../lexicon/titles';
import { SPEAKER_ORG_WORDS as ORG_WORDS } from '../lexicon/organisations';
import { FEMALE, MALE } from '../lexicon/firstNames';
import { QUOTE_CUES as CUES } from '../lexicon/reportingVerbs';
import { ABBREVIATIONS, MORE_TITLE_ABBREVIATIONS, US_STATE_ABBREVIATIONS } from '../lexicon/abbreviations';

export { CUES, FEMALE, MALE, ORG_WORDS, TITLES };

/** Pronouns a speaker may be, and whom each stands for. (A map, not an object: "constructor" is no pronoun.) */
export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'p' | 'x'> = new Map([['he', 'm'], ['she', 'f'], ['they', 'p'], ['i', 'x'], ['we', 'p']]);

/** Capitalised words that never start or make a name on their own. */
export const NOT_NAME = new Set(`the a an and but or so if when while as after before in on at of for to from by with this that
  these those it its his her their our my your we i he she they you there here then also yet still even just
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today yesterday tomorrow meanwhile however although though because
  according speaking asked during despite since until among under over following later earlier now instead only
  some many most both all every each other another no not what why how where who which without within through
  across against between about above around behind beyond into like near toward towards upon via once
  is are was were has have be been does did do editor’s editor's note update photo getty/instagram`.split(/\s+/));

/** Words between a subject and its cue that do not change the subject. */
export const SKIP = new Set(`also has had have was is were are then later once previously recently again further never
  repeatedly publicly privately reportedly would will could may might did does do not often first last earlier
  since now who both`.split(/\s+/));
/** Time words skipped between a cue and its subject ("said Monday Lavrov", "Clinton on Monday said"). */
export const DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|night|morning|afternoon|evening|week|month|year|weekend)$/i;
/** Nouns of speech whose possessor speaks: "Trump’s claim that …". */
export const SPEECH_NOUNS = new Set(('claim claims statement statements remark remarks comment comments words assertion promise pledge tweet tweets message warning description argument allegation accusation vow reply response answer retort verdict ' +
  // Error kind: the wrong person. More nouns of a speech act whose owner speaks the words of its "that" clause: "Roe’s interjection that …".
  'interjection interjections boast boasts assertions promises pledges vows insistence suggestion contention admission denial prediction declaration quip taunt').split(' '));
/** Title-case verbs of a headline's "Name Says …". */
export const HEADLINE_VERBS = new Set(('says say tells calls speaks sees rips slams blasts hits urges vows warns reveals defends accuses praises mocks admits denies insists claims hammers knocks touts asks ' +
  // Error kind: a headline label missed when its subject is plural ("Nurses Slam …", "Black Lawmakers Rip …").
  'tell call speak see rip slam blast hit urge vow warn reveal defend accuse praise mock admit deny insist claim hammer knock tout ask decry decries demand demands chant chants blame blames ' +
  // A group's slogan in a headline: "Parents Rally To ‘Reclaim Our Schools’".
  'rally rallies march marches protest protests').split(' '));
/** Cues whose object takes the quote as its complement: "called her “a disgrace”", "described the plan as “reckless”". */
export const NAMING_CUES = /^(?:call|calls|called|calling|describe|describes|described|describing|dub|dubs|dubbed|dubbing|label|labels|labeled|labelled|labeling|labelling|brand|brands|branded|branding|term|terms|termed|terming|deem|deems|deemed|deeming|accuse|accuses|accused|accusing)$/;
/** Cues of a comment clause "as X put it", "as Roe said". */
export const AS_COMMENT = /^(?:said|says|put|noted|notes|wrote|writes|observed|explained|argued|told|tells|described|called)$/;
/** Words that open a new clause. */
export const SUBORD = new Set('when as while because and but after before if since until who which that where whether though although so or'.split(' '));
export const PREPOSITIONS = new Set('in on at of to from with by about for as into like than over under after before against between through during without'.split(' '));

/** Lower-case words allowed inside a person's name. */
export const PARTICLES = new Set(['de', 'van', 'von', 'bin', 'al', 'la', 'le', 'da', 'del', 'der', 'du', 'ibn']);

/** Words whose final full stop is part of them: initials, abbreviated titles, US state abbreviations. */
export const KEEP_DOT = new RegExp(
  String.raw`^(?:\p{L}\.)+$|^(?:${[...ABBREVIATIONS, ...MORE_TITLE_ABBREVIATIONS].join('|')}|(?:[dri]-)?(?:${US_STATE_ABBREVIATIONS.join('|')}))\.$`,
  'iu',
);

/** Lower-case words a headline may hold (every other word is capitalised). */
export const HEADLINE_SMALL = new Set('a an the of to in on at for with by and or but as from vs via into over up is are be'.split(' '));

/** Lower-case words a quoted title may hold ("Meet the Press"). */
export const TITLE_SMALL = /^(?:of|and|the|a|an|in|on|with|to|for|at|is|it)$/;

/** Words before a quoted title that name it as a thing: "on “Morning Joe”", "the show “…”". */
export const WORK_MARKERS = /^(?:of|on|in|at|from|with|show|program|film|book|song)$/;

/** Nouns that head a speaker's description on their own: "officials said". */
export const DESCRIPTION_HEADS = /^(?:official|officials|spokesman|spokeswoman|spokesperson|ministry|statement|campaign|police|aide|aides|source|sources|analyst|analysts|experts|expert|residents|critics|lawmakers|protesters|officers|report|authorities)$/;

/** Heads of a document that speaks: "a leaked memo described …", "the post read". Such a speaker is an ORG. */
export const DOCUMENT_HEADS = /^(?:report|memo|memorandum|study|survey|poll|complaint|lawsuit|suit|letter|filing|brief|analysis|statement|document|email|e-mail|post|tweet|note|release|ruling|order|indictment|motion|petition|ad|advertisement|editorial|article|column|message|transcript|proposal|website|sign|banner|headline|assessment|audit|review|notice|affidavit|opinion|verdict|decision|platform|manifesto|guidance|summary|dossier|cable|chart|missive|blog|podcast|op-ed|textbook|handbook|guidelines|rulebook)s?$/;

/** Singular heads of a group that speaks: "the crowd chanted". Plural nouns are groups too ("the striking nurses"). */
export const GROUP_HEADS = /^(?:crowd|audience|public|majority|minority|electorate|staff|team|chorus|coalition|group|panel|jury|family|class|congregation|mob|choir|band|cast|delegation|crew)$/;

/** Plural nouns of people that make a subject on their own: "protesters chanted", "economists said". */
export const AGENT_PLURAL = /^\p{Ll}{3,}(?:ers|ors|ists|ants|ents|ians|ees|als|ics)$/u;

/** Words of quantity heading a group: "most of those surveyed", "52 percent of voters". */
export const QUANTIFIERS = /^(?:most|many|some|all|half|none|few|several|percent|per cent|third|thirds|quarter|quarters|fifth|fifths|majority|minority|number|dozens|hundreds|thousands|millions|each|both|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d.,]*%?)$/;

/** Verbs a document reports with beyond the quote cues: "a report found", "the study showed". */
export const DOCUMENT_VERBS = /^(?:found|finds|concluded|concludes|showed|shows|estimated|estimates|determined|determines|ruled|rules|cited|cites|recommended|recommends|alleged|alleges|read|reads|predicted|predicts|described|describes)$/;

/** Nouns of people a quantity counts ("52 percent of voters"), beyond the agent plurals. */
export const PEOPLE = /^(?:people|voters|respondents|americans|adults|residents|members|citizens|men|women|parents|students|workers|republicans|democrats|independents|surveyed|polled|asked|questioned|likely)$/;

/** Verbs of what a group holds or says: "most voters believe …". */
export const GROUP_VERBS = /^(?:say|think|believe|believes|agree|disagree|want|support|oppose|expect|feel|felt|thought|see|saw|view|are|were)$/;

/** Words before a quantity: "only 40 percent", "nearly half". */
export const QUANTITY_LEADS = /^(?:only|nearly|about|almost|just|roughly|some|over|under|around|fully|barely|more|fewer|less|than|a|the|\d[\d.,]*)$/;

/** Prepositions that tie a modifier to the noun before them: "a spokesman for the port authority", "protesters outside the hall", "an aide to the governor" ("from" names a source: "letters from the mayor"). */
export const HEAD_PREPOSITIONS = new Set('of for to on at with in outside inside near behind across around among'.split(' '));

/** Audiences that belong to a "told …" cue phrase. */
export const TOLD_AUDIENCES = /^(?:reporters|journalists|supporters)$/i;

/** The words of `alternatives` ("is|was|are") as a set: a token's exact test. */
export const oneOf = (alternatives: string): ReadonlySet<string> => new Set(alternatives.split('|'));
