import assert from 'node:assert/strict';
import { checkContract } from '../contract/checkContract';

// The checker guards every tier's output; these make sure it catches what it claims to.
const TEXT = 'Alpha beta gamma. Alpha beta gamma.\n';
const texts: Record<string, string> = { 'a.txt': TEXT, 'b.txt': TEXT };

function output(over: { source?: unknown; direction?: [unknown, unknown]; verdict?: unknown; claimGroup?: [unknown, unknown] } = {}) {
  const dup = (path: string, other: string, direction: unknown) => ({ start: 0, end: 17, text: TEXT.slice(0, 17), other: { path: other, start: 0, end: 17 }, kind: 'shared', label: 'verbatim', similarity: 1, boilerplate: false, direction });
  const claim = (other: string, verdict: unknown, group: unknown) => ({
    start: 0, end: 16, text: TEXT.slice(0, 16), kind: 'statement', speaker: null, entities: [], numbers: [], status: 'corroborated',
    corroboratedBy: [{ path: other, start: 0, end: 16, similarity: 1 }], disputedBy: [], partlyCorroboratedBy: [],
    claimGroup: group, claimGroupSize: group === null ? 1 : 2, verdict,
  });
  const doc = (path: string, other: string, k: 0 | 1) => ({
    path, length: TEXT.length, title: null, truncated: null, source: k === 0 ? over.source ?? null : null, quotes: [], entities: [],
    duplicates: [dup(path, other, over.direction?.[k] ?? null)],
    claims: [claim(other, k === 0 ? over.verdict ?? null : null, over.claimGroup ? over.claimGroup[k] : 'c1')],
  });
  return { version: 1, documents: [doc('a.txt', 'b.txt', 0), doc('b.txt', 'a.txt', 1)], skipped: [] };
}
const check = (o: unknown) => checkContract(o, p => texts[p]);

describe('the contract checker', () => {
  it('accepts a well-formed pair of documents', () => {
    assert.deepEqual(check(output()), []);
    assert.deepEqual(check(output({ source: { outlet: 'Wire', date: '2022-02-15', url: null }, direction: ['earlier', 'later'], verdict: { value: 'verified', note: null } })), []);
  });

  it('rejects a bad source, a one-sided direction, a bad verdict and a claim group of one', () => {
    assert.match(check(output({ source: { outlet: 3, date: null, url: null } })).join('\n'), /source\.outlet/);
    assert.match(check(output({ direction: ['earlier', 'earlier'] })).join('\n'), /its mirror says earlier/);
    assert.match(check(output({ direction: ['sooner', null] })).join('\n'), /bad direction sooner/);
    assert.match(check(output({ verdict: { value: 'true', note: null } })).join('\n'), /bad verdict/);
    assert.match(check(output({ verdict: { value: 'false', note: 7 } })).join('\n'), /verdict note/);
    assert.match(check(output({ claimGroup: [null, 'c1'] })).join('\n'), /a corroborated claim without a claimGroup/);
  });
});
