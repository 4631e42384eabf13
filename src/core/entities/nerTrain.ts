/**
 * Training of the name model (ner.ts): an averaged perceptron on CoNLL-2003-style data
 * (one token a line: word, IOB2 tag; blank lines between sentences, -DOCSTART- between
 * documents). Deterministic: a fixed shuffle (seeded) per epoch and no other randomness.
 *
 * Each sentence is joined with single spaces (as the evaluation documents are) and read
 * by the product's own tokenizer, so the model learns on exactly the words it will see.
 * Gazetteer features are jack-knifed: a sentence sees the known names and first names
 * of the other folds of the training split (plus the hand lists), never its own, so that
 * the model learns how far to trust a list that is as incomplete as it will be on new text.
 * A file without -DOCSTART- lines (the team's train.txt) is cut into stories at their
 * headlines (the sentence before a Reuters dateline), which the folds and the
 * held-out slice of `train-ner.mjs --holdout` go by.
 *
 * Used by scripts/train-ner.mjs (which writes nerModel.ts) and the unit tests; never by
 * the product at run time.
 */
import { tokenize, isAllCaps, type Tok } from './tokenize';
import { buildNameTables, HAND_FIRST_NAMES, LOWER_WORDS } from './gazetteer';
import { unifyTypes, type UnifyOptions } from './unify';
import type { Entity, EntityType } from '../types';
import {
  buildLexicon, decodeModel, encodeModel, Featurizer, feat, label, spansOf, modelTokens, DecodeScratch,
  NL, TYPES, MAX_FEATURES, type NerLexicon, type Weights, allowed,
} from './ner';

export interface ConllSentence {
  words: string[];
  tags: string[];
  doc: number;
}

/** Sentences of a CoNLL file (columns: word, tag, ...). */
export function readConll(text: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let doc = 0, cur: ConllSentence = { words: [], tags: [], doc };
  const flush = () => { if (cur.words.length) out.push(cur); cur = { words: [], tags: [], doc }; };
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (!parts[0]) { flush(); continue; }
    if (parts[0] === '-DOCSTART-') { flush(); doc++; cur.doc = doc; continue; }
    cur.words.push(parts[0]);
    cur.tags.push(parts[1] ?? 'O');
  }
  flush();
  if (doc === 0) inferDocuments(out);
  return out;
}

/** A Reuters dateline: a few words ending in an ISO date ("LONDON 1996-08-30"). */
const isDateline = (s: ConllSentence) => s.words.length <= 8 && /^\d{4}-\d\d-\d\d$/.test(s.words[s.words.length - 1]);

/**
 * Documents of a file without -DOCSTART- lines: a story opens with its headline, the
 * sentence before its dateline. Numbers the documents from 1.
 */
function inferDocuments(sents: ConllSentence[]): void {
  let doc = 1;
  for (let k = 0; k < sents.length; k++) {
    if (k > 0 && k + 1 < sents.length && isDateline(sents[k + 1]) && !isDateline(sents[k])) doc++;
    sents[k].doc = doc;
  }
}

const CONLL_TYPE: Record<string, number> = { PER: 0, LOC: 1, ORG: 2, MISC: 3 };

/** A sentence as text, its model words, and the gold label of each word. */
export interface Example {
  text: string;
  toks: Tok[];
  allCaps: boolean;
  gold: Uint8Array;
  /** Gold entities as character spans with their type index. */
  spans: Array<[number, number, number]>;
  doc: number;
}

export function toExample(s: ConllSentence): Example {
  const text = s.words.join(' ');
  const starts: number[] = [];
  let o = 0;
  for (const w of s.words) { starts.push(o); o += w.length + 1; }
  const toks = modelTokens(text, tokenize(text, 0, text.length));
  const gold = new Uint8Array(toks.length);
  // the CoNLL word holding each character
  const owner = new Int32Array(text.length + 1).fill(-1);
  s.words.forEach((w, k) => owner.fill(k, starts[k], starts[k] + w.length));
  let prevWord = -1;
  for (let i = 0; i < toks.length; i++) {
    const k = owner[toks[i].s];
    const tag = s.tags[k] ?? 'O';
    if (tag === 'O' || k < 0) { gold[i] = 0; prevWord = k; continue; }
    const t = CONLL_TYPE[tag.slice(2)];
    if (t === undefined) { gold[i] = 0; prevWord = k; continue; }
    const inside = tag[0] === 'I' || k === prevWord; // a later piece of the same CoNLL word continues it
    let y = inside ? 2 + 2 * t : 1 + 2 * t;
    if (!allowed(i > 0 ? gold[i - 1] : -1, y)) y = 1 + 2 * t;
    gold[i] = y;
    prevWord = k;
  }
  const spans: Array<[number, number, number]> = [];
  for (let k = 0; k < s.words.length; k++) {
    const tag = s.tags[k];
    if (tag === 'O' || CONLL_TYPE[tag.slice(2)] === undefined) continue;
    const t = CONLL_TYPE[tag.slice(2)];
    let j = k;
    while (j + 1 < s.words.length && s.tags[j + 1] === `I-${tag.slice(2)}`) j++;
    spans.push([starts[k], starts[j] + s.words[j].length, t]);
    k = j;
  }
  return { text, toks, allCaps: isAllCaps(text, 0, text.length), gold, spans, doc: s.doc };
}

/**
 * Known names of some sentences, as lexicon/conll.ts lists them (scripts/build-lexicon.mjs):
 * each entity string with its majority type (>= 60% of its uses); a one-word name more
 * often outside names is left out.
 */
export function gazetteerLines(sents: readonly ConllSentence[]): { gazetteer: string; firstNames: string[]; plain: string[] } {
  const types = new Map<string, number[]>();
  const inOut = new Map<string, [number, number]>();
  const first = new Set<string>();
  for (const s of sents) {
    const letters = s.words.join('').replace(/[^\p{L}]/gu, '');
    const caps = letters.length > 0 && letters === letters.toUpperCase();
    for (let k = 0; k < s.words.length; k++) {
      if (!caps) {
        const io = inOut.get(s.words[k]) ?? [0, 0];
        io[s.tags[k] === 'O' ? 1 : 0]++;
        inOut.set(s.words[k], io);
      }
      const tag = s.tags[k];
      if (tag === 'O') continue;
      const type = tag.slice(2);
      let j = k;
      while (j + 1 < s.words.length && s.tags[j + 1] === `I-${type}`) j++;
      const name = s.words.slice(k, j + 1).join(' ');
      const c = types.get(name) ?? [0, 0, 0, 0];
      c[CONLL_TYPE[type] ?? 3]++;
      types.set(name, c);
      if (!caps && type === 'PER' && j > k && /^\p{Lu}\p{Ll}+$/u.test(s.words[k])) first.add(s.words[k]);
      k = j;
    }
  }
  const CODE = 'PLOM';
  const lines: string[] = [];
  for (const name of [...types.keys()].sort()) {
    const c = types.get(name)!;
    const total = c[0] + c[1] + c[2] + c[3];
    let best = 0;
    for (let t = 1; t < 4; t++) if (c[t] > c[best]) best = t;
    if (c[best] / total < 0.6 || !/\p{L}/u.test(name) || name.length < 2) continue;
    const io = inOut.get(name);
    if (!name.includes(' ') && io && io[1] > io[0]) continue;
    lines.push(CODE[best] + name);
  }
  // capitalised words seen at least 10 times (outside headlines), at most 1% of them inside a name
  const plain = [...inOut].filter(([w, [i, o]]) => i + o >= 10 && i <= 0.01 * (i + o) && /^\p{Lu}/u.test(w)).map(([w]) => w).sort();
  return { gazetteer: lines.join('\n'), firstNames: [...first].sort(), plain };
}

/**
 * The lexicon a model sees: names and first names of `sents` plus the hand lists (none
 * without `gazetteer`), and the plain capitalised words of `sents`.
 */
export function lexiconOf(sents: readonly ConllSentence[], gazetteer = true): NerLexicon {
  const lists = gazetteerLines(sents);
  if (!gazetteer) return buildLexicon({ gaz: new Map(), upper: new Map(), maxWords: 1 }, [], LOWER_WORDS, lists.plain);
  return buildLexicon(buildNameTables(lists.gazetteer), [...lists.firstNames, ...HAND_FIRST_NAMES], LOWER_WORDS, lists.plain);
}

export interface TrainOptions {
  epochs: number;
  /** log2 of the number of feature buckets. */
  bits: number;
  /** Folds for the jack-knifed gazetteer (sentences by document); 0: no gazetteer features. */
  folds: number;
  seed: number;
  log?: (line: string) => void;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = a + 0x6d2b79f5 | 0;
    let t = Math.imul(a ^ a >>> 15, 1 | a);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

/** Feature buckets of every word of every example, flattened. */
interface Compiled {
  feats: Int32Array;
  /** Example e's word i's features: feats[wordStart[offset[e] + i] .. wordStart[offset[e] + i + 1]). */
  wordStart: Int32Array;
  offset: Int32Array;
}

function compile(examples: readonly Example[], lexFor: (e: Example) => NerLexicon, bits: number): Compiled {
  const mask = (1 << bits) - 1;
  const fzs = new Map<NerLexicon, Featurizer>();
  let words = 0;
  for (const e of examples) words += e.toks.length;
  let feats = new Int32Array(words * 36);
  const wordStart = new Int32Array(words + 1), offset = new Int32Array(examples.length + 1);
  const buf = new Int32Array(MAX_FEATURES);
  let w = 0, f = 0;
  examples.forEach((e, k) => {
    offset[k] = w;
    const lex = lexFor(e);
    let fz = fzs.get(lex);
    if (!fz) fzs.set(lex, (fz = new Featurizer(lex)));
    const n = e.toks.length;
    fz.prepare(e.text, e.toks, 0, e.text.length);
    for (let i = 0; i < n; i++) {
      const nf = fz.features(i, n, e.allCaps, buf);
      if (f + nf > feats.length) { const g = new Int32Array(feats.length * 2); g.set(feats); feats = g; }
      for (let q = 0; q < nf; q++) feats[f++] = (buf[q] & mask) * NL;
      wordStart[w++] = f - nf;
    }
  });
  offset[examples.length] = w;
  wordStart[w] = f;
  return { feats, wordStart, offset };
}

/** Viterbi over a compiled example with float weights. */
function viterbi(c: Compiled, k: number, emit: Float64Array, trans: Float64Array, out: Uint8Array, score: Float64Array, back: Uint8Array): void {
  const w0 = c.offset[k], n = c.offset[k + 1] - w0;
  const emis = new Float64Array(NL);
  for (let p = 0; p < n; p++) {
    emis.fill(0);
    for (let q = c.wordStart[w0 + p]; q < c.wordStart[w0 + p + 1]; q++) {
      const base = c.feats[q];
      for (let y = 0; y < NL; y++) emis[y] += emit[base + y];
    }
    for (let y = 0; y < NL; y++) {
      let best = -Infinity, arg = 0;
      if (p === 0) { best = allowed(-1, y) ? trans[y] : -Infinity; }
      else {
        for (let z = 0; z < NL; z++) {
          if (!allowed(z, y)) continue;
          const v = score[(p - 1) * NL + z] + trans[(z + 1) * NL + y];
          if (v > best) { best = v; arg = z; }
        }
      }
      score[p * NL + y] = best + emis[y];
      back[p * NL + y] = arg;
    }
  }
  let y = 0, best = -Infinity;
  for (let z = 0; z < NL; z++) if (score[(n - 1) * NL + z] > best) { best = score[(n - 1) * NL + z]; y = z; }
  for (let p = n - 1; p >= 0; p--) { out[p] = y; y = back[p * NL + y]; }
}

export interface Trained {
  bits: number;
  emit: Float64Array;
  trans: Float64Array;
}

/** Trains on `sents`; the lexicon of each sentence comes from the other folds. */
export function train(sents: readonly ConllSentence[], opts: TrainOptions): Trained {
  const log = opts.log ?? (() => {});
  const examples = sents.map(toExample).filter(e => e.toks.length > 0);
  const lexFor = foldLexicons(sents, opts.folds);
  const c = compile(examples, lexFor, opts.bits);
  const size = (1 << opts.bits) * NL, tsize = (NL + 1) * NL;
  const w = new Float64Array(size), u = new Float64Array(size);
  const t = new Float64Array(tsize), tu = new Float64Array(tsize);
  let maxLen = 0;
  for (const e of examples) maxLen = Math.max(maxLen, e.toks.length);
  const score = new Float64Array(maxLen * NL), back = new Uint8Array(maxLen * NL), pred = new Uint8Array(maxLen);
  const order = examples.map((_, k) => k);
  const rand = rng(opts.seed);
  let step = 1;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(rand() * (k + 1)); [order[k], order[j]] = [order[j], order[k]]; }
    let wrong = 0, total = 0;
    for (const k of order) {
      const e = examples[k], n = e.toks.length, w0 = c.offset[k];
      viterbi(c, k, w, t, pred, score, back);
      total += n;
      let any = false;
      for (let p = 0; p < n; p++) {
        const g = e.gold[p], y = pred[p];
        const gp = p ? e.gold[p - 1] : -1, yp = p ? pred[p - 1] : -1;
        if (g !== y) {
          wrong++;
          any = true;
          for (let q = c.wordStart[w0 + p]; q < c.wordStart[w0 + p + 1]; q++) {
            const base = c.feats[q];
            w[base + g] += 1; u[base + g] += step;
            w[base + y] -= 1; u[base + y] -= step;
          }
        }
        if (g !== y || gp !== yp) {
          t[(gp + 1) * NL + g] += 1; tu[(gp + 1) * NL + g] += step;
          t[(yp + 1) * NL + y] -= 1; tu[(yp + 1) * NL + y] -= step;
        }
      }
      if (any || true) step++;
    }
    log(`epoch ${epoch + 1}: ${wrong} of ${total} words wrong (${(100 * wrong / total).toFixed(2)}%)`);
  }
  // averaged weights
  for (let i = 0; i < size; i++) w[i] -= u[i] / step;
  for (let i = 0; i < tsize; i++) t[i] -= tu[i] / step;
  return { bits: opts.bits, emit: w, trans: t };
}

/** Lexicon of each example: jack-knifed by document folds. */
function foldLexicons(sents: readonly ConllSentence[], folds: number): (e: Example) => NerLexicon {
  if (folds <= 0) {
    const none = lexiconOf(sents, false);
    return () => none;
  }
  const lexicons: NerLexicon[] = [];
  for (let f = 0; f < folds; f++) lexicons.push(lexiconOf(sents.filter(s => s.doc % folds !== f)));
  return e => lexicons[e.doc % folds];
}

/** int8 weights: the largest magnitude maps to 127. */
export function quantise(m: Trained): { bits: number; emit: Int8Array; scale: number; trans: Float32Array } {
  let max = 0;
  for (let i = 0; i < m.emit.length; i++) { const a = Math.abs(m.emit[i]); if (a > max) max = a; }
  const scale = max > 0 ? max / 127 : 1;
  const emit = new Int8Array(m.emit.length);
  for (let i = 0; i < m.emit.length; i++) emit[i] = Math.max(-127, Math.min(127, Math.round(m.emit[i] / scale)));
  return { bits: m.bits, emit, scale, trans: Float32Array.from(m.trans) };
}

export interface Score {
  p: number;
  r: number;
  f: number;
  tp: number;
  pred: number;
  gold: number;
  /** F1 by type index (PERSON, PLACE, ORG). */
  byType: number[];
}

/**
 * Exact-span, exact-type micro P/R/F1 over PERSON, PLACE and ORG (MISC ignored, as
 * score-ner.mjs does) of `weights` with `lexicon` on `sents`.
 */
export function evaluate(sents: readonly ConllSentence[], weights: Weights, lexicon: NerLexicon, whole = false, unify?: UnifyOptions): Score {
  const fz = new Featurizer(lexicon);
  const scratch = new DecodeScratch();
  const tp = [0, 0, 0], pr = [0, 0, 0], go = [0, 0, 0];
  let labels = new Uint8Array(256);
  const TYPE_NAMES: EntityType[] = ['PERSON', 'PLACE', 'ORG', 'MISC'];
  for (let k = 0; k < sents.length;) {
    // one document at a time: its sentences joined by newlines, as the evaluation documents are
    let end = k + 1;
    while (end < sents.length && sents[end].doc === sents[k].doc) end++;
    const gold = new Set<string>();
    let list: Entity[] = [];
    let base = 0;
    for (let j = k; j < end; j++) {
      const e = toExample(sents[j]);
      const n = e.toks.length;
      if (labels.length < n) labels = new Uint8Array(n * 2);
      fz.begin(e.text, e.toks, 0, e.text.length);
      label(fz, weights, n, e.allCaps, labels, scratch, whole);
      for (const [a, b, t] of e.spans) if (t < 3) { gold.add(`${base + a}:${base + b}:${t}`); go[t]++; }
      spansOf(labels, n, (a, b, t) => {
        const s = e.toks[a].s, x = e.toks[b].e, text = e.text.slice(s, x);
        list.push({ start: base + s, end: base + x, text, type: TYPE_NAMES[t], canonical: text });
      });
      base += e.text.length + 1;
    }
    if (unify) list = [...unifyTypes(list, unify)];
    for (const ent of list) {
      const t = TYPE_NAMES.indexOf(ent.type);
      if (t >= 3) continue;
      pr[t]++;
      if (gold.has(`${ent.start}:${ent.end}:${t}`)) tp[t]++;
    }
    k = end;
  }
  const f1 = (x: number, p: number, g: number) => (p + g ? 2 * x / (p + g) : 0);
  const T = tp[0] + tp[1] + tp[2], P = pr[0] + pr[1] + pr[2], G = go[0] + go[1] + go[2];
  return { p: P ? T / P : 0, r: G ? T / G : 0, f: f1(T, P, G), tp: T, pred: P, gold: G, byType: [0, 1, 2].map(t => f1(tp[t], pr[t], go[t])) };
}

/** The artefact bytes of a trained model (int8), and the weights as the product reads them back. */
export function pack(m: Trained): { bytes: Uint8Array; weights: Weights } {
  const bytes = encodeModel(quantise(m));
  return { bytes, weights: decodeModel(bytes) };
}

/** A short checksum of bytes (FNV-1a, hex), to record what training produced. */
export function checksum(bytes: Uint8Array): string {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export { TYPES, feat };

/** Prints a confusion summary of `weights` on `sents`: typing errors (same span), boundary errors, misses and spurious names. */
export function errors(sents: readonly ConllSentence[], weights: Weights, lexicon: NerLexicon, print: (line: string) => void): void {
  const fz = new Featurizer(lexicon);
  const scratch = new DecodeScratch();
  const N = ['PER', 'LOC', 'ORG', 'MISC'];
  const conf = new Map<string, number>();
  const bump = (k: string) => conf.set(k, (conf.get(k) ?? 0) + 1);
  const examples: string[] = [];
  let labels = new Uint8Array(256);
  for (const s of sents) {
    const e = toExample(s);
    const n = e.toks.length;
    if (labels.length < n) labels = new Uint8Array(n * 2);
    fz.begin(e.text, e.toks, 0, e.text.length);
    label(fz, weights, n, e.allCaps, labels, scratch);
    const gold = new Map<string, number>();
    for (const [a, b, t] of e.spans) gold.set(`${a}:${b}`, t);
    const pred = new Map<string, number>();
    spansOf(labels, n, (a, b, t) => { pred.set(`${e.toks[a].s}:${e.toks[b].e}`, t); });
    for (const [k, t] of gold) {
      const p = pred.get(k);
      if (p === undefined) { bump(`missed ${N[t]}`); continue; }
      if (p !== t) {
        bump(`${N[t]} as ${N[p]}`);
        if (examples.length < 60 && (t === 2 || p === 2)) { const [a, b] = k.split(':').map(Number); examples.push(`${N[t]}->${N[p]}: ${e.text.slice(a, b)} | ${e.text.slice(0, 90)}`); }
      }
    }
    for (const [k, p] of pred) if (!gold.has(k)) bump(`spurious ${N[p]}`);
  }
  for (const [k, v] of [...conf].sort((x, y) => y[1] - x[1])) print(`${String(v).padStart(5)} ${k}`);
  for (const x of examples) print('  ' + x);
}
