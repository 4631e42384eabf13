import assert from 'node:assert/strict';
import { ClaimLinker, type LinkDoc, type PairLink, standingLinks } from '../../src/core/claims/links';
import { ClaimIndex } from '../../src/core/corpus/claimIndex';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';
import { claimOf } from '../support/claimPair';

// A weak match (few shared words at a low overlap) stands only between two documents that a match not weak already
// ties: two or three rare words shared by two short claims of unrelated reports are a coincidence ("We need law and
// order" / "We need the money in order for …"). The sentences are written for these tests.

const WEAK_A = 'We need lamps and order.';
const WEAK_B = 'We need the money in order for the old ferry to sail before winter';
const STRONG_A = 'The harbour board closed the northern pier on Monday after a crane collapsed onto the quay';
const STRONG_B = 'A crane collapsed onto the quay and the harbour board closed the northern pier on Monday';
const FILLERS = [
  { path: 'c', claims: ['A bakery in the harbour district sold rye bread to early tourists'] },
  { path: 'd', claims: ['The orchestra rehearsed a new symphony for the autumn festival'] },
];

/** The documents, each keyed by its claims only: a document left as it was keeps its key, and the index looks it up no more. */
function docsOf(a: string[], b: string[]): LinkDoc[] {
  return [{ path: 'a', claims: a }, { path: 'b', claims: b }, ...FILLERS]
    .map(d => ({ path: d.path, claims: d.claims.map(t => claimOf(t)), key: `${d.path}:${d.claims.join('|')}` }));
}

const by = (c: Claim) => [...c.corroboratedBy, ...(c.partlyCorroboratedBy ?? [])].map(l => l.path);

function written(docs: readonly LinkDoc[]): string[] {
  return docs.flatMap(d => d.claims.map(c => `${d.path} ${c.text} ${c.status} +[${c.corroboratedBy.map(l => `${l.path}:${l.similarity}`)}] ~[${(c.partlyCorroboratedBy ?? []).map(l => l.path)}]`));
}

describe('a weak claim match', () => {
  it('does not link two documents nothing else ties', () => {
    const docs = docsOf([WEAK_A], [WEAK_B]);
    new ClaimLinker(new AnalysisContext()).link(docs);
    assert.deepEqual(by(docs[0].claims[0]), []);
  });

  it('links the same two claims when a fuller match ties their documents', () => {
    const docs = docsOf([WEAK_A, STRONG_A], [WEAK_B, STRONG_B]);
    new ClaimLinker(new AnalysisContext()).link(docs);
    assert.deepEqual(by(docs[0].claims[1]), ['b'], 'the fuller match');
    assert.deepEqual(by(docs[0].claims[0]), ['b'], 'the weak match, now between tied documents');
    assert.ok(docs[0].claims[0].corroboratedBy[0].similarity < 0.5);
  });

  it('is decided per pair of documents: a third document tied to one of them does not tie the other', () => {
    const docs = [...docsOf([WEAK_A, STRONG_A], [WEAK_B]), { path: 'e', claims: [claimOf(STRONG_B)], key: 'e' }];
    new ClaimLinker(new AnalysisContext()).link(docs);
    assert.deepEqual(by(docs[0].claims[1]), ['e']);
    assert.deepEqual(by(docs[0].claims[0]), []);
  });

  it('keeps a pair list whole when a link in it is not weak, and drops only the weak ones when none is', () => {
    const weak: PairLink = { lo: 0, hi: 0, similarity: 0.4, direction: 'full', weak: true };
    const sure: PairLink = { lo: 1, hi: 1, similarity: 0.8, direction: 'full' };
    assert.deepEqual(standingLinks([weak, sure]), [weak, sure]);
    assert.deepEqual(standingLinks([weak, { ...weak, lo: 2 }]), []);
    assert.deepEqual(standingLinks([sure]), [sure]);
  });

  it('comes and goes in the edited corpus as the fuller match does, as a from-scratch linker gives (also when only the other document changed)', () => {
    const index = new ClaimIndex(new AnalysisContext());
    const steps: [string[], string[]][] = [
      [[WEAK_A], [WEAK_B]],
      [[WEAK_A], [WEAK_B, STRONG_B]],
      [[WEAK_A, STRONG_A], [WEAK_B, STRONG_B]],
      [[WEAK_A, STRONG_A], [WEAK_B]],
      [[STRONG_A, WEAK_A], [STRONG_B, WEAK_B]],
      [[WEAK_A], [STRONG_B, WEAK_B]],
    ];
    const weakLinked: boolean[] = [];
    steps.forEach(([a, b], k) => {
      const got = docsOf(a, b), want = docsOf(a, b);
      index.update(got);
      index.write(got);
      new ClaimLinker(new AnalysisContext()).link(want);
      assert.deepEqual(written(got), written(want), `step ${k}`);
      weakLinked.push(by(got[0].claims.find(c => c.text === WEAK_A)!).length > 0);
    });
    // (Steps 1 and 3 change only document b: a's weak link goes through the pair's list, a looked up no more.)
    assert.deepEqual(weakLinked, [false, false, true, false, true, false]);
  });

  it('is not what two claims sharing four words or more are, whatever the overlap', () => {
    const docs = docsOf(['The harbour board closed the northern pier on Monday'], ['On Monday the harbour board closed the northern pier after a crane collapsed onto the quay and blocked the ferry lanes for most of the day']);
    new ClaimLinker(new AnalysisContext()).link(docs);
    assert.deepEqual(by(docs[0].claims[0]), ['b'], 'linked without a tie');
  });
});
