/**
 * When the Claims view lists changed sources again. The first change after a quiet
 * spell is listed at once (on the next turn, so that the changes one push brings
 * are listed together); changes that come while a listing runs, or within `gapMs`
 * of the last one's start, wait for one listing at the end of that gap. So an edit
 * shows in the tree as soon as the worker says it changed, and an index build that
 * pushes changes many times a second is listed at most once per gap. No `vscode`
 * import (unit-tested with a fake clock).
 */
import type { Idle } from '../Idle';

/**
 * A listing of changed sources: which (or 'all'), `performance.now()` when it began, and how long the oldest change
 * it lists had waited since the worker's push.
 */
export interface TreeListing {
  keys: string[] | 'all';
  at: number;
  waitedMs: number;
  /**
   * Made from an edit's preview of a huge document (no wait: listed as it came), not from the worker's exact
   * result; with how many passages it listed for the source (absent when its passages were not listed).
   */
  preview?: boolean;
  passages?: number;
  /** Of a listing from a preview that did not list the passages: why (they were not listed, or from another result). */
  unlisted?: string;
  /**
   * Of a listing of changes: how VS Code was told. `sources`: the changed sources' nodes, in place; `whole`: the
   * whole tree (sources came or went, or the index was thrown away); `owed`: not at all, VS Code having yet to list
   * the top level since it was last refreshed whole (that listing reads the changes).
   */
  how?: 'sources' | 'whole' | 'owed';
}

/** The clock and timer a pacer uses (the real ones by default; tests pass a fake). */
export interface PacerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: PacerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RefreshPacer {
  private timer: unknown;
  private running = false;
  /** A listing was asked for and not started yet. */
  private wanted = false;
  private lastStart = -Infinity;
  /** Ends the pending work `idle` counts while a listing waits or runs. */
  private endBusy: (() => void) | undefined;
  private disposed = false;

  /** `run` lists what changed; it is never called again before the listing it started has settled. */
  constructor(
    private readonly run: () => Promise<void> | void,
    private readonly idle: Idle,
    private readonly gapMs = 150,
    private readonly clock: PacerClock = REAL_CLOCK,
  ) {}

  /** Asks for a listing: at once after a quiet spell, else at the end of the gap (one for every request until then). */
  request(): void {
    if (this.disposed) return;
    this.wanted = true;
    this.endBusy ??= this.idle.begin();
    if (!this.running && this.timer === undefined) this.arm();
  }

  private arm(): void {
    const wait = Math.max(0, this.lastStart + this.gapMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    this.timer = undefined;
    if (this.disposed) return;
    this.wanted = false;
    this.running = true;
    this.lastStart = this.clock.now();
    let done: Promise<void>;
    try {
      done = Promise.resolve(this.run());
    } catch (err) {
      done = Promise.reject(err);
    }
    // (A listing that fails leaves the tree as it was; the next change lists it again.)
    done.catch(() => undefined).finally(() => {
      this.running = false;
      if (this.wanted && !this.disposed) this.arm();
      else this.idleNow();
    });
  }

  private idleNow(): void {
    const end = this.endBusy;
    this.endBusy = undefined;
    end?.();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.idleNow();
  }
}
