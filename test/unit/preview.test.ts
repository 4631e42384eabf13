// The first paint of a huge article: the part on screen analysed alone, sent by the
// worker ahead of the whole analysis (src/worker/preview.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import type { DocumentResult, Span } from '../../src/core/types';
import { contextOf } from '../../src/core/annotations/anchor';
import { PREVIEW_FROM } from '../../src/protocol/protocol';
import { PREVIEW_MARGIN, previewRange, previewView, shiftResult } from '../../src/worker/preview';
import { testConnection } from '../support/worker';

const seedsDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => fs.readFileSync(path.join(seedsDir, f), 'utf8').replace(/\r\n?/g, '\n'));

/** A long article of distinct paragraphs: the seeds, each copy's names and numbers changed so nothing repeats exactly. */
function longArticle(chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < chars; k++) {
    const t = seeds[k % seeds.length].replace(/\d+/g, d => String(Number(d) + k)) + `\n\nCopy ${k} ends here, said Mara Quell${k}.\n`;
    out.push(t);
    n += t.length + 2;
  }
  return out.join('\n\n');
}

/** Every span of a result with the text it must equal. */
function spansOf(r: DocumentResult): { span: Span; text?: string; what: string }[] {
  const out: { span: Span; text?: string; what: string }[] = [];
  for (const q of r.quotes) {
    out.push({ span: q, text: q.text, what: 'quote' });
    if (q.speakerMention) out.push({ span: q.speakerMention, what: 'speaker mention' });
  }
  for (const e of r.entities) out.push({ span: e, text: e.text, what: 'entity' });
  for (const c of r.claims) out.push({ span: c, text: c.text, what: 'claim' });
  for (const d of r.duplicates) {
    out.push({ span: d, text: d.text, what: 'duplicate' });
    if (d.other.path === r.path) out.push({ span: d.other, what: 'repeat copy' });
  }
  return out;
}

describe('preview: the part on screen of a huge article, analysed first', function () {
  this.timeout(60_000);

  it('covers what is visible plus a margin, widened to paragraph breaks, and is null for a short text', () => {
    const text = longArticle(PREVIEW_FROM + 50_000);
    assert.equal(previewRange(text.slice(0, PREVIEW_FROM - 1), [{ start: 0, end: 100 }]), null, 'short texts are analysed whole');
    assert.equal(previewRange(text, []), null, 'nothing visible');
    const visible = { start: 100_000, end: 103_000 };
    const r = previewRange(text, [visible])!;
    assert.ok(r.start <= visible.start - PREVIEW_MARGIN && r.end >= visible.end + PREVIEW_MARGIN, JSON.stringify(r));
    assert.ok(r.end - r.start < visible.end - visible.start + 2 * PREVIEW_MARGIN + 10_000, 'not much more than asked');
    assert.equal(text.slice(r.start - 2, r.start), '\n\n', 'starts at a paragraph');
    assert.equal(text.slice(r.end, r.end + 2), '\n\n', 'ends at a paragraph break');
    const top = previewRange(text, [{ start: 0, end: 0 }])!;
    assert.equal(top.start, 0);
    const bottom = previewRange(text, [{ start: text.length, end: text.length + 5 }])!;
    assert.equal(bottom.end, text.length, 'offsets past the end are clamped');
  });

  it('cuts no word when paragraphs are single lines or end in CRLF, and its quotes away from the edges are the whole analysis’s', () => {
    const base = longArticle(PREVIEW_FROM + 30_000);
    const texts = { 'single newlines': base.replace(/\n\n/g, '\n'), CRLF: base.replace(/\n/g, '\r\n'), 'one line': base.replace(/\n+/g, ' ') };
    for (const [name, text] of Object.entries(texts)) {
      const whole = new Corpus({ incremental: false });
      whole.set('k', text);
      const known = new Set(whole.result('k')!.quotes.map(q => `${q.start}:${q.end}`));
      for (const at of [100_000, 140_001]) {
        const view = previewView('k', null, text, [{ start: at, end: at + 3_000 }])!;
        const [w] = view.window;
        assert.ok(w.start === 0 || /\s/.test(text[w.start - 1]), `${name}: starts after white space, not in "${text.slice(w.start - 10, w.start + 10)}"`);
        assert.ok(w.end === text.length || /\s/.test(text[w.end]), `${name}: ends before white space, not in "${text.slice(w.end - 10, w.end + 10)}"`);
        const inner = view.result.quotes.filter(q => q.start > w.start + 3_000 && q.end < w.end - 3_000);
        assert.ok(inner.length > 3, `${name}: quotes inside the window`);
        for (const q of inner) assert.ok(known.has(`${q.start}:${q.end}`), `${name}: the preview's quote ${JSON.stringify(q.text)} is one the whole analysis has`);
      }
    }
  });

  it('never cuts a surrogate pair, even with no paragraph break near', () => {
    const text = '😀'.repeat(PREVIEW_FROM); // one line, no break: the window ends where the margin ends
    for (const at of [50_001, 50_002, 77_777]) {
      const r = previewRange(text, [{ start: at, end: at + 1 }])!;
      assert.equal(r.start % 2, 0, `start ${r.start}`);
      assert.equal(r.end % 2, 0, `end ${r.end}`);
    }
  });

  it("gives spans whose text is the document's own slice at the document's offsets, inside the window", () => {
    const text = longArticle(PREVIEW_FROM + 30_000);
    for (const visible of [{ start: 0, end: 2_000 }, { start: 150_000, end: 154_000 }, { start: text.length - 500, end: text.length }]) {
      const view = previewView('k/huge.txt', 7, text, [visible])!;
      assert.ok(view.preview);
      assert.equal(view.version, 7);
      assert.equal(view.result.length, text.length);
      const [w] = view.window;
      const spans = spansOf(view.result);
      assert.ok(view.result.quotes.length > 0 && view.result.entities.length > 0 && view.result.claims.length > 0, 'the window has quotes, entities and claims');
      for (const s of spans) {
        assert.ok(w.start <= s.span.start && s.span.end <= w.end, `${s.what} ${JSON.stringify(s.span)} inside ${JSON.stringify(w)}`);
        if (s.text !== undefined) assert.equal(s.text, text.slice(s.span.start, s.span.end), `${s.what} at ${s.span.start}`);
      }
      assert.equal(view.counts.quotes, view.result.quotes.length);
    }
  });

  it("finds the quotes the whole analysis finds in the window's paragraphs", () => {
    const text = longArticle(PREVIEW_FROM + 30_000);
    const corpus = new Corpus({ incremental: false });
    corpus.set('k', text);
    const whole = corpus.result('k')!;
    const view = previewView('k', null, text, [{ start: 120_000, end: 124_000 }])!;
    const [w] = view.window;
    const key = (s: Span) => `${s.start}:${s.end}`;
    const inWindow = new Set(whole.quotes.filter(q => w.start <= q.start && q.end <= w.end).map(key));
    const found = view.result.quotes.map(key);
    assert.ok(inWindow.size > 5, `the window holds quotes: ${inWindow.size}`);
    const same = found.filter(k => inWindow.has(k)).length;
    assert.equal(same, inWindow.size, `every quote of the window found again (${same} of ${inWindow.size}; the preview has ${found.length})`);
  });

  it('survives hostile huge texts: one line of quote marks, lone surrogates, control characters, one repeated paragraph', () => {
    const texts = [
      '"'.repeat(PREVIEW_FROM + 10),
      '\ud800a\udc00 '.repeat(PREVIEW_FROM / 4),
      '\u0001\u0007\t\u000b'.repeat(PREVIEW_FROM / 4),
      ('“Same words again,” she said.\n\n').repeat(PREVIEW_FROM / 30),
    ];
    for (const text of texts) {
      for (const at of [0, Math.floor(text.length / 2), text.length]) {
        const v = previewView('k', 1, text, [{ start: at, end: at + 100 }]);
        assert.ok(v, 'a preview');
        for (const s of spansOf(v.result)) if (s.text !== undefined) assert.equal(s.text, text.slice(s.span.start, s.span.end), s.what);
      }
    }
  });

  it('shifts a repeat within the slice with it, and leaves other documents alone', () => {
    const r: DocumentResult = {
      path: 'p', length: 10, title: 't', truncated: null, quotes: [], entities: [], claims: [],
      duplicates: [
        { start: 1, end: 3, other: { path: 'p', start: 5, end: 7 }, kind: 'repeat', label: 'verbatim', similarity: 1, boilerplate: false },
        { start: 1, end: 3, other: { path: 'q', start: 5, end: 7 }, kind: 'shared', label: 'verbatim', similarity: 1, boilerplate: false },
      ],
    };
    const s = shiftResult(r, 100, 500);
    assert.deepEqual(s.duplicates.map(d => [d.start, d.other.start]), [[101, 105], [101, 5]]);
    assert.equal(s.length, 500);
    assert.equal(s.title, null);
    assert.equal(r.duplicates[0].start, 1, 'the input is not changed');
  });

  it('the worker pushes a preview ahead of the whole analysis of a huge opened text, and none for a short text or a text it holds', async () => {
    const order: string[] = [];
    const { conn, idle, seen } = testConnection({
      on: {
        pushes: {
          skips: () => undefined,
          changed: c => { if (c.keys.includes('k/huge.txt')) order.push('changed'); },
          problem: () => undefined,
          preview: () => { order.push('preview'); },
        },
      },
    });
    try {
      const text = longArticle(PREVIEW_FROM + 20_000);
      const seq = conn.notify('set', { key: 'k/huge.txt', text, version: 3, visible: [{ start: 60_000, end: 62_000 }] });
      assert.ok(seq > 0);
      await idle.whenIdle();
      const [whole] = await conn.request('documents', { keys: ['k/huge.txt'] });
      assert.equal(seen.previews.length, 1, 'one preview');
      const p = seen.previews[0];
      assert.deepEqual(order, ['preview', 'changed'], 'the preview comes first');
      assert.equal(p.key, 'k/huge.txt');
      assert.equal(p.version, 3);
      assert.ok(p.preview);
      assert.ok(p.window[0].start <= 60_000 - PREVIEW_MARGIN && p.window[0].end >= 62_000 + PREVIEW_MARGIN);
      const wholeQuotes = new Set(whole.result.quotes.map(q => `${q.start}:${q.end}`));
      assert.ok(p.result.quotes.some(q => wholeQuotes.has(`${q.start}:${q.end}`)), "the preview's quotes are the document's");

      conn.notify('set', { key: 'k/huge.txt', text, version: 4, visible: [{ start: 0, end: 10 }] });
      conn.notify('set', { key: 'k/small.txt', text: seeds[0], version: 1, visible: [{ start: 0, end: 10 }] });
      conn.notify('set', { key: 'k/other.txt', text: text + 'x', version: 1 });
      await idle.whenIdle();
      await conn.request('documents', { keys: ['k/small.txt'] });
      assert.equal(seen.previews.length, 1, 'no preview for the text the worker holds, a short text, or without what is visible');
      assert.deepEqual(seen.problems, []);
    } finally {
      conn.stop('done');
    }
  });

  it("applies the reader's corrections to the preview, as to the whole analysis", async () => {
    const { conn, idle, seen } = testConnection();
    try {
      const text = longArticle(PREVIEW_FROM + 20_000);
      const first = previewView('k', null, text, [{ start: 0, end: 2_000 }])!.result.quotes[0];
      assert.ok(first, 'a quote at the top');
      const anchor = { path: 'huge.txt', text: first.text, ...contextOf(text, first) };
      conn.notify('configure', {
        maxFileSize: 5_000_000,
        annotations: { annotations: { version: 1, sources: [], aliases: [], corrections: [{ kind: 'not-quote', ...anchor }] }, keys: { 'huge.txt': 'k/huge.txt' } },
      });
      conn.notify('set', { key: 'k/huge.txt', text, version: 1, visible: [{ start: 0, end: 2_000 }] });
      await idle.whenIdle();
      const [whole] = await conn.request('documents', { keys: ['k/huge.txt'] });
      const at = (q: Span) => q.start === first.start && q.end === first.end;
      assert.equal(seen.previews.length, 1);
      assert.ok(!whole.result.quotes.some(at), 'the whole analysis drops the quote the reader rejected');
      assert.ok(!seen.previews[0].result.quotes.some(at), 'so does the preview');
      assert.ok(seen.previews[0].result.quotes.length > 0, 'and keeps the others');
    } finally {
      conn.stop('done');
    }
  });
});
