import assert from 'node:assert/strict';
import { linkQuoteClaims } from '../../src/core/corpus/quoteLinks';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim, DocumentResult, Quote } from '../../src/core/types';

const quote = (text: string, start: number, partial: boolean): Quote => ({
  start, end: start + text.length, text, speaker: 'Ada Brook', speakerType: 'PERSON', speakerMention: null, cue: 'said', partial,
  uncertain: false, group: null, variants: [], attributedElsewhere: [],
});

const claim = (text: string, kind: Claim['kind'], speaker: string | null): Claim => ({
  start: 0, end: text.length, text, kind, speaker, entities: [], numbers: [], status: 'unique', corroboratedBy: [], disputedBy: [],
});

/** A report's own sentence quoting a fragment (`fragment`, found in `sentence`), one claim of kind statement. */
function reporting(path: string, sentence: string, fragment: string): DocumentResult {
  const q = quote(fragment, sentence.indexOf(fragment), true);
  return { path, length: sentence.length, title: null, truncated: null, quotes: [q], entities: [], duplicates: [], claims: [claim(sentence, 'statement', null)] };
}

/** A report carrying the speaker's whole sentence as a quote claim. */
function quoting(path: string, sentence: string, quoted: string): DocumentResult {
  const q = quote(quoted, sentence.indexOf(quoted), false);
  return { path, length: sentence.length, title: null, truncated: null, quotes: [q], entities: [], duplicates: [], claims: [claim(sentence, 'quote', 'Ada Brook')] };
}

function variants(a: DocumentResult, b: DocumentResult): void {
  a.quotes[0].variants = [{ path: b.path, start: b.quotes[0].start, end: b.quotes[0].end, identical: false }];
  b.quotes[0].variants = [{ path: a.path, start: a.quotes[0].start, end: a.quotes[0].end, identical: false }];
}

const link = (docs: DocumentResult[]) => linkQuoteClaims(new AnalysisContext(), new Map(docs.map(d => [d.path, d])));

describe('claims: a sentence quoting a few of the speaker\'s words, and the full quotation in another report', () => {
  it('corroborate each other when the quoted words run word for word in the full quotation', () => {
    const a = reporting('a.txt', 'The harbour master called the ferry timetable “a costly mistake for the island” on Monday.', '“a costly mistake for the island”');
    const b = quoting('b.txt', '“Cutting the night crossings is a costly mistake for the island,” Brook told reporters.', '“Cutting the night crossings is a costly mistake for the island,”');
    variants(a, b);
    link([a, b]);
    assert.deepEqual(a.claims[0].corroboratedBy.map(l => l.path), ['b.txt']);
    assert.deepEqual(b.claims[0].corroboratedBy.map(l => l.path), ['a.txt']);
    assert.deepEqual(a.claims[0].disputedBy, [], 'what the full quotation says around the fragment is no change of its meaning');
  });

  it('does not when a single word is quoted: a label the report hangs on its own sentence', () => {
    const a = reporting('a.txt', 'The council\'s vote on the ferries was “reckless,” critics of the plan said.', '“reckless,”');
    const b = quoting('b.txt', '“Selling the old pier now would be reckless,” Brook said.', '“Selling the old pier now would be reckless,”');
    variants(a, b);
    link([a, b]);
    assert.deepEqual(a.claims[0].corroboratedBy, []);
    assert.deepEqual(b.claims[0].corroboratedBy, []);
  });

  it('does not when the quoted words are reworded in the other quotation', () => {
    const a = reporting('a.txt', 'Brook warned of “a very costly error” for island families.', '“a very costly error”');
    const b = quoting('b.txt', '“This is an error that will cost island families dearly,” Brook said.', '“This is an error that will cost island families dearly,”');
    variants(a, b);
    link([a, b]);
    assert.deepEqual(a.claims[0].corroboratedBy, []);
    assert.deepEqual(b.claims[0].corroboratedBy, []);
  });

  it('keeps the links of a quoting sentence when its fragment is attributed to another speaker elsewhere', () => {
    const a = reporting('a.txt', 'The harbour master called the ferry timetable “a costly mistake for the island” on Monday.', '“a costly mistake for the island”');
    const b = quoting('b.txt', '“It is a costly mistake for the island,” the ferry operator said.', '“It is a costly mistake for the island,”');
    a.quotes[0].attributedElsewhere = [{ path: 'b.txt', speaker: 'Lee Port', start: b.quotes[0].start, end: b.quotes[0].end }];
    a.claims[0].corroboratedBy = [{ path: 'b.txt', start: 0, end: b.claims[0].end, similarity: 0.4 }];
    b.claims[0].corroboratedBy = [{ path: 'a.txt', start: 0, end: a.claims[0].end, similarity: 0.4 }];
    link([a, b]);
    assert.equal(a.claims[0].corroboratedBy.length, 1);
    assert.equal(b.claims[0].corroboratedBy.length, 1);
  });
});
