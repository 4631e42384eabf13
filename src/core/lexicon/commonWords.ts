/** Capitalised words that are not names: sentence openers, and other proper adjectives (MISC). Lists are space- or `|`-separated strings, split once at load. */

/** Capitalised words at a sentence start (or anywhere) that never begin a name. */
export const STARTERS =
  'The A An And But Or Nor So Yet However Meanwhile Although Though While Whereas When Where Why What Who Whom ' +
  'Whose Which How If Unless Until Since Because As At In On Of For From To By With Without Within Into Onto ' +
  'Over Under After Before During Despite Among Between About Above Below Across Along Around Against Through ' +
  'Throughout This That These Those There Here Then Thus Still Also Even Just Only Now Today Tonight Yesterday ' +
  'Tomorrow Earlier Later Last Next Some Many Most Much More Few Several All Both Each Every Either Neither No Not ' +
  'None Other Another Such It Its He She They We You I Me Him Her His Hers Our Ours Their Theirs Them Us My Your ' +
  'Everything Everyone Everybody Nothing Someone Somebody Something Anyone Anything Nobody One Two Three Four Five ' +
  'Six Seven Eight Nine Ten First Second Third Asked Told Said Says According Instead Indeed Moreover Furthermore ' +
  'Nevertheless Nonetheless Otherwise Overall Finally Perhaps Maybe Please Yes Oh Well Like Unlike Following ' +
  'Speaking Writing Asked Related Read Also Photo Image Video Watch Live Update Updates Breaking Exclusive Opinion ' +
  'Advertisement Sponsored Subscribe Copyright';

/** Other MISC adjectives and group names. */
export const MISC_WORDS = 'Western Eastern Soviet Islamic Muslim Christian Jewish Catholic Orthodox Arab Kurdish Sunni Shia Shiite Baltic Nordic Balkan Slavic Latino Hispanic Olympic Olympics English';
