import type { Orphan } from './apply';
import type { EntryLines } from './format';

/** One line saying which entry of the file is orphaned and why: "annotations.json:12: …". */
export function orphanMessage(file: string, orphan: Orphan, lines?: EntryLines): string {
  const line = lines?.[orphan.section][orphan.index];
  return `${file}${line ? `:${line}` : ''}: orphaned, not applied: ${orphan.reason}`;
}
