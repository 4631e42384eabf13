/**
 * Results with their claim and quote group ids renamed in the order each group's
 * first member comes (`c1`, `c2`…, `q1`…): an edited corpus keeps a group's id while
 * the group stands, so its ids need not be the ones a corpus built from scratch
 * numbers in order; with ids renamed, two results compare the partition (which
 * claims, which quotes share a group), not the names. The input is not written to.
 */
import type { DocumentResult } from '../../src/core/types';

export function canonicalGroups(results: readonly DocumentResult[]): DocumentResult[] {
  const claims = new Map<string, string>(), quotes = new Map<string, string>();
  const rename = (names: Map<string, string>, letter: string, id: string | null | undefined) => {
    if (!id) return id;
    let n = names.get(id);
    if (!n) names.set(id, (n = `${letter}${names.size + 1}`));
    return n;
  };
  return results.map(r => ({
    ...r,
    claims: r.claims.map(c => ('claimGroup' in c ? { ...c, claimGroup: rename(claims, 'c', c.claimGroup) } : c)),
    quotes: r.quotes.map(q => ('quoteGroup' in q ? { ...q, quoteGroup: rename(quotes, 'q', q.quoteGroup) } : q)),
  }));
}
