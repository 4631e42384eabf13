/** The report (model.ts) as Markdown: what `--format markdown` prints and "Export Report" writes. */
import type { AnalysisOutput } from '../core/types';
import { printable } from '../cli/messages';
import { baseName, buildReport, percent, type Carriage, type Report } from './model';

const clip = (s: string, n = 160) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
/** Keeps Markdown punctuation in article text from turning into markup. */
export const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
/** A file's name, control characters escaped (a name may hold a newline), Markdown escaped. */
const name = (p: string) => escapeMd(printable(baseName(p)));
/** Text in a code span, fenced by more backticks than it holds (CommonMark). */
const codeSpan = (s: string) => {
  const fence = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map(run => run.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
};
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export const MARKS: Record<Carriage, string> = { carries: '✓', disputed: '✗', partial: '◐' };
/** The matrix has a column per source up to this many sources; beyond, a row lists its sources. */
export const MATRIX_COLUMNS = 12;

export function renderMarkdown(out: AnalysisOutput): string {
  return reportMarkdown(buildReport(out));
}

export function reportMarkdown(r: Report): string {
  const lines: string[] = ['# Source Lens report', ''];
  const disputed = r.shared.filter(x => x.disputed).length;
  const unique = [...r.unique.values()].reduce((n, l) => n + l.length, 0);
  lines.push(`${plural(r.sources.length, 'source')} analysed${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}. `
    + `${plural(r.shared.length, 'claim')} carried by several sources (${disputed} disputed), ${plural(unique, 'claim')} only one source carries.`, '');

  lines.push('## Claims across sources', '');
  if (!r.shared.length) lines.push('No claim is carried by more than one source.', '');
  else {
    lines.push('✓ carries the claim · ✗ carries it differently (a number, a date or a negation differs) · ◐ carries part of it · blank: does not carry it.', '');
    if (r.sources.length <= MATRIX_COLUMNS) {
      lines.push(`| Claim | ${r.sources.map(s => name(s.path)).join(' | ')} |`, `|---|${r.sources.map(() => ':-:').join('|')}|`);
      for (const row of r.shared) {
        const cells = r.sources.map(s => MARKS[row.cells.get(s.path)?.carriage as Carriage] ?? '');
        lines.push(`| ${escapeMd(clip(row.text, 140))}${row.disputed ? ' **(disputed)**' : ''} | ${cells.join(' | ')} |`);
      }
    } else {
      for (const row of r.shared) {
        const who = [...row.cells].map(([p, c]) => `${name(p)} ${MARKS[c.carriage]}`).join(', ');
        lines.push(`- ${escapeMd(clip(row.text, 140))}${row.disputed ? ' **(disputed)**' : ''} — ${who}`);
      }
    }
    lines.push('');
  }

  lines.push('## Quotes by speaker', '');
  if (!r.speakers.length) lines.push('No quotes found.', '');
  for (const s of r.speakers) {
    const sources = new Set(s.quotes.flatMap(q => [...q.sources.keys()])).size;
    lines.push(`### ${escapeMd(s.speaker)}`, '', `${plural(s.quotes.length, 'quote')} in ${plural(sources, 'source')}.`, '');
    for (const q of s.quotes) {
      const where = [...q.sources].map(([p, n]) => `${name(p)}${n > 1 ? ` ×${n}` : ''}${q.rewordedIn.has(p) ? ' (reworded)' : ''}`).join(', ');
      lines.push(`- ${escapeMd(clip(q.text))} — ${plural(q.sources.size, 'source')}: ${where}`);
    }
    lines.push('');
  }

  lines.push('## Attribution conflicts', '');
  if (!r.conflicts.length) lines.push('No words are credited to different speakers.', '');
  for (const c of r.conflicts) {
    const who = [...c.speakers].map(([sp, ps]) => `**${escapeMd(sp)}** in ${ps.map(name).join(', ')}`).join('; ');
    lines.push(`- ${escapeMd(clip(c.text))} — ${who}`);
  }
  if (r.conflicts.length) lines.push('');

  lines.push('## Shared passages', '');
  if (!r.pairs.length) lines.push('No two sources share a passage (boilerplate left aside).', '');
  else {
    lines.push('| Source | Shares with | Passages | Share of the source | Share of the other | Mostly | Published first |', '|---|---|--:|--:|--:|---|---|');
    for (const p of r.pairs) lines.push(`| ${name(p.a)} | ${name(p.b)} | ${p.passages} | ${percent(p.shareOfA)} | ${percent(p.shareOfB)} | ${p.label} | ${p.first ? name(p.first) : 'unknown'} |`);
    lines.push('');
  }

  for (const s of r.sources) {
    lines.push(`## ${escapeMd(printable(s.path))}`, '');
    if (s.title) lines.push(`*${escapeMd(s.title)}*`, '');
    const own = r.unique.get(s.path) ?? [];
    lines.push(`${plural(s.quotes, 'quote')} · ${plural(s.claims, 'claim')}, ${own.length} only here${s.repeatedShare ? ` · ${percent(s.repeatedShare)} of the text repeats itself` : ''}${s.partial ? ` · partial analysis: ${escapeMd(s.partial)}` : ''}`, '');
    if (own.length) {
      lines.push('### Claims only this source carries', '');
      for (const c of own) lines.push(`- [${c.kind}] ${escapeMd(clip(c.text))}`);
      lines.push('');
    }
  }

  if (r.skipped.length) {
    lines.push('## Skipped', '');
    for (const s of r.skipped) lines.push(`- ${codeSpan(printable(s.path))}: ${escapeMd(printable(s.reason))}`);
    lines.push('');
  }
  return lines.join('\n');
}
