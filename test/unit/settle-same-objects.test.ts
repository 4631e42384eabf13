/**
 * A settle links again, from scratch, every claim and quote its edit reaches, most of
 * which come out as they were. Where they do, the corpus hands out the last result's
 * objects (the claim, the list, the whole result), so that what holds the last ones
 * (the worker's views) holds no second copy; where anything differs, the new ones.
 */
import assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { sameData } from '../../src/core/sameData';
import type { DocumentResult } from '../../src/core/types';
import { canonicalGroups } from '../support/groups';
import { BRIDGE, BUDGET, CLAIM, fresh, report } from '../support/townReports';

/** Twelve reports linked to each other through the same quote and claim. */
function linkedReports(): Map<string, string> {
  const docs = new Map<string, string>();
  for (let k = 0; k < 12; k++) docs.set(`r${String(k).padStart(2, '0')}.txt`, report(k, k % 2 ? [BRIDGE, CLAIM] : [BRIDGE, CLAIM, BUDGET]));
  return docs;
}

function settled(docs: ReadonlyMap<string, string>): Corpus {
  const c = new Corpus();
  c.deferSettle = true;
  for (const [p, t] of docs) c.set(p, t);
  c.allResults();
  c.settle();
  return c;
}

const byPath = (rs: readonly DocumentResult[]) => new Map(rs.map(r => [r.path, r]));

describe('a settle hands out the last objects for what it made the same', () => {
  it('an unrelated paragraph added at the end: every other document keeps its result object, the edited one its claims and quotes', () => {
    const docs = linkedReports();
    const corpus = settled(docs);
    const before = byPath(corpus.allResults());
    const edited = 'r03.txt';
    docs.set(edited, docs.get(edited)! + '\nHeavy rain is expected across the northern coast on Friday night.\n');
    corpus.set(edited, docs.get(edited)!);
    corpus.allResults();
    corpus.settle();
    const after = byPath(corpus.allResults());
    // The settle did link the neighbours again (the closure reaches every report through the shared quote).
    assert.ok(corpus.last.relinked >= 12, `${corpus.last.relinked} documents linked again`);
    for (const [p, r] of after) {
      if (p === edited) continue;
      assert.equal(r, before.get(p), `${p}: the last result object`);
    }
    const was = before.get(edited)!, now = after.get(edited)!;
    assert.notEqual(now, was);
    assert.ok(now.claims.length > was.claims.length, 'the new paragraph adds a claim');
    was.claims.forEach((c, i) => assert.equal(now.claims[i], c, `claim ${i}: the last object`));
    was.quotes.forEach((q, i) => assert.equal(now.quotes[i], q, `quote ${i}: the last object`));
    assert.deepEqual(canonicalGroups([...after.values()]), canonicalGroups(fresh(docs)));
  });

  it('an edit that moves the edited document\'s claims: the links to them change, so its neighbours get new objects, equal to a fresh corpus\'s', () => {
    const docs = linkedReports();
    const corpus = settled(docs);
    const before = byPath(corpus.allResults());
    const edited = 'r04.txt';
    // (A word before everything: each of its claims and quotes starts further on, and so does every link to one.)
    docs.set(edited, 'Updated: ' + docs.get(edited)!);
    corpus.set(edited, docs.get(edited)!);
    corpus.allResults();
    corpus.settle();
    const after = byPath(corpus.allResults());
    let moved = 0, kept = 0;
    for (const [p, r] of after) {
      if (p === edited) continue;
      const old = before.get(p)!;
      if (r !== old) {
        moved++;
        assert.equal(sameData(r, old), false, `${p}: a new object only where something changed`);
      }
      // Within it, the claims whose links to the edited document moved are new; the others (its own town's line, a
      // claim no other report makes) are the last objects.
      r.claims.forEach((c, i) => {
        const o = old.claims[i];
        if (c === o) kept++;
        else assert.equal(sameData(c, o), false, `${p} claim ${i}: a new object only where something changed`);
      });
    }
    assert.equal(moved, 11, 'every report links to the edited one, whose offsets moved');
    assert.ok(kept >= 11, `${kept} claims kept their objects`);
    assert.deepEqual(canonicalGroups([...after.values()]), canonicalGroups(fresh(docs)));
  });
});
