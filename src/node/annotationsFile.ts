/**
 * The annotations file on disk (`.sourcelens/annotations.json`), for the CLI and
 * the extension alike: read bounded (a regular file of at most 8 MB), and written
 * atomically (a temporary file beside it, flushed, then renamed over it, keeping
 * the file's mode). A file that does not parse is never overwritten: the reader's
 * hand edits stay until they fix them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAnnotations, serializeAnnotations, type Annotations, type EntryLines } from '../core/annotations/format';
import { nodeFiles, NotRegularFile } from './readDocument';

/** Where the file lives below a folder. */
export const ANNOTATIONS_DIR = '.sourcelens';
export const ANNOTATIONS_NAME = 'annotations.json';
export const MAX_ANNOTATIONS_BYTES = 8 * 1024 * 1024;

export type AnnotationsRead =
  | { kind: 'missing' }
  | { kind: 'ok'; annotations: Annotations; lines: EntryLines; text: string }
  /** The file is there but is not an annotations file: `line` (1-based) and what is wrong. */
  | { kind: 'broken'; line: number; message: string }
  | { kind: 'unreadable'; message: string };

/** The annotations file of a folder. */
export function annotationsPathIn(folder: string): string {
  return path.join(folder, ANNOTATIONS_DIR, ANNOTATIONS_NAME);
}

/** Reads and parses the file; never throws. */
export function readAnnotationsFile(fsPath: string, maxBytes = MAX_ANNOTATIONS_BYTES): AnnotationsRead {
  let bytes: Uint8Array | { tooLarge: number };
  try {
    bytes = nodeFiles.read(fsPath, maxBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', message: e instanceof NotRegularFile ? e.message : `cannot read: ${code ?? (e as Error).message}` };
  }
  if ('tooLarge' in bytes) return { kind: 'unreadable', message: `larger than ${maxBytes} bytes` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'broken', line: 1, message: 'not UTF-8 text' };
  }
  const r = parseAnnotations(text);
  return r.ok ? { kind: 'ok', annotations: r.annotations, lines: r.lines, text } : { kind: 'broken', line: r.line, message: r.message };
}

/** Why a write was refused. */
export class AnnotationsWriteError extends Error {}

/**
 * Writes `annotations` (or `text` as it is) to `fsPath` atomically. Refuses, with
 * AnnotationsWriteError, when a file is there that does not parse or that is not a
 * regular file. Creates the folder when it is missing. The new file keeps the old
 * one's mode (else 0644 less the umask).
 */
export function writeAnnotationsFile(fsPath: string, content: Annotations | string): void {
  const text = typeof content === 'string' ? content : serializeAnnotations(content);
  const now = readAnnotationsFile(fsPath);
  if (now.kind === 'broken') throw new AnnotationsWriteError(`${fsPath}:${now.line}: ${now.message}; fix it by hand, it is not overwritten`);
  if (now.kind === 'unreadable') throw new AnnotationsWriteError(`${fsPath}: ${now.message}; it is not overwritten`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(fsPath).mode & 0o7777;
  } catch { /* a new file */ }
  const dir = path.dirname(fsPath);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(fsPath)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode ?? 0o644);
  try {
    try {
      fs.writeFileSync(fd, text, 'utf8');
      if (mode !== undefined) fs.fchmodSync(fd, mode); // the umask does not apply to the old file's mode
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, fsPath);
  } catch (e) {
    try { fs.unlinkSync(temp); } catch { /* already gone */ }
    throw e;
  }
  try {
    // The rename itself reaches the disk with the folder's entry.
    const dfd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch { /* not every system lets a folder be flushed */ }
}

/**
 * The annotations file that applies to a PATH given to the CLI: in that folder (or
 * the folder holding that file), or in the nearest folder above that has one; null
 * when there is none.
 */
export function findAnnotationsFile(target: string): string | null {
  let dir = path.resolve(target);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const candidate = annotationsPathIn(dir);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The folder an annotations file's paths are relative to: the one holding `.sourcelens/`. */
export function annotationsRoot(fsPath: string): string {
  const dir = path.dirname(path.resolve(fsPath));
  return path.basename(dir) === ANNOTATIONS_DIR ? path.dirname(dir) : dir;
}
