import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IndexService, type FileAccess } from '../../src/worker/IndexService';
import { Idle } from '../../src/extension/Idle';
import { skipCategory, skippedMessage, skippedSummary } from '../../src/extension/index/skipMessages';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/config/defaults';
import { sameData } from '../../src/core/sameData';
import { entityKey } from '../../src/protocol/protocol';
import { normalizeEol } from '../../src/core/text/decode';
import { rng } from '../support/rng';
import { testConnection } from '../support/worker';

const seedsDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort();

/** An in-memory file system. */
function memFiles(files: Record<string, string | Uint8Array>): FileAccess {
  const bytes = (p: string) => {
    const v = files[p];
    if (v === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
  };
  return { read: bytes };
}
const now = () => Promise.resolve();

describe('extension: index service (the worker\'s corpus)', () => {
  it('indexes readable files and skips binary, invalid UTF-8, too large and missing ones with reasons', async () => {
    const svc = new IndexService(memFiles({
      '/a.txt': 'Russia moved troops. “We are ready,” Lavrov said.\n',
      '/bin.txt': new Uint8Array([65, 0, 66]),
      '/latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      '/big.txt': 'x'.repeat(2000),
    }));
    svc.maxFileSize = 1000;
    const progress: number[] = [];
    const files = ['a', 'bin', 'latin1', 'big', 'gone'].map(n => ({ key: `file:///${n}.txt`, fsPath: `/${n}.txt` }));
    const out = await svc.index(files, d => progress.push(d), now);
    assert.equal(out.indexed, 1);
    assert.equal(out.cancelled, false);
    assert.deepEqual(progress, [1, 2, 3, 4, 5]);
    const reasons = Object.fromEntries(out.skipped.map(s => [s.key, s.reason]));
    assert.match(reasons['file:///bin.txt'], /^binary/);
    assert.match(reasons['file:///latin1.txt'], /^not UTF-8/);
    assert.equal(reasons['file:///big.txt'], 'larger than the 1000 bytes limit (2 KB)');
    assert.equal(reasons['file:///gone.txt'], 'cannot read: ENOENT', 'the CLI\'s wording');
    assert.deepEqual(svc.corpus.paths(), ['file:///a.txt']);
    assert.deepEqual(svc.takeSkipChanges().added.map(s => s.key).sort(), out.skipped.map(s => s.key).sort());
    assert.deepEqual(svc.takeSkipChanges(), { added: [], cleared: [] }, 'changes are reported once');
  });

  it('lets an open editor\'s text win over the file until it is released', async () => {
    const files: Record<string, string> = { '/a.txt': 'On disk.\n' };
    const svc = new IndexService(memFiles(files));
    svc.setOpen('k', 'In the editor.\n', 7);
    await svc.index([{ key: 'k', fsPath: '/a.txt' }], () => undefined, now);
    assert.equal(svc.corpus.text('k'), 'In the editor.\n');
    assert.equal(svc.reload('k', '/a.txt'), null);
    assert.equal(svc.corpus.text('k'), 'In the editor.\n', 'a disk change is ignored while open');
    assert.equal(svc.documents(['k'])[0].version, 7);
    files['/a.txt'] = 'Changed on disk.\n';
    svc.release('k', '/a.txt');
    assert.equal(svc.corpus.text('k'), 'Changed on disk.\n');
    assert.equal(svc.documents(['k'])[0].version, null);
    svc.setOpen('u', 'Untitled text.', 1);
    svc.release('u', null);
    assert.equal(svc.corpus.has('u'), false);
  });

  it('refuses open text over the limit, and clears the skip once it fits', () => {
    const svc = new IndexService(memFiles({}));
    svc.maxFileSize = 10;
    assert.match(svc.setOpen('k', 'é'.repeat(6), 1)!.reason, /larger than the 10 bytes limit \(12 bytes\)/);
    assert.equal(svc.corpus.has('k'), false);
    assert.equal(svc.takeSkipChanges().added.length, 1);
    assert.equal(svc.setOpen('k', 'short', 2), null);
    assert.deepEqual(svc.takeSkipChanges(), { added: [], cleared: ['k'] });
  });

  it('stops a build on cancel, keeping what was added', async () => {
    const svc = new IndexService(memFiles({ '/1.txt': 'One.', '/2.txt': 'Two.', '/3.txt': 'Three.' }));
    const files = [1, 2, 3].map(n => ({ key: `k${n}`, fsPath: `/${n}.txt` }));
    const out = await svc.index(files, d => { if (d === 1) svc.cancel(); }, now);
    assert.deepEqual(out, { indexed: 1, skipped: [], partial: [], cancelled: true });
    assert.deepEqual(svc.corpus.paths(), ['k1']);
    assert.equal((await svc.index(files, () => undefined, now)).indexed, 3, 'a new build starts uncancelled');
  });

  it('answers views with variant text and entity source counts, and sorted summaries, on the seeds', async () => {
    const svc = new IndexService(); // Node's file system
    const files = seeds.map(f => ({ key: `seeds/${f}`, fsPath: path.join(seedsDir, f) }));
    const out = await svc.index([...files].reverse(), () => undefined, now);
    assert.equal(out.indexed, seeds.length);
    const sums = svc.summaries();
    assert.deepEqual(sums.map(s => s.key), files.map(f => f.key));
    const views = svc.documents([files[2].key, 'nope', files[0].key]);
    assert.deepEqual(views.map(v => v.key), [files[2].key, files[0].key]);
    for (const v of views) {
      const text = svc.corpus.text(v.key)!;
      assert.equal(v.result.length, text.length);
      for (const q of v.result.quotes) {
        assert.equal(q.text, text.slice(q.start, q.end));
        for (const l of q.variants) assert.equal((l as { text?: string }).text, svc.corpus.text(l.path)!.slice(l.start, l.end));
      }
      for (const e of v.result.entities) {
        const n = v.entitySources[entityKey(e.type, e.canonical)];
        assert.ok(n >= 1 && n <= seeds.length);
      }
    }
    // What the Claims tree asks: each document's claims and quotes as its view has them, and nothing else.
    const passages = svc.passages([files[2].key, 'nope', files[0].key]);
    assert.deepEqual(passages.map(p => p.key), views.map(v => v.key));
    passages.forEach((p, k) => {
      const { path: key, length, title, claims, quotes } = views[k].result;
      assert.deepEqual(p.result, { path: key, length, title, claims, quotes });
      assert.equal(p.version, views[k].version);
      assert.ok(claims.length > 0 && quotes.some(q => q.variants.length > 0), 'a seed with claims and linked quotes');
    });
  });
});

describe('extension: skipped-files message', () => {
  it('summarises in one message, by category', () => {
    assert.equal(skipCategory('larger than the 5 MB limit (6 MB)'), 'too large');
    assert.equal(skipCategory('binary file (contains NUL bytes)'), 'binary');
    const m = skippedMessage([
      { path: 'a.bin', reason: 'binary file (contains NUL bytes)' },
      { path: 'b.txt', reason: 'larger than the 5 MB limit (6 MB)' },
      { path: 'c.txt', reason: 'larger than the 5 MB limit (9 MB)' },
    ]);
    assert.equal(m, 'Source Lens skipped 3 files (1 binary, 2 too large). Their reasons are in the Source Lens output.');
    assert.equal(skippedMessage([{ path: 'b.txt', reason: 'not UTF-8 text' }]), 'Source Lens skipped b.txt: not UTF-8 text.');
    assert.equal(skippedMessage([]), '');
    assert.equal(skippedSummary([{ reason: 'larger than the 5 MB limit (6 MB)' }, { reason: 'binary file (NUL bytes)' }, { reason: 'binary file' }]), '3 files skipped (1 too large, 2 binary).');
    assert.equal(skippedSummary([{ reason: 'not UTF-8 text' }]), '1 file skipped (1 not UTF-8 text).');
    assert.equal(skippedSummary([]), '');
  });
});

describe('extension: idle tracking', () => {
  it('resolves only after every piece of pending work ended', async () => {
    const idle = new Idle();
    const end1 = idle.begin();
    let resolved = false;
    const p = idle.whenIdle().then(() => { resolved = true; });
    const tracked = idle.track(new Promise(r => setTimeout(r, 5)));
    await new Promise(r => setTimeout(r, 1));
    end1();
    end1(); // ending twice counts once
    assert.equal(resolved, false);
    await tracked;
    await p;
    assert.equal(resolved, true);
    assert.equal(idle.busy, false);
  });

  it('waits for work queued right after other work ends', async () => {
    const idle = new Idle();
    const end = idle.begin();
    let second: (() => void) | undefined;
    setTimeout(() => { end(); second = idle.begin(); setTimeout(() => second!(), 10); }, 1);
    await idle.whenIdle();
    assert.ok(second, 'the second piece had started');
    assert.equal(idle.busy, false);
  });
});

describe('extension: index worker thread, through the typed connection', function () {
  this.timeout(20_000);
  it('builds the index off the main thread, reports progress, serves edits and queries in order, and says what changed', async () => {
    const progress: number[] = [];
    const { conn, idle, seen } = testConnection();
    const skips = () => seen.skips.flatMap(p => p.added.map(s => s.key));
    const changed = seen.changed;
    const failures = seen.failed;
    try {
      const files = seeds.map(f => ({ key: `k/${f}`, fsPath: path.join(seedsDir, f) }));
      files.push({ key: 'k/missing.txt', fsPath: path.join(seedsDir, 'missing.txt') });
      const built = conn.request('index', { files }, done => progress.push(done));
      conn.notify('set', { key: 'k/open.txt', text: 'Edited text. “Hello there,” she said.', version: 4 });
      const out = await built;
      assert.equal(out.indexed, seeds.length);
      assert.deepEqual(out.skipped.map(s => s.key), ['k/missing.txt']);
      assert.equal(progress[progress.length - 1], files.length);
      const reported = new Set(changed.flatMap(c => c.keys));
      for (const f of files.slice(0, seeds.length)) assert.ok(reported.has(f.key), `${f.key} reported as changed before the build's answer`);
      assert.ok(reported.has('k/open.txt'));

      const [v] = await conn.request('documents', { keys: ['k/open.txt'] });
      assert.equal(v.version, 4);
      assert.equal(v.result.length, 'Edited text. “Hello there,” she said.'.length);
      changed.length = 0;
      conn.notify('delete', { key: 'k/open.txt' });
      const sums = await conn.request('summaries', {});
      assert.deepEqual(sums.map(s => s.key), files.slice(0, seeds.length).map(f => f.key));
      assert.deepEqual(changed, [{ keys: ['k/open.txt'], seq: 3 }], 'the deletion is reported (configure, set, delete), ahead of the answer');
      const two = await conn.request('summaries', { keys: [files[1].key, 'k/open.txt'] });
      assert.deepEqual(two.map(s => s.key), [files[1].key]);
      assert.deepEqual(skips(), ['k/missing.txt']);
      await idle.whenIdle();
      assert.deepEqual(failures, []);
    } finally {
      conn.stop('done');
    }
  });

  it('rejects pending requests when the worker stops, and starts a new one on the next message', async () => {
    const { conn, idle, seen } = testConnection();
    try {
      const files = seeds.map(f => ({ key: `k/${f}`, fsPath: path.join(seedsDir, f) }));
      const built = conn.request('index', { files });
      conn.stop('restarted');
      await assert.rejects(built, /restarted/);
      assert.equal(seen.stopped, 1);
      assert.equal(seen.restarted, 0, 'stopped on purpose: not a restart');
      assert.deepEqual(await conn.request('summaries', {}), [], 'a new worker, with an empty index');
      await idle.whenIdle();
    } finally {
      conn.stop('done');
    }
  });
});

describe('extension: which documents the worker reports as changed', function () {
  this.timeout(30_000);
  /** Every view, as JSON, by key: what the editor and the tree could show. */
  function views(svc: IndexService): Map<string, string> {
    const keys = svc.corpus.paths();
    return new Map(svc.documents(keys).map(v => [v.key, JSON.stringify(v)]));
  }
  function differing(a: Map<string, string>, b: Map<string, string>): string[] {
    return [...new Set([...a.keys(), ...b.keys()])].filter(k => a.get(k) !== b.get(k)).sort();
  }
  const texts = seeds.map(f => normalizeEol(fs.readFileSync(path.join(seedsDir, f), 'utf8')));

  it('names every document whose view changed, in the whole corpus, and only those (or the one touched)', () => {
    const svc = new IndexService(memFiles({}));
    const rand = rng(7);
    let before = views(svc);
    const step = (what: string, touched: string[], act: () => void) => {
      act();
      const got = svc.takeChanged();
      const after = views(svc);
      const want = differing(before, after);
      for (const k of want) assert.ok(got.includes(k), `${what}: ${k} changed but was not reported (reported ${got.join(', ')})`);
      for (const k of got) assert.ok(want.includes(k) || touched.includes(k), `${what}: ${k} reported but its view is the same`);
      assert.deepEqual(svc.takeChanged(), [], `${what}: reported once`);
      before = after;
      return { got, want };
    };
    seeds.forEach((f, i) => step(`open ${f}`, [f], () => svc.setOpen(f, texts[i], 1)));
    // 000 carries the AP story that 002 and 004 share: cutting it changes them too.
    const cut = step('cut most of 000', [seeds[0]], () => svc.setOpen(seeds[0], texts[0].slice(0, 400), 2));
    assert.ok(cut.want.length > 1, `an edit of one source changes others: ${cut.want.join(', ')}`);
    step('put 000 back', [seeds[0]], () => svc.setOpen(seeds[0], texts[0], 3));
    step('same text, new version', [seeds[1]], () => svc.setOpen(seeds[1], texts[1], 2));
    step('delete 004', [seeds[4]], () => svc.delete(seeds[4]));
    step('a new source naming people', ['new'], () => svc.setOpen('new', 'Foreign Minister Sergey Lavrov met Antony Blinken. “We are ready,” Lavrov said.\n', 1));
    for (let n = 0; n < 12; n++) {
      const i = Math.floor(rand() * 4);
      const text = svc.corpus.text(seeds[i]) ?? texts[i];
      const at = Math.floor(rand() * text.length);
      const edited = rand() < 0.5 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 300)) : text.slice(0, at) + ' “We will not climb the ladder,” Kuleba said. ' + text.slice(at);
      step(`random edit ${n} of ${seeds[i]}`, [seeds[i]], () => svc.setOpen(seeds[i], edited, 10 + n));
    }
    step('release 000 to a missing file', [seeds[0]], () => svc.release(seeds[0], '/gone.txt'));
  });

  it('compares results as plain data', () => {
    const shared = { start: 1, end: 2 };
    assert.equal(sameData({ a: [1, 'x', null, shared] }, { a: [1, 'x', null, { ...shared }] }), true);
    assert.equal(sameData({ a: 1, b: undefined }, { a: 1 }), false);
    assert.equal(sameData({ a: 1 }, { b: 1 }), false);
    assert.equal(sameData([1, 2], { 0: 1, 1: 2 }), false);
    assert.equal(sameData([1, [2]], [1, [3]]), false);
    assert.equal(sameData(undefined, { a: 1 }), false);
    // Keys counted at both sides, whatever their order: one more or one fewer differs.
    assert.equal(sameData({ a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1 }), true);
    assert.equal(sameData({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(sameData({ a: 1, b: 2 }, { a: 1 }), false);
    assert.equal(sameData({ a: 1, b: undefined }, { b: undefined, a: 1 }), true);
    assert.equal(sameData({}, {}), true);
  });

  it('reports nothing when nothing changed, without resolving the corpus', () => {
    const svc = new IndexService(memFiles({}));
    assert.equal(svc.hasChanges, false);
    assert.deepEqual(svc.takeChanged(), []);
    svc.setOpen('a', 'One.', 1);
    assert.equal(svc.hasChanges, true);
    assert.deepEqual(svc.takeChanged(), ['a']);
    assert.equal(svc.hasChanges, false);
  });
});
