import * as vscode from 'vscode';
import type { Settings } from '../settings/Settings';
import type { DocumentSync } from './DocumentSync';
import type { WorkerConnection } from './WorkerConnection';
import { isWorkspaceFile } from './workspaceFiles';

/**
 * Files on disk → the worker: one file-system watcher per include glob; a created
 * or changed file is read again, a deleted one dropped. A file an editor holds
 * open is left to the editor's own events.
 */
export class FileWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly sync: DocumentSync,
    private readonly connection: WorkerConnection,
  ) {}

  /** (Re)creates the watchers for the current include globs. */
  watch(): void {
    this.dispose();
    for (const glob of this.settings.current.include) {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      const reload = (uri: vscode.Uri) => {
        if (!isWorkspaceFile(uri, this.settings.current)) return;
        const key = uri.toString();
        if (!this.sync.isOpen(key)) this.connection.notify('reload', { key, fsPath: uri.fsPath });
      };
      this.watchers.push(
        w,
        w.onDidCreate(reload),
        w.onDidChange(reload),
        w.onDidDelete(uri => {
          const key = uri.toString();
          if (!this.sync.isOpen(key)) this.connection.notify('delete', { key });
        }),
      );
    }
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }
}
