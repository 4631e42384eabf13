/**
 * Reopening an indexed workspace, the way the extension's worker does it
 * (IndexService with its PersistedIndex): a cold build (nothing cached: every file
 * read and analysed, the corpus linked, the cache written), then a warm reopen from
 * that cache in a new process (every file read and hashed, the unchanged ones
 * listed in the tree from the cache at once and restored without analysis), and a
 * warm reopen with 1% of the files changed. The cold build is the baseline of the
 * same run; the ratios are what to trust on a shared machine.
 *
 *   node ../shared/eval/reuse/make-corpus.mjs --texts ../shared/eval/polnear-dev --out /tmp/c1000 --articles 1000 --seed 1
 *   npx tsc -p . && node out/bench/reopen.js [--no-link] [--timeout S] [--storage DIR] /tmp/c1000 /tmp/c10000
 *
 * `--storage DIR` keeps the cache in DIR; when DIR already holds one (from an
 * earlier run of the same build), only the warm reopen is run.
 *
 * "tree" is when the Claims tree can list every source (the summaries request
 * answered); "restored" when every document is in the corpus; "linked" when the
 * cross-source links are worked out (the corpus's own cost, the same warm or cold).
 * `--no-link` leaves linking out (the cache is then written with the unlinked
 * summaries, which cost the same to read): for corpora whose links take longer
 * than the bench can wait. Budget (design.md): reopening an indexed
 * 10,000-article workspace shows the tree in <= 2 s.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { nodeFiles, type FileAccess } from '../src/node/readDocument';
import { IndexService } from '../src/worker/IndexService';
import { analysisVersion, CACHE_FILE } from '../src/worker/indexCache';
import { PersistedIndex } from '../src/worker/PersistedIndex';

interface Run {
  mode: string;
  articles: number;
  /** Times from the start, ms: the tree's first listing, and the listing of every source. */
  firstMs: number;
  treeMs: number;
  restoredMs: number;
  linkedMs: number | null;
  writeMs?: number;
  cacheMb?: number;
  restored: number;
  analysed: number;
  heapMb: number;
  peakRssMb: number;
  /** The summaries once linked, as JSON (compared between runs). */
  summaries?: string;
  log: string[];
}

const VERSION = analysisVersion(path.resolve(__dirname, '../src/worker/indexWorker.js'));

function articles(dir: string): string[] {
  return fs.readdirSync(dir).filter(f => /^a\d+\.txt$/.test(f)).sort();
}

const EDIT = ' Edited.\n';
const isChanged = (fsPath: unknown) => Number(/a(\d+)\.txt$/.exec(String(fsPath))?.[1] ?? 1) % 100 === 0;

/** The files as they are, or with every 100th one changed (a word added at its end). */
function files(changed: boolean): FileAccess {
  if (!changed) return nodeFiles;
  return {
    read(fsPath, maxBytes) {
      const r = nodeFiles.read(fsPath, maxBytes);
      return 'tooLarge' in r || !isChanged(fsPath) ? r : Buffer.concat([r, Buffer.from(EDIT)]);
    },
  };
}

async function child(mode: string, dir: string, storage: string, link: boolean): Promise<Run> {
  const names = articles(dir);
  const log: string[] = [];
  const service = new IndexService(files(mode === 'warm-1%'));
  service.persisted = new PersistedIndex(storage, VERSION, line => log.push(line));
  if (mode === 'warm-1%') {
    // The changed files' size changes with their text, as an edit's would.
    const stat = service.statFile;
    service.statFile = p => { const st = stat(p); return st && isChanged(p) ? { ...st, size: st.size + EDIT.length } : st; };
  }
  const t0 = performance.now();
  let treeMs = 0, firstMs = 0;
  const refs = names.map(n => ({ key: n, fsPath: path.join(dir, n) }));
  const out = await service.index(refs, () => undefined, async () => undefined, () => {
    // What the tree does on a `changed` push: asks for the summaries.
    const listed = service.summaries().length;
    if (!firstMs) firstMs = performance.now() - t0;
    if (listed === names.length && !treeMs) treeMs = performance.now() - t0;
  });
  const restoredMs = performance.now() - t0;
  if (!treeMs && service.summaries().length === names.length) treeMs = restoredMs;
  let linkedMs: number | null = null;
  let summaries: string | undefined;
  let writeMs: number | undefined, cacheMb: number | undefined;
  if (link) {
    service.takeChanged();
    summaries = JSON.stringify(service.summaries());
    linkedMs = performance.now() - t0;
  }
  if (mode === 'cold') {
    const w0 = performance.now();
    const docs = service.cacheDocs(!link)!;
    const r = await service.persisted.write(docs, async () => undefined);
    writeMs = performance.now() - w0;
    cacheMb = r.bytes / 1e6;
  }
  return {
    mode, articles: names.length, firstMs, treeMs, restoredMs, linkedMs, writeMs, cacheMb,
    restored: out.restored ?? 0, analysed: out.indexed - (out.restored ?? 0),
    heapMb: getHeapStatistics().used_heap_size / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024, summaries, log,
  };
}

function runChild(mode: string, dir: string, storage: string, link: boolean, timeoutS: number): Promise<Run | null> {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['--child', mode, dir, storage, link ? 'link' : 'no-link'], { execArgv: ['--max-old-space-size=6144'] });
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      p.kill('SIGKILL');
      resolve(null);
    }, timeoutS * 1000);
    p.on('message', m => { done = true; clearTimeout(timer); resolve(m as Run); });
    p.on('error', reject);
    p.on('exit', code => { if (!done && code) { clearTimeout(timer); reject(new Error(`${mode} on ${dir} exited ${code}`)); } });
  });
}

const s2 = (ms: number | null | undefined) => (ms === null || ms === undefined ? '     -' : (ms / 1000).toFixed(2).padStart(6));

function line(r: Run): string {
  const extra = r.cacheMb !== undefined ? `  cache written in ${s2(r.writeMs!)} s, ${r.cacheMb.toFixed(1)} MB` : '';
  return `${r.mode.padEnd(8)} ${String(r.articles).padStart(6)}  tree ${s2(r.firstMs)} s, all ${s2(r.treeMs)} s  restored ${s2(r.restoredMs)} s  linked ${s2(r.linkedMs)} s  `
    + `(${r.restored} from the cache, ${r.analysed} analysed)  heap ${r.heapMb.toFixed(0)} MB, peak RSS ${r.peakRssMb.toFixed(0)} MB${extra}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const r = await child(argv[1], argv[2], argv[3], argv[4] === 'link');
    if (process.send) process.send(r); else console.log(JSON.stringify(r));
    return;
  }
  let link = true, timeout = 1800;
  let keep: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-link') link = false;
    else if (argv[i] === '--timeout') timeout = Number(argv[++i]);
    else if (argv[i] === '--storage') keep = argv[++i];
    else dirs.push(argv[i]);
  }
  if (!dirs.length) {
    console.error('usage: node out/bench/reopen.js [--no-link] [--timeout S] CORPUS_DIR...  (corpora from ../shared/eval/reuse/make-corpus.mjs)');
    process.exit(2);
  }
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}; each run in its own process, stopped after ${timeout} s${link ? '' : '; not linked'}`);
  for (const dir of dirs) {
    const storage = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sl-bench-reopen-'));
    try {
      if (keep && fs.existsSync(path.join(keep, CACHE_FILE))) {
        // Warm runs only, from the cache an earlier run left (same build of the bench: same analysis version).
        const warm = await runChild('warm', dir, storage, link, timeout);
        if (warm) console.log(line(warm));
        for (const l of warm?.log ?? []) console.log(`  log: ${l}`);
        continue;
      }
      const cold = await runChild('cold', dir, storage, link, timeout);
      if (!cold) { console.log(`cold on ${dir}: stopped after ${timeout} s`); continue; }
      console.log(line(cold));
      const warm = await runChild('warm', dir, storage, link, timeout);
      if (!warm) { console.log(`warm on ${dir}: stopped after ${timeout} s`); continue; }
      console.log(line(warm));
      const changed = await runChild('warm-1%', dir, storage, link, timeout);
      if (changed) console.log(line(changed));
      for (const l of [...cold.log, ...warm.log]) console.log(`  log: ${l}`);
      if (warm.summaries !== undefined) console.log(`  warm linked summaries ${warm.summaries === cold.summaries ? 'equal' : 'DIFFER from'} the cold ones`);
      const ratio = (a: number, b: number) => `x${(a / b).toFixed(3)} (${(b / a).toFixed(1)} times faster)`;
      console.log(`  ${cold.articles} articles: tree shown warm / cold ${ratio(warm.treeMs, cold.treeMs)}; every document restored warm / cold ${ratio(warm.restoredMs, cold.restoredMs)}`
        + `${changed ? `; with 1% changed, tree ${s2(changed.treeMs).trim()} s` : ''}  (budget: tree <= 2 s with 10,000 articles)`);
    } finally {
      if (!keep) fs.rmSync(storage, { recursive: true, force: true });
    }
  }
}

void main().catch(e => { console.error(e); process.exit(1); });
