/**
 * Edits of a large corpus through the real index worker, as the extension sends them:
 * the folder indexed (`index`), then an edit every `--gap` seconds (a word typed into a
 * random article, its text sent with `set`), each timed from the text sent to the
 * first `changed` push that names it (the first phase: what the editor waits for).
 * Between edits the worker settles in the background as it does in the extension, so
 * an edit may come during a settle, or during a full collection that settles bring on.
 * The worker with the quiet spell before its settles (src/worker/settle.ts; off by
 * default, `SOURCE_LENS_SETTLE_QUIET=1`) against the baseline, in the same run (after,
 * on a worker of its own, the same edits): the worker as it ships, which starts a
 * settle at once after each push.
 * Besides each edit's time: the CPU the process spent from the first edit until the
 * worker is quiet after the last (its owed settle done; a settle given up by the next
 * edit is spent for nothing).
 *   npx tsc -p . && node out/bench/corpusWorker.js [--edits N] [--gap S] [--heap MB] [--no-baseline | --baseline-first] DIR
 * Budget (design.md): an edit with 10,000 articles indexed <= 50 ms p95.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_QUIET_MS } from '../src/worker/settle';
import { testConnection } from '../test/support/worker';
import { rng } from '../test/support/rng';
import { pct } from './stats';

interface Run {
  what: string;
  buildS: number;
  edits: number[];
  /** `changed` pushes besides the edits' first ones (a settle's, when one ran to its end). */
  settled: number;
  /**
   * The process's CPU (the worker's thread, its collector's, and this one's, which waits) from the first edit sent until
   * the worker is quiet after the last one (its settle owed done), and that wall time.
   */
  cpuS: number;
  wallS: number;
  /** From the last edit answered until the worker was quiet: its settle, after its quiet spell. */
  quietS: number;
}

/**
 * Waits until the process spends under 5% of a core over a whole second (the worker idle), at most `maxS`, after the
 * longest quiet spell has passed (the worker is idle during one, its settle still owed); the seconds waited.
 */
async function untilQuiet(maxS: number): Promise<number> {
  const t0 = performance.now();
  await sleep(MAX_QUIET_MS + 1_000);
  for (;;) {
    const c = process.cpuUsage();
    await sleep(1_000);
    const d = process.cpuUsage(c);
    if ((d.user + d.system) / 1e6 < 0.05 || (performance.now() - t0) / 1000 > maxS) return (performance.now() - t0) / 1000;
  }
}

const QUIET_ENV = 'SOURCE_LENS_SETTLE_QUIET';
const WORDS = ['reportedly', 'officials', 'seven', 'quickly', 'Tuesday', 'analysts', 'border', 'senators'];

async function run(what: string, dir: string, names: readonly string[], nEdits: number, gapMs: number, heapMb: number, quiet: boolean): Promise<Run> {
  let waitKey = '', waitSeq = Infinity, settled = 0;
  let onFirst: (() => void) | null = null;
  const { conn, idle } = testConnection({
    // (The worker's own environment: it starts on the first request.)
    env: { [QUIET_ENV]: quiet ? '1' : '0' },
    heapLimitMb: heapMb,
    timeoutMs: 1_800_000,
    on: {
      pushes: {
        skips: () => undefined,
        problem: p => console.error(`worker problem: ${p.message}`),
        preview: () => undefined,
        changed: ch => {
          if (ch.seq >= waitSeq && ch.keys.includes(waitKey) && onFirst) {
            const f = onFirst;
            onFirst = null;
            f();
          } else if (ch.seq >= waitSeq) settled++;
        },
      },
    },
  });
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    const t0 = performance.now();
    await conn.request('index', { files: names.map(k => ({ key: k, fsPath: path.join(dir, k) })) });
    await idle.whenIdle();
    const buildS = (performance.now() - t0) / 1000;
    await sleep(gapMs);
    const rand = rng(7);
    const texts = new Map<string, string>();
    const edits: number[] = [];
    const c0 = process.cpuUsage(), w0 = performance.now();
    for (let k = 0; k < nEdits; k++) {
      const key = names[Math.floor(rand() * names.length)];
      const text = typeWord(texts.get(key) ?? fs.readFileSync(path.join(dir, key), 'utf8'), rand);
      texts.set(key, text);
      const first = new Promise<void>(resolve => (onFirst = resolve));
      waitKey = key;
      const sent = performance.now();
      waitSeq = conn.notify('set', { key, text, version: k + 2, visible: [{ start: 0, end: 2_000 }] });
      await first;
      edits.push(performance.now() - sent);
      if (k < nEdits - 1) await sleep(gapMs);
    }
    // (Like for like: the settle the last edit owes is counted too, after its quiet spell where there is one.)
    const quietS = await untilQuiet(300);
    const c = process.cpuUsage(c0);
    return { what, buildS, edits, settled, cpuS: (c.user + c.system) / 1e6, wallS: (performance.now() - w0) / 1000, quietS };
  } finally {
    clearInterval(keepAlive);
    conn.stop('done');
  }
}

function typeWord(text: string, rand: () => number): string {
  const at = text.indexOf(' ', Math.floor(rand() * text.length));
  const word = WORDS[Math.floor(rand() * WORDS.length)];
  return at < 0 ? `${text} ${word}` : `${text.slice(0, at)} ${word}${text.slice(at)}`;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let nEdits = 30, gapS = 8, heapMb = 8192, baseline = true, baselineFirst = false;
  const dirs: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--edits') nEdits = Number(argv[++k]);
    else if (a === '--gap') gapS = Number(argv[++k]);
    else if (a === '--heap') heapMb = Number(argv[++k]);
    else if (a === '--no-baseline') baseline = false;
    else if (a === '--baseline-first') baselineFirst = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (dirs.length !== 1 || !(nEdits > 0) || !(gapS >= 0) || !(heapMb > 0)) {
    console.error('usage: node out/bench/corpusWorker.js [--edits N] [--gap S] [--heap MB] [--no-baseline | --baseline-first] CORPUS_DIR');
    process.exitCode = 2;
    return;
  }
  const dir = dirs[0];
  const names = fs.readdirSync(dir).filter(f => /^a\d+\.txt$/.test(f)).sort();
  if (!names.length) throw new Error(`${dir}: no generated articles (aNNNNN.txt; ../shared/eval/reuse/make-corpus.mjs makes them)`);
  // (Each on a worker of its own, one after the other; `--baseline-first` swaps the order.)
  const quiet = () => run('quiet spell (SOURCE_LENS_SETTLE_QUIET=1)', dir, names, nEdits, gapS * 1000, heapMb, true);
  const atOnce = () => run('baseline: settle at once', dir, names, nEdits, gapS * 1000, heapMb, false);
  const runs: Run[] = [];
  if (baseline && baselineFirst) runs.push(await atOnce());
  runs.push(await quiet());
  if (baseline && !baselineFirst) runs.push(await atOnce());
  if (baselineFirst) runs.reverse();
  const f1 = (x: number) => x.toFixed(1);
  console.log(`${names.length} articles through the real index worker (heap ${heapMb} MB), ${nEdits} edits ${gapS} s apart, each timed to its first push:`);
  for (const r of runs) {
    console.log(`  ${r.what}: built in ${f1(r.buildS)} s; edits p50 ${f1(pct(r.edits, 0.5))} ms, p95 ${f1(pct(r.edits, 0.95))} ms, max ${f1(Math.max(...r.edits))} ms, over 100 ms ${r.edits.filter(x => x > 100).length}; CPU ${f1(r.cpuS)} s in ${f1(r.wallS)} s, the edits and the worker's work after the last until it was quiet (${f1(r.quietS)} s after it); other changed pushes (a settle's) ${r.settled}`);
  }
  if (runs.length === 2) console.log(`  p50 x${(pct(runs[0].edits, 0.5) / pct(runs[1].edits, 0.5)).toFixed(2)}, p95 x${(pct(runs[0].edits, 0.95) / pct(runs[1].edits, 0.95)).toFixed(2)}, CPU x${(runs[0].cpuS / runs[1].cpuS).toFixed(2)} the baseline's   budget p95 <= 50 ms`);
}

main().catch(err => {
  console.error(err);
  process.exitCode = 1;
});
