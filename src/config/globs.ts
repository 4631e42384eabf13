/**
 * Include/exclude decisions on workspace-relative paths, with the glob syntax of
 * VS Code's settings: `*`, `?`, `**`, `{a,b}` (nestable) and `[abc]`. A pattern
 * matches the whole '/'-separated path; `README*` only matches at the root,
 * `**\/README*` anywhere.
 */

const cache = new Map<string, RegExp>();

/** The regular expression for one glob pattern. */
export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    re = new RegExp(`^${translate(glob.replace(/\\/g, '/').replace(/^\.\//, ''))}$`, 'u');
    cache.set(glob, re);
  }
  return re;
}

function translate(g: string): string {
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        // `**` spans directories; `**/` may also match nothing at all.
        const slashAfter = g[i + 2] === '/';
        const atSegmentStart = i === 0 || g[i - 1] === '/';
        if (atSegmentStart && slashAfter) {
          out += '(?:[^/]*/)*';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = matchingBrace(g, i);
      if (close < 0) { out += '\\{'; continue; }
      out += `(?:${splitAlternatives(g.slice(i + 1, close)).map(translate).join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close < 0) { out += '\\['; continue; }
      let body = g.slice(i + 1, close).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body}]`;
      i = close;
    } else out += c.replace(/[.+^$|()\\\]]/g, m => '\\' + m);
  }
  return out;
}

function matchingBrace(g: string, open: number): number {
  let depth = 0;
  for (let i = open; i < g.length; i++) {
    if (g[i] === '{') depth++;
    else if (g[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level comma-separated alternatives of a brace body. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/** Whether a glob matches a path (backslashes and a leading '/' or './' are ignored). */
export function globMatch(glob: string, path: string): boolean {
  return globToRegExp(glob).test(normalizePath(path));
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/|\/)+/, '');
}

/** True when some include pattern matches the path and no exclude pattern does. */
export function isIncluded(path: string, include: readonly string[], exclude: readonly string[]): boolean {
  const p = normalizePath(path);
  return include.some(g => globToRegExp(g).test(p)) && !exclude.some(g => globToRegExp(g).test(p));
}
