/**
 * The corpus behind the index worker: reads and decodes files, keeps the text of
 * open documents (which wins over the file on disk), answers result queries, and
 * says which documents' views changed, and restores documents from the persisted
 * index (PersistedIndex.ts). No `vscode` and no worker plumbing, so it is
 * unit-tested directly.
 */
import * as fs from 'node:fs';
import { applyAnnotations, type Orphan } from '../core/annotations';
import { Corpus, type LocalAnalysis } from '../core/corpus/corpus';
import { DEFAULT_MAX_FILE_SIZE, tooLarge } from '../core/text/decode';
import { sameData } from '../core/sameData';
import { findSource } from '../core/text/source';
import type { DocumentResult, SourceInfo, Span } from '../core/types';
import { nodeFiles, readDocument, type FileAccess } from '../node/readDocument';
import { ChangeTracker } from './changes';
import { editPreview, previewLayout, previewView, SliceAnalyser } from './preview';
import { contentHash, type CacheEntry, type CachedSummary, type FileStat } from './indexCache';
import type { CacheDoc, PersistedIndex } from './PersistedIndex';
import { WARM_TEXTS } from './warmEdits';
import { drain, PAUSE, Slice, WHOLE } from '../core/text/slice';
import {
  countSpans, entityKey, mergeRanges, passagesOf, PREVIEW_FROM, resultMeeting, summarize, type AnnotationsConfig, type DocumentView, type FileRef, type IndexOutcome, type PassagesView, type QuoteLinkWithText, type SkippedRef, type SourceSummary, type SpanCounts, type WindowView,
} from '../protocol/protocol';

export type { FileAccess } from '../node/readDocument';

/** Seams for tests: called before a document's text is analysed (may throw, or stall). */
export interface ServiceHooks {
  beforeAnalyse?(key: string, text: string): void;
}

/** A file's size and time by Node's file system (null when it cannot be had). */
function nodeStat(fsPath: string): FileStat | null {
  try {
    const st = fs.statSync(fsPath);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

/**
 * The most entries each memo of the index keeps (`AnalysisContext.limitMemos`; their own limits are 100,000 to
 * 200,000). The memos speed up reading a text again, which after a build means the documents being edited: a 1 MB
 * article fills at most about 8,000 entries of any memo. Memos of a whole workspace's lines held 785 of the 1,955 MB
 * an index of 4,000 articles keeps, and building without them costs no more time (the index of 1,000 articles: CPU
 * 23.7 s against 24.0 s, 518 MB held against 536; round 48).
 */
export const WORKER_MEMO_LIMIT = 20_000;

/** The skip reason of a document whose reading or analysis threw. */
export function internalError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message.split('\n')[0]}`;
}

export class IndexService {
  readonly corpus = new Corpus();
  maxFileSize = DEFAULT_MAX_FILE_SIZE;
  /** Keys whose text comes from an open editor, with the editor version. */
  private readonly pinned = new Map<string, number | null>();
  /** Counts builds and cancels: a build runs while this is still the number it started with. */
  private generation = 0;
  /** Documents refused, with the reason, and the changes not yet reported. */
  private readonly skippedKeys = new Map<string, string>();
  private skipChanges: { added: SkippedRef[]; cleared: string[] } = { added: [], cleared: [] };
  /**
   * Whether the change tracker holds every document's view as the corpus gives it now
   * (its entity source counts are read from there): false from any change until `all`.
   */
  private viewsSynced = false;
  /** Documents whose analysis is partial (a stage stopped at its work budget), with the reason. */
  private readonly partial = new Map<string, string>();
  private readonly changes = new ChangeTracker();
  /** The reader's annotations, and the results with them applied (null: to be worked out again). */
  private annotations: AnnotationsConfig | null = null;
  private applied: { results: Map<string, DocumentResult>; orphans: Orphan[] } | null = null;
  /** Each document's own source metadata, with the text it was read from. */
  private readonly sources = new Map<string, { text: string; source: SourceInfo | null }>();
  /** Each document's own analysis (the corpus's object, no copy). */
  private readonly locals = new Map<string, LocalAnalysis>();
  /** Each document's content hash, with the text it is of (worked out when first needed). */
  private readonly hashes = new Map<string, { text: string; hash: string }>();
  /** The persisted index (null: none, as in tests and without workspace storage). */
  persisted: PersistedIndex | null = null;
  /** Whether an index build runs: the tree is then listed from what is at hand, without linking the corpus. */
  private building = false;
  /** Documents of the running build found unchanged in the cache, not in the corpus yet (their text and entry). */
  private readonly pendingRestore = new Map<string, CacheEntry>();
  /** How many documents were restored from the cache (by this service, in all). */
  private restoredCount = 0;
  /** `restoredCount` when the last build ended. */
  private restoredAtLastBuild = 0;
  /** Each document's file size and time, with the text read after taking them (what the cache records). */
  private readonly stats = new Map<string, FileStat & { text: string }>();
  /** A file's size and modification time, or null when it cannot be had (a seam for tests and benches). */
  statFile: (fsPath: string) => FileStat | null = nodeStat;
  /** Documents whose analysis came from the cache, with the summary it listed them with. */
  private readonly restoredSummaries = new Map<string, CachedSummary>();
  /** Documents changed by a notification while a build runs: the build leaves them alone. */
  private readonly touchedDuringBuild = new Set<string>();
  /** Whether the corpus changed since the cache was last written. */
  cacheDirty = false;

  /** `files` is how documents are read (a fake in tests); `hooks` are test seams. */
  constructor(private readonly files: FileAccess = nodeFiles, private readonly hooks: ServiceHooks = {}) {
    this.corpus.ctx.limitMemos(WORKER_MEMO_LIMIT);
  }

  /** Why an open document's text is refused (over the size limit), or null. */
  private refuseText(text: string): string | null {
    // UTF-8 length without encoding: the limit is on the file's bytes.
    const bytes = Buffer.byteLength(text, 'utf8');
    return tooLarge(bytes, this.maxFileSize);
  }

  private markSkipped(key: string, reason: string): SkippedRef {
    try {
      this.delete(key, false);
    } catch { /* a corpus that refuses even this keeps a stale entry; the skip still stands */ }
    if (this.skippedKeys.get(key) !== reason) {
      this.skippedKeys.set(key, reason);
      this.skipChanges.added.push({ key, reason });
    }
    return { key, reason };
  }

  private markAnalysed(key: string): void {
    if (this.skippedKeys.delete(key)) this.skipChanges.cleared.push(key);
  }

  /** Skips added (or with a new reason) and cleared since the last call. */
  takeSkipChanges(): { added: SkippedRef[]; cleared: string[] } {
    const c = this.skipChanges;
    this.skipChanges = { added: [], cleared: [] };
    return c;
  }

  /** Stops the index build in progress (documents already added stay). */
  cancel(): void {
    this.generation++;
    this.endBuild();
  }

  private endBuild(): void {
    this.building = false;
    // Listed from the cache but never added: the next report says they changed (they are gone).
    for (const key of this.pendingRestore.keys()) this.changes.touch(key, false);
    this.pendingRestore.clear();
    this.touchedDuringBuild.clear();
  }

  /** A notification changed the document: a running build leaves it alone. */
  private noteTouched(key: string): void {
    if (!this.building) return;
    this.touchedDuringBuild.add(key);
    if (this.pendingRestore.delete(key)) this.changes.touch(key, false);
  }

  /**
   * Adds every file not held open by an editor. `pause` is awaited between files so
   * other requests (and a cancel) are served meanwhile; `progress` reports counts. A
   * newer build or a cancel stops this one at the next file. One file that cannot be
   * read or analysed, whatever the reason, is skipped with that reason; the rest is
   * indexed. With a persisted index (`persisted`), a document whose text has the
   * cached hash is restored instead of analysed, and `announce` is told the sources
   * new to the tree as they come (those unchanged in the cache before any is read);
   * while the build runs, `summaries` lists them without linking the corpus.
   */
  async index(
    files: readonly FileRef[],
    progress: (done: number, total: number) => void,
    pause: () => Promise<void>,
    announce: (keys: string[]) => void = () => undefined,
  ): Promise<IndexOutcome> {
    const generation = ++this.generation;
    this.building = true;
    this.pendingRestore.clear();
    this.touchedDuringBuild.clear();
    const skipped: SkippedRef[] = [];
    const partial: SkippedRef[] = [];
    let indexed = 0, done = 0;
    // Restores since the last build count too: a new worker is sent the editors' texts before its first build.
    const restoredBefore = this.restoredAtLastBuild;
    const outcome = (cancelled: boolean): IndexOutcome => {
      if (generation === this.generation) this.endBuild();
      const restored = this.restoredCount - restoredBefore;
      this.restoredAtLastBuild = this.restoredCount;
      return this.persisted ? { indexed, skipped, partial, cancelled, restored } : { indexed, skipped, partial, cancelled };
    };
    let announced = Date.now();
    let fresh: string[] = [];
    /** Sources new to the tree are told every so often while the build runs. */
    const tell = (force = false) => {
      if (!fresh.length || (!force && Date.now() - announced < 500)) return;
      for (const k of fresh) this.changes.touch(k, false);
      announce(fresh);
      fresh = [];
      announced = Date.now();
    };
    const leftAlone = (key: string) => this.pinned.has(key) || this.touchedDuringBuild.has(key);
    // With a cache, the files whose size and time are those cached are listed from the
    // cache at once and restored last (their text checked by its hash then); the
    // others are read and analysed (or restored, when their text's hash is cached) first.
    const first: FileRef[] = [];
    if (this.persisted && this.persisted.load() > 0) {
      for (let i = 0; i < files.length; i++) {
        if (i > 0 && i % 256 === 0) await pause();
        if (generation !== this.generation) return outcome(true);
        const f = files[i];
        const entry = leftAlone(f.key) || this.corpus.has(f.key) ? undefined : this.persisted.lookupByStat(f.key, this.statFile(f.fsPath));
        if (entry) {
          this.pendingRestore.set(f.key, entry);
          fresh.push(f.key);
        } else {
          first.push(f);
        }
      }
      tell(true);
    } else {
      first.push(...files);
    }
    /** Loads one file (`listed`: the tree lists it already); false when the build was cancelled. */
    const one = async (f: FileRef, listed: boolean) => {
      if (done > 0) await pause();
      if (generation !== this.generation) return false;
      let refused: SkippedRef | null = null;
      if (!leftAlone(f.key)) {
        const had = listed || this.corpus.has(f.key);
        refused = this.load(f.key, f.fsPath);
        if (!refused && !had) fresh.push(f.key);
      }
      if (refused) skipped.push(refused);
      else indexed++;
      const reason = this.partial.get(f.key);
      if (reason) partial.push({ key: f.key, reason });
      progress(++done, files.length);
      tell();
      return true;
    };
    for (const f of first) if (!(await one(f, false))) return outcome(true);
    tell(true);
    for (const f of files) {
      const listed = this.pendingRestore.get(f.key);
      if (!listed) continue; // not cached, or changed meanwhile (and then left to the change)
      // Listed from the cache until it is in the corpus.
      if (!(await one(f, true))) return outcome(true);
      this.pendingRestore.delete(f.key);
      // Its text did not have the cached hash after all: the tree is told its own summary.
      if (this.restoredSummaries.get(f.key) !== listed.summary) fresh.push(f.key);
    }
    tell(true);
    return outcome(false);
  }

  /** Reads and analyses a file (or restores its analysis from the cache); the skip when it is refused or the work throws. */
  private load(key: string, fsPath: string): SkippedRef | null {
    return this.guard(key, () => {
      const stat = this.persisted ? this.statFile(fsPath) : null;
      const r = readDocument(fsPath, this.maxFileSize, this.files);
      if (!r.ok) return this.markSkipped(key, r.reason);
      if (!this.restore(key, r.text)) this.setText(key, r.text);
      if (stat) this.stats.set(key, { ...stat, text: r.text });
      return null;
    });
  }

  /**
   * Whether `setOpen(key, text)` would analyse the text (not refused, not the text
   * held, not restorable from the persisted index): what a preview is worth sending for.
   */
  needsAnalysis(key: string, text: string): boolean {
    if (this.refuseText(text) || this.corpus.text(key) === text) return false;
    return !this.persisted?.lookup(key, this.hashOf(key, text));
  }

  /** Restores a document's analysis from the cache when its text has the cached hash; whether it did. */
  private restore(key: string, text: string): boolean {
    if (!this.persisted || this.corpus.text(key) === text) return false;
    const hash = this.hashOf(key, text);
    const entry = this.persisted.lookup(key, hash);
    const local = entry && this.persisted.restore(entry, text);
    if (!entry || !local) return false;
    this.hooks.beforeAnalyse?.(key, text);
    this.added(key, this.corpus.setAnalysed(key, local));
    this.restoredSummaries.set(key, entry.summary);
    this.restoredCount++;
    return true;
  }

  /**
   * Runs one document's work; when it throws, the document is dropped (the corpus
   * may hold half of it) and skipped with the error, and nothing else is harmed.
   */
  private guard(key: string, work: () => SkippedRef | null): SkippedRef | null {
    try {
      return work();
    } catch (err) {
      return this.markSkipped(key, internalError(err));
    }
  }

  /** An open editor's text: it replaces the file's content until `release`. */
  setOpen(key: string, text: string, version: number | null): SkippedRef | null {
    this.noteTouched(key);
    this.changes.touch(key, false);
    const refused = this.refuseText(text);
    // An editor's text restores from the cache too when it is what was cached (a reopened window sends its editors first).
    const s = refused ? this.markSkipped(key, refused) : this.guard(key, () => (this.restore(key, text) || this.setText(key, text), null));
    this.pinned.set(key, version);
    return s;
  }

  /**
   * The editor closed: go back to the file on disk, or drop the document when there
   * is none (not a workspace file, `fsPath` null) or it is gone (deleted or renamed
   * while open).
   */
  release(key: string, fsPath: string | null): SkippedRef | null {
    this.noteTouched(key);
    this.pinned.delete(key);
    this.lastShown.delete(key);
    this.changes.touch(key, false);
    if (!fsPath || !this.exists(fsPath)) {
      this.delete(key);
      return null;
    }
    return this.reload(key, fsPath);
  }

  /** Whether a file is there at all (a file that is there but cannot be read is skipped with its reason instead). */
  private exists(fsPath: string): boolean {
    try {
      this.files.read(fsPath, 0); // at most one byte read: enough to tell a missing file
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code !== 'ENOENT' && code !== 'ENOTDIR';
    }
  }

  /** The file changed on disk; ignored while an editor holds it open. */
  reload(key: string, fsPath: string): SkippedRef | null {
    if (this.pinned.has(key)) return null;
    this.noteTouched(key);
    return this.load(key, fsPath);
  }

  /** Drops a document (the file was deleted); `forget` also forgets it was skipped. */
  delete(key: string, forget = true): void {
    this.pinned.delete(key);
    this.lastShown.delete(key);
    if (forget) {
      this.markAnalysed(key);
      this.noteTouched(key);
    }
    this.partial.delete(key);
    this.sources.delete(key);
    this.locals.delete(key);
    this.hashes.delete(key);
    this.stats.delete(key);
    this.restoredSummaries.delete(key);
    if (this.corpus.delete(key)) {
      this.retexted.add(key);
      this.cacheDirty = true;
      this.viewsSynced = false;
      this.applied = null;
      this.changes.touch(key, true);
    }
  }

  private setText(key: string, text: string): void {
    if (this.corpus.text(key) === text) return this.markAnalysed(key);
    this.hooks.beforeAnalyse?.(key, text);
    this.added(key, this.corpus.set(key, text));
    this.restoredSummaries.delete(key);
  }

  private added(key: string, local: LocalAnalysis): void {
    this.retexted.add(key);
    this.locals.set(key, local);
    if (local.truncated) this.partial.set(key, local.truncated);
    else this.partial.delete(key);
    this.markAnalysed(key);
    this.viewsSynced = false;
    this.applied = null;
    this.cacheDirty = true;
    this.changes.touch(key, true);
  }

  /** A document's content hash (worked out once per text). */
  private hashOf(key: string, text: string): string {
    const known = this.hashes.get(key);
    if (known?.text === text) return known.hash;
    const hash = contentHash(text);
    this.hashes.set(key, { text, hash });
    return hash;
  }

  /**
   * What the cache is to keep of every document, with the summaries of the corpus
   * as linked now; null while a build runs (it writes when it has ended).
   * `unlinked` (or linking failing): with the summaries the tree lists while a
   * build runs instead, the corpus not linked (for a bench that cannot wait for the links).
   */
  cacheDocs(unlinked = false): CacheDoc[] | null {
    if (this.building) return null;
    let summaries: SourceSummary[];
    try {
      summaries = unlinked ? this.provisionalSummaries() : this.summaries();
    } catch {
      // Linking failed (it is reported where it is asked for): each analysis is worth keeping all the same.
      summaries = this.provisionalSummaries();
    }
    const docs: CacheDoc[] = [];
    for (const { key, ...summary } of summaries) {
      const local = this.locals.get(key);
      if (!local) continue;
      const stat = this.stats.get(key);
      docs.push({ key, hash: this.hashOf(key, local.text), local, summary, stat: stat?.text === local.text ? { size: stat.size, mtimeMs: stat.mtimeMs } : null });
    }
    this.cacheDirty = false;
    return docs;
  }

  /**
   * The tree's listing while a build runs, without linking the corpus: a document
   * restored (or about to be) from the cache as the cache listed it, any other with
   * its own counts (nothing shared with, or corroborated by, another source yet).
   */
  private provisionalSummaries(keys?: readonly string[]): SourceSummary[] {
    const all = keys ?? [...new Set([...this.corpus.paths(), ...this.pendingRestore.keys()])];
    const out: SourceSummary[] = [];
    for (const key of all) {
      const cached = this.pendingRestore.get(key)?.summary ?? this.restoredSummaries.get(key);
      if (cached) {
        out.push({ key, ...cached });
        continue;
      }
      const local = this.locals.get(key);
      if (!local) continue;
      out.push({
        key,
        title: local.title,
        quotes: local.quotes.length,
        claims: local.claims.length,
        duplicates: local.repeats.length,
        entities: local.entities.length,
        corroborated: 0,
        disputed: 0,
        truncated: local.truncated,
        source: this.sourceOf(key),
      });
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * Two-phase edits (the worker): after an edit, results are first worked out from
   * the edited document's direct links (its own result, and its neighbours' with the
   * mirror entries), and the exact ones are owed until `settle` (see
   * `Corpus.deferSettle`). Views asked for between the two are those of the first
   * phase: whole results, whose links agree with the edited document's.
   */
  get deferSettle(): boolean {
    return this.corpus.deferSettle;
  }

  set deferSettle(on: boolean) {
    this.corpus.deferSettle = on;
  }

  /** Whether exact results are owed (a first phase ran since they were last worked out). */
  get unsettled(): boolean {
    return this.corpus.unsettled;
  }

  /**
   * Works out the exact results owed; the documents whose views it changed are
   * reported by the next `takeChanged`. False when nothing was owed.
   */
  settle(): boolean {
    const steps = this.settling();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** `settle` a step at a time (see `Corpus.settling`: a change to a document gives it up). */
  *settling(): Generator<string, boolean> {
    const done = (yield* this.corpus.settling()) === true;
    if (done) {
      this.viewsSynced = false;
      this.applied = null;
      this.cacheDirty = true;
      this.changes.recheck();
      // The settled results' views, a slice at a time (from a slice of their own), so that the push after the settle
      // finds them made: in one piece it took 130–190 ms with 2,000 articles, and an edit arriving then waited for it.
      // Given up (by an edit, or a build changing the corpus between its files), the views made stand, and whatever
      // asks for the views next (the edit's own push) makes the rest.
      if (!this.annotations) {
        yield PAUSE;
        yield* this.viewing(new Slice(this.corpus.settleSliceMs));
      }
    }
    return done;
  }

  /** Whether a document was added, changed or removed since the last `takeChanged`. */
  get hasChanges(): boolean {
    return this.changes.pending;
  }

  /**
   * The documents whose views (result, editor version, entity source counts, quote
   * variant texts) changed since the last call, sorted; any document of the corpus
   * may be among them, not only the ones edited. A change of entity source counts
   * alone is reported for the documents open in an editor (only their views are
   * held and shown; another's view reads the counts when it is fetched). Resolves the corpus when something
   * changed.
   */
  takeChanged(): string[] {
    if (!this.changes.pending) return [];
    this.all();
    return this.changes.take(k => this.corpus.text(k), this.pinned);
  }

  /** Views of the asked documents that are in the corpus, in the asked order. */
  documents(keys: readonly string[]): DocumentView[] {
    const out: DocumentView[] = [];
    for (const key of keys) {
      const result = this.result(key);
      if (result) out.push(this.view(key, result));
    }
    return out;
  }

  /** The claims and quotes of each asked document in the corpus (what the Claims tree lists), in the asked order. */
  passages(keys: readonly string[]): PassagesView[] {
    const out: PassagesView[] = [];
    for (const key of keys) {
      const r = this.result(key);
      if (r) out.push({ key, version: this.pinned.get(key) ?? null, result: passagesOf(this.withVariantText(r)) });
    }
    return out;
  }

  /**
   * Of each asked document in the corpus, the items that meet its ranges, with the
   * whole document's counts: what an editor showing those ranges needs, and no more.
   */
  windows(docs: readonly { key: string; ranges: readonly Span[] }[]): WindowView[] {
    const out: WindowView[] = [];
    for (const { key, ranges } of docs) {
      const full = this.result(key);
      if (!full) continue;
      const window = mergeRanges(ranges, full.length);
      const whole = window.length === 1 && window[0].start === 0 && window[0].end === full.length;
      const meets = (s: Span) => window.some(w => s.start < w.end && w.start < s.end);
      const part = whole ? full : resultMeeting(full, meets);
      const huge = full.length >= PREVIEW_FROM && this.pinned.has(key);
      // (A huge open document's counts come with what an edit's preview reads of its result, worked out here, once
      // per result, rather than on the next keystroke.)
      out.push({ ...this.view(key, part), window, counts: huge ? previewLayout(full).counts : countSpans(full) });
      // What an edit's preview of a huge open document starts from.
      if (huge) {
        this.lastShown.set(key, { text: this.corpus.text(key)!, result: full, version: this.pinned.get(key) ?? null });
        if (!this.warmed && window.length) this.warmFor = { key, at: window[0].start };
      } else this.lastShown.delete(key);
    }
    return out;
  }

  /** Of each huge open document, the last whole result handed out for editors (as views show it), with its text and editor version. */
  private readonly lastShown = new Map<string, { text: string; result: DocumentResult; version: number | null }>();

  /** What previews analyse slices of text with (warm from one preview to the next). */
  private readonly slices = new SliceAnalyser();

  /** Whether an edit's preview ran in this worker (for real, or to warm up). */
  private warmed = false;
  /** A huge open document shown in an editor, and where, while no edit's preview has run (see `warmUp`). */
  private warmFor: { key: string; at: number } | null = null;

  /** Whether `warmUp` has something to do. */
  get warmUpOwed(): boolean {
    return this.warmFor !== null && !this.warmed;
  }

  /**
   * Runs an edit's preview of the huge document last shown, a space typed where the
   * editor shows it, and throws it away. The first previews in a worker otherwise
   * pay for compiling the preview's own code and for the slice analyser's empty
   * memos: through the real worker, the first three edits of a 1 MB article took
   * 56–397 ms to preview against 8–25 ms later. Called when the worker is idle;
   * nothing is sent and nothing kept but the memos.
   */
  warmUp(): void {
    const w = this.warmFor;
    this.warmFor = null;
    const before = w && !this.warmed ? this.lastShown.get(w.key) : undefined;
    if (!w || !before) return;
    this.warmed = true;
    const at = Math.min(w.at, before.text.length);
    try {
      this.preview(w.key, before.version, `${before.text.slice(0, at)} ${before.text.slice(at)}`, [{ start: at, end: at + 1 }]);
    } catch {
      // (A real edit's preview says what failed.)
    }
  }

  /** Whether `warmEdits` ran in this process (it runs once). */
  private static editsWarmed = false;

  /** Whether `warmEdits` has something to do. */
  get editsWarmUpOwed(): boolean {
    return !IndexService.editsWarmed;
  }

  /**
   * Runs the worker's path for an edit (two phases: the first, then the settle, each
   * with its views and summaries) three times on a private corpus of three short
   * reports (`WARM_TEXTS`), and throws it away. V8 compiles a function when it is
   * first called and optimises it as it runs: the first edit after a build ran the
   * edit path's code (the indexes' per-document updates, the provisional results)
   * for the first time: with 2,000 articles indexed it took 65.6–92.2 ms against
   * 17–41 ms for the next ones (bench/corpus --two-phase --cold), and 53.3 and 45.2
   * ms warmed. Once per process (the code is shared), when the worker is idle after
   * its first build; nothing of this service is touched.
   */
  warmEdits(): void {
    if (IndexService.editsWarmed) return;
    IndexService.editsWarmed = true;
    try {
      IndexService.runEdits(this.files);
    } catch {
      // (Only a warm-up: a real edit reports what fails.)
    }
  }

  /** `warmEdits`'s work, whether or not it ran before: a service of its own built from `WARM_TEXTS` and edited three times. */
  static runEdits(files: FileAccess = nodeFiles): void {
    const warm = new IndexService(files);
    warm.deferSettle = true;
    for (const { key, text } of WARM_TEXTS) warm.setOpen(key, text, 1);
    warm.summaries(warm.takeChanged());
    warm.settle();
    warm.summaries(warm.takeChanged());
    const { key, text } = WARM_TEXTS[0];
    for (let edit = 1; edit <= 3; edit++) {
      // A word typed into the quote, then into the shared passage, then at the end.
      const at = [text.indexOf('never seen'), text.indexOf('two shelters'), text.length][edit - 1];
      const edited = `${text.slice(0, at)}${'x'.repeat(edit)} ${text.slice(at)}`;
      warm.setOpen(key, edited, edit + 1);
      const changed = warm.takeChanged();
      warm.documents([key]);
      warm.windows([{ key, ranges: [{ start: 0, end: edited.length }] }]);
      warm.summaries(changed);
      warm.settle();
      warm.summaries(warm.takeChanged());
    }
  }

  /**
   * A preview of a huge document's new text (preview.ts) for editors showing
   * `visible`: after an edit, the last result handed out for it moved past the edit,
   * its edited paragraphs analysed again; else the part shown analysed alone. Null
   * when the text is not huge or nothing is visible.
   */
  preview(key: string, version: number | null, text: string, visible: readonly Span[]): WindowView | null {
    const before = this.pinned.has(key) ? this.lastShown.get(key) : undefined;
    const annotate = (r: DocumentResult) => this.annotate(r, text);
    if (before) this.warmed = true;
    const p = before && editPreview(before, text, visible, (start, end) => annotate(this.slices.analyse(key, text, start, end)));
    // (The entities' source counts only as known: brought up to date, they would cost the whole corpus's linking first.)
    if (p) {
      return {
        ...this.view(key, p.result, version, this.viewsSynced), window: [p.window], counts: p.counts, preview: true,
        ...(p.edited.end > p.edited.start ? { edited: p.edited } : {}),
        ...(before.version !== null ? { movedFrom: { version: before.version, delta: p.delta } } : {}),
      };
    }
    return previewView(key, version, text, visible, annotate, this.slices);
  }

  /** A document's view; `sources` false: without the entities' source counts (none worked out for it). */
  private view(key: string, result: DocumentResult, version = this.pinned.get(key) ?? null, sources = true): DocumentView {
    return { key, version, result: this.withVariantText(result), entitySources: sources ? this.entitySources(result) : {} };
  }

  /**
   * The annotations file to apply (null: none). Every document's view may change,
   * so all are reported as touched.
   */
  setAnnotations(config: AnnotationsConfig | null): void {
    const empty = (c: AnnotationsConfig | null) => !c || (!c.annotations.corrections.length && !c.annotations.aliases.length && !c.annotations.sources.length);
    if (empty(config) && empty(this.annotations)) return;
    this.annotations = empty(config) ? null : config;
    this.applied = null;
    // (The results last handed out were made with the annotations before: no edit's preview starts from them.)
    this.lastShown.clear();
    this.viewsSynced = false;
    for (const key of this.corpus.paths()) this.changes.touch(key, false);
  }

  /** The entries of the annotations file that applied to nothing. */
  orphans(): Orphan[] {
    if (!this.annotations) return [];
    // While a build runs, what was last worked out (the corpus is linked when it ends).
    if (this.building) return this.applied?.orphans ?? [];
    this.all();
    return this.applied?.orphans ?? [];
  }

  /** A document's own source metadata, read again only when its text changed. */
  private sourceOf(key: string): SourceInfo | null {
    const text = this.corpus.text(key);
    if (text === undefined) return null;
    const known = this.sources.get(key);
    if (known?.text === text) return known.source;
    const source = findSource(text);
    this.sources.set(key, { text, source });
    return source;
  }

  /**
   * One document's result as views show it: with the annotations applied, its
   * source metadata and the direction of its shared passages. Without annotations
   * that costs one document's work; with them, the corpus's (once per state).
   */
  private result(key: string): DocumentResult | undefined {
    if (this.annotations) return this.all().get(key);
    const r = this.corpus.result(key);
    return r && applyAnnotations([r], null, { text: k => this.corpus.text(k), sourceOf: k => this.sourceOf(k) }).documents[0];
  }

  /**
   * A result the corpus does not hold (a preview: part of a text being opened) as
   * views show it: the reader's corrections applied against `text`, the whole text.
   */
  annotate(result: DocumentResult, text: string): DocumentResult {
    if (!this.annotations) return result;
    const keys = this.annotations.keys;
    return applyAnnotations([result], this.annotations.annotations, {
      text: () => text,
      sourceOf: () => null,
      resolvePath: p => (Object.hasOwn(keys, p) ? keys[p] : undefined),
    }).documents[0] ?? result;
  }

  /**
   * Without annotations, each document's result as views show it, with the corpus's
   * result it was made from: it stands while the corpus hands out the same result and
   * the text of no document it shares a passage with changed (a passage's direction
   * reads both documents' dates).
   */
  private readonly viewed = new Map<string, { from: DocumentResult; out: DocumentResult }>();
  /** Documents whose text changed (or that were removed) since `viewed` was last brought up to date. */
  private readonly retexted = new Set<string>();
  /**
   * The corpus's results, in its order, that `viewed` was last brought up to date
   * with (null: none, or the views were made with annotations since): a result at the
   * same place is the same document's, whose view stands unless `retexted` says not.
   */
  private viewedFrom: DocumentResult[] | null = null;

  /**
   * Every document's result as views show it (see `result`), by key in the corpus's
   * order; the change tracker is told the views that changed. Not to be written into.
   */
  private all(): ReadonlyMap<string, DocumentResult> {
    if (this.applied) return this.applied.results;
    if (!this.annotations) return this.allPlain();
    this.viewed.clear();
    this.viewedFrom = null;
    this.retexted.clear();
    const keys = this.annotations.keys;
    const r = applyAnnotations(this.corpus.allResults(), this.annotations.annotations, {
      text: k => this.corpus.text(k),
      sourceOf: k => this.sourceOf(k),
      resolvePath: p => (Object.hasOwn(keys, p) ? keys[p] : undefined),
    });
    const results = new Map(r.documents.map(d => [d.path, d]));
    this.applied = { results, orphans: r.orphans };
    this.changes.sync(results);
    this.viewsSynced = true;
    return results;
  }

  /**
   * `all` without annotations: a document's view made again only when it can have
   * changed (see `viewed`). What it costs beyond the views made again is a look at
   * each result the corpus hands out (the same object as last time, or not).
   */
  private allPlain(): ReadonlyMap<string, DocumentResult> {
    // (Whole, it never pauses, so nothing changes the corpus under it.)
    return drain(this.viewing(WHOLE))!;
  }

  /**
   * `allPlain`, pausing (yielding `PAUSE`) when `slice` is spent. Given up at a pause, or stopped there because the
   * corpus changed meanwhile, the views made so far stand (each is kept with the result it was made from, and used
   * only while the corpus hands out that very object), and the next call looks at the rest.
   */
  private *viewing(slice: Slice): Generator<string, ReadonlyMap<string, DocumentResult> | null> {
    const changes = this.corpus.changes;
    const corpus = this.corpus.allResults();
    const opts = { text: (k: string) => this.corpus.text(k), sourceOf: (k: string) => this.sourceOf(k) };
    const make = (r: DocumentResult) => {
      const out = applyAnnotations([r], null, opts).documents[0];
      this.viewed.set(r.path, { from: r, out });
      this.changes.set(r.path, out);
    };
    // Views to be made again: of the documents whose text changed, and of those sharing a passage with one (before or
    // after). Made first, in one go (they are few): what is given up later is then only the look at the others.
    const redo = new Set<string>();
    const drop = (key: string) => {
      if (this.viewed.delete(key)) redo.add(key);
    };
    for (const key of this.retexted) {
      const v = this.viewed.get(key);
      if (!v) continue;
      drop(key);
      for (const d of v.from.duplicates) drop(d.other.path);
    }
    for (const key of this.retexted) {
      if (!this.corpus.has(key)) {
        this.changes.set(key, undefined);
        continue;
      }
      for (const d of this.corpus.result(key)?.duplicates ?? []) drop(d.other.path);
    }
    this.retexted.clear();
    for (const key of redo) {
      const r = this.corpus.result(key);
      if (r) make(r);
    }
    const from = this.viewedFrom;
    let moved = !from || from.length !== corpus.length;
    for (let i = 0; i < corpus.length; i++) {
      if (slice.due()) {
        yield PAUSE;
        // (A build's files come between the settle's slices: the results looked at may be gone.)
        if (this.corpus.changes !== changes) return null;
        slice.next();
      }
      const r = corpus[i];
      if (from?.[i] === r) continue;
      if (from?.[i]?.path !== r.path) moved = true;
      const v = this.viewed.get(r.path);
      if (v?.from === r) continue;
      // A new result with the same data (a settle hands out many) keeps its view: no text it reads changed (see `redo`).
      if (v && sameData(v.from, r)) this.viewed.set(r.path, { from: r, out: v.out });
      else make(r);
    }
    this.viewedFrom = corpus;
    if (moved) {
      // A document came or went (or the views were made afresh): those gone are dropped, and the order is the corpus's.
      const keys = corpus.map(r => r.path);
      const present = new Set(keys);
      for (const key of [...this.viewed.keys()]) if (!present.has(key)) this.viewed.delete(key);
      for (const key of [...this.changes.views.keys()]) if (!present.has(key)) this.changes.set(key, undefined);
      this.changes.reorder(keys);
    }
    this.viewsSynced = true;
    return this.changes.views;
  }

  /** One summary per document (of `keys` when given), sorted by key. */
  summaries(keys?: readonly string[]): SourceSummary[] {
    if (this.building) return this.provisionalSummaries(keys);
    // Many keys (a push after an edit names the edited document's neighbours): the views `takeChanged` just made, not each made again.
    const all = !keys || keys.length > 4 ? this.all() : null;
    const results = keys ? keys.map(k => (all ? all.get(k) : this.result(k))).filter(r => r !== undefined) : [...all!.values()];
    return results
      .map(summarize)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private withVariantText(result: DocumentResult): DocumentResult {
    return {
      ...result,
      quotes: result.quotes.map(q => ({
        ...q,
        variants: q.variants.map((v): QuoteLinkWithText => ({ ...v, text: this.corpus.text(v.path)?.slice(v.start, v.end) })),
      })),
    };
  }

  /** Of each entity of the result, how many documents mention it (by `entityKey`; at least 1). */
  private entitySources(result: DocumentResult): Record<string, number> {
    if (!this.viewsSynced) this.all();
    const out: Record<string, number> = {};
    for (const e of result.entities) {
      const k = entityKey(e.type, e.canonical);
      out[k] = this.changes.count(k) ?? 1;
    }
    return out;
  }
}

