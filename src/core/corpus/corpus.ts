/**
 * The corpus: every document's analysis, and the links between documents.
 *
 * Per-document analysis is cached per paragraph (keyed by the paragraph's text),
 * so an edit re-analyses only the touched paragraphs; the document-wide stages
 * reuse what they can by text too (matching units and their words in reuse/,
 * a sentence's claim in claims.ts). Cross-document results (canonical names, shared
 * passages, quote variants, corroboration) are computed lazily, when a result is
 * asked for after a change: the name resolver is rebuilt only when a document's
 * names change, the reuse index re-reads only the changed units of the newest
 * document. Every cache is keyed on what the result depends on, so a corpus updated
 * edit by edit gives exactly what a new one given the same texts gives
 * (test/unit/incremental.test.ts).
 */
import { ClaimLinker } from '../claims/links';
import { groupClaims } from '../claims/groups';
import { findClaims } from '../claims/claims';
import { findRepeats } from '../reuse/repeats';
import { ReuseIndex } from '../reuse/reuseIndex';
import { boilerplateIn } from '../reuse/reuseText';
import { EntityScratch, findEntities, unifyTypes } from '../entities/entities';
import { NameResolver } from '../entities/names';
import { AnalysisContext, Slot } from '../text/memo';
import { capLinks } from './caps';
import { linkQuoteClaims, QuoteLinker, quoteSimilarity } from './quoteLinks';
import { WorkBudget } from '../limits';
import { findQuotes } from '../quotes/quotes';
import { paragraphs as findParagraphs, title as findTitle } from '../text/paragraphs';
import { splitSentences } from '../text/sentences';
import type { Claim, DocumentResult, Duplicate, Entity, EntityType, Paragraph, Quote, QuoteLink, Sentence, Span } from '../types';

/** What one paragraph yields, offsets relative to the paragraph. */
interface ParagraphAnalysis {
  sentences: Span[];
  entities: Entity[];
  /** Entity recognition stopped at its work budget (pathological text). */
  truncated: boolean;
  /** The paragraph is site furniture (`isBoilerplate`), once asked. */
  boilerplate?: boolean;
  /**
   * The same placed in a document (offsets absolute), as last placed: a paragraph
   * that has not moved (before the edit point) reuses these objects, none of which
   * is ever written to.
   */
  placed?: { start: number; index: number; sentences: Sentence[]; entities: Entity[] };
}

/** A document analysed on its own, before any cross-document step. */
export interface LocalAnalysis {
  text: string;
  title: string | null;
  /** Why the analysis is partial (a stage stopped at its work budget), or null. */
  truncated: string | null;
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
  /** The entity decoder's scratch space, lent to each paragraph analysed here. */
  private readonly scratch = new EntityScratch();
  constructor(private readonly limit = 50_000) {}

  get(text: string): ParagraphAnalysis {
    let a = this.map.get(text);
    if (a) {
      this.hits++;
      return a;
    }
    this.misses++;
    const sentences = splitSentences(text);
    const budget = new WorkBudget(text.length);
    a = { sentences, entities: findEntities(text, sentences, budget, this.scratch), truncated: budget.exhausted };
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
    this.map.set(text, a);
    return a;
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * Milliseconds each stage of `analyzeLocal` took, added up over the calls given the
 * same object (bench/edit.ts reads where an edit's time goes).
 */
export interface StageTimes {
  /** Paragraphs found, their sentences and entities (from the paragraph cache, else analysed), placed. */
  paragraphs: number;
  unify: number;
  quotes: number;
  repeats: number;
  boilerplate: number;
  claims: number;
}

/** Analyses one document on its own (no other documents involved). `times`, when given, adds each stage's time. */
export function analyzeLocal(ctx: AnalysisContext, text: string, cache = new ParagraphCache(), times?: StageTimes): LocalAnalysis {
  let t = times ? performance.now() : 0;
  const lap = (stage: keyof StageTimes) => {
    if (!times) return;
    const now = performance.now();
    times[stage] += now - t;
    t = now;
  };
  const paragraphs = findParagraphs(text);
  const sentences: Sentence[] = [];
  const entities: Entity[] = [];
  const analyses: ParagraphAnalysis[] = [];
  const stopped: string[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    const a = cache.get(body);
    analyses.push(a);
    if (a.truncated && !stopped.length) stopped.push(`entity recognition stopped at its work budget in the paragraph at offset ${p.start}`);
    let placed = a.placed;
    if (!placed || placed.start !== p.start || placed.index !== p.index) {
      placed = a.placed = {
        start: p.start,
        index: p.index,
        sentences: a.sentences.map(s => ({ start: s.start + p.start, end: s.end + p.start, paragraph: p.index })),
        entities: a.entities.map(e => ({ ...e, start: e.start + p.start, end: e.end + p.start })),
      };
    }
    for (const s of placed.sentences) sentences.push(s);
    for (const e of placed.entities) entities.push(e);
  }
  lap('paragraphs');
  const unified = unifyTypes(entities);
  if (unified !== entities) for (let i = 0; i < entities.length; i++) entities[i] = unified[i];
  lap('unify');
  const quoteBudget = new WorkBudget(text.length);
  const quotes = findQuotes(ctx, text, sentences, entities, quoteBudget);
  if (quoteBudget.exhausted) stopped.push(`quote attribution stopped at its work budget after ${quotes.length} quotes`);
  lap('quotes');
  const repeats = findRepeats(ctx, text, paragraphs, sentences);
  lap('repeats');
  const title = findTitle(text, paragraphs);
  const excluded: Span[] = [];
  if (title !== null) excluded.push(paragraphs[0]);
  for (const d of repeats) {
    // Furniture asserts nothing. Both copies of a repeated passage keep their claims: each copy is read, and linked, where it stands.
    if (d.boilerplate) excluded.push(d);
  }
  for (const p of paragraphs) {
    const a = analyses[p.index];
    if ((a.boilerplate ??= boilerplateIn(ctx, text.slice(p.start, p.end)))) excluded.push(p);
  }
  lap('boilerplate');
  const claims = findClaims(ctx, { text, sentences, quotes, entities, excluded });
  lap('claims');
  const truncated = stopped.length ? `${stopped.join('; ')} (pathological text: the spans given are exact, later ones are missing)` : null;
  return { text, title, truncated, paragraphs, sentences, entities, quotes, repeats, claims };
}

interface Entry {
  path: string;
  local: LocalAnalysis;
}

/** The whole corpus; documents are added, updated and removed one at a time. */
export class Corpus {
  private readonly entries = new Map<string, Entry>();
  /** Everything the analysers keep for this corpus (memos, vocabularies); shared with no other corpus. */
  readonly ctx = new AnalysisContext();
  private readonly reuse = new ReuseIndex(this.ctx);
  private readonly linker = new ClaimLinker(this.ctx);
  private readonly quoteLinker = new QuoteLinker(this.ctx);
  readonly cache: ParagraphCache;
  private results: Map<string, DocumentResult> | null = null;

  constructor(options: { cacheLimit?: number } = {}) {
    this.cache = new ParagraphCache(options.cacheLimit);
  }

  /** Adds or replaces a document. `text` is already decoded and normalised (see text/decode.ts). */
  set(path: string, text: string): LocalAnalysis {
    const old = this.entries.get(path);
    if (old && old.local.text === text) return old.local;
    return this.setAnalysed(path, analyzeLocal(this.ctx, text, this.cache));
  }

  /**
   * Adds or replaces a document already analysed on its own (`analyzeLocal` run
   * elsewhere, e.g. in a worker thread: the same text gives the same analysis).
   */
  setAnalysed(path: string, local: LocalAnalysis): LocalAnalysis {
    const old = this.entries.get(path);
    if (old && old.local.text === local.text) return old.local;
    const text = local.text;
    if (!old || nameKey(this.ctx, old.local) !== nameKey(this.ctx, local)) this.names = null;
    this.entries.set(path, { path, local });
    this.reuse.upsert(path, text, local.paragraphs, local.sentences);
    this.results = null;
    return local;
  }

  delete(path: string): boolean {
    if (!this.entries.delete(path)) return false;
    this.names = null;
    this.named.delete(path);
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

  /**
   * The corpus-wide name resolver, with its answers memoised; rebuilt only when a
   * document's PERSON/ORG names (all it learns from) change.
   */
  private names: { resolver: NameResolver; memo: Map<EntityType, Map<string, string>>; generation: number } | null = null;
  /** Per document, its names resolved (before cross-document links), while `names` stands. */
  private readonly named = new Map<string, Named>();

  private nameResolver() {
    if (this.names) return this.names;
    const resolver = new NameResolver([...this.entries.values()].map(e => e.local.entities));
    const generation = (this.generation = this.generation + 1);
    return (this.names = { resolver, memo: new Map(), generation });
  }
  private generation = 0;

  /** A document's entities, quotes and claims with corpus-wide names, reused while nothing they depend on changed. */
  private namedOf(path: string, local: LocalAnalysis): Named {
    const names = this.nameResolver();
    const cached = this.named.get(path);
    if (cached && cached.local === local && cached.generation === names.generation) return cached;
    const resolve = (name: string, type: EntityType) => {
      let byName = names.memo.get(type);
      if (!byName) names.memo.set(type, (byName = new Map()));
      let r = byName.get(name);
      if (r === undefined) byName.set(name, (r = names.resolver.resolve(name, type)));
      return r;
    };
    // Entities of the paragraphs before an edit are the very objects resolved last time: their results stand.
    const same = cached && cached.generation === names.generation ? cached : undefined;
    const entities = local.entities.map((e, k) => same?.local.entities[k] === e ? same.entities[k] : { ...e, canonical: resolve(e.canonical, e.type) });
    const quotes = local.quotes.map(q => ({
      ...q,
      speaker: q.speaker && (q.speakerType === 'PERSON' || q.speakerType === 'ORG') ? resolve(q.speaker, q.speakerType) : q.speaker,
      variants: [] as QuoteLink[],
    }));
    const types = typeOfCanonical(this.ctx, local);
    const guessType = (canonical: string) => types.get(canonical) ?? 'PERSON';
    const claims = local.claims.map(c => ({
      ...c,
      speaker: c.speaker ? resolve(c.speaker, guessType(c.speaker)) : null,
      entities: [...new Set(c.entities.map(n => resolve(n, guessType(n))))],
    }));
    const named: Named = { local, generation: names.generation, entities, quotes, claims };
    this.named.set(path, named);
    return named;
  }

  private resolve(): Map<string, DocumentResult> {
    if (this.results) return this.results;
    const results = new Map<string, DocumentResult>();
    for (const { path, local } of this.entries.values()) {
      const named = this.namedOf(path, local);
      // Fresh quote and claim objects: the links below are written into them.
      const quotes = named.quotes.map(q => ({ ...q, variants: [] as QuoteLink[] }));
      const claims = named.claims.map(c => ({ ...c }));
      const duplicates: Duplicate[] = [
        ...local.repeats.map(d => ({ ...d, other: { ...d.other, path } })),
        ...this.reuse.shared(path),
      ].sort((a, b) => a.start - b.start || a.end - b.end);
      for (const d of duplicates) d.text ??= local.text.slice(d.start, d.end);
      results.set(path, { path, length: local.text.length, title: local.title, truncated: local.truncated ? { reason: local.truncated } : null, quotes, entities: named.entities, duplicates, claims });
    }
    this.quoteLinker.link([...results.values()].map(r => {
      const local = this.entries.get(r.path)!.local;
      return { path: r.path, quotes: r.quotes, text: local.text, sentences: local.sentences, key: this.named.get(r.path) };
    }));
    this.linker.link([...results.values()].map(r => ({ path: r.path, claims: r.claims, key: this.named.get(r.path) })));
    linkQuoteClaims(this.ctx, results);
    groupClaims([...results.values()]);
    capLinks([...results.values()], (a, b) => quoteSimilarity(this.ctx, a, b));
    this.results = results;
    return results;
  }
}

interface Named {
  local: LocalAnalysis;
  generation: number;
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
}

const NAME_KEYS = new Slot('corpus.nameKeys', () => new WeakMap<LocalAnalysis, string>());

/** What the name resolver learns from a document: its PERSON and ORG names, in order. */
function nameKey(ctx: AnalysisContext, local: LocalAnalysis): string {
  const nameKeys = ctx.get(NAME_KEYS);
  let k = nameKeys.get(local);
  if (k === undefined) {
    const parts: string[] = [];
    for (const e of local.entities) if (e.type === 'PERSON' || e.type === 'ORG') parts.push(e.type[0] + e.canonical);
    nameKeys.set(local, (k = parts.join('\u0000'))); // no NUL in a text (decode refuses it)
  }
  return k;
}

const CANONICAL_TYPES = new Slot('corpus.canonicalTypes', () => new WeakMap<LocalAnalysis, Map<string, EntityType>>());

/** Type of the first entity of the document with each canonical name (computed once per analysis). */
function typeOfCanonical(ctx: AnalysisContext, local: LocalAnalysis): Map<string, EntityType> {
  const canonicalTypes = ctx.get(CANONICAL_TYPES);
  let m = canonicalTypes.get(local);
  if (!m) {
    m = new Map();
    for (const e of local.entities) if (!m.has(e.canonical)) m.set(e.canonical, e.type);
    canonicalTypes.set(local, m);
  }
  return m;
}
