/**
 * Entity recognition: findEntities against a naive baseline (a regex for runs of
 * capitalised words) and the peer `compromise` (a rule-based JavaScript NLP library),
 * on the same paragraphs, in one run; then PER/LOC/ORG F1 of findEntities and
 * compromise on conll2003-valid (exact spans and types, as score-ner.mjs counts them).
 *   npx tsc -p . && node out/bench/entities.js
 * Text: the seed articles plus polnear-dev from the team's evaluation data (../shared/eval,
 * left out with one line when absent), repeated to about 5 MB (compromise, about 100
 * times slower, reads the first 300 KB of it).
 * Paragraphs and sentences are split beforehand: only entity recognition is timed.
 * Budget: entity recognition alone >= 6 MB/s on one core (so the whole analysis keeps >= 2 MB/s);
 * the name model loads in <= 100 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { EntityScratch, findEntities, loadNameModel } from '../src/core/entities/entities';
import { NER_MODEL } from '../src/core/entities/nerModel';
import { paragraphs } from '../src/core/text/paragraphs';
import { splitSentences } from '../src/core/text/sentences';
import type { Entity, EntityType, Span } from '../src/core/types';
import { evalDirOrSay } from '../test/support/sharedEval';

const root = path.resolve(__dirname, '..', '..');
const TARGET = 5 * 1024 * 1024;
const scratch = new EntityScratch();

function corpus(): string[] {
  const files: string[] = [];
  const seeds = path.join(root, 'seeds');
  for (const f of fs.readdirSync(seeds).sort()) if (f.endsWith('.txt')) files.push(path.join(seeds, f));
  const polnear = evalDirOrSay('polnear-dev', 'the PolNeAR articles (the seeds alone are measured)');
  if (polnear) for (const f of fs.readdirSync(polnear).sort()) if (f.endsWith('.txt')) files.push(path.join(polnear, f));
  return files.map(f => fs.readFileSync(f, 'utf8'));
}

/** The baseline: every run of capitalised words is a name. */
const NAIVE = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;
function naive(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(NAIVE)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, text: m[0], type: 'MISC', canonical: m[0] });
  }
  return out;
}

interface Para { text: string; sentences: Span[] }

/** compromise's people, places and organisations as entities (its offsets are UTF-16 indices). */
function peer(text: string): Entity[] {
  const doc = nlp(text);
  const out: Entity[] = [];
  const add = (view: { json(opts: object): unknown }, type: EntityType) => {
    for (const m of view.json({ offset: true }) as Array<{ offset: { start: number; length: number } }>) {
      const start = m.offset.start, end = start + m.offset.length;
      const t = text.slice(start, end);
      out.push({ start, end, text: t, type, canonical: t });
    }
  };
  add(doc.people(), 'PERSON');
  add(doc.places(), 'PLACE');
  add(doc.organizations(), 'ORG');
  return out;
}

/** Micro F1 over PER/LOC/ORG of `fn` on the CoNLL validation documents (gold.json beside them). */
function conllF1(dir: string, fn: (p: Para) => Entity[]): { f: number; p: number; r: number } {
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Record<string, Array<{ start: number; end: number; type: string }>>;
  const MAP: Record<string, string> = { PERSON: 'PER', PLACE: 'LOC', ORG: 'ORG' };
  let tp = 0, np = 0, ng = 0;
  for (const [file, ents] of Object.entries(gold)) {
    const doc = fs.readFileSync(path.join(dir, file), 'utf8');
    const g = new Set(ents.filter(e => e.type !== 'MISC').map(e => `${e.start}:${e.end}:${e.type}`));
    const p = new Set<string>();
    for (const para of paragraphs(doc)) {
      const text = doc.slice(para.start, para.end);
      for (const e of fn({ text, sentences: splitSentences(text) })) if (MAP[e.type]) p.add(`${e.start + para.start}:${e.end + para.start}:${MAP[e.type]}`);
    }
    ng += g.size; np += p.size;
    for (const k of p) if (g.has(k)) tp++;
  }
  const P = np ? tp / np : 0, R = ng ? tp / ng : 0;
  return { f: P + R ? 2 * P * R / (P + R) : 0, p: P, r: R };
}

function main() {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  loadNameModel();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6, c1 = process.cpuUsage(c0), loadCpuMs = (c1.user + c1.system) / 1000;
  const docs = corpus();
  const paras: Para[] = [];
  let bytes = 0;
  while (bytes < TARGET) {
    for (const doc of docs) {
      for (const p of paragraphs(doc)) {
        const text = doc.slice(p.start, p.end);
        paras.push({ text, sentences: splitSentences(text) });
        bytes += Buffer.byteLength(text);
      }
      if (bytes >= TARGET) break;
    }
  }
  const mb = bytes / (1024 * 1024);
  const time = (fn: (p: Para) => Entity[], list = paras, rounds = 3) => {
    let count = 0;
    for (const p of list.slice(0, 2000)) fn(p); // warm up
    let best = Infinity;
    for (let round = 0; round < rounds; round++) {
      const t0 = process.hrtime.bigint();
      count = 0;
      for (const p of list) count += fn(p).length;
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return { seconds: best, count };
  };
  const ours = time(p => findEntities(p.text, p.sentences, undefined, scratch));
  const base = time(p => naive(p.text));
  const rate = (s: number) => mb / s;
  console.log(`text: ${mb.toFixed(2)} MB in ${paras.length} paragraphs (${docs.length} documents repeated)`);
  console.log(`findEntities   ${rate(ours.seconds).toFixed(2).padStart(7)} MB/s  ${ours.count} entities`);
  console.log(`naive regex    ${rate(base.seconds).toFixed(2).padStart(7)} MB/s  ${base.count} runs`);
  console.log(`ratio findEntities/naive: ${(rate(ours.seconds) / rate(base.seconds)).toFixed(2)}`);
  console.log(`budget >= 6 MB/s: ${rate(ours.seconds) >= 6 ? 'met' : 'NOT MET'}`);
  console.log(`name model: ${(NER_MODEL.length * 3 / 4 / 1024).toFixed(0)} KiB of weights, loaded in ${loadMs.toFixed(0)} ms (${loadCpuMs.toFixed(0)} ms CPU; budget <= 100 ms: ${loadMs <= 100 ? 'met' : 'NOT MET'})`);

  const slice: Para[] = [];
  let sliceBytes = 0;
  for (const p of paras) { if (sliceBytes >= 300 * 1024) break; slice.push(p); sliceBytes += Buffer.byteLength(p.text); }
  const sliceMb = sliceBytes / (1024 * 1024);
  const peerTime = time(p => peer(p.text), slice, 1);
  const ourSlice = time(p => findEntities(p.text, p.sentences, undefined, scratch), slice, 3);
  console.log(`compromise     ${(sliceMb / peerTime.seconds).toFixed(2).padStart(7)} MB/s  ${peerTime.count} entities (first ${sliceMb.toFixed(2)} MB)`);
  console.log(`ratio findEntities/compromise speed: ${(peerTime.seconds / ourSlice.seconds).toFixed(0)}x`);

  const conll = evalDirOrSay('conll2003-valid', 'the F1 comparison');
  if (conll) {
    const a = conllF1(conll, p => findEntities(p.text, p.sentences, undefined, scratch)), b = conllF1(conll, p => peer(p.text));
    const f = (x: { f: number; p: number; r: number }) => `F1 ${x.f.toFixed(3)} (P ${x.p.toFixed(3)} R ${x.r.toFixed(3)})`;
    console.log(`conll2003-valid PER/LOC/ORG: findEntities ${f(a)}, compromise ${f(b)}; ratio ${(a.f / b.f).toFixed(2)}`);
  }
}

main();
