/**
 * Abbreviations whose full stop ends no sentence ("Dr.", "Sept.", "Corp."): titles,
 * months, company and street words. Written as capitalised; users that compare
 * lower-cased words lower-case them too. (The sentence splitter keeps
 * sentence-splitter's own English lists, text/sentences.ts: its rules are the
 * reference the splitter is tested against.)
 */
export const ABBREVIATIONS: readonly string[] = (
  'Mr Mrs Ms Dr St Sr Jr Rep Sen Gov Gen Lt Col Sgt Capt Adm Maj Prof Rev Messrs ' +
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
  'Inc Corp Co Ltd Bros Mt Ft Ave Blvd'
).split(' ');

/** Plural title abbreviations ("Sens.", "Reps.") and "Del." (delegate). */
export const MORE_TITLE_ABBREVIATIONS: readonly string[] = ['Sens', 'Reps', 'Del'];

/** US states as datelines and party labels abbreviate them ("R-Texas" aside): "Calif.", "D-Ill.". */
export const US_STATE_ABBREVIATIONS: readonly string[] = (
  'Ala Ariz Ark Calif Colo Conn Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo'
).split(' ');
