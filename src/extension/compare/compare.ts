/**
 * src/extension/compare/ owns "Source Lens: Compare Sources": two sources side by
 * side, the passage in this source on the left and its copy (a shared passage, a
 * variant of a quote, a corroborating or disputing claim) in the other on the
 * right, both selected. The highlights of both editors are the usual decorations,
 * so every aligned passage and linked claim shows in both.
 */
import * as vscode from 'vscode';
import { toUri } from '../passages';

export interface ComparedPassage {
  uri: string;
  start: number;
  end: number;
}

/** Opens `left` in the first column and `right` beside it, each passage selected and centred. */
export async function compareSide(left: ComparedPassage, right: ComparedPassage): Promise<{ left: vscode.TextEditor; right: vscode.TextEditor }> {
  const show = async (p: ComparedPassage, column: vscode.ViewColumn, preserveFocus: boolean) => {
    const doc = await vscode.workspace.openTextDocument(toUri(p.uri));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false, preserveFocus });
    const range = new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    return editor;
  };
  const l = await show(left, vscode.ViewColumn.One, false);
  const r = await show(right, vscode.ViewColumn.Two, true);
  return { left: l, right: r };
}
