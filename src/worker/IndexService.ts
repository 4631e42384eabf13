/**
 * The corpus behind the index worker: reads and decodes files, keeps the text of
 * open documents (which wins over the file on disk), answers result queries, and
 * says which documents' views changed. No `vscode` and no worker plumbing, so it is
 * unit-tested directly.
 */
import { Corpus } from '../core/corpus/corpus';
import { DEFAULT_MAX_FILE_SIZE, tooLarge } from '../core/text/decode';
import type { DocumentResult } from '../core/types';
import { nodeFiles, readDocument, type FileAccess } from '../node/readDocument';
import { ChangeTracker } from './changes';
import { entityKey, type DocumentView, type FileRef, type IndexOutcome, type QuoteLinkWithText, type SkippedRef, type SourceSummary } from '../protocol/protocol';

export type { FileAccess } from '../node/readDocument';

export class IndexService {
  readonly corpus = new Corpus();
  maxFileSize = DEFAULT_MAX_FILE_SIZE;
  /** Keys whose text comes from an open editor, with the editor version. */
  private readonly pinned = new Map<string, number | null>();
  private cancelled = false;
  /** Documents refused, with the reason, and the changes not yet reported. */
  private readonly skippedKeys = new Map<string, string>();
  private skipChanges: { added: SkippedRef[]; cleared: string[] } = { added: [], cleared: [] };
  private entityCounts: Map<string, number> | null = null;
  private readonly changes = new ChangeTracker();

  /** `files` is how documents are read (a fake in tests). */
  constructor(private readonly files: FileAccess = nodeFiles) {}

  /** Why an open document's text is refused (over the size limit), or null. */
  private refuseText(text: string): string | null {
    // UTF-8 length without encoding: the limit is on the file's bytes.
    const bytes = Buffer.byteLength(text, 'utf8');
    return tooLarge(bytes, this.maxFileSize);
  }

  private markSkipped(key: string, reason: string): SkippedRef {
    this.delete(key, false);
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
    this.cancelled = true;
  }

  /**
   * Adds every file not held open by an editor. `pause` is awaited between files so
   * other requests (and a cancel) are served meanwhile; `progress` reports counts.
   */
  async index(files: readonly FileRef[], progress: (done: number, total: number) => void, pause: () => Promise<void>): Promise<IndexOutcome> {
    this.cancelled = false;
    const skipped: SkippedRef[] = [];
    let indexed = 0;
    for (let i = 0; i < files.length; i++) {
      if (i > 0) await pause();
      if (this.cancelled) return { indexed, skipped, cancelled: true };
      const f = files[i];
      if (!this.pinned.has(f.key)) {
        const r = readDocument(f.fsPath, this.maxFileSize, this.files);
        if (r.ok) {
          this.setText(f.key, r.text);
          indexed++;
        } else skipped.push(this.markSkipped(f.key, r.reason));
      } else indexed++;
      progress(i + 1, files.length);
    }
    return { indexed, skipped, cancelled: false };
  }

  /** An open editor's text: it replaces the file's content until `release`. */
  setOpen(key: string, text: string, version: number | null): SkippedRef | null {
    this.changes.touch(key, false);
    const refused = this.refuseText(text);
    if (refused) {
      const s = this.markSkipped(key, refused);
      this.pinned.set(key, version);
      return s;
    }
    this.pinned.set(key, version);
    this.setText(key, text);
    return null;
  }

  /** The editor closed: go back to the file on disk (or drop the document when there is none). */
  release(key: string, fsPath: string | null): SkippedRef | null {
    this.pinned.delete(key);
    this.changes.touch(key, false);
    if (!fsPath) {
      this.delete(key);
      this.markAnalysed(key);
      return null;
    }
    return this.reload(key, fsPath);
  }

  /** The file changed on disk; ignored while an editor holds it open. */
  reload(key: string, fsPath: string): SkippedRef | null {
    if (this.pinned.has(key)) return null;
    const r = readDocument(fsPath, this.maxFileSize, this.files);
    if (r.ok) {
      this.setText(key, r.text);
      return null;
    }
    return this.markSkipped(key, r.reason);
  }

  /** Drops a document (the file was deleted); `forget` also forgets it was skipped. */
  delete(key: string, forget = true): void {
    this.pinned.delete(key);
    if (forget) this.markAnalysed(key);
    if (this.corpus.delete(key)) {
      this.entityCounts = null;
      this.changes.touch(key, true);
    }
  }

  private setText(key: string, text: string): void {
    this.markAnalysed(key);
    if (this.corpus.text(key) === text) return;
    this.corpus.set(key, text);
    this.entityCounts = null;
    this.changes.touch(key, true);
  }

  /** Whether a document was added, changed or removed since the last `takeChanged`. */
  get hasChanges(): boolean {
    return this.changes.pending;
  }

  /**
   * The documents whose views (result, editor version, entity source counts, quote
   * variant texts) changed since the last call, sorted; any document of the corpus
   * may be among them, not only the ones edited. Resolves the corpus when something
   * changed.
   */
  takeChanged(): string[] {
    if (!this.changes.pending) return [];
    const results = new Map(this.corpus.allResults().map(r => [r.path, r]));
    return this.changes.take(results, this.counts(), k => this.corpus.text(k));
  }

  /** Views of the asked documents that are in the corpus, in the asked order. */
  documents(keys: readonly string[]): DocumentView[] {
    const out: DocumentView[] = [];
    for (const key of keys) {
      const result = this.corpus.result(key);
      if (!result) continue;
      out.push({ key, version: this.pinned.get(key) ?? null, result: this.withVariantText(result), entitySources: this.entitySources(result) });
    }
    return out;
  }

  /** One summary per document (of `keys` when given), sorted by key. */
  summaries(keys?: readonly string[]): SourceSummary[] {
    const results = keys ? keys.map(k => this.corpus.result(k)).filter(r => r !== undefined) : this.corpus.allResults();
    return results
      .map(r => ({
        key: r.path,
        title: r.title,
        quotes: r.quotes.length,
        claims: r.claims.length,
        duplicates: r.duplicates.length,
        entities: r.entities.length,
        corroborated: r.claims.filter(c => c.status === 'corroborated').length,
        disputed: r.claims.filter(c => c.status === 'disputed').length,
      }))
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

  /** How many documents mention each entity (by `entityKey`). */
  private counts(): Map<string, number> {
    if (!this.entityCounts) {
      const counts = new Map<string, number>();
      for (const r of this.corpus.allResults()) {
        const seen = new Set(r.entities.map(e => entityKey(e.type, e.canonical)));
        for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      this.entityCounts = counts;
    }
    return this.entityCounts;
  }

  private entitySources(result: DocumentResult): Record<string, number> {
    const counts = this.counts();
    const out: Record<string, number> = {};
    for (const e of result.entities) {
      const k = entityKey(e.type, e.canonical);
      out[k] = counts.get(k) ?? 1;
    }
    return out;
  }
}
