// Integration tier: runs the mocha suite in test/integration/ inside a real VS
// Code extension host.
//   npm run test:integration [-- --no-build] [-- --only trusted|untrusted]
//
// Where a VS Code desktop build exists (VSCODE_EXECUTABLE, or one already in
// .vscode-test/), @vscode/test-electron's runTests() drives it; nothing is ever
// downloaded. Otherwise (these machines) code-server's VS Code 1.100.3 runs the
// suite in its Node extension host, opened from chromium with the `payload`
// query (see codeServer.mjs for why code-server). The suite runs twice: once with
// workspace trust disabled (trusted) and once with trust enabled, where the
// refused trust dialog leaves the workspace restricted.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  REPO_ROOT, codeServerVersion, ensureCodeServer, launchChromium, npmRun,
  startCodeServer, tempDir,
} from './codeServer.mjs';
import { prepareWorkspace } from './workspace.mjs';

const MARKER = 'SOURCE_LENS_RESULT';
const argv = process.argv.slice(2);
const opt = name => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const flag = name => argv.includes(name);

const extensionRoot = path.resolve(opt('--extension') ?? REPO_ROOT);
const testsEntry = path.resolve(opt('--tests') ?? path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'));
const seeds = path.resolve(opt('--seeds') ?? path.join(REPO_ROOT, 'seeds'));
const passTimeoutMs = Number(opt('--timeout') ?? process.env.SOURCE_LENS_PASS_TIMEOUT ?? 600_000);
const only = opt('--only');
const verbose = flag('--verbose') || !!process.env.SOURCE_LENS_VERBOSE;

function build() {
  if (flag('--no-build')) return;
  const t = Date.now();
  npmRun('build');
  // tsc emits even when another module has a type error; the typecheck
  // script is where type errors fail the build.
  const r = spawnSync('npx', ['tsc', '-p', '.'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`warning: tsc reported errors (continuing with emitted files):\n${r.stdout.split('\n').slice(0, 10).join('\n')}\n`);
  }
  if (!fs.existsSync(testsEntry)) throw new Error(`missing ${testsEntry} after build`);
  console.log(`built extension and tests in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

function desktopExecutable() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  const dir = path.join(REPO_ROOT, '.vscode-test');
  if (!fs.existsSync(dir)) return null;
  for (const d of fs.readdirSync(dir)) {
    for (const rel of ['code', 'VSCode-linux-x64/code', 'Visual Studio Code.app/Contents/MacOS/Electron', 'Code.exe']) {
      const p = path.join(dir, d, rel);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

async function runDesktop(vscodeExecutablePath) {
  const { runTests } = await import('@vscode/test-electron');
  const ws = prepareWorkspace({ seeds, extensionRoot });
  console.log(`VS Code desktop: ${vscodeExecutablePath}`);
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: extensionRoot,
    extensionTestsPath: testsEntry,
    launchArgs: [ws.folder, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: ws.env,
  });
  return code === 0;
}

/**
 * The web workbench forwards extension-host logs as
 * "%c INFO color: #33f <message>"; returns { level, message } or null for
 * other console output.
 */
function hostMessage(text) {
  const m = /^%c\s*(INFO|WARN|ERR|DEBUG|TRACE)\s+color: #\w+\s?([\s\S]*)$/.exec(text);
  return m ? { level: m[1], message: m[2] } : null;
}

async function runPass(browser, { trust, label }) {
  const ws = prepareWorkspace({ seeds, extensionRoot });
  const server = await startCodeServer({
    workspace: ws.folder, trust, env: { ...ws.env, SOURCE_LENS_EXPECT_TRUSTED: trust ? '0' : '1' },
    // The web workbench saves edits after a second by default: an edit a test undoes
    // would otherwise stay on disk, and change what the later tests compare with the CLI.
    settings: { 'files.autoSave': 'off' },
  });
  const started = Date.now();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let result = null;
  let inSuite = false;
  const hostErrors = [];
  const done = new Promise(resolve => {
    page.on('console', m => {
      const text = m.text();
      const at = text.indexOf(MARKER);
      if (at >= 0) {
        try { result = JSON.parse(text.slice(at + MARKER.length).trim()); } catch { /* keep waiting */ }
        if (result) resolve();
        return;
      }
      const host = hostMessage(text);
      if (host?.message.startsWith('SOURCE_LENS_BEGIN')) { inSuite = true; return; }
      if (verbose) console.log(`  [${label}/${m.type()}] ${host ? host.message : text}`);
      else if (host?.level === 'INFO' && inSuite) console.log(`  [${label}] ${host.message}`);
      else if (host?.level === 'ERR' && /sourceLens|Source Lens|source-lens\.source-lens|dist\/extension\.js/.test(host.message)) hostErrors.push(host.message);
    });
    page.on('pageerror', e => hostErrors.push(`page error: ${e.message}`));
  });
  const timer = new Promise(resolve => setTimeout(resolve, passTimeoutMs));
  try {
    await page.goto(server.url({ extensionDevelopmentPath: extensionRoot, extensionTestsPath: testsEntry }));
    await Promise.race([done, timer]);
  } finally {
    await page.close().catch(() => {});
    await server.stop({ keepFiles: !result });
    if (result) fs.rmSync(ws.root, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  if (!result) {
    console.error(`[${label}] time-out after ${seconds.toFixed(0)} s without a ${MARKER} line; server log: ${server.logFile}`);
    return { ok: false, seconds };
  }
  for (const f of result.failures ?? []) console.error(`  [${label}] FAILED ${f.title}\n      ${f.error}`);
  for (const e of hostErrors.slice(0, 10)) console.error(`  [${label}] extension host error: ${e}`);
  console.log(`[${label}] ${result.passed} passed, ${result.failed} failed, ${result.pending} pending `
    + `(workspace trusted: ${result.trusted}; ${result.appName} ${result.vscode}, ${result.uiKind}) in ${seconds.toFixed(1)} s`);
  return { ok: result.failed === 0 && result.passed > 0, seconds, result };
}

/** Fails fast when the manifest cannot load in VS Code at all (the run would only time out). */
function checkManifest() {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
  const problems = [];
  if (!pkg.main) problems.push('no "main"');
  else if (!fs.existsSync(path.resolve(extensionRoot, pkg.main)) && !fs.existsSync(path.resolve(extensionRoot, `${pkg.main}.js`))) problems.push(`"main" ${pkg.main} is missing`);
  if (!pkg.engines?.vscode) problems.push('no engines.vscode');
  if (problems.length) throw new Error(`${extensionRoot}/package.json cannot be loaded as an extension: ${problems.join(', ')}`);
}

async function main() {
  const t0 = Date.now();
  build();
  checkManifest();
  const desktop = desktopExecutable();
  if (desktop) {
    const ok = await runDesktop(desktop);
    process.exit(ok ? 0 : 1);
  }
  const bin = ensureCodeServer();
  const v = codeServerVersion(bin);
  console.log(`VS Code: ${v.vscode ?? '?'} (code-server ${v.codeServer ?? v.raw}, ${bin})`);
  const browser = await launchChromium();
  const passes = [
    { trust: false, label: 'trusted' },
    { trust: true, label: 'untrusted' },
  ].filter(p => !only || p.label === only);
  const outcomes = [];
  try {
    for (const p of passes) outcomes.push(await runPass(browser, p));
  } finally {
    await browser.close().catch(() => {});
  }
  const ok = outcomes.length > 0 && outcomes.every(o => o.ok);
  const passed = outcomes.reduce((n, o) => n + (o.result?.passed ?? 0), 0);
  const failed = outcomes.reduce((n, o) => n + (o.result?.failed ?? 0), 0);
  console.log(`integration: ${ok ? 'OK' : 'FAILED'}: ${passed} passed, ${failed} failed over ${outcomes.length} pass(es), `
    + `${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
  process.exit(ok ? 0 : 1);
}

main().catch(err => { console.error(err?.stack ?? err); process.exit(1); });
