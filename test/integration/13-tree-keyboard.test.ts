// Issue 13: moving through an article by keyboard, the exported report, and word
// wrap for the article files only, in the real VS Code.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisOutput } from '../../src/core/types';
import { reportMarkdown } from '../../src/report/markdown';
import { buildReport } from '../../src/report/model';
import { api, cliDocument, closeAll, indexed, manifest, open, selectedOffsets, setSetting, waitFor, writeWorkspaceFile } from './helpers';

type Moved = { uri: string; start: number; end: number; wrapped?: boolean } | undefined;
const NAME = '000_6f759d22c02cc351.txt';

async function at(editor: vscode.TextEditor, offset: number): Promise<void> {
  const p = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(p, p);
}

describe('issue 13: keyboard navigation', () => {
  afterEach(closeAll);

  it('next / previous quote walk the quotes in order and select each; the tree follows', async () => {
    const editor = await open(NAME);
    const cli = cliDocument(NAME);
    const quotes = [...new Map(cli.quotes.map(q => [`${q.start}-${q.end}`, q])).values()].sort((a, b) => a.start - b.start);
    await at(editor, 0);
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    for (const q of quotes.slice(0, 3)) {
      const moved = await vscode.commands.executeCommand<Moved>('sourceLens.nextQuote');
      assert.deepEqual(moved && { start: moved.start, end: moved.end }, { start: q.start, end: q.end });
      assert.deepEqual(selectedOffsets(vscode.window.activeTextEditor!), { start: q.start, end: q.end });
    }
    const a = await api();
    await waitFor('the tree revealed the quote', () => a.treeFollowed()?.startsWith(editor.document.uri.toString()));
    const back = await vscode.commands.executeCommand<Moved>('sourceLens.previousQuote');
    assert.equal(back?.start, quotes[1].start);
  });

  it('next / previous duplicated passage, and Go to Other Copy opens the other copy', async () => {
    const editor = await open(NAME);
    const cli = cliDocument(NAME);
    await at(editor, 0);
    const moved = await vscode.commands.executeCommand<Moved>('sourceLens.nextDuplicate');
    const first = Math.min(...cli.duplicates.map(d => d.start));
    assert.equal(moved?.start, first);
    // Inside a passage repeated in the same file: the other copy is the repeat's other end.
    const repeat = cli.duplicates.find(d => d.kind === 'repeat')!;
    assert.ok(repeat, `${NAME} repeats itself`);
    // A place inside the repeat that no narrower duplicated passage covers.
    let inside = -1;
    for (let o = repeat.start; o < repeat.end && inside < 0; o++) {
      if (!cli.duplicates.some(d => d.kind === 'shared' && d.start <= o && o < d.end)) inside = o;
    }
    assert.ok(inside >= 0, 'a part of the repeat only it covers');
    await at(editor, inside);
    const jumped = await vscode.commands.executeCommand<Moved>('sourceLens.goToOtherCopy');
    assert.ok(jumped);
    const e = vscode.window.activeTextEditor!;
    assert.deepEqual(selectedOffsets(e), { start: jumped.start, end: jumped.end });
    const others = cli.duplicates.filter(d => d.start === repeat.start && d.end === repeat.end).map(d => `${d.other.start}-${d.other.end}`);
    assert.ok(others.includes(`${jumped.start}-${jumped.end}`), `${jumped.start}-${jumped.end} is one of ${others.join(', ')}`);
  });

});

// The walkthrough's sample articles, alone in the index (earlier suites leave other
// files behind, which would change what is unique): their analysis is compared with
// the CLI's on the same three files.
const SAMPLE = 'sample13';
function sampleCli(): AnalysisOutput {
  const m = manifest();
  const json = execFileSync(process.execPath, [m.cli, 'analyze', '--format', 'json', SAMPLE],
    { cwd: m.workspace, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return JSON.parse(json) as AnalysisOutput;
}

describe('issue 13: on the sample articles alone', () => {
  before(async () => {
    const dir = path.join(vscode.extensions.getExtension('source-lens.source-lens')!.extensionPath, 'media', 'walkthrough', 'articles');
    for (const f of fs.readdirSync(dir)) writeWorkspaceFile(`${SAMPLE}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8'));
    await setSetting('include', [`${SAMPLE}/*.txt`]);
    await indexed(`${SAMPLE}/coast-wire.txt`);
    const a = await api();
    await waitFor('only the sample indexed', async () => {
      await a.whenIdle();
      const roots = await a.treeRoots();
      return roots.length === 3 && roots.every(r => r.path.startsWith(`${SAMPLE}/`));
    });
  });
  afterEach(closeAll);
  after(async () => {
    // Gone from disk before the index is rebuilt with the usual globs.
    fs.rmSync(path.join(manifest().workspace, SAMPLE), { recursive: true, force: true });
    await setSetting('include', undefined);
    await indexed(`${SAMPLE}/coast-wire.txt`, false);
  });

  it('next unique claim goes to a claim no other source carries, next disputed claim to a disputed one, Go to Other Copy to the other version', async () => {
    const cli = sampleCli();
    const doc = (name: string) => cli.documents.find(d => d.path.endsWith(name))!;
    const post = doc('island-post.txt');
    const unique = post.claims.filter(c => c.status === 'unique').sort((x, y) => x.start - y.start);
    assert.ok(unique.length, 'the CLI finds a claim only island-post.txt carries');
    const editor = await open(`${SAMPLE}/island-post.txt`);
    await at(editor, 0);
    const moved = await vscode.commands.executeCommand<Moved>('sourceLens.nextUniqueClaim');
    assert.deepEqual(moved && [moved.start, moved.end], [unique[0].start, unique[0].end]);
    assert.deepEqual(selectedOffsets(vscode.window.activeTextEditor!), { start: unique[0].start, end: unique[0].end });

    const gazette = doc('harbour-gazette.txt');
    const disputed = gazette.claims.filter(c => c.status === 'disputed').sort((x, y) => x.start - y.start);
    assert.ok(disputed.length, 'the CLI finds the repair cost disputed');
    const g = await open(`${SAMPLE}/harbour-gazette.txt`);
    await at(g, 0);
    const d = await vscode.commands.executeCommand<Moved>('sourceLens.nextDisputedClaim');
    assert.deepEqual(d && [d.start, d.end], [disputed[0].start, disputed[0].end]);
    // From the disputed claim, the other copy is the other source's version of it (unless a duplicate covers it first).
    const copy = gazette.duplicates.some(x => x.start <= d!.start && d!.start < x.end);
    const other = await vscode.commands.executeCommand<Moved>('sourceLens.goToOtherCopy');
    assert.ok(other, 'somewhere to go');
    if (!copy) {
      const link = [...disputed[0].corroboratedBy, ...disputed[0].disputedBy][0];
      assert.ok(other.uri.endsWith(link.path.slice(link.path.lastIndexOf('/') + 1)), `${other.uri} is ${link.path}`);
      assert.equal(other.start, link.start);
    }
  });

  it('Export Report writes Markdown and a self-contained HTML file, the same report as the CLI gives', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-report-'));
    try {
      const target = vscode.Uri.file(path.join(dir, 'report.html'));
      const r = await vscode.commands.executeCommand<{ html: string; markdown: string; sources: number }>('sourceLens.exportReport', target.toString());
      assert.ok(r);
      assert.equal(r.sources, 3);
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(r.html)));
      const md = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(r.markdown)));
      assert.match(html, /^<!doctype html>/);
      assert.doesNotMatch(html, /<script|src=|<link/i);
      assert.match(html, /Claims across sources/);
      assert.match(md, /\*\*\(disputed\)\*\*/, 'the repair cost is marked disputed');
      assert.equal(md, reportMarkdown(buildReport(sampleCli())), "the CLI's report of the same files");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('issue 13: word wrap for articles only', () => {
  afterEach(closeAll);
  after(() => setSetting('wordWrap', undefined));

  it('wraps an analysed article, not another file, and unwraps when the setting is off', async () => {
    const a = await api();
    const article = await open(NAME);
    assert.equal(await a.wordWrapped(article.document.uri.toString()), true, 'the article is wrapped');
    writeWorkspaceFile('notes.json', `{"note": "${'x'.repeat(400)}"}\n`);
    const other = await open('notes.json');
    assert.equal(await a.wordWrapped(other.document.uri.toString()), false, 'another file is not');
    assert.equal(vscode.workspace.getConfiguration('editor', other.document).get('wordWrap'), 'off', 'no setting was written');
    await vscode.window.showTextDocument(article.document);
    await setSetting('wordWrap', false);
    assert.equal(await a.wordWrapped(article.document.uri.toString()), false, 'unwrapped with the setting off');
    fs.rmSync(path.join(manifest().workspace, 'notes.json'), { force: true });
  });
});

describe('issue 13: the walkthrough\'s sample articles', () => {
  it('"Open the Sample Articles" copies the sample corpus into the folder given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sample-'));
    try {
      const folder = await vscode.commands.executeCommand<string>('sourceLens.openSampleCorpus', vscode.Uri.file(dir).toString(), false);
      assert.ok(folder);
      const copied = fs.readdirSync(path.join(dir, 'source-lens-sample')).sort();
      const shipped = fs.readdirSync(path.join(vscode.extensions.getExtension('source-lens.source-lens')!.extensionPath, 'media', 'walkthrough', 'articles')).sort();
      assert.deepEqual(copied, shipped);
      assert.ok(copied.length >= 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
