/**
 * src/extension/index/ owns the main thread's side of the workspace index, one job
 * a class: the worker and its messages (WorkerConnection), open documents and the
 * edit debounce (DocumentSync), files on disk (FileWatcher), the index build and
 * its progress (IndexBuild), and skipped files (SkippedFiles). IndexClient wires
 * them together and is what the features use: which documents are analysed, their
 * results, and events that say which documents changed.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Span } from '../../core/types';
import type { Orphan } from '../../core/annotations';
import type { AnnotationsConfig, DocumentView, PassagesView, SourceSummary, WindowView } from '../../protocol/protocol';
import type { Idle } from '../Idle';
import type { Settings } from '../settings/Settings';
import type { Notifier } from '../status/Notifier';
import { PartialAnalyses } from '../status/PartialAnalyses';
import { DocumentSync } from './DocumentSync';
import { FileWatcher } from './FileWatcher';
import { IndexBuild, type IndexState } from './IndexBuild';
import type { SkippedFile } from './skipMessages';
import { SkippedFiles } from './SkippedFiles';
import { workerHeapLimitMb, WorkerConnection } from './WorkerConnection';
import { displayPath, isTracked } from './workspaceFiles';

export type { IndexState } from './IndexBuild';

/** Which documents' results changed: their keys, or `'all'` when the index was thrown away. */
export type ChangedDocuments = ReadonlySet<string> | 'all';

export class IndexClient implements vscode.Disposable {
  private readonly connection: WorkerConnection;
  private readonly sync: DocumentSync;
  private readonly watcher: FileWatcher;
  private readonly build: IndexBuild;
  private readonly skips: SkippedFiles;
  /** Documents whose analysis is partial: logged once, a notice once shown. */
  readonly partial: PartialAnalyses;
  private readonly documentsChanged = new vscode.EventEmitter<ChangedDocuments>();
  /** Fires after the worker has applied a change, with the documents whose results it changed. */
  readonly onDidChangeDocuments = this.documentsChanged.event;
  private readonly previewed = new vscode.EventEmitter<{ view: WindowView; seq: number }>();
  /** Fires with the first paint of a huge document just opened (its part on screen analysed alone; see `WindowView.preview`) and the `set` it answers. */
  readonly onDidPreview = this.previewed.event;
  /** Fires when the build's state or the skipped files change. */
  readonly onDidChangeStatus: vscode.Event<void>;
  /** Fires as the index build advances. */
  readonly onDidProgress: vscode.Event<void>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Only the open documents are analysed (`openFilesOnly`), until `restart()`. */
  private openOnly = false;
  private readonly statusChanged = new vscode.EventEmitter<void>();
  /** The annotations file the worker applies (told to every new worker with `configure`). */
  private annotations: AnnotationsConfig | null = null;

  /**
   * `storageDir`: the extension's workspace storage on disk, where the worker keeps
   * the persisted index (none when undefined: no folder open, or not on disk). It
   * is kept in Restricted Mode too: the folder is the extension's own, outside the
   * workspace, and the cache is data checked before use, never code.
   */
  constructor(workerPath: string, private readonly settings: Settings, idle: Idle, private readonly notifier: Notifier, private readonly storageDir?: string) {
    this.skips = new SkippedFiles(notifier);
    this.partial = new PartialAnalyses(notifier);
    this.connection = new WorkerConnection(workerPath, idle, {
      configure: () => ({ maxFileSize: this.settings.current.maxFileSize, annotations: this.annotations, storage: this.storageDir ?? null }),
      pushes: {
        skips: ({ added, cleared }) => this.skips.record(added, cleared, this.build.state === 'indexing'),
        changed: ({ keys }) => { if (keys.length) this.documentsChanged.fire(new Set(keys)); },
        problem: ({ message }) => notifier.log(`Index worker: ${message}`),
        preview: p => this.previewed.fire(p),
      },
      stopped: () => this.sync.forget(),
      restarted: () => this.refill(),
      log: line => notifier.log(line),
      failed: (message, why) => notifier.error(message, why === 'memory'
        ? {
          'Open Settings': () => void vscode.commands.executeCommand('workbench.action.openSettings', 'sourceLens.workerMemoryMb'),
          'Analyse Open Files Only': () => this.openFilesOnly(),
        }
        : { Restart: () => this.restart() }),
    }, { timeoutMs: () => this.settings.current.requestTimeoutMs, heapLimitMb: () => workerHeapLimitMb(os.totalmem(), this.settings.current.workerMemoryMb) });
    this.sync = new DocumentSync(this.connection, settings, idle);
    this.watcher = new FileWatcher(settings, this.sync, this.connection);
    this.build = new IndexBuild(this.connection, settings, this.skips, notifier, this.partial, idle);
    const statusChanged = this.statusChanged;
    this.onDidChangeStatus = statusChanged.event;
    this.onDidProgress = this.build.onDidProgress;
    this.disposables.push(
      statusChanged,
      this.previewed,
      this.build.onDidChangeState(() => statusChanged.fire()),
      this.skips.onDidChange(() => statusChanged.fire()),
      settings.onDidChange(({ previous, current }) => {
        const same = (a: readonly string[], b: readonly string[]) => a.join('\n') === b.join('\n');
        if (!same(previous.include, current.include) || !same(previous.exclude, current.exclude) || previous.maxFileSize !== current.maxFileSize || previous.workerMemoryMb !== current.workerMemoryMb) {
          this.restart();
        }
      }),
    );
  }

  /** Starts the worker, watchers and the background index build (called after activation). */
  start(): void {
    this.watcher.watch();
    this.sync.ensureAll();
    if (this.settings.current.indexOnStartup) void this.build.run();
  }

  /**
   * Throws the index away and builds it again with a new worker (settings changed,
   * the refresh command, or the Restart button after the worker failed too often).
   */
  restart(): void {
    this.renew(false);
  }

  /**
   * A new worker that analyses the open documents only: no workspace build, and no
   * file on disk read as it changes (a workspace too large for the worker's memory,
   * whose error offers it). `restart()` (Re-index Workspace, a setting that
   * restarts the index) brings the whole workspace back.
   */
  openFilesOnly(): void {
    this.renew(true);
  }

  /** A new worker in place of the index: of the whole workspace, or of the open documents only (`openOnly`). */
  private renew(openOnly: boolean): void {
    const modeChanged = openOnly !== this.openOnly;
    this.openOnly = openOnly;
    this.build.cancel();
    this.connection.restart(openOnly ? 'open files only' : undefined);
    this.skips.clear();
    if (openOnly) this.watcher.dispose(); else this.watcher.watch();
    this.sync.ensureAll();
    if (openOnly) this.notifier.log('Analysing the open files only (Re-index Workspace brings the whole workspace back).');
    else void this.build.run();
    // What the old index said of any document no longer stands.
    this.documentsChanged.fire('all');
    // (The build may have ended already, with no state to change: the Claims view's message is told of the mode here.)
    if (modeChanged) this.statusChanged.fire();
  }

  /**
   * A new worker replaced one that failed: it is sent the open documents and, when
   * the workspace index had been built (or was being built), builds it again (not
   * while only the open files are analysed). Skips are reported anew, without
   * warning about them again.
   */
  private refill(): void {
    this.skips.clear(false);
    this.sync.ensureAll();
    if (this.build.state !== 'idle' && !this.openOnly) void this.build.run();
    this.documentsChanged.fire('all');
  }

  /** How many index workers were started, and whether the worker stays down after failing too often (test API). */
  get workerState(): { started: number; down: boolean } {
    return { started: this.connection.started, down: this.connection.isDown };
  }

  /** The sequence number of the last notification sent: a reply to a request sent now reflects every change up to it. */
  get seq(): number {
    return this.connection.seq;
  }

  /** The sequence number of the last notification that changed a document's text; views of requests sent before it are stale. */
  changedAt(key: string): number {
    return this.sync.changedAt(key);
  }

  get state(): IndexState {
    return this.build.state;
  }

  /** Whether only the open documents are analysed (`openFilesOnly`). */
  get analysingOpenFilesOnly(): boolean {
    return this.openOnly;
  }

  get progress(): { done: number; total: number } {
    return this.build.progress;
  }

  /** Whether a URI is analysed (a file matching include minus exclude). */
  isTracked(uri: vscode.Uri): boolean {
    return isTracked(uri, this.settings.current);
  }

  /** How a document key reads to the user: its workspace-relative path. */
  display(key: string): string {
    return displayPath(key);
  }

  isSkipped(key: string): boolean {
    return this.skips.has(key);
  }

  skipped(): SkippedFile[] {
    return this.skips.list();
  }

  /** Whether an edit of this document is waiting for its debounce. */
  hasPendingEdit(key: string): boolean {
    return this.sync.hasPendingEdit(key);
  }

  /** Makes sure the worker has the document's current text; false for documents not analysed. */
  ensure(doc: vscode.TextDocument): boolean {
    return this.sync.ensure(doc);
  }

  /** Has the worker apply an annotations file (null: none) to every result from now on. */
  setAnnotations(config: AnnotationsConfig | null): void {
    this.annotations = config;
    this.connection.notify('configure', { maxFileSize: this.settings.current.maxFileSize, annotations: config });
  }

  /** The entries of the annotations file that apply to nothing now. */
  orphans(): Promise<Orphan[]> {
    return this.annotations ? this.connection.request('orphans', {}) : Promise.resolve([]);
  }

  /** Results of the given documents (those the index holds). */
  documents(keys: string[]): Promise<DocumentView[]> {
    return keys.length ? this.connection.request('documents', { keys }) : Promise.resolve([]);
  }

  /** The claims and quotes of the given documents (those the index holds): what the Claims tree lists. */
  passages(keys: string[]): Promise<PassagesView[]> {
    return keys.length ? this.connection.request('passages', { keys }) : Promise.resolve([]);
  }

  /** Of each given document that the index holds, what meets the given ranges, with its whole counts. */
  windows(docs: { key: string; ranges: Span[] }[]): Promise<WindowView[]> {
    return docs.length ? this.connection.request('windows', { docs }) : Promise.resolve([]);
  }

  /** One summary per analysed document (of `keys` when given), sorted by key. */
  summaries(keys?: string[]): Promise<SourceSummary[]> {
    return this.connection.request('summaries', { keys });
  }

  dispose(): void {
    this.build.dispose();
    this.sync.dispose();
    this.watcher.dispose();
    this.connection.dispose();
    this.skips.dispose();
    for (const d of this.disposables) d.dispose();
    this.documentsChanged.dispose();
  }
}
