/**
 * Numbers across sources: an amount of money counts its currency whatever word follows it, and two figures of one
 * thing agree when they differ only by rounding or, hedged ("nearly"), by a tenth.
 */
import assert from 'node:assert/strict';
import { parseNumbers } from '../../src/core/claims/claims';
import { claimNorm, spelledNumbers } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import { wordsOf } from '../../src/core/text/words';
import { numbersAgree } from '../../src/core/claims/match';
import type { Claim } from '../../src/core/types';
import { claimOf, linkPair } from '../support/claimPair';

const claim = (text: string, over: Partial<Claim> = {}): Claim => claimOf(text, { kind: 'numeric', numbers: parseNumbers(text), ...over });
const link = linkPair;

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

  it('reads numbers written in words as figures, decades as years', () => {
    const read = (t: string) => spelledNumbers(wordsOf(t, 0, t.length, { digitGroups: true })).map(s => [s.number.value, s.number.unit, s.number.qualifier]);
    assert.deepEqual(read('The ferry carried three hundred passengers'), [[300, 'passengers', null]]);
    assert.deepEqual(read('twenty-five volunteers and a dozen firefighters'), [[25, 'volunteers', null], [12, 'firefighters', null]]);
    assert.deepEqual(read('The dispute has dragged on for nearly two decades'), [[20, 'years', 'nearly']]);
    assert.deepEqual(read('more than forty million dollars'), [[40e6, 'dollars', 'more than']]);
    // Must not fire: "one" (a pronoun as often), "dozens" (no figure), a number word before "of".
    assert.deepEqual(read('No one saw dozens of boats'), []);
    assert.deepEqual(read('two of the ferries'), [[2, null, null]]);
    const norm = (text: string) => claimNorm(new AnalysisContext(), claimOf(text, { numbers: parseNumbers(text) }));
    const words = norm('The lighthouse keeper spotted three trawlers near the reef');
    const figures = norm('The lighthouse keeper spotted 3 trawlers near the reef');
    assert.deepEqual(words.units.map(u => u[0]), figures.units.map(u => u[0]), '"three" is "3"');
    assert.deepEqual(norm('The mill paid no rent for 2 decades').numbers.map(n => [n.value, n.unit]), [[20, 'years']]);
  });

  it('links a figure in words to the same figure hedged, and disputes another', () => {
    const a = claim('The salt works paid no local levy for eighteen years, the auditors found');
    const b = claim('The auditors found the salt works paid no local levy for nearly two decades');
    assert.deepEqual(link(a, b).by, ['b']);
    const c = claim('The harbour authority hired four hundred seasonal dockers for the summer');
    const d = claim('The harbour authority hired 150 seasonal dockers for the summer');
    const r = link(c, d);
    assert.deepEqual(r.by, []);
    assert.deepEqual(r.disputed, ['b']);
  });
});
