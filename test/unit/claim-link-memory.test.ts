import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ClaimLinker, linkItems } from '../../src/core/claims/links';
import { claimNorm } from '../../src/core/claims/normalize';
import { analyzeLocal } from '../../src/core/corpus/corpus';
import { normalizeEol } from '../../src/core/text/decode';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

const seeds = path.resolve(__dirname, '../../../seeds');

/** The seed articles' claims, and the first three articles again under other paths (every claim of them twice). */
function docs(): { path: string; claims: Claim[] }[] {
  const files = fs.readdirSync(seeds).filter(f => f.endsWith('.txt')).sort();
  const out = files.map(f => ({ path: f, claims: analyzeLocal(new AnalysisContext(), normalizeEol(fs.readFileSync(path.join(seeds, f), 'utf8'))).claims }));
  for (const d of out.slice(0, 3)) out.push({ path: `copy-${d.path}`, claims: d.claims.map(c => ({ ...c })) });
  return out;
}
const copy = (ds: { path: string; claims: Claim[] }[]) => ds.map(d => ({ path: d.path, claims: d.claims.map(c => ({ ...c })) }));

describe('claim linking once, without the memo (the CLI)', () => {
  it('links as the linker that keeps its memos', () => {
    const base = docs();
    const kept = copy(base), emptied = copy(base);
    new ClaimLinker(new AnalysisContext()).link(kept.map(d => ({ ...d, key: null })));
    new ClaimLinker(new AnalysisContext(), true).link(emptied.map(d => ({ ...d, key: null })));
    assert.ok(kept.some(d => d.claims.some(c => c.corroboratedBy.length > 0)), 'some claims are linked');
    assert.deepEqual(emptied, kept);
  });

  it('holds each normalised form as worked out afresh, its units shared, one form for claims of the same text, names and speaker', () => {
    const ds = docs();
    const { items } = linkItems(new AnalysisContext(), ds, true);
    const fresh = new AnalysisContext();
    const firstUnit = new Map<string, readonly string[]>();
    let shared = 0;
    for (const it of items) {
      assert.deepEqual(it.norm, claimNorm(fresh, it.claim));
      for (const unit of it.norm.units) {
        const key = unit.join('\u0001'), first = firstUnit.get(key);
        if (!first) firstUnit.set(key, unit);
        else { assert.equal(unit, first, `one array for the unit ${key}`); shared++; }
      }
    }
    assert.ok(shared > items.length, 'units recur across claims');
    // A copied article's claims hold the very forms of the original's.
    const n = ds[0].claims.length, copied = items.filter(it => it.doc === ds.length - 3);
    assert.equal(copied.length, n);
    copied.forEach((it, k) => assert.equal(it.norm, items[k].norm));
  });

  it('gives claims of the same text, names and speaker the same key ids as the linker that keeps its memos', () => {
    const ds = docs();
    const once = linkItems(new AnalysisContext(), ds, true), kept = linkItems(new AnalysisContext(), ds);
    assert.equal(once.items.length, kept.items.length);
    once.items.forEach((it, k) => {
      const was = kept.items[k];
      assert.deepEqual([...it.units], [...was.units]);
      assert.deepEqual([...it.keys], [...was.keys]);
      assert.deepEqual(it.synonyms.map(s => s && [...s]), was.synonyms.map(s => s && [...s]));
      assert.deepEqual([...it.synonymIds].sort(), [...was.synonymIds].sort());
    });
    assert.deepEqual(once.keyOf, kept.keyOf);
    // A copied article's claims hold the original's arrays, not copies of them.
    const n = ds[0].claims.length, copied = once.items.filter(it => it.doc === ds.length - 3);
    copied.forEach((it, k) => { assert.equal(it.keys, once.items[k].keys); assert.equal(it.exactIds, once.items[k].exactIds); });
  });
});
