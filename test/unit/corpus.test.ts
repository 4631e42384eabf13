import { AnalysisContext } from '../../src/core/text/memo';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeLocal, Corpus, ParagraphCache } from '../../src/core/corpus/corpus';
import { normalizeEol } from '../../src/core/text/decode';
import type { DocumentResult } from '../../src/core/types';

const seedDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => ({ path: `seeds/${f}`, text: normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')) }));

/** Every span of a result equals its document sliced at its offsets. */
export function assertOffsets(doc: DocumentResult, text: string): void {
  for (const s of [...doc.quotes, ...doc.entities, ...doc.claims, ...doc.duplicates]) {
    assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end, `${doc.path}: bad range ${s.start}-${s.end}`);
    if ('text' in s && s.text !== undefined) assert.equal(s.text, text.slice(s.start, s.end), `${doc.path}: text != slice at ${s.start}`);
  }
  for (const q of doc.quotes) {
    if (q.speakerMention) assert.ok(q.speakerMention.start < q.speakerMention.end && q.speakerMention.end <= text.length);
  }
}

describe('corpus', () => {
  it('adds, updates and removes one document at a time', () => {
    const c = new Corpus();
    for (const s of seeds) c.set(s.path, s.text);
    assert.equal(c.size, 5);
    assert.deepEqual(c.paths(), seeds.map(s => s.path));
    const before = c.result(seeds[0].path)!;
    assert.equal(before.length, seeds[0].text.length);
    c.set(seeds[0].path, seeds[0].text + '\nA new closing line about Lavrov.');
    assert.equal(c.result(seeds[0].path)!.length, seeds[0].text.length + 33);
    assert.ok(c.delete(seeds[1].path));
    assert.equal(c.delete(seeds[1].path), false);
    assert.equal(c.result(seeds[1].path), undefined);
    for (const d of c.allResults()) {
      for (const l of [...d.duplicates.map(x => x.other), ...d.quotes.flatMap(q => q.variants), ...d.claims.flatMap(k => [...k.corroboratedBy, ...k.disputedBy])]) {
        assert.notEqual(l.path, seeds[1].path, `${d.path} still links to a removed document`);
      }
    }
  });

  it('re-analyses only the touched paragraph after an edit', () => {
    const cache = new ParagraphCache();
    const ctx = new AnalysisContext();
    const text = seeds[4].text;
    analyzeLocal(ctx, text, cache);
    const misses = cache.misses;
    const at = text.indexOf('The White House declined');
    const edited = text.slice(0, at) + 'Late on Tuesday, ' + text.slice(at);
    const a = analyzeLocal(ctx, edited, cache);
    assert.equal(cache.misses - misses, 1);
    const fresh = analyzeLocal(new AnalysisContext(), edited, new ParagraphCache());
    assert.deepEqual(a, fresh, 'a cached analysis must equal a fresh one');
  });

  it('holds the offset invariant on every span of every seed', () => {
    const c = new Corpus();
    for (const s of seeds) c.set(s.path, s.text);
    for (const s of seeds) assertOffsets(c.result(s.path)!, s.text);
  });

  it('survives hostile input', () => {
    const c = new Corpus();
    const texts = ['', '\n\n\n', '“', '”', '"""', '😀😀 “😀,” said 😀.', 'a'.repeat(10_000), '“Unclosed quote, Putin said.\n\nNext “para” here', '\u0000\uFFFD', 'Mr. . . . ! ? “ ” ‘ ’'];
    texts.forEach((t, i) => c.set(`doc${i}`, t));
    texts.forEach((t, i) => assertOffsets(c.result(`doc${i}`)!, t));
  });
});
