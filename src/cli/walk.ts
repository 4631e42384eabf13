/**
 * Finds the documents a CLI run covers: files as given, directories walked. In a
 * directory the files kept are those the extension would analyse in a workspace
 * folder there: matching the default include globs and no exclude glob
 * (src/config/defaults.ts), paths taken relative to the directory, by the walking
 * rules of src/node/walkFolder.ts (links to directories followed once, unreadable
 * subdirectories skipped).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../config/defaults';
import { fileKind } from '../node/readDocument';
import { walkFolder, type FileFilter } from '../node/walkFolder';
import { printable, systemMessage } from './messages';

export type { FileFilter } from '../node/walkFolder';

/** A file to read, or something found that is skipped (with the reason). */
export type Found =
  | {
      /** As given on the command line, or the directory as given plus the path inside it, joined with '/'. */
      path: string;
      fsPath: Buffer;
      /** Named on the command line (an unreadable one is an error, not a skip). */
      named: boolean;
    }
  | { path: string; reason: string };

export class PathError extends Error {}

/**
 * Files named on the command line in order (whatever their names); a directory's
 * files, and its subdirectories skipped, sorted by path. A file reached twice is
 * listed once. Throws PathError for a PATH that is missing, unreadable or not a
 * file or directory.
 */
export function collect(inputs: readonly string[], filter: FileFilter = { include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE }): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  /** Shown paths of the files listed: two names that differ only in invalid UTF-8 bytes print alike. */
  const shownPaths = new Set<string>();
  const add = (f: Found) => {
    if ('fsPath' in f) {
      const key = f.fsPath.toString('latin1');
      if (seen.has(key)) return;
      seen.add(key);
      if (shownPaths.has(f.path)) {
        out.push({ path: f.path, reason: 'name is not valid UTF-8 and prints the same as another file\'s' });
        return;
      }
      shownPaths.add(f.path);
    }
    out.push(f);
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      throw new PathError(`cannot read ${printable(input)}: ${systemMessage(e)}`);
    }
    const shown = input.split(path.sep).join('/');
    const fsPath = Buffer.from(path.resolve(input));
    if (stat.isDirectory()) {
      let found;
      try {
        found = walkFolder(fsPath, shown.replace(/\/+$/, ''), filter);
      } catch (e) {
        throw new PathError(`cannot read directory ${printable(input)}: ${systemMessage(e)}`);
      }
      for (const f of found) add('fsPath' in f ? { path: f.path, fsPath: f.fsPath, named: false } : { path: f.path, reason: f.reason });
    } else if (!stat.isFile()) {
      throw new PathError(`cannot read ${printable(input)}: not a regular file (${fileKind(stat)})`);
    } else {
      try {
        fs.accessSync(input, fs.constants.R_OK);
      } catch (e) {
        throw new PathError(`cannot read ${printable(input)}: ${systemMessage(e)}`);
      }
      add({ path: shown, fsPath, named: true });
    }
  }
  return out;
}
