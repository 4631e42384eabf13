/**
 * What `activate()` returns: a small, stable surface that integration tests (and
 * other extensions) read through `vscode.extensions.getExtension('source-lens.source-lens').exports`.
 * Nothing here imports `vscode`; URIs are passed as strings (`uri.toString()`).
 * Production code does not import from here: the types below are re-exported from
 * the modules that own them.
 */

import type { TreeNodeFields as TreeNodeSnapshot } from './claims/treeNodes';
import type { TreeOptions } from './claims/treeModel';
import type { TreeListing } from './claims/refreshPacer';
import type { DecorationKind, OffsetRange } from './decorations/kinds';
import type { SkippedFile } from './index/skipMessages';
import type { AnnotationState } from './annotations/AnnotationStore';
import type { DocumentResult } from '../core/types';

export { DECORATION_KINDS, type DecorationKind, type OffsetRange } from './decorations/kinds';
/** What a node of the Claims tree shows, as plain data. */
export type { TreeNodeSnapshot };
/** A file the index did not analyse, and why ("larger than the 5 MB limit (6 MB)", "binary file …"). */
export type { SkippedFile };
/** The annotations file as the extension sees it: where, whether it parses, orphans, undo depth. */
export type { AnnotationState };

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
  /** The children of a node returned by `treeRoots` (claims and quotes in reading order; a source of more than 500: its pages, whose children are its passages). */
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
  /** The Claims tree's switches in force (grouping, sorting, filters); undefined before the tree exists. */
  treeOptions(): TreeOptions | undefined;
  /** The switches as a new window would read them back from workspaceState (what survives a reload). */
  treeStoredOptions(): TreeOptions;
  /** The number on the Claims view's badge (disputed claims), undefined when it shows none. */
  treeBadge(): number | undefined;
  /**
   * The Claims tree's listings of changed sources so far: how many, and the last 16 (each: its sources,
   * `performance.now()` when it began, how long the oldest change in it had waited since the worker's push).
   */
  treeRefreshes(): { count: number; recent: TreeListing[] };
  /** Whether the Claims view is visible, as the extension was last told (VS Code tells it after the view has changed). */
  treeVisible(): boolean;
  /** A source's node as the default tree holds it now (no question to the worker), undefined when it is not listed. */
  treeShownSource(uri: string): TreeNodeSnapshot | undefined;
  /** A source's claims and quotes as the default tree holds them now, its pages' passages in turn (no question to the worker), undefined when not listed. */
  treeShownPassages(uri: string): TreeNodeSnapshot[] | undefined;
  /** Expands a source's node in the Claims view (the default tree), as a click on its twistie does. */
  treeExpand(uri: string): Promise<void>;
  /** Whether the extension switched word wrap on for a document (an included article, `sourceLens.wordWrap` on), once pending switches are made. */
  wordWrapped(uri: string): Promise<boolean>;
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
  /** The documents whose analysis the highlighter holds (released when a document closes). */
  heldDocuments(): string[];
  /**
   * What the highlighter holds of a document: the offset ranges it fetched (the whole
   * text of an ordinary article; of a huge one what is visible and a margin;
   * undefined when nothing is held), the kinds left off for having more than
   * `sourceLens.maxSpansPerKind` spans, and why its analysis is partial (or null).
   */
  documentState(uri: string): { window: OffsetRange[] | undefined; hiddenKinds: DecorationKind[]; partial: string | null; preview: boolean };
  /** How many previews (the part on screen of a huge document just opened, analysed first) were shown since activation, and the last one's document and window. */
  previewsShown(): { count: number; last?: { key: string; window: OffsetRange[]; edited?: OffsetRange } };
  /** How many index workers were started (a restart starts one), and whether it stays down after failing too often. */
  worker(): { started: number; down: boolean };
  /** The annotations file: its path, why it does not parse (or null), orphaned entries, how many corrections Undo can revert. */
  annotations(): AnnotationState;
  /** A document's analysis as the views show it (annotations applied), or undefined when the index does not hold it. */
  result(uri: string): Promise<DocumentResult | undefined>;
  /** The output channel's last lines (up to 500), oldest first, without time stamps. */
  logged(): string[];
  /** Where the persisted index is kept (the workspace storage's cache file), or undefined when there is no storage on disk. */
  indexCachePath(): string | undefined;
}
