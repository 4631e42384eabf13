import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, cliDocument, closeAll, decorated, fileUri, indexed, manifest, rangeKeys, seedNames, sleep, waitFor, writeWorkspaceFile } from './helpers';

/**
 * Opens a document the way a user does (the `vscode.open` command). Not through
 * `workspace.openTextDocument`: VS Code keeps a document an extension opened alive
 * for minutes after its editor closes, so it would not close here.
 */
async function openAsUser(uri: vscode.Uri, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: column, preview: false });
  const editor = await waitFor(`an editor of ${uri.path}`, () => vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString()));
  await (await api()).whenIdle();
  return editor;
}

/** Closes every editor and waits until VS Code has closed the document too (its close event is what the extension hears). */
async function closeAndForget(uri: vscode.Uri): Promise<void> {
  await closeAll();
  await waitFor(`${uri.path} closed`, () => !vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString()), 30_000);
  await (await api()).whenIdle();
}

describe('documents opened, closed, deleted, renamed, outside the workspace', function () {
  this.timeout(90_000);
  const created: string[] = [];
  afterEach(async () => {
    await closeAll();
    for (const f of created.splice(0)) fs.rmSync(f, { recursive: true, force: true });
  });

  it('an open file deleted or renamed on disk is dropped when its editor closes: no "cannot read" skip, gone from the tree', async () => {
    const a = await api();
    const text = fs.readFileSync(path.join(manifest().workspace, seedNames()[2]), 'utf8');
    for (const how of ['deleted', 'renamed'] as const) {
      const rel = `fixtures/doomed-${how}.txt`;
      const file = writeWorkspaceFile(rel, text);
      created.push(file, `${file}.moved.txt`);
      await indexed(rel);
      const editor = await openAsUser(fileUri(rel));
      await decorated(editor.document.uri);
      if (how === 'deleted') fs.rmSync(file);
      else fs.renameSync(file, `${file}.moved.txt`);
      await sleep(500);
      await closeAndForget(editor.document.uri);
      await indexed(rel, false);
      assert.ok(!a.skipped().some(s => s.path === rel), `${rel}: no skip left behind: ${JSON.stringify(a.skipped())}`);
      if (how === 'renamed') await indexed(`${rel}.moved.txt`);
    }
  });

  it('a file outside the workspace folders is analysed while open and dropped when it closes', async () => {
    const a = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-outside-'));
    created.push(dir);
    const file = path.join(dir, 'outside.txt');
    fs.copyFileSync(path.join(manifest().workspace, seedNames()[4]), file);
    const { document: doc } = await openAsUser(vscode.Uri.file(file));
    const d = await decorated(doc.uri);
    assert.deepEqual(rangeKeys(d.quote), rangeKeys(cliDocument(seedNames()[4]).quotes), 'analysed like the same text inside');
    const listed = async () => (await a.treeRoots()).some(r => r.uri === doc.uri.toString());
    assert.ok(await listed(), 'listed while open');
    await closeAndForget(doc.uri);
    assert.equal(await listed(), false, 'not read back from disk once closed');
    assert.ok(!a.skipped().some(s => s.uri === doc.uri.toString()));
  });

  it('closed documents\' results are released', async () => {
    const a = await api();
    const uris: vscode.Uri[] = [];
    for (const i of [0, 1, 2]) {
      // Files no test opened before (VS Code keeps those open for minutes).
      const rel = `fixtures/release-${i}.txt`;
      created.push(writeWorkspaceFile(rel, fs.readFileSync(path.join(manifest().workspace, seedNames()[i]), 'utf8')));
      await indexed(rel);
      const editor = await openAsUser(fileUri(rel), i + 1);
      await decorated(editor.document.uri);
      uris.push(editor.document.uri);
    }
    for (const u of uris) assert.ok(a.heldDocuments().includes(u.toString()), 'held while open');
    for (const u of uris) await closeAndForget(u);
    await waitFor('released', () => uris.every(u => !a.heldDocuments().includes(u.toString())));
  });

  it('a document opened again never shows what it held before it closed', async () => {
    const a = await api();
    const seed = seedNames()[3];
    const rel = 'fixtures/reopened.txt';
    created.push(writeWorkspaceFile(rel, fs.readFileSync(path.join(manifest().workspace, seed), 'utf8')));
    await indexed(rel);
    const editor = await openAsUser(fileUri(rel));
    const uri = editor.document.uri.toString();
    const inserted = '“A sentence that only the unsaved edit has,” Jane Doe said.\n\n';
    await editor.edit(b => b.insert(new vscode.Position(0, 0), inserted));
    await waitFor('the edit highlighted', async () => {
      await a.whenIdle();
      return a.hoverText(uri, 2).some(h => h.includes('Jane Doe'));
    });
    await closeAndForget(fileUri(rel)); // reverted: the file on disk never had the edit
    const reopened = await openAsUser(fileUri(rel));
    console.log(`reopened at version ${reopened.document.version} (the edit was at ${editor.document.version})`);
    // Whatever arrives meanwhile, the old text's hover never comes back.
    const deadline = Date.now() + 1500;
    while (Date.now() < deadline) {
      assert.ok(!a.hoverText(uri, 2).some(h => h.includes('Jane Doe')), 'a stale hover');
      await sleep(10);
    }
    await a.whenIdle();
    assert.deepEqual(rangeKeys(a.decorations(uri).quote), rangeKeys(cliDocument(seed).quotes), 'the file\'s own quotes');
  });
});
