/**
 * Counts pending work (debounce timers, worker requests, index builds) so tests
 * and callers can wait until everything has settled.
 */
export class Idle {
  private pending = 0;
  private waiters: (() => void)[] = [];

  get busy(): boolean {
    return this.pending > 0;
  }

  /** Marks one piece of work as started; call the returned function (once) when it ends. */
  begin(): () => void {
    this.pending++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.pending === 0) {
        const ws = this.waiters;
        this.waiters = [];
        for (const w of ws) w();
      }
    };
  }

  /** Tracks a promise as pending work until it settles. */
  track<T>(p: Promise<T>): Promise<T> {
    const end = this.begin();
    return p.finally(end);
  }

  /**
   * Resolves when nothing is pending, and still nothing is after one more turn of
   * the event loop (work that an event queues right after another piece ends).
   */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.pending > 0) await new Promise<void>(resolve => this.waiters.push(resolve));
      await new Promise(resolve => setTimeout(resolve, 0));
      if (this.pending === 0) return;
    }
  }
}
