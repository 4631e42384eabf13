/**
 * `tokenAtNear` (the token search the quote contexts start from a sentence's first
 * token) finds what `tokenAt` finds, whatever the hint: before, at or after the answer,
 * out of range, on a document's tokens with quotes among them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { scanQuotes } from '../../src/core/quotes/scan';
import { tokenAt, tokenAtNear, tokenize } from '../../src/core/quotes/tokens';
import { normalizeEol } from '../../src/core/text/decode';
import { AnalysisContext } from '../../src/core/text/memo';
import { rng } from '../support/rng';

const root = path.resolve(__dirname, '../../..');
const seedDir = path.join(root, 'seeds');

describe('the quote tokens searched from a hint', () => {
  it('gives the index tokenAt gives for any position and hint', () => {
    const rand = rng(17);
    for (const f of fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()) {
      const text = normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8'));
      const toks = tokenize(new AnalysisContext(), text, scanQuotes(text));
      assert.ok(toks.length > 10);
      for (let k = 0; k < 400; k++) {
        const pos = Math.floor(rand() * (text.length + 20)) - 10;
        const want = tokenAt(toks, pos);
        // (Hints near the answer, far from it, and outside the list.)
        const near = want + Math.floor(rand() * 9) - 4;
        const far = Math.floor(rand() * (toks.length + 40)) - 20;
        for (const hint of [near, far, 0, toks.length, -3, toks.length + 5]) assert.equal(tokenAtNear(toks, pos, hint), want, `${f}: pos ${pos}, hint ${hint}`);
      }
      // Every token's own start, and one past it.
      for (let i = 0; i < toks.length; i += 7) {
        assert.equal(tokenAtNear(toks, toks[i].start, i + 3), tokenAt(toks, toks[i].start));
        assert.equal(tokenAtNear(toks, toks[i].start + 1, i - 3), tokenAt(toks, toks[i].start + 1));
      }
    }
  });
});
