/**
 * Include/exclude decisions on '/'-separated relative paths (workspace-relative in
 * the extension, relative to the walked directory in the CLI), with the glob syntax
 * of VS Code's settings: `*`, `?`, `**`, `{a,b}` (nestable), `[abc]` and `[!abc]`.
 * A pattern matches the whole path; `README*` only matches at the root,
 * `**\/README*` anywhere. Matching is picomatch's, set up the way VS Code reads a
 * glob: a `*` matches a leading dot too, and parentheses and `|` are literal
 * characters (VS Code has no extglobs).
 */
import type Picomatch from 'picomatch';

const OPTIONS: Picomatch.PicomatchOptions = { dot: true, posix: true, noextglob: true };
const cache = new Map<string, (path: string) => boolean>();

let picomatch: typeof Picomatch | undefined;
/** picomatch, loaded at its first use rather than while the extension activates (it takes a few milliseconds). */
function load(): typeof Picomatch {
  return (picomatch ??= require('picomatch') as typeof Picomatch);
}

/** The compiled matcher of one pattern (compiled once, then cached). */
export function globMatcher(glob: string): (path: string) => boolean {
  let m = cache.get(glob);
  if (!m) {
    // Backslashes in a pattern are Windows separators, as in VS Code's settings.
    const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/[()|]/g, c => '\\' + c);
    m = load()(pattern, OPTIONS);
    cache.set(glob, m);
  }
  return m;
}

/** Whether a glob matches a path (backslashes and a leading '/' or './' are ignored). */
export function globMatch(glob: string, path: string): boolean {
  return globMatcher(glob)(normalizePath(path));
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/|\/)+/, '');
}

/**
 * Whether an exclude pattern leaves out everything below a folder (a pattern
 * `X/**` whose `X` matches the folder's path), so a walk need not go in.
 */
export function excludesFolder(folder: string, exclude: readonly string[]): boolean {
  const p = normalizePath(folder);
  return exclude.some(g => g.endsWith('/**') && globMatcher(g.slice(0, -3))(p));
}

/** True when some include pattern matches the path and no exclude pattern does. */
export function isIncluded(path: string, include: readonly string[], exclude: readonly string[]): boolean {
  const p = normalizePath(path);
  return include.some(g => globMatcher(g)(p)) && !exclude.some(g => globMatcher(g)(p));
}
