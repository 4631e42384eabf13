import assert from 'node:assert/strict';
import { segmentsOf } from '../../src/core/claims/normalize';
import { ClaimLinker } from '../../src/core/claims/links';
import { AnalysisContext } from '../../src/core/text/memo';
import { claimOf, linkPair } from '../support/claimPair';

describe('claims sharing a clause inside longer sentences', () => {
  it('splits a text into segments at commas, dashes and the words opening a clause', () => {
    assert.deepEqual(segmentsOf('Lind, who was unarmed, was shot after he ran'), [0, 1, 1, 1, 2, 2, 3, 3, 3]);
    assert.deepEqual(segmentsOf('A 40-year-old man was shot'), [0, 0, 0, 0, 0, 0, 0], 'a hyphen inside a word is no dash');
    assert.deepEqual(segmentsOf('Lind ― a baker ― was shot'), [0, 1, 1, 2, 2], 'the horizontal bar is a dash too');
    assert.deepEqual(segmentsOf('Lind was fined and left the quay'), [0, 0, 0, 1, 1, 1, 1], 'a coordinating "and" opens a segment');
  });
  it('links two claims that share a clause ending at a coordinating "and"', () => {
    const a = claimOf('At a televised hearing with Governor Ada Rowe, the harbour master vowed to keep dredging the channel', { entities: ['Ada Rowe'] });
    const b = claimOf('The remarks were made at a televised hearing with Rowe and seemed aimed at calming angry fishermen over lost nets and the price of diesel', { entities: ['Ada Rowe'] });
    assert.deepEqual(linkPair(a, b).by, ['b']);
  });
  const shot = () => claimOf('Lind, who was unarmed, was shot by a county deputy after he reportedly waved a kitchen knife at shoppers near the crowded fish market on the quay', { entities: ['Mara Lind'] });
  it('links two claims that share a clause: a name, the predicate and another word', () => {
    const b = claimOf('The county deputy who shot Lind - Omar Vale, who was suspended on Monday - was not wearing a body camera during the evening patrol of the harbour', { entities: ['Mara Lind', 'Omar Vale'] });
    assert.deepEqual(linkPair(shot(), b).by, ['b']);
  });
  it('does not link a shared clause about someone else, or with another predicate', () => {
    const other = claimOf('The county deputy who shot Rowe - Omar Vale, who was suspended on Monday - was not wearing a body camera during the evening patrol of the harbour', { entities: ['Ada Rowe', 'Omar Vale'] });
    assert.deepEqual(linkPair(shot(), other).by, [], 'no name shared');
    const praised = claimOf('The county deputy who praised Lind - Omar Vale, who was suspended on Monday - was not wearing a body camera during the evening patrol of the harbour', { entities: ['Mara Lind', 'Omar Vale'] });
    assert.deepEqual(linkPair(shot(), praised).by, [], 'no predicate shared');
  });
  it('does not link a shared clause negated on one side only, even when the other claim is negated elsewhere', () => {
    const notShot = claimOf('Lind, who was unarmed, was not shot by a county deputy after he reportedly waved a kitchen knife at shoppers near the crowded fish market on the quay', { entities: ['Mara Lind'] });
    const b = claimOf('The county deputy who shot Lind - Omar Vale, who was suspended on Monday - was not wearing a body camera during the evening patrol of the harbour', { entities: ['Mara Lind', 'Omar Vale'] });
    assert.deepEqual(linkPair(notShot, b).by, [], 'the shared clause is negated in one claim only');
  });
});

describe('a short claim the other holds whole', () => {
  const long = () => claimOf('It remains unclear where the ferries that the harbour office said were cancelled will sail next week, which leaves travellers in doubt about their plans');
  it('states part of a longer claim that holds each of its words exactly (two words or more)', () => {
    const short = claimOf('It did not say where the ferries were cancelled');
    assert.deepEqual(linkPair(short, long()).by, ['b']);
  });
  it('does not when a word of it is missing from the longer claim', () => {
    const short = claimOf('It did not say where the ferries were moored');
    assert.deepEqual(linkPair(short, long()).by, []);
  });
});

describe('a clause of an actor and its predicate only, held by a run of the other claim', () => {
  const killed = () => claimOf('Lind was killed Friday after her trawler drifted onto a sandbank near the busy harbour mouth', { entities: ['Mara Lind'] });
  it('links it to a clause holding the same actor and verb among more words', () => {
    const b = claimOf('who shot and killed 19-year-old Mara Lind in Dunmore last week', { entities: ['Mara Lind', 'Dunmore'] });
    assert.deepEqual(linkPair(killed(), b).by, ['b']);
  });
  it('does not link it with another verb, or with the verb only as a noun in a phrase', () => {
    const praised = claimOf('who shot and praised 19-year-old Mara Lind in Dunmore last week', { entities: ['Mara Lind', 'Dunmore'] });
    assert.deepEqual(linkPair(killed(), praised).by, [], 'another verb');
    const met = claimOf('Minister Ada Rowe of Norland, a stern critic of fishing quotas, was in Dunmore on Tuesday to meet Lind', { entities: ['Ada Rowe', 'Norland', 'Dunmore', 'Mara Lind'] });
    const meeting = claimOf('Lind gave a long speech in Dunmore during the meeting and then left for the islands by ferry', { entities: ['Mara Lind', 'Dunmore'] });
    assert.deepEqual(linkPair(met, meeting).by, [], '"during the meeting": no predicate');
  });
  it('does not count a name most claims hold as the actor', () => {
    const a = killed(), b = claimOf('who shot and killed 19-year-old Mara Lind in Dunmore last week', { entities: ['Mara Lind', 'Dunmore'] });
    const docs = [{ path: 'a', claims: [a] }, { path: 'b', claims: [b] }];
    const topics = ['sold rye bread to early tourists', 'rehearsed a new symphony for the festival', 'painted the lighthouse a bright red', 'repaired the old pier before winter',
      'won the regatta in a borrowed dinghy', 'opened a bakery beside the ferry terminal', 'wrote a column on tide tables', 'planted apple trees along the dyke',
      'chaired the school board for a decade', 'taught sailing to local children'];
    topics.forEach((t, k) => docs.push({ path: `f${k}`, claims: [claimOf(`Lind ${t}`, { entities: ['Mara Lind'] })] }));
    new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
    assert.deepEqual(a.corroboratedBy.map(l => l.path), []);
  });
});
