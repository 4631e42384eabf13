// The persisted index (src/worker/indexCache.ts, PersistedIndex.ts, packing.ts and
// the index service's use of them): analyses packed and read back exactly, a cache
// written and reopened, and every way a cache can be wrong (corrupt, truncated,
// another analysis version, a file changed behind an unchanged size and time)
// discarded or re-checked, never trusted; writes atomic and bounded.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeLocal, ParagraphCache } from '../../src/core/corpus/corpus';
import { AnalysisContext } from '../../src/core/text/memo';
import { packLocal, unpackLocal } from '../../src/worker/packing';
import {
  analysisVersion, CACHE_FILE, contentHash, decodeCache, encodeCache, readCache, recordHash, writeAtomic, type CacheEntry,
} from '../../src/worker/indexCache';
import { PersistedIndex } from '../../src/worker/PersistedIndex';
import { IndexService } from '../../src/worker/IndexService';
import type { FileRef } from '../../src/protocol/protocol';
import { testConnection } from '../support/worker';
import { workerHeapLimitMb, WorkerConnection } from '../../src/extension/index/WorkerConnection';
import { Idle } from '../../src/extension/Idle';
import { WORKER_PATH } from '../support/worker';

const seedsDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort();
const now = () => Promise.resolve();

/** Text written for these tests: quotes, a repeated paragraph, surrogate pairs, CRLF-free. */
const OWN_TEXT = [
  'Harbour Board Votes to Close the Old Pier',
  '“We cannot keep patching it,” said Mira Oduya, the board’s chair, on Tuesday. The pier, built in 1921, needs 4.2 million dollars of repairs. 🚢',
  'Fishermen disagreed. "The pier is our living," one of them, Tomas Reyes, told the Coastal Gazette.',
  '“We cannot keep patching it,” said Mira Oduya, the board’s chair, on Tuesday. The pier, built in 1921, needs 4.2 million dollars of repairs. 🚢',
].join('\n\n') + '\n';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sl-persist-'));
}

/** The seeds copied into a folder of their own (so that tests may change them). */
function seedCopy(): { dir: string; files: FileRef[] } {
  const dir = tempDir();
  const files = seeds.map(f => {
    fs.copyFileSync(path.join(seedsDir, f), path.join(dir, f));
    return { key: `file:///seeds/${f}`, fsPath: path.join(dir, f) };
  });
  fs.writeFileSync(path.join(dir, 'own.txt'), OWN_TEXT);
  files.push({ key: 'file:///seeds/own.txt', fsPath: path.join(dir, 'own.txt') });
  return { dir, files };
}

/** Every document's linked result and summary, as JSON (what a view shows). */
function linked(svc: IndexService, keys: readonly string[]): string {
  svc.takeChanged();
  return JSON.stringify({ docs: svc.documents(keys), summaries: svc.summaries() });
}

/** A cold build with a cache in `storage`, written; its linked state. */
async function coldBuild(files: FileRef[], storage: string, version = 'v-test'): Promise<{ state: string; log: string[] }> {
  const log: string[] = [];
  const svc = new IndexService();
  svc.persisted = new PersistedIndex(storage, version, l => log.push(l));
  const out = await svc.index(files, () => undefined, now);
  assert.equal(out.restored, 0, 'nothing cached yet');
  const state = linked(svc, files.map(f => f.key));
  await svc.persisted.write(svc.cacheDocs()!, now);
  return { state, log };
}

function reopen(storage: string, version = 'v-test') {
  const log: string[] = [];
  const svc = new IndexService();
  svc.persisted = new PersistedIndex(storage, version, l => log.push(l));
  return { svc, log };
}

describe('persisted index: packing an analysis', function () {
  this.timeout(60_000);
  const ctx = new AnalysisContext();
  const cache = new ParagraphCache();

  it('reads back exactly what was packed, on the seeds and on text with quotes, repeats and emoji', () => {
    const texts = [...seeds.map(f => fs.readFileSync(path.join(seedsDir, f), 'utf8')), OWN_TEXT, '', '\n\n'];
    for (const text of texts) {
      const local = analyzeLocal(ctx, text, cache);
      const packed = packLocal(local);
      assert.ok(!packed.includes(text.slice(0, 200)) || text.length < 40, 'the text itself is not in the record');
      assert.deepEqual(unpackLocal(packed, text), JSON.parse(JSON.stringify(local)));
    }
  });

  it('is smaller than the analysis as plain JSON (keys once per table, span texts left out)', () => {
    const text = fs.readFileSync(path.join(seedsDir, seeds[0]), 'utf8');
    const local = analyzeLocal(ctx, text, cache);
    const { text: _, ...rest } = local;
    assert.ok(packLocal(local).length * 2 < JSON.stringify(rest).length, `${packLocal(local).length} vs ${JSON.stringify(rest).length}`);
  });

  it('carries values plain JSON would confuse with its own markers: "@" arrays, infinities, a text that is not the slice', () => {
    const text = 'Alpha beta gamma.';
    const local = {
      ...analyzeLocal(ctx, text, cache),
      extra: { names: ['@T', '@A', 'x'], lone: ['@N'], big: Infinity, small: -Infinity, table: [{ start: 0, end: 5, text: 'ALPHA' }, { start: 6, end: 10, text: 'beta' }] },
    };
    const back = unpackLocal(packLocal(local), text) as unknown as typeof local;
    assert.deepEqual(back.extra, local.extra);
  });

  it('throws on a record that is not an analysis of this text', () => {
    const text = 'Alpha beta gamma. “Yes,” she said.';
    const packed = packLocal(analyzeLocal(ctx, text, cache));
    assert.throws(() => unpackLocal(packed, 'Alpha'), /outside/, 'offsets past a shorter text');
    assert.throws(() => unpackLocal('{"title":null}', text), /missing/);
    assert.throws(() => unpackLocal('[1,2]', text), /not an object/);
    assert.throws(() => unpackLocal(packed.slice(0, packed.length / 2), text), SyntaxError);
    assert.throws(() => unpackLocal(packed.replace('"@T"', '"@Q"'), text), /unknown marker|malformed/);
  });
});

describe('persisted index: the cache file', () => {
  const entry = (key: string, record = '{"a":1}'): CacheEntry => ({
    key, hash: contentHash(key), stat: { size: 10, mtimeMs: 1.5 }, record: Buffer.from(record), recordHash: recordHash(Buffer.from(record)),
    summary: { title: 'T', quotes: 1, claims: 2, duplicates: 0, entities: 3, corroborated: 1, disputed: 0, truncated: null, source: { outlet: 'X', date: null, url: null } },
  });

  it('round-trips its entries; an empty one too', () => {
    const entries = [entry('a'), entry('b', '{"b":"é🚢"}'), { ...entry('c'), stat: null }];
    const { bytes, kept, left } = encodeCache('v1', entries);
    assert.equal(kept, 3);
    assert.equal(left, 0);
    const back = decodeCache(bytes, 'v1');
    assert.deepEqual([...back.values()].map(e => ({ ...e, record: e.record.toString() })), entries.map(e => ({ ...e, record: e.record.toString() })));
    assert.equal(decodeCache(encodeCache('v1', []).bytes, 'v1').size, 0);
  });

  it('refuses another format or analysis version, a truncated or extended file, a changed byte, garbage', () => {
    const { bytes } = encodeCache('v1', [entry('a'), entry('b')]);
    assert.throws(() => decodeCache(bytes, 'v2'), /another version of the analysis/);
    assert.throws(() => decodeCache(Buffer.from(bytes.toString('latin1').replace('"format":1', '"format":9'), 'latin1'), 'v1'), /format 9/);
    for (const cut of [1, 10, bytes.length - 1]) assert.throws(() => decodeCache(bytes.subarray(0, cut), 'v1'), /truncated|not a Source Lens|header/);
    assert.throws(() => decodeCache(Buffer.concat([bytes, Buffer.from('x')]), 'v1'), /longer/);
    const header = bytes.indexOf(10);
    for (const at of [header + 3, header + 40]) {
      const flipped = Buffer.from(bytes);
      flipped[at] ^= 0x04;
      assert.throws(() => decodeCache(flipped, 'v1'), /checksum/, `byte ${at} of the document list changed`);
    }
    assert.throws(() => decodeCache(Buffer.from('hello\nworld'), 'v1'), /not a Source Lens index cache/);
    assert.throws(() => decodeCache(Buffer.alloc(0), 'v1'), /not a Source Lens index cache/);
  });

  it('readCache says a missing file is missing and a bad one why, without throwing', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, CACHE_FILE);
      assert.deepEqual(readCache(file, 'v1'), { ok: false, missing: true });
      fs.writeFileSync(file, 'SLIDX {not json\n');
      const r = readCache(file, 'v1');
      assert.equal(r.ok, false);
      assert.match((r as { reason: string }).reason, /header is not readable/);
      fs.rmSync(file);
      fs.mkdirSync(file);
      assert.match((readCache(file, 'v1') as { reason: string }).reason, /cannot read it \(EISDIR\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is bounded: entries past the size limit are left out and the rest still reads', () => {
    const entries = Array.from({ length: 20 }, (_, i) => entry(`k${i}`, JSON.stringify({ pad: 'x'.repeat(1000) })));
    const { bytes, kept, left } = encodeCache('v1', entries, 5000);
    assert.ok(kept > 0 && left > 0 && kept + left === 20, `${kept} kept, ${left} left`);
    assert.ok(bytes.length <= 5000 + 400, `${bytes.length} bytes`);
    assert.equal(decodeCache(bytes, 'v1').size, kept);
  });

  it('writes atomically: no temporary file is left, and a failed write leaves the old file as it was', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'sub', CACHE_FILE);
      await writeAtomic(file, Buffer.from('first'));
      await writeAtomic(file, Buffer.from('second'));
      assert.equal(fs.readFileSync(file, 'utf8'), 'second');
      assert.deepEqual(fs.readdirSync(path.dirname(file)), [CACHE_FILE]);
      // A directory where the file goes: the rename fails.
      const blocked = path.join(dir, 'blocked');
      fs.mkdirSync(path.join(blocked, 'x'), { recursive: true });
      await assert.rejects(writeAtomic(blocked, Buffer.from('third')));
      assert.deepEqual(fs.readdirSync(dir).sort(), ['blocked', 'sub'], 'the temporary file was removed');
      assert.deepEqual(fs.readdirSync(blocked), ['x'], 'what was there stays');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the analysis version follows the code it hashes', () => {
    const dir = tempDir();
    try {
      const code = path.join(dir, 'worker.js');
      fs.writeFileSync(code, 'analyse(1)');
      const a = analysisVersion(code);
      assert.equal(analysisVersion(code), a, 'the same code, the same version');
      fs.writeFileSync(code, 'analyse(2)');
      assert.notEqual(analysisVersion(code), a, 'new code, a new version');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('persisted index: reopening a workspace', function () {
  this.timeout(120_000);
  let corpus: { dir: string; files: FileRef[] };
  let storage: string;
  let cold: { state: string; log: string[] };
  const keys = () => corpus.files.map(f => f.key);
  beforeEach(async () => {
    corpus = seedCopy();
    storage = tempDir();
    cold = await coldBuild(corpus.files, storage);
  });
  afterEach(() => {
    fs.rmSync(corpus.dir, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('restores every unchanged document without analysing it, lists the tree from the cache first, and links to the same results', async () => {
    assert.deepEqual(cold.log, []);
    const { svc: hooked, log } = reopen(storage);
    const announced: { keys: string[]; inCorpus: number; listed: string }[] = [];
    const out = await hooked.index(corpus.files, () => undefined, now, k => {
      announced.push({ keys: k, inCorpus: hooked.corpus.size, listed: JSON.stringify(hooked.summaries()) });
    });
    assert.equal(out.restored, corpus.files.length);
    assert.equal(out.indexed, corpus.files.length);
    assert.equal(hooked.corpus.cache.misses, 0, 'no paragraph was analysed');
    assert.deepEqual(announced[0].keys.sort(), keys().sort(), 'all listed at once');
    assert.equal(announced[0].inCorpus, 0, 'before any document was restored');
    assert.equal(announced[0].listed, JSON.stringify(JSON.parse(cold.state).summaries), 'with the summaries of the linked corpus');
    assert.equal(linked(hooked, keys()), cold.state, 'the restored corpus links to what the cold one did');
    assert.deepEqual(log, []);
  });

  it('re-analyses a file whose text changed behind the same size and time (the content hash is checked)', async () => {
    const f = corpus.files[1];
    // A whole second, which every file system keeps exactly; cached with it.
    fs.utimesSync(f.fsPath, 1_700_000_000, 1_700_000_000);
    fs.rmSync(path.join(storage, CACHE_FILE));
    await coldBuild(corpus.files, storage);
    const st = fs.statSync(f.fsPath);
    const text = fs.readFileSync(f.fsPath, 'utf8');
    const changed = text.replace(/Russia/, 'Prussi'); // same length in UTF-8
    assert.notEqual(changed, text);
    fs.writeFileSync(f.fsPath, changed);
    fs.utimesSync(f.fsPath, 1_700_000_000, 1_700_000_000);
    assert.equal(fs.statSync(f.fsPath).mtimeMs, st.mtimeMs);
    assert.equal(fs.statSync(f.fsPath).size, st.size);
    const { svc } = reopen(storage);
    const announced: string[][] = [];
    const out = await svc.index(corpus.files, () => undefined, now, k => announced.push(k));
    assert.equal(out.restored, corpus.files.length - 1);
    assert.ok(announced[0].includes(f.key), 'listed from the cache by its size and time');
    assert.ok(announced.slice(1).some(k => k.includes(f.key)), 'and told again once its own analysis replaced the cached one');
    assert.equal(svc.corpus.text(f.key), changed);
    const fresh = new IndexService();
    await fresh.index(corpus.files, () => undefined, now);
    assert.equal(linked(svc, keys()), linked(fresh, keys()), 'what a build without a cache gives');
  });

  it('analyses new and changed files, drops deleted ones, and restores the rest', async () => {
    fs.appendFileSync(corpus.files[0].fsPath, '\nA new closing paragraph, written for this test.\n');
    fs.writeFileSync(path.join(corpus.dir, 'new.txt'), 'A brand new article about the harbour.\n');
    const files = [...corpus.files.slice(0, 3), { key: 'file:///seeds/new.txt', fsPath: path.join(corpus.dir, 'new.txt') }];
    const { svc } = reopen(storage);
    const out = await svc.index(files, () => undefined, now);
    assert.equal(out.restored, 2);
    assert.equal(out.indexed, 4);
    assert.deepEqual(svc.corpus.paths().sort(), files.map(f => f.key).sort());
    await svc.persisted!.write(svc.cacheDocs()!, now);
    const again = reopen(storage).svc;
    assert.equal((await again.index(files, () => undefined, now)).restored, 4, 'the cache was rewritten with the new state');
  });

  it('discards a corrupt cache with one log line, analyses everything, and writes a good one again', async () => {
    const file = path.join(storage, CACHE_FILE);
    const good = fs.readFileSync(file);
    const header = good.indexOf(10);
    const cases: [string, Buffer][] = [
      ['truncated', good.subarray(0, good.length - 7)],
      ['garbage', Buffer.from('\u0000\u0001 not a cache at all')],
      ['a changed byte in the list', Buffer.from(good.map((b, i) => (i === header + 20 ? b ^ 1 : b)))],
      ['a changed byte in a record', Buffer.from(good.map((b, i) => (i === good.length - 30 ? b ^ 1 : b)))],
    ];
    for (const [what, bytes] of cases) {
      fs.writeFileSync(file, bytes);
      const { svc, log } = reopen(storage);
      const out = await svc.index(corpus.files, () => undefined, now);
      assert.equal(log.length, 1, `${what}: one line`);
      assert.match(log[0], /^Index cache discarded \(.+\): the documents are analysed again and the cache rebuilt\.$/, what);
      assert.equal(out.indexed, corpus.files.length, what);
      assert.ok((out.restored ?? 0) < corpus.files.length, what);
      assert.equal(linked(svc, keys()), cold.state, `${what}: the results are those of a cold build`);
      await svc.persisted!.write(svc.cacheDocs()!, now);
      const again = reopen(storage);
      assert.equal((await again.svc.index(corpus.files, () => undefined, now)).restored, corpus.files.length, `${what}: rebuilt`);
      assert.deepEqual(again.log, []);
    }
  });

  it('keeps every analysis when linking the corpus fails (with the summaries of the documents alone)', async () => {
    fs.rmSync(path.join(storage, CACHE_FILE));
    const { svc } = reopen(storage);
    await svc.index(corpus.files, () => undefined, now);
    svc.corpus.allResults = () => { throw new RangeError('Set maximum size exceeded'); };
    assert.throws(() => svc.summaries(), RangeError, 'linking fails');
    const docs = svc.cacheDocs()!;
    assert.deepEqual(docs.map(d => d.key).sort(), keys().sort());
    assert.ok(docs.every(d => d.summary.corroborated === 0 && d.summary.disputed === 0));
    await svc.persisted!.write(docs, now);
    assert.equal((await reopen(storage).svc.index(corpus.files, () => undefined, now)).restored, corpus.files.length);
  });

  it('discards the cache of another analysis version', async () => {
    const { svc, log } = reopen(storage, 'v-next');
    const out = await svc.index(corpus.files, () => undefined, now);
    assert.equal(out.restored, 0);
    assert.equal(log.length, 1);
    assert.match(log[0], /another version of the analysis/);
    assert.equal(fs.existsSync(path.join(storage, CACHE_FILE)), false, 'the old file is gone');
  });

  it('lets an editor\'s text win over a cached file, and a delete during the build drop it', async () => {
    const { svc } = reopen(storage);
    svc.setOpen(corpus.files[0].key, 'Typed in the editor.\n', 3);
    let once = false;
    const out = await svc.index(corpus.files, () => undefined, now, () => {
      if (once) return;
      once = true;
      svc.delete(corpus.files[2].key);
    });
    assert.equal(svc.corpus.text(corpus.files[0].key), 'Typed in the editor.\n');
    assert.equal(svc.corpus.has(corpus.files[2].key), false, 'deleted while listed from the cache: not restored');
    assert.equal(out.restored, corpus.files.length - 2);
    assert.equal(svc.summaries().some(s => s.key === corpus.files[2].key), false, 'nor listed once the build ended');
  });
});

describe('persisted index: in the real worker', function () {
  this.timeout(120_000);

  it('writes the cache after a build, and a new worker restores from it and reports its memory', async () => {
    const corpus = seedCopy();
    const storage = tempDir();
    try {
      const first = testConnection();
      first.conn.notify('configure', { maxFileSize: 5_000_000, storage });
      const out1 = await first.conn.request('index', { files: corpus.files });
      assert.equal(out1.restored, 0);
      assert.ok(out1.memory && out1.memory.heapUsedMb > 0 && out1.memory.heapLimitMb >= out1.memory.heapUsedMb && out1.memory.rssMb > 0, JSON.stringify(out1.memory));
      const file = path.join(storage, CACHE_FILE);
      for (let i = 0; i < 200 && !first.seen.log.some(l => l.startsWith('Index cache written')); i++) await new Promise(r => setTimeout(r, 100));
      first.conn.stop('done');
      assert.ok(first.seen.log.some(l => /^Index cache written: 6 documents/.test(l)), first.seen.log.join('\n'));
      assert.ok(fs.existsSync(file));
      const second = testConnection();
      second.conn.notify('configure', { maxFileSize: 5_000_000, storage });
      const out2 = await second.conn.request('index', { files: corpus.files });
      assert.equal(out2.restored, corpus.files.length);
      assert.ok(second.seen.changed.some(c => c.keys.length === corpus.files.length), 'the tree was told of every source during the build');
      assert.ok(second.seen.log.some(l => /^Index cache: 6 of 6 cached documents restored unchanged/.test(l)), second.seen.log.join('\n'));
      const sums = await second.conn.request('summaries', {});
      assert.equal(sums.length, corpus.files.length);
      second.conn.stop('done');
    } finally {
      fs.rmSync(corpus.dir, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});

describe('persisted index: storage that cannot be written', function () {
  this.timeout(120_000);

  it('says so once in the log, and the index works without it', async () => {
    const dir = tempDir();
    const notADir = path.join(dir, 'a-file');
    fs.writeFileSync(notADir, 'in the way');
    const { conn, seen } = testConnection();
    try {
      conn.notify('configure', { maxFileSize: 5_000_000, storage: notADir });
      const files = seeds.slice(0, 2).map(f => ({ key: `k/${f}`, fsPath: path.join(seedsDir, f) }));
      const out = await conn.request('index', { files });
      assert.equal(out.indexed, 2);
      for (let i = 0; i < 200 && !seen.log.some(l => l.startsWith('Index cache not written')); i++) await new Promise(r => setTimeout(r, 100));
      assert.equal(seen.log.filter(l => l.startsWith('Index cache not written')).length, 1, seen.log.join('\n'));
      assert.equal((await conn.request('summaries', {})).length, 2);
      assert.deepEqual(seen.problems, []);
    } finally {
      conn.stop('done');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('index build: the tree while it runs', function () {
  this.timeout(120_000);

  it('lists each source as it is analysed, with its own counts, before the corpus is linked', async () => {
    const files = seeds.map(f => ({ key: `k/${f}`, fsPath: path.join(seedsDir, f) }));
    const svc = new IndexService();
    const listings: { announced: string[]; listed: SourceSummaryLike[] }[] = [];
    let clock = 0;
    // Each file is told as soon as the next one starts (the build's pause is where the worker serves the tree).
    const realNow = Date.now;
    Date.now = () => (clock += 1000);
    try {
      await svc.index(files, () => undefined, now, keys => listings.push({ announced: keys, listed: svc.summaries() }));
    } finally {
      Date.now = realNow;
    }
    assert.ok(listings.length >= 2, `told ${listings.length} times`);
    assert.deepEqual(listings.flatMap(l => l.announced).sort(), files.map(f => f.key).sort(), 'every source told once');
    for (const l of listings) {
      for (const key of l.announced) assert.ok(l.listed.some(s => s.key === key), `${key} listed when told`);
      assert.ok(l.listed.every(s => s.corroborated === 0 && s.disputed === 0), 'own counts only: nothing linked yet');
    }
    const linkedSums = svc.summaries();
    assert.ok(linkedSums.some(s => s.corroborated > 0), 'after the build, the linked summaries');
  });
});

type SourceSummaryLike = { key: string; corroborated: number; disputed: number };

describe('index worker: memory bound', function () {
  this.timeout(120_000);

  it('runs the worker under half the machine\'s memory, between 1 and 8 GB, unless the setting names a limit', () => {
    assert.equal(workerHeapLimitMb(2 * 1024 ** 3), 1024);
    assert.equal(workerHeapLimitMb(6 * 1024 ** 3), 3072);
    assert.equal(workerHeapLimitMb(12 * 1024 ** 3), 6144);
    assert.equal(workerHeapLimitMb(64 * 1024 ** 3), 8192);
    assert.equal(workerHeapLimitMb(64 * 1024 ** 3, 0), 8192, '0: automatic');
    assert.equal(workerHeapLimitMb(2 * 1024 ** 3, 12_000), 12_000, 'the setting, whatever the machine');
  });

  it('starts the worker under the heap limit asked for, and reports it after a build', async () => {
    const conn = new WorkerConnection(WORKER_PATH, new Idle(), {
      configure: () => ({ maxFileSize: 5_000_000 }),
      pushes: { skips: () => undefined, changed: () => undefined, problem: () => undefined, preview: () => undefined },
      stopped: () => undefined, restarted: () => undefined, log: () => undefined, failed: () => undefined,
    }, { timeoutMs: () => 60_000, heapLimitMb: () => 700 });
    try {
      const out = await conn.request('index', { files: seeds.map(f => ({ key: `k/${f}`, fsPath: path.join(seedsDir, f) })) });
      const m = out.memory!;
      assert.ok(m.heapLimitMb >= 700 && m.heapLimitMb < 1000, `limit ${m.heapLimitMb} MB`);
      assert.ok(m.heapUsedMb > 0 && m.heapUsedMb < m.heapLimitMb, `used ${m.heapUsedMb} MB`);
    } finally {
      conn.stop('done');
    }
  });
});
