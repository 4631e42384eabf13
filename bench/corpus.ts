/**
 * The whole corpus, end to end, as a newsroom archive meets it: the CLI path
 * (read, analyse every document, every cross-source link, JSON written to a file)
 * on corpora written by make-corpus.mjs from the team's evaluation data, beside two
 * baselines in the same run: the exact 8-word-shingle index of bench/reuse (what
 * finding shared text alone costs, linear) and an all-pairs comparison of the
 * documents' shingles on a 500-article subset (what a quadratic step costs,
 * extrapolated). Then an edit with 1,000 and 10,000 articles indexed, the way the
 * extension's worker serves it (IndexService: the new text set, the changed views
 * taken, the edited document's view and the changed documents' summaries built).
 *
 *   node ../shared/eval/reuse/make-corpus.mjs --texts ../shared/eval/polnear-dev --out /tmp/c1000 --articles 1000 --seed 1
 *   npx tsc -p . && node out/bench/corpus.js [--jobs N] [--timeout S] [--edits K] [--no-edit] /tmp/c1000 /tmp/c2000 /tmp/c5000 /tmp/c10000
 *   node out/bench/corpus.js --edits-only [--no-baseline] [--edits K] /tmp/c1000   (the edits alone, with each
 *   update step's median time and how many claims and quotes an edit linked again)
 *   node out/bench/corpus.js --edits-only --two-phase [--old OUT_DIR] [--edits K] /tmp/c1000   (the edits as the
 *   worker serves them now: the first phase (what the editor waits for) and the settle timed apart; with
 *   `--old`, the same edits on the IndexService of another build's tsc output (out/) in the same process,
 *   alternately, and the settled views of the edited documents compared with it; with `--old-two-phase` too,
 *   that service is two-phase as well: its first phase timed as the new one's (then settled untimed), and the
 *   first-phase views compared too; `--heap MB`: the child's --max-old-space-size, 6144 unless given; after the
 *   build, the edit path's warm-up runs as the worker runs it once idle (`IndexService.warmEdits`), unless `--cold`;
 *   `--alloc`: what each settle allocates, by the sampling heap profiler, and the old build's with `--old-two-phase`
 *   (the settles' times then include the sampler's cost))
 *
 * Each measurement runs in its own child process, so its peak memory (maxRSS) is
 * its own. Budgets (design.md): 10,000 articles (~50 MB) <= 30 s and <= 2 GB with
 * `--jobs 1`; 2x the articles <= 2.3x the time; an edit with 10,000 indexed <= 50 ms p95.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import inspector from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { verbatimWorthy } from '../src/core/claims/match';
import { decode } from '../src/core/text/decode';
import { PAUSE } from '../src/core/text/slice';
import { main as cli } from '../src/cli/main';
import { IndexService } from '../src/worker/IndexService';
import { rng } from '../test/support/rng';
import { allPairs, shingleIndex } from './shingles';
import { pct } from './stats';

interface Run {
  what: string;
  articles: number;
  mb: number;
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  outMb?: number;
  /** Claims with a word-for-word twin in another document (`verbatimWorthy`), and how many are linked to one. */
  twins?: { claims: number; linked: number };
  /** Claims of the lightly edited copies the generator planted (its truth.json), and how many are linked to their source. */
  edited?: { claims: number; linked: number };
  pairs?: number;
  /** Edit latencies, ms (incremental, and the baseline's on alternate edits). */
  edits?: number[];
  baseEdits?: number[];
  /** The same edits' CPU time, ms (steadier than wall time on a shared machine). */
  editCpu?: number[];
  baseEditCpu?: number[];
  /** Indexing before the edits, ms. */
  buildMs?: number;
  /** The edit path's warm-up after the build (`IndexService.warmEdits`), ms; undefined with `--cold`. */
  warmMs?: number;
  timedOut?: boolean;
  /** Per incremental edit: the claims and quotes linked again, and each update step's ms. */
  items?: number[];
  steps?: Record<string, number>[];
  /** Two-phase edits: the first phase's and the settle's wall and CPU ms, the old build's, and the first phase's steps. */
  settle?: number[];
  settleCpu?: number[];
  oldEdits?: number[];
  oldEditCpu?: number[];
  quickSteps?: Record<string, number>[];
  /** Two-phase: the GC pauses (ms) that fell inside each first phase (`perf_hooks` gc entries). */
  firstGc?: number[];
  /** Two-phase: each first phase's wall ms by part (the service's calls). */
  firstParts?: Record<string, number>[];
  /** Documents given a new result by the first phase, and by the settle (its `changed` push). */
  quickDocs?: number[];
  settleDocs?: number[];
  /** Edits whose settled view of the edited document (group ids renamed) differs from the old build's. */
  mismatches?: number;
  compared?: number;
  /** The old build two-phase too (`--old-two-phase`): edits whose first-phase view of the edited document differs from its. */
  firstMismatches?: number;
  /** Old build two-phase: its settle's cpu ms, and its first phase's steps. */
  oldSettleCpu?: number[];
  oldQuickSteps?: Record<string, number>[];
  /**
   * Two-phase: every slice of every settle, [start, end] (what an edit that comes during a settle waits for), the GC
   * pauses inside each, and the settle's push after its last slice (`takeChanged` and the summaries, one piece), ms;
   * the same for the old build two-phase.
   */
  slices?: [number, number, string][];
  sliceGc?: number[];
  settlePush?: number[];
  oldSlices?: [number, number, string][];
  oldSliceGc?: number[];
  oldSettlePush?: number[];
  /** `--alloc`: MB each settle allocated (sampled; objects collected since counted), and the old build's two-phase settles'. */
  settleAlloc?: number[];
  oldSettleAlloc?: number[];
}

/**
 * Runs a settle to its end a slice at a time, each slice's [start, end, step] added to `into` (the step it belongs to:
 * the next name a slice yields; 'end' for those after the last name: the group ids, and the views in a build that
 * makes them in the settle).
 */
function timeSlices(steps: Generator<string, boolean>, into: [number, number, string][]): void {
  let from = into.length;
  for (;;) {
    const t = performance.now();
    const s = steps.next();
    into.push([t, performance.now(), '']);
    const name = s.done ? 'end' : s.value;
    if (s.done || name !== PAUSE) {
      for (; from < into.length; from++) into[from][2] = name;
    }
    if (s.done) return;
  }
}

function articles(dir: string, limit = 0): string[] {
  const all = fs.readdirSync(dir).filter(f => /^a\d+\.txt$/.test(f)).sort();
  return limit > 0 ? all.slice(0, limit) : all;
}

function corpusMb(dir: string, names: readonly string[]): number {
  let n = 0;
  for (const f of names) n += fs.statSync(path.join(dir, f)).size;
  return n / 1e6;
}

function readAll(dir: string, names: readonly string[]): { name: string; text: string }[] {
  return names.map(name => {
    const r = decode(fs.readFileSync(path.join(dir, name)));
    if (!r.ok) throw new Error(`${name}: ${r.reason}`);
    return { name, text: r.text };
  });
}

const usage = () => ({ rss: process.resourceUsage().maxRSS / 1024, cpu: process.cpuUsage() });
const cpuSince = (c: NodeJS.CpuUsage) => { const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };

/** Words typed into a paragraph by an edit. */
const WORDS = ['reportedly', 'officials', 'seven', 'quickly', 'Tuesday', 'analysts', 'border', 'senators'];

function typeWord(text: string, rand: () => number): string {
  const spaces: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') spaces.push(i);
  const at = spaces.length ? spaces[Math.floor(rand() * spaces.length)] : text.length;
  return text.slice(0, at) + ' ' + WORDS[Math.floor(rand() * WORDS.length)] + text.slice(at);
}

/** Group ids renamed in the order they come (an edited corpus keeps ids while a group stands). */
function canonicalIds(json: string): string {
  const names = new Map<string, string>();
  return json.replace(/"(claimGroup|quoteGroup)":"([cq]\d+)"/g, (_, k: string, id: string) => {
    let n = names.get(id);
    if (!n) names.set(id, (n = `${id[0]}${names.size + 1}`));
    return `"${k}":"${n}"`;
  });
}

/**
 * Two-phase edits on the worker's service (`deferSettle`): the first phase (the new
 * text set, the changed views taken, the edited document's view and the changed
 * documents' summaries built: what the editor waits for) and the settle (the exact
 * results, the changed views taken and summarised) timed apart. With `old` (another
 * build's out/ directory), the same edits on that build's IndexService in the same
 * process, alternately first, and the edited document's settled view compared.
 */
async function twoPhase(dir: string, n: number, old: string | null, oldTwoPhase = false, cold = false, alloc = false): Promise<Run> {
  const names = articles(dir);
  const mb = corpusMb(dir, names);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const files = names.map(k => ({ key: k, fsPath: path.join(dir, k) }));
  const service = new IndexService();
  await service.index(files, () => undefined, async () => undefined);
  service.takeChanged();
  service.deferSettle = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Old = old ? (require(path.resolve(old, 'src/worker/IndexService.js')) as { IndexService: typeof IndexService }).IndexService : null;
  const oldService = Old ? new Old() : null;
  if (oldService) {
    await oldService.index(files, () => undefined, async () => undefined);
    oldService.takeChanged();
    oldService.deferSettle = oldTwoPhase;
    // (Warmed as well when that build has the warm-up.)
    if (!cold) (oldService as unknown as { warmEdits?: () => void }).warmEdits?.();
  }
  const buildMs = performance.now() - t0;
  // (As the worker does once it is idle after its first build.)
  const w0 = performance.now();
  if (!cold) service.warmEdits();
  const warmMs = cold ? undefined : performance.now() - w0;
  const rand = rng(7);
  const r: Run = { what: 'edit', articles: names.length, mb, ms: 0, cpuMs: 0, peakRssMb: 0, buildMs, warmMs, edits: [], editCpu: [], settle: [], settleCpu: [], oldEdits: [], oldEditCpu: [], quickSteps: [], firstParts: [], steps: [], items: [], quickDocs: [], settleDocs: [], mismatches: 0, compared: 0, firstMismatches: 0, oldSettleCpu: [], oldQuickSteps: [], slices: [], oldSlices: [], settlePush: [], oldSettlePush: [], settleAlloc: [], oldSettleAlloc: [] };
  const texts = new Map<string, string>();
  // The collector's pauses, to tell a first phase's own work from a pause it met (the settles before it fill the heap).
  const gcs: { start: number; end: number }[] = [], windows: [number, number][] = [];
  const observer = new PerformanceObserver(list => { for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration }); });
  observer.observe({ entryTypes: ['gc'] });
  for (let k = 0; k < n; k++) {
    const key = names[Math.floor(rand() * names.length)];
    const text = typeWord(texts.get(key) ?? service.corpus.text(key)!, rand);
    texts.set(key, text);
    let newFirst: unknown = null, oldFirst: unknown = null;
    const runNew = () => {
      let t = performance.now(), c = process.cpuUsage();
      service.setOpen(key, text, k + 1);
      const t1 = performance.now();
      const changed = service.takeChanged();
      const t2 = performance.now();
      newFirst = service.documents([key]);
      const t3 = performance.now();
      service.summaries(changed);
      r.firstParts!.push({ setOpen: t1 - t, takeChanged: t2 - t1, view: t3 - t2, summaries: performance.now() - t3 });
      r.edits!.push(performance.now() - t);
      windows.push([t, performance.now()]);
      r.editCpu!.push(cpuSince(c));
      r.quickSteps!.push({ ...service.corpus.last.quick?.ms });
      r.quickDocs!.push(changed.length);
      t = performance.now(); c = process.cpuUsage();
      // Step by step, as the worker runs it: each slice is what an edit that comes meanwhile waits for.
      if (alloc) r.settleAlloc!.push(allocatedMb(() => timeSlices(service.settling(), r.slices!)));
      else timeSlices(service.settling(), r.slices!);
      const tp = performance.now();
      const settled = service.takeChanged();
      service.summaries(settled);
      r.settlePush!.push(performance.now() - tp);
      r.settle!.push(performance.now() - t);
      r.settleCpu!.push(cpuSince(c));
      r.settleDocs!.push(settled.length);
      r.items!.push(service.corpus.last.items ?? NaN);
      r.steps!.push({ ...service.corpus.last.ms });
    };
    const runOld = () => {
      if (!oldService) return;
      const t = performance.now(), c = process.cpuUsage();
      oldService.setOpen(key, text, k + 1);
      const changed = oldService.takeChanged();
      oldFirst = oldService.documents([key]);
      oldService.summaries(changed);
      r.oldEdits!.push(performance.now() - t);
      r.oldEditCpu!.push(cpuSince(c));
      if (oldTwoPhase) {
        r.oldQuickSteps!.push({ ...oldService.corpus.last.quick?.ms });
        const c2 = process.cpuUsage();
        const settle = () => { if (oldService.settling) timeSlices(oldService.settling(), r.oldSlices!); else oldService.settle(); };
        if (alloc) r.oldSettleAlloc!.push(allocatedMb(settle));
        else settle();
        const tp = performance.now();
        oldService.summaries(oldService.takeChanged());
        r.oldSettlePush!.push(performance.now() - tp);
        r.oldSettleCpu!.push(cpuSince(c2));
      }
    };
    if (k % 2) { runOld(); runNew(); } else { runNew(); runOld(); }
    if (oldService) {
      if (oldTwoPhase && JSON.stringify(newFirst) !== JSON.stringify(oldFirst)) r.firstMismatches!++;
      r.compared!++;
      const a = canonicalIds(JSON.stringify(service.documents([key]))), b = canonicalIds(JSON.stringify(oldService.documents([key])));
      if (a !== b) r.mismatches!++;
    }
  }
  // (The entries arrive as a task after the synchronous edits: a short wait lets them in.)
  await new Promise(res => setTimeout(res, 100));
  observer.disconnect();
  const gcIn = ([a, b]: readonly [number, number, ...unknown[]]) => gcs.reduce((sum, g) => sum + Math.max(0, Math.min(b, g.end) - Math.max(a, g.start)), 0);
  r.firstGc = windows.map(gcIn);
  r.sliceGc = r.slices!.map(gcIn);
  r.oldSliceGc = r.oldSlices!.map(gcIn);
  r.ms = performance.now() - t0;
  r.cpuMs = cpuSince(c0);
  r.peakRssMb = usage().rss;
  return r;
}

/**
 * The MB allocated while `f` runs, by the inspector's sampling heap profiler (a sample per 16 KB, the objects collected
 * meanwhile kept in the count): an estimate, made the same way for both builds. What a settle allocates and keeps past
 * a young collection is what brings the worker's full collections on, and an edit that comes during one waits longer.
 */
function allocatedMb(f: () => void): number {
  const session = (allocSession ??= connected());
  // (A session on this thread answers at once, inside `post`; an error thrown in its callback would only be printed,
  // so it is kept and thrown after.)
  let started = false, bytes = -1, failed: Error | null = null;
  session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as inspector.HeapProfiler.StartSamplingParameterType, err => { failed = err; started = !err; });
  if (!started) throw new Error(`the sampling heap profiler did not start${failed ? `: ${(failed as Error).message}` : ''}`);
  try {
    f();
  } finally {
    session.post('HeapProfiler.stopSampling', (err, r) => {
      if (err) { failed = err; return; }
      const sum = (node: inspector.HeapProfiler.SamplingHeapProfileNode): number => node.children.reduce((n, c) => n + sum(c), node.selfSize);
      bytes = sum(r.profile.head);
    });
  }
  if (bytes < 0) throw new Error(`the sampling heap profiler gave no profile${failed ? `: ${(failed as Error).message}` : ''}`);
  return bytes / 1e6;
}
let allocSession: inspector.Session | undefined;
function connected(): inspector.Session {
  const session = new inspector.Session();
  session.connect();
  return session;
}

async function child(mode: string, dir: string, arg: number, baselineToo = true): Promise<Run> {
  const names = articles(dir, mode === 'allpairs' ? arg : 0);
  const mb = corpusMb(dir, names);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  if (mode === 'cli') {
    const out = path.join(os.tmpdir(), `sl-bench-corpus-${process.pid}.json`);
    const status = await cli(['analyze', '--format', 'json', ...(arg > 0 ? ['--jobs', String(arg)] : []), '--out', out, dir]);
    if (status !== 0) throw new Error(`cli exited ${status}`);
    const ms = performance.now() - t0;
    const cpuMs = cpuSince(c0), peakRssMb = usage().rss;
    const outMb = fs.statSync(out).size / 1e6;
    fs.unlinkSync(out);
    // Untimed: the same analysis as JSON lines (one document a line, read one at a time), for what links at this size.
    const lines = path.join(os.tmpdir(), `sl-bench-corpus-${process.pid}.jsonl`);
    if (await cli(['analyze', '--format', 'jsonl', ...(arg > 0 ? ['--jobs', String(arg)] : []), '--out', lines, dir]) !== 0) throw new Error('cli --format jsonl failed');
    const docs = documentsOf(fs.readFileSync(lines, 'utf8'));
    const twins = twinsLinked(docs);
    const truth = path.join(dir, 'truth.json');
    const edited = fs.existsSync(truth) ? editedLinked(docs, JSON.parse(fs.readFileSync(truth, 'utf8')) as Truth) : undefined;
    fs.unlinkSync(lines);
    return { what: arg > 0 ? `cli --jobs ${arg}` : 'cli', articles: names.length, mb, ms, cpuMs, peakRssMb, outMb, twins, edited };
  }
  if (mode === 'shingle8' || mode === 'allpairs') {
    const docs = readAll(dir, names);
    const pairs = mode === 'shingle8' ? shingleIndex(docs) : allPairs(docs);
    return { what: mode === 'shingle8' ? 'shingle8 index' : 'all-pairs', articles: names.length, mb, ms: performance.now() - t0, cpuMs: cpuSince(c0), peakRssMb: usage().rss, pairs: pairs.size };
  }
  // edit: index every article, report once, then edits one at a time, alternating the
  // incremental corpus with the baseline (Corpus.incremental false: every claim re-indexed,
  // every document named again when names change) on the same service, so both meet the
  // same corpus and the same load.
  const service = new IndexService();
  await service.index(names.map(n => ({ key: n, fsPath: path.join(dir, n) })), () => undefined, async () => undefined);
  service.takeChanged();
  const buildMs = performance.now() - t0;
  const rand = rng(7);
  const edits: number[] = [], baseEdits: number[] = [], cpu: number[] = [], baseCpu: number[] = [];
  const items: number[] = [], steps: Record<string, number>[] = [];
  const texts = new Map<string, string>();
  for (let k = 0; k < (baselineToo ? 2 : 1) * arg; k++) {
    const baseline = baselineToo && k % 2 === 1;
    service.corpus.incremental = !baseline;
    const key = names[Math.floor(rand() * names.length)];
    const text = typeWord(texts.get(key) ?? service.corpus.text(key)!, rand);
    texts.set(key, text);
    const t = performance.now(), c = process.cpuUsage();
    service.setOpen(key, text, k + 1);
    const changed = service.takeChanged();
    service.documents([key]);
    service.summaries(changed);
    (baseline ? baseEdits : edits).push(performance.now() - t);
    (baseline ? baseCpu : cpu).push(cpuSince(c));
    if (!baseline) { items.push(service.corpus.last.items ?? NaN); steps.push({ ...service.corpus.last.ms }); }
  }
  return { what: 'edit', articles: names.length, mb, ms: performance.now() - t0, cpuMs: cpuSince(c0), peakRssMb: usage().rss, edits, baseEdits, editCpu: cpu, baseEditCpu: baseCpu, buildMs, items, steps };
}

/** The children's heap limit, MB (`--heap`). */
let heapMb = 6144;

function runChild(mode: string, dir: string, arg: number, timeoutS: number, baselineToo = true, old = '', oldTwoPhase = false, cold = false, alloc = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['--child', mode, dir, String(arg), baselineToo ? 'baseline' : 'alone', old, oldTwoPhase ? 'old-two-phase' : '', cold ? 'cold' : '', alloc ? 'alloc' : ''], { execArgv: [`--max-old-space-size=${heapMb}`] });
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      p.kill('SIGKILL');
      resolve({ what: mode, articles: articles(dir).length, mb: corpusMb(dir, articles(dir)), ms: timeoutS * 1000, cpuMs: NaN, peakRssMb: NaN, timedOut: true });
    }, timeoutS * 1000);
    p.on('message', m => { done = true; clearTimeout(timer); resolve(m as Run); });
    p.on('error', reject);
    // (A child that runs out of heap is killed by a signal, with no exit code: it must not leave the bench waiting out its time.)
    p.on('exit', (code, signal) => { if (!done && (code || signal)) { done = true; clearTimeout(timer); reject(new Error(`${mode} on ${dir} ${signal ? `was killed (${signal}): out of memory? (--heap ${heapMb})` : `exited ${code}`}`)); } });
  });
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/**
 * Of the claims whose text another document's claim has word for word (`verbatimWorthy`: long enough to be the same
 * claim outright), how many list such a twin among their links: linking that still holds at this size (round 45 found
 * 0.15 at 10,000 articles, where every word of a reprinted sentence had become too common to propose it).
 */
function twinsLinked(documents: readonly BenchDoc[]): { claims: number; linked: number } {
  const claims: { path: string; text: string; links: Set<string> }[] = [];
  const docsOf = new Map<string, Set<string>>();
  for (const d of documents) {
    for (const c of d.claims) {
      if (!verbatimWorthy(c.text)) continue;
      let docs = docsOf.get(c.text);
      if (!docs) docsOf.set(c.text, (docs = new Set()));
      docs.add(d.path);
      claims.push({ path: d.path, text: c.text, links: new Set([...c.corroboratedBy, ...(c.partlyCorroboratedBy ?? []), ...c.disputedBy].map(l => l.path)) });
    }
  }
  let n = 0, linked = 0;
  for (const c of claims) {
    const docs = docsOf.get(c.text)!;
    if (docs.size < 2) continue;
    n++;
    for (const p of docs) if (p !== c.path && c.links.has(p)) { linked++; break; }
  }
  return { claims: n, linked };
}

/** What the link measures read of a document of the CLI's JSON lines. */
interface BenchLink { path: string; start: number; end: number }
interface BenchClaim { start: number; end: number; text: string; claimGroup: string | null; corroboratedBy: BenchLink[]; partlyCorroboratedBy?: BenchLink[]; disputedBy: BenchLink[] }
interface BenchDoc { path: string; claims: BenchClaim[] }

/** The documents of the CLI's JSON lines (one a line; the other lines, the run's summary, left out), read once for every measure. */
function documentsOf(jsonl: string): BenchDoc[] {
  const out: BenchDoc[] = [];
  for (const row of jsonl.split('\n')) {
    if (!row.startsWith('{"path"') && !row.startsWith('{ "path"')) continue;
    const d = JSON.parse(row) as BenchDoc;
    out.push({ path: d.path, claims: d.claims });
  }
  return out;
}

/** What the corpus generator wrote of the passages it planted (`make-corpus.mjs`, truth.json). */
interface Truth { copies: { doc: string; start: number; end: number; from: string; fromStart: number; fromEnd: number; edit: string }[] }

/**
 * Of the claims inside a lightly edited copy of a passage (as the generator planted it) whose text no claim of the
 * source passage has, how many are linked to a claim of the source passage, directly or through their claim group
 * (the cap lists a large group's nearest only): the reworded copies' twin of `twinsLinked` (round 46 found 0.08 at
 * 10,000 articles, where their words had become too common to propose them).
 */
function editedLinked(documents: readonly BenchDoc[], truth: Truth): { claims: number; linked: number } {
  const byName = new Map<string, BenchClaim[]>();
  for (const d of documents) byName.set(path.basename(d.path), d.claims);
  let claims = 0, linked = 0;
  for (const c of truth.copies) {
    const mine = byName.get(c.doc), theirs = byName.get(c.from);
    if (c.edit !== 'light' || !mine || !theirs) continue;
    const source = theirs.filter(x => x.start < c.fromEnd && x.end > c.fromStart);
    if (!source.length) continue;
    const texts = new Set(source.map(x => x.text)), groups = new Set(source.map(x => x.claimGroup).filter(g => g !== null));
    for (const x of mine) {
      if (x.start < c.start || x.end > c.end || texts.has(x.text)) continue;
      claims++;
      const links = [...x.corroboratedBy, ...(x.partlyCorroboratedBy ?? []), ...x.disputedBy];
      if ((x.claimGroup !== null && groups.has(x.claimGroup)) || links.some(l => path.basename(l.path) === c.from && l.start < c.fromEnd && l.end > c.fromStart)) linked++;
    }
  }
  return { claims, linked };
}

function line(r: Run): string {
  if (r.timedOut) return `${r.what.padEnd(14)} ${String(r.articles).padStart(6)} ${f1(r.mb).padStart(5)} MB  stopped after ${f1(r.ms / 1000)} s`;
  const twins = r.twins ? `, word-for-word twins linked ${r.twins.linked}/${r.twins.claims} (${r.twins.claims ? f2(r.twins.linked / r.twins.claims) : '-'})` : '';
  const edited = r.edited ? `, edited copies linked ${r.edited.linked}/${r.edited.claims} (${r.edited.claims ? f2(r.edited.linked / r.edited.claims) : '-'})` : '';
  const extra = r.outMb !== undefined ? `  output ${f1(r.outMb)} MB${twins}${edited}` : r.pairs !== undefined ? `  ${r.pairs} document pairs` : '';
  return `${r.what.padEnd(14)} ${String(r.articles).padStart(6)} ${f1(r.mb).padStart(5)} MB  ${f2(r.ms / 1000).padStart(7)} s  cpu ${f2(r.cpuMs / 1000).padStart(7)} s  ${f1(r.mb / (r.ms / 1000)).padStart(5)} MB/s  peak ${f1(r.peakRssMb).padStart(7)} MB${extra}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const r = argv[1] === 'two-phase' ? await twoPhase(argv[2], Number(argv[3]), argv[5] || null, argv[6] === 'old-two-phase', argv[7] === 'cold', argv[8] === 'alloc') : await child(argv[1], argv[2], Number(argv[3]), argv[4] !== 'alone');
    if (process.send) process.send(r); else console.log(JSON.stringify(r)); // run by hand (a profiler)
    return;
  }
  let jobs = 1, timeout = 900, nEdits = 40, edit = true, editsOnly = false, baselineToo = true, twoPhased = false, old = '', oldTwoPhase = false, cold = false, alloc = false;
  const dirs: string[] = [];
  const usage = 'usage: node out/bench/corpus.js [--jobs N] [--timeout S] [--edits K] [--no-edit] CORPUS_DIR...  (corpora from ../shared/eval/reuse/make-corpus.mjs, smallest first)\n' +
    '       node out/bench/corpus.js --edits-only [--no-baseline] [--edits K] [--timeout S] CORPUS_DIR...\n' +
    '       node out/bench/corpus.js --edits-only --two-phase [--old OUT_DIR [--old-two-phase]] [--heap MB] [--cold] [--alloc] [--edits K] [--timeout S] CORPUS_DIR...';
  const fail = (why: string): never => { console.error(`bench/corpus: ${why}\n${usage}`); process.exit(2); };
  /** A flag's number: a positive integer, else the usage. */
  const count = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : fail(`${flag} needs a positive whole number, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { console.log(usage); return; }
    if (a === '--jobs') jobs = count(a, argv[++i]);
    else if (a === '--timeout') timeout = count(a, argv[++i]);
    else if (a === '--edits') nEdits = count(a, argv[++i]);
    else if (a === '--no-edit') edit = false;
    else if (a === '--edits-only') editsOnly = true;
    else if (a === '--no-baseline') baselineToo = false;
    else if (a === '--two-phase') twoPhased = true;
    else if (a === '--old') old = argv[++i] ?? fail('--old needs a directory');
    else if (a === '--old-two-phase') oldTwoPhase = true;
    else if (a === '--cold') cold = true;
    else if (a === '--alloc') alloc = true;
    else if (a === '--heap') heapMb = count(a, argv[++i]);
    else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (!fs.existsSync(a) || !fs.statSync(a).isDirectory()) fail(`${a} is not a directory`);
    else dirs.push(a);
  }
  if (!dirs.length) fail('no corpus directory given');
  if (alloc && !(editsOnly && twoPhased)) fail('--alloc measures the settles of --edits-only --two-phase');
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}; CLI with --jobs ${jobs}, each run in its own process, stopped after ${timeout} s`);
  if (editsOnly && twoPhased) {
    for (const dir of dirs) twoPhaseLines(await runChild('two-phase', dir, nEdits, timeout, false, old, oldTwoPhase, cold, alloc));
    return;
  }
  if (editsOnly) {
    for (const dir of dirs) editLines(await runChild('edit', dir, nEdits, timeout, baselineToo));
    return;
  }
  const clis: Run[] = [];
  for (const dir of dirs) {
    const r = await runChild('cli', dir, jobs, timeout);
    clis.push(r);
    console.log(line(r));
  }
  const biggest = dirs[dirs.length - 1];
  const base = await runChild('shingle8', biggest, 0, timeout);
  console.log(line(base));
  const ap = await runChild('allpairs', dirs[0], 500, timeout);
  console.log(line(ap));
  for (let k = 1; k < clis.length; k++) {
    const a = clis[k - 1], b = clis[k];
    if (a.timedOut || b.timedOut) continue;
    console.log(`scaling ${a.articles} -> ${b.articles} articles (x${f2(b.articles / a.articles)}): time x${f2(b.ms / a.ms)} (cpu x${f2(b.cpuMs / a.cpuMs)}), peak memory x${f2(b.peakRssMb / a.peakRssMb)}  (budget: 2x the articles <= 2.3x the time)`);
  }
  const top = clis[clis.length - 1];
  if (!top.timedOut) {
    console.log(`cli / shingle8 on ${top.articles} articles: time x${f2(top.ms / base.ms)}, peak memory x${f2(top.peakRssMb / base.peakRssMb)}`);
    const apAt = ap.ms * (top.articles / ap.articles) ** 2;
    console.log(`all-pairs on ${ap.articles} articles ${f2(ap.ms / 1000)} s, so about ${f1(apAt / 1000)} s on ${top.articles}: cli / all-pairs x${f2(top.ms / apAt)}`);
    console.log(`budget: ${top.articles} articles <= 30 s and <= 2048 MB: ${f1(top.ms / 1000)} s, ${f1(top.peakRssMb)} MB`);
  }
  if (!edit) return;
  const sizes = [...new Set([dirs[0], biggest])];
  for (const dir of sizes) editLines(await runChild('edit', dir, nEdits, timeout));
}

function editLines(r: Run): void {
  if (r.timedOut) { console.log(line(r)); return; }
  const e = r.edits!, b = r.baseEdits!;
  console.log(`edit with ${r.articles} indexed (built in ${f1(r.buildMs! / 1000)} s, peak ${f1(r.peakRssMb)} MB): ${e.length} edits p50 ${f1(pct(e, 0.5))} ms, p95 ${f1(pct(e, 0.95))} ms, max ${f1(Math.max(...e))} ms  (budget p95 <= 50 ms)`);
  const ec = r.editCpu!, bc = r.baseEditCpu!;
  if (b.length) {
    console.log(`  baseline on alternate edits: p50 ${f1(pct(b, 0.5))} ms, p95 ${f1(pct(b, 0.95))} ms; incremental / baseline p50 x${f2(pct(e, 0.5) / pct(b, 0.5))}, p95 x${f2(pct(e, 0.95) / pct(b, 0.95))}`);
    console.log(`  cpu per edit: incremental p50 ${f1(pct(ec, 0.5))} ms, p95 ${f1(pct(ec, 0.95))} ms; baseline p50 ${f1(pct(bc, 0.5))} ms, p95 ${f1(pct(bc, 0.95))} ms; x${f2(pct(ec, 0.5) / pct(bc, 0.5))} / x${f2(pct(ec, 0.95) / pct(bc, 0.95))}`);
  } else console.log(`  cpu per edit: p50 ${f1(pct(ec, 0.5))} ms, p95 ${f1(pct(ec, 0.95))} ms`);
  const items = (r.items ?? []).filter(x => !Number.isNaN(x));
  if (items.length) console.log(`  claims and quotes linked again per edit: p50 ${pct(items, 0.5)}, max ${Math.max(...items)}`);
  const names = [...new Set((r.steps ?? []).flatMap(s => Object.keys(s)))];
  if (names.length) console.log(`  update steps, median ms: ${names.map(n => `${n} ${f1(pct((r.steps ?? []).map(s => s[n] ?? 0), 0.5))}`).join(', ')}`);
}

function twoPhaseLines(r: Run): void {
  if (r.timedOut) { console.log(line(r)); return; }
  const med = (xs: number[]) => f1(pct(xs, 0.5)), p95 = (xs: number[]) => f1(pct(xs, 0.95));
  console.log(`two-phase edits with ${r.articles} indexed (built in ${f1(r.buildMs! / 1000)} s${r.oldEdits!.length ? ', both builds' : ''}, ${r.warmMs === undefined ? 'no warm-up (--cold)' : `the edit path warmed up after it in ${f1(r.warmMs)} ms`}, peak ${f1(r.peakRssMb)} MB), ${r.edits!.length} edits:`);
  console.log(`  first phase: cpu p50 ${med(r.editCpu!)} ms, p95 ${p95(r.editCpu!)} ms; wall p50 ${med(r.edits!)} ms, p95 ${p95(r.edits!)} ms, max ${f1(Math.max(...r.edits!))} ms  (budget p95 <= 50 ms); documents pushed p50 ${pct(r.quickDocs!, 0.5)}, max ${Math.max(...r.quickDocs!)}`);
  console.log(`  settle: cpu p50 ${med(r.settleCpu!)} ms, p95 ${p95(r.settleCpu!)} ms; wall p50 ${med(r.settle!)} ms, p95 ${p95(r.settle!)} ms; documents pushed p50 ${pct(r.settleDocs!, 0.5)}, max ${Math.max(...r.settleDocs!)}`);
  if (r.oldEdits!.length) {
    console.log(`  old build, the same edits${r.oldSettleCpu!.length ? ' (its first phase)' : ''}: cpu p50 ${med(r.oldEditCpu!)} ms, p95 ${p95(r.oldEditCpu!)} ms; wall p50 ${med(r.oldEdits!)} ms, p95 ${p95(r.oldEdits!)} ms; first phase / old cpu p50 x${f2(pct(r.editCpu!, 0.5) / pct(r.oldEditCpu!, 0.5))}, p95 x${f2(pct(r.editCpu!, 0.95) / pct(r.oldEditCpu!, 0.95))}; settle / old ${r.oldSettleCpu!.length ? 'settle' : 'edit'} cpu p50 x${f2(pct(r.settleCpu!, 0.5) / pct(r.oldSettleCpu!.length ? r.oldSettleCpu! : r.oldEditCpu!, 0.5))}`);
    console.log(`  settled view of the edited document equal to the old build's${r.oldSettleCpu!.length ? ' (two-phase too, settled)' : ''} (group ids renamed): ${r.compared! - r.mismatches!} of ${r.compared}`);
    if (r.oldSettleCpu!.length) console.log(`  old build two-phase: first-phase view of the edited document equal to the old build's first phase's: ${r.compared! - r.firstMismatches!} of ${r.compared}; old settle cpu p50 ${med(r.oldSettleCpu!)} ms`);
  }
  const steps = (xs: Record<string, number>[]) => [...new Set(xs.flatMap(s => Object.keys(s)))].map(k => `${k} ${f1(pct(xs.map(s => s[k] ?? 0), 0.5))}`).join(', ');
  console.log(`  first phase steps, median ms: ${steps(r.quickSteps!)}`);
  const sliceLine = (what: string, slices: [number, number, string][], gc: number[], push: number[]) => {
    if (!slices.length) return;
    const ms = slices.map(([a, b]) => b - a), own = ms.map((m, k) => m - gc[k]);
    const longest = ms.map((_, k) => k).sort((a, b) => own[b] - own[a]).slice(0, 5).map(k => `${f1(own[k])} (${slices[k][2]})`).join(', ');
    console.log(`  ${what}: ${slices.length} slices, p50 ${med(ms)} ms, p99 ${pct(ms, 0.99).toFixed(1)} ms, max ${f1(ms.reduce((a, b) => Math.max(a, b), 0))} ms; without the GC pauses inside, p99 ${pct(own, 0.99).toFixed(1)} ms, max ${f1(own.reduce((a, b) => Math.max(a, b), 0))} ms, the longest by step ${longest}; the push after it (one piece) p50 ${med(push)} ms, max ${f1(Math.max(...push))} ms`);
  };
  sliceLine('settle slices (an edit that comes during a settle waits for the one under way)', r.slices ?? [], r.sliceGc ?? [], r.settlePush ?? []);
  sliceLine('old build, settle slices', r.oldSlices ?? [], r.oldSliceGc ?? [], r.oldSettlePush ?? []);
  if (r.firstGc?.length) {
    const own = r.edits!.map((w, k) => w - r.firstGc![k]);
    console.log(`  GC pauses inside a first phase: p50 ${med(r.firstGc)} ms, p95 ${p95(r.firstGc)} ms, max ${f1(Math.max(...r.firstGc))} ms; first phase wall without them p50 ${med(own)} ms, p95 ${p95(own)} ms`);
    const slow = r.edits!.map((w, k) => k).sort((a, b) => r.edits![b] - r.edits![a]).slice(0, 3);
    for (const k of slow) console.log(`    slowest: edit ${k + 1} wall ${f1(r.edits![k])} ms, cpu ${f1(r.editCpu![k])} ms, GC pauses ${f1(r.firstGc[k])} ms, documents pushed ${r.quickDocs![k]}; parts ${Object.entries(r.firstParts![k]).map(([n, v]) => `${n} ${f1(v)}`).join(', ')}; steps ${Object.entries(r.quickSteps![k]).map(([n, v]) => `${n} ${f1(v)}`).join(', ')}`);
    console.log(`  first phase by part (the service's calls), median wall ms: ${steps(r.firstParts!)}`);
  }
  if (r.oldQuickSteps?.length) console.log(`  old build's first phase steps, median ms: ${steps(r.oldQuickSteps)}`);
  console.log(`  settle steps, median ms: ${steps(r.steps!)}; claims and quotes linked again p50 ${pct(r.items!, 0.5)}`);
  if (r.settleAlloc?.length) {
    const a = r.settleAlloc, o = r.oldSettleAlloc ?? [];
    console.log(`  allocated by a settle (sampled, objects collected since included): p50 ${med(a)} MB, max ${f1(Math.max(...a))} MB${o.length ? `; old build p50 ${med(o)} MB, max ${f1(Math.max(...o))} MB; new / old p50 x${f2(pct(a, 0.5) / pct(o, 0.5))}` : ''}`);
  }
}

void main().catch(e => { console.error(`bench/corpus: ${e instanceof Error ? e.message : String(e)}`); process.exit(1); });
