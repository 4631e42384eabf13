import assert from 'node:assert/strict';
import { claimOf, linkPair } from '../support/claimPair';

// Paraphrase linking between independently written reports (issue 10): each rule links what it should and refuses
// the near-miss beside it. The sentences are written for these tests.

describe('a negation outside the clause two claims share', () => {
  const hopes = () => claimOf('The harbour master hopes to build a second ferry terminal on the northern quay to ease the queues at the southern pier');
  it('does not stop two claims that share an unnegated clause from linking', () => {
    const wants = claimOf('The harbour master wanted to build a second ferry terminal on the northern quay and told the crews that this is not a temporary plan');
    assert.deepEqual(linkPair(wants, hopes()).by, ['b']);
  });
  it('still refuses a claim whose shared clause itself is negated', () => {
    const refuses = claimOf('The harbour master will not build a second ferry terminal on the northern quay, and the crews were told to prepare for a long closure');
    assert.deepEqual(linkPair(refuses, hopes()).by, []);
  });
});

