#!/usr/bin/env node
/**
 * Claim linking on labelled sentence pairs: each pair's two sentences as two
 * documents of their own (a neutral headline line, then the sentence), analysed and
 * linked by the real corpus (tsc output in out/). A "same" pair should be linked
 * (corroborated, fully or in part) and not disputed; a "different" pair should be
 * neither linked nor disputed.
 *
 *   npx tsc -p . && node scripts/score-pairs.mjs SET.jsonl [SET2.jsonl …] [--stories 1-15] [--list FILE]
 *
 * A set is JSON lines {story, pair, label: "same"|"different", a, b, tag}. `--stories`
 * keeps a range of stories (to score a half never read); `--list` writes each
 * pair's outcome, for reading the half one develops on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { Corpus } = require(path.join(root, 'out/src/core/corpus/corpus.js'));

const USAGE = 'usage: node scripts/score-pairs.mjs SET.jsonl [...] [--stories FROM-TO] [--list FILE]';
const args = process.argv.slice(2);
let stories = null, list = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--stories') {
    const m = /^(\d+)-(\d+)$/.exec(args[++i] ?? '');
    if (!m) { console.error('--stories wants FROM-TO, e.g. 1-15'); process.exit(2); }
    stories = [Number(m[1]), Number(m[2])];
  } else if (args[i] === '--list') list = args[++i];
  else if (args[i] === '--help' || args[i] === '-h') { console.log(USAGE); process.exit(0); }
  else if (args[i].startsWith('--')) { console.error(`score-pairs: unknown option ${args[i]}\n${USAGE}`); process.exit(2); }
  else files.push(args[i]);
}
if (!files.length) { console.error(USAGE); process.exit(2); }

const HEADLINE = 'Report\n\n';

/** How the corpus links sentence `a` with sentence `b`: linked (fully or in part) and disputed, seen from either side. */
function outcome(a, b) {
  const corpus = new Corpus({ incremental: false });
  corpus.set('a.txt', HEADLINE + a);
  corpus.set('b.txt', HEADLINE + b);
  let linked = false, disputed = false;
  for (const d of corpus.allResults()) {
    for (const c of d.claims) {
      const other = d.path === 'a.txt' ? 'b.txt' : 'a.txt';
      if ([...c.corroboratedBy, ...(c.partlyCorroboratedBy ?? [])].some(l => l.path === other)) linked = true;
      if (c.disputedBy.some(l => l.path === other)) disputed = true;
    }
  }
  return { linked, disputed };
}

const lines = [];
for (const file of files) {
  const set = path.basename(file).replace(/\.jsonl$/, '');
  let rows;
  try {
    rows = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).map((l, k) => {
      try { return JSON.parse(l); } catch { throw new Error(`line ${k + 1} is not JSON`); }
    });
  } catch (e) {
    console.error(`score-pairs: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    process.exit(2);
  }
  const tally = { same: { n: 0, linked: 0, disputed: 0 }, different: { n: 0, linked: 0, disputed: 0 } };
  for (const r of rows) {
    if (stories && (r.story < stories[0] || r.story > stories[1])) continue;
    const t = tally[r.label];
    if (!t) continue;
    const o = outcome(r.a, r.b);
    t.n++;
    if (o.linked) t.linked++;
    if (o.disputed) t.disputed++;
    const right = r.label === 'same' ? o.linked && !o.disputed : !o.linked && !o.disputed;
    lines.push(`${right ? 'ok  ' : 'MISS'} ${set} ${r.story}.${r.pair} ${r.label} ${r.tag ?? ''} linked=${o.linked} disputed=${o.disputed}\n  a: ${r.a}\n  b: ${r.b}`);
  }
  const s = tally.same, d = tally.different;
  const precision = s.linked + d.linked ? s.linked / (s.linked + d.linked) : 0;
  console.log(`${set}${stories ? ` stories ${stories[0]}-${stories[1]}` : ''}: same linked ${s.linked}/${s.n} (disputed ${s.disputed}), different linked ${d.linked}/${d.n} (disputed ${d.disputed}); precision ${precision.toFixed(3)}, recall ${(s.n ? s.linked / s.n : 0).toFixed(3)}`);
}
if (list) fs.writeFileSync(list, lines.join('\n') + '\n');
