import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, cliDocument, closeAll, open, seedNames, waitFor } from './helpers';

describe('claims tree', () => {
  afterEach(closeAll);

  it('lists every analysable source, sorted, without the skipped files', async () => {
    const a = await api();
    const roots = await waitFor('tree roots', async () => {
      await a.whenIdle();
      const r = await a.treeRoots();
      return r.length >= seedNames().length ? r : undefined;
    });
    const paths = roots.map(r => r.path);
    for (const s of seedNames()) assert.ok(paths.some(p => p.endsWith(s)), `${s} listed`);
    assert.ok(paths.some(p => p.endsWith('fixtures/mixed-line-ends.txt')), 'the mixed-line-ends fixture is listed');
    assert.ok(!paths.some(p => /binary-blob|too-large/.test(p)), 'skipped files are not listed');
    assert.deepEqual(paths, [...paths].sort(), 'sorted by path');
    for (const r of roots) assert.equal(r.type, 'source');
  });

  for (const name of ['000_6f759d22c02cc351.txt', '001_03d3abf5e2ddca13.txt', '004_7bdc0b2365966776.txt']) {
    it(`${name}: its claims and quotes are the CLI's, in reading order`, async () => {
      const a = await api();
      await a.whenIdle();
      const root = (await a.treeRoots()).find(r => r.path.endsWith(name));
      assert.ok(root, `${name} in the tree`);
      const kids = await a.treeChildren(root);
      const cli = cliDocument(name);
      const claims = kids.filter(k => k.type === 'claim').map(k => `${k.start}-${k.end}`);
      assert.deepEqual(claims.sort(), cli.claims.map(c => `${c.start}-${c.end}`).sort(), 'claim nodes = CLI claims');
      for (const q of cli.quotes) {
        const shown = kids.some(k => k.start! <= q.start && q.end <= k.end!);
        assert.ok(shown, `quote ${q.start}-${q.end} is under a node`);
      }
      const starts = kids.map(k => k.start!);
      assert.deepEqual(starts, [...starts].sort((x, y) => x - y), 'reading order');
      for (const k of kids) {
        assert.ok(k.label.trim().length > 0, 'a label');
        assert.equal(k.command?.command, 'sourceLens.openPassage');
      }
    });
  }

  it("clicking a claim of another source opens that file with the passage selected", async () => {
    await open('004_7bdc0b2365966776.txt');
    const a = await api();
    const root = (await a.treeRoots()).find(r => r.path.endsWith('001_03d3abf5e2ddca13.txt'));
    assert.ok(root);
    const kids = await a.treeChildren(root);
    const node = kids.find(k => k.type === 'claim' && k.start! > 500) ?? kids[kids.length - 1];
    assert.ok(node?.command, 'a claim with a command');
    await vscode.commands.executeCommand(node.command.command, ...node.command.arguments);
    const editor = await waitFor('editor switched', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === root.uri ? e : undefined;
    });
    const doc = editor.document;
    assert.equal(doc.offsetAt(editor.selection.start), node.start);
    assert.equal(doc.offsetAt(editor.selection.end), node.end);
    const cli = cliDocument('001_03d3abf5e2ddca13.txt');
    const claim = cli.claims.find(c => c.start === node.start && c.end === node.end);
    assert.ok(claim, 'the node is a CLI claim');
    assert.equal(doc.getText(editor.selection), claim.text, 'the selection is the passage');
    const visible = editor.visibleRanges.some(r => r.contains(editor.selection.start));
    assert.ok(visible, 'the passage is scrolled into view');
  });
});
