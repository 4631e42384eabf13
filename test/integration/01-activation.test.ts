import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAll, decorated, fileUri, seedNames, waitFor } from './helpers';
import type { SourceLensApi } from '../../src/extension/testApi';

describe('activation', () => {
  after(closeAll);

  it('activates when a seed article is opened, without being asked to', async () => {
    const ext = vscode.extensions.getExtension<SourceLensApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension under test is loaded');
    const doc = await vscode.workspace.openTextDocument(fileUri(seedNames()[0]));
    await vscode.window.showTextDocument(doc);
    await waitFor('activation', () => ext.isActive);
    const api = ext.exports;
    assert.deepEqual([...api.kinds], ['quote', 'repeat', 'shared', 'person', 'org', 'place', 'date', 'number', 'misc']);
    await decorated(doc.uri);
  });

  it('runs in the workspace whatever its trust (read-only analysis)', async () => {
    const api = vscode.extensions.getExtension<SourceLensApi>(EXTENSION_ID)!.exports;
    // Under the second driver pass the workspace is restricted: highlighting must still work.
    const expected = process.env.SOURCE_LENS_EXPECT_TRUSTED;
    if (expected !== undefined) assert.equal(vscode.workspace.isTrusted, expected === '1', 'the pass runs in the trust mode it asked for');
    console.log(`workspace trusted: ${vscode.workspace.isTrusted}`);
    const d = api.decorations(fileUri(seedNames()[0]).toString());
    assert.ok(d.quote.length > 0, 'quotes highlighted');
    assert.ok(api.messages().every(m => !/failed|could not/i.test(m)), `no failure message: ${api.messages().join(' | ')}`);
  });

  it('activates cheaply (the figure is logged, not asserted: timing belongs to benchmarks)', async () => {
    const api = vscode.extensions.getExtension<SourceLensApi>(EXTENSION_ID)!.exports;
    const t = api.activationTime();
    assert.ok(Number.isFinite(t.loadMs) && t.loadMs >= 0, 'module load time measured');
    assert.ok(Number.isFinite(t.activateMs) && t.activateMs > 0, 'activate() time measured');
    console.log(`activation: modules ${t.loadMs.toFixed(1)} ms + activate() ${t.activateMs.toFixed(1)} ms = ${(t.loadMs + t.activateMs).toFixed(1)} ms (VS Code's context set-up in between: ${t.waitMs.toFixed(1)} ms)`);
  });

  it('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['sourceLens.toggleQuotes', 'sourceLens.toggleDuplicates', 'sourceLens.toggleEntities', 'sourceLens.openPassage']) {
      assert.ok(all.includes(c), `${c} registered`);
    }
  });
});
