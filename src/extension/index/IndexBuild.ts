import * as vscode from 'vscode';
import type { FileRef } from '../../protocol/protocol';
import type { Idle } from '../Idle';
import type { Settings } from '../settings/Settings';
import type { Notifier } from '../status/Notifier';
import type { PartialAnalyses } from '../status/PartialAnalyses';
import type { SkippedFiles } from './SkippedFiles';
import type { WorkerConnection } from './WorkerConnection';
import { displayPath, isWorkspaceFile } from './workspaceFiles';

export type IndexState = 'idle' | 'indexing' | 'done' | 'cancelled';

/**
 * The workspace index build: finds the files matching the settings, has the worker
 * read and analyse them, and shows its progress in the status bar at once and,
 * when the build outlasts `NOTIFY_AFTER_MS`, in a notification with a Cancel
 * button (a small workspace indexes without a pop-up).
 */
export class IndexBuild implements vscode.Disposable {
  /** How long a build runs before its progress becomes a (cancellable) notification. */
  static NOTIFY_AFTER_MS = 1500;

  state: IndexState = 'idle';
  progress = { done: 0, total: 0 };
  private current: { cancel(): void } | undefined;
  private readonly stateChanged = new vscode.EventEmitter<IndexState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly progressed = new vscode.EventEmitter<void>();
  /** Fires as the build advances. */
  readonly onDidProgress = this.progressed.event;

  constructor(
    private readonly connection: WorkerConnection,
    private readonly settings: Settings,
    private readonly skipped: SkippedFiles,
    private readonly notifier: Notifier,
    private readonly partial: PartialAnalyses,
    private readonly idle: Idle,
  ) {}

  /** Stops the build in progress, if any. */
  cancel(): void {
    this.current?.cancel();
  }

  /** Builds the index (a build in progress is cancelled first). */
  async run(): Promise<void> {
    this.cancel();
    const end = this.idle.begin();
    const source = new vscode.CancellationTokenSource();
    let cancelled = false;
    const build = { cancel: () => { if (!cancelled) { cancelled = true; source.cancel(); this.connection.notify('cancel', {}); } } };
    this.current = build;
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
    }, IndexBuild.NOTIFY_AFTER_MS);
    try {
      const files = await this.findFiles(source.token);
      if (cancelled) return;
      this.progress = { done: 0, total: files.length };
      const outcome = await this.connection.request('index', { files }, (done, total) => {
        this.progress = { done, total };
        report(`${done} of ${total} files`, total ? (done / total) * 100 : 100);
        this.progressed.fire();
      });
      const restored = outcome.restored ? ` (${outcome.restored} unchanged, restored from the index cache)` : '';
      this.notifier.log(`Index ${outcome.cancelled ? 'cancelled' : 'built'}: ${outcome.indexed} of ${files.length} files analysed${restored}, ${outcome.skipped.length} skipped.`);
      const m = outcome.memory;
      if (m) this.notifier.log(`Index worker memory: heap ${m.heapUsedMb} MB used of its ${m.heapLimitMb} MB limit; process resident set ${m.rssMb} MB.`);
      this.skipped.warn(outcome.skipped.map(s => s.key));
      for (const p of outcome.partial) this.partial.log(p.key, displayPath(p.key), p.reason);
      if (outcome.cancelled) cancelled = true;
    } catch (err) {
      if (!cancelled) this.notifier.log(`Index build stopped: ${err instanceof Error ? err.message : String(err)}`);
      cancelled = true;
    } finally {
      clearTimeout(notifyTimer);
      finish();
      source.dispose();
      if (this.current === build) {
        this.current = undefined;
        this.setState(cancelled ? 'cancelled' : 'done');
      }
      end();
    }
  }

  private async findFiles(token: vscode.CancellationToken): Promise<FileRef[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length && folders.every(f => f.uri.scheme === 'file')) return this.walkFolders(folders);
    return this.searchFiles(token);
  }

  /**
   * Folders on disk are walked by the worker with the CLI's rules (src/node/walkFolder.ts),
   * so both read the same files: links to directories followed once, loops and
   * unreadable directories skipped (listed with the skipped files).
   */
  private async walkFolders(folders: readonly vscode.WorkspaceFolder[]): Promise<FileRef[]> {
    const config = this.settings.current;
    const found = await this.connection.request('files', {
      folders: folders.map(f => f.uri.fsPath), include: [...config.include], exclude: [...config.exclude],
    });
    const uriOf = (folder: number, rel: string) => rel ? vscode.Uri.joinPath(folders[folder].uri, ...rel.split('/')) : folders[folder].uri;
    this.skipped.record(found.skipped.map(x => ({ key: uriOf(x.folder, x.rel).toString(), reason: x.reason })), [], true);
    const seen = new Map<string, FileRef>();
    for (const f of found.files) {
      const uri = uriOf(f.folder, f.rel);
      if (isWorkspaceFile(uri, config)) seen.set(uri.toString(), { key: uri.toString(), fsPath: f.fsPath });
    }
    return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  /** A virtual workspace: VS Code's file search. */
  private async searchFiles(token: vscode.CancellationToken): Promise<FileRef[]> {
    const config = this.settings.current;
    const { include, exclude } = config;
    const excludeGlob = exclude.length && !exclude.some(g => /[{}]/.test(g)) ? `{${exclude.join(',')}}` : undefined;
    const seen = new Map<string, FileRef>();
    for (const glob of include) {
      for (const uri of await vscode.workspace.findFiles(glob, excludeGlob, undefined, token)) {
        if (isWorkspaceFile(uri, config)) seen.set(uri.toString(), { key: uri.toString(), fsPath: uri.fsPath });
      }
    }
    return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  private setState(state: IndexState): void {
    this.state = state;
    this.stateChanged.fire(state);
  }

  dispose(): void {
    this.cancel();
    this.stateChanged.dispose();
    this.progressed.dispose();
  }
}
