/**
 * Opening a large article and editing it, as the extension's worker does: `corpus.set`
 * then `corpus.result` on every debounced edit, against a from-scratch corpus (a new
 * `Corpus` given every text) in the same run.
 * Budgets (design.md): opening a 1 MB article <= 600 ms; an edit <= 50 ms p95.
 * The same edits also go, alternately first, to a corpus that serves them in two phases
 * as the extension's worker does (`deferSettle`): the preview pushed ahead of them (the
 * last result moved past the edit, the edited paragraphs analysed again: the first
 * decorations), the first phase (set + result) and the settle that follows are timed apart.
 *   npx tsc -p . && node out/bench/edit.js [MB] [edits] [bytes of the repetitive article] [--against DIR] [--only news|repetitive]
 * `--against DIR`: another build's out/ folder (e.g. a checkout of main built with
 * `npx tsc -p .`, DIR = that checkout's out): the same edits go, alternately first, to
 * a corpus of that build too, and the document's own stages, the reuse index and the
 * links are given for both, with each edit's CPU time (process.cpuUsage) and the ratio,
 * and each stage's p50/p95 per edit (wall time: read them beside the load).
 *
 * Articles: "news", the PolNeAR dev articles then CoNLL-2003 train sentences (Reuters),
 * a few to a paragraph, until the size is reached (distinct paragraphs, like real
 * news; it needs the team's evaluation data, ../shared/eval, and is left out with one
 * line when that is absent); "repetitive", the five seeds concatenated over and over (the pathological
 * case for in-file repeats).
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeLocal, Corpus, type StageTimes } from '../src/core/corpus/corpus';
import { normalizeEol } from '../src/core/text/decode';
import { changeBetween, editPreview, SliceAnalyser } from '../src/worker/preview';
import { previewedResult } from '../src/extension/claims/previewTree';
import { childNodes, PassageMemo } from '../src/extension/claims/treeNodes';
import { listAsShown } from './treeListing';
import type { Quote } from '../src/core/types';
import { passagesOf } from '../src/protocol/protocol';
import { rng } from '../test/support/rng';
import { evalDirOrSay } from '../test/support/sharedEval';
import { takeOption } from '../test/support/args';
import { newsArticle, typeWord } from './editText';
import { pct } from './stats';

const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const againstDir = takeOption(args, '--against');
const only = takeOption(args, '--only');
const targetMb = Number(args[0] ?? 1);
const nEdits = Number(args[1] ?? 50);

/** What the bench uses of a build's corpus module. */
interface Build { analyzeLocal: typeof analyzeLocal; Corpus: typeof Corpus }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const against: Build | null = againstDir ? require(path.resolve(againstDir, 'src/core/corpus/corpus.js')) as Build : null;
const seedDir = path.join(root, 'seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => ({ path: `seeds/${f}`, text: normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')) }));

function repetitiveArticle(bytes: number): string {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < bytes; k++) { const t = seeds[k % seeds.length].text; out.push(t); n += Buffer.byteLength(t) + 1; }
  return out.join('\n');
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = (c0: NodeJS.CpuUsage) => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e3; };
const newTimes = (): StageTimes => ({ paragraphs: 0, unify: 0, quotes: 0, repeats: 0, boilerplate: 0, claims: 0 });

/**
 * A build's corpus opened on the seeds and the article, edited as the worker does
 * (one phase: `analyzeLocal`, `setAnalysed`, `result`), each edit's stages timed.
 */
class Pipeline {
  readonly corpus: Corpus;
  readonly times = newTimes();
  index = 0;
  links = 0;
  readonly wall: number[] = [];
  readonly cpu: number[] = [];
  /** Each edit's milliseconds by stage (the document's own stages, the reuse index, the links), for their percentiles. */
  readonly byStage = new Map<string, number[]>();
  constructor(private readonly build: Build, big: string, article: string) {
    this.corpus = new build.Corpus();
    for (const s of seeds) this.corpus.set(s.path, s.text);
    for (const s of seeds) this.corpus.result(s.path);
    this.corpus.set(big, article);
    this.corpus.result(big);
  }
  edit(big: string, text: string): void {
    const before = { ...this.times };
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const local = this.build.analyzeLocal(this.corpus.ctx, text, this.corpus.cache, this.times);
    const t1 = process.hrtime.bigint();
    this.corpus.setAnalysed(big, local);
    const index = ms(t1);
    this.index += index;
    const t2 = process.hrtime.bigint();
    this.corpus.result(big);
    const links = ms(t2);
    this.links += links;
    this.wall.push(ms(t0));
    this.cpu.push(cpuMs(c0));
    const add = (stage: string, x: number) => { let xs = this.byStage.get(stage); if (!xs) this.byStage.set(stage, (xs = [])); xs.push(x); };
    for (const k of Object.keys(this.times) as (keyof StageTimes)[]) add(k, this.times[k] - before[k]);
    add('reuse index', index);
    add('links', links);
  }
  /** p50/p95 of each stage's milliseconds per edit. */
  percentiles(): string {
    return [...this.byStage].map(([k, xs]) => `${k} ${f1(pct(xs, 0.5))}/${f1(pct(xs, 0.95))}`).join(', ');
  }
  report(name: string, n: number): string {
    const per = (x: number) => f1(x / n);
    const t = this.times;
    return `  ${name}: edit CPU p50 ${f1(pct(this.cpu, 0.5))} ms, p95 ${f1(pct(this.cpu, 0.95))} ms (wall p50 ${f1(pct(this.wall, 0.5))}, p95 ${f1(pct(this.wall, 0.95))}); ` +
      `mean ms by stage: paragraphs+sentences+entities ${per(t.paragraphs)}, unify types ${per(t.unify)}, quotes ${per(t.quotes)}, ` +
      `repeats ${per(t.repeats)}, boilerplate ${per(t.boilerplate)}, claims ${per(t.claims)}; reuse index ${per(this.index)}; cross-document links ${per(this.links)}`;
  }
}
const f1 = (x: number) => x.toFixed(1);

function scenario(name: string, article: string): void {
  const big = 'big.txt';
  const rand = rng(42);
  // Opening: the seeds are indexed, then the big article arrives.
  const corpus = new Corpus();
  for (const s of seeds) corpus.set(s.path, s.text);
  for (const s of seeds) corpus.result(s.path);
  let t0 = process.hrtime.bigint();
  corpus.set(big, article);
  const openSet = ms(t0);
  corpus.result(big);
  const open = ms(t0);

  const fresh = (text: string) => {
    const c = new Corpus();
    for (const s of seeds) c.set(s.path, s.text);
    c.set(big, text);
    return c.result(big);
  };
  t0 = process.hrtime.bigint();
  fresh(article);
  const openBase = ms(t0);

  let text = article;
  const inc: number[] = [], incSet: number[] = [];
  // Where an edit's time goes: each stage of the document's own analysis, then the
  // reuse index (setAnalysed) and the cross-document links (result).
  const times: StageTimes = { paragraphs: 0, unify: 0, quotes: 0, repeats: 0, boilerplate: 0, claims: 0 };
  let index = 0, links = 0;
  // The same edits in two phases, on a corpus of its own opened the same way, alternately first.
  const two = new Corpus();
  two.deferSettle = true;
  for (const s of seeds) two.set(s.path, s.text);
  two.allResults();
  two.set(big, article);
  two.result(big);
  const first: number[] = [], settle: number[] = [];
  // Ahead of the first phase, the preview the worker pushes (first decorations): the last result shown moved past
  // the edit, the edited paragraphs analysed again, for an editor showing 3,000 characters around the edit.
  const slices = new SliceAnalyser();
  // (Its context's vocabularies are built on first use, as the worker's are by the preview of the article's opening.)
  slices.analyse(big, article, 0, Math.min(article.length, 20_000));
  let shown = { text: article, result: two.result(big)! };
  // (And an edit's preview run once and thrown away, as the worker does when a huge document is first shown:
  // IndexService.warmUp.)
  {
    const at = article.indexOf(' ', article.length >> 1) + 1;
    const spaced = `${article.slice(0, at)} ${article.slice(at)}`;
    editPreview(shown, spaced, [{ start: at, end: at + 1 }], (s, e) => slices.analyse(big, spaced, s, e));
  }
  const preview: number[] = [], previewCpu: number[] = [];
  let previewQuotes = 0, previewWrong = 0;
  // The Claims tree's listing of the source's passages: from the preview (the result last listed, moved past the
  // edit, previewTree.ts) and from the first phase's exact result, each after what it waits for.
  const treeFromPreview: number[] = [], treeFromExact: number[] = [];
  // (Every other edit lists every passage's node from the preview, as the tree did before pages: the ratio.)
  const flatFromPreview: number[] = [];
  let treeNotMade = 0, listings = 0;
  const flatAt = (k: number) => k % 2 === 1;
  const display = (k: string) => k;
  // (The tree reads a source's passages as the worker's messages bring them, structured clones, which V8 reads far
  // faster than the analysis's own objects: cloned first, untimed.)
  let listed = structuredClone(passagesOf(shown.result));
  // (What the listed nodes show, kept by item, as the tree keeps it: the preview's moved items are not made again.)
  const memo = new PassageMemo();
  childNodes(listed, display, memo);
  const twoPhases = (t: string) => {
    const at = changeBetween(shown.text, t)?.start ?? 0;
    const c0 = process.cpuUsage();
    let t1 = process.hrtime.bigint();
    const p = editPreview(shown, t, [{ start: at - 1_500, end: at + 1_500 }], (s, e) => slices.analyse(big, t, s, e));
    preview.push(ms(t1));
    previewCpu.push(cpuMs(c0));
    if (p) {
      const pushed = structuredClone(p.result);
      t1 = process.hrtime.bigint();
      const made = previewedResult({ version: 1, result: listed }, {
        key: big, version: 2, result: pushed, entitySources: {}, window: [p.window], counts: p.counts, preview: true,
        ...(p.edited.end > p.edited.start ? { edited: p.edited } : {}), movedFrom: { version: 1, delta: p.delta },
      }, memo);
      const flat = flatAt(listings);
      if (made) {
        if (flat) childNodes(made, display, memo);
        else listAsShown(made, display, memo, at);
        (flat ? flatFromPreview : treeFromPreview).push(preview[preview.length - 1] + ms(t1));
      } else treeNotMade++;
    }
    t1 = process.hrtime.bigint();
    two.set(big, t);
    const r = two.result(big)!;
    first.push(ms(t1));
    listed = structuredClone(passagesOf(r));
    t1 = process.hrtime.bigint();
    // (Listed as the next edit's preview will be: what a flat listing keeps of the nodes' words is all of them.)
    if (flatAt(++listings)) childNodes(listed, display, memo);
    else {
      listAsShown(listed, display, memo, at);
      treeFromExact.push(first[first.length - 1] + ms(t1));
    }
    shown = { text: t, result: r };
    if (p) {
      // How many of the preview's quotes the document's own result does not have (offsets or speaker).
      const key = (q: Quote) => `${q.start}:${q.end}:${q.speaker}`;
      const exact = new Set(r.quotes.map(key));
      previewQuotes += p.result.quotes.length;
      previewWrong += p.result.quotes.filter(q => !exact.has(key(q))).length;
    }
    t1 = process.hrtime.bigint();
    two.settle();
    settle.push(ms(t1));
  };
  // The same edits on the other build and on this one's one-phase pipeline, alternately first.
  const old = against ? new Pipeline(against, big, article) : null;
  const mine = against ? new Pipeline({ analyzeLocal, Corpus }, big, article) : null;
  for (let k = 0; k < nEdits; k++) {
    text = typeWord(text, rand);
    if (old && mine) {
      if (k % 2) { old.edit(big, text); mine.edit(big, text); } else { mine.edit(big, text); old.edit(big, text); }
    }
    if (k % 2) twoPhases(text);
    t0 = process.hrtime.bigint();
    // What corpus.set does, the stages timed.
    const local = analyzeLocal(corpus.ctx, text, corpus.cache, times);
    const t1 = process.hrtime.bigint();
    corpus.setAnalysed(big, local);
    index += ms(t1);
    incSet.push(ms(t0));
    const t2 = process.hrtime.bigint();
    corpus.result(big);
    links += ms(t2);
    inc.push(ms(t0));
    if (!(k % 2)) twoPhases(text);
  }
  const base: number[] = [];
  const nBase = Math.min(5, nEdits);
  for (let k = 0; k < nBase; k++) {
    text = typeWord(text, rand);
    t0 = process.hrtime.bigint();
    fresh(text);
    base.push(ms(t0));
  }
  const kb = Buffer.byteLength(article) / 1e3;
  console.log(`${name}: ${f1(kb)} KB, ${corpus.result(big)!.duplicates.length} duplicates, ${corpus.result(big)!.quotes.length} quotes`);
  console.log(`  open (set ${f1(openSet)} + result): ${f1(open)} ms   from scratch: ${f1(openBase)} ms   budget <= 600 ms`);
  console.log(`  edit p50 ${f1(pct(inc, 0.5))} ms, p95 ${f1(pct(inc, 0.95))} ms (set alone p95 ${f1(pct(incSet, 0.95))})   budget p95 <= 50 ms`);
  console.log(`  preview ahead of the first phase (first decorations, as the worker pushes it): p50 ${f1(pct(preview, 0.5))} ms, p95 ${f1(pct(preview, 0.95))} ms ` +
    `max ${f1(Math.max(...preview))} (CPU p50 ${f1(pct(previewCpu, 0.5))}, p95 ${f1(pct(previewCpu, 0.95))}; ${preview.length} edits)   budget p95 <= 50 ms; ` +
    `its quotes not in the exact result: ${previewWrong} of ${previewQuotes}; preview / first phase p50 x${(pct(preview, 0.5) / pct(first, 0.5)).toFixed(2)}`);
  console.log(`  Claims tree's passages listed (in pages, the page at the edit expanded): from the preview p50 ${f1(pct(treeFromPreview, 0.5))} ms, p95 ${f1(pct(treeFromPreview, 0.95))} ms, ` +
    `max ${f1(Math.max(...treeFromPreview))} (${treeFromPreview.length} edits, ${treeNotMade} not made); flat, every passage's node (the other edits) ` +
    `p50 ${f1(pct(flatFromPreview, 0.5))} ms, p95 ${f1(pct(flatFromPreview, 0.95))} ms, in pages / flat p95 x${(pct(treeFromPreview, 0.95) / pct(flatFromPreview, 0.95)).toFixed(2)}; from the first phase's exact result ` +
    `p50 ${f1(pct(treeFromExact, 0.5))} ms, p95 ${f1(pct(treeFromExact, 0.95))} ms   budget p95 <= 50 ms (the editor's side not counted)`);
  console.log(`  two phases (as the extension's worker): first phase p50 ${f1(pct(first, 0.5))} ms, p95 ${f1(pct(first, 0.95))} ms; settle p50 ${f1(pct(settle, 0.5))} ms; first phase / one-phase edit p50 x${(pct(first, 0.5) / pct(inc, 0.5)).toFixed(2)}`);
  const per = (x: number) => f1(x / nEdits);
  console.log(`  an edit's mean ms by stage: paragraphs+sentences+entities ${per(times.paragraphs)}, unify types ${per(times.unify)}, quotes ${per(times.quotes)}, ` +
    `repeats ${per(times.repeats)}, boilerplate ${per(times.boilerplate)}, claims ${per(times.claims)}; reuse index ${per(index)}; cross-document links ${per(links)}`);
  console.log(`  from scratch per edit: p50 ${f1(pct(base, 0.5))} ms (${nBase} edits)   ratio scratch/incremental p50 ${(pct(base, 0.5) / pct(inc, 0.5)).toFixed(1)}x`);
  if (old && mine) {
    console.log(`  against ${againstDir} (the same ${nEdits} edits, alternately first):`);
    console.log(old.report('old', nEdits));
    console.log(mine.report('new', nEdits));
    console.log(`  p50/p95 ms by stage (wall), old: ${old.percentiles()}`);
    console.log(`  p50/p95 ms by stage (wall), new: ${mine.percentiles()}`);
    const r = (a: number, b: number) => (b / a).toFixed(2);
    console.log(`  new/old: edit CPU p50 x${r(pct(old.cpu, 0.5), pct(mine.cpu, 0.5))}, p95 x${r(pct(old.cpu, 0.95), pct(mine.cpu, 0.95))}; ` +
      `own stages x${r(sum(old.times), sum(mine.times))}, quotes x${r(old.times.quotes, mine.times.quotes)}, unify x${r(old.times.unify, mine.times.unify)}`);
  }
}

const sum = (t: StageTimes) => t.paragraphs + t.unify + t.quotes + t.repeats + t.boilerplate + t.claims;

// Warm the JIT on the seeds first, as the extension has by the time an article is opened.
for (let k = 0; k < 3; k++) { const c = new Corpus(); for (const s of seeds) c.set(s.path, s.text); c.allResults(); }
const eval_ = evalDirOrSay('', 'the "news" article');
if (eval_ && only !== 'repetitive') scenario('news', newsArticle(eval_, targetMb * 1e6));
if (only !== 'news') scenario('repetitive', repetitiveArticle(Number(args[2] ?? targetMb * 1e6)));
