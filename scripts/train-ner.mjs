#!/usr/bin/env node
// Trains the name model and writes src/core/entities/nerModel.ts (the committed artefact):
//   npm run train:ner                      # CoNLL-2003 train.txt of the team's evaluation data
//   node scripts/train-ner.mjs [--train path/to/train.txt] [--valid path/to/valid.txt]
//        [--epochs N] [--bits B] [--no-gazetteer] [--out file.ts | --dry-run]
// Trains on the training split only. With a validation file (default: valid.txt beside
// train.txt, when present) it prints the scores there, which the artefact records; the
// validation data is never trained on. Deterministic: the same data and options give the
// same bytes. The training code is src/core/entities/nerTrain.ts (bundled here by esbuild).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const evalDir = process.env.SOURCE_LENS_EVAL_DIR ? path.resolve(process.env.SOURCE_LENS_EVAL_DIR) : path.join(root, '../shared/eval');
const trainFile = opt('--train', path.join(evalDir, 'conll2003/train.txt'));
const validFile = opt('--valid', path.join(path.dirname(trainFile), 'valid.txt'));
if (!fs.existsSync(trainFile)) {
  console.error(`train-ner: needs the CoNLL-2003 training split (../shared/eval beside the repo, SOURCE_LENS_EVAL_DIR, or --train): ${trainFile} is absent`);
  process.exit(2);
}
const options = {
  epochs: Number(opt('--epochs', 10)),
  bits: Number(opt('--bits', 16)),
  folds: args.includes('--no-gazetteer') ? 0 : 5,
  seed: Number(opt('--seed', 20261201)),
};
// --holdout: model selection without valid: train on the first 90% of train.txt's documents, score the last 10%
const holdout = args.includes('--holdout');
const out = args.includes('--dry-run') || holdout ? null : path.resolve(opt('--out', path.join(root, 'src/core/entities/nerModel.ts')));

const bundle = path.join(os.tmpdir(), `source-lens-train-ner-${process.pid}.cjs`);
await esbuild.build({ entryPoints: [path.join(root, 'src/core/entities/nerTrain.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const T = createRequire(import.meta.url)(bundle);
fs.unlinkSync(bundle);

const t0 = Date.now();
const f3 = x => x.toFixed(3);
const show = s => `F1 ${f3(s.f)} (P ${f3(s.p)} R ${f3(s.r)}; PER ${f3(s.byType[0])} LOC ${f3(s.byType[1])} ORG ${f3(s.byType[2])}) n=${s.gold}`;
const all = T.readConll(fs.readFileSync(trainFile, 'utf8'));
const lastDoc = all[all.length - 1].doc, cut = Math.floor(lastDoc * 0.9);
const sents = holdout ? all.filter(s => s.doc <= cut) : all;
if (holdout) {
  const held = all.filter(s => s.doc > cut);
  console.log(`holdout: training on documents 1-${cut} (${sents.length} sentences), scoring ${cut + 1}-${lastDoc} (${held.length} sentences)`);
  const trained = T.train(sents, { ...options, log: l => console.log('  ' + l) });
  const { weights } = T.pack(trained);
  console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const score = T.evaluate(held, weights, T.lexiconOf(sents, options.folds > 0));
  console.log(`holdout PER/LOC/ORG: ${show(score)}`);
  for (const u of [{}, { majority: true }, { orgHeads: true }, { majority: true, orgHeads: true }]) console.log(`  unify ${JSON.stringify(u)}: ${show(T.evaluate(held, weights, T.lexiconOf(sents, options.folds > 0), false, u))}`);
  if (args.includes('--errors')) T.errors(held, weights, T.lexiconOf(sents, options.folds > 0), console.log);
  process.exit(0);
}
console.log(`train: ${sents.length} sentences from ${path.relative(root, trainFile)}; ${JSON.stringify(options)}`);
const trained = T.train(sents, { ...options, log: l => console.log('  ' + l) });
const { bytes, weights } = T.pack(trained);
console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s; artefact ${(bytes.length / 1024).toFixed(0)} KiB`);

// The product's lexicon: all of the training split's names (lexicon/conll.ts) and the hand lists.
const lexicon = T.lexiconOf(sents, options.folds > 0);
const plain = T.gazetteerLines(sents).plain;
let valid = null;
if (fs.existsSync(validFile)) {
  valid = T.evaluate(T.readConll(fs.readFileSync(validFile, 'utf8')), weights, lexicon);
  console.log(`valid (${path.relative(root, validFile)}), PER/LOC/ORG: ${show(valid)}`);
}

// The reproducibility check the unit test repeats: a small slice trained and scored the same way.
const CHECK = { train: 400, test: 200, epochs: 3, bits: 16, folds: 2, seed: 7 };
const slice = sents.slice(0, CHECK.train), held = sents.slice(CHECK.train, CHECK.train + CHECK.test);
const small = T.pack(T.train(slice, { epochs: CHECK.epochs, bits: CHECK.bits, folds: CHECK.folds, seed: CHECK.seed }));
const smallScore = T.evaluate(held, small.weights, T.lexiconOf(slice));
console.log(`check slice: ${show(smallScore)}; checksum ${T.checksum(small.bytes)}`);

if (out) {
  const b64 = Buffer.from(bytes).toString('base64');
  const info = {
    format: 1,
    trainedOn: 'CoNLL-2003 English training split (train.txt), IOB2',
    sentences: sents.length,
    ...options,
    gazetteer: options.folds > 0,
    bytes: bytes.length,
    checksum: T.checksum(bytes),
    valid: valid && { f1: +f3(valid.f), p: +f3(valid.p), r: +f3(valid.r), per: +f3(valid.byType[0]), loc: +f3(valid.byType[1]), org: +f3(valid.byType[2]) },
    check: { ...CHECK, f1: smallScore.f, tp: smallScore.tp, pred: smallScore.pred, gold: smallScore.gold, checksum: T.checksum(small.bytes) },
  };
  const lines = [];
  for (let i = 0; i < b64.length; i += 4000) lines.push(JSON.stringify(b64.slice(i, i + 4000)));
  fs.writeFileSync(out, `// Generated by scripts/train-ner.mjs (npm run train:ner). Do not edit.
/* eslint-disable */
/** How the weights below were trained, and the scores training recorded. */
export const NER_MODEL_INFO = ${JSON.stringify(info, null, 2)} as const;
/** Capitalised words of the training split (at least 10 uses) almost never inside a name: alone, they are not decoded. */
export const NER_PLAIN_WORDS = ${JSON.stringify(plain.join(' '))};
/** The weights (format of ner.ts encodeModel), base64. */
export const NER_MODEL =
  ${lines.join(' +\n  ')};
`);
  console.log(`wrote ${path.relative(root, out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB)`);
}
