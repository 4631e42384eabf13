/**
 * A quoted part of a longer quotation says what the longer says of it: a negation or a figure the
 * longer holds outside the part is no change of meaning (corpus/quoteLinks.ts `meaningChange`),
 * while a negation or figure changed inside the words is still a dispute.
 */
import assert from 'node:assert/strict';
import type { Claim, DocumentResult } from '../../src/core/types';
import { corpusResults as results } from '../support/quoteCorpus';

const LEAD = 'Flooding closed the coastal road for a week.\n\n';
const claimOf = (r: DocumentResult, words: string): Claim => {
  const c = r.claims.find(x => x.text.includes(words));
  assert.ok(c, `a claim holding "${words}" in ${r.path}: ${r.claims.map(x => x.text).join(' | ')}`);
  return c;
};
const links = (c: Claim) => ({ by: c.corroboratedBy.map(l => l.path), disputed: c.disputedBy.map(l => `${l.path}:${l.reason}`) });

describe('quoted parts of a longer quotation', () => {
  it('a part quoted from a longer quotation holding a "not" elsewhere corroborates it, both ways', () => {
    const r = results({
      'a.txt': LEAD + '“They are the finest public servants in this county,” Mayor Ana Ruiz said of the road crews.\n',
      'b.txt': LEAD + '“This is not a time for blame, because they are the finest public servants in this county,” Mayor Ana Ruiz said.\n',
    });
    const a = claimOf(r.get('a.txt')!, 'finest'), b = claimOf(r.get('b.txt')!, 'finest');
    assert.deepEqual(links(a), { by: ['b.txt'], disputed: [] });
    assert.deepEqual(links(b), { by: ['a.txt'], disputed: [] });
  });
  it('a negation inside the quoted words is still a dispute', () => {
    const r = results({
      'a.txt': LEAD + '“The road crews are the finest public servants in this county,” Mayor Ana Ruiz said.\n',
      'b.txt': LEAD + '“The road crews are not the finest public servants in this county,” Mayor Ana Ruiz said.\n',
    });
    assert.deepEqual(links(claimOf(r.get('a.txt')!, 'finest')).disputed, ['b.txt:negation']);
  });
});
