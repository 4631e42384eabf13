// Builds the throwaway workspace the integration tier opens: a copy of seeds/
// plus generated fixtures for the bad-input cases, a small maxFileSize in the
// workspace settings, and the CLI's JSON for the same files (kept outside the
// workspace) so the tests can compare the extension's offsets with the CLI's.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, tempDir } from './codeServer.mjs';

/** Bytes; the seeds are under 10 kB, the oversize fixture is well above this. */
export const TEST_MAX_FILE_SIZE = 32 * 1024;

/**
 * Mixed line ends: 2 × CRLF + 2 × lone CR against 3 × LF, so by VS Code's
 * rule the document EOL is CRLF and every break is rewritten to it. The flag
 * emoji (two surrogate pairs) shifts every later UTF-16 offset.
 */
export const MIXED_LINE_ENDS_TEXT =
  'Talks resume in Geneva \u{1F1FA}\u{1F1E6}\r\n'
  + '\r\n'
  + '“We are ready to keep talking,” Foreign Minister Sergey Lavrov said on Tuesday in Moscow.\n'
  + '\n'
  + 'President Joe Biden said the United States would answer any attack. “Diplomacy is not exhausted,” he told reporters in Washington.\r'
  + '\r'
  + 'NATO Secretary General Jens Stoltenberg said more than 130,000 troops remained near the border.\n';

/** Reads the maxFileSize setting's key and unit from the extension manifest. */
export function maxFileSizeSetting(extensionRoot = REPO_ROOT) {
  let key = 'sourceLens.maxFileSize';
  let value = TEST_MAX_FILE_SIZE;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
    const confs = [pkg.contributes?.configuration ?? []].flat();
    for (const c of confs) {
      for (const [k, p] of Object.entries(c.properties ?? {})) {
        if (/maxFileSize$/i.test(k)) {
          key = k;
          // A default of a few units means the setting counts megabytes.
          if (typeof p.default === 'number' && p.default < 1024) value = TEST_MAX_FILE_SIZE / (1024 * 1024);
        }
      }
    }
  } catch { /* no manifest: defaults */ }
  return { key, value, bytes: TEST_MAX_FILE_SIZE };
}

/**
 * Creates `<tmp>/workspace` (seeds + fixtures) and `<tmp>/expected/cli.json`.
 * Returns paths and the environment handed to the extension host.
 */
export function prepareWorkspace({ seeds = path.join(REPO_ROOT, 'seeds'), extensionRoot = REPO_ROOT, cli = true } = {}) {
  const root = tempDir('ws');
  const folder = path.join(root, 'workspace');
  fs.cpSync(seeds, folder, { recursive: true });
  const fixtures = path.join(folder, 'fixtures');
  fs.mkdirSync(fixtures, { recursive: true });
  const mixed = path.join(fixtures, 'mixed-line-ends.txt');
  fs.writeFileSync(mixed, MIXED_LINE_ENDS_TEXT, 'utf8');
  const binary = path.join(fixtures, 'binary-blob.txt');
  const bin = Buffer.alloc(2048);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 37 + 11) % 256; // includes NUL and invalid UTF-8
  fs.writeFileSync(binary, bin);
  const oversize = path.join(fixtures, 'too-large.txt');
  const para = fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).filter(f => f.endsWith('.txt')).sort()[0]), 'utf8');
  let big = '';
  while (Buffer.byteLength(big) < TEST_MAX_FILE_SIZE * 2) big += para + '\n\n';
  fs.writeFileSync(oversize, big, 'utf8');

  const setting = maxFileSizeSetting(extensionRoot);
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'),
    JSON.stringify({ [setting.key]: setting.value }, null, 2));

  const expectedDir = path.join(root, 'expected');
  fs.mkdirSync(expectedDir);
  const cliPath = path.join(extensionRoot, 'dist', 'cli.js');
  let expected = null;
  if (cli && fs.existsSync(cliPath)) {
    const r = spawnSync(process.execPath,
      [cliPath, 'analyze', '--format', 'json', '--max-file-size', String(TEST_MAX_FILE_SIZE), '.'],
      { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status === 0) {
      expected = path.join(expectedDir, 'cli.json');
      fs.writeFileSync(expected, r.stdout);
    } else {
      process.stderr.write(`warning: CLI failed on the workspace (exit ${r.status}): ${r.stderr.slice(0, 500)}\n`);
    }
  }
  const manifest = {
    workspace: folder, cli: cliPath, expected, maxFileSize: setting,
    fixtures: { mixed, binary, oversize },
  };
  const manifestPath = path.join(root, 'manifest.json');
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { root, folder, manifest, manifestPath, env: { SOURCE_LENS_TEST_MANIFEST: manifestPath } };
}
