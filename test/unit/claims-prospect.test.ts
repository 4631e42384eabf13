/**
 * What may be is not what was done: a claim that says an act is possible, planned, expected or hoped for is not
 * corroborated by one that says it happened, nor the other way round; and it is no dispute either (the prospect may
 * come true). Sentences of my own, linked the way sources are (test/support/claimPair.ts).
 */
import assert from 'node:assert/strict';
import { parseNumbers } from '../../src/core/claims/claims';
import { claimNorm, timedApart } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';
import { assertTwoFacts, claimOf, linkPair } from '../support/claimPair';

const claim = (text: string): Claim => claimOf(text, { numbers: parseNumbers(text), entities: ['Harbour Board'] });
const link = (a: string, b: string) => linkPair(claim(a), claim(b));
const norm = (text: string) => claimNorm(new AnalysisContext(), claim(text));
const prospects = (text: string) => { const n = norm(text); return n.possibleSegments.length + n.intentSegments.length; };

describe('claims: prospects and facts', () => {
  it('does not corroborate a fact with a prospect of it, whichever comes first, and disputes neither', () => {
    assertTwoFacts(link, [
      ['The Harbour Board could raise mooring fees by 40 percent on Thursday', 'The Harbour Board raised mooring fees by 40 percent on Thursday'],
      ['The ferry company plans to add a night crossing to Skerry Island next spring', 'The ferry company added a night crossing to Skerry Island last spring'],
      ['The Harbour Board is expected to approve the sale of the northern pier to a shipyard', 'The Harbour Board approved the sale of the northern pier to a shipyard'],
      ['The Harbour Board is considering a ban on jet skis inside the marina', 'The Harbour Board imposed a ban on jet skis inside the marina'],
      ['The lifeboat crews threatened to strike over the closure of the Skerry station', 'The lifeboat crews went on strike over the closure of the Skerry station'],
      ['The ferry company may not renew its lease on the Skerry terminal this year', 'The ferry company did not renew its lease on the Skerry terminal this year'],
      ['The harbour board could close the Skerry terminal next spring', 'The harbour board will close the Skerry terminal next spring'],
      ['The ferry company is considering adding a night crossing to Skerry Island', 'The ferry company plans to add a night crossing to Skerry Island'],
      ['Mayor Rowe said the planned ferry link between Skerry and Holm may have to be scrapped because of fuel costs', 'Mayor Rowe scrapped the planned ferry link between Skerry and Holm, citing fuel costs'],
      ['The lifeboat crews threatened on Friday to walk off the job over the closure of the Skerry station', 'The lifeboat crews walked off the job on Friday over the closure of the Skerry station'],
    ]);
  });

  it('does not corroborate what will be with what was done at a time gone by, whichever comes first', () => {
    assertTwoFacts(link, [
      ['The rowing club will parade the regatta cup through the harbour streets on Monday', 'The rowing club paraded the regatta cup through the harbour streets last May'],
      ['The Harbour Board will open a second car park beside the ferry terminal', 'The Harbour Board opened a second car park beside the ferry terminal two years ago'],
      ['The ferry company is set to add a night crossing to Skerry Island', 'The ferry company added a night crossing to Skerry Island earlier this year'],
      ['The ferry company will close 30 ticket offices by the end of next year', 'The ferry company closed 30 ticket offices over the past twelve months'],
    ]);
    // The time a plan was told at is not the act's, nor is a will a future.
    assert.deepEqual(link('The ferry company announced yesterday the closure of the Skerry terminal in March', 'The ferry company will close the Skerry terminal in March').by, ['b']);
    assert.deepEqual(link('The Harbour Board lacked the political will to dredge the channel last year', 'The Harbour Board lacked the political will to dredge the channel').by, ['b']);
    // Without a time gone by, what will be is still the fact told as news.
    assert.deepEqual(link('The rowing club will parade the regatta cup through the harbour streets on Monday', 'The rowing club paraded the regatta cup through the harbour streets on Monday').by, ['b']);
  });

  it('does not corroborate what will be with what is done already, whichever comes first', () => {
    assertTwoFacts(link, [
      ['Both ferry companies will withdraw their oldest boats from the Skerry crossing by the end of the month', 'Both ferry companies have already withdrawn their oldest boats from the Skerry crossing, the Harbour Board said'],
      ['The Harbour Board has already dredged the northern channel to 12 metres', 'The Harbour Board will dredge the northern channel to 12 metres'],
    ]);
    assert.deepEqual(link('The Harbour Board will already have dredged the channel by May', 'The Harbour Board has already dredged the channel').by, ['b'], 'done already on both sides');
  });

  it('does not corroborate what will be with what was done at another time it names', () => {
    assertTwoFacts(link, [
      ['The harbour board will close the Skerry ferry office on September 30, citing falling ticket sales', 'The harbour board closed the Holm ferry office in 2021, citing falling ticket sales'],
      ['The survey ship will lower its sonar for the first time next month to map the Skerry trench', 'The survey ship lowered its sonar for the first time last week to map the Skerry trench'],
      ['The survey ship will lower its sonar on Friday to map the Skerry trench', 'The survey ship lowered its sonar on Tuesday to map the Skerry trench'],
    ]);
    // Times of two kinds may be one day, and the day a plan was told is not its day.
    const apart = (future: string, past: string) => {
      const ctx = new AnalysisContext();
      return timedApart(claimNorm(ctx, claimOf(future)), future, claimNorm(ctx, claimOf(past)), past);
    };
    const closed = 'The harbour board closed the Skerry ferry office on Friday, citing falling ticket sales';
    assert.equal(apart('The harbour board will close the Skerry ferry office on September 30, citing falling ticket sales', closed), false);
    assert.equal(apart('The harbour board said on Monday it will close the Skerry ferry office, citing falling ticket sales', closed), false);
    assert.equal(apart('The harbour board will close the Skerry ferry office on Monday, citing falling ticket sales', closed), true);
    assert.equal(apart('The harbour board will close the Skerry ferry office in 2026', 'The harbour board closed the Holm ferry office in 2021'), true);
    assert.equal(apart('The harbour board will close the Skerry ferry office in 2026', 'The harbour board closed the Holm ferry office in August'), false);
    // One time on both sides: the plan and the deed of one day.
    assert.deepEqual(link('The survey ship will lower its sonar for the first time on Tuesday to map the Skerry trench', 'The survey ship lowered its sonar for the first time on Tuesday to map the Skerry trench').by, ['b']);
    // No time on the side told in the past: nothing says it is another time.
    assert.deepEqual(link('The survey ship will lower its sonar for the first time next month to map the Skerry trench', 'The survey ship lowered its sonar for the first time to map the Skerry trench').by, ['b']);
  });

  it('corroborates two prospects of one act, a plan and what will be, and two facts', () => {
    for (const [a, b] of [
      ['The Harbour Board could raise mooring fees by 40 percent on Thursday', 'The Harbour Board may raise mooring fees by 40 percent as soon as Thursday'],
      ['The ferry company may add a night crossing to Skerry Island next spring', 'The ferry company is considering adding a night crossing to Skerry Island next spring'],
      ['The ferry company plans to add a night crossing to Skerry Island next spring', 'The ferry company will add a night crossing to Skerry Island next spring, its director said'],
      ['The Harbour Board raised mooring fees by 40 percent on Thursday', 'On Thursday the Harbour Board increased mooring fees by 40 percent'],
    ]) {
      assert.deepEqual(link(a, b).by, ['b'], `${a} / ${b}`);
      assert.deepEqual(link(b, a).by, ['b'], `${b} / ${a}`);
    }
  });

  it('leaves a prospect in a clause of its own out of a fact the two share', () => {
    // The prospect ("plans to visit") shares no word with the other claim: the fact they share stands.
    assert.notDeepEqual(link('The mayor plans to visit Skerry on Friday, a day after the ferry Aurora capsized near the island', 'The ferry Aurora capsized near Skerry Island').by, []);
    // A clause they share is the same fact, whatever the other clause says.
    assert.deepEqual(link('Fishermen vowed to appeal after the Harbour Board raised mooring fees by 40 percent', 'The Harbour Board raised mooring fees by 40 percent').by, ['b']);
  });

  it('reads a prospect of a clause of its own after "and" as that clause\'s only', () => {
    // "and offered some hope that the strike could end": a second verb, a clause of its own; the first is a fact.
    const a = 'The harbour master’s remarks seemed meant to calm the ferry crews and offered some hope that the strike could end';
    assert.deepEqual(link(a, 'The harbour master’s remarks appeared meant to calm the ferry crews, the union said').by, ['b']);
  });

  it('finds prospects in modals, verbs of intent and hope, not in nouns, months or restrictive relative clauses', () => {
    for (const text of [
      'The ferry company might sell the Skerry route',
      'The Harbour Board may not afford a new dredger',
      'The crews hope to return to work on Monday',
      'The Harbour Board is in talks with two shipyards',
      'The ferry company is proposing to close the Skerry terminal',
      'The lifeboat station, which could close next year, serves three islands',
    ]) assert.ok(prospects(text) > 0, text);
    for (const text of [
      'Mooring fees rose 4 percent in May',
      'The ferry company denies it has any plans to sell the Skerry route',
      'The Harbour Board passed a bylaw that could double mooring fees',
      'The ferry company will add a night crossing next spring',
      'The Harbour Board raised mooring fees on Thursday',
      'The new dredger can clear the channel in a week, the trial found',
      'The court ruled that the Harbour Board must repay the fees',
    ]) assert.equal(prospects(text), 0, text);
    // What is to come, told as news or hoped for: no prospect, but marked (the same claim as the plan of it).
    for (const text of ['The ferry company will add a night crossing next spring', 'The new terminal is set to open in May']) {
      assert.ok(norm(text).futureSegments.length > 0, text);
    }
    assert.ok(norm('The report raised hopes that the Skerry station stays open').hedgeSegments.length > 0, 'a hope');
  });
});
