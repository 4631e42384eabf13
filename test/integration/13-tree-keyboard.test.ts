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
import { api, cliDocument, closeAll, manifest, open, setSetting, waitFor, writeWorkspaceFile } from './helpers';

type Moved = { uri: string; start: number; end: number; wrapped?: boolean } | undefined;
const NAME = '000_6f759d22c02cc351.txt';

async function at(editor: vscode.TextEditor, offset: number): Promise<void> {
  const p = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(p, p);
}
const selected = (e: vscode.TextEditor) => ({ start: e.document.offsetAt(e.selection.start), end: e.document.offsetAt(e.selection.end) });

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
      assert.deepEqual(selected(vscode.window.activeTextEditor!), { start: q.start, end: q.end });
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
    assert.deepEqual(selected(e), { start: jumped.start, end: jumped.end });
    const others = cli.duplicates.filter(d => d.start === repeat.start && d.end === repeat.end).map(d => `${d.other.start}-${d.other.end}`);
    assert.ok(others.includes(`${jumped.start}-${jumped.end}`), `${jumped.start}-${jumped.end} is one of ${others.join(', ')}`);
  });

  it('next unique claim goes to a claim no other source carries, next disputed claim to a disputed one', async () => {
    const editor = await open('001_03d3abf5e2ddca13.txt');
    const cli = cliDocument('001_03d3abf5e2ddca13.txt');
    await at(editor, 0);
    const moved = await vscode.commands.executeCommand<Moved>('sourceLens.nextUniqueClaim');
    const unique = cli.claims.filter(c => c.status === 'unique').sort((x, y) => x.start - y.start);
    assert.equal(moved?.start, unique[0]?.start);
    const disputed = cli.claims.filter(c => c.status === 'disputed');
    const d = await vscode.commands.executeCommand<Moved>('sourceLens.nextDisputedClaim');
    assert.equal(d?.start, disputed.sort((x, y) => x.start - y.start)[0]?.start, 'the first disputed claim, or nothing');
  });
});

describe('issue 13: Export Report', () => {
  afterEach(closeAll);

  it('writes Markdown and a self-contained HTML file, the same report as the CLI gives', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-report-'));
    try {
      const a = await api();
      await a.whenIdle();
      const target = vscode.Uri.file(path.join(dir, 'report.html'));
      const r = await vscode.commands.executeCommand<{ html: string; markdown: string; sources: number }>('sourceLens.exportReport', target.toString());
      assert.ok(r && r.sources >= 5, 'every source');
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(r.html)));
      const md = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(r.markdown)));
      assert.match(html, /^<!doctype html>/);
      assert.doesNotMatch(html, /<script|src=|<link/i);
      assert.match(html, /Claims across sources/);
      assert.match(md, /^# Source Lens report/);
      // The CLI on the same workspace, the same files: the same report up to the skipped files (whose reasons are worded per front end).
      const m = manifest();
      const files = (await a.treeRoots()).map(x => x.path);
      const json = execFileSync(process.execPath, [m.cli, 'analyze', '--format', 'json', '--max-file-size', String(m.maxFileSize.bytes), ...files],
        { cwd: m.workspace, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      const cli = JSON.parse(json) as AnalysisOutput;
      const body = (s: string) => s.split('\n## Skipped')[0].replace(/^\d+ sources? analysed(, \d+ skipped)?\. /m, '');
      assert.equal(body(md), body(reportMarkdown(buildReport(cli))));
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
