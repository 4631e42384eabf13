/**
 * The quote linker revises a changed document quote by quote: a quote whose speaker,
 * words and frame are the same keeps its links (and is not looked up again), even
 * when it moved; the links after any edit are those of a fresh linker.
 */
import assert from 'node:assert/strict';
import { FRAGMENT_MIN, QuoteLinker, type QuoteDoc } from '../../src/core/corpus/quoteLinks';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Quote, Sentence } from '../../src/core/types';
import { rng } from '../support/rng';

const SPEAKERS = ['Maria Lopez', 'John Reyes', 'Ann Walsh'];
const WORDS = ['budget', 'bridge', 'winter', 'council', 'taxes', 'schools', 'roads', 'water', 'ferry', 'harbour', 'clinic', 'library', 'tunnel', 'orchard'];
// Frames of several content words, so that the frame test (short quotes with the same frame) decides some links.
const FRAMES = ['at the harbour council hearing on Tuesday evening', 'to reporters outside the county clinic on Friday', 'in a written statement about the harbour tunnel', 'at the county council budget hearing on Friday'];

interface Said { words: string[]; speaker: string; frame: string }

function sentence(q: Said): string {
  return `“${q.words.join(' ')},” ${q.speaker} said ${q.frame}.`;
}

/** A document of quotes, one sentence each, with its quotes and sentences placed. */
function doc(path: string, said: readonly Said[], key: unknown): QuoteDoc {
  let text = '';
  const quotes: Quote[] = [];
  const sentences: Sentence[] = [];
  for (const q of said) {
    const start = text.length;
    const s = sentence(q);
    const end = start + s.indexOf('”') + 1;
    quotes.push({
      start, end, text: s.slice(0, end - start), speaker: q.speaker, speakerType: 'PERSON', speakerMention: null, cue: 'said',
      partial: false, uncertain: false, group: null, variants: [],
    } as Quote);
    sentences.push({ start, end: start + s.length, paragraph: sentences.length });
    text += s + '\n\n';
  }
  return { path, quotes, text, sentences, key };
}

/** Every link of the documents' quotes, by place, as sorted lines. */
function links(docs: readonly QuoteDoc[]): string[] {
  const out: string[] = [];
  for (const d of docs) for (const q of d.quotes) {
    for (const v of q.variants) out.push(`${d.path}@${q.start} variant ${v.path}@${v.start}-${v.end} ${v.identical}`);
    for (const c of q.attributedElsewhere ?? []) out.push(`${d.path}@${q.start} conflict ${c.path}@${c.start}-${c.end}`);
    out.push(`${d.path}@${q.start} group size ${q.quoteGroupSize}`);
  }
  return out.sort();
}

describe('the quote linker revises a changed document quote by quote', function () {
  this.timeout(60_000);

  it('links as a fresh linker does after edits that move, reword, re-attribute, add and remove quotes', () => {
    revise(5, false);
  });

  it('links quoted fragments as a fresh linker does, those of documents linked to the one edited included', () => {
    // One-word fragments ("harbour") of the speakers' longer remarks: a fragment links to the quotes holding its word in
    // the documents its own document's longer quotes are variants in, which an edit elsewhere can change.
    const fragments = revise(9, true);
    assert.ok(fragments >= 20, `only ${fragments} steps had a fragment link`);
  });

  it('links quoted fragments as a fresh linker does in a sparser corpus, where a linked document is often not marked', () => {
    // More documents and remarks: the document a fragment sits in is linked to the one edited without a quote of it
    // changing, so only the documents linked to those edited, not those marked, tell which fragments to work out again.
    const fragments = revise(11, true, 40, 40);
    assert.ok(fragments >= 20, `only ${fragments} steps had a fragment link`);
  });
});

/** Random edits of `n` documents drawing on `remarks` remarks, each update checked against a fresh linker; how many steps had a fragment link. */
function revise(seed: number, withFragments: boolean, n = 10, remarks = 12): number {
  {
    const rand = rng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const LONG = WORDS.filter(w => w.length >= FRAGMENT_MIN);
    const said = (): Said => (withFragments && rand() < 0.3
      ? { words: [pick(LONG)], speaker: pick(SPEAKERS), frame: pick(FRAMES) }
      : { words: Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(WORDS)), speaker: pick(SPEAKERS), frame: pick(FRAMES) });
    // A pool of remarks the documents draw from, so that quotes recur across documents (variants and conflicts).
    const pool = Array.from({ length: remarks }, said);
    const content = new Map<string, Said[]>();
    for (let k = 0; k < n; k++) content.set(`d${k}.txt`, Array.from({ length: 3 + Math.floor(rand() * 4) }, () => ({ ...pick(pool) })));
    const linker = new QuoteLinker(new AnalysisContext());
    const present = () => [...content].map(([p, s]) => doc(p, s, s));
    const first = present();
    linker.link(first);
    let shown = new Map(first.map(d => [d.path, links([d]).filter(l => !l.includes(' group size ')).join('\n')]));
    let keptMoved = 0, linked = 0, fragmentLinked = 0;
    for (let step = 0; step < 60; step++) {
      const p = `d${Math.floor(rand() * n)}.txt`;
      const s = [...content.get(p)!];
      const r = rand();
      if (r < 0.25) s.unshift({ ...pick(pool) }); // every quote after it moves
      else if (r < 0.4 && s.length > 1) s.splice(Math.floor(rand() * s.length), 1);
      else if (r < 0.55) { const k = Math.floor(rand() * s.length); s[k] = { ...s[k], words: [...s[k].words, pick(WORDS)] }; }
      else if (r < 0.7) { const k = Math.floor(rand() * s.length); s[k] = { ...s[k], speaker: pick(SPEAKERS) }; }
      else if (r < 0.8) { const k = Math.floor(rand() * s.length); s[k] = { ...s[k], frame: pick(FRAMES) }; }
      else s.push({ ...pick(pool) });
      const before = s.length;
      content.set(p, s);
      const docs = present();
      const changed = linker.update(docs);
      linker.write(docs);
      // Every document whose links changed (by place) is among those the update names (group sizes move through
      // the whole group: the corpus follows them through the links).
      const now = new Map(docs.map(d => [d.path, links([d]).filter(l => !l.includes(' group size ')).join('\n')]));
      for (const [q, l] of now) if (l !== shown.get(q)) assert.ok(changed.has(q), `step ${step}: ${q}'s links changed, not named by the update`);
      shown = now;
      // Only the quotes whose inputs changed were looked up (an inserted quote, a reworded one...), never the whole document.
      if (r < 0.25 && before > 2) {
        assert.ok(linker.lookedUp < before, `step ${step}: ${linker.lookedUp} of ${before} quotes looked up again after one was inserted`);
        keptMoved++;
      }
      const again = present();
      new QuoteLinker(new AnalysisContext()).link(again);
      assert.deepEqual(links(docs), links(again), `step ${step} (${p})`);
      if (links(docs).some(l => l.includes(' variant '))) linked++;
      // (A fragment's link: a one-word quote listing a variant.)
      if (docs.some(d => d.quotes.some(q => !q.text.includes(' ') && q.variants.length))) fragmentLinked++;
    }
    assert.ok(keptMoved >= 5, `only ${keptMoved} insertions checked`);
    assert.ok(linked >= 30, `only ${linked} steps had a variant`);
    return fragmentLinked;
  }
}
