/** Alternative names of the same thing (the first form is the canonical one). Lists are space- or `|`-separated strings, split once at load. */

/** Name aliases: every form on a line maps to the first. */
export const ALIASES = [
  'United States|U.S.|US|USA|U.S.A.|United States of America|America|the United States|the U.S.|the US',
  'United Kingdom|UK|U.K.|Britain|Great Britain',
  'United Nations|UN|U.N.',
  'European Union|EU|E.U.',
  'NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation',
  'Kyiv|Kiev',
  'Russia|Russian Federation',
];
