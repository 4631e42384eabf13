/**
 * The report (model.ts) as one self-contained HTML file: what `--format html`
 * prints and "Export Report" writes. No script, no remote content (styles
 * inline); readable by a screen reader: landmarks, headings in order, tables
 * with captions and header cells, and every mark spelt out in words beside its
 * symbol (the symbols are also told apart by shape, not by colour alone).
 */
import type { AnalysisOutput } from '../core/types';
import { printable } from '../cli/messages';
import { MARKS, MATRIX_COLUMNS } from './markdown';
import { baseName, buildReport, percent, type Carriage, type Report } from './model';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const esc = (s: string) => escapeHtml(printable(s));
const clip = (s: string, n = 220) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const WORDS: Record<Carriage, string> = { carries: 'carries it', disputed: 'carries it differently', partial: 'carries part of it' };

const CSS = `:root{color-scheme:light}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:72rem;margin:0 auto;padding:1.5rem 1rem 4rem;color:#1b1b1b;background:#fff}
h1{font-size:1.8rem;margin:.5rem 0 0}h2{font-size:1.35rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #c8c8c8;padding-bottom:.2rem}h3{font-size:1.1rem;margin:1.4rem 0 .3rem}
.lede{color:#333;font-size:1.05rem}
nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0;list-style:none}
a{color:#0a4fa8}
table{border-collapse:collapse;margin:.6rem 0;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f1f3f5}
tbody th{font-weight:400}
td.mark{text-align:center;font-size:1.1rem;min-width:2.5rem}
.carries{color:#1a6b2a}.disputed{color:#a4121b;font-weight:700}.partial{color:#6b4e00}
.tag{display:inline-block;border:1px solid currentColor;border-radius:.25rem;padding:0 .3rem;font-size:.8rem;font-weight:600;margin-left:.3rem}
.scroll{overflow-x:auto}
.scroll:focus{outline:2px solid #0a4fa8}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
ul.quotes li{margin:.25rem 0}
.where{color:#444}
code{font-size:.9em}
@media print{.scroll{overflow:visible}a{color:inherit}}`;

export function renderHtml(out: AnalysisOutput): string {
  return reportHtml(buildReport(out));
}

/** One mark of the matrix: the symbol for the eye, the words for a screen reader. */
function mark(c: Carriage | undefined): string {
  if (!c) return '<td class="mark"><span class="sr">does not carry it</span></td>';
  return `<td class="mark ${c}"><span aria-hidden="true">${MARKS[c]}</span><span class="sr">${WORDS[c]}</span></td>`;
}

export function reportHtml(r: Report): string {
  const disputed = r.shared.filter(x => x.disputed).length;
  const unique = [...r.unique.values()].reduce((n, l) => n + l.length, 0);
  const parts: string[] = [];
  parts.push(`<header><h1>Source Lens report</h1><p class="lede">${plural(r.sources.length, 'source')} analysed${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}. `
    + `${plural(r.shared.length, 'claim')} carried by several sources (${disputed} disputed), ${plural(unique, 'claim')} only one source carries.</p>`
    + `<nav aria-label="Sections"><ul><li><a href="#claims">Claims across sources</a></li><li><a href="#quotes">Quotes by speaker</a></li><li><a href="#conflicts">Attribution conflicts</a></li><li><a href="#shared">Shared passages</a></li><li><a href="#sources">Sources</a></li></ul></nav></header>`);
  parts.push('<main>');

  parts.push('<section aria-labelledby="claims"><h2 id="claims">Claims across sources</h2>');
  if (!r.shared.length) parts.push('<p>No claim is carried by more than one source.</p>');
  else {
    parts.push(`<p>Each row is one claim as the sources carry it: <span class="carries">${MARKS.carries}</span> carries the claim, <span class="disputed">${MARKS.disputed}</span> carries it differently (a number, a date or a negation differs), <span class="partial">${MARKS.partial}</span> carries part of it, an empty cell: does not carry it.</p>`);
    if (r.sources.length <= MATRIX_COLUMNS) {
      const head = r.sources.map((s, i) => `<th scope="col"><abbr title="${esc(s.path)}">S${i + 1}</abbr><span class="sr"> ${esc(baseName(s.path))}</span></th>`).join('');
      const key = r.sources.map((s, i) => `<li>S${i + 1}: <code>${esc(s.path)}</code></li>`).join('');
      parts.push(`<p id="columns">Columns:</p><ul aria-labelledby="columns">${key}</ul>`);
      parts.push(`<div class="scroll" role="region" aria-label="Table: which source carries which claim" tabindex="0"><table><caption>${plural(r.shared.length, 'claim')} carried by more than one source</caption><thead><tr><th scope="col">Claim</th>${head}</tr></thead><tbody>`);
      for (const row of r.shared) {
        const cells = r.sources.map(s => mark(row.cells.get(s.path)?.carriage)).join('');
        parts.push(`<tr><th scope="row">${escapeHtml(clip(row.text))}${row.disputed ? '<span class="tag disputed">disputed</span>' : ''}</th>${cells}</tr>`);
      }
      parts.push('</tbody></table></div>');
    } else {
      parts.push('<ul class="quotes">');
      for (const row of r.shared) {
        const who = [...row.cells].map(([p, c]) => `<span class="${c.carriage}"><span aria-hidden="true">${MARKS[c.carriage]}</span><span class="sr">${WORDS[c.carriage]}:</span> ${esc(baseName(p))}</span>`).join(', ');
        parts.push(`<li>${escapeHtml(clip(row.text))}${row.disputed ? '<span class="tag disputed">disputed</span>' : ''} <span class="where">— ${who}</span></li>`);
      }
      parts.push('</ul>');
    }
  }
  parts.push('</section>');

  parts.push('<section aria-labelledby="quotes"><h2 id="quotes">Quotes by speaker</h2>');
  if (!r.speakers.length) parts.push('<p>No quotes found.</p>');
  for (const s of r.speakers) {
    const sources = new Set(s.quotes.flatMap(q => [...q.sources.keys()])).size;
    parts.push(`<h3>${escapeHtml(s.speaker)}</h3><p>${plural(s.quotes.length, 'quote')} in ${plural(sources, 'source')}.</p><ul class="quotes">`);
    for (const q of s.quotes) {
      const where = [...q.sources].map(([p, n]) => `${esc(baseName(p))}${n > 1 ? ` <span class="tag">×${n}<span class="sr"> (repeated ${n} times in this file)</span></span>` : ''}${q.rewordedIn.has(p) ? ' (reworded)' : ''}`).join(', ');
      parts.push(`<li><q>${escapeHtml(clip(q.text).replace(/^[“"]|[”"]$/g, ''))}</q> <span class="where">— ${plural(q.sources.size, 'source')}: ${where}</span></li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>');

  parts.push('<section aria-labelledby="conflicts"><h2 id="conflicts">Attribution conflicts</h2>');
  if (!r.conflicts.length) parts.push('<p>No words are credited to different speakers.</p>');
  else {
    parts.push('<ul class="quotes">');
    for (const c of r.conflicts) {
      const who = [...c.speakers].map(([sp, ps]) => `<strong>${escapeHtml(sp)}</strong> in ${ps.map(p => esc(baseName(p))).join(', ')}`).join('; ');
      parts.push(`<li><q>${escapeHtml(clip(c.text).replace(/^[“"]|[”"]$/g, ''))}</q> <span class="where">— ${who}</span></li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>');

  parts.push('<section aria-labelledby="shared"><h2 id="shared">Shared passages</h2>');
  if (!r.pairs.length) parts.push('<p>No two sources share a passage (boilerplate left aside).</p>');
  else {
    parts.push('<div class="scroll" role="region" aria-label="Table: text shared by two sources" tabindex="0"><table><caption>Text two sources share, as a share of each</caption><thead><tr><th scope="col">Source</th><th scope="col">Shares with</th><th scope="col">Passages</th><th scope="col">Share of the source</th><th scope="col">Share of the other</th><th scope="col">Mostly</th><th scope="col">Published first</th></tr></thead><tbody>');
    for (const p of r.pairs) parts.push(`<tr><th scope="row">${esc(baseName(p.a))}</th><td>${esc(baseName(p.b))}</td><td>${p.passages}</td><td>${percent(p.shareOfA)}</td><td>${percent(p.shareOfB)}</td><td>${p.label}</td><td>${p.first ? esc(baseName(p.first)) : 'unknown'}</td></tr>`);
    parts.push('</tbody></table></div>');
  }
  parts.push('</section>');

  parts.push('<section aria-labelledby="sources"><h2 id="sources">Sources</h2><p>What each source carries alone, and how much of it repeats itself.</p>');
  for (const s of r.sources) {
    const own = r.unique.get(s.path) ?? [];
    parts.push(`<article><h2>${esc(s.path)}</h2>${s.title ? `<p><em>${escapeHtml(s.title)}</em></p>` : ''}`);
    parts.push(`<p>${plural(s.quotes, 'quote')} · ${plural(s.claims, 'claim')}, ${own.length} only here${s.repeatedShare ? ` · ${percent(s.repeatedShare)} of the text repeats itself` : ''}${s.partial ? ` · partial analysis: ${escapeHtml(s.partial)}` : ''}</p>`);
    if (own.length) {
      parts.push('<h3>Claims only this source carries</h3><ul class="quotes">');
      for (const c of own) parts.push(`<li>${escapeHtml(clip(c.text))} <span class="where">(${c.kind})</span></li>`);
      parts.push('</ul>');
    }
    parts.push('</article>');
  }
  parts.push('</section>');

  if (r.skipped.length) {
    parts.push(`<section aria-labelledby="skipped"><h2 id="skipped">Skipped</h2><ul>${r.skipped.map(s => `<li><code>${esc(s.path)}</code>: ${esc(s.reason)}</li>`).join('')}</ul></section>`);
  }
  parts.push('</main>');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Source Lens report</title><style>${CSS}</style></head>\n<body>${parts.join('\n')}\n</body></html>\n`;
}
