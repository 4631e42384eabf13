/**
 * Incremental updates give what a from-scratch analysis gives: random edits (seeded)
 * to the seeds and to a bigger article, and after each one the updated corpus's
 * results deep-equal those of a new Corpus given the same texts in the same order.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { normalizeEol } from '../../src/core/text/decode';
import type { DocumentResult } from '../../src/core/types';
import { canonicalGroups } from '../support/groups';
import { rng } from '../support/rng';
import { evalDirOrSkip } from '../support/sharedEval';

const root = path.resolve(__dirname, '../../..');
const seedDir = path.join(root, 'seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => ({ path: f, text: normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')) }));

const INSERTS = [' Lavrov said', ' the', ' “We are ready,” he said.', '"', '“', '”', ' 130,000 troops', '\n\n', ' Russia', '. Also Read | Ukraine', ' Putin'];

/** One random edit: insert, delete or replace, inside a paragraph or across paragraphs. */
function edit(text: string, rand: () => number, inserts: readonly string[] = INSERTS): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const at = Math.floor(rand() * (text.length + 1));
  const op = Math.floor(rand() * 5);
  if (op === 0) return text.slice(0, at) + pick(inserts) + text.slice(at);
  if (op === 1) {
    const len = 1 + Math.floor(rand() * 40); // within a paragraph, mostly
    return text.slice(0, at) + text.slice(at + len);
  }
  if (op === 2) {
    const len = 1 + Math.floor(rand() * 600); // often across paragraphs
    return text.slice(0, at) + pick(inserts) + text.slice(at + len);
  }
  if (op === 3) {
    // A paragraph moved: copy one elsewhere (a new repeat), or swap two.
    const paras = text.split('\n');
    const i = Math.floor(rand() * paras.length), j = Math.floor(rand() * paras.length);
    if (rand() < 0.5) paras.splice(j, 0, paras[i]); else [paras[i], paras[j]] = [paras[j], paras[i]];
    return paras.join('\n');
  }
  const len = Math.floor(rand() * 8);
  return text.slice(0, at) + text.slice(at, at + len).toUpperCase() + text.slice(at + len);
}

/**
 * A from-scratch corpus over the same texts: a new corpus shares no memo with the
 * incremental one (each owns its analysis context), so nothing cached by the
 * incremental run reaches the reference.
 */
function fresh(docs: ReadonlyMap<string, string>): DocumentResult[] {
  const c = new Corpus();
  for (const [p, t] of docs) c.set(p, t);
  return c.allResults();
}

function checkSpans(results: readonly DocumentResult[], docs: ReadonlyMap<string, string>): void {
  for (const r of results) {
    const t = docs.get(r.path)!;
    for (const s of [...r.quotes, ...r.entities, ...r.duplicates, ...r.claims]) assert.equal(s.text, t.slice(s.start, s.end), `${r.path} ${s.start}`);
  }
}

function run(initial: ReadonlyArray<{ path: string; text: string }>, targets: readonly string[], edits: number, seed: number, inserts = INSERTS): void {
  const rand = rng(seed);
  const docs = new Map(initial.map(d => [d.path, d.text]));
  const corpus = new Corpus();
  for (const [p, t] of docs) corpus.set(p, t);
  assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)));
  // Edits that changed some quote, passage or claim: the incremental paths had work to do.
  const findings = (rs: readonly DocumentResult[]) => JSON.stringify(rs.map(r => [r.quotes, r.duplicates, r.claims]));
  let before = findings(corpus.allResults()), changed = 0;
  for (let k = 0; k < edits; k++) {
    const p = targets[Math.floor(rand() * targets.length)];
    const next = edit(docs.get(p)!, rand, inserts);
    docs.set(p, next);
    corpus.set(p, next);
    const got = corpus.allResults();
    const want = fresh(docs);
    assert.deepEqual(canonicalGroups(got), canonicalGroups(want), `edit ${k} of ${p}`);
    checkSpans(got, docs);
    const now = findings(got);
    if (now !== before) changed++;
    before = now;
  }
  assert.ok(changed >= edits / 4, `only ${changed} of ${edits} edits changed a quote, passage or claim`);
}

describe('repeats in text that repeats itself over and over', function () {
  this.timeout(60_000);

  it('stay proportionate: each sentence pairs with a few copies, passages do not grow over the whole text', () => {
    const text = Array.from({ length: 8 }, () => seeds.map(s => s.text).join('\n')).join('\n');
    const c = new Corpus();
    c.set('x.txt', text);
    const r = c.result('x.txt')!;
    const repeats = r.duplicates.filter(d => d.kind === 'repeat');
    assert.ok(repeats.length > 0);
    // Uncapped, every copy paired with every other and each passage grew to the whole
    // repeating stretch: about 50 times the text here, and quadratic in its length.
    const covered = repeats.reduce((n, d) => n + d.end - d.start, 0);
    assert.ok(covered < 25 * text.length, `${covered} chars of repeats for ${text.length}`);
    // The nearest copy of a paragraph is still found.
    const first = seeds[1].text.split('\n').find(l => l.length > 200)!;
    const at = text.indexOf(first, text.indexOf(first) + 1);
    assert.ok(repeats.some(d => d.start <= at && at < d.end), 'the second copy of a paragraph is a repeat');
    checkSpans([r], new Map([['x.txt', text]]));
  });
});

describe('incremental corpus updates', function () {
  this.timeout(120_000);

  it('match a fresh analysis after random edits to the seeds', () => {
    run(seeds, seeds.map(s => s.path), 60, 1);
  });

  // A bigger article beside the seeds: the seeds twice (repeats, quotes and shared passages
  // at once), then the same with twelve PolNeAR articles added.
  const bigArticle = (extra: string[]) => ({ path: 'big.txt', text: [...seeds.map(s => s.text), ...seeds.map(s => s.text), ...extra].join('\n\n') });

  it('match a fresh analysis after random edits to a bigger article beside the seeds', () => {
    run([...seeds, bigArticle([])], ['big.txt', 'big.txt', 'big.txt', seeds[2].path], 25, 7);
  });

  it('match a fresh analysis after random edits to a bigger article holding PolNeAR articles too', function () {
    const pol = evalDirOrSkip(this, 'polnear-dev');
    const extra = fs.readdirSync(pol).filter(f => f.endsWith('.txt')).sort().slice(0, 12).map(f => normalizeEol(fs.readFileSync(path.join(pol, f), 'utf8')));
    run([...seeds, bigArticle(extra)], ['big.txt', 'big.txt', 'big.txt', seeds[2].path], 25, 7);
  });

  it('match a fresh analysis after edits around quotes spanning paragraphs and pronouns across paragraphs', () => {
    // What a quote gets from before its paragraph: a quote carried over a paragraph
    // break, a pronoun whose person was named paragraphs earlier, names learnt
    // anywhere in the document (fullest forms, genders, roles, "the ministry").
    const article = [
      'Lavrov Says Troops Are Leaving',
      'Russian Foreign Minister Sergey Lavrov spoke on Tuesday in Moscow.',
      '“We are pulling back,” he said. “The exercises are over.',
      '“Nobody should doubt it,” he added.',
      'Mrs. Anna Petrova, a spokeswoman for the Russian Defense Ministry, disagreed.',
      '“This is not the end,” she said.',
      'The ministry said the troops “will return home soon.”',
      '“We will see,” Lavrov said. Russia’s foreign minister called it “a plan.”',
      '"Straight marks, left open',
      '"and carried on," Petrova told reporters.',
    ].join('\n\n');
    const big = { path: 'cross.txt', text: [article, article.replace(/Lavrov/g, 'Peskov'), article].join('\n\n') };
    const first = fresh(new Map([[big.path, big.text]]))[0];
    assert.ok(first.quotes.some(q => q.text.includes('\n\n“Nobody')), 'a quote spans a paragraph break');
    assert.ok(first.quotes.some(q => q.speaker === 'Sergey Lavrov' && q.speakerMention && big.text.slice(q.speakerMention.start, q.speakerMention.end) === 'he'), 'a pronoun resolves to a person named in an earlier paragraph');
    assert.ok(first.quotes.some(q => q.speaker === 'Anna Petrova' && q.speakerMention && big.text.slice(q.speakerMention.start, q.speakerMention.end) === 'she'));
    const inserts = ['\n\n', '\n\n“', '“', '”', '"', ' he said.', ' she said.', ' Mr. Boris Ivanov said', ' Secretary ', ' Sergey ', ' Anna', '.\n\n“We', ' the ministry said', 'Ministry ', ' “Yes.”'];
    run([seeds[0], big], [big.path, big.path, big.path, seeds[0].path], 45, 11, inserts);
  });

  it('match a fresh analysis when a document is deleted and re-added', () => {
    const corpus = new Corpus();
    for (const s of seeds) corpus.set(s.path, s.text);
    corpus.allResults();
    corpus.delete(seeds[0].path);
    corpus.set(seeds[0].path, seeds[0].text);
    const docs = new Map(seeds.slice(1).map(s => [s.path, s.text]));
    docs.set(seeds[0].path, seeds[0].text);
    assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)));
  });
});
