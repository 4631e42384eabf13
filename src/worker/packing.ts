/**
 * A document's own analysis (`LocalAnalysis`, its text left out) written compactly
 * as JSON, for the persisted index (indexCache.ts), and read back exactly:
 *
 * - an array of two or more plain objects with the same keys becomes a table,
 *   `["@T", [keys...], v00, v01, ..., v10, ...]` (the keys written once, not once
 *   per item: most of a naive JSON's size);
 * - a span's `text` that equals the document sliced at its offsets (the invariant
 *   every analyser keeps) becomes `0`, and is sliced again on reading;
 * - what plain JSON would not carry back is escaped: an array whose first item is
 *   a string starting with "@" (`["@A", ...items]`), a number that is not finite
 *   (`["@N", "Infinity"]`); `undefined` object fields are left out, as JSON does.
 *
 * Generic over the shape, so a field an analyser adds is carried without a change
 * here. Nothing in it is trusted blindly: `unpackLocal` checks the shape it rebuilds
 * and throws on anything that is not a well-formed analysis of this text.
 */
import type { LocalAnalysis } from '../core/corpus/corpus';

const TABLE = '@T';
const ESCAPED_ARRAY = '@A';
const NUMBER = '@N';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function definedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter(k => o[k] !== undefined);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isSpanWithText(o: Record<string, unknown>): boolean {
  return typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string';
}

function packValue(v: unknown, text: string): Json {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : [NUMBER, String(v)];
  if (Array.isArray(v)) return packArray(v, text);
  if (isPlainObject(v)) return packObject(v, text);
  throw new TypeError(`cannot pack a value of type ${typeof v}`);
}

function packObject(o: Record<string, unknown>, text: string, keys = definedKeys(o)): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  const elide = isSpanWithText(o) && text.slice(o.start as number, o.end as number) === o.text;
  for (const k of keys) out[k] = k === 'text' && elide ? 0 : packValue(o[k], text);
  return out;
}

function packArray(a: readonly unknown[], text: string): Json[] {
  if (a.length >= 2 && a.every(isPlainObject)) {
    const keys = definedKeys(a[0] as Record<string, unknown>);
    const signature = keys.join('\u0000');
    if (a.every(o => definedKeys(o as Record<string, unknown>).join('\u0000') === signature)) {
      const out: Json[] = [TABLE, keys];
      for (const o of a as Record<string, unknown>[]) {
        const packed = packObject(o, text, keys);
        for (const k of keys) out.push(packed[k]);
      }
      return out;
    }
  }
  const items = a.map(v => packValue(v, text));
  return typeof a[0] === 'string' && a[0].startsWith('@') ? [ESCAPED_ARRAY, ...items] : items;
}

function unpackValue(v: Json, text: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v[0] === NUMBER ? unpackNumber(v) : unpackArray(v, text);
  return unpackObject(v, text);
}

function unpackNumber(a: Json[]): number {
  const n = a.length === 2 && typeof a[1] === 'string' ? Number(a[1]) : 0;
  if (Number.isFinite(n) || Number.isNaN(n) !== (a[1] === 'NaN')) throw new Error('a malformed number');
  return n;
}

function unpackObject(o: { [k: string]: Json }, text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = unpackValue(o[k], text);
  restoreText(out, text);
  return out;
}

function restoreText(o: Record<string, unknown>, text: string): void {
  if (o.text !== 0) return;
  const { start, end } = o;
  if (typeof start !== 'number' || typeof end !== 'number' || !(start >= 0 && start <= end && end <= text.length)) {
    throw new Error('a span outside its text');
  }
  o.text = text.slice(start, end);
}

function unpackArray(a: Json[], text: string): unknown[] {
  const head = a[0];
  if (head === ESCAPED_ARRAY) return a.slice(1).map(v => unpackValue(v, text));
  if (head === TABLE) {
    const keys = a[1];
    if (!Array.isArray(keys) || keys.length === 0 || !keys.every(k => typeof k === 'string') || (a.length - 2) % keys.length !== 0) {
      throw new Error('a malformed table');
    }
    const out: Record<string, unknown>[] = [];
    for (let i = 2; i < a.length; i += keys.length) {
      const o: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) o[keys[k] as string] = unpackValue(a[i + k], text);
      restoreText(o, text);
      out.push(o);
    }
    return out;
  }
  if (typeof head === 'string' && head.startsWith('@')) throw new Error(`an unknown marker ${head}`);
  return a.map(v => unpackValue(v, text));
}

/** The analysis, its text left out, as a JSON string. */
export function packLocal(local: LocalAnalysis): string {
  const { text, ...rest } = local;
  return JSON.stringify(packObject(rest as unknown as Record<string, unknown>, text));
}

const ARRAYS = ['paragraphs', 'sentences', 'entities', 'quotes', 'repeats', 'claims'] as const;

/**
 * The analysis packed by `packLocal`, with `text` (the document's text, whose
 * content hash the cache matched) put back. Throws when the record is not JSON or
 * not the shape of an analysis of this text (offsets outside it, fields missing).
 */
export function unpackLocal(record: string, text: string): LocalAnalysis {
  const parsed = JSON.parse(record) as Json;
  if (!isPlainObject(parsed)) throw new Error('not an object');
  const local = unpackObject(parsed as { [k: string]: Json }, text) as Record<string, unknown>;
  for (const k of ARRAYS) if (!Array.isArray(local[k])) throw new Error(`${k} missing`);
  if (local.title !== null && typeof local.title !== 'string') throw new Error('title malformed');
  if (local.truncated !== null && typeof local.truncated !== 'string') throw new Error('truncated malformed');
  for (const k of ARRAYS) {
    for (const s of local[k] as unknown[]) {
      if (!isPlainObject(s) || typeof s.start !== 'number' || typeof s.end !== 'number' || !(s.start >= 0 && s.start <= s.end && s.end <= text.length)) {
        throw new Error(`${k}: a span outside the text`);
      }
    }
  }
  return { ...(local as unknown as LocalAnalysis), text };
}
