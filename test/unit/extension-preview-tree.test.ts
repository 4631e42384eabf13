// The Claims tree after an edit of a huge article, ahead of the exact result: the
// whole lists made from the result last listed and the edit's preview, which holds
// only the items the editor's window shows (src/extension/claims/previewTree.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import type { DocumentResult, Span } from '../../src/core/types';
import { PREVIEW_FROM, summarize, type DocumentPassages, type WindowView } from '../../src/protocol/protocol';
import { editPreview, SliceAnalyser } from '../../src/worker/preview';
import { previewedResult, previewedSummary } from '../../src/extension/claims/previewTree';
import { childNodes, PassageMemo } from '../../src/extension/claims/treeNodes';

const seedsDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => fs.readFileSync(path.join(seedsDir, f), 'utf8').replace(/\r\n?/g, '\n'));

/** Distinct paragraphs of news, a quote said by a new name at the end of each copy. */
function longArticle(chars: number): string {
  const out: string[] = [];
  for (let k = 0, n = 0; n < chars; k++) {
    const t = seeds[k % seeds.length].replace(/\d+/g, d => String(Number(d) + k)) + `\n\n“Copy ${k} is done,” said Mara Quell${k}.\n`;
    out.push(t);
    n += t.length + 2;
  }
  return out.join('\n\n');
}

describe('claims tree: an edit preview of a huge article made whole', function () {
  this.timeout(120_000);
  const slices = new SliceAnalyser();
  const text = longArticle(PREVIEW_FROM + 40_000);
  const corpus = new Corpus({ incremental: false });
  corpus.set('k', text);
  corpus.set('other', `Moscow, Reuters.\n\n${text.slice(text.indexOf('\n\n', 150_000) + 2, text.indexOf('\n\n', 151_000))}\n`);
  const base = corpus.result('k')!;
  const display = (k: string) => k;

  /** The worker's preview of `edited` for an editor showing `visible`, as the push carries it (IndexService.preview). */
  const pushed = (edited: string, visible: Span, version = 8): WindowView => {
    const p = editPreview({ text, result: base }, edited, [visible], (s, e) => slices.analyse('k', edited, s, e))!;
    assert.ok(p, 'an edit preview');
    return {
      key: 'k', version, result: p.result, entitySources: {}, window: [p.window], counts: p.counts, preview: true,
      ...(p.edited.end > p.edited.start ? { edited: p.edited } : {}), movedFrom: { version: 7, delta: p.delta },
    };
  };
  const nodes = (r: DocumentPassages) => childNodes(r, display).map(n => ({ id: n.id, label: n.label, description: n.description, tooltip: n.tooltip }));
  const meets = (s: Span, w: Span) => s.start < w.end && w.start < s.end;

  const at = text.indexOf('\n\n', 120_000);
  const edits: [string, string][] = [
    ['a quote typed into a paragraph', text.slice(0, at) + ' “The convoy turned back at the river,” said Odile Varga.' + text.slice(at)],
    ['a sentence deleted', text.slice(0, at - 200) + text.slice(text.indexOf('. ', at - 200) + 2)],
    ['a new paragraph', text.slice(0, at) + '\n\nThe ministry said 4,000 troops would leave the border by Friday.' + text.slice(at)],
    ['a word at the very start', 'Breaking: ' + text],
  ];
  for (const [what, edited] of edits) {
    it(`lists the same claims and quotes as the whole preview: ${what}`, () => {
      const change = edited.startsWith('Breaking') ? 0 : at;
      const view = pushed(edited, { start: Math.max(0, change - 1_000), end: change + 1_000 });
      assert.ok(view.result.claims.length < base.claims.length / 4, 'the push holds only what the window shows');
      // As the tree lists them: the nodes of the result listed kept by item, so that the moved ones are not made again.
      const memo = new PassageMemo();
      const listedFacts = new Set(childNodes(base, display, memo).map(n => n.facts));
      const made = previewedResult({ version: 7, result: base }, view, memo);
      assert.ok(made, 'made from the result listed');
      const kept = childNodes(made, display, memo);
      assert.deepEqual(kept, childNodes(made, display), 'the nodes kept show what nodes made afresh show');
      assert.ok(kept.filter(n => listedFacts.has(n.facts)).length > kept.length * 0.9, 'most nodes kept');
      // What the editor's preview shows of every part of the page, the tree lists: the page in windows, each the
      // preview of an editor showing it.
      let from = 0;
      for (let tiles = 0; from < edited.length; tiles++) {
        const tile = pushed(edited, { start: from, end: from + 20_000 });
        const w = tile.window[0];
        const within = (s: Span) => meets(s, w);
        assert.deepEqual(nodes({ ...made, claims: made.claims.filter(within), quotes: made.quotes.filter(within) }), nodes(tile.result), `the window ${w.start}-${w.end}`);
        assert.ok(w.end > from && tiles < 100);
        from = w.end;
      }
      assert.equal(made.claims.length, view.counts.claims, "the preview's count of the whole document's claims");
      assert.equal(made.quotes.length, view.counts.quotes);
      const summary = previewedSummary(summarize(base), view);
      const listed = summarize({ ...base, ...made });
      for (const k of ['title', 'quotes', 'claims', 'corroborated', 'disputed'] as const) assert.equal(summary[k], listed[k], `the source's ${k} as listed`);
      if (what.includes('quote typed')) assert.equal(summary.quotes, base.quotes.length + 1, 'the typed quote counted');
      for (const s of [...made.claims, ...made.quotes]) assert.equal(s.text, edited.slice(s.start, s.end), 'every passage is the new text\'s slice');
    });
  }

  it('keeps the links of the claims it moved', () => {
    const edited = edits[0][1];
    const made = previewedResult({ version: 7, result: base }, pushed(edited, { start: at - 1_000, end: at + 1_000 }))!;
    const linked = base.claims.filter(c => c.corroboratedBy.length > 0);
    assert.ok(linked.length > 0, 'the other source corroborates some claims');
    for (const c of linked) {
      const now = made.claims.find(x => x.text === c.text);
      assert.ok(now, `still listed: ${c.text}`);
      assert.deepEqual(now.corroboratedBy, c.corroboratedBy);
    }
  });

  it('is null for another result than the one the preview moved, an opening\'s preview, or a window without the edit', () => {
    const edited = edits[0][1];
    const view = pushed(edited, { start: at - 1_000, end: at + 1_000 });
    assert.equal(previewedResult({ version: 6, result: base }, view), null, 'another version');
    assert.equal(previewedResult({ version: null, result: base }, view), null, 'the file on disk');
    const { movedFrom: _, ...opening } = view;
    assert.equal(previewedResult({ version: 7, result: base }, opening), null);
    assert.equal(previewedResult({ version: 7, result: base }, { ...view, window: [{ start: 0, end: 1_000 }] }), null, 'the edited paragraph not in the window');
  });
});
