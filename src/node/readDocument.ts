/**
 * Reading an article from disk, for the CLI and the extension's index worker alike:
 * size check, read, decode (core/text), with one wording of the reasons a file
 * is refused. Node only (`node:fs`); the core stays free of file access.
 */
import * as fs from 'node:fs';
import { decode, DEFAULT_MAX_FILE_SIZE, tooLarge, type DecodeResult } from '../core/text/decode';

/** How a file is reached: Node's file system, or a fake in tests. */
export interface FileAccess {
  size(fsPath: string): number;
  read(fsPath: string): Uint8Array;
}

export const nodeFiles: FileAccess = {
  size: p => fs.statSync(p).size,
  read: p => fs.readFileSync(p),
};

/**
 * A file's text as VS Code would open it, or why it is skipped: "larger than the
 * 5 MB limit (6 MB)", "binary file (contains NUL bytes)", "not UTF-8 text",
 * "cannot read: ENOENT". The size is checked before the file is read.
 */
export function readDocument(fsPath: string, maxFileSize = DEFAULT_MAX_FILE_SIZE, files: FileAccess = nodeFiles): DecodeResult {
  let bytes: Uint8Array;
  try {
    const large = tooLarge(files.size(fsPath), maxFileSize);
    if (large) return { ok: false, reason: large };
    bytes = files.read(fsPath);
  } catch (e) {
    return { ok: false, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  return decode(bytes, maxFileSize);
}
