/**
 * `--format json` is written one document at a time (`jsonPieces`): the pieces
 * joined are exactly `JSON.stringify(out, null, 1)` and a newline, whatever the
 * documents hold (nested lists, strings with escaped newlines and quotes, none at all).
 */
import assert from 'node:assert/strict';
import { jsonPieces } from '../../src/cli/main';
import { Corpus } from '../../src/core/corpus/corpus';
import type { AnalysisOutput } from '../../src/core/types';

const whole = (out: AnalysisOutput) => JSON.stringify(out, null, 1) + '\n';

describe('CLI JSON written in pieces', () => {
  it('joins to the whole report for analysed documents, one piece per document, one between two and two around them', () => {
    const texts = [
      'Senator Mara Quill said on Monday: "The bridge will open in May, not June."\n\nThe council met at noon.',
      'The council met at noon.\n\n"The bridge will open in May, not June," Senator Mara Quill said.',
      'A line with "quotes", a tab\there and a backslash \\ in it.\n\nAnother paragraph.',
    ];
    const corpus = new Corpus();
    texts.forEach((text, k) => corpus.set(`doc${k}.txt`, text));
    const out: AnalysisOutput = { version: 1, documents: corpus.allResults(), skipped: [{ path: 'e.bin', reason: 'binary' }] };
    assert.ok(out.documents.some(d => d.quotes.length && d.claims.length), 'the documents hold quotes and claims');
    const pieces = [...jsonPieces(out)];
    // The frame's two ends, each document, and the separators between documents.
    assert.equal(pieces.length, 2 * texts.length + 1);
    assert.equal(pieces.join(''), whole(out));
  });

  it('joins to the whole report for any output shape', () => {
    const doc = (path: string) => ({ path, length: 3, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [] });
    const cases: AnalysisOutput[] = [
      { version: 1, documents: [], skipped: [] },
      { version: 1, documents: [], skipped: [{ path: 'x.bin', reason: 'binary' }] },
      { version: 1, documents: [doc('a.txt')], skipped: [] },
      { version: 1, documents: [doc('a\nb "c".txt'), doc('d\\e.txt'), doc('f.txt')], skipped: [{ path: 'g.txt', reason: 'line\nbreak' }] },
    ] as unknown as AnalysisOutput[];
    for (const out of cases) {
      const pieces = [...jsonPieces(out)];
      assert.equal(pieces.join(''), whole(out));
      if (out.documents.length) assert.equal(pieces.length, 2 * out.documents.length + 1);
    }
  });
});
