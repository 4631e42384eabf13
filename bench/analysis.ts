/**
 * Whole per-document analysis (sentences, entities, quotes, repeats, claims) in MB/s,
 * against sentence-splitter alone on the same text in the same run.
 * Budget (design.md): >= 2 MB/s single core, warm.
 *   npx tsc -p . && node out/bench/analysis.js [MB]
 */
import fs from 'node:fs';
import path from 'node:path';
import { split } from 'sentence-splitter';
import { analyzeLocal, ParagraphCache } from '../src/core/corpus';
import { normalizeEol } from '../src/core/text';

const root = path.resolve(__dirname, '../..');
const targetMb = Number(process.argv[2] ?? 2);
const sources = [path.join(root, 'seeds'), path.resolve(root, '../shared/eval/polnear-dev')].filter(d => fs.existsSync(d));
const texts = sources.flatMap(d => fs.readdirSync(d).filter(f => f.endsWith('.txt')).map(f => normalizeEol(fs.readFileSync(path.join(d, f), 'utf8'))));

// Make every copy distinct so the paragraph cache cannot help: a cold analysis is measured.
const docs: string[] = [];
let bytes = 0;
for (let round = 0; bytes < targetMb * 1e6; round++) {
  for (const t of texts) {
    const doc = t.replace(/\n/g, ` [${round}]\n`);
    docs.push(doc);
    bytes += Buffer.byteLength(doc);
  }
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// Warm up both.
for (const d of docs.slice(0, 20)) { analyzeLocal(d, new ParagraphCache()); split(d); }

const ours = time(() => { for (const d of docs) analyzeLocal(d, new ParagraphCache()); });
const peer = time(() => { for (const d of docs) split(d); });
const mb = bytes / 1e6;
console.log(`corpus: ${docs.length} documents, ${mb.toFixed(2)} MB`);
console.log(`source-lens whole analysis: ${(mb / ours).toFixed(2)} MB/s (${ours.toFixed(2)} s)  budget >= 2 MB/s`);
console.log(`sentence-splitter alone:    ${(mb / peer).toFixed(2)} MB/s (${peer.toFixed(2)} s)`);
console.log(`ratio (ours / sentence-splitter throughput): ${(peer / ours).toFixed(2)}x`);
