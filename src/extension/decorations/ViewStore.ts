/**
 * The highlighter's latest views, one per document, each with the sequence number
 * of the last notification the worker had applied when it answered (`asOf`). A
 * reply that predates the document's last change, or the view held, never replaces
 * it: a stale answer that arrives late (a document closed and opened again, edited
 * meanwhile) cannot bring back old spans and hovers. No `vscode` import.
 */
import type { WindowView } from '../../protocol/protocol';

export class ViewStore {
  private readonly views = new Map<string, { view: WindowView; asOf: number }>();

  /**
   * Keeps a view answered as of notification `asOf`, unless the document changed
   * after that (`changedAt`) or the view held is newer. Returns whether it was kept.
   */
  put(view: WindowView, asOf: number, changedAt: number): boolean {
    if (asOf < changedAt) return false;
    const held = this.views.get(view.key);
    if (held && held.asOf > asOf) return false;
    this.views.set(view.key, { view, asOf });
    return true;
  }

  get(key: string): WindowView | undefined {
    return this.views.get(key)?.view;
  }

  has(key: string): boolean {
    return this.views.has(key);
  }

  delete(key: string): void {
    this.views.delete(key);
  }

  keys(): string[] {
    return [...this.views.keys()];
  }
}
