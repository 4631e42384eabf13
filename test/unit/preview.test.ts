// The first paint of a huge article: the part on screen analysed alone, sent by the
// worker ahead of the whole analysis (src/worker/preview.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import type { DocumentResult, Span } from '../../src/core/types';
import { contextOf } from '../../src/core/annotations/anchor';
import { PREVIEW_FROM } from '../../src/protocol/protocol';
import { changeBetween, editPreview, MAX_EDITED, PREVIEW_MARGIN, previewRange, previewView, shiftResult, SliceAnalyser, visitNear } from '../../src/worker/preview';
import { rng } from '../support/rng';
import { testConnection } from '../support/worker';
import { IndexService } from '../../src/worker/IndexService';

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

/** A worker connection that notes, in order, its previews and the changes of 'k/huge.txt'. */
function orderedConnection() {
  const order: string[] = [];
  const c = testConnection({
    on: {
      pushes: {
        skips: () => undefined,
        changed: ch => { if (ch.keys.includes('k/huge.txt')) order.push('changed'); },
        problem: () => undefined,
        preview: () => { order.push('preview'); },
      },
    },
  });
  return { ...c, order };
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
    const slices = new SliceAnalyser();
    for (const text of texts) {
      const c = new Corpus({ incremental: false });
      c.set('k', text);
      const result = c.result('k')!;
      for (const at of [0, Math.floor(text.length / 2), text.length]) {
        const v = previewView('k', 1, text, [{ start: at, end: at + 100 }]);
        assert.ok(v, 'a preview');
        for (const s of spansOf(v.result)) if (s.text !== undefined) assert.equal(s.text, text.slice(s.span.start, s.span.end), s.what);
        // And an edit there: a quote mark and a lone surrogate typed, a character deleted.
        for (const next of [text.slice(0, at) + '“\ud800' + text.slice(at), text.slice(0, at) + text.slice(at + 1)]) {
          const p = editPreview({ text, result }, next, [{ start: at, end: at + 100 }], (s, e) => slices.analyse('k', next, s, e));
          if (next === text || next.length < PREVIEW_FROM) continue; // (no preview: not huge any more)
          assert.ok(p, 'an edit preview');
          for (const s of spansOf(p.result)) if (s.text !== undefined) assert.equal(s.text, next.slice(s.span.start, s.span.end), `edited: ${s.what}`);
        }
      }
    }
  });

  it('visits, in order and once each, every item of a list in text order that may meet one of some ranges', () => {
    const rand = rng(21);
    const int = (n: number) => Math.floor(rand() * n);
    for (let round = 0; round < 200; round++) {
      const list: Span[] = Array.from({ length: int(40) }, () => {
        const start = int(500);
        return { start, end: start + (int(10) ? int(30) : int(400)) };
      }).sort((a, b) => a.start - b.start);
      let max = -Infinity;
      const reach = Float64Array.from(list, x => (max = Math.max(max, x.end)));
      const ranges = Array.from({ length: 1 + int(3) }, () => {
        const from = int(600) - 50;
        return [from, from + int(80) - 10] as [number, number];
      });
      const seen: number[] = [];
      visitNear(list, reach, ranges, k => seen.push(k));
      assert.deepEqual(seen, [...new Set(seen)].sort((a, b) => a - b), 'ascending, once each');
      const meets = (x: Span) => ranges.some(([from, to]) => from <= to && x.end >= from && x.start <= to);
      for (let k = 0; k < list.length; k++) if (meets(list[k])) assert.ok(seen.includes(k), `round ${round}: item ${k} visited`);
      const all: number[] = [];
      visitNear(list, null, ranges, k => all.push(k));
      assert.deepEqual(all, list.map((_, k) => k), 'a list out of order: every item');
    }
  });

  it('an edit\'s preview visits only the items near the edit and the window, and makes what reading every item makes', () => {
    const text = longArticle(PREVIEW_FROM + 40_000);
    const c = new Corpus({ incremental: false });
    c.set('k', text);
    const result = c.result('k')!;
    // The same result with the first two items of each list swapped: out of order, so that every item is read.
    const swapped = <T>(xs: readonly T[]) => (xs.length > 1 ? [xs[1], xs[0], ...xs.slice(2)] : [...xs]);
    const unordered: DocumentResult = { ...result, quotes: swapped(result.quotes), claims: swapped(result.claims), entities: swapped(result.entities) };
    assert.ok(result.claims.length > 100 && result.entities.length > 100 && result.quotes.length > 10);
    for (const xs of [result.quotes, result.claims, result.entities]) assert.ok(xs[0].start < xs[1].start, 'swapped, out of order');
    const rand = rng(4);
    const slices = new SliceAnalyser();
    let compared = 0;
    for (let t = 0; t < 12; t++) {
      // Edits in the second half (the swapped items stay far from them), and a window at or away from the edit.
      const at = Math.floor(text.length / 2 + rand() * (text.length / 2 - 100));
      const edits = [text.slice(0, at) + ' “The river rose,” she said. ' + text.slice(at), text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 300))];
      for (const next of edits) {
        const visible = [t % 3 ? { start: at - 500, end: at + 500 } : { start: 1_000, end: 3_000 }];
        const analyse = (s: number, e: number) => slices.analyse('k', next, s, e);
        const near = editPreview({ text, result }, next, visible, analyse);
        const every = editPreview({ text, result: unordered }, next, visible, analyse);
        assert.deepEqual(near, every, `edit at ${at}`);
        if (near) compared++;
      }
    }
    assert.ok(compared > 10, `previews compared: ${compared}`);
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
    const { conn, idle, seen, order } = orderedConnection();
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

describe('preview of an edit: the last result moved past the edit, the edited paragraphs analysed again', function () {
  this.timeout(120_000);
  const slices = new SliceAnalyser();
  const exactOf = (text: string) => {
    const c = new Corpus({ incremental: false });
    c.set('k', text);
    return c.result('k')!;
  };
  const previewOf = (before: { text: string; result: DocumentResult }, text: string, visible: Span) =>
    editPreview(before, text, [visible], (s, e) => slices.analyse('k', text, s, e));
  const quoteKey = (q: { start: number; end: number; speaker: string | null }) => `${q.start}:${q.end}:${q.speaker}`;

  it('finds where two texts differ, never inside a surrogate pair', () => {
    assert.equal(changeBetween('same', 'same'), null);
    assert.deepEqual(changeBetween('abcdef', 'abXYdef'), { start: 2, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changeBetween('abcdef', 'abef'), { start: 2, oldEnd: 4, newEnd: 2 });
    assert.deepEqual(changeBetween('abc', 'Zabc'), { start: 0, oldEnd: 0, newEnd: 1 });
    assert.deepEqual(changeBetween('abc', 'abcZ'), { start: 3, oldEnd: 3, newEnd: 4 });
    // "aa" -> "aaa": the common start is taken first, the end only from what is left.
    assert.deepEqual(changeBetween('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3 });
    // 😀 (D83D DE00) -> 😁 (D83D DE01): the high halves agree, the pair changed whole.
    assert.deepEqual(changeBetween('x\u{1F600}y', 'x\u{1F601}y'), { start: 1, oldEnd: 3, newEnd: 3 });
    // 🙂 (D83D DE42) -> 😂 (D83D DE02) after a long equal run: the block comparison agrees with the character one.
    const long = 'w'.repeat(10_000);
    assert.deepEqual(changeBetween(long + '\u{1F642}' + long, long + '\u{1F602}' + long), { start: 10_000, oldEnd: 10_002, newEnd: 10_002 });
    assert.deepEqual(changeBetween(long + 'a' + long, long + long), { start: 10_000, oldEnd: 10_001, newEnd: 10_000 });
  });

  it("keeps every span the document's own slice, and what lies outside the edited paragraphs as the exact result has it", () => {
    let text = longArticle(PREVIEW_FROM + 30_000);
    let result = exactOf(text);
    const rand = rng(9);
    const edits: [string, (t: string, at: number) => string][] = [
      ['a word typed', (t, at) => t.slice(0, at) + ' reportedly' + t.slice(at)],
      ['a sentence with a new quote', (t, at) => t.slice(0, at) + ' “We will not back down,” said Dana Whitcombe.' + t.slice(at)],
      ['a new paragraph', (t, at) => t.slice(0, at) + '\n\nA new paragraph about the talks in Geneva, written now.\n\n' + t.slice(at)],
      ['a stretch deleted', (t, at) => t.slice(0, at) + t.slice(at + 400)],
      ['two paragraphs joined', (t, at) => { const b = t.indexOf('\n\n', at); return b < 0 ? t : t.slice(0, b) + ' ' + t.slice(b + 2); }],
      ['at the very start', t => 'Updated: ' + t],
      ['at the very end', t => t + '\n\nAn editor’s note added at the end.'],
    ];
    for (const [what, edit] of edits) {
      const space = text.indexOf(' ', 40_000 + Math.floor(rand() * (text.length - 80_000)));
      const next = edit(text, space);
      const at = changeBetween(text, next)!.start;
      const visible = { start: Math.max(0, at - 1_500), end: at + 1_500 };
      const p = previewOf({ text, result }, next, visible)!;
      assert.ok(p, `${what}: a preview`);
      const exact = exactOf(next);
      const w = p.window;
      for (const s of spansOf(p.result)) {
        if (s.text !== undefined) assert.equal(s.text, next.slice(s.span.start, s.span.end), `${what}: ${s.what} at ${s.span.start}`);
        assert.ok(s.span.start < w.end && w.start < s.span.end || s.what === 'speaker mention' || s.what === 'repeat copy', `${what}: ${s.what} inside the window`);
      }
      assert.ok(p.edited.start <= at && at <= p.edited.end, `${what}: the edit is in the part analysed again`);
      // Outside the edited paragraphs, in the window: the exact result's quotes, offsets and speakers.
      const away = (q: Span) => q.end <= p.edited.start - 100 || q.start >= p.edited.end + 100;
      const inW = (q: Span) => q.start >= w.start && q.end <= w.end;
      const mine = p.result.quotes.filter(q => away(q) && inW(q)).map(quoteKey);
      const theirs = exact.quotes.filter(q => away(q) && inW(q)).map(quoteKey);
      assert.ok(theirs.length > 3, `${what}: the window has quotes away from the edit`);
      assert.deepEqual(mine, theirs, `${what}: quotes away from the edit`);
      assert.equal(p.result.length, next.length);
      assert.equal(p.counts.quotes, exact.quotes.length, `${what}: the whole document's quote count`);
      text = next;
      result = exact;
    }
  });

  it('shows a quote typed into a paragraph with its speaker, and drops one deleted', () => {
    const text = longArticle(PREVIEW_FROM + 20_000);
    const result = exactOf(text);
    const at = text.indexOf('\n\n', 100_000) + 2;
    const added = text.slice(0, at) + 'Talks resumed on Monday. “The border stays open for now,” said Ilse Marrow, the envoy.\n\n' + text.slice(at);
    const p = previewOf({ text, result }, added, { start: at - 1_000, end: at + 1_000 })!;
    const q = p.result.quotes.find(x => x.text.includes('The border stays open'));
    assert.ok(q, 'the new quote is shown');
    assert.match(q.speaker ?? '', /Ilse Marrow/);
    assert.equal(added.slice(q.speakerMention!.start, q.speakerMention!.end), 'Ilse Marrow');
    // When the new analysis names no speaker for the same words: the old one stays while the words that named it
    // stand, and goes with them. (The slice's analysis is made to find no speaker, so that the rule alone decides.)
    const addedResult = exactOf(added);
    const nameless = (t: string) => (s: number, e: number) => {
      const r = slices.analyse('k', t, s, e);
      return { ...r, quotes: r.quotes.map(x => ({ ...x, speaker: null, speakerType: null, speakerMention: null })) };
    };
    const speakerOf = (r: DocumentResult) => r.quotes.find(x => x.text.includes('The border stays open'))?.speaker;
    const retimed = added.replace('Talks resumed on Monday.', 'Talks resumed on Tuesday.');
    const kept = editPreview({ text: added, result: addedResult }, retimed, [{ start: at - 1_000, end: at + 1_000 }], nameless(retimed))!;
    assert.equal(speakerOf(kept.result), 'Ilse Marrow', 'the naming words stand: the speaker stays');
    const unnamed = added.replace('” said Ilse Marrow, the envoy.', '”');
    const dropped = editPreview({ text: added, result: addedResult }, unnamed, [{ start: at - 1_000, end: at + 1_000 }], nameless(unnamed))!;
    assert.equal(speakerOf(dropped.result), null, 'the naming words deleted: so is the speaker');
    // And back: the paragraph deleted again, from the exact result of the text with it.
    const p2 = previewOf({ text: added, result: addedResult }, text, { start: at - 1_000, end: at + 1_000 })!;
    assert.ok(!p2.result.quotes.some(x => x.text.includes('The border stays open')), 'the deleted quote is gone');
    assert.deepEqual(p2.result.quotes.map(quoteKey), result.quotes.filter(x => x.start < p2.window.end && p2.window.start < x.end).map(quoteKey), 'the rest as before the quote was added');
  });

  it('reads the title again when the first paragraph is edited, and counts the whole document when the edit is off screen', () => {
    const text = 'Talks stall at the border\n\n' + longArticle(PREVIEW_FROM + 10_000);
    const result = exactOf(text);
    const retitled = text.replace('Talks stall at the border', 'Talks resume at the border');
    const p = previewOf({ text, result }, retitled, { start: 0, end: 2_000 })!;
    assert.equal(p.result.title, exactOf(retitled).title);
    assert.notEqual(p.result.title, result.title);
    // A quote typed far below what the editor shows: nothing of it in the window, but in the counts.
    const at = text.indexOf('\n\n', 150_000) + 2;
    const typed = text.slice(0, at) + '“We hold the line,” said Ilse Marrow.\n\n' + text.slice(at);
    const off = previewOf({ text, result }, typed, { start: 10_000, end: 12_000 })!;
    assert.ok(!off.result.quotes.some(q => q.text.includes('We hold the line')));
    assert.equal(off.counts.quotes, exactOf(typed).quotes.length);
    assert.equal(off.counts.claims, exactOf(typed).claims.length);
  });

  it("gives a claim whose speaker changed none of its old links, though its words stand", () => {
    const quote = '“We will pull the last units out by Friday.”';
    const text = longArticle(PREVIEW_FROM + 20_000);
    const at = text.indexOf('\n\n', 90_000) + 2;
    const huge = text.slice(0, at) + `Some text first. Ilse Marrow spoke next. ${quote}\n\n` + text.slice(at);
    const c = new Corpus({ incremental: false });
    c.set('k', huge);
    c.set('other', `Moscow, Reuters.\n\nIlse Marrow spoke. ${quote}\n`);
    const result = c.result('k')!;
    const linked = result.claims.find(x => x.text === quote)!;
    assert.ok(linked.corroboratedBy.some(l => l.path === 'other'), 'the quote claim is corroborated');
    const other = huge.replace('Ilse Marrow spoke next.', 'Odile Varga spoke next.');
    const p = previewOf({ text: huge, result }, other, { start: at - 500, end: at + 500 })!;
    const shown = p.result.claims.find(x => x.text === quote)!;
    assert.ok(shown, 'the claim is shown');
    assert.deepEqual(shown.corroboratedBy, [], 'without the links its old speaker had');
  });

  it("keeps an unchanged claim's links to other sources, and gives a reworded one none", () => {
    const shared = 'The ministry said 4,000 troops would leave the border region by Friday.';
    const text = longArticle(PREVIEW_FROM + 20_000);
    const at = text.indexOf('\n\n', 90_000) + 2;
    const huge = text.slice(0, at) + `${shared} Officials gave no reason for the timing.\n\n` + text.slice(at);
    const c = new Corpus({ incremental: false });
    c.set('k', huge);
    c.set('other', `Moscow, Reuters.\n\n${shared}\n`);
    const result = c.result('k')!;
    // (A claim's text leaves the sentence's full stop out.)
    const linked = result.claims.find(x => x.text === shared.slice(0, -1));
    assert.ok(linked && linked.corroboratedBy.some(l => l.path === 'other'), 'the claim is corroborated by the other source');
    // A word changed in the next sentence of the same paragraph: the shared claim's text is as it was.
    const edited = huge.replace('gave no reason for the timing', 'gave no reason at all for the timing');
    const p = previewOf({ text: huge, result }, edited, { start: at - 500, end: at + 500 })!;
    const kept = p.result.claims.find(x => x.text === linked.text)!;
    assert.ok(kept, 'the claim is shown');
    assert.deepEqual(kept.corroboratedBy.map(l => l.path), linked.corroboratedBy.map(l => l.path), 'with its links');
    assert.equal(kept.status, linked.status);
    // The shared claim itself reworded: no link is claimed for words the other source never had.
    const reworded = huge.replace(shared, shared.replace('4,000 troops', '5,500 soldiers'));
    const p2 = previewOf({ text: huge, result }, reworded, { start: at - 500, end: at + 500 })!;
    const changed = p2.result.claims.find(x => x.text.includes('5,500 soldiers'));
    assert.ok(changed, 'the reworded claim is shown');
    assert.deepEqual(changed.corroboratedBy, [], 'without the old links');
  });

  it('is null for a short text or nothing visible, and the last result itself for the text it is of', () => {
    const text = longArticle(PREVIEW_FROM + 10_000);
    const result = exactOf(text);
    const v = { start: 1_000, end: 2_000 };
    // (An edit undone before the next result was shown.)
    const same = editPreview({ text, result }, text, [v], () => { throw new Error('not analysed'); })!;
    assert.deepEqual(same.result.quotes, result.quotes.filter(q => q.start < same.window.end && same.window.start < q.end), 'no change: the last result');
    assert.equal(same.counts.quotes, result.quotes.length);
    assert.equal(editPreview({ text, result }, text + 'x', [], () => { throw new Error('not analysed'); }), null, 'nothing visible');
    const short = seeds[0];
    assert.equal(previewOf({ text: short, result: exactOf(short) }, short + ' More.', v), null, 'a short text');
    // A paste of pages: more than MAX_EDITED characters changed, so the last result is no start.
    const pasted = text.slice(0, 50_000) + text.slice(60_000, 60_000 + MAX_EDITED + 1) + text.slice(50_000);
    assert.equal(editPreview({ text, result }, pasted, [v], () => { throw new Error('not analysed'); }), null, 'a paste of pages');
    assert.ok(previewOf({ text, result }, text.slice(0, 50_000) + text.slice(60_000, 60_000 + MAX_EDITED - 100) + text.slice(50_000), v), 'a long paragraph pasted');
  });

  it("is run once and thrown away when a huge open document is first shown, which changes no edit's preview", () => {
    const text = longArticle(PREVIEW_FROM + 20_000);
    const visible = [{ start: 150_000, end: 153_000 }];
    const at = text.indexOf(' ', 151_000);
    const next = text.slice(0, at) + ' “We expect more talks,” said Rafe Lindqvist.' + text.slice(at);
    const previews = [true, false].map(warm => {
      const svc = new IndexService();
      svc.setOpen('k/short.txt', seeds[0], 1);
      svc.windows([{ key: 'k/short.txt', ranges: [{ start: 0, end: 100 }] }]);
      assert.equal(svc.warmUpOwed, false, 'a short document: no preview to warm');
      svc.setOpen('k/huge.txt', text, 1);
      assert.equal(svc.warmUpOwed, false, 'not shown yet');
      svc.windows([{ key: 'k/huge.txt', ranges: visible }]);
      assert.equal(svc.warmUpOwed, true, 'shown in an editor');
      if (warm) {
        svc.warmUp();
        svc.windows([{ key: 'k/huge.txt', ranges: visible }]);
        assert.equal(svc.warmUpOwed, false, 'once per worker');
      }
      const p = svc.preview('k/huge.txt', 2, next, visible);
      assert.equal(svc.warmUpOwed, false, "an edit's preview ran: none owed");
      return p;
    });
    assert.ok(previews[0]?.edited, "an edit's preview");
    assert.deepEqual(previews[0], previews[1], 'the same preview, warmed up or not');
  });

  it('the worker pushes an edit preview ahead of the exact result, from the last result its editor was sent', async () => {
    const { conn, idle, seen, order } = orderedConnection();
    try {
      const text = longArticle(PREVIEW_FROM + 20_000);
      const visible = { start: 150_000, end: 153_000 };
      conn.notify('set', { key: 'k/huge.txt', text, version: 1, visible: [visible] });
      await idle.whenIdle();
      // As the editor does: its window fetched (what the next preview starts from).
      const [shown] = await conn.request('windows', { docs: [{ key: 'k/huge.txt', ranges: [{ start: 130_000, end: 175_000 }] }] });
      const at = text.indexOf(' ', 151_000);
      const next = text.slice(0, at) + ' “We expect more talks,” said Rafe Lindqvist.' + text.slice(at);
      order.length = 0;
      conn.notify('set', { key: 'k/huge.txt', text: next, version: 2, visible: [visible] });
      await idle.whenIdle();
      const [whole] = await conn.request('documents', { keys: ['k/huge.txt'] });
      assert.equal(seen.previews.length, 2, 'one preview when opened, one for the edit');
      assert.deepEqual(order.slice(0, 2), ['preview', 'changed'], 'the edit preview comes first');
      const p = seen.previews[1];
      assert.equal(p.version, 2);
      assert.ok(p.preview);
      assert.equal(seen.previews[0].edited, undefined, "the opening's preview is the part shown analysed alone");
      assert.ok(p.edited && p.edited.start <= at && at < p.edited.end && p.edited.end - p.edited.start < 10_000, `the edit's preview says which part it analysed again: ${JSON.stringify(p.edited)}`);
      assert.ok(p.result.quotes.some(q => q.text.includes('We expect more talks') && q.speaker === 'Rafe Lindqvist'), 'the typed quote, with its speaker');
      // Away from the edit, the quotes are the last exact result's, moved: as the new exact result has them.
      const delta = next.length - text.length;
      const far = (q: Span) => q.end < at - 3_000 || q.start > at + 3_000;
      const inP = new Set(p.result.quotes.filter(far).map(quoteKey));
      const moved = shown.result.quotes.filter(q => q.start > at + 3_000 && q.end + delta <= p.window[0].end).map(q => quoteKey({ ...q, start: q.start + delta, end: q.end + delta }));
      assert.ok(moved.length > 3 && moved.every(k => inP.has(k)), 'the quotes after the edit, moved with it');
      const exact = new Set(whole.result.quotes.map(quoteKey));
      assert.ok([...inP].every(k => exact.has(k)), 'each as the exact result has it');
      assert.equal(p.counts.quotes, whole.result.quotes.length);
      assert.deepEqual(seen.problems, []);
    } finally {
      conn.stop('done');
    }
  });
});
