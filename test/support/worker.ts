// The real index worker (compiled by tsc to out/src/worker/indexWorker.js), driven
// from Node through the extension's WorkerConnection, with hooks that record.
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/config/defaults';
import { Idle } from '../../src/extension/Idle';
import { WorkerConnection, type ConnectionHooks, type ConnectionOptions } from '../../src/extension/index/WorkerConnection';
import type { Pushes, WindowView } from '../../src/protocol/protocol';
import { TEST_HOOKS_ENV, type TestHooks } from '../../src/worker/testHooks';

export const WORKER_PATH = path.resolve(__dirname, '../../src/worker/indexWorker.js');

/** What a test connection saw. */
export interface Seen {
  skips: Pushes['skips'][];
  changed: Pushes['changed'][];
  problems: string[];
  previews: WindowView[];
  stopped: number;
  restarted: number;
  log: string[];
  failed: string[];
}

/**
 * A connection to a real worker; `hooks` (testHooks.ts) and `env` go into the
 * worker's environment; `on` overrides what a hook does besides recording.
 */
export function testConnection(o: { hooks?: TestHooks; env?: Record<string, string>; timeoutMs?: number; maxFileSize?: number; heapLimitMb?: number; on?: Partial<ConnectionHooks> } = {}) {
  const idle = new Idle();
  const seen: Seen = { skips: [], changed: [], problems: [], previews: [], stopped: 0, restarted: 0, log: [], failed: [] };
  const on = o.on ?? {};
  const options: ConnectionOptions = {
    timeoutMs: () => o.timeoutMs ?? 30_000,
    // (`env`: added to the worker's environment, which it reads when it starts, on the first request.)
    env: o.hooks || o.env ? { ...process.env, ...o.env, ...(o.hooks ? { [TEST_HOOKS_ENV]: JSON.stringify(o.hooks) } : {}) } : undefined,
    heapLimitMb: o.heapLimitMb ? () => o.heapLimitMb! : undefined,
  };
  const conn = new WorkerConnection(WORKER_PATH, idle, {
    configure: () => ({ maxFileSize: o.maxFileSize ?? DEFAULT_MAX_FILE_SIZE }),
    pushes: {
      skips: p => { seen.skips.push(p); on.pushes?.skips(p); },
      changed: p => { seen.changed.push(p); on.pushes?.changed(p); },
      problem: p => { seen.problems.push(p.message); on.pushes?.problem(p); },
      preview: p => { seen.previews.push(p.view); on.pushes?.preview(p); },
    },
    stopped: () => { seen.stopped++; on.stopped?.(); },
    restarted: () => { seen.restarted++; on.restarted?.(); },
    log: line => { seen.log.push(line); on.log?.(line); },
    failed: (m, why) => { seen.failed.push(m); on.failed?.(m, why); },
  }, options);
  return { conn, idle, seen };
}
