/**
 * Words of opposite sense, in pairs of groups: of one subject, a report that says a
 * word of one group and a report that says a word of the other contradict each other
 * ("Ferry fares rose" / "Ferry fares fell", "The board approved the plan" / "The board
 * rejected the plan"). Verbs of direction, verdict and stance, and adjectives with
 * their negative forms; each word in its base form (claim matching compares lemma
 * keys). A word is listed only in the sense news uses it in most: words that are
 * as often something else ("fire"; "release" a video; "lead" investigator;
 * "majority") are left out, as are words the claims' stop words hold ("won", "more",
 * "higher"); "open" and "close" oppose only as verbs with an object (`VERBS_WITH_OBJECT`).
 */
export const OPPOSITE_GROUPS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['rise', 'increase', 'climb', 'grow', 'gain', 'soar', 'jump', 'surge', 'expand', 'raise', 'boost'],
    ['fall', 'decline', 'drop', 'sink', 'decrease', 'reduce', 'cut', 'shrink', 'plunge', 'plummet', 'slump', 'tumble', 'lose']],
  [['approve', 'accept', 'pass', 'grant'], ['reject', 'refuse', 'decline', 'veto', 'deny']],
  [['support', 'favor', 'favour'], ['oppose']],
  [['admit', 'acknowledge'], ['deny']],
  [['allow', 'permit', 'legalize', 'legalise'], ['ban', 'forbid', 'prohibit', 'outlaw']],
  [['pass'], ['fail']], [['acquit'], ['convict']], [['guilty'], ['innocent']], [['survive'], ['die']], [['alive'], ['dead']],
  [['include'], ['exclude']], [['succeed'], ['fail']], [['strengthen'], ['weaken']], [['improve'], ['worsen']],
  [['agree'], ['disagree']], [['approve'], ['disapprove']], [['armed'], ['unarmed']], [['legal'], ['illegal']],
  [['lawful'], ['unlawful']], [['constitutional'], ['unconstitutional']], [['popular'], ['unpopular']], [['fair'], ['unfair']],
  [['likely'], ['unlikely']], [['eligible'], ['ineligible']], [['accurate'], ['inaccurate']], [['responsible'], ['irresponsible']],
  [['honest'], ['dishonest']], [['true'], ['false']], [['profit'], ['loss']], [['surplus'], ['deficit']],
  [['open', 'reopen'], ['close', 'shut']],
];

/**
 * Words of `OPPOSITE_GROUPS` that oppose only as verbs, with their object after them or in the passive ("close its
 * bakery plant" / "open a new plant", "the bridge was closed" / "was reopened"): not an open letter, a close ally,
 * shares that closed higher, the closing of a deal.
 */
export const VERBS_WITH_OBJECT: readonly string[] = ['open', 'reopen', 'close', 'shut'];

/**
 * Acts of one process, in groups: of one matter, a report that says a word of one group and a report that says a word
 * of another group of the same set state two facts, not one ("charged with fraud" / "convicted of fraud", "the council
 * approved the bylaw" / "the mayor signed the bylaw", "upheld the conviction" / "overturned the conviction", "two
 * people were killed" / "two people were injured"). The steps of a criminal case, of a law, of an appointment and its
 * end, of a ruling on appeal, of a service, of a search, of an inquiry, of a bargain, of a piece of work, of people
 * leaving their homes and coming back, and the harm done to people. Base forms, in the sense news
 * uses most; words as often something else are left out ("fire", "name", "strike", "release", "open", "close",
 * "confirm": a saying verb too), and so are acts told from two sides ("buy" / "sell").
 */
export const OTHER_ACTS: readonly (readonly (readonly string[])[])[] = [
  [['arrest', 'detain'], ['charge', 'indict'], ['convict'], ['acquit'], ['sentence', 'jail', 'imprison'], ['plead']],
  [['propose', 'introduce', 'draft'], ['debate'], ['pass', 'approve', 'adopt', 'enact'], ['sign'], ['veto']],
  [['nominate'], ['elect', 'appoint'], ['resign', 'quit'], ['retire'], ['dismiss', 'sack', 'oust'], ['suspend']],
  [['uphold'], ['overturn', 'reverse', 'vacate', 'annul']],
  [['suspend', 'halt'], ['restore', 'resume']],
  [['search'], ['find', 'recover', 'locate']],
  [['kill', 'die'], ['injure', 'wound']],
  [['investigate', 'probe'], ['find', 'conclude', 'clear']],
  [['offer'], ['accept'], ['reject']],
  [['launch', 'begin', 'start'], ['complete', 'finish']],
  [['flee', 'evacuate'], ['return']],
];
