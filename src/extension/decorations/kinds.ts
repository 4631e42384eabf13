/** The decoration kinds and the ranges they are set on; no `vscode` import (tests and the test API read them). */

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
