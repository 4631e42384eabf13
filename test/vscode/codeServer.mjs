// Starts and stops a real VS Code (code-server's VS Code 1.100.3) for the
// integration and end-to-end tiers, and launches Debian's chromium to drive it.
// Why code-server and not @vscode/test-electron on these machines: test-electron
// downloads VS Code from Microsoft's update service, which they cannot reach, while
// the code-server npm package carries VS Code inside it (setup-code-server.sh builds it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SETUP_SCRIPT = path.join(REPO_ROOT, 'test', 'vscode', 'setup-code-server.sh');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** The cache folder of the built code-server (outside the repository). */
export function codeServerHome() {
  const root = process.env.SOURCE_LENS_CACHE || path.join(os.homedir(), '.cache', 'source-lens');
  return path.join(root, `code-server-${CODE_SERVER_VERSION}`);
}

/**
 * Path of the code-server binary; runs the setup script first when the cache
 * is missing or incomplete (the script is idempotent and fast when warm).
 */
export function ensureCodeServer() {
  const home = codeServerHome();
  const bin = path.join(home, 'node_modules', '.bin', 'code-server');
  if (fs.existsSync(path.join(home, '.source-lens-complete')) && fs.existsSync(bin)) return bin;
  const r = spawnSync('bash', [SETUP_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`setup-code-server.sh failed (exit ${r.status})`);
  if (!fs.existsSync(bin)) throw new Error(`code-server missing after setup: ${bin}`);
  return bin;
}

/** `{ codeServer: '4.100.3', vscode: '1.100.3', commit }` of the cached build. */
export function codeServerVersion(bin = ensureCodeServer()) {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const m = /^(\S+)\s+(\S+)\s+with Code (\S+)/.exec(out);
  return m ? { codeServer: m[1], commit: m[2], vscode: m[3], raw: out } : { raw: out };
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh temporary directory under the OS temp folder. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `source-lens-${prefix}-`));
}

/** Installs a .vsix into an extensions folder with the real CLI. */
export function installVsix(vsix, extensionsDir, bin = ensureCodeServer()) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  const r = spawnSync(bin, ['--extensions-dir', extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`--install-extension failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout.trim();
}

function get(url) {
  return new Promise(resolve => {
    const req = http.get(url, res => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

/**
 * Starts code-server with a fresh user-data-dir and (unless given) a fresh
 * extensions-dir, and waits until it serves the workbench.
 * @param {object} o
 * @param {string} o.workspace  folder to open
 * @param {boolean} [o.trust=false]  keep workspace trust enabled (the trust
 *   dialog is refused under test, so the workspace stays restricted)
 * @param {string} [o.extensionsDir]
 * @param {object} [o.settings]  extra user settings
 * @param {object} [o.env]  extra environment for the server and its extension host
 * @param {boolean} [o.quiet=true]  keep the server log in a file instead of stderr
 */
export async function startCodeServer(o) {
  const bin = ensureCodeServer();
  const port = o.port ?? await freePort();
  const root = tempDir('vscode');
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = o.extensionsDir ?? path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': !!o.trust,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'window.restoreWindows': 'none',
    ...o.settings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const logFile = path.join(root, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    o.workspace,
  ];
  const quiet = o.quiet ?? true;
  const proc = spawn(bin, args, {
    detached: true, // own process group: stop() kills the server and its extension hosts
    stdio: ['ignore', quiet ? logFd : 'inherit', quiet ? logFd : 'inherit'],
    env: { ...process.env, ...o.env },
  });
  fs.closeSync(logFd);
  let exited = null;
  proc.on('exit', (code, signal) => { exited = { code, signal }; });

  let stopped = false;
  const killGroup = sig => { try { process.kill(-proc.pid, sig); } catch { /* gone */ } };
  const onExit = () => { if (!stopped) killGroup('SIGKILL'); };
  process.on('exit', onExit);

  const server = {
    bin, port, proc, root, userDataDir, extensionsDir, logFile,
    base: `http://127.0.0.1:${port}`,
    /** Workbench URL for a folder, with an optional extension-test payload. */
    url({ folder = o.workspace, extensionDevelopmentPath, extensionTestsPath } = {}) {
      const q = new URLSearchParams({ folder });
      const payload = [];
      const remote = p => `vscode-remote://127.0.0.1:${port}${p}`;
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      if (payload.length) q.set('payload', JSON.stringify(payload));
      return `${server.base}/?${q}`;
    },
    log() { try { return fs.readFileSync(logFile, 'utf8'); } catch { return ''; } },
    /** Kills the whole process group: TERM, then KILL after 3 s. */
    async stop({ keepFiles = false } = {}) {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      killGroup('SIGTERM');
      for (let i = 0; i < 30 && exited === null; i++) await new Promise(r => setTimeout(r, 100));
      killGroup('SIGKILL'); // stragglers (extension hosts, watchers) in the group
      if (!keepFiles) fs.rmSync(root, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + (o.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${server.log().slice(-3000)}`);
    }
    const status = await get(`${server.base}/healthz`);
    if (status === 200) break;
    if (Date.now() > deadline) {
      await server.stop({ keepFiles: true });
      throw new Error(`code-server did not serve within the time-out; log: ${logFile}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
  return server;
}

/** Launches Debian's chromium through playwright-core. */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH
    || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => fs.existsSync(p));
  if (!executablePath) throw new Error('chromium not found: run test/vscode/setup-code-server.sh');
  return chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS });
}

/** Copies a folder tree (plain files and folders). */
export function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/** Runs an npm script in the repository, inheriting output; throws on failure. */
export function npmRun(script, extra = []) {
  const r = spawnSync('npm', ['run', '--silent', script, ...extra], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed (exit ${r.status})`);
}
