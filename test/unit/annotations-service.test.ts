/**
 * The index worker's corpus (IndexService) applies the annotations file it is
 * configured with: views, summaries and the documents reported changed follow it,
 * a correction follows its words through an edit above them, orphans are listed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contextOf, emptyAnnotations, withCorrection, type Annotations } from '../../src/core/annotations';
import { IndexService } from '../../src/worker/IndexService';

const seedsDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort();
const keyOf = (n: string) => `file:///ws/seeds/${n}`;

function service(): IndexService {
  const svc = new IndexService();
  for (const n of seeds) svc.setOpen(keyOf(n), fs.readFileSync(path.join(seedsDir, n), 'utf8'), 1);
  svc.takeChanged();
  return svc;
}
const keys = () => Object.fromEntries(seeds.map(n => [`seeds/${n}`, keyOf(n)]));

describe('annotations in the index worker', function () {
  this.timeout(60_000);
  it('applies a speaker correction and a verdict to views, and reports the documents that changed', () => {
    const svc = service();
    const k2 = keyOf(seeds[2]);
    const text = svc.corpus.text(k2)!;
    const view = svc.documents([k2])[0].result;
    assert.deepEqual(view.source, { outlet: null, date: '2022-02-15', url: null }, 'the dateline is read without annotations');
    const q = view.quotes.find(x => x.speaker === 'Sergey Lavrov')!;
    const c = view.claims[1];
    let a: Annotations = withCorrection(emptyAnnotations(), { kind: 'speaker', path: `seeds/${seeds[2]}`, text: q.text, ...contextOf(text, q), speaker: 'Dmitry Peskov', speakerType: 'PERSON' });
    a = withCorrection(a, { kind: 'verdict', path: `seeds/${seeds[2]}`, text: c.text, ...contextOf(text, c), verdict: 'verified', note: null });
    svc.setAnnotations({ annotations: a, keys: keys() });
    const changed = svc.takeChanged();
    assert.ok(changed.includes(k2));
    const after = svc.documents([k2])[0].result;
    assert.equal(after.quotes.find(x => x.start === q.start)!.speaker, 'Dmitry Peskov');
    assert.deepEqual(after.claims[1].verdict, { value: 'verified', note: null });
    assert.deepEqual(svc.orphans(), []);
    const win = svc.windows([{ key: k2, ranges: [{ start: q.start, end: q.end }] }])[0];
    assert.equal(win.result.quotes.find(x => x.start === q.start)!.speaker, 'Dmitry Peskov');

    // An edit above the quote: the correction follows its words.
    svc.setOpen(k2, 'Editor\u2019s note: updated.\n\n' + text, 2);
    svc.takeChanged();
    const moved = svc.documents([k2])[0].result.quotes.find(x => x.text === q.text)!;
    assert.equal(moved.start, q.start + 'Editor\u2019s note: updated.\n\n'.length);
    assert.equal(moved.speaker, 'Dmitry Peskov');

    // The words themselves edited: the correction is orphaned, the analysis's speaker is back.
    svc.setOpen(k2, text.slice(0, q.start + 3) + 'XX' + text.slice(q.start + 3), 3);
    svc.takeChanged();
    assert.equal(svc.orphans().length, 1);
    assert.ok(!svc.documents([k2])[0].result.quotes.some(x => x.speaker === 'Dmitry Peskov'));

    // No annotations: back to the plain analysis.
    svc.setAnnotations(null);
    assert.ok(svc.takeChanged().includes(k2));
    assert.deepEqual(svc.orphans(), []);
  });
});
