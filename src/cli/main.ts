/**
 * `source-lens analyze [--format json|markdown|html] [--out FILE] [--max-file-size N] PATH...`
 * A thin front end over the core: read, decode, analyse as one corpus, print.
 * Exit 0 on success; 2 with one line on stderr for usage errors and unreadable PATHs.
 */
import { Corpus } from '../core/corpus/corpus';
import { DEFAULT_MAX_FILE_SIZE } from '../core/text/decode';
import type { AnalysisOutput, Skipped } from '../core/types';
import { readDocument } from '../node/readDocument';
import { AnnotationsError, withAnnotations } from './annotations';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { printable, systemMessage } from './messages';
import { checkOut, OutError, writeReport } from './output';
import { collect, PathError, type Found } from './walk';

const USAGE = 'usage: source-lens analyze [--format json|markdown|html] [--out FILE] [--max-file-size BYTES] [--annotations FILE] PATH...';
const FORMATS = ['json', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

interface Options {
  format: Format;
  out: string | null;
  maxFileSize: number;
  paths: string[];
  /** `--annotations FILE`; null: the default file for the first PATH, if there is one. */
  annotations?: string | null;
}

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'analyze') throw new UsageError(command ? `unknown command '${command}'; ${USAGE}` : USAGE);
  const opts: Options = { format: 'json', out: null, maxFileSize: DEFAULT_MAX_FILE_SIZE, paths: [] };
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
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}' (json, markdown or html)`);
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
 * Reads and analyses what `collect` found; throws PathError for a file named on the
 * command line that cannot be read. A document whose analysis throws is skipped
 * ("internal error: …") and the others go on. `corpus` is replaceable for tests.
 */
export function analyzeFound(found: readonly Found[], maxFileSize = DEFAULT_MAX_FILE_SIZE, corpus = new Corpus()): AnalysisOutput {
  const skipped: Skipped[] = [];
  for (const f of found) {
    if (!('fsPath' in f)) {
      skipped.push({ path: f.path, reason: f.reason });
      continue;
    }
    const read = readDocument(f.fsPath, maxFileSize);
    if (read.ok) {
      try {
        corpus.set(f.path, read.text);
      } catch (e) {
        corpus.delete(f.path);
        skipped.push({ path: f.path, reason: `internal error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` });
      }
    } else if (f.named && 'unreadable' in read) throw new PathError(`cannot read ${printable(f.path)}: ${read.reason.replace(/^cannot read: /, '')}`);
    else skipped.push({ path: f.path, reason: read.reason });
  }
  return { version: 1, documents: corpus.allResults(), skipped };
}

function render(out: AnalysisOutput, format: Format): string {
  if (format === 'markdown') return renderMarkdown(out);
  if (format === 'html') return renderHtml(out);
  return JSON.stringify(out, null, 1) + '\n';
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
      const corpus = new Corpus();
      const { out, warnings } = withAnnotations(analyzeFound(found, opts.maxFileSize, corpus), p => corpus.text(p), opts.annotations ?? null, opts.paths[0]);
      for (const w of warnings) process.stderr.write(`source-lens: ${printable(w)}\n`);
      for (const s of out.skipped) process.stderr.write(`source-lens: skipped ${printable(s.path)}: ${printable(s.reason)}\n`);
      const text = render(out, opts.format);
      if (opts.out) writeReport(opts.out, text);
      else await writeStdout(text);
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

if (require.main === module) {
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
