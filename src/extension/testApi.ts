/**
 * What `activate()` returns: a small, stable surface that integration tests (and
 * other extensions) read through `vscode.extensions.getExtension('source-lens.source-lens').exports`.
 * Nothing here imports `vscode`; URIs are passed as strings (`uri.toString()`).
 */

/** Every decoration kind the highlighter sets, in a fixed order. */
export const DECORATION_KINDS = ['quote', 'repeat', 'shared', 'person', 'org', 'place', 'date', 'number', 'misc'] as const;

/**
 * One decoration kind: `quote`; `repeat` (a passage repeated in the same file) or
 * `shared` (a passage shared with another file) for duplicated passages; or an
 * entity type in lower case. A passage that is both repeated and shared is in both.
 */
export type DecorationKind = (typeof DECORATION_KINDS)[number];

/** A half-open range of UTF-16 offsets into the document text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** What a node of the Claims tree shows, as plain data. */
export interface TreeNodeSnapshot {
  /** Stable id built from the document URI and the offsets (`uri`, `uri#claim:12-80`). */
  id: string;
  /** `source` for a file; `claim` or `quote` for a passage under it. */
  type: 'source' | 'claim' | 'quote';
  label: string;
  description: string;
  /** Plain text of the tooltip. */
  tooltip: string;
  /** The document's URI as a string. */
  uri: string;
  /** Workspace-relative path of the document ('/'-separated). */
  path: string;
  /** Passage offsets; absent on a source node. */
  start?: number;
  end?: number;
  /** The command a click runs, with its arguments. */
  command?: { command: string; arguments: unknown[] };
}

/** A file the index did not analyse, and why ("larger than the 5 MB limit (6 MB)", "binary file …"). */
export interface SkippedFile {
  /** Workspace-relative path ('/'-separated). */
  path: string;
  uri: string;
  reason: string;
}

/** The object `activate()` resolves to. */
export interface SourceLensApi {
  /** The decoration kind names, in the order decorations are set. */
  readonly kinds: readonly DecorationKind[];
  /**
   * The offset ranges last set, per kind, on the visible editors of a document
   * (every kind present; an empty array when nothing of that kind is shown or the
   * kind is switched off). All kinds are empty for a document with no visible editor.
   */
  decorations(uri: string): Record<DecorationKind, OffsetRange[]>;
  /** Hover texts (markdown source) the extension offers at an offset of a document. */
  hoverText(uri: string, offset: number): string[];
  /** The Claims tree's top level: one node per source file, sorted by path. */
  treeRoots(): Promise<TreeNodeSnapshot[]>;
  /** The children of a node returned by `treeRoots` (claims and quotes in reading order). */
  treeChildren(node: TreeNodeSnapshot): Promise<TreeNodeSnapshot[]>;
  /**
   * Id of the Claims-tree node last revealed by following the editor's cursor
   * (only while the view is visible); undefined before the first.
   */
  treeFollowed(): string | undefined;
  /**
   * How long activation took on the extension host's main thread, in milliseconds:
   * evaluating the extension's modules (`loadMs`) and running `activate()`
   * (`activateMs`); `waitMs` is VS Code's own work between the two (preparing the
   * extension context), not the extension's.
   */
  activationTime(): { loadMs: number; activateMs: number; waitMs: number };
  /** The message shown at the top of the Claims view (indexing, cancelled, skipped files), if any. */
  treeMessage(): string | undefined;
  /** The status-bar item's text, or '' when it is hidden. */
  statusText(): string;
  /**
   * Resolves once no work is pending: no debounce timer waiting, no index build or
   * worker request in flight, and decorations/tree/status of the latest results applied.
   */
  whenIdle(): Promise<void>;
  /** Files skipped so far (index and opened documents), each with its reason. */
  skipped(): SkippedFile[];
  /** Every user-facing message shown (information, warning, error), oldest first. */
  messages(): string[];
}
