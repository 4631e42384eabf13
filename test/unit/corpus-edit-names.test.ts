/**
 * An edited document teaches the corpus's name resolver only what changed: the
 * entities at either end that stand (the same type and name, in order) are not
 * counted off and on again (`unchangedEnds`, `Corpus.learn`). Here an edit in the
 * middle of a long document changes which full name a surname takes corpus-wide,
 * and each result must be a fresh corpus's: were the entities between the ends not
 * compared, or the ends taken for unchanged without comparing them, the counts (and
 * the other document's name) would go stale. The answers a document asked for are
 * kept from one naming to the next unless one of them changed: here both documents'
 * lone surname changes its answer, the edited one's included.
 */
import assert from 'node:assert/strict';
import { Corpus, unchangedEnds } from '../../src/core/corpus/corpus';
import type { DocumentResult, Entity } from '../../src/core/types';
import { canonicalGroups } from '../support/groups';

const filler = (k: number) => `The council met on Tuesday to discuss the harbour budget, item ${k} of the agenda.`;

/** A long article: paragraphs naming Anna Petrova at both ends, the middle paragraph `middle`. */
function article(middle: string): string {
  // (Its lone surname takes the commonest full form too: the edited document itself is named anew.)
  const paras: string[] = ['Anna Petrova, the mayor, said the budget was sound. Petrova spoke first.'];
  for (let k = 0; k < 30; k++) paras.push(filler(k));
  paras.push(middle);
  for (let k = 30; k < 60; k++) paras.push(filler(k));
  paras.push('Anna Petrova later said the vote would come in March.');
  return paras.join('\n\n') + '\n';
}

const OTHER = 'Petrova said the harbour works would start soon.\n';

function fresh(docs: ReadonlyMap<string, string>): DocumentResult[] {
  const c = new Corpus();
  for (const [p, t] of docs) c.set(p, t);
  return c.allResults();
}

const petrova = (rs: readonly DocumentResult[], path: string) =>
  rs.find(r => r.path === path)!.entities.filter(e => e.text === 'Petrova').map(e => e.canonical);

describe('an edited document teaches the name resolver what changed', () => {
  it('gives a fresh corpus\'s names after edits that move a surname\'s commonest full form', () => {
    const middles = [
      'The session closed early.',
      'Anne Petrova said so. Anne Petrova said it again. Anne Petrova, her deputy, agreed.',
      'Anne Petrova said so. The session closed early.',
      'Anne Petrova said so. Anne Petrova said it again. Anne Petrova agreed. Anne Petrova left.',
      'The session closed early.',
    ];
    const docs = new Map([['other.txt', OTHER], ['big.txt', article(middles[0])]]);
    const corpus = new Corpus();
    for (const [p, t] of docs) corpus.set(p, t);
    corpus.allResults();
    const seen = new Set<string>(), seenBig = new Set<string>();
    for (const [k, m] of middles.entries()) {
      docs.set('big.txt', article(m));
      corpus.set('big.txt', docs.get('big.txt')!);
      const got = corpus.allResults(), want = fresh(docs);
      assert.deepEqual(canonicalGroups(got), canonicalGroups(want), `edit ${k}`);
      for (const n of petrova(got, 'other.txt')) seen.add(n);
      for (const n of petrova(got, 'big.txt')) seenBig.add(n);
    }
    // The edits did move the surname's name corpus-wide, in both documents (else the test shows nothing).
    assert.deepEqual([...seen].sort(), ['Anna Petrova', 'Anne Petrova']);
    assert.deepEqual([...seenBig].sort(), ['Anna Petrova', 'Anne Petrova']);
  });

  it('forgets an answer a naming no longer asks for (not named again when it changes), and asks again when the name comes back', () => {
    // The article names "Petrova" alone, then not, then again; meanwhile the other document changes her full name.
    const steps: [string, string][] = [
      ['Petrova spoke first.', 'Anna Petrova said the harbour works would start soon.'],
      ['The session closed early.', 'Anna Petrova said the harbour works would start soon.'],
      ['The session closed early.', 'Anne Petrova said the harbour works would start soon.'],
      ['Petrova spoke first.', 'Anne Petrova said the harbour works would start soon.'],
    ];
    const docs = new Map<string, string>();
    const corpus = new Corpus();
    const seen = new Set<string>();
    for (const [k, [middle, other]] of steps.entries()) {
      const texts: [string, string][] = [['other.txt', other + '\n'], ['big.txt', article(middle).replace('Anna Petrova, the mayor, said the budget was sound. Petrova spoke first.', 'The mayor said the budget was sound.').replace('Anna Petrova later said', 'The mayor later said')]];
      for (const [p, t] of texts) { docs.set(p, t); corpus.set(p, t); }
      const got = corpus.allResults();
      assert.deepEqual(canonicalGroups(got), canonicalGroups(fresh(docs)), `step ${k}`);
      // (The article no longer names her when her full name changes: it is not named again, only the other document.)
      if (k === 2) assert.equal(corpus.last.named, 1, 'documents named again');
      for (const n of petrova(got, 'big.txt')) seen.add(n);
    }
    assert.deepEqual([...seen].sort(), ['Anna Petrova', 'Anne Petrova']);
  });

  it('finds the entities at either end that stand, comparing type and name', () => {
    const e = (canonical: string, type: Entity['type'] = 'PERSON', start = 0): Entity =>
      ({ text: canonical, start, end: start + canonical.length, type, canonical } as Entity);
    const xs = [e('A'), e('B'), e('C'), e('D')];
    // The same names at new places (after an edit): all stand.
    assert.deepEqual(unchangedEnds(xs, xs.map(x => e(x.canonical, x.type, x.start + 5))), [4, 0]);
    assert.deepEqual(unchangedEnds(xs, [e('A'), e('X'), e('C'), e('D')]), [1, 2]);
    assert.deepEqual(unchangedEnds(xs, [e('A'), e('B', 'ORG'), e('C'), e('D')]), [1, 2]);
    assert.deepEqual(unchangedEnds(xs, [e('A'), e('D')]), [1, 1]);
    assert.deepEqual(unchangedEnds([e('A'), e('A')], [e('A'), e('A'), e('A')]), [2, 0]);
    assert.deepEqual(unchangedEnds(xs, []), [0, 0]);
  });
});
