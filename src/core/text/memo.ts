/**
 * A bounded memo of a pure function of a string: the incremental analysis keys its
 * per-paragraph, per-sentence and per-unit work on the text, so unchanged text
 * after an edit costs a lookup. Past `limit` entries the oldest is dropped.
 */
export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = 100_000) {
    ALL.push(this);
  }

  get(key: string, compute: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = compute(key);
      if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
      this.map.set(key, v);
    }
    return v;
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

const ALL: Memo<unknown>[] = [];

const HOOKS: (() => void)[] = [];

/** Runs `clear` too when the memos are emptied: for other caches of past work. */
export function onClearMemos(clear: () => void): void {
  HOOKS.push(clear);
}

/** Empties every memo (and every cache registered with `onClearMemos`): for measuring a from-scratch analysis, and for tests that want one. */
export function clearMemos(): void {
  for (const m of ALL) m.clear();
  for (const h of HOOKS) h();
}
