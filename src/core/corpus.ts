/**
 * The corpus: every document's analysis, and the links between documents.
 *
 * Per-document analysis is cached per paragraph (keyed by the paragraph's text),
 * so an edit re-analyses only the touched paragraphs. Cross-document results
 * (canonical names, shared passages, quote variants, corroboration) are computed
 * lazily, when a result is asked for after a change.
 */
import { findClaims, linkClaims } from './claims';
import { findRepeats, isBoilerplate, ReuseIndex } from './duplicates';
import { findEntities, NameResolver } from './entities';
import { findQuotes } from './quotes';
import { paragraphs as findParagraphs, splitSentences, title as findTitle } from './text';
import type { Claim, DocumentResult, Duplicate, Entity, Paragraph, Quote, QuoteLink, Sentence, Span } from './types';

/** What one paragraph yields, offsets relative to the paragraph. */
interface ParagraphAnalysis {
  sentences: Span[];
  entities: Entity[];
}

/** A document analysed on its own, before any cross-document step. */
export interface LocalAnalysis {
  text: string;
  title: string | null;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  quotes: Quote[];
  repeats: Duplicate[];
  claims: Claim[];
}

/**
 * Paragraph-level cache shared by every document: identical paragraphs (wire copy,
 * boilerplate, an unchanged paragraph after an edit) are analysed once.
 */
export class ParagraphCache {
  private readonly map = new Map<string, ParagraphAnalysis>();
  hits = 0;
  misses = 0;
  constructor(private readonly limit = 50_000) {}

  get(text: string): ParagraphAnalysis {
    let a = this.map.get(text);
    if (a) {
      this.hits++;
      return a;
    }
    this.misses++;
    const sentences = splitSentences(text);
    a = { sentences, entities: findEntities(text, sentences) };
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
    this.map.set(text, a);
    return a;
  }

  clear(): void {
    this.map.clear();
  }
}

/** Analyses one document on its own (no other documents involved). */
export function analyzeLocal(text: string, cache = new ParagraphCache()): LocalAnalysis {
  const paragraphs = findParagraphs(text);
  const sentences: Sentence[] = [];
  const entities: Entity[] = [];
  const paraTexts: string[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    paraTexts.push(body);
    const a = cache.get(body);
    for (const s of a.sentences) sentences.push({ start: s.start + p.start, end: s.end + p.start, paragraph: p.index });
    for (const e of a.entities) entities.push({ ...e, start: e.start + p.start, end: e.end + p.start });
  }
  const quotes = findQuotes(text, sentences, entities);
  const repeats = findRepeats(text, paragraphs, sentences);
  const title = findTitle(text, paragraphs);
  const excluded: Span[] = [];
  if (title !== null) excluded.push(paragraphs[0]);
  for (const d of repeats) {
    // The later copy of a repeated passage asserts nothing new; furniture asserts nothing.
    if (d.boilerplate || d.start > d.other.start) excluded.push(d);
  }
  for (const p of paragraphs) if (isBoilerplate(paraTexts[p.index])) excluded.push(p);
  const claims = findClaims({ text, sentences, quotes, entities, excluded });
  return { text, title, paragraphs, sentences, entities, quotes, repeats, claims };
}

interface Entry {
  path: string;
  local: LocalAnalysis;
}

/** The whole corpus; documents are added, updated and removed one at a time. */
export class Corpus {
  private readonly entries = new Map<string, Entry>();
  private readonly reuse = new ReuseIndex();
  readonly cache: ParagraphCache;
  private results: Map<string, DocumentResult> | null = null;

  constructor(options: { cacheLimit?: number } = {}) {
    this.cache = new ParagraphCache(options.cacheLimit);
  }

  /** Adds or replaces a document. `text` is already decoded and normalised (see text.ts). */
  set(path: string, text: string): LocalAnalysis {
    const old = this.entries.get(path);
    if (old && old.local.text === text) return old.local;
    const local = analyzeLocal(text, this.cache);
    this.entries.set(path, { path, local });
    this.reuse.upsert(path, text, local.paragraphs, local.sentences);
    this.results = null;
    return local;
  }

  delete(path: string): boolean {
    if (!this.entries.delete(path)) return false;
    this.reuse.remove(path);
    this.results = null;
    return true;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Document paths in insertion order. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** The document's text as analysed. */
  text(path: string): string | undefined {
    return this.entries.get(path)?.local.text;
  }

  /** The document's full result, cross-document links included. */
  result(path: string): DocumentResult | undefined {
    return this.resolve().get(path);
  }

  /** Every document's result, in insertion order. */
  allResults(): DocumentResult[] {
    return [...this.resolve().values()];
  }

  private resolve(): Map<string, DocumentResult> {
    if (this.results) return this.results;
    const entries = [...this.entries.values()];
    const resolver = new NameResolver(entries.map(e => e.local.entities));
    const results = new Map<string, DocumentResult>();
    for (const { path, local } of entries) {
      const entities = local.entities.map(e => ({ ...e, canonical: resolver.resolve(e.canonical, e.type) }));
      const quotes = local.quotes.map(q => ({
        ...q,
        speaker: q.speaker && (q.speakerType === 'PERSON' || q.speakerType === 'ORG') ? resolver.resolve(q.speaker, q.speakerType) : q.speaker,
        variants: [] as QuoteLink[],
      }));
      const duplicates: Duplicate[] = [
        ...local.repeats.map(d => ({ ...d, other: { ...d.other, path } })),
        ...this.reuse.shared(path),
      ].sort((a, b) => a.start - b.start || a.end - b.end);
      const claims = local.claims.map(c => ({
        ...c,
        speaker: c.speaker ? resolver.resolve(c.speaker, guessType(local.entities, c.speaker)) : null,
        entities: [...new Set(c.entities.map(n => resolver.resolve(n, guessType(local.entities, n))))],
      }));
      for (const d of duplicates) d.text ??= local.text.slice(d.start, d.end);
      results.set(path, { path, length: local.text.length, title: local.title, quotes, entities, duplicates, claims });
    }
    linkVariants([...results.values()]);
    linkClaims([...results.values()]);
    this.results = results;
    return results;
  }
}

function guessType(entities: readonly Entity[], canonical: string) {
  return entities.find(e => e.canonical === canonical)?.type ?? 'PERSON';
}

/** Lower-cased words of a quote, marks and punctuation dropped. */
export function quoteWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Links the same quote by the same speaker across documents (`variants`), at both
 * ends. The same words from another speaker are an echo and are not linked.
 */
export function linkVariants(docs: readonly DocumentResult[]): void {
  const bySpeaker = new Map<string, { path: string; q: Quote; words: string[]; set: Set<string> }[]>();
  for (const d of docs) {
    for (const q of d.quotes) {
      if (!q.speaker) continue;
      const words = quoteWords(q.text);
      if (!words.length) continue;
      let list = bySpeaker.get(q.speaker);
      if (!list) bySpeaker.set(q.speaker, (list = []));
      list.push({ path: d.path, q, words, set: new Set(words) });
    }
  }
  for (const list of bySpeaker.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i], b = list[j];
        if (a.path === b.path) continue;
        const identical = a.words.join(' ') === b.words.join(' ');
        if (!identical && wordOverlap(a.set, b.set) < 0.5) continue;
        a.q.variants.push({ path: b.path, start: b.q.start, end: b.q.end, identical });
        b.q.variants.push({ path: a.path, start: a.q.start, end: a.q.end, identical });
      }
    }
  }
}

/** Shared words over the smaller quote's words, for quotes of at least three words. */
function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = a.size <= b.size ? a : b, big = small === a ? b : a;
  if (small.size < 3) return 0;
  let n = 0;
  for (const w of small) if (big.has(w)) n++;
  return n / small.size;
}
