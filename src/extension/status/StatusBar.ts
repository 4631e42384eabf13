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
    const c = view.counts;
    const entities = Object.values(c.entities).reduce((a, b) => a + b, 0);
    const duplicates = c.repeat + c.shared;
    const dupes = `${duplicates} duplicated passages (${c.repeat} repeated in this file, ${c.shared} shared with other files)`;
    const partial = view.result.truncated?.reason;
    const hidden = this.highlighter.hiddenKinds(view.key);
    const notes = [
      partial ? `Partial analysis: ${partial}.` : '',
      hidden.length ? `Too many to highlight, left off: ${hidden.join(', ')} (run "Source Lens: Show All Highlights in This File").` : '',
    ].filter(Boolean);
    this.item.text = `${partial ? '$(warning) ' : ''}$(quote) ${c.quotes}  $(files) ${duplicates}  $(symbol-field) ${entities}  $(checklist) ${c.claims}`;
    this.item.tooltip = [`Source Lens — ${this.client.display(view.key)}`, `${c.quotes} quotes · ${dupes} · ${entities} entities · ${c.claims} claims`, ...notes, 'Click to show the Claims view.'].join('\n');
    this.item.accessibilityInformation = { label: `Source Lens: ${c.quotes} quotes, ${dupes}, ${entities} entities, ${c.claims} claims${partial ? ', partial analysis' : ''}` };
    this.shown = true;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
