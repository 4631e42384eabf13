/**
 * The Claims tree as plain data: a node per source, and under it the source's
 * claims and quotes in reading order. Ids are stable: document key plus offsets.
 */
import type { Claim, ClaimKind, DocumentResult, Quote } from '../../core/types';
import { Commands } from '../ids';
import type { SourceSummary } from '../../protocol/protocol';
import { conflictsBySpeaker } from '../decorations/hover';

/** What a node of the Claims tree shows, as plain data (the test API's `TreeNodeSnapshot`). */
export interface TreeNodeFields {
  /** Stable id built from the document URI and the offsets (`uri`, `uri#claim:12-80`). */
  id: string;
  /** `source` for a file; `claim` or `quote` for a passage under it. */
  type: 'source' | 'claim' | 'quote';
  label: string;
  description: string;
  /** Plain text of the tooltip. */
  tooltip: string;
  /** The document's URI as a string. */
  uri: string;
  /** Workspace-relative path of the document ('/'-separated). */
  path: string;
  /** Passage offsets; absent on a source node. */
  start?: number;
  end?: number;
  /** The command a click runs, with its arguments. */
  command?: { command: string; arguments: unknown[] };
}

/** A node as the tree view shows it: the plain fields plus presentation hints. */
export interface TreeNodeData extends TreeNodeFields {
  /** Codicon id. */
  icon: string;
  /** Has children (sources only). */
  expandable: boolean;
  /** Theme colour id for the icon (disputed claims). */
  iconColor?: string;
  /** What a screen reader says for the row (the full passage, not the shortened label). */
  accessibilityLabel?: string;
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
export function shorten(text: string, max = 80): string {
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
  const lines = [s.title ?? basename(path), path, `${counts.join(' · ')} · ${s.corroborated} corroborated · ${plural(s.duplicates, 'duplicated passage')} · ${plural(s.entities, 'entity mention', 'entity mentions')}`];
  if (s.truncated) lines.push(`Partial analysis: ${s.truncated}`);
  return {
    id: s.key,
    type: 'source',
    label: basename(path),
    description: [...counts, ...(s.truncated ? ['partial'] : [])].join(' · '),
    tooltip: lines.join('\n'),
    uri: s.key,
    path,
    command: { command: Commands.openPassage, arguments: [s.key, 0, 0] },
    icon: 'file-text',
    expandable: s.claims + s.quotes > 0,
  };
}

/** How many sources corroborate (✓) and dispute (✗) a claim, as a label prefix ("3✓ 1✗ "); '' for neither. */
export function claimBadge(corroborating: number, disputing: number): string {
  const parts: string[] = [];
  if (corroborating) parts.push(`${corroborating}✓`);
  if (disputing) parts.push(`${disputing}✗`);
  return parts.length ? parts.join(' ') + ' ' : '';
}

/** The same for a quote: other sources with the same words (✓) and reworded (≈). */
export function quoteBadge(q: Quote): string {
  const same = q.variants.filter(v => v.identical).length;
  const reworded = q.variants.length - same;
  const parts: string[] = [];
  if (same) parts.push(`${same}✓`);
  if (reworded) parts.push(`${reworded}≈`);
  return parts.length ? parts.join(' ') + ' ' : '';
}

/** A speaker as a label prefix: short enough to leave room for the words. */
function speakerPrefix(speaker: string | null | undefined): string {
  return speaker ? `${shorten(speaker, 28)}: ` : '';
}

const KIND_NAMES: Record<ClaimKind, string> = {
  quote: 'quote',
  reported: 'reported speech',
  numeric: 'numeric claim',
  event: 'event',
  statement: 'statement',
};

function claimDescription(c: Claim): string {
  const parts: string[] = [];
  if (c.status === 'disputed') parts.push(`disputed${c.disputedBy[0]?.reason ? ` (${c.disputedBy[0].reason})` : ''}`);
  if (c.speaker && c.kind !== 'quote') parts.push(c.speaker);
  parts.push(KIND_NAMES[c.kind] ?? c.kind);
  return parts.join(' · ');
}

function claimTooltip(c: Claim, display: (key: string) => string): string {
  const lines = [c.text, '', `${KIND_NAMES[c.kind] ?? c.kind} · ${c.status}${c.speaker ? ` · said by ${c.speaker}` : ''}`];
  if (!c.corroboratedBy.length && !c.disputedBy.length) lines.push('No other source carries this claim.');
  for (const l of c.corroboratedBy) lines.push(`✓ corroborated by ${display(l.path)} (${Math.round(l.similarity * 100)}% similar)`);
  for (const l of c.disputedBy) lines.push(`✗ disputed by ${display(l.path)}${l.reason ? ` (${l.reason} differs)` : ''}`);
  return lines.join('\n');
}

function quoteTooltip(q: Quote, display: (key: string) => string): string {
  const lines = [q.text, '', `quote · ${q.speaker ? `said by ${q.speaker}` : 'speaker unknown'}${q.cue ? ` · cue “${q.cue}”` : ''}`];
  if (!q.variants.length) lines.push('No other source carries this quote.');
  for (const v of q.variants) lines.push(`${v.identical ? '✓ same words' : '≈ reworded'} in ${display(v.path)}`);
  lines.push(...conflictLines(q, display));
  return lines.join('\n');
}

/** "⚠ the same words are credited to X in a.txt": one line per other speaker. */
function conflictLines(q: Quote, display: (key: string) => string): string[] {
  return [...conflictsBySpeaker(q)].map(([speaker, links]) => `⚠ the same words are credited to ${speaker} in ${links.map(c => display(c.path)).join(', ')}`);
}

/**
 * A source's claims, and the quotes no quote-claim already covers, sorted by
 * offset (reading order). Labels put what a reader scans for first: the
 * corroboration badge, then the speaker of a quote, then the words; the
 * description holds the kind and status, the tooltip everything.
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
  const nodes: TreeNodeData[] = result.claims.map(c => {
    // A quote claim reads best as "Speaker: “the quoted words”".
    const inner = c.kind === 'quote' ? result.quotes.find(q => c.start <= q.start && q.end <= c.end) : undefined;
    const speaker = c.kind === 'quote' ? c.speaker ?? inner?.speaker : null;
    const words = inner ? inner.text : c.text;
    const disputed = c.status === 'disputed';
    const badge = claimBadge(c.corroboratedBy.length, c.disputedBy.length);
    const conflicts = inner ? conflictLines(inner, display) : [];
    return {
      ...base('claim', c.start, c.end),
      label: shorten(badge + speakerPrefix(speaker) + words),
      description: (conflicts.length ? 'attribution conflict · ' : '') + claimDescription(c),
      tooltip: [claimTooltip(c, display), ...conflicts].join('\n'),
      icon: disputed ? 'warning' : CLAIM_ICONS[c.kind] ?? 'note',
      iconColor: disputed ? 'list.warningForeground' : undefined,
      accessibilityLabel: `${disputed ? 'Disputed ' : ''}${KIND_NAMES[c.kind] ?? c.kind}${c.speaker ? ` by ${c.speaker}` : ''}: ${c.text}. ${c.corroboratedBy.length} corroborating, ${c.disputedBy.length} disputing.${conflicts.length ? ` Attribution conflict: ${conflicts.join('; ').replace(/⚠ /g, '')}.` : ''}`,
    };
  });
  const quoteClaims = result.claims.filter(c => c.kind === 'quote');
  for (const q of result.quotes) {
    if (quoteClaims.some(c => c.start <= q.start && q.end <= c.end)) continue;
    nodes.push({
      ...base('quote', q.start, q.end),
      label: shorten(quoteBadge(q) + speakerPrefix(q.speaker ?? 'speaker unknown') + q.text),
      description: `${q.attributedElsewhere?.length ? 'attribution conflict · ' : ''}quote · ${q.variants.length ? plural(q.variants.length, 'other source') : 'only here'}`,
      tooltip: quoteTooltip(q, display),
      icon: 'quote',
      accessibilityLabel: `Quote by ${q.speaker ?? 'an unknown speaker'}: ${q.text}. ${plural(q.variants.length, 'other source')}.${q.attributedElsewhere?.length ? ` Attribution conflict: ${conflictLines(q, display).join('; ').replace(/⚠ /g, '')}.` : ''}`,
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
