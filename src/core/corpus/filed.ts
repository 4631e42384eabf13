/**
 * Postings of small integer ids that are mostly one id long: one id alone is kept as
 * its number, more in a `Set` (in the order filed either way). In the extension's index
 * most keys and texts are held by one quote or claim (at 1,000 generated articles,
 * 165,000 of the quote linker's 203,000 keys and 33,000 of the claim index's 34,000
 * texts), and a set of its own for each cost about a hundred bytes.
 */
export type Filed = number | Set<number>;

/** How many ids `f` holds. */
export function filedCount(f: Filed | undefined): number {
  return f === undefined ? 0 : typeof f === 'number' ? 1 : f.size;
}

const NO_IDS: readonly number[] = [];

/** The ids `f` holds, in the order filed (a set is handed out as it is: not to be changed while it is read). */
export function filedIds(f: Filed | undefined): Iterable<number> {
  return f === undefined ? NO_IDS : typeof f === 'number' ? [f] : f;
}

/** `f` with `id` filed (a set is changed in place and handed back). */
export function withId(f: Filed | undefined, id: number): Filed {
  if (f === undefined || f === id) return id;
  if (typeof f === 'number') return new Set([f, id]);
  f.add(id);
  return f;
}

/** `f` without `id` (undefined: none left; a set is changed in place, or its last id handed back). */
export function withoutId(f: Filed | undefined, id: number): Filed | undefined {
  if (f === undefined || f === id) return undefined;
  if (typeof f === 'number') return f;
  f.delete(id);
  return f.size === 1 ? (f.values().next().value as number) : f.size ? f : undefined;
}

/** Files `id` under `key`; how many ids the key holds then. */
export function fileIn<K>(map: Map<K, Filed>, key: K, id: number): number {
  const f = map.get(key);
  const g = withId(f, id);
  if (g !== f) map.set(key, g);
  return filedCount(g);
}

/** Takes `id` from under `key`; how many ids the key holds then, or -1 when it did not hold `id`. */
export function unfileFrom<K>(map: Map<K, Filed>, key: K, id: number): number {
  const f = map.get(key);
  if (f === undefined || (typeof f === 'number' ? f !== id : !f.has(id))) return -1;
  const g = withoutId(f, id);
  if (g === undefined) map.delete(key);
  else if (g !== f) map.set(key, g);
  return filedCount(g);
}
