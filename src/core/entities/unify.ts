/**
 * One name, one type within a document ("one sense per discourse"): the entity list the
 * model gives a document's paragraphs one by one, made consistent across it. Applied per
 * document by the corpus (corpus.ts) and, the surname rule alone, per paragraph by
 * findEntities, to lists whose entities are shared with the paragraph cache: they are
 * never written to.
 */
import type { Entity, EntityType } from '../types';
import { HAND_TYPES } from './gazetteer';

/** Which rules beyond the surname rule apply (nerTrain.ts measures each; the corpus uses all). */
export interface UnifyOptions {
  /** Same text, several types: the majority type (a tie keeps each). */
  majority?: boolean;
  /** A name that opens a longer ORG of the document ("Kekkila" after "Kekkila Oy") is that ORG. */
  orgHeads?: boolean;
}

const ALL: UnifyOptions = { majority: true, orgHeads: true };
/** Index of a name type, else -1. */
const typeIndex = (t: EntityType) => (t === 'PERSON' ? 0 : t === 'PLACE' ? 1 : t === 'ORG' ? 2 : t === 'MISC' ? 3 : -1);
const TYPE_OF: EntityType[] = ['PERSON', 'PLACE', 'ORG', 'MISC'];
/** Counts of the four types packed in one number (12 bits each). */
const UNIT = [1, 4096, 4096 ** 2, 4096 ** 3];
/** Names typed by their context on purpose (entities.ts: "Washington" the city or the government). */
const BY_CONTEXT: ReadonlySet<string> = new Set(['Washington']);

/**
 * The entities of one document with their types made consistent:
 * - a lone word typed ORG, PLACE or MISC that is the last word of a PERSON named in full
 *   is that person (the model, trained on Reuters, types an unknown lone surname as an ORG);
 * - a name that opens a longer ORG ("Sierra" after "Sierra Semiconductor") is an ORG;
 * - the same text typed several ways takes its most frequent type.
 * Hand-listed names keep their type. Returns `list` itself when nothing changes, else a
 * new list in which only the retyped entities are new objects.
 */
export function unifyTypes(list: readonly Entity[], opts: UnifyOptions = ALL): readonly Entity[] {
  let surnames: Set<string> | null = null, heads: Set<string> | null = null;
  let counts: Map<string, number> | null = null;
  let names = 0;
  for (const e of list) {
    const t = typeIndex(e.type);
    if (t < 0) continue;
    names++;
    const k = e.text.lastIndexOf(' ');
    if (t === 0 && k > 0) (surnames ??= new Set()).add(e.text.slice(k + 1));
    if (opts.orgHeads && t === 2 && k > 0) {
      // every proper prefix of whole words
      for (let j = e.text.indexOf(' '); j > 0; j = e.text.indexOf(' ', j + 1)) (heads ??= new Set()).add(e.text.slice(0, j));
    }
    if (opts.majority) (counts ??= new Map()).set(e.text, (counts.get(e.text) ?? 0) + UNIT[t]);
  }
  if (names < 2 || !surnames && !heads && !counts) return list;
  let out: Entity[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const e = list[i], t = typeIndex(e.type);
    if (t < 0) continue;
    let to = -1;
    if (t !== 0 && surnames?.has(e.text)) to = 0;
    else if ((t === 0 || t === 1) && heads?.has(e.text)) to = 2;
    else if (counts) to = majority(counts.get(e.text) ?? 0);
    if (to < 0 || to === t || HAND_TYPES.has(e.text) || BY_CONTEXT.has(e.text)) continue;
    out ??= list.slice();
    const type = TYPE_OF[to];
    out[i] = { ...e, type, canonical: type === 'PERSON' ? e.text : e.canonical };
  }
  return out ?? list;
}

/** The type counted strictly most often in packed counts `c`, else -1 (a tie, or one mention). */
function majority(c: number): number {
  let best = 0, second = 0, arg = -1, total = 0;
  for (let t = 3; t >= 0; t--) {
    const n = Math.floor(c / UNIT[t]);
    c -= n * UNIT[t];
    total += n;
    if (n > best) { second = best; best = n; arg = t; } else if (n > second) second = n;
  }
  return total > 1 && best > second ? arg : -1;
}
