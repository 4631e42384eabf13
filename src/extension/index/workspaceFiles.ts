/** Which documents are analysed, and how their keys read to the user. */
import * as vscode from 'vscode';
import { isIncluded } from '../../config/globs';
import type { SourceLensConfig } from '../settings/config';

/**
 * Whether a URI is analysed while an editor holds it: a file (or a document of a
 * virtual workspace folder) matching include minus exclude. A file outside the
 * workspace folders is analysed while it is open, and dropped when it closes.
 */
export function isTracked(uri: vscode.Uri, config: Pick<SourceLensConfig, 'include' | 'exclude'>): boolean {
  if (uri.scheme !== 'file' && !vscode.workspace.getWorkspaceFolder(uri)) return false;
  return isIncluded(vscode.workspace.asRelativePath(uri, false), config.include, config.exclude);
}

/** Whether a URI is a file of the workspace index: inside a workspace folder, on disk, matching include minus exclude. */
export function isWorkspaceFile(uri: vscode.Uri, config: Pick<SourceLensConfig, 'include' | 'exclude'>): boolean {
  return uri.scheme === 'file' && !!vscode.workspace.getWorkspaceFolder(uri) && isTracked(uri, config);
}

/** How a document key (`uri.toString()`) reads to the user: its workspace-relative path. */
export function displayPath(key: string): string {
  const uri = vscode.Uri.parse(key);
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1).replace(/\\/g, '/');
}
