/**
 * Corpus reuse index benchmark: ReuseIndex against a naive exact 8-word-shingle
 * index, on corpora written by make-corpus.mjs from the team's evaluation data
 * (`node ../shared/eval/reuse/make-corpus.mjs`, with ../shared/eval beside the repo).
 *
 *   npx tsc -p . && node out/bench/reuse.js /tmp/corpus1k [/tmp/corpus2k]
 *
 * Each (method, corpus) runs in its own child process, so peak memory (maxRSS) is
 * its own. With one corpus, its first half stands in for the smaller one in the
 * 2x-scaling ratio. Prints time, peak memory, shared document pairs against
 * truth.json (recall, and pairs not in the truth), and the ratios.
 */
import { AnalysisContext } from '../src/core/text/memo';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReuseIndex } from '../src/core/reuse/reuseIndex';
import { decode } from '../src/core/text/decode';
import { paragraphs } from '../src/core/text/paragraphs';
import { sentences } from '../src/core/text/sentences';
import { pairKey, shingleIndex } from './shingles';

interface Result {
  method: string;
  articles: number;
  mb: number;
  prepMs: number;
  indexMs: number;
  queryMs: number;
  /** CPU time (user + system) of index + query: steadier than wall time on a shared machine. */
  cpuMs: number;
  peakRssMb: number;
  heapMb: number;
  pairs: number;
  truePairs: number;
  truthPairs: number;
}

type Method = 'reuse' | 'shingle8';

/** Shared document pairs of truth.json: each copy's two articles, and two versions copying the same paragraph. */
function truthPairs(dir: string, names: Set<string>): Set<string> {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as {
    copies: { doc: string; from: string; fromStart: number }[];
  };
  const out = new Set<string>();
  const byPara = new Map<string, string[]>();
  for (const c of truth.copies) {
    if (!names.has(c.doc)) continue;
    if (names.has(c.from)) out.add(pairKey(c.doc, c.from));
    const k = `${c.from}:${c.fromStart}`;
    const l = byPara.get(k);
    if (l) l.push(c.doc); else byPara.set(k, [c.doc]);
  }
  for (const docs of byPara.values()) {
    for (let a = 0; a < docs.length; a++) for (let b = a + 1; b < docs.length; b++) if (docs[a] !== docs[b]) out.add(pairKey(docs[a], docs[b]));
  }
  return out;
}

function listArticles(dir: string, limit: number): string[] {
  const all = fs.readdirSync(dir).filter(f => /^a\d+\.txt$/.test(f)).sort();
  return limit > 0 ? all.slice(0, limit) : all;
}

function runChild(method: Method, dir: string, limit: number): Result {
  const names = listArticles(dir, limit);
  const t0 = performance.now();
  const docs = names.map(name => {
    const r = decode(fs.readFileSync(path.join(dir, name)));
    if (!r.ok) throw new Error(`${name}: ${r.reason}`);
    const paras = paragraphs(r.text);
    return { name, text: r.text, paras, sents: sentences(r.text, paras) };
  });
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  let pairs: Set<string>;
  let t2: number;
  if (method === 'reuse') {
    const index = new ReuseIndex(new AnalysisContext());
    for (const d of docs) index.upsert(d.name, d.text, d.paras, d.sents);
    // (Matching is settled on the first query: settled here, so indexing time is the matching's.)
    index.takeTouched();
    t2 = performance.now();
    pairs = new Set();
    for (const d of docs) for (const dup of index.shared(d.name)) if (!dup.boilerplate) pairs.add(pairKey(d.name, dup.other.path));
  } else {
    pairs = shingleIndex(docs);
    t2 = performance.now();
  }
  const t3 = performance.now();
  const c3 = process.cpuUsage(c1);
  const truth = truthPairs(dir, new Set(names));
  let hit = 0;
  for (const p of pairs) if (truth.has(p)) hit++;
  return {
    method, articles: names.length, mb: bytes / 1e6,
    prepMs: t1 - t0, indexMs: t2 - t1, queryMs: t3 - t2, cpuMs: (c3.user + c3.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024, heapMb: process.memoryUsage().heapUsed / 1e6,
    pairs: pairs.size, truePairs: hit, truthPairs: truth.size,
  };
}

function child(method: Method, dir: string, limit: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['--child', method, dir, String(limit)], { execArgv: ['--max-old-space-size=4096'] });
    p.on('message', m => resolve(m as Result));
    p.on('error', reject);
    p.on('exit', code => { if (code) reject(new Error(`${method} on ${dir} exited ${code}`)); });
  });
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

function line(r: Result): string {
  const total = r.prepMs + r.indexMs + r.queryMs;
  const recall = r.truthPairs ? r.truePairs / r.truthPairs : 0;
  return `${r.method.padEnd(9)} ${String(r.articles).padStart(6)} ${f1(r.mb).padStart(6)} MB  prep ${f2(r.prepMs / 1000).padStart(6)} s  index ${f2(r.indexMs / 1000).padStart(6)} s` +
    `  query ${f2(r.queryMs / 1000).padStart(5)} s  total ${f2(total / 1000).padStart(6)} s  (index+query cpu ${f2(r.cpuMs / 1000).padStart(6)} s)  peak ${f1(r.peakRssMb).padStart(7)} MB` +
    `  pairs ${r.truePairs}/${r.truthPairs} (recall ${recall.toFixed(3)}), ${r.pairs - r.truePairs} not in truth`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    process.send!(runChild(argv[1] as Method, argv[2], Number(argv[3])));
    return;
  }
  if (!argv.length) {
    console.error('usage: node out/bench/reuse.js CORPUS_DIR [CORPUS_DIR_2x]  (corpora from ../shared/eval/reuse/make-corpus.mjs, the team\'s evaluation data)');
    process.exit(2);
  }
  const [big] = argv.length >= 2 ? [argv[1]] : [argv[0]];
  const small = argv.length >= 2 ? { dir: argv[0], limit: 0 } : { dir: argv[0], limit: Math.floor(listArticles(argv[0], 0).length / 2) };
  const results: Record<string, Result> = {};
  for (const method of ['reuse', 'shingle8'] as Method[]) {
    for (const [key, dir, limit] of [['small', small.dir, small.limit], ['big', big, 0]] as const) {
      const r = await child(method, dir, limit);
      results[`${method}/${key}`] = r;
      console.log(line(r));
    }
  }
  const total = (r: Result) => r.indexMs + r.queryMs;
  const cpu = (r: Result) => r.cpuMs;
  const ours = results['reuse/big'], base = results['shingle8/big'];
  const ourSmall = results['reuse/small'], baseSmall = results['shingle8/small'];
  console.log(`scaling (index+query, ${ourSmall.articles} -> ${ours.articles} articles, x${f2(ours.articles / ourSmall.articles)}): ` +
    `reuse ${f2(total(ours) / total(ourSmall))}x (cpu ${f2(cpu(ours) / cpu(ourSmall))}x), shingle8 ${f2(total(base) / total(baseSmall))}x (cpu ${f2(cpu(base) / cpu(baseSmall))}x) (budget 2.3x for 2x)`);
  console.log(`reuse / shingle8 on ${ours.articles} articles: time ${f2(total(ours) / total(base))}x (cpu ${f2(cpu(ours) / cpu(base))}x), peak memory ${f2(ours.peakRssMb / base.peakRssMb)}x, ` +
    `recall ${f2(ours.truePairs / Math.max(1, base.truePairs))}x`);
}

void main().catch(e => { console.error(e); process.exit(1); });
