/**
 * The CLI's "results" stage (`OneShotCorpus.build`: each document's result with its
 * shared passages, so the reuse index settles here), this build against another,
 * each run in a child process of its own (its own heap, as in the CLI), rounds alternating.
 *   npx tsc -p . && node out/bench/results.js DIR [--baseline OLD_OUT] [--rounds N]
 * DIR: a directory of articles (.txt, .md; e.g. a generated corpus, /tmp/sc/c5000).
 * `--baseline OLD_OUT`: another build's compiled tree (a copy of an earlier `out/`,
 * holding src/cli/oneShot.js; it must find node_modules, e.g. a copy inside the checkout).
 * Each child analyses every document (as `--jobs 1` does), then builds the results and
 * reports the stage's CPU time, the GC's share (`v8.GCProfiler`), peak RSS and a hash of
 * the results: the bench says whether the two builds' results are identical.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { takeOption } from '../test/support/args';

interface Run { cpuMs: number; gcMs: number; scavenges: number; peakRssMb: number; heapMb: number; docs: number; hash: string }

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

function child(dir: string, outDir: string): void {
  const { OneShotCorpus } = require(path.join(outDir, 'src/cli/oneShot')) as typeof import('../src/cli/oneShot');
  const { normalizeEol } = require(path.join(outDir, 'src/core/text/decode')) as typeof import('../src/core/text/decode');
  const files = fs.readdirSync(dir).filter(f => /\.(?:txt|md)$/.test(f)).sort();
  const corpus = new OneShotCorpus();
  for (const f of files) corpus.set(path.join(dir, f), normalizeEol(fs.readFileSync(path.join(dir, f), 'utf8')));
  const gc = new v8.GCProfiler();
  const c0 = cpu();
  gc.start();
  const results = (corpus as unknown as { build(): { path: string; duplicates: unknown[] }[] }).build();
  const stats = gc.stop();
  const cpuMs = cpu() - c0;
  const hash = createHash('sha256');
  for (const r of results) hash.update(JSON.stringify(r));
  const run: Run = {
    cpuMs, gcMs: stats.statistics.reduce((n, e) => n + e.cost / 1000, 0), scavenges: stats.statistics.filter(e => e.gcType === 'Scavenge').length,
    peakRssMb: process.resourceUsage().maxRSS / 1024, heapMb: v8.getHeapStatistics().used_heap_size / 1e6, docs: results.length, hash: hash.digest('hex').slice(0, 16),
  };
  process.send!(run);
}

function runChild(dir: string, outDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const c = fork(__filename, ['--child', dir, outDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let got: Run | null = null;
    c.on('message', m => { got = m as Run; });
    c.on('exit', code => (got ? resolve(got) : reject(new Error(`child for ${outDir} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const option = (name: string) => takeOption(args, name);
  const baseline = option('--baseline');
  const rounds = Number(option('--rounds') ?? 1);
  const dir = args[0];
  if (!dir) {
    console.error('usage: node out/bench/results.js DIR [--baseline OLD_OUT] [--rounds N]');
    process.exit(2);
  }
  const thisOut = path.resolve(__dirname, '..');
  const builds: [string, string][] = baseline ? [['old', path.resolve(baseline)], ['new', thisOut]] : [['new', thisOut]];
  const runs = new Map<string, Run[]>(builds.map(([name]) => [name, []]));
  const f = (x: number) => x.toFixed(0).padStart(7);
  console.log(`${dir}; baseline ${baseline ?? 'none'}; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('build round  docs results-cpu-ms   gc-ms scavenges peak-rss-mb heap-mb hash');
  for (let r = 0; r < rounds; r++) {
    for (const [name, out] of r % 2 ? [...builds].reverse() : builds) {
      const run = await runChild(dir, out);
      runs.get(name)!.push(run);
      console.log(`${name.padEnd(5)} ${String(r).padStart(5)} ${String(run.docs).padStart(5)} ${f(run.cpuMs).padStart(15)} ${f(run.gcMs)} ${String(run.scavenges).padStart(9)} ${f(run.peakRssMb).padStart(11)} ${f(run.heapMb)} ${run.hash}`);
    }
  }
  if (baseline) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const old = runs.get('old')!, now = runs.get('new')!;
    console.log(`results stage CPU new/old (medians): ${(median(now.map(x => x.cpuMs)) / median(old.map(x => x.cpuMs))).toFixed(2)}`);
    console.log(old[0].hash === now[0].hash ? 'results identical (hash of every document result)' : 'RESULTS DIFFER');
  }
}

void main();
