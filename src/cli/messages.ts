/** Wording of the CLI's one-line messages. */

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional
 * formatting characters, which would break a one-line message or a Markdown line, or
 * make a name print as something else.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * A file name (or any text) as one printable line: control and formatting characters
 * written as in JSON (`\n`, `\t`, `\u001b`, `\u202e`). A name without them is unchanged.
 */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, c => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What a failed system call says, without the path and call Node adds ("permission denied"). */
export function systemMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code && typeof err.message === 'string' && err.message.startsWith(`${err.code}: `)) {
    const text = err.message.slice(err.code.length + 2);
    const cut = err.syscall ? text.indexOf(`, ${err.syscall}`) : -1;
    return cut > 0 ? text.slice(0, cut) : text;
  }
  return err.code ?? String(err.message ?? e);
}
