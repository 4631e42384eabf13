import * as vscode from 'vscode';
import { Colors, Commands } from '../ids';
import type { IndexClient } from '../index/IndexClient';
import { hoversAt } from './hover';
import type { Idle } from '../Idle';
import type { DocumentView } from '../../protocol/protocol';
import { decorationRanges, emptyRanges, switchesFrom, type KindSwitches } from './spans';
import type { Settings } from '../settings/Settings';
import { DECORATION_KINDS, type DecorationKind, type OffsetRange } from './kinds';

type Toggle = 'quotes' | 'duplicates' | 'entities';

/** Each kind's look: a theme colour and a border or underline style of its own, so colour is never the only cue. */
function decorationStyle(kind: DecorationKind): vscode.DecorationRenderOptions {
  const ruler = { overviewRulerLane: vscode.OverviewRulerLane.Right, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
  const underline = (color: string, style: string, width: string): vscode.DecorationRenderOptions => ({
    ...ruler,
    borderColor: new vscode.ThemeColor(color),
    borderStyle: style,
    borderWidth: `0 0 ${width} 0`,
    overviewRulerColor: new vscode.ThemeColor(color),
  });
  const box = (color: string, style: string): vscode.DecorationRenderOptions => ({
    ...ruler,
    borderColor: new vscode.ThemeColor(color),
    borderStyle: style,
    borderWidth: '1px',
    borderRadius: '3px',
    overviewRulerColor: new vscode.ThemeColor(color),
  });
  switch (kind) {
    case 'quote':
      return { ...underline(Colors.quoteBorder, 'solid', '2px'), backgroundColor: new vscode.ThemeColor(Colors.quote), overviewRulerLane: vscode.OverviewRulerLane.Left };
    case 'repeat':
      // A passage the file repeats: the louder look, since it is usually an editing slip.
      return {
        ...ruler,
        backgroundColor: new vscode.ThemeColor(Colors.repeat),
        outlineColor: new vscode.ThemeColor(Colors.repeatBorder),
        outlineStyle: 'dashed',
        outlineWidth: '1px',
        overviewRulerColor: new vscode.ThemeColor(Colors.repeatBorder),
        overviewRulerLane: vscode.OverviewRulerLane.Center,
      };
    case 'shared':
      // Shared with another file: common in wire copy, so quiet (a thin bar where each
      // line of the passage starts, no fill) and drawn under the other kinds.
      return {
        ...ruler,
        borderColor: new vscode.ThemeColor(Colors.shared),
        borderStyle: 'solid',
        borderWidth: '0 0 0 2px',
        overviewRulerColor: new vscode.ThemeColor(Colors.shared),
        overviewRulerLane: vscode.OverviewRulerLane.Center,
      };
    case 'person': return underline(Colors.person, 'dotted', '2px');
    case 'org': return underline(Colors.org, 'double', '3px');
    case 'place': return underline(Colors.place, 'dashed', '2px');
    case 'date': return box(Colors.date, 'dotted');
    case 'number': return box(Colors.number, 'solid');
    case 'misc': return underline(Colors.misc, 'solid', '1px');
  }
}

/**
 * Decorations and hovers: one decoration type per kind, set on every visible
 * editor of an analysed document (every kind every time, `[]` clears), at once
 * when an editor becomes visible and after each (debounced) analysis.
 */
export class Highlighter implements vscode.Disposable {
  private readonly types = new Map<DecorationKind, vscode.TextEditorDecorationType>();
  /** Latest results per document key, applied or not. */
  private readonly views = new Map<string, DocumentView>();
  /** What was last set on each document's visible editors. */
  private readonly applied = new Map<string, Record<DecorationKind, OffsetRange[]>>();
  private readonly toggles: Partial<Record<Toggle, boolean>> = {};
  private readonly disposables: vscode.Disposable[] = [];
  private refreshing = false;
  private again = false;
  private scheduled: (() => void) | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after new results were fetched for visible documents. */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly client: IndexClient,
    private readonly settings: Settings,
    private readonly idle: Idle,
  ) {
    for (const k of DECORATION_KINDS) this.types.set(k, vscode.window.createTextEditorDecorationType(decorationStyle(k)));
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      client.onDidChange(() => this.schedule()),
      settings.onDidChange(() => {
        for (const k of Object.keys(this.toggles) as Toggle[]) delete this.toggles[k];
        this.applyAll();
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
    this.applyAll();
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

  /** Coalesces refresh requests into one run after the current turn. */
  private schedule(): void {
    if (this.scheduled) return;
    const end = this.idle.begin();
    this.scheduled = end;
    setTimeout(() => {
      this.scheduled = undefined;
      this.refresh().finally(end);
    }, 0);
  }

  /** Fetches results for every visible analysed document and decorates its editors. */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.again = false;
        const docs = new Map<string, vscode.TextDocument>();
        for (const e of vscode.window.visibleTextEditors) {
          if (this.client.ensure(e.document)) docs.set(e.document.uri.toString(), e.document);
        }
        let views: DocumentView[] = [];
        try {
          views = await this.client.documents([...docs.keys()]);
        } catch {
          // The worker restarted: a later change event brings a fresh refresh.
        }
        const got = new Set<string>();
        for (const v of views) {
          got.add(v.key);
          this.views.set(v.key, v);
        }
        // Documents the index no longer holds (deleted, skipped): nothing to show.
        for (const key of docs.keys()) if (!got.has(key) && !this.client.hasPendingEdit(key)) this.views.delete(key);
        this.applyAll();
        this.changed.fire();
      } while (this.again);
    } finally {
      this.refreshing = false;
    }
  }

  /** Sets every kind on every visible editor from the latest current results. */
  private applyAll(): void {
    const on = this.switches;
    const byDoc = new Map<string, vscode.TextEditor[]>();
    for (const e of vscode.window.visibleTextEditors) {
      const key = e.document.uri.toString();
      byDoc.set(key, [...(byDoc.get(key) ?? []), e]);
    }
    for (const [key, editors] of byDoc) {
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
