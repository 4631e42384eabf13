#!/usr/bin/env node
// Quotes and speakers on ../shared/eval/polnear-dev, scored by the shared scorer's
// rules: its helpers (gold quotes, matching, the speaker rule, running the CLI) are
// imported from ../shared/eval at run time.
//   npm run eval:quotes               overall figures, as score-quotes.mjs prints them
//   npm run eval:quotes -- --sieves   and per attribution sieve: the quotes it decided,
//                                     how many match a gold quote, how many of those
//                                     have a scorable gold speaker, how many it got right
//   npm run eval:quotes -- --dir D    another folder of .txt/.ann pairs (e.g. one split of
//                                     polnear-dev made of symlinks); figures per publisher too
//   npm run eval:quotes -- --errors   print each wrong or missing speaker (only for folders
//                                     you develop on: reading a test split's errors spoils it)
//   npm run eval:quotes -- --quotes   print each false and each missed quote (same caveat)
// Speakers are the CLI's; which sieve decided each quote comes from findQuotesTraced
// run on the same documents (compiled core in out/; the npm script builds it and dist/).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.resolve(root, '../shared/eval');
const argDir = (() => { const i = process.argv.indexOf('--dir'); return i > 0 ? process.argv[i + 1] : null; })();
const dataDir = argDir ? path.resolve(process.env.INIT_CWD ?? process.cwd(), argDir) : path.join(evalDir, 'polnear-dev');
if (!fs.existsSync(path.join(evalDir, 'score-quotes.mjs')) || !fs.existsSync(dataDir)) {
  console.log(`eval:quotes: ../shared/eval/polnear-dev is absent (${dataDir}); nothing scored`);
  process.exit(0);
}
const bySieve = process.argv.includes('--sieves');
const showErrors = process.argv.includes('--errors');
const showQuotes = process.argv.includes('--quotes');

const { goldQuotes, match, speakerOk } = await import(pathToFileURL(path.join(evalDir, 'score-quotes.mjs')).href);
const { runCli, byBasename, offsetErrors } = await import(pathToFileURL(path.join(evalDir, 'lib', 'run-cli.mjs')).href);

process.chdir(root); // runCli runs the project in the current directory
const predDocs = byBasename(runCli(dataDir).out);

/** Per document: quote "start:end" -> the sieve that decided it (null: none). */
function tracer() {
  const require = createRequire(import.meta.url);
  const load = (m) => {
    const file = path.join(root, 'out', 'src', 'core', m);
    if (!fs.existsSync(file)) {
      console.log(`eval:quotes: ${path.relative(root, file)} is missing: run \`npx tsc -p .\` first (npm run eval:quotes does)`);
      process.exit(1);
    }
    return require(file);
  };
  const { findQuotesTraced } = load('quotes/quotes.js');
  const { SIEVES } = load('quotes/sieves.js');
  const { analyzeLocal } = load('corpus/corpus.js');
  const { AnalysisContext } = load('text/memo.js');
  const { decode } = load('text/decode.js');
  return {
    names: SIEVES.map(s => s.name),
    of(file) {
      // The document as the CLI reads it, and the sentences and entities its quotes are found with.
      const decoded = decode(fs.readFileSync(file));
      if (!decoded.ok) return new Map();
      const ctx = new AnalysisContext();
      const local = analyzeLocal(ctx, decoded.text);
      const { quotes, sieves } = findQuotesTraced(ctx, decoded.text, local.sentences, local.entities);
      return new Map(quotes.map((q, k) => [`${q.start}:${q.end}`, sieves[k]]));
    },
  };
}

const NONE = 'no speaker';
const trace = bySieve ? tracer() : null;
const rows = new Map([...(trace?.names ?? []), NONE].map(n => [n, { decided: 0, matched: 0, unnamed: 0, scored: 0, right: 0 }]));
const tot = { gold: 0, pred: 0, tp: 0, spN: 0, spOk: 0, badOffsets: 0, missingDocs: 0, untraced: 0 };
const pubs = new Map(); // publisher (file name up to the first '_') -> counts

for (const file of fs.readdirSync(dataDir).filter(f => f.endsWith('.txt')).sort()) {
  const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
  const gold = goldQuotes(text, fs.readFileSync(path.join(dataDir, file.replace(/\.txt$/, '.ann')), 'utf8'));
  const doc = predDocs.get(file);
  if (!doc) tot.missingDocs++;
  const pred = (doc?.quotes ?? []).filter(q => Number.isInteger(q.start) && Number.isInteger(q.end));
  tot.badOffsets += offsetErrors(pred, text);
  const matched = match(gold, pred);
  if (showQuotes) {
    // Quote detection errors: predicted quotes matching no gold quote, gold quotes no prediction matches.
    const line = (q) => {
      const at = text.lastIndexOf('\n', q.start) + 1, e = text.indexOf('\n', q.end);
      return text.slice(Math.max(at, q.start - 160), Math.min(e < 0 ? text.length : e, q.end + 100));
    };
    const mp = new Set(matched.map(m => m[1])), mg = new Set(matched.map(m => m[0]));
    for (const q of pred) if (!mp.has(q)) console.log(`+++ false ${file} speaker=${JSON.stringify(q.speaker)} ${JSON.stringify(q.text.slice(0, 60))}\n    ${line(q)}`);
    for (const g of gold) if (!mg.has(g)) console.log(`--- missed ${file} ${JSON.stringify(g.text.slice(0, 60))}\n    ${line(g)}`);
  }
  const pub = pubs.get(file.split('_')[0]) ?? { gold: 0, pred: 0, tp: 0, spN: 0, spOk: 0 };
  pubs.set(file.split('_')[0], pub);
  for (const c of [tot, pub]) { c.gold += gold.length; c.pred += pred.length; c.tp += matched.length; }
  // Each predicted quote's row: the sieve that decided it.
  const sieves = trace?.of(path.join(dataDir, file));
  const rowOf = new Map();
  if (sieves) {
    for (const q of pred) {
      const key = `${q.start}:${q.end}`;
      if (!sieves.has(key)) { tot.untraced++; continue; }
      const row = rows.get(sieves.get(key) ?? NONE);
      rowOf.set(q, row);
      row.decided++;
      if (!q.speaker) row.unnamed++;
    }
  }
  for (const [gq, pq] of matched) {
    const row = rowOf.get(pq);
    if (row) row.matched++;
    if (showErrors && !gq.scorable && !pq.speaker) console.log(`--- unscored, no speaker: ${file} gold=${JSON.stringify(gq.source)} quote=${JSON.stringify(gq.text.slice(0, 60))}`);
    if (!gq.scorable) continue;
    const ok = speakerOk(pq.speaker, gq.source);
    for (const c of [tot, pub]) { c.spN++; c.spOk += ok; }
    if (showErrors && !ok) {
      const at = text.lastIndexOf('\n', gq.start) + 1;
      console.log(`--- ${file} [${sieves?.get(`${pq.start}:${pq.end}`) ?? '-'}] gold=${JSON.stringify(gq.source)} pred=${JSON.stringify(pq.speaker ?? null)} quote=${JSON.stringify(gq.text.slice(0, 60))}`);
      console.log(text.slice(Math.max(0, at - 300), Math.min(text.length, gq.end + 250)).replace(/\n+/g, ' ¶ '));
    }
    if (row) { row.scored++; row.right += ok; }
  }
}

const f3 = x => x.toFixed(3);
for (const [name, c] of [...pubs].sort()) {
  const pp = c.pred ? c.tp / c.pred : 0, rr = c.gold ? c.tp / c.gold : 0, ff = pp + rr ? 2 * pp * rr / (pp + rr) : 0;
  console.log(`${name.padEnd(14)} F1 ${f3(ff)}  speaker ${f3(c.spN ? c.spOk / c.spN : 0)} (${c.spOk}/${c.spN})`);
}
if (bySieve) {
  const pct = (a, b) => (b ? `${(100 * a / b).toFixed(1)}%` : '-').padStart(7);
  const w = Math.max(...[...rows.keys()].map(n => n.length));
  console.log(`${'sieve'.padEnd(w)}  decided  no name  matched  scored  right  accuracy`);
  const sum = { decided: 0, unnamed: 0, matched: 0, scored: 0, right: 0 };
  for (const [name, r] of rows) {
    for (const k of Object.keys(sum)) sum[k] += r[k];
    console.log(`${name.padEnd(w)}  ${String(r.decided).padStart(7)}  ${String(r.unnamed).padStart(7)}  ${String(r.matched).padStart(7)}  ` +
      `${String(r.scored).padStart(6)}  ${String(r.right).padStart(5)}  ${pct(r.right, r.scored)}`);
  }
  console.log(`${'all'.padEnd(w)}  ${String(sum.decided).padStart(7)}  ${String(sum.unnamed).padStart(7)}  ${String(sum.matched).padStart(7)}  ` +
    `${String(sum.scored).padStart(6)}  ${String(sum.right).padStart(5)}  ${pct(sum.right, sum.scored)}`);
  console.log('decided: predicted quotes whose speaker the sieve gave; no name: of those, left without a speaker (a pronoun unresolved: they, we, I, or no antecedent);');
  console.log('matched: of those, matching a gold quote; scored: of those, with a gold speaker holding a name; right: speaker credited by the scorer.');
  if (tot.untraced) console.log(`warning: ${tot.untraced} CLI quotes not found by findQuotesTraced (out/ older than dist/?)`);
}
if (tot.missingDocs) console.log(`warning: ${tot.missingDocs} documents missing from the CLI output`);
if (tot.badOffsets) console.log(`warning: ${tot.badOffsets} predicted quotes whose text != file.slice(start, end)`);
const p = tot.pred ? tot.tp / tot.pred : 0, r = tot.gold ? tot.tp / tot.gold : 0, f = p + r ? 2 * p * r / (p + r) : 0;
console.log(`quotes F1 ${f3(f)} (P ${f3(p)} R ${f3(r)}) speaker-acc ${f3(tot.spN ? tot.spOk / tot.spN : 0)} n=${tot.gold} speaker-n=${tot.spN} (right ${tot.spOk})`);
