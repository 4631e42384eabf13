/**
 * Failures on purpose, for tests only: the index worker reads them from the
 * environment variable `SOURCE_LENS_TEST_HOOKS` (JSON), which only the test tiers
 * set; without it none of this runs. A hook fires on a document whose text holds
 * its marker (`failOn`: also a key that holds it):
 * - `failOn`: its analysis throws (the document is skipped with "internal error: …");
 * - `crashOn`: the worker dies, by an uncaught error (`crashHow: 'throw'`, the
 *   default), by exiting (`'exit'`), or by filling its heap until it runs out
 *   (`'oom'`: a worker started with a heap limit), or by stopping as its heap watch
 *   does (`'heapFull'`, heapWatch.ts);
 * - `stallOn`: the worker blocks for `stallMs` (default 60 s), answering nothing;
 * - `once`: a file that a crash or stall removes before it fires and needs to find,
 *   so that it fires once across restarted workers;
 * - `netLog`: outgoing connections are refused and written to this file (netGuard.ts).
 */
import * as fs from 'node:fs';
import { HEAP_FULL_EXIT } from '../protocol/protocol';
import { guardNetwork } from './netGuard';
import type { ServiceHooks } from './IndexService';

export const TEST_HOOKS_ENV = 'SOURCE_LENS_TEST_HOOKS';

export interface TestHooks {
  failOn?: string;
  crashOn?: string;
  crashHow?: 'throw' | 'exit' | 'oom' | 'heapFull';
  stallOn?: string;
  stallMs?: number;
  once?: string;
  netLog?: string;
}

/** The hooks the environment asks for, or null (always, outside tests). */
export function readTestHooks(env: NodeJS.ProcessEnv = process.env): TestHooks | null {
  const raw = env[TEST_HOOKS_ENV];
  if (!raw) return null;
  try {
    return JSON.parse(raw) as TestHooks;
  } catch {
    return null;
  }
}

/** Whether a one-shot hook may fire: it takes the `once` token (no token: always). */
function takeToken(hooks: TestHooks): boolean {
  if (!hooks.once) return true;
  try {
    fs.unlinkSync(hooks.once);
    return true;
  } catch {
    return false;
  }
}

/** Installs the worker-wide hooks (the network guard) and returns the index service's. */
export function installTestHooks(hooks: TestHooks): ServiceHooks {
  if (hooks.netLog) {
    const log = hooks.netLog;
    guardNetwork(attempt => fs.appendFileSync(log, JSON.stringify({ where: 'index worker', ...attempt }) + '\n'));
    fs.appendFileSync(log, JSON.stringify({ where: 'index worker', installed: true }) + '\n');
  }
  return {
    beforeAnalyse(key, text) {
      if (hooks.failOn && (text.includes(hooks.failOn) || key.includes(hooks.failOn))) throw new Error(`test failure for ${key}`);
      if (hooks.crashOn && text.includes(hooks.crashOn) && takeToken(hooks)) {
        if (hooks.crashHow === 'exit') process.exit(3);
        if (hooks.crashHow === 'oom') fillHeap();
        if (hooks.crashHow === 'heapFull') process.exit(HEAP_FULL_EXIT);
        // Thrown outside the service's guard, before the worker reads its next message.
        queueMicrotask(() => { throw new Error('test crash of the index worker'); });
      }
      if (hooks.stallOn && text.includes(hooks.stallOn) && takeToken(hooks)) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hooks.stallMs ?? 60_000);
      }
    },
  };
}

/** Holds ever more live arrays until the heap runs out (the worker's `resourceLimits` then stop it). */
function fillHeap(): never {
  const kept: number[][] = [];
  for (;;) kept.push(new Array<number>(1 << 16).fill(kept.length));
}
