/** Number words and the units that follow numbers. Lists are space- or `|`-separated strings, split once at load. */

/** Units and scale words that belong to a number's span. */
export const NUMBER_UNITS =
  'percent per cent % million billion trillion thousand hundred kilometers kilometres km miles mile meters metres ' +
  'feet foot kilograms kg tonnes tons barrels dollars euros pounds rubles roubles hryvnias yuan yen';

export const NUMBER_WORDS =
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
  'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands ' +
  'million millions billion billions dozen dozens';

/**
 * Nouns that count people of one kind, as a count's unit is written (plural): a count of "people" (or "persons") is a
 * count of any of them ("14 people were hurt" / "14 passengers were hurt"); two kinds are two counts. Not the forces
 * and crews sent to an event (officers, soldiers, troops, crew): "1,500 people gathered" and "1,500 officers were
 * deployed" count two crowds.
 */
export const PERSON_KINDS: ReadonlySet<string> = new Set(('passengers residents victims workers employees students children adults patients civilians ' +
  'migrants refugees fans spectators visitors tourists customers voters protesters demonstrators inmates prisoners ' +
  'pupils survivors villagers pilgrims hikers climbers swimmers motorists pedestrians cyclists miners members guests').split(' '));
/** The words of a count of people of any kind. */
export const PEOPLE_UNITS: ReadonlySet<string> = new Set(['people', 'persons']);
