/**
 * Which documents' views changed since the last report. One document's edit can
 * change other documents' results (shared passages, quote variants, claim links,
 * names resolved across the corpus, which words and passages count as too common
 * to link), so the results are compared with those last reported instead of being
 * guessed from links. The tracker is told each document's view as it is replaced
 * (`set`), and keeps what a report needs by document: which views moved since the
 * last report, how many documents mention each entity (and which), and which
 * documents carry a quote variant in each document; a report then costs what
 * changed, not the corpus.
 */
import { sameData } from '../core/sameData';
import type { DocumentResult, Entity, Quote } from '../core/types';
import { entityKey } from '../protocol/protocol';

/** What the tracker keeps of one document's view. */
interface Kept {
  view: DocumentResult;
  /** The entity list its keys were taken from (a view made again often hands out the same list). */
  entities: readonly Entity[];
  keys: ReadonlySet<string>;
  /** The quote list its variants' documents were taken from. */
  quotes: readonly Quote[];
  variantPaths: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export class ChangeTracker {
  /** Every document's view now, by key (the map `IndexService.all` hands out without annotations). */
  readonly views = new Map<string, DocumentResult>();
  private readonly kept = new Map<string, Kept>();
  /** Each document's view when last reported. */
  private readonly reported = new Map<string, DocumentResult>();
  /** Documents whose view was set (added, replaced, removed) since the last report: every other's is the very object reported. */
  private readonly moved = new Set<string>();
  /** Per entity key, the documents whose view mentions it (their number is the entity's source count). */
  private readonly holders = new Map<string, Set<string>>();
  /** Entity keys whose holders changed since the last report, with the count reported (undefined: none). */
  private readonly countWas = new Map<string, number | undefined>();
  /** Per document, the documents whose view has a quote variant in it. */
  private readonly variantHolders = new Map<string, Set<string>>();
  /** Each reported document's text when last reported (the strings themselves, no copies). */
  private readonly reportedTexts = new Map<string, string>();
  /** Documents whose text, presence or editor version changed since the last report. */
  private readonly touched = new Set<string>();
  /** Of those, the ones whose text changed or that were removed. */
  private readonly rewritten = new Set<string>();

  /** A document's editor version changed, or (`text`) its text or presence. */
  touch(key: string, text: boolean): void {
    this.touched.add(key);
    if (text) this.rewritten.add(key);
  }

  /** Results may have changed without any text or editor version changing (a settle): a report is due. */
  private again = false;

  /** Every document's result may have changed (see `again`). */
  recheck(): void {
    this.again = true;
  }

  /** Whether anything may have changed since the last report. */
  get pending(): boolean {
    return this.touched.size > 0 || this.again;
  }

  /** How many documents' views mention the entity (by `entityKey`); undefined when none does. */
  count(key: string): number | undefined {
    return this.holders.get(key)?.size;
  }

  /**
   * A document's view now (undefined: the document is gone). Views are new objects
   * when anything in them changed (the corpus never writes into a result it has handed
   * out), so a view set again as the same object costs nothing.
   */
  set(key: string, view: DocumentResult | undefined): void {
    const was = this.kept.get(key);
    if (was?.view === view) return;
    this.moved.add(key);
    if (!view) {
      if (!was) return;
      this.kept.delete(key);
      this.views.delete(key);
      this.unhold(key, was.keys, was.variantPaths);
      return;
    }
    this.views.set(key, view);
    let keys = was?.keys ?? NONE, variantPaths = was?.variantPaths ?? NONE;
    if (was?.entities !== view.entities) {
      const next = new Set(view.entities.map(e => entityKey(e.type, e.canonical)));
      for (const k of keys) if (!next.has(k)) this.unholdEntity(key, k);
      for (const k of next) if (!keys.has(k)) this.holdEntity(key, k);
      keys = next;
    }
    if (was?.quotes !== view.quotes) {
      const next = new Set<string>();
      for (const q of view.quotes) for (const v of q.variants) next.add(v.path);
      for (const p of variantPaths) if (!next.has(p)) this.unholdVariant(key, p);
      for (const p of next) if (!variantPaths.has(p)) hold(this.variantHolders, p, key);
      variantPaths = next;
    }
    this.kept.set(key, { view, entities: view.entities, keys, quotes: view.quotes, variantPaths });
  }

  /** Every document's view now, from scratch: each one not set to it is set, each one missing is removed. */
  sync(views: ReadonlyMap<string, DocumentResult>): void {
    for (const [key, view] of views) this.set(key, view);
    if (this.views.size === views.size) return;
    for (const key of [...this.views.keys()]) if (!views.has(key)) this.set(key, undefined);
  }

  /** Puts `views` in this order (the corpus's), when a document came or went. */
  reorder(keys: readonly string[]): void {
    const views = new Map(keys.map(k => [k, this.views.get(k)!]));
    this.views.clear();
    for (const [k, v] of views) if (v) this.views.set(k, v);
  }

  private holdEntity(doc: string, k: string): void {
    if (!this.countWas.has(k)) this.countWas.set(k, this.count(k));
    hold(this.holders, k, doc);
  }

  private unholdEntity(doc: string, k: string): void {
    if (!this.countWas.has(k)) this.countWas.set(k, this.count(k));
    unhold(this.holders, k, doc);
  }

  private unholdVariant(doc: string, p: string): void {
    unhold(this.variantHolders, p, doc);
  }

  private unhold(doc: string, keys: ReadonlySet<string>, variantPaths: ReadonlySet<string>): void {
    for (const k of keys) this.unholdEntity(doc, k);
    for (const p of variantPaths) this.unholdVariant(doc, p);
  }

  /**
   * The keys, sorted, whose views differ from the last report (the views set since
   * become the last report), given the texts now: a document touched; a view added,
   * removed or with other data; a view mentioning an entity whose source count
   * changed, when the document is `open` (only an open document's view shows the
   * counts: a view fetched later reads them then, and a common name's count moves
   * with many edits, which would otherwise report most of the corpus); a view with a
   * quote variant whose wording changed. An unchanged document's parts are often the
   * very objects of last time, which makes the comparison quick.
   */
  take(textOf: (key: string) => string | undefined, open?: ReadonlyMap<string, unknown>): string[] {
    const changed = new Set(this.touched);
    for (const key of this.moved) {
      if (changed.has(key)) continue;
      const now = this.views.get(key);
      if (now ? !sameData(this.reported.get(key), now) : this.reported.has(key)) changed.add(key);
    }
    // A view also shows each entity's source count…
    for (const [k, was] of this.countWas) {
      if (this.count(k) === was) continue;
      const holders = this.holders.get(k) ?? NONE;
      if (!open) for (const doc of holders) changed.add(doc);
      else if (open.size < holders.size) { for (const doc of open.keys()) if (holders.has(doc)) changed.add(doc); }
      else for (const doc of holders) if (open.has(doc)) changed.add(doc);
    }
    // …and the other wording of each quote.
    for (const p of this.rewritten) {
      const before = this.reportedTexts.get(p), now = textOf(p);
      for (const doc of this.variantHolders.get(p) ?? NONE) {
        if (changed.has(doc)) continue;
        const wordingChanged = (v: { path: string; start: number; end: number }) => v.path === p && before?.slice(v.start, v.end) !== now?.slice(v.start, v.end);
        if (this.views.get(doc)!.quotes.some(q => q.variants.some(wordingChanged))) changed.add(doc);
      }
    }
    for (const key of new Set([...this.moved, ...this.rewritten])) {
      const now = this.views.get(key);
      if (now) {
        this.reported.set(key, now);
        this.reportedTexts.set(key, textOf(key) ?? '');
      } else {
        this.reported.delete(key);
        this.reportedTexts.delete(key);
      }
    }
    this.moved.clear();
    this.countWas.clear();
    this.touched.clear();
    this.rewritten.clear();
    this.again = false;
    return [...changed].sort();
  }
}

function hold(index: Map<string, Set<string>>, k: string, doc: string): void {
  let docs = index.get(k);
  if (!docs) index.set(k, (docs = new Set()));
  docs.add(doc);
}

function unhold(index: Map<string, Set<string>>, k: string, doc: string): void {
  const docs = index.get(k);
  if (!docs) return;
  docs.delete(doc);
  if (!docs.size) index.delete(k);
}
