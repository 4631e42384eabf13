/**
 * The annotations file format (round trip, stable order, errors naming the line)
 * and the post-pass that applies it to the seeds' analysis: each kind of
 * correction, links changed at both ends (the contract's mirror rule checked on
 * the result), anchors surviving an edit above, orphans, inputs left untouched.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  applyAnnotations, contextOf, emptyAnnotations, parseAnnotations, serializeAnnotations, withAlias, withCorrection, withSource,
  type Annotations, type Correction,
} from '../../src/core/annotations';
import { Corpus } from '../../src/core/corpus/corpus';
import type { DocumentResult, Span } from '../../src/core/types';
import { checkContract } from '../contract/checkContract';

const root = path.resolve(__dirname, '../../..');
const seedNames = fs.readdirSync(path.join(root, 'seeds')).sort();
const seedText = (n: string) => fs.readFileSync(path.join(root, 'seeds', n), 'utf8');

/** The seeds analysed as one corpus, keyed `seeds/NAME`; `edit` changes a text first. */
function analyse(edit: (name: string, text: string) => string = (_, t) => t) {
  const corpus = new Corpus();
  const texts = new Map<string, string>();
  for (const n of seedNames) {
    const t = edit(n, seedText(n));
    texts.set(`seeds/${n}`, t);
    corpus.set(`seeds/${n}`, t);
  }
  return { docs: corpus.allResults(), texts };
}

const base = analyse();
const doc = (docs: readonly DocumentResult[], prefix: string) => docs.find(d => d.path.startsWith(`seeds/${prefix}`))!;
const quoteAt = (d: DocumentResult, start: number) => d.quotes.find(q => q.start === start)!;

/** An anchor for a span of a document, as the extension makes one. */
function anchor(texts: Map<string, string>, path: string, span: Span) {
  const text = texts.get(path)!;
  return { path, text: text.slice(span.start, span.end), ...contextOf(text, span) };
}

function apply(a: Annotations, state = base) {
  return applyAnnotations(state.docs, a, { text: p => state.texts.get(p), fill: true });
}

/** The contract check on an applied output (texts from the analysed state). */
function contract(docs: DocumentResult[], state = base): string[] {
  return checkContract(JSON.parse(JSON.stringify({ version: 1, documents: docs, skipped: [] })), p => state.texts.get(p)!);
}

const sample = (): Annotations => {
  let a = emptyAnnotations();
  a = withCorrection(a, { kind: 'verdict', path: 'b.txt', text: 'Claim two', before: 'x', after: '', verdict: 'false', note: 'see the ministry' });
  a = withCorrection(a, { kind: 'not-quote', path: 'a.txt', text: '“hi”', before: 'He said ', after: ' and left', });
  a = withAlias(a, { name: 'Lavrov', of: 'Sergey Lavrov' });
  a = withSource(a, { path: 'a.txt', outlet: 'AP', date: '2022-02-15', url: null });
  return a;
};

describe('annotations file format', () => {
  it('round-trips and writes the same bytes whatever order entries were added in', () => {
    const text = serializeAnnotations(sample());
    const r = parseAnnotations(text);
    assert.ok(r.ok);
    assert.equal(serializeAnnotations(r.annotations), text);
    const reversed = { ...sample(), corrections: [...sample().corrections].reverse() };
    assert.equal(serializeAnnotations(reversed), text);
    // version first, entries sorted by path, keys in the documented order, one entry per group of lines
    const lines = text.split('\n');
    assert.equal(lines[1], '  "version": 1,');
    assert.ok(text.indexOf('"path": "a.txt"') < text.indexOf('"path": "b.txt"'));
    assert.match(text, /"kind": "verdict",\n\s+"path": "b.txt",\n\s+"text": "Claim two",\n\s+"before": "x",\n\s+"after": "",\n\s+"verdict": "false",\n\s+"note": "see the ministry"\n/);
    assert.ok(text.endsWith('}\n'));
  });

  it('replaces a correction of the same words instead of adding a second one', () => {
    const a = sample();
    const q = a.corrections.find(c => c.kind === 'not-quote')!;
    const b = withCorrection(a, { ...q, kind: 'speaker', speaker: 'Maria', speakerType: 'PERSON' });
    assert.equal(b.corrections.length, a.corrections.length);
    assert.equal(b.corrections.filter(c => c.path === 'a.txt')[0].kind, 'speaker');
  });

  it('names the line of a syntax error, a schema error and a wrong version', () => {
    const good = serializeAnnotations(sample()).split('\n');
    const trailing = [...good];
    const at = trailing.findIndex(l => l.includes('"of": "Sergey Lavrov"'));
    trailing[at] += ',';
    const r1 = parseAnnotations(trailing.join('\n'));
    assert.ok(!r1.ok);
    assert.equal(r1.line, at + 2, r1.message); // the '}' after the stray comma
    const badKind = good.map(l => l.replace('"kind": "verdict"', '"kind": "verdic"'));
    const r2 = parseAnnotations(badKind.join('\n'));
    assert.ok(!r2.ok);
    assert.equal(r2.line, badKind.findIndex(l => l.includes('"verdic"')), r2.message); // the entry's opening brace
    assert.match(r2.message, /kind/);
    const r3 = parseAnnotations('{\n  "version": 2\n}\n');
    assert.ok(!r3.ok);
    assert.equal(r3.line, 1);
    assert.match(r3.message, /version/);
    const r4 = parseAnnotations('{\n "version": 1,\n "corrections": [\n  { "kind": "not-quote", "path": "../x.txt", "text": "a", "before": "", "after": "" }\n ]\n}');
    assert.ok(!r4.ok);
    assert.equal(r4.line, 4);
    const r5 = parseAnnotations('{"version": 1, "version": 1}');
    assert.ok(!r5.ok);
    assert.match(r5.message, /twice/);
  });

  it('never throws on hostile text', () => {
    for (const t of ['', '{', '[[[[' .repeat(200), '"\u0000"', '{"version":1,"sources":[{"path":"a","date":"2022-13-40"}]}', '\uFEFF{"version":1}', 'nul', '{"version":1,"aliases":[{"name":"a","of":"a"}]}']) {
      const r = parseAnnotations(t);
      if (t === '\uFEFF{"version":1}') assert.ok(r.ok);
      else assert.ok(!r.ok && r.line >= 1, t);
    }
  });
});

describe('applyAnnotations', function () {
  this.timeout(60_000); // whole-corpus analyses of the seeds, on a shared machine
  it('changes nothing but the new fields when there are no annotations, and keeps untouched documents as they came', () => {
    const r = apply(emptyAnnotations());
    assert.deepEqual(r.orphans, []);
    const strip = (docs: DocumentResult[]) => JSON.parse(JSON.stringify(docs, (k, v) => (k === 'source' || k === 'direction' || k === 'verdict' ? undefined : v)));
    assert.deepEqual(strip(r.documents), strip(base.docs));
    const lean = applyAnnotations(base.docs, null, { text: p => base.texts.get(p) });
    assert.equal(lean.documents[0], base.docs[0]); // 000 has no header: the very object
    assert.deepEqual(doc(lean.documents, '002').source, { outlet: null, date: '2022-02-15', url: null });
  });

  it('"not a quote" removes the quote and its links at both ends', () => {
    const lavrov = quoteAt(doc(base.docs, '002'), 2099);
    assert.equal(lavrov.variants.length, 1);
    const target = lavrov.variants[0];
    const a = withCorrection(emptyAnnotations(), { kind: 'not-quote', ...anchor(base.texts, lavrov.variants[0].path, target) });
    const r = apply(a);
    assert.deepEqual(r.orphans, []);
    assert.equal(doc(r.documents, '001').quotes.some(q => q.start === target.start), false);
    const after = quoteAt(doc(r.documents, '002'), 2099);
    assert.deepEqual(after.variants, []);
    assert.equal(after.quoteGroup, null);
    assert.equal(after.quoteGroupSize, 1);
    assert.deepEqual(contract(r.documents), []);
  });

  it('a new speaker turns a variant into an attribution conflict (and back), mirrored', () => {
    const d2 = doc(base.docs, '002');
    const lavrov = quoteAt(d2, 2099);
    const other = lavrov.variants[0];
    const a = withCorrection(emptyAnnotations(), { kind: 'speaker', ...anchor(base.texts, d2.path, lavrov), speaker: 'Vladimir Putin', speakerType: 'PERSON' });
    const r = apply(a);
    const mine = quoteAt(doc(r.documents, '002'), 2099);
    assert.equal(mine.speaker, 'Vladimir Putin');
    assert.equal(mine.attribution?.step, 'reader');
    assert.equal(mine.speakerMention, null);
    assert.deepEqual(mine.variants, []);
    assert.deepEqual(mine.attributedElsewhere, [{ path: other.path, start: other.start, end: other.end, speaker: 'Sergey Lavrov' }]);
    const theirs = quoteAt(doc(r.documents, '001'), other.start);
    assert.deepEqual(theirs.attributedElsewhere?.filter(e => e.path === d2.path), [{ path: d2.path, start: 2099, end: lavrov.end, speaker: 'Vladimir Putin' }]);
    assert.deepEqual(contract(r.documents), []);

    // Scholz's "far from exhausted" in 004, given to Lavrov, becomes a variant of 001's.
    const d4 = doc(base.docs, '004');
    const scholz = d4.quotes.find(q => q.speaker === 'Olaf Scholz' && (q.attributedElsewhere ?? []).length > 0)!;
    const r2 = apply(withCorrection(emptyAnnotations(), { kind: 'speaker', ...anchor(base.texts, d4.path, scholz), speaker: 'Sergey Lavrov', speakerType: 'PERSON' }));
    const now = quoteAt(doc(r2.documents, '004'), scholz.start);
    assert.deepEqual(now.attributedElsewhere, []);
    assert.ok(now.variants.length >= 1);
    assert.deepEqual(contract(r2.documents), []);
  });

  it('a new speaker reaches every part of a split quote and the claims that carry it', () => {
    const d1 = doc(base.docs, '001');
    const part = d1.quotes.find(q => q.group !== null && q.speaker === 'Oleksiy Danilov')!;
    const r = apply(withCorrection(emptyAnnotations(), { kind: 'speaker', ...anchor(base.texts, d1.path, part), speaker: 'Someone Else', speakerType: 'PERSON' }));
    const parts = doc(r.documents, '001').quotes.filter(q => q.group === part.group);
    assert.equal(parts.length, 2);
    assert.ok(parts.every(q => q.speaker === 'Someone Else'));
    assert.ok(!doc(r.documents, '001').claims.some(c => c.speaker === 'Oleksiy Danilov' && c.start <= part.start && c.end >= part.end));
  });

  it('"not a duplicate" removes the pair at both ends; "not an entity" and aliases', () => {
    const d2 = doc(base.docs, '002');
    const shared = d2.duplicates.find(d => d.kind === 'shared')!;
    const otherText = base.texts.get(shared.other.path)!.slice(shared.other.start, shared.other.end);
    const ent = d2.entities.find(e => e.canonical === 'Sergey Lavrov')!;
    let a = withCorrection(emptyAnnotations(), { kind: 'not-duplicate', ...anchor(base.texts, d2.path, shared), other: { path: shared.other.path, text: otherText } });
    a = withCorrection(a, { kind: 'not-entity', ...anchor(base.texts, d2.path, ent) });
    a = withAlias(a, { name: 'Vladimir Putin', of: 'President Putin of Russia' });
    const r = apply(a);
    assert.deepEqual(r.orphans, []);
    const n2 = doc(r.documents, '002');
    assert.equal(n2.duplicates.some(d => d.start === shared.start && d.other.path === shared.other.path && d.other.start === shared.other.start), false);
    const back = r.documents.find(d => d.path === shared.other.path)!;
    assert.equal(back.duplicates.some(d => d.other.path === d2.path && d.other.start === shared.start && d.start === shared.other.start), false);
    assert.equal(n2.entities.some(e => e.start === ent.start), false);
    const names = r.documents.flatMap(d => [...d.entities.map(e => e.canonical), ...d.quotes.map(q => q.speaker), ...d.claims.flatMap(c => [c.speaker, ...c.entities])]);
    assert.ok(!names.includes('Vladimir Putin'));
    assert.ok(names.includes('President Putin of Russia'));
    assert.deepEqual(contract(r.documents), []);
  });

  it('verdicts land on the claim; source dates give shared passages a mirrored direction', () => {
    const d4 = doc(base.docs, '004');
    const claim = d4.claims[3];
    let a = withCorrection(emptyAnnotations(), { kind: 'verdict', ...anchor(base.texts, d4.path, claim), verdict: 'needs-checking', note: 'ask the ministry' });
    a = withSource(a, { path: 'seeds/000_6f759d22c02cc351.txt', outlet: 'AP', date: '2022-02-14', url: 'https://apnews.com/x' });
    const r = apply(a);
    assert.deepEqual(doc(r.documents, '004').claims[3].verdict, { value: 'needs-checking', note: 'ask the ministry' });
    assert.equal(doc(r.documents, '004').claims.filter(c => c.verdict).length, 1);
    const d0 = doc(r.documents, '000');
    assert.deepEqual(d0.source, { outlet: 'AP', date: '2022-02-14', url: 'https://apnews.com/x' });
    // 002 says "date 2022-02-15": later than 000; 004 has no date: no direction.
    const to2 = d0.duplicates.filter(d => d.kind === 'shared' && d.other.path.includes('002_'));
    assert.ok(to2.length > 0 && to2.every(d => d.direction === 'earlier'));
    assert.ok(doc(r.documents, '002').duplicates.filter(d => d.other.path.includes('000_')).every(d => d.direction === 'later'));
    assert.ok(d0.duplicates.filter(d => d.other.path.includes('004_') || d.kind === 'repeat').every(d => d.direction === null));
  });

  it('a correction survives an edit above it, and is orphaned (applied nowhere) when its context changes', () => {
    const d2 = doc(base.docs, '002');
    const lavrov = quoteAt(d2, 2099);
    const a = withCorrection(emptyAnnotations(), { kind: 'speaker', ...anchor(base.texts, d2.path, lavrov), speaker: 'Vladimir Putin', speakerType: 'PERSON' });
    const prefix = 'An editor\u2019s note added at the top.\r\n\r\n';
    const edited = analyse((n, t) => (n.startsWith('002') ? prefix + t.replace(/\n/g, '\r\n') : t));
    const r = apply(a, edited);
    assert.deepEqual(r.orphans, []);
    const moved = doc(r.documents, '002').quotes.find(q => q.text === lavrov.text)!;
    assert.ok(moved.start > 2099);
    assert.equal(moved.speaker, 'Vladimir Putin');

    const context = analyse((n, t) => (n.startsWith('002') ? t.slice(0, lavrov.end) + ' the minister added in a new clause, ' + t.slice(lavrov.end) : t));
    const r2 = apply(a, context);
    assert.equal(r2.orphans.length, 1);
    assert.equal(r2.orphans[0].absent, false);
    assert.match(r2.orphans[0].reason, /no longer matches/);
    assert.ok(!r2.documents.some(d => d.quotes.some(q => q.speaker === 'Vladimir Putin' && q.attribution?.step === 'reader')));
  });

  it('reports entries for documents not analysed and aliases of unknown names as orphans', () => {
    let a = withCorrection(emptyAnnotations(), { kind: 'not-quote', path: 'seeds/none.txt', text: 'x', before: '', after: '' } as Correction);
    a = withAlias(a, { name: 'Nobody Here', of: 'Someone' });
    const r = apply(a);
    assert.deepEqual(r.orphans.map(o => [o.section, o.absent]), [['corrections', true], ['aliases', false]]);
  });

  it('never writes into the results it is given', () => {
    const before = JSON.stringify(base.docs);
    const d2 = doc(base.docs, '002');
    let a = withCorrection(emptyAnnotations(), { kind: 'speaker', ...anchor(base.texts, d2.path, quoteAt(d2, 2099)), speaker: 'X Y', speakerType: 'PERSON' });
    a = withCorrection(a, { kind: 'not-quote', ...anchor(base.texts, d2.path, d2.quotes[0]) });
    a = withAlias(a, { name: 'Sergey Lavrov', of: 'Lavrov S.' });
    apply(a);
    assert.equal(JSON.stringify(base.docs), before);
  });
});

describe('annotations file format under random damage', () => {
  it('parses or names a line inside the file, never throws, for a thousand mutated files', function () {
    this.timeout(60_000);
    const { rng } = require('../support/rng') as typeof import('../support/rng');
    const next = rng(14);
    const good = serializeAnnotations(sample());
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', '\n', 'null', '1e999', '-', '\u0000', '\uD800', 'version', '"kind"', ' '];
    let broken = 0;
    for (let i = 0; i < 1000; i++) {
      let t = good;
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        const at = Math.floor(next() * t.length);
        const r = next();
        if (r < 0.4) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 8));
        else if (r < 0.8) t = t.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + t.slice(at);
        else t = t.slice(0, at);
      }
      const res = parseAnnotations(t);
      if (!res.ok) {
        broken++;
        assert.ok(res.line >= 1 && res.line <= t.split('\n').length, `line ${res.line} of ${t.split('\n').length}`);
        assert.ok(res.message.length > 0);
      } else assert.equal(parseAnnotations(serializeAnnotations(res.annotations)).ok, true);
    }
    assert.ok(broken > 300, `most damage is caught (${broken})`);
  });
});
