/**
 * A document replaced in the middle of the reuse index (the editor's usual case: the
 * edited document is seldom the last one added) gives the index built from scratch,
 * and costs that document's lookups alone: when an edit moves a feature across the
 * posting cap, only the unit pairs holding it are checked again.
 */
import assert from 'node:assert/strict';
import { ReuseIndex } from '../../src/core/reuse/reuseIndex';
import { POSTING_CAP } from '../../src/core/reuse/passages';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';
import { rng } from '../support/rng';

const WORDS = ('council budget harbour bridge tenants rally minister schools contract river ' +
  'vote senate police museum station drought farmers mayor factory workers union strike ' +
  'hospital nurses court judge appeal election ballot pipeline airport runway tourists ' +
  'storm flood rescue volunteers festival market prices fuel tax reform library garden').split(' ');

function sentence(rand: () => number): string {
  const n = 10 + Math.floor(rand() * 6);
  const w: string[] = [];
  for (let k = 0; k < n; k++) w.push(WORDS[Math.floor(rand() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}

function index(ctx: AnalysisContext, docs: ReadonlyMap<string, string>): ReuseIndex {
  const r = new ReuseIndex(ctx);
  for (const [p, t] of docs) r.upsert(p, t, paragraphs(t), sentences(t, paragraphs(t)));
  return r;
}

describe('the reuse index, a document replaced', function () {
  this.timeout(120_000);

  it('equals the index built from scratch, with features past the cap and edits that cross it, looking up the edited document alone', () => {
    const rand = rng(11);
    // Furniture in more documents than the cap, a story shared by a few, and each document's own lines.
    const furniture = [sentence(rand), sentence(rand)];
    const stories = Array.from({ length: 4 }, () => [sentence(rand), sentence(rand), sentence(rand)]);
    const docs = new Map<string, string>();
    const n = POSTING_CAP + 8;
    for (let d = 0; d < n; d++) {
      const paras = [sentence(rand) + ' ' + sentence(rand), stories[d % stories.length].join(' '), sentence(rand)];
      if (d % 5 !== 4) paras.push(furniture.join(' '));
      docs.set(`d${String(d).padStart(2, '0')}.txt`, paras.join('\n\n'));
    }
    const ctx = new AnalysisContext();
    const live = index(ctx, docs);
    live.takeTouched();
    const paths = [...docs.keys()];
    let sharedSeen = 0, lookedUp = 0;
    for (let k = 0; k < 40; k++) {
      const p = paths[Math.floor(rand() * (paths.length - 1))]; // never the last: the in-place case
      const paras = docs.get(p)!.split('\n\n');
      const r = rand();
      if (r < 0.25) paras.splice(1 + Math.floor(rand() * (paras.length - 1)), 0, furniture.join(' ')); // past the cap
      else if (r < 0.4 && paras.length > 2) paras.splice(paras.indexOf(furniture.join(' ')) >= 0 ? paras.indexOf(furniture.join(' ')) : 0, 1);
      else if (r < 0.6) paras.push(stories[Math.floor(rand() * stories.length)][Math.floor(rand() * 3)]); // a new neighbour
      else { const i = Math.floor(rand() * paras.length); paras[i] = paras[i].replace(' ', ' reportedly '); }
      const text = paras.join('\n\n');
      docs.set(p, text);
      const before = live.work.lookedUp;
      live.upsert(p, text, paragraphs(text), sentences(text, paragraphs(text)));
      live.takeTouched();
      lookedUp += live.work.lookedUp - before;
      const want = index(new AnalysisContext(), docs);
      for (const q of paths) {
        const got = live.shared(q);
        sharedSeen += got.length;
        assert.deepEqual(got, want.shared(q), `edit ${k} of ${p}: ${q}`);
      }
    }
    assert.ok(sharedSeen > 0, 'documents share passages');
    assert.equal(lookedUp, 40, 'each edit looks up the edited document alone');
    assert.ok(live.work.rechecked > 0, 'some edits move a feature across the cap');
  });
});
