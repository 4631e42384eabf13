// The index worker and its connection when things go wrong: a file that throws,
// a worker that dies or hangs, a cancel in the middle of a build, requests served
// while a build runs, partial analyses, and no network. The real worker runs in a
// worker thread, driven through WorkerConnection (no vscode); failures are injected
// with the worker's test hooks (src/worker/testHooks.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IndexService, type FileAccess } from '../../src/worker/IndexService';
import { WorkerConnection } from '../../src/extension/index/WorkerConnection';
import type { FileRef } from '../../src/protocol/protocol';
import { rng } from '../support/rng';
import { isHeapFull, oldGenerationUsed } from '../../src/worker/heapWatch';
import { testConnection } from '../support/worker';

const seedsDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort();
const seedFiles = (): FileRef[] => seeds.map(f => ({ key: `k/${f}`, fsPath: path.join(seedsDir, f) }));
const now = () => Promise.resolve();
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
/** A page of straight quote marks: quote attribution stops at its work budget on it. */
const PATHOLOGICAL = '"'.repeat(6000);

/**
 * A folder of `n` articles of about 60 KB each, made of random sentences over the
 * seeds' words: nothing repeats or is shared (the reuse index has little to link),
 * so each file costs its own analysis and a build of 16 takes a few seconds.
 */
function slowCorpus(n: number): { dir: string; files: FileRef[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-slow-'));
  const vocabulary = [...new Set(seeds.flatMap(f => fs.readFileSync(path.join(seedsDir, f), 'utf8').split(/[^A-Za-z]+/)).filter(w => w.length > 2))];
  const rand = rng(11);
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ');
    return `${words[0].toUpperCase()}${words.slice(1)}.`;
  };
  const files: FileRef[] = [];
  for (let i = 0; i < n; i++) {
    const paras: string[] = [];
    for (let size = 0; size < 60_000;) {
      const p = Array.from({ length: 4 }, sentence).join(' ');
      paras.push(p);
      size += p.length + 2;
    }
    const fsPath = path.join(dir, `a${String(i).padStart(3, '0')}.txt`);
    fs.writeFileSync(fsPath, paras.join('\n\n'));
    files.push({ key: `slow/${i}`, fsPath });
  }
  return { dir, files };
}

describe('robustness: one file that throws does not stop the index build', () => {
  it('skips the file with "internal error: …" and indexes the rest, whichever comes first', async () => {
    for (const failing of [0, 2, seeds.length - 1]) {
      const bad = seedFiles()[failing].key;
      const svc = new IndexService(undefined, { beforeAnalyse: key => { if (key === bad) throw new TypeError('boom'); } });
      const out = await svc.index(seedFiles(), () => undefined, now);
      assert.equal(out.indexed, seeds.length - 1, `file ${failing} failing: the others are indexed`);
      assert.deepEqual(out.skipped, [{ key: bad, reason: 'internal error: boom' }]);
      assert.equal(svc.corpus.has(bad), false);
      assert.equal(svc.summaries().length, seeds.length - 1, 'the index answers');
    }
  });

  it('survives a file reader that throws something other than an errno error, and a thrown non-Error', async () => {
    const files: FileAccess = {
      read: p => { if (String(p).endsWith(seeds[0])) throw new RangeError('reader broke'); return fs.readFileSync(p); },
    };
    const svc = new IndexService(files, { beforeAnalyse: key => { if (key.endsWith(seeds[1])) throw 'a string'; } });
    const out = await svc.index(seedFiles(), () => undefined, now);
    assert.equal(out.indexed, seeds.length - 2);
    const reasons = new Map(out.skipped.map(s => [s.key, s.reason]));
    assert.match(reasons.get(`k/${seeds[0]}`)!, /^(cannot read|internal error): .*reader broke/);
    assert.equal(reasons.get(`k/${seeds[1]}`), 'internal error: a string');
  });

  it('an open document whose analysis throws is skipped, and analysed again once it no longer does', () => {
    let fail = true;
    const svc = new IndexService(undefined, { beforeAnalyse: () => { if (fail) throw new Error('bad text\nmore lines'); } });
    assert.deepEqual(svc.setOpen('k', 'Some text.', 1), { key: 'k', reason: 'internal error: bad text' });
    assert.equal(svc.corpus.has('k'), false);
    fail = false;
    assert.equal(svc.setOpen('k', 'Some text, edited.', 2), null);
    assert.equal(svc.corpus.has('k'), true);
    assert.deepEqual(svc.takeSkipChanges(), { added: [{ key: 'k', reason: 'internal error: bad text' }], cleared: ['k'] });
  });

  it('in the worker: the first of six files failing leaves five indexed', async function () {
    this.timeout(20_000);
    const { conn } = testConnection({ hooks: { failOn: seeds[0] } });
    try {
      const files = [...seedFiles(), { key: 'k/extra.txt', fsPath: path.join(seedsDir, seeds[1]) }];
      const out = await conn.request('index', { files });
      assert.equal(out.indexed, 5);
      assert.deepEqual(out.skipped.map(s => s.key), [`k/${seeds[0]}`]);
      assert.match(out.skipped[0].reason, /^internal error: test failure/);
    } finally {
      conn.stop('done');
    }
  });
});

describe('robustness: a worker that dies is restarted', function () {
  this.timeout(30_000);

  for (const how of ['throw', 'exit'] as const) {
    it(`(${how}) pending requests reject, a new worker starts, the owner refills it, and it answers`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-crash-'));
      const once = path.join(dir, 'token');
      fs.writeFileSync(once, '');
      let refilled = false;
      const { conn, seen } = testConnection({ hooks: { crashOn: 'CRASH-HERE', crashHow: how, once }, on: { restarted: () => { refilled = true; } } });
      try {
        const crashFile = path.join(dir, 'crash.txt');
        fs.writeFileSync(crashFile, 'Text. CRASH-HERE');
        const files = [...seedFiles().slice(0, 2), { key: 'k/crash.txt', fsPath: crashFile }, ...seedFiles().slice(2)];
        await assert.rejects(conn.request('index', { files }), /index worker (failed|exited)/, 'the build in progress is rejected');
        assert.equal(seen.restarted, 1);
        assert.ok(refilled, 'the owner was told to refill the new worker');
        assert.equal(conn.started, 2);
        assert.ok(seen.log.some(l => /Restarting the index worker \(1 of 3/.test(l)), seen.log.join('\n'));
        assert.deepEqual(await conn.request('summaries', {}), [], 'the new worker answers (empty until refilled)');
        assert.equal((await conn.request('index', { files })).indexed, files.length, 'the one-shot crash does not fire again');
        assert.deepEqual(seen.failed, [], 'no message for a restart that worked');
      } finally {
        conn.stop('done');
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('a stopped worker\'s last messages are ignored (they would bring back skips of an index that is gone)', async () => {
    const { conn, seen } = testConnection({ maxFileSize: 10 });
    try {
      await conn.request('summaries', {}); // the worker is up
      conn.notify('set', { key: 'k', text: 'far more than ten bytes', version: 1 });
      // The worker refuses the text and pushes the skip while this thread is busy: the push waits in its queue.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      conn.restart();
      assert.deepEqual(await conn.request('summaries', {}), []);
      await sleep(100);
      assert.deepEqual(seen.skips, [], 'the skip pushed by the stopped worker is dropped');
    } finally {
      conn.stop('done');
    }
  });

  it('a worker that runs out of heap is not restarted (the same files would fill it again): one message that names the limit and the setting, until restart()', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-oom-'));
    const once = path.join(dir, 'token');
    fs.writeFileSync(once, '');
    const whys: (string | undefined)[] = [];
    const { conn, seen } = testConnection({ hooks: { crashOn: 'FILL-THE-HEAP', crashHow: 'oom', once }, heapLimitMb: 96, on: { failed: (_m, why) => whys.push(why) } });
    try {
      const big = path.join(dir, 'big.txt');
      fs.writeFileSync(big, 'Text. FILL-THE-HEAP');
      const files = [...seedFiles().slice(0, 2), { key: 'k/big.txt', fsPath: big }];
      await assert.rejects(conn.request('index', { files }), /ran out of memory/, 'the build in progress is rejected');
      assert.ok(conn.isDown, 'the worker stays down');
      assert.equal(seen.restarted, 0, 'no restart');
      assert.equal(conn.started, 1);
      assert.equal(seen.failed.length, 1, seen.failed.join('\n'));
      assert.match(seen.failed[0], /ran out of memory \(its limit, 96 MB\).*sourceLens\.workerMemoryMb/);
      assert.deepEqual(whys, ['memory'], 'the owner is told why (it offers the setting)');
      await assert.rejects(conn.request('summaries', {}), /not restarted/, 'requests fail at once while it is down');
      conn.restart();
      assert.equal((await conn.request('index', { files })).indexed, files.length, 'restart() brings it back (the one-shot hook is spent)');
      assert.equal(conn.isDown, false);
    } finally {
      conn.stop('done');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a worker that stops itself with its heap nearly full (the heap watch) is taken as out of memory: not restarted, the same message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-full-'));
    const whys: (string | undefined)[] = [];
    const { conn, seen } = testConnection({ hooks: { crashOn: 'HEAP-FULL', crashHow: 'heapFull' }, heapLimitMb: 512, on: { failed: (_m, why) => whys.push(why) } });
    try {
      const full = path.join(dir, 'full.txt');
      fs.writeFileSync(full, 'Text. HEAP-FULL');
      await assert.rejects(conn.request('index', { files: [...seedFiles().slice(0, 2), { key: 'k/full.txt', fsPath: full }] }), /heap nearly full/);
      assert.ok(seen.log.some(l => /stopped with its heap nearly full after a full collection \(its limit, 512 MB\)/.test(l)), seen.log.join('\n'));
      assert.ok(conn.isDown, 'the worker stays down');
      assert.equal(seen.restarted, 0, 'no restart');
      assert.equal(seen.failed.length, 1, seen.failed.join('\n'));
      assert.match(seen.failed[0], /ran out of memory \(its limit, 512 MB\).*sourceLens\.workerMemoryMb/);
      assert.deepEqual(whys, ['memory']);
    } finally {
      conn.stop('done');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the heap watch: past 90% of the old generation limit, not at it', () => {
    const mb = 2 ** 20;
    assert.equal(isHeapFull(0.9 * 4096 * mb, 4096), false);
    assert.equal(isHeapFull(0.9 * 4096 * mb + 1, 4096), true);
    assert.equal(isHeapFull(3652 * mb, 4096), false, 'the 10,000-article index once built');
    assert.equal(isHeapFull(3840 * mb, 4096), true, 'where the engine collected for 14 minutes');
    assert.ok(oldGenerationUsed() > 0 && oldGenerationUsed() < process.memoryUsage().heapTotal + 64 * mb, 'the old generation is read from the heap spaces');
  });

  it(`gives up after ${WorkerConnection.MAX_RESTARTS} restarts in a row with one message, until restart()`, async () => {
    const texts = new Map<string, string>([['k/crash.txt', 'CRASH-ALWAYS']]);
    // eslint-disable-next-line prefer-const
    let conn: WorkerConnection;
    const refill = () => { for (const [key, text] of texts) conn.notify('set', { key, text, version: 1 }); };
    const made = testConnection({ hooks: { crashOn: 'CRASH-ALWAYS' }, on: { restarted: refill } });
    conn = made.conn;
    const { seen } = made;
    try {
      refill();
      const deadline = Date.now() + 20_000;
      while (!conn.isDown && Date.now() < deadline) await sleep(50);
      assert.ok(conn.isDown, 'the worker stays down');
      assert.equal(seen.restarted, WorkerConnection.MAX_RESTARTS);
      assert.equal(conn.started, WorkerConnection.MAX_RESTARTS + 1);
      assert.equal(seen.failed.length, 1, seen.failed.join('\n'));
      assert.match(seen.failed[0], /stopped \(the index worker failed, 4 times in a row\)/);
      await assert.rejects(conn.request('summaries', {}), /not restarted/, 'requests fail at once while it is down');
      assert.equal(conn.started, WorkerConnection.MAX_RESTARTS + 1, 'no worker started meanwhile');

      texts.set('k/crash.txt', 'Fixed text.');
      conn.restart();
      refill();
      assert.equal((await conn.request('summaries', {})).length, 1, 'restart() brings it back');
      assert.equal(conn.isDown, false);
    } finally {
      conn.stop('done');
    }
  });
});

/**
 * How long a fresh worker takes to start and answer here and now (the machine may be
 * loaded): the time-outs below are a multiple of it, so that only a worker that really
 * hangs runs them out, and the stalls are far longer than any of them.
 */
async function workerStartMs(): Promise<number> {
  const { conn } = testConnection();
  const t0 = Date.now();
  try {
    await conn.request('summaries', {});
  } finally {
    conn.stop('done');
  }
  return Date.now() - t0;
}
const STALL_MS = 120_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`.replace('.', '\\.');

describe('robustness: time-outs and cancel', function () {
  this.timeout(STALL_MS);
  let corpus: { dir: string; files: FileRef[] };
  /** The request time-out of these tests: four worker starts, at least 0.8 s. */
  let timeoutMs = 800;
  before(async () => {
    corpus = slowCorpus(16);
    timeoutMs = Math.max(800, 100 * Math.ceil((4 * (await workerStartMs())) / 100));
  });
  after(() => fs.rmSync(corpus.dir, { recursive: true, force: true }));

  it('a request to a worker that hangs rejects after the time-out, and a new worker answers', async () => {
    const { conn, seen } = testConnection({ hooks: { stallOn: 'STALL-HERE', stallMs: STALL_MS }, timeoutMs });
    try {
      await conn.request('index', { files: seedFiles() });
      conn.notify('set', { key: 'k/stall.txt', text: 'STALL-HERE', version: 1 });
      const t0 = Date.now();
      await assert.rejects(conn.request('summaries', {}), new RegExp(`did not (answer a summaries request|take up a change) within ${seconds(timeoutMs)}`));
      assert.ok(Date.now() - t0 < STALL_MS / 2, `rejected after ${Date.now() - t0} ms, not at the time-out`);
      assert.equal(seen.restarted, 1, 'the stuck worker was replaced');
      assert.deepEqual(await conn.request('summaries', {}), [], 'the new worker answers, with an empty index');
    } finally {
      conn.stop('done');
    }
  });

  it('a change the worker does not take up in time (it hangs, no request pending) restarts it too, and idle waits no longer', async () => {
    const { conn, idle, seen } = testConnection({ hooks: { stallOn: 'STALL-HERE', stallMs: STALL_MS }, timeoutMs });
    try {
      conn.notify('set', { key: 'k/stall.txt', text: 'STALL-HERE', version: 1 });
      const t0 = Date.now();
      await idle.whenIdle();
      assert.ok(Date.now() - t0 < STALL_MS / 2, `idle after ${Date.now() - t0} ms, not at the time-out`);
      assert.equal(seen.restarted, 1);
      assert.ok(seen.log.some(l => new RegExp(`did not take up a change within ${seconds(timeoutMs)}`).test(l)), seen.log.join('\n'));
    } finally {
      conn.stop('done');
    }
  });

  it('an index build longer than the time-out is not cut short while it reports progress', async () => {
    // Each file holds the worker for a quarter of the time-out: ten of them outlast it, no gap between files does.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-stall-'));
    const { conn, seen } = testConnection({ hooks: { stallOn: 'SLOW-FILE', stallMs: timeoutMs / 4 }, timeoutMs });
    try {
      await conn.request('summaries', {}); // the worker is up: its start is not part of the build
      const files = Array.from({ length: 10 }, (_, i) => {
        const fsPath = path.join(dir, `${i}.txt`);
        fs.writeFileSync(fsPath, `Article ${i}. SLOW-FILE`);
        return { key: `stall/${i}`, fsPath };
      });
      const t0 = Date.now();
      const out = await conn.request('index', { files });
      const took = Date.now() - t0;
      assert.equal(out.indexed, files.length);
      assert.ok(took > timeoutMs, `the build took ${took} ms: longer than the ${timeoutMs} ms time-out`);
      assert.equal(seen.restarted, 0);
    } finally {
      conn.stop('done');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cancel stops the worker\'s build between files, and the worker still answers', async () => {
    const { conn } = testConnection();
    try {
      let cancelledAt = -1;
      const out = await conn.request('index', { files: corpus.files }, done => {
        if (cancelledAt < 0) {
          cancelledAt = done;
          conn.notify('cancel', {});
        }
      });
      assert.equal(out.cancelled, true);
      assert.ok(out.indexed < corpus.files.length, `stopped at ${out.indexed} of ${corpus.files.length} (cancel sent at ${cancelledAt})`);
      assert.equal((await conn.request('summaries', {})).length, out.indexed, 'what was added stays');
    } finally {
      conn.stop('done');
    }
  });

  it('a new build supersedes one in progress (the older stops at its next file)', async () => {
    const svc = new IndexService();
    let release!: () => void;
    const gate = new Promise<void>(r => (release = r));
    const first = svc.index(seedFiles(), () => undefined, () => gate);
    const second = svc.index(seedFiles().slice(0, 2), () => undefined, now);
    release();
    assert.deepEqual(await first, { indexed: 1, skipped: [], partial: [], cancelled: true });
    assert.equal((await second).cancelled, false);
  });

  it('requests for open documents are answered between the files of a build, before it ends', async () => {
    const { conn } = testConnection();
    try {
      const events: string[] = [];
      let asked: Promise<void> | undefined;
      const build = conn.request('index', { files: corpus.files }, (done, total) => {
        if (asked) return;
        conn.notify('set', { key: 'open', text: 'An open article. “We are ready,” Lavrov said.', version: 1 });
        asked = conn.request('windows', { docs: [{ key: 'open', ranges: [{ start: 0, end: 100 }] }] }).then(([v]) => {
          events.push(`windows answered with ${v.result.quotes.length} quote while the build was at ${done} of ${total}`);
        });
      }).then(() => { events.push('build done'); });
      await build;
      await asked;
      assert.equal(events.length, 2);
      assert.match(events[0], /^windows answered with 1 quote/, events.join('; '));
      assert.equal(events[1], 'build done', events.join('; '));
    } finally {
      conn.stop('done');
    }
  });
});

describe('robustness: partial analyses are reported', () => {
  it('by the build outcome, the window and the summary', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-partial-'));
    try {
      const bad = path.join(dir, 'quotes.txt');
      fs.writeFileSync(bad, PATHOLOGICAL);
      const svc = new IndexService();
      const out = await svc.index([...seedFiles(), { key: 'bad', fsPath: bad }], () => undefined, now);
      assert.equal(out.indexed, seeds.length + 1);
      assert.deepEqual(out.partial.map(p => p.key), ['bad']);
      assert.match(out.partial[0].reason, /quote attribution stopped at its work budget/);
      const [w] = svc.windows([{ key: 'bad', ranges: [{ start: 0, end: 10 }] }]);
      assert.match(w.result.truncated!.reason, /work budget/);
      assert.match(svc.summaries(['bad'])[0].truncated!, /work budget/);
      assert.equal(svc.summaries([`k/${seeds[0]}`])[0].truncated, null);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
