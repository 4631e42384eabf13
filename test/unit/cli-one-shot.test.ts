/**
 * The CLI's one-shot corpus (src/cli/oneShot.ts) gives what `Corpus` gives for the
 * same documents in the same order, though it lets go of each stage's data as it
 * goes; emptying the analysis memos along the way changes nothing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { betweenDocuments, OneShotCorpus, withLinkFields } from '../../src/cli/oneShot';
import type { Quote } from '../../src/core/types';
import { Corpus } from '../../src/core/corpus/corpus';
import { analyzeLocal, analyzeLocalAll, ParagraphCache } from '../../src/core/corpus/corpus';
import { BOILERPLATE } from '../../src/core/reuse/reuseText';
import { applyAnnotations } from '../../src/core/annotations';
import { paragraphs } from '../../src/core/text/paragraphs';
import { AnalysisContext, memoSlot, Slot } from '../../src/core/text/memo';

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

  it('analyses documents stage by stage to the results it gives one document at a time', () => {
    const docs = texts();
    const one = new OneShotCorpus(), batched = new OneShotCorpus();
    for (const d of docs) one.set(d.path, d.text);
    // In two batches, the second of one document, its paragraph cache emptied between them (a span of 5).
    const small = new OneShotCorpus(5);
    for (const part of [docs.slice(0, docs.length - 1), docs.slice(docs.length - 1)]) {
      const locals = batched.analyseAll(part.map(d => d.text));
      part.forEach((d, k) => batched.setAnalysed(d.path, locals[k] as never));
      const again = small.analyseAll(part.map(d => d.text));
      part.forEach((d, k) => small.setAnalysed(d.path, again[k] as never));
    }
    const want = json(one.allResults());
    assert.equal(json(batched.allResults()), want);
    assert.equal(json(small.allResults()), want);
  });

  it('stage by stage, gives a document whose analysis throws its error and analyses the others', () => {
    const docs = texts().slice(0, 4);
    const p = paragraphs(docs[2].text)[1];
    const bad = docs[2].text.slice(p.start, p.end);
    class Failing extends ParagraphCache {
      override get(text: string) {
        if (text === bad) throw new TypeError('no paragraph today');
        return super.get(text);
      }
    }
    const got = analyzeLocalAll(new AnalysisContext(), docs.map(d => d.text), new Failing());
    assert.ok(got[2] instanceof TypeError && got[2].message === 'no paragraph today');
    docs.forEach((d, k) => {
      if (k !== 2) assert.equal(json(got[k]), json(analyzeLocal(new AnalysisContext(), d.text)), d.path);
    });
    assert.throws(() => analyzeLocal(new AnalysisContext(), docs[2].text, new Failing()), /no paragraph today/, 'one document alone throws');
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

  it('gives the same results when its paragraph cache is emptied every other document', () => {
    const docs = texts();
    const often = new OneShotCorpus(2);
    const never = new OneShotCorpus(Number.MAX_SAFE_INTEGER);
    for (const d of docs) { often.set(d.path, d.text); never.set(d.path, d.text); }
    assert.equal(json(often.allResults()), json(never.allResults()));
  });

  it('empties the memos before each document but the boilerplate verdicts, the paragraph cache every span', () => {
    const ctx = new AnalysisContext(), cache = new ParagraphCache();
    const memo = memoSlot<number>('test.memo', 10), kept = new Slot('test.kept', () => new Map<string, number>());
    const para = 'Marta Olsen, who runs the ferry at Brenn Point, said the crossing would close in March.';
    ctx.get(memo).get('a line', () => 1);
    ctx.get(BOILERPLATE).get('a paragraph', () => false);
    ctx.get(kept).set('x', 1);
    cache.get(para);
    betweenDocuments(ctx, cache, 1, 3);
    assert.equal(ctx.get(memo).size, 0, 'a memo is emptied');
    assert.equal(ctx.get(BOILERPLATE).size, 1, 'the boilerplate verdicts are kept');
    assert.equal(ctx.get(kept).size, 1, 'what is not a memo is kept');
    cache.get(para);
    assert.deepEqual([cache.hits, cache.misses], [1, 1], 'the paragraph cache is kept');
    betweenDocuments(ctx, cache, 2, 3);
    betweenDocuments(ctx, cache, 3, 3);
    cache.get(para);
    assert.deepEqual([cache.hits, cache.misses], [1, 2], 'the paragraph cache is emptied at the span');
  });

  it('builds each quote anew with the link fields in the order the quote linker adds them to a spread copy', () => {
    const ctx = new AnalysisContext();
    const quotes = seeds.slice(0, 6).flatMap(d => analyzeLocal(ctx, d.text).quotes);
    assert.ok(quotes.length > 10);
    for (const q of quotes) {
      // What the results held before: a spread copy, given the fields by QuoteLinker.write.
      const spread: Quote = { ...q, variants: [] };
      spread.quoteGroup = null;
      spread.quoteGroupSize = 1;
      spread.attributedElsewhere = [];
      const built = withLinkFields({ ...q, variants: [] });
      assert.deepEqual(Object.keys(built), Object.keys(spread));
      assert.equal(json(built), json(spread));
      // A quote that has the fields keeps their values and places.
      const linked = { ...q, quoteGroup: 'q1', quoteGroupSize: 2, attributedElsewhere: [] };
      assert.equal(json(withLinkFields(linked)), json(linked));
      // One built elsewhere, without an attribution: none is added.
      const bare: Quote = { ...q, variants: [] };
      delete bare.attribution;
      const filled = withLinkFields(bare);
      assert.ok(!('attribution' in filled));
      assert.deepEqual(Object.keys(filled), [...Object.keys(bare), 'quoteGroup', 'quoteGroupSize', 'attributedElsewhere']);
    }
  });

  it('holds the analyses in a smaller form, leaving the analysis handed in as it was and giving each result claim lists of its own', () => {
    const ctx = new AnalysisContext();
    const oneShot = new OneShotCorpus();
    const locals = seeds.slice(0, 8).map(d => ({ path: d.path, local: analyzeLocal(ctx, d.text) }));
    const before = locals.map(l => json(l.local));
    for (const l of locals) oneShot.setAnalysed(l.path, l.local);
    assert.deepEqual(locals.map(l => json(l.local)), before, 'the analyses handed in are unchanged');
    assert.ok(locals.every(l => l.local.claims.every(c => !Object.isFrozen(c.corroboratedBy) && !Object.isFrozen(c.numbers))));
    const lists = new Set<unknown>();
    let claims = 0;
    for (const r of oneShot.allResults()) {
      for (const c of r.claims) {
        claims++;
        for (const list of [c.numbers, c.entities]) assert.equal(Object.isFrozen(list), false);
        // (Linking writes to these: each claim's own. Two claims of one sentence may share its numbers, as before.)
        for (const list of [c.corroboratedBy, c.disputedBy, c.partlyCorroboratedBy ?? []]) {
          assert.equal(Object.isFrozen(list), false);
          assert.equal(lists.has(list), false, 'no link list is shared between claims');
          lists.add(list);
        }
      }
    }
    assert.ok(claims > 50);
  });

  it('made with the annotations\' fields (filled), gives once annotated what it gives otherwise, the pass keeping its claims and duplicates', () => {
    const docs = texts();
    const plain = new OneShotCorpus(), filled = new OneShotCorpus(undefined, true);
    for (const d of docs) { plain.set(d.path, d.text); filled.set(d.path, d.text); }
    const text = (p: string) => docs.find(d => d.path === p)?.text;
    const fill = (c: OneShotCorpus) => applyAnnotations(c.allResults(), null, { text, fill: true, inPlace: true }).documents;
    const made = filled.allResults();
    assert.ok(made.every(r => r.claims.every(c => c.verdict === null) && r.duplicates.every(d => d.direction === null)));
    assert.notEqual(json(made), json(plain.allResults()), 'the fields are there before the pass');
    const claims = made.flatMap(r => r.claims), duplicates = made.flatMap(r => r.duplicates);
    assert.ok(duplicates.length > 0 && claims.length > 50);
    // Not in place, a claim or duplicate the pass would change is a copy: none is, but for a passage given a direction.
    const copied = applyAnnotations(made, null, { text, fill: true }).documents;
    assert.ok(copied.flatMap(r => r.claims).every((c, k) => c === claims[k]));
    assert.ok(copied.flatMap(r => r.duplicates).every((d, k) => d === duplicates[k] || d.direction !== null));
    assert.equal(json(fill(filled)), json(fill(plain)));
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
