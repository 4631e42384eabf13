/**
 * The text model: bytes to the text VS Code holds, paragraphs and sentences.
 * Offsets everywhere are UTF-16 units into the text returned by `decode`.
 */
import { DefaultAbbrMarkerOptions } from 'sentence-splitter';
import { DEFAULT_MAX_FILE_SIZE, tooLarge } from '../limits';
import { isSpace } from './chars';
import type { Paragraph, Sentence, Span } from '../types';

export { DEFAULT_MAX_FILE_SIZE, formatSize, tooLarge } from '../limits';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file's bytes the way VS Code opens it: UTF-8, leading BOM dropped,
 * line ends normalised. Binary content (NUL bytes) and invalid UTF-8 are refused
 * with a reason a user can read.
 */
export function decode(bytes: Uint8Array, maxFileSize = DEFAULT_MAX_FILE_SIZE): DecodeResult {
  const large = tooLarge(bytes.length, maxFileSize);
  if (large) return { ok: false, reason: large };
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8 text' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: normalizeEol(text) };
}

/**
 * Line ends as VS Code's text buffer normalises them: the EOL is `\r\n` when lone
 * `\r` plus `\r\n` make up more than half of all breaks, else `\n`; when any break
 * differs from it, every break is rewritten.
 */
export function normalizeEol(text: string): string {
  let cr = 0, lf = 0, crlf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) { crlf++; i++; } else cr++;
    } else if (c === 10) lf++;
  }
  const total = cr + lf + crlf;
  if (total === 0) return text;
  const eol = cr + crlf > total / 2 ? '\r\n' : '\n';
  const mixed = eol === '\r\n' ? cr + lf > 0 : cr + crlf > 0;
  return mixed ? text.replace(/\r\n|\r|\n/g, eol) : text;
}

/** Paragraphs: runs of lines with text. Each line of text is its own paragraph
 *  unless the document wraps lines (a blank line then separates paragraphs). */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const wrapped = /\S[^\S\r\n]*\r?\n[^\S\r\n]*\S/.test(text) && /\n[^\S\r\n]*\r?\n/.test(text) && isHardWrapped(text);
  const re = wrapped ? /[^\r\n]*\S[^\r\n]*(?:\r?\n[^\r\n]*\S[^\r\n]*)*/g : /[^\r\n]*\S[^\r\n]*/g;
  for (let m; (m = re.exec(text));) {
    let start = m.index, end = m.index + m[0].length;
    while (isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    out.push({ start, end, index: out.length });
  }
  return out;
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


// sentence-splitter's own English abbreviation lists: one source of truth for its rules.
const LANG = DefaultAbbrMarkerOptions.language as unknown as {
  ABBREVIATIONS: string[];
  PREPOSITIVE_ABBREVIATIONS: string[];
};
const ABBR = new Set(LANG.ABBREVIATIONS.map(a => a.toLowerCase()));
const PREPOSITIVE = new Set(LANG.PREPOSITIVE_ABBREVIATIONS.map(a => a.toLowerCase()));
const CLOSERS = '"”’\')]';
const OPENERS = '"“‘\'([';

/**
 * Sentences of one paragraph (offsets relative to `text`), following
 * sentence-splitter's English rules in a single linear pass: a break after `.`,
 * `!` or `?` (and any closing quotes or brackets) before whitespace, except after
 * its abbreviations, initials and list numbers; unlike it, a break never falls
 * inside a pair of quote marks, so a quoted passage stays in its sentence.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  let depth = 0; // open double quotes / brackets
  for (let i = start; i < to; i++) {
    const c = text.charCodeAt(i);
    // Letters, digits, spaces and commas: most characters, none of them a mark that counts here.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 32 || c === 44) continue;
    const ch = text[i];
    if (ch === '“' || ch === '(' || ch === '[') { depth++; continue; }
    if (ch === '”' || ch === ')' || ch === ']') { if (depth > 0) depth--; continue; }
    if (ch === '"') {
      const prev = i > from ? text.charCodeAt(i - 1) : 32;
      if (isSpace(prev) || OPENERS.includes(text[i - 1] ?? ' ')) depth++; else if (depth > 0) depth--;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < to && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    let k = j, closesQuote = false;
    while (k < to && CLOSERS.includes(text[k])) { closesQuote = true; k++; }
    if (k < to && !isSpace(text.charCodeAt(k))) { i = j - 1; continue; }
    // The sentence may end inside a quotation only when the quote closes right here.
    if (depth > 0 && !closesQuote) { i = j - 1; continue; }
    if (ch === '.' && j === i + 1 && isAbbreviation(text, i, k, to)) { i = j - 1; continue; }
    let next = k;
    while (next < to && isSpace(text.charCodeAt(next))) next++;
    if (next >= to) break;
    // A new sentence starts with a capital, a digit or an opening mark.
    if (!/[\p{Lu}\p{N}“‘"'(\[]/u.test(text[next])) { i = j - 1; continue; }
    out.push({ start, end: k });
    depth = 0;
    start = next;
    i = next - 1;
  }
  let end = to;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
  return out;
}

function isAbbreviation(text: string, dot: number, after: number, to: number): boolean {
  let ws = dot;
  while (ws > 0 && !isSpace(text.charCodeAt(ws - 1)) && !OPENERS.includes(text[ws - 1])) ws--;
  const word = text.slice(ws, dot + 1);
  const lower = word.toLowerCase();
  if (PREPOSITIVE.has(lower)) return true;
  if (/^\d+\.$/.test(word) && ws === 0) return true; // list numbers
  if (/^\p{Lu}\.$/u.test(word)) return true; // an initial: "Edith M. Lederer"
  if (/^(?:\p{L}\.){3,}$/u.test(word)) return true; // U.S.A.
  if (ABBR.has(lower) || /^(?:\p{L}\.){2}$/u.test(word)) {
    // An abbreviation ends the sentence only when a capitalised word follows.
    let n = after;
    while (n < to && isSpace(text.charCodeAt(n))) n++;
    return !/[\p{Lu}“"‘]/u.test(text[n] ?? '');
  }
  return false;
}

/** A document's sentences; `paragraphs` of the same text. */
export function sentences(text: string, paras: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paras) for (const s of splitSentences(text, p.start, p.end)) out.push({ ...s, paragraph: p.index });
  return out;
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
