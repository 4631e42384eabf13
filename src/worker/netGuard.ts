/**
 * For tests only: refuses every outgoing connection of this thread (or process) and
 * says who tried: `net` (connect, createConnection, and every socket's connect,
 * which is what http, https and tls reach in the end), `tls.connect`,
 * `http`/`https` request and get, and `fetch`. The index worker installs it when
 * the test hooks ask (testHooks.ts); the integration suite installs the same in the
 * extension host.
 */
import net = require('node:net');
import tls = require('node:tls');
import http = require('node:http');
import https = require('node:https');

/** One refused attempt: which function, to where, and the calling code. */
export interface NetAttempt {
  api: string;
  target: string;
  stack: string;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Where a connect/request call was going, as well as its arguments say. */
function target(args: unknown[]): string {
  let a: unknown = args[0];
  if (Array.isArray(a)) a = a[0]; // a socket's connect gets its arguments normalised into an array
  if (a instanceof URL) return a.href;
  if (typeof a === 'string') return /^\d+$/.test(a) ? `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${a}` : a;
  if (typeof a === 'number') return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${a}`;
  if (a && typeof a === 'object') {
    const o = a as { path?: string; host?: string; hostname?: string; port?: number | string; url?: string };
    if (o.url) return o.url;
    if (o.path && !o.host && !o.hostname && o.port === undefined) return `pipe ${o.path}`;
    return `${o.hostname ?? o.host ?? 'localhost'}:${o.port ?? ''}${o.path ?? ''}`;
  }
  return String(a);
}

/**
 * Replaces the functions above with ones that record the attempt and fail (throw, or
 * reject for `fetch`). Returns what puts the originals back.
 */
export function guardNetwork(record: (attempt: NetAttempt) => void): () => void {
  const restores: (() => void)[] = [];
  const refuse = (api: string, args: unknown[]): Error => {
    const where = target(args);
    const stack = (new Error().stack ?? '').split('\n').slice(3, 10).join('\n');
    try {
      record({ api, target: where, stack });
    } catch { /* the record is the test's business; the refusal stands */ }
    return Object.assign(new Error(`outgoing connection refused under test: ${api} to ${where}`), { code: 'ECONNREFUSED' });
  };
  const replace = (owner: object, name: string, api: string, rejects = false) => {
    const o = owner as Record<string, unknown>;
    const original = o[name];
    if (typeof original !== 'function') return;
    const guarded: AnyFunction = (...args) => {
      const err = refuse(api, args);
      if (rejects) return Promise.reject(err);
      throw err;
    };
    try {
      o[name] = guarded;
      restores.push(() => { o[name] = original; });
    } catch { /* not writable here: the socket-level guard still catches it */ }
  };
  replace(net, 'connect', 'net.connect');
  replace(net, 'createConnection', 'net.createConnection');
  replace(net.Socket.prototype, 'connect', 'net.Socket#connect');
  replace(tls, 'connect', 'tls.connect');
  for (const [mod, name] of [[http, 'http'], [https, 'https']] as const) {
    replace(mod, 'request', `${name}.request`);
    replace(mod, 'get', `${name}.get`);
  }
  replace(globalThis, 'fetch', 'fetch', true);
  return () => {
    for (const r of restores.reverse()) r();
  };
}
