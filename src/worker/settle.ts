/**
 * When the worker settles a two-phase edit (see `IndexService.settling`): after the
 * first phase's `changed` push, once no change waits and the edits have paused for a
 * while (below), a step at a time with the messages that came meanwhile served
 * between steps. A change (a notification) gives up the settle under way or
 * scheduled; its own first phase is pushed first and schedules the settle again, so
 * one settle covers both. Requests between steps are answered from the results shown
 * (the first phase's).
 *
 * The quiet spell: a settle given up by the next change is all waste, and at 10,000
 * articles (a settle of 15–20 s) edits a few seconds apart gave up every one. What
 * they allocated brought the full collections that the edits met, each edit 5–30×
 * slower inside one (docs/scale.md, round 51). So a settle starts only once no change
 * has come for as long as a settle is known to take (the last one that settled; twice
 * as long as one ran before it was given up, when that is more), and at most
 * `MAX_QUIET_MS`: a small corpus, whose settles take milliseconds, waits milliseconds.
 * The worker waits for it only with `SOURCE_LENS_SETTLE_QUIET=1` (indexWorker.ts; off
 * by default: docs/scale.md, rounds 52 and 53).
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
  /** Runs `f` after `ms` (`setTimeout`); without it (and `now`), a settle waits for no quiet spell. */
  after?(ms: number, f: () => void): void;
  /** The clock, in ms. */
  now?(): number;
}

/** The longest quiet spell a settle waits for (see above). */
export const MAX_QUIET_MS = 10_000;

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
  /**
   * How long a settle takes, ms, as far as is known: the last one that settled (from its first step to its end, the
   * messages served between its steps included); when one is given up after running `t`, at least `2 × t`. (Raised to
   * `t` alone, the spell came to equal the gap between evenly spaced edits, so that a settle began just before each
   * edit, which then waited for its step under way.)
   */
  expectedMs = 0;
  /** When the last change came, and when the settle under way began. */
  private changedAt = -Infinity;
  private startedAt = 0;

  constructor(private readonly hooks: SettleHooks) {}

  /** A change is about to be applied: the settle under way or scheduled gives way to the one its push schedules. */
  changed(): void {
    const now = this.hooks.now?.() ?? 0;
    // (Given up after this long: it needed longer, by how much is not known; twice as long is asked of the next spell.)
    if (this.running) this.expectedMs = Math.max(this.expectedMs, 2 * (now - this.startedAt));
    this.changedAt = now;
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
    const start = () => {
      if (token !== this.token) return;
      this.waiting = false;
      if (!this.hooks.idle() || !this.hooks.owed()) return;
      const steps = this.hooks.steps();
      this.running = steps;
      this.startedAt = this.hooks.now?.() ?? 0;
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
        const took = (this.hooks.now?.() ?? 0) - this.startedAt;
        // (One that settled nothing, given up inside, tells only that it took this long.)
        if (s.value) {
          this.settled++;
          this.expectedMs = took;
        } else this.expectedMs = Math.max(this.expectedMs, took);
        this.hooks.done();
      };
      step();
    };
    this.hooks.later(() => {
      if (token !== this.token) return;
      const wait = this.quietLeft();
      if (wait > 0 && this.hooks.after) this.hooks.after(wait, () => { if (token === this.token) this.hooks.later(start); });
      else start();
    });
  }

  /** How much longer the quiet spell lasts before a settle may start, ms (0 or less: none left). */
  quietLeft(): number {
    if (!this.hooks.now) return 0;
    return Math.min(this.expectedMs, MAX_QUIET_MS) - (this.hooks.now() - this.changedAt);
  }
}
