// What the highlighter fetches and keeps: windows of huge documents, the kinds too
// dense to highlight, views that a late (stale) answer never replaces, documents
// released when their editor closes; and the network guard the worker installs
// under test.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');
import { IndexService } from '../../src/worker/IndexService';
import { guardNetwork, type NetAttempt } from '../../src/worker/netGuard';
import { ViewStore } from '../../src/extension/decorations/ViewStore';
import { covers, MARGIN, MAX_VISIBLE, WHOLE_UP_TO, windowFor } from '../../src/extension/decorations/windows';
import { decorationRanges, denseKinds, kindCounts, kindOn, switchesFrom } from '../../src/extension/decorations/spans';
import { DEFAULT_CONFIG } from '../../src/extension/settings/config';
import { mergeRanges, type WindowView } from '../../src/protocol/protocol';
import { testConnection } from '../support/worker';

const seedsDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort();
const seedText = (i: number) => fs.readFileSync(path.join(seedsDir, seeds[i]), 'utf8');

/** A page of `n` characters dense with names, dates and numbers (a paragraph per 400 sentences). */
function densePage(n: number): string {
  const sentence = 'Anna Berg met Tomas Varga in Geneva on 12 March 2022, and 40,000 people watched. ';
  const para = sentence.repeat(400);
  return (para + '\n\n').repeat(Math.ceil(n / (para.length + 2))).slice(0, n);
}

describe('highlighter windows: the part of a document fetched', () => {
  it('fetches an ordinary article whole, and of a huge one what is visible plus a margin', () => {
    assert.deepEqual(windowFor([{ start: 10, end: 20 }], 5000), [{ start: 0, end: 5000 }]);
    assert.deepEqual(windowFor([], WHOLE_UP_TO), [{ start: 0, end: WHOLE_UP_TO }]);
    const len = 5_000_000;
    assert.deepEqual(windowFor([{ start: 1_000_000, end: 1_004_000 }], len), [{ start: 1_000_000 - MARGIN, end: 1_004_000 + MARGIN }]);
    assert.deepEqual(windowFor([{ start: 10, end: 100 }, { start: 200, end: 300 }], len), [{ start: 0, end: 300 + MARGIN }], 'merged and clamped');
    assert.deepEqual(windowFor([{ start: 0, end: len }], len), [{ start: 0, end: MAX_VISIBLE + MARGIN }], 'one line of 5 MB: no more than is drawn');
  });

  it('fetches again only when what is visible leaves the window', () => {
    const len = 5_000_000;
    const w = windowFor([{ start: 1_000_000, end: 1_004_000 }], len);
    assert.equal(covers(w, [{ start: 1_000_000 + MARGIN / 2, end: 1_004_000 + MARGIN / 2 }], len), true, 'scrolled within the margin');
    assert.equal(covers(w, [{ start: 1_000_000 + 2 * MARGIN, end: 1_004_000 + 2 * MARGIN }], len), false, 'scrolled past it');
    assert.equal(covers([{ start: 0, end: 5000 }], [{ start: 0, end: 10 }], 5000), true);
    assert.equal(covers([{ start: 0, end: 5000 }], [{ start: 0, end: 10 }], 5100), false, 'an article that grew is fetched again');
  });

  it('merges ranges: clamped, sorted, touching ones joined, empty ones dropped', () => {
    assert.deepEqual(mergeRanges([{ start: 50, end: 80 }, { start: -5, end: 10 }, { start: 10, end: 20 }, { start: 30, end: 30 }, { start: 70, end: 200 }], 100),
      [{ start: 0, end: 20 }, { start: 50, end: 100 }]);
  });

  it('the worker sends of a 2 MB page only the items that meet the window, with the whole page\'s counts', async function () {
    this.timeout(60_000);
    const svc = new IndexService();
    const page = densePage(2_000_000);
    svc.setOpen('big', page, 1);
    const [full] = svc.documents(['big']);
    const ranges = windowFor([{ start: 1_000_000, end: 1_003_000 }], page.length);
    const [win] = svc.windows([{ key: 'big', ranges }]);
    const meets = (s: { start: number; end: number }) => ranges.some(r => s.start < r.end && r.start < s.end);
    assert.deepEqual(win.window, ranges);
    assert.deepEqual(win.result.entities, full.result.entities.filter(meets));
    assert.deepEqual(win.result.quotes, full.result.quotes.filter(meets));
    assert.deepEqual(win.result.duplicates, full.result.duplicates.filter(meets));
    assert.equal(win.result.length, page.length);
    const n = kindCounts(win.counts);
    assert.equal(n.person + n.place + n.date + n.number + n.org + n.misc, full.result.entities.length, 'counts are the whole page\'s');
    const sent = JSON.stringify(win).length, whole = JSON.stringify(full).length;
    assert.ok(sent * 10 < whole, `the window is a small part of the page: ${sent} of ${whole} characters`);
    assert.ok(denseKinds(win.counts, DEFAULT_CONFIG.maxSpansPerKind).length > 0, 'some kinds are over the default limit');
    const [wholeWindow] = svc.windows([{ key: 'small', ranges: [] }, { key: 'big', ranges: [{ start: 0, end: page.length }] }]);
    assert.deepEqual(wholeWindow.result.entities, full.result.entities, 'a window over the whole page is the whole view');
  });
});

describe('highlighter: kinds too dense to highlight', () => {
  const counts = { quotes: 3, claims: 40, repeat: 2, shared: 7000, entities: { PERSON: 9000, PLACE: 12, MISC: 6000 }, corroborated: 5, disputed: 1 };
  it('counts spans per decoration kind and names the kinds over the limit', () => {
    const n = kindCounts(counts);
    assert.deepEqual([n.quote, n.repeat, n.shared, n.person, n.place, n.org, n.misc], [3, 2, 7000, 9000, 12, 0, 6000]);
    assert.deepEqual(denseKinds(counts, 5000), ['shared', 'person', 'misc']);
    assert.deepEqual(denseKinds(counts, 10_000), []);
  });

  it('knows which kinds the switches show (MISC is off by default)', () => {
    const on = switchesFrom(DEFAULT_CONFIG);
    assert.deepEqual(denseKinds(counts, 5000).filter(k => kindOn(k, on)), ['shared', 'person']);
    assert.equal(kindOn('quote', { ...on, quotes: false }), false);
    assert.equal(kindOn('person', { ...on, entities: false }), false);
  });
});

describe('highlighter: a stale answer never replaces newer state', () => {
  const view = (key: string, version: number): WindowView => ({
    key, version, entitySources: {}, window: [{ start: 0, end: 1 }],
    counts: { quotes: 0, claims: 0, repeat: 0, shared: 0, entities: {}, corroborated: 0, disputed: 0 },
    result: { path: key, length: 1, title: null, truncated: null, quotes: [], entities: [], duplicates: [], claims: [] },
  });

  it('keeps a view answered after the document\'s last change, and no older one', () => {
    const store = new ViewStore();
    assert.equal(store.put(view('a', 1), 5, 3), true);
    assert.equal(store.put(view('a', 2), 4, 3), false, 'an answer older than the view held');
    assert.equal(store.get('a')!.version, 1);
    assert.equal(store.put(view('a', 3), 6, 7), false, 'an answer from before the document changed (sent at 7)');
    assert.equal(store.get('a')!.version, 1);
    assert.equal(store.put(view('a', 4), 7, 7), true);
    assert.deepEqual(store.keys(), ['a']);
  });

  it('closed and opened again: the answer to a request sent before the reopening is refused, whatever its version', () => {
    const store = new ViewStore();
    store.put(view('a', 1), 10, 2);
    store.delete('a'); // the editor closed: released
    assert.equal(store.has('a'), false);
    // Reopened (VS Code counts versions from 1 again), its text sent as notification 12;
    // a reply to a request sent at 11 still carries the old text's version 1.
    assert.equal(store.put(view('a', 1), 11, 12), false);
    assert.equal(store.get('a'), undefined);
    assert.equal(store.put(view('a', 1), 12, 12), true);
  });

  it('the worker drops a closed document whose file was deleted or renamed, and clears its skip', () => {
    const files: Record<string, string> = { '/a.txt': 'On disk.\n' };
    const svc = new IndexService({
      read: (p, max) => {
        const k = String(p);
        if (!(k in files)) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
        const bytes = Buffer.from(files[k]);
        return bytes.length > max ? { tooLarge: bytes.length } : bytes;
      },
    });
    svc.maxFileSize = 20;
    svc.setOpen('a', 'Edited, and far too long for the limit.', 2);
    assert.equal(svc.takeSkipChanges().added.length, 1, 'skipped while open (too large)');
    delete files['/a.txt'];
    assert.equal(svc.release('a', '/a.txt'), null, 'no "cannot read: ENOENT"');
    assert.equal(svc.corpus.has('a'), false);
    assert.deepEqual(svc.takeSkipChanges(), { added: [], cleared: ['a'] });
    svc.setOpen('outside', 'A file outside the workspace.', 1);
    svc.release('outside', null);
    assert.equal(svc.corpus.has('outside'), false, 'a document with no workspace file is dropped');
  });
});

describe('highlighter: decorations of a window', () => {
  it('are the whole document\'s decorations that meet the window', () => {
    const svc = new IndexService();
    const text = seedText(4);
    svc.setOpen('d', text, 1);
    const [full] = svc.documents(['d']);
    const on = switchesFrom(DEFAULT_CONFIG);
    const all = decorationRanges(full.result, on);
    const ranges = [{ start: 1000, end: 3000 }];
    const [win] = svc.windows([{ key: 'd', ranges }]);
    const part = decorationRanges(win.result, on);
    for (const k of Object.keys(all) as (keyof typeof all)[]) {
      assert.deepEqual(part[k], all[k].filter(r => r.start < 3000 && 1000 < r.end), k);
    }
  });
});

describe('network guard (what the tests install in the worker and the extension host)', () => {
  it('refuses and records net, tls, http, https and fetch, and puts everything back', async () => {
    const originals = [net.connect, net.createConnection, net.Socket.prototype.connect, tls.connect, http.request, http.get, https.request, https.get, globalThis.fetch];
    const attempts: NetAttempt[] = [];
    const restore = guardNetwork(a => attempts.push(a));
    try {
      assert.throws(() => net.connect(80, '192.0.2.1'), /refused under test/);
      assert.throws(() => net.createConnection({ path: '/tmp/x.sock' }), /refused/);
      assert.throws(() => new net.Socket().connect(443, 'example.com'), /refused/);
      assert.throws(() => tls.connect(443, 'example.com'), /refused/);
      assert.throws(() => http.get('http://example.com/a'), /refused/);
      assert.throws(() => https.request({ hostname: 'example.com', port: 443, path: '/b' }), /refused/);
      await assert.rejects(globalThis.fetch('https://example.com/c'), /refused/);
    } finally {
      restore();
    }
    assert.deepEqual(attempts.map(a => `${a.api} ${a.target}`), [
      'net.connect 192.0.2.1:80',
      'net.createConnection pipe /tmp/x.sock',
      'net.Socket#connect example.com:443',
      'tls.connect example.com:443',
      'http.get http://example.com/a',
      'https.request example.com:443/b',
      'fetch https://example.com/c',
    ]);
    assert.ok(attempts.every(a => a.stack.includes('extension-windows.test')), 'each says who called');
    assert.deepEqual([net.connect, net.createConnection, net.Socket.prototype.connect, tls.connect, http.request, http.get, https.request, https.get, globalThis.fetch], originals);
  });

  it('in the worker: installed by the test hook, and silent through a build, edits and queries over the seeds', async function () {
    this.timeout(30_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-net-'));
    const netLog = path.join(dir, 'net.log');
    const { conn } = testConnection({ hooks: { netLog } });
    try {
      const files = seeds.map(f => ({ key: `k/${f}`, fsPath: path.join(seedsDir, f) }));
      await conn.request('index', { files });
      conn.notify('set', { key: files[0].key, text: seedText(0) + '\nMore text.', version: 2 });
      await conn.request('windows', { docs: files.map(f => ({ key: f.key, ranges: [{ start: 0, end: 10_000 }] })) });
      await conn.request('summaries', {});
      await conn.request('documents', { keys: files.map(f => f.key) });
      const lines = fs.readFileSync(netLog, 'utf8').trim().split('\n').map(l => JSON.parse(l));
      assert.deepEqual(lines, [{ where: 'index worker', installed: true }], 'installed, and no attempt');
    } finally {
      conn.stop('done');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
