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

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 'orphan-closing-marks',
    summary: 'a hang: quadratic quote scanning over a run of closing marks \u201D with no quote open',
    problem: 'a hang: scanQuotes (src/core/quotes/scan.ts) calls orphanStart for every closing curly mark \u201D with no quote open; '
      + 'it scans back to the end of the last quote (lastEnd) and tests text.slice(start, i) for a letter, and where no letter follows '
      + 'lastEnd no quote is emitted, so lastEnd never moves: a run of k such marks costs O(k\u00B2) (5,000 marks 1.3 s, 20,000 marks 12.5 s, '
      + '171,880 about 15 min; the 5 MB limit allows about 1.7 million). No work budget applies and truncated stays null.',
    // Marks counted up to a letter, digit, opening mark, line break or sentence end (where orphanStart stops or a quote is emitted).
    matches: text => text.includes('\u201D') && longestRun(text, c => c === 0x201d, (c, i) => isLetterOrDigit(text, c, i) || c === 0x201c || c === 34 || c === 10 || c === 13
      || ((c === 46 || c === 33 || c === 63) && isSpace(text.charCodeAt(i + 1)))) >= 3000,
  },
  {
    id: 'sentence-end-run',
    summary: 'a hang: quadratic regex backtracking in units() over a long run of . ! ?',
    problem: 'a hang: units() (src/core/text/sentences.ts, called by findRepeats through buildSide) runs /[.!?]+["\u201D\u2019)\]]*\s+(?=...)/gu over each sentence; '
      + 'in a run of k sentence-end marks not followed by white space and a capital, [.!?]+ is retried from every mark and backtracks over the rest: '
      + 'O(k\u00B2) (a page of "." or "!": 20,000 characters 1.5 s, 80,000 27-38 s; 5 MB would take hours).',
    matches: text => longestRun(text, c => c === 46 || c === 33 || c === 63) >= 5000,
  },
  {
    id: 'blank-line-run',
    summary: 'a hang: quadratic regex backtracking in paragraphs() over a long line of white space only',
    problem: 'a hang: paragraphs() (src/core/text/paragraphs.ts) finds paragraphs with /[^\r\n]*\S[^\r\n]*/g; on a line of white space only '
      + '(spaces, tabs, no-break spaces) of length k the match is tried from every position and [^\r\n]* backtracks over the rest of the line: '
      + 'O(k\u00B2) (a line of 80,000 spaces 10 s, of no-break spaces 13 s; a 1 MB line about half an hour).',
    matches: text => longestBlankLine(text) >= 5000,
  },
];

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
