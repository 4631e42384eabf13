/**
 * Per-corpus state of the analysers, kept out of module scope: memos of pure
 * functions of a text, vocabularies and scratch buffers live in an
 * `AnalysisContext`, which the `Corpus` owns and passes down. Modules declare
 * what they keep as a `Slot` (an immutable descriptor); two contexts never share
 * anything, and dropping a context (or `clear()`) frees it all.
 */

/** A named piece of state an analyser keeps in the context, created on first use. */
export class Slot<T> {
  constructor(readonly name: string, readonly create: () => T) {}
}

/** A slot holding a `Memo` of at most `limit` entries. */
export function memoSlot<V>(name: string, limit: number): Slot<Memo<V>> {
  return new Slot(name, () => new Memo<V>(limit));
}

/** The state every analyser keeps for one corpus (see the header). */
export class AnalysisContext {
  private readonly state = new Map<Slot<unknown>, unknown>();

  get<T>(slot: Slot<T>): T {
    let v = this.state.get(slot) as T | undefined;
    if (v === undefined) {
      v = slot.create();
      this.state.set(slot, v);
    }
    return v;
  }

  /** Forgets everything kept: the next analysis starts from scratch. */
  clear(): void {
    this.state.clear();
  }

  /**
   * Forgets every memo (`memoSlot`), keeping the rest (vocabularies, per-object
   * caches): a memo is a pure function's results, worked out again when asked, so
   * nothing changes but the time and the memory. For a caller done with a kind of
   * work (the CLI, once every document is analysed on its own). `keep`: memos
   * the work to come still asks of.
   */
  clearMemos(keep: readonly Slot<unknown>[] = []): void {
    for (const [slot, v] of this.state) if ((v instanceof MemoBase || isMemoGroup(v)) && !keep.includes(slot)) this.state.delete(slot);
  }
}

/**
 * A slot holding memos only, grouped in a plain object (`{ lineNames: new Memo(…), … }`): forgotten with the
 * memos (at 10,000 articles the quote attribution's line memo alone held about 80 MB through the CLI's
 * per-document stage, never emptied).
 */
function isMemoGroup(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const parts = Object.values(v);
  return parts.length > 0 && parts.every(x => x instanceof MemoBase);
}

/**
 * What `clearMemos` forgets: a memo of a pure function's results (a `Memo`, or an
 * analyser's own shape of one), worked out again when asked.
 */
export abstract class MemoBase {
  abstract get size(): number;
}

/**
 * Drops a bounded cache's oldest entry (the map's insertion order) through one
 * iterator kept across drops. A fresh `keys().next()` per drop walks every slot the
 * drops before it emptied, which the engine keeps until it rebuilds the table: a full
 * memo of 200,000 texts then cost about 40 µs a miss, and the CLI's shared passages
 * at 10,000 articles most of their time. (The iterator is live: entries added after
 * it was made come after the older ones, and entries deleted are skipped.)
 */
export class OldestFirst<K> {
  private order: IterableIterator<K> | undefined;
  constructor(private readonly map: Map<K, unknown>) {}

  drop(): void {
    let next = (this.order ??= this.map.keys()).next();
    if (next.done) next = (this.order = this.map.keys()).next();
    if (!next.done) this.map.delete(next.value);
  }

  /** After the map is cleared. */
  reset(): void {
    this.order = undefined;
  }
}

/**
 * A bounded memo of a pure function of a string: the incremental analysis keys its
 * per-paragraph, per-sentence and per-unit work on the text, so unchanged text
 * after an edit costs a lookup. Past `limit` entries the oldest is dropped.
 */
export class Memo<V> extends MemoBase {
  private readonly map = new Map<string, V>();
  private readonly oldest = new OldestFirst(this.map);
  constructor(private readonly limit = 100_000) {
    super();
  }

  get(key: string, compute: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = compute(key);
      if (this.map.size >= this.limit) this.oldest.drop();
      this.map.set(key, v);
    }
    return v;
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.oldest.reset();
  }
}
