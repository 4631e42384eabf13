import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { decode } from '../../src/core/text/decode';
import type { DocumentResult } from '../../src/core/types';
import { DEFAULT_CONFIG } from '../../src/extension/settings/config';
import { decorationRanges, itemsAt, switchesFrom } from '../../src/extension/decorations/spans';
import { LineIndex } from '../support/lineIndex';
import { DECORATION_KINDS } from '../../src/extension/decorations/kinds';

const seedsDir = path.resolve(__dirname, '../../../seeds');

function result(over: Partial<DocumentResult>): DocumentResult {
  return { path: 'a.txt', length: 100, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [], ...over };
}

const quote = (start: number, end: number, text = 'x'.repeat(end - start)) => ({
  start, end, text, speaker: 'Sergey Lavrov', speakerType: 'PERSON' as const, speakerMention: null, cue: 'said', partial: false, uncertain: false, group: null, variants: [],
});
const entity = (start: number, end: number, type: 'PERSON' | 'ORG' | 'PLACE' | 'DATE' | 'NUMBER' | 'MISC') => ({ start, end, text: 'x', type, canonical: 'X' });

describe('extension: offsets to positions (LineIndex)', () => {
  it('maps offsets like TextDocument.positionAt with \\n, \\r\\n and lone \\r', () => {
    const t = 'ab\ncd\r\nef\rg';
    const li = new LineIndex(t);
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(5), { line: 1, character: 2 });
    assert.deepEqual(li.positionAt(6), { line: 1, character: 2 }, 'inside \\r\\n clamps to the line end');
    assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(li.positionAt(999), { line: 3, character: 1 });
    assert.deepEqual(li.positionAt(-4), { line: 0, character: 0 });
  });

  it('round-trips every offset that is not inside a line break, surrogate pairs included', () => {
    const t = 'Zelenskyy 😀 said\r\n“Ready,” he said.\n\nЁж 🇺🇦 end';
    const li = new LineIndex(t);
    for (let i = 0; i <= t.length; i++) {
      if (t[i - 1] === '\r' && t[i] === '\n') continue;
      assert.equal(li.offsetAt(li.positionAt(i)), i, `offset ${i}`);
    }
    assert.equal(li.offsetAt({ line: 0, character: 500 }), t.indexOf('\r'), 'characters past the line end clamp to it');
    assert.equal(li.offsetAt({ line: 99, character: 0 }), t.length);
  });
});

describe('extension: decoration ranges', () => {
  const r = result({
    quotes: [quote(50, 60), quote(10, 20)],
    entities: [entity(0, 5, 'PERSON'), entity(6, 9, 'ORG'), entity(30, 34, 'DATE'), entity(35, 37, 'MISC'), entity(95, 120, 'PLACE')],
    duplicates: [
      { start: 40, end: 80, other: { path: 'b.txt', start: 0, end: 40 }, kind: 'shared', label: 'verbatim', similarity: 1, boilerplate: true },
      { start: 82, end: 90, other: { path: 'a.txt', start: 21, end: 29 }, kind: 'repeat', label: 'verbatim', similarity: 1, boilerplate: false },
    ],
  });

  it('gives every kind, sorted, dropping ranges outside the text', () => {
    const d = decorationRanges(r, switchesFrom(DEFAULT_CONFIG));
    assert.deepEqual(Object.keys(d), [...DECORATION_KINDS]);
    assert.deepEqual(d.quote, [{ start: 10, end: 20 }, { start: 50, end: 60 }]);
    assert.deepEqual(d.shared, [{ start: 40, end: 80 }], 'a passage shared with another file');
    assert.deepEqual(d.repeat, [{ start: 82, end: 90 }], 'a passage repeated in the same file');
    assert.deepEqual(d.person, [{ start: 0, end: 5 }]);
    assert.deepEqual(d.org, [{ start: 6, end: 9 }]);
    assert.deepEqual(d.date, [{ start: 30, end: 34 }]);
    assert.deepEqual(d.place, [], 'past the end of the text');
    assert.deepEqual(d.misc, [], 'MISC is off by default');
    assert.deepEqual(d.number, []);
  });

  it('clears kinds that are switched off (empty arrays, never missing)', () => {
    const on = { ...switchesFrom(DEFAULT_CONFIG), quotes: false, entities: false, duplicates: false };
    const d = decorationRanges(r, on);
    for (const k of DECORATION_KINDS) assert.deepEqual(d[k], [], k);
    const quiet = decorationRanges(r, { ...switchesFrom(DEFAULT_CONFIG), hideBoilerplate: true });
    assert.deepEqual(quiet.shared, [], 'boilerplate hidden');
    assert.deepEqual(quiet.repeat, [{ start: 82, end: 90 }], 'a repeat that is not boilerplate stays');
    assert.deepEqual(decorationRanges(undefined, switchesFrom(DEFAULT_CONFIG)).quote, []);
  });

  it('finds the innermost items under an offset', () => {
    const at = itemsAt(result({ entities: [entity(0, 30, 'ORG'), entity(5, 9, 'PERSON')] }), 6);
    assert.deepEqual(at.entities.map(e => e.type), ['PERSON', 'ORG']);
    assert.equal(itemsAt(r, 20).quotes.length, 0, 'end is exclusive');
  });

  it('keeps the text-equals-slice invariant for every decorated span of the seeds', () => {
    const corpus = new Corpus();
    const texts = new Map<string, string>();
    for (const f of fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort()) {
      const dec = decode(fs.readFileSync(path.join(seedsDir, f)));
      assert.ok(dec.ok);
      texts.set(f, dec.text);
      corpus.set(f, dec.text);
    }
    const on = { ...switchesFrom(DEFAULT_CONFIG), entityTypes: ['PERSON', 'ORG', 'PLACE', 'DATE', 'NUMBER', 'MISC'] as const };
    for (const res of corpus.allResults()) {
      const text = texts.get(res.path)!;
      const d = decorationRanges(res, on);
      const li = new LineIndex(text);
      for (const q of res.quotes) assert.equal(q.text, text.slice(q.start, q.end));
      for (const e of res.entities) assert.equal(e.text, text.slice(e.start, e.end));
      for (const x of res.duplicates) assert.equal(x.text, text.slice(x.start, x.end));
      for (const k of DECORATION_KINDS) {
        for (const s of d[k]) {
          assert.ok(s.start < s.end && s.end <= text.length);
          assert.equal(li.offsetAt(li.positionAt(s.start)), s.start);
          assert.equal(li.offsetAt(li.positionAt(s.end)), s.end);
        }
      }
      assert.equal(d.quote.length, res.quotes.length);
      assert.equal(d.repeat.length, res.duplicates.filter(x => x.kind === 'repeat').length);
      assert.equal(d.shared.length, res.duplicates.filter(x => x.kind === 'shared').length);
    }
  });
});
