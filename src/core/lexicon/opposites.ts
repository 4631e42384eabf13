/**
 * Words of opposite sense, in pairs of groups: of one subject, a report that says a
 * word of one group and a report that says a word of the other contradict each other
 * ("Ferry fares rose" / "Ferry fares fell", "The board approved the plan" / "The board
 * rejected the plan"). Verbs of direction, verdict and stance, and adjectives with
 * their negative forms; each word in its base form (claim matching compares lemma
 * keys). A word is listed only in the sense news uses it in most: words that are
 * as often something else ("open" / "close": an open letter, a close ally; "fire";
 * "release" a video; "lead" investigator; "majority") are left out, as are words the
 * claims' stop words hold ("won", "more", "higher").
 */
export const OPPOSITE_GROUPS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['rise', 'increase', 'climb', 'grow', 'gain', 'soar', 'jump', 'surge', 'expand', 'raise', 'boost'],
    ['fall', 'decline', 'drop', 'sink', 'decrease', 'reduce', 'cut', 'shrink', 'plunge', 'plummet', 'slump', 'tumble', 'lose']],
  [['approve', 'accept', 'pass'], ['reject', 'refuse', 'decline', 'veto']],
  [['support', 'favor', 'favour'], ['oppose']],
  [['admit', 'acknowledge'], ['deny']],
  [['allow', 'permit', 'legalize', 'legalise'], ['ban', 'forbid', 'prohibit', 'outlaw']],
  [['pass'], ['fail']], [['acquit'], ['convict']], [['guilty'], ['innocent']], [['survive'], ['die']], [['alive'], ['dead']],
  [['include'], ['exclude']], [['succeed'], ['fail']], [['strengthen'], ['weaken']], [['improve'], ['worsen']],
  [['agree'], ['disagree']], [['approve'], ['disapprove']], [['armed'], ['unarmed']], [['legal'], ['illegal']],
  [['lawful'], ['unlawful']], [['constitutional'], ['unconstitutional']], [['popular'], ['unpopular']], [['fair'], ['unfair']],
  [['likely'], ['unlikely']], [['eligible'], ['ineligible']], [['accurate'], ['inaccurate']], [['responsible'], ['irresponsible']],
  [['honest'], ['dishonest']], [['true'], ['false']], [['profit'], ['loss']], [['surplus'], ['deficit']],
];
