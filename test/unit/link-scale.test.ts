import assert from 'node:assert/strict';
import { type AlignedPassage, alignedClaims, ClaimLinker, CLAIM_KEY_CAP, type LinkDoc } from '../../src/core/claims/links';
import { linkClaims } from '../support/linkClaimsReference';
import { ClaimIndex } from '../../src/core/corpus/claimIndex';
import { QUOTE_KEY_CAP, QuoteLinker, type QuoteDoc } from '../../src/core/corpus/quoteLinks';
import { analyzeLocal } from '../../src/core/corpus/corpus';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim, Quote } from '../../src/core/types';
import { rng } from '../support/rng';

/** Common words every quote draws from (each ends up in far more quotes than the key cap) and rarer ones. */
const COMMON = ['budget', 'bridge', 'winter', 'council', 'taxes', 'schools', 'roads', 'water'];
const RARE = Array.from({ length: 40 }, (_, k) => `w${(k * 7919 % 997).toString(36)}x${k}`);

/** Stock lines either speaker may say (the same words in their order: variants, and conflicts between the two). */
const STOCK = Array.from({ length: 6 }, (_, k) => [COMMON[k], RARE[k], COMMON[(k + 3) % COMMON.length], RARE[k + 10], COMMON[(k + 5) % COMMON.length]]);

/** One document quoting one of two speakers, words drawn at random or a stock line (the same seed: the same documents). */

function quoteDoc(k: number, rand: () => number): { path: string; text: string; speaker: string } {
  let words: string[] = [];
  if (rand() < 0.2) {
    // A stock line, now and then with a word put in (still the same words for a conflict).
    words = [...STOCK[Math.floor(rand() * STOCK.length)]];
    if (rand() < 0.5) words.splice(1 + Math.floor(rand() * 3), 0, COMMON[Math.floor(rand() * COMMON.length)]);
  } else for (let n = 0; n < 6; n++) words.push(rand() < 0.6 ? COMMON[Math.floor(rand() * COMMON.length)] : RARE[Math.floor(rand() * RARE.length)]);
  const speaker = rand() < 0.8 ? 'Maria Lopez' : 'John Reyes';
  return { path: `d${String(k).padStart(3, '0')}.txt`, text: `“${words.join(' ')},” ${speaker} said.`, speaker };
}

function asQuoteDoc(d: { path: string; text: string; speaker: string }, key: unknown): QuoteDoc {
  const end = d.text.indexOf('”') + 1;
  const quote = {
    start: 0, end, text: d.text.slice(0, end), speaker: d.speaker, speakerType: 'PERSON', speakerMention: null, cue: 'said',
    partial: false, uncertain: false, group: null, variants: [],
  } as Quote;
  return { path: d.path, quotes: [quote], text: d.text, sentences: [{ start: 0, end: d.text.length, paragraph: 0 }], key };
}

/** Every link of the documents' quotes, as sorted lines. */
function quoteLinks(docs: readonly QuoteDoc[]): string[] {
  const out: string[] = [];
  for (const d of docs) for (const q of d.quotes) {
    for (const v of q.variants) out.push(`${d.path} variant ${v.path} ${v.identical}`);
    for (const c of q.attributedElsewhere ?? []) out.push(`${d.path} conflict ${c.path}`);
    out.push(`${d.path} group size ${q.quoteGroupSize}`);
  }
  return out.sort();
}

describe('cross-source linking at scale (key caps, order independence)', function () {
  this.timeout(60_000);

  it('links quotes the same whatever order the documents come in, one at a time or all at once, with keys past the cap', () => {
    const rand = rng(11);
    const docs = Array.from({ length: 4 * QUOTE_KEY_CAP }, (_, k) => quoteDoc(k, rand));
    const batch = docs.map(d => asQuoteDoc(d, d.text));
    new QuoteLinker(new AnalysisContext()).link(batch);
    const expected = quoteLinks(batch);
    assert.ok(expected.some(l => l.includes(' variant ')), 'some quotes are variants');

    // Reversed, all at once.
    const reversed = [...docs].reverse().map(d => asQuoteDoc(d, d.text));
    new QuoteLinker(new AnalysisContext()).link(reversed);
    assert.deepEqual(quoteLinks(reversed), expected);

    // One at a time, in a shuffled order, with an edit and a removal on the way (put right at the end).
    const order = [...docs.keys()].sort(() => rand() - 0.5);
    const linker = new QuoteLinker(new AnalysisContext());
    const present: QuoteDoc[] = [];
    for (const k of order) {
      present.push(asQuoteDoc(docs[k], docs[k].text));
      linker.link(present);
      if (present.length === 50) {
        present[10] = asQuoteDoc({ ...docs[order[10]], text: `“budget bridge winter council taxes roads,” ${docs[order[10]].speaker} said.` }, 'edited');
        linker.link(present);
        present.splice(20, 1);
        linker.link(present);
        present.push(asQuoteDoc(docs[order[20]], docs[order[20]].text));
        present[10] = asQuoteDoc(docs[order[10]], docs[order[10]].text);
        linker.link(present);
      }
    }
    assert.deepEqual(quoteLinks(present), expected);
  });

  it('links quotes as a fresh linker does after updates that deferred the quotes of keys crossing the cap (a two-phase edit)', () => {
    const rand = rng(12);
    const docs = Array.from({ length: 3 * QUOTE_KEY_CAP }, (_, k) => quoteDoc(k, rand));
    const linker = new QuoteLinker(new AnalysisContext());
    const owed = linker as unknown as { owed: Set<number> };
    const present: QuoteDoc[] = [];
    let deferred = 0;
    for (const [k, d] of docs.entries()) {
      present.push(asQuoteDoc(d, d.text));
      if (k % 40 === 39) {
        // The settle: every owed lookup done, the links those of a fresh linker for the same documents.
        linker.link(present);
        assert.equal(owed.owed.size, 0);
        const again = present.map(x => asQuoteDoc(docs[Number(x.path.slice(1, 4))], x.path));
        new QuoteLinker(new AnalysisContext()).link(again);
        assert.deepEqual(quoteLinks(present), quoteLinks(again), `after ${k + 1} documents`);
      } else {
        linker.update(present, true);
        deferred = Math.max(deferred, owed.owed.size);
        // An edit and its undoing on the way, deferred too.
        if (k === 100) {
          present[5] = asQuoteDoc({ ...docs[5], text: `“budget bridge winter council taxes roads,” ${docs[5].speaker} said.` }, 'edited');
          linker.update(present, true);
          present[5] = asQuoteDoc(docs[5], docs[5].text);
        }
      }
    }
    assert.ok(deferred > 0, 'some lookups were deferred');
    linker.link(present);
    const fresh = present.map(x => asQuoteDoc(docs[Number(x.path.slice(1, 4))], 'fresh'));
    new QuoteLinker(new AnalysisContext()).link(fresh);
    assert.deepEqual(quoteLinks(present), quoteLinks(fresh));
  });

  it('links quotes all at once (one shot, flat postings) as the incremental lookup does, and goes on incrementally after', () => {
    const rand = rng(23);
    // Two speakers, some quotes attributed to both (conflicts), keys past the cap, short quotes linked by their frames.
    const docs = Array.from({ length: 3 * QUOTE_KEY_CAP }, (_, k) => quoteDoc(k, rand));
    const lines = (oneShot: boolean) => {
      const batch = docs.map(d => asQuoteDoc(d, d.text));
      new QuoteLinker(new AnalysisContext()).link(batch, oneShot);
      return { batch, links: quoteLinks(batch) };
    };
    const incremental = lines(false), oneShot = lines(true);
    assert.ok(incremental.links.some(l => l.includes(' variant ')) && incremental.links.some(l => l.includes(' conflict ')), 'variants and conflicts');
    assert.deepEqual(oneShot.links, incremental.links);
    // The same lists in the same order on every quote, not only the same set of links.
    assert.deepEqual(oneShot.batch.map(d => d.quotes), incremental.batch.map(d => d.quotes));

    // A one-shot linker asked again (an edit, a removal) answers as a linker that was never one-shot.
    const edited = (present: QuoteDoc[]) => {
      present[5] = asQuoteDoc({ ...docs[5], text: `“budget bridge winter council taxes roads,” ${docs[5].speaker} said.` }, 'edited');
      present.splice(9, 1);
      return present;
    };
    const a = new QuoteLinker(new AnalysisContext()), b = new QuoteLinker(new AnalysisContext());
    const pa = docs.map(d => asQuoteDoc(d, d.text)), pb = docs.map(d => asQuoteDoc(d, d.text));
    a.link(pa, true);
    b.link(pb);
    a.link(edited(pa), true);
    b.link(edited(pb));
    assert.deepEqual(quoteLinks(pa), quoteLinks(pb));
    assert.notDeepEqual(quoteLinks(pa), oneShot.links, 'the edit changed some links');
  });

  it('still links word-for-word copies of a quote held by more documents than the key cap', () => {
    const n = QUOTE_KEY_CAP + 6;
    const docs = Array.from({ length: n }, (_, k) => asQuoteDoc({ path: `c${k}.txt`, text: '“budget bridge winter council,” Maria Lopez said.', speaker: 'Maria Lopez' }, k));
    new QuoteLinker(new AnalysisContext()).link(docs);
    for (const d of docs) {
      assert.equal(d.quotes[0].variants.length, n - 1);
      assert.equal(d.quotes[0].quoteGroupSize, n);
    }
  });

  it('links claims the same whatever order the documents come in, with keys held by more claims than the cap', () => {
    const ctx = new AnalysisContext();
    const rand = rng(5);
    const places = ['Dover', 'Salem', 'Camden', 'Albany', 'Trenton', 'Newark'];
    // Every document says the council approved a budget (common keys), one in five the same extra fact (rarer keys, held by
    // fewer claims than the frequent bound, so that they link).
    const texts = Array.from({ length: 2 * CLAIM_KEY_CAP }, (_, k) => {
      const place = places[Math.floor(rand() * places.length)];
      const fact = rand() < 0.2 ? ` The ${place} bridge will close for ${2 + (k % 3)} weeks of repairs in March.` : '';
      return `Council vote\n\nThe city council approved the new budget on Tuesday after a long debate.${fact} Residents in ${place} asked about roads.\n`;
    });
    const claimsOf = (k: number) => analyzeLocal(ctx, texts[k]).claims;
    const run = (order: number[]) => {
      const docs = order.map(k => ({ path: `n${String(k).padStart(3, '0')}.txt`, claims: claimsOf(k), key: k }));
      new ClaimLinker(new AnalysisContext()).link(docs);
      const out: string[] = [];
      for (const d of docs) for (const c of d.claims as Claim[]) {
        for (const l of [...c.corroboratedBy, ...c.disputedBy, ...(c.partlyCorroboratedBy ?? [])]) out.push(`${d.path}@${c.start} ${l.path}@${l.start} ${l.similarity}`);
      }
      return out.sort();
    };
    const forward = run(texts.map((_, k) => k));
    assert.ok(forward.length > 0, 'some claims are linked');
    assert.deepEqual(run(texts.map((_, k) => k).reverse()), forward);
  });
});

describe('word-for-word copies of a claim in more documents than the key cap', function () {
  this.timeout(120_000);
  // Every document reprints one sentence (its words, held by every document, weigh nothing and propose no candidate),
  // and a short line (fewer than `VERBATIM_MIN_WORDS` words) that also recurs everywhere.
  const n = 2 * CLAIM_KEY_CAP;
  const texts = Array.from({ length: n }, (_, k) => `Council vote\n\nThe city council approved the new budget on Tuesday after a long debate. Residents asked about road number ${k + 7}. The vote was close.\n`);
  const ctx = new AnalysisContext();
  const claimsOf = (k: number) => analyzeLocal(ctx, texts[k]).claims;
  const docsOf = (order: number[]) => order.map(k => ({ path: `v${String(k).padStart(3, '0')}.txt`, claims: claimsOf(k), key: k }));
  const reprinted = (c: Claim) => c.text.startsWith('The city council approved');
  const lines = (docs: { path: string; claims: Claim[] }[]) => docs.flatMap(d => d.claims.map(c => `${d.path}@${c.start} ${c.status} ${c.claimGroupSize} +[${c.corroboratedBy.map(l => `${l.path}@${l.start}:${l.similarity}`)}] ~[${(c.partlyCorroboratedBy ?? []).map(l => l.path)}] ![${c.disputedBy.map(l => l.path)}]`)).sort();

  it('links every copy of the reprinted sentence to every other, however common its words', () => {
    const docs = docsOf(texts.map((_, k) => k));
    new ClaimLinker(new AnalysisContext()).link(docs);
    for (const d of docs) {
      const c = d.claims.find(reprinted);
      assert.ok(c, `${d.path} has the reprinted claim`);
      assert.equal(c.corroboratedBy.length, n - 1, `${d.path}: ${c.corroboratedBy.length} links`);
      assert.ok(c.corroboratedBy.every(l => l.similarity === 1));
      // The short line is weighed as any pair is: its common words link nothing.
      const short = d.claims.find(x => x.text.startsWith('The vote was close'));
      if (short) assert.equal(short.corroboratedBy.length, 0, `${d.path}: the short line is not linked outright`);
    }
  });

  it('gives the persistent index the same links, documents added one at a time and one edited, as a fresh linker', () => {
    const index = new ClaimIndex(new AnalysisContext());
    const docs: LinkDoc[] = [];
    for (const d of docsOf(texts.map((_, k) => k))) { docs.push(d); index.link(docs); }
    // An edit: the first document's reprinted sentence reworded (its copies lose one partner), then put back.
    const bare = (c: Claim): Claim => ({ ...c, corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [] });
    const edited: LinkDoc[] = docs.map(d => ({ ...d, claims: d.claims.map(bare) }));
    edited[0] = { path: edited[0].path, claims: analyzeLocal(ctx, texts[0].replace('a long debate', 'an hour of debate')).claims, key: 'edited' };
    index.link(edited);
    const fresh: LinkDoc[] = edited.map(d => ({ ...d, claims: d.claims.map(bare) }));
    new ClaimLinker(new AnalysisContext()).link(fresh);
    assert.deepEqual(lines(edited), lines(fresh));
    assert.equal(edited[1].claims.find(reprinted)!.corroboratedBy.length, n - 2, 'the reworded copy is no longer a word-for-word partner');
  });
});

describe('claims of passages the reuse layer aligned, in more documents than the key cap', function () {
  this.timeout(120_000);
  // Pairs of documents: the second prints the first's sentence edited (a word put in). Every word of the sentences is
  // drawn from a few, so each is held by more claims than the key cap and proposes no candidate; the pairs differ in
  // which words and in what order.
  const WORDS = ['roads', 'schools', 'parks', 'libraries', 'bridges', 'housing', 'transit', 'clinics'];
  const n = 2 * CLAIM_KEY_CAP;
  const rand = rng(11);
  const sentences: string[] = [];
  for (let k = 0; k < n; k += 2) {
    const pick = [...WORDS].sort(() => rand() - 0.5).slice(0, 4);
    const first = `The council approved money for ${pick[0]}, ${pick[1]}, ${pick[2]} and ${pick[3]} after a long debate.`;
    sentences.push(first, first.replace('approved money', 'approved new money'));
  }
  const texts = sentences.map(s => `Council vote\n\n${s} The vote was close.\n`);
  const ctx = new AnalysisContext();
  const claimsOf = (k: number) => analyzeLocal(ctx, texts[k]).claims;
  const path = (k: number) => `p${String(k).padStart(3, '0')}.txt`;
  const span = (k: number) => ({ start: texts[k].indexOf(sentences[k]), end: texts[k].indexOf(sentences[k]) + sentences[k].length });
  /** Each document's passage shared with its pair's other document, both ways, as the reuse layer lists them. */
  const passagesOf = (k: number): AlignedPassage[] => { const o = k ^ 1; return [{ ...span(k), other: { path: path(o), ...span(o) } }]; };
  const docsOf = (withPassages: boolean): LinkDoc[] => texts.map((_, k) => ({ path: path(k), claims: claimsOf(k), key: k, passages: withPassages ? passagesOf(k) : undefined }));
  const edited = (d: LinkDoc) => d.claims.find(c => c.text.startsWith('The council approved'))!;
  const lines = (docs: readonly LinkDoc[]) => docs.flatMap(d => d.claims.map(c => `${d.path}@${c.start} ${c.status} ${c.claimGroupSize} +[${c.corroboratedBy.map(l => `${l.path}@${l.start}:${l.similarity}`)}] ~[${(c.partlyCorroboratedBy ?? []).map(l => l.path)}] ![${c.disputedBy.map(l => l.path)}]`)).sort();

  it('links each edited copy to its source through the passage, and not without it', () => {
    const without = docsOf(false);
    new ClaimLinker(new AnalysisContext()).link(without);
    const docs = docsOf(true);
    new ClaimLinker(new AnalysisContext()).link(docs);
    for (let k = 0; k < n; k++) {
      const c = edited(docs[k]);
      assert.ok(c, `${path(k)} has the claim`);
      const to = [...c.corroboratedBy, ...(c.partlyCorroboratedBy ?? [])].map(l => l.path);
      assert.ok(to.includes(path(k ^ 1)), `${path(k)} is linked to ${path(k ^ 1)}: ${to}`);
      const was = edited(without[k]);
      assert.ok(![...was.corroboratedBy, ...(was.partlyCorroboratedBy ?? [])].some(l => l.path === path(k ^ 1)), `${path(k)}: not linked through its words alone`);
      // The sentence after it, in no passage, is weighed as any pair is.
      assert.equal(docs[k].claims.find(x => x.text.startsWith('The vote'))?.corroboratedBy.length ?? 0, 0);
    }
  });

  it('gives the persistent index and the reference the same links, documents added one at a time, one edited', () => {
    const index = new ClaimIndex(new AnalysisContext());
    const docs: LinkDoc[] = [];
    // Added one at a time, each with its passage (the first of a pair lists its passage only once the second is in).
    for (const d of docsOf(true)) {
      const k = docs.length;
      docs.push(d);
      if (k % 2 === 1) docs[k - 1] = { ...docs[k - 1], passages: passagesOf(k - 1) }; else d.passages = [];
      index.link(docs);
    }
    const bare = (c: Claim): Claim => ({ ...c, corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [] });
    const fresh = (list: readonly LinkDoc[]) => list.map(d => ({ ...d, claims: d.claims.map(bare) }));
    const once = fresh(docs);
    const reused = new ClaimLinker(new AnalysisContext());
    reused.link(once);
    assert.deepEqual(lines(docs), lines(once));
    const reference = fresh(docs);
    linkClaims(reference);
    assert.deepEqual(lines(reference), lines(once));
    // An edit: the second document's passage moves past its sentence (the claims are the same): no longer aligned.
    const moved = fresh(docs);
    moved[1] = { ...moved[1], passages: [{ start: span(1).end + 1, end: texts[1].length - 1, other: { path: path(0), ...span(0) } }] };
    moved[0] = { ...moved[0], passages: [{ ...span(0), other: { path: path(1), start: span(1).end + 1, end: texts[1].length - 1 } }] };
    index.link(moved);
    const again = fresh(moved);
    new ClaimLinker(new AnalysisContext()).link(again);
    assert.deepEqual(lines(moved), lines(again));
    // A linker kept from before (the same document keys, other passages) looks the documents up again too.
    const kept = fresh(moved);
    reused.link(kept);
    assert.deepEqual(lines(kept), lines(again));
    assert.ok(!edited(moved[1]).corroboratedBy.some(l => l.path === path(0)), 'the pair is no longer linked');
  });
});

describe('alignedClaims: claims paired by place in two aligned passages', () => {
  // Passage 100–200 of one document found at 1000–1400 of another (four times as long: a loose rewording).
  const p: AlignedPassage = { start: 100, end: 200, other: { path: 'b.txt', start: 1000, end: 1400 } };
  const pairs = (mine: { start: number; end: number }[], others: { start: number; end: number }[], q: AlignedPassage) => {
    const out: string[] = [];
    alignedClaims(mine, q, others, (i, j) => out.push(`${i}-${j}`));
    return out;
  };
  const mine = [{ start: 0, end: 90 }, { start: 100, end: 140 }, { start: 150, end: 200 }];
  const others = [{ start: 1000, end: 1150 }, { start: 1170, end: 1390 }, { start: 1500, end: 1600 }];

  it('pairs a claim with those across its image in the other passage, none outside the passages', () => {
    // 100–140 maps to 1000–1160 (the first other claim, and the second's start is past it); 150–200 to 1200–1400.
    assert.deepEqual(pairs(mine, others, p), ['1-0', '2-1']);
  });

  it('gives the same pairs from the other document’s copy of the passage', () => {
    const back: AlignedPassage = { start: 1000, end: 1400, other: { path: 'a.txt', start: 100, end: 200 } };
    assert.deepEqual(pairs(others, mine, back).map(x => x.split('-').reverse().join('-')).sort(), pairs(mine, others, p).sort());
  });

  it('pairs nothing across an empty passage', () => {
    assert.deepEqual(pairs(mine, others, { ...p, end: p.start }), []);
  });
});
