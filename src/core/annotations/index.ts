/** The reader's corrections, verdicts, aliases and source metadata: the file format and the post-pass that applies them. */
export * from './format';
export { applyAnnotations, type Applied, type ApplyOptions, type Orphan } from './apply';
export { contextOf, CONTEXT_UNITS } from './anchor';
export { orphanMessage } from './messages';
