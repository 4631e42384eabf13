/**
 * What an edit costs: the corpus names again only the documents whose names can
 * have changed, and looks up the claims of only the documents whose links can have
 * changed; and what it gives equals the baseline (every claim re-indexed, every
 * document named again) and a fresh corpus.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { NameResolver } from '../../src/core/entities/names';
import { normalizeEol } from '../../src/core/text/decode';
import type { DocumentResult, Entity } from '../../src/core/types';
import { canonicalGroups } from '../support/groups';
import { rng } from '../support/rng';

const root = path.resolve(__dirname, '../../..');
const seedDir = path.join(root, 'seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => ({ path: f, text: normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')) }));

function fresh(docs: ReadonlyMap<string, string>): DocumentResult[] {
  const c = new Corpus();
  for (const [p, t] of docs) c.set(p, t);
  return c.allResults();
}

const person = (canonical: string): Entity => ({ start: 0, end: canonical.length, text: canonical, type: 'PERSON', canonical });
const org = (canonical: string): Entity => ({ start: 0, end: canonical.length, text: canonical, type: 'ORG', canonical });

describe('the name resolver learns and forgets documents', () => {
  it('answers as one built from the documents left, whatever came and went before', () => {
    const a = [person('Sergey Lavrov'), org('World Health Organization')];
    const b = [person('Sergei Lavrov'), person('Sergei Lavrov'), org('World Housing Office')];
    const c = [person('Anna Petrova')];
    const r = new NameResolver([a, b, c]);
    r.remove(b);
    const want = new NameResolver([a, c]);
    for (const [name, type] of [['Lavrov', 'PERSON'], ['WHO', 'ORG'], ['Petrova', 'PERSON'], ['S. Lavrov', 'PERSON']] as const) {
      assert.equal(r.resolve(name, type), want.resolve(name, type), name);
    }
    // With b gone the acronym is no longer ambiguous, and the surname has one form.
    assert.equal(r.resolve('WHO', 'ORG'), 'World Health Organization');
    assert.equal(r.resolve('Lavrov', 'PERSON'), 'Sergey Lavrov');
  });

  it('says which keys moved, and what each answer was worked out from', () => {
    const r = new NameResolver([]);
    const moved = r.add([person('Sergey Lavrov'), org('World Health Organization')]);
    assert.ok(moved.has('SLavrov'));
    assert.ok(moved.has('AWHO'));
    const uses: string[] = [];
    r.resolve('Lavrov', 'PERSON', k => uses.push(k));
    assert.ok(uses.includes('SLavrov'), uses.join());
    const orgUses: string[] = [];
    r.resolve('WHO', 'ORG', k => orgUses.push(k));
    assert.ok(orgUses.includes('AWHO'), orgUses.join());
  });
});

describe('an edit names again only the documents it can rename', function () {
  this.timeout(60_000);
  const surname = 'Lavrov arrived in Geneva on Monday. Lavrov said the talks would resume.';
  const other = 'Anna Petrova spoke in Paris. Petrova said the meeting was useful.';
  const full = 'Foreign Minister Sergey Lavrov met reporters.';

  it('an edit that leaves the names alone names one document', () => {
    const c = new Corpus();
    c.set('a.txt', surname);
    c.set('b.txt', other);
    c.set('c.txt', 'A quiet day.');
    c.allResults();
    c.set('c.txt', 'A quiet day in Geneva.');
    c.allResults();
    assert.equal(c.last.named, 1);
  });

  it('a full name added renames the documents that mention the surname, and no other', () => {
    const c = new Corpus();
    c.set('a.txt', surname);
    c.set('b.txt', other);
    c.set('c.txt', 'A quiet day.');
    const before = c.result('a.txt')!;
    assert.ok(before.entities.some(e => e.canonical === 'Lavrov'), JSON.stringify(before.entities.map(e => e.canonical)));
    c.set('c.txt', full);
    const after = c.result('a.txt')!;
    assert.ok(after.entities.some(e => e.canonical === 'Sergey Lavrov'), JSON.stringify(after.entities.map(e => e.canonical)));
    assert.equal(c.last.named, 2, 'c.txt (edited) and a.txt (its surname now resolves to the full name)');
    assert.deepEqual(canonicalGroups(c.allResults()), canonicalGroups(fresh(new Map([['a.txt', surname], ['b.txt', other], ['c.txt', full]]))));
    // And back: the full name gone, the surname stands alone again.
    c.set('c.txt', 'A quiet day.');
    assert.ok(c.result('a.txt')!.entities.some(e => e.canonical === 'Lavrov'));
    assert.equal(c.last.named, 2);
  });
});

describe('an edit looks up the claims of the documents whose links can change', function () {
  this.timeout(120_000);

  it('one document when no key crosses a bound, and the same links as the baseline', () => {
    const c = new Corpus();
    for (const s of seeds) c.set(s.path, s.text);
    c.allResults();
    const target = seeds[1];
    const text = target.text.replace(/\n\n/, '\n\nThe minister spoke briefly.\n\n');
    c.set(target.path, text);
    const got = c.allResults();
    assert.ok(c.last.claimsLookedUp >= 1 && c.last.claimsLookedUp < seeds.length, `${c.last.claimsLookedUp} of ${seeds.length}`);
    const base = new Corpus();
    base.incremental = false;
    for (const s of seeds) base.set(s.path, s.path === target.path ? text : s.text);
    assert.deepEqual(canonicalGroups(got), canonicalGroups(base.allResults()));
  });

  it('match the baseline edit by edit, with documents removed and added again', () => {
    const rand = rng(3);
    const inc = new Corpus(), base = new Corpus();
    base.incremental = false;
    const docs = new Map(seeds.map(s => [s.path, s.text]));
    for (const [p, t] of docs) { inc.set(p, t); base.set(p, t); }
    let fewer = 0;
    for (let k = 0; k < 30; k++) {
      const p = seeds[Math.floor(rand() * seeds.length)].path;
      const op = rand();
      if (op < 0.2 && docs.has(p) && docs.size > 2) {
        docs.delete(p); inc.delete(p); base.delete(p);
      } else {
        const t = docs.get(p) ?? seeds.find(s => s.path === p)!.text;
        const paras = t.split('\n\n');
        const i = Math.floor(rand() * paras.length);
        // A paragraph dropped, doubled, or a sentence of another seed put in.
        const r = rand();
        if (r < 0.3 && paras.length > 2) paras.splice(i, 1);
        else if (r < 0.6) paras.splice(i, 0, paras[i]);
        else paras.splice(i, 0, seeds[Math.floor(rand() * seeds.length)].text.split('\n\n').find(x => x.length > 80) ?? 'More.');
        const next = paras.join('\n\n');
        docs.set(p, next); inc.set(p, next); base.set(p, next);
      }
      const got = inc.allResults();
      assert.deepEqual(canonicalGroups(got), canonicalGroups(base.allResults()), `step ${k}`);
      if (inc.last.claimsLookedUp < docs.size) fewer++;
    }
    assert.deepEqual(canonicalGroups(inc.allResults()), canonicalGroups(fresh(new Map(inc.paths().map(p => [p, docs.get(p)!])))));
    assert.ok(fewer > 0, 'some edit looked up fewer documents than the corpus holds');
  });
});

describe('an edit relinks the claims a linked quote is in', function () {
  this.timeout(60_000);
  it('a report\'s own sentence quoting a few of a speaker\'s words: linked and unlinked by edits as a fresh corpus links it', () => {
    // A's claim is a statement holding a fragment of what B quotes whole: the quote layer links the two claims.
    const a = 'Ferry talks\n\nAda Brook, the harbour master, called the new ferry timetable “a costly mistake for the island” on Monday. The council will vote next week.\n\nShe spoke at the pier.';
    const b = 'Harbour row\n\n“Cutting the night crossings is a costly mistake for the island,” Ada Brook told reporters on Monday.\n\nThe council will vote next week.';
    const reworded = b.replace('a costly mistake for the island', 'an error the island will pay for');
    const c = new Corpus();
    const docs = new Map<string, string>();
    const set = (p: string, t: string) => { docs.set(p, t); c.set(p, t); };
    set('a.txt', a);
    set('b.txt', b);
    const linked = () => c.result('a.txt')!.claims.some(x => x.kind !== 'quote' && x.corroboratedBy.some(l => l.path === 'b.txt'));
    assert.ok(linked(), 'the quoting sentence linked to the quotation');
    assert.deepEqual(canonicalGroups(c.allResults()), canonicalGroups(fresh(docs)));
    // The quotation reworded (the link goes), then back (it comes again), then the quoting sentence's document edited.
    // A third report of the same quotation: its edits relink the quotation's claims in A and B, not A's whole text.
    const third = 'Island news\n\n“Cutting the night crossings is a costly mistake for the island,” Brook said.\n\nThe vote is next week.';
    for (const [p, t, want] of [['b.txt', reworded, false], ['b.txt', b, true], ['a.txt', a.replace('She spoke', 'Brook spoke'), true],
      ['c.txt', third, true], ['c.txt', third.replace('next week', 'on Friday'), true], ['c.txt', third.replace('a costly mistake', 'a grave mistake'), true],
      ['b.txt', reworded, false]] as const) {
      set(p, t);
      assert.equal(linked(), want, `after the edit of ${p}`);
      assert.deepEqual(canonicalGroups(c.allResults()), canonicalGroups(fresh(docs)), `after the edit of ${p}: as a fresh corpus`);
    }
  });
});
