import assert from 'node:assert/strict';
import { normalize } from '../../src/core/claims/normalize';
import { claimOf, linkPair } from '../support/claimPair';

// Paraphrase linking between independently written reports (issue 10): each rule links what it should and refuses
// the near-miss beside it. The sentences are written for these tests.

describe('a negation', () => {
  const hopes = () => claimOf('The harbour master hopes to build a second ferry terminal on the northern quay to ease the queues at the southern pier');
  it('refuses a claim whose shared clause is negated', () => {
    const refuses = claimOf('The harbour master will not build a second ferry terminal on the northern quay, and the crews were told to prepare for a long closure');
    assert.deepEqual(linkPair(refuses, hopes()).by, []);
  });
});

describe('a name and its title', () => {
  it('marks the words of a title right before a name, not a verb before it', () => {
    const n = normalize(claimOf('Harbour commissioner Ada Rowe praised fishing crews after the storm', { entities: ['Harbour', 'Ada Rowe'] }));
    const titled = n.title.map(u => n.units[u][0]);
    assert.deepEqual(titled, ['commissioner']);
    const m = normalize(claimOf('The deputy fined Ada Rowe for parking on the quay', { entities: ['Ada Rowe'] }));
    assert.deepEqual(m.title.map(u => m.units[u][0]), [], '"fined" is a verb, not a title');
  });
  it('do not link two claims that share nothing else', () => {
    const praised = claimOf('At dawn harbour commissioner Ada Rowe praised the lifeboat crews', { entities: ['Ada Rowe'] });
    const booed = claimOf('Later harbour commissioner Ada Rowe was booed at the market', { entities: ['Ada Rowe'] });
    assert.deepEqual(linkPair(praised, booed).by, []);
  });
  it('still link two claims that share a fact besides the title', () => {
    const praised = claimOf('At dawn harbour commissioner Ada Rowe praised the lifeboat crews', { entities: ['Ada Rowe'] });
    const thanked = claimOf('Later harbour commissioner Ada Rowe thanked the lifeboat crews', { entities: ['Ada Rowe'] });
    assert.deepEqual(linkPair(praised, thanked).by, ['b']);
  });
});
