/** Calendar words: months and weekdays. Lists are space- or `|`-separated strings, split once at load. */

export const MONTHS =
  'January February March April May June July August September October November December ' +
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec';

export const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday';
