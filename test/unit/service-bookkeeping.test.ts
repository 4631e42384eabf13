/**
 * The index worker's per-edit bookkeeping (ChangeTracker, IndexService's views)
 * is kept up to date document by document; these tests hold it, after random
 * edits, deletions, settles and annotation switches, against the same thing worked
 * out from scratch: the documents reported changed against every view compared with
 * the one before, the entity source counts against a count over every view, the
 * tracker's report against the whole-corpus comparison it replaced.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyAnnotations, type Annotations } from '../../src/core/annotations';
import type { DocumentResult, Entity, Quote } from '../../src/core/types';
import { entityKey } from '../../src/protocol/protocol';
import { sameData } from '../../src/core/sameData';
import { ChangeTracker } from '../../src/worker/changes';
import { IndexService } from '../../src/worker/IndexService';
import { rng } from '../support/rng';
import { BRIDGE, BUDGET, BUDGET_NUMBER, CLAIM, TOWNS, report } from '../support/townReports';

/**
 * The report as worked out over the whole corpus (what `ChangeTracker.take` did before
 * it kept its bookkeeping by document): every result compared with the one reported,
 * every entity's count with the one reported, every quote variant's wording in a
 * rewritten document with the text reported.
 */
class ReferenceTracker {
  private reported = new Map<string, DocumentResult>();
  private reportedCounts: ReadonlyMap<string, number> = new Map();
  private reportedTexts = new Map<string, string>();
  private readonly touched = new Set<string>();
  private readonly rewritten = new Set<string>();

  touch(key: string, text: boolean): void {
    this.touched.add(key);
    if (text) this.rewritten.add(key);
  }

  take(results: ReadonlyMap<string, DocumentResult>, textOf: (key: string) => string | undefined, open?: ReadonlyMap<string, unknown>): string[] {
    const counts = countsOf(results.values());
    const wordingChanged = (v: { path: string; start: number; end: number }) =>
      this.rewritten.has(v.path) && this.reportedTexts.get(v.path)?.slice(v.start, v.end) !== textOf(v.path)?.slice(v.start, v.end);
    const changed = new Set(this.touched);
    for (const key of this.reported.keys()) if (!results.has(key)) changed.add(key);
    for (const [key, r] of results) if (!sameData(this.reported.get(key), r)) changed.add(key);
    const recounted = new Set<string>();
    for (const [k, n] of counts) if (this.reportedCounts.get(k) !== n) recounted.add(k);
    for (const k of this.reportedCounts.keys()) if (!counts.has(k)) recounted.add(k);
    for (const [key, r] of results) {
      if (changed.has(key)) continue;
      const shown = !open || open.has(key);
      if ((shown && r.entities.some(e => recounted.has(entityKey(e.type, e.canonical)))) || r.quotes.some(q => q.variants.some(wordingChanged))) changed.add(key);
    }
    this.reported = new Map(results);
    this.reportedCounts = counts;
    this.reportedTexts = new Map([...results.keys()].map(k => [k, textOf(k) ?? '']));
    this.touched.clear();
    this.rewritten.clear();
    return [...changed].sort();
  }
}

/** How many of the results mention each entity, counted from scratch. */
function countsOf(results: Iterable<DocumentResult>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of results) for (const k of new Set(r.entities.map(e => entityKey(e.type, e.canonical)))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

describe('the change tracker kept by document, against the whole-corpus comparison', () => {
  const NAMES = ['Lopez', 'Reyes', 'Dover', 'Salem', 'Camden', 'Acme', 'Lowell', 'Kuleba'];
  const KEYS = Array.from({ length: 24 }, (_, i) => `d${i}`);

  for (const [seed, someOpen] of [[1, false], [2, false], [3, false], [4, true], [5, true], [6, true]] as const) {
    it(`reports what the reference reports, and counts what a count from scratch gives, over random changes (seed ${seed}${someOpen ? ', some documents open' : ''})`, () => {
      const rand = rng(seed);
      // The documents open in an editor, whose views show entity source counts (none given: every document's do).
      const open = someOpen ? new Map(KEYS.filter(() => rand() < 0.4).map(k => [k, null])) : undefined;
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
      const texts = new Map<string, string>();
      const views = new Map<string, DocumentResult>();
      const tracker = new ChangeTracker(), reference = new ReferenceTracker();
      const touch = (key: string, text: boolean) => { tracker.touch(key, text); reference.touch(key, text); };
      const entities = (): Entity[] => Array.from({ length: Math.floor(rand() * 4) }, () => {
        const name = pick(NAMES);
        return { start: 0, end: 1, text: name, type: pick(['PERSON', 'PLACE', 'ORG'] as const), canonical: name };
      });
      const quotes = (): Quote[] => Array.from({ length: Math.floor(rand() * 3) }, () => ({
        start: 0, end: 1,
        variants: Array.from({ length: Math.floor(rand() * 3) }, () => { const start = Math.floor(rand() * 8); return { path: pick(KEYS), start, end: start + 1 + Math.floor(rand() * 4) }; }),
      }) as unknown as Quote);
      /** A new view for `key` (a new object; some parts the old view's own, some with equal data). */
      const newView = (key: string): DocumentResult => {
        const old = views.get(key);
        const r = rand();
        return {
          path: key, length: 0, title: rand() < 0.3 ? 'changed' : old?.title ?? null, truncated: null,
          entities: old && r < 0.3 ? old.entities : old && r < 0.4 ? [...old.entities] : entities(),
          quotes: old && rand() < 0.4 ? old.quotes : old && rand() < 0.2 ? old.quotes.map(q => ({ ...q, variants: [...q.variants] })) : quotes(),
          duplicates: [], claims: [],
        };
      };
      const word = () => pick(['alpha', 'beta', 'gamma', 'delta']);
      for (let step = 0; step < 400; step++) {
        const key = pick(KEYS);
        const r = rand();
        if (r < 0.35) {
          views.set(key, newView(key));
          tracker.set(key, views.get(key));
        } else if (r < 0.5) {
          // A text change: its view is new, and other documents' variants in it may read other words now.
          const text = texts.get(key) ?? '';
          const at = Math.floor(rand() * (text.length + 1));
          texts.set(key, text.slice(0, at) + word() + text.slice(at + Math.floor(rand() * 5)));
          touch(key, true);
          views.set(key, newView(key));
          tracker.set(key, views.get(key));
        } else if (r < 0.6) {
          texts.delete(key);
          views.delete(key);
          touch(key, true);
          tracker.set(key, undefined);
        } else if (r < 0.7) {
          touch(key, false);
        } else if (r < 0.75) {
          tracker.set(key, views.get(key)); // the same view again: nothing moved
        } else if (r < 0.85 && views.size) {
          // A settle: several views new at once, no text touched.
          for (const k of KEYS) if (views.has(k) && rand() < 0.3) { views.set(k, newView(k)); tracker.set(k, views.get(k)); }
          tracker.recheck();
        } else {
          const got = tracker.take(k => texts.get(k), open);
          const want = reference.take(views, k => texts.get(k), open);
          assert.deepEqual(got, want, `step ${step}: the documents reported`);
        }
        const counts = countsOf(views.values());
        for (const n of NAMES) for (const t of ['PERSON', 'PLACE', 'ORG']) assert.equal(tracker.count(entityKey(t, n)), counts.get(entityKey(t, n)), `step ${step}: the count of ${t} ${n}`);
        assert.deepEqual([...tracker.views.keys()].sort(), [...views.keys()].sort(), `step ${step}: the views held`);
      }
      assert.deepEqual(tracker.take(k => texts.get(k), open), reference.take(views, k => texts.get(k), open));
    });
  }
});

describe('the index service\'s bookkeeping after random edits, against every view worked out again', function () {
  this.timeout(300_000);
  const seedsDir = path.resolve(__dirname, '../../../seeds');
  const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort().map(f => fs.readFileSync(path.join(seedsDir, f), 'utf8').replace(/\r\n?/g, '\n'));
  const PARTS = [BRIDGE, BUDGET, BUDGET_NUMBER, CLAIM, `Officials from ${TOWNS[3]} and ${TOWNS[5]} attended the hearing on the bridge.`];

  /**
   * Every view the editor could be shown (the document's, with its entity source
   * counts and variant texts), as JSON by key, each object's keys sorted (a settled
   * result can list the same fields in another order: the same data).
   */
  function views(svc: IndexService): Map<string, string> {
    const sorted = (_: string, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v);
    return new Map(svc.documents(svc.corpus.paths()).map(v => [v.key, JSON.stringify(v, sorted)]));
  }

  /**
   * Has the service's corpus hand out a document's last result again while its data
   * is the same (a corpus may: an unchanged document's result is often the same
   * object), so that a view made from a result that stands, but reading another
   * document's date, is made again by the service's own bookkeeping.
   */
  function interning(svc: IndexService): void {
    const last = new Map<string, DocumentResult>();
    const intern = (r: DocumentResult) => {
      const was = last.get(r.path);
      if (was && sameData(was, r)) return was;
      last.set(r.path, r);
      return r;
    };
    const corpus = svc.corpus, all = corpus.allResults.bind(corpus), one = corpus.result.bind(corpus);
    corpus.allResults = () => all().map(intern);
    corpus.result = (key: string) => { const r = one(key); return r && intern(r); };
  }

  for (const [seed, interned] of [[1, false], [2, false], [3, false], [4, true], [5, true], [6, true]] as const) {
    it(`reports exactly the documents whose view changed, with counts and summaries as from scratch (seed ${seed}${interned ? ', results that stand handed out again' : ''})`, () => {
      const rand = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
      const svc = new IndexService();
      if (interned) interning(svc);
      const keys = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, '0')}`);
      let version = 1;
      const compose = (i: number) => report(i, Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(PARTS)));
      // Each with a date (which way a passage shared with another goes), set in place below.
      const dated = (t: string) => `---\ndate: 2022-02-${10 + Math.floor(rand() * 9)}\n---\n${t}`;
      keys.forEach((k, i) => svc.setOpen(k, dated(i < seeds.length ? seeds[i] : compose(i)), version++));
      svc.takeChanged();
      let before = views(svc);
      const annotationsWith = (a: Annotations) => ({ annotations: a, keys: Object.fromEntries(keys.map(k => [k, k])) });
      const alias: Annotations = { ...emptyAnnotations(), aliases: [{ name: 'Tom Reyes', of: 'Thomas Reyes' }] };
      const sources: Annotations = { ...emptyAnnotations(), sources: [{ path: keys[1], outlet: 'Wire', date: '2022-02-10', url: null }] };
      for (let step = 0; step < 45; step++) {
        const key = pick(keys);
        const text = svc.corpus.text(key);
        const touched: string[] = [key];
        const r = rand();
        let what: string;
        if (r < 0.2 || text === undefined) {
          what = 'a new set of parts';
          svc.setOpen(key, dated(compose(keys.indexOf(key))), version++);
        } else if (r < 0.35) {
          // The words of a quote other documents carry as a variant: their variant texts change.
          what = 'a quote\'s figure changed';
          const m = /\d+ million/.exec(text);
          svc.setOpen(key, m ? text.slice(0, m.index) + `${10 + Math.floor(rand() * 80)} million` + text.slice(m.index + m[0].length) : text + `\n\n${BUDGET}\n`, version++);
        } else if (r < 0.45) {
          what = 'a town named';
          const at = text.indexOf('\n\n') + 2;
          svc.setOpen(key, text.slice(0, at) + `Residents of ${pick(TOWNS)} watched the vote.\n\n` + text.slice(at), version++);
        } else if (r < 0.55) {
          // A date read by the documents sharing a passage with this one (which way a passage goes), no offset moved.
          what = 'a date changed';
          svc.setOpen(key, text.replace(/^---\ndate: 2022-02-\d\d/, `---\ndate: 2022-02-${10 + Math.floor(rand() * 9)}`), version++);
        } else if (r < 0.62) {
          what = 'a span cut';
          const at = Math.floor(rand() * text.length);
          svc.setOpen(key, text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 200)), version++);
        } else if (r < 0.7) {
          what = 'deleted';
          svc.delete(key);
        } else if (r < 0.75) {
          what = 'released, its file gone';
          svc.release(key, null);
        } else if (r < 0.8) {
          what = 'the same text, a new version';
          svc.setOpen(key, text, version++);
        } else if (r < 0.87) {
          what = 'annotations switched';
          svc.setAnnotations(pick([null, annotationsWith(alias), annotationsWith(sources)]));
          touched.push(...svc.corpus.paths(), ...before.keys());
        } else {
          what = 'two phases switched';
          svc.deferSettle = !svc.deferSettle;
          touched.length = 0;
        }
        if (svc.unsettled && rand() < 0.5) {
          const got = svc.takeChanged();
          const mid = views(svc);
          check(`step ${step} (${what}), first phase`, got, before, mid, touched);
          before = mid;
          touched.length = 0;
          svc.settle();
          what += ', settled';
        }
        check(`step ${step} (${what})`, svc.takeChanged(), before, (before = views(svc)), touched);
        assert.deepEqual(svc.takeChanged(), [], `step ${step}: reported once`);
        // The entity source counts, and the summaries made from the views kept, against the views made again.
        const shown = svc.documents(svc.corpus.paths());
        const counts = countsOf(shown.map(v => v.result));
        for (const v of shown) for (const [k, n] of Object.entries(v.entitySources)) assert.equal(n, counts.get(k), `step ${step}: ${v.key}'s count of ${k}`);
        assert.deepEqual(svc.summaries(), summariesOf(shown.map(v => v.result)), `step ${step}: summaries`);
      }
    });
  }

  function check(why: string, got: string[], before: Map<string, string>, after: Map<string, string>, touched: readonly string[]): void {
    const want = [...new Set([...before.keys(), ...after.keys()])].filter(k => before.get(k) !== after.get(k)).sort();
    for (const k of want) assert.ok(got.includes(k), `${why}: ${k} changed but was not reported (reported ${got.join(', ')})`);
    for (const k of got) assert.ok(want.includes(k) || touched.includes(k), `${why}: ${k} reported but its view is the same`);
  }

  function summariesOf(results: readonly DocumentResult[]) {
    return results.map(r => ({
      key: r.path, title: r.title, quotes: r.quotes.length, claims: r.claims.length, duplicates: r.duplicates.length, entities: r.entities.length,
      corroborated: r.claims.filter(c => c.status === 'corroborated').length, disputed: r.claims.filter(c => c.status === 'disputed').length,
      truncated: r.truncated?.reason ?? null, source: r.source ?? null,
    })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
});

describe('entity source counts reach the open documents only', () => {
  it('reports an open document whose entity count changed, not a closed one, whose view reads the new count when fetched', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-counts-'));
    try {
      const closed = path.join(dir, 'closed.txt');
      fs.writeFileSync(closed, 'Minister Olena Marchuk visited Lviv on Monday to open the new bridge.\n');
      const svc = new IndexService();
      await svc.index([{ key: 'closed', fsPath: closed }], () => undefined, async () => undefined);
      svc.setOpen('open', 'Olena Marchuk spoke in Lviv about the budget for schools.\n', 1);
      svc.takeChanged();
      const key = (v: { entitySources: Record<string, number> }) => Object.keys(v.entitySources).find(k => k.includes('Lviv'));
      const [before] = svc.documents(['closed']);
      const lviv = key(before);
      assert.ok(lviv, 'the closed document names Lviv');
      assert.equal(before.entitySources[lviv], 2);
      // A third document naming Lviv: the count moves to 3 in both views; only the open one is reported.
      svc.setOpen('third', 'Crowds gathered in Lviv on Tuesday.\n', 1);
      const got = svc.takeChanged();
      assert.ok(got.includes('open'), `the open document's count changed: reported ${got.join(', ')}`);
      assert.ok(!got.includes('closed'), `the closed document is not reported for a count alone: reported ${got.join(', ')}`);
      const [after] = svc.documents(['closed']);
      assert.equal(after.entitySources[lviv], 3, 'the closed document\'s view, fetched, reads the count now');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
