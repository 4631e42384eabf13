/**
 * The Claims tree as plain data: a node per source, and under it the source's
 * claims and quotes in reading order. Ids are stable: document key plus offsets.
 */
import type { Claim, ClaimKind, ClaimLink, ClaimStatus, Quote, Span } from '../../core/types';
import { Commands } from '../ids';
import type { DocumentPassages, SourceSummary } from '../../protocol/protocol';
import { conflictsBySpeaker } from '../decorations/hover';

/** What a node of the Claims tree shows, as plain data (the test API's `TreeNodeSnapshot`). */
export interface TreeNodeFields {
  /** Stable id built from the document URI and the offsets (`uri`, `uri#claim:12-80`). */
  id: string;
  /**
   * `source` for a file; `page` for a run of a huge source's passages (`pageNodes`);
   * `claim` or `quote` for a passage; the grouped views add
   * `speaker`, `entity`, `claimGroup` (one claim across sources) and `quoteGroup`
   * (one quote across sources, under its speaker).
   */
  type: 'source' | 'page' | 'claim' | 'quote' | 'speaker' | 'entity' | 'claimGroup' | 'quoteGroup';
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
  /** What a screen reader says for the row (snapshots; the view sets it as `accessibilityInformation`). */
  accessibilityLabel?: string;
  /** A passage's status, whether it is a quote or has an attribution conflict, and how many other sources carry it (snapshots of claims and quotes). */
  status?: ClaimStatus;
  quote?: boolean;
  conflict?: boolean;
  corroboration?: number;
}

/** What a passage's node shows, apart from where the passage is. */
type PassageShown = Pick<TreeNodeData, 'label' | 'description' | 'tooltip' | 'icon' | 'iconColor' | 'accessibilityLabel' | 'facts'>;

/**
 * What passages' nodes showed, kept by the claim or quote they were made from, so
 * that a listing of the same items (moved: an edit's preview of a huge source,
 * previewTree.ts) makes only their places again. What a node shows depends on its
 * item and, for a quote claim, the quote it holds, never on offsets; a moved item
 * stands for the one it was moved from (`movedList`).
 */
export class PassageMemo {
  private readonly made = new WeakMap<object, { inner: object | undefined; shown: PassageShown; node: TreeNodeData | undefined }>();
  // (By list and index, not by item: a weak map of the thousands of copies a preview makes cost as much as the rest
  // of its listing.)
  private readonly origins = new WeakMap<readonly Span[], readonly Span[]>();

  /** Each `list[i]` is `from[i]`, moved (or itself). */
  movedList(list: readonly Span[], from: readonly Span[]): void {
    this.origins.set(list, from);
  }

  /** What each item of `list` was moved from, when `movedList` said. */
  originsOf(list: readonly Span[]): readonly Span[] | undefined {
    return this.origins.get(list);
  }

  /**
   * The node of `item`, moved from `origin` (itself when not moved), holding the
   * quote moved from `innerOrigin`: the very node made for it before when it was not
   * moved, a node at its offsets with the words shown before when it was, else one
   * made now (`show`, then `place`).
   */
  node(item: Span, origin: Span, innerOrigin: Span | undefined, show: () => PassageShown, place: (shown: PassageShown) => TreeNodeData): TreeNodeData {
    let hit = this.made.get(origin);
    if (!hit || hit.inner !== innerOrigin) this.made.set(origin, (hit = { inner: innerOrigin, shown: show(), node: undefined }));
    if (origin !== item) return place(hit.shown);
    return (hit.node ??= place(hit.shown));
  }
}

/** A node as the tree view shows it: the plain fields plus presentation hints. */
export interface TreeNodeData extends TreeNodeFields {
  /** Codicon id. */
  icon: string;
  /** Has children (sources and pages). */
  expandable: boolean;
  /** Theme colour id for the icon (disputed claims). */
  iconColor?: string;
  /** What filters, sorting, grouping and the item commands read of a passage (claims and quotes only). */
  facts?: PassageFacts;
}

/** A passage's facts, kept beside its node so that the tree can be filtered, sorted and grouped without the result. */
export interface PassageFacts {
  /** The passage's full text (a quote claim: the quoted words when it holds a quote). */
  text: string;
  status: ClaimStatus;
  /** A direct quote (a quote claim, or a quote no claim covers). */
  quote: boolean;
  /** The same words are credited to someone else in another source. */
  conflict: boolean;
  /** How many other sources carry it (corroborate, or quote the same words). */
  corroboration: number;
  speaker: string | null;
  /** Canonical names of the entities a claim mentions. */
  entities: readonly string[];
  /** The corpus-wide claim group id, when the analysis gives one. */
  group: string | null;
  /** The other passages carrying or disputing it, in other documents (keys and offsets). */
  links: readonly LinkedPassage[];
}

/** A passage of another document that a link points at. */
export interface LinkedPassage {
  path: string;
  start: number;
  end: number;
  /** corroborates, disputes, partly corroborates, same quote, or the same words from another speaker. */
  relation: 'corroborates' | 'disputes' | 'partly' | 'variant' | 'conflict';
}

/** Fields of the contract that some analyses add (issue 10: claim groups and partial corroboration). */
type ClaimExtras = { claimGroup?: string | null; partlyCorroboratedBy?: ClaimLink[] };

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
  const published = [s.source?.outlet, s.source?.date].filter(Boolean).join(', ');
  if (published) lines.splice(2, 0, `Published: ${published}${s.source?.url ? ` (${s.source.url})` : ''}`);
  return {
    id: s.key,
    type: 'source',
    label: basename(path),
    description: [...(published ? [published] : []), ...counts, ...(s.truncated ? ['partial'] : [])].join(' · '),
    tooltip: lines.join('\n'),
    uri: s.key,
    path,
    command: { command: Commands.openPassage, arguments: [s.key, 0, 0] },
    icon: 'file-text',
    expandable: s.claims + s.quotes > 0,
    accessibilityLabel: `Source ${basename(path)}: ${lines.slice(2).join('. ')}.`,
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
export function childNodes(result: DocumentPassages, display: (key: string) => string, memo?: PassageMemo): TreeNodeData[] {
  const order = passageOrder(result);
  return passageNodes(result, order, 0, order.length, display, memo);
}

/**
 * A source with more passages than this lists them in pages of `PAGE_SIZE` (as
 * VS Code's debugger lists a long array): an edit of a huge article then makes
 * again only the pages VS Code shows expanded, not thousands of rows.
 */
export const PAGED_FROM = 500;
export const PAGE_SIZE = 200;

/**
 * The passages `childNodes` lists, in its order, without making their nodes: a
 * claim as its index, a quote no quote claim covers as `~index` (negative).
 */
export function passageOrder(result: DocumentPassages): Int32Array {
  const { claims, quotes } = result;
  const covered = coverage(claims.filter(c => c.kind === 'quote'));
  const shown: number[] = [];
  for (let j = 0; j < quotes.length; j++) if (!covered(quotes[j])) shown.push(j);
  // Reading order, a claim before a quote at the same place (`inPlaceOrder`'s merge), the quotes' places mapped back
  // to their indexes among all the quotes.
  const out = mergedOrder(claims, shown.map(j => quotes[j]));
  for (let k = 0; k < out.length; k++) if (out[k] < 0) out[k] = ~shown[~out[k]];
  return out;
}

/** The nodes of the passages `order[from]` to `order[to - 1]` (`passageOrder`). */
export function passageNodes(result: DocumentPassages, order: Int32Array, from: number, to: number, display: (key: string) => string, memo?: PassageMemo): TreeNodeData[] {
  const key = result.path;
  const path = display(key);
  // A passage's node: one object literal, its fields written out (a part shared by spreading it into each node
  // doubled the cost of listing a huge source's thousands of passages).
  const passage = (type: 'claim' | 'quote', s: Span, f: PassageShown): TreeNodeData => ({
    id: `${key}#${type}:${s.start}-${s.end}`,
    type,
    uri: key,
    path,
    start: s.start,
    end: s.end,
    command: { command: Commands.openPassage, arguments: [key, s.start, s.end] },
    expandable: false,
    label: f.label,
    description: f.description,
    tooltip: f.tooltip,
    icon: f.icon,
    iconColor: f.iconColor,
    accessibilityLabel: f.accessibilityLabel,
    facts: f.facts,
  });
  const { claims, quotes } = result;
  const claimsFrom = memo?.originsOf(claims), quotesFrom = memo?.originsOf(quotes);
  const out: TreeNodeData[] = [];
  for (let k = from; k < Math.min(to, order.length); k++) {
    const x = order[k];
    if (x >= 0) {
      const c = claims[x];
      // A quote claim reads best as "Speaker: “the quoted words”".
      const j = c.kind === 'quote' ? firstQuoteWithin(quotes, c) : -1;
      const inner = j >= 0 ? quotes[j] : undefined;
      out.push(memo
        ? memo.node(c, claimsFrom?.[x] ?? c, inner && (quotesFrom?.[j] ?? inner), () => claimShown(c, inner, display), shown => passage('claim', c, shown))
        : passage('claim', c, claimShown(c, inner, display)));
    } else {
      const q = quotes[~x];
      out.push(memo
        ? memo.node(q, quotesFrom?.[~x] ?? q, undefined, () => quoteShown(q, display), shown => passage('quote', q, shown))
        : passage('quote', q, quoteShown(q, display)));
    }
  }
  return out;
}

/**
 * The pages of a source's passages (`passageOrder`), null when it has no more
 * than `PAGED_FROM`: "1–200 of 7,403", from the first passage's words.
 */
export function pageNodes(result: DocumentPassages, order: Int32Array, display: (key: string) => string): TreeNodeData[] | null {
  if (order.length <= PAGED_FROM) return null;
  const span = (x: number): Claim | Quote => (x >= 0 ? result.claims[x] : result.quotes[~x]);
  const path = display(result.path);
  const parent = { id: result.path, uri: result.path, path, label: basename(path) };
  const pages: TreeNodeData[] = [];
  for (let from = 0; from < order.length; from += PAGE_SIZE) {
    const to = Math.min(order.length, from + PAGE_SIZE);
    pages.push(pageNode(parent, from, to, order.length, span(order[from]).text, { start: span(order[from]).start, end: span(order[to - 1]).end }));
  }
  return pages;
}

/**
 * The page of a node's children `from` to `to - 1` (of `total`), its first child's
 * words as its description: "1–200 of 7,403". Its id is its parent's and its place.
 */
export function pageNode(parent: Pick<TreeNodeData, 'id' | 'uri' | 'path' | 'label'>, from: number, to: number, total: number, firstWords: string, span?: Span): TreeNodeData {
  const n = (x: number) => x.toLocaleString('en-US');
  const range = `${n(from + 1)}–${n(to)}`;
  return {
    id: `${parent.id}#page:${Math.floor(from / PAGE_SIZE)}`,
    type: 'page',
    uri: parent.uri,
    path: parent.path,
    ...(span ? { start: span.start, end: span.end } : {}),
    label: `${range} of ${n(total)}`,
    description: shorten(firstWords, 60),
    tooltip: `${parent.label}: ${range} of ${n(total)}, from “${shorten(firstWords, 120)}”`,
    icon: 'list-unordered',
    expandable: true,
    accessibilityLabel: `Page: ${range} of ${n(total)} in ${parent.label}`,
  };
}

/**
 * The index in `order` of the passage that holds an offset (the narrowest; the
 * first in reading order at a tie), -1 for none: `nodeAt` without the nodes.
 */
export function passageIndexAt(result: DocumentPassages, order: Int32Array, offset: number): number {
  let best = -1, width = Infinity;
  for (let k = 0; k < order.length; k++) {
    const x = order[k];
    const s: Span = x >= 0 ? result.claims[x] : result.quotes[~x];
    if (offset < s.start || offset > s.end || s.end - s.start >= width) continue;
    best = k;
    width = s.end - s.start;
  }
  return best;
}

/** What a claim's node shows: badge, speaker and words, its kind and status, everything in the tooltip. */
function claimShown(c: Claim, inner: Quote | undefined, display: (key: string) => string): PassageShown {
  const speaker = c.kind === 'quote' ? c.speaker ?? inner?.speaker : null;
  const words = inner ? inner.text : c.text;
  const disputed = c.status === 'disputed';
  const badge = claimBadge(c.corroboratedBy.length, c.disputedBy.length);
  const conflicts = inner ? conflictLines(inner, display) : [];
  const extra = c as Claim & ClaimExtras;
  const links: LinkedPassage[] = [
    ...c.corroboratedBy.map(l => link(l, 'corroborates')),
    ...c.disputedBy.map(l => link(l, 'disputes')),
    ...(extra.partlyCorroboratedBy ?? []).map(l => link(l, 'partly')),
    ...(inner?.attributedElsewhere ?? []).map(l => link(l, 'conflict')),
  ];
  return {
    label: shorten(badge + speakerPrefix(speaker) + words),
    description: (conflicts.length ? 'attribution conflict · ' : '') + claimDescription(c),
    tooltip: [claimTooltip(c, display), ...conflicts].join('\n'),
    icon: disputed ? 'warning' : CLAIM_ICONS[c.kind] ?? 'note',
    iconColor: disputed ? 'list.warningForeground' : undefined,
    accessibilityLabel: `${disputed ? 'Disputed ' : ''}${KIND_NAMES[c.kind] ?? c.kind}${c.speaker ? ` by ${c.speaker}` : ''}: ${c.text}. ${c.corroboratedBy.length} corroborating, ${c.disputedBy.length} disputing.${conflicts.length ? ` Attribution conflict: ${conflicts.join('; ').replace(/⚠ /g, '')}.` : ''}`,
    facts: {
      text: c.kind === 'quote' && inner ? inner.text : c.text,
      status: c.status,
      quote: c.kind === 'quote',
      conflict: conflicts.length > 0,
      corroboration: c.corroboratedBy.length,
      speaker: speaker ?? c.speaker ?? null,
      entities: c.entities,
      group: extra.claimGroup ?? null,
      links,
    },
  };
}

/** What a quote's node shows (a quote no quote claim holds). */
function quoteShown(q: Quote, display: (key: string) => string): PassageShown {
  return {
    label: shorten(quoteBadge(q) + speakerPrefix(q.speaker ?? 'speaker unknown') + q.text),
    description: `${q.attributedElsewhere?.length ? 'attribution conflict · ' : ''}quote · ${q.variants.length ? plural(q.variants.length, 'other source') : 'only here'}`,
    tooltip: quoteTooltip(q, display),
    icon: 'quote',
    accessibilityLabel: `Quote by ${q.speaker ?? 'an unknown speaker'}: ${q.text}. ${plural(q.variants.length, 'other source')}.${q.attributedElsewhere?.length ? ` Attribution conflict: ${conflictLines(q, display).join('; ').replace(/⚠ /g, '')}.` : ''}`,
    facts: quoteFacts(q),
  };
}

// (A huge article has thousands of claims and quotes: each is met by a binary search over the other list, in text
// order as the contract gives every list, not by a scan of it.)

/**
 * Two lists, each in place order (by start, then end), as one: `a`'s item first
 * where both have one at the same place. A merge, as the contract's lists come in
 * text order; sorted when either is out of order.
 */
export function inPlaceOrder<T extends Span>(a: T[], b: T[]): T[] {
  if (!b.length && inOrder(a)) return a;
  const order = mergedOrder(a, b);
  const out: T[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = order[k] >= 0 ? a[order[k]] : b[~order[k]];
  return out;
}

/**
 * `inPlaceOrder` as places: `a`'s index `i` as `i`, `b`'s index `j` as `~j`. A merge
 * when both lists are in place order, else a stable sort of both (`a`'s item
 * first at a tie).
 */
function mergedOrder(a: readonly Span[], b: readonly Span[]): Int32Array {
  const out = new Int32Array(a.length + b.length);
  if (!inOrder(a) || !inOrder(b)) {
    const at = (x: number): Span => (x >= 0 ? a[x] : b[~x]);
    const all = [...a.keys(), ...[...b.keys()].map(j => ~j)];
    all.sort((x, y) => at(x).start - at(y).start || at(x).end - at(y).end);
    out.set(all);
    return out;
  }
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i].start < b[j].start || (a[i].start === b[j].start && a[i].end <= b[j].end) ? i++ : ~j++;
  while (i < a.length) out[k++] = i++;
  while (j < b.length) out[k++] = ~j++;
  return out;
}

/** Each item strictly after the one before it (start, then end). */
function inOrder(xs: readonly Span[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i].start < xs[i - 1].start || (xs[i].start === xs[i - 1].start && xs[i].end <= xs[i - 1].end)) return false;
  return true;
}

/** The index of the first quote, in text order, that lies within `c`; -1 for none. */
function firstQuoteWithin(quotes: readonly Quote[], c: Span): number {
  let lo = 0, hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].start < c.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < quotes.length && quotes[i].start < c.end; i++) if (quotes[i].end <= c.end) return i;
  return -1;
}

/** Whether one of `spans` (in text order) holds a span. */
function coverage(spans: readonly Span[]): (s: Span) => boolean {
  // The furthest end among the spans that start at or before each one.
  const reach: number[] = [];
  for (let i = 0, max = -1; i < spans.length; i++) reach.push((max = Math.max(max, spans[i].end)));
  return s => {
    let lo = 0, hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= s.end;
  };
}

function link(l: { path: string; start: number; end: number }, relation: LinkedPassage['relation']): LinkedPassage {
  return { path: l.path, start: l.start, end: l.end, relation };
}

/** The facts of a quote that no claim covers: carried elsewhere when another source has its words. */
export function quoteFacts(q: Quote): PassageFacts {
  return {
    text: q.text,
    status: q.variants.length ? 'corroborated' : 'unique',
    quote: true,
    conflict: (q.attributedElsewhere?.length ?? 0) > 0,
    corroboration: q.variants.length,
    speaker: q.speaker,
    entities: [],
    group: q.quoteGroup ?? null,
    links: [...q.variants.map(v => link(v, 'variant')), ...(q.attributedElsewhere ?? []).map(l => link(l, 'conflict'))],
  };
}

/**
 * "“quoted words” — Speaker, news/a.txt, characters 120–168": a passage as a
 * checker pastes it into notes (quote, speaker, source, UTF-16 offsets).
 */
export function citation(node: Pick<TreeNodeData, 'path' | 'start' | 'end' | 'facts'>): string {
  const f = node.facts;
  if (!f || node.start === undefined || node.end === undefined) return node.path;
  const words = f.text.replace(/\s+/g, ' ').trim();
  const quoted = /^[“"‘']/.test(words) ? words : `“${words}”`;
  const who = f.speaker ? ` — ${f.speaker}` : '';
  return `${quoted}${who}, ${node.path}, characters ${node.start}–${node.end}`;
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
