/**
 * From a document's analysis to what the editor shows: offset ranges per
 * decoration kind, and the items under an offset.
 */
import type { DocumentResult, Duplicate, Entity, EntityType, Quote } from '../../core/types';
import type { SpanCounts } from '../../protocol/protocol';
import { DECORATION_KINDS, type DecorationKind, type OffsetRange } from './kinds';
import type { SourceLensConfig } from '../settings/config';

/** Which kinds are switched on right now (settings plus the session's toggles). */
export interface KindSwitches {
  quotes: boolean;
  duplicates: boolean;
  entities: boolean;
  entityTypes: readonly EntityType[];
  hideBoilerplate: boolean;
}

export function switchesFrom(config: SourceLensConfig): KindSwitches {
  return {
    quotes: config.highlightQuotes,
    duplicates: config.highlightDuplicates,
    entities: config.highlightEntities,
    entityTypes: config.entityTypes,
    hideBoilerplate: config.hideBoilerplate,
  };
}

/** The decoration kind of an entity type. */
export function entityKind(type: EntityType): DecorationKind {
  return type.toLowerCase() as DecorationKind;
}

/** An empty range list for every kind: what clears all decorations. */
export function emptyRanges(): Record<DecorationKind, OffsetRange[]> {
  const out = {} as Record<DecorationKind, OffsetRange[]>;
  for (const k of DECORATION_KINDS) out[k] = [];
  return out;
}

/**
 * Offset ranges per kind for a document's result. Every kind is present (empty
 * when switched off or absent), ranges are sorted, empty or out-of-text ranges dropped.
 */
export function decorationRanges(result: DocumentResult | undefined, on: KindSwitches): Record<DecorationKind, OffsetRange[]> {
  const out = emptyRanges();
  if (!result) return out;
  const len = result.length;
  const ok = (s: OffsetRange) => s.start >= 0 && s.end <= len && s.end > s.start;
  const push = (k: DecorationKind, s: OffsetRange) => { if (ok(s)) out[k].push({ start: s.start, end: s.end }); };
  if (on.quotes) for (const q of result.quotes) push('quote', q);
  if (on.duplicates) for (const d of result.duplicates) if (!(on.hideBoilerplate && d.boilerplate)) push(d.kind === 'repeat' ? 'repeat' : 'shared', d);
  if (on.entities) {
    const types = new Set(on.entityTypes);
    for (const e of result.entities) if (types.has(e.type)) push(entityKind(e.type), e);
  }
  for (const k of DECORATION_KINDS) out[k].sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** How many spans of each decoration kind a whole document has. */
export function kindCounts(counts: SpanCounts): Record<DecorationKind, number> {
  const out = {} as Record<DecorationKind, number>;
  for (const k of DECORATION_KINDS) out[k] = 0;
  out.quote = counts.quotes;
  out.repeat = counts.repeat;
  out.shared = counts.shared;
  for (const [type, n] of Object.entries(counts.entities) as [EntityType, number][]) out[entityKind(type)] += n;
  return out;
}

/**
 * The kinds too dense to highlight in a document: more than `max` spans (switched
 * on or not), in the fixed kind order.
 */
export function denseKinds(counts: SpanCounts, max: number): DecorationKind[] {
  const n = kindCounts(counts);
  return DECORATION_KINDS.filter(k => n[k] > max);
}

/** Whether the switches show a kind at all. */
export function kindOn(kind: DecorationKind, on: KindSwitches): boolean {
  if (kind === 'quote') return on.quotes;
  if (kind === 'repeat' || kind === 'shared') return on.duplicates;
  return on.entities && on.entityTypes.some(t => entityKind(t) === kind);
}

/** The items of a result that cover an offset, innermost first within each kind. */
export function itemsAt(result: DocumentResult, offset: number): { quotes: Quote[]; duplicates: Duplicate[]; entities: Entity[] } {
  const covers = (s: OffsetRange) => s.start <= offset && offset < s.end;
  const narrow = (a: OffsetRange, b: OffsetRange) => (a.end - a.start) - (b.end - b.start);
  return {
    quotes: result.quotes.filter(covers).sort(narrow),
    duplicates: result.duplicates.filter(covers).sort(narrow),
    entities: result.entities.filter(covers).sort(narrow),
  };
}
