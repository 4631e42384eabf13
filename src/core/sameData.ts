/**
 * Structural equality of plain data (what a result is: objects, arrays, strings,
 * numbers, booleans, null), with the same object at both sides taken as equal at
 * once. Several times quicker than `util.isDeepStrictEqual`, which also weighs
 * prototypes, symbols and other kinds of object. The corpus hands out a result's
 * last objects where a settle made the same again; the worker tells which views
 * changed.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  return sameFields(a, b, null);
}

/** `sameData` of two objects, the field `except` (when given) left out of the comparison. */
export function sameFields(a: object, b: object, except: string | null): boolean {
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  // (Own keys walked and counted, not listed: two arrays of keys per object compared were about 7% of what a settle
  // allocated with 2,000 articles indexed, each settle's views compared with the last ones.)
  let count = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || k === except) continue;
    count++;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k) && k !== except && --count < 0) return false;
  return count === 0;
}
