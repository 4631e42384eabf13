/**
 * src/extension/settings/ owns the settings: the typed snapshot, its defaults and
 * how bad values fall back (config.ts, no `vscode`), and the live copy (Settings).
 */
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../ids';
import { readConfig, type SourceLensConfig } from './config';

/** The typed settings snapshot, re-read only when a `sourceLens.*` setting changes. */
export class Settings implements vscode.Disposable {
  private snapshot: SourceLensConfig = Settings.read();
  private readonly changed = new vscode.EventEmitter<{ previous: SourceLensConfig; current: SourceLensConfig }>();
  /** Fires after the snapshot was re-read. */
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      const previous = this.snapshot;
      this.snapshot = Settings.read();
      this.changed.fire({ previous, current: this.snapshot });
    });
  }

  get current(): SourceLensConfig {
    return this.snapshot;
  }

  private static read(): SourceLensConfig {
    const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
    return readConfig(key => c.get(key));
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
