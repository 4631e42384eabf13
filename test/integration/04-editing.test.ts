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
