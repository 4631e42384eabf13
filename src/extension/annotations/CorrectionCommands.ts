/**
 * The correction commands ("Not a Quote", "Change Speaker…", "Not a Duplicate",
 * "Not an Entity", "Alias of…", the three verdicts, "Undo Last Correction"), at the
 * cursor of the active editor, or at `(uri, offset)` when called with arguments
 * (hover links, tests). Each writes one entry to the annotations file through the
 * store; the worker then applies it everywhere. In Restricted Mode they write
 * nothing and say why.
 */
import * as vscode from 'vscode';
import { contextOf, withAlias, withCorrection, type Anchor, type VerdictValue } from '../../core/annotations';
import type { DocumentResult, SpeakerType, Span } from '../../core/types';
import { readCommandArg } from '../commandArgs';
import { Commands } from '../ids';
import type { Idle } from '../Idle';
import type { IndexClient } from '../index/IndexClient';
import { toUri } from '../passages';
import type { Notifier } from '../status/Notifier';
import type { AnnotationStore } from './AnnotationStore';
import { excerpt, itemsAt, rankNames } from './targets';

/** Where a command acts when called with arguments: a document (URI string) and an offset in it. */
export interface CorrectionTarget {
  uri: string;
  offset: number;
}

/**
 * A target from a caller: `{ uri, offset }`, or a Claims tree item (`{ uri, start, … }`,
 * from its context menu), which acts at the start of its passage.
 */
function asTarget(t: unknown): CorrectionTarget | undefined {
  const a = readCommandArg(t);
  return a?.uri !== undefined && a.offset !== undefined ? { uri: a.uri, offset: a.offset } : undefined;
}

export const RESTRICTED_MESSAGE = 'Source Lens: corrections are disabled in Restricted Mode. They write .sourcelens/annotations.json, and an untrusted workspace is only read (the analysis still runs). Trust the workspace to correct the analysis.';

interface At {
  doc: vscode.TextDocument;
  rel: string;
  result: DocumentResult;
  offset: number;
  /** Whether the user is there to answer a pick (no target given). */
  interactive: boolean;
}

/** How many documents the people list of "Change Speaker…" reads at most. */
const NAME_DOCUMENTS = 400;

export class CorrectionCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: AnnotationStore, private readonly client: IndexClient, private readonly idle: Idle, private readonly notifier: Notifier) {
    const register = (id: string, fn: (...args: any[]) => unknown) => this.disposables.push(vscode.commands.registerCommand(id, fn));
    register(Commands.notAQuote, (t?: CorrectionTarget) => this.run(() => this.notAQuote(t)));
    register(Commands.changeSpeaker, (t?: CorrectionTarget, speaker?: string) => this.run(() => this.changeSpeaker(t, speaker)));
    register(Commands.notADuplicate, (t?: CorrectionTarget) => this.run(() => this.notADuplicate(t)));
    register(Commands.notAnEntity, (t?: CorrectionTarget) => this.run(() => this.notAnEntity(t)));
    register(Commands.aliasOf, (t?: CorrectionTarget, of?: string) => this.run(() => this.aliasOf(t, of)));
    register(Commands.markVerified, (t?: CorrectionTarget, note?: string) => this.run(() => this.mark('verified', t, note)));
    register(Commands.markFalse, (t?: CorrectionTarget, note?: string) => this.run(() => this.mark('false', t, note)));
    register(Commands.markNeedsChecking, (t?: CorrectionTarget, note?: string) => this.run(() => this.mark('needs-checking', t, note)));
    register(Commands.undoCorrection, () => this.run(async () => this.store.undoLast()));
  }

  /** Runs a command unless the workspace is untrusted; resolves to whether it changed the file. */
  private async run(work: () => Promise<boolean>): Promise<boolean> {
    if (!vscode.workspace.isTrusted) {
      this.notifier.warn(RESTRICTED_MESSAGE);
      return false;
    }
    // Not counted as pending work: it waits for the extension to be idle itself (`at`).
    try {
      return await work();
    } catch (err) {
      this.notifier.error(`Source Lens: the correction failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  /** The document, its analysis and the offset a command acts on; undefined (after a message) when there is none. */
  private async at(given: CorrectionTarget | undefined): Promise<At | undefined> {
    let doc: vscode.TextDocument, offset: number;
    const target = asTarget(given);
    if (given && !target) {
      this.notifier.info('Source Lens: this item has no passage to correct.');
      return undefined;
    }
    if (target) {
      doc = await vscode.workspace.openTextDocument(toUri(target.uri));
      offset = target.offset;
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        this.notifier.info('Source Lens: place the cursor in an article first.');
        return undefined;
      }
      doc = editor.document;
      offset = doc.offsetAt(editor.selection.active);
    }
    const rel = this.store.relative(doc.uri);
    if (rel === undefined) {
      this.notifier.warn('Source Lens keeps corrections for the files of the first workspace folder only.');
      return undefined;
    }
    this.client.ensure(doc);
    await this.idle.whenIdle();
    const [view] = await this.client.documents([doc.uri.toString()]);
    if (!view) {
      this.notifier.warn(`Source Lens: ${this.client.display(doc.uri.toString())} is not analysed.`);
      return undefined;
    }
    if (view.version !== null && view.version !== doc.version) {
      this.notifier.info('Source Lens: the analysis is catching up with your edit; try again in a moment.');
      return undefined;
    }
    return { doc, rel, result: view.result, offset, interactive: !target };
  }

  /** One of the items at the cursor: the narrowest, or the user's pick when several are there. */
  private async pick<T extends Span>(at: At, items: readonly T[], what: string, label: (x: T) => string): Promise<T | undefined> {
    const here = itemsAt(items, at.offset);
    if (!here.length) {
      this.notifier.info(`Source Lens: there is no ${what} at the cursor.`);
      return undefined;
    }
    if (here.length === 1 || !at.interactive) return here[0];
    const chosen = await vscode.window.showQuickPick(here.map(x => ({ label: label(x), item: x })), { placeHolder: `Which ${what}?` });
    return chosen?.item;
  }

  private anchor(at: At, span: Span): Anchor {
    const text = at.doc.getText();
    return { path: at.rel, text: text.slice(span.start, span.end), ...contextOf(text, span) };
  }

  private async notAQuote(t?: CorrectionTarget): Promise<boolean> {
    const at = await this.at(t);
    const q = at && await this.pick(at, at.result.quotes, 'quote', x => excerpt(x.text));
    return !!at && !!q && this.store.change(a => withCorrection(a, { kind: 'not-quote', ...this.anchor(at, q) }));
  }

  private async changeSpeaker(t?: CorrectionTarget, speaker?: string): Promise<boolean> {
    const at = await this.at(t);
    const q = at && await this.pick(at, at.result.quotes, 'quote', x => excerpt(x.text));
    if (!at || !q) return false;
    const names = await this.names(['PERSON', 'ORG']);
    let name = speaker?.trim();
    if (!name) name = await this.chooseName(names.filter(n => n.name !== q.speaker), `Who said ${excerpt(q.text, 40)}? (now: ${q.speaker ?? 'nobody'}; type another name to use it)`);
    if (!name) return false;
    const known = names.find(n => n.name === name);
    const speakerType: SpeakerType = known?.type === 'ORG' ? 'ORG' : 'PERSON';
    return this.store.change(a => withCorrection(a, { kind: 'speaker', ...this.anchor(at, q), speaker: name, speakerType }));
  }

  private async notADuplicate(t?: CorrectionTarget): Promise<boolean> {
    const at = await this.at(t);
    const d = at && await this.pick(at, at.result.duplicates, 'duplicated passage', x => `${x.kind === 'repeat' ? 'repeated' : `shared with ${this.client.display(x.other.path)}`}: ${excerpt(at.doc.getText().slice(x.start, x.end))}`);
    if (!at || !d) return false;
    const otherUri = toUri(d.other.path);
    const otherRel = this.store.relative(otherUri);
    if (otherRel === undefined) {
      this.notifier.warn('Source Lens keeps corrections for the files of the first workspace folder only.');
      return false;
    }
    const otherText = (await vscode.workspace.openTextDocument(otherUri)).getText().slice(d.other.start, d.other.end);
    return this.store.change(a => withCorrection(a, { kind: 'not-duplicate', ...this.anchor(at, d), other: { path: otherRel, text: otherText } }));
  }

  private async notAnEntity(t?: CorrectionTarget): Promise<boolean> {
    const at = await this.at(t);
    const e = at && await this.pick(at, at.result.entities, 'entity', x => `${x.text} (${x.type})`);
    return !!at && !!e && this.store.change(a => withCorrection(a, { kind: 'not-entity', ...this.anchor(at, e) }));
  }

  private async aliasOf(t?: CorrectionTarget, of?: string): Promise<boolean> {
    const at = await this.at(t);
    const e = at && await this.pick(at, at.result.entities, 'entity', x => `${x.text} (${x.type})`);
    if (!at || !e) return false;
    let name = of?.trim();
    if (!name) name = await this.chooseName((await this.names([e.type])).filter(n => n.name !== e.canonical), `${e.canonical} is another name of… (type a name to use it)`);
    if (!name || name === e.canonical) return false;
    const target = name;
    return this.store.change(a => withAlias(a, { name: e.canonical, of: target }));
  }

  private async mark(verdict: VerdictValue, t?: CorrectionTarget, note?: string): Promise<boolean> {
    const at = await this.at(t);
    const c = at && await this.pick(at, at.result.claims, 'claim', x => excerpt(x.text));
    if (!at || !c) return false;
    let text = note;
    if (text === undefined && verdict === 'needs-checking' && at.interactive) {
      text = await vscode.window.showInputBox({ prompt: 'A note on what to check (optional)', placeHolder: 'e.g. ask the ministry for the figure' });
      if (text === undefined) return false; // Escape: no verdict
    }
    return this.store.change(a => withCorrection(a, { kind: 'verdict', ...this.anchor(at, c), verdict, note: text?.trim() ? text.trim() : null }));
  }

  /** The corpus's names of the given entity types (and the speakers of its quotes), most mentioned first. */
  private async names(types: readonly string[]): Promise<{ name: string; type: string; count: number }[]> {
    const keys = (await this.client.summaries()).map(s => s.key).slice(0, NAME_DOCUMENTS);
    const views = await this.client.documents(keys);
    const all: { name: string; type: string }[] = [];
    for (const v of views) {
      for (const e of v.result.entities) if (types.includes(e.type)) all.push({ name: e.canonical, type: e.type });
      if (types.includes('PERSON')) for (const q of v.result.quotes) if (q.speaker && q.speakerType && types.includes(q.speakerType)) all.push({ name: q.speaker, type: q.speakerType });
    }
    return rankNames(all);
  }

  /** A pick of names that also takes a name typed in. */
  private chooseName(names: readonly { name: string; type: string; count: number }[], title: string): Promise<string | undefined> {
    return new Promise(resolve => {
      const qp = vscode.window.createQuickPick();
      const listed = names.map(n => ({ label: n.name, description: `${n.type.toLowerCase()}, ${n.count} mention${n.count === 1 ? '' : 's'}` }));
      qp.title = title;
      qp.items = listed;
      qp.onDidChangeValue(v => {
        const typed = v.trim();
        qp.items = typed && !names.some(n => n.name === typed) ? [{ label: typed, description: 'as typed' }, ...listed] : listed;
      });
      let done = false;
      qp.onDidAccept(() => {
        done = true;
        resolve(qp.selectedItems[0]?.label ?? (qp.value.trim() || undefined));
        qp.hide();
      });
      qp.onDidHide(() => {
        if (!done) resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
