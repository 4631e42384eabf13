/**
 * The messages between the extension host's main thread (src/extension/index/) and
 * the index worker (src/worker/), typed once for both ends, and the shapes the
 * worker returns. Documents are keyed by their URI string; the worker reads files
 * by `fsPath`.
 *
 * Three kinds of message:
 * - requests (`Requests`): the main thread asks, the worker answers with the
 *   request's `result` (or an error);
 * - notifications (`Notifications`): the main thread tells, nothing comes back but
 *   the acknowledgement below;
 * - pushes (`Pushes`): the worker tells, unasked. After it has applied
 *   notifications it pushes `changed` with the documents whose views changed and
 *   the sequence number of the last notification applied; it pushes pending
 *   changes before any reply, so a reply never overtakes the news of a change.
 */
import type { Annotations, Orphan } from '../core/annotations';
import type { Claim, DocumentResult, EntityType, QuoteLink, SourceInfo, Span } from '../core/types';

/**
 * The annotations file the worker applies to every result (null: none), and the
 * document key each path it names stands for (paths are relative to the folder
 * holding `.sourcelens/`; keys are URIs, which only the main thread can make).
 */
export interface AnnotationsConfig {
  annotations: Annotations;
  keys: Record<string, string>;
}

/** A quote variant with the other source's wording attached, for the hover's diff. */
export interface QuoteLinkWithText extends QuoteLink {
  text?: string;
}

/** One document's analysis as the editor needs it. */
export interface DocumentView {
  key: string;
  /** The editor version whose text was analysed; null when the text came from disk. */
  version: number | null;
  /** The contract's result; quote variants carry `text`. */
  result: DocumentResult;
  /** How many sources mention each entity of this document, keyed by `entityKey`. */
  entitySources: Record<string, number>;
}

/**
 * What the Claims tree lists of a document: its claims and quotes. A huge article's
 * entities and duplicated passages (at 1 MB, 32,000 entities: nearly half of what its
 * result costs to copy between threads) stay behind.
 */
export type DocumentPassages = Pick<DocumentResult, 'path' | 'length' | 'title' | 'claims' | 'quotes'>;

/** A result's passages (`DocumentPassages`), its own lists, not copies. */
export function passagesOf(r: DocumentResult): DocumentPassages {
  return { path: r.path, length: r.length, title: r.title, claims: r.claims, quotes: r.quotes };
}

/** A document's passages (the `passages` request), with the editor version of the text they are of. */
export interface PassagesView {
  key: string;
  /** As `DocumentView.version`. */
  version: number | null;
  /** Quote variants carry `text`, as in `DocumentView`. */
  result: DocumentPassages;
}

/** How many spans of each kind a whole document has (the status bar's counts, and the density limit). */
export interface SpanCounts {
  quotes: number;
  claims: number;
  /** Duplicated passages repeated in the same document, and shared with another. */
  repeat: number;
  shared: number;
  /** Entities by type. */
  entities: Partial<Record<EntityType, number>>;
  /** Claims other sources corroborate, and claims they dispute (the Claims tree's source counts). */
  corroborated: number;
  disputed: number;
}

/** How many spans of each kind a document has. */
export function countSpans(r: DocumentResult): SpanCounts {
  const entities: SpanCounts['entities'] = {};
  for (const e of r.entities) entities[e.type] = (entities[e.type] ?? 0) + 1;
  let repeat = 0;
  for (const d of r.duplicates) if (d.kind === 'repeat') repeat++;
  const counts: SpanCounts = { quotes: r.quotes.length, claims: r.claims.length, repeat, shared: r.duplicates.length - repeat, entities, corroborated: 0, disputed: 0 };
  for (const c of r.claims) countStatus(counts, c);
  return counts;
}

/** Counts a claim in by its status: corroborated, disputed, or neither. */
export function countStatus(into: { corroborated: number; disputed: number }, c: Claim): void {
  if (c.status === 'corroborated') into.corroborated++;
  else if (c.status === 'disputed') into.disputed++;
}

/**
 * How far an item of the text before an edit moves when `edited` (offsets after the
 * edit) was analysed again and the text after it moved by `delta`: 0 when the item
 * ends before it, `delta` when it starts after it, NaN when it meets it (the item is
 * made again from the new analysis). One rule for the worker's edit preview and the
 * views that follow it.
 */
export function editShift(s: Span, edited: Span, delta: number): number {
  return s.end <= edited.start ? 0 : s.start >= edited.end - delta ? delta : NaN;
}

/** A result with only the items `meets` keeps (its other fields the whole document's). */
export function resultMeeting(r: DocumentResult, meets: (s: Span) => boolean): DocumentResult {
  return { ...r, quotes: r.quotes.filter(meets), entities: r.entities.filter(meets), duplicates: r.duplicates.filter(meets), claims: r.claims.filter(meets) };
}

/**
 * The part of a document's view that the editor shows: `result` holds only the
 * items that meet `window` (its other fields are the whole document's), so a huge
 * document costs what its visible part costs; `counts` are the whole document's.
 */
export interface WindowView extends DocumentView {
  /** The ranges asked for, clamped to the document, sorted and merged. */
  window: Span[];
  counts: SpanCounts;
  /**
   * A first paint of a huge document (the `preview` push): `window` alone analysed
   * as a document of its own, before the whole analysis replaces it. Absent on
   * every view the index answers with.
   */
  preview?: boolean;
  /**
   * A preview of an edit: the part analysed again (the edited paragraphs); the rest
   * is the last result shown, moved past the edit. Absent on an opening's preview.
   */
  edited?: Span;
  /**
   * An edit's preview: the editor version of the last whole result it moved past the
   * edit, and how far the text after `edited` moved. A view that holds that result
   * whole (the Claims tree) can make the preview's whole lists from it: its items
   * moved by `editShift`, with the items of this view that meet `edited` in between.
   */
  movedFrom?: { version: number; delta: number };
}

/** Documents of at least this many characters get a `preview` when opened (smaller ones are analysed whole well within the open budget). */
export const PREVIEW_FROM = 200_000;

/** What the Claims tree's top level needs of one source. */
export interface SourceSummary {
  key: string;
  title: string | null;
  quotes: number;
  claims: number;
  duplicates: number;
  entities: number;
  corroborated: number;
  disputed: number;
  /** Why the analysis is partial (a stage stopped at its work budget), or null. */
  truncated: string | null;
  /** Outlet, date and URL when known (front matter, a header, the annotations file). */
  source?: SourceInfo | null;
}

/** What the Claims tree's top level shows of a document's result. */
export function summarize(r: DocumentResult): SourceSummary {
  const status = { corroborated: 0, disputed: 0 };
  for (const c of r.claims) countStatus(status, c);
  return {
    key: r.path,
    title: r.title,
    quotes: r.quotes.length,
    claims: r.claims.length,
    duplicates: r.duplicates.length,
    entities: r.entities.length,
    corroborated: status.corroborated,
    disputed: status.disputed,
    truncated: r.truncated?.reason ?? null,
    source: r.source ?? null,
  };
}

export interface FileRef {
  key: string;
  fsPath: string;
}

/** Files found in workspace folders (by folder index and '/'-separated path below it), and what was skipped. */
export interface FolderFiles {
  files: { folder: number; rel: string; fsPath: string }[];
  skipped: { folder: number; rel: string; reason: string }[];
}

export interface SkippedRef {
  key: string;
  reason: string;
}

/**
 * The index worker's exit code when its heap stays nearly full after a full collection
 * (`HEAP_FULL` of its limit, heapWatch.ts): it stops at once, as if it had run out
 * (WorkerConnection does not restart it), instead of collecting for minutes near the
 * limit before the engine gives up (10,000 articles in a 4 GB worker: 14 minutes).
 */
export const HEAP_FULL_EXIT = 86;

/** The index worker's memory: its own heap (used, and the limit it runs under) and the process's resident set. */
export interface WorkerMemory {
  heapUsedMb: number;
  heapLimitMb: number;
  rssMb: number;
}

export interface IndexOutcome {
  indexed: number;
  /** Of those, how many were restored from the persisted index (unchanged since it was written) instead of analysed. */
  restored?: number;
  /** The worker's memory when the build ended. */
  memory?: WorkerMemory;
  skipped: SkippedRef[];
  /** Documents of the build whose analysis is partial, with the reason. */
  partial: SkippedRef[];
  cancelled: boolean;
}

/** The key of an entity in `entitySources`. */
export function entityKey(type: string, canonical: string): string {
  return `${type}\u0000${canonical}`;
}

/** How a window is written: ranges clamped to [0, length], sorted, overlapping and touching ones merged, empty ones dropped. */
export function mergeRanges(ranges: readonly Span[], length: number): Span[] {
  const clamped = ranges
    .map(r => ({ start: Math.max(0, Math.min(length, r.start)), end: Math.max(0, Math.min(length, r.end)) }))
    .filter(r => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const r of clamped) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push(r);
  }
  return out;
}

/** What the main thread asks, and what each answer is. */
export interface Requests {
  /**
   * Reads and analyses the files (those an editor does not hold open), reporting
   * `progress` as it goes; a `cancel` notification stops it.
   */
  index: { params: { files: FileRef[] }; result: IndexOutcome };
  /**
   * The article files of workspace folders on disk, by the rules the CLI walks a
   * directory with (src/node/walkFolder.ts): links to directories followed once,
   * loops and unreadable directories skipped with a reason.
   */
  files: { params: { folders: string[]; include: string[]; exclude: string[] }; result: FolderFiles };
  /** Views of the asked documents that the index holds, in the asked order. */
  documents: { params: { keys: string[] }; result: DocumentView[] };
  /** The passages of the asked documents that the index holds, in the asked order (what the Claims tree lists). */
  passages: { params: { keys: string[] }; result: PassagesView[] };
  /** Of each asked document that the index holds, the part that meets the given ranges (see `WindowView`), in the asked order. */
  windows: { params: { docs: { key: string; ranges: Span[] }[] }; result: WindowView[] };
  /** One summary per document the index holds (only of `keys` when given), sorted by key. */
  summaries: { params: { keys?: string[] }; result: SourceSummary[] };
  /** The entries of the annotations file that applied to nothing (orphans), as of now. */
  orphans: { params: Record<string, never>; result: Orphan[] };
}

/** What the main thread tells the worker. */
export interface Notifications {
  /** Sent first to every new worker, and again when the annotations file changes. */
  configure: {
    maxFileSize: number;
    annotations?: AnnotationsConfig | null;
    /**
     * The folder the persisted index is kept in (the extension's workspace
     * storage), or null for none; absent leaves it as it is.
     */
    storage?: string | null;
  };
  /** Stops the index build in progress (what it added stays). */
  cancel: Record<string, never>;
  /** An open editor's text: it replaces the file's content until `release`. Text over the size limit is refused as skipped. */
  set: {
    key: string;
    text: string;
    version: number | null;
    /**
     * What the document's editors show (offsets), sent with a huge document's text: the
     * worker first pushes a `preview` of that part (when opened, the part analysed
     * alone; when edited, the last result shown moved past the edit, the edited
     * paragraphs analysed again).
     */
    visible?: Span[];
  };
  /** The editor closed: back to the file on disk (`fsPath`), or the document is dropped (null). */
  release: { key: string; fsPath: string | null };
  /** The file changed on disk (ignored while an editor holds it open). */
  reload: { key: string; fsPath: string };
  /** The file was deleted. */
  delete: { key: string };
}

/** What the worker tells the main thread unasked. */
export interface Pushes {
  /** Documents newly refused (or refused for a new reason), and documents no longer refused. */
  skips: { added: SkippedRef[]; cleared: string[] };
  /**
   * Sent after the worker applied notifications (every notification is followed by
   * one, `keys` possibly empty): the documents whose view changed (their result, the
   * editor version, the text of a quote variant they show, or, for a document open in
   * an editor, an entity's source count), in any document of the corpus; `seq` is the
   * last notification applied.
   */
  changed: { keys: string[]; seq: number };
  /**
   * The part on screen of a huge document just opened, analysed alone (see
   * `WindowView.preview`), sent before the whole document is analysed; `seq`, the
   * `set` notification it answers (a view of an older text never replaces a newer one).
   */
  preview: { view: WindowView; seq: number };
  /** Something failed that no request answers for (the main thread logs it). */
  problem: { message: string };
  /** A line for the output channel (the persisted index: restored, written, discarded). */
  log: { message: string };
}

export type RequestKind = keyof Requests;
export type NotificationKind = keyof Notifications;
export type PushKind = keyof Pushes;

// Requests, notifications and pushes are written as maps over the kinds indexed by
// `K`, so that a function generic in `K` reads `params` and `result` of that kind
// without a cast (a handler table indexed by `msg.kind` takes `msg.params`).

/** A request on the wire. */
export type RequestMessage<K extends RequestKind = RequestKind> = {
  [P in K]: { type: 'request'; id: number; kind: P; params: Requests[P]['params'] };
}[K];

/** A notification on the wire; `seq` counts notifications from 1 up. */
export type NotificationMessage<K extends NotificationKind = NotificationKind> = {
  [P in K]: { type: 'notify'; seq: number; kind: P; params: Notifications[P] };
}[K];

/** The answer to request `id` (a conditional type, so that a reply of a generic kind is still one of `FromWorker`). */
export type ReplyMessage<K extends RequestKind = RequestKind> = K extends RequestKind
  ? { type: 'reply'; id: number; kind: K; result: Requests[K]['result'] }
  : never;

export type PushMessage<K extends PushKind = PushKind> = {
  [P in K]: { type: 'push'; kind: P; params: Pushes[P] };
}[K];

/** Request `id` failed. */
export interface ErrorMessage {
  type: 'error';
  id: number;
  kind: RequestKind;
  message: string;
}

/** How far request `id` (an `index` build) has come. */
export interface ProgressMessage {
  type: 'progress';
  id: number;
  done: number;
  total: number;
}

/** Everything the main thread sends. */
export type ToWorker = RequestMessage | NotificationMessage;
/** Everything the worker sends. */
export type FromWorker = ReplyMessage | ErrorMessage | ProgressMessage | PushMessage;

/** The persisted index's file name in the folder given as `configure.storage` (the worker writes it; the test API reports its path). */
export const INDEX_CACHE_FILE = 'index-cache.slidx';
