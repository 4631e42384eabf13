/**
 * The index worker as the main thread sees it: started on first use, sent typed
 * requests and notifications (src/protocol/), its replies, progress and pushes
 * routed back, stopped on demand or when it fails. No `vscode` import, so unit
 * tests drive the real worker through it.
 */
import { Worker } from 'node:worker_threads';
import type {
  FromWorker, NotificationKind, NotificationMessage, Notifications, PushKind, PushMessage, Pushes, RequestKind, RequestMessage, Requests,
} from '../../protocol/protocol';
import type { Idle } from '../Idle';

export interface ConnectionHooks {
  /** What every new worker is told first. */
  configure(): Notifications['configure'];
  /** What to do with the worker's pushes. */
  pushes: { [K in PushKind]: (params: Pushes[K]) => void };
  /** The worker is gone (stopped, failed or exited): the documents it held are forgotten. */
  stopped(): void;
  /** A line for the log. */
  log(line: string): void;
  /** The worker failed; called the first time only, with a message for the user. */
  failed(message: string): void;
}

interface Pending<K extends RequestKind> {
  resolve(result: Requests[K]['result']): void;
  reject(err: Error): void;
  onProgress?: (done: number, total: number) => void;
}

type PendingByKind = { [K in RequestKind]: Map<number, Pending<K>> };

/** A reply as a map over the kinds, so that `settle` takes the result of the reply's own kind. */
type Reply<K extends RequestKind> = { [P in K]: { id: number; kind: P; result: Requests[P]['result'] } }[K];

export class WorkerConnection {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending: PendingByKind = { index: new Map(), documents: new Map(), summaries: new Map() };
  /** The last notification sent, and the last one the worker acknowledged with a `changed` push. */
  private sentSeq = 0;
  private ackedSeq = 0;
  /** Pending work (for `Idle`) while notifications wait for their `changed` push. */
  private endUnacknowledged: (() => void) | undefined;
  private hasFailed = false;

  constructor(
    private readonly workerPath: string,
    private readonly idle: Idle,
    private readonly hooks: ConnectionHooks,
  ) {}

  /** Asks the worker; the promise settles with its answer, or rejects when it fails or stops. */
  request<K extends RequestKind>(kind: K, params: Requests[K]['params'], onProgress?: (done: number, total: number) => void): Promise<Requests[K]['result']> {
    const end = this.idle.begin();
    const id = this.nextId++;
    const message: RequestMessage<K> = { type: 'request', id, kind, params };
    return new Promise<Requests[K]['result']>((resolve, reject) => {
      this.pending[kind].set(id, { resolve, reject, onProgress });
      this.ensureWorker()?.postMessage(message);
    }).finally(end);
  }

  /** Tells the worker; it acknowledges with a `changed` push once it has applied it. */
  notify<K extends NotificationKind>(kind: K, params: Notifications[K]): void {
    const worker = this.ensureWorker();
    if (!worker) return;
    const message: NotificationMessage<K> = { type: 'notify', seq: ++this.sentSeq, kind, params };
    worker.postMessage(message);
    this.endUnacknowledged ??= this.idle.begin();
  }

  /** Stops the worker; pending requests are rejected with `reason`. The next message starts a new one. */
  stop(reason: string): void {
    const w = this.worker;
    this.worker = undefined;
    this.forget(reason);
    if (w) void w.terminate();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    let w: Worker;
    try {
      w = new Worker(this.workerPath);
    } catch (err) {
      this.fail(err);
      return undefined;
    }
    w.on('message', (m: FromWorker) => this.onMessage(m));
    w.on('error', err => this.fail(err));
    w.on('exit', () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.forget('the index worker stopped');
    });
    w.unref();
    this.worker = w;
    this.notify('configure', this.hooks.configure());
    return w;
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'reply':
        this.settle(m);
        return;
      case 'error': {
        const p = this.pending[m.kind].get(m.id);
        this.pending[m.kind].delete(m.id);
        this.hooks.log(`Worker error: ${m.message}`);
        p?.reject(new Error(m.message));
        return;
      }
      case 'progress':
        this.pending.index.get(m.id)?.onProgress?.(m.done, m.total);
        return;
      case 'push':
        this.onPush(m);
        // Listeners have queued their refreshes (pending work of their own) by now.
        if (m.kind === 'changed') this.acknowledged(m.params.seq);
        return;
    }
  }

  private settle<K extends RequestKind>(m: Reply<K>): void {
    const p = this.pending[m.kind].get(m.id);
    this.pending[m.kind].delete(m.id);
    p?.resolve(m.result);
  }

  private onPush<K extends PushKind>(m: PushMessage<K>): void {
    this.hooks.pushes[m.kind](m.params);
  }

  private acknowledged(seq: number): void {
    this.ackedSeq = Math.max(this.ackedSeq, seq);
    if (this.ackedSeq >= this.sentSeq) this.endWaiting();
  }

  private endWaiting(): void {
    const end = this.endUnacknowledged;
    this.endUnacknowledged = undefined;
    end?.();
  }

  private fail(err: unknown): void {
    const text = err instanceof Error ? err.stack ?? err.message : String(err);
    this.hooks.log(`Index worker failed: ${text}`);
    if (!this.hasFailed) {
      this.hasFailed = true;
      this.hooks.failed(`Source Lens: the background analysis failed (${err instanceof Error ? err.message : String(err)}). See the Source Lens output.`);
    }
    this.stop('the index worker failed');
  }

  /** Everything the worker held or owed is gone. */
  private forget(reason: string): void {
    this.ackedSeq = this.sentSeq;
    this.endWaiting();
    const all = [...this.pending.index.values(), ...this.pending.documents.values(), ...this.pending.summaries.values()];
    for (const map of Object.values(this.pending)) map.clear();
    for (const p of all) p.reject(new Error(reason));
    this.hooks.stopped();
  }

  dispose(): void {
    this.stop('disposed');
  }
}
