/** Titles and roles: the words before a person's name that are not part of it. Lists are space- or `|`-separated strings, split once at load. */

/** Titles and roles that precede a person's name; never part of the name itself. */
export const TITLES =
  'President Vice Prime Minister Ministers Foreign Defense Defence Secretary General Secretary-General ' +
  'Under-Secretary Chancellor Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss Mme Sen Sen. Senator Rep Rep. Representative ' +
  'Gov Gov. Governor Mayor King Queen Prince Princess Pope Sheikh Ambassador Envoy Spokesman Spokeswoman ' +
  'Spokesperson Chief Deputy Chairman Chairwoman Chair Director Director-General Commissioner Judge Justice ' +
  'Coach Captain Capt Capt. Col Col. Colonel Gen Gen. Lt Lt. Lieutenant Sgt Sgt. Sergeant Adm Adm. Admiral ' +
  'Maj Maj. Rev Rev. Reverend Father Sister Brother Sir Lord Lady Dame Archbishop Bishop Cardinal Rabbi Imam ' +
  'Professor Prof Prof. Premier Interior Finance Economy Economics Health Trade Energy Home Affairs Leader ' +
  'Speaker Attorney Executive CEO Officer Commander Marshal Patriarch Ayatollah Emperor Crown Pres Pres. ' +
  'State Treasury Agriculture Education Labour Labor Transport Environment Culture Information Security ' +
  'National Adviser Advisor Analyst Ombudsman Counsel Deputies Minister-President Mufti Grand Opposition ' +
  'Detective Inspector Superintendent Constable Officer Sheriff Chancellor Vice-President Vice-Chancellor ' +
  'First Lady Head Acting Interim Former Ex-President President-elect Senior Principal Assistant Associate';

/** Title words that are also ordinary name parts: a title only before another name word. */
export const WEAK_TITLES = 'Home State National Security Information First Lady Head Grand Senior Principal Father Sister Brother Justice Crown';

/** Lower-case roles before a name: "spokesperson Maria Zakharova". */
export const LOWER_TITLES =
  'spokesperson spokesman spokeswoman minister president chancellor secretary ambassador envoy leader ' +
  'premier official director chairman chairwoman analyst commander general senator governor mayor ' +
  'correspondent reporter editor professor adviser advisor counsel lawyer attorney judge coach captain ' +
  'striker midfielder defender goalkeeper champion manager chief executive founder colleague counterpart ' +
  'rival opponent candidate nominee deputy aide diplomat negotiator economist';

/**
 * Lower-case words that precede a speaker's name as titles or descriptions (nationalities
 * and roles included), stripped from speaker names by the quote rules. Kept apart from the
 * entity lists above, whose membership the entity recogniser was built on.
 */
export const SPEAKER_TITLES: ReadonlySet<string> = new Set(`president vice minister foreign secretary general gen gen. sen sen. sens. senator rep rep. reps.
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
  villager resident host anchor correspondent analyst activist retired widow
  rival challenger opponent incumbent contender hopeful`.split(/\s+/));
