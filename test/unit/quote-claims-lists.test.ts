import assert from 'node:assert/strict';
import { linkQuoteClaims } from '../../src/core/corpus/quoteLinks';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim, ClaimLink, DocumentResult, Quote } from '../../src/core/types';

/** One document holding one quote (at 10–40) and the quote claim carrying it (at 0–42). */
function doc(path: string, text: string): DocumentResult {
  const quote: Quote = {
    start: 10, end: 40, text, speaker: 'Jane Doe', speakerType: 'PERSON', speakerMention: null, cue: 'said', partial: false,
    uncertain: false, group: null, variants: [], attributedElsewhere: [],
  };
  const claim: Claim = {
    start: 0, end: 42, text: `Jane Doe said "${text}"`, kind: 'quote', speaker: 'Jane Doe', entities: [], numbers: [],
    status: 'unique', corroboratedBy: [], disputedBy: [],
  };
  return { path, length: 100, title: null, truncated: null, quotes: [quote], entities: [], duplicates: [], claims: [claim] };
}

const at = (path: string): ClaimLink => ({ path, start: 0, end: 42, similarity: 0.5 });

describe('quote claims: each claim\'s lists edited once for all its pairs', () => {
  it('replaces what a claim listed of each variant\'s claim, keeps its other links first, and writes every link at both ends once', () => {
    const texts = ['the bridge will reopen in 2 weeks', 'the bridge will reopen in 2 weeks', 'the bridge should reopen in 2 weeks', 'the bridge will reopen in 3 weeks'];
    const docs = texts.map((t, k) => doc(`d${k}.txt`, t));
    // Each quote a variant of every other.
    for (const d of docs) d.quotes[0].variants = docs.filter(o => o !== d).map(o => ({ path: o.path, start: 10, end: 40, identical: o.quotes[0].text === d.quotes[0].text }));
    // The first claim already lists d1's claim (from claim linking, to be replaced), and an unrelated one (to stay).
    docs[0].claims[0].corroboratedBy = [at('other.txt'), { ...at('d1.txt'), similarity: 0.7 }];
    docs[0].claims[0].disputedBy = [{ ...at('d3.txt'), reason: 'negation' }];
    linkQuoteClaims(new AnalysisContext(), new Map(docs.map(d => [d.path, d])));
    const first = docs[0].claims[0];
    assert.equal(first.corroboratedBy[0].path, 'other.txt', 'the link no pair decides stays, first');
    for (const d of docs) {
      const c = d.claims[0];
      const named = [...c.corroboratedBy, ...c.disputedBy].map(l => l.path).filter(p => p !== 'other.txt').sort();
      assert.deepEqual(named, docs.filter(o => o !== d).map(o => o.path), `${d.path} lists every other claim once`);
      for (const l of c.corroboratedBy.filter(x => x.path !== 'other.txt')) {
        const o = docs.find(x => x.path === l.path)!.claims[0];
        assert.ok(o.corroboratedBy.some(b => b.path === d.path && b.similarity === l.similarity), `${d.path} → ${l.path} is mirrored`);
      }
    }
    // Word for word the same: similarity 1, the old link's 0.7 replaced; a number changed: a dispute.
    assert.equal(first.corroboratedBy.find(l => l.path === 'd1.txt')!.similarity, 1);
    assert.ok(first.disputedBy.some(l => l.path === 'd3.txt' && l.reason === 'number'));
    assert.equal(first.disputedBy.length, 1, 'the old dispute of d3 is replaced, not kept beside the new one');
  });

  it('links a claim met through many variants to each of their claims once, at both ends', () => {
    // (Fourteen copies: each claim has thirteen pairs, more than a short list of pairs holds.)
    const docs = Array.from({ length: 14 }, (_, k) => doc(`c${String(k).padStart(2, '0')}.txt`, 'the bridge will reopen in two weeks'));
    for (const d of docs) d.quotes[0].variants = docs.filter(o => o !== d).map(o => ({ path: o.path, start: 10, end: 40, identical: true }));
    linkQuoteClaims(new AnalysisContext(), new Map(docs.map(d => [d.path, d])));
    for (const d of docs) {
      const c = d.claims[0];
      assert.deepEqual(c.corroboratedBy.map(l => l.path).sort(), docs.filter(o => o !== d).map(o => o.path), `${d.path} lists every other claim once`);
      assert.ok(c.corroboratedBy.every(l => l.similarity === 1 && l.start === 0 && l.end === 42));
      assert.deepEqual(c.disputedBy, []);
    }
  });
});
