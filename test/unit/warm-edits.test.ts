/**
 * The edit path's warm-up (`IndexService.warmEdits`): its three texts run every
 * cross-document step an edit runs, and running it leaves the service it is called
 * on as it was.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { IndexService } from '../../src/worker/IndexService';
import { WARM_TEXTS } from '../../src/worker/warmEdits';

const hashOf = (s: IndexService) => createHash('sha1').update(JSON.stringify(s.corpus.allResults())).digest('hex');

describe('the edit path warm-up', function () {
  this.timeout(60_000);

  it('has texts that link across documents: quotes, shared passages, corroborated claims', () => {
    // (Where `runEdits` types its words.)
    for (const anchor of ['never seen', 'two shelters']) assert.ok(WARM_TEXTS[0].text.includes(anchor), anchor);
    const s = new IndexService();
    for (const { key, text } of WARM_TEXTS) s.setOpen(key, text, 1);
    s.takeChanged();
    const results = s.corpus.allResults();
    assert.equal(results.length, WARM_TEXTS.length);
    for (const r of results) {
      const text = WARM_TEXTS.find(t => t.key === r.path)!.text;
      for (const x of [...r.quotes, ...r.claims, ...r.entities, ...r.duplicates]) assert.equal(x.text, text.slice(x.start, x.end), `${r.path}: span text`);
      const others = (paths: readonly string[]) => paths.some(p => p !== r.path);
      assert.ok(r.quotes.some(q => others(q.variants.map(v => v.path))), `${r.path}: a quote with a variant in another text`);
      assert.ok(r.duplicates.some(d => d.kind === 'shared'), `${r.path}: a passage shared with another text`);
      assert.ok(r.claims.filter(c => others(c.corroboratedBy.map(l => l.path))).length >= 2, `${r.path}: claims corroborated by another text`);
    }
  });

  it('leaves the service it runs for as it was, and runs once per process', async () => {
    /** A two-phase service of two texts, settled. */
    const built = (): IndexService => {
      const x = new IndexService();
      x.deferSettle = true;
      x.setOpen('one.txt', `${WARM_TEXTS[1].text}\n\nA second paragraph of its own, about the town's bridge.`, 1);
      x.setOpen('two.txt', WARM_TEXTS[2].text, 1);
      x.takeChanged();
      x.settle();
      x.takeChanged();
      return x;
    };
    /** One edit of the second text, settled. */
    const edit = (x: IndexService): void => {
      x.setOpen('two.txt', WARM_TEXTS[2].text.replace('Some 340 families', 'Some 350 families'), 2);
      x.takeChanged();
      x.settle();
      x.takeChanged();
    };
    const s = built();
    const before = hashOf(s);
    const summaries = JSON.stringify(s.summaries());
    // The work itself, whether or not this process ran it already.
    IndexService.runEdits();
    s.warmEdits();
    assert.equal(s.editsWarmUpOwed, false, 'owed no more');
    assert.equal(s.hasChanges, false, 'no change reported');
    assert.deepEqual(s.takeChanged(), []);
    assert.equal(s.unsettled, false);
    assert.equal(hashOf(s), before, 'the same results');
    assert.equal(JSON.stringify(s.summaries()), summaries, 'the same summaries');
    // And an edit afterwards gives what a service that never warmed up gives.
    const fresh = built();
    edit(s);
    edit(fresh);
    assert.equal(hashOf(s), hashOf(fresh));
  });
});
