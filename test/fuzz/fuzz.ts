/**
 * The fuzz test (`npm run test:fuzz`, part of `npm test`): hostile documents made
 * here from a fixed seed (test/fuzz/generate.ts) go down the two ways into the
 * analysis,
 *
 * - the CLI (dist/cli.js) on directories of generated files, a few dozen a run
 *   so that documents link to each other; every run must exit 0, every file
 *   must be a document or skipped exactly once (as test/fuzz/expect.ts says it
 *   may), and the output must honour the contract (test/contract/checkContract);
 * - the extension's index worker (dist/indexWorker.js through WorkerConnection),
 *   sent open editors' texts, edits, files read from disk, deletions and
 *   releases; after each step every live document must have its result or be
 *   skipped (never both, never neither), the results must honour the contract
 *   against the texts given, and the worker must not fail.
 *
 * Inputs that hit a bug listed in test/fuzz/known.ts are left out, and counted.
 * No timing is asserted. It prints how many documents went down each way, the
 * failures (the exit status is 1 when there are any), and the slowest inputs by
 * analysis time per MB (the worker's slowest, timed again alone in this process).
 *
 * Environment: FUZZ_SAVE=1 writes the slowest inputs, every failing one and the
 * first of each known bug to test/fixtures/fuzz/ (see fixtures.ts; the unit test
 * test/unit/fuzz-fixtures.test.ts runs them); FUZZ_SEED (default 1) picks another
 * set of documents; FUZZ_SCALE (default 1) a shorter or longer run; FUZZ_ONLY=cli
 * or worker one way only; FUZZ_IGNORE_KNOWN=1 leaves no known bug out.
 *
 *   node esbuild.mjs && tsc -p . && node out/test/fuzz/fuzz.js
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkContract } from '../contract/checkContract';
import { Corpus } from '../../src/core/corpus/corpus';
import { DEFAULT_MAX_FILE_SIZE, normalizeEol } from '../../src/core/text/decode';
import { Idle } from '../../src/extension/Idle';
import { WorkerConnection } from '../../src/extension/index/WorkerConnection';
import type { DocumentView, PassagesView } from '../../src/protocol/protocol';
import { rng } from '../support/rng';
import { expectFile, type Expected } from './expect';
import { describeInput, inputBytes, saveFixture, type Input } from './fixtures';
import { edit, editorText, generateEditorText, generateFile, seedArticles, type GeneratedFile, type Rand } from './generate';
import { knownBug } from './known';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const WORKER = path.join(ROOT, 'dist/indexWorker.js');

/** How often a worker check saw the views change around its passages (`check`), and asked again. */
let settledBetween = 0;
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SAVE = process.env.FUZZ_SAVE === '1';
/** `cli` or `worker` runs only that way (to chase a failure). */
const ONLY = process.env.FUZZ_ONLY;
/** Documents down each way: 10,200 in all, sized to take about 3 minutes on a 2-core machine. */
const CLI_DOCUMENTS = Math.round(6300 * SCALE);
const WORKER_DOCUMENTS = Math.round(3900 * SCALE);
/** Documents per CLI run (one corpus). */
const CLI_DOCS: [number, number] = [40, 100];
const WORKER_INDEXED: [number, number] = [10, 25];
const WORKER_STEPS: [number, number] = [15, 30];
/** A run or request taking longer than this is a hang. */
const CLI_TIMEOUT_MS = 300_000;
const WORKER_TIMEOUT_MS = 120_000;
/** Inputs smaller than this are not ranked by speed (fixed costs dominate). */
const RANK_MIN_BYTES = 8 * 1024;

const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rand, p: number) => r() < p;
const nextSeed = (r: Rand) => Math.floor(r() * 2 ** 32);

interface Failure { where: 'cli' | 'worker'; problem: string; inputs: Input[] }

const stats = {
  cli: { generated: 0, analysed: 0, skipped: 0, runs: 0, processSeconds: 0, known: 0, utf16Analysed: 0, utf16Skipped: 0, slowestRun: { mbps: Infinity, docs: 0, bytes: 0 } },
  worker: { generated: 0, analysed: 0, skipped: 0, sessions: 0, known: 0, edits: 0, deletes: 0, releases: 0, reads: 0, opens: 0 },
};
const failures: Failure[] = [];
const timings: { input: Input; bytes: number; ms: number }[] = [];

const fmtMB = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);

function fail(where: Failure['where'], problem: string, inputs: Input[]): void {
  failures.push({ where, problem, inputs });
  console.log(`FAIL (${where}) ${problem}${inputs.length ? `\n  input: ${inputs.map(describeInput).join('\n  input: ')}` : ''}`);
}

/** The text the contract says a file is analysed as (BOM dropped, line ends normalised). */
const asAnalysed = (e: Expected) => (e.text === null ? null : normalizeEol(e.text.replace(/^\uFEFF/, '')));

/** The first input left out for each known bug, to keep as its fixture. */
const knownHits = new Map<string, { count: number; input: Input; summary: string }>();

/** Whether the input hits a known bug (test/fuzz/known.ts): then it is left out, and counted unless `counter` is null. */
function isKnown(input: Input, counter: { known: number } | null): boolean {
  const text = input.kind === 'file' ? asAnalysed(expectFile(input.g.bytes, Infinity)) : input.text;
  const bug = text === null ? undefined : knownBug(text);
  if (!bug || !counter) return !!bug;
  counter.known++;
  const hit = knownHits.get(bug.id);
  if (hit) hit.count++; else knownHits.set(bug.id, { count: 1, input, summary: bug.summary });
  return true;
}

/** Which document a checkContract problem is about (problems start with the path). */
function problemsByPath(problems: string[], paths: Iterable<string>): Map<string, string[]> {
  const sorted = [...paths].sort((a, b) => b.length - a.length);
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const at = sorted.find(k => p.startsWith(k + ' ') || p.startsWith(k + ':')) ?? '';
    out.set(at, [...(out.get(at) ?? []), p]);
  }
  return out;
}

// ---------------------------------------------------------------- the CLI

function runCli(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; timedOut: boolean }> {
  return new Promise(resolve => {
    execFile(process.execPath, [CLI, ...args], { timeout: CLI_TIMEOUT_MS, maxBuffer: 64 << 20 }, (err, _stdout, stderr) => {
      const e = err as (Error & { code?: number | string; signal?: string; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stderr, timedOut: !!e?.killed });
    });
  });
}

/**
 * The inputs to blame for a failed run: after a crash, those that fail alone in
 * this process (else all); after a hang, the five largest (analysing them here
 * would hang too).
 */
function culprits(files: { g: GeneratedFile; exp: Expected }[], hang: boolean): Input[] {
  const alone = hang ? [] : files.filter(f => {
    const text = asAnalysed(f.exp);
    if (text === null) return false;
    try {
      const c = new Corpus();
      c.set('x.txt', text);
      c.allResults();
      return false;
    } catch {
      return true;
    }
  });
  const blamed = alone.length ? alone : [...files].sort((a, b) => b.g.bytes.length - a.g.bytes.length).slice(0, hang ? 5 : files.length);
  return blamed.map(f => ({ kind: 'file', g: f.g }));
}

async function cliRun(run: number, r: Rand, tmp: string): Promise<void> {
  const dir = path.join(tmp, `cli-${run}`);
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const files = new Map<string, { g: GeneratedFile; exp: Expected }>();
  let bytes = 0;
  for (let j = 0, n = int(r, ...CLI_DOCS); j < n; j++) {
    const g = generateFile(nextSeed(r));
    const exp = expectFile(g.bytes, DEFAULT_MAX_FILE_SIZE);
    stats.cli.generated++;
    if (isKnown({ kind: 'file', g }, stats.cli)) continue;
    const name = `${chance(r, 0.1) ? 'sub/' : ''}${String(j).padStart(3, '0')}-${g.family}${g.ext}`;
    fs.writeFileSync(path.join(dir, name), g.bytes);
    files.set(`${dir}/${name}`, { g, exp });
    bytes += g.bytes.length;
  }
  const outFile = path.join(tmp, `cli-${run}.json`);
  const t0 = performance.now();
  const res = await runCli(['analyze', '--out', outFile, dir]);
  const seconds = (performance.now() - t0) / 1000;
  stats.cli.processSeconds += seconds;
  stats.cli.runs++;
  const all = [...files.values()];
  if (res.code !== 0) {
    const why = res.timedOut ? `did not finish in ${CLI_TIMEOUT_MS / 1000} s (hang)` : `exit ${res.code ?? res.signal}`;
    fail('cli', `run ${run}: ${why}: ${res.stderr.split('\n').filter(l => !l.includes(': skipped ')).slice(0, 12).join('\n')}`, culprits(all, res.timedOut));
    return;
  }
  const mbps = bytes / (1 << 20) / seconds;
  if (mbps < stats.cli.slowestRun.mbps) stats.cli.slowestRun = { mbps, docs: files.size, bytes };
  const out = JSON.parse(fs.readFileSync(outFile, 'utf8')) as { documents: { path: string }[]; skipped: { path: string; reason: string }[] };
  fs.rmSync(outFile);

  const seen = new Map<string, number>();
  for (const d of out.documents ?? []) seen.set(d.path, (seen.get(d.path) ?? 0) + 1);
  const skipped = new Map<string, string>();
  for (const s of out.skipped ?? []) {
    if (skipped.has(s.path) || seen.has(s.path)) fail('cli', `run ${run}: ${s.path} listed more than once`, []);
    skipped.set(s.path, s.reason);
  }
  for (const [p, n] of seen) {
    if (n > 1) fail('cli', `run ${run}: ${p} is ${n} documents`, []);
    if (!files.has(p)) fail('cli', `run ${run}: ${p} is a document but was not generated`, []);
  }
  for (const p of skipped.keys()) if (!files.has(p)) fail('cli', `run ${run}: ${p} is skipped but was not generated`, []);
  // stderr holds one line per skipped file and nothing else.
  const lines = res.stderr.split('\n').filter(l => l);
  const other = lines.filter(l => !l.startsWith('source-lens: skipped '));
  if (other.length || lines.length !== skipped.size) fail('cli', `run ${run}: stderr has ${lines.length - other.length} skip lines for ${skipped.size} skipped files${other.length ? `, and: ${other.slice(0, 5).join(' | ')}` : ''}`, []);
  for (const [p, { g, exp }] of files) {
    const input: Input = { kind: 'file', g };
    const analysed = seen.has(p);
    if (!analysed && !skipped.has(p)) fail('cli', `run ${run}: ${p} is neither a document nor skipped`, [input]);
    else if (exp.analysable === 'yes' && !analysed) fail('cli', `run ${run}: ${p} (${exp.why}) skipped: ${skipped.get(p)}`, [input]);
    else if (exp.analysable === 'no' && analysed) fail('cli', `run ${run}: ${p} (${exp.why}) analysed, should be skipped`, [input]);
    if (analysed) stats.cli.analysed++; else stats.cli.skipped++;
    if (exp.analysable === 'either') {
      if (analysed) stats.cli.utf16Analysed++; else stats.cli.utf16Skipped++;
    }
  }
  const problems = checkContract(out, p => files.get(p)?.exp.text ?? '');
  for (const [p, list] of problemsByPath(problems, files.keys())) {
    const f = files.get(p);
    fail('cli', `run ${run}: contract: ${list.slice(0, 5).join('; ')}${list.length > 5 ? ` (+${list.length - 5} more)` : ''}`, f ? [{ kind: 'file', g: f.g }] : []);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- the index worker

interface Live {
  input: Input;
  /** Held by an editor (sent with `set`) rather than read from disk. */
  open: boolean;
  version: number;
  /** The file behind it, if any, and what was last written there. */
  fsPath: string | null;
  disk: GeneratedFile | null;
  expect: Expected['analysable'];
  /** The text it is analysed as, when it may be. */
  text: string | null;
  /** The same as checkContract's `readText` wants it (before BOM drop and line-end rule). */
  given: string | null;
  /** Counted as analysed or skipped already. */
  counted: boolean;
}

class Hang extends Error {}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Hang(`${what} took over ${WORKER_TIMEOUT_MS / 1000} s (hang)`)), WORKER_TIMEOUT_MS); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** A running index worker, with the skipped documents it reported and whether it failed. */
interface IndexWorker { conn: WorkerConnection; skipped: Map<string, string>; failed: string | null }

/** One worker per size limit, kept from session to session (a new one starts cold: slower, and not what an editor does). */
const workers = new Map<number, IndexWorker>();

function workerFor(maxFileSize: number): IndexWorker {
  let w = workers.get(maxFileSize);
  if (!w) {
    const state: IndexWorker = { conn: undefined!, skipped: new Map(), failed: null };
    state.conn = new WorkerConnection(WORKER, new Idle(), {
      configure: () => ({ maxFileSize }),
      pushes: {
        skips: p => {
          for (const a of p.added) state.skipped.set(a.key, a.reason);
          for (const k of p.cleared) state.skipped.delete(k);
        },
        changed: () => undefined,
        problem: p => { state.failed ??= p.message; },
        preview: () => undefined,
      },
      stopped: () => undefined,
      // A restart means the worker failed (it threw, exited or hung): the fuzz counts it.
      restarted: () => { state.failed ??= 'the index worker failed and was restarted'; },
      log: () => undefined,
      failed: m => { state.failed = m; },
    });
    workers.set(maxFileSize, w = state);
  }
  return w;
}

function stopWorker(maxFileSize: number): void {
  workers.get(maxFileSize)?.conn.stop('fuzz over');
  workers.delete(maxFileSize);
}

async function workerSession(s: number, r: Rand, tmp: string): Promise<void> {
  const dir = path.join(tmp, `worker-${s}`);
  fs.mkdirSync(dir, { recursive: true });
  const maxFileSize = chance(r, 0.25) ? 128 * 1024 : DEFAULT_MAX_FILE_SIZE;
  const worker = workerFor(maxFileSize);
  const { conn, skipped } = worker;
  const live = new Map<string, Live>();
  let nextKey = 0;
  stats.worker.sessions++;

  /** Files on disk the worker was told of. */
  const toldOf = new WeakSet<GeneratedFile>();
  const fileEntry = (g: GeneratedFile, fsPath: string): Live => {
    toldOf.add(g);
    const exp = expectFile(g.bytes, maxFileSize);
    return { input: { kind: 'file', g }, open: false, version: 0, fsPath, disk: g, expect: exp.analysable, text: asAnalysed(exp), given: exp.text, counted: false };
  };
  const textEntry = (input: Extract<Input, { kind: 'text' }>, fsPath: string | null, disk: GeneratedFile | null, version: number): Live =>
    ({ input, open: true, version, fsPath, disk, expect: Buffer.byteLength(input.text, 'utf8') > maxFileSize ? 'no' : 'yes', text: input.text, given: input.text, counted: false });
  /** A new generated file on disk, or null when it hits a known bug; `counted` when the worker is told of it now. */
  const newFile = (counted = true): { g: GeneratedFile; fsPath: string } | null => {
    const g = generateFile(nextSeed(r));
    if (counted) stats.worker.generated++;
    if (isKnown({ kind: 'file', g }, counted ? stats.worker : null)) return null;
    const fsPath = path.join(dir, `${nextKey}-${g.family}${g.ext}`);
    fs.writeFileSync(fsPath, g.bytes);
    return { g, fsPath };
  };
  const keyFor = (fsPath: string | null) => (fsPath ? `file://${fsPath}` : `untitled:Untitled-${nextKey}`);

  /** Every live document has its result or is skipped, as expected, and the results honour the contract. */
  const check = async (step: string): Promise<void> => {
    const keys = [...live.keys()];
    // The views, the passages, and the views again, asked together: the worker answers them in order, but each request
    // is a message of its own, and a slice of an edit's settle may run between two of them when the second has not
    // arrived yet (the worker thread runs beside this one). The passages are compared only when the views on either
    // side of them are equal: nothing changed in between (asked again until so, a few times at most).
    let views: DocumentView[] = [], passages: PassagesView[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const [before, between, after] = await Promise.all([
        withTimeout(conn.request('documents', { keys }), `${step}: documents`),
        withTimeout(conn.request('passages', { keys }), `${step}: passages`),
        withTimeout(conn.request('documents', { keys }), `${step}: documents`),
      ]);
      views = before;
      passages = between;
      if (isDeepStrictEqual(before, after)) break;
      settledBetween++;
    }
    const byKey = new Map<string, DocumentView>(views.map(v => [v.key, v]));
    const bad = new Set<string>();
    const problem = (key: string, msg: string) => {
      bad.add(key);
      const e = live.get(key);
      fail('worker', `session ${s}, ${step}: ${key}: ${msg}`, e ? [e.input] : []);
    };
    if (worker.failed) throw new Error(`the worker failed: ${worker.failed}`);
    for (const v of views) if (!live.has(v.key)) problem(v.key, 'a result for a document not set');
    for (const k of skipped.keys()) if (!live.has(k)) problem(k, 'skipped but not set');
    for (const [key, e] of live) {
      const has = byKey.has(key), why = skipped.get(key);
      if (has && why !== undefined) problem(key, `both a result and skipped (${why})`);
      else if (!has && why === undefined) problem(key, 'neither a result nor skipped');
      else if (why?.startsWith('analysis failed')) problem(key, why);
      else if (e.expect === 'yes' && !has) problem(key, `skipped: ${why}`);
      else if (e.expect === 'no' && has) problem(key, 'analysed, should be skipped');
      else if (has && byKey.get(key)!.version !== (e.open ? e.version : null)) problem(key, `version ${byKey.get(key)!.version}, sent ${e.open ? e.version : null}`);
      if (!e.counted) {
        e.counted = true;
        if (has) stats.worker.analysed++; else stats.worker.skipped++;
      }
    }
    const problems = checkContract({ version: 1, documents: views.map(v => v.result), skipped: [] }, k => live.get(k)?.given ?? '');
    for (const [key, list] of problemsByPath(problems, keys)) problem(key, `contract: ${list.slice(0, 5).join('; ')}${list.length > 5 ? ` (+${list.length - 5} more)` : ''}`);
    // What the Claims tree lists: the same claims and quotes as the whole view.
    if (passages.length !== views.length) fail('worker', `session ${s}, ${step}: ${passages.length} documents' passages for ${views.length} views`, []);
    for (const p of passages) {
      const v = byKey.get(p.key);
      if (v && !isDeepStrictEqual(p.result, { path: v.result.path, length: v.result.length, title: v.result.title, claims: v.result.claims, quotes: v.result.quotes })) {
        problem(p.key, 'its passages differ from its view\'s claims and quotes');
      }
    }
    // A failing document is reported once, then dropped.
    for (const key of bad) {
      if (!live.has(key)) continue;
      conn.notify('delete', { key });
      live.delete(key);
    }
  };

  /** The time from the change to the changed document's result: its analysis, as the editor waits for it. */
  const timed = async (key: string, send: () => void): Promise<void> => {
    const t0 = performance.now();
    send();
    await withTimeout(conn.request('documents', { keys: [key] }), `${key}: result`);
    const ms = performance.now() - t0;
    const e = live.get(key);
    if (e && e.text !== null && !skipped.has(key)) timings.push({ input: e.input, bytes: inputBytes(e.input), ms });
  };

  /** An index build: `n` new files, and again every file of the documents already there (open ones stay as the editor has them). */
  const indexBuild = async (n: number): Promise<void> => {
    const files = [...live].filter(([, e]) => e.fsPath).map(([key, e]) => ({ key, fsPath: e.fsPath! }));
    for (; n > 0; n--, nextKey++) {
      const f = newFile();
      if (!f) continue;
      const key = keyFor(f.fsPath);
      live.set(key, fileEntry(f.g, f.fsPath));
      files.push({ key, fsPath: f.fsPath });
      stats.worker.reads++;
    }
    const outcome = await withTimeout(conn.request('index', { files }), 'index');
    if (outcome.cancelled || outcome.indexed + outcome.skipped.length !== files.length) {
      fail('worker', `session ${s}: index of ${files.length} files answered ${JSON.stringify({ ...outcome, skipped: outcome.skipped.length })}`, []);
    }
  };

  try {
    await indexBuild(int(r, ...WORKER_INDEXED));
    await check('index');

    for (let step = 0, steps = int(r, ...WORKER_STEPS); step < steps; step++, nextKey++) {
      const op = r();
      const keys = [...live.keys()];
      const some = <T>(xs: T[]) => xs[int(r, 0, xs.length - 1)];
      const editable = keys.filter(k => live.get(k)!.text !== null);
      const onDisk = keys.filter(k => !live.get(k)!.open && live.get(k)!.fsPath);
      const open = keys.filter(k => live.get(k)!.open);
      let label: string;
      if (op < 0.08) {
        label = 'index build';
        await indexBuild(int(r, 5, 15));
      } else if (op < 0.38 || !keys.length) {
        // An editor opens a new text (untitled, or a file whose disk content differs).
        const g = generateEditorText(nextSeed(r));
        const text = g.text;
        stats.worker.generated++;
        stats.worker.opens++;
        const input: Input = { kind: 'text', text, what: g.what, family: g.family, seed: g.seed };
        if (isKnown(input, stats.worker)) continue;
        const f = chance(r, 0.5) ? newFile(false) : null;
        const key = keyFor(f?.fsPath ?? null);
        live.set(key, textEntry(input, f?.fsPath ?? null, f?.g ?? null, 1));
        label = `set ${key}`;
        await timed(key, () => conn.notify('set', { key, text, version: 1 }));
      } else if (op < 0.5) {
        // A new file appears on disk.
        const f = newFile();
        if (!f) continue;
        stats.worker.reads++;
        const key = keyFor(f.fsPath);
        live.set(key, fileEntry(f.g, f.fsPath));
        label = `reload ${key}`;
        await timed(key, () => conn.notify('reload', { key, fsPath: f.fsPath }));
      } else if (op < 0.8 && editable.length) {
        // An edit in an editor (opening the document if it came from disk).
        const key = some(editable), e = live.get(key)!;
        const ed = edit(r, e.text!);
        const text = editorText(ed.text);
        const prev = e.input.kind === 'file' ? { what: e.input.g.what, family: e.input.g.family } : e.input;
        const input: Input = { kind: 'text', text, what: `${prev.what}; edited: ${ed.what}`, family: prev.family, seed: null };
        if (isKnown(input, stats.worker)) continue;
        stats.worker.edits++;
        const version = e.open ? e.version + 1 : 1;
        live.set(key, { ...textEntry(input, e.fsPath, e.disk, version), counted: true });
        label = `edit ${key}`;
        await timed(key, () => conn.notify('set', { key, text, version }));
      } else if (op < 0.88 && onDisk.length) {
        // The file changes on disk.
        const key = some(onDisk), e = live.get(key)!;
        const g = generateFile(nextSeed(r));
        stats.worker.generated++;
        if (isKnown({ kind: 'file', g }, stats.worker)) continue;
        stats.worker.reads++;
        fs.writeFileSync(e.fsPath!, g.bytes);
        live.set(key, fileEntry(g, e.fsPath!));
        label = `changed on disk ${key}`;
        await timed(key, () => conn.notify('reload', { key, fsPath: e.fsPath! }));
      } else if (op < 0.95 && open.length) {
        // An editor closes: back to the file on disk, or gone.
        const key = some(open), e = live.get(key)!;
        stats.worker.releases++;
        label = `release ${key}`;
        conn.notify('release', { key, fsPath: e.fsPath });
        if (e.fsPath && e.disk) {
          // Back to the file on disk: a document the worker has not analysed yet unless it came from there.
          const fresh = !toldOf.has(e.disk);
          if (fresh) {
            stats.worker.generated++;
            stats.worker.reads++;
          }
          live.set(key, { ...fileEntry(e.disk, e.fsPath), counted: !fresh });
        } else live.delete(key);
      } else {
        if (!keys.length) continue;
        const key = some(keys);
        stats.worker.deletes++;
        label = `delete ${key}`;
        conn.notify('delete', { key });
        live.delete(key);
      }
      await check(label);
    }
    const sums = await withTimeout(conn.request('summaries', {}), 'summaries');
    const analysed = [...live.keys()].filter(k => !skipped.has(k)).sort();
    const got = sums.map(x => x.key);
    if (JSON.stringify(got) !== JSON.stringify(analysed)) fail('worker', `session ${s}: summaries list ${got.length} documents, ${analysed.length} analysed`, []);
    // The session's documents go (files deleted), and the worker holds nothing for the next session.
    for (const key of live.keys()) conn.notify('delete', { key });
    live.clear();
    await check('every document deleted');
    const left = await withTimeout(conn.request('summaries', {}), 'summaries');
    if (left.length || skipped.size) fail('worker', `session ${s}: after deleting every document the worker still has ${left.length} results and ${skipped.size} skipped`, []);
  } catch (err) {
    const last = [...live.values()].slice(-1).map(e => e.input);
    fail('worker', `session ${s}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`, err instanceof Hang ? last : []);
    stopWorker(maxFileSize);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- speed and fixtures

/** MB/s of one input analysed alone in a new corpus, in this process (the best of three). */
function aloneMBps(text: string, bytes: number): { mbps: number; ms: number } {
  let ms = Infinity;
  for (let i = 0; i < 3; i++) {
    const c = new Corpus();
    const t0 = performance.now();
    c.set('x.txt', text);
    c.allResults();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { mbps: bytes / (1 << 20) / (ms / 1000), ms };
}

/** The time for the first half of an input: about half the whole one's when the analysis is linear, a quarter when quadratic. */
function halfMs(input: Input): number {
  const text = textOf(input);
  return aloneMBps(text.slice(0, text.length >> 1), 1).ms;
}

const textOf = (i: Input) => (i.kind === 'file' ? asAnalysed(expectFile(i.g.bytes, Infinity)) ?? '' : i.text);

/** The slowest inputs by time per MB: the 20 slowest in the worker (of 8 KB or more), timed again alone. */
function slowest(): { input: Input; bytes: number; mbps: number; ms: number }[] {
  const candidates = timings.filter(t => t.bytes >= RANK_MIN_BYTES).sort((a, b) => b.ms / b.bytes - a.ms / a.bytes);
  const unique = [...new Map(candidates.map(c => [textOf(c.input), c])).values()].slice(0, 20);
  // Warm up on the seeds and on every candidate once, so that no candidate pays for compiling code the others reuse.
  for (let i = 0; i < 5; i++) for (const art of seedArticles()) aloneMBps(art.join('\n'), 1);
  for (const c of unique) aloneMBps(textOf(c.input), 1);
  return unique.map(c => ({ input: c.input, bytes: c.bytes, ...aloneMBps(textOf(c.input), c.bytes) })).sort((a, b) => a.mbps - b.mbps);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  for (const f of [CLI, WORKER]) if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run node esbuild.mjs first`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'source-lens-fuzz-'));
  const t0 = performance.now();
  try {
    // The two ways run side by side (a CLI process and the worker thread: one core each).
    const rc = rng(SEED * 2 + 1), rw = rng(SEED * 2 + 2);
    let tc = 0, tw = 0;
    await Promise.all([
      (async () => {
        for (let i = 0; stats.cli.generated < CLI_DOCUMENTS && ONLY !== 'worker'; i++) await cliRun(i, rc, tmp);
        tc = performance.now();
      })(),
      (async () => {
        for (let s = 0; stats.worker.generated < WORKER_DOCUMENTS && ONLY !== 'cli'; s++) await workerSession(s, rw, tmp);
        tw = performance.now();
      })(),
    ]);

    const slow = slowest();
    const saved: string[] = [];
    if (SAVE) {
      for (const x of slow.slice(0, 5)) saved.push(saveFixture('slow', x.input, `${x.mbps.toFixed(2)} MB/s alone (${fmtMB(x.bytes)} in ${x.ms.toFixed(0)} ms)`));
      for (const f of failures.slice(0, 20)) for (const i of f.inputs.slice(0, 5)) saved.push(saveFixture('fail', i, f.problem.slice(0, 500)));
      for (const [id, h] of knownHits) saved.push(saveFixture(`known-${id}`, h.input, `left out as known bug ${id}`));
    }
    const c = stats.cli, w = stats.worker;
    const lines = [
      '',
      `fuzz (seed ${SEED}, scale ${SCALE}): ${c.generated + w.generated} documents generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      `  CLI:    ${c.generated} documents in ${c.runs} runs (done after ${((tc - t0) / 1000).toFixed(0)} s, ${c.processSeconds.toFixed(0)} s of it in the CLI): ${c.analysed} analysed, ${c.skipped} skipped, ${c.known} left out as known bugs; UTF-16 with BOM: ${c.utf16Analysed} analysed, ${c.utf16Skipped} skipped`,
      `  worker: ${w.generated} documents in ${w.sessions} sessions (done after ${((tw - t0) / 1000).toFixed(0)} s; ${w.opens} opened in an editor, ${w.reads} read from disk; ${w.edits} edits, ${w.releases} editors closed, ${w.deletes} deletions): ${w.analysed} analysed, ${w.skipped} skipped, ${w.known} left out as known bugs`,
      `  worker checks asked again because a settle ran between the views and the passages: ${settledBetween}`,
      `  slowest CLI run: ${c.slowestRun.mbps.toFixed(2)} MB/s (${c.slowestRun.docs} documents, ${fmtMB(c.slowestRun.bytes)}, process start included)`,
      ...slow.slice(0, 3).map((x, i) => `  ${i ? 'next' : 'slowest input'}: ${x.mbps.toFixed(2)} MB/s alone (${fmtMB(x.bytes)} in ${x.ms.toFixed(0)} ms, its first half in ${halfMs(x.input).toFixed(0)} ms): ${describeInput(x.input)}`),
      ...[...knownHits].map(([id, h]) => `  known bug ${id} (${h.summary}): ${h.count} inputs left out, the first: ${describeInput(h.input)}`),
      ...saved.map(s => `  saved ${s}`),
      `  failures: ${failures.length}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    for (const limit of [...workers.keys()]) stopWorker(limit);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (failures.length) process.exitCode = 1;
}

if (require.main === module) {
  main().catch(err => {
    console.error(err);
    process.exitCode = 1;
  });
}
