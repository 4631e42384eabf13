import { AnalysisContext } from '../../src/core/text/memo';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findRepeats } from '../../src/core/reuse/repeats';
import { ReuseIndex } from '../../src/core/reuse/reuseIndex';
import { isBoilerplate } from '../../src/core/reuse/reuseText';
import { decode } from '../../src/core/text/decode';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';
import type { Duplicate, Paragraph, Sentence } from '../../src/core/types';

interface Doc { path: string; text: string; paras: Paragraph[]; sents: Sentence[] }

const SEEDS = path.resolve(__dirname, '../../../seeds');

function doc(p: string, text: string): Doc {
  const paras = paragraphs(text);
  return { path: p, text, paras, sents: sentences(text, paras) };
}

function seed(prefix: string): Doc {
  const name = fs.readdirSync(SEEDS).find(f => f.startsWith(prefix))!;
  const r = decode(fs.readFileSync(path.join(SEEDS, name)));
  assert.ok(r.ok);
  return doc(prefix, r.text);
}

const repeats = (d: Doc) => findRepeats(new AnalysisContext(), d.text, d.paras, d.sents);

function indexOf(...docs: Doc[]): ReuseIndex {
  const index = new ReuseIndex(new AnalysisContext());
  for (const d of docs) index.upsert(d.path, d.text, d.paras, d.sents);
  return index;
}

/** Spans cover words: text is the slice, never empty, no outer whitespace. */
function checkSpans(d: Doc, dups: Duplicate[], others: Map<string, Doc>): void {
  for (const x of dups) {
    assert.equal(x.text, d.text.slice(x.start, x.end));
    assert.ok(x.end > x.start);
    assert.equal(x.text!.trim(), x.text);
    const o = x.kind === 'repeat' ? d : others.get(x.other.path)!;
    const ot = o.text.slice(x.other.start, x.other.end);
    assert.ok(ot.length > 0 && ot.trim() === ot, `other span of ${x.start}-${x.end} is trimmed text`);
    assert.ok(x.similarity >= 0 && x.similarity <= 1);
    assert.equal(x.label === 'verbatim', x.similarity === 1);
  }
}

const ids = ['000', '001', '002', '003', '004'];

describe('duplicates: repeats inside a document', () => {
  const all = new Map(ids.map(i => [i, seed(i)]));

  it('000 repeats paragraphs 2-9 as ONE verbatim passage, listed from both ends', () => {
    const d = all.get('000')!;
    const r = repeats(d);
    assert.deepEqual(r.map(x => [x.start, x.end, x.other.start, x.other.end, x.label, x.similarity, x.kind, x.other.path, x.boilerplate]), [
      [243, 2386, 2387, 4530, 'verbatim', 1, 'repeat', '', false],
      [2387, 4530, 243, 2386, 'verbatim', 1, 'repeat', '', false],
    ]);
  });

  it('004 repeats its second paragraph as its fourth', () => {
    const d = all.get('004')!;
    const r = repeats(d);
    const p1 = d.paras[1], p3 = d.paras[3];
    assert.deepEqual(r.map(x => [x.start, x.end, x.other.start, x.other.end, x.label]), [
      [p1.start, p1.end, p3.start, p3.end, 'verbatim'],
      [p3.start, p3.end, p1.start, p1.end, 'verbatim'],
    ]);
  });

  it('001 repeats its headline inside the copyright footer line, as furniture', () => {
    const d = all.get('001')!;
    const r = repeats(d);
    const head = d.paras[0];
    const footer = d.paras.find(p => d.text.slice(p.start, p.end).startsWith('Copyright ©'))!;
    assert.equal(r.length, 2);
    const [a, b] = r;
    assert.deepEqual([a.start, a.end], [head.start, head.end]);
    assert.equal(b.text, d.text.slice(head.start, head.end));
    assert.ok(b.start > footer.start && b.end === footer.end, 'the repeat is the last sentence of the footer line');
    assert.deepEqual([a.other.start, a.other.end], [b.start, b.end]);
    assert.ok(r.every(x => x.label === 'verbatim' && x.boilerplate));
  });

  it('003 says its Indian-embassy sentence twice, the second time reworded', () => {
    const d = all.get('003')!;
    const r = repeats(d);
    assert.equal(r.length, 2);
    const first = r[0], second = r[1];
    assert.ok(first.text!.startsWith('Meanwhile, the Indian embassy in Kyiv published a statement'), first.text);
    assert.ok(first.text!.endsWith('to leave “temporarily.”'));
    assert.equal(second.text, 'Meanwhile, the Indian embassy in Kyiv released a statement on Tuesday urging people who are not need to stay in Ukraine to do so.');
    for (const x of r) {
      assert.ok(x.label === 'edited' || x.label === 'reworded');
      assert.ok(x.similarity < 1 && x.similarity >= 0.5);
      assert.equal(x.boilerplate, false);
    }
  });

  it('002 has no repeat; offsets hold on every seed', () => {
    assert.deepEqual(repeats(all.get('002')!), []);
    for (const d of all.values()) checkSpans(d, repeats(d), all);
  });

  it('a repeat is not a match of similar-topic sentences', () => {
    const d = doc('x', 'Russia massed troops near the border of Ukraine on Monday.\n\nUkraine asked allies on Monday for weapons to defend its border against Russia.\n\nNothing else happened in the capital that day.');
    assert.deepEqual(repeats(d), []);
  });

  it('handles an empty document and emoji (surrogate pairs) before the repeat', () => {
    assert.deepEqual(findRepeats(new AnalysisContext(), '', [], []), []);
    const para = '🚀 The launch team in Florida counted down twice before the rocket finally left the pad on Tuesday evening.';
    const d = doc('e', `${para}\n\nCrowds 🎉 cheered along the beach.\n\n${para}`);
    const r = repeats(d);
    assert.equal(r.length, 2);
    assert.equal(r[0].text, para);
    assert.equal(r[1].text, para);
    assert.equal(r[1].start, d.text.length - para.length);
    checkSpans(d, r, new Map());
  });
});

describe('duplicates: ReuseIndex across documents', () => {
  const all = new Map(ids.map(i => [i, seed(i)]));
  const index = indexOf(...all.values());
  const shared = (p: string) => index.shared(p);

  it('finds the Zakharova paragraph verbatim in 000 (both copies) and 004', () => {
    const z = shared('004').filter(x => x.other.path === '000' && x.text!.startsWith('Moscow brandished'));
    assert.equal(z.length, 2, 'one link per copy in 000');
    for (const x of z) {
      assert.equal(x.label, 'verbatim');
      assert.equal(x.similarity, 1);
      assert.ok(x.text!.endsWith('Maria Zakharova tweeted.'));
      assert.equal(all.get('000')!.text.slice(x.other.start, x.other.end), x.text);
    }
    assert.deepEqual(z.map(x => x.other.start).sort((a, b) => a - b), [1385, 3529]);
  });

  it('finds passages shared among the AP carriers 000, 002, 004', () => {
    const pairs = new Set<string>();
    for (const p of ['000', '002', '004']) for (const x of shared(p)) if (['000', '002', '004'].includes(x.other.path)) pairs.add([p, x.other.path].sort().join('-'));
    assert.deepEqual([...pairs].sort(), ['000-002', '000-004', '002-004']);
    const nato = shared('002').find(x => x.other.path === '004' && x.text!.startsWith('Moscow wants guarantees'));
    assert.ok(nato);
    assert.equal(nato.label, 'verbatim');
  });

  it('finds the paraphrased rewrite 001 <-> 004 as edited or reworded', () => {
    const links = shared('001').filter(x => x.other.path === '004');
    assert.ok(links.length >= 3, `${links.length} links`);
    for (const x of links) assert.ok(x.label !== 'verbatim' && x.similarity < 1);
    const truss = links.find(x => x.text!.includes('Liz Truss'));
    assert.ok(truss);
    assert.ok(all.get('004')!.text.slice(truss.other.start, truss.other.end).includes('Liz Truss'));
    assert.ok(shared('003').some(x => x.other.path === '004' && x.label !== 'verbatim'));
  });

  it('lists every shared passage from both ends with the same label', () => {
    let n = 0;
    for (const p of ids) {
      for (const x of shared(p)) {
        const mirror = shared(x.other.path).filter(y => y.other.path === p && y.start === x.other.start && y.end === x.other.end &&
          y.other.start === x.start && y.other.end === x.end);
        assert.equal(mirror.length, 1, `${p} ${x.start}-${x.end} -> ${x.other.path}`);
        assert.deepEqual([mirror[0].label, mirror[0].similarity, mirror[0].boilerplate, mirror[0].kind], [x.label, x.similarity, x.boilerplate, 'shared']);
        n++;
      }
    }
    assert.ok(n > 20);
  });

  it('keeps offsets on every seed', () => {
    for (const d of all.values()) checkSpans(d, shared(d.path), all);
  });

  it('remove() drops a document and its links; upsert again restores them', () => {
    const idx = indexOf(...all.values());
    const before = ids.map(p => JSON.stringify(idx.shared(p)));
    idx.remove('004');
    assert.deepEqual(idx.shared('004'), []);
    for (const p of ids) assert.ok(idx.shared(p).every(x => x.other.path !== '004'));
    assert.ok(idx.shared('000').some(x => x.other.path === '002'), 'other links stay');
    const d = all.get('004')!;
    idx.upsert(d.path, d.text, d.paras, d.sents);
    assert.deepEqual(ids.map(p => JSON.stringify(idx.shared(p))), before);
    assert.equal(idx.size, 5);
  });

  it('upsert of a changed document replaces its old links', () => {
    const a = doc('a', 'The harbour authority closed the northern pier after inspectors found deep cracks in the concrete supports on Friday.');
    const b = doc('b', `Local news.\n\n${a.text}`);
    const idx = indexOf(a, b);
    assert.equal(idx.shared('a').length, 1);
    const a2 = doc('a', 'Completely different words about gardening, tomatoes and the long summer drought in the valley.');
    idx.upsert(a2.path, a2.text, a2.paras, a2.sents);
    assert.deepEqual(idx.shared('a'), []);
    assert.deepEqual(idx.shared('b'), []);
  });

  it('tells light edits (edited) from verbatim and ignores unrelated documents', () => {
    const s = 'The city council voted on Thursday to spend twelve million dollars repairing the old stone bridge over the river.';
    const e = 'The city council voted Thursday to spend twelve million dollars on repairing the ancient stone bridge across the river.';
    const idx = indexOf(doc('a', `Intro line here.\n\n${s}`), doc('b', `${e}\n\nOther news.`), doc('c', 'Weather will stay dry and warm for the rest of the week, forecasters said.'));
    const [x] = idx.shared('a');
    assert.equal(x.label, 'edited');
    assert.ok(x.similarity > 0.7 && x.similarity < 1);
    assert.deepEqual(idx.shared('c'), []);
  });

  it('handles an empty document and emoji', () => {
    const para = 'Fans 🎸 queued overnight outside the stadium to buy tickets for the reunion tour announced on Monday.';
    const a = doc('a', `🎤 Music\n\n${para}`), b = doc('b', `${para}\n\n😀 More later.`);
    const idx = indexOf(doc('empty', ''), a, b);
    assert.deepEqual(idx.shared('empty'), []);
    const [x] = idx.shared('a');
    assert.equal(x.text, para);
    assert.deepEqual([x.other.start, x.other.end], [0, para.length]);
    checkSpans(a, idx.shared('a'), new Map([['b', b]]));
  });

  it('flags shared furniture and text in many documents as boilerplate', () => {
    const furniture = 'Also Read | Moscow says some military units deployed near Ukrainian border returning to bases';
    const story = 'Ministers from both countries met at the border crossing to discuss the shipment of grain by rail next spring.';
    const idx = indexOf(doc('a', `First report on grain.\n\n${furniture}`), doc('b', `${furniture}\n\nSecond report about fishing quotas.`));
    const [f] = idx.shared('a');
    assert.equal(f.boilerplate, true);
    const docs = Array.from({ length: 12 }, (_, k) => doc(`m${k}`, `Unique opening number ${k} about topic ${k}.\n\n${story}`));
    const many = indexOf(...docs);
    const links = many.shared('m0');
    assert.equal(links.length, 11);
    assert.ok(links.every(x => x.boilerplate));
    const few = indexOf(...docs.slice(0, 3));
    assert.ok(few.shared('m0').every(x => !x.boilerplate));
  });
});

describe('duplicates: isBoilerplate', () => {
  it('flags site furniture', () => {
    for (const t of [
      'Also Read | Russia to invade Ukraine at 1am tomorrow, reports quoting US top officials say',
      'Related Articles', 'Back to top button',
      'Copyright © 2022 of the Associated Press. Copyright Registered.',
      'USTimeToday is an automatic aggregator of the all world’s media. All trademarks belong to their rightful owners.',
      'Associated Press writers Angela Charlton and Sylvie Corbet in Paris contributed. into this report.',
      'Karmanau reports from Kyiv, Ukraine.',
      'Russian President Vladimir Putin',
      'A tank rolls onto a train in this undated photo. (AP Photo/Handout)',
    ]) assert.equal(isBoilerplate(t), true, t);
  });

  it('keeps reporting', () => {
    for (const t of [
      'The US reacted coolly.', 'Few Russians expect a war.',
      'WASHINGTON (AP) — The Latest on the presidential race between Republican Donald Trump and Democrat Hillary Clinton.',
      'Russia has massed more than 130,000 troops near Ukraine, sparking the fears of an invasion.',
      'Putin says Russia is ready to discuss confidence-building measures', '',
    ]) assert.equal(isBoilerplate(t), false, t);
  });
});
