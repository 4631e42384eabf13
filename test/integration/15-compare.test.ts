// "Source Lens: Compare Sources" in the real VS Code: the passage under the cursor,
// and a Claims tree item given as the argument, open beside the other source's copy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliDocument, closeAll, fileUri, open, selectedOffsets } from './helpers';

type Side = { uri: string; start: number; end: number };
const NAME = '000_6f759d22c02cc351.txt';

describe('Compare Sources', () => {
  afterEach(closeAll);

  it('opens a shared passage beside its copy in the other source, both selected', async () => {
    const editor = await open(NAME);
    const cli = cliDocument(NAME);
    const shared = cli.duplicates.filter(d => d.kind === 'shared').sort((a, b) => (a.end - a.start) - (b.end - b.start));
    assert.ok(shared.length, `${NAME} shares passages with other seeds`);
    // A place inside the narrowest shared passage that no repeat covers (a repeat's other copy is in this file).
    const d = shared.find(s => !cli.duplicates.some(r => r.kind === 'repeat' && r.start <= s.start && s.start < r.end && r.end - r.start < s.end - s.start))!;
    assert.ok(d, 'a shared passage not inside a narrower repeat');
    const p = editor.document.positionAt(d.start);
    editor.selection = new vscode.Selection(p, p);
    const r = await vscode.commands.executeCommand<{ left: Side; right: Side } | undefined>('sourceLens.compareSources');
    assert.ok(r, 'the command compared two passages');
    const others = new Set(cli.duplicates.filter(x => x.kind === 'shared').map(x => fileUri(x.other.path).toString()));
    assert.ok(others.has(vscode.Uri.parse(r.right.uri).toString()), `the right side is a source this one shares text with, not ${r.right.uri}`);
    assert.ok(!r.right.uri.endsWith(NAME), 'the right side is another source');
    const visible = vscode.window.visibleTextEditors;
    const left = visible.find(e => e.document.uri.toString() === editor.document.uri.toString() && e.viewColumn === vscode.ViewColumn.One);
    const right = visible.find(e => e.document.uri.toString() === r.right.uri && e.viewColumn === vscode.ViewColumn.Two);
    assert.ok(left, 'this source in the first column');
    assert.ok(right, 'the other source beside it');
    assert.deepEqual(selectedOffsets(left), { start: r.left.start, end: r.left.end });
    assert.deepEqual(selectedOffsets(right), { start: r.right.start, end: r.right.end });
    assert.equal(right.document.getText().slice(r.right.start, r.right.end).length, r.right.end - r.right.start);
    assert.ok(r.left.start <= d.start && d.start < r.left.end, 'the left selection holds the cursor');
  });

  it('takes a Claims tree item (its passage and its first link in another source)', async () => {
    const cli = cliDocument(NAME);
    const claim = cli.claims.find(c => c.corroboratedBy.length > 0);
    assert.ok(claim, `${NAME} has a corroborated claim`);
    const self = (await open(NAME)).document.uri.toString();
    const link = claim.corroboratedBy[0];
    const otherUri = fileUri(link.path).toString();
    const item = { uri: self, start: claim.start, end: claim.end, facts: { links: [{ path: otherUri, start: link.start, end: link.end }] } };
    const r = await vscode.commands.executeCommand<{ left: Side; right: Side } | undefined>('sourceLens.compareSources', item);
    assert.deepEqual(r?.right, { uri: otherUri, start: link.start, end: link.end });
    const right = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === otherUri);
    assert.ok(right && right.viewColumn === vscode.ViewColumn.Two, 'the linked claim opens beside');
    assert.deepEqual(selectedOffsets(right), { start: link.start, end: link.end });
  });

  it('returns nothing and opens nothing where no other source carries the passage', async () => {
    const editor = await open(NAME);
    const cli = cliDocument(NAME);
    const spans = [...cli.duplicates, ...cli.quotes, ...cli.claims];
    let free = -1;
    for (let o = 0; o < cli.length && free < 0; o++) if (!spans.some(s => s.start <= o && o < s.end)) free = o;
    assert.ok(free >= 0, 'a place no passage, quote or claim covers');
    const p = editor.document.positionAt(free);
    editor.selection = new vscode.Selection(p, p);
    const r = await vscode.commands.executeCommand('sourceLens.compareSources');
    assert.equal(r, undefined);
    assert.equal(vscode.window.visibleTextEditors.length, 1);
  });
});
