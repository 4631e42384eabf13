/**
 * src/report/ builds the report an editor reads, once for the CLI
 * (`--format markdown|html`) and the extension ("Export Report"): this module
 * turns an analysis (the JSON contract) into the report's content; markdown.ts
 * and html.ts only write it out. No `vscode`, no file system.
 *
 * Content: the claims carried by several sources as a claims × sources matrix
 * (carries, disputes, partly carries), quotes by speaker (each quote once, with
 * the sources carrying it; a repeat inside one file counted once and marked
 * "×2"), attribution conflicts, shared passages with the share of each source
 * they take up, and per source what only it carries and what it repeats.
 */
import type { AnalysisOutput, Claim, ClaimLink, DocumentResult, Skipped } from '../core/types';
import { UnionFind } from './unionFind';

/** Fields of the contract that some analyses add (claim groups, partial corroboration). */
type ClaimExtras = { claimGroup?: string | null; partlyCorroboratedBy?: ClaimLink[] };

/** What a source does with a claim in the matrix. */
export type Carriage = 'carries' | 'disputed' | 'partial';

export interface ReportSource {
  path: string;
  title: string | null;
  length: number;
  quotes: number;
  claims: number;
  /** Characters of the source repeated inside it (the later copies), as a share of its length. */
  repeatedShare: number;
  partial: string | null;
}

/** One claim as several sources carry it: a row of the matrix. */
export interface ClaimRow {
  /** The wording of the first source that carries it (path order). */
  text: string;
  kind: Claim['kind'];
  /** By source path: how it carries the claim, and its own wording. */
  cells: Map<string, { carriage: Carriage; text: string }>;
  /** Disputed when any two sources differ on it (a number, a date, a negation). */
  disputed: boolean;
}

export interface QuoteEntry {
  /** The words as the first source has them. */
  text: string;
  /** By source path: how many times the source has the quote (2 or more: repeated inside the file). */
  sources: Map<string, number>;
  /** The sources whose words differ from the first source's (reworded). */
  rewordedIn: Set<string>;
}

export interface SpeakerEntry {
  speaker: string;
  quotes: QuoteEntry[];
}

/** The same words credited to different speakers. */
export interface ConflictEntry {
  text: string;
  /** Who says them where: speaker → source paths. */
  speakers: Map<string, string[]>;
}

/** Text two sources share: how much of each it takes up. */
export interface SharedPair {
  a: string;
  b: string;
  /** Shared characters of `a` (with `b`) as a share of `a`'s length, and the same for `b`. */
  shareOfA: number;
  shareOfB: number;
  passages: number;
  /** The most frequent label among the passages (verbatim, edited, reworded). */
  label: string;
  /** The source that published first (`a` or `b`), from the passages' `direction`; null when the dates are equal or unknown. */
  first: string | null;
}

export interface Report {
  sources: ReportSource[];
  /** Claims carried by two or more sources, most sources first. */
  shared: ClaimRow[];
  /** Per source path, the claims no other source carries. */
  unique: Map<string, { text: string; kind: Claim['kind'] }[]>;
  speakers: SpeakerEntry[];
  conflicts: ConflictEntry[];
  pairs: SharedPair[];
  skipped: Skipped[];
}

const passageKey = (path: string, start: number, end: number) => `${path}\u0000${start}\u0000${end}`;
const flatWords = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Builds the report's content from an analysis. Paths are shown as they are in `out`. */
export function buildReport(out: AnalysisOutput): Report {
  const docs = [...out.documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const order = new Map(docs.map((d, i) => [d.path, i]));
  return {
    sources: docs.map(sourceOf),
    ...claimRows(docs, order),
    speakers: speakers(docs, order),
    conflicts: conflicts(docs),
    pairs: sharedPairs(docs),
    skipped: out.skipped,
  };
}

/** Length of the union of spans. */
function covered(spans: { start: number; end: number }[]): number {
  let total = 0, reach = -1;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const from = Math.max(s.start, reach);
    if (s.end > from) total += s.end - from;
    reach = Math.max(reach, s.end);
  }
  return total;
}

function sourceOf(d: DocumentResult): ReportSource {
  // A repeat is listed at both copies: the later copy is the repetition.
  const later = d.duplicates.filter(x => x.kind === 'repeat' && x.start > x.other.start);
  return {
    path: d.path,
    title: d.title,
    length: d.length,
    quotes: d.quotes.length,
    claims: d.claims.length,
    repeatedShare: d.length ? covered(later) / d.length : 0,
    partial: d.truncated?.reason ?? null,
  };
}

function claimRows(docs: readonly DocumentResult[], order: Map<string, number>): Pick<Report, 'shared' | 'unique'> {
  const groups = new UnionFind();
  const all: { doc: DocumentResult; claim: Claim & ClaimExtras; key: string }[] = [];
  const known = new Set<string>();
  for (const d of docs) for (const c of d.claims) known.add(passageKey(d.path, c.start, c.end));
  for (const doc of docs) {
    for (const c of doc.claims as (Claim & ClaimExtras)[]) {
      const key = passageKey(doc.path, c.start, c.end);
      all.push({ doc, claim: c, key });
      if (c.claimGroup) groups.union(key, `group\u0000${c.claimGroup}`);
      else {
        for (const l of [...c.corroboratedBy, ...c.disputedBy, ...(c.partlyCorroboratedBy ?? [])]) {
          const other = passageKey(l.path, l.start, l.end);
          if (known.has(other)) groups.union(key, other);
        }
      }
    }
  }
  const byGroup = new Map<string, typeof all>();
  for (const x of all) {
    const g = groups.find(x.key);
    const list = byGroup.get(g);
    if (list) list.push(x);
    else byGroup.set(g, [x]);
  }
  const shared: ClaimRow[] = [];
  const unique = new Map<string, { text: string; kind: Claim['kind'] }[]>(docs.map(d => [d.path, []]));
  for (const members of byGroup.values()) {
    const paths = new Set(members.map(m => m.doc.path));
    if (paths.size < 2) {
      for (const m of members) unique.get(m.doc.path)!.push({ text: m.claim.text, kind: m.claim.kind });
      continue;
    }
    const cells = new Map<string, { carriage: Carriage; text: string }>();
    let disputed = false;
    for (const m of members) {
      const inGroup = (l: ClaimLink) => paths.has(l.path);
      const carriage: Carriage = m.claim.disputedBy.some(inGroup) ? 'disputed'
        : (m.claim.partlyCorroboratedBy ?? []).some(inGroup) && !m.claim.corroboratedBy.some(inGroup) ? 'partial'
        : 'carries';
      if (carriage === 'disputed') disputed = true;
      const had = cells.get(m.doc.path);
      // A source with two claims of the group: a dispute shows over agreement.
      if (!had || (had.carriage !== 'disputed' && carriage === 'disputed')) cells.set(m.doc.path, { carriage, text: m.claim.text });
    }
    const first = members[0];
    shared.push({ text: first.claim.text, kind: first.claim.kind, cells, disputed });
  }
  const firstSource = (r: ClaimRow) => Math.min(...[...r.cells.keys()].map(p => order.get(p) ?? 0));
  shared.sort((a, b) => b.cells.size - a.cells.size || Number(b.disputed) - Number(a.disputed) || firstSource(a) - firstSource(b) || (a.text < b.text ? -1 : 1));
  return { shared, unique };
}

/**
 * Quotes by speaker: a quote's copies (the same words in other sources, linked
 * as variants, or the same words again in one file) are one entry.
 */
function speakers(docs: readonly DocumentResult[], order: Map<string, number>): SpeakerEntry[] {
  const groups = new UnionFind();
  const copies: { speaker: string; path: string; text: string; key: string }[] = [];
  for (const d of docs) {
    for (const q of d.quotes) {
      const speaker = q.speaker ?? 'Speaker unknown';
      const key = passageKey(d.path, q.start, q.end);
      copies.push({ speaker, path: d.path, text: q.text, key });
      for (const v of q.variants) groups.union(key, passageKey(v.path, v.start, v.end));
      const words = `${speaker}\u0000${flatWords(q.text)}`;
      groups.union(key, `words\u0000${words}`);
    }
  }
  const bySpeaker = new Map<string, Map<string, typeof copies>>();
  for (const c of copies) {
    let quotes = bySpeaker.get(c.speaker);
    if (!quotes) bySpeaker.set(c.speaker, (quotes = new Map()));
    const g = groups.find(c.key);
    const list = quotes.get(g);
    if (list) list.push(c);
    else quotes.set(g, [c]);
  }
  const entries: SpeakerEntry[] = [];
  for (const [speaker, quotes] of bySpeaker) {
    const list: QuoteEntry[] = [];
    for (const cs of quotes.values()) {
      const sorted = [...cs].sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
      const sources = new Map<string, number>();
      for (const c of sorted) sources.set(c.path, (sources.get(c.path) ?? 0) + 1);
      const words = flatWords(sorted[0].text);
      list.push({ text: sorted[0].text, sources, rewordedIn: new Set(sorted.filter(c => flatWords(c.text) !== words).map(c => c.path)) });
    }
    list.sort((a, b) => b.sources.size - a.sources.size || (order.get([...a.sources.keys()][0]) ?? 0) - (order.get([...b.sources.keys()][0]) ?? 0));
    entries.push({ speaker, quotes: list });
  }
  const reach = (e: SpeakerEntry) => new Set(e.quotes.flatMap(q => [...q.sources.keys()])).size;
  // Named speakers first, the most widely quoted first; "Speaker unknown" last.
  entries.sort((a, b) => Number(a.speaker === 'Speaker unknown') - Number(b.speaker === 'Speaker unknown') || reach(b) - reach(a) || b.quotes.length - a.quotes.length || (a.speaker < b.speaker ? -1 : 1));
  return entries;
}

/** The same words credited to different speakers, one entry per set of words. */
function conflicts(docs: readonly DocumentResult[]): ConflictEntry[] {
  const groups = new UnionFind();
  const involved: { key: string; text: string; speaker: string; path: string }[] = [];
  for (const d of docs) {
    for (const q of d.quotes) {
      if (!q.attributedElsewhere?.length) continue;
      const key = passageKey(d.path, q.start, q.end);
      involved.push({ key, text: q.text, speaker: q.speaker ?? 'Speaker unknown', path: d.path });
      for (const o of q.attributedElsewhere) groups.union(key, passageKey(o.path, o.start, o.end));
    }
  }
  const byGroup = new Map<string, typeof involved>();
  for (const x of involved) {
    const g = groups.find(x.key);
    byGroup.set(g, [...(byGroup.get(g) ?? []), x]);
  }
  return [...byGroup.values()].map(xs => {
    const speakers = new Map<string, string[]>();
    for (const x of xs) {
      const list = speakers.get(x.speaker) ?? [];
      if (!list.includes(x.path)) list.push(x.path);
      speakers.set(x.speaker, list);
    }
    return { text: xs[0].text, speakers };
  });
}

/** Pairs of sources sharing text, the largest share first. */
function sharedPairs(docs: readonly DocumentResult[]): SharedPair[] {
  const length = new Map(docs.map(d => [d.path, d.length]));
  const spans = new Map<string, { a: { start: number; end: number }[]; b: { start: number; end: number }[]; labels: string[]; first: string | null }>();
  for (const d of docs) {
    for (const x of d.duplicates) {
      if (x.kind !== 'shared' || x.boilerplate || !length.has(x.other.path)) continue;
      const [a, b] = d.path < x.other.path ? [d.path, x.other.path] : [x.other.path, d.path];
      const key = `${a}\u0000${b}`;
      let e = spans.get(key);
      if (!e) spans.set(key, (e = { a: [], b: [], labels: [], first: null }));
      if (x.direction) e.first = x.direction === 'earlier' ? d.path : x.other.path;
      // Each passage is listed from both ends (mirrored): take each end from its own document.
      if (d.path === a) {
        e.a.push({ start: x.start, end: x.end });
        e.labels.push(x.label);
      } else e.b.push({ start: x.start, end: x.end });
    }
  }
  const pairs: SharedPair[] = [];
  for (const [key, e] of spans) {
    const [a, b] = key.split('\u0000');
    const counts = new Map<string, number>();
    for (const l of e.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    const label = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'reworded';
    pairs.push({
      a, b,
      shareOfA: length.get(a) ? covered(e.a) / length.get(a)! : 0,
      shareOfB: length.get(b) ? covered(e.b) / length.get(b)! : 0,
      passages: Math.max(e.a.length, e.b.length),
      label,
      first: e.first,
    });
  }
  return pairs.sort((x, y) => Math.max(y.shareOfA, y.shareOfB) - Math.max(x.shareOfA, x.shareOfB) || (x.a + x.b < y.a + y.b ? -1 : 1));
}

/** A share as a whole percentage ("37%"; "<1%" for a small non-zero one). */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** A file's name: the last part of its path. */
export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1) || p;
}

/**
 * The same analysis with every document path (documents, links, duplicates)
 * written as `display` gives it: the extension's index keys documents by URI,
 * the report shows workspace-relative paths.
 */
export function relabel(out: AnalysisOutput, display: (path: string) => string): AnalysisOutput {
  const link = <T extends { path: string }>(l: T): T => ({ ...l, path: display(l.path) });
  return {
    ...out,
    documents: out.documents.map(d => ({
      ...d,
      path: display(d.path),
      quotes: d.quotes.map(q => ({ ...q, variants: q.variants.map(link), ...(q.attributedElsewhere ? { attributedElsewhere: q.attributedElsewhere.map(link) } : {}) })),
      duplicates: d.duplicates.map(x => ({ ...x, other: link(x.other) })),
      claims: d.claims.map(c => {
        const extra = c as Claim & ClaimExtras;
        return { ...c, corroboratedBy: c.corroboratedBy.map(link), disputedBy: c.disputedBy.map(link), ...(extra.partlyCorroboratedBy ? { partlyCorroboratedBy: extra.partlyCorroboratedBy.map(link) } : {}) };
      }),
    })),
    skipped: out.skipped.map(link),
  };
}
