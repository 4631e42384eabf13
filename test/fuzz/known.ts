/**
 * Bugs the fuzz test found and that are not fixed yet, in one place. An input a
 * bug matches is left out of the fuzz run (counted and printed with the bug), a
 * fixture it matches (test/fixtures/fuzz/known-<id>-*) is reported pending by
 * test/unit/fuzz-fixtures.test.ts with the problem as the reason. Remove the
 * entry once the bug is fixed: the fixture then runs like any other.
 */
export interface KnownBug {
  id: string;
  /** One line. */
  summary: string;
  /** What goes wrong, with the stack or the violated rule. */
  problem: string;
  /** Whether a generated input hits this bug (its text as analysed). */
  matches(text: string): boolean;
}

/**
 * None open. The three the first runs found (quadratic time on a run of stray closing
 * marks, on a run of sentence-end marks, on a line of white space) are fixed; their
 * fixtures now run like any other, and test/unit/pathological.test.ts keeps a 1 MB case of each.
 */
export const KNOWN_BUGS: readonly KnownBug[] = [];

/** JavaScript's \s, by char code. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isLetterOrDigit(text: string, c: number, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** The longest line of white space only. */
function longestBlankLine(text: string): number {
  let most = 0, start = 0, blank = true;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      if (blank) most = Math.max(most, i - start);
      start = i + 1;
      blank = true;
    } else if (blank && !isSpace(c)) blank = false;
  }
  return most;
}

/** The longest run of characters `counts` says yes to; a character that `breaks` says yes to ends a run (any other one, if not given). */
function longestRun(text: string, counts: (c: number) => boolean, breaks?: (c: number, i: number) => boolean): number {
  let run = 0, most = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (counts(c)) most = Math.max(most, ++run);
    else if (!breaks || breaks(c, i)) run = 0;
  }
  return most;
}

/** The known bug `text` hits; none when FUZZ_IGNORE_KNOWN=1 (to see whether a fix holds). */
export function knownBug(text: string): KnownBug | undefined {
  if (process.env.FUZZ_IGNORE_KNOWN === '1') return undefined;
  return KNOWN_BUGS.find(b => b.matches(text));
}
