/**
 * The Claims tree after an edit of a huge document, ahead of the worker's exact
 * result. The worker pushes an edit's preview for the editor: the last whole result
 * moved past the edit, the edited paragraphs analysed again, but only the items the
 * editor's window shows. The tree lists every claim and quote of the source, so it
 * makes the preview's whole lists itself from the whole result it last listed, when
 * that is the result the preview moved (the same editor version): a few thousand
 * offsets moved instead of the exact result's wait (docs/scale.md).
 */
import type { Span } from '../../core/types';
import { editShift, type DocumentPassages, type SourceSummary, type WindowView } from '../../protocol/protocol';
import { inPlaceOrder, type PassageMemo } from './treeNodes';

/** The whole passages the tree listed, with the editor version of the text they are of (null: the file on disk). */
export interface ListedResult {
  version: number | null;
  result: DocumentPassages;
}

/**
 * The claims and quotes of `base` as `view`, an edit's preview of it, makes them:
 * the items before the edited paragraphs as they were, those after moved by the
 * edit's length, the view's own items in between (an old item one of them overlaps
 * gives way, as in the worker). Null when the view is no edit preview of `base`, or
 * its window does not hold all of the edited paragraphs. With `memo`, what each item
 * was moved from is noted (its node's words are made once).
 */
export function previewedResult(base: ListedResult, view: WindowView, memo?: PassageMemo): DocumentPassages | null {
  const from = view.movedFrom;
  if (!view.preview || !from || base.version !== from.version) return null;
  const edited = view.edited ?? { start: 0, end: 0 };
  if (edited.end > edited.start && !view.window.some(w => w.start <= edited.start && edited.end <= w.end)) return null;
  return {
    ...base.result,
    length: view.result.length,
    title: view.result.title,
    claims: moved(base.result.claims, view.result.claims, edited, from.delta, memo),
    quotes: moved(base.result.quotes, view.result.quotes, edited, from.delta, memo),
  };
}

function moved<T extends Span>(old: readonly T[], shown: readonly T[], edited: Span, delta: number, memo: PassageMemo | undefined): T[] {
  // (Of a preview's items, only those made again meet the edited paragraphs: the old ones are moved clear of them.)
  const fresh = shown.filter(s => s.start < edited.end && edited.start < s.end);
  const out: T[] = [], from: T[] = [];
  for (const s of old) {
    const by = editShift(s, edited, delta);
    if (Number.isNaN(by)) continue;
    const start = s.start + by, end = s.end + by;
    if (fresh.some(f => f.start < end && start < f.end)) continue;
    out.push(by === 0 ? s : { ...s, start, end });
    from.push(s);
  }
  const list = inPlaceOrder(out, fresh);
  if (memo) {
    // The moved items keep their order among the new ones (a merge); a new item stands for itself.
    const origins: T[] = new Array(list.length);
    let k = 0;
    for (let i = 0; i < list.length; i++) origins[i] = k < out.length && list[i] === out[k] ? from[k++] : list[i];
    if (k === out.length) memo.movedList(list, origins);
  }
  return list;
}

/** A source's summary as an edit's preview counts it (the whole document's counts; its metadata as last listed). */
export function previewedSummary(old: SourceSummary, view: WindowView): SourceSummary {
  const c = view.counts;
  let entities = 0;
  for (const n of Object.values(c.entities)) entities += n ?? 0;
  return { ...old, title: view.result.title, quotes: c.quotes, claims: c.claims, duplicates: c.repeat + c.shared, entities, corroborated: c.corroborated, disputed: c.disputed };
}
