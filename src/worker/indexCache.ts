/**
 * The persisted index: one file in the extension's workspace storage holding, per
 * document, the content hash of the text it was analysed from, the document's own
 * analysis (packing.ts) and the summary the Claims tree lists it with. A reopened
 * workspace restores every document whose text still has that hash, without
 * analysing it again, and shows the tree from the summaries at once.
 *
 * The file, all of it checked before anything in it is used:
 *
 *   SLIDX {"format":1,"analysis":"…","entries":N,"entriesHash":"…","body":M}\n
 *   <N bytes: JSON array of [key, hash, offset, length, recordHash, summary, [size, mtimeMs] | null]>
 *   <M bytes: the packed analyses, one after another>
 *
 * A file of another format or analysis version (`analysisVersion`: the analysers'
 * code and data, hashed) is thrown away; so is one whose lengths, entry hash or
 * entry shapes do not check out. A record is checked against its own hash when it
 * is read. Writes go to a temporary file renamed over the old one (atomic on one
 * file system), so a crash mid-write leaves the old cache or none, never half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceSummary } from '../protocol/protocol';
import { INDEX_CACHE_FILE } from '../protocol/protocol';

/** The layout of the file; bumped when it changes. */
export const CACHE_FORMAT = 1;
/**
 * Bumped by hand when the analysers change in a way their bundled code does not
 * show (it rarely is needed: `analysisVersion` hashes the bundle itself).
 */
export const ANALYSIS_REVISION = 1;
export const CACHE_FILE = INDEX_CACHE_FILE;
/** The largest cache written; documents past it are left out (and analysed on reopen). */
export const MAX_CACHE_BYTES = 512 * 1024 * 1024;

const MAGIC = 'SLIDX ';

/** A summary as the cache keeps it: the tree's listing of one source, its key apart. */
export type CachedSummary = Omit<SourceSummary, 'key'>;

/** A file's size and modification time. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

export interface CacheEntry {
  key: string;
  /** `contentHash` of the text analysed. */
  hash: string;
  /**
   * The file's size and time when that text was read from it (null: the text came
   * from an editor): a file with the same lists from the cache before it is read.
   */
  stat: FileStat | null;
  summary: CachedSummary;
  /** The packed analysis (packing.ts), UTF-8; checked against `recordHash` when read. */
  record: Buffer;
  recordHash: string;
}

/** A document's text, hashed: what the cache is checked by. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('base64url');
}

export function recordHash(record: Uint8Array): string {
  return createHash('sha1').update(record).digest('base64url').slice(0, 16);
}

/**
 * The version of the analysis: a hash of this format, the revision above and the
 * running code (the bundled worker, dist/indexWorker.js, holds every analyser and
 * its lexicons and models), so a new build of the extension starts a new cache.
 */
export function analysisVersion(codeFile: string | undefined = typeof __filename === 'string' ? __filename : undefined): string {
  const h = createHash('sha1').update(`format ${CACHE_FORMAT} revision ${ANALYSIS_REVISION}\n`);
  try {
    if (codeFile) h.update(fs.readFileSync(codeFile));
  } catch { /* no file to hash (bundled differently): the revision alone */ }
  return h.digest('base64url').slice(0, 22);
}

export type CacheRead =
  | { ok: true; entries: Map<string, CacheEntry>; bytes: number }
  | { ok: false; missing: true }
  | { ok: false; missing: false; reason: string };

const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isStringOrNull = (s: unknown) => s === null || typeof s === 'string';

function checkSummary(s: unknown): s is CachedSummary {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  const o = s as Record<string, unknown>;
  if (!isStringOrNull(o.title) || !isStringOrNull(o.truncated)) return false;
  for (const k of ['quotes', 'claims', 'duplicates', 'entities', 'corroborated', 'disputed']) if (!isCount(o[k])) return false;
  if (o.source !== undefined && o.source !== null) {
    if (typeof o.source !== 'object' || Array.isArray(o.source)) return false;
    const src = o.source as Record<string, unknown>;
    if (!isStringOrNull(src.outlet) || !isStringOrNull(src.date) || !isStringOrNull(src.url)) return false;
  }
  return true;
}

/** Reads and checks the cache file written for `version`; never throws. */
export function readCache(file: string, version: string): CacheRead {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true };
    return { ok: false, missing: false, reason: `cannot read it (${code ?? String(err)})` };
  }
  try {
    return { ok: true, entries: decodeCache(buf, version), bytes: buf.length };
  } catch (err) {
    return { ok: false, missing: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The entries of a cache file's bytes; throws, saying why, on anything out of place. */
export function decodeCache(buf: Buffer, version: string): Map<string, CacheEntry> {
  const nl = buf.indexOf(10);
  if (nl < 0 || buf.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a Source Lens index cache');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.subarray(MAGIC.length, nl).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Error('its header is not readable');
  }
  if (typeof header !== 'object' || header === null) throw new Error('its header is not readable');
  if (header.format !== CACHE_FORMAT) throw new Error(`it has format ${String(header.format)}, this version reads ${CACHE_FORMAT}`);
  if (header.analysis !== version) throw new Error('it was written by another version of the analysis');
  const n = header.entries, m = header.body;
  if (!isCount(n) || !isCount(m) || typeof header.entriesHash !== 'string') throw new Error('its header is not readable');
  const start = nl + 1;
  if (buf.length !== start + (n as number) + (m as number)) throw new Error(`it is ${buf.length < start + (n as number) + (m as number) ? 'truncated' : 'longer than it says'}`);
  const entryBytes = buf.subarray(start, start + (n as number));
  if (recordHash(entryBytes) !== header.entriesHash) throw new Error('its list of documents does not match its checksum');
  const body = buf.subarray(start + (n as number));
  let rows: unknown;
  try {
    rows = JSON.parse(entryBytes.toString('utf8'));
  } catch {
    throw new Error('its list of documents is not readable');
  }
  if (!Array.isArray(rows)) throw new Error('its list of documents is not readable');
  const entries = new Map<string, CacheEntry>();
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== 7) throw new Error('a document entry is malformed');
    const [key, hash, offset, length, rHash, summary, stat] = row as unknown[];
    if (typeof key !== 'string' || typeof hash !== 'string' || typeof rHash !== 'string' || !isCount(offset) || !isCount(length)
      || (offset as number) + (length as number) > body.length || !checkSummary(summary)
      || (stat !== null && !(Array.isArray(stat) && stat.length === 2 && isCount(stat[0]) && typeof stat[1] === 'number' && Number.isFinite(stat[1])))) {
      throw new Error('a document entry is malformed');
    }
    if (entries.has(key)) throw new Error('a document is listed twice');
    entries.set(key, {
      key, hash, summary, recordHash: rHash,
      stat: stat ? { size: (stat as number[])[0], mtimeMs: (stat as number[])[1] } : null,
      record: body.subarray(offset as number, (offset as number) + (length as number)),
    });
  }
  return entries;
}

/**
 * The bytes of a cache file holding `entries` (in the given order) up to `maxBytes`
 * (the entries past it are left out); `kept` says how many went in.
 */
export function encodeCache(version: string, entries: Iterable<CacheEntry>, maxBytes = MAX_CACHE_BYTES): { bytes: Buffer; kept: number; left: number } {
  const rows: unknown[] = [];
  const records: Buffer[] = [];
  let offset = 0, left = 0, size = 0;
  for (const e of entries) {
    const summary = JSON.stringify(e.summary);
    const cost = e.record.length + e.key.length * 3 + summary.length + 80;
    if (size + cost > maxBytes) {
      left++;
      continue;
    }
    size += cost;
    rows.push([e.key, e.hash, offset, e.record.length, e.recordHash, e.summary, e.stat ? [e.stat.size, e.stat.mtimeMs] : null]);
    records.push(e.record);
    offset += e.record.length;
  }
  const entryBytes = Buffer.from(JSON.stringify(rows), 'utf8');
  const header = `${MAGIC}${JSON.stringify({ format: CACHE_FORMAT, analysis: version, entries: entryBytes.length, entriesHash: recordHash(entryBytes), body: offset })}\n`;
  return { bytes: Buffer.concat([Buffer.from(header, 'utf8'), entryBytes, ...records]), kept: rows.length, left };
}

/**
 * Writes `bytes` as `file` atomically: into a temporary file beside it (flushed to
 * disk), then renamed over it. On failure the temporary file is removed and the
 * error passed on; the old file, if any, stays as it was.
 */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await fs.promises.open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (err) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
