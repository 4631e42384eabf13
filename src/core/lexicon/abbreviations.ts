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

/**
 * The 50 US states, each with the abbreviation news style writes after a city ("Tulsa, Okla.", "Charlotte, N.C."), or
 * none for a name written in full there ("Dallas, Texas" in AP style: Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas,
 * Utah). "Abbreviation:Name" a pair, `|`-separated. Washington State is written so, apart from the capital.
 */
export const US_STATES =
  'Ala:Alabama|:Alaska|Ariz:Arizona|Ark:Arkansas|Calif:California|Colo:Colorado|Conn:Connecticut|Del:Delaware|Fla:Florida|' +
  'Ga:Georgia|:Hawaii|:Idaho|Ill:Illinois|Ind:Indiana|:Iowa|Kan:Kansas|Ky:Kentucky|La:Louisiana|:Maine|Md:Maryland|' +
  'Mass:Massachusetts|Mich:Michigan|Minn:Minnesota|Miss:Mississippi|Mo:Missouri|Mont:Montana|Neb:Nebraska|Nev:Nevada|' +
  'N.H:New Hampshire|N.J:New Jersey|N.M:New Mexico|N.Y:New York|N.C:North Carolina|N.D:North Dakota|:Ohio|Okla:Oklahoma|' +
  'Ore:Oregon|Pa:Pennsylvania|R.I:Rhode Island|S.C:South Carolina|S.D:South Dakota|Tenn:Tennessee|Tex:Texas|:Utah|' +
  'Vt:Vermont|Va:Virginia|Wash:Washington State|W.Va:West Virginia|Wis:Wisconsin|Wyo:Wyoming';
