/**
 * The extension's settings as a typed, read-only snapshot. Pure: the VS Code side
 * passes a getter over `workspace.getConfiguration('sourceLens')`.
 */
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE } from '../../config/defaults';
import type { EntityType } from '../../core/types';

/** Entity types a user can highlight, in the order the settings list them. */
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE', 'NUMBER', 'MISC'];

export interface SourceLensConfig {
  /** Globs (workspace-relative) of the files analysed. */
  readonly include: readonly string[];
  /** Globs of files never analysed, even when an include glob matches. */
  readonly exclude: readonly string[];
  /** Files larger than this many bytes are skipped (same default as the CLI's). */
  readonly maxFileSize: number;
  /** Delay after the last edit before a document is re-analysed, in milliseconds. */
  readonly debounceMs: number;
  /** Highlight direct quotes. */
  readonly highlightQuotes: boolean;
  /** Highlight repeated and shared passages. */
  readonly highlightDuplicates: boolean;
  /** Highlight named entities (the types in `entityTypes`). */
  readonly highlightEntities: boolean;
  /** Which entity types are highlighted when `highlightEntities` is on. */
  readonly entityTypes: readonly EntityType[];
  /** Hide duplicated passages that are site boilerplate. */
  readonly hideBoilerplate: boolean;
  /** Build the workspace index in the background after activation. */
  readonly indexOnStartup: boolean;
  /** Show the counts of the active file in the status bar. */
  readonly statusBar: boolean;
  /** How long a request to the index worker may wait for its answer before the worker counts as stuck and is restarted, in milliseconds. */
  readonly requestTimeoutMs: number;
  /** A kind with more spans than this in one document stays unhighlighted there until asked ("Show All Highlights"). */
  readonly maxSpansPerKind: number;
  /** The most heap the background analysis may use, in MB; 0: chosen from the machine's memory (`workerHeapLimitMb`). */
  readonly workerMemoryMb: number;
}


export const DEFAULT_CONFIG: SourceLensConfig = Object.freeze({
  include: DEFAULT_INCLUDE,
  exclude: DEFAULT_EXCLUDE,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  debounceMs: 250,
  highlightQuotes: true,
  highlightDuplicates: true,
  highlightEntities: true,
  entityTypes: ['PERSON', 'ORG', 'PLACE', 'DATE', 'NUMBER'] as EntityType[],
  hideBoilerplate: false,
  indexOnStartup: true,
  statusBar: true,
  requestTimeoutMs: 30_000,
  maxSpansPerKind: 5000,
  workerMemoryMb: 0,
});

/** The least heap a `workerMemoryMb` other than 0 gives the background analysis, in MB. */
export const MIN_WORKER_MEMORY_MB = 256;

/** Reads a setting; returns undefined when unset or of the wrong shape. */
export type SettingGetter = (key: string) => unknown;

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every(s => typeof s === 'string') ? v.filter(s => s.trim() !== '') : undefined;
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const num = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : undefined;

/** A frozen snapshot of the settings; bad values fall back to the defaults. */
export function readConfig(get: SettingGetter): SourceLensConfig {
  const d = DEFAULT_CONFIG;
  const types = strings(get('highlight.entityTypes'))?.map(s => s.toUpperCase()).filter((s): s is EntityType => (ENTITY_TYPES as string[]).includes(s));
  return Object.freeze({
    include: Object.freeze(strings(get('include')) ?? [...d.include]),
    exclude: Object.freeze(strings(get('exclude')) ?? [...d.exclude]),
    maxFileSize: Math.round(num(get('maxFileSize'), 1, 2 ** 31) ?? d.maxFileSize),
    debounceMs: Math.round(num(get('debounceMs'), 0, 10_000) ?? d.debounceMs),
    highlightQuotes: bool(get('highlight.quotes')) ?? d.highlightQuotes,
    highlightDuplicates: bool(get('highlight.duplicates')) ?? d.highlightDuplicates,
    highlightEntities: bool(get('highlight.entities')) ?? d.highlightEntities,
    entityTypes: Object.freeze(types ?? [...d.entityTypes]),
    hideBoilerplate: bool(get('highlight.hideBoilerplate')) ?? d.hideBoilerplate,
    indexOnStartup: bool(get('indexOnStartup')) ?? d.indexOnStartup,
    statusBar: bool(get('statusBar')) ?? d.statusBar,
    requestTimeoutMs: Math.round(num(get('requestTimeoutMs'), 500, 3_600_000) ?? d.requestTimeoutMs),
    maxSpansPerKind: Math.round(num(get('maxSpansPerKind'), 1, 10_000_000) ?? d.maxSpansPerKind),
    workerMemoryMb: workerMemory(get('workerMemoryMb')) ?? d.workerMemoryMb,
  });
}

/** `workerMemoryMb` as given: 0 (automatic), or whole MB, at least `MIN_WORKER_MEMORY_MB`; undefined when not a number. */
function workerMemory(v: unknown): number | undefined {
  const mb = num(v, 0, 1 << 20);
  if (mb === undefined) return undefined;
  return mb <= 0 ? 0 : Math.max(MIN_WORKER_MEMORY_MB, Math.round(mb));
}
