/**
 * src/extension/status/ owns what the extension shows outside the editor and the
 * tree: the status-bar item (StatusBar) and the output channel and messages (Notifier).
 */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Highlighter } from '../decorations/Highlighter';
import type { IndexClient } from '../index/IndexClient';
import type { Settings } from '../settings/Settings';

/** The active file's counts (quotes, duplicates, entities, claims); a click focuses the Claims view. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceLens.counts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private shown = false;

  constructor(
    private readonly client: IndexClient,
    private readonly highlighter: Highlighter,
    private readonly settings: Settings,
  ) {
    this.item.name = 'Source Lens';
    this.item.command = Commands.focusClaims;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      highlighter.onDidUpdate(() => this.update()),
      settings.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** The item's text, or '' while hidden. */
  get text(): string {
    return this.shown ? this.item.text : '';
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const view = doc && this.settings.current.statusBar && this.client.isTracked(doc.uri) ? this.highlighter.viewOf(doc) : undefined;
    if (!view) {
      this.shown = false;
      this.item.hide();
      return;
    }
    const r = view.result;
    const repeats = r.duplicates.filter(d => d.kind === 'repeat').length;
    const dupes = `${r.duplicates.length} duplicated passages (${repeats} repeated in this file, ${r.duplicates.length - repeats} shared with other files)`;
    this.item.text = `$(quote) ${r.quotes.length}  $(files) ${r.duplicates.length}  $(symbol-field) ${r.entities.length}  $(checklist) ${r.claims.length}`;
    this.item.tooltip = `Source Lens — ${this.client.display(view.key)}\n${r.quotes.length} quotes · ${dupes} · ${r.entities.length} entities · ${r.claims.length} claims\nClick to show the Claims view.`;
    this.item.accessibilityInformation = { label: `Source Lens: ${r.quotes.length} quotes, ${dupes}, ${r.entities.length} entities, ${r.claims.length} claims` };
    this.shown = true;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
