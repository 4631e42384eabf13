/**
 * Canonical names: a mention without its titles (`stripTitles`), and the corpus-wide
 * resolver that maps every mention to the fullest form seen ("Lavrov" -> "Sergey
 * Lavrov"), aliases ("US" -> "United States") and acronyms to their organisation.
 */
import type { Entity, EntityType } from '../types';
import { ALIASES } from '../lexicon/aliases';
import { TITLES, LOWER_TITLES, ORG_HEADS, DEMONYM_OF, FIRST_NAMES } from './gazetteer';

/** Made once, not on every call. */
const CAPITAL_START = /^\p{Lu}/u, ACRONYM = /^\p{Lu}{2,6}$/u;

/**
 * A name without leading titles and a trailing possessive:
 * "Foreign Minister Sergey Lavrov" -> "Sergey Lavrov", "Putin’s" -> "Putin".
 */
export function stripTitles(name: string): string {
  let words = name.trim().split(/\s+/);
  if (words.length && /['’]s$/i.test(words[words.length - 1])) words[words.length - 1] = words[words.length - 1].slice(0, -2);
  const isRole = (w: string) => TITLES.has(w) || LOWER_TITLES.has(w) || DEMONYM_OF.has(w) || ORG_HEADS.has(w) || w === 'the' || w === 'of';
  // A title word right after a given name is that person's surname ("Larry King", "Stephen Bishop"), not a role.
  const role = (i: number) => isRole(words[i]) && !(i > 0 && FIRST_NAMES.has(words[i - 1]));
  // the name is the capitalised words after the last role word:
  // "Russian Foreign Ministry spokesperson Maria Zakharova" -> "Maria Zakharova"
  let k = words.length - 1;
  while (k > 0 && !role(k - 1) && CAPITAL_START.test(words[k - 1])) k--;
  if (k > 0 && k < words.length && role(k - 1) && !role(k)) return words.slice(k).join(' ');
  k = 0;
  while (k < words.length - 1 && role(k)) k++;
  return words.slice(k).join(' ');
}

/** Alias -> canonical ("US" -> "United States"). */
const ALIAS = new Map<string, string>();
for (const line of ALIASES) {
  const forms = line.split('|');
  for (const f of forms) ALIAS.set(f, forms[0]);
}

const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;

/** The family name of a name's words: the last word that is not a suffix ("Jr."). */
function surnameOf(parts: readonly string[]): string {
  let i = parts.length - 1;
  while (i > 0 && NAME_SUFFIX.test(parts[i])) i--;
  return parts[i];
}

/**
 * The user's corrections to canonical names (a later issue stores them in
 * `.sourcelens/annotations.json`). Each entry may name the entity type it is for;
 * without one it holds for every type.
 */
export interface NameTable {
  /** This mention always resolves to `canonical` ("Vlad" -> "Vladimir Putin", "the Fed" -> "Federal Reserve"). */
  aliases?: ReadonlyArray<{ alias: string; canonical: string; type?: EntityType }>;
  /**
   * Merges the resolver must not make: `name` never resolves to `canonical` ("Johnson"
   * is not "Boris Johnson" here), or, without `canonical`, to anything but itself.
   */
  exclusions?: ReadonlyArray<{ name: string; canonical?: string; type?: EntityType }>;
}

/** PERSON and ORG never share a canonical name: the kind an entity type may merge with. */
const KIND: Partial<Record<EntityType, string>> = { PERSON: 'PERSON', ORG: 'ORG' };

/** Corpus-wide canonical names: the fullest form seen ("Lavrov" -> "Sergey Lavrov"). */
export class NameResolver {
  /** surname -> full names ending in it, with counts */
  private readonly bySurname = new Map<string, Map<string, number>>();
  /** acronym -> organisation names with those initials, with counts */
  private readonly byAcronym = new Map<string, Map<string, number>>();

  /** Names seen as a PERSON or an ORG: how often with each kind. */
  private readonly kindOf = new Map<string, Map<string, number>>();
  private readonly aliases = new Map<string, { canonical: string; type?: EntityType }>();
  /**
   * What `learn` was given and not yet counted in: each PERSON and each ORG name (document-local canonical) with
   * how often it came, over every document since. Counted in (`settle`) before the counts are read or moved
   * otherwise: what is learnt depends on the counts alone, not on their order, and a corpus names the same people
   * in document after document (2,000 articles: 69,500 names a document learnt, 4,000 distinct once titles are
   * stripped), so each name's titles are stripped and its counts moved once, not once per document naming it.
   */
  private pendingPersons: Map<string, number> | null = null;
  private pendingOrgs: Map<string, number> | null = null;
  private readonly exclusions = new Map<string, Array<{ canonical?: string; type?: EntityType }>>();

  /** Learns from every document's entities (document-local canonicals); `table`: the user's aliases and exclusions. */
  constructor(docs: ReadonlyArray<readonly Entity[]>, table: NameTable = {}) {
    for (const a of table.aliases ?? []) this.aliases.set(`${a.type ?? '*'}\t${a.alias.trim()}`, { canonical: a.canonical.trim(), type: a.type });
    for (const x of table.exclusions ?? []) {
      const list = this.exclusions.get(x.name.trim()) ?? [];
      list.push({ canonical: x.canonical?.trim(), type: x.type });
      this.exclusions.set(x.name.trim(), list);
    }
    for (const doc of docs) this.add(doc);
  }

  /**
   * Learns one document's entities (`by` 1), or forgets them (`by` -1): what the
   * resolver knows is counts, so it is the same whatever order documents come and go
   * in. Returns the keys whose counts moved (see `resolve`'s `uses`): only a name
   * resolved through one of them can resolve otherwise now.
   */
  add(doc: readonly Entity[], by: 1 | -1 = 1): Set<string> {
    this.settle();
    const moved = new Set<string>();
    this.tally(doc, by, moved);
    return moved;
  }

  /**
   * Learns one document's entities as `add` does, without listing the keys whose counts moved: for a corpus
   * that resolves names once every document is in (the CLI), where the list, a new string per entity, was
   * thrown away.
   */
  learn(doc: readonly Entity[]): void {
    // Each name is counted in once, by how often it came, when the counts are next read (`settle`): the counts
    // `add` reaches.
    for (const e of doc) {
      const m = e.type === 'PERSON' ? (this.pendingPersons ??= new Map()) : e.type === 'ORG' ? (this.pendingOrgs ??= new Map()) : null;
      if (m) m.set(e.canonical, (m.get(e.canonical) ?? 0) + 1);
    }
  }

  /** Counts in what `learn` was given since the last time. */
  private settle(): void {
    const persons = this.pendingPersons, orgs = this.pendingOrgs;
    if (persons === null && orgs === null) return;
    this.pendingPersons = this.pendingOrgs = null;
    if (persons) for (const [canonical, n] of persons) this.tallyOne('PERSON', canonical, n, null);
    if (orgs) for (const [canonical, n] of orgs) this.tallyOne('ORG', canonical, n, null);
  }

  private tally(doc: readonly Entity[], by: 1 | -1, moved: Set<string> | null): void {
    for (const e of doc) if (KIND[e.type]) this.tallyOne(e.type, e.canonical, by, moved);
  }

  /** Moves the counts of one PERSON or ORG name (document-local canonical) by `by`. */
  private tallyOne(type: EntityType, canonical: string, by: number, moved: Set<string> | null): void {
    const kind = KIND[type]!;
    if (type === 'PERSON') {
      const name = stripTitles(canonical);
      count(this.kindOf, name, kind, by);
      moved?.add(`K${name}`);
      const parts = name.split(' ');
      if (parts.length < 2 || parts.length > 4) return;
      const surname = surnameOf(parts);
      count(this.bySurname, surname, name, by);
      moved?.add(`S${surname}`);
    } else {
      count(this.kindOf, canonical, kind, by);
      moved?.add(`K${canonical}`);
      const parts = canonical.split(' ').filter(p => CAPITAL_START.test(p));
      if (parts.length < 2) return;
      const acronym = parts.map(p => p[0]).join('');
      count(this.byAcronym, acronym, canonical, by);
      moved?.add(`A${acronym}`);
    }
  }

  /** Forgets one document's entities (see `add`). */
  remove(doc: readonly Entity[]): Set<string> {
    return this.add(doc, -1);
  }

  /** The corpus canonical for a document-local name of a type: the user's table first, then the corpus. */
  resolve(name: string, type: EntityType, uses?: (key: string) => void): string {
    this.settle();
    const clean = type === 'PERSON' ? stripTitles(name) : name.trim().replace(/['’]s$/i, '');
    const user = this.aliases.get(`${type}\t${clean}`) ?? this.aliases.get(`*\t${clean}`);
    // an alias for any type never turns an ORG into a PERSON's name or back
    if (user && (user.type || this.sameKind(user.canonical, type, uses))) return user.canonical;
    const found = this.corpus(clean, type, uses);
    if (found === clean) return found;
    const ex = this.exclusions.get(clean);
    if (ex && ex.some(x => (!x.type || x.type === type) && (!x.canonical || x.canonical === found))) return clean;
    return this.sameKind(found, type, uses) ? found : clean;
  }

  /** `name` is not known only as the other kind (PERSON vs ORG) than `type`'s. */
  private sameKind(name: string, type: EntityType, uses?: (key: string) => void): boolean {
    const kind = KIND[type];
    if (!kind) return true;
    uses?.(`K${name}`);
    const seen = this.kindOf.get(name);
    if (!seen) return true;
    return seen.has(kind);
  }

  private corpus(clean: string, type: EntityType, uses?: (key: string) => void): string {
    if (type === 'ORG' && clean === 'Washington') return 'United States';
    const alias = ALIAS.get(clean);
    if (alias && type !== 'PERSON') return alias;
    if (type === 'PERSON') return this.person(clean, uses);
    if (type === 'ORG' && ACRONYM.test(clean.replace(/\./g, ''))) {
      const acronym = clean.replace(/\./g, '');
      uses?.(`A${acronym}`);
      const full = this.byAcronym.get(acronym);
      if (full && full.size === 1) return [...full.keys()][0];
    }
    return clean;
  }

  private person(name: string, uses?: (key: string) => void): string {
    const parts = name.split(' ');
    const surname = surnameOf(parts);
    uses?.(`S${surname}`);
    const forms = this.bySurname.get(surname);
    if (!forms) return name;
    // Forms of one person share the first name's initial ("Sergey"/"Sergei Lavrov");
    // two initials mean two people, and a lone surname stays as it is.
    const initials = new Set([...forms.keys()].map(f => f[0]));
    if (initials.size !== 1) return parts.length > 1 ? this.fullest(name, forms, parts[0]) : name;
    if (parts.length > 1 && parts[0][0] !== [...initials][0]) return name;
    return this.fullest(name, forms, parts.length > 1 ? parts[0] : null);
  }

  /** The most frequent form, longest on a tie, then alphabetical; with `first`, only forms sharing its initial. */
  private fullest(name: string, forms: Map<string, number>, first: string | null): string {
    let best = name, bestCount = -1;
    for (const [form, count] of forms) {
      if (first && form[0] !== first[0]) continue;
      if (count > bestCount || count === bestCount && (form.length > best.length || form.length === best.length && form < best)) {
        best = form;
        bestCount = count;
      }
    }
    return best;
  }
}

/** Moves the count of `inner` under `outer` by `by`, dropping what falls to zero. */
function count(map: Map<string, Map<string, number>>, outer: string, inner: string, by: number): void {
  let m = map.get(outer);
  if (!m) map.set(outer, (m = new Map()));
  const n = (m.get(inner) ?? 0) + by;
  if (n > 0) m.set(inner, n);
  else {
    m.delete(inner);
    if (!m.size) map.delete(outer);
  }
}
