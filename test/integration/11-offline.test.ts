import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { guardNetwork, type NetAttempt } from '../../src/worker/netGuard';
import { api, cliDocument, closeAll, decorated, open, seedNames, useTestHooks, waitFor } from './helpers';

describe('nothing leaves the machine', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-offline-')); });
  after(async () => {
    await closeAll();
    await useTestHooks(null);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('no outgoing connection from the extension host or the index worker over a whole run on the seeds: index, highlights, hovers, tree', async () => {
    const netLog = path.join(dir, 'worker-net.log');
    const host: NetAttempt[] = [];
    const restore = guardNetwork(attempt => host.push(attempt));
    try {
      // A new worker with the guard installed, and a whole index build under it.
      await useTestHooks({ netLog });
      const a = await api();
      const roots = await waitFor('the tree lists the seeds', async () => {
        await a.whenIdle();
        const r = await a.treeRoots();
        return seedNames().every(s => r.some(n => n.path === s)) ? r : undefined;
      });
      for (const name of seedNames()) {
        const editor = await open(name);
        await decorated(editor.document.uri);
        for (const q of cliDocument(name).quotes) a.hoverText(editor.document.uri.toString(), q.start + 1);
        const pos = editor.document.positionAt(cliDocument(name).quotes[0]?.start ?? 0);
        await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, pos);
        await a.treeChildren(roots.find(r => r.path === name)!);
      }
      await vscode.commands.executeCommand('sourceLens.focusClaims');
      await a.whenIdle();
    } finally {
      restore();
    }
    const worker = fs.readFileSync(netLog, 'utf8').trim().split('\n').map(l => JSON.parse(l) as { installed?: boolean } & Partial<NetAttempt>);
    assert.ok(worker.some(l => l.installed), 'the guard ran in the index worker');
    assert.deepEqual(worker.filter(l => !l.installed), [], 'no attempt from the index worker');
    assert.deepEqual(host.map(h => `${h.api} ${h.target}\n${h.stack}`), [], 'no attempt from the extension host');
  });
});
