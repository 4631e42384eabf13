/**
 * One name, one type within a document ("one sense per discourse"): the entity list the
 * model gives a document's paragraphs one by one, made consistent across it. Applied per
 * paragraph by findEntities and per document by the corpus (corpus.ts), to lists whose
 * entities are shared with the paragraph cache: they are never written to.
 */
import type { Entity, EntityType } from '../types';
import { HAND_TYPES } from './gazetteer';

/** Options for the measurements of nerTrain.ts; the product uses the defaults. */
export interface UnifyOptions {
  /** Same text, several types: the majority type (a tie keeps each). */
  majority?: boolean;
  /** A name that opens a longer ORG of the document ("Kekkila" after "Kekkila Oy") is that ORG. */
  orgHeads?: boolean;
}

const NAMES: ReadonlySet<EntityType> = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);
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
export function unifyTypes(list: readonly Entity[], opts: UnifyOptions = { majority: true, orgHeads: true }): readonly Entity[] {
  let surnames: Set<string> | null = null, heads: Set<string> | null = null;
  let counts: Map<string, number[]> | null = null;
  for (const e of list) {
    if (!NAMES.has(e.type)) continue;
    const k = e.text.lastIndexOf(' ');
    if (e.type === 'PERSON' && k > 0) (surnames ??= new Set()).add(e.text.slice(k + 1));
    if (opts.orgHeads && e.type === 'ORG' && k > 0) {
      // every proper prefix of whole words
      for (let j = e.text.indexOf(' '); j > 0; j = e.text.indexOf(' ', j + 1)) (heads ??= new Set()).add(e.text.slice(0, j));
    }
    if (opts.majority) {
      let c = (counts ??= new Map()).get(e.text);
      if (!c) counts.set(e.text, (c = [0, 0, 0, 0]));
      c[TYPE_INDEX[e.type]]++;
    }
  }
  const majority = new Map<string, EntityType>();
  if (counts) {
    for (const [text, c] of counts) {
      let best = 0, second = 0, arg = 0;
      for (let t = 0; t < 4; t++) {
        if (c[t] > best) { second = best; best = c[t]; arg = t; } else if (c[t] > second) second = c[t];
      }
      if (best > second && second + best > best) majority.set(text, TYPE_OF[arg]);
    }
  }
  const retype = (e: Entity): EntityType | null => {
    if (!NAMES.has(e.type) || HAND_TYPES.has(e.text) || BY_CONTEXT.has(e.text)) return null;
    if (e.type !== 'PERSON' && surnames?.has(e.text)) return 'PERSON';
    if (e.type !== 'ORG' && e.type !== 'MISC' && heads?.has(e.text)) return 'ORG';
    const m = majority.get(e.text);
    return m && m !== e.type ? m : null;
  };
  let out: Entity[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const t = retype(list[i]);
    if (!t || t === list[i].type) continue;
    out ??= list.slice();
    out[i] = { ...list[i], type: t, canonical: t === 'PERSON' ? list[i].text : list[i].canonical };
  }
  return out ?? list;
}

const TYPE_OF: EntityType[] = ['PERSON', 'PLACE', 'ORG', 'MISC'];
const TYPE_INDEX: Record<string, number> = { PERSON: 0, PLACE: 1, ORG: 2, MISC: 3 };
