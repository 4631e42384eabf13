/**
 * The Claims tree's switches as plain data: grouping (by source, speaker, entity
 * or claim group), sorting (reading order or corroboration) and filters (unique,
 * disputed, attribution conflicts, quotes only), and the whole tree they build
 * from the analysed documents. No `vscode` here: ClaimsTree turns these nodes
 * into tree items, and the unit tests read them directly.
 */
import type { DocumentResult } from '../../core/types';
import type { SourceSummary } from '../../protocol/protocol';
import { UnionFind } from '../../report/unionFind';
import { Commands } from '../ids';
import { childNodes, PAGE_SIZE, PAGED_FROM, pageNode, quoteFacts, shorten, sourceNode, type PassageFacts, type TreeNodeData } from './treeNodes';

export type GroupBy = 'source' | 'speaker' | 'entity' | 'claim';
export type SortBy = 'position' | 'corroboration';
export const GROUPS: readonly GroupBy[] = ['source', 'speaker', 'entity', 'claim'];
export const SORTS: readonly SortBy[] = ['position', 'corroboration'];
export const FILTERS = ['unique', 'disputed', 'conflicts', 'quotesOnly'] as const;
export type FilterName = (typeof FILTERS)[number];

/** The tree's switches, as the toolbar sets them and workspaceState keeps them. */
export interface TreeOptions {
  group: GroupBy;
  sort: SortBy;
  /**
   * Which passages are shown. `unique`, `disputed` and `conflicts` each admit the
   * passages of that kind (on together: a passage of any of them); `quotesOnly`
   * narrows whatever the others admit to direct quotes.
   */
  filters: Record<FilterName, boolean>;
}

export const DEFAULT_OPTIONS: TreeOptions = Object.freeze({
  group: 'source',
  sort: 'position',
  filters: Object.freeze({ unique: false, disputed: false, conflicts: false, quotesOnly: false }),
}) as TreeOptions;

/** Options read back from storage: anything unknown or malformed falls back to the default. */
export function readOptions(raw: unknown): TreeOptions {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const f = (o.filters && typeof o.filters === 'object' ? o.filters : {}) as Record<string, unknown>;
  const filters = { ...DEFAULT_OPTIONS.filters };
  for (const k of FILTERS) if (typeof f[k] === 'boolean') filters[k] = f[k] as boolean;
  return {
    group: GROUPS.includes(o.group as GroupBy) ? (o.group as GroupBy) : DEFAULT_OPTIONS.group,
    sort: SORTS.includes(o.sort as SortBy) ? (o.sort as SortBy) : DEFAULT_OPTIONS.sort,
    filters,
  };
}

/** Whether any filter is on. */
export function filtered(o: TreeOptions): boolean {
  return FILTERS.some(k => o.filters[k]);
}

/** The default tree (sources in path order, every passage in reading order): built lazily, source by source. */
export function isDefault(o: TreeOptions): boolean {
  return o.group === 'source' && o.sort === 'position' && !filtered(o);
}

/** Whether a passage passes the filters (see `TreeOptions.filters`). */
export function passes(f: PassageFacts | undefined, filters: TreeOptions['filters']): boolean {
  if (!f) return true;
  if (filters.quotesOnly && !f.quote) return false;
  const kinds = [filters.unique && f.status === 'unique', filters.disputed && f.status === 'disputed', filters.conflicts && f.conflict];
  return !(filters.unique || filters.disputed || filters.conflicts) || kinds.some(Boolean);
}

/** How many other sources carry or dispute a passage: what "sort by corroboration" ranks on, disputes first among equals. */
function weight(n: TreeNodeData): number {
  const f = n.facts;
  if (!f) return 0;
  return f.corroboration + f.links.filter(l => l.relation === 'disputes').length;
}

/** Passages in reading order, or most corroborated first (reading order among equals). */
export function sortPassages<T extends TreeNodeData>(nodes: readonly T[], sort: SortBy): T[] {
  const byPosition = (a: T, b: T) => a.path.localeCompare(b.path) || (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
  return [...nodes].sort(sort === 'corroboration' ? (a, b) => weight(b) - weight(a) || byPosition(a, b) : byPosition);
}

/** A node of the whole tree, with its children. */
export interface ModelNode extends TreeNodeData {
  children: ModelNode[];
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * The whole tree for the given switches. `summaries` and `results` are the
 * index's sources (in path order) and their analyses; `display` turns a
 * document key into the path a reader sees.
 */
export function buildTree(summaries: readonly SourceSummary[], results: readonly DocumentResult[], options: TreeOptions, display: (key: string) => string): ModelNode[] {
  const roots = buildRoots(summaries, results, options, display);
  for (const r of roots) inPages(r);
  return roots;
}

/** A node whose children are more than `PAGED_FROM` lists them in pages (treeNodes.ts), at every depth below the roots. */
function inPages(node: ModelNode): void {
  for (const c of node.children) inPages(c);
  const kids = node.children;
  if (kids.length <= PAGED_FROM) return;
  node.children = [];
  for (let from = 0; from < kids.length; from += PAGE_SIZE) {
    const to = Math.min(kids.length, from + PAGE_SIZE);
    node.children.push({ ...pageNode(node, from, to, kids.length, kids[from].facts?.text ?? kids[from].label), children: kids.slice(from, to) });
  }
}

function buildRoots(summaries: readonly SourceSummary[], results: readonly DocumentResult[], options: TreeOptions, display: (key: string) => string): ModelNode[] {
  const byKey = new Map(results.map(r => [r.path, r]));
  const passages = (r: DocumentResult) => childNodes(r, display).filter(n => passes(n.facts, options.filters));
  switch (options.group) {
    case 'source': {
      const roots: ModelNode[] = [];
      for (const s of summaries) {
        const r = byKey.get(s.key);
        const kids = r ? sortPassages(passages(r), options.sort) : [];
        if (!kids.length && filtered(options)) continue; // a filter shows only the sources with something to show
        const root = sourceNode(s, display);
        roots.push({ ...root, expandable: kids.length > 0, children: kids.map(k => ({ ...k, children: [] })) });
      }
      return roots;
    }
    case 'speaker':
      return speakerTree(summaries.map(s => byKey.get(s.key)).filter((r): r is DocumentResult => !!r), options, display);
    case 'entity': {
      const groups = new Map<string, TreeNodeData[]>();
      for (const s of summaries) {
        const r = byKey.get(s.key);
        if (!r) continue;
        for (const n of passages(r)) {
          if (n.type !== 'claim') continue;
          for (const e of new Set(n.facts?.entities ?? [])) groups.set(e, [...(groups.get(e) ?? []), n]);
        }
      }
      return groupNodes([...groups], options, 'entity', name => ({ label: name, icon: 'symbol-field' }));
    }
    case 'claim':
      return claimGroupTree(summaries.map(s => byKey.get(s.key)).filter((r): r is DocumentResult => !!r), options, display, passages);
  }
}

/** The number of distinct sources among passages. */
function sourceCount(nodes: readonly TreeNodeData[]): number {
  return new Set(nodes.map(n => n.uri)).size;
}

/**
 * A passage under a group: its id made unique under the group (the same claim can
 * sit under two entities), its source named first.
 */
function member(n: TreeNodeData, groupId: string): ModelNode {
  return {
    ...n,
    id: `${groupId}/${n.id}`,
    description: `${basename(n.path)} · ${n.description}`,
    accessibilityLabel: `${n.accessibilityLabel ?? n.label} In ${n.path}.`,
    children: [],
  };
}

/** Group nodes, each over its passages; sorted by first appearance or by how many sources carry the group. */
function groupNodes(
  groups: [string, TreeNodeData[]][],
  options: TreeOptions,
  type: 'entity' | 'speaker',
  look: (name: string) => { label: string; icon: string },
): ModelNode[] {
  const nodes = groups.map(([name, members]) => {
    const sorted = sortPassages(members, options.sort);
    const id = `${type}:${name}`;
    const n = sourceCount(members);
    const { label, icon } = look(name);
    const description = `${plural(members.length, type === 'speaker' ? 'quote' : 'claim')} · ${plural(n, 'source')}`;
    const node: ModelNode = {
      id, type, label, description,
      tooltip: `${label}\n${description}`,
      uri: sorted[0].uri, path: sorted[0].path,
      icon, expandable: true,
      accessibilityLabel: `${type === 'speaker' ? 'Speaker' : 'Entity'} ${label}: ${description}.`,
      children: sorted.map(m => member(m, id)),
    };
    return { node, n, first: sorted[0] };
  });
  return order(nodes, options.sort);
}

function order<T extends { node: ModelNode; n: number; first: TreeNodeData }>(nodes: T[], sort: SortBy): ModelNode[] {
  const pos = (a: T, b: T) => a.first.path.localeCompare(b.first.path) || (a.first.start ?? 0) - (b.first.start ?? 0) || a.node.label.localeCompare(b.node.label);
  return nodes.sort(sort === 'corroboration' ? (a, b) => b.n - a.n || pos(a, b) : pos).map(x => x.node);
}

const passageKey = (path: string, start: number, end: number) => `${path}#${start}-${end}`;
const flatWords = (s: string) => s.toLowerCase().replace(/[“”"‘’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Speakers, under each the distinct quotes they are credited with (a quote's copies
 * across sources are one node: "3 sources"; a quote repeated inside one file is
 * marked "×2"), under each quote a node per copy.
 */
function speakerTree(results: readonly DocumentResult[], options: TreeOptions, display: (key: string) => string): ModelNode[] {
  const copies: { speaker: string; node: TreeNodeData; key: string; words: string }[] = [];
  const groups = new UnionFind();
  for (const r of results) {
    const path = display(r.path);
    const claimsOf = r.claims.filter(c => c.kind === 'quote');
    for (const q of r.quotes) {
      const facts = quoteFacts(q);
      const cover = claimsOf.find(c => c.start <= q.start && q.end <= c.end);
      if (cover) facts.status = cover.status;
      if (!passes(facts, options.filters)) continue;
      const speaker = q.speaker ?? 'Speaker unknown';
      const key = passageKey(r.path, q.start, q.end);
      copies.push({
        speaker, key, words: flatWords(q.text),
        node: {
          id: `${r.path}#quote:${q.start}-${q.end}`,
          type: 'quote', uri: r.path, path, start: q.start, end: q.end,
          label: shorten(q.text), description: basename(path), tooltip: `${q.text}\n\n${speaker} in ${path}`,
          command: { command: Commands.openPassage, arguments: [r.path, q.start, q.end] },
          icon: 'quote', expandable: false, facts,
          accessibilityLabel: `Quote by ${speaker} in ${path}: ${q.text}.`,
        },
      });
      for (const v of q.variants) groups.union(key, passageKey(v.path, v.start, v.end));
    }
  }
  // Within a speaker, the same words are one quote even where no variant link says so (a repeat in one file).
  const byWords = new Map<string, string>();
  for (const c of copies) {
    const k = `${c.speaker}\u0000${c.words}`;
    const seen = byWords.get(k);
    if (seen) groups.union(seen, c.key);
    else byWords.set(k, c.key);
  }
  const bySpeaker = new Map<string, Map<string, typeof copies>>();
  for (const c of copies) {
    const quotes = bySpeaker.get(c.speaker) ?? new Map<string, typeof copies>();
    bySpeaker.set(c.speaker, quotes);
    const g = groups.find(c.key);
    quotes.set(g, [...(quotes.get(g) ?? []), c]);
  }
  const speakers = [...bySpeaker].map(([speaker, quotes]) => {
    const speakerId = `speaker:${speaker}`;
    const quoteNodes = order([...quotes.values()].map(cs => {
      const members = sortPassages(cs.map(c => c.node), 'position');
      const first = members[0];
      const n = sourceCount(members);
      const perSource = new Map<string, number>();
      for (const m of members) perSource.set(m.uri, (perSource.get(m.uri) ?? 0) + 1);
      const repeated = Math.max(...perSource.values());
      const id = `${speakerId}/quoteGroup:${first.id}`;
      const description = `${plural(n, 'source')}${repeated > 1 ? ` · ×${repeated} in one file` : ''}`;
      const node: ModelNode = {
        id, type: 'quoteGroup', label: shorten(first.facts!.text), description,
        tooltip: `${first.facts!.text}\n\n${speaker} · carried by ${plural(n, 'source')}: ${[...perSource].map(([k, c]) => `${display(k)}${c > 1 ? ` ×${c}` : ''}`).join(', ')}`,
        uri: first.uri, path: first.path, start: first.start, end: first.end,
        command: first.command, icon: 'quote', expandable: true,
        facts: { ...first.facts!, links: members.slice(1).map(m => ({ path: m.uri, start: m.start!, end: m.end!, relation: 'variant' as const })) },
        accessibilityLabel: `Quote by ${speaker}, carried by ${plural(n, 'source')}${repeated > 1 ? `, repeated ${repeated} times in one file` : ''}: ${first.facts!.text}.`,
        children: members.map(m => ({ ...m, id: `${id}/${m.id}`, label: m.path, description: `characters ${m.start}–${m.end}`, children: [] })),
      };
      return { node, n, first };
    }), options.sort);
    const first = sortPassages(quoteNodes, 'position')[0];
    const sources = new Set(quoteNodes.flatMap(q => q.children.map(c => c.uri))).size;
    const description = `${plural(quoteNodes.length, 'quote')} · ${plural(sources, 'source')}`;
    const node: ModelNode = {
      id: speakerId, type: 'speaker', label: speaker, description, tooltip: `${speaker}\n${description}`,
      uri: first.uri, path: first.path, icon: 'person', expandable: true,
      accessibilityLabel: `Speaker ${speaker}: ${description}.`,
      children: quoteNodes,
    };
    return { node, n: sources, first };
  });
  return order(speakers, options.sort);
}

/**
 * The same claim across sources as one node, a child per source's claim. Claims
 * are grouped by their `claimGroup` when the analysis gives one, otherwise by
 * following `corroboratedBy`, `disputedBy` and `partlyCorroboratedBy` links.
 */
function claimGroupTree(results: readonly DocumentResult[], options: TreeOptions, display: (key: string) => string, passages: (r: DocumentResult) => TreeNodeData[]): ModelNode[] {
  const groups = new UnionFind();
  const all: { node: TreeNodeData; key: string }[] = [];
  for (const r of results) {
    for (const n of childNodes(r, display)) {
      if (n.type !== 'claim' || !n.facts) continue;
      const key = passageKey(r.path, n.start!, n.end!);
      if (n.facts.group) groups.union(key, `group:${n.facts.group}`);
      else for (const l of n.facts.links) if (l.relation !== 'conflict') groups.union(key, passageKey(l.path, l.start, l.end));
    }
    for (const n of passages(r)) if (n.type === 'claim') all.push({ node: n, key: passageKey(r.path, n.start!, n.end!) });
  }
  const byGroup = new Map<string, TreeNodeData[]>();
  for (const { node, key } of all) {
    const g = groups.find(key);
    byGroup.set(g, [...(byGroup.get(g) ?? []), node]);
  }
  const nodes = [...byGroup.values()].map(members => {
    const sorted = sortPassages(members, options.sort);
    const first = sortPassages(members, 'position')[0];
    const n = sourceCount(members);
    const disputed = members.some(m => m.facts?.status === 'disputed');
    const id = `claimGroup:${first.id}`;
    const state = disputed ? 'disputed' : n > 1 ? 'corroborated' : 'unique';
    const description = `${plural(n, 'source')} · ${state}`;
    const node: ModelNode = {
      id, type: 'claimGroup', label: shorten(first.facts!.text), description,
      tooltip: `${first.facts!.text}\n\n${description}: ${[...new Set(members.map(m => m.path))].join(', ')}`,
      uri: first.uri, path: first.path, start: first.start, end: first.end, command: first.command,
      icon: disputed ? 'warning' : n > 1 ? 'pass' : 'circle-outline',
      iconColor: disputed ? 'list.warningForeground' : undefined,
      expandable: true,
      facts: { ...first.facts!, links: members.filter(m => m !== first).map(m => ({ path: m.uri, start: m.start!, end: m.end!, relation: m.facts?.status === 'disputed' ? 'disputes' as const : 'corroborates' as const })) },
      accessibilityLabel: `Claim carried by ${plural(n, 'source')}, ${state}: ${first.facts!.text}.`,
      children: sorted.map(m => member(m, id)),
    };
    return { node, n, first };
  });
  return order(nodes, options.sort);
}

/** Every node of a tree, depth first. */
export function* walk(nodes: readonly ModelNode[]): Generator<ModelNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}
