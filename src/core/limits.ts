/**
 * File-size limits shared by the CLI and the extension. No imports, so the
 * extension's activation can read them without loading the analysis.
 */

/** Default for CLI and extension alike: 5 MB. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** The reason a file of `size` bytes is refused, or null when it fits. */
export function tooLarge(size: number, maxFileSize = DEFAULT_MAX_FILE_SIZE): string | null {
  return size > maxFileSize ? `larger than the ${formatSize(maxFileSize)} limit (${formatSize(size)})` : null;
}

export function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
