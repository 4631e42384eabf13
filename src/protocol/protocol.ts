/**
 * Messages between the extension host's main thread (IndexClient) and the index
 * worker (indexWorker.ts), and the shapes the worker returns. Documents are keyed
 * by their URI string; the worker reads files by `fsPath`.
 */
import type { DocumentResult, QuoteLink } from '../core/types';

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
}

export interface FileRef {
  key: string;
  fsPath: string;
}

export interface SkippedRef {
  key: string;
  reason: string;
}

export interface IndexOutcome {
  indexed: number;
  skipped: SkippedRef[];
  cancelled: boolean;
}

export type Request =
  | { type: 'configure'; maxFileSize: number }
  | { type: 'index'; id: number; files: FileRef[] }
  | { type: 'cancel' }
  | { type: 'set'; key: string; text: string; version: number | null }
  | { type: 'release'; key: string; fsPath: string | null }
  | { type: 'reload'; key: string; fsPath: string }
  | { type: 'delete'; key: string }
  | { type: 'documents'; id: number; keys: string[] }
  | { type: 'summaries'; id: number };

export type Response =
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'progress'; id: number; done: number; total: number }
  /** Documents newly refused (or with a new reason), and documents no longer refused. */
  | { type: 'skips'; added: SkippedRef[]; cleared: string[] };

/** The key of an entity in `entitySources`. */
export function entityKey(type: string, canonical: string): string {
  return `${type}\u0000${canonical}`;
}
