/**
 * The CLI's one-shot corpus (src/cli/oneShot.ts) gives what `Corpus` gives for the
 * same documents in the same order, though it lets go of each stage's data as it
 * goes; emptying the analysis memos along the way changes nothing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OneShotCorpus } from '../../src/cli/oneShot';
import { Corpus } from '../../src/core/corpus/corpus';
import { analyzeLocal } from '../../src/core/corpus/corpus';
import { AnalysisContext } from '../../src/core/text/memo';

const root = path.resolve(__dirname, '../../..');
const seeds = fs.readdirSync(path.join(root, 'seeds')).filter(f => f.endsWith('.txt')).sort()
  .map(f => ({ path: `seeds/${f}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8').replace(/\r\n?/g, '\n') }));

/** The documents with a few edits: a wire copy of one seed under another name, one seed's paragraphs reversed. */
function texts(): { path: string; text: string }[] {
  const docs = seeds.slice(0, 14);
  const first = docs[0].text;
  const reversed = docs[1].text.split('\n\n').reverse().join('\n\n');
  return [...docs, { path: 'copy/wire.txt', text: first }, { path: 'copy/reversed.txt', text: reversed }];
}

const json = (x: unknown) => JSON.stringify(x);

describe('CLI one-shot corpus', function () {
  this.timeout(300_000);

  it('gives the results Corpus gives (names, shared passages, quote and claim links, groups, caps)', () => {
    const docs = texts();
    const corpus = new Corpus({ incremental: false });
    const oneShot = new OneShotCorpus();
    for (const d of docs) { corpus.set(d.path, d.text); oneShot.set(d.path, d.text); }
    const want = corpus.allResults();
    const got = oneShot.allResults();
    assert.ok(want.some(r => r.duplicates.some(d => d.kind === 'shared')), 'the documents share passages');
    assert.ok(want.some(r => r.claims.some(c => c.corroboratedBy.length)), 'the documents have linked claims');
    assert.equal(json(got), json(want));
    for (const d of docs) assert.equal(oneShot.text(d.path), d.text);
  });

  it('takes documents analysed elsewhere, a document replaced and one deleted, as Corpus does', () => {
    const docs = texts();
    const ctx = new AnalysisContext();
    const corpus = new Corpus({ incremental: false });
    const oneShot = new OneShotCorpus();
    for (const d of docs) {
      const local = analyzeLocal(ctx, d.text);
      corpus.setAnalysed(d.path, local);
      oneShot.setAnalysed(d.path, local);
    }
    // Replaced: it keeps its place; deleted: its names and passages go.
    for (const c of [corpus, oneShot]) {
      c.set(docs[2].path, docs[4].text);
      assert.equal(c.delete(docs[5].path), true);
      assert.equal(c.delete('absent.txt'), false);
    }
    assert.equal(json(oneShot.allResults()), json(corpus.allResults()));
    assert.equal(oneShot.text(docs[5].path), undefined);
    assert.equal(oneShot.text(docs[2].path), docs[4].text);
  });

  it('gives the same results when its memos are emptied every other document', () => {
    const docs = texts();
    const often = new OneShotCorpus(2);
    const never = new OneShotCorpus(Number.MAX_SAFE_INTEGER);
    for (const d of docs) { often.set(d.path, d.text); never.set(d.path, d.text); }
    assert.equal(json(often.allResults()), json(never.allResults()));
  });

  it('takes no document once its results are out, and gives the same results when asked again', () => {
    const oneShot = new OneShotCorpus();
    for (const d of seeds.slice(0, 3)) oneShot.set(d.path, d.text);
    const first = oneShot.allResults();
    assert.equal(oneShot.allResults(), first);
    assert.throws(() => oneShot.set('late.txt', 'A late document.'), /no document once its results are out/);
    assert.equal(oneShot.text(seeds[0].path), seeds[0].text);
  });
});
