/**
 * The from-scratch claim linker: every claim against every claim of a later document
 * with which it shares a key that is not frequent. The incremental `ClaimLinker`
 * (claims/links.ts) promises the same links in the same order; the unit tests hold it
 * to this reference.
 */
import { AnalysisContext } from '../../src/core/text/memo';
import { finishLinks, linkItems, resetLinks, writeLink } from '../../src/core/claims/links';
import { matchClaims } from '../../src/core/claims/match';
import type { Claim } from '../../src/core/types';

export function linkClaims(docs: ReadonlyArray<{ path: string; claims: Claim[] }>, ctx = new AnalysisContext()): void {
  const { items, frequent, weight } = linkItems(ctx, docs);
  for (const d of docs) for (const c of d.claims) resetLinks(c);
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const mine = new Set(a.keys.filter(k => !frequent.has(k)));
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j];
      if (b.doc === a.doc || !b.keys.some(k => mine.has(k))) continue;
      const m = matchClaims(a, b, weight(a.doc, b.doc));
      if (m) writeLink({ path: docs[a.doc].path, claim: a.claim }, { path: docs[b.doc].path, claim: b.claim }, m);
    }
  }
  finishLinks(docs as { path: string; claims: Claim[] }[]);
}
