/**
 * Quote marks: `scanQuotes` finds quoted segments from the marks alone, in one
 * linear pass. Curly and straight double marks (and `''` pairs) count; single marks
 * only outside double ones and only as a pair, so apostrophes (don’t, Russia’s,
 * '90s) never count. A quote whose paragraph ends open and whose next paragraph
 * starts with an opening mark goes on across the break (news convention).
 * Malformed marks give `uncertain` spans: a quote left open at its paragraph's end,
 * a closing curly mark with no opening one (the span is guessed back to its
 * sentence start), or a quote opened straight and closed curly (or the reverse).
 */
import type { Span } from '../types';
import { isSpace } from '../text/chars';
import { isWordCharAt } from '../text/chars';
import { type Memo, memoSlot } from '../text/memo';

/** A raw quoted segment, marks included. */
export interface RawQuote extends Span {
  uncertain: boolean;
}

/** White space (text/chars.ts), and the text's ends. */
const isWs = (c: string | undefined) => c === undefined || isSpace(c.charCodeAt(0));
/** Characters after which a mark opens a quote. */
const OPENS_AFTER = new Set([...' \t\n\r\u00a0([{—–-/“‘"\'']);
/** Characters before which a mark closes a quote. */
const CLOSES_BEFORE = new Set([...' \t\n\r\u00a0.,;:!?)]}—–-/…”’"\'']);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * The next character `scanFrom` reads (from `lastIndex`): a control character, a mark of `!"#$%&'`, '<', a
 * no-break space or a curly quote; not a space or a tab. (Code units, as `charCodeAt` reads them.)
 */
const NEXT_MARK = /[\0-\x08\n-\x1f!-'<\u00a0\u2018-\u201d]/g;

/**
 * Quoted segments of `text`, in document order, non-overlapping (nested quotes stay
 * inside their outer one).
 */
export function scanQuotes(text: string, lines?: Memo<LineScan> | null): RawQuote[] {
  // (Scanned whole, the text gives what its lines give scanned one by one: `test/unit/quote-stage-incremental.test.ts`.)
  if (!lines) return scanFrom(text, 0, false).quotes;
  // A line entered with nothing open whose marks all close on it leaves nothing open
  // either: it is scanned on its own, memoised on its text (an edit rescans the lines
  // it touched). From a line that leaves a quote open, the text is scanned in place up
  // to the next line break where nothing is open.
  const out: RawQuote[] = [];
  for (let pos = 0; ;) {
    const nl = text.indexOf('\n', pos);
    const line = lines.get(text.slice(pos, nl < 0 ? text.length : nl), scanLine);
    if (line.clean) {
      for (const q of line.quotes) out.push({ start: q.start + pos, end: q.end + pos, uncertain: q.uncertain });
      if (nl < 0) return out;
      pos = nl + 1;
      continue;
    }
    const run = scanFrom(text, pos, true);
    for (const q of run.quotes) out.push(q);
    if (run.next < 0) return out;
    pos = run.next;
  }
}

/** One line's quotes (positions from its start), and whether it leaves nothing open. */
export interface LineScan {
  quotes: RawQuote[];
  clean: boolean;
}

/** Memoised line scans (`scanQuotes`). */
export const LINE_SCANS = memoSlot<LineScan>('quotes.lineScans', 100_000);

/** A line scanned alone, entered with nothing open; `clean` when it leaves nothing open (then the marks it holds are all it gives). */
const scanLine = (line: string): LineScan => {
  const r = scanFrom(line, 0, false, true);
  return { quotes: r.quotes, clean: r.next === 0 };
};

/**
 * The scan from `from`, a line start with nothing open (or the text's start). `stop`:
 * it ends after the first line break that leaves nothing open, and `next` is the
 * position after that break (-1 when the text ended first). `open`: the text is a
 * line cut out of a longer one, and nothing is closed at its end: `next` is 0 when
 * nothing is left open there, else -1.
 */
function scanFrom(text: string, from: number, stop: boolean, open = false): { quotes: RawQuote[]; next: number } {
  const out: RawQuote[] = [];
  // Open double marks: position and whether the mark was straight.
  const stack: { pos: number; straight: boolean }[] = [];
  let nestedEnd = -1; // end of the last nested quote closed inside the outer one
  let single = -1; // an open top-level single quote
  let carried = false; // a paragraph ended with a double quote open
  let lineHasText = false;
  let lastEnd = from; // end of the last emitted quote or paragraph start, for orphan closers
  let lineStart = from;
  let quoteLineEnd = 0; // end of the last line holding the open quote's words
  const orphans = new OrphanScan(text);

  const closeUnclosed = (end: number) => {
    // An outer quote never closed: keep it up to its last nested closing mark, else
    // up to the end of its paragraph, as an uncertain span.
    if (!stack.length) return;
    const start = stack[0].pos;
    let e = nestedEnd > start ? nestedEnd : end;
    while (e > start + 1 && isWs(text[e - 1])) e--;
    if (e > start + 1) out.push({ start, end: e, uncertain: true });
    lastEnd = e;
    stack.length = 0;
  };

  // (The text through a local of the loop's own: `text` is also read by the closure above.)
  const t = text, n = t.length;
  for (let i = from; i < n; i++) {
    const cc = t.charCodeAt(i);
    // Most characters only show the line holds text (not white space, a mark or '<'), and spaces and tabs change
    // nothing: the run of both is skipped by a pattern, three times quicker than read here one character at a time.
    if (cc > 39 && cc !== 60 && cc !== 0xa0 && (cc < 0x2018 || cc > 0x201d) || cc === 32 || cc === 9) {
      NEXT_MARK.lastIndex = i;
      const found = NEXT_MARK.test(t);
      const k = found ? NEXT_MARK.lastIndex - 1 : n;
      if (!lineHasText) {
        let j = i;
        while (j < k && (t.charCodeAt(j) === 32 || t.charCodeAt(j) === 9)) j++;
        if (j < k) lineHasText = true;
      }
      if (!found) break;
      i = k;
    }
    const c = text[i];
    if (c === '\n' || c === '\r') {
      const lineBreak = i;
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (carried && lineHasText && stack.length) closeUnclosed(quoteLineEnd);
      if (stack.length && lineHasText) { carried = true; quoteLineEnd = lineBreak; }
      single = -1;
      lineHasText = false;
      lineStart = i + 1;
      if (!stack.length) lastEnd = i + 1;
      if (stop && !stack.length && !carried) {
        out.sort((a, b) => a.start - b.start);
        return { quotes: out, next: i + 1 };
      }
      continue;
    }
    if (c === '<' && /[a-z\/]/.test(text[i + 1] ?? '')) {
      // Embedded markup (<tweet id="…">) holds attribute quotes, not speech.
      const close = text.indexOf('>', i);
      const nl = text.indexOf('\n', i);
      if (close > 0 && (nl < 0 || close < nl) && close - i < 300) { i = close; continue; }
    }
    if (!isWs(c)) lineHasText = true;
    const isDouble = c === '“' || c === '”' || c === '"' || (c === "'" && text[i + 1] === "'");
    if (isDouble) {
      const width = c === "'" ? 2 : 1;
      const before = i > 0 ? text[i - 1] : '\n';
      const after = i + width < text.length ? text[i + width] : '\n';
      const mayOpen = OPENS_AFTER.has(before), mayClose = CLOSES_BEFORE.has(after);
      let open: boolean;
      if (mayOpen && !mayClose) open = true;
      else if (mayClose && !mayOpen) open = false;
      else if (c === '“') open = true;
      else if (c === '”') open = false;
      else open = stack.length === 0;
      if (after === '\n' || after === '\r') open = false;
      if (carried) {
        carried = false;
        const blankBefore = text.slice(lineStart, i).trim() === '';
        if (open && blankBefore) { i += width - 1; continue; } // the continuation mark
        if (open) closeUnclosed(quoteLineEnd);
      }
      const straight = c !== '“' && c !== '”';
      if (open) {
        if (!stack.length) nestedEnd = -1;
        stack.push({ pos: i, straight });
        single = -1;
      } else if (stack.length) {
        const o = stack.pop()!;
        if (!stack.length) {
          out.push({ start: o.pos, end: i + width, uncertain: o.straight !== straight });
          lastEnd = i + width;
        } else {
          nestedEnd = i + width;
        }
      } else if (c === '”') {
        // A closing curly mark with nothing open: the opening was lost. Guess the
        // quote started at the sentence start after the last quote, as an uncertain span.
        const start = orphans.start(lastEnd, i);
        if (start < i && orphans.hasWordCharFrom(start)) {
          out.push({ start, end: i + 1, uncertain: true });
          lastEnd = i + 1;
        }
      }
      i += width - 1;
    } else if (!stack.length && (c === '‘' || c === "'" || c === '’')) {
      const before = i > 0 ? text[i - 1] : '\n';
      const after = text[i + 1];
      if (c !== '’' && OPENS_AFTER.has(before) && isWordChar(after) && !/^\d\ds\b/.test(text.slice(i + 1, i + 5))) single = i;
      else if (c !== '‘' && single >= 0 && !OPENS_AFTER.has(before) && (after === undefined || CLOSES_BEFORE.has(after))) {
        out.push({ start: single, end: i + 1, uncertain: false });
        lastEnd = i + 1;
        single = -1;
      }
    }
  }
  if (open) {
    out.sort((a, b) => a.start - b.start);
    return { quotes: out, next: stack.length || carried ? -1 : 0 };
  }
  closeUnclosed(carried && lineHasText ? quoteLineEnd : text.length);
  out.sort((a, b) => a.start - b.start);
  return { quotes: out, next: -1 };
}

/**
 * Where the quote ending at a closing mark with nothing open may start: after the
 * last line break or sentence end (". " two characters or more before the mark)
 * since `from`, white space skipped; and whether a letter or digit stands between.
 * Read forward once for every run of such marks, so a page of stray closing marks
 * costs linear time (asked anew for each mark, it was quadratic).
 */
class OrphanScan {
  private from = -1;
  /** Read up to here (exclusive) since `from`. */
  private pos = 0;
  private lastBreak = -1;
  /** The last three sentence ends read (a mark two characters before the closer does not count). */
  private ends: number[] = [];
  private lastWordChar = -1;
  /** The first non-space at or after `skipFrom`, as far as read (`skipAt`). */
  private skipFrom = -1;
  private skipAt = -1;

  constructor(private readonly text: string) {}

  start(from: number, close: number): number {
    const t = this.text;
    if (from !== this.from || close < this.pos) {
      this.from = from; this.pos = from; this.lastBreak = -1; this.ends = []; this.lastWordChar = -1; this.skipFrom = -1;
    }
    for (; this.pos < close; this.pos++) {
      const j = this.pos, ch = t[j];
      if (ch === '\n') this.lastBreak = j;
      else if ((ch === '.' || ch === '!' || ch === '?') && isWs(t[j + 1])) { this.ends.push(j); if (this.ends.length > 3) this.ends.shift(); }
      else if (isWordCharAt(t, j, close)) this.lastWordChar = j;
    }
    let s = from, b = this.lastBreak;
    for (const e of this.ends) if (e < close - 2 && e > b) b = e;
    if (b >= from) s = b + 1;
    if (s !== this.skipFrom) { this.skipFrom = s; this.skipAt = s; }
    while (this.skipAt < close && isWs(t[this.skipAt])) this.skipAt++;
    return this.skipAt < close ? this.skipAt : close;
  }

  /** Whether a letter or digit stands between `start` and the closer last asked about. */
  hasWordCharFrom(start: number): boolean {
    return this.lastWordChar >= start;
  }
}
