/**
 * The claims stage and cross-document claim linking.
 * - Claims stage (clauses, kinds) and the normalised forms linking computes, in MB/s over
 *   the generated articles, the other stages' results given (cold memos).
 * - Linking the claims of 1,000 and 2,000 generated articles (make-corpus.mjs, seed 1,
 *   from polnear-dev), against the linker as it stood before issue 10
 *   (bench/baseline/claimLinker0.ts) in the same run: time, ratio, growth 1,000 -> 2,000.
 * - Linking the same articles' quotes (variants, attribution conflicts) all at once, as the
 *   CLI does (`QuoteLinker.link(docs, true)`: flat postings), against the incremental
 *   lookup the editor uses, in the same run (the same links, checked).
 *   npx tsc -p . && node out/bench/claims.js [articles...]
 * Needs the team's evaluation data (../shared/eval); says so and stops without it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findClaims } from '../src/core/claims/claims';
import { ClaimLinker } from '../src/core/claims/links';
import { QuoteLinker } from '../src/core/corpus/quoteLinks';
import { claimNorm } from '../src/core/claims/normalize';
import { analyzeLocal, ParagraphCache, type LocalAnalysis } from '../src/core/corpus/corpus';
import { normalizeEol } from '../src/core/text/decode';
import { AnalysisContext } from '../src/core/text/memo';
import type { Claim } from '../src/core/types';
import { evalDirOrSay } from '../test/support/sharedEval';
import { linkClaims0 } from './baseline/claimLinker0';

const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
const polnear = evalDirOrSay('polnear-dev', 'the generated corpora (nothing to measure)');
if (!polnear) process.exit(0);
const makeCorpus = path.join(path.dirname(polnear), 'reuse/make-corpus.mjs');

function corpus(n: number): { path: string; text: string }[] {
  const dir = path.join(os.tmpdir(), `source-lens-bench-claims-${n}`);
  if (!fs.existsSync(path.join(dir, 'truth.json'))) {
    execFileSync('node', [makeCorpus, '--texts', polnear!, '--out', dir, '--articles', String(n), '--seed', '1'], { stdio: 'ignore' });
  }
  return fs.readdirSync(dir).filter(f => f.endsWith('.txt')).sort().map(f => ({ path: f, text: normalizeEol(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const results: { n: number; now: number; before: number }[] = [];
for (const n of sizes.length ? sizes : [1000, 2000]) {
  const docs = corpus(n);
  const ctx = new AnalysisContext();
  const cache = new ParagraphCache();
  const locals: LocalAnalysis[] = docs.map(d => analyzeLocal(ctx, d.text, cache));
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  // Claims stage alone, cold: a fresh context, the other stages' results as input (no exclusions).
  const claimsCtx = new AnalysisContext();
  let t = process.hrtime.bigint();
  let claims = 0;
  const found: Claim[][] = [];
  for (const l of locals) {
    const cs = findClaims(claimsCtx, { text: l.text, sentences: l.sentences, quotes: l.quotes, entities: l.entities, excluded: [] });
    found.push(cs);
    claims += cs.length;
  }
  const stage = ms(t);
  t = process.hrtime.bigint();
  for (const cs of found) for (const c of cs) claimNorm(claimsCtx, c);
  const norms = ms(t);
  const fresh = () => locals.map((l, k) => ({ path: docs[k].path, claims: l.claims.map(c => ({ ...c }) as Claim) }));
  const before = fresh();
  t = process.hrtime.bigint();
  const links0 = linkClaims0(before);
  const tBefore = ms(t);
  const now = fresh();
  t = process.hrtime.bigint();
  new ClaimLinker(new AnalysisContext()).link(now.map(d => ({ ...d, key: d })));
  const tNow = ms(t);
  const links = now.reduce((s, d) => s + d.claims.reduce((x, c) => x + c.corroboratedBy.length + c.disputedBy.length, 0), 0) / 2;
  // Quote linking: the quotes as each document found them (names not resolved across documents here).
  const quoteDocs = () => locals.map((l, k) => ({ path: docs[k].path, quotes: l.quotes.map(q => ({ ...q, variants: [] })), text: l.text, sentences: l.sentences, key: null }));
  const quoteRun = (oneShot: boolean) => {
    const qd = quoteDocs();
    const t0 = process.hrtime.bigint();
    new QuoteLinker(new AnalysisContext()).link(qd, oneShot);
    return { ms: ms(t0), out: JSON.stringify(qd.map(d => d.quotes)) };
  };
  quoteRun(true); // both paths' code warmed once
  quoteRun(false);
  const qIncremental = quoteRun(false), qOneShot = quoteRun(true);
  if (qIncremental.out !== qOneShot.out) throw new Error('one-shot quote linking differs from the incremental lookup');
  results.push({ n, now: tNow, before: tBefore });
  console.log(`${n} articles (${(bytes / 1e6).toFixed(1)} MB, ${claims} claims): claims stage ${(bytes / 1e6 / (stage / 1000)).toFixed(2)} MB/s, normalised forms ${(bytes / 1e6 / (norms / 1000)).toFixed(2)} MB/s; ` +
    `linking ${tNow.toFixed(0)} ms (${links.toFixed(0)} links) vs before-issue-10 linker ${tBefore.toFixed(0)} ms (${links0} links): ratio ${(tNow / tBefore).toFixed(2)}; ` +
    `quote linking all at once ${qOneShot.ms.toFixed(0)} ms vs incremental lookup ${qIncremental.ms.toFixed(0)} ms (same links): ratio ${(qOneShot.ms / qIncremental.ms).toFixed(2)}`);
}
if (results.length >= 2) {
  const [a, b] = results;
  console.log(`growth ${a.n} -> ${b.n} articles: linking x${(b.now / a.now).toFixed(2)} (before-issue-10 linker x${(b.before / a.before).toFixed(2)})`);
}
