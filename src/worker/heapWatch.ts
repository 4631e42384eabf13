/**
 * The index worker's watch on its heap: after a full collection that leaves the old
 * generation more than `HEAP_FULL` of its limit, the worker stops (`HEAP_FULL_EXIT`,
 * which WorkerConnection takes as running out of memory) instead of collecting again
 * and again for little until the engine gives up (a 10,000-article index in a 4 GB
 * worker, in one process: 14 minutes at 3.84 GB).
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

/** How full of its limit the old generation may stay after a full collection. */
export const HEAP_FULL = 0.9;

/** Whether `usedBytes` of old generation is past `HEAP_FULL` of a limit of `limitMb`. */
export function isHeapFull(usedBytes: number, limitMb: number): boolean {
  return usedBytes > HEAP_FULL * limitMb * 2 ** 20;
}

/** Bytes used in the spaces the old generation's limit counts (all but the young generation's). */
export function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) used += space.space_used_size;
  return used;
}

/** Calls `full` once, after the first full collection that leaves the heap past `HEAP_FULL` of `limitMb` (none without a limit). */
export function watchHeap(limitMb: number | undefined, full: () => void): void {
  if (!limitMb) return;
  const observer = new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      if ((e as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      if (!isHeapFull(oldGenerationUsed(), limitMb)) continue;
      observer.disconnect();
      full();
      return;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
}
