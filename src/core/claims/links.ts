/**
 * Claim links across documents kept up to date one document at a time: the same
 * links, in the same order, as the from-scratch linker the unit tests keep as a reference
 * (test/support/linkClaimsReference.ts) computes.
 *
 * A link between two claims depends on the two claims and on which words are too
 * common to count (posting lists longer than `linkWordCap`). While that set of
 * words, the documents' order and the number of documents stay the same, the links
 * of a pair of unchanged documents stay the same too: after an edit only the links
 * of the changed document are looked up again. Each claim's lists are then put
 * together in the reference's order: links from claims of earlier documents by their
 * position, then links to later documents in the order their first shared word comes
 * in the claim's own words.
 */
import type { AnalysisContext } from '../text/memo';
import { claimStatus, claimWordIds, compareClaims, linkWordCap } from './claims';
import type { Claim, ClaimLink } from '../types';

/** A link between claim `lo` of an earlier document and claim `hi` of a later one (indexes within each document). */
interface PairLink { lo: number; hi: number; similarity: number; reason?: string; firstWord: number }

export interface LinkDoc {
  path: string;
  claims: Claim[];
  /** The same key as last time means the same claims (texts, kinds, speakers, entities, numbers). */
  key: unknown;
}

export class ClaimLinker {
  constructor(private readonly ctx: AnalysisContext) {}
  private order: string[] = [];
  private keys = new Map<string, unknown>();
  private saturated = '';
  private cap = -1;
  /** Links by pair of documents: `earlier path \0 later path`. */
  private pairs = new Map<string, PairLink[]>();

  /** Fills every claim's `corroboratedBy`, `disputedBy` and `status`. */
  link(docs: readonly LinkDoc[]): void {
    interface Item { doc: number; index: number; claim: Claim; words: Int32Array }
    const items: Item[] = [];
    const docStart: number[] = [];
    let nWords = 0;
    for (let d = 0; d < docs.length; d++) {
      docStart.push(items.length);
      docs[d].claims.forEach((claim, index) => {
        const words = claimWordIds(this.ctx, claim.text);
        for (const w of words) if (w >= nWords) nWords = w + 1;
        items.push({ doc: d, index, claim, words });
      });
    }
    docStart.push(items.length);
    const postings: (number[] | undefined)[] = new Array(nWords);
    for (let id = 0; id < items.length; id++) {
      for (const w of items[id].words) {
        const p = postings[w];
        if (p) p.push(id); else postings[w] = [id];
      }
    }
    const cap = linkWordCap(docs.length);
    const sat = new Uint8Array(nWords);
    const satList: number[] = [];
    for (let w = 0; w < nWords; w++) if ((postings[w]?.length ?? 0) > cap) { sat[w] = 1; satList.push(w); }
    const saturated = satList.join(',');
    const paths = docs.map(d => d.path);
    const docIndex = new Map(paths.map((p, k) => [p, k]));

    // What changed since last time: everything, or the documents whose claims did.
    const all = cap !== this.cap || saturated !== this.saturated || paths.length !== this.order.length || paths.some((p, k) => p !== this.order[k]);
    const changed = new Uint8Array(docs.length);
    docs.forEach((d, k) => { if (all || this.keys.get(d.path) !== d.key) changed[k] = 1; });
    if (all) this.pairs.clear();
    else {
      for (const pairKey of [...this.pairs.keys()]) {
        const [x, y] = pairKey.split('\u0000');
        if (changed[docIndex.get(x)!] || changed[docIndex.get(y)!]) this.pairs.delete(pairKey);
      }
    }
    this.order = paths;
    this.cap = cap;
    this.saturated = saturated;
    this.keys = new Map(docs.map(d => [d.path, d.key]));

    // Look the changed documents' claims up; a pair of two changed documents is looked up once, from the earlier one.
    const count = new Int32Array(items.length);
    const touched: number[] = [];
    for (let d = 0; d < docs.length; d++) {
      if (!changed[d]) continue;
      for (let id = docStart[d]; id < docStart[d + 1]; id++) {
        const a = items[id];
        touched.length = 0;
        for (const w of a.words) {
          if (sat[w]) continue;
          for (const other of postings[w]!) {
            const od = items[other].doc;
            if (od === d || (changed[od] && od < d)) continue;
            if (count[other]++ === 0) touched.push(other);
          }
        }
        for (const other of touched) {
          const n = count[other];
          count[other] = 0;
          if (n < 2) continue;
          const [lo, hi] = other < id ? [items[other], a] : [a, items[other]];
          const link = compareClaims(lo, hi, n);
          if (!link) continue;
          const pairKey = paths[lo.doc] + '\u0000' + paths[hi.doc];
          let list = this.pairs.get(pairKey);
          if (!list) this.pairs.set(pairKey, (list = []));
          const pl: PairLink = { lo: lo.index, hi: hi.index, similarity: Math.round(link.similarity * 100) / 100, firstWord: firstShared(lo.words, hi.words, sat) };
          if (link.reason) pl.reason = link.reason;
          list.push(pl);
        }
      }
    }

    // Each claim's links in the reference's order.
    const earlier: number[][] = items.map(() => []);
    const later: { id: number; firstWord: number }[][] = items.map(() => []);
    const byIds = new Map<number, PairLink>();
    for (const [pairKey, list] of this.pairs) {
      const [x, y] = pairKey.split('\u0000');
      const dx = docIndex.get(x)!, dy = docIndex.get(y)!;
      for (const pl of list) {
        const lo = docStart[dx] + pl.lo, hi = docStart[dy] + pl.hi;
        earlier[hi].push(lo);
        later[lo].push({ id: hi, firstWord: pl.firstWord });
        byIds.set(lo * items.length + hi, pl);
      }
    }
    for (let id = 0; id < items.length; id++) {
      const c = items[id].claim;
      c.corroboratedBy = [];
      c.disputedBy = [];
      const add = (other: number, pl: PairLink) => {
        const o = items[other];
        const l: ClaimLink = { path: paths[o.doc], start: o.claim.start, end: o.claim.end, similarity: pl.similarity };
        if (pl.reason) {
          l.reason = pl.reason;
          c.disputedBy.push(l);
        } else c.corroboratedBy.push(l);
      };
      for (const lo of earlier[id].sort((a, b) => a - b)) add(lo, byIds.get(lo * items.length + id)!);
      for (const { id: hi } of later[id].sort((a, b) => a.firstWord - b.firstWord || a.id - b.id)) add(hi, byIds.get(id * items.length + hi)!);
      c.status = claimStatus(c);
    }
  }
}

/** Position in `a` of the first word also in `b` and not too common: where the reference first meets `b` from `a`. */
function firstShared(a: Int32Array, b: Int32Array, sat: Uint8Array): number {
  for (let k = 0; k < a.length; k++) if (!sat[a[k]] && b.includes(a[k])) return k;
  return a.length;
}
