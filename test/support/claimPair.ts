// Two claims linked the way sources are: each in a document of its own, beside two
// unrelated documents so that no key of theirs is frequent.
import { ClaimLinker } from '../../src/core/claims/links';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

/** A claim as the claims stage would make it of `text` (whole text, no links yet). */
export function claimOf(text: string, over: Partial<Claim> = {}): Claim {
  return {
    start: 0, end: text.length, text, kind: 'statement', speaker: null, entities: [], numbers: [], status: 'unique',
    corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1, ...over,
  };
}

/**
 * A claim both documents of `linkPair` hold, so that the two are tied (links.ts `standingLinks`: a weak match
 * stands only between documents a fuller one ties) and the pair is decided by the matcher alone.
 */
export const TIE = 'Volunteers repainted the crimson lighthouse stairs before the regatta';

/**
 * Links claim `a` of document 'a' and claim `b` of document 'b' (each document also holding `TIE` unless `tied` is
 * false); the documents that corroborate claim `a` (fully or in part), and that dispute it.
 */
export function linkPair(a: Claim, b: Claim, tied = true): { by: string[]; disputed: string[] } {
  const tie = () => (tied ? [claimOf(TIE)] : []);
  const docs = [
    { path: 'a', claims: [a, ...tie()] }, { path: 'b', claims: [b, ...tie()] },
    { path: 'c', claims: [claimOf('A bakery in the harbour district sold rye bread to early tourists')] },
    { path: 'd', claims: [claimOf('The orchestra rehearsed a new symphony for the autumn festival')] },
  ];
  new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
  return { by: [...a.corroboratedBy, ...(a.partlyCorroboratedBy ?? [])].map(l => l.path), disputed: a.disputedBy.map(l => l.path) };
}

/**
 * Asserts that each pair of claim texts, linked in both orders by `link` (a `linkPair` of claims made from them), is
 * neither a corroboration nor a dispute: two facts.
 */
export function assertTwoFacts(link: (a: string, b: string) => { by: string[]; disputed: string[] }, pairs: readonly (readonly [string, string])[]): void {
  for (const [a, b] of pairs) {
    for (const [x, y] of [[a, b], [b, a]]) {
      const r = link(x, y);
      if (r.by.length || r.disputed.length) throw new Error(`${x} / ${y}: expected no corroboration and no dispute, got ${JSON.stringify(r)}`);
    }
  }
}
