/**
 * Quote and speaker throughput: findQuotes against a naive baseline (one regex for
 * paired marks, no speakers) on the same documents, in one run; plus a linearity
 * check (one long document against a quarter of it).
 *   npx tsc -p . && node out/bench/quotes.js
 * Text: the seed articles plus polnear-dev from the team's evaluation data (../shared/eval,
 * left out with one line when absent), repeated to about 5 MB.
 * Sentences are split beforehand: only the quote pass is timed. Quotes are a small
 * part of the whole per-document budget (design.md: >= 2 MB/s for everything).
 */
import { AnalysisContext } from '../src/core/text/memo';
import fs from 'node:fs';
import path from 'node:path';
import { findQuotes } from '../src/core/quotes/quotes';
import { paragraphs } from '../src/core/text/paragraphs';
import { sentences } from '../src/core/text/sentences';
import type { Sentence } from '../src/core/types';
import { evalDirOrSay } from '../test/support/sharedEval';

const root = path.resolve(__dirname, '..', '..');
const TARGET = 5 * 1024 * 1024;

function corpus(): string[] {
  const polnear = evalDirOrSay('polnear-dev', 'the PolNeAR articles (the seeds alone are measured)');
  const dirs = [path.join(root, 'seeds'), ...(polnear ? [polnear] : [])];
  return dirs.flatMap(d => fs.readdirSync(d).sort().filter(f => f.endsWith('.txt')).map(f => fs.readFileSync(path.join(d, f), 'utf8')));
}

const NAIVE = /“[^”\n]*”|"[^"\n]*"/g;
function naive(text: string): number {
  let n = 0;
  for (const m of text.matchAll(NAIVE)) n += m[0].length > 0 ? 1 : 0;
  return n;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const base = corpus();
const docs: { text: string; sents: Sentence[] }[] = [];
let units = 0;
for (let round = 0; units < TARGET; round++) {
  for (const t of base) {
    const text = round ? t.replace(/\n/g, ` ${round}\n`) : t;
    docs.push({ text, sents: sentences(text, paragraphs(text)) });
    units += text.length;
  }
}
const mb = units / 1e6;

for (const d of docs.slice(0, 50)) { findQuotes(new AnalysisContext(), d.text, d.sents, []); naive(d.text); }
let found = 0, naiveFound = 0;
const ours = time(() => { for (const d of docs) found += findQuotes(new AnalysisContext(), d.text, d.sents, []).length; });
const peer = time(() => { for (const d of docs) naiveFound += naive(d.text); });
console.log(`corpus: ${docs.length} documents, ${mb.toFixed(2)} M UTF-16 units`);
console.log(`findQuotes (quotes + speakers): ${(mb / ours).toFixed(1)} MB/s, ${found} quotes`);
console.log(`naive regex (marks only):       ${(mb / peer).toFixed(1)} MB/s, ${naiveFound} quotes`);
console.log(`ratio (naive / ours time): ${(ours / peer).toFixed(1)}x slower than the regex`);

// Linearity: one long document, and a quarter of it.
const long = base.join('\n\n').repeat(Math.ceil(1e6 / base.join('\n\n').length)).slice(0, 1_000_000);
const quarter = long.slice(0, 250_000);
const prep = (t: string) => ({ text: t, sents: sentences(t, paragraphs(t)) });
const L = prep(long), Q = prep(quarter);
findQuotes(new AnalysisContext(), Q.text, Q.sents, []);
const tq = time(() => findQuotes(new AnalysisContext(), Q.text, Q.sents, []));
const tl = time(() => findQuotes(new AnalysisContext(), L.text, L.sents, []));
console.log(`one 1 MB document: ${(tl * 1000).toFixed(0)} ms; 4x the text took ${(tl / tq).toFixed(1)}x the time of a quarter`);
