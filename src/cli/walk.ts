/**
 * Finds the documents a CLI run covers: files as given, directories walked. In a
 * directory the files kept are those the extension would analyse in a workspace
 * folder there: matching the default include globs and no exclude glob
 * (src/config/defaults.ts), paths taken relative to the directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../config/defaults';
import { excludesFolder, isIncluded } from '../config/globs';

export interface Found {
  /** As given on the command line, joined with '/'. */
  path: string;
  abs: string;
}

export class PathError extends Error {}

/** Which files of a walked directory are read. */
export interface FileFilter {
  include: readonly string[];
  exclude: readonly string[];
}

/** Files named on the command line in order (whatever their names); a directory's files sorted by path. */
export function collect(inputs: readonly string[], filter: FileFilter = { include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE }): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new PathError(`cannot read ${input}: no such file or directory`);
    }
    const shown = input.split(path.sep).join('/');
    if (stat.isDirectory()) {
      let found: Found[];
      try {
        found = walk(input, shown.replace(/\/+$/, ''), '', filter);
      } catch (e) {
        throw new PathError(`cannot read directory ${input}: ${(e as Error).message}`);
      }
      found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const f of found) if (!seen.has(f.abs)) { seen.add(f.abs); out.push(f); }
    } else {
      try {
        fs.accessSync(input, fs.constants.R_OK);
      } catch {
        throw new PathError(`cannot read ${input}: permission denied`);
      }
      const abs = path.resolve(input);
      if (!seen.has(abs)) { seen.add(abs); out.push({ path: shown, abs }); }
    }
  }
  return out;
}

/** `rel` is the path below the directory named on the command line ('' at its top). */
function walk(dir: string, shown: string, rel: string, filter: FileFilter): Found[] {
  const out: Found[] = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, ent.name);
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) {
      if (!excludesFolder(r, filter.exclude)) out.push(...walk(abs, `${shown}/${ent.name}`, r, filter));
    } else if ((ent.isFile() || ent.isSymbolicLink()) && isIncluded(r, filter.include, filter.exclude)) {
      out.push({ path: `${shown}/${ent.name}`, abs: path.resolve(abs) });
    }
  }
  return out;
}
