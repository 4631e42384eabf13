/**
 * The walkthrough's sample articles (media/walkthrough/articles/, written for
 * Source Lens: three short reports of one invented event) copied to a folder the
 * user picks, then opened, so that the first steps work without a corpus at hand.
 */
import * as vscode from 'vscode';

/** Copies the sample articles into `target` (asked for when absent) and opens that folder. Returns the folder. */
export async function openSampleCorpus(extensionUri: vscode.Uri, target?: string, open = true): Promise<string | undefined> {
  let folder: vscode.Uri | undefined;
  if (target) folder = /^[a-z][\w+.-]+:/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target);
  else {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Copy the Sample Articles Here', title: 'Source Lens: a folder for the sample articles' });
    folder = picked?.[0];
  }
  if (!folder) return undefined;
  const source = vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'articles');
  const dest = vscode.Uri.joinPath(folder, 'source-lens-sample');
  await vscode.workspace.fs.createDirectory(dest);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(source)) {
    if (type !== vscode.FileType.File) continue;
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), vscode.Uri.joinPath(dest, name), { overwrite: true });
  }
  if (open) await vscode.commands.executeCommand('vscode.openFolder', dest, { forceNewWindow: false });
  return dest.toString();
}
