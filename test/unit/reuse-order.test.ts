/**
 * The reuse index's answer depends on the documents it holds, not on the order they
 * came in: the same documents, added in several random orders with edits and
 * deletions on the way, give the passages of an index built from scratch.
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

function sentence(rand: () => number, min = 10): string {
  const n = min + Math.floor(rand() * 6);
  const w: string[] = [];
  for (let k = 0; k < n; k++) w.push(WORDS[Math.floor(rand() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}

function put(r: ReuseIndex, p: string, t: string): void {
  const ps = paragraphs(t);
  r.upsert(p, t, ps, sentences(t, ps));
}

function fresh(docs: ReadonlyMap<string, string>, options: { verbatimCap?: number } = {}): ReuseIndex {
  const r = new ReuseIndex(new AnalysisContext(), options);
  for (const p of [...docs.keys()].sort()) put(r, p, docs.get(p)!);
  return r;
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let k = xs.length - 1; k > 0; k--) { const j = Math.floor(rand() * (k + 1)); [xs[k], xs[j]] = [xs[j], xs[k]]; }
  return xs;
}

/** A corpus where some phrasing is in more documents than the posting cap, and stories are shared by a few. */
function corpus(rand: () => number, n: number): Map<string, string> {
  const furniture = [sentence(rand), sentence(rand)];
  // A wire sentence copied by a little more than the cap: its features cross the cap with the last copies.
  const wire = sentence(rand, 14);
  const stories = Array.from({ length: 5 }, () => [sentence(rand), sentence(rand), sentence(rand)]);
  // Sentences that share a run of words with a longer one: the feature share a candidate needs differs per side.
  // (The short one is five pairs of neighbouring words of the long one: it holds a fifth of its own
  // features in common, but not of the long one's.)
  const long = sentence(rand, 28), lw = long.slice(0, -1).toLowerCase().split(' ');
  const short = [0, 6, 12, 18, 24].map(k => lw[k] + ' ' + lw[k + 1]).join(' ').replace(/^./, c => c.toUpperCase()) + '.';
  const docs = new Map<string, string>();
  for (let d = 0; d < n; d++) {
    const paras = [sentence(rand) + ' ' + sentence(rand), stories[d % stories.length].join(' '), sentence(rand)];
    if (d % 5 !== 4) paras.push(furniture.join(' '));
    if (d % 4 !== 0) paras.push(wire + ' ' + sentence(rand));
    if (d % 7 === 0) paras.push(long + ' ' + stories[(d + 1) % stories.length][0]);
    if (d % 7 === 3) paras.push(short + ' ' + stories[(d + 1) % stories.length][0]);
    docs.set(`d${String(d).padStart(2, '0')}.txt`, paras.join('\n\n'));
  }
  return docs;
}

/** Every document's shared passages, by path. */
function answer(r: ReuseIndex, paths: readonly string[]): Map<string, unknown> {
  return new Map(paths.map(p => [p, r.shared(p)]));
}

describe('the reuse index, whatever the order', function () {
  this.timeout(300_000);

  it('gives the passages of a fresh index for the same documents added, edited and deleted in random orders', () => {
    const rand = rng(7);
    const docs = corpus(rand, POSTING_CAP + 10);
    const paths = [...docs.keys()].sort();
    const want = answer(fresh(docs), paths);
    let seen = 0;
    for (const v of want.values()) seen += (v as unknown[]).length;
    assert.ok(seen > 0, 'documents share passages');
    const other = corpus(rng(99), 8);
    for (let run = 0; run < 4; run++) {
      const live = new ReuseIndex(new AnalysisContext());
      const order = shuffle([...paths], rand);
      const extra = [...other.entries()].map(([p, t]) => [`x-${p}`, t] as const);
      for (const p of order) {
        // On the way: a document that will go, a document first added with other text, an edit.
        const r = rand();
        if (r < 0.25 && extra.length) { const [q, t] = extra.pop()!; put(live, q, t); }
        else if (r < 0.45) put(live, p, docs.get(paths[Math.floor(rand() * paths.length)])!);
        put(live, p, docs.get(p)!);
        if (rand() < 0.3) {
          // Edit a document already in, then put it back.
          const q = order[Math.floor(rand() * (order.indexOf(p) + 1))];
          put(live, q, docs.get(q)!.replace('\n\n', '\n\n' + sentence(rand) + '\n\n'));
          put(live, q, docs.get(q)!);
        }
        // Every query settles the index: answers in between must not leave a trace.
        if (rand() < 0.2) live.shared(order[Math.floor(rand() * order.length)]);
      }
      for (const [q] of other) live.remove(`x-${q}`);
      for (const p of paths) assert.deepEqual(live.shared(p), want.get(p), `run ${run}: ${p}`);
    }
  });

  it('gives a fresh index\'s passages when unit ids are past 2^21 (ids are never reused: a long editing session gets there)', () => {
    const rand = rng(11);
    const docs = corpus(rand, POSTING_CAP + 6);
    const paths = [...docs.keys()].sort();
    const want = answer(fresh(docs), paths);
    const live = new ReuseIndex(new AnalysisContext());
    // As if some 150 edits of a 1 MB article had come and gone: ids handed out to units no longer held.
    const ids = live as unknown as { unitDoc: Int32Array; unitNeed: Int32Array; unitKey: Int32Array; units: number; growUnits(n: number): void };
    const gone = 2 ** 21 + 3;
    ids.growUnits(gone + 1);
    ids.unitDoc.fill(-1, 0, gone); ids.unitNeed.fill(1, 0, gone); ids.unitKey.fill(-1, 0, gone);
    ids.units = gone;
    for (const p of shuffle([...paths], rand)) {
      put(live, p, docs.get(p)!);
      // Settled one by one, so a feature crossing the cap checks settled pairs again.
      live.shared(p);
    }
    assert.ok(live.work.rechecked > 0, 'pairs were checked again');
    for (const p of paths) assert.deepEqual(live.shared(p), want.get(p), p);
  });

  it('gives unit ids out again after many edits: its arrays follow the units held, and the passages stay a fresh index\'s', () => {
    const rand = rng(41);
    const docs = corpus(rand, POSTING_CAP + 6);
    const paths = [...docs.keys()].sort();
    const want = fresh(docs);
    const live = new ReuseIndex(new AnalysisContext(), { renumberAt: 40 });
    for (const p of paths) put(live, p, docs.get(p)!);
    live.shared(paths[0]);
    const held = live.unitSlots;
    let handedOut = held;
    for (let k = 0; k < 120; k++) {
      const p = paths[Math.floor(rand() * paths.length)];
      // Every sentence changed (a unit the edit leaves as it was keeps its id: see the test after this one).
      const edited = docs.get(p)!.replace('\n\n', '\n\n' + sentence(rand) + '\n\n').replace(/\./g, ' again.');
      const before = live.unitSlots;
      put(live, p, edited);
      if (live.unitSlots > before) handedOut += live.unitSlots - before;
      if (rand() < 0.5) live.shared(p);
      put(live, p, docs.get(p)!);
      if (rand() < 0.5) live.shared(paths[Math.floor(rand() * paths.length)]);
    }
    assert.ok(handedOut > 5 * held, `${handedOut} ids handed out for ${held} units held`);
    assert.ok(live.unitSlots <= 2 * held + 40, `${live.unitSlots} slots for ${held} units held`);
    for (const p of paths) assert.deepEqual(live.shared(p), want.shared(p), p);
  });

  it('re-indexes only the units an edit changed: the others keep their ids and postings, and the passages stay a fresh index\'s', () => {
    const rand = rng(43);
    const docs = corpus(rand, POSTING_CAP + 6);
    const paths = [...docs.keys()].sort();
    const live = fresh(docs);
    live.shared(paths[0]);
    for (let k = 0; k < 30; k++) {
      const p = paths[Math.floor(rand() * paths.length)];
      const text = docs.get(p)!;
      // One sentence gets a word more; every other unit of the document is as it was.
      const dots = [...text.matchAll(/\./g)].map(m => m.index!);
      const at = dots[Math.floor(rand() * dots.length)];
      const edited = text.slice(0, at) + ' again' + text.slice(at);
      const before = live.unitSlots;
      put(live, p, edited);
      docs.set(p, edited);
      assert.ok(live.unitSlots - before <= 1, `an edit of one sentence handed out ${live.unitSlots - before} ids`);
      if (rand() < 0.3) {
        const want = fresh(docs);
        for (const q of paths) assert.deepEqual(live.shared(q), want.shared(q), `after edit ${k}: ${q}`);
      }
    }
    const want = fresh(docs);
    for (const q of paths) assert.deepEqual(live.shared(q), want.shared(q), q);
  });

  it('gives the same passages after a document is deleted as an index that never had it', () => {
    const rand = rng(21);
    const docs = corpus(rand, POSTING_CAP + 6);
    const paths = [...docs.keys()].sort();
    const live = fresh(docs);
    for (let k = 0; k < 6; k++) {
      const p = paths[Math.floor(rand() * paths.length)];
      if (!docs.has(p)) continue;
      docs.delete(p);
      live.remove(p);
      const want = fresh(docs);
      for (const q of docs.keys()) assert.deepEqual(live.shared(q), want.shared(q), `after deleting ${p}: ${q}`);
    }
  });
});

/** A sentence of made-up words: no other sentence shares its phrasing. */
function own(rand: () => number): string {
  const w: string[] = [];
  for (let k = 0; k < 10; k++) w.push(Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join(''));
  return w.join(' ').replace(/^./, c => c.toUpperCase()) + '.';
}

/** `n` documents of their own sentences, the first `copies` of them carrying one wire paragraph verbatim. */
function wireCorpus(rand: () => number, n: number, copies: number): { docs: Map<string, string>; wire: string } {
  const wire = [sentence(rand, 14), sentence(rand, 14)].join(' ');
  const docs = new Map<string, string>();
  for (let d = 0; d < n; d++) {
    const paras = [own(rand) + ' ' + own(rand), own(rand)];
    if (d < copies) paras.splice(1, 0, wire);
    docs.set(`w${String(d).padStart(2, '0')}.txt`, paras.join('\n\n'));
  }
  return { docs, wire };
}

/** Per document holding the wire paragraph, the other documents it lists as sharing it (every span checked against the text). */
function wirePartners(r: ReuseIndex, docs: ReadonlyMap<string, string>, wire: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [p, text] of docs) {
    if (!text.includes(wire)) continue;
    const at = text.indexOf(wire);
    const partners = new Set<string>();
    for (const d of r.shared(p)) {
      assert.equal(d.text, text.slice(d.start, d.end));
      if (d.start <= at && d.end >= at + wire.length - 1) partners.add(d.other.path);
    }
    out.set(p, partners);
  }
  return out;
}

describe('wire copy carried by more documents than the posting cap', function () {
  this.timeout(300_000);

  it('pairs the verbatim copies of a paragraph whose every feature is common phrasing', () => {
    const { docs, wire } = wireCorpus(rng(31), POSTING_CAP + 16, POSTING_CAP + 12);
    const partners = wirePartners(fresh(docs), docs, wire);
    assert.equal(partners.size, POSTING_CAP + 12);
    for (const [p, others] of partners) assert.equal(others.size, POSTING_CAP + 11, `${p} lists every other copy`);
  });

  it('leaves a paragraph held by more units than the verbatim cap unpaired (stock text), and pairs it at the cap', () => {
    const over = wireCorpus(rng(32), 24, 20);
    for (const others of wirePartners(fresh(over.docs, { verbatimCap: 8 }), over.docs, over.wire).values()) assert.equal(others.size, 0);
    const at = wireCorpus(rng(33), 24, 20);
    for (const others of wirePartners(fresh(at.docs, { verbatimCap: 20 }), at.docs, at.wire).values()) assert.equal(others.size, 19);
  });

  it('gives a fresh index\'s passages whatever the order, as copies cross the verbatim cap and fall back under it', () => {
    const rand = rng(34);
    const cap = 6;
    const { docs } = wireCorpus(rand, 14, cap + 3);
    const paths = [...docs.keys()].sort();
    for (let run = 0; run < 4; run++) {
      const live = new ReuseIndex(new AnalysisContext(), { verbatimCap: cap });
      const held = new Map<string, string>();
      for (const p of shuffle([...paths], rand)) {
        put(live, p, docs.get(p)!);
        held.set(p, docs.get(p)!);
        if (rand() < 0.5) live.shared(p);
        if (rand() < 0.3) {
          // A copy leaves and comes back: the key's count goes under the cap and over it again.
          const q = [...held.keys()][Math.floor(rand() * held.size)];
          live.remove(q);
          held.delete(q);
          const want = fresh(held, { verbatimCap: cap });
          for (const x of held.keys()) assert.deepEqual(live.shared(x), want.shared(x), `run ${run}, ${q} removed: ${x}`);
          put(live, q, docs.get(q)!);
          held.set(q, docs.get(q)!);
        }
      }
      const want = fresh(docs, { verbatimCap: cap });
      for (const p of paths) assert.deepEqual(live.shared(p), want.shared(p), `run ${run}: ${p}`);
    }
  });
});
