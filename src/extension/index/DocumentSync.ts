import * as vscode from 'vscode';
import type { Idle } from '../Idle';
import type { Settings } from '../settings/Settings';
import type { WorkerConnection } from './WorkerConnection';
import { PREVIEW_FROM } from '../../protocol/protocol';
import { documentLength, visibleOffsets } from '../visibleOffsets';
import { isTracked, isWorkspaceFile } from './workspaceFiles';

/** A document's text waiting to be sent (an edit's debounce, an opening's wait for its editor). */
type Wait = { timer: ReturnType<typeof setTimeout>; end: () => void };

/** Stops a wait: its timer cleared, its work for `Idle` ended. */
function cancelWait(waits: Map<string, Wait>, key: string): void {
  const w = waits.get(key);
  if (!w) return;
  clearTimeout(w.timer);
  w.end();
  waits.delete(key);
}

/**
 * How long a huge document just opened waits for an editor to show it before its text is sent anyway. The wait
 * ends as soon as the editor shows (the common case), so only a document opened without one pays it; in a web
 * VS Code on two cores the editor of a 400 KB file came about 0.45 s after the document, past the 250 ms this was.
 */
const WAIT_FOR_EDITOR_MS = 1000;

/** Whether an editor shows the document. */
function isShown(doc: vscode.TextDocument): boolean {
  return vscode.window.visibleTextEditors.some(e => e.document === doc);
}

/** The offsets the editors of `doc` show; the document's top when no editor shows it. */
function shownOffsets(doc: vscode.TextDocument): { start: number; end: number }[] {
  const out = visibleOffsets(doc.uri.toString());
  return out.length ? out : [{ start: 0, end: 0 }];
}

/**
 * Open documents → the worker: a document's text is sent at once when it is
 * opened or shown, after a trailing debounce (`sourceLens.debounceMs`) per
 * document when it is edited, and released when it is closed. An editor's text
 * wins over the file on disk. Documents are keyed by `uri.toString()`. A closed
 * document goes back to its file when that is a workspace file, and is dropped
 * otherwise (a file outside the workspace folders, an untitled document).
 */
export class DocumentSync implements vscode.Disposable {
  /** Editor version last sent, per open document. */
  private readonly sent = new Map<string, number>();
  /** Per document, the sequence number of the last notification that changed its text (set or release). */
  private readonly changes = new Map<string, number>();
  private readonly timers = new Map<string, Wait>();
  /** Huge documents just opened, waiting (briefly) for an editor to show them, so that the worker's preview is of what is on screen. */
  private readonly opening = new Map<string, Wait>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly connection: WorkerConnection,
    private readonly settings: Settings,
    private readonly idle: Idle,
  ) {
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument(doc => this.ensure(doc)),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument(doc => this.close(doc)),
    ];
  }

  /**
   * Makes sure the worker has the document's current text (sent at once, no
   * debounce, unless an edit is already waiting). Returns false for documents the
   * extension does not analyse.
   */
  ensure(doc: vscode.TextDocument): boolean {
    if (!isTracked(doc.uri, this.settings.current)) return false;
    const key = doc.uri.toString();
    if (this.timers.has(key) || this.sent.get(key) === doc.version) return true;
    const opened = !this.sent.has(key);
    if (opened && !this.opening.has(key) && documentLength(doc) >= PREVIEW_FROM && !isShown(doc)) {
      // Opened, not shown yet (it opens at a line, a search result): the editor comes in a moment, or the text goes anyway.
      const end = this.idle.begin();
      const timer = setTimeout(() => {
        this.opening.delete(key);
        try {
          if (!doc.isClosed && !this.sent.has(key)) this.send(doc);
        } finally {
          end();
        }
      }, WAIT_FOR_EDITOR_MS);
      this.opening.set(key, { timer, end });
      return true;
    }
    this.cancelOpening(key);
    this.send(doc);
    return true;
  }

  private cancelOpening(key: string): void {
    cancelWait(this.opening, key);
  }

  /** Sends every open document the worker does not have (after a restart). */
  ensureAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.ensure(doc);
  }

  /** Whether an editor holds the document (its text, not the file's, is what the worker has). */
  isOpen(key: string): boolean {
    return this.sent.has(key);
  }

  /** The sequence number of the last notification that changed a document's text (0: none); a reply to an earlier request is stale for it. */
  changedAt(key: string): number {
    return this.changes.get(key) ?? 0;
  }

  /** Whether an edit of this document is waiting for its debounce. */
  hasPendingEdit(key: string): boolean {
    return this.timers.has(key);
  }

  /** The worker is gone: every document is sent again when next needed. */
  forget(): void {
    this.sent.clear();
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isTracked(doc.uri, this.settings.current)) return;
    const key = doc.uri.toString();
    this.cancelTimer(key);
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

  /**
   * A huge document says what its editors show (the top when none shows it yet):
   * the worker sends a preview of that part ahead of the whole analysis (of the text
   * alone when it was just opened, of the last result moved past an edit after that).
   */
  private send(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const opened = !this.sent.has(key);
    this.sent.set(key, doc.version);
    const text = doc.getText();
    // (An edit of a huge document no editor shows: no preview, nobody would see it.)
    const visible = text.length >= PREVIEW_FROM && (opened || isShown(doc)) ? shownOffsets(doc) : undefined;
    // The worker refuses text over the size limit and reports it as skipped.
    this.changes.set(key, this.connection.notify('set', { key, text, version: doc.version, ...(visible ? { visible } : {}) }));
  }

  private close(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.cancelTimer(key);
    this.cancelOpening(key);
    if (!this.sent.delete(key)) return;
    const fsPath = isWorkspaceFile(doc.uri, this.settings.current) ? doc.uri.fsPath : null;
    this.changes.set(key, this.connection.notify('release', { key, fsPath }));
  }

  private cancelTimer(key: string): void {
    cancelWait(this.timers, key);
  }

  dispose(): void {
    for (const key of [...this.timers.keys()]) this.cancelTimer(key);
    for (const key of [...this.opening.keys()]) this.cancelOpening(key);
    for (const d of this.disposables) d.dispose();
  }
}
