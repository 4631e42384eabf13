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

/** Links two one-claim documents 'a' and 'b'; the documents that corroborate claim `a` (fully or in part), and that dispute it. */
export function linkPair(a: Claim, b: Claim): { by: string[]; disputed: string[] } {
  const docs = [
    { path: 'a', claims: [a] }, { path: 'b', claims: [b] },
    { path: 'c', claims: [claimOf('A bakery in the harbour district sold rye bread to early tourists')] },
    { path: 'd', claims: [claimOf('The orchestra rehearsed a new symphony for the autumn festival')] },
  ];
  new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
  return { by: [...a.corroboratedBy, ...(a.partlyCorroboratedBy ?? [])].map(l => l.path), disputed: a.disputedBy.map(l => l.path) };
}
