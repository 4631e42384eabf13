/** What the benches report of a list of timings. */

/** The `p` quantile of `xs` (0.5: the median, 0.95: p95), the nearest rank at or above it. */
export function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}
