/**
 * Offsets to line/character the way VS Code's `TextDocument.positionAt` maps them,
 * for unit tests that check decoration ranges survive the round trip outside VS Code.
 */

/** A zero-based line and UTF-16 character, as VS Code's `Position` has them. */
export interface LineCharacter {
  line: number;
  character: number;
}

/**
 * Offsets to line/character for one text, the way `TextDocument.positionAt` maps
 * them: lines break after `\n`, `\r\n` or a lone `\r`; an offset inside `\r\n`
 * and past the end are clamped.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): LineCharacter {
    offset = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: Math.min(offset, this.contentEnd(lo)) - this.starts[lo] };
  }

  offsetAt(pos: LineCharacter): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, Math.floor(pos.character)), this.contentEnd(pos.line));
  }

  /** Where a line's text ends, before its line break. */
  private contentEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (this.text.charCodeAt(end) === 10 && end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
