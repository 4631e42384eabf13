/**
 * A quoted fragment of one content word linked to the same speaker's longer quote in another
 * document (corpus/quoteLinks.ts `linkFragments`), only between documents that already share
 * another quote of that speaker; the one-shot and the incremental linkers agree, before and after edits.
 */
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import type { DocumentResult } from '../../src/core/types';
import { corpusResults as results, quoteOf } from '../support/quoteCorpus';

const LEAD = 'The harbour reopened on Monday after the storm.\n\n';
const SHARED_A = 'Harbour master Jane Roe said the repairs were “going faster than anyone expected.”\n\n';
const SHARED_B = 'The repairs were “going faster than anyone expected,” said harbour master Jane Roe.\n\n';
const FRAGMENT = 'Roe called the delays at the northern pier “unacceptable.”\n';
const LONGER = '“Some of the crews waited two days for fuel, and frankly that was unacceptable,” Roe said.\n';

const variantsOf = (r: Map<string, DocumentResult>) => quoteOf(r.get('a.txt')!, '“unacceptable').variants.map(v => v.path);

describe('quoted fragments of one word', () => {
  it('links a one-word fragment to the same speaker\'s quote holding the word, between documents sharing another of her quotes', () => {
    const docs = { 'a.txt': LEAD + SHARED_A + FRAGMENT, 'b.txt': LEAD + SHARED_B + LONGER };
    const r = results(docs);
    assert.equal(quoteOf(r.get('a.txt')!, '“unacceptable').speaker, 'Jane Roe');
    assert.deepEqual(variantsOf(r), ['b.txt']);
    assert.deepEqual(quoteOf(r.get('b.txt')!, '“Some').variants.map(v => v.path), ['a.txt'], 'at both ends');
    assert.deepEqual(variantsOf(results(docs, false)), ['b.txt'], 'the one-shot linker agrees');
  });
  it('does not link it without another shared quote, nor to another speaker, nor a word the other quote lacks', () => {
    assert.deepEqual(variantsOf(results({ 'a.txt': LEAD + SHARED_A + FRAGMENT, 'b.txt': LEAD + LONGER })), [], 'no other quote in common');
    const other = LONGER.replace('Roe said', 'said pilot Tom Ash');
    assert.deepEqual(variantsOf(results({ 'a.txt': LEAD + SHARED_A + FRAGMENT, 'b.txt': LEAD + SHARED_B + other })), [], 'another speaker');
    const lacks = LONGER.replace('unacceptable', 'a disgrace');
    assert.deepEqual(variantsOf(results({ 'a.txt': LEAD + SHARED_A + FRAGMENT, 'b.txt': LEAD + SHARED_B + lacks })), [], 'the word is not in it');
  });
  it('an edited corpus equals a fresh one: the link comes and goes with the documents\' other shared quote', () => {
    const c = new Corpus();
    c.set('a.txt', LEAD + SHARED_A + FRAGMENT);
    c.set('b.txt', LEAD + LONGER);
    const now = () => new Map(c.allResults().map(r => [r.path, r]));
    assert.deepEqual(variantsOf(now()), []);
    c.set('b.txt', LEAD + SHARED_B + LONGER);
    assert.deepEqual(variantsOf(now()), ['b.txt'], 'the shared quote added to b');
    assert.deepEqual(now(), results({ 'a.txt': LEAD + SHARED_A + FRAGMENT, 'b.txt': LEAD + SHARED_B + LONGER }));
    c.set('a.txt', LEAD + FRAGMENT);
    assert.deepEqual(variantsOf(now()), [], 'the shared quote taken out of a');
    assert.deepEqual(now(), results({ 'a.txt': LEAD + FRAGMENT, 'b.txt': LEAD + SHARED_B + LONGER }));
  });
  it('after an edit elsewhere, the fragment keeps or drops each link as a fresh corpus would (its own document untouched)', () => {
    const c = new Corpus();
    const texts: Record<string, string> = {
      'a.txt': LEAD + SHARED_A + FRAGMENT,
      'b.txt': LEAD + SHARED_B + LONGER,
      'c.txt': LEAD + SHARED_B + LONGER.replace('two days', 'three days'),
      'd.txt': LEAD + 'Pilot Tom Ash said the channel was “clear of debris by noon.”\n',
    };
    for (const [p, t] of Object.entries(texts)) c.set(p, t);
    const now = () => new Map(c.allResults().map(r => [r.path, r]));
    assert.deepEqual(variantsOf(now()).sort(), ['b.txt', 'c.txt']);
    // c's longer quote loses the word: a's fragment loses c alone.
    texts['c.txt'] = texts['c.txt'].replace('unacceptable', 'a disgrace');
    c.set('c.txt', texts['c.txt']);
    assert.deepEqual(variantsOf(now()), ['b.txt']);
    assert.deepEqual(now(), results(texts));
    // An edit of a document that shares nothing with a: a's links stay.
    texts['d.txt'] = texts['d.txt'].replace('by noon', 'by early afternoon');
    c.set('d.txt', texts['d.txt']);
    assert.deepEqual(variantsOf(now()), ['b.txt']);
    assert.deepEqual(now(), results(texts));
    // The word back in c: the link comes back.
    texts['c.txt'] = texts['c.txt'].replace('a disgrace', 'unacceptable');
    c.set('c.txt', texts['c.txt']);
    assert.deepEqual(variantsOf(now()).sort(), ['b.txt', 'c.txt']);
    assert.deepEqual(now(), results(texts));
  });
});
