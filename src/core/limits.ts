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

/**
 * Steps of work an analysis stage may take on one input: a floor, plus so many per
 * character. Ordinary news takes a small fraction of it; only pathological input
 * (a page of quote marks, of capitalised words) reaches it. Counted in steps, not
 * time, so the same text always stops at the same place.
 */
export const WORK_FLOOR = 2_000_000;
export const WORK_PER_CHAR = 400;

/** A stage's work budget (see above): `spend` until it says no, then stop and say so. */
export class WorkBudget {
  private left: number;
  /** Set once the budget is spent: the stage's result is partial. */
  exhausted = false;

  constructor(inputLength: number) {
    this.left = WORK_FLOOR + WORK_PER_CHAR * inputLength;
  }

  /** Takes `n` steps; false once the budget is spent. */
  spend(n: number): boolean {
    this.left -= n;
    if (this.left < 0) this.exhausted = true;
    return !this.exhausted;
  }
}
