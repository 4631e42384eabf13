import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, manifest, seedNames, waitFor } from './helpers';

/**
 * The workspace is walked by the CLI's rules (src/node/walkFolder.ts): a link to a
 * directory is followed once, a link back to an ancestor is a loop, skipped with its
 * reason, and a FIFO named like an article is refused, never read.
 */
describe('workspace folders walked like the CLI walks a directory', function () {
  this.timeout(90_000);
  const root = () => manifest().workspace;
  const made: string[] = [];
  after(() => { for (const p of made.splice(0).reverse()) fs.rmSync(p, { recursive: true, force: true }); });

  it('follows a directory link once, skips a loop and a FIFO with their reasons', async function () {
    if (process.platform === 'win32') this.skip();
    const real = path.join(root(), 'linked-real');
    fs.mkdirSync(real, { recursive: true });
    made.push(real);
    fs.copyFileSync(path.join(root(), seedNames()[1]), path.join(real, 'article.txt'));
    const link = path.join(root(), 'linked-view');
    fs.symlinkSync(real, link);
    made.push(link);
    fs.symlinkSync('..', path.join(real, 'up'));
    const fifo = path.join(root(), 'pipe.txt');
    const made_fifo = (() => { try { require('node:child_process').execFileSync('mkfifo', [fifo]); made.push(fifo); return true; } catch { return false; } })();
    const a = await api();
    await vscode.commands.executeCommand('sourceLens.refresh');
    const roots = await waitFor('the linked article in the tree', async () => {
      await a.whenIdle();
      const r = await a.treeRoots();
      return r.some(n => n.path === 'linked-real/article.txt') ? r : undefined;
    }, 60_000);
    assert.ok(!roots.some(n => n.path === 'linked-view/article.txt'), 'the linked directory is not read a second time');
    const skipped = new Map(a.skipped().map(s => [s.path, s.reason]));
    assert.match(skipped.get('linked-real/up') ?? skipped.get('linked-view') ?? '', /directory (link loop|already walked)/);
    if (made_fifo) assert.equal(skipped.get('pipe.txt'), 'not a regular file (FIFO)');
  });
});
