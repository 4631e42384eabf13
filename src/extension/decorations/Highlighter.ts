/**
 * src/extension/decorations/ owns what the editor shows of an analysis: the
 * decoration kinds (kinds.ts) and their looks (styles.ts), the ranges per kind
 * (spans.ts), hover texts (hover.ts) with the quote-wording diff (diff.ts), and the
 * Highlighter that sets them on editors.
 */
import * as vscode from 'vscode';
import type { WindowView } from '../../protocol/protocol';
import { Commands, NavigationCommands } from '../ids';
import type { Idle } from '../Idle';
import type { ChangedDocuments, IndexClient } from '../index/IndexClient';
import type { Settings } from '../settings/Settings';
import type { Notifier } from '../status/Notifier';
import { hoversAt, partialHover, previewHover } from './hover';
import { DECORATION_KINDS, type DecorationKind, type OffsetRange } from './kinds';
import { decorationRanges, denseKinds, emptyRanges, kindCounts, kindOn, switchesFrom, type KindSwitches } from './spans';
import { decorationStyle } from './styles';
import { ViewStore } from './ViewStore';
import { covers, windowFor } from './windows';
import { documentLength, visibleOffsets } from '../visibleOffsets';

type Toggle = 'quotes' | 'duplicates' | 'entities';

/**
 * Decorations and hovers: one decoration type per kind, set on every visible
 * editor of an analysed document (every kind every time, `[]` clears), at once
 * when an editor becomes visible and whenever the index says the document's
 * results changed; only those documents are fetched again. Of a huge document only
 * the part its editors show, and a margin, is fetched (windows.ts), again when they
 * scroll out of it; a kind with more than `sourceLens.maxSpansPerKind` spans in a
 * document stays off there, with one notice, until the user asks for it.
 */
export class Highlighter implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after new results were fetched for visible documents. */
  readonly onDidUpdate = this.changed.event;
  private readonly types = new Map<DecorationKind, vscode.TextEditorDecorationType>();
  /**
   * Latest results per document key, applied or not. Only documents that are
   * visible are kept up to date: a hidden one's view is dropped when it changes,
   * and any view when its document closes.
   */
  private readonly views = new ViewStore();
  /** What was last set on each document's visible editors. */
  private readonly applied = new Map<string, Record<DecorationKind, OffsetRange[]>>();
  private readonly toggles: Partial<Record<Toggle, boolean>> = {};
  /** Documents whose too dense kinds the user asked to see anyway. */
  private readonly showAll = new Set<string>();
  /** Documents whose too dense kinds the user was told about (once each). */
  private readonly denseNoticed = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Visible documents to fetch on the next refresh. */
  private wanted: Set<string> | 'all' = new Set();
  private refreshing = false;
  private scheduled: (() => void) | undefined;
  private previews = 0;
  private lastPreview: { key: string; window: OffsetRange[]; edited?: OffsetRange } | undefined;

  constructor(
    private readonly client: IndexClient,
    private readonly settings: Settings,
    private readonly idle: Idle,
    private readonly notifier: Notifier,
  ) {
    for (const k of DECORATION_KINDS) this.types.set(k, vscode.window.createTextEditorDecorationType(decorationStyle(k)));
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.onVisibleEditors()),
      vscode.window.onDidChangeTextEditorVisibleRanges(e => this.onScrolled(e.textEditor.document)),
      vscode.workspace.onDidCloseTextDocument(doc => this.views.delete(doc.uri.toString())),
      client.onDidChangeDocuments(change => this.onDocumentsChanged(change)),
      client.onDidPreview(({ view, seq }) => this.onPreview(view, seq)),
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
  viewOf(doc: vscode.TextDocument): WindowView | undefined {
    const v = this.views.get(doc.uri.toString());
    if (!v) return undefined;
    return this.isCurrent(v, doc) ? v : undefined;
  }

  /** The kinds left off in a document for being too dense (none once the user asked to see them). */
  hiddenKinds(key: string): DecorationKind[] {
    const v = this.views.get(key);
    return v && !this.showAll.has(key) ? denseKinds(v.counts, this.settings.current.maxSpansPerKind) : [];
  }

  /** Turns on the too dense kinds of a document (the "Show Anyway" button and command); the active editor's by default. */
  showAllIn(key = vscode.window.activeTextEditor?.document.uri.toString()): void {
    if (!key) return;
    this.showAll.add(key);
    this.apply([key]);
    this.changed.fire();
  }

  /** Documents whose views are held (the test API: views are released when documents close). */
  heldDocuments(): string[] {
    return this.views.keys();
  }

  /** The part of a document last fetched, or undefined when none is held (test API). */
  windowOf(key: string): OffsetRange[] | undefined {
    return this.views.get(key)?.window.map(w => ({ ...w }));
  }

  private isCurrent(v: WindowView, doc: vscode.TextDocument): boolean {
    // A result from disk matches an editor that holds the file unchanged.
    return v.version === null ? !doc.isDirty && v.result.length === documentLength(doc) : v.version === doc.version;
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
    const texts = hoversAt(v, offset, { display: k => this.client.display(k), key: doc.uri.toString() }, this.switches);
    if (texts.length && v.result.truncated) texts.push(partialHover(v.result.truncated.reason));
    if (texts.length && v.preview) texts.push(previewHover(!!v.edited));
    return texts;
  }

  private provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const texts = this.hoverTexts(doc, doc.offsetAt(pos));
    if (!texts.length) return undefined;
    const md = texts.map(t => {
      const m = new vscode.MarkdownString(t, true);
      m.isTrusted = { enabledCommands: [Commands.openPassage, NavigationCommands.compareSources] };
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

  /**
   * The first paint of a huge document just opened or edited: kept and shown when it
   * is of the editor's current text and nothing newer is held; the whole analysis
   * replaces it (its \`changed\` push makes the document be fetched).
   */
  private onPreview(view: WindowView, seq: number): void {
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === view.key);
    // (Of the text sent with notification `seq`: a document closed and opened again since, or edited, has a newer one.)
    const changed = this.client.changedAt(view.key);
    if (!doc || view.version !== doc.version || seq < changed) return;
    const held = this.views.get(view.key);
    if (held && !held.preview && this.isCurrent(held, doc)) return;
    if (!this.views.put(view, seq, changed)) return;
    this.previews++;
    this.lastPreview = { key: view.key, window: view.window.map(w => ({ ...w })), ...(view.edited ? { edited: { ...view.edited } } : {}) };
    this.apply([view.key]);
    this.changed.fire();
  }

  /** How many previews were shown, and the document and window of the last (the test API). */
  previewsShown(): { count: number; last?: { key: string; window: OffsetRange[]; edited?: OffsetRange } } {
    return { count: this.previews, last: this.lastPreview };
  }

  /** Decorates editors that became visible at once from what is known; fetches documents not known yet. */
  private onVisibleEditors(): void {
    const visible = this.visibleKeys();
    const missing = new Set([...visible].filter(k => !this.views.has(k)));
    this.apply([...visible].filter(k => !missing.has(k)));
    this.schedule(missing);
  }

  /** An editor scrolled: its document is fetched again when what it shows left the window fetched. */
  private onScrolled(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const v = this.views.get(key);
    if (v && !covers(v.window, visibleOffsets(key), documentLength(doc))) this.schedule(new Set([key]));
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
      this.refresh()
        .catch(err => this.notifier.log(`Highlighting failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`))
        .finally(end);
    }, 0);
  }

  /**
   * Fetches results for the wanted visible documents and decorates their editors.
   * A request that fails or times out ends the run like any other (the flag is
   * reset, what was shown stays): a restarted worker says when documents change.
   */
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
        // Every change sent so far (the `set`s just sent too) is in the answer.
        const asOf = this.client.seq;
        let views: WindowView[] | undefined;
        try {
          views = await this.client.windows(keys.map(key => ({ key, ranges: windowFor(visibleOffsets(key), documentLength(docs.get(key)!)) })));
        } catch {
          // The worker stopped or timed out: a new one is sent the documents, and says when they change.
        }
        const got = new Set<string>();
        for (const v of views ?? []) {
          got.add(v.key);
          if (this.views.put(v, asOf, this.client.changedAt(v.key))) this.tell(v);
        }
        // Documents the index no longer holds (deleted, skipped): nothing to show.
        for (const key of views ? keys : []) {
          if (!got.has(key) && !this.client.hasPendingEdit(key) && asOf >= this.client.changedAt(key)) this.views.delete(key);
        }
        this.apply(docs.keys());
        this.changed.fire();
      }
    } finally {
      this.refreshing = false;
    }
  }

  /** Tells the user, once per document, that its analysis is partial, or that kinds are left off for being too dense. */
  private tell(v: WindowView): void {
    const path = this.client.display(v.key);
    if (v.result.truncated) this.client.partial.notice(v.key, path, v.result.truncated.reason);
    if (this.denseNoticed.has(v.key)) return;
    const max = this.settings.current.maxSpansPerKind;
    const on = this.switches;
    const dense = this.hiddenKinds(v.key).filter(k => kindOn(k, on));
    if (!dense.length) return;
    this.denseNoticed.add(v.key);
    const n = kindCounts(v.counts);
    const counts = dense.map(k => `${n[k].toLocaleString('en')} ${k}`).join(', ');
    this.notifier.log(`Too many spans to highlight in ${path} (${counts}; sourceLens.maxSpansPerKind is ${max}): ${dense.join(', ')} highlights left off there.`);
    this.notifier.info(
      `Source Lens left ${dense.join(', ')} highlights off in ${path}: it has ${counts} of them, more than sourceLens.maxSpansPerKind (${max}).`,
      { 'Show Anyway': () => this.showAllIn(v.key) },
    );
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
      for (const k of this.hiddenKinds(key)) ranges[k] = [];
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
