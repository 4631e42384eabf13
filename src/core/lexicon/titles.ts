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
