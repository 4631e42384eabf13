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
});
