import assert from 'node:assert/strict';
import type { Claim, DocumentResult, Quote } from '../../src/core/types';
import { duplicateHover, entityHover, hoversAt, openPassageLink, quoteHover } from '../../src/extension/decorations/hover';
import { entityKey, type DocumentView } from '../../src/protocol/protocol';
import { childNodes, claimBadge, inPlaceOrder, nodeAt, PAGE_SIZE, PAGED_FROM, pageNodes, PassageMemo, passageIndexAt, passageNodes, passageOrder, quoteBadge, shorten, sourceNode } from '../../src/extension/claims/treeNodes';

const display = (k: string) => k.replace(/^file:\/\/\/ws\//, '');
const ctx = { display };
const A = 'file:///ws/news/a.txt', B = 'file:///ws/news/b.txt', C = 'file:///ws/c.txt';

const text = 'Kuleba said: “We will not climb the ladder.” Russia has moved 130,000 troops. “Talks go on,” Lavrov said.';
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });

function quote(s: string, over: Partial<Quote> = {}): Quote {
  return { ...span(s), speaker: 'Dmytro Kuleba', speakerType: 'PERSON', speakerMention: null, cue: 'said', partial: false, uncertain: false, group: null, variants: [], ...over };
}
function claim(s: string, over: Partial<Claim> = {}): Claim {
  return { ...span(s), kind: 'numeric', speaker: null, entities: [], numbers: [], status: 'unique', corroboratedBy: [], disputedBy: [], ...over };
}

const q1 = quote('“We will not climb the ladder.”', {
  variants: [
    { path: B, start: 5, end: 40, identical: false, text: '“We won’t climb the ladder.”' } as Quote['variants'][number],
    { path: C, start: 0, end: 30, identical: true },
  ],
});
const q2 = quote('“Talks go on,”', { speaker: 'Sergey Lavrov' });
const result: DocumentResult = {
  path: A,
  length: text.length,
  truncated: null,
  title: null,
  quotes: [q1, q2],
  entities: [{ ...span('Kuleba'), type: 'PERSON', canonical: 'Dmytro Kuleba' }, { ...span('Russia'), type: 'PLACE', canonical: 'Russia' }],
  duplicates: [
    { ...span('Russia has moved 130,000 troops.'), other: { path: B, start: 100, end: 132 }, kind: 'shared', label: 'edited', similarity: 0.874, boilerplate: false },
    { ...span('Russia has moved 130,000 troops.'), other: { path: A, start: 0, end: 10 }, kind: 'repeat', label: 'verbatim', similarity: 1, boilerplate: false },
  ],
  claims: [
    claim('Kuleba said: “We will not climb the ladder.”', { kind: 'quote', speaker: 'Dmytro Kuleba', status: 'corroborated', corroboratedBy: [{ path: B, start: 1, end: 9, similarity: 0.9 }] }),
    claim('Russia has moved 130,000 troops', { disputedBy: [{ path: C, start: 3, end: 20, similarity: 0.7, reason: 'number' }], status: 'disputed' }),
  ],
};
const view: DocumentView = { key: A, version: 3, result, entitySources: { [entityKey('PERSON', 'Dmytro Kuleba')]: 4, [entityKey('PLACE', 'Russia')]: 1 } };

describe('extension: hovers', () => {
  it('shows a quote\'s speaker, cue, and each other source with a word diff where wording differs', () => {
    const h = quoteHover(q1, ctx);
    assert.match(h, /\*\*Dmytro Kuleba\*\*/);
    assert.match(h, /cue: \*said\*/);
    assert.match(h, /Also quoted in 2 other sources/);
    assert.match(h, /`news\/b\.txt` — reworded/);
    assert.match(h, /`c\.txt` — same words/);
    assert.match(h, /\*\*won’t\*\*/, 'the other wording\'s word in bold');
    assert.match(h, /~~will not~~/, 'this wording\'s words struck');
    assert.ok(h.includes(openPassageLink(B, 5, 40)));
    assert.doesNotMatch(h, /Speaker found by/, 'no attribution given, none shown');
    const traced = quoteHover({ ...q1, attribution: { step: 'cue-before', detail: "before the quote, the cue 'said'" } }, ctx);
    assert.match(traced, /Speaker found by \*cue\\-before\*: before the quote, the cue 'said'/);
  });

  it('names the other speakers the same words are credited to (an attribution conflict), with links', () => {
    const far = quote('“Talks go on,”', {
      speaker: 'Olaf Scholz',
      attributedElsewhere: [
        { path: B, start: 10, end: 24, speaker: 'Sergey Lavrov' },
        { path: C, start: 3, end: 17, speaker: 'Sergey Lavrov' },
      ],
    });
    const h = quoteHover(far, ctx);
    assert.match(h, /Attribution conflict\*\*: the same words are credited to \*\*Sergey Lavrov\*\* in \[`news\/b\.txt`\]\(command:[^)]*\), \[`c\.txt`\]/);
    assert.ok(h.includes(openPassageLink(C, 3, 17)));
    assert.doesNotMatch(quoteHover(q2, ctx), /Attribution conflict/);
    // The tree marks it, in the description, the tooltip and the screen-reader label.
    const kids = childNodes({ ...result, quotes: [q1, far], claims: [] }, display);
    const node = kids.find(k => k.start === far.start)!;
    assert.match(node.description!, /^attribution conflict · quote/);
    assert.match(String(node.tooltip), /⚠ the same words are credited to Sergey Lavrov in news\/b\.txt, c\.txt/);
    assert.match(node.accessibilityLabel!, /Attribution conflict: the same words are credited to Sergey Lavrov/);
    assert.doesNotMatch(kids.find(k => k.start === q1.start)!.description!, /conflict/);
  });

  it('says when no other source carries a quote, and when the speaker is unknown', () => {
    const h = quoteHover(quote('“Talks go on,”', { speaker: null, cue: null }), ctx);
    assert.match(h, /speaker unknown/);
    assert.match(h, /No other source carries this quote/);
  });

  it('lists where else a duplicated passage is, with a link to open each', () => {
    const h = duplicateHover(result.duplicates, ctx);
    assert.match(h, /Repeated and shared passage/);
    assert.match(h, /`news\/b\.txt` — edited, 87% similar/);
    assert.match(h, /this file — verbatim, 100% similar/);
    const link = openPassageLink(B, 100, 132);
    assert.ok(h.includes(link));
    assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))), [B, 100, 132]);
    assert.match(link, /^command:sourceLens\.openPassage\?/);
  });

  it('says which source published first when the shared passage has a direction', () => {
    const shared = result.duplicates.filter(d => d.kind === 'shared');
    assert.ok(shared.length);
    assert.doesNotMatch(duplicateHover(shared, ctx), /published first/);
    assert.match(duplicateHover(shared.map(d => ({ ...d, direction: 'earlier' as const })), ctx), /this source published first/);
    assert.match(duplicateHover(shared.map(d => ({ ...d, direction: 'later' as const })), ctx), /the other source published first/);
  });

  it('names an entity\'s canonical form and how many sources mention it', () => {
    assert.match(entityHover(result.entities[0], 4), /\*\*Dmytro Kuleba\*\* — person · here as “Kuleba”[\s\S]*Mentioned in 4 sources/);
    assert.match(entityHover(result.entities[1], 1), /Mentioned in 1 source\./);
  });

  it('collects the hovers at an offset, honouring switched-off kinds', () => {
    const inQuote = text.indexOf('climb');
    assert.equal(hoversAt(view, inQuote, ctx).length, 1);
    const onKuleba = text.indexOf('Kuleba') + 1;
    assert.equal(hoversAt(view, onKuleba, ctx).length, 1);
    assert.match(hoversAt(view, onKuleba, ctx)[0], /4 sources/);
    const onRussia = text.indexOf('Russia') + 1;
    assert.equal(hoversAt(view, onRussia, ctx).length, 2, 'duplicate and entity');
    assert.equal(hoversAt(view, onRussia, ctx, { quotes: true, duplicates: false, entities: true }).length, 1);
    assert.deepEqual(hoversAt(view, text.length - 1, ctx), []);
  });
});

describe('extension: claims tree model', () => {
  it('makes a source node with counts, a stable id and a command that opens the file', () => {
    const n = sourceNode({ key: A, title: 'Headline', quotes: 2, claims: 1, duplicates: 3, entities: 9, corroborated: 1, disputed: 1, truncated: null }, display);
    assert.equal(n.id, A);
    assert.equal(n.label, 'a.txt');
    assert.equal(n.path, 'news/a.txt');
    assert.equal(n.description, '1 claim · 2 quotes · 1 disputed');
    assert.match(n.tooltip, /Headline\nnews\/a\.txt/);
    assert.deepEqual(n.command, { command: 'sourceLens.openPassage', arguments: [A, 0, 0] });
    assert.equal(n.expandable, true);
    assert.doesNotMatch(n.tooltip, /partial/i);
    const partial = sourceNode({ key: A, title: null, quotes: 0, claims: 0, duplicates: 0, entities: 0, corroborated: 0, disputed: 0, truncated: 'quote attribution stopped at its work budget' }, display);
    assert.match(partial.tooltip, /\nPartial analysis: quote attribution stopped at its work budget$/);
    assert.match(partial.description, /partial/);
  });

  it('shows the outlet and date of a source when known', () => {
    const n = sourceNode({ key: A, title: null, quotes: 0, claims: 1, duplicates: 0, entities: 0, corroborated: 0, disputed: 0, truncated: null, source: { outlet: 'Harbour Gazette', date: '2022-02-15', url: 'https://example.org/a' } }, display);
    assert.match(n.description, /^Harbour Gazette, 2022-02-15 · 1 claim/);
    assert.match(n.tooltip, /\nPublished: Harbour Gazette, 2022-02-15 \(https:\/\/example\.org\/a\)\n/);
  });

  it('pairs quote claims and quotes as a scan of every pair would, when they nest, touch and overlap', () => {
    // Random spans in text order (as the contract gives every list): quote claims of several quotes, quotes inside
    // none, quotes running past a claim's end, a claim covered only through an earlier, longer one.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 40; round++) {
      const body = 'x'.repeat(400);
      const spanAt = (start: number, len: number) => ({ start, end: start + len, text: body.slice(start, start + len) });
      const claims: Claim[] = [], quotes: Quote[] = [];
      for (let k = 0; k < 12; k++) claims.push({ ...spanAt(next(360), 1 + next(40)), kind: next(3) ? 'quote' : 'statement', speaker: null, entities: [], numbers: [], status: 'unique', corroboratedBy: [], disputedBy: [] });
      for (let k = 0; k < 15; k++) quotes.push({ ...spanAt(next(380), 1 + next(20)), speaker: `S${k}`, speakerType: 'PERSON', speakerMention: null, cue: null, partial: false, uncertain: false, group: null, variants: [] });
      const order = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;
      claims.sort(order);
      quotes.sort(order);
      // (One claim per span: the check below finds a claim's node by its offsets.)
      for (let k = claims.length - 1; k > 0; k--) if (order(claims[k], claims[k - 1]) === 0) claims.splice(k, 1);
      const kids = childNodes({ path: A, length: body.length, title: null, quotes, claims }, display);
      const quoteClaims = claims.filter(c => c.kind === 'quote');
      const listed = quotes.filter(q => !quoteClaims.some(c => c.start <= q.start && q.end <= c.end));
      assert.deepEqual(kids.filter(k => k.type === 'quote').map(k => [k.start, k.end]), listed.map(q => [q.start, q.end]), 'the quotes no quote claim holds');
      for (const c of quoteClaims) {
        const inner = quotes.find(q => c.start <= q.start && q.end <= c.end);
        const node = kids.find(k => k.type === 'claim' && k.start === c.start && k.end === c.end)!;
        assert.equal(node.facts!.speaker, inner?.speaker ?? null, `the claim ${c.start}-${c.end} reads its first inner quote`);
      }
    }
  });

  it('orders a source\'s passages as the claims and uncovered quotes merged in place order, lists in order or not', () => {
    let seed = 5;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const order = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start - y.start || x.end - y.end;
    for (let round = 0; round < 60; round++) {
      const body = 'x'.repeat(300);
      const spanAt = (start: number, len: number) => ({ start, end: start + len, text: body.slice(start, start + len) });
      const claims: Claim[] = Array.from({ length: next(14) }, () => ({ ...spanAt(next(260), 1 + next(30)), kind: next(2) ? 'quote' : 'event', speaker: null, entities: [], numbers: [], status: 'unique', corroboratedBy: [], disputedBy: [] }));
      const quotes: Quote[] = Array.from({ length: next(14) }, (_, k) => ({ ...spanAt(next(280), 1 + next(15)), speaker: `S${k}`, speakerType: 'PERSON', speakerMention: null, cue: null, partial: false, uncertain: false, group: null, variants: [] }));
      // The contract's lists are in text order; now and then one is not (sorted, as the merge would be).
      if (round % 4) {
        claims.sort(order);
        quotes.sort(order);
      }
      const r = { path: A, length: body.length, title: null, claims, quotes };
      const covered = (q: Quote) => claims.some(c => c.kind === 'quote' && c.start <= q.start && q.end <= c.end);
      // (Tagged copies: which list, which index.)
      const expected = inPlaceOrder(claims.map((c, i) => ({ start: c.start, end: c.end, x: i })), quotes.map((q, j) => ({ start: q.start, end: q.end, x: ~j })).filter(t => !covered(quotes[~t.x])));
      assert.deepEqual([...passageOrder(r)], expected.map(t => t.x), `round ${round}`);
    }
  });

  it('lists a huge source in pages whose passages, read in turn, are its passages; finds the page holding an offset', () => {
    let seed = 3;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const body = 'y'.repeat(20_000);
    const spanAt = (start: number, len: number) => ({ start, end: start + len, text: body.slice(start, start + len) });
    const claims: Claim[] = [], quotes: Quote[] = [];
    for (let at = 0; at < 19_900; at += 1 + next(30)) {
      if (next(3)) claims.push({ ...spanAt(at, 2 + next(60)), kind: next(4) ? 'event' : 'quote', speaker: null, entities: [], numbers: [], status: 'unique', corroboratedBy: [], disputedBy: [] });
      else quotes.push({ ...spanAt(at, 2 + next(20)), speaker: 'S', speakerType: 'PERSON', speakerMention: null, cue: null, partial: false, uncertain: false, group: null, variants: [] });
    }
    const r = { path: A, length: body.length, title: null, claims, quotes };
    const order = passageOrder(r);
    const all = childNodes(r, display);
    assert.ok(all.length > PAGED_FROM * 2, `many passages: ${all.length}`);
    const pages = pageNodes(r, order, display)!;
    assert.equal(pages.length, Math.ceil(all.length / PAGE_SIZE));
    assert.ok(pages.every(p => p.type === 'page' && p.expandable && !p.command));
    assert.equal(pages[0].label, `1–${PAGE_SIZE} of ${all.length.toLocaleString('en-US')}`);
    const memo = new PassageMemo();
    const read = pages.flatMap((_, k) => passageNodes(r, order, k * PAGE_SIZE, (k + 1) * PAGE_SIZE, display, memo));
    assert.deepEqual(read, all, 'the pages in turn are the flat listing');
    pages.forEach((p, k) => {
      assert.equal(p.start, read[k * PAGE_SIZE].start, 'a page starts where its first passage does');
      assert.equal(p.id, `${A}#page:${k}`);
    });
    // The passage under an offset: the same as a scan of every node finds (the narrowest, the first at a tie).
    for (let t = 0; t < 300; t++) {
      const offset = next(20_100);
      const k = passageIndexAt(r, order, offset);
      const node = nodeAt(all, offset);
      assert.equal(k < 0 ? undefined : all[k], node, `offset ${offset}`);
    }
    // A source of up to PAGED_FROM passages is not paged.
    const small = { ...r, claims: claims.slice(0, 100), quotes: quotes.slice(0, 40) };
    assert.equal(pageNodes(small, passageOrder(small), display), null);
  });

  it('merges two lists in place order as a stable sort of both would, the first list ahead at a tie', () => {
    let seed = 11;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const order = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start - y.start || x.end - y.end;
    for (let round = 0; round < 50; round++) {
      const make = (tag: string, n: number) => Array.from({ length: n }, (_, k) => ({ start: next(30), end: 30 + next(30), tag: `${tag}${k}` }));
      const dedupe = <T extends { start: number; end: number }>(xs: T[]) => xs.filter((x, k) => !xs.slice(0, k).some(y => order(x, y) === 0));
      // Sorted lists (the contract's), and now and then one out of order (sorted instead).
      const a = dedupe(make('a', next(12))), b = dedupe(make('b', next(12)));
      if (round % 5) { a.sort(order); b.sort(order); }
      assert.deepEqual(inPlaceOrder([...a], [...b]).map(x => x.tag), [...a, ...b].sort(order).map(x => x.tag));
    }
  });

  it('keeps what a passage showed for the same item, moved, and makes it again when the quote it holds is another', () => {
    const memo = new PassageMemo();
    const c = claim('“We will not climb the ladder.”', { kind: 'quote' });
    const first = childNodes({ ...result, claims: [c], quotes: [q1] }, display, memo);
    assert.match(first[0].label, /^Dmytro Kuleba: /);
    // Moved 5 characters on: the same words, at the new offsets.
    const moved = { ...c, start: c.start + 5, end: c.end + 5 };
    const q1Moved = { ...q1, start: q1.start + 5, end: q1.end + 5 };
    const claims = [moved], quotes = [q1Moved];
    memo.movedList(claims, [c]);
    memo.movedList(quotes, [q1]);
    const again = childNodes({ ...result, claims, quotes }, display, memo);
    assert.equal(again[0].facts, first[0].facts, 'kept, not made again');
    assert.equal(childNodes({ ...result, claims: [c], quotes: [q1] }, display, memo)[0], first[0], 'the item where it was: its very node');
    assert.equal(again[0].start, moved.start);
    assert.equal(again[0].id, `${A}#claim:${moved.start}-${moved.end}`);
    // The same claim now holding another quote (another speaker): made again.
    const other = { ...q1, speaker: 'Sergey Lavrov' };
    const third = childNodes({ ...result, claims: [c], quotes: [other] }, display, memo);
    assert.match(third[0].label, /^Sergey Lavrov: /);
    assert.deepEqual(third, childNodes({ ...result, claims: [c], quotes: [other] }, display));
  });

  it('lists claims and uncovered quotes in reading order, with speaker and corroboration', () => {
    const kids = childNodes(result, display);
    assert.deepEqual(kids.map(k => k.type), ['claim', 'claim', 'quote'], 'the quote inside the quote-claim is not listed twice');
    assert.deepEqual(kids.map(k => k.start), [...kids.map(k => k.start!)].sort((a, b) => a - b));
    assert.equal(kids[0].label, '1✓ Dmytro Kuleba: “We will not climb the ladder.”', 'badge, speaker, then the quoted words');
    assert.equal(kids[0].description, 'quote');
    assert.equal(kids[1].label, '1✗ Russia has moved 130,000 troops', 'a disputed claim carries its ✗ count');
    assert.equal(kids[1].description, 'disputed (number) · numeric claim');
    assert.equal(kids[1].icon, 'warning');
    assert.equal(kids[1].iconColor, 'list.warningForeground');
    assert.match(kids[1].tooltip, /^Russia has moved 130,000 troops\n/, 'the tooltip starts with the full text');
    assert.match(kids[1].tooltip, /numeric claim · disputed/);
    assert.match(kids[1].tooltip, /✗ disputed by c\.txt \(number differs\)/);
    assert.match(kids[0].tooltip, /✓ corroborated by news\/b\.txt \(90% similar\)/);
    assert.match(kids[0].tooltip, /said by Dmytro Kuleba/);
    assert.equal(kids[2].label, 'Sergey Lavrov: “Talks go on,”', 'no badge when no other source has it');
    assert.equal(kids[2].description, 'quote · only here');
    assert.match(kids[2].accessibilityLabel!, /^Quote by Sergey Lavrov: “Talks go on,”/);
    for (const k of kids) {
      assert.equal(k.id, `${A}#${k.type}:${k.start}-${k.end}`);
      assert.deepEqual(k.command, { command: 'sourceLens.openPassage', arguments: [A, k.start, k.end] });
      assert.equal(k.path, 'news/a.txt');
    }
    assert.deepEqual(childNodes(result, display).map(k => k.id), kids.map(k => k.id), 'ids are stable');
  });

  it('badges count corroborating (✓), disputing (✗) and reworded (≈) sources', () => {
    assert.equal(claimBadge(3, 0), '3✓ ');
    assert.equal(claimBadge(2, 1), '2✓ 1✗ ');
    assert.equal(claimBadge(0, 0), '');
    assert.equal(quoteBadge(q1), '1✓ 1≈ ');
    assert.equal(quoteBadge(q2), '');
  });

  it('finds the node under the cursor and shortens long labels', () => {
    const kids = childNodes(result, display);
    assert.equal(nodeAt(kids, text.indexOf('130,000'))?.type, 'claim');
    assert.equal(nodeAt(kids, text.indexOf('Talks'))?.type, 'quote');
    const long = 'word '.repeat(40);
    const s = shorten(long, 30);
    assert.ok(s.length <= 30 && s.endsWith('…'));
    assert.equal(shorten('  a\n b  '), 'a b');
  });
});
