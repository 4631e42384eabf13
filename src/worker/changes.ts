/**
 * Which documents' views changed since the last report. One document's edit can
 * change other documents' results (shared passages, quote variants, claim links,
 * names resolved across the corpus, which words and passages count as too common
 * to link), so the results are compared with those last reported instead of being
 * guessed from links.
 */
import type { DocumentResult } from '../core/types';
import { entityKey } from '../protocol/protocol';

export class ChangeTracker {
  private reported = new Map<string, DocumentResult>();
  private reportedCounts: ReadonlyMap<string, number> = new Map();
  /** Each document's text when last reported (the strings themselves, no copies). */
  private reportedTexts = new Map<string, string>();
  /** Documents whose text, presence or editor version changed since the last report. */
  private readonly touched = new Set<string>();
  /** Of those, the ones whose text changed or that were removed. */
  private readonly rewritten = new Set<string>();

  /** A document's editor version changed, or (`text`) its text or presence. */
  touch(key: string, text: boolean): void {
    this.touched.add(key);
    if (text) this.rewritten.add(key);
  }

  /** Results may have changed without any text or editor version changing (a settle): the next `take` compares every result. */
  private again = false;

  /** Every document's result may have changed (see `again`). */
  recheck(): void {
    this.again = true;
  }

  /** Whether anything may have changed since the last report. */
  get pending(): boolean {
    return this.touched.size > 0 || this.again;
  }

  /**
   * The keys, sorted, whose views differ from the last report, given every
   * document's result, the entity source counts and the texts now (which become the
   * last report). Results of a new state are new objects (the corpus never writes into a
   * result it has handed out), and an unchanged document's parts are often the very
   * objects of last time, which makes the comparison quick.
   */
  take(results: ReadonlyMap<string, DocumentResult>, counts: ReadonlyMap<string, number>, textOf: (key: string) => string | undefined): string[] {
    const wordingChanged = (v: { path: string; start: number; end: number }) =>
      this.rewritten.has(v.path) && this.reportedTexts.get(v.path)?.slice(v.start, v.end) !== textOf(v.path)?.slice(v.start, v.end);
    const changed = new Set(this.touched);
    for (const key of this.reported.keys()) if (!results.has(key)) changed.add(key);
    for (const [key, r] of results) {
      if (!changed.has(key) && !sameData(this.reported.get(key), r)) changed.add(key);
    }
    const recounted = new Set<string>();
    for (const [k, n] of counts) if (this.reportedCounts.get(k) !== n) recounted.add(k);
    for (const k of this.reportedCounts.keys()) if (!counts.has(k)) recounted.add(k);
    for (const [key, r] of results) {
      if (changed.has(key)) continue;
      // A view also shows each entity's source count and the other wording of each quote.
      if ((recounted.size && r.entities.some(e => recounted.has(entityKey(e.type, e.canonical))))
        || r.quotes.some(q => q.variants.some(wordingChanged))) changed.add(key);
    }
    this.reported = new Map(results);
    this.reportedCounts = counts;
    this.reportedTexts = new Map([...results.keys()].map(k => [k, textOf(k) ?? '']));
    this.touched.clear();
    this.rewritten.clear();
    this.again = false;
    return [...changed].sort();
  }
}

/**
 * Structural equality of plain data (what a result is: objects, arrays, strings,
 * numbers, booleans, null), with the same object at both sides taken as equal at
 * once. Several times quicker than `util.isDeepStrictEqual`, which also weighs
 * prototypes, symbols and other kinds of object.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
  return true;
}
