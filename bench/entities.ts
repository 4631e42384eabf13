/**
 * Entity recognition throughput: findEntities against a naive baseline (a regex for
 * runs of capitalised words) on the same paragraphs, in one run.
 *   npx tsc -p . && node out/bench/entities.js
 * Text: the seed articles plus polnear-dev from the team's evaluation data (../shared/eval,
 * left out with one line when absent), repeated to about 5 MB.
 * Paragraphs and sentences are split beforehand: only entity recognition is timed.
 * Budget: entity recognition alone >= 6 MB/s on one core (so the whole analysis keeps >= 2 MB/s).
 */
import fs from 'node:fs';
import path from 'node:path';
import { findEntities } from '../src/core/entities/entities';
import { paragraphs } from '../src/core/text/paragraphs';
import { splitSentences } from '../src/core/text/sentences';
import type { Entity, Span } from '../src/core/types';
import { evalDirOrSay } from '../test/support/sharedEval';

const root = path.resolve(__dirname, '..', '..');
const TARGET = 5 * 1024 * 1024;

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

function main() {
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
  const time = (fn: (p: Para) => Entity[]) => {
    let count = 0;
    for (const p of paras.slice(0, 2000)) fn(p); // warm up
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const t0 = process.hrtime.bigint();
      count = 0;
      for (const p of paras) count += fn(p).length;
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return { seconds: best, count };
  };
  const ours = time(p => findEntities(p.text, p.sentences));
  const base = time(p => naive(p.text));
  const rate = (s: number) => mb / s;
  console.log(`text: ${mb.toFixed(2)} MB in ${paras.length} paragraphs (${docs.length} documents repeated)`);
  console.log(`findEntities   ${rate(ours.seconds).toFixed(2).padStart(7)} MB/s  ${ours.count} entities`);
  console.log(`naive regex    ${rate(base.seconds).toFixed(2).padStart(7)} MB/s  ${base.count} runs`);
  console.log(`ratio findEntities/naive: ${(rate(ours.seconds) / rate(base.seconds)).toFixed(2)}`);
  console.log(`budget >= 6 MB/s: ${rate(ours.seconds) >= 6 ? 'met' : 'NOT MET'}`);
}

main();
