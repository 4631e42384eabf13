/**
 * Where the keyboard commands move to, as plain data: the next or previous
 * passage of a kind from an offset, and the other copy of the passage under it.
 * No `vscode` here (unit-tested); Navigator moves the editor.
 */
import type { DocumentResult, Span } from '../../core/types';

export type NavigationKind = 'quote' | 'duplicate' | 'unique' | 'disputed';

/** The passages a command steps through, sorted and without repeats. */
export function targetsOf(result: DocumentResult, kind: NavigationKind): Span[] {
  const spans: Span[] =
    kind === 'quote' ? result.quotes
    : kind === 'duplicate' ? result.duplicates
    : result.claims.filter(c => c.status === kind);
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const k = `${s.start}-${s.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * The next passage starting after `offset` (forward), or the last one starting
 * before it (backward); past the end it wraps round. Undefined when there is none.
 */
export function step(spans: readonly Span[], offset: number, forward: boolean): { span: Span; wrapped: boolean } | undefined {
  if (!spans.length) return undefined;
  if (forward) {
    const next = spans.find(s => s.start > offset);
    return next ? { span: next, wrapped: false } : { span: spans[0], wrapped: true };
  }
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i].start < offset) return { span: spans[i], wrapped: false };
  return { span: spans[spans.length - 1], wrapped: true };
}

/** A passage in some document (its key) that carries the same text. */
export interface Copy extends Span {
  path: string;
  /** What links the two: a repeated or shared passage, the same quote, the same claim. */
  via: 'repeat' | 'shared' | 'quote' | 'claim';
}

const holds = (s: Span, offset: number) => s.start <= offset && offset < s.end;
const narrowest = <T extends Span>(xs: T[]) => xs.sort((a, b) => a.end - a.start - (b.end - b.start))[0];

/**
 * The other copies of the passage at `offset`: of the innermost duplicated
 * passage (its other copy first), else of the quote (same quote in other sources,
 * then the same words from another speaker), else of the claim (corroborating,
 * then disputing sources).
 */
export function otherCopies(result: DocumentResult, offset: number): Copy[] {
  return copiesAt(result, offset).copies;
}

/** The passage at `offset` that `otherCopies` goes by (undefined when none), and its copies. */
export function copiesAt(result: DocumentResult, offset: number): { here: Span | undefined; copies: Copy[] } {
  const dups = result.duplicates.filter(d => holds(d, offset));
  if (dups.length) {
    const inner = narrowest([...dups]);
    const same = dups.filter(d => d.start === inner.start && d.end === inner.end);
    return { here: inner, copies: same.map(d => ({ path: d.kind === 'repeat' ? result.path : d.other.path, start: d.other.start, end: d.other.end, via: d.kind })) };
  }
  const quote = narrowest(result.quotes.filter(q => holds(q, offset)));
  if (quote && (quote.variants.length || quote.attributedElsewhere?.length)) {
    return { here: quote, copies: [...quote.variants, ...(quote.attributedElsewhere ?? [])].map(v => ({ path: v.path, start: v.start, end: v.end, via: 'quote' as const })) };
  }
  const claim = narrowest(result.claims.filter(c => holds(c, offset)));
  if (claim) return { here: claim, copies: [...claim.corroboratedBy, ...claim.disputedBy].map(l => ({ path: l.path, start: l.start, end: l.end, via: 'claim' as const })) };
  return { here: undefined, copies: [] };
}

/**
 * Which copy to go to: the first, or, when the passage at the cursor was reached
 * from one of them (`cameFrom`), the one after it, so that pressing the key again
 * walks through every copy.
 */
export function pickCopy(copies: readonly Copy[], cameFrom: { path: string; start: number } | undefined): Copy | undefined {
  if (!copies.length) return undefined;
  const i = cameFrom ? copies.findIndex(c => c.path === cameFrom.path && c.start === cameFrom.start) : -1;
  return copies[(i + 1) % copies.length];
}
