/**
 * Named entities: PERSON, ORG, PLACE, DATE, NUMBER (MISC for nationalities and the like).
 * STUB: being written; the signatures below are the contract the corpus relies on.
 */
import type { Entity, EntityType, Span } from './types';

/**
 * Entities of one paragraph. `text` is the paragraph's text alone and `sentences` its
 * sentences, with offsets relative to it, so results can be cached per paragraph.
 * `canonical` is the mention's own name with titles stripped ("Foreign Minister
 * Sergey Lavrov" -> "Sergey Lavrov"); the corpus resolves it further.
 */
export function findEntities(text: string, sentences: readonly Span[]): Entity[] {
  void text; void sentences;
  return [];
}

/** Corpus-wide canonical names: the fullest form seen ("Lavrov" -> "Sergey Lavrov"). */
export class NameResolver {
  /** Learns from every document's entities (document-local canonicals). */
  constructor(docs: ReadonlyArray<readonly Entity[]>) { void docs; }
  /** The corpus canonical for a document-local name of a type. */
  resolve(name: string, type: EntityType): string { return name; }
}
