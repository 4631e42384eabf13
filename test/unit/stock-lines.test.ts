import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';

const shared = (c: Corpus, path: string) => c.result(path)!.duplicates.filter(d => d.kind === 'shared');

describe('stock lines of the newsroom', () => {
  it('two reports sharing only "did not immediately respond to requests for comment" share no passage', () => {
    const c = new Corpus();
    c.set('a.txt', 'Ferry fares rise\n\nThe island ferry company raised its winter fares by a third on Monday, citing fuel costs.\n\nA lawyer for Marsh did not immediately respond to requests for comment.\n');
    c.set('b.txt', 'School roof repaired\n\nWorkers finished replacing the leaking roof of the village school over the weekend.\n\nThe Marsh campaign and the council did not immediately respond to requests for comment.\n');
    assert.deepEqual(shared(c, 'a.txt'), []);
    assert.deepEqual(shared(c, 'b.txt'), []);
    // And neither makes a claim of it.
    for (const p of ['a.txt', 'b.txt']) assert.ok(c.result(p)!.claims.every(k => !/respond to requests/.test(k.text)));
  });

  it('a longer passage that holds such a line is still shared, on both sides', () => {
    const para = 'The island ferry company raised its winter fares by a third on Monday, citing fuel costs and a shortage of crew. Passengers on the northern route will pay the most, and season tickets go up in March. The company did not immediately respond to requests for comment.';
    const c = new Corpus();
    c.set('a.txt', `Ferry fares rise\n\n${para}\n`);
    c.set('b.txt', `Fares up on the ferries\n\n${para}\n\nA reader wrote in about the timetable.\n`);
    const a = shared(c, 'a.txt'), b = shared(c, 'b.txt');
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.ok(a[0].text!.includes('raised its winter fares') && a[0].text!.includes('requests for comment'));
  });
});
