/**
 * src/extension/report/ owns "Source Lens: Export Report": the index's analysis of
 * every source, written as the same Markdown and HTML report as
 * `source-lens analyze --format markdown|html` (both built by src/report/).
 */
import * as vscode from 'vscode';
import type { AnalysisOutput } from '../../core/types';
import { reportHtml } from '../../report/html';
import { reportMarkdown } from '../../report/markdown';
import { buildReport, relabel } from '../../report/model';
import type { IndexClient } from '../index/IndexClient';
import type { Notifier } from '../status/Notifier';

/** What the command wrote (tests read it). */
export interface ExportedReport {
  html: string;
  markdown: string;
  sources: number;
}

/**
 * Writes `<name>.html` and `<name>.md`. `target` (a URI string or path of the
 * HTML file, for tests and scripts) skips the save dialog; without it the user
 * picks where, `source-lens-report.html` in the first workspace folder offered.
 */
export async function exportReport(client: IndexClient, notifier: Notifier, target?: string): Promise<ExportedReport | undefined> {
  let htmlUri: vscode.Uri | undefined;
  if (target) htmlUri = /^[a-z][\w+.-]+:/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target);
  else {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    htmlUri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'source-lens-report.html') : undefined,
      filters: { 'HTML report (a Markdown copy is written beside it)': ['html'] },
      saveLabel: 'Export Report',
      title: 'Source Lens: Export Report',
    });
  }
  if (!htmlUri) return undefined;
  const base = htmlUri.path.replace(/\.html?$/i, '');
  const html = htmlUri.with({ path: `${base}.html` });
  const md = htmlUri.with({ path: `${base}.md` });

  const summaries = await client.summaries();
  const views = await client.documents(summaries.map(s => s.key));
  const skipped = client.skipped().map(s => ({ path: s.path, reason: s.reason }));
  const out: AnalysisOutput = relabel({ version: 1, documents: views.map(v => v.result), skipped: [] }, k => client.display(k));
  out.skipped = skipped;
  const report = buildReport(out);
  await vscode.workspace.fs.writeFile(html, Buffer.from(reportHtml(report), 'utf8'));
  await vscode.workspace.fs.writeFile(md, Buffer.from(reportMarkdown(report), 'utf8'));
  notifier.log(`Exported the report of ${views.length} sources to ${html.toString()} and ${md.toString()}.`);
  if (!target) {
    void vscode.window.showInformationMessage(`Source Lens: report of ${views.length} sources written.`, 'Open Markdown', 'Open HTML').then(choice => {
      if (choice === 'Open Markdown') void vscode.window.showTextDocument(md);
      else if (choice === 'Open HTML') void vscode.env.openExternal(html);
    });
  }
  return { html: html.toString(), markdown: md.toString(), sources: views.length };
}
