/**
 * The seeds as a user judges them (issue "core and CLI", done-when): speakers,
 * maximal in-file repeats, shared passages, the 130,000-troops claim.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { normalizeEol } from '../../src/core/text/decode';
import type { DocumentResult } from '../../src/core/types';

const seedDir = path.resolve(__dirname, '../../../seeds');
const files = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort();
const texts = new Map(files.map(f => [f.slice(0, 3), normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8'))]));
const corpus = new Corpus();
for (const f of files) corpus.set(f.slice(0, 3), texts.get(f.slice(0, 3))!);
const doc = (id: string): DocumentResult => corpus.result(id)!;

describe('seeds, as a reader judges them', () => {
  it('ties each quote to its speaker across the corpus', () => {
    const expect: [string, string, string][] = [
      ['000', '“February 15, 2022, will go down', 'Maria Zakharova'],
      ['000', '“according to plan.”', 'Sergey Lavrov'],
      ['001', '“Russia is constantly making', 'Dmytro Kuleba'],
      ['001', '“The path to diplomacy', 'Karine Jean-Pierre'],
      ['001', '“could be imminent.”', 'Liz Truss'],
      ['001', '“It’s not the first threat', 'Volodymyr Zelenskyy'],
      ['001', '“I don’t believe in war', 'Tamara Ugrich'],
      ['001', '“far from exhausted.”', 'Sergey Lavrov'],
      ['002', '“can\'t go on indefinitely', 'Sergey Lavrov'],
      ['003', '“Stop preparing for war', 'Jens Stoltenberg'],
      ['004', '“far from exhausted.”', 'Olaf Scholz'],
      ['004', '“We won’t believe when we hear', 'Dmytro Kuleba'],
      ['004', '“very, very relevant to the public.”', 'Dmitry Peskov'],
      ['004', '“Planes, helicopters just started flying', 'Vladimir Konovalenko'],
      ['004', '“We are friends with Ukraine.', 'Lyudmila Nechvolod'],
    ];
    const wrong: string[] = [];
    for (const [id, prefix, speaker] of expect) {
      const q = doc(id).quotes.find(x => x.text.startsWith(prefix));
      if (!q) wrong.push(`${id}: no quote starting ${prefix}`);
      else if (q.speaker !== speaker) wrong.push(`${id}: ${prefix} -> ${q.speaker}, expected ${speaker}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('links the same quote by the same speaker across sources, never an echo', () => {
    const z = doc('000').quotes.find(q => q.text.startsWith('“February 15'))!;
    assert.ok(z.variants.some(v => v.path === '004' && v.identical));
    const scholz = doc('004').quotes.find(q => q.text.startsWith('“far from exhausted'))!;
    assert.deepEqual(scholz.variants.filter(v => v.path === '001' || v.path === '002'), [], 'Scholz’s words are an echo of Lavrov’s');
    const kuleba = doc('001').quotes.filter(q => q.speaker === 'Dmytro Kuleba');
    assert.ok(kuleba.some(q => q.variants.some(v => v.path === '004' && !v.identical)), 'Kuleba’s altered quote in 001 links to 004');
  });

  it('a reworded quote still carries it: the other source corroborates, it does not dispute', () => {
    const kuleba = doc('001').claims.find(c => c.kind === 'quote' && c.text.startsWith('“That’s why we have a rule'))!;
    assert.equal(kuleba.status, 'corroborated');
    assert.ok(kuleba.corroboratedBy.some(l => l.path === '004'));
    assert.deepEqual(kuleba.disputedBy, []);
    const zakharova = doc('000').claims.find(c => c.kind === 'quote' && c.speaker === 'Maria Zakharova')!;
    assert.ok(zakharova.corroboratedBy.some(l => l.path === '004'), 'the same words in 004 corroborate');
    assert.deepEqual(zakharova.disputedBy, []);
  });

  it('the same words from another speaker are an attribution conflict, at both ends', () => {
    const scholz = doc('004').quotes.find(q => q.text.startsWith('“far from exhausted'))!;
    assert.deepEqual(scholz.attributedElsewhere!.map(c => [c.path, c.speaker]).sort(), [['001', 'Sergey Lavrov'], ['002', 'Sergey Lavrov']]);
    for (const id of ['001', '002']) {
      const lavrov = doc(id).quotes.find(q => q.speaker === 'Sergey Lavrov' && /far from/.test(q.text))!;
      assert.ok(lavrov.attributedElsewhere!.some(c => c.path === '004' && c.speaker === 'Olaf Scholz'), `${id} lists 004`);
      assert.equal(lavrov.quoteGroup, doc(id === '001' ? '002' : '001').quotes.find(q => q.speaker === 'Sergey Lavrov' && /far from/.test(q.text))!.quoteGroup);
    }
    assert.equal(scholz.quoteGroup, null, 'not in Lavrov’s group');
  });

  it('every copy of a quote shares one group, its size counting them all', () => {
    const plan = [...texts.keys()].flatMap(id => doc(id).quotes.filter(q => q.speaker === 'Sergey Lavrov' && /according to plan|as planned/.test(q.text)));
    assert.ok(plan.length >= 4);
    assert.equal(new Set(plan.map(q => q.quoteGroup)).size, 1);
    assert.ok(plan.every(q => q.quoteGroupSize === plan.length));
  });

  it('finds the in-file repeats as maximal passages', () => {
    const repeats = (id: string) => doc(id).duplicates.filter(d => d.kind === 'repeat' && d.start > d.other.start);
    assert.deepEqual(repeats('000').map(d => [d.start, d.end, d.other.start, d.other.end, d.label]), [[2387, 4530, 243, 2386, 'verbatim']]);
    const t4 = texts.get('004')!;
    const p2 = t4.split('\n')[1];
    const r4 = repeats('004');
    assert.equal(r4.length, 1);
    assert.equal(t4.slice(r4[0].start, r4[0].end), p2);
    const r1 = repeats('001');
    assert.ok(r1.some(d => texts.get('001')!.slice(d.start, d.end).startsWith('Russia says some forces withdraw')), 'headline repeated in the footer');
    const r3 = repeats('003');
    assert.ok(r3.some(d => texts.get('003')!.slice(d.start, d.end).includes('Indian embassy') && d.label !== 'verbatim' && d.similarity < 1), 'reworded embassy sentence');
  });

  it('links passages shared among 000, 002 and 004, from both ends', () => {
    for (const [a, b] of [['000', '004'], ['000', '002'], ['002', '004']]) {
      const ab = doc(a).duplicates.filter(d => d.kind === 'shared' && d.other.path === b);
      assert.ok(ab.length > 0, `${a} shares nothing with ${b}`);
      for (const d of ab) {
        assert.ok(doc(b).duplicates.some(m => m.other.path === a && m.start === d.other.start && m.end === d.other.end && m.other.start === d.start), `${a}->${b} has no mirror`);
      }
    }
    const zak = doc('000').duplicates.find(d => d.kind === 'shared' && d.other.path === '004' && texts.get('000')!.slice(d.start, d.end).includes('Zakharova'));
    assert.ok(zak, 'the Zakharova paragraph is shared verbatim by 000 and 004');
  });

  it('makes "Russia has massed more than 130,000 troops" one claim corroborated by every source', () => {
    for (const id of texts.keys()) {
      const claims = doc(id).claims.filter(c => c.numbers.some(n => n.value === 130000));
      // One claim, and one more in each later copy of a passage the page repeats (000 carries its body twice).
      const inLaterCopy = (c: { start: number; end: number }) =>
        doc(id).duplicates.some(d => d.kind === 'repeat' && d.start > d.other.start && d.start <= c.start && c.end <= d.end);
      assert.equal(claims.filter(c => !inLaterCopy(c)).length, 1, `${id}: ${claims.length} claims about 130,000 troops`);
      for (const claim of claims) {
        // Carried fully or in part: a source that states less of it lists it under partlyCorroboratedBy.
        const others = new Set([...claim.corroboratedBy, ...claim.partlyCorroboratedBy ?? []].map(l => l.path));
        assert.deepEqual([...others].sort(), [...texts.keys()].filter(k => k !== id), `${id}: corroborated by ${[...others]}`);
      }
    }
  });
});
