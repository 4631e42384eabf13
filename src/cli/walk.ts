/** Finds the documents a CLI run covers: files as given, directories walked. */
import fs from 'node:fs';
import path from 'node:path';

/** Extensions the CLI reads inside directories. */
export const TEXT_EXTENSIONS = ['.txt', '.md'];
/** Default excludes, as design.md sets them: READMEs, dependencies, VCS data. */
const SKIP_DIRS = new Set(['node_modules', '.git']);
const isExcludedFile = (name: string) => /^README/i.test(name);

export interface Found {
  /** As given on the command line, joined with '/'. */
  path: string;
  abs: string;
}

export class PathError extends Error {}

/** Files named on the command line in order; a directory's files sorted by path. */
export function collect(inputs: readonly string[]): Found[] {
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
        found = walk(input, shown.replace(/\/+$/, ''));
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

function walk(dir: string, shown: string): Found[] {
  const out: Found[] = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, ent.name);
    const rel = `${shown}/${ent.name}`;
    if (ent.isDirectory()) {
      if (!SKIP_DIRS.has(ent.name)) out.push(...walk(abs, rel));
    } else if ((ent.isFile() || ent.isSymbolicLink()) && TEXT_EXTENSIONS.includes(path.extname(ent.name).toLowerCase()) && !isExcludedFile(ent.name)) {
      out.push({ path: rel, abs: path.resolve(abs) });
    }
  }
  return out;
}
