/**
 * Two reports that say opposite things of one subject (a word of opposite sense in each) are not the same claim: no
 * corroboration. Nor a dispute: the words alone cannot tell a contradiction from one fact said from its two sides.
 * Sentences of my own, linked the way sources are (test/support/claimPair.ts).
 */
import assert from 'node:assert/strict';
import { parseNumbers } from '../../src/core/claims/claims';
import type { Claim } from '../../src/core/types';
import { assertTwoFacts, claimOf, linkPair } from '../support/claimPair';

const claim = (text: string): Claim => claimOf(text, { numbers: parseNumbers(text), entities: ['Harbour Board'] });
const link = (a: string, b: string) => linkPair(claim(a), claim(b));

describe('claims: opposite sense', () => {
  it('does not corroborate a claim that states the opposite, whichever comes first', () => {
    assertTwoFacts(link, [
      ['Unemployment in the harbour district rose to 5 percent last year, the council said', 'Unemployment in the harbour district fell to 5 percent last year, the council said'],
      ['Ferry ticket sales increased sharply after the new timetable began in March', 'Ferry ticket sales declined sharply after the new timetable began in March'],
      ['The Harbour Board approved the plan to rebuild the northern pier on Monday', 'The Harbour Board rejected the plan to rebuild the northern pier on Monday'],
      ['The Harbour Board supports the plan to rebuild the northern pier this summer', 'The Harbour Board opposes the plan to rebuild the northern pier this summer'],
      ['Police said the harbour pilot was armed when officers stopped his car', 'Police said the harbour pilot was unarmed when officers stopped his car'],
      ['The harbour pilot admitted taking the bribe from the ferry company on Monday', 'The harbour pilot denied taking the bribe from the ferry company on Monday'],
    ]);
  });

  it('reads a negation right before the word on the other side as the same claim', () => {
    const r = link('The Harbour Board did not approve the plan to rebuild the northern pier on Monday', 'The Harbour Board rejected the plan to rebuild the northern pier on Monday');
    assert.deepEqual(r.by, ['b']);
  });

  it('reads a negation elsewhere in the claim as a second difference, not as cancelling the opposite word', () => {
    const r = link('Ferry fares did not rise after the Harbour Board approved the plan on Monday', 'Ferry fares rose after the Harbour Board rejected the plan on Monday');
    assert.deepEqual(r.by, [], 'no corroboration');
  });

  it('does not oppose a claim that states both senses', () => {
    assert.deepEqual(link('Ferry fares rose in March but fell in April, the Harbour Board said', 'Ferry fares fell in April, the Harbour Board said').by, ['b']);
  });

  it('reads one fact said from its two sides, and two pairs of opposite words, as the same fact', () => {
    for (const [a, b] of [
      ['Mayor Okafor leads Councillor Penn by 5 points in the latest harbour poll', 'Councillor Penn trails Mayor Okafor by 5 points in the latest harbour poll'],
      ['The dollar rose against the euro after the harbour bank cut its rates on Monday', 'The euro fell against the dollar after the harbour bank cut its rates on Monday'],
      ['Support for the harbour toll fell to its lowest level, the Harbour Board survey found', 'Opposition to the harbour toll rose to its highest level, the Harbour Board survey found'],
    ]) {
      assert.deepEqual(link(a, b).by, ['b'], `${a} / ${b}`);
    }
  });

  it('reads "open" and "close" as opposite only as verbs with an object after them', () => {
    assertTwoFacts(link, [
      ['The ferry company said it would close its repair yard in Skerry by March, affecting 300 workers', 'The ferry company said it would open a new repair yard in Skerry next year, creating 300 jobs'],
      ['The Harbour Board closed the northern pier to cars on Friday', 'The Harbour Board reopened the northern pier to cars on Friday'],
      ['The northern pier was closed to cars on Friday', 'The northern pier was reopened to cars on Friday'],
    ]);
    // An open letter and a close vote are no acts: the rest of the claims decides.
    assert.deepEqual(link('The harbour pilots sent an open letter to the Harbour Board about the dredging contract', 'The harbour pilots sent a letter to the Harbour Board about the dredging contract, in a close vote').by, ['b']);
  });

  it('gives the same answer whichever claim comes first, when one word meets two of the other claim', () => {
    const a = 'Ferry fares rose sharply in March, the Harbour Board said';
    const b = 'Ferry fares fell and then dropped again in March, the Harbour Board said';
    assert.equal(link(a, b).by.length, link(b, a).by.length);
  });
});

describe('claims: another act of one process', () => {
  it('does not corroborate a claim that names another step of the same matter, whichever comes first', () => {
    assertTwoFacts(link, [
      ['The harbour pilot was charged with negligence over the ferry collision on Monday', 'The harbour pilot was convicted of negligence over the ferry collision on Monday'],
      ['The Harbour Board approved the bylaw banning jet skis in the marina on Tuesday', 'The mayor signed the bylaw banning jet skis in the marina on Tuesday'],
      ['The appeals court upheld the ferry captain’s conviction for the collision', 'The appeals court overturned the ferry captain’s conviction for the collision'],
      ['Two deckhands were killed when a mooring line snapped on the Skerry ferry', 'Two deckhands were injured when a mooring line snapped on the Skerry ferry'],
      ['Divers searched the harbour floor for the missing anchor on Sunday', 'Divers recovered the missing anchor from the harbour floor on Sunday'],
      ['The ferry company suspended the night crossing to Skerry because of the storms', 'The ferry company restored the night crossing to Skerry after the storms'],
      ['The Harbour Board will investigate whether the pilot breached safety rules by sailing in fog', 'The Harbour Board has found that the pilot breached safety rules by sailing in fog'],
      ['The ferry company has offered deckhands a 4 percent pay rise and two extra rest days', 'Deckhands have accepted a 4 percent pay rise and two extra rest days from the ferry company'],
      ['The Harbour Board has launched a review of the ferry company’s safety record on the Skerry crossing', 'The Harbour Board has completed its review of the ferry company’s safety record on the Skerry crossing'],
      ['About 3,000 islanders have fled the villages on the eastern shore since the storm began', 'About 3,000 islanders have returned to the villages on the eastern shore since the storm ended'],
    ]);
  });

  it('corroborates the same step in other words, and a claim that names both steps', () => {
    assert.deepEqual(link('The harbour pilot was arrested on Monday over the ferry collision', 'Police detained the harbour pilot on Monday over the ferry collision').by, ['b']);
    assert.deepEqual(link('The harbour pilot was charged and convicted of negligence over the ferry collision', 'The harbour pilot was convicted of negligence over the ferry collision').by, ['b']);
    assert.deepEqual(link('The Harbour Board approved a loan of 2 million euros for the northern pier', 'The Harbour Board signed off on a loan of 2 million euros for the northern pier').by, ['b'], 'to sign off on is to approve');
    assert.deepEqual(link('A deckhand was fatally wounded when a mooring line snapped on the Skerry ferry', 'A deckhand was killed when a mooring line snapped on the Skerry ferry').by, ['b'], 'a fatal wound is a killing');
    assert.deepEqual(link('The harbour pilot was found guilty of negligence over the ferry collision', 'The harbour pilot was convicted of negligence over the ferry collision').by, ['b'], 'found guilty is convicted');
  });

  it('reads a verdict in two words as its act', () => {
    assertTwoFacts(link, [
      ['The harbour pilot was acquitted of negligence over the ferry collision', 'The harbour pilot was found guilty of negligence over the ferry collision'],
      ['The harbour pilot was found guilty of negligence over the ferry collision', 'The harbour pilot was sentenced for negligence over the ferry collision'],
    ]);
  });
});

describe('claims: a denial, a refusal or a failure', () => {
  it('does not corroborate the act it denies, whichever comes first, and disputes nothing', () => {
    assertTwoFacts(link, [
      ['The ferry company owes 2 million euros in unpaid harbour fees, the Harbour Board said', 'The ferry company denied that it owes 2 million euros in unpaid harbour fees'],
      ['Councillor Penn was elected harbour master by the board on Monday', 'Councillor Penn failed to win election as harbour master on Monday'],
      ['The ferry captain testified before the harbour inquiry on Friday', 'The ferry captain refused to testify before the harbour inquiry on Friday'],
    ]);
  });

  it('reads a denial of a refusal as no refusal: not the refusal, and the same as the act', () => {
    assertTwoFacts(link, [
      ['The ferry company denied that it had refused to pay the harbour fees', 'The Harbour Board said the ferry company had refused to pay the harbour fees'],
      ['The ferry captain denied that he had declined to testify before the harbour inquiry', 'The ferry captain declined to testify before the harbour inquiry'],
    ]);
    assert.deepEqual(link('The ferry captain denied that he had refused to testify before the harbour inquiry', 'The ferry captain denied refusing to testify before the harbour inquiry').by, ['b']);
    const r = link('The Harbour Board denied that its guards had refused to open the gate to the ferry crew', 'The guards of the Harbour Board had not refused to open the gate to the ferry crew');
    assert.deepEqual(r.disputed, [], 'a denial against a negation is no dispute');
  });

  it('reads a denial of a request as the ruling it is: the same as rejecting it, not as granting it', () => {
    assert.deepEqual(link('The harbour court denied the ferry company\'s request for a new hearing', 'The harbour court rejected the ferry company\'s request for a new hearing').by, ['b']);
    assert.deepEqual(link('The skipper of the Skerry ferry was denied entry to the harbour on Friday', 'The skipper of the Skerry ferry was refused entry to the harbour on Friday').by, ['b']);
    assertTwoFacts(link, [['The harbour court denied the ferry company\'s request for a new hearing', 'The harbour court granted the ferry company\'s request for a new hearing']]);
    // A petition that is a clause's subject leaves the denial one: "denied its offer had been rejected".
    assertTwoFacts(link, [['The ferry company denied its offer for the pier had been rejected', 'The ferry company\'s offer for the pier had been rejected']]);
  });

  it('corroborates two denials, a denial and a negation, and a refusal given as a reason', () => {
    assert.deepEqual(link('The ferry company denied that it owes harbour fees to the Harbour Board', 'The ferry company has denied owing harbour fees to the Harbour Board').by, ['b']);
    assert.deepEqual(link('The ferry captain refused to testify before the harbour inquiry', 'The ferry captain did not testify before the harbour inquiry').by, ['b']);
    assert.deepEqual(link('The harbour inquiry held the ferry captain in contempt on Friday', 'The harbour inquiry held the ferry captain in contempt on Friday for refusing to testify').by, ['b']);
  });
});
