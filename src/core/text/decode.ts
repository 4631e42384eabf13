/**
 * Bytes to the text VS Code holds: the decoding and line-end rules every offset
 * in the output counts in (UTF-16 units into this text).
 */
import { DEFAULT_MAX_FILE_SIZE, tooLarge } from '../limits';

export { DEFAULT_MAX_FILE_SIZE, formatSize, tooLarge } from '../limits';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// UTF-16 BE is decoded as LE after swapping the bytes: a Node without full ICU knows only 'utf-16le'.
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

/** The bytes with each pair swapped (an odd last byte kept, for the decoder to refuse). */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length); // not bytes.slice(): on a Buffer that is a view, not a copy
  for (let i = 0; i + 1 < out.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  if (out.length % 2) out[out.length - 1] = bytes[out.length - 1];
  return out;
}

/**
 * Decodes a file's bytes the way VS Code opens it: UTF-16 LE or BE when the bytes
 * start with that byte-order mark, else UTF-8; a leading BOM dropped, line ends
 * normalised. Refused with a reason a user can read: binary content (NUL bytes in
 * UTF-8, the character U+0000 in UTF-16: the analysis keeps U+0000 for its own
 * markers), invalid UTF-8, and invalid UTF-16 (an odd number of bytes, a lone
 * surrogate).
 */
export function decode(bytes: Uint8Array, maxFileSize = DEFAULT_MAX_FILE_SIZE): DecodeResult {
  const large = tooLarge(bytes.length, maxFileSize);
  if (large) return { ok: false, reason: large };
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  let text: string;
  if (le || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      text = utf16le.decode(le ? bytes.subarray(2) : swapPairs(bytes.subarray(2)));
    } catch {
      return { ok: false, reason: 'not UTF-16 text' };
    }
    if (text.includes('\0')) return { ok: false, reason: 'binary file (contains NUL characters)' };
  } else {
    if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    try {
      text = utf8.decode(bytes);
    } catch {
      return { ok: false, reason: 'not UTF-8 text' };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  return { ok: true, text: normalizeEol(text) };
}

/**
 * Line ends as VS Code's text buffer normalises them: the EOL is `\r\n` when lone
 * `\r` plus `\r\n` make up more than half of all breaks, else `\n`; when any break
 * differs from it, every break is rewritten.
 */
export function normalizeEol(text: string): string {
  // No carriage return: every break is `\n` already (found by `indexOf`, far quicker than the count below).
  if (text.indexOf('\r') < 0) return text;
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
