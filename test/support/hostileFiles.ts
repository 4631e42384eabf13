/** Making the things a hostile folder holds: FIFOs, sockets, paths too long to open, names that are not UTF-8. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `mkfifo: ${r.stderr}`);
}

/** A listening Unix socket at `file`; close it when done. */
export async function listenSocket(file: string): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(file, resolve));
  return server;
}

/**
 * Nests 25 directories of 200-character names below `dir` (past PATH_MAX, 4096),
 * one relative step at a time, with `name` holding `text` at the bottom. Returns the
 * first level's name. Remove it with `removeTree` (fs.rmSync fails on such paths).
 */
export function makeTooDeep(dir: string, name: string, text: string): string {
  const level = 'd'.repeat(200);
  const script = `const fs = require('fs');
    process.chdir(${JSON.stringify(dir)});
    for (let i = 0; i < 25; i++) { fs.mkdirSync(${JSON.stringify(level)}); process.chdir(${JSON.stringify(level)}); }
    fs.writeFileSync(${JSON.stringify(name)}, ${JSON.stringify(text)});`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return level;
}

/** Removes a tree, however deep (GNU rm walks it relative to each directory). */
export function removeTree(dir: string): void {
  spawnSync('chmod', ['-R', 'u+rwx', dir]);
  spawnSync('rm', ['-rf', dir]);
}

/** `dir/` + the name `caf\xe9.txt` (Latin-1 é: not valid UTF-8) as a Buffer path. */
export function latin1Name(dir: string, stem = 'caf\xe9'): Buffer {
  return Buffer.concat([Buffer.from(dir + path.sep), Buffer.from(`${stem}.txt`, 'latin1')]);
}
