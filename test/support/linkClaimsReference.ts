/**
 * The from-scratch claim linker: every claim against every later document's claims
 * that share at least two content words. The incremental `ClaimLinker` (claimLinks.ts)
 * promises the same links in the same order; the unit tests hold it to this reference.
 */
import { AnalysisContext } from '../../src/core/text/memo';
import { claimStatus, claimWordIds, compareClaims, linkWordCap } from '../../src/core/claims/claims';
import type { Claim, ClaimLink } from '../../src/core/types';

export function linkClaims(docs: ReadonlyArray<{ path: string; claims: Claim[] }>, ctx = new AnalysisContext()): void {
  type Item = { path: string; claim: Claim; words: Int32Array; id: number };
  const items: Item[] = [];
  const postings: (number[] | undefined)[] = []; // by word id
  for (const d of docs) {
    for (const c of d.claims) {
      c.corroboratedBy = [];
      c.disputedBy = [];
      const id = items.length;
      const words = claimWordIds(ctx, c.text);
      items.push({ path: d.path, claim: c, words, id });
      for (const w of words) {
        const p = postings[w];
        if (p) p.push(id); else postings[w] = [id];
      }
    }
  }
  const maxPosting = linkWordCap(docs.length);
  // A document's claims have consecutive ids: links go to ids past the end of a's document.
  const docEnd = new Int32Array(items.length);
  for (let k = items.length - 1; k >= 0; k--) docEnd[k] = k + 1 < items.length && items[k + 1].path === items[k].path ? docEnd[k + 1] : k + 1;
  // Shared words per candidate, and the candidates in the order first met.
  const count = new Int32Array(items.length);
  const touched: number[] = [];
  for (const a of items) {
    const from = docEnd[a.id];
    if (from === items.length) continue; // the last document's claims were linked from the others' side
    touched.length = 0;
    for (const w of a.words) {
      const p = postings[w]!;
      if (p.length > maxPosting || p[p.length - 1] < from) continue;
      let lo = 0, hi = p.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (p[mid] < from) lo = mid + 1; else hi = mid; }
      for (let k = lo; k < p.length; k++) if (count[p[k]]++ === 0) touched.push(p[k]);
    }
    for (const id of touched) {
      const n = count[id];
      count[id] = 0;
      if (n < 2) continue;
      const b = items[id];
      const link = compareClaims(a, b, n);
      if (!link) continue;
      const sim = Math.round(link.similarity * 100) / 100;
      const toB: ClaimLink = { path: b.path, start: b.claim.start, end: b.claim.end, similarity: sim };
      const toA: ClaimLink = { path: a.path, start: a.claim.start, end: a.claim.end, similarity: sim };
      if (link.reason) {
        toB.reason = toA.reason = link.reason;
        a.claim.disputedBy.push(toB);
        b.claim.disputedBy.push(toA);
      } else {
        a.claim.corroboratedBy.push(toB);
        b.claim.corroboratedBy.push(toA);
      }
    }
  }
  for (const it of items) it.claim.status = claimStatus(it.claim);
}
