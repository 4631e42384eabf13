/**
 * Stop words: function words that carry no signal for comparing texts. One list,
 * each word filed by the analysers that drop it: reuse detection (which also drops
 * the fillers paraphrasers sprinkle in) and claim linking.
 */

/** Dropped by both. */
const BOTH =
  'a an the and or but nor so if then than that this these those there here of in on at to for from by with ' +
  'about into over after before as is are was were be been being do does did have has had will would should ' +
  'can could may might must i we our you he his she her it its they their who whom whose which what when where ' +
  'not no any some such only very just also more most up out said says say told';

/** Dropped by reuse detection only. */
const REUSE_ONLY =
  'yet without onto under between through during against among upon within am done doing having shall me my ' +
  'mine ours your yours him hers them theirs why how all each every both either neither other own same too now ' +
  'still even really indeed reportedly actually currently apparently clearly officially again ever already much ' +
  'many less least few lot one ones down off per via s t d ll m re ve don didn doesn isn wasn aren weren won ' +
  "wouldn couldn shouldn hasn haven hadn mr mrs ms dr st saying tell";

/** Dropped by claim linking only. */
const CLAIMS_ONLY = 'while near because s t d ll m re ve don didn doesn isn wasn aren weren won wouldn couldn shouldn hasn haven hadn';

const words = (s: string) => s.split(' ');

/** Lower-case words reuse detection does not count. */
export const REUSE_STOP_WORDS: ReadonlySet<string> = new Set([...words(BOTH), ...words(REUSE_ONLY)]);

/** Lower-case words claim linking does not count. */
export const CLAIM_STOP_WORDS: ReadonlySet<string> = new Set([...words(BOTH), ...words(CLAIMS_ONLY)]);

/**
 * Object and reflexive pronouns (the subject and possessive ones are stop words already): no content of a claim's
 * normalised form ("ordered him to drop the gun" / "ordered Lind to drop the gun"). Left out of the claim stop words,
 * which also say whether a clause has words enough to assert something: there they still count.
 */
export const CLAIM_PRONOUNS: ReadonlySet<string> = new Set(words('me my mine us ours your yours him hers them theirs myself yourself himself herself itself ourselves themselves'));
