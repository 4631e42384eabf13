/**
 * What the contract (docs/output-format.md) says must become of a file's bytes,
 * worked out here independently of src/: analysed (with which text), skipped, or
 * either. A UTF-16 byte-order mark allows both: today such a file is skipped as
 * binary, and once UTF-16 decoding lands it is analysed as the decoded text.
 */
export interface Expected {
  /** 'yes': must be a document; 'no': must be skipped; 'either': one or the other. */
  analysable: 'yes' | 'no' | 'either';
  /** The decoded text before the contract's BOM drop and line-end rule (what checkContract's readText returns), when it may be analysed. */
  text: string | null;
  /** Why, in a few words. */
  why: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function expectFile(bytes: Uint8Array, maxFileSize: number): Expected {
  if (bytes.length > maxFileSize) return { analysable: 'no', text: null, why: 'over the size limit' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { analysable: 'either', text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes), why: 'UTF-16 LE BOM' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { analysable: 'either', text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes), why: 'UTF-16 BE BOM' };
  if (bytes.indexOf(0) >= 0) return { analysable: 'no', text: null, why: 'NUL bytes' };
  try {
    return { analysable: 'yes', text: utf8.decode(bytes), why: 'UTF-8 text' };
  } catch {
    return { analysable: 'no', text: null, why: 'invalid UTF-8' };
  }
}
