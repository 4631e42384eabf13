/**
 * Bytes to the text VS Code holds: the decoding and line-end rules every offset
 * in the output counts in (UTF-16 units into this text).
 */
import { DEFAULT_MAX_FILE_SIZE, tooLarge } from '../limits';

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
