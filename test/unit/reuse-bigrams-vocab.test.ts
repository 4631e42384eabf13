/**
 * A passage's edited/reworded test reads its word pairs as form ids of the shared vocabulary
 * (`bigramContainmentIn`): the same shares as with the words' own strings (`bigramContainment`).
 */
import assert from 'node:assert/strict';
import { bigramContainment, bigramContainmentIn, Vocab } from '../../src/core/reuse/reuseText';

const TEXTS = [
  'The U.S. Navy said the ferry left port at dawn, and the US Navy later confirmed it.',
  'the us navy said the ferry left the port at dawn and the u.s. navy confirmed it later',
  'THE FERRY LEFT PORT AT DAWN. The ferry left port at dawn.',
  'Harbour officials didn’t say when the ferry’s crew would return; they said “soon”.',
  'harbour officials did not say when the ferrys crew would return, they said soon',
  'Port, port, PORT and port again: the port reopened.',
  'One.',
  '',
  '40,000 tonnes of grain left Odesa on 3 March 2022 — the first shipment since the blockade.',
  'The first shipment since the blockade: 40,000 tonnes of grain left Odesa on March 3, 2022.',
];

describe('word pairs read through the vocabulary', () => {
  it('give the shares the words\' strings give, case, initials and apostrophes as `words` reads them', () => {
    const vocab = new Vocab();
    for (const a of TEXTS) for (const b of TEXTS) assert.equal(bigramContainmentIn(vocab, a, b), bigramContainment(a, b), JSON.stringify([a, b]));
  });

  it('after the vocabulary has met many other words (its table of words seen emptied on the way)', () => {
    const vocab = new Vocab();
    const filler = Array.from({ length: 70_000 }, (_, k) => `w${k.toString(36)}q`).join(' ');
    bigramContainmentIn(vocab, filler, 'w1q w2q');
    for (const a of TEXTS) for (const b of TEXTS) assert.equal(bigramContainmentIn(vocab, a, b), bigramContainment(a, b), JSON.stringify([a, b]));
    // Not every pair found: the test tells shares apart.
    assert.ok(TEXTS.some(a => TEXTS.some(b => { const x = bigramContainment(a, b); return x > 0 && x < 1; })));
  });
});
