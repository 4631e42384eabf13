/**
 * `--jobs N`: documents read and analysed on their own in N worker threads, the
 * cross-document stage after, in this thread. Each document's own analysis depends
 * on its text alone, so a worker gives what this thread would; the corpus takes
 * the analyses in the order the documents were found (the order the serial run
 * adds them in), whatever order the workers finish in, so the output is the same
 * for every N.
 *
 * The worker is this very file (the CLI bundle, or the compiled module in tests),
 * started with `workerData.role === WORKER_ROLE`.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyzeLocal, type LocalAnalysis, ParagraphCache } from '../core/corpus/corpus';
import { AnalysisContext } from '../core/text/memo';
import { readDocument, type ReadResult } from '../node/readDocument';
import { betweenDocuments, MEMO_SPAN } from './oneShot';

const WORKER_ROLE = 'source-lens-analyze';

interface Job { index: number; fsPath: Uint8Array; maxFileSize: number }

/** A document read, and analysed when it could be; `error` when the analysis threw. */
export interface Analysed { index: number; read: ReadResult; local?: LocalAnalysis; error?: string }

/** The worker's side: reads, decodes and analyses each document it is sent. */
function serve(): void {
  const ctx = new AnalysisContext();
  const cache = new ParagraphCache();
  let analysed = 0;
  parentPort!.on('message', (job: Job) => {
    // The memos are accelerators: what is kept from one document to the next is chosen as in oneShot.ts, but
    // for the boilerplate verdicts (the shared passages ask them of the main thread's context, not this one).
    betweenDocuments(ctx, cache, ++analysed, MEMO_SPAN, []);
    const read = readDocument(Buffer.from(job.fsPath), job.maxFileSize);
    const out: Analysed = { index: job.index, read: read.ok ? { ok: true, text: '' } : read };
    if (read.ok) {
      try {
        out.local = analyzeLocal(ctx, read.text, cache);
      } catch (e) {
        out.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
      // The text travels once, inside the analysis (or alone when the analysis threw).
      if (!out.local) out.read = read;
    }
    parentPort!.postMessage(out);
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) serve();

/**
 * Analyses the files in `jobs` threads and hands each result to `take` in index
 * order (as soon as it and every one before it are in). `take` may throw: the
 * workers are stopped and the error passed on.
 */
export async function analyzeInWorkers(
  files: readonly { index: number; fsPath: Buffer }[],
  maxFileSize: number,
  jobs: number,
  take: (a: Analysed) => void,
): Promise<void> {
  const workers: Worker[] = [];
  const ready = new Map<number, Analysed>();
  const order = files.map(f => f.index);
  let nextOut = 0, nextIn = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: unknown) => { if (!failed) { failed = true; reject(e); } };
      const send = (w: Worker) => {
        if (nextIn >= files.length) return;
        const f = files[nextIn++];
        w.postMessage({ index: f.index, fsPath: f.fsPath, maxFileSize } satisfies Job);
      };
      const flush = () => {
        while (nextOut < order.length && ready.has(order[nextOut])) {
          const a = ready.get(order[nextOut])!;
          ready.delete(order[nextOut]);
          nextOut++;
          take(a);
        }
        if (nextOut === order.length) resolve();
      };
      if (!files.length) return resolve();
      for (let k = 0; k < Math.min(jobs, files.length); k++) {
        const w = new Worker(__filename, { workerData: { role: WORKER_ROLE } });
        workers.push(w);
        w.on('message', (a: Analysed) => {
          if (failed) return;
          ready.set(a.index, a);
          send(w);
          try {
            flush();
          } catch (e) {
            fail(e);
          }
        });
        w.on('error', fail);
        w.on('exit', code => { if (code !== 0 && nextOut < order.length) fail(new Error(`an analysis thread stopped (exit ${code})`)); });
        // Two documents in flight per thread: it never waits for the next one.
        send(w);
        send(w);
      }
    });
  } finally {
    await Promise.all(workers.map(w => w.terminate()));
  }
}

/** The text of an analysed document (it travels inside the analysis). */
export function textOf(a: Analysed): string | null {
  if (a.local) return a.local.text;
  return a.read.ok ? a.read.text : null;
}
