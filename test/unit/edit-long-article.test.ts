/**
 * An edit costs what it touches, and gives what a from-scratch analysis gives: a long
 * article (the seeds twice, then PolNeAR articles when the evaluation data is there)
 * is edited many times as a writer would (a word typed, a name or a quote with its
 * cue inserted, text deleted within a paragraph and across paragraph breaks, a
 * paragraph split or joined), and after each edit the corpus's result for it
 * deep-equals that of a new Corpus given the same texts. The reuse of what the
 * untouched paragraphs gave last time (names resolved, claims named, pronouns'
 * candidates, repeats' matching) is keyed on what each result depends on; here
 * that is checked on edits that move every later paragraph.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { normalizeEol } from '../../src/core/text/decode';
import type { DocumentResult } from '../../src/core/types';
import { canonicalGroups } from '../support/groups';
import { rng } from '../support/rng';
import { evalDir } from '../support/sharedEval';

const root = path.resolve(__dirname, '../../..');
const seedDir = path.join(root, 'seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => ({ path: f, text: normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')) }));

/**
 * Words typed, and passages inserted: names (some also typed as another kind of name; a surname alone, then its full
 * name, which names the surname's earlier mentions anew), pronoun cues, quotes, breaks.
 */
const WORDS = ['reportedly', 'Moscow', 'officials', 'seven', 'quickly', 'Tuesday', 'analysts', 'border', 'Lavrov', 'Petrova', 'Okafor', 'Okafor'];
const INSERTS = [
  ' Sergey Lavrov said', ' Paul Okafor said', ' Okafor said', ' Dr. Okafor', ' he said.', ' she said.', ' “We are ready,” he said.', ' Mrs. Anna Petrova, a spokeswoman for the ministry, said',
  ' the ministry said', ' Lavrov Street', ' the Lavrov Foundation', '“', '”', '"', '\n\n', '.\n\n“We will see,” she said. ', ' Secretary ',
  ' 130,000 troops', ' Russia', ' Putin', '. Also Read | Ukraine',
];

/** One edit at random: mostly a word typed, else an insertion, a deletion (within or across paragraphs), a break removed. */
function edit(text: string, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const op = Math.floor(rand() * 6);
  if (op <= 1) {
    // A word typed at a space, as the bench does.
    let at = Math.floor(rand() * text.length);
    at = text.indexOf(' ', at);
    if (at < 0) at = text.length;
    return text.slice(0, at) + ' ' + pick(WORDS) + text.slice(at);
  }
  const at = Math.floor(rand() * (text.length + 1));
  if (op === 2) return text.slice(0, at) + pick(INSERTS) + text.slice(at);
  if (op === 3) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 40));
  if (op === 4) return text.slice(0, at) + pick(INSERTS) + text.slice(at + 1 + Math.floor(rand() * 900));
  // A paragraph joined to the next.
  const br = text.indexOf('\n\n', at);
  return br < 0 ? text : text.slice(0, br) + ' ' + text.slice(br + 2);
}

/** A new corpus (no memo shared with the edited one) given the same texts. */
function fresh(docs: ReadonlyMap<string, string>): DocumentResult[] {
  const c = new Corpus();
  for (const [p, t] of docs) c.set(p, t);
  return c.allResults();
}

describe('editing a long article', function () {
  this.timeout(600_000);

  it('gives after every edit what a fresh analysis of the new text gives', () => {
    const pol = evalDir('polnear-dev');
    const extra = pol ? fs.readdirSync(pol).filter(f => f.endsWith('.txt')).sort().slice(0, 40).map(f => normalizeEol(fs.readFileSync(path.join(pol, f), 'utf8'))) : [];
    // (Its first paragraph names a person by surname alone: the other document gives and takes the full name.)
    const big = ['Okafor spoke on Monday. Okafor said the talks would go on.', ...seeds.map(s => s.text), ...extra, ...seeds.map(s => s.text)].join('\n\n');
    const docs = new Map([[seeds[0].path, seeds[0].text], ['big.txt', big]]);
    const corpus = new Corpus();
    for (const [p, t] of docs) corpus.set(p, t);
    corpus.allResults();
    const rand = rng(31);
    let pronouns = 0, moved = 0;
    for (let k = 0; k < 40; k++) {
      // (One edit in five goes to the other document: a full name given or taken there names the article's mentions anew.)
      if (k % 5 === 4) {
        const p = seeds[0].path, t = docs.get(p)!;
        const other = t.includes('Paul Okafor') ? t.replace('Paul Okafor', 'Okafor') : `${t}\n\nPaul Okafor, a spokesman, said the talks went well.`;
        docs.set(p, other);
        corpus.set(p, other);
      }
      const before = docs.get('big.txt')!;
      const next = edit(before, rand);
      docs.set('big.txt', next);
      corpus.set('big.txt', next);
      const got = corpus.allResults();
      assert.deepEqual(canonicalGroups(got), canonicalGroups(fresh(docs)), `edit ${k}`);
      const r = got.find(x => x.path === 'big.txt')!;
      for (const s of [...r.quotes, ...r.entities, ...r.duplicates, ...r.claims]) assert.equal(s.text, next.slice(s.start, s.end));
      pronouns = r.quotes.filter(q => q.speakerMention && /^(?:he|she)$/i.test(next.slice(q.speakerMention.start, q.speakerMention.end)) && q.speaker).length;
      if (next.length !== before.length) moved++;
    }
    // The edits moved the paragraphs after them, and the article's pronouns resolved (the candidates were read).
    assert.ok(moved >= 30, `${moved} edits moved text`);
    assert.ok(pronouns > 5, `${pronouns} pronoun speakers`);
  });
});
