#!/usr/bin/env node
// Domain-shift checks of the entity recogniser on 2020s/2016 web news (CoNLL is Reuters 1996):
//   node scripts/check-ner-domain.mjs            (runs dist/cli.js, or SOURCE_LENS_CLI)
// 1. The seeds' gold entities (../shared/eval/seeds-gold/gold.json: 71 entities with their
//    variants): how many are found with the right type (a mention whose text is one of the
//    variants, or the name itself, in one of its files), and how many of the name-like
//    variants' occurrences are entities of that type, span for span.
// 2. polnear-dev's speakers: every gold Source (.ann) that holds a capitalised word other
//    than a pronoun or article should contain a PERSON or ORG entity.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.SOURCE_LENS_EVAL_DIR ? path.resolve(process.env.SOURCE_LENS_EVAL_DIR) : path.join(root, '../shared/eval');
const cli = process.env.SOURCE_LENS_CLI ?? path.join(root, 'dist/cli.js');
const analyze = dir => {
  const out = JSON.parse(execFileSync(process.execPath, [cli, 'analyze', '--format', 'json', dir], { maxBuffer: 1 << 30 }).toString());
  return new Map(out.documents.map(d => [path.basename(d.path), d]));
};
const pct = (a, b) => `${a}/${b} (${(100 * a / Math.max(b, 1)).toFixed(1)}%)`;

// 1. seeds
const seedsDir = path.join(root, 'seeds');
const gold = JSON.parse(fs.readFileSync(path.join(evalDir, 'seeds-gold/gold.json'), 'utf8'));
const seeds = analyze(seedsDir);
let found = 0, foundAny = 0, occ = 0, occTyped = 0, occAny = 0;
const missed = [];
for (const g of gold.entities) {
  const names = new Set([g.name, ...g.variants]);
  let ok = false, any = false;
  for (const f of g.files) {
    const doc = seeds.get(f);
    if (!doc) continue;
    for (const e of doc.entities) {
      if (!names.has(e.text)) continue;
      any = true;
      if (e.type === g.type) ok = true;
    }
    // occurrences of the name-like variants (capitalised, no leading article)
    const text = fs.readFileSync(path.join(seedsDir, f), 'utf8');
    for (const v of names) {
      if (!/^\p{Lu}/u.test(v) || /^(?:The|A|An)\s/.test(v)) continue;
      for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + v.length)) {
        const before = text[i - 1] ?? ' ', after = text[i + v.length] ?? ' ';
        if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
        occ++;
        const e = doc.entities.find(x => x.start === i && x.end === i + v.length);
        if (e) { occAny++; if (e.type === g.type) occTyped++; }
      }
    }
  }
  if (ok) found++; else missed.push(`${g.name} (${g.type})${any ? ': other type' : ''}`);
  if (any) foundAny++;
}
console.log(`seeds: entities found with their type ${pct(found, gold.entities.length)}, with any type ${pct(foundAny, gold.entities.length)}`);
console.log(`seeds: occurrences of name variants that are an entity of the right type ${pct(occTyped, occ)}, of any type ${pct(occAny, occ)}`);
if (missed.length) console.log(`  missed: ${missed.join('; ')}`);

// 2. polnear-dev speakers
const polDir = path.join(evalDir, 'polnear-dev');
const pol = analyze(polDir);
const NOT_NAME = /^(?:The|A|An|He|She|It|They|We|I|You|His|Her|Their|Our|This|That|These|Those|Some|Many|Most|One|Two|Both|Others?|Sources?|Officials?|Mr|Mrs|Ms|Dr)$/;
let sources = 0, typed = 0, anyEnt = 0;
const misses = [];
for (const f of fs.readdirSync(polDir).filter(x => x.endsWith('.ann')).sort()) {
  const doc = pol.get(f.replace(/\.ann$/, '.txt'));
  if (!doc) continue;
  for (const line of fs.readFileSync(path.join(polDir, f), 'utf8').split('\n')) {
    const m = /^T\d+\tSource (\d+) (\d+)\t(.*)$/.exec(line);
    if (!m) continue;
    const start = +m[1], end = +m[2], text = m[3];
    if (!text.split(/\s+/).some(w => /^\p{Lu}/u.test(w) && !NOT_NAME.test(w.replace(/[^\p{L}]/gu, '')))) continue;
    sources++;
    const inside = doc.entities.filter(e => e.start >= start && e.end <= end);
    if (inside.some(e => e.type === 'PERSON' || e.type === 'ORG')) typed++;
    else if (misses.length < 25) misses.push(`${text}${inside.length ? ` [${inside.map(e => `${e.type}:${e.text}`).join(', ')}]` : ''}`);
    if (inside.length) anyEnt++;
  }
}
console.log(`polnear-dev: named gold Sources holding a PERSON or ORG entity ${pct(typed, sources)}, any entity ${pct(anyEnt, sources)}`);
if (misses.length) console.log(`  e.g. missed: ${misses.slice(0, 15).join(' | ')}`);
