/**
 * When the worker settles a two-phase edit (see `IndexService.settling`): after the
 * first phase's `changed` push, once no change waits, a step at a time with the
 * messages that came meanwhile served between steps. A change (a notification)
 * gives up the settle under way or scheduled; its own first phase is pushed first
 * and schedules the settle again, so one settle covers both. Requests between
 * steps are answered from the results shown (the first phase's).
 */
export interface SettleHooks {
  /** Whether a settle is owed. */
  owed(): boolean;
  /** Whether the worker is idle (no change waiting for its push, no build running); when it is not, the push that ends the work schedules again. */
  idle(): boolean;
  /** The settle, a step at a time (false or nothing at the end: nothing was settled). */
  steps(): Generator<string, boolean>;
  /** The settle ended (pushes what changed); `err` when a step threw. */
  done(err?: unknown): void;
  /** Runs `f` once the messages already waiting are served (`setImmediate`). */
  later(f: () => void): void;
}

export class SettleScheduler {
  /** Bumped by every change and every schedule: a callback whose token is not the last does nothing. */
  private token = 0;
  private running: Generator<string, boolean> | null = null;
  /** Settles given up, or superseded before they started, by a change (for tests and logs). */
  superseded = 0;
  /** Settles run to their end. */
  settled = 0;
  private waiting = false;
  /** A settle threw: none is tried again before the next change (it would throw again). */
  private failed = false;

  constructor(private readonly hooks: SettleHooks) {}

  /** A change is about to be applied: the settle under way or scheduled gives way to the one its push schedules. */
  changed(): void {
    if (this.waiting || this.running) this.superseded++;
    this.waiting = false;
    this.failed = false;
    this.token++;
    const r = this.running;
    this.running = null;
    r?.return(false);
  }

  /** After a push: settles once the worker is idle, unless a change comes first. */
  schedule(): void {
    if (this.running || this.failed || !this.hooks.owed()) return;
    const token = ++this.token;
    this.waiting = true;
    this.hooks.later(() => {
      if (token !== this.token) return;
      this.waiting = false;
      if (!this.hooks.idle() || !this.hooks.owed()) return;
      const steps = this.hooks.steps();
      this.running = steps;
      const step = () => {
        if (this.running !== steps) return; // given up by a change
        let s: IteratorResult<string, boolean>;
        try {
          s = steps.next();
        } catch (err) {
          this.running = null;
          this.failed = true;
          this.hooks.done(err);
          return;
        }
        if (!s.done) return this.hooks.later(step);
        this.running = null;
        if (s.value) this.settled++;
        this.hooks.done();
      };
      step();
    });
  }
}
