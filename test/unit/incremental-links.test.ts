/**
 * An edited corpus links again only the claims and quotes an edit can reach, and
 * gives what a corpus built from scratch gives: quote variants and their groups,
 * claim links, claim groups, the claims of quotes that follow their variants
 * (disputed when a number changes), and the link cap of large groups, through edits
 * that add and remove links and change a document's neighbours. Group ids are kept
 * while a group stands, so results are compared by partition (see canonicalGroups).
 */
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { LINK_CAP } from '../../src/core/corpus/caps';
import type { DocumentResult } from '../../src/core/types';
import { canonicalGroups } from '../support/groups';
import { rng } from '../support/rng';
import { BRIDGE, BUDGET, BUDGET_NUMBER, CLAIM, TOWNS, fresh, report } from '../support/townReports';

describe('an edited corpus relinks what an edit reaches, and equals a fresh one', function () {
  this.timeout(180_000);

  it('through edits that add and remove quotes, numbers and claims in a group past the cap', () => {
    const rand = rng(5);
    const parts = new Map<string, string[]>();
    for (let k = 0; k < 13; k++) parts.set(`r${String(k).padStart(2, '0')}.txt`, k % 3 === 0 ? [BRIDGE, CLAIM] : k % 3 === 1 ? [BRIDGE] : [BUDGET, CLAIM]);
    for (let k = 13; k < 16; k++) parts.set(`o${k}.txt`, [`The ${TOWNS[k % TOWNS.length]} library opens a new reading room for children on Saturday.`]);
    const docs = new Map([...parts].map(([p, ps], k) => [p, report(k, ps)]));
    const corpus = new Corpus();
    for (const [p, t] of docs) corpus.set(p, t);
    assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)));
    const paths = [...parts.keys()];
    let fewer = 0, capped = 0, disputed = 0, regrouped = 0;
    const sizes = (rs: DocumentResult[]) => JSON.stringify(rs.map(r => [r.quotes.map(q => q.quoteGroupSize), r.claims.map(c => c.claimGroupSize)]));
    let before = sizes(corpus.allResults());
    for (let step = 0; step < 24; step++) {
      const p = paths[Math.floor(rand() * paths.length)];
      const k = paths.indexOf(p);
      const r = rand();
      if (r < 0.1 && docs.has(p)) {
        docs.delete(p);
        corpus.delete(p);
      } else {
        let ps = [...(parts.get(p) ?? [])];
        if (r < 0.3) ps = ps.includes(BRIDGE) ? ps.filter(x => x !== BRIDGE) : [BRIDGE, ...ps];
        else if (r < 0.45) ps = ps.includes(BUDGET) || ps.includes(BUDGET_NUMBER) ? ps.map(x => (x === BUDGET ? BUDGET_NUMBER : x === BUDGET_NUMBER ? BUDGET : x)) : [...ps, BUDGET_NUMBER];
        else if (r < 0.6) ps = ps.includes(BUDGET) ? ps.filter(x => x !== BUDGET) : [...ps, BUDGET];
        else if (r < 0.75) ps = ps.includes(CLAIM) ? ps.filter(x => x !== CLAIM) : [...ps, CLAIM];
        else ps = [...ps, `A quiet afternoon followed in ${TOWNS[step % TOWNS.length]}.`];
        parts.set(p, ps);
        const text = report(k, ps);
        docs.set(p, text);
        corpus.set(p, text);
      }
      const got = corpus.allResults();
      assert.deepEqual(canonicalGroups(got), canonicalGroups(fresh(docs)), `step ${step}: ${p}`);
      if (corpus.last.relinked < docs.size) fewer++;
      if (got.some(d => d.quotes.some(q => q.variants.length === LINK_CAP && (q.quoteGroupSize ?? 0) > LINK_CAP + 1))) capped++;
      if (got.some(d => d.claims.some(c => c.disputedBy.length > 0))) disputed++;
      const now = sizes(got);
      if (now !== before) regrouped++;
      before = now;
    }
    assert.ok(fewer > 0, 'some edit linked again fewer documents than the corpus holds');
    assert.ok(capped > 0, 'some state had a quote group past the cap');
    assert.ok(disputed > 0, 'some state had a disputed claim (a number changed in a quote)');
    assert.ok(regrouped >= 4, `only ${regrouped} edits changed a group's size`);
  });

  it('keeps the result objects, and the group ids, of what an edit does not reach', () => {
    const docs = new Map<string, string>();
    for (let k = 0; k < 4; k++) docs.set(`r${k}.txt`, report(k, [BRIDGE]));
    docs.set('r4.txt', 'Garden notes\n\nTomatoes ripen slowly in a cool August.\n');
    docs.set('r5.txt', 'Chess column\n\nThe endgame of rook against bishop is usually drawn.\n');
    const corpus = new Corpus();
    for (const [p, t] of docs) corpus.set(p, t);
    const first = new Map(corpus.allResults().map(r => [r.path, r]));
    const group = first.get('r0.txt')!.quotes.find(q => q.speaker === 'Maria Lopez')!.quoteGroup;
    assert.ok(group, 'the senator\'s quote is in a group');
    // An edit to a document that shares nothing with the group.
    corpus.set('r5.txt', 'Chess column\n\nThe endgame of rook and pawn against rook needs care.\n');
    const second = new Map(corpus.allResults().map(r => [r.path, r]));
    for (const p of ['r0.txt', 'r1.txt', 'r2.txt', 'r3.txt']) assert.equal(second.get(p), first.get(p), `${p} is the same object`);
    assert.ok(corpus.last.relinked <= 2, `${corpus.last.relinked} documents linked again`);
    // A copy joins the group: it keeps its id and counts the new member.
    corpus.set('r4.txt', report(4, [BRIDGE]));
    const third = corpus.allResults();
    const copies = third.flatMap(r => r.quotes.filter(q => q.speaker === 'Maria Lopez'));
    assert.equal(copies.length, 5);
    for (const q of copies) { assert.equal(q.quoteGroup, group); assert.equal(q.quoteGroupSize, 5); }
  });

  it('builds again a document whose text changed even when it has no claim or quote: its length, title and entities are new', () => {
    // (Found by the fuzz tier: a page of dashes cut, a one-letter file emptied, kept their old length and spans.)
    const docs = new Map<string, string>([
      ['dashes.txt', '—'.repeat(3_000)],
      ['tiny.txt', 'x'],
      ['names.txt', 'Ana Ruiz met Tom Reyes in Dover.\n'],
      ['news.txt', report(0, [BRIDGE, CLAIM])],
    ]);
    const corpus = new Corpus();
    for (const [p, t] of docs) corpus.set(p, t);
    corpus.allResults();
    const edits: [string, string][] = [
      ['dashes.txt', '—'.repeat(2_800)],
      ['tiny.txt', ''],
      ['names.txt', 'Ana Ruiz met Tom Reyes and Lena Park in Salem on Monday.\n'],
      ['names.txt', 'A headline\n\nAna Ruiz met Tom Reyes.\n'],
    ];
    for (const [p, t] of edits) {
      docs.set(p, t);
      corpus.set(p, t);
      const got = corpus.result(p)!;
      assert.equal(got.length, t.length, `${p}: length`);
      for (const e of got.entities) assert.equal(e.text, t.slice(e.start, e.end), `${p}: entity text`);
      assert.deepEqual(canonicalGroups(corpus.allResults()), canonicalGroups(fresh(docs)), `${p}: the corpus equals a fresh one`);
    }
  });
});
