/**
 * Pairs of words of opposite sense: of one subject and object, a report that states
 * one and a report that states the other contradict each other ("Ferry fares rose"
 * / "Ferry fares fell", "The board approved the plan" / "The board rejected the
 * plan"). Verbs of direction, verdict and stance, and a few adjectives; each word as
 * written in its base form (claim matching compares the lemma keys of both). A pair
 * is listed only when both words cannot be said of one thing at once; near pairs
 * whose meaning depends on the object ("drop a charge" / "raise a charge") are left
 * out. Words opposed by a prefix ("armed" / "unarmed") are found by rule
 * (claims/match.ts), not listed.
 */
export const OPPOSITE_PAIRS: readonly (readonly [string, string])[] = [
  ['rise', 'fall'], ['rise', 'decline'], ['rise', 'drop'], ['rise', 'sink'],
  ['climb', 'fall'], ['climb', 'decline'], ['climb', 'drop'], ['soar', 'plunge'], ['soar', 'plummet'],
  ['increase', 'decrease'], ['increase', 'reduce'], ['increase', 'cut'], ['raise', 'cut'],
  ['grow', 'shrink'], ['expand', 'shrink'], ['expand', 'reduce'], ['gain', 'lose'], ['strengthen', 'weaken'],
  ['improve', 'worsen'], ['approve', 'reject'], ['accept', 'reject'], ['accept', 'refuse'], ['accept', 'decline'],
  ['support', 'oppose'], ['admit', 'deny'], ['allow', 'ban'], ['allow', 'forbid'], ['allow', 'prohibit'],
  ['permit', 'ban'], ['permit', 'forbid'], ['lift', 'impose'], ['open', 'close'], ['pass', 'fail'],
  ['succeed', 'fail'], ['acquit', 'convict'], ['guilty', 'innocent'], ['hire', 'fire'], ['arrest', 'release'],
  ['sign', 'veto'], ['include', 'exclude'], ['survive', 'die'], ['alive', 'dead'], ['lead', 'trail'],
  ['majority', 'minority'], ['agree', 'disagree'], ['honest', 'dishonest'],
];
