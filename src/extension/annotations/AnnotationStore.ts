/**
 * The workspace's annotations file (`.sourcelens/annotations.json` in the first
 * workspace folder): read at start and whenever it changes on disk (a
 * FileSystemWatcher), handed to the index worker to apply to every result, and
 * written by the correction commands with an undo stack per session. A file that
 * does not parse gives one message naming its line and is never overwritten; the
 * last good content stays applied meanwhile. Orphaned entries are logged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { orphanMessage, serializeAnnotations, type Annotations, type EntryLines, type Orphan } from '../../core/annotations';
import { ANNOTATIONS_DIR, ANNOTATIONS_NAME, AnnotationsWriteError, readAnnotationsFile, writeAnnotationsFile } from '../../node/annotationsFile';
import type { AnnotationsConfig } from '../../protocol/protocol';
import type { Idle } from '../Idle';
import type { IndexClient } from '../index/IndexClient';
import type { Notifier } from '../status/Notifier';

/** What the store knows, for the test API and the commands. */
export interface AnnotationState {
  /** The file's path on disk, or null when there is no workspace folder on disk. */
  file: string | null;
  /** `FILE:LINE: message` when the file does not parse, else null. */
  broken: string | null;
  /** One line per orphaned entry, as logged. */
  orphans: string[];
  /** How many corrections of this session Undo can revert. */
  undoDepth: number;
  /** How many entries (sources, aliases, corrections) the last good read of the file held. */
  entries: number;
  /**
   * When the file watcher last reported the file or its folder (`Date.now()`, 0: never). A test that removes a file a
   * command has just written waits for this first: a creation and a deletion close together can reach a watcher as
   * no event at all.
   */
  watchedAt: number;
}

/** One change this session made: the file's text before (null: there was none) and after. */
interface Step {
  before: string | null;
  after: string;
}

export class AnnotationStore implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private annotations: Annotations | null = null;
  private lines: EntryLines | undefined;
  private broken: string | null = null;
  private orphanLines: string[] = [];
  /** When the watcher last reported the file or its folder (`AnnotationState.watchedAt`). */
  private watchedAt = 0;
  private readonly undo: Step[] = [];
  private orphanTimer: ReturnType<typeof setTimeout> | undefined;
  private endOrphanCheck: (() => void) | undefined;

  constructor(private readonly client: IndexClient, private readonly notifier: Notifier, private readonly idle: Idle) {}

  /** The workspace folder the file belongs to (the first one on disk). */
  get folder(): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file' || f.uri.scheme === 'vscode-remote');
  }

  /** The file's path on disk. */
  get file(): string | null {
    const f = this.folder;
    return f ? path.join(f.uri.fsPath, ANNOTATIONS_DIR, ANNOTATIONS_NAME) : null;
  }

  get state(): AnnotationState {
    const a = this.annotations;
    const entries = a ? a.sources.length + a.aliases.length + a.corrections.length : 0;
    return { file: this.file, broken: this.broken, orphans: [...this.orphanLines], undoDepth: this.undo.length, entries, watchedAt: this.watchedAt };
  }

  /** Reads the file and watches it (called once the index has started). */
  start(): void {
    const folder = this.folder;
    if (!folder) return;
    // A workspace-wide glob, as the index's own watchers use (events outside the folder are ignored);
    // the folder too, since deleting it reports the folder, not the file in it.
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ANNOTATIONS_DIR}{,/${ANNOTATIONS_NAME}}`);
    const reload = (uri: vscode.Uri) => {
      const file = this.file;
      if (file && (uri.fsPath === file || uri.fsPath === path.dirname(file))) {
        this.watchedAt = Date.now();
        this.reload();
      }
    };
    this.disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
    // An edit can orphan a correction (or bring one back): check after the results change.
    this.disposables.push(this.client.onDidChangeDocuments(() => this.checkOrphansSoon()));
    this.reload();
  }

  /** Reads the file again and has the worker apply it. */
  reload(): void {
    const file = this.file;
    if (!file) return;
    const r = readAnnotationsFile(file);
    if (r.kind === 'broken' || r.kind === 'unreadable') {
      const message = r.kind === 'broken' ? `${file}:${r.line}: ${r.message}` : `${file}: ${r.message}`;
      if (message !== this.broken) {
        this.broken = message;
        this.notifier.error(`Source Lens cannot read its annotations file (${message}). Corrections made there are not applied until it is fixed, and it will not be overwritten.`);
      }
      return; // the last good content stays applied
    }
    if (this.broken) this.notifier.log(`Annotations file readable again: ${file}`);
    this.broken = null;
    this.annotations = r.kind === 'ok' ? r.annotations : null;
    this.lines = r.kind === 'ok' ? r.lines : undefined;
    this.client.setAnnotations(this.config());
    this.checkOrphansSoon();
  }

  /** The annotations with every path they name mapped to its document key. */
  private config(): AnnotationsConfig | null {
    const a = this.annotations;
    const folder = this.folder;
    if (!a || !folder) return null;
    const keys: Record<string, string> = {};
    const add = (rel: string) => { keys[rel] ??= vscode.Uri.joinPath(folder.uri, ...rel.split('/')).toString(); };
    for (const s of a.sources) add(s.path);
    for (const c of a.corrections) {
      add(c.path);
      if (c.kind === 'not-duplicate') add(c.other.path);
    }
    return { annotations: a, keys };
  }

  /** The path of a document relative to the folder, '/'-separated; undefined when it is not inside it. */
  relative(uri: vscode.Uri): string | undefined {
    const folder = this.folder;
    if (!folder || uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) return undefined;
    const rel = path.posix.relative(folder.uri.path, uri.path);
    return rel && !rel.startsWith('..') && !path.posix.isAbsolute(rel) ? rel : undefined;
  }

  /**
   * Applies `edit` to the file as it is on disk now and writes it (atomically).
   * False, with a message, when the file cannot be used.
   */
  change(edit: (a: Annotations) => Annotations): boolean {
    const file = this.file;
    if (!file) {
      this.notifier.warn('Source Lens keeps corrections in .sourcelens/annotations.json of a workspace folder: open a folder first.');
      return false;
    }
    const now = readAnnotationsFile(file);
    if (now.kind === 'broken' || now.kind === 'unreadable') {
      this.reload();
      this.notifier.error(`Source Lens did not save the correction: ${now.kind === 'broken' ? `${file}:${now.line}: ${now.message}` : `${file}: ${now.message}`}. Fix the file by hand; it is not overwritten.`);
      return false;
    }
    const before = now.kind === 'ok' ? now.text : null;
    const base = now.kind === 'ok' ? now.annotations : { version: 1 as const, sources: [], aliases: [], corrections: [] };
    const after = serializeAnnotations(edit(base));
    if (after === before) return true;
    if (!this.write(file, after)) return false;
    this.undo.push({ before, after });
    this.reload();
    return true;
  }

  /** Reverts the last change this session made to the file. */
  undoLast(): boolean {
    const file = this.file;
    const step = this.undo.at(-1);
    if (!file || !step) {
      this.notifier.info('Source Lens: no correction of this session to undo.');
      return false;
    }
    const now = readAnnotationsFile(file);
    if (now.kind !== 'ok' || now.text !== step.after) {
      this.notifier.warn(`Source Lens did not undo: ${file} was changed since the last correction (use git to go back further).`);
      return false;
    }
    if (step.before === null) {
      try {
        fs.unlinkSync(file); // there was no file before that correction
      } catch (err) {
        this.notifier.error(`Source Lens could not undo: ${err instanceof Error ? err.message : String(err)}`);
        return false;
      }
    } else if (!this.write(file, step.before)) return false;
    this.undo.pop();
    this.reload();
    return true;
  }

  private write(file: string, text: string): boolean {
    try {
      writeAnnotationsFile(file, text);
      return true;
    } catch (err) {
      this.notifier.error(err instanceof AnnotationsWriteError ? `Source Lens did not save the correction: ${err.message}` : `Source Lens could not write ${file}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  private checkOrphansSoon(): void {
    if (this.orphanTimer) return;
    this.endOrphanCheck ??= this.idle.begin();
    this.orphanTimer = setTimeout(() => {
      this.orphanTimer = undefined;
      const end = this.endOrphanCheck;
      this.endOrphanCheck = undefined;
      void this.client.orphans().then(list => this.logOrphans(list), () => undefined).finally(end);
    }, 50);
  }

  private logOrphans(list: Orphan[]): void {
    const file = this.file ?? ANNOTATIONS_NAME;
    const lines = list.filter(o => !o.absent).map(o => orphanMessage(file, o, this.lines));
    const fresh = lines.filter(l => !this.orphanLines.includes(l));
    this.orphanLines = lines;
    for (const l of fresh) this.notifier.log(`Annotations: ${l}`);
  }

  dispose(): void {
    if (this.orphanTimer) clearTimeout(this.orphanTimer);
    this.endOrphanCheck?.();
    for (const d of this.disposables) d.dispose();
  }
}
