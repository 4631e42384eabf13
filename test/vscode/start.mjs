// `npm start`: packages the extension, installs the .vsix into the cached
// code-server (VS Code 1.100.3) and serves a copy of seeds/ in the browser.
//   npm start [-- --port 8080] [-- --vsix FILE]     Ctrl-C stops it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  REPO_ROOT, codeServerHome, codeServerVersion, ensureCodeServer, freePort, installVsix, startCodeServer, tempDir,
} from './codeServer.mjs';
import { packageVsix } from './vsix.mjs';

const argv = process.argv.slice(2);
const opt = name => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };

function portFree(port) {
  return new Promise(resolve => {
    const s = net.createServer().once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function main() {
  const bin = ensureCodeServer();
  const v = codeServerVersion(bin);
  let vsix = opt('--vsix');
  if (!vsix) {
    const p = packageVsix();
    vsix = p.vsix;
    console.log(`packaged ${(p.bytes / 1024).toFixed(0)} KiB in ${p.seconds.toFixed(1)} s`);
  }
  // Extensions live beside the cached code-server, reinstalled on every start.
  const extensionsDir = path.join(path.dirname(codeServerHome()), 'start-extensions');
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  installVsix(vsix, extensionsDir, bin);

  const root = tempDir('start');
  const folder = path.join(root, 'seeds');
  fs.cpSync(path.join(REPO_ROOT, 'seeds'), folder, { recursive: true });
  const wanted = Number(opt('--port') ?? process.env.PORT ?? 8080);
  const port = await portFree(wanted) ? wanted : await freePort();
  const server = await startCodeServer({ workspace: folder, extensionsDir, port, quiet: true });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.proc.on('exit', code => {
    if (stopping) return;
    console.error(`code-server exited (${code}); log: ${server.logFile}`);
    process.exit(1);
  });

  console.log(`Source Lens in VS Code ${v.vscode} (code-server ${v.codeServer}), workspace: a copy of seeds/ at ${folder}`);
  console.log(`open ${server.url()}`);
  console.log('Ctrl-C stops it (and deletes the copy).');
}

main().catch(err => { console.error(err?.stack ?? err); process.exit(1); });
