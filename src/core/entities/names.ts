/**
 * Canonical names: a mention without its titles (`stripTitles`), and the corpus-wide
 * resolver that maps every mention to the fullest form seen ("Lavrov" -> "Sergey
 * Lavrov"), aliases ("US" -> "United States") and acronyms to their organisation.
 */
import type { Entity, EntityType } from '../types';
import { ALIASES } from '../lexicon/aliases';
import { TITLES, LOWER_TITLES, ORG_HEADS, DEMONYM_OF, FIRST_NAMES } from './gazetteer';

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
  while (k > 0 && !role(k - 1) && /^\p{Lu}/u.test(words[k - 1])) k--;
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
  /** acronym -> organisation names with those initials */
  private readonly byAcronym = new Map<string, Set<string>>();

  /** Names seen as a PERSON or an ORG, with that type. */
  private readonly kindOf = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, { canonical: string; type?: EntityType }>();
  private readonly exclusions = new Map<string, Array<{ canonical?: string; type?: EntityType }>>();

  /** Learns from every document's entities (document-local canonicals); `table`: the user's aliases and exclusions. */
  constructor(docs: ReadonlyArray<readonly Entity[]>, table: NameTable = {}) {
    for (const a of table.aliases ?? []) this.aliases.set(`${a.type ?? '*'}\t${a.alias.trim()}`, { canonical: a.canonical.trim(), type: a.type });
    for (const x of table.exclusions ?? []) {
      const list = this.exclusions.get(x.name.trim()) ?? [];
      list.push({ canonical: x.canonical?.trim(), type: x.type });
      this.exclusions.set(x.name.trim(), list);
    }
    for (const doc of docs) {
      for (const e of doc) {
        const kind = KIND[e.type];
        if (kind) {
          const name = e.type === 'PERSON' ? stripTitles(e.canonical) : e.canonical;
          let k = this.kindOf.get(name);
          if (!k) this.kindOf.set(name, (k = new Set()));
          k.add(kind);
        }
        if (e.type === 'PERSON') {
          const name = stripTitles(e.canonical);
          const parts = name.split(' ');
          if (parts.length < 2 || parts.length > 4) continue;
          const surname = surnameOf(parts);
          let m = this.bySurname.get(surname);
          if (!m) this.bySurname.set(surname, (m = new Map()));
          m.set(name, (m.get(name) ?? 0) + 1);
        } else if (e.type === 'ORG') {
          const parts = e.canonical.split(' ').filter(p => /^\p{Lu}/u.test(p));
          if (parts.length < 2) continue;
          const acronym = parts.map(p => p[0]).join('');
          let s = this.byAcronym.get(acronym);
          if (!s) this.byAcronym.set(acronym, (s = new Set()));
          s.add(e.canonical);
        }
      }
    }
  }

  /** The corpus canonical for a document-local name of a type: the user's table first, then the corpus. */
  resolve(name: string, type: EntityType): string {
    const clean = type === 'PERSON' ? stripTitles(name) : name.trim().replace(/['’]s$/i, '');
    const user = this.aliases.get(`${type}\t${clean}`) ?? this.aliases.get(`*\t${clean}`);
    // an alias for any type never turns an ORG into a PERSON's name or back
    if (user && (user.type || this.sameKind(user.canonical, type))) return user.canonical;
    const found = this.corpus(clean, type);
    if (found === clean) return found;
    const ex = this.exclusions.get(clean);
    if (ex && ex.some(x => (!x.type || x.type === type) && (!x.canonical || x.canonical === found))) return clean;
    return this.sameKind(found, type) ? found : clean;
  }

  /** `name` is not known only as the other kind (PERSON vs ORG) than `type`'s. */
  private sameKind(name: string, type: EntityType): boolean {
    const kind = KIND[type];
    const seen = this.kindOf.get(name);
    if (!kind || !seen) return true;
    return seen.has(kind);
  }

  private corpus(clean: string, type: EntityType): string {
    if (type === 'ORG' && clean === 'Washington') return 'United States';
    const alias = ALIAS.get(clean);
    if (alias && type !== 'PERSON') return alias;
    if (type === 'PERSON') return this.person(clean);
    if (type === 'ORG' && /^\p{Lu}{2,6}$/u.test(clean.replace(/\./g, ''))) {
      const full = this.byAcronym.get(clean.replace(/\./g, ''));
      if (full && full.size === 1) return [...full][0];
    }
    return clean;
  }

  private person(name: string): string {
    const parts = name.split(' ');
    const forms = this.bySurname.get(surnameOf(parts));
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
