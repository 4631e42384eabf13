/**
 * The CLI's claim-links stage alone (`new ClaimLinker(ctx, true).link(…, false)`), this build against another in the
 * same process, rounds alternating: CPU (the process's, every thread: the GC's too), the main thread's GC pause time,
 * the heap after, and whether both builds wrote the same links.
 *   npx tsc -p . && node --expose-gc out/bench/claimlinks.js DIR --baseline OLD_OUT [--rounds N] [--cache FILE]
 * DIR, `--baseline` and `--cache` as in crossdoc.ts (the same cache file serves both benches): the per-document
 * analysis and the results before any link are made once and `v8`-serialised; each round links a fresh copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';
import { ClaimLinker } from '../src/core/claims/links';
import { AnalysisContext } from '../src/core/text/memo';
import { normalizeEol } from '../src/core/text/decode';
import { OneShotCorpus } from '../src/cli/oneShot';
import type { DocumentResult } from '../src/core/types';
import { takeOption } from '../test/support/args';

const args = process.argv.slice(2);
const baselineDir = takeOption(args, '--baseline');
const cacheFile = takeOption(args, '--cache');
const rounds = Number(takeOption(args, '--rounds') ?? 2);
const dir = args[0];
if (!dir) {
  console.error('usage: node --expose-gc out/bench/claimlinks.js DIR [--baseline OLD_OUT] [--rounds N] [--cache FILE]');
  process.exit(2);
}

function prepare(): Buffer {
  if (cacheFile && fs.existsSync(cacheFile)) return fs.readFileSync(cacheFile);
  const files = fs.readdirSync(dir).filter(f => /\.(?:txt|md)$/.test(f)).sort();
  const corpus = new OneShotCorpus();
  const sentences: unknown[] = [], texts: string[] = [];
  for (const f of files) {
    const local = corpus.set(path.join(dir, f), normalizeEol(fs.readFileSync(path.join(dir, f), 'utf8')));
    sentences.push(local.sentences);
    texts.push(local.text);
  }
  const results = (corpus as unknown as { build(): DocumentResult[] }).build();
  const data = v8.serialize({ results, texts, sentences });
  if (cacheFile) fs.writeFileSync(cacheFile, data);
  return data;
}

interface Build { AnalysisContext: typeof AnalysisContext; ClaimLinker: typeof ClaimLinker }
const thisBuild: Build = { AnalysisContext, ClaimLinker };
function loadBuild(d: string): Build {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const at = (m: string) => require(path.resolve(d, 'src/core', m));
  return { AnalysisContext: at('text/memo').AnalysisContext, ClaimLinker: at('claims/links').ClaimLinker };
}

let gcMs = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main(): Promise<void> {
  const data = prepare();
  const builds: [string, Build][] = baselineDir ? [['old', loadBuild(baselineDir)], ['new', thisBuild]] : [['new', thisBuild]];
  console.log(`${dir}: ${(data.length / 1e6).toFixed(0)} MB serialised; baseline ${baselineDir ?? 'none'}; load ${load()}`);
  const best: Record<string, number> = {};
  const linked: Record<string, string> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, b] of r % 2 ? [...builds].reverse() : builds) {
      const input = v8.deserialize(data) as { results: DocumentResult[] };
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise(res => setTimeout(res, 50)); // (the observer's entries of the collection above)
      const gc0 = gcMs, t0 = cpu(), w0 = performance.now();
      new b.ClaimLinker(new b.AnalysisContext(), true).link(input.results.map(x => ({ path: x.path, claims: x.claims, key: null })), false);
      const t = cpu() - t0, w = performance.now() - w0;
      const heap = process.memoryUsage().heapUsed / 1e6;
      await new Promise(res => setTimeout(res, 50));
      best[name] = Math.min(best[name] ?? Infinity, t);
      if (r === 0 && baselineDir) linked[name] = JSON.stringify(input.results.map(x => x.claims));
      console.log(`round ${r + 1} ${name}: claim-links ${t.toFixed(0)} ms CPU, wall ${w.toFixed(0)}, gc pauses ${(gcMs - gc0).toFixed(0)} ms, heap after ${heap.toFixed(0)} MB; load ${load()}`);
    }
  }
  if (baselineDir) {
    console.log(`linked claims identical: ${linked.old === linked.new ? 'yes' : 'NO'}`);
    console.log(`best of ${rounds}, ms CPU: old ${best.old.toFixed(0)} → new ${best.new.toFixed(0)} (${(best.new / best.old).toFixed(2)}x)`);
  }
}
void main();
