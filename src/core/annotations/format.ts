/**
 * The annotations file (`.sourcelens/annotations.json`): the reader's corrections,
 * verdicts, aliases and source metadata. Schema in docs/annotations.md. Entries are
 * anchored by the text they are about and a little context either side (not bare
 * offsets), so that an edit elsewhere in the article leaves them standing. The file
 * is written with a fixed key order and sorted entries, one entry per group of
 * lines, so that its diffs read well.
 */
import type { ClaimVerdict, SpeakerType } from '../types';
import { JsonLineError, parseJsonWithLines, type JsonValue } from './json';

export const ANNOTATIONS_VERSION = 1;

/** Where a correction applies: a document (path relative to the folder holding `.sourcelens/`, '/'-separated), the words and their context. */
export interface Anchor {
  path: string;
  text: string;
  before: string;
  after: string;
}

export type VerdictValue = ClaimVerdict['value'];
export const VERDICT_VALUES: readonly VerdictValue[] = ['verified', 'false', 'needs-checking'];
const SPEAKER_TYPES: readonly SpeakerType[] = ['PERSON', 'ORG', 'GROUP', 'DESCRIPTION'];

export type Correction =
  | (Anchor & { kind: 'not-quote' })
  | (Anchor & { kind: 'speaker'; speaker: string; speakerType: SpeakerType })
  | (Anchor & { kind: 'not-duplicate'; other: { path: string; text: string } })
  | (Anchor & { kind: 'not-entity' })
  | (Anchor & { kind: 'verdict'; verdict: VerdictValue; note: string | null });

export type CorrectionKind = Correction['kind'];
/** In file order: the order entries of one document are sorted in. */
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['not-quote', 'speaker', 'not-duplicate', 'not-entity', 'verdict'];

/** `name` (a canonical name the analysis gives) is the same thing as `of`. */
export interface Alias {
  name: string;
  of: string;
}

/** Source metadata set by hand; a field given here wins over the document's header. */
export interface SourceEntry {
  path: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
}

export interface Annotations {
  version: typeof ANNOTATIONS_VERSION;
  sources: SourceEntry[];
  aliases: Alias[];
  corrections: Correction[];
}

/** Where each entry stands in the file it was read from (1-based lines), for messages. */
export interface EntryLines {
  sources: number[];
  aliases: number[];
  corrections: number[];
}

export type ParseResult =
  | { ok: true; annotations: Annotations; lines: EntryLines }
  | { ok: false; line: number; message: string };

export function emptyAnnotations(): Annotations {
  return { version: ANNOTATIONS_VERSION, sources: [], aliases: [], corrections: [] };
}

/** An ISO 8601 date, optionally with a time: what `date` fields hold. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

class SchemaError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/**
 * Reads an annotations file. Never throws: a file that is not JSON, or not of
 * this schema, gives the 1-based line of the first problem and what it is.
 */
export function parseAnnotations(text: string): ParseResult {
  const lineOf = new Map<object, number>();
  let root: JsonValue;
  try {
    root = parseJsonWithLines(text.replace(/^\uFEFF/, ''), lineOf);
  } catch (e) {
    if (e instanceof JsonLineError) return { ok: false, line: e.line, message: `not valid JSON: ${e.message}` };
    throw e;
  }
  try {
    return { ok: true, ...readRoot(root, lineOf) };
  } catch (e) {
    if (e instanceof SchemaError) return { ok: false, line: e.line, message: e.message };
    throw e;
  }
}

type Obj = { [key: string]: JsonValue };
const isObj = (v: JsonValue | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function readRoot(root: JsonValue, lineOf: Map<object, number>): { annotations: Annotations; lines: EntryLines } {
  if (!isObj(root)) throw new SchemaError(1, 'the file must hold one JSON object');
  const rootLine = lineOf.get(root) ?? 1;
  known(root, rootLine, ['version', 'sources', 'aliases', 'corrections'], 'the file');
  if (root.version !== ANNOTATIONS_VERSION) {
    throw new SchemaError(rootLine, root.version === undefined ? 'the "version" field is missing (it must be 1)' : `unsupported version ${JSON.stringify(root.version)} (this Source Lens reads version 1)`);
  }
  const list = (key: string): { item: Obj; line: number }[] => {
    const v = root[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new SchemaError(rootLine, `"${key}" must be a list`);
    const listLine = lineOf.get(v) ?? rootLine;
    return v.map((item, k) => {
      if (!isObj(item)) throw new SchemaError(listLine, `entry ${k + 1} of "${key}" must be an object`);
      return { item, line: lineOf.get(item) ?? listLine };
    });
  };
  const annotations = emptyAnnotations();
  const lines: EntryLines = { sources: [], aliases: [], corrections: [] };
  for (const { item, line } of list('sources')) {
    known(item, line, ['path', 'outlet', 'date', 'url'], 'a source');
    const date = optString(item, 'date', line);
    if (date !== null && !ISO_DATE.test(date)) throw new SchemaError(line, `"date" must be an ISO date such as 2022-02-15, not ${JSON.stringify(date)}`);
    annotations.sources.push({ path: path(item, line), outlet: optString(item, 'outlet', line), date, url: optString(item, 'url', line) });
    lines.sources.push(line);
  }
  for (const { item, line } of list('aliases')) {
    known(item, line, ['name', 'of'], 'an alias');
    const name = nonEmpty(item, 'name', line), of = nonEmpty(item, 'of', line);
    if (name === of) throw new SchemaError(line, `an alias of itself ("${name}")`);
    annotations.aliases.push({ name, of });
    lines.aliases.push(line);
  }
  for (const { item, line } of list('corrections')) {
    annotations.corrections.push(readCorrection(item, line, lineOf));
    lines.corrections.push(line);
  }
  return { annotations, lines };
}

function readCorrection(item: Obj, line: number, lineOf: Map<object, number>): Correction {
  const kind = item.kind;
  if (typeof kind !== 'string' || !(CORRECTION_KINDS as readonly string[]).includes(kind)) {
    throw new SchemaError(line, `"kind" must be one of ${CORRECTION_KINDS.join(', ')}, not ${JSON.stringify(kind ?? null)}`);
  }
  const anchor = (): Anchor => ({ path: path(item, line), text: nonEmpty(item, 'text', line), before: string(item, 'before', line), after: string(item, 'after', line) });
  const base = ['kind', 'path', 'text', 'before', 'after'];
  switch (kind as CorrectionKind) {
    case 'not-quote':
    case 'not-entity':
      known(item, line, base, `a ${kind} correction`);
      return { kind: kind as 'not-quote' | 'not-entity', ...anchor() };
    case 'speaker': {
      known(item, line, [...base, 'speaker', 'speakerType'], 'a speaker correction');
      const type = item.speakerType ?? 'PERSON';
      if (!(SPEAKER_TYPES as readonly JsonValue[]).includes(type)) throw new SchemaError(line, `"speakerType" must be one of ${SPEAKER_TYPES.join(', ')}`);
      return { kind: 'speaker', ...anchor(), speaker: nonEmpty(item, 'speaker', line), speakerType: type as SpeakerType };
    }
    case 'not-duplicate': {
      known(item, line, [...base, 'other'], 'a not-duplicate correction');
      const other = item.other;
      if (!isObj(other)) throw new SchemaError(line, '"other" must be an object { "path", "text" }');
      const otherLine = lineOf.get(other) ?? line;
      known(other, otherLine, ['path', 'text'], '"other"');
      return { kind: 'not-duplicate', ...anchor(), other: { path: path(other, otherLine), text: nonEmpty(other, 'text', otherLine) } };
    }
    case 'verdict': {
      known(item, line, [...base, 'verdict', 'note'], 'a verdict');
      const v = item.verdict;
      if (typeof v !== 'string' || !(VERDICT_VALUES as readonly string[]).includes(v)) throw new SchemaError(line, `"verdict" must be one of ${VERDICT_VALUES.join(', ')}`);
      return { kind: 'verdict', ...anchor(), verdict: v as VerdictValue, note: optString(item, 'note', line) };
    }
  }
}

function known(item: Obj, line: number, keys: readonly string[], what: string): void {
  for (const k of Object.keys(item)) if (!keys.includes(k)) throw new SchemaError(line, `unknown field "${k}" in ${what} (expected ${keys.join(', ')})`);
}
function string(item: Obj, key: string, line: number): string {
  const v = item[key];
  if (typeof v !== 'string') throw new SchemaError(line, `"${key}" must be a string`);
  return v;
}
function nonEmpty(item: Obj, key: string, line: number): string {
  const v = string(item, key, line);
  if (!v.trim()) throw new SchemaError(line, `"${key}" must not be empty`);
  return v;
}
function optString(item: Obj, key: string, line: number): string | null {
  const v = item[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new SchemaError(line, `"${key}" must be a string or null`);
  return v.trim() ? v : null;
}
function path(item: Obj, line: number): string {
  const p = nonEmpty(item, 'path', line);
  if (p.includes('\\') || p.startsWith('/') || p.split('/').some(s => s === '..' || s === '.' || s === '')) {
    throw new SchemaError(line, `"path" must be relative to the folder holding .sourcelens/, '/'-separated, without '..' (${JSON.stringify(p)})`);
  }
  return p;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order entries are written in, so that the same content is always the same file. */
function sortCorrections(list: readonly Correction[]): Correction[] {
  return [...list].sort((a, b) => cmp(a.path, b.path)
    || CORRECTION_KINDS.indexOf(a.kind) - CORRECTION_KINDS.indexOf(b.kind)
    || cmp(a.text, b.text) || cmp(a.before, b.before) || cmp(a.after, b.after)
    || cmp(a.kind === 'not-duplicate' ? a.other.path : '', b.kind === 'not-duplicate' ? b.other.path : ''));
}

/** A correction with its keys in the documented order. */
function ordered(c: Correction): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: c.kind, path: c.path, text: c.text, before: c.before, after: c.after };
  if (c.kind === 'speaker') Object.assign(o, { speaker: c.speaker, speakerType: c.speakerType });
  if (c.kind === 'not-duplicate') o.other = { path: c.other.path, text: c.other.text };
  if (c.kind === 'verdict') Object.assign(o, { verdict: c.verdict, note: c.note });
  return o;
}

/**
 * The file's text: `version` first, then `sources`, `aliases` and `corrections`,
 * each sorted, keys in a fixed order, two-space indent, a final newline.
 */
export function serializeAnnotations(a: Annotations): string {
  const out = {
    version: ANNOTATIONS_VERSION,
    sources: [...a.sources].sort((x, y) => cmp(x.path, y.path)).map(s => ({ path: s.path, outlet: s.outlet, date: s.date, url: s.url })),
    aliases: [...a.aliases].sort((x, y) => cmp(x.name, y.name) || cmp(x.of, y.of)).map(x => ({ name: x.name, of: x.of })),
    corrections: sortCorrections(a.corrections).map(ordered),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Whether two corrections are about the same thing (and so one replaces the other). */
export function sameTarget(a: Correction, b: Correction): boolean {
  if (a.path !== b.path || a.text !== b.text || a.before !== b.before || a.after !== b.after) return false;
  // "Not a quote" and a speaker correction both settle who said the words: the later one stands.
  const family = (c: Correction) => (c.kind === 'not-quote' || c.kind === 'speaker' ? 'quote' : c.kind);
  if (family(a) !== family(b)) return false;
  return a.kind !== 'not-duplicate' || (b.kind === 'not-duplicate' && a.other.path === b.other.path && a.other.text === b.other.text);
}

/** The annotations with `c` added, replacing any correction about the same thing. */
export function withCorrection(a: Annotations, c: Correction): Annotations {
  return { ...a, corrections: [...a.corrections.filter(x => !sameTarget(x, c)), c] };
}

/** The annotations with `alias` added, replacing any alias of the same name. */
export function withAlias(a: Annotations, alias: Alias): Annotations {
  return { ...a, aliases: [...a.aliases.filter(x => x.name !== alias.name), alias] };
}

/** The annotations with source metadata for `entry.path` set (replacing what was set before). */
export function withSource(a: Annotations, entry: SourceEntry): Annotations {
  return { ...a, sources: [...a.sources.filter(x => x.path !== entry.path), entry] };
}
