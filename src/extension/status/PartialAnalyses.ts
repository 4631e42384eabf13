import type { Notifier } from './Notifier';

/**
 * Documents whose analysis is partial (a stage of the core stopped at its work
 * budget on pathological text): one line in the output channel per document, and
 * one notice the first time such a document is shown in an editor.
 */
export class PartialAnalyses {
  /** Reason last logged, per document. */
  private readonly logged = new Map<string, string>();
  private readonly noticed = new Set<string>();

  constructor(private readonly notifier: Notifier) {}

  /** Logs why a document's analysis is partial, once (again only when the reason changes). */
  log(key: string, path: string, reason: string): void {
    if (this.logged.get(key) === reason) return;
    this.logged.set(key, reason);
    this.notifier.log(`Partial analysis of ${path}: ${reason}`);
  }

  /** The same, and a notice the first time the document is found partial. */
  notice(key: string, path: string, reason: string): void {
    this.log(key, path, reason);
    if (this.noticed.has(key)) return;
    this.noticed.add(key);
    this.notifier.info(`Source Lens analysed only part of ${path}: ${reason}.`);
  }
}
