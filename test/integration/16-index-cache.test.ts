// The persisted index in the real VS Code: written into the extension's workspace
// storage after a build, restored by a new worker (the refresh command, as a reopened
// window would), and a damaged cache discarded with one log line, then rebuilt.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAll, decorated, fileUri, open, waitFor } from './helpers';

const NAME = '000_6f759d22c02cc351.txt';
const MAGIC = 'SLIDX ';
const head = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file).subarray(0, MAGIC.length).toString('latin1') : '');

describe('the persisted index (workspace storage)', function () {
  this.timeout(120_000);
  afterEach(closeAll);

  /** Runs the refresh command (a new worker, as in a reopened window) and returns the log lines from then on once `until` finds its line. */
  async function refresh(until: RegExp, what: string): Promise<{ line: string; lines: string[] }> {
    const a = await api();
    const before = a.logged().length;
    await vscode.commands.executeCommand('sourceLens.refresh');
    return waitFor(what, async () => {
      await a.whenIdle();
      const lines = a.logged().slice(before);
      const line = lines.find(l => until.test(l));
      return line ? { line, lines } : undefined;
    }, 60_000);
  }

  it('is written after a build and restores the unchanged files for a new worker', async () => {
    await open(NAME);
    const a = await api();
    const file = a.indexCachePath();
    assert.ok(file, 'the workspace has storage on disk');
    // A fresh build, and the cache written after it (earlier tests' workers may have been replaced before writing theirs).
    const written = await refresh(/^Index cache written: \d+ documents/, 'the cache written after a build');
    assert.ok(Number(/(\d+) documents/.exec(written.line)![1]) >= 5, written.lines.join('\n'));
    assert.equal(head(file), MAGIC);
    const { line, lines } = await refresh(/^Index built: /, 'the index rebuilt by a new worker');
    const m = /\((\d+) unchanged, restored from the index cache\)/.exec(line);
    assert.ok(m, `the build restored documents from the cache:\n${lines.join('\n')}`);
    assert.ok(Number(m[1]) >= 5, `at least the five seeds restored: ${line}`);
    const d = await decorated(fileUri(NAME));
    assert.ok(d.quote.length > 0, 'a restored document is highlighted');
  });

  it('a damaged cache is discarded with one log line, the files analysed again and the cache rewritten', async () => {
    await open(NAME);
    const a = await api();
    const file = a.indexCachePath()!;
    await waitFor('the index cache', async () => head(file) === MAGIC, 30_000);
    fs.writeFileSync(file, 'SLIDX {"format":1, this is not a cache');
    const { line, lines } = await refresh(/^Index cache written: /, 'the index rebuilt and its cache written again');
    assert.equal(lines.filter(l => /^Index cache discarded/.test(l)).length, 1, lines.join('\n'));
    const built = lines.find(l => /^Index built: /.test(l));
    assert.ok(built, lines.join('\n'));
    assert.doesNotMatch(built, /restored from the index cache/);
    assert.ok((await decorated(fileUri(NAME))).quote.length > 0, 'highlights come back');
    assert.ok(Number(/(\d+) documents/.exec(line)![1]) >= 5, line);
    const text = fs.readFileSync(file, 'latin1');
    assert.ok(text.startsWith(MAGIC) && !text.includes('this is not a cache'), 'a valid cache replaced the damaged one');
  });
});
