import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import { isIncluded } from '../../config/globs';
import type { Idle } from '../Idle';
import { skippedMessage } from '../index/skipMessages';
import type { DocumentView, FileRef, IndexOutcome, Request, Response, SkippedRef, SourceSummary } from '../../protocol/protocol';
import type { Notifier } from '../status/Notifier';
import type { Settings } from '../settings/Settings';
import type { SkippedFile } from './skipMessages';

export type IndexState = 'idle' | 'indexing' | 'done' | 'cancelled';

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The main thread's side of the workspace index: owns the worker, tells it about
 * open documents (at once when opened or shown, after a debounce when edited) and
 * file changes on disk, builds the index with a cancellable progress notification,
 * and asks for results. Documents are keyed by `uri.toString()`.
 */
export class IndexClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Editor version last sent, per open document. */
  private readonly sent = new Map<string, number>();
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; end: () => void }>();
  private readonly skippedFiles = new Map<string, SkippedFile>();
  /** Skip reasons already shown to the user, per key (one message per file and reason). */
  private readonly warned = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any document's results may have changed (or the index state did). */
  readonly onDidChange = this.changed.event;
  private readonly progressed = new vscode.EventEmitter<void>();
  /** Fires as the index build advances (results are not re-read for each step: that would resolve the corpus each time). */
  readonly onDidProgress = this.progressed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private build: { cancel(): void } | undefined;
  private workerFailed = false;
  state: IndexState = 'idle';
  progress = { done: 0, total: 0 };

  constructor(
    private readonly workerPath: string,
    private readonly settings: Settings,
    private readonly idle: Idle,
    private readonly notifier: Notifier,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument(doc => this.ensure(doc)),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument(doc => this.close(doc)),
      settings.onDidChange(({ previous, current }) => {
        const same = (a: readonly string[], b: readonly string[]) => a.join('\n') === b.join('\n');
        if (!same(previous.include, current.include) || !same(previous.exclude, current.exclude) || previous.maxFileSize !== current.maxFileSize) {
          this.restart();
        }
      }),
    );
  }

  /** Starts the worker, watchers and the background index build (called after activation). */
  start(): void {
    this.watch();
    for (const doc of vscode.workspace.textDocuments) this.ensure(doc);
    if (this.settings.current.indexOnStartup) void this.buildIndex();
  }

  /** Throws the index away and builds it again (settings changed, or the refresh command). */
  restart(): void {
    this.build?.cancel();
    this.stopWorker('restarted');
    this.sent.clear();
    this.skippedFiles.clear();
    this.warned.clear();
    this.watch();
    for (const doc of vscode.workspace.textDocuments) this.ensure(doc);
    void this.buildIndex();
  }

  // --- Which documents ---------------------------------------------------------

  /** Whether a URI is analysed: a file (or a document of a virtual workspace folder) matching include minus exclude. */
  isTracked(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && !vscode.workspace.getWorkspaceFolder(uri)) return false;
    const { include, exclude } = this.settings.current;
    return isIncluded(vscode.workspace.asRelativePath(uri, false), include, exclude);
  }

  /** How a document key reads to the user: its workspace-relative path. */
  display(key: string): string {
    const uri = vscode.Uri.parse(key);
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1).replace(/\\/g, '/');
  }

  isSkipped(key: string): boolean {
    return this.skippedFiles.has(key);
  }

  skipped(): SkippedFile[] {
    return [...this.skippedFiles.values()];
  }

  /** Whether an edit of this document is waiting for its debounce. */
  hasPendingEdit(key: string): boolean {
    return this.timers.has(key);
  }

  // --- Open documents ----------------------------------------------------------

  /**
   * Makes sure the worker has the document's current text (sent at once, no
   * debounce, unless an edit is already waiting). Returns false for documents the
   * extension does not analyse.
   */
  ensure(doc: vscode.TextDocument): boolean {
    if (!this.isTracked(doc.uri)) return false;
    const key = doc.uri.toString();
    if (this.timers.has(key) || this.sent.get(key) === doc.version) return true;
    this.send(doc);
    return true;
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.isTracked(doc.uri)) return;
    const key = doc.uri.toString();
    const old = this.timers.get(key);
    if (old) {
      clearTimeout(old.timer);
      old.end();
    }
    const end = this.idle.begin();
    const timer = setTimeout(() => {
      this.timers.delete(key);
      try {
        if (!doc.isClosed) this.send(doc);
      } finally {
        end();
      }
    }, this.settings.current.debounceMs);
    this.timers.set(key, { timer, end });
  }

  private send(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.sent.set(key, doc.version);
    // The worker refuses text over the size limit and reports it as skipped.
    this.post({ type: 'set', key, text: doc.getText(), version: doc.version });
    this.changed.fire();
  }

  private close(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) {
      clearTimeout(t.timer);
      t.end();
      this.timers.delete(key);
    }
    if (!this.sent.delete(key)) return;
    this.post({ type: 'release', key, fsPath: doc.uri.scheme === 'file' && this.isTracked(doc.uri) ? doc.uri.fsPath : null });
    this.changed.fire();
  }

  // --- Files on disk -----------------------------------------------------------

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const glob of this.settings.current.include) {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      const reload = (uri: vscode.Uri) => {
        if (uri.scheme !== 'file' || !this.isTracked(uri)) return;
        const key = uri.toString();
        if (this.sent.has(key)) return; // an open editor's text wins; its own events cover it
        this.post({ type: 'reload', key, fsPath: uri.fsPath });
        this.changed.fire();
      };
      this.watchers.push(
        w,
        w.onDidCreate(reload),
        w.onDidChange(reload),
        w.onDidDelete(uri => {
          const key = uri.toString();
          if (this.sent.has(key)) return;
          this.post({ type: 'delete', key });
          this.changed.fire();
        }),
      );
    }
  }

  /**
   * Builds the workspace index in the worker. Progress shows in the status bar at
   * once and, when the build outlasts `NOTIFY_AFTER_MS`, in a notification with a
   * Cancel button (a small workspace indexes without a pop-up).
   */
  async buildIndex(): Promise<void> {
    this.build?.cancel();
    const end = this.idle.begin();
    const source = new vscode.CancellationTokenSource();
    let cancelled = false;
    const build = { cancel: () => { if (!cancelled) { cancelled = true; source.cancel(); this.post({ type: 'cancel' }); } } };
    this.build = build;
    this.setState('indexing');
    const reporters = new Set<(message: string, pct: number) => void>();
    let last = { message: 'finding files…', pct: 0 };
    const report = (message: string, pct: number) => {
      last = { message, pct };
      for (const r of reporters) r(message, pct);
    };
    // Each progress UI reports increments of its own, from the shared percentage.
    const follow = (progress: vscode.Progress<{ message?: string; increment?: number }>) => {
      let shown = 0;
      const r = (message: string, pct: number) => {
        progress.report({ message, increment: pct - shown });
        shown = pct;
      };
      r(last.message, last.pct);
      reporters.add(r);
    };
    let finish!: () => void;
    const finished = new Promise<void>(resolve => (finish = resolve));
    const title = 'Source Lens: indexing the workspace';
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, async progress => {
      follow(progress);
      await finished;
    });
    const notifyTimer = setTimeout(() => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        token.onCancellationRequested(() => build.cancel());
        follow(progress);
        await finished;
      });
    }, IndexClient.NOTIFY_AFTER_MS);
    try {
      const files = await this.findFiles(source.token);
      if (cancelled) return;
      const id = this.nextId++;
      this.progress = { done: 0, total: files.length };
      const outcome = await this.request<IndexOutcome>({ type: 'index', id, files }, (done, total) => {
        this.progress = { done, total };
        report(`${done} of ${total} files`, total ? (done / total) * 100 : 100);
        this.progressed.fire();
      });
      this.notifier.log(`Index ${outcome.cancelled ? 'cancelled' : 'built'}: ${outcome.indexed} of ${files.length} files analysed, ${outcome.skipped.length} skipped.`);
      this.warnSkipped(outcome.skipped.map(s => s.key));
      if (outcome.cancelled) cancelled = true;
    } catch (err) {
      if (!cancelled) this.notifier.log(`Index build stopped: ${err instanceof Error ? err.message : String(err)}`);
      cancelled = true;
    } finally {
      clearTimeout(notifyTimer);
      finish();
      source.dispose();
      if (this.build === build) {
        this.build = undefined;
        this.setState(cancelled ? 'cancelled' : 'done');
      }
      end();
    }
  }

  /** How long an index build runs before its progress becomes a (cancellable) notification. */
  static NOTIFY_AFTER_MS = 1500;

  private async findFiles(token: vscode.CancellationToken): Promise<FileRef[]> {
    const { include, exclude } = this.settings.current;
    const excludeGlob = exclude.length && !exclude.some(g => /[{}]/.test(g)) ? `{${exclude.join(',')}}` : undefined;
    const seen = new Map<string, FileRef>();
    for (const glob of include) {
      for (const uri of await vscode.workspace.findFiles(glob, excludeGlob, undefined, token)) {
        if (uri.scheme === 'file' && this.isTracked(uri)) seen.set(uri.toString(), { key: uri.toString(), fsPath: uri.fsPath });
      }
    }
    return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  private setState(state: IndexState): void {
    this.state = state;
    this.changed.fire();
  }

  /** Records skip changes from the worker; outside an index build, warns about new ones at once. */
  private updateSkipped(added: readonly SkippedRef[], cleared: readonly string[]): void {
    for (const key of cleared) this.skippedFiles.delete(key);
    for (const s of added) {
      const file: SkippedFile = { path: this.display(s.key), uri: s.key, reason: s.reason };
      this.notifier.log(`Skipped ${file.path}: ${s.reason}`);
      this.skippedFiles.set(s.key, file);
    }
    if (this.state !== 'indexing') this.warnSkipped(added.map(s => s.key));
  }

  /** One message for the skipped files not warned about before. */
  private warnSkipped(keys: readonly string[]): void {
    const fresh: SkippedFile[] = [];
    for (const key of keys) {
      const file = this.skippedFiles.get(key);
      if (!file || this.warned.get(key) === file.reason) continue;
      this.warned.set(key, file.reason);
      fresh.push(file);
    }
    if (fresh.length) this.notifier.warn(skippedMessage(fresh));
  }

  // --- Queries -------------------------------------------------------------------

  /** Results of the given documents (those the index holds). */
  documents(keys: string[]): Promise<DocumentView[]> {
    if (!keys.length) return Promise.resolve([]);
    return this.request<DocumentView[]>({ type: 'documents', id: this.nextId++, keys });
  }

  /** One summary per analysed document, sorted by key. */
  summaries(): Promise<SourceSummary[]> {
    return this.request<SourceSummary[]>({ type: 'summaries', id: this.nextId++ });
  }

  // --- The worker ---------------------------------------------------------------

  private request<T>(msg: Extract<Request, { id: number }>, onProgress?: Pending['onProgress']): Promise<T> {
    const end = this.idle.begin();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.post(msg);
    }).finally(end);
  }

  private post(msg: Request): void {
    this.ensureWorker()?.postMessage(msg);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    let w: Worker;
    try {
      w = new Worker(this.workerPath);
    } catch (err) {
      this.workerError(err);
      return undefined;
    }
    w.on('message', (m: Response) => this.onMessage(m));
    w.on('error', err => this.workerError(err));
    w.on('exit', () => {
      if (this.worker === w) {
        this.worker = undefined;
        this.sent.clear();
        this.rejectAll('the index worker stopped');
      }
    });
    w.unref();
    this.worker = w;
    w.postMessage({ type: 'configure', maxFileSize: this.settings.current.maxFileSize } satisfies Request);
    return w;
  }

  private onMessage(m: Response): void {
    switch (m.type) {
      case 'reply': {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        p?.resolve(m.value);
        return;
      }
      case 'error': {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        this.notifier.log(`Worker error: ${m.message}`);
        p?.reject(new Error(m.message));
        return;
      }
      case 'progress':
        this.pending.get(m.id)?.onProgress?.(m.done, m.total);
        return;
      case 'skips':
        this.updateSkipped(m.added, m.cleared);
        this.changed.fire();
        return;
    }
  }

  private workerError(err: unknown): void {
    const text = err instanceof Error ? err.stack ?? err.message : String(err);
    this.notifier.log(`Index worker failed: ${text}`);
    if (!this.workerFailed) {
      this.workerFailed = true;
      this.notifier.error(`Source Lens: the background analysis failed (${err instanceof Error ? err.message : String(err)}). See the Source Lens output.`);
    }
    this.stopWorker('the index worker failed');
  }

  private stopWorker(reason: string): void {
    const w = this.worker;
    this.worker = undefined;
    this.rejectAll(reason);
    if (w) void w.terminate();
  }

  private rejectAll(reason: string): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(new Error(reason));
  }

  dispose(): void {
    this.build?.cancel();
    for (const t of this.timers.values()) {
      clearTimeout(t.timer);
      t.end();
    }
    this.timers.clear();
    this.stopWorker('disposed');
    for (const d of [...this.disposables, ...this.watchers]) d.dispose();
    this.changed.dispose();
    this.progressed.dispose();
  }
}
