/**
 * The reuse index's cost of an edit and of a deletion with N articles indexed: this
 * build's ReuseIndex against the index as it was at 7e24120 (bench/baseline/reuseIndex0.ts,
 * insertion-ordered: an edit re-indexed every document added after the edited one),
 * in the same process, on the same documents and the same edits.
 *
 *   npx tsc -p . && node out/bench/reuseEdit.js [DIR] [N,N...] [ops]
 *
 * DIR: a corpus from make-corpus.mjs (default /tmp/sc/c2000); N: articles indexed
 * (default 1000,2000, the first N by name); ops: edits and deletions of each kind
 * (default 12). An edit inserts a word into one sentence of a document picked at
 * random (the extension sends open documents first, so the edited one is often among
 * the first added: half the picks are among the first tenth), then the edit is
 * undone; a deletion removes a document and the next operation puts it back. Each
 * operation is timed to the index being settled (`takeTouched`, as the corpus does),
 * CPU time (user + system) of this process. Prints per operation the median, p95 and
 * mean, the documents touched, and old / new ratios.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AnalysisContext } from '../src/core/text/memo';
import { ReuseIndex } from '../src/core/reuse/reuseIndex';
import { ReuseIndex0 } from './baseline/reuseIndex0';
import { decode } from '../src/core/text/decode';
import { paragraphs } from '../src/core/text/paragraphs';
import { sentences } from '../src/core/text/sentences';
import type { Paragraph, Sentence } from '../src/core/types';
import { rng } from '../test/support/rng';
import os from 'node:os';

const dir = process.argv[2] ?? '/tmp/sc/c2000';
const sizes = (process.argv[3] ?? '1000,2000').split(',').map(Number);
const nOps = Number(process.argv[4] ?? 12);

interface Doc { name: string; text: string; paras: Paragraph[]; sents: Sentence[] }
interface Index {
  upsert(path: string, text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): void;
  remove(path: string): void;
  takeTouched(): Set<string>;
}

function read(name: string): Doc {
  const r = decode(fs.readFileSync(path.join(dir, name)));
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return prepared(name, r.text);
}

function prepared(name: string, text: string): Doc {
  const paras = paragraphs(text);
  return { name, text, paras, sents: sentences(text, paras) };
}

/** The document with a word inserted after the first space of one of its sentences. */
function edited(d: Doc, rand: () => number): Doc {
  const s = d.sents[Math.floor(rand() * d.sents.length)];
  const at = d.text.indexOf(' ', s.start);
  const cut = at > 0 && at < s.end ? at : s.start;
  return prepared(d.name, d.text.slice(0, cut) + ' reportedly' + d.text.slice(cut));
}

type Op = { kind: 'edit' | 'undo' | 'delete' | 'add'; doc: Doc };

/** The same operations for both indexes: edits then undos, deletions then additions back. */
function plan(docs: Doc[], seed: number): Op[] {
  const rand = rng(seed);
  const pick = (k: number) => docs[k % 2 === 0 ? Math.floor(rand() * Math.max(1, docs.length / 10)) : Math.floor(rand() * docs.length)];
  const ops: Op[] = [];
  for (let k = 0; k < nOps; k++) {
    const d = pick(k);
    ops.push({ kind: 'edit', doc: edited(d, rand) }, { kind: 'undo', doc: d });
  }
  for (let k = 0; k < nOps; k++) {
    const d = pick(k);
    ops.push({ kind: 'delete', doc: d }, { kind: 'add', doc: d });
  }
  return ops;
}

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

interface Stats { ms: number[]; touched: number[] }

function run(make: () => Index, docs: Doc[], ops: Op[]): { build: number; stats: Map<string, Stats> } {
  const index = make();
  const c0 = cpu();
  for (const d of docs) index.upsert(d.name, d.text, d.paras, d.sents);
  index.takeTouched();
  const build = cpu() - c0;
  const stats = new Map<string, Stats>();
  for (const op of ops) {
    const t = cpu();
    if (op.kind === 'delete') index.remove(op.doc.name);
    else index.upsert(op.doc.name, op.doc.text, op.doc.paras, op.doc.sents);
    const touched = index.takeTouched().size;
    const ms = cpu() - t;
    let s = stats.get(op.kind);
    if (!s) stats.set(op.kind, (s = { ms: [], touched: [] }));
    s.ms.push(ms); s.touched.push(touched);
  }
  return { build, stats };
}

const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f = (x: number) => x >= 100 ? x.toFixed(0) : x.toFixed(1);

const names = fs.readdirSync(dir).filter(n => /^a\d+\.txt$/.test(n)).sort();
console.log(`reuse index, edit and delete: ${dir}, ${nOps} of each operation; load ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
for (const n of sizes) {
  const docs = names.slice(0, n).map(read);
  const ops = plan(docs, n);
  const mb = docs.reduce((a, d) => a + d.text.length, 0) / 1e6;
  // The baseline first, then this build, each with its own analysis context.
  const old = run(() => new ReuseIndex0(new AnalysisContext()), docs, ops);
  const now = run(() => new ReuseIndex(new AnalysisContext()), docs, ops);
  console.log(`\n${docs.length} articles (${mb.toFixed(1)} M chars): build ${f(old.build)} -> ${f(now.build)} ms CPU (ratio ${(old.build / now.build).toFixed(2)})`);
  console.log('op       old p50 / p95 / mean ms (touched)      new p50 / p95 / mean ms (touched)      old/new mean, p95');
  for (const kind of ['edit', 'undo', 'delete', 'add']) {
    const a = old.stats.get(kind)!, b = now.stats.get(kind)!;
    const row = (s: Stats) => `${f(q(s.ms, 0.5))} / ${f(q(s.ms, 0.95))} / ${f(mean(s.ms))} (${mean(s.touched).toFixed(1)})`;
    console.log(`${kind.padEnd(8)} ${row(a).padEnd(38)} ${row(b).padEnd(38)} ${(mean(a.ms) / mean(b.ms)).toFixed(1)}x, ${(q(a.ms, 0.95) / q(b.ms, 0.95)).toFixed(1)}x`);
  }
}
console.log(`\nload ${os.loadavg().map(x => x.toFixed(2)).join(' ')}`);
