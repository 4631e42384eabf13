/** Skipped files: what the user is told about them. */

/** A file the index did not analyse, and why ("larger than the 5 MB limit (6 MB)", "binary file …"). */
export interface SkippedFile {
  /** Workspace-relative path ('/'-separated). */
  path: string;
  uri: string;
  reason: string;
}

/** A short category for a skip reason ("too large", "binary", …). */
export function skipCategory(reason: string): string {
  if (reason.startsWith('larger than')) return 'too large';
  if (reason.startsWith('binary')) return 'binary';
  if (reason.startsWith('not UTF-8')) return 'not UTF-8 text';
  if (reason.startsWith('cannot read')) return 'unreadable';
  return 'not analysable';
}

/**
 * The one message that summarises skipped files, e.g. "Source Lens skipped 3 files
 * (2 too large, 1 binary). Their reasons are in the Source Lens output."
 */
export function skippedMessage(skipped: readonly { path: string; reason: string }[]): string {
  if (!skipped.length) return '';
  if (skipped.length === 1) return `Source Lens skipped ${skipped[0].path}: ${skipped[0].reason}.`;
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(skipCategory(s.reason), (counts.get(skipCategory(s.reason)) ?? 0) + 1);
  const parts = [...counts].map(([cat, n]) => `${n} ${cat}`);
  return `Source Lens skipped ${skipped.length} files (${parts.join(', ')}). Their reasons are in the Source Lens output.`;
}

/** A one-line count of skipped files by category, e.g. "2 files skipped (1 too large, 1 binary)." */
export function skippedSummary(skipped: readonly { reason: string }[]): string {
  if (!skipped.length) return '';
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(skipCategory(s.reason), (counts.get(skipCategory(s.reason)) ?? 0) + 1);
  const parts = [...counts].map(([cat, n]) => `${n} ${cat}`);
  return `${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped (${parts.join(', ')}).`;
}
