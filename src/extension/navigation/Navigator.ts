/**
 * src/extension/navigation/ owns moving through articles by keyboard: next and
 * previous quote or duplicated passage, the next unique or disputed claim, and
 * "Go to Other Copy". The targets are plain data (targets.ts); this class moves
 * the editor, keeps the `sourceLens.article` context key (the keybindings' `when`)
 * and makes the Claims tree reveal where the cursor lands.
 */
import * as vscode from 'vscode';
import type { Span } from '../../core/types';
import type { ClaimsTree } from '../claims/ClaimsTree';
import { passageOf } from '../commandArgs';
import { ContextKeys, NavigationCommands } from '../ids';
import type { IndexClient } from '../index/IndexClient';
import type { Notifier } from '../status/Notifier';
import { openPassage } from '../passages';
import { compareSide, type ComparedPassage } from '../compare/compare';
import { copiesAt, otherCopies, pickCopy, step, targetsOf, type NavigationKind } from './targets';

/** Where a command moved the cursor (tests read it): the document and the passage selected. */
export interface Moved {
  uri: string;
  start: number;
  end: number;
  wrapped?: boolean;
}

export class Navigator implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The passage "Go to Other Copy" last left from, and the one it went to. */
  private lastJump: { from: { path: string; start: number }; to: { path: string; start: number } } | undefined;

  constructor(private readonly client: IndexClient, private readonly tree: ClaimsTree, private readonly notifier: Notifier) {
    const register = (id: string, fn: (...args: any[]) => unknown) => this.disposables.push(vscode.commands.registerCommand(id, fn));
    register(NavigationCommands.nextQuote, () => this.move('quote', true));
    register(NavigationCommands.previousQuote, () => this.move('quote', false));
    register(NavigationCommands.nextDuplicate, () => this.move('duplicate', true));
    register(NavigationCommands.previousDuplicate, () => this.move('duplicate', false));
    register(NavigationCommands.nextUniqueClaim, () => this.move('unique', true));
    register(NavigationCommands.nextDisputedClaim, () => this.move('disputed', true));
    register(NavigationCommands.goToOtherCopy, () => this.goToOtherCopy());
    register(NavigationCommands.compareSources, (arg?: unknown) => this.compareSources(arg));
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(e => this.updateContext(e)),
      client.onDidChangeStatus(() => this.updateContext(vscode.window.activeTextEditor)),
    );
    this.updateContext(vscode.window.activeTextEditor);
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    const on = !!editor && this.client.isTracked(editor.document.uri) && !this.client.isSkipped(editor.document.uri.toString());
    void vscode.commands.executeCommand('setContext', ContextKeys.article, on);
  }

  private async resultOf(editor: vscode.TextEditor) {
    const key = editor.document.uri.toString();
    if (!this.client.ensure(editor.document)) return undefined;
    const [view] = await this.client.documents([key]);
    return view?.result;
  }

  /** Moves the active editor's cursor to the next (or previous) passage of a kind and selects it. */
  async move(kind: NavigationKind, forward: boolean): Promise<Moved | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const result = await this.resultOf(editor);
    if (!result) return undefined;
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.start);
    const hit = step(targetsOf(result, kind), offset, forward);
    if (!hit) {
      const what = { quote: 'quotes', duplicate: 'duplicated passages', unique: 'unique claims', disputed: 'disputed claims' }[kind];
      vscode.window.setStatusBarMessage(`Source Lens: no ${what} in this file`, 3000);
      return undefined;
    }
    if (hit.wrapped) vscode.window.setStatusBarMessage(`Source Lens: ${forward ? 'back to the first' : 'on to the last'} in this file`, 3000);
    this.select(editor, hit.span);
    await this.reveal(editor);
    return { uri: doc.uri.toString(), start: hit.span.start, end: hit.span.end, wrapped: hit.wrapped };
  }

  /** Opens the other copy of the passage under the cursor; again, the next copy. */
  async goToOtherCopy(): Promise<Moved | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const result = await this.resultOf(editor);
    if (!result) return undefined;
    const here = { path: result.path, start: editor.document.offsetAt(editor.selection.start) };
    const copies = otherCopies(result, here.start);
    // Pressed again on the copy it just opened: the copy after the one it came from.
    const last = this.lastJump;
    const cameFrom = last && last.to.path === here.path && last.to.start === here.start ? last.from : undefined;
    const copy = pickCopy(copies, cameFrom);
    if (!copy) {
      vscode.window.setStatusBarMessage('Source Lens: no other copy of the passage under the cursor', 3000);
      return undefined;
    }
    this.lastJump = { from: cameFrom ?? here, to: { path: copy.path, start: copy.start } };
    await openPassage(copy.path, copy.start, copy.end);
    const now = vscode.window.activeTextEditor;
    if (now) await this.reveal(now);
    this.notifier.log(`Go to Other Copy: ${this.client.display(result.path)} ${here.start} → ${this.client.display(copy.path)} ${copy.start}–${copy.end} (${copy.via})`);
    return { uri: copy.path, start: copy.start, end: copy.end };
  }

  /**
   * "Compare Sources": the passage under the cursor (or a Claims tree item given as
   * the argument) beside its first copy in another source. Returns both passages.
   */
  async compareSources(arg?: unknown): Promise<{ left: ComparedPassage; right: ComparedPassage } | undefined> {
    let left: ComparedPassage | undefined, right: ComparedPassage | undefined;
    const node = passageOf(arg);
    if (node) {
      left = { uri: node.uri, start: node.start, end: node.end };
      const other = node.links.find(l => l.path !== node.uri) ?? node.links[0];
      if (other) right = { uri: other.path, start: other.start, end: other.end };
    } else {
      const editor = vscode.window.activeTextEditor;
      const result = editor && await this.resultOf(editor);
      if (editor && result) {
        const { here, copies } = copiesAt(result, editor.document.offsetAt(editor.selection.start));
        const copy = copies.find(c => c.path !== result.path) ?? copies[0];
        if (here && copy) {
          left = { uri: editor.document.uri.toString(), start: here.start, end: here.end };
          right = { uri: copy.path, start: copy.start, end: copy.end };
        }
      }
    }
    if (!left || !right) {
      vscode.window.setStatusBarMessage('Source Lens: nothing under the cursor is carried by another source', 3000);
      return undefined;
    }
    await compareSide(left, right);
    this.notifier.log(`Compare Sources: ${this.client.display(left.uri)} ${left.start}–${left.end} beside ${this.client.display(right.uri)} ${right.start}–${right.end}`);
    return { left, right };
  }

  private select(editor: vscode.TextEditor, span: Span): void {
    const doc = editor.document;
    const range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The Claims tree shows the passage now under the cursor (when the view is visible). */
  private async reveal(editor: vscode.TextEditor): Promise<void> {
    await this.tree.revealAt(editor).catch(() => undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
