import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  api, cliDocument, closeAll, expectedDecorations, indexed, open, rangeKeys, seedNames, setSetting, useTestHooks, waitFor, writeWorkspaceFile,
} from './helpers';
import type { DecorationKind } from '../../src/extension/testApi';

/** Waits until a document shows every kind at the CLI's offsets (the whole index is back). */
async function highlightedAsCli(name: string, what: string, timeoutMs = 20_000): Promise<void> {
  const a = await api();
  const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.path.endsWith(name));
  assert.ok(editor, `${name} is shown`);
  const want = expectedDecorations(cliDocument(name));
  const kinds = Object.keys(want) as DecorationKind[];
  const got = await waitFor(what, async () => {
    await a.whenIdle();
    const d = a.decorations(editor.document.uri.toString());
    return kinds.every(k => rangeKeys(d[k]).join() === want[k]!.join()) ? d : undefined;
  }, timeoutMs).catch(() => a.decorations(editor.document.uri.toString()));
  for (const k of kinds) assert.deepEqual(rangeKeys(got[k]), want[k], `${what}: ${k}`);
}

describe('recovery: the index survives its failures', function () {
  this.timeout(90_000);
  let tmp: string;
  const created: string[] = [];
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-recovery-')); });
  afterEach(async () => {
    await closeAll();
    for (const f of created.splice(0)) fs.rmSync(f, { force: true });
    await useTestHooks(null);
  });
  after(async () => {
    await setSetting('requestTimeoutMs', undefined);
    await setSetting('workerMemoryMb', undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('one file that throws is skipped with "internal error: …"; the other files are indexed', async () => {
    const [first, second] = seedNames();
    await useTestHooks({ failOn: first });
    const a = await api();
    const skip = await waitFor('the failing file skipped', () => a.skipped().find(s => s.path === first));
    assert.match(skip.reason, /^internal error: test failure/);
    const roots = (await a.treeRoots()).map(r => r.path);
    assert.ok(!roots.includes(first), 'not in the tree');
    for (const s of seedNames().slice(1)) assert.ok(roots.includes(s), `${s} indexed`);
    assert.ok(roots.includes('fixtures/mixed-line-ends.txt'));
    const editor = await open(second);
    assert.ok(a.decorations(editor.document.uri.toString()).quote.length > 0, 'the others are highlighted');
  });

  it('a worker that dies is restarted: open documents are sent again and highlighted without an edit, and the tree comes back', async () => {
    const once = path.join(tmp, 'crash-token');
    fs.writeFileSync(once, '');
    await useTestHooks({ crashOn: 'CRASH-MARKER', once });
    const a = await api();
    const name = seedNames()[3];
    await open(name);
    await highlightedAsCli(name, 'before the crash');
    const started = a.worker().started;
    created.push(writeWorkspaceFile('fixtures/crash.txt', 'A file that brings the worker down. CRASH-MARKER\n'));
    await waitFor('the worker restarted', () => a.worker().started > started);
    assert.equal(fs.existsSync(once), false, 'the crash did happen');
    await highlightedAsCli(name, 'after the restart, with no edit');
    await indexed('fixtures/crash.txt');
    const roots = (await a.treeRoots()).map(r => r.path);
    for (const s of seedNames()) assert.ok(roots.includes(s), `${s} back in the tree`);
    assert.equal(a.worker().down, false);
    assert.ok(!a.messages().some(m => /background analysis stopped/.test(m)), 'no error for a restart that worked');
  });

  it('a worker that keeps dying is restarted 3 times, then stays down with one error; the Restart action brings it back', async () => {
    await useTestHooks({ crashOn: 'CRASH-ALWAYS' });
    const a = await api();
    const before = a.messages().length;
    const started = a.worker().started;
    const file = writeWorkspaceFile('fixtures/crash-always.txt', 'CRASH-ALWAYS\n');
    created.push(file);
    await waitFor('the worker stays down', () => a.worker().down, 30_000);
    assert.equal(a.worker().started - started, 3, 'three restarts');
    const errors = a.messages().slice(before).filter(m => /background analysis stopped/.test(m));
    assert.equal(errors.length, 1, a.messages().slice(before).join(' | '));
    assert.match(errors[0], /4 times in a row/);

    fs.rmSync(file);
    await vscode.commands.executeCommand('sourceLens.refresh'); // what the error's Restart button runs
    await waitFor('the worker up again', () => !a.worker().down);
    const name = seedNames()[1];
    await open(name);
    await highlightedAsCli(name, 'after Restart');
  });

  it('a worker that runs out of memory stays down with one error naming sourceLens.workerMemoryMb; Analyse Open Files Only analyses the open documents alone; changing the setting brings the workspace back', async () => {
    const once = path.join(tmp, 'oom-token');
    fs.writeFileSync(once, '');
    await setSetting('workerMemoryMb', 256);
    await useTestHooks({ crashOn: 'OOM-MARKER', crashHow: 'oom', once });
    const a = await api();
    const before = a.messages().length;
    const started = a.worker().started;
    created.push(writeWorkspaceFile('fixtures/oom.txt', 'A file that fills the worker\'s heap. OOM-MARKER\n'));
    await waitFor('the worker stays down', () => a.worker().down, 60_000);
    assert.equal(fs.existsSync(once), false, 'the heap did fill');
    assert.equal(a.worker().started, started, 'not restarted');
    const errors = a.messages().slice(before).filter(m => /ran out of memory/.test(m));
    assert.equal(errors.length, 1, a.messages().slice(before).join(' | '));
    assert.match(errors[0], /its limit, 256 MB.*sourceLens\.workerMemoryMb/);

    // The error's "Analyse Open Files Only": a new worker with the open documents alone, no workspace build.
    const [name, other] = [seedNames()[2], seedNames()[0]];
    const editor = await open(name);
    await vscode.commands.executeCommand('sourceLens.analyseOpenFilesOnly');
    await waitFor('the worker up, for the open files', () => !a.worker().down);
    const uri = editor.document.uri.toString();
    await waitFor('the open file highlighted', async () => { await a.whenIdle(); return a.decorations(uri).quote.length > 0 || undefined; });
    await a.whenIdle();
    const roots = (await a.treeRoots()).map(r => r.path);
    assert.ok(roots.includes(name), roots.join(', '));
    // (Open: the documents VS Code holds, as the highlighter sees them; a file only on disk is not read.)
    const held = new Set(vscode.workspace.textDocuments.map(d => vscode.workspace.asRelativePath(d.uri, false)));
    assert.ok(roots.every(r => held.has(r)), `only documents VS Code holds: ${roots.join(', ')} (held: ${[...held].join(', ')})`);
    assert.ok(!roots.includes('fixtures/oom.txt'), 'the file on disk that filled the heap is not analysed again');
    assert.match(a.treeMessage() ?? '', /Only the open files are analysed/);

    await setSetting('workerMemoryMb', undefined); // what the error's Open Settings leads to: the whole workspace again
    await waitFor('the worker up again', () => !a.worker().down);
    await indexed(other);
    assert.doesNotMatch(a.treeMessage() ?? '', /Only the open files/);
    await highlightedAsCli(name, 'after the setting changed');
  });

  it('a worker that hangs is restarted after sourceLens.requestTimeoutMs, and the highlighter is not left waiting', async () => {
    const once = path.join(tmp, 'stall-token');
    fs.writeFileSync(once, '');
    await setSetting('requestTimeoutMs', 2000);
    await useTestHooks({ stallOn: 'STALL-MARKER', stallMs: 120_000, once });
    const a = await api();
    const [n0, n1, n2] = seedNames();
    await open(n0);
    await highlightedAsCli(n0, 'before the stall');
    const started = a.worker().started;
    created.push(writeWorkspaceFile('fixtures/stall.txt', 'A file that hangs the worker. STALL-MARKER\n'));
    await waitFor('the stall began', () => !fs.existsSync(once));
    const t0 = Date.now();
    await open(n1, vscode.ViewColumn.Two);
    await highlightedAsCli(n1, 'a document opened while the worker hung', 30_000);
    assert.ok(Date.now() - t0 < 30_000, `highlighted ${Date.now() - t0} ms later, not after the 120 s stall`);
    assert.equal(a.worker().started, started + 1, 'the stuck worker was replaced once');
    await open(n2, vscode.ViewColumn.Three);
    await highlightedAsCli(n2, 'the next document, as usual');
  });
});
