/**
 * The index service's side of the persisted index (indexCache.ts): loads the cache
 * once, answers which documents it holds with the same text, unpacks their
 * analyses, and writes the corpus back. Anything wrong with the cache (unreadable,
 * another version, a record that fails its check) throws the whole cache away
 * with one log line, and the documents are analysed as if there were none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LocalAnalysis } from '../core/corpus/corpus';
import { CACHE_FILE, decodeCache, encodeCache, MAX_CACHE_BYTES, readCache, recordHash, writeAtomic, type CacheEntry, type CachedSummary, type FileStat } from './indexCache';
import { packLocal, unpackLocal } from './packing';

/** One document as the cache is to keep it. */
export interface CacheDoc {
  key: string;
  hash: string;
  local: LocalAnalysis;
  summary: CachedSummary;
  /** The file's size and time when the text was read from it (null: from an editor). */
  stat: FileStat | null;
}

export class PersistedIndex {
  readonly file: string;
  /** What the cache file held (emptied when it is thrown away); null until `load`. */
  private entries: Map<string, CacheEntry> | null = null;
  /** The packed analysis of each document by content hash, reused by the next write. */
  private readonly records = new Map<string, { hash: string; record: Buffer; recordHash: string }>();
  /** Whether the cache was found bad (logged once). */
  private discarded = false;

  constructor(dir: string, readonly version: string, private readonly log: (line: string) => void, readonly maxBytes = MAX_CACHE_BYTES) {
    this.file = path.join(dir, CACHE_FILE);
  }

  /** Reads the cache (once); how many documents it holds. */
  load(): number {
    if (this.entries) return this.entries.size;
    const r = readCache(this.file, this.version);
    this.entries = new Map();
    if (r.ok) {
      this.entries = r.entries;
      for (const e of r.entries.values()) this.records.set(e.key, { hash: e.hash, record: e.record, recordHash: e.recordHash });
    } else if (!r.missing) {
      this.discard(r.reason);
    }
    return this.entries.size;
  }

  /** The cached entry of a document when its text still has the hash it was analysed with. */
  lookup(key: string, hash: string): CacheEntry | undefined {
    if (!this.entries) this.load(); // an editor's text or a watcher's reload may come before the first build
    const e = this.entries?.get(key);
    return e && e.hash === hash ? e : undefined;
  }

  /**
   * The cached entry of a document whose file has the size and time it had when
   * cached: listed from the cache before it is read (its text is checked by its
   * hash when it is restored).
   */
  lookupByStat(key: string, stat: FileStat | null): CacheEntry | undefined {
    if (!this.entries) this.load();
    const e = this.entries?.get(key);
    return e && e.stat && stat && e.stat.size === stat.size && e.stat.mtimeMs === stat.mtimeMs ? e : undefined;
  }

  /**
   * The document's analysis from the cache, `text` being the text whose hash
   * matched; null when the record fails its checks (the cache is then thrown away).
   */
  restore(entry: CacheEntry, text: string): LocalAnalysis | null {
    if (this.discarded) return null;
    try {
      if (recordHash(entry.record) !== entry.recordHash) throw new Error(`the record of ${entry.key} does not match its checksum`);
      return unpackLocal(entry.record.toString('utf8'), text);
    } catch (err) {
      this.discard(err instanceof Error ? err.message : String(err));
      return null;
    }
  }

  private discard(reason: string): void {
    if (!this.discarded) this.log(`Index cache discarded (${reason}): the documents are analysed again and the cache rebuilt.`);
    this.discarded = true;
    this.entries = new Map();
    this.records.clear();
    try {
      fs.rmSync(this.file, { force: true });
    } catch { /* a file that cannot be removed is replaced by the next write */ }
  }

  /**
   * Writes the documents (packing the analyses not packed yet, `pause` awaited
   * between chunks so the worker keeps serving); resolves with what was written.
   * Throws when the file cannot be written (the old one stays).
   */
  async write(docs: readonly CacheDoc[], pause: () => Promise<void>): Promise<{ kept: number; left: number; bytes: number }> {
    const out: CacheEntry[] = [];
    const keep = new Set<string>();
    let packed = 0;
    for (const d of docs) {
      let r = this.records.get(d.key);
      if (!r || r.hash !== d.hash) {
        if (++packed % 100 === 0) await pause();
        const record = Buffer.from(packLocal(d.local), 'utf8');
        r = { hash: d.hash, record, recordHash: recordHash(record) };
        this.records.set(d.key, r);
      }
      keep.add(d.key);
      out.push({ key: d.key, hash: d.hash, stat: d.stat, summary: d.summary, record: r.record, recordHash: r.recordHash });
    }
    for (const k of [...this.records.keys()]) if (!keep.has(k)) this.records.delete(k);
    const { bytes, kept, left } = encodeCache(this.version, out, this.maxBytes);
    // What is written is what will be read: a cache that would not decode is not written.
    decodeCache(bytes, this.version);
    await writeAtomic(this.file, bytes);
    this.discarded = false;
    return { kept, left, bytes: bytes.length };
  }
}
