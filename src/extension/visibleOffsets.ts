import * as vscode from 'vscode';
import type { OffsetRange } from './decorations/kinds';

/** The offset ranges the visible editors of the document `key` show (none when no editor shows it). */
export function visibleOffsets(key: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  for (const e of vscode.window.visibleTextEditors) {
    if (e.document.uri.toString() !== key) continue;
    for (const r of e.visibleRanges) out.push({ start: e.document.offsetAt(r.start), end: e.document.offsetAt(r.end) });
  }
  return out;
}
