/**
 * The index worker (dist/indexWorker.js), run in a `worker_threads` Worker so that
 * reading, decoding and analysing the workspace never blocks the extension host's
 * main thread. It serves the requests of IndexClient one at a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { IndexService } from './IndexService';
import type { Request, Response } from '../protocol/protocol';

const port = parentPort;
if (!port) throw new Error('indexWorker.js must run in a worker thread');

const service = new IndexService();

const send = (msg: Response) => port.postMessage(msg);
/** Lets queued messages (a cancel, an edit) run between files of an index build. */
const pause = () => new Promise<void>(resolve => setImmediate(resolve));

port.on('message', (msg: Request) => {
  try {
    handle(msg);
  } catch (err) {
    const message = err instanceof Error ? err.stack ?? err.message : String(err);
    if ('id' in msg) send({ type: 'error', id: msg.id, message });
    else if ('key' in msg) send({ type: 'skips', added: [{ key: msg.key, reason: `analysis failed: ${message.split('\n')[0]}` }], cleared: [] });
  }
  reportSkips();
});

/** Tells the main thread which documents became skipped or analysable. */
function reportSkips(): void {
  const c = service.takeSkipChanges();
  if (c.added.length || c.cleared.length) send({ type: 'skips', ...c });
}

function handle(msg: Request): void {
  switch (msg.type) {
    case 'configure':
      service.maxFileSize = msg.maxFileSize;
      return;
    case 'index': {
      let last = 0;
      service
        .index(msg.files, (done, total) => {
          const now = Date.now();
          if (done === total || now - last > 100) {
            last = now;
            send({ type: 'progress', id: msg.id, done, total });
          }
        }, () => { reportSkips(); return pause(); })
        .then(
          value => { reportSkips(); send({ type: 'reply', id: msg.id, value }); },
          err => send({ type: 'error', id: msg.id, message: String(err) }),
        );
      return;
    }
    case 'cancel':
      service.cancel();
      return;
    case 'set':
      service.setOpen(msg.key, msg.text, msg.version);
      return;
    case 'release':
      service.release(msg.key, msg.fsPath);
      return;
    case 'reload':
      service.reload(msg.key, msg.fsPath);
      return;
    case 'delete':
      service.delete(msg.key);
      return;
    case 'documents':
      send({ type: 'reply', id: msg.id, value: service.documents(msg.keys) });
      return;
    case 'summaries':
      send({ type: 'reply', id: msg.id, value: service.summaries() });
      return;
  }
}
