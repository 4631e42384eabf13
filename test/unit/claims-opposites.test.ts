/**
 * Two reports that say opposite things of one subject (a word of opposite sense, or another year) contradict each
 * other: a dispute, never corroboration. Sentences of my own, linked the way sources are (test/support/claimPair.ts).
 */
import assert from 'node:assert/strict';
import { parseNumbers } from '../../src/core/claims/claims';
import type { Claim } from '../../src/core/types';
import { claimOf, linkPair } from '../support/claimPair';

const claim = (text: string): Claim => claimOf(text, { numbers: parseNumbers(text), entities: ['Harbour Board'] });
const link = (a: string, b: string) => linkPair(claim(a), claim(b));

describe('claims: opposite sense', () => {
  it('disputes a claim that states the opposite, for listed pairs and prefixed words', () => {
    for (const [a, b] of [
      ['Unemployment in the harbour district rose to 5 percent last year, the council said', 'Unemployment in the harbour district fell to 5 percent last year, the council said'],
      ['Ferry ticket sales increased sharply after the new timetable began in March', 'Ferry ticket sales decreased sharply after the new timetable began in March'],
      ['The Harbour Board approved the plan to rebuild the northern pier on Monday', 'The Harbour Board rejected the plan to rebuild the northern pier on Monday'],
      ['The Harbour Board supports the plan to rebuild the northern pier this summer', 'The Harbour Board opposes the plan to rebuild the northern pier this summer'],
      ['Police said the harbour pilot was armed when officers stopped his car', 'Police said the harbour pilot was unarmed when officers stopped his car'],
      ['The harbour pilot admitted taking the bribe from the ferry company on Monday', 'The harbour pilot denied taking the bribe from the ferry company on Monday'],
    ]) {
      for (const [x, y] of [[a, b], [b, a]]) {
        const r = link(x, y);
        assert.deepEqual(r.by, [], `${x} / ${y}: no corroboration`);
        assert.deepEqual(r.disputed, ['b'], `${x} / ${y}: a dispute, whichever comes first`);
      }
    }
  });

  it('reads a negation and an opposite word together as the same claim', () => {
    const r = link('The Harbour Board did not approve the plan to rebuild the northern pier on Monday', 'The Harbour Board rejected the plan to rebuild the northern pier on Monday');
    assert.deepEqual(r.disputed, []);
    assert.deepEqual(r.by, ['b']);
  });

  it('does not oppose a claim that states both words', () => {
    const r = link('Ferry fares rose in March but fell in April, the Harbour Board said', 'Ferry fares fell in April, the Harbour Board said');
    assert.deepEqual(r.disputed, [], 'the other states part of it');
  });

  it('disputes another year of the same fact, and links the same year', () => {
    const founded = (year: string) => `The harbour ferry company was founded in ${year} by two brothers from the island`;
    assert.deepEqual(link(founded('2015'), founded('2015')).by, ['b']);
    const r = link(founded('2015'), founded('2016'));
    assert.deepEqual(r.by, [], 'another year');
    assert.deepEqual(r.disputed, ['b']);
  });
});
