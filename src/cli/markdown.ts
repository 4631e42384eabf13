/** A readable per-source summary of an analysis, in Markdown. */
import type { AnalysisOutput, DocumentResult, Quote } from '../core/types';
import { printable } from './messages';

const clip = (s: string, n = 160) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
/** Keeps Markdown punctuation in article text from turning into markup. */
export const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
/** A file's name: the last part of its path, control characters escaped (a name may hold a newline). */
const base = (p: string) => printable(p.split('/').pop() ?? p);
/** Text in a code span, fenced by more backticks than it holds (CommonMark). */
const codeSpan = (s: string) => {
  const fence = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map(run => run.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
};

export function renderMarkdown(out: AnalysisOutput): string {
  const lines: string[] = ['# Source Lens report', ''];
  const n = out.documents.length;
  lines.push(`${n} source${n === 1 ? '' : 's'} analysed${out.skipped.length ? `, ${out.skipped.length} skipped` : ''}.`, '');
  for (const d of out.documents) lines.push(...renderDocument(d), '');
  if (out.skipped.length) {
    lines.push('## Skipped', '');
    for (const s of out.skipped) lines.push(`- ${codeSpan(printable(s.path))}: ${escapeMd(printable(s.reason))}`);
    lines.push('');
  }
  return lines.join('\n');
}

function renderDocument(d: DocumentResult): string[] {
  const lines = [`## ${escapeMd(printable(d.path))}`, ''];
  if (d.title) lines.push(`*${escapeMd(d.title)}*`, '');
  lines.push(`${d.quotes.length} quotes · ${d.claims.length} claims · ${d.entities.length} entity mentions · ${d.duplicates.length} duplicated passages`, '');

  if (d.quotes.length) {
    lines.push('### Quotes by speaker', '');
    const bySpeaker = new Map<string, Quote[]>();
    for (const q of d.quotes) {
      const key = q.speaker ?? '(speaker unknown)';
      bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), q]);
    }
    for (const [speaker, qs] of bySpeaker) {
      lines.push(`- **${escapeMd(speaker)}**`);
      for (const q of qs) {
        const notes = [q.cue, q.partial ? 'partial' : null, q.uncertain ? 'uncertain marks' : null,
          q.variants.length ? `also in ${q.variants.map(v => `${base(v.path)}${v.identical ? '' : ' (worded differently)'}`).join(', ')}` : null]
          .filter(Boolean).join('; ');
        lines.push(`  - ${escapeMd(clip(q.text))}${notes ? ` — ${escapeMd(notes)}` : ''}`);
      }
    }
    lines.push('');
  }

  const dups = d.duplicates.filter(x => x.kind === 'repeat' ? x.start > x.other.start : true);
  if (dups.length) {
    lines.push('### Duplicated passages', '');
    for (const x of dups) {
      const where = x.kind === 'repeat' ? `repeats offsets ${x.other.start}–${x.other.end} of this file` : `shared with ${base(x.other.path)} (${x.other.start}–${x.other.end})`;
      lines.push(`- ${x.start}–${x.end}: ${where}, ${x.label}, similarity ${x.similarity.toFixed(2)}${x.boilerplate ? ', boilerplate' : ''}`);
    }
    lines.push('');
  }

  if (d.claims.length) {
    lines.push('### Claims', '');
    for (const c of d.claims) {
      const status = c.status === 'corroborated' ? `corroborated by ${c.corroboratedBy.length}` : c.status === 'disputed' ? `disputed by ${c.disputedBy.length}` : 'unique';
      const who = c.speaker ? ` — ${escapeMd(c.speaker)}` : '';
      lines.push(`- [${c.kind}, ${status}] ${escapeMd(clip(c.text))}${who}`);
    }
  }
  return lines;
}
