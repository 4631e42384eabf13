/**
 * A document's own analysis, edited many times, gives what a from-scratch one gives:
 * `analyzeLocal` with the corpus's context and paragraph cache kept across random
 * edits (text typed and deleted across quotes, quote marks, paragraph breaks and
 * speakers) deep-equals `analyzeLocal` on the same text with a fresh context and
 * cache (the paragraph analyses reused, and placed again where they moved, must not
 * leak one version's offsets or entities into the next).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeLocal, ParagraphCache } from '../../src/core/corpus/corpus';
import { normalizeEol } from '../../src/core/text/decode';
import { AnalysisContext } from '../../src/core/text/memo';
import { rng } from '../support/rng';

const root = path.resolve(__dirname, '../../..');
const seedDir = path.join(root, 'seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')));

describe('a document edited many times', () => {
  const INSERTS = [' Lavrov said', ' he said', ' she told reporters', ' “We are ready,” he said.', '"', '“', '”', '‘', '’', '\n\n', '\n',
    ' Russia', ' Sen. Jane Roe', ' the minister', ' Putin', ' officials', ' “No', ' comment.”', ', according to the ministry.', ' Smith Oy'];

  /** One random edit: text typed, a stretch deleted or replaced (often across quotes and paragraphs), a paragraph copied. */
  function edit(text: string, rand: () => number): string {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    // Mostly next to a quote mark or a break, where the reuse has most to get wrong.
    const marks: number[] = [];
    for (let i = 0; i < text.length; i++) if ('“”"\n'.includes(text[i])) marks.push(i);
    const at = marks.length && rand() < 0.5 ? Math.min(text.length, pick(marks) + Math.floor(rand() * 3) - 1) : Math.floor(rand() * (text.length + 1));
    const op = Math.floor(rand() * 4);
    if (op === 0) return text.slice(0, at) + pick(INSERTS) + text.slice(at);
    if (op === 1) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 30));
    if (op === 2) return text.slice(0, at) + pick(INSERTS) + text.slice(at + 1 + Math.floor(rand() * 400));
    const paras = text.split('\n');
    paras.splice(Math.floor(rand() * paras.length), 0, paras[Math.floor(rand() * paras.length)]);
    return paras.join('\n');
  }

  it('gives what a fresh analysis gives, after each edit', function () {
    this.timeout(300_000);
    const rand = rng(12);
    // Two documents sharing lines in other places, edited in turn under one context and cache.
    const a = seeds.join('\n');
    const texts = [a, a.split('\n').reverse().slice(0, 40).join('\n\n')];
    const ctx = new AnalysisContext();
    const cache = new ParagraphCache();
    for (const t of texts) analyzeLocal(ctx, t, cache);
    for (let k = 0; k < 120; k++) {
      const d = rand() < 0.7 ? 0 : 1;
      texts[d] = edit(texts[d], rand);
      const got = analyzeLocal(ctx, texts[d], cache);
      const want = analyzeLocal(new AnalysisContext(), texts[d], new ParagraphCache());
      assert.deepEqual(got, want, `edit ${k}`);
    }
  });
});
