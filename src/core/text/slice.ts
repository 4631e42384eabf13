/**
 * Time slices for the long steps of a settle (`Corpus.settling`, corpus/corpus.ts): a step's loops ask
 * `due()` as they go and, when the slice is spent, the step yields `PAUSE` so that the
 * worker serves the messages waiting (an edit gives the settle up) before it goes on.
 * Only steps that write nothing the corpus keeps until their end may pause (or that
 * undo what they wrote when given up: the group ids' journal, corpus.ts): a settle
 * given up at a pause leaves the results shown and the indexes as they were.
 */

/** What a step yields when it pauses inside (its own name comes when it ends). */
export const PAUSE = '…';

export class Slice {
  private n = 0;
  private until = 0;
  /** When the clock was last read. */
  private read = 0;
  /**
   * How many asks go by between two reads of the clock: 1 when a slice begins, doubled (up to 64) while the reads
   * come less than `ms / 32` apart, and 1 again when they come more than `ms / 8` apart. A fixed 64 let a loop whose
   * turns are long (a document's quotes with hundreds of variants each) run 100–200 ms past its slice at 10,000
   * articles; a read costs about 70 ns here, so a tight loop still reads the clock seldom.
   */
  private stride = 1;
  /** `ms`: how long a slice runs before `due()` says so (Infinity: never; 0: at every check); `clock` in ms (tests give their own). */
  constructor(readonly ms: number, private readonly clock: () => number = () => performance.now()) {
    this.next();
  }

  /** Whether the slice is spent (the clock read every `stride` asks, or at every ask for a slice of 0). */
  due(): boolean {
    if (this.ms === Infinity) return false;
    if (this.ms > 0 && ++this.n < this.stride) return false;
    this.n = 0;
    const now = this.clock();
    const gap = now - this.read;
    this.read = now;
    if (gap > this.ms / 8) this.stride = 1;
    else if (gap < this.ms / 32 && this.stride < 64) this.stride *= 2;
    return now >= this.until;
  }

  /** A new slice begins (after a pause). */
  next(): void {
    this.read = this.clock();
    this.until = this.read + this.ms;
    this.stride = 1;
    this.n = 0;
  }
}

/** A slice that never ends: a step run to its end in one go. */
export const WHOLE = new Slice(Infinity);

/** Runs a step's generator to its end (its pauses ignored), returning its value. */
export function drain<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/**
 * The indices 0 … n - 1 in the order `compare` gives them, equal ones in index order (a stable sort: the order
 * `Array.prototype.sort` gives `[0, 1, … n - 1]`), pausing (yielding `PAUSE`) when `slice` is spent. A settle sorts
 * every link of a large group: at 10,000 articles one sort ran for 100–280 ms. A slice that never ends sorts with the
 * engine's sort.
 */
export function* sortingIndices(n: number, compare: (a: number, b: number) => number, slice: Slice): Generator<string, Int32Array> {
  if (slice.ms === Infinity) return Int32Array.from(Array.from({ length: n }, (_, k) => k).sort(compare));
  let from = Int32Array.from({ length: n }, (_, k) => k);
  // Bottom-up merge sort: runs of `width` merged in pairs, from one buffer into the other (stable: a tie takes the left run's first).
  let into = new Int32Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (slice.due()) yield PAUSE;
        into[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
      }
      while (i < mid) into[k++] = from[i++];
      while (j < hi) into[k++] = from[j++];
    }
    [from, into] = [into, from];
  }
  return from;
}
