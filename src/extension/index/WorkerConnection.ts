/**
 * The index worker as the main thread sees it: started on first use, sent typed
 * requests and notifications (src/protocol/), its replies, progress and pushes
 * routed back. Every request, and the acknowledgement of every notification, has a
 * time-out; a worker that dies (an uncaught
 * error, an exit) or stops answering is replaced by a new one, which the owner
 * fills again (`restarted`), up to `MAX_RESTARTS` times in a row; then it stays
 * down, with one message, until `restart()`. No `vscode` import, so unit tests
 * drive the real worker through it.
 */
import * as os from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import {
  HEAP_FULL_EXIT,
  type FromWorker, type NotificationKind, type NotificationMessage, type Notifications, type PushKind, type PushMessage, type Pushes, type RequestKind, type RequestMessage, type Requests,
} from '../../protocol/protocol';
import type { Idle } from '../Idle';

export interface ConnectionHooks {
  /** What every new worker is told first. */
  configure(): Notifications['configure'];
  /** What to do with the worker's pushes (its `log` lines go to `log` unless handled here). */
  pushes: { [K in Exclude<PushKind, 'log'>]: (params: Pushes[K]) => void } & { log?: (params: Pushes['log']) => void };
  /** The worker is gone (stopped, failed or exited): the documents it held are forgotten. */
  stopped(): void;
  /** A new worker took the place of one that failed: it holds nothing yet. */
  restarted(): void;
  /** A line for the log. */
  log(line: string): void;
  /**
   * The worker stays down until `restart()`, having failed too often in a row, or (`why` 'memory') run out of heap: a
   * message for the user.
   */
  failed(message: string, why?: 'memory'): void;
}

export interface ConnectionOptions {
  /**
   * How long a request may wait for its answer (an index build: for its next
   * progress report), in milliseconds; past it the worker counts as stuck.
   */
  timeoutMs(): number;
  /** The worker's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /**
   * The most heap a worker may use, in MB, read as each worker starts (default: Node's
   * own limit). Past it the worker alone stops instead of the whole extension host
   * running out of memory, and is not restarted (`outOfMemory`): the same files would
   * fill the same heap again.
   */
  heapLimitMb?: () => number;
}

/**
 * The worker's heap limit, MB: `setting` when it is not 0 (`sourceLens.workerMemoryMb`), else half the machine's
 * memory, between 1 and 8 GB. (An index of 10,000 generated articles, 52 MB of text, holds about 3.4 GB once built; a 4 GB worker builds it, but edits run near its limit: docs/scale.md.)
 */
export function workerHeapLimitMb(totalBytes = os.totalmem(), setting = 0): number {
  if (setting > 0) return setting;
  return Math.max(1024, Math.min(8192, Math.floor(totalBytes / 2 / (1024 * 1024))));
}

interface Pending<K extends RequestKind> {
  resolve(result: Requests[K]['result']): void;
  reject(err: Error): void;
  onProgress?: (done: number, total: number) => void;
  timer: ReturnType<typeof setTimeout>;
}

type PendingByKind = { [K in RequestKind]: Map<number, Pending<K>> };

/** A reply as a map over the kinds, so that `settle` takes the result of the reply's own kind. */
type Reply<K extends RequestKind> = { [P in K]: { id: number; kind: P; result: Requests[P]['result'] } }[K];

export class WorkerConnection {
  /** Workers that fail this many times in a row are not restarted again until `restart()`. */
  static MAX_RESTARTS = 3;
  /** A worker that ran this long (and at least twice the request time-out) before failing starts a new row. */
  static STABLE_MS = 60_000;

  private worker: Worker | undefined;
  /** When the current worker started. */
  private startedAt = 0;
  /** How many workers were started in all (the test API reads it). */
  started = 0;
  /** Automatic restarts since the last worker that ran long enough, or since `restart()`. */
  private restartsInARow = 0;
  /** The heap limit the current worker started with, MB (undefined: Node's own). */
  private limitMb: number | undefined;
  /** Why the worker stays down (too many failures in a row), or undefined while it may run. */
  private down: string | undefined;
  private nextId = 1;
  private readonly pending: PendingByKind = { index: new Map(), files: new Map(), documents: new Map(), passages: new Map(), windows: new Map(), summaries: new Map(), orphans: new Map() };
  /** The last notification sent, and the last one the worker acknowledged with a `changed` push. */
  private sentSeq = 0;
  private ackedSeq = 0;
  /** Pending work (for `Idle`) while notifications wait for their `changed` push. */
  private endUnacknowledged: (() => void) | undefined;
  /** Runs out when notifications stay unacknowledged too long (the worker hangs). */
  private ackTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly workerPath: string,
    private readonly idle: Idle,
    private readonly hooks: ConnectionHooks,
    private readonly options: ConnectionOptions = { timeoutMs: () => 30_000 },
  ) {}

  /** The sequence number of the last notification sent (what a reply to a request sent now reflects). */
  get seq(): number {
    return this.sentSeq;
  }

  /** Whether the worker stays down after failing too often (until `restart()`). */
  get isDown(): boolean {
    return this.down !== undefined;
  }

  /**
   * Asks the worker; the promise settles with its answer, or rejects when it fails,
   * stops, or does not answer in time (the worker is then restarted).
   */
  request<K extends RequestKind>(kind: K, params: Requests[K]['params'], onProgress?: (done: number, total: number) => void): Promise<Requests[K]['result']> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.reject(new Error(this.down ?? 'the index worker could not start'));
    const end = this.idle.begin();
    const id = this.nextId++;
    const message: RequestMessage<K> = { type: 'request', id, kind, params };
    const ms = this.options.timeoutMs();
    return new Promise<Requests[K]['result']>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(worker, kind, ms), ms);
      timer.unref?.();
      this.pending[kind].set(id, { resolve, reject, onProgress, timer });
      worker.postMessage(message);
    }).finally(end);
  }

  /** Tells the worker (nothing while it is down); it acknowledges with a `changed` push once it has applied it. Returns its sequence number. */
  notify<K extends NotificationKind>(kind: K, params: Notifications[K]): number {
    const worker = this.ensureWorker();
    if (!worker) return this.sentSeq;
    const message: NotificationMessage<K> = { type: 'notify', seq: ++this.sentSeq, kind, params };
    worker.postMessage(message);
    this.endUnacknowledged ??= this.idle.begin();
    if (!this.ackTimer) {
      const ms = this.options.timeoutMs();
      this.ackTimer = setTimeout(() => this.crashed(worker, `did not take up a change within ${formatSeconds(ms)} (sourceLens.requestTimeoutMs)`), ms);
      this.ackTimer.unref?.();
    }
    return this.sentSeq;
  }

  /** Stops the worker; pending requests are rejected with `reason`. The next message starts a new one. */
  stop(reason: string): void {
    const w = this.worker;
    this.worker = undefined;
    this.forget(reason);
    if (w) void w.terminate();
  }

  /** Stops the worker and lets a new one start, forgetting earlier failures (the user asked for it). */
  restart(reason = 'restarted'): void {
    this.down = undefined;
    this.restartsInARow = 0;
    this.stop(reason);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.down) return undefined;
    let w: Worker;
    try {
      const options: WorkerOptions = {};
      if (this.options.env) options.env = this.options.env;
      const limit = this.options.heapLimitMb?.();
      if (limit) options.resourceLimits = { maxOldGenerationSizeMb: limit };
      this.limitMb = limit;
      w = new Worker(this.workerPath, options);
    } catch (err) {
      // A worker that cannot even start will not start the next time either.
      this.giveUp(`the index worker could not start: ${errorText(err)}`);
      return undefined;
    }
    // A stopped worker's last messages may still arrive: they speak of an index that is gone.
    w.on('message', (m: FromWorker) => { if (this.worker === w) this.onMessage(m); });
    w.on('error', err => this.crashed(w, `failed: ${errorText(err)}`, isOutOfMemory(err) ? 'ran out of memory' : undefined));
    // (An exit with `HEAP_FULL_EXIT`: the worker stopped itself, its heap nearly full after a full collection.)
    w.on('exit', code => this.crashed(w, `exited (code ${code})`, code === HEAP_FULL_EXIT ? 'stopped with its heap nearly full after a full collection' : undefined));
    w.unref();
    this.worker = w;
    this.startedAt = Date.now();
    this.started++;
    this.notify('configure', this.hooks.configure());
    return w;
  }

  private timedOut(w: Worker, kind: RequestKind, ms: number): void {
    this.crashed(w, `did not answer a ${kind} request within ${formatSeconds(ms)} (sourceLens.requestTimeoutMs)`);
  }

  /**
   * Worker `w` died or hangs: what it owed is rejected, and a new worker takes its
   * place unless too many failed in a row, or it ran out of heap (`outOfMemory`, how): a
   * new worker would read the same files into the same limit and fail the same way,
   * a build's length later, over and over (a build that long counts as a stable run,
   * so the restarts in a row never add up). It then stays down, with a message that
   * says what to change, until `restart()`.
   */
  private crashed(w: Worker, what: string, outOfMemory?: string): void {
    if (this.worker !== w) return; // already replaced, or stopped on purpose
    const limit = this.limitMb ? `its limit, ${this.limitMb} MB` : 'its limit';
    const reason = outOfMemory ? `the index worker ${outOfMemory} (${limit})` : `the index worker ${what}`;
    this.hooks.log(`${capitalise(reason)}.`);
    this.worker = undefined;
    void w.terminate();
    this.forget(reason.split('\n')[0]);
    if (outOfMemory) {
      this.giveUp(reason, limit);
      return;
    }
    const ranFor = Date.now() - this.startedAt;
    if (ranFor > Math.max(WorkerConnection.STABLE_MS, 2 * this.options.timeoutMs())) this.restartsInARow = 0;
    if (this.restartsInARow >= WorkerConnection.MAX_RESTARTS) {
      this.giveUp(reason.split('\n')[0]);
      return;
    }
    this.restartsInARow++;
    this.hooks.log(`Restarting the index worker (${this.restartsInARow} of ${WorkerConnection.MAX_RESTARTS} restarts in a row).`);
    if (this.ensureWorker()) this.hooks.restarted();
  }

  /** The worker stays down until `restart()`, for `reason`; `outOfMemory`: it ran out of heap, past this limit. */
  private giveUp(reason: string, outOfMemory?: string): void {
    this.down = `${capitalise(reason)}; it was not restarted.`;
    this.hooks.log(this.down);
    if (outOfMemory) this.hooks.failed(`Source Lens: the background analysis ran out of memory (${outOfMemory}) and stopped. Raise the setting sourceLens.workerMemoryMb or analyse fewer files (sourceLens.include), then Re-index Workspace; or analyse the open files only.`, 'memory');
    else this.hooks.failed(`Source Lens: the background analysis stopped (${reason.split(':')[0]}${this.restartsInARow ? `, ${this.restartsInARow + 1} times in a row` : ''}). Highlights and the Claims view are not updated until it restarts.`);
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'reply':
        this.settle(m);
        return;
      case 'error': {
        const p = this.take(m.kind, m.id);
        this.hooks.log(`Worker error: ${m.message}`);
        p?.reject(new Error(m.message));
        return;
      }
      case 'progress': {
        const p = this.pending.index.get(m.id);
        p?.timer.refresh(); // a build is stuck only when its progress stops
        p?.onProgress?.(m.done, m.total);
        return;
      }
      case 'push':
        this.onPush(m);
        // Listeners have queued their refreshes (pending work of their own) by now.
        if (m.kind === 'changed') this.acknowledged(m.params.seq);
        return;
    }
  }

  /** Removes a pending request (its timer stopped) and returns it. */
  private take<K extends RequestKind>(kind: K, id: number): Pending<K> | undefined {
    const p = this.pending[kind].get(id);
    this.pending[kind].delete(id);
    if (p) clearTimeout(p.timer);
    return p;
  }

  private settle<K extends RequestKind>(m: Reply<K>): void {
    this.take(m.kind, m.id)?.resolve(m.result);
  }

  private onPush<K extends PushKind>(m: PushMessage<K>): void {
    if (m.kind === 'log') {
      const params = m.params as Pushes['log'];
      if (this.hooks.pushes.log) this.hooks.pushes.log(params);
      else this.hooks.log(params.message);
      return;
    }
    (this.hooks.pushes[m.kind as Exclude<PushKind, 'log'>] as (params: Pushes[K]) => void)(m.params);
  }

  private acknowledged(seq: number): void {
    this.ackedSeq = Math.max(this.ackedSeq, seq);
    if (this.ackedSeq >= this.sentSeq) this.endWaiting();
    else this.ackTimer?.refresh(); // it takes changes up: the later ones get their time too
  }

  private endWaiting(): void {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    const end = this.endUnacknowledged;
    this.endUnacknowledged = undefined;
    end?.();
  }

  /** Everything the worker held or owed is gone. */
  private forget(reason: string): void {
    this.ackedSeq = this.sentSeq;
    this.endWaiting();
    const all: { reject(err: Error): void; timer: ReturnType<typeof setTimeout> }[] = [];
    for (const map of Object.values(this.pending)) {
      all.push(...map.values());
      map.clear();
    }
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(new Error(reason));
    }
    this.hooks.stopped();
  }

  dispose(): void {
    this.stop('disposed');
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.stack ?? err.message : String(err);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatSeconds(ms: number): string {
  return ms % 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms / 1000} s`;
}

/** Whether a worker's error is its heap running out (Node stops a worker past `resourceLimits` with this code). */
function isOutOfMemory(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}
