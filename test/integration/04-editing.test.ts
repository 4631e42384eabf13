import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, cliDocument, closeAll, decorated, open, rangeKeys, waitFor } from './helpers';

const FILE = '002_b76a6e96b841aaa1.txt';

describe('editing a document', () => {
  afterEach(closeAll);

  it('re-highlights after the debounce, shifting old spans and finding the new quote, and updates the tree', async () => {
    const editor = await open(FILE);
    const a = await api();
    const uri = editor.document.uri.toString();
    const before = await decorated(editor.document.uri);
    // The Claims view shown and listed, so that it follows changes as a reader sees it.
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    await a.treeRoots();
    await a.whenIdle();
    const shownBefore = a.treeShownSource(uri);
    assert.ok(shownBefore, 'the source is listed in the Claims view');
    const refreshesBefore = a.treeRefreshes().count;
    const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const inserted = `“We will not back down from this, not now and not ever,” said Senator Jane Doe on Monday.${eol}${eol}`;
    const quoteEnd = inserted.indexOf('”') + 1;

    const ok = await editor.edit(b => b.insert(new vscode.Position(0, 0), inserted));
    assert.ok(ok, 'edit applied');
    assert.ok(editor.document.isDirty);
    const after = await waitFor('decorations for the edited text', async () => {
      await a.whenIdle();
      const d = a.decorations(uri);
      return d.quote.some(r => r.start === 0 && r.end === quoteEnd) ? d : undefined;
    });
    const shifted = (rs: { start: number; end: number }[]) => rangeKeys(rs.map(r => ({ start: r.start + inserted.length, end: r.end + inserted.length })));
    const now = new Set(rangeKeys(after.quote));
    for (const k of shifted(before.quote)) assert.ok(now.has(k), `old quote ${k} moved with the text`);
    const text = editor.document.getText();
    assert.equal(text.slice(0, quoteEnd), inserted.slice(0, quoteEnd));
    assert.ok(after.person.some(r => text.slice(r.start, r.end).includes('Jane Doe')), 'the new speaker is an entity');

    // The view lists the edited source again, by itself (no question asked of it here): its node counts the new quote.
    const quotesIn = (d: string | undefined) => Number(/(\d+) quotes?/.exec(d ?? '')?.[1] ?? NaN);
    const listed = await waitFor('the Claims view listed the edit', async () => {
      await a.whenIdle();
      const r = a.treeRefreshes();
      const node = a.treeShownSource(uri);
      return r.count > refreshesBefore && node && quotesIn(node.description) > quotesIn(shownBefore.description) ? r : undefined;
    });
    // (Logged, not asserted: timing belongs to benchmarks.)
    const mine = listed.recent.slice(-(listed.count - refreshesBefore)).filter(l => l.keys === 'all' || l.keys.includes(uri));
    console.log(`Claims view: the edited source listed ${mine.map(l => `${l.waitedMs.toFixed(1)} ms`).join(', then ')} after the worker's pushes`);

    // The tree follows the unsaved edit.
    const root = (await a.treeRoots()).find(n => n.uri === uri);
    assert.ok(root, 'the edited source is in the tree');
    const kids = await waitFor('tree updated', async () => {
      await a.whenIdle();
      const k = await a.treeChildren(root);
      return k.some(n => n.start !== undefined && n.start <= 0 && n.end! >= quoteEnd - 1) ? k : undefined;
    });
    assert.ok(kids.length > 0);

    // Undo: back to the CLI's spans exactly.
    await vscode.commands.executeCommand('undo');
    const reverted = await waitFor('decorations after undo', async () => {
      await a.whenIdle();
      const d = a.decorations(uri);
      return editor.document.getText().length === cliDocument(FILE).length && !d.quote.some(r => r.start === 0 && r.end === quoteEnd) ? d : undefined;
    });
    assert.deepEqual(rangeKeys(reverted.quote), rangeKeys(cliDocument(FILE).quotes));
  });

  it('a kind never goes stale: deleting a quote removes its highlight', async () => {
    const editor = await open(FILE);
    const a = await api();
    const uri = editor.document.uri.toString();
    const before = await decorated(editor.document.uri);
    assert.ok(before.quote.length > 0);
    const q = before.quote[0];
    const range = new vscode.Range(editor.document.positionAt(q.start), editor.document.positionAt(q.end));
    await editor.edit(b => b.replace(range, 'something'));
    const after = await waitFor('quote gone', async () => {
      await a.whenIdle();
      const d = a.decorations(uri);
      return d.quote.length === before.quote.length - 1 ? d : undefined;
    });
    assert.ok(!after.quote.some(r => r.start === q.start), 'no highlight where the quote was');
  });
});
