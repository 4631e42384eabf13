import assert from 'node:assert/strict';
import type { Claim, DocumentResult, Quote } from '../../src/core/types';
import type { SourceSummary } from '../../src/protocol/protocol';
import { buildTree, DEFAULT_OPTIONS, isDefault, passes, readOptions, sortPassages, walk, type TreeOptions } from '../../src/extension/claims/treeModel';
import { childNodes, citation, PAGE_SIZE, PAGED_FROM } from '../../src/extension/claims/treeNodes';
import { otherCopies, pickCopy, step, targetsOf } from '../../src/extension/navigation/targets';

// Three sources of one made-up event: a quote carried by A and B (and said twice in A),
// the same words credited to someone else in C, a number B and C dispute, a claim only A has.
const A = 'file:///ws/a.txt', B = 'file:///ws/b.txt', C = 'file:///ws/c.txt';
const display = (k: string) => k.replace('file:///ws/', '');
const texts: Record<string, string> = {
  [A]: 'Mayor Ana Ruiz said: “The bridge opens in May.” The council spent 40 million. Ruiz added: “The bridge opens in May.” Traffic fell in Lund.',
  [B]: '“The bridge opens in May,” said Ana Ruiz. The council spent 45 million on it.',
  [C]: '“The bridge opens in May,” said Piet Bos. The council spent 40 million.',
};
const at = (doc: string, s: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = texts[doc].indexOf(s, i + 1);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length, text: s };
};
function quote(doc: string, s: string, speaker: string, nth = 0, over: Partial<Quote> = {}): Quote {
  return { ...at(doc, s, nth), speaker, speakerType: 'PERSON', speakerMention: null, cue: 'said', partial: false, uncertain: false, group: null, variants: [], ...over };
}
function claim(doc: string, s: string, over: Partial<Claim> = {}): Claim {
  return { ...at(doc, s), kind: 'numeric', speaker: null, entities: [], numbers: [], status: 'unique', corroboratedBy: [], disputedBy: [], ...over };
}
const link = (doc: string, s: string, similarity = 0.9, reason?: string) => ({ path: doc, ...at(doc, s), text: undefined, similarity, ...(reason ? { reason } : {}) });

const qA1 = quote(A, '“The bridge opens in May.”', 'Ana Ruiz', 0, { variants: [{ path: B, ...at(B, '“The bridge opens in May,”'), identical: true }], attributedElsewhere: [{ path: C, ...at(C, '“The bridge opens in May,”'), speaker: 'Piet Bos' }] });
const qA2 = quote(A, '“The bridge opens in May.”', 'Ana Ruiz', 1);
const qB = quote(B, '“The bridge opens in May,”', 'Ana Ruiz', 0, { variants: [{ path: A, ...at(A, '“The bridge opens in May.”'), identical: true }] });
const qC = quote(C, '“The bridge opens in May,”', 'Piet Bos', 0, { attributedElsewhere: [{ path: A, ...at(A, '“The bridge opens in May.”'), speaker: 'Ana Ruiz' }] });
const strip = ({ text: _t, ...l }: { text?: string } & Record<string, unknown>) => l as unknown as Claim['corroboratedBy'][number];
const results: DocumentResult[] = [
  { path: A, length: texts[A].length, title: null, truncated: null, quotes: [qA1, qA2], entities: [], duplicates: [],
    claims: [
      claim(A, 'The council spent 40 million.', { entities: ['Council'], status: 'disputed', corroboratedBy: [strip(link(C, 'The council spent 40 million.'))], disputedBy: [strip(link(B, 'The council spent 45 million on it.', 0.7, 'number'))] }),
      claim(A, 'Traffic fell in Lund.', { kind: 'event', entities: ['Lund'] }),
    ] },
  { path: B, length: texts[B].length, title: null, truncated: null, quotes: [qB], entities: [], duplicates: [],
    claims: [claim(B, 'The council spent 45 million on it.', { entities: ['Council'], status: 'disputed', disputedBy: [strip(link(A, 'The council spent 40 million.', 0.7, 'number'))] })] },
  { path: C, length: texts[C].length, title: null, truncated: null, quotes: [qC], entities: [], duplicates: [],
    claims: [claim(C, 'The council spent 40 million.', { entities: ['Council'], status: 'corroborated', corroboratedBy: [strip(link(A, 'The council spent 40 million.'))] })] },
];
const summaries: SourceSummary[] = results.map(r => ({ key: r.path, title: null, quotes: r.quotes.length, claims: r.claims.length, duplicates: 0, entities: 0, corroborated: 0, disputed: r.claims.filter(c => c.status === 'disputed').length, truncated: null }));
const opts = (over: Partial<TreeOptions> & { f?: Partial<TreeOptions['filters']> } = {}): TreeOptions =>
  ({ ...DEFAULT_OPTIONS, ...over, filters: { ...DEFAULT_OPTIONS.filters, ...over.f } });

describe('extension: Claims tree switches (treeModel)', () => {
  it('reads stored options back, falling back to the default for anything malformed', () => {
    assert.deepEqual(readOptions(undefined), DEFAULT_OPTIONS);
    assert.deepEqual(readOptions({ group: 'speaker', sort: 'nonsense', filters: { disputed: true, unique: 'yes' } }),
      { group: 'speaker', sort: 'position', filters: { unique: false, disputed: true, conflicts: false, quotesOnly: false } });
    assert.ok(isDefault(readOptions(null)));
    assert.ok(!isDefault(opts({ sort: 'corroboration' })));
  });

  it('filters: unique, disputed and conflicts admit their kind (any of them when several are on); quotes only narrows', () => {
    const nodes = results.flatMap(r => childNodes(r, display));
    const shown = (f: Partial<TreeOptions['filters']>) => nodes.filter(n => passes(n.facts, opts({ f }).filters)).map(n => `${display(n.uri)}:${n.start}`).sort();
    const ids = (pred: (n: (typeof nodes)[number]) => boolean) => nodes.filter(pred).map(n => `${display(n.uri)}:${n.start}`).sort();
    assert.deepEqual(shown({ disputed: true }), ids(n => n.facts?.status === 'disputed'));
    assert.equal(shown({ disputed: true }).length, 2);
    assert.deepEqual(shown({ conflicts: true }), ids(n => !!n.facts?.conflict));
    assert.equal(shown({ conflicts: true }).length, 2, 'the quote in A and the one in C');
    assert.deepEqual(shown({ unique: true, disputed: true }), ids(n => n.facts?.status === 'unique' || n.facts?.status === 'disputed'));
    assert.deepEqual(shown({ quotesOnly: true }), ids(n => n.type === 'quote'));
    assert.deepEqual(shown({ quotesOnly: true, conflicts: true }), ids(n => n.type === 'quote' && !!n.facts?.conflict));
    assert.deepEqual(shown({}), ids(() => true));
  });

  it('sorts by corroboration (carried or disputed by most sources first), reading order among equals', () => {
    const nodes = childNodes(results[0], display);
    const sorted = sortPassages(nodes, 'corroboration');
    assert.equal(sorted[0].facts?.text, 'The council spent 40 million.', 'one corroborating and one disputing source');
    assert.deepEqual(sortPassages(nodes, 'position').map(n => n.start), nodes.map(n => n.start).sort((x, y) => x! - y!));
  });

  it('groups by source: a filter leaves out the sources with nothing to show', () => {
    const all = buildTree(summaries, results, opts(), display);
    assert.deepEqual(all.map(r => r.path), ['a.txt', 'b.txt', 'c.txt']);
    const disputed = buildTree(summaries, results, opts({ f: { disputed: true } }), display);
    assert.deepEqual(disputed.map(r => r.path), ['a.txt', 'b.txt']);
    for (const r of disputed) for (const k of r.children) assert.equal(k.facts?.status, 'disputed');
  });

  it('lists a node of more than PAGED_FROM children in pages, at any depth, the children in turn as before', () => {
    // One source of many claims (sorted: the tree is built whole), grouped by source and by entity.
    const n = PAGED_FROM + PAGE_SIZE + 7;
    const body = 'The council met. '.repeat(n);
    const many: DocumentResult = { path: A, length: body.length, title: null, truncated: null, quotes: [], entities: [], duplicates: [],
      claims: Array.from({ length: n }, (_, k) => ({ start: k * 17, end: k * 17 + 16, text: 'The council met.', kind: 'event' as const, speaker: null, entities: ['Council'], numbers: [], status: 'unique' as const, corroboratedBy: [], disputedBy: [] })) };
    const summary = [{ ...summaries[0], claims: n, quotes: 0, disputed: 0 }];
    const flat = sortPassages(childNodes(many, display), 'corroboration');
    const [source] = buildTree(summary, [many], opts({ sort: 'corroboration' }), display);
    assert.equal(source.children.length, Math.ceil(n / PAGE_SIZE));
    assert.ok(source.children.every(p => p.type === 'page' && p.expandable));
    assert.equal(source.children[1].label, `${PAGE_SIZE + 1}–${2 * PAGE_SIZE} of ${n.toLocaleString('en-US')}`);
    assert.deepEqual(source.children.flatMap(p => p.children).map(c => c.id), flat.map(c => c.id), 'the pages in turn: the passages in order');
    const [entity] = buildTree(summary, [many], opts({ group: 'entity' }), display);
    assert.equal(entity.label, 'Council');
    assert.ok(entity.children.every(p => p.type === 'page'), 'an entity group of many claims, paged too');
    assert.equal(entity.children.flatMap(p => p.children).length, n);
    const ids = [...walk([source, entity])].map(x => x.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    // Up to PAGED_FROM: not paged.
    const few = { ...many, claims: many.claims.slice(0, PAGED_FROM) };
    assert.ok(buildTree(summary, [few], opts({ sort: 'corroboration' }), display)[0].children.every(c => c.type === 'claim'));
  });

  it('groups by speaker: each quote once with the count of sources carrying it, a repeat inside one file marked ×2', () => {
    const tree = buildTree(summaries, results, opts({ group: 'speaker' }), display);
    assert.deepEqual(tree.map(n => n.label), ['Ana Ruiz', 'Piet Bos']);
    const ruiz = tree[0];
    assert.equal(ruiz.children.length, 1, 'the quote said twice in A and once in B is one quote');
    const q = ruiz.children[0];
    assert.equal(q.type, 'quoteGroup');
    assert.match(q.description, /^2 sources · ×2 in one file$/);
    assert.deepEqual(q.children.map(c => c.path), ['a.txt', 'a.txt', 'b.txt']);
    assert.match(tree[1].children[0].description, /^1 source$/);
    const ids = [...walk(tree)].map(n => n.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  it('groups by entity: a claim under each entity it names', () => {
    const tree = buildTree(summaries, results, opts({ group: 'entity', sort: 'corroboration' }), display);
    assert.deepEqual(tree.map(n => n.label), ['Council', 'Lund'], 'three sources before one');
    assert.equal(tree[0].children.length, 3);
    assert.match(tree[0].description, /3 claims · 3 sources/);
  });

  it('groups by claim through the links when no claimGroup is given, and by claimGroup when it is', () => {
    const tree = buildTree(summaries, results, opts({ group: 'claim' }), display);
    const council = tree.find(n => n.children.length === 3);
    assert.ok(council, 'the 40/45 million claims of A, B and C form one group');
    assert.match(council.description, /3 sources · disputed/);
    assert.equal(tree.filter(n => n.children.length === 1).length, 1, 'the Lund claim alone');
    // With claimGroup ids, they decide (here: Lund joins the council group, links are ignored).
    const grouped = results.map(r => ({ ...r, claims: r.claims.map(c => ({ ...c, claimGroup: 'g1' })) }));
    const byId = buildTree(summaries, grouped, opts({ group: 'claim' }), display);
    assert.equal(byId.length, 1);
    assert.equal(byId[0].children.length, 4);
  });

  it('every node of every grouping has a screen-reader label that says more than the shortened label', () => {
    for (const group of ['source', 'speaker', 'entity', 'claim'] as const) {
      for (const n of walk(buildTree(summaries, results, opts({ group }), display))) {
        assert.ok(n.accessibilityLabel && n.accessibilityLabel.length > 10, `${group}: ${n.id}`);
        if (n.facts) assert.ok(n.accessibilityLabel.includes(n.facts.text), `${group}: the full words of ${n.id}`);
      }
    }
  });

  it('a citation gives the words, the speaker, the source and the offsets', () => {
    const q = childNodes(results[2], display).find(n => n.type === 'quote')!;
    assert.equal(citation(q), `“The bridge opens in May,” — Piet Bos, c.txt, characters ${qC.start}–${qC.end}`);
    const c = childNodes(results[1], display).find(n => n.type === 'claim')!;
    assert.match(citation(c), /^“The council spent 45 million on it\.”, b\.txt, characters \d+–\d+$/);
  });
});

describe('extension: keyboard navigation targets', () => {
  const spans = [{ start: 10, end: 20 }, { start: 30, end: 40 }, { start: 50, end: 60 }];
  it('steps to the next and previous passage, wrapping round', () => {
    assert.deepEqual(step(spans, 0, true), { span: spans[0], wrapped: false });
    assert.deepEqual(step(spans, 10, true), { span: spans[1], wrapped: false }, 'from the start of one, the next');
    assert.deepEqual(step(spans, 55, true), { span: spans[0], wrapped: true });
    assert.deepEqual(step(spans, 30, false), { span: spans[0], wrapped: false });
    assert.deepEqual(step(spans, 5, false), { span: spans[2], wrapped: true });
    assert.equal(step([], 5, true), undefined);
  });

  it('lists each kind once, in order', () => {
    assert.deepEqual(targetsOf(results[0], 'quote'), [qA1, qA2].map(q => ({ start: q.start, end: q.end })));
    assert.deepEqual(targetsOf(results[0], 'disputed').length, 1);
    assert.deepEqual(targetsOf(results[0], 'unique').map(s => texts[A].slice(s.start, s.end)), ['Traffic fell in Lund.']);
  });

  it('finds the other copies of a repeat, a quote and a claim; pressing again walks through them', () => {
    const dupDoc: DocumentResult = { ...results[0], duplicates: [
      { start: 0, end: 20, other: { path: A, start: 60, end: 80 }, kind: 'repeat', label: 'verbatim', similarity: 1, boilerplate: false },
      { start: 0, end: 20, other: { path: B, start: 0, end: 20 }, kind: 'shared', label: 'edited', similarity: 0.8, boilerplate: false },
    ] };
    assert.deepEqual(otherCopies(dupDoc, 5).map(c => `${display(c.path)}:${c.start}:${c.via}`), ['a.txt:60:repeat', 'b.txt:0:shared']);
    const copies = otherCopies(results[0], qA1.start + 3);
    assert.deepEqual(copies.map(c => display(c.path)), ['b.txt', 'c.txt'], 'the same quote, then the same words from another speaker');
    const claimAt = at(A, 'The council spent 40 million.').start + 2;
    assert.deepEqual(otherCopies(results[0], claimAt).map(c => display(c.path)), ['c.txt', 'b.txt']);
    assert.deepEqual(otherCopies(results[0], texts[A].length - 2), [], 'a unique claim has none');
    const first = pickCopy(copies, undefined)!;
    assert.equal(first, copies[0]);
    assert.equal(pickCopy(copies, { path: first.path, start: first.start }), copies[1]);
    assert.equal(pickCopy(copies, { path: copies[1].path, start: copies[1].start }), copies[0]);
  });
});
