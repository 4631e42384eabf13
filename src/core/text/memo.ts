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
  /** The most entries a memo keeps (`limitMemos`); each memo's own limit when null. */
  private memoLimit: number | null = null;

  get<T>(slot: Slot<T>): T {
    let v = this.state.get(slot) as T | undefined;
    if (v === undefined) {
      v = slot.create();
      if (this.memoLimit !== null) limitMemo(v, this.memoLimit);
      this.state.set(slot, v);
    }
    return v;
  }

  /**
   * Keeps at most `limit` entries in each memo from now on (a memo's own limit when
   * lower), the oldest dropped at once. For a long-lived context past its bulk work: the
   * extension's index once a workspace is built, where memos of the whole workspace's
   * lines would be kept for edits that read one document's (at 4,000 articles, 785 of
   * 1,955 MB held).
   */
  limitMemos(limit: number): void {
    this.memoLimit = Math.min(this.memoLimit ?? limit, limit);
    for (const v of this.state.values()) limitMemo(v, this.memoLimit);
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
  /** Lowers the memo's limit to `limit` entries (never raises it), dropping its oldest beyond (`AnalysisContext.limitMemos`). */
  abstract limitTo(limit: number): void;
}

/** `limitTo` on a memo, or on each memo of a group; anything else is left alone. */
function limitMemo(v: unknown, limit: number): void {
  if (v instanceof MemoBase) v.limitTo(limit);
  else if (isMemoGroup(v)) for (const m of Object.values(v as object) as MemoBase[]) m.limitTo(limit);
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

/** A memo of at most `limit` texts, the oldest dropped first (`Memo`, and analysers' own shapes of one). */
export abstract class BoundedMemo<V> extends MemoBase {
  protected readonly map = new Map<string, V>();
  protected readonly oldest = new OldestFirst(this.map);
  constructor(private limit: number) {
    super();
  }

  limitTo(limit: number): void {
    this.limit = Math.min(this.limit, limit);
    while (this.map.size > this.limit) this.oldest.drop();
  }

  /** Keeps `v` for `key`, a new key, the oldest dropped first when the memo is full. */
  protected put(key: string, v: V): void {
    if (this.map.size >= this.limit) this.oldest.drop();
    this.map.set(key, v);
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * A bounded memo of a pure function of a string: the incremental analysis keys its
 * per-paragraph, per-sentence and per-unit work on the text, so unchanged text
 * after an edit costs a lookup. Past `limit` entries the oldest is dropped.
 */
export class Memo<V> extends BoundedMemo<V> {
  constructor(limit = 100_000) {
    super(limit);
  }

  get(key: string, compute: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = compute(key);
      this.put(key, v);
    }
    return v;
  }

  clear(): void {
    this.map.clear();
    this.oldest.reset();
  }
}
