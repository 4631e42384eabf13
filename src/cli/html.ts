/**
 * A self-contained HTML report: per source its path and title, a table of its
 * quotes (speaker, cue, words, how many other sources carry them) and a table of
 * its claims; then the skipped files. The articles' text is not reproduced.
 */
import type { AnalysisOutput, DocumentResult } from '../core/types';
import { printable } from './messages';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The `pre`, `.dup` and `.ent` rules style nothing the report prints; they stay so that its bytes stay the same. */
const CSS = `body{font:15px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
pre{white-space:pre-wrap;font:inherit}
.quote{background:#fff4c2;border-bottom:2px solid #b8860b}
.dup{background:#e3ecff;border-bottom:2px dashed #3056c8}
.ent{border-bottom:1px dotted #555}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}`;

export function renderHtml(out: AnalysisOutput): string {
  const docs = out.documents.map(renderDocument).join('\n');
  const skipped = out.skipped.length
    ? `<h2>Skipped</h2><ul>${out.skipped.map(s => `<li><code>${escapeHtml(printable(s.path))}</code>: ${escapeHtml(printable(s.reason))}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Source Lens report</title><style>${CSS}</style></head>\n<body><h1>Source Lens report</h1>\n${docs}\n${skipped}\n</body></html>\n`;
}

/** One source: its quotes and claims as tables. */
function renderDocument(d: DocumentResult & { text?: string }): string {
  const claims = d.claims.map(c => `<tr><td>${c.kind}</td><td>${c.status}</td><td>${c.corroboratedBy.length}</td><td>${escapeHtml(c.speaker ?? '')}</td><td>${escapeHtml(c.text)}</td></tr>`).join('');
  const quotes = d.quotes.map(q => `<tr><td>${escapeHtml(q.speaker ?? '?')}</td><td>${escapeHtml(q.cue ?? '')}</td><td class="quote">${escapeHtml(q.text)}</td><td>${q.variants.length}</td></tr>`).join('');
  return `<section><h2>${escapeHtml(printable(d.path))}</h2>${d.title ? `<p><em>${escapeHtml(d.title)}</em></p>` : ''}
<h3>Quotes</h3><table><tr><th>speaker</th><th>cue</th><th>quote</th><th>other sources</th></tr>${quotes}</table>
<h3>Claims</h3><table><tr><th>kind</th><th>status</th><th>corroborated by</th><th>speaker</th><th>claim</th></tr>${claims}</table></section>`;
}
