/**
 * Where the team's evaluation data is: `../shared/eval` beside the checkout (CI has
 * it there; a user's clone does not), or the folder named by SOURCE_LENS_EVAL_DIR.
 * Tests and benches that read it ask here, and skip only their evaluation part
 * when it is absent (set SOURCE_LENS_EVAL_DIR=/nonexistent to try that).
 */
import fs from 'node:fs';
import path from 'node:path';

export const EVAL_ENV = 'SOURCE_LENS_EVAL_DIR';

/** The repository root: the nearest folder above this file with a package.json (works from out/ too). */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = repoRoot(__dirname);

/** The evaluation folder as configured, whether or not it exists. */
export const EVAL_DIR = process.env[EVAL_ENV]
  ? path.resolve(process.env[EVAL_ENV]!)
  : path.resolve(REPO_ROOT, '..', 'shared', 'eval');

/** `sub` inside the evaluation folder (e.g. 'polnear-dev'), or null when it is absent. */
export function evalDir(sub = ''): string | null {
  const dir = path.join(EVAL_DIR, sub);
  return fs.existsSync(dir) ? dir : null;
}

/** The one line that says what is missing. */
export function evalMissing(sub = ''): string {
  return `needs the team's evaluation data (../shared/eval beside the repo, or ${EVAL_ENV}): ${path.join(EVAL_DIR, sub)} is absent`;
}

/**
 * In a mocha test (`function () {…}`, not an arrow): `sub` of the evaluation folder,
 * or this test is marked pending after printing one line saying why.
 */
export function evalDirOrSkip(ctx: Mocha.Context, sub: string): string {
  const dir = evalDir(sub);
  if (dir) return dir;
  console.log(`\n  pending: ${ctx.test?.title ?? 'test'}: ${evalMissing(sub)}`);
  ctx.skip();
}

/** For a bench or script: `sub`, or null after printing one line saying which part is left out. */
export function evalDirOrSay(sub: string, part: string): string | null {
  const dir = evalDir(sub);
  if (!dir) console.log(`skipping ${part}: ${evalMissing(sub)}`);
  return dir;
}
