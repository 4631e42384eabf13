/**
 * The from-scratch claim linker: every claim against every claim of a later document
 * that is a candidate (`isCandidate`: enough shared keys that are not frequent, one of
 * them held by at most `CLAIM_KEY_CAP` claims, found through the keys' postings; or the same words, `verbatimWorthy`). The incremental `ClaimLinker` (claims/links.ts) promises the same
 * links in the same order; the unit tests hold it to this reference.
 */
import { AnalysisContext } from '../../src/core/text/memo';
import { type AlignedPassage, alignedClaims, alignedWeight, CLAIM_KEY_CAP, finishLinks, isCandidate, linkItems, type PairLink, pairLink, resetLinks, standingLinks, writeLink } from '../../src/core/claims/links';
import { matchClaims, verbatimWorthy } from '../../src/core/claims/match';
import type { Claim } from '../../src/core/types';

export function linkClaims(docs: ReadonlyArray<{ path: string; claims: Claim[]; passages?: readonly AlignedPassage[] }>, ctx = new AnalysisContext()): void {
  const { items, frequent, postings, weight, isName } = linkItems(ctx, docs);
  // Pairs of claims in passages the documents share (`alignedClaims`, from either document's list), as "doc:index doc:index".
  const aligned = new Set<string>();
  docs.forEach((d, x) => {
    for (const p of d.passages ?? []) {
      const y = docs.findIndex(e => e.path === p.other.path);
      if (y < 0 || y === x) continue;
      alignedClaims(d.claims, p, docs[y].claims, (i, j) => { aligned.add(`${x}:${i} ${y}:${j}`); aligned.add(`${y}:${j} ${x}:${i}`); });
    }
  });
  for (const d of docs) for (const c of d.claims) resetLinks(c);
  const shared = new Int32Array(items.length);
  const pairs = new Map<string, { lo: number; hi: number; links: PairLink[] }>();
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const met: number[] = [];
    for (const k of a.keys) if (!frequent[k] && postings[k].length <= CLAIM_KEY_CAP) for (const j of postings[k]) if (j > i && shared[j]++ === 0) met.push(j);
    // Word-for-word copies, long enough (`verbatimWorthy`): candidates whatever their keys.
    const twin = (b: typeof a) => verbatimWorthy(a.claim.text) && b.claim.text === a.claim.text;
    for (let j = i + 1; j < items.length; j++) if (twin(items[j]) && shared[j]++ === 0) met.push(j);
    const isAligned = (b: typeof a) => aligned.has(`${a.doc}:${a.index} ${b.doc}:${b.index}`);
    for (let j = i + 1; j < items.length; j++) if (isAligned(items[j]) && shared[j]++ === 0) met.push(j);
    met.sort((x, y) => x - y);
    for (const j of met) {
      const b = items[j];
      shared[j] = 0;
      // (A pair of aligned claims counts every key they share, however common.)
      const byPassage = !twin(b) && isAligned(b);
      let n = 0;
      for (const k of a.keys) if ((byPassage || !frequent[k]) && b.keys.includes(k)) n++;
      if (b.doc === a.doc || (!twin(b) && !isCandidate(n, a, b))) continue;
      const m = matchClaims(a, b, byPassage ? alignedWeight(weight(a.doc, b.doc)) : weight(a.doc, b.doc), isName);
      if (!m) continue;
      const key = `${a.doc} ${b.doc}`;
      let pair = pairs.get(key);
      if (!pair) pairs.set(key, (pair = { lo: a.doc, hi: b.doc, links: [] }));
      pair.links.push(pairLink(a, b, m));
    }
  }
  // A pair of documents' links stand together or not (`standingLinks`: weak links only between documents a link not weak ties).
  for (const { lo, hi, links } of pairs.values()) {
    for (const pl of standingLinks(links)) writeLink(docs[lo].path, docs[lo].claims[pl.lo], docs[hi].path, docs[hi].claims[pl.hi], pl);
  }
  finishLinks(docs as { path: string; claims: Claim[] }[]);
}
