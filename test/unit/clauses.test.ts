import assert from 'node:assert/strict';
import { clauseAround } from '../../src/core/claims/clauses';

const clause = (s: string, number: string) => {
  const span = clauseAround(s, 0, s.length, s.indexOf(number));
  return s.slice(span.start, span.end);
};

describe('clauses', () => {
  it('drops framing before "that" and trailing participial clauses', () => {
    assert.equal(clause('The fears stem from the fact that Russia has massed more than 130,000 Russian troops on Ukraine’s borders', '130,000'),
      'Russia has massed more than 130,000 Russian troops on Ukraine’s borders');
    assert.equal(clause('Russia has sent more than 130,000 troops near Ukraine, raising fears of an invasion', '130,000'),
      'Russia has sent more than 130,000 troops near Ukraine');
    assert.equal(clause('The fears of an invasion grew from the fact that Russia has massed more than 130,000 troops near Ukraine', '130,000'),
      'Russia has massed more than 130,000 troops near Ukraine');
  });
  it('keeps the clause after a break when the number is there', () => {
    assert.equal(clause('Yet Ukraine remains surrounded; some 14,000 people have been killed in fighting since 2014', '14,000'),
      'some 14,000 people have been killed in fighting since 2014');
  });
  it('falls back to the whole sentence when the clause cannot stand alone', () => {
    const s = 'Troops: 130,000, officials said';
    assert.equal(clause(s, '130,000'), s);
    const q = 'He said “we have 130,000 men; they are ready,” and left';
    assert.equal(clause(q, '130,000'), q);
  });
});
