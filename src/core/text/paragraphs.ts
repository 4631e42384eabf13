/** Paragraphs of a document, and its headline. */
import type { Paragraph } from '../types';
import { isSpace } from './chars';

/** Paragraphs: runs of lines with text. Each line of text is its own paragraph
 *  unless the document wraps lines (a blank line then separates paragraphs). */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const wrapped = linesRunOn(text) && /\n[^\S\r\n]*\r?\n/.test(text) && isHardWrapped(text);
  // Matches start at a line start ((?<![^\r\n])): a line of white space alone is tried once, not
  // from each of its characters (which was quadratic in the line's length).
  const re = wrapped ? /(?<![^\r\n])[^\r\n]*\S[^\r\n]*(?:\r?\n[^\r\n]*\S[^\r\n]*)*/g : /(?<![^\r\n])[^\r\n]*\S[^\r\n]*/g;
  for (let m; (m = re.exec(text));) {
    let start = m.index, end = m.index + m[0].length;
    while (isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    out.push({ start, end, index: out.length });
  }
  return out;
}

/** White space other than a line break's (`[^\S\r\n]`). */
const isInlineSpace = (c: number) => c !== 10 && c !== 13 && isSpace(c);

/**
 * A line with text runs straight on into another line with text, no blank line between
 * (`/\S[^\S\r\n]*\r?\n[^\S\r\n]*\S/.test(text)`), read at the line breaks alone: the
 * pattern was tried from every character of the document.
 */
export function linesRunOn(text: string): boolean {
  for (let q = text.indexOf('\n'); q >= 0; q = text.indexOf('\n', q + 1)) {
    let p = q - 1;
    if (p >= 0 && text.charCodeAt(p) === 13) p--;
    while (p >= 0 && isInlineSpace(text.charCodeAt(p))) p--;
    if (p < 0 || isSpace(text.charCodeAt(p))) continue; // the text starts, or a line break: a blank line before
    let r = q + 1;
    while (r < text.length && isInlineSpace(text.charCodeAt(r))) r++;
    if (r < text.length && !isSpace(text.charCodeAt(r))) return true;
  }
  return false;
}

/** Hard-wrapped text: most non-blank lines run on into another non-blank line, and
 *  lines are short (a wrap width), so a blank line is what separates paragraphs. */
function isHardWrapped(text: string): boolean {
  const lines = text.split(/\r?\n/);
  let joined = 0, nonBlank = 0, long = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    nonBlank++;
    if (line.length > 100) long++;
    if (i + 1 < lines.length && lines[i + 1].trim()) joined++;
  }
  return nonBlank > 0 && joined / nonBlank > 0.5 && long / nonBlank < 0.1;
}

/** The first line when it reads as a headline: short, no final full stop, more lines follow. */
export function title(text: string, paras: readonly Paragraph[]): string | null {
  const first = paras[0];
  if (!first || paras.length < 2) return null;
  const line = text.slice(first.start, first.end);
  if (line.includes('\n') || line.length > 200 || /[.:]$/.test(line) || line.split(/\s+/).length < 3) return null;
  if (/^[“"]/.test(line)) return null;
  return line;
}
