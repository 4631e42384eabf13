/**
 * The claim linker as it stood before issue 10 (commit f8fa0f4: whole-sentence bag of
 * crude stems, Dice with a containment fallback, every claim against the later
 * documents' claims sharing two words), kept only as the peer bench/claims.ts times the
 * new linker against in the same process. Not used by the product.
 */
import { CLAIM_STOP_WORDS } from '../../src/core/lexicon/stopWords';
import { wordsOf } from '../../src/core/text/words';
import type { Claim, ClaimNumber } from '../../src/core/types';

const DIGIT_GROUPS = { digitGroups: true };
const STOP0 = new Set([...CLAIM_STOP_WORDS].filter(w => !/^(?:s|t|d|ll|m|re|ve|don|didn|doesn|isn|wasn|aren|weren|won|wouldn|couldn|shouldn|hasn|haven|hadn)$/.test(w)));

function contentWords0(text: string): string[] {
  const out: string[] = [];
  for (const word of wordsOf(text.toLowerCase(), 0, undefined, DIGIT_GROUPS)) {
    let w = word.replace(/,/g, '');
    if (STOP0.has(w) || w.length < 2) continue;
    if (w.length > 4) w = w.replace(/(?:ing|ed|es|s)$/, '');
    out.push(w);
  }
  return out;
}

const numberKey = (n: ClaimNumber) => `${n.value}|${n.unit ?? ''}`;

function compare0(a: { claim: Claim; words: Int32Array }, b: { claim: Claim; words: Int32Array }, shared: number): { similarity: number; reason?: string } | null {
  const dice = (2 * shared) / (a.words.length + b.words.length);
  const cover = shared / Math.min(a.words.length, b.words.length);
  const an = a.claim.numbers, bn = b.claim.numbers;
  const sameNumber = an.some(x => bn.some(y => numberKey(x) === numberKey(y)));
  const entityOverlap = a.claim.entities.some(e => b.claim.entities.includes(e));
  if (sameNumber && an.some(x => x.unit) && (entityOverlap || cover >= 0.3)) return { similarity: Math.max(dice, 0.5) };
  if (dice < 0.45 && !(cover >= 0.6 && shared >= 4)) return null;
  if (an.length && bn.length && !sameNumber && an.some(x => x.unit && bn.some(y => y.unit === x.unit && y.value !== x.value))) return { similarity: dice, reason: 'number' };
  const sa = a.claim.speaker, sb = b.claim.speaker;
  if (sa && sb && sa !== sb && a.claim.kind === 'quote' && b.claim.kind === 'quote') return null;
  return { similarity: dice };
}

/** Links every claim of `docs` as the old linker did (from scratch); returns the number of links. */
export function linkClaims0(docs: ReadonlyArray<{ path: string; claims: Claim[] }>): number {
  const vocab = new Map<string, number>();
  const items: { path: string; claim: Claim; words: Int32Array; id: number }[] = [];
  const postings: (number[] | undefined)[] = [];
  for (const d of docs) {
    for (const c of d.claims) {
      const ids: number[] = [];
      for (const w of new Set(contentWords0(c.text))) {
        let id = vocab.get(w);
        if (id === undefined) vocab.set(w, (id = vocab.size));
        ids.push(id);
      }
      const words = Int32Array.from(ids);
      const id = items.length;
      items.push({ path: d.path, claim: c, words, id });
      for (const w of words) { const p = postings[w]; if (p) p.push(id); else postings[w] = [id]; }
    }
  }
  const maxPosting = Math.max(50, Math.ceil(docs.length * 0.5) * 4);
  const docEnd = new Int32Array(items.length);
  for (let k = items.length - 1; k >= 0; k--) docEnd[k] = k + 1 < items.length && items[k + 1].path === items[k].path ? docEnd[k + 1] : k + 1;
  const count = new Int32Array(items.length);
  const touched: number[] = [];
  let links = 0;
  for (const a of items) {
    const from = docEnd[a.id];
    if (from === items.length) continue;
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
      if (n >= 2 && compare0(a, items[id], n)) links++;
    }
  }
  return links;
}
