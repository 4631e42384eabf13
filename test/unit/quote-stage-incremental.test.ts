/**
 * The quote stage's memos, per line, give what a scan of the whole text gives: a
 * long multi-paragraph document edited at random (text typed and deleted, paragraphs
 * split, merged and copied, quote marks of every kind, names and cues typed) is
 * analysed under one context kept across the edits and compared with an analysis
 * under a fresh context (`analyzeLocal` deep-equal), and its quote marks scanned with
 * the line memo compared with a scan without it. (A context's first run memoises
 * nothing: the fresh analysis reads every line as it stands.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeLocal, ParagraphCache } from '../../src/core/corpus/corpus';
import { findQuotesTraced } from '../../src/core/quotes/quotes';
import { LINE_SCANS, scanQuotes } from '../../src/core/quotes/scan';
import { tokenize } from '../../src/core/quotes/tokens';
import { normalizeEol } from '../../src/core/text/decode';
import { AnalysisContext } from '../../src/core/text/memo';
import { rng } from '../support/rng';

const root = path.resolve(__dirname, '../../..');
const seedDir = path.join(root, 'seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')));

/** What an edit types: quote marks of every kind (straight, curly, single, doubled apostrophes), breaks, names, cues, markup. */
const INSERTS = ['"', '“', '”', '‘', '’', "'", "''", '\n\n', '\n', '\r', '\r\n', ' <tweet id="7">', ' “We are ready,” ', ' he said.', ' Lavrov said',
  ' Sen. Jane Roe', ' the minister', ' Putin', ' officials said', ' “No', ' comment.”', ' ‘Mocking’ ', " '90s", ' Smith Oy', ', a spokeswoman for the agency,',
  ' she told reporters', ' The Harbor Commission', ' Mr. Baxter', ' x'];

/** One random edit: text typed, a stretch deleted or replaced, a character swapped for a mark, a paragraph split, two merged, copied elsewhere or deleted. */
function edit(text: string, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  // Mostly next to a quote mark or a break, where a memo keyed wrongly would show.
  const marks: number[] = [];
  for (let i = 0; i < text.length; i++) if ('“”"‘’\'\n'.includes(text[i])) marks.push(i);
  const at = marks.length && rand() < 0.6 ? Math.min(text.length, pick(marks) + Math.floor(rand() * 3) - 1) : Math.floor(rand() * (text.length + 1));
  const op = rand() < 0.3 ? 6 : Math.floor(rand() * 6);
  // One character swapped for a mark: versions of a line differing in one mark, which a memo keyed on less than the line would mix up.
  if (op === 6) {
    // (Most often a line's first or last character, where a line memo's key is cut.)
    const nl = text.indexOf('\n', at + 1);
    const p = nl > 0 && rand() < 0.7 ? nl - (rand() < 0.5 ? 1 : -1) : at;
    return text.slice(0, p) + pick(['"', '“', '”', '‘', '’', "'", '.', ' ']) + text.slice(p + 1);
  }
  if (op === 0) return text.slice(0, at) + pick(INSERTS) + text.slice(at);
  if (op === 1) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 30));
  if (op === 2) return text.slice(0, at) + pick(INSERTS) + text.slice(at + 1 + Math.floor(rand() * 300));
  if (op === 3) {
    // A paragraph split at a space, or two merged (the break between them deleted).
    const nl = text.indexOf('\n\n', at);
    if (nl >= 0 && rand() < 0.5) return text.slice(0, nl) + (rand() < 0.5 ? ' ' : '\n') + text.slice(nl + 2);
    const sp = text.indexOf(' ', at);
    return sp < 0 ? text : text.slice(0, sp) + '\n\n' + text.slice(sp + 1);
  }
  const paras = text.split('\n\n');
  if (op === 4) paras.splice(Math.floor(rand() * paras.length), 0, paras[Math.floor(rand() * paras.length)]);
  else paras.splice(Math.floor(rand() * paras.length), 1);
  return paras.join('\n\n');
}

describe('the quote stage edited many times', () => {
  it('scans quote marks with the line memo as without it', () => {
    const rand = rng(5);
    const lines = new AnalysisContext().get(LINE_SCANS);
    let text = seeds.join('\n\n');
    let memoHits = 0;
    for (let k = 0; k < 1500; k++) {
      text = edit(text, rand);
      // (Now and then an open quote carried over paragraphs, or a stray closing mark, on purpose.)
      if (k % 7 === 0) text = text.replace(/\n\n“/, '\n\n“Carried on\n\n“and on');
      const before = lines.size;
      assert.deepEqual(scanQuotes(text, lines), scanQuotes(text), `edit ${k}`);
      if (lines.size - before < text.split('\n').length) memoHits++;
    }
    assert.ok(memoHits > 1200, 'the memo serves lines across edits');
  });

  it('tokenises a stretch ending where a quote starts by what its last word reads past the quote mark', () => {
    // A word before a quote may run on into it through marks ("pro-'…", "U.S.'…"): the same
    // stretch before the quote, with other words after the mark, must not share tokens.
    const ctx = new AnalysisContext();
    const tails = ["'Trump' rally", "'Trump-style' rally", "' Trump' rally", "'T.' rally", "'. rally", "'-x' rally", "''Trump'' rally", "'' Trump'' rally", "''. Trump'' rally", '“Trump” rally'];
    const heads = ['He backed a pro-', 'A U.S.', 'the anti-/', 'Smith & ', 'no. '];
    const texts: string[] = [];
    for (const h of heads) for (const t of tails) texts.push(`${h}${t}.\n`, `Next line.\n${h}${t} and more.`);
    for (const text of [...texts, ...texts.reverse()]) {
      const spans = scanQuotes(text);
      const strip = (ts: ReturnType<typeof tokenize>) => ts.map(t => [t.start, t.end, t.w, t.lower, t.cue]);
      assert.deepEqual(strip(tokenize(ctx, text, spans)), strip(tokenize(new AnalysisContext(), text, spans)), text);
    }
  });

  it('memoises nothing on a context\'s first run, and gives what a memoised run gives', () => {
    const rand = rng(9);
    // (Lines repeated in one document, and copies of a document edited: what a line memo would share.)
    const paras = seeds.join('\n\n').split(/\n\s*\n/);
    let text = [...paras, ...paras.slice(0, 20)].join('\n\n');
    for (let k = 0; k < 12; k++) {
      text = edit(text, rand);
      const local = analyzeLocal(new AnalysisContext(), text, new ParagraphCache());
      const first = new AnalysisContext();
      const once = findQuotesTraced(first, text, local.sentences, local.entities);
      assert.equal(first.get(LINE_SCANS).size, 0, `edit ${k}: the first run keeps no line`);
      const again = findQuotesTraced(first, text, local.sentences, local.entities);
      assert.ok(first.get(LINE_SCANS).size > 0, `edit ${k}: a later run keeps its lines`);
      assert.deepEqual(again, once, `edit ${k}`);
      assert.deepEqual(findQuotesTraced(first, text, local.sentences, local.entities), once, `edit ${k}, from the memos`);
      first.clearMemos();
      assert.deepEqual(findQuotesTraced(first, text, local.sentences, local.entities), once, `edit ${k}, emptied`);
      assert.equal(first.get(LINE_SCANS).size, 0, `edit ${k}: emptied, the next run is a first run`);
    }
  });

  it('learns names from a line\'s words before its first quote on a first run as a memoised run does', () => {
    // (The words before the quote are a stretch of their own: read with the quote and the words
    // after it, the line is title case, a headline, and teaches no name.)
    const text = 'Said Ellis: “I don’t think he treats me smart,\'\' Donald J. Trump\'s\n\nLater, Ellis was asked again. “Never,” Ellis said.\n';
    const local = analyzeLocal(new AnalysisContext(), text, new ParagraphCache());
    const ctx = new AnalysisContext();
    const once = findQuotesTraced(ctx, text, local.sentences, local.entities);
    const again = findQuotesTraced(ctx, text, local.sentences, local.entities);
    assert.deepEqual(once, again);
    assert.ok(once.quotes.length >= 2);
  });

  it('gives what a fresh analysis gives, after each edit of a long document', function () {
    this.timeout(600_000);
    const rand = rng(21);
    // A long document of many paragraphs: the seeds, twice over, their paragraphs shuffled in the second copy.
    const paras = seeds.join('\n\n').split(/\n\s*\n/);
    const shuffled = paras.map(p => [rand(), p] as const).sort((a, b) => a[0] - b[0]).map(x => x[1]);
    let text = [...paras, ...shuffled].join('\n\n');
    const ctx = new AnalysisContext();
    const cache = new ParagraphCache();
    analyzeLocal(ctx, text, cache);
    for (let k = 0; k < 60; k++) {
      text = edit(text, rand);
      const got = analyzeLocal(ctx, text, cache);
      const want = analyzeLocal(new AnalysisContext(), text, new ParagraphCache());
      assert.deepEqual(got, want, `edit ${k}`);
      // (Every span's text is the text at its UTF-16 offsets; a speaker's words lie inside the text.)
      for (const q of got.quotes) {
        assert.equal(q.text, text.slice(q.start, q.end));
        if (q.speakerMention) assert.ok(q.speakerMention.start >= 0 && q.speakerMention.start < q.speakerMention.end && q.speakerMention.end <= text.length);
      }
      for (const e of got.entities) assert.equal(e.text, text.slice(e.start, e.end));
    }
  });
});
