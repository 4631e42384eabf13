/**
 * src/extension/decorations/ owns what the editor shows of an analysis: the
 * decoration kinds (kinds.ts) and their looks (styles.ts), the ranges per kind
 * (spans.ts), hover texts (hover.ts) with the quote-wording diff (diff.ts), and the
 * Highlighter that sets them on editors.
 */
import * as vscode from 'vscode';
import type { DocumentView } from '../../protocol/protocol';
import { Commands } from '../ids';
import type { Idle } from '../Idle';
import type { ChangedDocuments, IndexClient } from '../index/IndexClient';
import type { Settings } from '../settings/Settings';
import { hoversAt } from './hover';
import { DECORATION_KINDS, type DecorationKind, type OffsetRange } from './kinds';
import { decorationRanges, emptyRanges, switchesFrom, type KindSwitches } from './spans';
import { decorationStyle } from './styles';

type Toggle = 'quotes' | 'duplicates' | 'entities';

/**
 * Decorations and hovers: one decoration type per kind, set on every visible
 * editor of an analysed document (every kind every time, `[]` clears), at once
 * when an editor becomes visible and whenever the index says the document's
 * results changed; only those documents are fetched again.
 */
export class Highlighter implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after new results were fetched for visible documents. */
  readonly onDidUpdate = this.changed.event;
  private readonly types = new Map<DecorationKind, vscode.TextEditorDecorationType>();
  /**
   * Latest results per document key, applied or not. Only documents that are
   * visible are kept up to date: a hidden one's view is dropped when it changes.
   */
  private readonly views = new Map<string, DocumentView>();
  /** What was last set on each document's visible editors. */
  private readonly applied = new Map<string, Record<DecorationKind, OffsetRange[]>>();
  private readonly toggles: Partial<Record<Toggle, boolean>> = {};
  private readonly disposables: vscode.Disposable[] = [];
  /** Visible documents to fetch on the next refresh. */
  private wanted: Set<string> | 'all' = new Set();
  private refreshing = false;
  private scheduled: (() => void) | undefined;

  constructor(
    private readonly client: IndexClient,
    private readonly settings: Settings,
    private readonly idle: Idle,
  ) {
    for (const k of DECORATION_KINDS) this.types.set(k, vscode.window.createTextEditorDecorationType(decorationStyle(k)));
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.onVisibleEditors()),
      client.onDidChangeDocuments(change => this.onDocumentsChanged(change)),
      settings.onDidChange(() => {
        for (const k of Object.keys(this.toggles) as Toggle[]) delete this.toggles[k];
        this.apply(this.visibleKeys());
      }),
      vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-remote' }], {
        provideHover: (doc, pos) => this.provideHover(doc, pos),
      }),
    );
  }

  /** The switches in force: settings, unless toggled this session. */
  get switches(): KindSwitches {
    const s = switchesFrom(this.settings.current);
    return {
      ...s,
      quotes: this.toggles.quotes ?? s.quotes,
      duplicates: this.toggles.duplicates ?? s.duplicates,
      entities: this.toggles.entities ?? s.entities,
    };
  }

  /** Flips one kind for this session (the setting is the default again after it changes). */
  toggle(which: Toggle): boolean {
    const on = !this.switches[which];
    this.toggles[which] = on;
    this.apply(this.visibleKeys());
    return on;
  }

  /** The latest analysis of a document when it matches the document's current text. */
  viewOf(doc: vscode.TextDocument): DocumentView | undefined {
    const v = this.views.get(doc.uri.toString());
    if (!v) return undefined;
    return this.isCurrent(v, doc) ? v : undefined;
  }

  private isCurrent(v: DocumentView, doc: vscode.TextDocument): boolean {
    // A result from disk matches an editor that holds the file unchanged.
    return v.version === null ? !doc.isDirty && v.result.length === doc.getText().length : v.version === doc.version;
  }

  /** Ranges last set per kind on the visible editors of a document (all kinds; empty when none visible). */
  decorations(key: string): Record<DecorationKind, OffsetRange[]> {
    const visible = vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === key);
    const a = visible ? this.applied.get(key) : undefined;
    const out = emptyRanges();
    if (a) for (const k of DECORATION_KINDS) out[k] = a[k].map(r => ({ ...r }));
    return out;
  }

  hoverTexts(doc: vscode.TextDocument, offset: number): string[] {
    const v = this.viewOf(doc);
    if (!v) return [];
    return hoversAt(v, offset, { display: k => this.client.display(k) }, this.switches);
  }

  private provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const texts = this.hoverTexts(doc, doc.offsetAt(pos));
    if (!texts.length) return undefined;
    const md = texts.map(t => {
      const m = new vscode.MarkdownString(t, true);
      m.isTrusted = { enabledCommands: [Commands.openPassage] };
      return m;
    });
    return new vscode.Hover(md);
  }

  private visibleKeys(): Set<string> {
    return new Set(vscode.window.visibleTextEditors.map(e => e.document.uri.toString()));
  }

  /** Visible documents changed: fetch again; hidden ones: forget, and fetch when shown. */
  private onDocumentsChanged(change: ChangedDocuments): void {
    const visible = this.visibleKeys();
    const fetch = new Set<string>();
    for (const key of change === 'all' ? [...this.views.keys(), ...visible] : change) {
      if (visible.has(key)) fetch.add(key);
      else this.views.delete(key);
    }
    this.schedule(change === 'all' ? 'all' : fetch);
  }

  /** Decorates editors that became visible at once from what is known; fetches documents not known yet. */
  private onVisibleEditors(): void {
    const visible = this.visibleKeys();
    const missing = new Set([...visible].filter(k => !this.views.has(k)));
    this.apply([...visible].filter(k => !missing.has(k)));
    this.schedule(missing);
  }

  /** Coalesces refresh requests into one run after the current turn. */
  private schedule(keys: ReadonlySet<string> | 'all'): void {
    if (keys === 'all' || this.wanted === 'all') this.wanted = 'all';
    else for (const k of keys) this.wanted.add(k);
    if (this.scheduled || (this.wanted !== 'all' && !this.wanted.size)) return;
    const end = this.idle.begin();
    this.scheduled = end;
    setTimeout(() => {
      this.scheduled = undefined;
      this.refresh().finally(end);
    }, 0);
  }

  /** Fetches results for the wanted visible documents and decorates their editors. */
  private async refresh(): Promise<void> {
    if (this.refreshing) return; // the run in progress takes up what is wanted now
    this.refreshing = true;
    try {
      while (this.wanted === 'all' || this.wanted.size) {
        const wanted = this.wanted;
        this.wanted = new Set();
        const docs = new Map<string, vscode.TextDocument>();
        for (const e of vscode.window.visibleTextEditors) {
          const key = e.document.uri.toString();
          if (wanted === 'all' || wanted.has(key)) docs.set(key, e.document);
        }
        const keys = [...docs].filter(([, doc]) => this.client.ensure(doc)).map(([key]) => key);
        let views: DocumentView[] = [];
        try {
          views = await this.client.documents(keys);
        } catch {
          // The worker stopped: the documents are sent to a new one, which says when they change.
        }
        const got = new Set<string>();
        for (const v of views) {
          got.add(v.key);
          this.views.set(v.key, v);
        }
        // Documents the index no longer holds (deleted, skipped): nothing to show.
        for (const key of keys) if (!got.has(key) && !this.client.hasPendingEdit(key)) this.views.delete(key);
        this.apply(docs.keys());
        this.changed.fire();
      }
    } finally {
      this.refreshing = false;
    }
  }

  /** Sets every kind on the visible editors of the given documents from their latest current results. */
  private apply(keys: Iterable<string>): void {
    const wanted = new Set(keys);
    const on = this.switches;
    const byDoc = new Map<string, vscode.TextEditor[]>();
    for (const e of vscode.window.visibleTextEditors) {
      const key = e.document.uri.toString();
      byDoc.set(key, [...(byDoc.get(key) ?? []), e]);
    }
    for (const [key, editors] of byDoc) {
      if (!wanted.has(key)) continue;
      const doc = editors[0].document;
      const v = this.views.get(key);
      const tracked = this.client.isTracked(doc.uri) && !this.client.isSkipped(key);
      if (tracked && v && !this.isCurrent(v, doc)) continue; // stale: keep what VS Code shifted along with the edit
      const ranges = tracked && v ? decorationRanges(v.result, on) : emptyRanges();
      for (const editor of editors) {
        for (const k of DECORATION_KINDS) {
          editor.setDecorations(this.types.get(k)!, ranges[k].map(r => new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end))));
        }
      }
      this.applied.set(key, ranges);
    }
    for (const key of this.applied.keys()) if (!byDoc.has(key)) this.applied.delete(key);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
