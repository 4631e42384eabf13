/**
 * The from-scratch claim linker: every claim against every claim of a later document
 * that is a candidate (`isCandidate`: enough shared keys that are not frequent, one of
 * them held by at most `CLAIM_KEY_CAP` claims, found through the keys' postings). The incremental `ClaimLinker` (claims/links.ts) promises the same
 * links in the same order; the unit tests hold it to this reference.
 */
import { AnalysisContext } from '../../src/core/text/memo';
import { CLAIM_KEY_CAP, finishLinks, isCandidate, linkItems, resetLinks, writeLink } from '../../src/core/claims/links';
import { matchClaims } from '../../src/core/claims/match';
import type { Claim } from '../../src/core/types';

export function linkClaims(docs: ReadonlyArray<{ path: string; claims: Claim[] }>, ctx = new AnalysisContext()): void {
  const { items, frequent, postings, weight, isName } = linkItems(ctx, docs);
  for (const d of docs) for (const c of d.claims) resetLinks(c);
  const shared = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const met: number[] = [];
    for (const k of a.keys) if (!frequent[k] && postings[k].length <= CLAIM_KEY_CAP) for (const j of postings[k]) if (j > i && shared[j]++ === 0) met.push(j);
    met.sort((x, y) => x - y);
    for (const j of met) {
      const b = items[j];
      shared[j] = 0;
      let n = 0;
      for (const k of a.keys) if (!frequent[k] && b.keys.includes(k)) n++;
      if (b.doc === a.doc || !isCandidate(n, a, b)) continue;
      const m = matchClaims(a, b, weight(a.doc, b.doc), isName);
      if (m) writeLink({ path: docs[a.doc].path, claim: a.claim }, { path: docs[b.doc].path, claim: b.claim }, m);
    }
  }
  finishLinks(docs as { path: string; claims: Claim[] }[]);
}
