/**
 * Word wrap for the article files only (`sourceLens.wordWrap`, on by default):
 * news articles are often one long line per paragraph. VS Code has no setting
 * for a set of files, and `[plaintext]` would wrap every text file, so the wrap
 * is switched per document, the way "View: Toggle Word Wrap" does it: that
 * switch belongs to the open document alone and is gone when it closes. No
 * setting is written; files Source Lens does not analyse are never touched.
 */
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../ids';
import type { IndexClient } from '../index/IndexClient';

const TOGGLE = 'editor.action.toggleWordWrap';

export class ArticleWrap implements vscode.Disposable {
  /** Documents whose wrap this class switched on (and so may switch off). */
  private readonly wrapped = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly client: IndexClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(e => this.queue(e)),
      vscode.workspace.onDidCloseTextDocument(d => this.wrapped.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.wordWrap`) || e.affectsConfiguration('editor.wordWrap')) this.queue(vscode.window.activeTextEditor);
      }),
    );
    this.queue(vscode.window.activeTextEditor);
  }

  /** Whether this class has wrapped a document (test API). */
  isWrapped(uri: string): boolean {
    return this.wrapped.has(uri);
  }

  /** Settles one editor at a time: the toggle acts on whichever editor is active when it runs. */
  private queue(editor: vscode.TextEditor | undefined): void {
    this.busy = this.busy.then(() => this.settle(editor)).catch(() => undefined);
  }

  /** Resolves when every pending switch has been made. */
  whenSettled(): Promise<void> {
    return this.busy;
  }

  private async settle(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || vscode.window.activeTextEditor !== editor) return;
    const doc = editor.document;
    const key = doc.uri.toString();
    const article = this.client.isTracked(doc.uri) && !this.client.isSkipped(key);
    const want = article && vscode.workspace.getConfiguration(CONFIG_SECTION, doc).get<boolean>('wordWrap', true);
    // Already wrapped by the user's own setting for this file: nothing to do.
    const configured = vscode.workspace.getConfiguration('editor', doc).get<string>('wordWrap', 'off') !== 'off';
    const has = this.wrapped.has(key);
    if (want && !has && !configured) {
      await vscode.commands.executeCommand(TOGGLE);
      this.wrapped.add(key);
    } else if (!want && has) {
      await vscode.commands.executeCommand(TOGGLE);
      this.wrapped.delete(key);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
