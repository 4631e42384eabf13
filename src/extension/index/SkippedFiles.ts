import * as vscode from 'vscode';
import type { SkippedRef } from '../../protocol/protocol';
import type { Notifier } from '../status/Notifier';
import { skippedMessage, type SkippedFile } from './skipMessages';
import { displayPath } from './workspaceFiles';

/**
 * Files the worker refused (too large, binary, not UTF-8, unreadable), with their
 * reasons: each is logged, and the user gets one message for the files not warned
 * about before (one for a whole index build).
 */
export class SkippedFiles implements vscode.Disposable {
  private readonly files = new Map<string, SkippedFile>();
  /** Reasons already shown to the user, per key (one message per file and reason). */
  private readonly warned = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly notifier: Notifier) {}

  /** Records what the worker reported; warns about new skips at once unless `later` (an index build warns at its end). */
  record(added: readonly SkippedRef[], cleared: readonly string[], later: boolean): void {
    for (const key of cleared) this.files.delete(key);
    for (const s of added) {
      const file: SkippedFile = { path: displayPath(s.key), uri: s.key, reason: s.reason };
      this.notifier.log(`Skipped ${file.path}: ${s.reason}`);
      this.files.set(s.key, file);
    }
    if (!later) this.warn(added.map(s => s.key));
    this.changed.fire();
  }

  /** One message for the skipped files among `keys` not warned about before. */
  warn(keys: readonly string[]): void {
    const fresh: SkippedFile[] = [];
    for (const key of keys) {
      const file = this.files.get(key);
      if (!file || this.warned.get(key) === file.reason) continue;
      this.warned.set(key, file.reason);
      fresh.push(file);
    }
    if (fresh.length) this.notifier.warn(skippedMessage(fresh));
  }

  has(key: string): boolean {
    return this.files.has(key);
  }

  list(): SkippedFile[] {
    return [...this.files.values()];
  }

  /** Forgets every skip (the index is rebuilt), and every warning unless `warnings` is false. */
  clear(warnings = true): void {
    this.files.clear();
    if (warnings) this.warned.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
