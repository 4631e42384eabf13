import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import type { AnalysisOutput } from '../../src/core/types';
import { reportHtml } from '../../src/report/html';
import { reportMarkdown } from '../../src/report/markdown';
import { buildReport, percent, relabel } from '../../src/report/model';

const root = path.resolve(__dirname, '../../..');
function analyse(dir: string): AnalysisOutput {
  const corpus = new Corpus();
  for (const f of fs.readdirSync(path.join(root, dir)).filter(f => f.endsWith('.txt')).sort()) corpus.set(`${dir}/${f}`, fs.readFileSync(path.join(root, dir, f), 'utf8'));
  return { version: 1, documents: corpus.allResults(), skipped: [{ path: `${dir}/broken.bin`, reason: 'binary file' }] };
}

describe('report (shared by the CLI and Export Report)', () => {
  const sample = analyse('media/walkthrough/articles');
  const report = buildReport(sample);
  const G = 'media/walkthrough/articles/harbour-gazette.txt', P = 'media/walkthrough/articles/island-post.txt', W = 'media/walkthrough/articles/coast-wire.txt';

  it('the matrix: a row per claim carried by several sources, disputes marked on both sides', () => {
    for (const row of report.shared) assert.ok(row.cells.size >= 2, row.text);
    const cost = report.shared.find(r => /million pounds/.test(r.text));
    assert.ok(cost, 'the repair cost is carried by two sources');
    assert.ok(cost.disputed);
    assert.equal(cost.cells.get(G)?.carriage, 'disputed');
    assert.equal(cost.cells.get(P)?.carriage, 'disputed');
    assert.equal(cost.cells.has(W), false);
    // Every claim of the analysis is either in a row or among its source's unique claims.
    const rows = report.shared.reduce((n, r) => n + r.cells.size, 0);
    const unique = [...report.unique.values()].reduce((n, l) => n + l.length, 0);
    assert.ok(rows + unique <= sample.documents.reduce((n, d) => n + d.claims.length, 0));
    assert.ok(unique > 0);
  });

  it('quotes by speaker, each quote once with its sources; a quote said twice in one file is ×2', () => {
    const varga = report.speakers.find(s => s.speaker === 'Edith Varga');
    assert.ok(varga);
    const ready = varga.quotes.find(q => /pier is ready/.test(q.text));
    assert.deepEqual([...(ready?.sources.keys() ?? [])].sort(), [G, P]);
    const seeds = buildReport(analyse('seeds'));
    const plan = seeds.speakers.flatMap(s => s.quotes).find(q => /according to plan/.test(q.text));
    assert.ok(plan, 'Lavrov\'s “according to plan”');
    assert.equal(plan.sources.get('seeds/000_6f759d22c02cc351.txt'), 2, '000_… repeats its paragraphs: the quote is there twice');
    const md = reportMarkdown(seeds);
    assert.match(md, /according to plan.*000\\_6f759d22c02cc351\.txt ×2/);
    assert.equal(md.split('\n').filter(l => /according to plan\.” — /.test(l)).length, 1, 'listed once');
  });

  it('attribution conflicts and shared passages with the share of each source', () => {
    const c = report.conflicts.find(x => /cut off/.test(x.text));
    assert.ok(c);
    assert.deepEqual([...c.speakers.keys()].sort(), ['Ana Brook', 'Tomas Reyes']);
    assert.ok(report.pairs.length > 0);
    for (const p of report.pairs) {
      assert.ok(p.a < p.b);
      assert.ok(p.shareOfA > 0 && p.shareOfA <= 1 && p.shareOfB > 0 && p.shareOfB <= 1, JSON.stringify(p));
    }
    assert.equal(percent(0.004), '<1%');
    assert.equal(percent(0.375), '38%');
    assert.ok(report.sources.find(s => s.path === G)!.repeatedShare > 0, 'the gazette repeats a paragraph');
  });

  it('shared passages say which source published first, from the passages\' direction', () => {
    const dated = JSON.parse(JSON.stringify(sample)) as AnalysisOutput;
    const pair = buildReport(dated).pairs[0];
    assert.ok(pair, 'two sample articles share text');
    assert.equal(pair.first, null, 'undated sources: unknown');
    // Date one end of every passage of the pair: `a` earlier than `b`.
    for (const d of dated.documents) for (const x of d.duplicates) {
      if (x.kind !== 'shared') continue;
      if (d.path === pair.a && x.other.path === pair.b) x.direction = 'earlier';
      if (d.path === pair.b && x.other.path === pair.a) x.direction = 'later';
    }
    const r = buildReport(dated);
    assert.equal(r.pairs.find(p => p.a === pair.a && p.b === pair.b)?.first, pair.a);
    assert.match(reportMarkdown(r), /\| Published first \|/);
    assert.ok(reportMarkdown(r).split('\n').some(l => l.includes(path.basename(pair.b)) && l.trimEnd().endsWith(`${path.basename(pair.a)} |`)), 'the row names the earlier source');
  });

  it('HTML: one self-contained page, no script or remote content, tables with captions and header cells', () => {
    const html = reportHtml(report);
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|src=|url\(/i);
    assert.doesNotMatch(html, /href="(?!#)/, 'links only inside the page');
    const tables = html.match(/<table>/g)?.length ?? 0;
    assert.equal(html.match(/<caption>/g)?.length, tables);
    assert.ok(tables >= 2);
    assert.match(html, /<th scope="col">/);
    assert.match(html, /<span class="sr">carries it differently<\/span>/, 'marks are spelt out for screen readers');
    assert.match(html, /<h2>media\/walkthrough\/articles\/island-post\.txt<\/h2>/);
    assert.match(html, /<li><code>media\/walkthrough\/articles\/broken\.bin<\/code>: binary file<\/li>/);
    assert.doesNotMatch(reportHtml(buildReport({ version: 1, documents: [{ ...sample.documents[0], title: '<b onload=x>' }], skipped: [] })), /<b onload/);
  });

  it('relabels every path (documents, links, duplicates, skipped) for the extension', () => {
    const out = relabel(sample, p => p.replace('media/walkthrough/articles/', 'ws/'));
    const paths = JSON.stringify(out).match(/"path":"[^"]*"/g) ?? [];
    assert.ok(paths.length > 10);
    for (const p of paths) assert.match(p, /"path":"ws\//);
  });
});
