/**
 * The corpus: every document's analysis, and the links between documents.
 *
 * Per-document analysis is cached per paragraph (keyed by the paragraph's text),
 * so an edit re-analyses only the touched paragraphs; the document-wide stages
 * reuse what they can by text too (matching units and their words in reuse/,
 * a sentence's claim in claims.ts). Cross-document results (canonical names, shared
 * passages, quote variants, corroboration) are computed lazily, when a result is
 * asked for after a change. What follows the change rather than the corpus: the
 * name resolver learns and forgets one document at a time and only documents that
 * asked for an answer that changed are named again (`learn`); claims are linked
 * through a persistent index (claimIndex.ts) that looks up only the documents whose
 * links can have changed; quote variants are looked up for the changed documents
 * only (quoteLinks.ts); the reuse index re-reads the changed document and the
 * documents added after it. Still over the whole corpus on each change: writing the
 * links into fresh result objects, claim groups, quote-claim links and the link cap.
 * Every cache is keyed on what the result depends on, so a corpus updated edit by
 * edit gives exactly what a new one given the same texts gives
 * (test/unit/incremental.test.ts), and what the baseline (`incremental` false) gives
 * (test/unit/incremental-dirty.test.ts).
 */
import { groupClaims } from '../claims/groups';
import { findClaims } from '../claims/claims';
import { findRepeats } from '../reuse/repeats';
import { ReuseIndex } from '../reuse/reuseIndex';
import { boilerplateIn } from '../reuse/reuseText';
import { EntityScratch, findEntities, unifyTypes } from '../entities/entities';
import { NameResolver } from '../entities/names';
import { AnalysisContext, Slot } from '../text/memo';
import { capLinks } from './caps';
import { ClaimIndex } from './claimIndex';
import { ClaimLinker } from '../claims/links';
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
  private readonly claimIndex = new ClaimIndex(this.ctx);
  private readonly claimLinker = new ClaimLinker(this.ctx);
  /**
   * Whether cross-document work follows the change (the default): claims linked
   * through the persistent `ClaimIndex`, names resolved again only where an answer
   * changed. False: as before it did (every claim re-indexed on each change, every
   * document named again when any document's names change): the same results, the
   * baseline the benches and tests compare with, and the cheaper way when every
   * document is new (the CLI).
   */
  incremental = true;
  /** How many documents were named again, and how many had their claims looked up, at the last resolve (for tests and benches). */
  readonly last = { named: 0, claimsLookedUp: 0 };
  private readonly quoteLinker = new QuoteLinker(this.ctx);
  readonly cache: ParagraphCache;
  private results: Map<string, DocumentResult> | null = null;

  /** `incremental: false` suits a one-shot analysis (the CLI): linking every claim from scratch once costs less than filing it in the persistent index. */
  constructor(options: { cacheLimit?: number; incremental?: boolean } = {}) {
    this.cache = new ParagraphCache(options.cacheLimit);
    if (options.incremental !== undefined) this.incremental = options.incremental;
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
    this.unlearnt.add(path);
    this.entries.set(path, { path, local });
    this.reuse.upsert(path, text, local.paragraphs, local.sentences);
    this.results = null;
    return local;
  }

  delete(path: string): boolean {
    if (!this.entries.delete(path)) return false;
    this.unlearnt.add(path);
    this.unname(path);
    this.renamed.delete(path);
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
   * The corpus-wide name resolver, kept up to date document by document (it learns
   * counts, so the order documents come and go in does not matter), and its answers
   * memoised by type and name, with what each answer was worked out from (`uses`
   * keys: a surname's forms, an acronym's organisations, a name's kinds) and which
   * documents asked for it. When a document's names change, only the answers
   * worked out from keys whose counts moved are worked out again, and only the
   * documents that asked for an answer that changed are named again.
   */
  private readonly resolver = new NameResolver([]);
  private readonly memo = new Map<string, string>();
  private readonly dependents = new Map<string, Set<string>>();
  private readonly users = new Map<string, Set<string>>();
  /** Per document, the analysis whose names the resolver learnt. */
  private readonly taught = new Map<string, LocalAnalysis>();
  /** Documents added, changed or removed since the resolver last learnt. */
  private readonly unlearnt = new Set<string>();
  /** Documents to be named again (an answer they asked for changed). */
  private readonly renamed = new Set<string>();
  /** Per document, its names resolved (before cross-document links). */
  private readonly named = new Map<string, Named>();

  /** Brings the resolver up to date with the documents changed since it last learnt. */
  private learn(): void {
    if (!this.unlearnt.size) return;
    const moved = new Set<string>();
    for (const path of this.unlearnt) {
      const was = this.taught.get(path), now = this.entries.get(path)?.local;
      if (was && now && nameKey(this.ctx, was) === nameKey(this.ctx, now)) {
        this.taught.set(path, now);
        continue;
      }
      if (was) for (const k of this.resolver.remove(was.entities)) moved.add(k);
      if (now) for (const k of this.resolver.add(now.entities)) moved.add(k);
      if (now) this.taught.set(path, now); else this.taught.delete(path);
    }
    this.unlearnt.clear();
    if (!this.incremental && moved.size) {
      // The baseline: every answer worked out again, every document named again.
      this.memo.clear();
      this.dependents.clear();
      for (const path of this.entries.keys()) this.renamed.add(path);
      return;
    }
    for (const key of moved) {
      const dependents = this.dependents.get(key);
      if (!dependents) continue;
      for (const mk of [...dependents]) {
        const old = this.memo.get(mk);
        if (old === undefined) {
          dependents.delete(mk);
          continue;
        }
        const tab = mk.indexOf('\t');
        const r = this.resolver.resolve(mk.slice(tab + 1), mk.slice(0, tab) as EntityType, dep => this.depends(dep, mk));
        if (r === old) continue;
        this.memo.set(mk, r);
        for (const u of this.users.get(mk) ?? []) this.renamed.add(u);
      }
      if (!dependents.size) this.dependents.delete(key);
    }
  }

  private depends(dep: string, mk: string): void {
    let set = this.dependents.get(dep);
    if (!set) this.dependents.set(dep, (set = new Set()));
    set.add(mk);
  }

  /** Forgets a document's names (the answers it asked for, see `forget`). */
  private unname(path: string): void {
    const cached = this.named.get(path);
    if (!cached) return;
    this.forget(path, cached.asked);
    this.named.delete(path);
  }

  /** The document no longer asks for the answers `asked` (but those of `kept`); an answer nobody asks for is dropped. */
  private forget(path: string, asked: Iterable<string>, kept?: ReadonlySet<string>): void {
    for (const mk of asked) {
      if (kept?.has(mk)) continue;
      const users = this.users.get(mk);
      if (!users) continue;
      users.delete(path);
      if (!users.size) {
        this.users.delete(mk);
        this.memo.delete(mk);
      }
    }
  }

  /** A document's entities, quotes and claims with corpus-wide names, reused while nothing they depend on changed. */
  private namedOf(path: string, local: LocalAnalysis): Named {
    this.learn();
    const cached = this.named.get(path);
    if (cached && cached.local === local && !this.renamed.has(path)) return cached;
    const asked = new Set<string>();
    const resolve = (name: string, type: EntityType) => {
      const mk = `${type}\t${name}`;
      asked.add(mk);
      let r = this.memo.get(mk);
      if (r === undefined) this.memo.set(mk, (r = this.resolver.resolve(name, type, dep => this.depends(dep, mk))));
      return r;
    };
    // Entities of the paragraphs before an edit are the very objects resolved last time: their results stand, unless names changed.
    const same = cached && !this.renamed.has(path) ? cached : undefined;
    const entities = local.entities.map((e, k) => same?.local.entities[k] === e ? (asked.add(`${e.type}\t${e.canonical}`), same.entities[k]) : { ...e, canonical: resolve(e.canonical, e.type) });
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
    if (cached) this.forget(path, cached.asked, asked);
    for (const mk of asked) {
      let users = this.users.get(mk);
      if (!users) this.users.set(mk, (users = new Set()));
      users.add(path);
    }
    this.renamed.delete(path);
    this.last.named++;
    const named: Named = { local, asked, entities, quotes, claims };
    this.named.set(path, named);
    return named;
  }

  private resolve(): Map<string, DocumentResult> {
    if (this.results) return this.results;
    this.last.named = 0;
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
    }), !this.incremental);
    const linkDocs = [...results.values()].map(r => ({ path: r.path, claims: r.claims, key: this.named.get(r.path) }));
    if (this.incremental) {
      this.claimIndex.link(linkDocs);
      this.last.claimsLookedUp = this.claimIndex.lookedUp;
    } else {
      this.claimLinker.link(linkDocs);
      this.last.claimsLookedUp = linkDocs.length;
    }
    linkQuoteClaims(this.ctx, results);
    groupClaims([...results.values()]);
    capLinks([...results.values()], (a, b) => quoteSimilarity(this.ctx, a, b));
    this.results = results;
    return results;
  }
}

interface Named {
  local: LocalAnalysis;
  /** The answers asked of the resolver (`type \t name`). */
  asked: Set<string>;
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
