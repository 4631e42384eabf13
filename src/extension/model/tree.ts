/**
 * The Claims tree as plain data: a node per source, and under it the source's
 * claims and quotes in reading order. Ids are stable: document key plus offsets.
 */
import type { Claim, ClaimKind, DocumentResult, Quote } from '../../core/types';
import { Commands } from '../ids';
import type { TreeNodeSnapshot } from '../testApi';
import type { SourceSummary } from './protocol';

/** A node as the tree view shows it: the test snapshot plus presentation hints. */
export interface TreeNodeData extends TreeNodeSnapshot {
  /** Codicon id. */
  icon: string;
  /** Has children (sources only). */
  expandable: boolean;
}

const CLAIM_ICONS: Record<ClaimKind, string> = {
  quote: 'quote',
  reported: 'comment',
  numeric: 'symbol-number',
  event: 'calendar',
  statement: 'note',
};

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** Shortens a passage to one line of at most `max` characters. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function sourceNode(s: SourceSummary, display: (key: string) => string): TreeNodeData {
  const path = display(s.key);
  const counts = [plural(s.claims, 'claim'), plural(s.quotes, 'quote')];
  if (s.disputed) counts.push(`${s.disputed} disputed`);
  const tooltip = [s.title ?? basename(path), path, `${counts.join(' · ')} · ${s.corroborated} corroborated · ${plural(s.duplicates, 'duplicated passage')} · ${plural(s.entities, 'entity mention', 'entity mentions')}`].join('\n');
  return {
    id: s.key,
    type: 'source',
    label: basename(path),
    description: counts.join(' · '),
    tooltip,
    uri: s.key,
    path,
    command: { command: Commands.openPassage, arguments: [s.key, 0, 0] },
    icon: 'file-text',
    expandable: s.claims + s.quotes > 0,
  };
}

function claimDescription(c: Claim): string {
  const parts: string[] = [];
  if (c.speaker) parts.push(c.speaker);
  parts.push(`${c.corroboratedBy.length} corroborating`);
  if (c.disputedBy.length) parts.push(`${c.disputedBy.length} disputing`);
  return parts.join(' · ');
}

function claimTooltip(c: Claim, display: (key: string) => string): string {
  const lines = [c.text, '', `${c.kind} claim · ${c.status}${c.speaker ? ` · ${c.speaker}` : ''}`];
  for (const l of c.corroboratedBy) lines.push(`corroborated by ${display(l.path)} (${Math.round(l.similarity * 100)}%)`);
  for (const l of c.disputedBy) lines.push(`disputed by ${display(l.path)}${l.reason ? ` (${l.reason})` : ''}`);
  return lines.join('\n');
}

function quoteTooltip(q: Quote, display: (key: string) => string): string {
  const lines = [q.text, '', `quote · ${q.speaker ?? 'speaker unknown'}${q.cue ? ` · ${q.cue}` : ''}`];
  for (const v of q.variants) lines.push(`${v.identical ? 'same words' : 'different wording'} in ${display(v.path)}`);
  return lines.join('\n');
}

/**
 * A source's claims, and the quotes no quote-claim already covers, sorted by
 * offset (reading order).
 */
export function childNodes(result: DocumentResult, display: (key: string) => string): TreeNodeData[] {
  const key = result.path;
  const path = display(key);
  const base = (type: 'claim' | 'quote', start: number, end: number) => ({
    id: `${key}#${type}:${start}-${end}`,
    type,
    uri: key,
    path,
    start,
    end,
    command: { command: Commands.openPassage, arguments: [key, start, end] },
    expandable: false,
  });
  const nodes: TreeNodeData[] = result.claims.map(c => ({
    ...base('claim', c.start, c.end),
    label: shorten(c.text),
    description: claimDescription(c),
    tooltip: claimTooltip(c, display),
    icon: c.status === 'disputed' ? 'warning' : CLAIM_ICONS[c.kind] ?? 'note',
  }));
  const quoteClaims = result.claims.filter(c => c.kind === 'quote');
  for (const q of result.quotes) {
    if (quoteClaims.some(c => c.start <= q.start && q.end <= c.end)) continue;
    nodes.push({
      ...base('quote', q.start, q.end),
      label: shorten(q.text),
      description: [q.speaker ?? 'speaker unknown', `${q.variants.length} other ${q.variants.length === 1 ? 'source' : 'sources'}`].join(' · '),
      tooltip: quoteTooltip(q, display),
      icon: 'quote',
    });
  }
  return nodes.sort((a, b) => a.start! - b.start! || a.end! - b.end! || (a.type < b.type ? -1 : 1));
}

/** The node whose passage holds an offset (the narrowest), for following the cursor. */
export function nodeAt<T extends TreeNodeData>(nodes: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const n of nodes) {
    if (n.start === undefined || n.end === undefined || offset < n.start || offset > n.end) continue;
    if (!best || n.end - n.start < best.end! - best.start!) best = n;
  }
  return best;
}
