/**
 * The entity recogniser's tables, built once at load from the word lists of
 * src/core/lexicon/ (hand lists override the CoNLL-derived gazetteer): known names
 * by type, name words, nation adjectives, and the word sets the rules consult.
 * Constant after load.
 */
import type { EntityType } from '../types';
import { ABBREVIATIONS as ABBREVIATION_LIST } from '../lexicon/abbreviations';
import * as aliases from '../lexicon/aliases';
import * as calendar from '../lexicon/calendar';
import * as commonWords from '../lexicon/commonWords';
import * as firstNames from '../lexicon/firstNames';
import * as numbers from '../lexicon/numbers';
import * as organisations from '../lexicon/organisations';
import * as places from '../lexicon/places';
import * as titles from '../lexicon/titles';
import * as C from '../lexicon/conll';

/** The hand-written lists (src/core/lexicon/), by name. */
const H = { ...aliases, ...calendar, ...commonWords, ...firstNames, ...numbers, ...organisations, ...places, ...titles };

export const wordSet = (s: string) => new Set(s.split(/\s+/).filter(Boolean));
const lineSet = (s: string) => new Set(s.split('\n').filter(Boolean));

export const TITLES = wordSet(H.TITLES);
export const WEAK_TITLES = wordSet(H.WEAK_TITLES);
export const LOWER_TITLES = wordSet(H.LOWER_TITLES);
export const ORG_HEADS = wordSet(H.ORG_HEADS);
export const PLACE_HEADS = wordSet(H.PLACE_HEADS);
export const PLACE_FIRSTS = wordSet(H.PLACE_FIRSTS);
export const STARTERS = wordSet(H.STARTERS);
export const MONTHS = wordSet(H.MONTHS);
export const WEEKDAYS = wordSet(H.WEEKDAYS);
export const NUMBER_UNITS = wordSet(H.NUMBER_UNITS);
export const NUMBER_WORDS = wordSet(H.NUMBER_WORDS);
export const LOWER_WORDS = lineSet(C.LOWER_WORDS);
export const CAPS_COMMON = lineSet(C.CAPS_COMMON);
export const FIRST_NAMES = lineSet(C.FIRST_NAMES);
for (const w of H.FIRST_NAMES.split(' ')) FIRST_NAMES.add(w);
/** Lower-case words that may join the capitalised words of one name. */
export const CONNECTORS = wordSet('of de da del della der den van von du le la bin ibn al el y for and the');
/** Connectors that need the whole name to be known (or an organisation) to stay inside it. */
export const PARTICLES = wordSet('de da del della der den van von du le la bin ibn al el y');
export const WEAK_CONNECTORS = wordSet('for and the');
/** Words after which a lone capitalised sentence opener is still not shown to be a name. */
export const FUNCTION_WORDS = wordSet('of and or the a an to in on at for with by from as that than but if so not is are was were be been');
export const PLACE_PREPS = wordSet('in near outside across into at');
export const YEAR_PREPS = wordSet('in since by until till from to of between and early late mid before after during through around circa');
export const AMBIGUOUS_MONTHS = wordSet('May March Mar');
export const MONTH_PREPS = wordSet('in last next early late mid since until by of this from through on');
export const ABBREVIATIONS = new Set(ABBREVIATION_LIST);

export const CODE: Record<string, EntityType> = { P: 'PERSON', L: 'PLACE', O: 'ORG', M: 'MISC' };
/** Nation adjectives ("Russian") and the country each belongs to. */
export const DEMONYM_OF = new Map<string, string>();
/** Country -> adjective ("Russia" -> "Russian"), for "Russia's Defense Ministry". */
export const ADJECTIVE_OF = new Map<string, string>();
for (const pair of H.DEMONYMS.split('|')) {
  const [country, adj] = pair.split(':');
  if (!ADJECTIVE_OF.has(country)) ADJECTIVE_OF.set(country, adj);
  if (adj !== country && !DEMONYM_OF.has(adj)) DEMONYM_OF.set(adj, country);
}

/** Known names by type, the same keyed by upper case, and the most words one holds (at most 6). */
export interface NameTables {
  gaz: Map<string, EntityType>;
  upper: Map<string, EntityType>;
  maxWords: number;
}

/**
 * The known-name tables from a CoNLL-style gazetteer (lines of a type code P/L/O/M and a
 * name) and the hand lists, which override it. The product uses lexicon/conll.ts; the
 * sequence model's training (nerTrain.ts) calls it with names from other folds of the
 * training split, so that a training sentence never finds its own names listed.
 */
export function buildNameTables(conllGazetteer: string): NameTables {
  const gaz = new Map<string, EntityType>(), upper = new Map<string, EntityType>();
  let maxWords = 1;
  const addName = (name: string, type: EntityType, override: boolean) => {
    if (!override && gaz.has(name)) return;
    gaz.set(name, type);
    const up = name.toUpperCase();
    if (override || !upper.has(up)) upper.set(up, type);
    const n = name.split(' ').length;
    if (n > maxWords) maxWords = Math.min(n, 6);
  };
  for (const line of conllGazetteer.split('\n')) if (line.length > 1) addName(line.slice(1), CODE[line[0]], false);
  for (const w of H.MISC_WORDS.split(' ')) addName(w, 'MISC', true);
  for (const adj of DEMONYM_OF.keys()) if (!ADJECTIVE_OF.has(adj)) addName(adj, 'MISC', true);
  for (const p of H.PLACES.split('|')) addName(p, 'PLACE', true);
  for (const p of H.US_PLACES.split('|')) addName(p, 'PLACE', false);
  for (const o of H.ORGS.split('|')) addName(o, 'ORG', true);
  return { gaz, upper, maxWords };
}

/** The product's known-name tables (CoNLL training names and the hand lists). */
export const TABLES = buildNameTables(C.GAZETTEER);
/** Known names: hand lists override the CoNLL gazetteer. */
export const GAZ = TABLES.gaz;
/** The same keyed by upper case, for all-caps headlines. */
export const GAZ_UPPER = TABLES.upper;
/** Single words seen inside names, with the type they mostly belong to. */
export const NAME_WORDS = new Map<string, EntityType>();
for (const line of C.NAME_WORDS.split('\n')) if (line.length > 1) NAME_WORDS.set(line.slice(1), CODE[line[0]]);
/** Hand-listed first names (FIRST_NAMES adds the CoNLL-derived ones). */
export const HAND_FIRST_NAMES = wordSet(H.FIRST_NAMES);
/** Hand-listed places and organisations with their type: the product's conventions ("Kremlin" acts, an ORG), which the model's CoNLL habits give way to. */
export const HAND_TYPES = new Map<string, EntityType>([
  ...H.PLACES.split('|').map(p => [p, 'PLACE'] as const),
  ...H.ORGS.split('|').map(o => [o, 'ORG'] as const),
]);
/** Upper-cased hand-listed places and organisations: trusted even when they spell a common word. */
export const HAND_NAMES = new Set([...H.PLACES.split('|'), ...H.ORGS.split('|')].map(x => x.toUpperCase()));
/** The most words a gazetteer name holds (at most 6): how far a lookup reads. */
export const MAX_GAZ_WORDS = TABLES.maxWords;
