/**
 * Which files of a folder are articles: the walking rules the CLI uses for a
 * directory PATH and the extension is to use for a workspace folder, so both read
 * the same files and skip the same things with the same reasons.
 *
 * - A file is kept when its path relative to the folder matches an include glob
 *   and no exclude glob (src/config/globs.ts); a folder an exclude glob leaves out
 *   entirely (`node_modules/**`) is not entered.
 * - Kept files are not opened here: what is not a regular file (a FIFO, socket or
 *   device, or a link to one) is refused by `readDocument` with its kind.
 * - Links to directories are followed once: after every real subdirectory has been
 *   walked, the links in the order they were found. A directory reached a second
 *   time (a link back to an ancestor, two links to one directory, a link to a
 *   folder walked already) is listed as skipped with the path it was walked as.
 * - A subdirectory that cannot be read (no permission, a path too long) is listed
 *   as skipped; the walk goes on.
 * - Names are read as bytes, so a name that is not valid UTF-8 is still read (by its
 *   Buffer path); its shown path has each invalid byte replaced by U+FFFD.
 */
import * as fs from 'node:fs';
import { excludesFolder, isIncluded } from '../config/globs';
import type { FsPath } from './readDocument';

/** Which files of a walked folder are read. */
export interface FileFilter {
  include: readonly string[];
  exclude: readonly string[];
}

/** A file to read, or a directory that was not walked and why. */
export type WalkEntry =
  | { path: string; rel: string; fsPath: Buffer }
  | { path: string; rel: string; reason: string };

interface Dir {
  /** The folder's shown path joined with '/' and the names below it (U+FFFD for invalid bytes). */
  path: string;
  /** Path below the walked folder, '/'-separated ('' for the folder itself). */
  rel: string;
  fsPath: Buffer;
}

const SLASH = Buffer.from('/');

/** The error code of a failed system call (`EACCES`), else its message. */
export const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String((e as Error).message ?? e);

/** The reason a directory reached again is not walked again. */
function walkedAgain(dir: string, walkedAs: string): string {
  return dir.startsWith(walkedAs + '/') ? `directory link loop (back to ${walkedAs})` : `directory already walked as ${walkedAs}`;
}

/**
 * Every file of `folder` the filter keeps and every directory skipped, sorted by
 * path. `shown` is how the folder itself is named in the paths. Throws the system's
 * error when the folder itself cannot be read.
 */
export function walkFolder(folder: FsPath, shown: string, filter: FileFilter): WalkEntry[] {
  const out: WalkEntry[] = [];
  /** Directories walked, by device and inode, with the path each was walked as. */
  const walked = new Map<string, string>();
  const links: Dir[] = [];

  /** Reads one directory, or says why not; `null` when it was walked before. */
  const list = (dir: Dir): fs.Dirent<Buffer>[] | null => {
    const stat = fs.statSync(dir.fsPath);
    const id = `${stat.dev}:${stat.ino}`;
    const as = walked.get(id);
    if (as !== undefined) {
      out.push({ path: dir.path, rel: dir.rel, reason: walkedAgain(dir.path, as) });
      return null;
    }
    walked.set(id, dir.path);
    return fs.readdirSync(dir.fsPath, { withFileTypes: true, encoding: 'buffer' }).sort((a, b) => Buffer.compare(a.name, b.name));
  };

  /** Walks a tree depth-first without following links to directories (they are queued). */
  const walkTree = (top: Dir, isFolder: boolean) => {
    const stack = [top];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries: fs.Dirent<Buffer>[] | null;
      try {
        entries = list(dir);
      } catch (e) {
        if (isFolder && dir === top) throw e;
        out.push({ path: dir.path, rel: dir.rel, reason: `cannot read directory: ${errorCode(e)}` });
        continue;
      }
      if (!entries) continue;
      const subdirs: Dir[] = [];
      for (const ent of entries) {
        const name = ent.name.toString('utf8');
        const child: Dir = {
          path: `${dir.path}/${name}`,
          rel: dir.rel ? `${dir.rel}/${name}` : name,
          fsPath: Buffer.concat([dir.fsPath, SLASH, ent.name]),
        };
        let isDirectory = ent.isDirectory();
        if (ent.isSymbolicLink()) {
          try {
            isDirectory = fs.statSync(child.fsPath).isDirectory();
          } catch {
            // A dangling or looping link: a file that readDocument refuses with the reason.
          }
        }
        if (isDirectory) {
          if (!excludesFolder(child.rel, filter.exclude)) (ent.isSymbolicLink() ? links : subdirs).push(child);
        } else if (isIncluded(child.rel, filter.include, filter.exclude)) {
          out.push(child);
        }
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
  };

  walkTree({ path: shown, rel: '', fsPath: typeof folder === 'string' ? Buffer.from(folder) : folder }, true);
  for (let i = 0; i < links.length; i++) walkTree(links[i], false); // walking a link may queue more
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
