import * as vscode from 'vscode';
import type { OffsetRange } from './decorations/kinds';

/** A document's length in UTF-16 units, without copying its text. */
export function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

/** The offset ranges the visible editors of the document `key` show (none when no editor shows it). */
export function visibleOffsets(key: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  for (const e of vscode.window.visibleTextEditors) {
    if (e.document.uri.toString() !== key) continue;
    for (const r of e.visibleRanges) out.push({ start: e.document.offsetAt(r.start), end: e.document.offsetAt(r.end) });
  }
  return out;
}
