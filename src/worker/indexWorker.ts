/**
 * The index worker (dist/indexWorker.js), run in a `worker_threads` Worker so that
 * reading, decoding and analysing the workspace never blocks the extension host's
 * main thread. src/worker/ owns this side of the index: this entry (the messages
 * of src/protocol/ in and out) and IndexService (the corpus, file reading, which
 * documents changed).
 *
 * Messages are served in order. After notifications it pushes which documents
 * changed (one push for the notifications handled in a row), and always before a
 * reply, so that the main thread never sees an answer ahead of the news of a change.
 *
 * With `IndexService.deferSettle` on (the default; SOURCE_LENS_TWO_PHASE=0 turns it off), an edit is served in two phases: the push after it
 * carries the first phase (the edited document's result from its direct links, and
 * its neighbours' with the mirror entries); then, once no message waits, the exact
 * settle runs and a second `changed` push (acknowledging nothing new) names every
 * document whose result it changed. A newer change supersedes a settle not yet run.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, resourceLimits } from 'node:worker_threads';
import { HEAP_FULL_EXIT } from '../protocol/protocol';
import type {
  WorkerMemory,
  FolderFiles, FromWorker, NotificationKind, NotificationMessage, Notifications, ReplyMessage, RequestKind, RequestMessage, ToWorker,
} from '../protocol/protocol';
import type { Span } from '../core/types';
import { watchHeap } from './heapWatch';
import { IndexService } from './IndexService';
import { analysisVersion } from './indexCache';
import { PersistedIndex } from './PersistedIndex';
import { SettleScheduler } from './settle';
import { installTestHooks, readTestHooks } from './testHooks';
import { errorCode, walkFolder, type FileFilter, type WalkEntry } from '../node/walkFolder';

const port = parentPort;
if (!port) throw new Error('indexWorker.js must run in a worker thread');

const testHooks = readTestHooks();
const service = new IndexService(undefined, testHooks ? installTestHooks(testHooks) : {});
// Two-phase edits (docs/scale.md): the first phase's results pass the contract checks the fuzz tier runs on
// every worker result. SOURCE_LENS_TWO_PHASE=0 serves every edit exactly in one phase (to compare).
service.deferSettle = process.env.SOURCE_LENS_TWO_PHASE !== '0';

// Past `HEAP_FULL` after a full collection, the worker stops as if out of memory (heapWatch.ts).
watchHeap(resourceLimits.maxOldGenerationSizeMb, () => process.exit(HEAP_FULL_EXIT));

const send = (msg: FromWorker) => port.postMessage(msg);
/** Lets queued messages (a cancel, an edit) run between files of an index build. */
const pause = () => new Promise<void>(resolve => setImmediate(resolve));

/** The last notification applied, and whether it still waits for its `changed` push. */
let seq = 0;
/** The last notification acknowledged with a `changed` push. */
let ackedSeq = 0;
let unacknowledged = false;
let flushScheduled = false;

/** An error as the main thread logs it: its stack when it has one. */
const errorText = (err: unknown) => (err instanceof Error ? err.stack ?? err.message : String(err));

/**
 * Pushes the documents whose views changed, acknowledging every notification so far
 * (also when working out what changed fails, so the main thread never waits on it).
 */
function flush(): void {
  if (!unacknowledged && !service.hasChanges) return;
  unacknowledged = false;
  let keys: string[] = [];
  try {
    keys = service.takeChanged();
  } catch (err) {
    send({ type: 'push', kind: 'problem', params: { message: `working out which documents changed failed: ${errorText(err)}` } });
  }
  ackedSeq = seq;
  send({ type: 'push', kind: 'changed', params: { keys, seq } });
  scheduleCacheWrite(); // when the corpus changed since the last write
  settler.schedule();
}

/** Whether an index build runs (the settle waits for its end: the build's last push schedules it). */
let building = 0;

const settler = new SettleScheduler({
  owed: () => service.unsettled,
  idle: () => !unacknowledged && !flushScheduled && building === 0,
  steps: () => service.settling(),
  done: err => {
    if (err) send({ type: 'push', kind: 'problem', params: { message: `settling the links after an edit failed: ${errorText(err)}` } });
    flush();
  },
  later: f => setImmediate(f),
  // (The quiet spell, settle.ts, only with SOURCE_LENS_SETTLE_QUIET=1: over four runs at 10,000 articles it cut the CPU
  // spent while edits come to 0.13–0.42×, but its effect on the edits' latency, the budget, is not shown yet.)
  ...(process.env.SOURCE_LENS_SETTLE_QUIET === '1' ? { after: (ms: number, f: () => void) => setTimeout(f, ms), now: () => performance.now() } : {}),
});

const log = (message: string) => send({ type: 'push', kind: 'log', params: { message } });
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

function memory(): WorkerMemory {
  const heap = getHeapStatistics();
  return { heapUsedMb: mb(heap.used_heap_size), heapLimitMb: mb(heap.heap_size_limit), rssMb: mb(process.memoryUsage.rss()) };
}

/**
 * How long the index stays unchanged before the cache is written: soon after a
 * build, seldom for edits (a write costs the worker a few hundred ms with 10,000
 * documents, and an editor's unsaved text is rarely what a reopened file holds).
 */
const CACHE_WRITE_DELAY_MS = { build: 2000, edit: 30_000 };
let cacheTimer: ReturnType<typeof setTimeout> | undefined;
let cacheWriting = false;
/** Whether the next write follows an index build (it is logged). */
let cacheAfterBuild = false;
let cacheFailureLogged = false;

let storageDir: string | null = null;

/** Keeps the persisted index in `dir` (null: none). */
function useStorage(dir: string | null): void {
  if (dir === storageDir) return;
  storageDir = dir;
  service.persisted = dir ? new PersistedIndex(dir, analysisVersion(), log) : null;
}

/** Writes the cache once the index has been left alone for a while (not during a build). */
function scheduleCacheWrite(): void {
  if (!service.persisted || !service.cacheDirty) return;
  clearTimeout(cacheTimer);
  cacheTimer = setTimeout(() => void writeCache(), cacheAfterBuild ? CACHE_WRITE_DELAY_MS.build : CACHE_WRITE_DELAY_MS.edit);
  cacheTimer.unref?.();
}

async function writeCache(): Promise<void> {
  const persisted = service.persisted;
  if (!persisted || cacheWriting) return scheduleCacheWrite();
  // Changes not yet taken, or a settle owed: the flush that follows schedules the write again.
  if (service.hasChanges || service.unsettled) return;
  let docs;
  try {
    docs = service.cacheDocs();
  } catch (err) {
    log(`Index cache not written: ${errorText(err).split('\n')[0]}`);
    return;
  }
  if (!docs) return; // a build runs: written when it ends
  cacheWriting = true;
  const t0 = Date.now();
  try {
    const r = await persisted.write(docs, pause);
    if (cacheAfterBuild) {
      log(`Index cache written: ${r.kept} documents, ${(r.bytes / 1e6).toFixed(1)} MB in ${Date.now() - t0} ms${r.left ? ` (${r.left} left out: over the ${mb(persisted.maxBytes)} MB limit)` : ''}.`);
    }
    cacheAfterBuild = false;
  } catch (err) {
    service.cacheDirty = true;
    // Said once: a storage folder that cannot be written to stays so.
    if (!cacheFailureLogged) log(`Index cache not written (tried again when the index changes): ${errorText(err).split('\n')[0]}`);
    cacheFailureLogged = true;
  } finally {
    cacheWriting = false;
  }
}

function scheduleFlush(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(() => {
    flushScheduled = false;
    flush();
  });
}

/**
 * The part on screen of a huge document, pushed before the whole text is analysed:
 * for an edit, the last result shown moved past the edit with the edited
 * paragraphs analysed again; for a document just opened, that part analysed alone.
 * A failure here costs only the preview.
 */
function sendPreview(key: string, version: number | null, text: string, visible: readonly Span[], at: number): void {
  // (`at`: the sequence number of the `set` notification it answers.)
  try {
    const view = service.preview(key, version, text, visible);
    if (view) send({ type: 'push', kind: 'preview', params: { view, seq: at } });
  } catch (err) {
    send({ type: 'push', kind: 'problem', params: { message: `preview of ${key} failed: ${errorText(err)}` } });
  }
}

/**
 * Warm-ups, once the worker is idle (`IndexService.warmUp`, `IndexService.warmEdits`),
 * so that the first keystroke does not pay for the first run of the code it needs:
 * a huge document shown in an editor before any edit's preview ran gets one preview
 * run and thrown away; after the first index build, the edit path runs on a private
 * corpus of three short texts. One per idle turn, not while anything waits: the
 * next reply tries again.
 */
function scheduleWarmUp(): void {
  const idle = () => !(unacknowledged || flushScheduled || building > 0 || service.unsettled || cacheWriting);
  setImmediate(() => {
    if (!idle()) return;
    if (service.warmUpOwed) service.warmUp();
    // (The edit path's after a pause: the requests that follow a build's reply, the tree's listing first, are served before it.)
    else if (indexBuilt && service.editsWarmUpOwed) setTimeout(() => { if (idle()) service.warmEdits(); }, EDITS_WARM_UP_DELAY_MS).unref?.();
  });
}

/** Whether `scheduleWarmUp` has something to do. */
const warmUpOwed = () => service.warmUpOwed || (indexBuilt && service.editsWarmUpOwed);

/** How long after an idle turn that follows a build the edit path's warm-up waits (`scheduleWarmUp`). */
const EDITS_WARM_UP_DELAY_MS = 300;

/** Whether an index build ran to its end (the edit path's warm-up waits for one: edits come after). */
let indexBuilt = false;

/** Tells the main thread which documents became skipped or analysable. */
function reportSkips(): void {
  const c = service.takeSkipChanges();
  if (c.added.length || c.cleared.length) send({ type: 'push', kind: 'skips', params: c });
}

const notifications: { [K in NotificationKind]: (params: Notifications[K]) => void } = {
  configure: p => {
    service.maxFileSize = p.maxFileSize;
    service.setAnnotations(p.annotations ?? null);
    if (p.storage !== undefined) useStorage(p.storage);
  },
  cancel: () => service.cancel(),
  set: p => {
    if (p.visible && service.needsAnalysis(p.key, p.text)) sendPreview(p.key, p.version, p.text, p.visible, seq);
    service.setOpen(p.key, p.text, p.version);
  },
  release: p => { service.release(p.key, p.fsPath); },
  reload: p => { service.reload(p.key, p.fsPath); },
  delete: p => service.delete(p.key),
};

/** Builds the index (the `index` request). */
async function indexRequest(id: number, params: RequestMessage<'index'>['params']): Promise<ReplyMessage<'index'>> {
  let last = 0;
  const t0 = Date.now();
  const cached = service.persisted?.load() ?? 0;
  const result = await service.index(params.files, (done, total) => {
    const now = Date.now();
    if (done === total || now - last > 100) {
      last = now;
      send({ type: 'progress', id, done, total });
    }
  }, () => { reportSkips(); return pause(); }, keys => {
    // New sources for the tree; acknowledges nothing new (the last seq already acknowledged).
    send({ type: 'push', kind: 'changed', params: { keys, seq: ackedSeq } });
  });
  if (cached) log(`Index cache: ${result.restored ?? 0} of ${cached} cached documents restored unchanged in ${Date.now() - t0} ms; ${result.indexed - (result.restored ?? 0)} analysed.`);
  cacheAfterBuild = true;
  if (!result.cancelled) indexBuilt = true;
  // Linked now (not when the reply goes out), so that the memory reported is the linked index's.
  reportSkips();
  flush();
  result.memory = memory();
  return { type: 'reply', id, kind: 'index', result };
}

const requests: { [K in RequestKind]: (msg: RequestMessage<K>) => ReplyMessage<K> | Promise<ReplyMessage<K>> } = {
  index: async ({ id, params }) => {
    building++;
    try {
      return await indexRequest(id, params);
    } finally {
      building--;
    }
  },
  files: ({ id, params }) => ({ type: 'reply', id, kind: 'files', result: folderFiles(params.folders, params) }),
  documents: ({ id, params }) => ({ type: 'reply', id, kind: 'documents', result: service.documents(params.keys) }),
  passages: ({ id, params }) => ({ type: 'reply', id, kind: 'passages', result: service.passages(params.keys) }),
  windows: ({ id, params }) => ({ type: 'reply', id, kind: 'windows', result: service.windows(params.docs) }),
  summaries: ({ id, params }) => ({ type: 'reply', id, kind: 'summaries', result: service.summaries(params.keys) }),
  orphans: ({ id }) => ({ type: 'reply', id, kind: 'orphans', result: service.orphans() }),
};

function notify<K extends NotificationKind>(msg: NotificationMessage<K>): void {
  seq = msg.seq;
  settler.changed();
  unacknowledged = true;
  try {
    // A document's own failure is skipped by the service; what throws here is anything else.
    notifications[msg.kind](msg.params);
  } catch (err) {
    send({ type: 'push', kind: 'problem', params: { message: `${msg.kind} failed: ${errorText(err)}` } });
  }
  reportSkips();
  scheduleFlush();
}

function serve<K extends RequestKind>(msg: RequestMessage<K>): void {
  const fail = (err: unknown) => send({ type: 'error', id: msg.id, kind: msg.kind, message: errorText(err) });
  const answer = (reply: ReplyMessage<K>) => {
    try {
      reportSkips();
      flush();
      send(reply);
      if (warmUpOwed()) scheduleWarmUp();
    } catch (err) {
      fail(err);
    }
  };
  try {
    const reply = requests[msg.kind](msg);
    if (reply instanceof Promise) reply.then(answer, fail);
    else answer(reply);
  } catch (err) {
    fail(err);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'notify') notify(msg);
  else serve(msg);
});

/** Walks each folder by the CLI's rules; names that are not UTF-8 cannot be opened by VS Code: skipped. */
function folderFiles(folders: readonly string[], filter: FileFilter): FolderFiles {
  const out: FolderFiles = { files: [], skipped: [] };
  folders.forEach((folder, k) => {
    let entries: WalkEntry[];
    try {
      entries = walkFolder(folder, '', filter);
    } catch (err) {
      out.skipped.push({ folder: k, rel: '', reason: `cannot read directory: ${errorCode(err)}` });
      return;
    }
    for (const e of entries) {
      if ('reason' in e) out.skipped.push({ folder: k, rel: e.rel, reason: e.reason });
      else if (e.rel.includes('\uFFFD')) out.skipped.push({ folder: k, rel: e.rel, reason: 'file name is not UTF-8' });
      else out.files.push({ folder: k, rel: e.rel, fsPath: e.fsPath.toString() });
    }
  });
  return out;
}
