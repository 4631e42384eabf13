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
 */
import { parentPort } from 'node:worker_threads';
import type {
  FolderFiles, FromWorker, NotificationKind, NotificationMessage, Notifications, ReplyMessage, RequestKind, RequestMessage, ToWorker,
} from '../protocol/protocol';
import { IndexService } from './IndexService';
import { installTestHooks, readTestHooks } from './testHooks';
import { errorCode, walkFolder, type FileFilter, type WalkEntry } from '../node/walkFolder';

const port = parentPort;
if (!port) throw new Error('indexWorker.js must run in a worker thread');

const testHooks = readTestHooks();
const service = new IndexService(undefined, testHooks ? installTestHooks(testHooks) : {});

const send = (msg: FromWorker) => port.postMessage(msg);
/** Lets queued messages (a cancel, an edit) run between files of an index build. */
const pause = () => new Promise<void>(resolve => setImmediate(resolve));

/** The last notification applied, and whether it still waits for its `changed` push. */
let seq = 0;
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
  send({ type: 'push', kind: 'changed', params: { keys, seq } });
}

function scheduleFlush(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(() => {
    flushScheduled = false;
    flush();
  });
}

/** Tells the main thread which documents became skipped or analysable. */
function reportSkips(): void {
  const c = service.takeSkipChanges();
  if (c.added.length || c.cleared.length) send({ type: 'push', kind: 'skips', params: c });
}

const notifications: { [K in NotificationKind]: (params: Notifications[K]) => void } = {
  configure: p => { service.maxFileSize = p.maxFileSize; service.setAnnotations(p.annotations ?? null); },
  cancel: () => service.cancel(),
  set: p => { service.setOpen(p.key, p.text, p.version); },
  release: p => { service.release(p.key, p.fsPath); },
  reload: p => { service.reload(p.key, p.fsPath); },
  delete: p => service.delete(p.key),
};

const requests: { [K in RequestKind]: (msg: RequestMessage<K>) => ReplyMessage<K> | Promise<ReplyMessage<K>> } = {
  index: async ({ id, params }) => {
    let last = 0;
    const result = await service.index(params.files, (done, total) => {
      const now = Date.now();
      if (done === total || now - last > 100) {
        last = now;
        send({ type: 'progress', id, done, total });
      }
    }, () => { reportSkips(); return pause(); });
    return { type: 'reply', id, kind: 'index', result };
  },
  files: ({ id, params }) => ({ type: 'reply', id, kind: 'files', result: folderFiles(params.folders, params) }),
  documents: ({ id, params }) => ({ type: 'reply', id, kind: 'documents', result: service.documents(params.keys) }),
  windows: ({ id, params }) => ({ type: 'reply', id, kind: 'windows', result: service.windows(params.docs) }),
  summaries: ({ id, params }) => ({ type: 'reply', id, kind: 'summaries', result: service.summaries(params.keys) }),
  orphans: ({ id }) => ({ type: 'reply', id, kind: 'orphans', result: service.orphans() }),
};

function notify<K extends NotificationKind>(msg: NotificationMessage<K>): void {
  seq = msg.seq;
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
