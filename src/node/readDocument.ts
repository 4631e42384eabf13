/**
 * Reading an article from disk, for the CLI and the extension's index worker alike:
 * only regular files, never more bytes than the size limit allows, decoded by
 * core/text, with one wording of the reasons a file is refused. Node only
 * (`node:fs`); the core stays free of file access.
 */
import * as fs from 'node:fs';
import { decode, DEFAULT_MAX_FILE_SIZE, tooLarge, type DecodeResult } from '../core/text/decode';

/** A path as `node:fs` takes it: a Buffer for a name that is not valid UTF-8. */
export type FsPath = string | Buffer;

/** How a file is reached: Node's file system, or a fake in tests. */
export interface FileAccess {
  /**
   * The bytes of a file when it holds at most `maxBytes`; else `{ tooLarge }`, its
   * size as far as known (at least `maxBytes + 1`), without reading it all. Throws
   * `NotRegularFile` for anything but a regular file, and the system's errors.
   */
  read(fsPath: FsPath, maxBytes: number): Uint8Array | { tooLarge: number };
}

/** What a file that is not a regular one is, as the reasons name it. */
export function fileKind(stat: fs.Stats | fs.Dirent<string | Buffer>): string {
  if (stat.isFile()) return 'regular file';
  if (stat.isDirectory()) return 'directory';
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}

/** A FIFO, socket, device or directory where a file is to be read. */
export class NotRegularFile extends Error {
  constructor(readonly kind: string) {
    super(`not a regular file (${kind})`);
  }
}

const CHUNK = 64 * 1024;

/**
 * Node's file system, bounded: the path is checked (links followed) and refused
 * unless it is a regular file, so a device is never opened; it is opened
 * non-blocking (a FIFO swapped in meanwhile cannot stall the open) and checked
 * again on the open descriptor; then at most `maxBytes + 1` bytes are read, whatever
 * the size the file claims (files of /proc claim 0, a file may grow).
 */
export const nodeFiles: FileAccess = {
  read(fsPath, maxBytes) {
    const before = fs.statSync(fsPath);
    if (!before.isFile()) throw new NotRegularFile(fileKind(before));
    const fd = fs.openSync(fsPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) throw new NotRegularFile(fileKind(stat));
      if (stat.size > maxBytes) return { tooLarge: stat.size };
      const cap = maxBytes + 1;
      let buf = Buffer.allocUnsafe(Math.min(cap, Math.max(stat.size + 1, CHUNK)));
      let got = 0;
      for (;;) {
        if (got === buf.length) {
          if (got === cap) break;
          const bigger = Buffer.allocUnsafe(Math.min(cap, buf.length * 2));
          buf.copy(bigger, 0, 0, got);
          buf = bigger;
        }
        const n = fs.readSync(fd, buf, got, buf.length - got, null);
        if (n === 0) break;
        got += n;
      }
      return got > maxBytes ? { tooLarge: Math.max(got, stat.size) } : buf.subarray(0, got);
    } finally {
      fs.closeSync(fd);
    }
  },
};

/**
 * `cannot read: ENOENT`, `not a regular file (FIFO)` and the like: the file could
 * not be read at all, which is an error for a file named on the command line.
 * (A file that was read but not analysed is `ok: false` without `unreadable`.)
 */
export type ReadResult = DecodeResult | { ok: false; reason: string; unreadable: true };

/**
 * A file's text as VS Code would open it, or why it is skipped: "larger than the
 * 5 MB limit (6 MB)", "binary file (contains NUL bytes)", "not UTF-8 text",
 * "not UTF-16 text", and, unreadable, "not a regular file (FIFO)", "cannot read: ENOENT".
 */
export function readDocument(fsPath: FsPath, maxFileSize = DEFAULT_MAX_FILE_SIZE, files: FileAccess = nodeFiles): ReadResult {
  let bytes: Uint8Array | { tooLarge: number };
  try {
    bytes = files.read(fsPath, maxFileSize);
  } catch (e) {
    const reason = e instanceof NotRegularFile ? e.message : `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    return { ok: false, reason, unreadable: true };
  }
  if ('tooLarge' in bytes) return { ok: false, reason: tooLarge(Math.max(bytes.tooLarge, maxFileSize + 1), maxFileSize)! };
  return decode(bytes, maxFileSize);
}
