/**
 * The CLI's corpus: every document added once, the results asked for once. It gives
 * what `Corpus` (with `incremental: false`) gives for the same documents in the same
 * order (test/unit/cli-one-shot.test.ts compares them), made of the same parts, but
 * it keeps nothing it will not need again, stage by stage:
 * - while documents come in: each document's own analysis, the reuse index and the
 *   names learnt; the analysis memos are emptied before each document, the paragraph
 *   cache every `MEMO_SPAN` documents (`betweenDocuments`: a memo is an accelerator,
 *   and what it holds is copied by every young collection);
 * - building the results: every document's shared passages are listed first, then
 *   the reuse index and the analysis context go (most of what is live by then); each
 *   document's quotes, claims and entities are copied once, named (the corpus's
 *   `Named` copy and the result's copy are one here), and its analysis let go at once;
 * - linking: quotes (then the sentences they needed go), claims (then the claim
 *   linker and its normalised claims go), quote claims, groups, caps, in a context
 *   of its own.
 * What stays to the end: the results and each document's text (annotations read it).
 */
import { ClaimLinker, sharedPassages } from '../core/claims/links';
import { analyzeLocal, analyzeLocalAll, canonicalTypesOf, duplicatesOf, linkAfterClaims, type LocalAnalysis, nameClaims, nameQuotes, ParagraphCache, resultOf } from '../core/corpus/corpus';
import { QUOTE_WORD_IDS, QuoteLinker } from '../core/corpus/quoteLinks';
import { NameResolver } from '../core/entities/names';
import { ReuseIndex } from '../core/reuse/reuseIndex';
import { BOILERPLATE } from '../core/reuse/reuseText';
import { AnalysisContext, type Slot } from '../core/text/memo';
import type { Claim, DocumentResult, Duplicate, EntityType, Quote, Sentence } from '../core/types';

/**
 * With `SOURCE_LENS_STAGES` set in the environment, each stage's CPU time (the process's, every thread: the GC's
 * helpers count) and wall time, in ms, and the peak resident memory so far, on stderr, one line each; otherwise
 * nothing is timed.
 */
const STAGES = typeof process !== 'undefined' && !!process.env.SOURCE_LENS_STAGES;
let stageAt = 0, stageCpu = 0;
export function stage(name: string | null): void {
  if (!STAGES) return;
  const now = performance.now(), u = process.cpuUsage(), cpu = (u.user + u.system) / 1000;
  if (name) process.stderr.write(`stage ${name} cpu ${(cpu - stageCpu).toFixed(0)} ms wall ${(now - stageAt).toFixed(0)} ms peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
  stageAt = now;
  stageCpu = cpu;
}

/**
 * The quote as a new object built key by key, with the fields `QuoteLinker.write` adds (`quoteGroup`,
 * `quoteGroupSize`, `attributedElsewhere`) already in place, in the order it adds them: the same keys in the same
 * order as before. A spread copy (`nameQuotes`) that is given a new property gets a hidden class of its own in V8,
 * about 440 bytes a quote (50 MB at 10,000 articles); objects built key by key share theirs.
 */
export function withLinkFields(q: Quote): Quote {
  // A quote as `findQuotes` makes it (every one the CLI names, unless some step changed its fields): written out as
  // one literal, all fifteen fields in place. Filled key by key, an object kept four in place and the rest in a
  // store of its own (at 10,000 articles, some 111,000 quotes read by each stage after).
  if (madeByFindQuotes(q)) {
    return {
      start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerType: q.speakerType, speakerMention: q.speakerMention,
      cue: q.cue, partial: q.partial, uncertain: q.uncertain, group: q.group, variants: q.variants, attribution: q.attribution,
      quoteGroup: null, quoteGroupSize: 1, attributedElsewhere: [],
    };
  }
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(q)) o[k] = q[k as keyof Quote];
  if (!('quoteGroup' in o)) o.quoteGroup = null;
  if (!('quoteGroupSize' in o)) o.quoteGroupSize = 1;
  if (!('attributedElsewhere' in o)) o.attributedElsewhere = [];
  return o as unknown as Quote;
}

/** The fields of a quote as `findQuotes` makes it, in its order. */
const QUOTE_KEYS = ['start', 'end', 'text', 'speaker', 'speakerType', 'speakerMention', 'cue', 'partial', 'uncertain', 'group', 'variants', 'attribution'];

/** Whether the quote has exactly the fields of `QUOTE_KEYS`, in that order. */
function madeByFindQuotes(q: Quote): boolean {
  let k = 0;
  for (const key in q) {
    if (key !== QUOTE_KEYS[k]) return false;
    k++;
  }
  return k === QUOTE_KEYS.length;
}

/**
 * The one empty list the document analyses held until their results are built share in place of their claims'
 * empty lists (frozen: nothing writes to an analysis's lists). Each result's claim gets lists of its own again.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * What a document's analysis keeps until its result is built, made smaller (the same values): its claims copied
 * with their empty lists `NONE` and their names lists cut to their length (a list filled by pushing holds 17
 * slots), and its entities' names the corpus's one copy of each (`names`; the same strings, so written in place).
 * At 10,000 articles the analyses held about 300 MB through the shared passages; a heap snapshot counts some 80 MB
 * of it in these (empty lists 34 MB, slack of the names lists about 30, names copied per mention about 18).
 * The analysis handed in is not changed otherwise (a caller may hold it).
 */
function compact(local: LocalAnalysis, names: Map<string, string>): LocalAnalysis {
  const name = (x: string) => {
    const y = names.get(x);
    if (y !== undefined) return y;
    names.set(x, x);
    return x;
  };
  for (const e of local.entities) {
    const text = (e.text = name(e.text));
    // (Mostly the mention as written: one look-up, not two.)
    e.canonical = e.canonical === text ? text : name(e.canonical);
  }
  const claims = local.claims.map(c => {
    const k: Claim = { ...c, entities: c.entities.length ? c.entities.map(name) : NONE };
    if (!c.corroboratedBy.length) k.corroboratedBy = NONE;
    if (!c.disputedBy.length) k.disputedBy = NONE;
    if (c.partlyCorroboratedBy && !c.partlyCorroboratedBy.length) k.partlyCorroboratedBy = NONE;
    if (!c.numbers.length) k.numbers = NONE;
    return k;
  });
  return { ...local, claims };
}

/**
 * A named claim's numbers as the analysis made them: an empty list its own again. Its link lists stay `NONE` until
 * the claim linker gives every claim lists of its own (`ClaimLinker.link` empties each claim's lists with `resetLinks`
 * before it writes one link; nothing reads or writes them before): made here too, they were three empty arrays per
 * claim thrown away two stages later (at 10,000 articles, over a million, about 0.3 s of the results stage).
 */
function ownLists(c: Claim): void {
  if (c.numbers === NONE) c.numbers = [];
}

/** Documents analysed in this thread between two emptyings of the paragraph cache. */
export const MEMO_SPAN = 1000;

/**
 * What the per-document analysis keeps from one document to the next, called before each (the `analysed`-th,
 * from 1): the paragraph cache, emptied every `span` documents, and the boilerplate verdicts (the shared passages
 * ask them again); every other memo is emptied before each document. A memo only helps across documents when they
 * share text, and what it holds is copied by every young-generation collection: on 2,000 generated articles the
 * quotes' line and name memos held about 43 MB per 1,000 documents for 8-12% of their lines found again, the
 * claims' memo 30 MB for 11% of the sentences, the reuse units' memos 25 MB for 1-14%; the paragraph cache about
 * 20 MB for 9% of the paragraphs (each saving a paragraph's sentences and entities, the costliest step).
 * Within a document the memos help as before. `keep`: the memos kept (a worker thread keeps none: its
 * boilerplate verdicts are not asked again, and their keys would hold every document's text).
 */
export function betweenDocuments(ctx: AnalysisContext, cache: ParagraphCache, analysed: number, span = MEMO_SPAN, keep: readonly Slot<unknown>[] = KEPT_BETWEEN): void {
  ctx.clearMemos(keep);
  if (analysed % span === 0) cache.clear();
}
/** The memos the per-document analysis of this thread keeps from one document to the next (`betweenDocuments`). */
const KEPT_BETWEEN: readonly Slot<unknown>[] = [BOILERPLATE];

interface Doc {
  /** The document's own analysis, until its result is built. */
  local: LocalAnalysis | null;
  text: string;
  /** Until the quotes are linked (a quote's frame is read from its sentence). */
  sentences: readonly Sentence[] | null;
  /** Its names are counted by the resolver. */
  taught: boolean;
}

export class OneShotCorpus {
  /** The per-document analysis's context and the reuse index: null once the results are built. */
  private ctx: AnalysisContext | null = new AnalysisContext();
  private reuse: ReuseIndex | null = new ReuseIndex(this.ctx!);
  /**
   * Null once the results are built: emptied, it still held the entity decoder's scratch space, one object per
   * token of the longest paragraph seen (about 26 MB on the 2,000-article corpus, through every linking stage).
   */
  private cache: ParagraphCache | null = new ParagraphCache();
  private readonly resolver = new NameResolver([]);
  private readonly docs = new Map<string, Doc>();
  /** One copy of each entity name of the analyses held (`compact`). */
  private names: Map<string, string> | null = new Map();
  private results: DocumentResult[] | null = null;
  private analysed = 0;

  /**
   * `memoSpan`: documents analysed here between two emptyings of the paragraph cache (`betweenDocuments`; tests set it
   * low). `filled`: every claim is made with `verdict: null` and every duplicate with `direction: null`, as their last
   * fields, where the annotations' `fill` (the CLI's JSON) puts them; that pass then finds them set (when no annotation
   * changes them) and leaves the objects as they are. Added there, to results held since the start of linking, each
   * new field was a new property store per object, made young and pointed to by an old object (at 10,000 articles,
   * 370,000 claims and 300,000 duplicates: about half that stage's time went to the collector).
   */
  constructor(private readonly memoSpan = MEMO_SPAN, private readonly filled = false) {}

  /** Adds a document (its text already decoded and normalised) and analyses it here. */
  set(path: string, text: string): LocalAnalysis {
    const old = this.docs.get(path);
    if (old?.local && old.text === text) return old.local;
    const ctx = this.open();
    betweenDocuments(ctx, this.cache!, ++this.analysed, this.memoSpan);
    return this.setAnalysed(path, analyzeLocal(ctx, text, this.cache!));
  }

  /**
   * Analyses documents here, stage by stage (`analyzeLocalAll`), each for `setAnalysed` after: its analysis, or the
   * error that stopped it. The paragraph cache is emptied every `memoSpan` documents and the memos before each
   * document at each stage, as `set` does.
   */
  analyseAll(texts: readonly string[]): (LocalAnalysis | Error)[] {
    const ctx = this.open();
    for (let k = 0; k < texts.length; k++) betweenDocuments(ctx, this.cache!, ++this.analysed, this.memoSpan);
    return analyzeLocalAll(ctx, texts, this.cache!, () => ctx.clearMemos(KEPT_BETWEEN));
  }

  /** Adds a document analysed elsewhere (`analyzeLocal`, e.g. in a worker thread, or `analyseAll`). */
  setAnalysed(path: string, local: LocalAnalysis): LocalAnalysis {
    const old = this.docs.get(path);
    if (old?.local && old.text === local.text) return old.local;
    const reuse = this.open() && this.reuse!;
    if (old?.taught) this.resolver.remove(old.local!.entities);
    // (A path set again keeps its place, as in a Map.)
    const doc: Doc = { local, text: local.text, sentences: local.sentences, taught: false };
    this.docs.set(path, doc);
    reuse.upsert(path, local.text, local.paragraphs, local.sentences);
    this.resolver.learn(local.entities);
    doc.taught = true;
    doc.local = compact(local, this.names!);
    return local;
  }

  delete(path: string): boolean {
    const doc = this.docs.get(path);
    if (!doc) return false;
    this.open();
    if (doc.taught) this.resolver.remove(doc.local!.entities);
    this.docs.delete(path);
    this.reuse!.remove(path);
    return true;
  }

  /** The document's text as analysed. */
  text(path: string): string | undefined {
    return this.docs.get(path)?.text;
  }

  private open(): AnalysisContext {
    if (!this.ctx || this.results) throw new Error('the one-shot corpus takes no document once its results are out');
    return this.ctx;
  }

  /** Every document's result, in the order added; worked out once (the corpus takes nothing after). */
  allResults(): DocumentResult[] {
    if (this.results) return this.results;
    if (!this.ctx) throw new Error('the one-shot corpus failed while linking: its results are not available');
    stage('per-document');
    const results = this.build();
    stage('results');
    this.link(results);
    // (Kept only once linked: a second call after a failure must not return half-linked results.)
    this.results = results;
    return results;
  }

  /**
   * Each document's result, before any link. Every document's shared passages are listed first, and the reuse
   * index and the analysis context let go (at 10,000 articles about 600 MB, most of what is live then) before any
   * result is made; each document's analysis is let go once its result is built.
   */
  private build(): DocumentResult[] {
    this.cache!.clear();
    this.ctx!.clearMemos([BOILERPLATE]);
    const reuse = this.reuse!;
    const duplicates: Duplicate[][] = [];
    for (const [path, doc] of this.docs) duplicates.push(duplicatesOf(path, doc.local!, reuse, this.filled));
    this.reuse = null;
    this.ctx = null;
    this.cache = null;
    this.names = null;
    // The resolver's answers by type, then name (no key string made per question: at 10,000 articles, millions).
    const answers = new Map<EntityType, Map<string, string>>();
    const resolve = (name: string, type: EntityType) => {
      let byName = answers.get(type);
      if (!byName) answers.set(type, (byName = new Map()));
      let r = byName.get(name);
      if (r === undefined) byName.set(name, (r = this.resolver.resolve(name, type)));
      return r;
    };
    const results: DocumentResult[] = [];
    for (const [path, doc] of this.docs) {
      const local = doc.local!;
      const entities = local.entities.map(e => ({ ...e, canonical: resolve(e.canonical, e.type) }));
      const claims = nameClaims(local, resolve, canonicalTypesOf(local), this.filled);
      for (const c of claims) ownLists(c);
      results.push(resultOf(path, local, entities, nameQuotes(local, resolve).map(withLinkFields), claims, duplicates[results.length]));
      duplicates[results.length - 1] = [];
      doc.local = null;
    }
    return results;
  }

  /** The cross-document links, in a context of their own: each linker let go when it is done. */
  private link(results: DocumentResult[]): void {
    const ctx = new AnalysisContext();
    const docs = [...this.docs.values()];
    new QuoteLinker(ctx).link(results.map((r, k) => ({ path: r.path, quotes: r.quotes, text: docs[k].text, sentences: docs[k].sentences!, key: null })), true);
    for (const d of docs) d.sentences = null;
    stage('quote-links');
    // The memos of the stage before (quotes' words) are worked out again where asked, but for the quotes' word ids
    // (small: the quote claims and the caps compare them); the claim linker, used once, keeps the claims' normalised
    // forms in its items only (the memo would hold a second copy of each: at 10,000 articles, with 370,000 claims,
    // its 200,000 entries were about 400 MB).
    ctx.clearMemos([QUOTE_WORD_IDS]);
    new ClaimLinker(ctx, true).link(results.map(r => ({ path: r.path, claims: r.claims, key: null, passages: sharedPassages(r.duplicates) })), false);
    stage('claim-links');
    ctx.clearMemos([QUOTE_WORD_IDS]);
    linkAfterClaims(ctx, new Map(results.map(r => [r.path, r])), stage);
  }
}
