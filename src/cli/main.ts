/**
 * `source-lens analyze [--format json|jsonl|markdown|html] [--out FILE] [--max-file-size N] [--jobs N] PATH...`
 * A thin front end over the core: read, decode, analyse as one corpus, print.
 * Exit 0 on success; 2 with one line on stderr for usage errors and unreadable PATHs.
 */
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { Corpus } from '../core/corpus/corpus';
import { DEFAULT_MAX_FILE_SIZE } from '../core/text/decode';
import { BOILERPLATE } from '../core/reuse/reuseText';
import type { AnalysisOutput, Skipped } from '../core/types';
import { readDocument, type ReadResult } from '../node/readDocument';
import type { LocalAnalysis } from '../core/corpus/corpus';
import { AnnotationsError, withAnnotations } from './annotations';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { printable, systemMessage } from './messages';
import { checkOut, OutError, writeReport, writeReportLines } from './output';
import { analyzeInWorkers, textOf } from './parallel';
import { MEMO_SPAN, OneShotCorpus, stage } from './oneShot';
import { Progress } from './progress';
import { collect, PathError, type Found } from './walk';

const USAGE = 'usage: source-lens analyze [--format json|jsonl|markdown|html] [--out FILE] [--max-file-size BYTES] [--jobs N] [--annotations FILE] PATH...';
const FORMATS = ['json', 'jsonl', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

interface Options {
  format: Format;
  out: string | null;
  maxFileSize: number;
  /** Worker threads analysing documents; 1 analyses in this thread. */
  jobs: number;
  paths: string[];
  /** `--annotations FILE`; null: the default file for the first PATH, if there is one. */
  annotations?: string | null;
}

/** The default `--jobs`: one thread per core. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'analyze') throw new UsageError(command ? `unknown command '${command}'; ${USAGE}` : USAGE);
  const opts: Options = { format: 'json', out: null, maxFileSize: DEFAULT_MAX_FILE_SIZE, jobs: defaultJobs(), paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf('=');
    const [name, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value; ${USAGE}`);
      return v;
    };
    if (name === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}' (json, jsonl, markdown or html)`);
      opts.format = f as Format;
    } else if (name === '--out') {
      opts.out = value();
      if (!opts.out) throw new UsageError(`--out needs a file name; ${USAGE}`);
    } else if (name === '--max-file-size') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n <= 0) throw new UsageError(`--max-file-size needs a positive number of bytes, not '${v}'`);
      opts.maxFileSize = n;
    } else if (name === '--annotations') {
      opts.annotations = value();
      if (!opts.annotations) throw new UsageError(`--annotations needs a file name; ${USAGE}`);
    } else if (name === '--jobs') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n <= 0 || n > 256) throw new UsageError(`--jobs needs a number of threads from 1 to 256, not '${v}'`);
      opts.jobs = n;
    } else if (name === '--') {
      opts.paths.push(...rest.slice(i + 1));
      break;
    } else if (name.startsWith('-') && name !== '-') {
      throw new UsageError(`unknown option '${name}'; ${USAGE}`);
    } else {
      opts.paths.push(arg);
    }
  }
  if (!opts.paths.length) throw new UsageError(`no PATH given; ${USAGE}`);
  return opts;
}

/**
 * What the CLI adds its documents to: its own one-shot corpus (oneShot.ts), or a
 * `Corpus` (tests; the same results).
 */
export type Analyser = Pick<Corpus, 'set' | 'setAnalysed' | 'delete' | 'allResults' | 'text'>;

/**
 * The CLI's corpus: analysed once, never edited, and let go of stage by stage (oneShot.ts). `filled`: its results made
 * with the fields the annotations' `fill` gives, for a caller that passes them through `withAnnotations`.
 */
const oneShotCorpus = (filled = false): Analyser => new OneShotCorpus(MEMO_SPAN, filled);

/**
 * Reads and analyses what `collect` found; throws PathError for a file named on the
 * command line that cannot be read. A document whose analysis throws is skipped
 * ("internal error: …") and the others go on. `corpus` is replaceable for tests.
 */
export function analyzeFound(found: readonly Found[], maxFileSize = DEFAULT_MAX_FILE_SIZE, corpus: Analyser = oneShotCorpus(), progress?: Progress): AnalysisOutput {
  const intake = new Intake(corpus, progress, found.length);
  // The one-shot corpus analyses `BATCH` documents at a time, stage by stage (`OneShotCorpus.analyseAll`); any other
  // analyser one at a time, as it takes them.
  const batcher = corpus instanceof OneShotCorpus ? corpus : null;
  const batch = batcher ? BATCH : 1;
  for (let from = 0; from < found.length; from += batch) {
    const window = found.slice(from, from + batch);
    const reads = window.map(f => ('fsPath' in f ? readDocument(f.fsPath, maxFileSize) : null));
    const texts: string[] = [];
    for (const r of reads) if (r?.ok) texts.push(r.text);
    const analysed = batcher ? batcher.analyseAll(texts) : null;
    let next = 0;
    window.forEach((f, k) => {
      const r = reads[k];
      const a = r?.ok && analysed ? analysed[next++] : undefined;
      if (a instanceof Error) intake.take(f, r, undefined, `${a.name}: ${a.message}`);
      else intake.take(f, r, a);
    });
  }
  return intake.output();
}

/** Documents read and analysed together by the CLI's own thread (`analyzeFound`): enough for each stage's tables to stay in the caches, few enough to hold. */
const BATCH = 32;

/** The same as `analyzeFound`, the documents read and analysed in `jobs` worker threads. */
export async function analyzeFoundInWorkers(found: readonly Found[], maxFileSize: number, jobs: number, corpus: Analyser = oneShotCorpus(), progress?: Progress): Promise<AnalysisOutput> {
  if (jobs <= 1) return analyzeFound(found, maxFileSize, corpus, progress);
  const intake = new Intake(corpus, progress, found.length);
  const files: { index: number; fsPath: Buffer }[] = [];
  found.forEach((f, index) => { if ('fsPath' in f) files.push({ index, fsPath: f.fsPath }); });
  let next = 0;
  const upTo = (end: number) => { for (; next < end; next++) if (!('fsPath' in found[next])) intake.take(found[next], null); };
  await analyzeInWorkers(files, maxFileSize, jobs, a => {
    upTo(a.index);
    const text = textOf(a);
    intake.take(found[a.index], text === null ? a.read : { ok: true, text }, a.local, a.error);
    next = a.index + 1;
  });
  upTo(found.length);
  return intake.output();
}

/**
 * Takes the documents in the order found: each one read (or analysed) goes into the
 * corpus, or into `skipped` with the reason; a file named on the command line that
 * cannot be read throws PathError.
 */
class Intake {
  private readonly skipped: Skipped[] = [];
  private done = 0;
  constructor(private readonly corpus: Analyser, private readonly progress: Progress | undefined, private readonly total: number) {}

  take(f: Found, read: ReadResult | null, local?: LocalAnalysis, error?: string): void {
    this.progress?.show(++this.done, this.total);
    if (!('fsPath' in f) || read === null) {
      if (!('fsPath' in f)) this.skipped.push({ path: f.path, reason: f.reason });
      return;
    }
    if (read.ok) {
      try {
        if (error) throw new AnalysisError(error);
        if (local) this.corpus.setAnalysed(f.path, local);
        else this.corpus.set(f.path, read.text);
      } catch (e) {
        this.corpus.delete(f.path);
        const why = e instanceof AnalysisError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        this.skipped.push({ path: f.path, reason: `internal error: ${why}` });
      }
    } else if (f.named && 'unreadable' in read) throw new PathError(`cannot read ${printable(f.path)}: ${read.reason.replace(/^cannot read: /, '')}`);
    else this.skipped.push({ path: f.path, reason: read.reason });
  }

  output(): AnalysisOutput {
    // Every document is in: the paragraph cache and the memos of the per-document analysis (accelerators only,
    // by text: a paragraph's entities, a line's tokens, a sentence's claims…) are not needed for linking; the
    // shared passages ask the paragraphs' boilerplate verdicts again.
    if (this.corpus instanceof Corpus) {
      this.corpus.cache.clear();
      this.corpus.ctx.clearMemos([BOILERPLATE]);
    }
    this.progress?.linking();
    const documents = this.corpus.allResults();
    this.progress?.clear();
    return { version: 1, documents, skipped: this.skipped };
  }
}

/** An analysis that threw in a worker thread: its message is already "Name: message". */
class AnalysisError extends Error {}

/** `--format jsonl`: `{"version":1}`, one line per document in the order found, then `{"skipped":[...]}`. */
export function* jsonLines(out: AnalysisOutput): Generator<string> {
  yield `${JSON.stringify({ version: out.version })}\n`;
  for (const d of out.documents) {
    // (The line end apart: joined, the line was copied whole before it was encoded.)
    yield JSON.stringify(d);
    yield '\n';
  }
  yield `${JSON.stringify({ skipped: out.skipped })}\n`;
}

/**
 * `--format json` in pieces, one document at a time: exactly the text of
 * `JSON.stringify(out, null, 1) + '\n'`, never held as one string (the output of
 * an archive can pass the longest string the engine allows). A document sits two
 * levels deep: it is written wrapped in two arrays, and the wrapping cut off.
 */
export function* jsonPieces(out: AnalysisOutput): Generator<string> {
  const marker = '"documents": [\n  0\n ]';
  const frame = JSON.stringify({ ...out, documents: [0] }, null, 1) + '\n';
  const at = frame.indexOf(marker);
  if (!out.documents.length || at < 0 || frame.indexOf(marker, at + 1) >= 0) {
    yield JSON.stringify(out, null, 1) + '\n';
    return;
  }
  yield frame.slice(0, at + marker.length - 4);
  for (let k = 0; k < out.documents.length; k++) {
    // Written two levels deep by the engine itself (no second pass over the text to indent it): `[\n [\n  ` before, `\n ]\n]` after.
    // The separator is a piece of its own: joined to the document's text, it made a string the writer had to copy
    // whole into one before encoding it (at 10,000 articles, 500 MB of text copied once more).
    if (k) yield ',\n  ';
    yield JSON.stringify([[out.documents[k]]], null, 1).slice(7, -5);
  }
  yield frame.slice(at + marker.length - 3);
}

function render(out: AnalysisOutput, format: Exclude<Format, 'jsonl' | 'json'>): string {
  if (format === 'markdown') return renderMarkdown(out);
  return renderHtml(out);
}

/**
 * The analysis with its annotations. The corpus stays in here: once the results are
 * out, its indexes, memos and per-document analyses are garbage while the report is
 * written (only the results, shared with it, live on).
 */
async function analyzeAll(found: readonly Found[], opts: Options): Promise<{ out: AnalysisOutput; warnings: string[] }> {
  const progress = process.stderr.isTTY ? new Progress(process.stderr) : undefined;
  // (Every result goes through `withAnnotations` below.)
  const corpus = oneShotCorpus(true);
  stage(null);
  const analysed = await analyzeFoundInWorkers(found, opts.maxFileSize, opts.jobs, corpus, progress);
  return withAnnotations(analysed, p => corpus.text(p), opts.annotations ?? null, opts.paths[0]);
}

/**
 * Runs the command and resolves to the exit status: 0, or 2 after one line on
 * stderr. A bug rejects (exit 1 with the stack, below).
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const opts = parseArgs(argv);
    if (opts === 'help') {
      await writeStdout(`${USAGE}\n\nAnalyses news articles (.txt, .md; directories are walked) as one corpus and prints\nquotes with speakers, entities, duplicated passages and claims.\n`);
    } else if (opts === 'version') {
      await writeStdout(`${VERSION}\n`);
    } else {
      const found = collect(opts.paths);
      if (opts.out) checkOut(opts.out, found);
      const { out, warnings } = await analyzeAll(found, opts);
      for (const w of warnings) process.stderr.write(`source-lens: ${printable(w)}\n`);
      for (const s of out.skipped) process.stderr.write(`source-lens: skipped ${printable(s.path)}: ${printable(s.reason)}\n`);
      if (opts.format === 'jsonl' || opts.format === 'json') {
        // One document at a time: the whole output is never one string.
        const pieces = opts.format === 'jsonl' ? jsonLines(out) : jsonPieces(out);
        stage('annotations');
        if (opts.out) writeReportLines(opts.out, pieces);
        else for (const piece of pieces) await writeStdout(piece);
        stage('write');
      } else {
        const text = render(out, opts.format);
        if (opts.out) writeReport(opts.out, text);
        else await writeStdout(text);
      }
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof PathError || e instanceof OutError || e instanceof AnnotationsError) {
      process.stderr.write(`source-lens: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return 0;
}

/**
 * Writes to stdout and waits until it is handed to the system. A full disk or
 * another write error rejects with OutError; EPIPE, the reader going away
 * (`| head`), is not an error: there is just nobody left to write to.
 */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, err => {
      if (!err || (err as NodeJS.ErrnoException).code === 'EPIPE') resolve();
      else reject(new OutError(`cannot write to stdout: ${systemMessage(err)}`));
    });
  });
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

if (require.main === module && isMainThread) {
  // A failed write is reported by its callback; the stream's 'error' event must not end the process with a stack trace.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  main(process.argv.slice(2)).then(
    status => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`source-lens: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
