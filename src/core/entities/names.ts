/**
 * Canonical names: a mention without its titles (`stripTitles`), and the corpus-wide
 * resolver that maps every mention to the fullest form seen ("Lavrov" -> "Sergey
 * Lavrov"), aliases ("US" -> "United States") and acronyms to their organisation.
 */
import type { Entity, EntityType } from '../types';
import { ALIASES } from '../lexicon/aliases';
import { TITLES, LOWER_TITLES, ORG_HEADS, DEMONYM_OF } from './gazetteer';

/**
 * A name without leading titles and a trailing possessive:
 * "Foreign Minister Sergey Lavrov" -> "Sergey Lavrov", "Putin’s" -> "Putin".
 */
export function stripTitles(name: string): string {
  let words = name.trim().split(/\s+/);
  if (words.length && /['’]s$/i.test(words[words.length - 1])) words[words.length - 1] = words[words.length - 1].slice(0, -2);
  const role = (w: string) => TITLES.has(w) || LOWER_TITLES.has(w) || DEMONYM_OF.has(w) || ORG_HEADS.has(w) || w === 'the' || w === 'of';
  // the name is the capitalised words after the last role word:
  // "Russian Foreign Ministry spokesperson Maria Zakharova" -> "Maria Zakharova"
  let k = words.length - 1;
  while (k > 0 && !role(words[k - 1]) && /^\p{Lu}/u.test(words[k - 1])) k--;
  if (k > 0 && k < words.length && role(words[k - 1]) && !role(words[k])) return words.slice(k).join(' ');
  k = 0;
  while (k < words.length - 1 && role(words[k])) k++;
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

/** Corpus-wide canonical names: the fullest form seen ("Lavrov" -> "Sergey Lavrov"). */
export class NameResolver {
  /** surname -> full names ending in it, with counts */
  private readonly bySurname = new Map<string, Map<string, number>>();
  /** acronym -> organisation names with those initials */
  private readonly byAcronym = new Map<string, Set<string>>();

  /** Learns from every document's entities (document-local canonicals). */
  constructor(docs: ReadonlyArray<readonly Entity[]>) {
    for (const doc of docs) {
      for (const e of doc) {
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

  /** The corpus canonical for a document-local name of a type. */
  resolve(name: string, type: EntityType): string {
    const clean = type === 'PERSON' ? stripTitles(name) : name.trim().replace(/['’]s$/i, '');
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
