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
 * asked for an answer that changed are named again (`learn`; a document named again
 * keeps the named entities and claims before an edit, the very objects, wherever their
 * names resolve as before, `namedOf`); claims are linked
 * through a persistent index (claimIndex.ts) that looks up only the documents whose
 * links can have changed; quote variants are looked up for the changed documents
 * only (quoteLinks.ts); the reuse index looks up the changed document alone and
 * re-checks only the sentence pairs holding a feature whose count crossed its cap
 * (reuseIndex.ts). An edited corpus then works
 * its results out from the last ones (`update`): only the claims and quotes linked,
 * directly or through others, to those whose links changed are linked again (links,
 * groups, quote claims and caps never reach beyond such a set), and only the
 * documents holding one, or whose shared passages moved, get a new result object;
 * group ids stay while the group stands. Still corpus-wide on each change: a pass
 * over the documents to see which changed (cheap), and whatever a large linked set
 * spans (the links of a generated archive connect most of its claims and quotes, though
 * its claim groups are small: the linked set, not the group, bounds an edit's reach).
 * Every cache is keyed on what the result depends on, so a corpus updated edit by
 * edit gives exactly what a new one given the same texts gives
 * (test/unit/incremental.test.ts, incremental-links.test.ts; group ids compared as a
 * partition), and what the baseline (`incremental` false) gives
 * (test/unit/incremental-dirty.test.ts).
 */
import { groupClaims, groupingClaims, offsetKey } from '../claims/groups';
import { findClaims } from '../claims/claims';
import { findRepeats } from '../reuse/repeats';
import { ReuseIndex } from '../reuse/reuseIndex';
import { boilerplateIn } from '../reuse/reuseText';
import { EntityScratch, findEntities, unifyTypes } from '../entities/entities';
import { NameResolver } from '../entities/names';
import { AnalysisContext, BoundedMemo, Slot } from '../text/memo';
import { sameData, sameFields } from '../sameData';
import { capLinks, capLinkSteps, LINK_CAP } from './caps';
import { ClaimIndex } from './claimIndex';
import { ClaimLinker, type LinkDoc, sharedPassages } from '../claims/links';
import { linkingQuoteClaims, linkQuoteClaims, QuoteLinker, quoteSimilarity } from './quoteLinks';
import { provisionalResults } from './provisional';
import { PAUSE, Slice } from '../text/slice';
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
export class ParagraphCache extends BoundedMemo<ParagraphAnalysis> {
  hits = 0;
  misses = 0;
  /** The entity decoder's scratch space, lent to each paragraph analysed here. */
  private readonly scratch = new EntityScratch();
  constructor(limit = 50_000) {
    super(limit);
  }

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
    this.put(text, a);
    return a;
  }

  clear(): void {
    this.map.clear();
    this.oldest.reset();
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
  const r = analyzeLocalAll(ctx, [text], cache, undefined, times)[0];
  if (r instanceof Error) throw r;
  return r;
}

/**
 * `analyzeLocal` of each of `texts`, stage by stage: every document's paragraphs, sentences and entities, then every
 * document's quotes, then repeats, then claims. The same results as one document after the other, faster: each
 * stage's tables and code stay in the processor's caches from one document to the next (on 1,500 generated articles,
 * x0.83-0.87 the time of one document at a time, which the CLI's `--jobs 1` had spent). A document whose analysis
 * throws gets the error in its place, and the others go on. `clear`: called before each document at each stage after
 * the first (the caller's memos emptied between documents, as `betweenDocuments` does before a document of its own).
 */
export function analyzeLocalAll(ctx: AnalysisContext, texts: readonly string[], cache = new ParagraphCache(), clear?: () => void, times?: StageTimes): (LocalAnalysis | Error)[] {
  let t = times ? performance.now() : 0;
  const lap = (stage: keyof StageTimes) => {
    if (!times) return;
    const now = performance.now();
    times[stage] += now - t;
    t = now;
  };
  const drafts: (Draft | Error)[] = [];
  for (const text of texts) {
    try {
      drafts.push(readParagraphs(text, cache));
    } catch (e) {
      drafts.push(asError(e));
    }
  }
  lap('paragraphs');
  // Each stage of each document still standing, in turn: an error takes the document's place.
  const each = (step: (d: Draft) => void, stage: keyof StageTimes) => {
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k];
      if (d instanceof Error) continue;
      try {
        clear?.();
        step(d);
      } catch (e) {
        drafts[k] = asError(e);
      }
    }
    lap(stage);
  };
  each(d => {
    const unified = unifyTypes(d.entities);
    if (unified !== d.entities) for (let i = 0; i < d.entities.length; i++) d.entities[i] = unified[i];
  }, 'unify');
  each(d => {
    const quoteBudget = new WorkBudget(d.text.length);
    d.quotes = findQuotes(ctx, d.text, d.sentences, d.entities, quoteBudget);
    if (quoteBudget.exhausted) d.stopped.push(`quote attribution stopped at its work budget after ${d.quotes.length} quotes`);
  }, 'quotes');
  each(d => { d.repeats = findRepeats(ctx, d.text, d.paragraphs, d.sentences); }, 'repeats');
  each(d => {
    const title = findTitle(d.text, d.paragraphs);
    d.title = title;
    if (title !== null) d.excluded.push(d.paragraphs[0]);
    for (const r of d.repeats!) {
      // Furniture asserts nothing. Both copies of a repeated passage keep their claims: each copy is read, and linked, where it stands.
      if (r.boilerplate) d.excluded.push(r);
    }
    for (const p of d.paragraphs) {
      const a = d.analyses[p.index];
      if ((a.boilerplate ??= boilerplateIn(ctx, d.bodies[p.index]))) d.excluded.push(p);
    }
  }, 'boilerplate');
  each(d => { d.claims = findClaims(ctx, { text: d.text, sentences: d.sentences, quotes: d.quotes!, entities: d.entities, excluded: d.excluded }); }, 'claims');
  return drafts.map(d => {
    if (d instanceof Error) return d;
    const truncated = d.stopped.length ? `${d.stopped.join('; ')} (pathological text: the spans given are exact, later ones are missing)` : null;
    return { text: d.text, title: d.title, truncated, paragraphs: d.paragraphs, sentences: d.sentences, entities: d.entities, quotes: d.quotes!, repeats: d.repeats!, claims: d.claims! };
  });
}

/** A document's analysis under way (`analyzeLocalAll`): each stage fills its part. */
interface Draft {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  analyses: ParagraphAnalysis[];
  /** Each paragraph's text, sliced once: the boilerplate memo looks the same string up (its hash is kept with it). */
  bodies: string[];
  /** Why stages stopped short (their work budgets). */
  stopped: string[];
  quotes?: Quote[];
  repeats?: Duplicate[];
  title: string | null;
  /** What claims are not read from: the title, furniture. */
  excluded: Span[];
  claims?: Claim[];
}

/** A document's paragraphs, with their sentences and entities (from the paragraph cache, else analysed) placed in it. */
function readParagraphs(text: string, cache: ParagraphCache): Draft {
  const paragraphs = findParagraphs(text);
  const d: Draft = { text, paragraphs, sentences: [], entities: [], analyses: [], bodies: [], stopped: [], title: null, excluded: [] };
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    d.bodies.push(body);
    const a = cache.get(body);
    d.analyses.push(a);
    if (a.truncated && !d.stopped.length) d.stopped.push(`entity recognition stopped at its work budget in the paragraph at offset ${p.start}`);
    let placed = a.placed;
    if (!placed || placed.start !== p.start || placed.index !== p.index) {
      placed = a.placed = {
        start: p.start,
        index: p.index,
        sentences: a.sentences.map(s => ({ start: s.start + p.start, end: s.end + p.start, paragraph: p.index })),
        // (Written out rather than spread: every entity of a moved paragraph is placed again on each edit.)
        entities: a.entities.map(e => ({ start: e.start + p.start, end: e.end + p.start, text: e.text, type: e.type, canonical: e.canonical })),
      };
    }
    for (const s of placed.sentences) d.sentences.push(s);
    for (const e of placed.entities) d.entities.push(e);
  }
  return d;
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

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
  /**
   * At the last resolve (for tests and benches): how many documents were named again,
   * had their claims looked up, were linked again (a new result with new links), and
   * had their shared passages listed again; after an update, how many claims and
   * quotes were linked again, and the milliseconds of its steps.
   */
  readonly last: { named: number; claimsLookedUp: number; relinked: number; passages: number; items?: number; ms?: Record<string, number>; quick?: { ms: Record<string, number>; documents: number; all: boolean } } = { named: 0, claimsLookedUp: 0, relinked: 0, passages: 0 };
  /**
   * Two-phase updates (the extension's worker): after a change of a few documents,
   * a result asked for is first worked out from the changed documents' direct links
   * (`provisional.ts`: the documents changed and their neighbours get new results,
   * every other keeps the one shown), and the exact results (`update`) are owed
   * until `settle` is called. False (the default): every result is exact at once.
   */
  deferSettle = false;
  /** At most this many documents changed at once get a first phase; more are settled at once (an index build). */
  static readonly QUICK_MAX = 16;
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
    this.abandonSettle();
    this.changeCount++;
    const text = local.text;
    this.unlearnt.add(path);
    if (!old) {
      // Removed and back before the indexes were brought up to date: it comes last now, and they have it where it was.
      if (this.removedUnindexed.has(path)) this.indexesOrdered = false;
      this.place.set(path, this.nextPlace++);
    }
    this.entries.set(path, { path, local });
    this.reuse.upsert(path, text, local.paragraphs, local.sentences);
    this.results = null;
    this.dirty.add(path);
    return local;
  }

  delete(path: string): boolean {
    if (!this.entries.has(path)) return false;
    this.abandonSettle();
    this.changeCount++;
    this.entries.delete(path);
    this.place.delete(path);
    this.removedUnindexed.add(path);
    this.dirty.add(path);
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
      // The resolver knows counts only: an edited document's entities that stand (the same type and name, in order,
      // from either end) would be counted off and on again, so only the ones between are (`unchangedEnds`).
      const [head, tail] = was && now ? unchangedEnds(was.entities, now.entities) : [0, 0];
      if (was) for (const k of this.resolver.remove(was.entities.slice(head, was.entities.length - tail))) moved.add(k);
      if (now) for (const k of this.resolver.add(now.entities.slice(head, now.entities.length - tail))) moved.add(k);
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
    for (const byName of cached.asked.values()) for (const a of byName.values()) this.forget(path, a.mk);
    this.named.delete(path);
  }

  /** The document no longer asks for the answer `mk`; an answer nobody asks for is dropped. */
  private forget(path: string, mk: string): void {
    const users = this.users.get(mk);
    if (!users) return;
    users.delete(path);
    if (!users.size) {
      this.users.delete(mk);
      this.memo.delete(mk);
      const tab = mk.indexOf('\t');
      this.keys.get(mk.slice(0, tab))?.delete(mk.slice(tab + 1));
    }
  }

  /** How many namings `namedOf` began (each answer a document asks for notes the last that asked it). */
  private namings = 0;

  /**
   * The memo key of a name (`type \t name`), one string per name while any document asks
   * for it: a document named again looks its names up by strings whose hashes are known,
   * not by a key built (and hashed) anew for every mention.
   */
  private keyOf(type: EntityType, name: string): string {
    let byName = this.keys.get(type);
    if (!byName) this.keys.set(type, (byName = new Map()));
    let mk = byName.get(name);
    if (mk === undefined) byName.set(name, (mk = `${type}\t${name}`));
    return mk;
  }

  /** Per type, per name, its memo key (`keyOf`); dropped with the answer (`forget`). */
  private readonly keys = new Map<string, Map<string, string>>();

  /** A document's entities, quotes and claims with corpus-wide names, reused while nothing they depend on changed. */
  private namedOf(path: string, local: LocalAnalysis): Named {
    this.learn();
    const cached = this.named.get(path);
    const renamed = this.renamed.has(path);
    if (cached && cached.local === local && !renamed) return cached;
    const gen = ++this.namings;
    // Each name's answer looked up once in this naming, kept by type then name (a long document names most names many
    // times). The answers it asked for last time are known still: the document is among the users of each, and an
    // answer that changed would have put it in `renamed` (`learn`); and an answer it no longer asks for is dropped
    // from the book below. Then only names it did not ask for before are looked up.
    const kept = !!cached && !renamed;
    const asked: AnswerBook = kept ? cached.asked : new Map();
    /** The book's entry of a name, looked up (and the document made one of its users) when new; noted as asked by this naming. */
    const entry = (name: string, type: EntityType) => {
      let byName = asked.get(type);
      if (!byName) asked.set(type, (byName = new Map()));
      let a = byName.get(name);
      if (a !== undefined) {
        a.gen = gen;
        return a;
      }
      const mk = this.keyOf(type, name);
      let r = this.memo.get(mk);
      if (r === undefined) this.memo.set(mk, (r = this.resolver.resolve(name, type, dep => this.depends(dep, mk))));
      byName.set(name, (a = { mk, r, gen, entities: 0 }));
      let users = this.users.get(mk);
      if (!users) this.users.set(mk, (users = new Set()));
      users.add(path);
      return a;
    };
    const resolve = (name: string, type: EntityType) => entry(name, type).r;
    // Entities and claims of the paragraphs before an edit are the very objects (the claims field for field) named last
    // time: where their names resolve as they did, the named ones stand (the same values, no new object).
    const was = cached?.local;
    /** Entity `e` named `canonical`; `k`: the index of its counterpart last time, when it has one. */
    const namedEntity = (e: Entity, k: number, canonical: string) =>
      was?.entities[k] === e && cached!.entities[k].canonical === canonical ? cached!.entities[k]
        // (An entity whose name stands is the analysis's own object: neither is ever written to.)
        : canonical === e.canonical ? e : { ...e, canonical };
    // The book kept: the entities at either end that stand (the same type and name as last time, `unchangedEnds`)
    // take the answer their counterpart got, unchanged since; only those between are looked up, and each entry
    // counts the entities naming it (those between counted off and on), so that a name no entity, quote or claim
    // names any more is dropped below. A new book: every entity is between.
    const xs = kept ? was!.entities : [], ys = local.entities;
    const [head, tail] = kept ? unchangedEnds(xs, ys) : [0, 0];
    const shift = xs.length - ys.length;
    for (let k = head; k < xs.length - tail; k++) asked.get(xs[k].type)!.get(xs[k].canonical)!.entities--;
    const entities = ys.map((e, k) => {
      if (k < head) return namedEntity(e, k, cached!.entities[k].canonical);
      if (k >= ys.length - tail) return namedEntity(e, k + shift, cached!.entities[k + shift].canonical);
      const a = entry(e.canonical, e.type);
      a.entities++;
      return namedEntity(e, k, a.r);
    });
    const quotes = nameQuotes(local, resolve);
    const types = typeOfCanonical(this.ctx, local, was);
    const nameIn = claimNamer(resolve, types);
    const claims = local.claims.map((c, k) => {
      const w = was?.claims[k];
      if (w && sameClaim(w, c)) {
        const old = cached!.claims[k];
        if (old.speaker === (c.speaker ? nameIn(c.speaker) : null) && sameNamesList(old.entities, c.entities, nameIn)) return old;
      }
      return nameClaim(c, nameIn);
    });
    // The answers asked last time and not now are forgotten (a book of its own: those it does not hold; the book kept:
    // those this naming did not note).
    if (cached && cached.asked !== asked) {
      for (const [type, byName] of cached.asked) for (const [name, a] of byName) if (!asked.get(type)?.has(name)) this.forget(path, a.mk);
    } else {
      for (const byName of asked.values()) for (const [name, a] of byName) if (a.gen !== gen && !a.entities) { byName.delete(name); this.forget(path, a.mk); }
    }
    this.renamed.delete(path);
    this.last.named++;
    // Named again to the same names (the baseline names every document again): the same object, so nothing downstream sees a change.
    if (cached && cached.local === local && sameNames(cached, entities, quotes, claims)) {
      cached.asked = asked;
      return cached;
    }
    const named: Named = { local, asked, entities, quotes, claims };
    this.named.set(path, named);
    this.renamedUnindexed.add(path);
    return named;
  }

  /** Whether exact results are owed (a first phase ran since they were last worked out; see `deferSettle`). */
  get unsettled(): boolean {
    // (A settle under way has taken what was owed: its results are not shown until its last step.)
    return this.owed !== null || this.running !== null;
  }

  /**
   * Works out the exact results owed after first phases (and any change since):
   * what an update without `deferSettle` gives. False when nothing was owed.
   */
  settle(): boolean {
    const steps = this.settling();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `settle` a step at a time (it yields each step's name as it ends), so that a
   * worker can serve messages between steps. Any change to the corpus (`set`,
   * `delete`) gives up a settle under way: the results shown stay, and the settle
   * stays owed with what it had found to do.
   */
  *settling(): Generator<string, boolean> {
    // A settle paused between its steps is given up first: what it took is owed again.
    this.abandonSettle();
    if (!this.owed || !this.prev) return false;
    this.last.named = 0;
    const steps = this.updating(this.prev);
    this.running = steps;
    try {
      const results = yield* steps;
      // Given up by a change (`abandonSettle`): nothing was settled.
      if (this.running !== steps || !results) return false;
      // (Shown as a copy, made here rather than on the next edit: a first phase writes into the map shown, and the exact
      // map is what the next settle starts from. At 10,000 documents the copy took a first phase 10–30 ms.)
      this.results = this.shown = new Map(results);
      return true;
    } finally {
      if (this.running === steps) this.running = null;
    }
  }

  /** How many times a document was set or removed (what reads the results between pauses asks whether they moved). */
  get changes(): number {
    return this.changeCount;
  }

  private changeCount = 0;

  /** The settle under way (between two of its steps), if any. */
  private running: Generator<string, Map<string, DocumentResult>> | null = null;

  /** Gives up the settle under way (a change is coming). */
  private abandonSettle(): void {
    const r = this.running;
    this.running = null;
    r?.return(undefined as never);
  }

  private resolve(): Map<string, DocumentResult> {
    if (this.results) return this.results;
    this.last.named = 0;
    if (this.incremental && this.prev) {
      if (this.deferSettle && this.dirty.size <= Corpus.QUICK_MAX) return (this.results = this.shown = this.quick());
      return (this.results = this.shown = this.update(this.prev));
    }
    this.owed = null;
    this.reuse.takeTouched();
    const results = new Map<string, DocumentResult>();
    for (const { path, local } of this.entries.values()) {
      const named = this.namedOf(path, local);
      // Fresh quote and claim objects: the links below are written into them.
      const quotes = named.quotes.map(q => ({ ...q, variants: [] as QuoteLink[] }));
      const claims = named.claims.map(c => ({ ...c }));
      results.set(path, resultOf(path, local, named.entities, quotes, claims, duplicatesOf(path, local, this.reuse)));
    }
    this.quoteLinker.link([...results.values()].map(r => {
      const local = this.entries.get(r.path)!.local;
      return { path: r.path, quotes: r.quotes, text: local.text, sentences: local.sentences, key: this.named.get(r.path) };
    }), !this.incremental);
    const linkDocs = [...results.values()].map(r => ({ path: r.path, claims: r.claims, key: this.named.get(r.path), passages: sharedPassages(r.duplicates) }));
    // Grouped once, below, after the quote claims' links.
    if (this.incremental) {
      this.claimIndex.link(linkDocs, false);
      this.last.claimsLookedUp = this.claimIndex.lookedUp;
    } else {
      this.claimLinker.link(linkDocs, false);
      this.last.claimsLookedUp = linkDocs.length;
    }
    this.indexed(this.incremental);
    linkAfterClaims(this.ctx, results);
    this.results = results;
    this.dirty.clear();
    this.last.relinked = this.last.passages = results.size;
    this.groups.reset(results.values());
    this.prev = this.shown = results;
    for (const p of this.builtFrom.keys()) if (!this.entries.has(p)) this.builtFrom.delete(p);
    for (const p of results.keys()) this.builtFrom.set(p, this.named.get(p)!);
    return results;
  }

  /**
   * How long a settle's step runs before it pauses (yields `PAUSE`) for the worker to
   * serve what waits, ms (Infinity: steps run whole). At 10,000 articles a step ran for
   * seconds, and an edit arriving meanwhile waited for it.
   */
  settleSliceMs = 8;

  /** The results last worked out exactly (incremental): what an update starts from. */
  private prev: Map<string, DocumentResult> | null = null;
  /** The results last handed out (exact, or from a first phase): what a first phase starts from. */
  private shown: Map<string, DocumentResult> | null = null;
  /**
   * While exact results are owed (null: none): the documents set or removed, and
   * those whose links the indexes changed, in the first phases since `prev`.
   */
  private owed: Set<string> | null = null;

  /**
   * The first phase of a two-phase update (`deferSettle`): the indexes brought up to
   * date (the documents changed named again, the others as they were last named),
   * and the results of the documents changed and of their neighbours, old and new,
   * worked out from the direct links (`provisionalResults`) over the results shown.
   * What it costs follows what changed, not the corpus: the indexes are told only the
   * documents set, removed or named anew since they last heard (`updateChanged`), and
   * the new results are written into the map shown (copied first when it is the exact
   * one a settle starts from). When the indexes cannot be trusted to know every other
   * document (`indexesSynced`, `indexesOrdered`), every document is handed to them, as
   * `firstPhaseScansAll` does: the same results either way.
   */
  private quick(): Map<string, DocumentResult> {
    let t = performance.now();
    const ms: Record<string, number> = {};
    const lap = (what: string) => { const now = performance.now(); ms[what] = (ms[what] ?? 0) + now - t; t = now; };
    const dirty = new Set(this.dirty);
    this.dirty.clear();
    const owed = (this.owed ??= new Set());
    for (const p of dirty) owed.add(p);
    for (const p of dirty) { const e = this.entries.get(p); if (e) this.namedOf(p, e.local); }
    // The indexes are told what changed (see `indexesOrdered`), or, when they may not know the rest, given every document.
    const scanAll = this.firstPhaseScansAll || !this.indexesSynced || !this.indexesOrdered;
    const byPlace = (a: string, b: string) => this.place.get(a)! - this.place.get(b)!;
    const quoteDocs: QuoteDocIn[] = [];
    const linkDocs: LinkDoc[] = [];
    // Each document's duplicates, worked out once in this phase (the claim index reads the edited ones' passages, the
    // results their duplicates).
    const sharedOf = this.duplicatesOnce();
    const add = (path: string, named: Named) => {
      quoteDocs.push({ path, quotes: named.quotes, text: named.local.text, sentences: named.local.sentences, key: named });
      // (The passages of the documents edited only: the others' wait for the settle, as their names do.)
      linkDocs.push({ path, claims: named.claims, key: named, passages: dirty.has(path) ? sharedPassages(sharedOf(path, named.local)) : undefined });
    };
    const removed: string[] = [];
    if (scanAll) {
      for (const { path, local } of this.entries.values()) {
        // (Named again only when changed: a document whose names moved is named, and relinked, by the settle.)
        add(path, this.named.get(path) ?? this.namedOf(path, local));
      }
    } else {
      // The documents set, and any named again since the indexes last saw them (a settle given up after naming), in the corpus's order.
      const changed = new Set<string>();
      for (const p of dirty) if (this.entries.has(p)) changed.add(p); else removed.push(p);
      for (const p of this.renamedUnindexed) if (this.entries.has(p)) changed.add(p);
      for (const p of [...changed].sort(byPlace)) add(p, this.named.get(p)!);
    }
    lap('named');
    // (Quotes of other documents whose key crossed the cap are looked up again by the settle, as the claim index's.)
    for (const p of scanAll ? this.quoteLinker.update(quoteDocs, true) : this.quoteLinker.updateChanged(quoteDocs, removed, true)) owed.add(p);
    lap('quoteLookup');
    for (const p of scanAll ? this.claimIndex.update(linkDocs, true) : this.claimIndex.updateChanged(linkDocs, removed, true)) owed.add(p);
    this.indexed(true);
    lap('claimLookup');
    const base = this.shown ?? this.prev!;
    const { changed, stats } = provisionalResults({
      base,
      has: path => this.entries.has(path),
      position: path => this.place.get(path)!,
      dirty,
      passagesMoved: this.reuse.takeRecentlyTouched(),
      fresh: path => {
        const local = this.entries.get(path)!.local, named = this.named.get(path)!;
        const quotes = named.quotes.map(q => ({ ...q, variants: [] as QuoteLink[], attributedElsewhere: [], quoteGroup: null, quoteGroupSize: 1 }));
        const claims = named.claims.map(c => ({ ...c, corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], status: 'unique' as const, claimGroup: null, claimGroupSize: 1 }));
        return resultOf(path, local, named.entities, quotes, claims, sharedOf(path, local));
      },
      duplicates: path => sharedOf(path, this.entries.get(path)!.local),
      claimLinks: path => this.claimIndex.pairLinksOf(path),
      quoteLinks: path => this.quoteLinker.linksOf(path),
      quoteSimilarity: (a, b) => quoteSimilarity(this.ctx, a, b),
      newGroup: letter => this.groups.unused(letter),
    });
    let results: Map<string, DocumentResult>;
    if (scanAll) {
      results = new Map();
      for (const path of this.entries.keys()) {
        const r = changed.get(path) ?? base.get(path);
        if (r) results.set(path, r);
      }
    } else {
      // The results shown, with the new ones: written in place when they are a first phase's (the corpus's own, read by
      // nobody once replaced), else (the exact ones a settle starts from) copied. A document new here comes last, as in the corpus.
      results = base === this.prev ? new Map(base) : (base as Map<string, DocumentResult>);
      for (const p of removed) results.delete(p);
      const added: string[] = [];
      for (const [p, r] of changed) if (results.has(p)) results.set(p, r); else added.push(p);
      for (const p of added.sort(byPlace)) results.set(p, changed.get(p)!);
    }
    lap('provisional');
    this.last.quick = { ms, documents: stats.documents, all: scanAll };
    return results;
  }

  /**
   * The first phase hands every document to the indexes (and builds the results map
   * anew), as it did before it told them only what changed: the reference the tests
   * compare with. The results are the same.
   */
  firstPhaseScansAll = false;
  /** Each document's place in the corpus's order (only the order of two places is read; a document set anew comes last). */
  private readonly place = new Map<string, number>();
  private nextPlace = 0;
  /** Whether the quote linker and the claim index know every document as `named` has it but those below (false: the claim index is not kept, `incremental` off). */
  private indexesSynced = false;
  /** Whether the indexes have every document in the corpus's order (false: one removed came back before they heard of it, and comes last now). */
  private indexesOrdered = true;
  /** Documents named anew since the indexes were last brought up to date. */
  private readonly renamedUnindexed = new Set<string>();
  /** Documents removed since the indexes were last brought up to date. */
  private readonly removedUnindexed = new Set<string>();

  /** The indexes were brought up to date with every document (`claims`: the claim index too, not only the quote linker). */
  private indexed(claims: boolean): void {
    this.indexesSynced = claims;
    this.indexesOrdered = true;
    this.renamedUnindexed.clear();
    this.removedUnindexed.clear();
  }

  /** Documents set or removed since the results were last worked out. */
  private readonly dirty = new Set<string>();
  /** Group ids handed out: kept by a group while it stands (incremental). */
  private readonly groups = new GroupIds();
  /** Per document, the named analysis its last result was built from. */
  private readonly builtFrom = new Map<string, Named>();

  /**
   * The results after a change, worked out from the last ones: only the claims and
   * quotes whose fields can have changed are linked again, and only the documents
   * holding one of them, or whose shared passages changed, get a new result object.
   * Seeds: every claim and quote of the documents set, removed, named again, or whose
   * quote or claim links changed (the linkers say which). Links, groups, quote claims
   * and caps are decided within a set of claims and quotes linked to each other
   * (directly or through others; a linked quote and the claims holding it count as
   * linked), never beyond it, so the seeds with everything linked to them are linked
   * again from scratch (the persistent indexes give their links), as a corpus of their
   * own, and every other claim and quote keeps its object. Shared passages: the
   * documents whose links to others moved, and their neighbours (whose passages'
   * boilerplate depends on how many documents share a sentence). A group keeps its
   * id while it stands (see `GroupIds`).
   */
  private update(prev: Map<string, DocumentResult>): Map<string, DocumentResult> {
    const steps = this.updating(prev);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `update` step by step: yields the name of each step as it ends. Nothing is
   * written that the corpus keeps (beyond the indexes brought up to date, whose
   * changes are remembered) until the last step: an update given up between steps
   * (`return()`, a newer change) leaves the results shown as they were and the
   * settle owed, with everything it found to do.
   */
  private *updating(prev: Map<string, DocumentResult>): Generator<string, Map<string, DocumentResult>> {
    const changed = new Set<string>(this.dirty);
    this.dirty.clear();
    for (const p of this.owed ?? []) changed.add(p);
    this.owed = null;
    const touched = this.reuse.takeTouched();
    for (const p of this.owedPassages) touched.add(p);
    this.owedPassages.clear();
    const built: [string, Named][] = [];
    let committed = false;
    try {
      return yield* this.updateSteps(prev, changed, touched, built, () => {
        committed = true;
        for (const [p, named] of built) this.builtFrom.set(p, named);
        for (const p of this.builtFrom.keys()) if (!this.entries.has(p)) this.builtFrom.delete(p);
      });
    } finally {
      if (!committed) {
        const owed = (this.owed ??= new Set());
        for (const p of changed) owed.add(p);
        for (const p of touched) this.owedPassages.add(p);
      }
    }
  }

  /**
   * `duplicatesOf` against the reuse index as it stands, each document's worked out once (an update reads the
   * passages of some documents for the claim index and their duplicates for the results); with `ms`, the time it
   * takes added to `ms.shared`.
   */
  private duplicatesOnce(ms?: Record<string, number>): (path: string, local: LocalAnalysis) => Duplicate[] {
    const shared = new Map<string, Duplicate[]>();
    return (path, local) => {
      let duplicates = shared.get(path);
      if (duplicates) return duplicates;
      const t0 = performance.now();
      shared.set(path, (duplicates = duplicatesOf(path, local, this.reuse)));
      if (ms) ms.shared = (ms.shared ?? 0) + performance.now() - t0;
      return duplicates;
    };
  }

  /** Documents whose shared passages moved, found by an update given up before its end. */
  private readonly owedPassages = new Set<string>();

  private *updateSteps(prev: Map<string, DocumentResult>, changed: Set<string>, touched: ReadonlySet<string>, built: [string, Named][], commit: () => void): Generator<string, Map<string, DocumentResult>> {
    let t = performance.now();
    const ms = this.last.ms = {} as Record<string, number>;
    const lap = (what: string) => { const now = performance.now(); ms[what] = (ms[what] ?? 0) + now - t; t = now; };
    // A step's loops pause when the slice is spent (see slice.ts); the time paused is no step's.
    const slice = new Slice(this.settleSliceMs);
    const pause = function* (step: string): Generator<string, void> {
      lap(step);
      yield PAUSE;
      t = performance.now();
      slice.next();
    };
    const quoteDocs: QuoteDocIn[] = [];
    const linkDocs: LinkDoc[] = [];
    const namedNow = new Map<string, Named>();
    for (const { path, local } of this.entries.values()) {
      const named = this.namedOf(path, local);
      namedNow.set(path, named);
      if (this.builtFrom.get(path) !== named) changed.add(path);
      quoteDocs.push({ path, quotes: named.quotes, text: local.text, sentences: local.sentences, key: named });
      linkDocs.push({ path, claims: named.claims, key: named });
      if (slice.due()) yield* pause('named');
    }
    // Shared passages: the documents whose links to others moved, their neighbours old and new, and those changed. The
    // claim index is given theirs (aligned claims are candidates); the others keep the passages it has.
    const passages = new Set<string>();
    for (const p of touched) {
      passages.add(p);
      for (const d of prev.get(p)?.duplicates ?? []) passages.add(d.other.path);
    }
    for (const p of changed) passages.add(p);
    const sharedOf = this.duplicatesOnce(ms);
    for (const d of linkDocs) {
      if (!passages.has(d.path)) continue;
      d.passages = sharedPassages(sharedOf(d.path, this.entries.get(d.path)!.local));
      if (slice.due()) yield* pause('named');
    }
    lap('named');
    yield 'named';
    for (const p of this.quoteLinker.update(quoteDocs)) changed.add(p);
    for (const p of this.claimIndex.update(linkDocs)) changed.add(p);
    this.indexed(true);
    this.last.claimsLookedUp = this.claimIndex.lookedUp;
    lap('lookup');
    yield 'lookup';
    // The claims and quotes to link again: the seeds and everything linked to them.
    const claimsIn = new Map<string, Set<number>>(), quotesIn = new Map<string, Set<number>>();
    // The items to follow, last in first out, as three lists (no tuple per item): claim (1) or quote (0), document, index.
    const queueKind: number[] = [], queuePath: string[] = [], queueIndex: number[] = [];
    const visit = (claim: boolean, path: string, i: number) => {
      const m = claim ? claimsIn : quotesIn;
      let set = m.get(path);
      if (!set) m.set(path, (set = new Set()));
      if (set.has(i)) return;
      set.add(i);
      queueKind.push(claim ? 1 : 0);
      queuePath.push(path);
      queueIndex.push(i);
    };
    for (const p of changed) {
      const named = namedNow.get(p);
      if (!named) continue;
      named.claims.forEach((_, i) => visit(true, p, i));
      named.quotes.forEach((_, i) => visit(false, p, i));
    }
    // Each document's links as the closure follows them, flat (`Edges`), made when it is first reached.
    const adjacency = new Map<string, { claims: Edges; quotes: Edges }>();
    const near = (path: string) => {
      let a = adjacency.get(path);
      if (a) return a;
      const named = namedNow.get(path)!;
      const claims = new EdgeList(), quotes = new EdgeList();
      this.claimIndex.eachLink(path, (i, other, j) => claims.add(i, other, j));
      const held = new Set<number>();
      this.quoteLinker.eachLink(path, (i, other, j) => {
        quotes.add(i, other, j);
        // A linked quote and the claims holding it, once per quote: quote claims follow their quotes' links, and so does
        // a claim of another kind quoting a few of the speaker's words (quoteLinks.ts `claimsAt`), so every claim the
        // quote meets is taken. (`null`: an item of the same document, of the other kind.)
        if (held.has(i)) return;
        held.add(i);
        const q = named.quotes[i];
        named.claims.forEach((c, k) => {
          if (c.start <= q.end && q.start <= c.end + 1) { quotes.add(i, null, k); claims.add(k, null, i); }
        });
      });
      a = { claims: claims.flat(named.claims.length), quotes: quotes.flat(named.quotes.length) };
      adjacency.set(path, a);
      return a;
    };
    while (queueKind.length) {
      if (slice.due()) yield* pause('closure');
      const claim = queueKind.pop() === 1, path = queuePath.pop()!, i = queueIndex.pop()!;
      const e = claim ? near(path).claims : near(path).quotes;
      for (let x = e.at[i], end = e.at[i + 1]; x < end; x++) {
        const other = e.other[x];
        if (other === null) visit(!claim, path, e.index[x]);
        else if (this.entries.has(other)) visit(claim, other, e.index[x]);
      }
    }
    // (Documents whose links moved since are linked again below, with their passages, as before.)
    for (const p of changed) passages.add(p);
    lap('closure');
    yield 'closure';
    const results = new Map<string, DocumentResult>();
    // Per document linked again: its full result, and the claims and quotes linked again (fresh objects; the others are the last result's).
    const relinked: { full: DocumentResult; claims: Claim[]; quotes: Quote[]; oldClaims: Claim[]; oldQuotes: Quote[] }[] = [];
    for (const { path, local } of this.entries.values()) {
      if (slice.due()) yield* pause('results');
      const old = prev.get(path);
      const cs = claimsIn.get(path), qs = quotesIn.get(path);
      // (A document whose text or names changed is built again even with no claim or quote to link: its length, title and entities are new.)
      const same = old && !changed.has(path);
      if (!cs && !qs && !passages.has(path) && same) {
        results.set(path, old);
        continue;
      }
      const named = namedNow.get(path)!;
      const duplicates = passages.has(path) || !old ? sharedOf(path, local) : old.duplicates;
      if (!cs && !qs && same) {
        results.set(path, { ...old, duplicates });
        continue;
      }
      built.push([path, named]);
      // A document seeded (or new) has every claim and quote linked again; another keeps the objects of the others.
      const whole = !old || changed.has(path);
      const claims = named.claims.map((c, i) => (whole || cs?.has(i) ? { ...c } : old.claims[i]));
      const quotes = named.quotes.map((q, i) => (whole || qs?.has(i) ? { ...q, variants: [] as QuoteLink[] } : old.quotes[i]));
      const full = resultOf(path, local, named.entities, quotes, claims, duplicates);
      results.set(path, full);
      relinked.push({
        full,
        claims: claims.filter((_, i) => whole || cs?.has(i)),
        quotes: quotes.filter((_, i) => whole || qs?.has(i)),
        oldClaims: whole ? old?.claims ?? [] : old.claims.filter((_, i) => cs?.has(i)),
        oldQuotes: whole ? old?.quotes ?? [] : old.quotes.filter((_, i) => qs?.has(i)),
      });
    }
    lap('results');
    yield 'results';
    // The claims and quotes linked again, linked as a corpus of their own (in the corpus's order).
    const fresh = new Map<string, { claims: Set<Claim>; quotes: Set<Quote> }>(relinked.map(r => [r.full.path, { claims: new Set(r.claims), quotes: new Set(r.quotes) }]));
    for (const _ of this.quoteLinker.writing(relinked.map(r => ({ path: r.full.path, quotes: r.full.quotes, text: '', sentences: [], key: null })),
      (path, at) => fresh.get(path)!.quotes.has(results.get(path)!.quotes[at]), slice)) yield* pause('quoteWrite');
    lap('quoteWrite');
    yield 'quoteWrite';
    for (const _ of this.claimIndex.writing(relinked.map(r => ({ path: r.full.path, claims: r.full.claims, key: null })),
      (path, i) => fresh.get(path)?.claims.has(results.get(path)!.claims[i]) ?? false, false, slice)) yield* pause('claimWrite');
    lap('claimWrite');
    yield 'claimWrite';
    const parts: DocumentResult[] = relinked.map(r => ({ ...r.full, claims: r.claims, quotes: r.quotes }));
    // (`linkAfterClaims`, a step at a time.)
    for (const _ of linkingQuoteClaims(this.ctx, new Map(parts.map(r => [r.path, r])), slice)) yield* pause('quoteClaims');
    lap('quoteClaims');
    yield 'quoteClaims';
    for (const _ of groupingClaims(parts, slice)) yield* pause('groups');
    lap('groups');
    yield 'groups';
    // (A kind of list at a time: at 10,000 articles the caps take tens of seconds, and a change waits for the step under way.)
    for (const kind of capLinkSteps(parts, (a, b) => quoteSimilarity(this.ctx, a, b), LINK_CAP, slice)) {
      if (kind === PAUSE) {
        yield* pause('caps');
        continue;
      }
      lap('caps');
      if (kind !== 'claims') yield `caps (${kind})`;
    }
    yield 'caps';
    // What came out as the last result had it, group ids aside (given next). Most of what a settle links again does
    // (at 2,000 articles an edit reaches about 52,500 claims and quotes); its last objects are handed out again below.
    const same = yield* sameAsLast(relinked, prev, slice, () => pause('same'));
    lap('same');
    yield 'same';
    // (At 10,000 articles the ids took 323–817 ms in one go; given up at a pause, they are as they were.)
    const removed: DocumentResult[] = [];
    for (const [p, r] of prev) if (!this.entries.has(p)) removed.push(r);
    const before = new Map(relinked.map(r => [r.full.path, { ...r.full, claims: r.oldClaims, quotes: r.oldQuotes }]));
    for (const _ of this.groups.renumbering(parts, before, removed, slice)) yield* pause('ids');
    handOutSame(relinked, same, prev, results);
    commit();
    lap('ids');
    this.last.relinked = relinked.length;
    this.last.passages = passages.size;
    this.last.items = parts.reduce((n, r) => n + r.claims.length + r.quotes.length, 0);
    this.prev = results;
    return results;
  }
}

type QuoteDocIn = Parameters<QuoteLinker['update']>[0][number];

/** Of one document linked again by a settle: the places of its fresh claims and quotes equal to its last result's there, group ids aside. */
interface SameAsLast {
  claims: number[];
  quotes: number[];
}

/**
 * The fresh claims and quotes of the documents a settle linked again that came out as their last result's at the same
 * place, group ids aside (`handOutSame` weighs those once they are given). It writes nothing; `pause` is how it
 * pauses when `slice` is spent.
 */
function* sameAsLast(relinked: readonly { full: DocumentResult }[], prev: ReadonlyMap<string, DocumentResult>, slice: Slice, pause: () => Generator<string, void>): Generator<string, SameAsLast[]> {
  const out: SameAsLast[] = [];
  for (const { full } of relinked) {
    const same: SameAsLast = { claims: [], quotes: [] };
    out.push(same);
    const old = prev.get(full.path);
    if (!old) continue;
    for (let i = 0; i < full.claims.length && i < old.claims.length; i++) {
      const c = full.claims[i], o = old.claims[i];
      if (c !== o && sameFields(c, o, 'claimGroup')) same.claims.push(i);
      if (slice.due()) yield* pause();
    }
    for (let i = 0; i < full.quotes.length && i < old.quotes.length; i++) {
      const q = full.quotes[i], o = old.quotes[i];
      if (q !== o && sameFields(q, o, 'quoteGroup')) same.quotes.push(i);
      if (slice.due()) yield* pause();
    }
  }
  return out;
}

/**
 * Where a settle made again what the last result had (`sameAsLast`, and the same group id), the last result's objects
 * are handed out: the claim or quote; the list, when every item of it is the last one's; the result itself, when all
 * of it is the same. The copies made are then let go at once, and what holds the last objects (the worker's views of
 * them) holds no second copy: the views made from the last results kept those objects alive, beside the corpus's
 * fresh ones, about 7% of the worker's heap at 2,000 articles after 10 edits. Nothing written into: every object
 * handed out stays as it was.
 */
function handOutSame(relinked: readonly { full: DocumentResult }[], same: readonly SameAsLast[], prev: ReadonlyMap<string, DocumentResult>, results: Map<string, DocumentResult>): void {
  relinked.forEach(({ full }, k) => {
    const old = prev.get(full.path);
    if (!old) return;
    for (const i of same[k].claims) if (full.claims[i].claimGroup === old.claims[i].claimGroup) full.claims[i] = old.claims[i];
    for (const i of same[k].quotes) if (full.quotes[i].quoteGroup === old.quotes[i].quoteGroup) full.quotes[i] = old.quotes[i];
    if (sameItems(full.claims, old.claims)) full.claims = old.claims;
    if (sameItems(full.quotes, old.quotes)) full.quotes = old.quotes;
    if (full.claims === old.claims && full.quotes === old.quotes && sameData(full, old)) results.set(full.path, old);
  });
}

/** Whether two lists hold the very same objects, in order. */
function sameItems<T>(xs: readonly T[], ys: readonly T[]): boolean {
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i++) if (xs[i] !== ys[i]) return false;
  return true;
}

/** A renumbering's changes to the ids held, in order (see `GroupIds.renumbering`). */
interface Journal {
  held: boolean[];
  ids: string[];
  paths: string[];
}

/**
 * Claim and quote group ids that stay while the group stands (an edited corpus):
 * the groups of the documents linked again take the ids their members had (the
 * first member's that no group before it took), and a new group a new id. A corpus
 * worked out from scratch numbers its groups in order (`c1`, `c2`…, `q1`…); so does
 * the first result of an edited one, and later ids count on from there.
 */
class GroupIds {
  /** Per id, the documents holding it. */
  private readonly holders = new Map<string, Set<string>>();
  private next = { c: 0, q: 0 };

  /** Takes the ids of results worked out from scratch. */
  reset(results: Iterable<DocumentResult>): void {
    this.holders.clear();
    this.next = { c: 0, q: 0 };
    for (const r of results) {
      for (const c of r.claims) this.hold(c.claimGroup, r.path);
      for (const q of r.quotes) this.hold(q.quoteGroup, r.path);
    }
  }

  private hold(id: string | null | undefined, path: string): void {
    if (!id) return;
    let set = this.holders.get(id);
    if (!set) {
      this.holders.set(id, (set = new Set()));
      // (An id held already was counted when it was first held.)
      const n = Number(id.slice(1)), kind = id[0] as 'c' | 'q';
      if (n > this.next[kind]) this.next[kind] = n;
    }
    if (set.has(path)) return;
    set.add(path);
    this.note(true, id, path);
  }

  /**
   * Gives the groups of `relinked` (linked on their own, numbered from 1) the ids they keep, or new ones, after the
   * documents `removed` let theirs go. A step that pauses (yields `PAUSE`) when `slice` is spent: given up at a
   * pause (`return()`), it undoes what it changed of the ids held, and the items it numbered are thrown away with
   * the settle.
   */
  *renumbering(relinked: readonly DocumentResult[], prev: ReadonlyMap<string, DocumentResult>, removed: readonly DocumentResult[], slice: Slice): Generator<string, void> {
    const journal: Journal = { held: [], ids: [], paths: [] };
    const next = { ...this.next };
    this.journal = journal;
    let done = false;
    try {
      for (const r of removed) {
        this.forget(r);
        if (slice.due()) yield PAUSE;
      }
      for (const r of relinked) {
        const old = prev.get(r.path);
        if (old) this.forget(old);
        if (slice.due()) yield PAUSE;
      }
      yield* this.assign(relinked, prev, r => r.claims, 'c', c => c.claimGroup, (c, id) => (c.claimGroup = id), slice);
      yield* this.assign(relinked, prev, r => r.quotes, 'q', q => q.quoteGroup, (q, id) => (q.quoteGroup = id), slice);
      done = true;
    } finally {
      this.journal = null;
      if (!done) {
        // (Undone last first, by the opposite call, with no journal to write to: a path held, then let go, or the
        // reverse, comes back as it was; the counters a hold moves are put back whole after.)
        for (let k = journal.held.length - 1; k >= 0; k--) {
          if (journal.held[k]) this.release(journal.ids[k], journal.paths[k]);
          else this.hold(journal.ids[k], journal.paths[k]);
        }
        this.next = next;
      }
    }
  }

  /** While a renumbering runs: every path it adds to an id's holders (held: true) or takes away, in order. */
  private journal: Journal | null = null;

  private *assign<T extends Span>(relinked: readonly DocumentResult[], prev: ReadonlyMap<string, DocumentResult>, items: (r: DocumentResult) => T[], letter: 'c' | 'q',
    get: (x: T) => string | null | undefined, set: (x: T, id: string) => void, slice: Slice): Generator<string, void> {
    // Per local group (in the order its first member comes), the ids its members had, in order.
    const had = new Map<string, string[]>();
    for (const r of relinked) {
      const old = prev.get(r.path);
      // (Places as numbers where exact, not strings made for each item.)
      const base = Math.max(old?.length ?? 0, r.length) + 2;
      const was = new Map<number | string, string>();
      if (old) for (const x of items(old)) { const id = get(x); if (id) was.set(offsetKey(x.start, x.end, base), id); }
      for (const x of items(r)) {
        const id = get(x);
        if (!id) continue;
        let list = had.get(id);
        if (!list) had.set(id, (list = []));
        const w = was.get(offsetKey(x.start, x.end, base));
        if (w) list.push(w);
      }
      if (slice.due()) yield PAUSE;
    }
    const ids = new Map<string, string>();
    const taken = new Set<string>();
    for (const [local, olds] of had) {
      const id = olds.find(w => !taken.has(w) && !this.holders.has(w)) ?? `${letter}${++this.next[letter]}`;
      taken.add(id);
      ids.set(local, id);
      if (slice.due()) yield PAUSE;
    }
    for (const r of relinked) {
      for (const x of items(r)) {
        const local = get(x);
        if (!local) continue;
        const id = ids.get(local)!;
        set(x, id);
        this.hold(id, r.path);
      }
      if (slice.due()) yield PAUSE;
    }
  }

  /** An id no group holds or held (a first phase's new group; the settle may keep it). */
  unused(letter: 'c' | 'q'): string {
    return `${letter}${++this.next[letter]}`;
  }

  /** A document removed, or linked again: the ids its claims and quotes held are free again (for the groups left). */
  private forget(r: DocumentResult): void {
    for (const c of r.claims) this.release(c.claimGroup, r.path);
    for (const q of r.quotes) this.release(q.quoteGroup, r.path);
  }

  private release(id: string | null | undefined, path: string): void {
    const set = id ? this.holders.get(id) : undefined;
    if (!set?.has(path)) return;
    set.delete(path);
    if (!set.size) this.holders.delete(id!);
    this.note(false, id!, path);
  }

  private note(held: boolean, id: string, path: string): void {
    const j = this.journal;
    if (!j) return;
    j.held.push(held);
    j.ids.push(id);
    j.paths.push(path);
  }
}

/**
 * The answers a document asked of the resolver, by type then name: each one's memo key (`type \t name`), the last
 * naming that looked it up, and how many of the document's entities name it (entities that stand are not looked up
 * again: a name is asked while an entity names it, or a quote or claim did in the last naming).
 */
type AnswerBook = Map<string, Map<string, { mk: string; r: string; gen: number; entities: number }>>;

interface Named {
  local: LocalAnalysis;
  /** The answers asked of the resolver. */
  asked: AnswerBook;
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
}

/** Whether a document named again got the names it had (entities' canonical names, speakers, claims' names). */
function sameNames(was: Named, entities: readonly Entity[], quotes: readonly Quote[], claims: readonly Claim[]): boolean {
  if (was.entities.length !== entities.length || was.quotes.length !== quotes.length || was.claims.length !== claims.length) return false;
  for (let i = 0; i < entities.length; i++) if (was.entities[i].canonical !== entities[i].canonical) return false;
  for (let i = 0; i < quotes.length; i++) if (was.quotes[i].speaker !== quotes[i].speaker) return false;
  for (let i = 0; i < claims.length; i++) {
    const a = was.claims[i], b = claims[i];
    if (a.speaker !== b.speaker || a.entities.length !== b.entities.length || a.entities.some((n, k) => n !== b.entities[k])) return false;
  }
  return true;
}

/**
 * How many entities at the head and at the tail of `xs` and `ys` have the same type and
 * name, in order (the head first; head + tail never exceeds either length). What the
 * name resolver counts of the two lists differs by the entities between only: after an
 * edit of a long document, those of the paragraphs it touched.
 */
export function unchangedEnds(xs: readonly Entity[], ys: readonly Entity[]): [number, number] {
  const n = Math.min(xs.length, ys.length);
  let head = 0;
  while (head < n && sameName(xs[head], ys[head])) head++;
  let tail = 0;
  while (tail < n - head && sameName(xs[xs.length - 1 - tail], ys[ys.length - 1 - tail])) tail++;
  return [head, tail];
}

/** Whether two entities have the same type and canonical name (the same object, at once). */
function sameName(x: Entity, y: Entity): boolean {
  return x === y || (x.type === y.type && x.canonical === y.canonical);
}

const CANONICAL_TYPES = new Slot('corpus.canonicalTypes', () => new WeakMap<LocalAnalysis, Map<string, EntityType>>());

/**
 * Type of the first entity of the document with each canonical name (computed once per
 * analysis; an analysis whose entities have the types and names of `was`'s, in order, as
 * after most edits, takes `was`'s map).
 */
function typeOfCanonical(ctx: AnalysisContext, local: LocalAnalysis, was?: LocalAnalysis): Map<string, EntityType> {
  const canonicalTypes = ctx.get(CANONICAL_TYPES);
  let m = canonicalTypes.get(local);
  if (!m) {
    const old = was && canonicalTypes.get(was);
    canonicalTypes.set(local, (m = old && sameKinds(was.entities, local.entities) ? old : canonicalTypesOf(local)));
  }
  return m;
}

/** Whether two lists of entities have the same types and canonical names, in order. */
function sameKinds(xs: readonly Entity[], ys: readonly Entity[]): boolean {
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i++) if (!sameName(xs[i], ys[i])) return false;
  return true;
}

/** The type of the first entity with each (document-local) canonical name. */
export function canonicalTypesOf(local: LocalAnalysis): Map<string, EntityType> {
  const m = new Map<string, EntityType>();
  for (const e of local.entities) if (!m.has(e.canonical)) m.set(e.canonical, e.type);
  return m;
}

/** Resolves a document-local name to its corpus-wide one. */
export type Resolve = (name: string, type: EntityType) => string;

/** A document's quotes with corpus-wide speakers (a person's or organisation's), no links yet. The one naming of quotes, for `Corpus` and the CLI's one-shot corpus. */
export function nameQuotes(local: LocalAnalysis, resolve: Resolve): Quote[] {
  return local.quotes.map(q => ({
    ...q,
    speaker: q.speaker && (q.speakerType === 'PERSON' || q.speakerType === 'ORG') ? resolve(q.speaker, q.speakerType) : q.speaker,
    variants: [] as QuoteLink[],
  }));
}

/** A document's claims with corpus-wide speaker and names (a name's type read from `types`, else a person). */
export function nameClaims(local: LocalAnalysis, resolve: Resolve, types: ReadonlyMap<string, EntityType>, verdicts = false): Claim[] {
  const nameIn = claimNamer(resolve, types);
  return local.claims.map(c => nameClaim(c, nameIn, verdicts));
}

/** A claim's name (speaker or entity) corpus-wide: its type read from `types`, else a person. */
function claimNamer(resolve: Resolve, types: ReadonlyMap<string, EntityType>): (name: string) => string {
  // (Each name's type and answer read once: a long document's claims name the same few names over and over.)
  const named = new Map<string, string>();
  return name => {
    let r = named.get(name);
    if (r === undefined) named.set(name, (r = resolve(name, types.get(name) ?? 'PERSON')));
    return r;
  };
}

/**
 * One claim with corpus-wide speaker and names (`nameClaims`; `nameIn`: `claimNamer`), each name once, in order of first
 * mention. `verdict`: with `verdict: null` as its last field, where the annotations' `fill` would put it (the CLI's JSON).
 */
function nameClaim(c: Claim, nameIn: (name: string) => string, verdict = false): Claim {
  const speaker = c.speaker ? nameIn(c.speaker) : null;
  const entities: string[] = [];
  for (const n of c.entities) {
    const r = nameIn(n);
    if (!entities.includes(r)) entities.push(r);
  }
  if (!verdict) return { ...c, speaker, entities };
  // Written out, in the order of the claim's own fields (claims.ts): a spread followed by a field the claim lacks made
  // an object of four fields in place and the rest in a store of its own (at 10,000 articles, about 100 MB more).
  return {
    start: c.start, end: c.end, text: c.text, kind: c.kind, speaker, entities, numbers: c.numbers, status: c.status,
    corroboratedBy: c.corroboratedBy, disputedBy: c.disputedBy, partlyCorroboratedBy: c.partlyCorroboratedBy,
    claimGroup: c.claimGroup, claimGroupSize: c.claimGroupSize, verdict: null,
  };
}

/** Whether `names` resolved, each once in order of first mention (as `nameClaim` lists them), are `list`. */
function sameNamesList(list: readonly string[], names: readonly string[], resolve: (name: string) => string): boolean {
  let j = 0;
  for (const n of names) {
    const r = resolve(n);
    let seen = false;
    for (let q = 0; q < j && !seen; q++) seen = list[q] === r;
    if (seen) continue;
    if (j >= list.length || list[j] !== r) return false;
    j++;
  }
  return j === list.length;
}

/**
 * Whether two claims of a document's analyses are the same claim at the same place, so
 * named alike: every field the naming reads or copies (a claim found afresh has empty
 * link lists and no group, and its names and numbers lists are its sentence's memo's).
 */
function sameClaim(a: Claim, b: Claim): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text && a.kind === b.kind && a.speaker === b.speaker &&
    a.entities === b.entities && a.numbers === b.numbers && a.status === b.status;
}

/**
 * A document's duplicates: its repeats and the passages it shares with others in `reuse`, in text order, each with its
 * text. `direction`: each with `direction: null` as its last field, where the annotations' `fill` would put it (the
 * CLI's JSON).
 */
export function duplicatesOf(path: string, local: LocalAnalysis, reuse: ReuseIndex, direction = false): Duplicate[] {
  const duplicates: Duplicate[] = [
    ...local.repeats.map(d => ({ ...d, other: { ...d.other, path } })),
    ...reuse.shared(path),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const d of duplicates) d.text ??= local.text.slice(d.start, d.end);
  // (Each written out, in the order of a duplicate's fields, as one object: the field added to the object as it was
  // made a store of its own.)
  if (direction) {
    return duplicates.map(d => ({
      start: d.start, end: d.end, text: d.text, other: d.other, kind: d.kind, label: d.label, similarity: d.similarity, boilerplate: d.boilerplate, direction: null,
    }));
  }
  return duplicates;
}

/** A document's result from its analysis and its named parts. */
export function resultOf(path: string, local: LocalAnalysis, entities: Entity[], quotes: Quote[], claims: Claim[], duplicates: Duplicate[]): DocumentResult {
  return { path, length: local.text.length, title: local.title, truncated: local.truncated ? { reason: local.truncated } : null, quotes, entities, duplicates, claims };
}

/** The steps after quotes and claims are linked, in order: the quote claims' links, claim groups, then the caps; `done` hears each step's name as it ends. */
export function linkAfterClaims(ctx: AnalysisContext, results: ReadonlyMap<string, DocumentResult>, done?: (step: LinkStep) => void): void {
  linkQuoteClaims(ctx, results);
  done?.('quote-claims');
  const list = [...results.values()];
  groupClaims(list);
  done?.('claim-groups');
  capLinks(list, (a, b) => quoteSimilarity(ctx, a, b));
  done?.('caps');
}

/** The steps of `linkAfterClaims`, named as each ends (for timing). */
export type LinkStep = 'quote-claims' | 'claim-groups' | 'caps';

/**
 * One document's links of one kind as a settle's closure follows them (`Corpus.updateSteps`): item `i`'s go to
 * `other[x]`'s item `index[x]`, for `x` from `at[i]` to `at[i + 1] - 1`, in the order they were added; `other` null: the
 * same document's item of the other kind (a quote's claim, a claim's quote).
 */
interface Edges { at: Int32Array; other: (string | null)[]; index: Int32Array }

/** The links of `Edges` as they come, item by item in any order, then laid out by item (`flat`). */
class EdgeList {
  private readonly from: number[] = [];
  private readonly other: (string | null)[] = [];
  private readonly index: number[] = [];

  add(i: number, other: string | null, j: number): void {
    this.from.push(i);
    this.other.push(other);
    this.index.push(j);
  }

  /** By item (`items` of them, or more when a link names more), each item's links in the order they were added. */
  flat(items: number): Edges {
    const n = this.from.length;
    for (let x = 0; x < n; x++) if (this.from[x] >= items) items = this.from[x] + 1;
    const at = new Int32Array(items + 1);
    for (let x = 0; x < n; x++) at[this.from[x] + 1]++;
    for (let i = 0; i < items; i++) at[i + 1] += at[i];
    const fill = at.slice(0, items), other: (string | null)[] = new Array(n), index = new Int32Array(n);
    for (let x = 0; x < n; x++) {
      const y = fill[this.from[x]]++;
      other[y] = this.other[x];
      index[y] = this.index[x];
    }
    return { at, other, index };
  }
}
