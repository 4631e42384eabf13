import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { capLinks, LINK_CAP } from '../../src/core/corpus/caps';
import type { Claim, ClaimLink, DocumentResult } from '../../src/core/types';
import { checkContract } from '../contract/checkContract';

/** `n` short reports, each quoting the same senator with the same words (and a line of its own). */
function reports(n: number, words = '“We will not allow the bridge to close before the winter storms arrive,”'): Map<string, string> {
  const docs = new Map<string, string>();
  for (let k = 0; k < n; k++) {
    const town = ['Dover', 'Salem', 'Camden', 'Burlington', 'Hartford', 'Augusta', 'Concord', 'Albany', 'Trenton', 'Newark', 'Boston', 'Portland', 'Bangor', 'Lowell'][k % 14];
    docs.set(`r${String(k).padStart(2, '0')}.txt`,
      `Bridge vote in ${town}\n\nLocal officials in ${town} met on day ${k + 1} of the session.\n\n${words} Senator Maria Lopez said on Tuesday.\n`);
  }
  return docs;
}

const byPlace = (x: ClaimLink, y: ClaimLink) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start);
const linkId = (path: string, s: { start: number; end: number }) => `${path}@${s.start}-${s.end}`;

function corpusOf(docs: Map<string, string>, order: string[] = [...docs.keys()]): Corpus {
  const c = new Corpus();
  for (const p of order) c.set(p, docs.get(p)!);
  return c;
}

describe('link caps (a group of more than 9 copies lists the 8 nearest on each entry)', function () {
  this.timeout(60_000);
  it('lists every other copy of a quote in a group of 9, and at most 8 in a group of 12, each link mirrored', () => {
    for (const n of [9, 12]) {
      const docs = reports(n);
      const results = corpusOf(docs).allResults();
      const quotes = results.flatMap(r => r.quotes.filter(q => q.speaker === 'Maria Lopez').map(q => ({ path: r.path, q })));
      assert.equal(quotes.length, n, 'one quote per report');
      const links = new Set<string>();
      for (const { path, q } of quotes) {
        assert.equal(q.quoteGroupSize, n, 'the group counts every copy');
        if (n <= LINK_CAP + 1) assert.equal(q.variants.length, n - 1, 'a small group lists every other copy');
        else assert.ok(q.variants.length <= LINK_CAP && q.variants.length > 0, `${path} lists ${q.variants.length}`);
        for (const v of q.variants) links.add(`${linkId(path, q)}>${linkId(v.path, v)}`);
      }
      for (const l of links) {
        const [a, b] = l.split('>');
        assert.ok(links.has(`${b}>${a}`), `${l} has no mirror`);
      }
      const out = { version: 1, documents: results, skipped: [] };
      assert.deepEqual(checkContract(out, p => docs.get(p)!), []);
    }
  });

  it('keeps claim links short and mirrored, and the same whatever order the documents came in', () => {
    const docs = reports(13);
    const forward = corpusOf(docs).allResults();
    const backward = corpusOf(docs, [...docs.keys()].reverse()).allResults();
    const byPath = (rs: DocumentResult[]) => new Map(rs.map(r => [r.path, r]));
    const b = byPath(backward);
    let capped = 0;
    for (const r of forward) {
      // The lists' order follows the documents' order (the claim linker's); which links are listed does not.
      const sorted = (cs: Claim[]) => cs.map(c => ({ ...c, corroboratedBy: [...c.corroboratedBy].sort(byPlace), disputedBy: [...c.disputedBy].sort(byPlace) }));
      assert.deepEqual(sorted(r.claims), sorted(b.get(r.path)!.claims), `${r.path}: claims differ with the documents in another order`);
      assert.deepEqual(r.quotes, b.get(r.path)!.quotes, `${r.path}: quotes differ with the documents in another order`);
      for (const c of r.claims) {
        const n = c.corroboratedBy.length + c.disputedBy.length;
        assert.ok(n <= LINK_CAP, `${r.path} ${c.text}: ${n} links`);
        if (n === LINK_CAP) capped++;
      }
    }
    assert.ok(capped > 0, 'some claim carried by 13 reports lists the cap');
    assert.deepEqual(checkContract({ version: 1, documents: forward, skipped: [] }, p => docs.get(p)!), []);
  });

  it('keeps the disputes first and the nearest copies, by similarity then path', () => {
    // A hand-made star: claim 0 of "hub" is linked to 11 claims; two dispute it.
    const claim = (start: number): Claim => ({
      start, end: start + 5, text: 'xxxxx', kind: 'statement', speaker: null, entities: [], numbers: [],
      status: 'corroborated', corroboratedBy: [], disputedBy: [],
    });
    const docs: DocumentResult[] = [];
    const hub = claim(0);
    docs.push({ path: 'hub', length: 10, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [hub] });
    for (let k = 0; k < 11; k++) {
      const c = claim(0);
      const path = `d${String(k).padStart(2, '0')}`;
      const similarity = k < 3 ? 0.9 : 0.5 + k / 100;
      const there: ClaimLink = { path: 'hub', start: 0, end: 5, similarity };
      const here: ClaimLink = { path, start: 0, end: 5, similarity };
      if (k === 5 || k === 6) { c.disputedBy.push({ ...there, reason: 'number' }); hub.disputedBy.push({ ...here, reason: 'number' }); } else { c.corroboratedBy.push(there); hub.corroboratedBy.push(here); }
      docs.push({ path, length: 10, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [c] });
    }
    // Two hubs: each leaf links to both; so the hubs fill up with the nearest leaves and every leaf keeps a link.
    const hub2 = claim(0);
    docs.push({ path: 'hub2', length: 10, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [hub2] });
    for (const d of docs.slice(1, 12)) {
      const c = d.claims[0];
      const similarity = 0.3;
      c.corroboratedBy.push({ path: 'hub2', start: 0, end: 5, similarity });
      hub2.corroboratedBy.push({ path: d.path, start: 0, end: 5, similarity });
      c.status = c.disputedBy.length ? 'disputed' : 'corroborated';
    }
    hub.status = 'disputed';
    capLinks(docs, () => 0);
    assert.deepEqual(hub.disputedBy.map(l => l.path), ['d05', 'd06']);
    // Then the highest similarity (0.9, ties by path: d00-d02), then 0.60, 0.59, 0.58 (d10, d09, d08).
    assert.deepEqual(hub.corroboratedBy.map(l => l.path).sort(), ['d00', 'd01', 'd02', 'd08', 'd09', 'd10']);
    assert.ok(hub2.corroboratedBy.length <= LINK_CAP);
    const out = { version: 1, documents: docs, skipped: [] };
    // Mirrored, and every status still what its lists say (the leaves hub1 dropped are listed by hub2).
    assert.deepEqual(checkContract(out, () => 'x'.repeat(10)), []);
    for (const d of docs.slice(1, 12)) assert.ok(d.claims[0].corroboratedBy.length + d.claims[0].disputedBy.length >= 1, `${d.path} kept a link`);
  });

  it('keeps the link that gives a claim its status, even past the cap at a star\'s centre', () => {
    const claim = (): Claim => ({ start: 0, end: 5, text: 'xxxxx', kind: 'statement', speaker: null, entities: [], numbers: [], status: 'corroborated', corroboratedBy: [], disputedBy: [] });
    const centre = claim();
    const docs: DocumentResult[] = [{ path: 'centre', length: 10, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [centre] }];
    for (let k = 0; k < 12; k++) {
      const c = claim();
      const path = `leaf${String(k).padStart(2, '0')}`;
      c.corroboratedBy.push({ path: 'centre', start: 0, end: 5, similarity: 0.8 });
      centre.corroboratedBy.push({ path, start: 0, end: 5, similarity: 0.8 });
      docs.push({ path, length: 10, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [c] });
    }
    capLinks(docs, () => 0);
    for (const d of docs.slice(1)) assert.equal(d.claims[0].corroboratedBy.length, 1, `${d.path} is still corroborated by the centre`);
    assert.equal(centre.corroboratedBy.length, 12);
    assert.deepEqual(checkContract({ version: 1, documents: docs, skipped: [] }, () => 'x'.repeat(10)), []);
  });

  it('lists every other source before second copies in a document that repeats the claim', () => {
    const claim = (start: number): Claim => ({ start, end: start + 5, text: 'xxxxx', kind: 'statement', speaker: null, entities: [], numbers: [], status: 'corroborated', corroboratedBy: [], disputedBy: [] });
    const doc = (path: string, claims: Claim[]): DocumentResult => ({ path, length: 100, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims });
    const link = (a: { path: string; c: Claim }, b: { path: string; c: Claim }, similarity: number) => {
      a.c.corroboratedBy.push({ path: b.path, start: b.c.start, end: b.c.end, similarity });
      b.c.corroboratedBy.push({ path: a.path, start: a.c.start, end: a.c.end, similarity });
    };
    /** Claim x linked to `copies` copies in one document "rep" (similarities 0.9 down) and to one claim in each of `others` documents (0.5); each of those also has a partner of its own. */
    const build = (copies: number, others: number) => {
      const x = { path: 'x', c: claim(0) };
      const docs = [doc('x', [x.c])];
      const rep = doc('rep', []);
      docs.push(rep);
      const leaves: { path: string; c: Claim }[] = [];
      for (let k = 0; k < copies; k++) { const c = claim(10 * k); rep.claims.push(c); leaves.push({ path: 'rep', c }); link(x, { path: 'rep', c }, 0.9 - k / 100); }
      for (let k = 0; k < others; k++) { const c = claim(0); const path = `d${k}`; docs.push(doc(path, [c])); leaves.push({ path, c }); link(x, { path, c }, 0.5); }
      leaves.forEach((l, k) => { const c = claim(0); const path = `p${String(k).padStart(2, '0')}`; docs.push(doc(path, [c])); link(l, { path, c }, 0.2); });
      return { x: x.c, docs };
    };
    const { x, docs } = build(6, 3);
    capLinks(docs, () => 0);
    assert.equal(x.corroboratedBy.length, LINK_CAP);
    // Each of the four documents, then the nearest copies of "rep" (0.90 to 0.86; 0.85 dropped).
    assert.deepEqual([...new Set(x.corroboratedBy.map(l => l.path))].sort(), ['d0', 'd1', 'd2', 'rep']);
    assert.deepEqual(x.corroboratedBy.filter(l => l.path === 'rep').map(l => l.start), [0, 10, 20, 30, 40]);
    assert.deepEqual(checkContract({ version: 1, documents: docs, skipped: [] }, () => 'x'.repeat(100)), []);
    // The same links whatever order the documents came in.
    const again = build(6, 3);
    capLinks([...again.docs].reverse(), () => 0);
    assert.deepEqual([...again.x.corroboratedBy].sort(byPlace), [...x.corroboratedBy].sort(byPlace));
    // All copies in one document: the nearest, by similarity.
    const one = build(10, 0);
    capLinks(one.docs, () => 0);
    assert.deepEqual(one.x.corroboratedBy.map(l => l.start), [0, 10, 20, 30, 40, 50, 60, 70]);
    // Nine copies in all (eight links): nothing dropped.
    const nine = build(5, 3);
    capLinks(nine.docs, () => 0);
    assert.equal(nine.x.corroboratedBy.length, 8);
  });
  it('in a large group of equally near copies, the copies the first round left out link each other', () => {
    // 13 claims, each in its own document, every pair linked at the same similarity: ties go by path, so
    // d00…d08 are each other's first 8 and fill up; d09…d12 rank only those first and are refused by them.
    const claim = (): Claim => ({ start: 0, end: 5, text: 'xxxxx', kind: 'statement', speaker: null, entities: [], numbers: [], status: 'corroborated', corroboratedBy: [], disputedBy: [] });
    const paths = Array.from({ length: 13 }, (_, k) => `d${String(k).padStart(2, '0')}`);
    const docs: DocumentResult[] = paths.map(path => ({ path, length: 10, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [claim()] }));
    for (let i = 0; i < 13; i++) for (let j = 0; j < 13; j++) if (i !== j) docs[i].claims[0].corroboratedBy.push({ path: paths[j], start: 0, end: 5, similarity: 0.9 });
    capLinks(docs, () => 0);
    const listed = (k: number) => docs[k].claims[0].corroboratedBy.map(l => l.path).sort();
    for (let k = 0; k < 9; k++) assert.deepEqual(listed(k), paths.slice(0, 9).filter(p => p !== paths[k]), `${paths[k]} lists the other eight of the first nine`);
    for (let k = 9; k < 13; k++) assert.deepEqual(listed(k), paths.slice(9).filter(p => p !== paths[k]), `${paths[k]} lists the other late copies`);
    assert.deepEqual(checkContract({ version: 1, documents: docs, skipped: [] }, () => 'x'.repeat(10)), []);
  });
});

describe('link caps on groups of two wordings across many documents', () => {
  it('lists at most LINK_CAP links on every claim and quote, and keeps the contract (random mixes of shared paragraphs)', () => {
    const lead = 'The harbour reopened on Monday after the storm.\n\n';
    const paragraphs = [
      'Harbour master Jane Roe said the repairs were “going faster than anyone expected.”\n\n',
      'The repairs were “going faster than anyone expected,” said harbour master Jane Roe.\n\n',
      'Roe called the delays at the northern pier “unacceptable.”\n\n',
      '“Some of the crews waited two days for fuel, and frankly that was unacceptable,” Roe said.\n\n',
      'The city council voted on Tuesday to spend 40 million dollars on new sea walls for the harbour.\n\n',
      'On Tuesday the council approved 40 million dollars for new sea walls around the harbour.\n\n',
      'Fishermen said the storm destroyed dozens of boats along the northern coast last week.\n\n',
    ];
    for (const start of [5, 11, 23]) {
      let seed = start;
      const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const docs = new Map<string, string>();
      for (let step = 0; step < 30; step++) {
        const path = `d${Math.floor(rnd() * 14)}.txt`;
        if (rnd() < 0.1 && docs.has(path)) docs.delete(path);
        else docs.set(path, lead + paragraphs.filter(() => rnd() < 0.7).join(''));
      }
      const results = corpusOf(docs).allResults();
      let most = 0;
      for (const r of results) {
        for (const c of r.claims) most = Math.max(most, c.corroboratedBy.length + c.disputedBy.length + (c.partlyCorroboratedBy?.length ?? 0));
        for (const q of r.quotes) most = Math.max(most, q.variants.length);
      }
      assert.ok(most > 0, 'the wordings are linked');
      assert.ok(most <= LINK_CAP, `seed ${start}: at most ${LINK_CAP} links per item, found ${most}`);
      assert.deepEqual(checkContract({ version: 1, documents: results, skipped: [] }, p => docs.get(p)!), []);
    }
  });
});
