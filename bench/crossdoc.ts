/**
 * The CLI's cross-document stage (what `OneShotCorpus` does once every document is
 * analysed: quote links, claim links, quote claims, claim groups, caps), this build
 * against another in the same process, rounds alternating, CPU per stage and ratios.
 *   npx tsc -p . && node out/bench/crossdoc.js DIR --baseline OLD_OUT [--rounds N] [--cache FILE]
 * DIR: a directory of articles (.txt, .md; e.g. a generated corpus, /tmp/sc/c1000).
 * `--baseline OLD_OUT`: another build's compiled tree (a copy of an earlier `out/`,
 * holding src/core/...). Without it, this build alone is timed.
 * The per-document analysis and the results before any link (this build's
 * `OneShotCorpus`) are made once, `v8`-serialised (kept in `--cache FILE` when given,
 * and read from it when it exists), and each round links a fresh copy. The first
 * round's linked results of both builds are compared: the bench says whether they are
 * identical (a performance change must keep them so).
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { groupClaims } from '../src/core/claims/groups';
import { ClaimLinker } from '../src/core/claims/links';
import { capLinks } from '../src/core/corpus/caps';
import { linkQuoteClaims, QuoteLinker, quoteSimilarity } from '../src/core/corpus/quoteLinks';
import { AnalysisContext } from '../src/core/text/memo';
import { normalizeEol } from '../src/core/text/decode';
import { OneShotCorpus } from '../src/cli/oneShot';
import type { DocumentResult, Sentence } from '../src/core/types';
import { takeOption } from '../test/support/args';

const args = process.argv.slice(2);
const option = (name: string) => takeOption(args, name);
const baselineDir = option('--baseline');
const cacheFile = option('--cache');
const rounds = Number(option('--rounds') ?? 2);
const dir = args[0];
if (!dir) {
  console.error('usage: node out/bench/crossdoc.js DIR [--baseline OLD_OUT] [--rounds N] [--cache FILE]');
  process.exit(2);
}

interface Input { results: DocumentResult[]; texts: string[]; sentences: Sentence[][] }

function prepare(): Buffer {
  if (cacheFile && fs.existsSync(cacheFile)) return fs.readFileSync(cacheFile);
  const files = fs.readdirSync(dir).filter(f => /\.(?:txt|md)$/.test(f)).sort();
  const corpus = new OneShotCorpus();
  const sentences: Sentence[][] = [], texts: string[] = [];
  for (const f of files) {
    const local = corpus.set(path.join(dir, f), normalizeEol(fs.readFileSync(path.join(dir, f), 'utf8')));
    sentences.push(local.sentences as Sentence[]);
    texts.push(local.text);
  }
  // The results before any link, as `allResults` builds them.
  const results = (corpus as unknown as { build(): DocumentResult[] }).build();
  const data = v8.serialize({ results, texts, sentences } satisfies Input);
  if (cacheFile) fs.writeFileSync(cacheFile, data);
  return data;
}

/** What a build offers: the cross-document stage's parts. */
interface Build {
  AnalysisContext: typeof AnalysisContext;
  QuoteLinker: typeof QuoteLinker;
  ClaimLinker: typeof ClaimLinker;
  linkQuoteClaims: typeof linkQuoteClaims;
  groupClaims: typeof groupClaims;
  capLinks: typeof capLinks;
  quoteSimilarity: typeof quoteSimilarity;
}
const thisBuild: Build = { AnalysisContext, QuoteLinker, ClaimLinker, linkQuoteClaims, groupClaims, capLinks, quoteSimilarity };
function loadBuild(dir: string): Build {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const at = (m: string) => require(path.resolve(dir, 'src/core', m));
  const q = at('corpus/quoteLinks');
  return {
    AnalysisContext: at('text/memo').AnalysisContext, QuoteLinker: q.QuoteLinker, ClaimLinker: at('claims/links').ClaimLinker,
    linkQuoteClaims: q.linkQuoteClaims, groupClaims: at('claims/groups').groupClaims, capLinks: at('corpus/caps').capLinks, quoteSimilarity: q.quoteSimilarity,
  };
}

const STAGES = ['quote-links', 'claim-links', 'quote-claims', 'claim-groups', 'caps'] as const;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

/** Links `input` as the one-shot corpus does; CPU seconds per stage. */
function link(b: Build, input: Input): number[] {
  const { results, texts, sentences } = input;
  const times: number[] = [];
  let t = cpu();
  const lap = () => { const n = cpu(); times.push(n - t); t = n; };
  const ctx = new b.AnalysisContext();
  new b.QuoteLinker(ctx).link(results.map((r, k) => ({ path: r.path, quotes: r.quotes, text: texts[k], sentences: sentences[k], key: null })), true);
  lap();
  ctx.clearMemos();
  // (As the CLI links them: one shot; an older build's linker took a span of claims between two emptyings of the
  // memos instead, 10,000 in its CLI, and an older one still nothing, and ignores it.)
  new b.ClaimLinker(ctx, b === thisBuild ? true : (10_000 as unknown as boolean)).link(results.map(r => ({ path: r.path, claims: r.claims, key: null })), false);
  lap();
  ctx.clearMemos();
  b.linkQuoteClaims(ctx, new Map(results.map(r => [r.path, r])));
  lap();
  b.groupClaims(results);
  lap();
  b.capLinks(results, (x, y) => b.quoteSimilarity(ctx, x, y));
  lap();
  return times;
}

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const data = prepare();
const builds: [string, Build][] = baselineDir ? [['old', loadBuild(baselineDir)], ['new', thisBuild]] : [['new', thisBuild]];
console.log(`${dir}: ${(data.length / 1e6).toFixed(0)} MB serialised; baseline ${baselineDir ?? 'none'}; load ${load()}`);
const best: Record<string, number[]> = {};
const linked: Record<string, string> = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, b] of r % 2 ? [...builds].reverse() : builds) {
    const input = v8.deserialize(data) as Input;
    (globalThis as { gc?: () => void }).gc?.();
    const times = link(b, input);
    best[name] = best[name] ? best[name].map((x, k) => Math.min(x, times[k])) : times;
    if (r === 0 && baselineDir) linked[name] = JSON.stringify(input.results);
    console.log(`round ${r + 1} ${name}: ${times.map((x, k) => `${STAGES[k]} ${(x * 1000).toFixed(0)}`).join(', ')} ms CPU; total ${(times.reduce((x, y) => x + y, 0) * 1000).toFixed(0)}`);
  }
}
if (baselineDir) {
  console.log(`linked results identical: ${linked.old === linked.new ? 'yes' : 'NO'}`);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const parts = STAGES.map((s, k) => `${s} ${(best.old[k] * 1000).toFixed(0)} → ${(best.new[k] * 1000).toFixed(0)} (${(best.new[k] / best.old[k]).toFixed(2)}x)`);
  console.log(`best of ${rounds} per stage, ms CPU, old → new: ${parts.join(', ')}; whole ${(sum(best.old) * 1000).toFixed(0)} → ${(sum(best.new) * 1000).toFixed(0)} (${(sum(best.new) / sum(best.old)).toFixed(2)}x)`);
}
console.log(`load after: ${load()}`);
