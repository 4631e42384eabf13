/**
 * Numbers across sources: an amount of money counts its currency whatever word follows it, and two figures of one
 * thing agree when they differ only by rounding or, hedged ("nearly"), by a tenth.
 */
import assert from 'node:assert/strict';
import { parseNumbers } from '../../src/core/claims/claims';
import { ClaimLinker } from '../../src/core/claims/links';
import { numbersAgree } from '../../src/core/claims/match';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

const claim = (text: string, over: Partial<Claim> = {}): Claim => ({
  start: 0, end: text.length, text, kind: 'numeric', speaker: null, entities: [], numbers: parseNumbers(text), status: 'unique',
  corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1, ...over,
});
/** Links two one-claim documents (two unrelated documents beside them, so that no key is frequent). */
const link = (a: Claim, b: Claim) => {
  const filler = (t: string) => claim(t, { kind: 'statement' });
  const docs = [
    { path: 'a', claims: [a] }, { path: 'b', claims: [b] },
    { path: 'c', claims: [filler('A bakery in the harbour district sold rye bread to early tourists')] },
    { path: 'd', claims: [filler('The orchestra rehearsed a new symphony for the autumn festival')] },
  ];
  new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
  return { by: [...a.corroboratedBy, ...(a.partlyCorroboratedBy ?? [])].map(l => l.path), disputed: a.disputedBy.map(l => l.path) };
};

describe('claims: numbers across sources', () => {
  it('reads an amount of money as a count of its currency', () => {
    assert.deepEqual(parseNumbers('The port borrowed €40 million from a regional bank').map(n => n.unit), ['euros']);
    assert.deepEqual(parseNumbers('a €40 million loan from a regional bank').map(n => [n.value, n.unit]), [[40e6, 'euros']]);
    assert.deepEqual(parseNumbers('a $3.5 billion bond').map(n => [n.value, n.unit]), [[3.5e9, 'dollars']]);
    assert.deepEqual(parseNumbers('40 million passengers').map(n => n.unit), ['passengers'], 'no sign, no currency');
  });

  it('agrees on a rounded or hedged figure, not on another one', () => {
    const n = (value: number, unit: string | null, qualifier: string | null = null) => ({ value, unit, qualifier });
    assert.ok(numbersAgree(n(916e6, 'dollars'), n(915.7e6, 'dollars')));
    assert.ok(numbersAgree(n(1e9, 'dollars', 'nearly'), n(916e6, 'dollars')));
    assert.ok(!numbersAgree(n(1e9, 'dollars'), n(916e6, 'dollars')), 'unhedged: a tenth apart is another figure');
    assert.ok(!numbersAgree(n(916e6, 'dollars'), n(916e6, 'euros')));
    assert.ok(!numbersAgree(n(18, null), n(18.1, null)), 'a bare number agrees only when equal');
    assert.ok(!numbersAgree(n(40, 'percent', 'about'), n(30, 'percent')));
  });

  it('links the same loan named by two words, and disputes another amount', () => {
    const a = claim('The harbour authority took a €40 million loan from the regional bank to rebuild the ferry pier');
    const b = claim('To rebuild the ferry pier the harbour authority borrowed €40 million from the regional bank');
    assert.deepEqual(link(a, b).by, ['b']);
    const c = claim('The harbour authority borrowed €40 million from the regional bank to rebuild the ferry pier');
    const d = claim('To rebuild the ferry pier the harbour authority borrowed €25 million from the regional bank');
    const r = link(c, d);
    assert.deepEqual(r.by, []);
    assert.deepEqual(r.disputed, ['b']);
  });
});
