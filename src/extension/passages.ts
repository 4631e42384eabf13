import * as vscode from 'vscode';

/** A URI from a test or command argument: a URI string, or a file-system path. */
export function toUri(s: string): vscode.Uri {
  return /^[a-z][\w+.-]*:/i.test(s) && !/^[a-z]:[\\/]/i.test(s) ? vscode.Uri.parse(s) : vscode.Uri.file(s);
}

/** Opens a document, selects the passage (UTF-16 offsets) and scrolls it to the centre. */
export async function openPassage(uri: string, start = 0, end = start): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(toUri(uri));
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  const editor = await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
}
