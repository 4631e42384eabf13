/** Number words and the units that follow numbers. Lists are space- or `|`-separated strings, split once at load. */

/** Units and scale words that belong to a number's span. */
export const NUMBER_UNITS =
  'percent per cent % million billion trillion thousand hundred kilometers kilometres km miles mile meters metres ' +
  'feet foot kilograms kg tonnes tons barrels dollars euros pounds rubles roubles hryvnias yuan yen';

export const NUMBER_WORDS =
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
  'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands ' +
  'million millions billion billions dozen dozens';
