import assert from 'node:assert/strict';
import { keyIndex } from '../../src/core/claims/links';
import { normalize, normalizeNumbered, normalizeUnits } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

const claim = (text: string, over: Partial<Claim> = {}): Claim => ({
  start: 0, end: text.length, text, kind: 'statement', speaker: null, entities: [], numbers: [], status: 'unique',
  corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1, ...over,
});

/** Claims that exercise each rule deciding a unit: the attribution cut, an untold frame, a question, a two-word verb, a number's unit, names, an aside. */
const CLAIMS: Claim[] = [
  claim('Officials told reporters that Tomas Brandt, the harbour chief, approved 40 new cranes on Tuesday.', { speaker: 'Officials', entities: ['Tomas Brandt'], numbers: [{ value: 40, unit: 'crane', qualifier: null }] }),
  claim('Greta Holm said the quay would reopen, but it is unclear where the ferries will dock.', { speaker: 'Greta Holm', entities: ['Greta Holm'] }),
  claim('Why did the board wait? The dockworkers pulled back from the strike after the vote.', { entities: [] }),
  claim('Brandt, 58, a former pilot who ran the ferry line, was fired and replaced by Holm.', { entities: ['Tomas Brandt', 'Greta Holm'] }),
  claim('The council did not say how many berths it had closed, nor when the northern quay reopens.'),
  claim('“We will never sell the harbour,” Holm told the council.', { kind: 'quote', speaker: 'Greta Holm', entities: ['Greta Holm'] }),
];

describe('a claim\'s units alone (normalizeUnits)', () => {
  it('are the units and numbers of the full form, the same arrays in the same order', () => {
    for (const c of CLAIMS) {
      const only = normalizeUnits(c), full = normalizeNumbered(c);
      assert.equal(only.units.length, full.norm.units.length, c.text);
      // (A number with its unit is a unit of the claim's own, numbered -1: equal, not the same array.)
      only.units.forEach((u, k) => (only.numbers[k] < 0 ? assert.deepEqual : assert.equal)(u, full.norm.units[k], `${c.text}: unit ${k} (${u.join('|')})`));
      assert.deepEqual(only.numbers, full.numbers, c.text);
      assert.deepEqual(full.norm, normalize(c));
    }
  });

  it('leave out what the rules leave out: the attribution, the untold frame, the question', () => {
    const keys = (c: Claim) => normalizeUnits(c).units.map(u => u[0]);
    // Attribution cut: the words up to the verb of saying ("Officials told") carry nothing, the reported words do.
    assert.ok(!keys(CLAIMS[0]).includes('official'), keys(CLAIMS[0]).join(' '));
    assert.ok(keys(CLAIMS[0]).includes('approve'), keys(CLAIMS[0]).join(' '));
    assert.ok(keys(CLAIMS[0]).includes('#40 crane'), keys(CLAIMS[0]).join(' '));
    // Untold frame: "it is unclear where" leaves "unclear" out, the presupposed fact stays.
    assert.ok(!keys(CLAIMS[1]).some(k => k.startsWith('unclear')), keys(CLAIMS[1]).join(' '));
    assert.ok(keys(CLAIMS[1]).some(k => k.startsWith('dock')), keys(CLAIMS[1]).join(' '));
    // The question asks: its words are not the claim's.
    assert.ok(!keys(CLAIMS[2]).some(k => k.startsWith('wait')), keys(CLAIMS[2]).join(' '));
  });

  it('file the claims under the keys their full forms give', () => {
    const docs = [{ claims: CLAIMS.slice(0, 3) }, { claims: CLAIMS.slice(3) }];
    const index = keyIndex(new AnalysisContext(), docs, true);
    for (let id = 0; id < index.count; id++) {
      const it = index.item(id);
      const filed = [...index.keys.subarray(index.keysAt[index.form[id]], index.keysAt[index.form[id] + 1])].map(k => index.keyOf[k]).sort();
      // The filed keys: every unit's exact key and synonym keys but the surname keys ("@~…"), which propose no candidates.
      const expected = new Set<string>();
      for (const u of it.norm.units) for (const k of u) if (!k.startsWith('@~')) expected.add(k);
      assert.deepEqual(filed, [...expected].sort(), it.claim.text);
    }
  });
});
