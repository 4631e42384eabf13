/**
 * The quotes module's word lists: reporting verbs (cues), pronouns, titles,
 * organisation heads, words that are never names, first names by gender, and the
 * small lists the attribution rules read. Data only, apart from `forms`, which
 * spells out a regular verb's forms.
 */

/** All forms of regular verbs ("note" -> note, notes, noted, noting); "a/b/c" lists forms. */
function forms(list: string, pastOnly = false): string[] {
  const out: string[] = [];
  for (const entry of list.split(/\s+/).filter(Boolean)) {
    if (entry.includes('/')) { out.push(...entry.split('/')); continue; }
    const base = entry;
    const stem = base.endsWith('e') ? base.slice(0, -1) : base;
    const ed = base.endsWith('e') ? base + 'd' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base + 'ed';
    const s = /(s|sh|ch|x)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's';
    if (pastOnly) out.push(ed, stem + 'ing');
    else out.push(base, s, ed, stem + 'ing');
  }
  return out;
}

/** Reporting verbs. Those that double as nouns ("a remark", "claims") count only as -ed/-ing forms. */
export const CUES = new Set([
  ...forms(`say/says/said/saying tell/tells/told/telling write/writes/wrote/writing
    add ask explain declare argue insist warn recall acknowledge admit announce suggest urge respond conclude joke
    quip predict complain stress emphasize emphasise observe exclaim shout yell testify boast concede caution lament
    contend assert mention muse scoff retort reiterate confirm allege recount proclaim grumble tout
    speak/speaks/spoke/speaking chime/chimes/chimed/chiming demand`),
  ...forms(`remark report post tweet call point echo charge claim answer counter state note reply promise vow pledge
    repeat continue describe blast sigh thunder wonder interject`, true),
  'snapped', 'dubbed', 'accused', 'accusing', 'reports', 'notes',
]);

export const PRONOUNS: Record<string, 'm' | 'f' | 'p' | 'x'> = { he: 'm', she: 'f', they: 'p', i: 'x', we: 'p' };

/** Words that precede a name as titles or descriptions, stripped from speaker names. */
export const TITLES = new Set(`president vice minister foreign secretary general gen gen. sen sen. sens. senator rep rep. reps.
  representative gov gov. governor mayor chancellor prime premier chairman chairwoman chair speaker leader majority
  minority whip spokesman spokeswoman spokesperson press deputy chief director ambassador judge justice dr dr. mr mr.
  mrs mrs. ms ms. miss prof prof. professor rev rev. sir lady lord queen king prince princess pope sgt sgt. lt lt. col
  col. capt capt. adm adm. maj maj. attorney former candidate nominee commissioner officer coach ceo founder sheriff
  secretary-general vice-president state defense defence interior treasury homeland security national democratic
  republican gop congressman congresswoman councilman councilwoman assemblyman assemblywoman del del.
  superintendent detective inspector pastor father sister brother bishop cardinal rabbi imam sheikh emir lieutenant
  colonel major captain admiral sergeant corporal private executive managing associate assistant principal
  u.s. us american russian ukrainian british german french norwegian chinese israeli iranian indian polish italian
  canadian mexican japanese korean syrian iraqi afghan turkish european estonian egyptian saudi
  villager resident host anchor correspondent analyst activist retired widow`.split(/\s+/));

/** Heads that make a capitalised name an organisation. */
export const ORG_WORDS = new Set(`ministry house department kremlin pentagon committee council agency party campaign times post
  news journal guardian reuters press commission office administration government bureau institute university union
  association foundation corp corp. inc inc. company court senate congress army police navy nato un fbi cia cnn msnbc
  fox abc nbc cbs bbc network group center centre coalition board service services embassy parliament duma cabinet
  federation league organization organisation bank fund club caucus command tribune herald globe politico
  magazine channel politifact poll watch project alliance republicans democrats`.split(/\s+/));

/** Capitalised words that never start or make a name on their own. */
export const NOT_NAME = new Set(`the a an and but or so if when while as after before in on at of for to from by with this that
  these those it its his her their our my your we i he she they you there here then also yet still even just
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today yesterday tomorrow meanwhile however although though because
  according speaking asked during despite since until among under over following later earlier now instead only
  some many most both all every each other another no not what why how where who which without within through
  across against between about above around behind beyond into like near toward towards upon via once
  is are was were has have be been does did do editor’s editor's note update photo getty/instagram`.split(/\s+/));

export const FEMALE = new Set(`hillary nancy elizabeth kamala maria liz karine tamara lyudmila anniken angela melania ivanka
  kellyanne sarah michelle huma donna debbie jill susan sue mary patricia jennifer linda barbara margaret lisa karen
  betty helen sandra ashley kimberly emily laura rebecca amy anna ann anne julie katie kate claire gwen loretta
  christina catherine kathleen kelly megyn sheryl condoleezza janet samantha ruth sonia elena nikki marsha
  kirsten tammy dianne heidi jeanne maxine sheila jane joan diane carly ivana chelsea tiffany omarosa
  martha ariana katrina paula rosa teresa irene natalia olga svetlana yulia ursula theresa marine frederica tulsi
  heather jessica stephanie nicole rachel hannah emma olivia sophia grace alice madam marcia doris terry`.split(/\s+/));
export const MALE = new Set(`donald barack bill joe mike michael john james robert david richard thomas charles christopher
  daniel paul mark george steven kevin brian edward ronald anthony jason jeff jeffrey ryan gary eric stephen larry
  scott frank ted bernie tim mitch chris rudy newt reince sean corey jared rex jens olaf sergey vladimir dmitry
  volodymyr dmytro oleksiy zbigniew vadym boris emmanuel xi dick al marco rand ben jeb lindsey harry chuck`.split(/\s+/));

/** Words between a subject and its cue that do not change the subject. */
export const SKIP = new Set(`also has had have was is were are then later once previously recently again further never
  repeatedly publicly privately reportedly would will could may might did does do not often first last earlier
  since now who`.split(/\s+/));
/** Time words skipped between a cue and its subject ("said Monday Lavrov", "Clinton on Monday said"). */
export const DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|night|morning|afternoon|evening|week|month|year|weekend)$/i;
/** Nouns of speech whose possessor speaks: "Trump’s claim that …". */
export const SPEECH_NOUNS = new Set('claim claims statement statements remark remarks comment comments words assertion promise pledge tweet tweets message warning description argument allegation accusation vow'.split(' '));
/** Title-case verbs of a headline's "Name Says …". */
export const HEADLINE_VERBS = new Set('says say tells calls speaks sees rips slams blasts hits urges vows warns reveals defends accuses praises mocks admits denies insists claims hammers knocks touts asks'.split(' '));
/** Words that open a new clause. */
export const SUBORD = new Set('when as while because and but after before if since until who which that where whether though although so or'.split(' '));
export const PREPOSITIONS = new Set('in on at of to from with by about for as into like than over under after before against between through during without'.split(' '));

/** Lower-case words allowed inside a person's name. */
export const PARTICLES = new Set(['de', 'van', 'von', 'bin', 'al', 'la', 'le', 'da', 'del', 'der', 'du', 'ibn']);

/** Words whose final full stop is part of them: initials, abbreviated titles, US state abbreviations. */
export const KEEP_DOT = /^(?:\p{L}\.)+$|^(?:mr|mrs|ms|dr|sen|sens|rep|reps|gov|gen|st|jr|sr|lt|col|capt|sgt|adm|maj|prof|rev|inc|corp|co|del|(?:[dri]-)?(?:ala|ariz|ark|calif|colo|conn|fla|ga|ill|ind|kan|ky|la|md|mass|mich|minn|miss|mo|mont|neb|nev|okla|ore|pa|tenn|tex|vt|va|wash|wis|wyo))\.$/iu;

/** Lower-case words a headline may hold (every other word is capitalised). */
export const HEADLINE_SMALL = new Set('a an the of to in on at for with by and or but as from vs via into over up is are be'.split(' '));

/** Lower-case words a quoted title may hold ("Meet the Press"). */
export const TITLE_SMALL = /^(?:of|and|the|a|an|in|on|with|to|for|at|is|it)$/;

/** Words before a quoted title that name it as a thing: "on “Morning Joe”", "the show “…”". */
export const WORK_MARKERS = /^(?:of|on|in|at|from|with|show|program|film|book|song)$/;

/** Nouns that head a speaker's description on their own: "officials said". */
export const DESCRIPTION_HEADS = /^(?:official|officials|spokesman|spokeswoman|spokesperson|ministry|statement|campaign|police|aide|aides|source|sources|analyst|analysts|experts|expert|residents|critics|lawmakers|protesters|officers|report|authorities)$/;

/** Audiences that belong to a "told …" cue phrase. */
export const TOLD_AUDIENCES = /^(?:reporters|journalists|supporters)$/i;
