// Packages the extension into a .vsix the way a release does it.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, tempDir } from './codeServer.mjs';

/**
 * Builds the .vsix into a temporary folder and returns its path. Uses the
 * project's `npm run package` when it exists (extra `--out` reaches vsce),
 * else `vsce package --no-dependencies` (the bundle needs no node_modules).
 */
export function packageVsix({ root = REPO_ROOT } = {}) {
  const outDir = tempDir('vsix');
  const out = path.join(outDir, 'source-lens.vsix');
  const started = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  let r;
  if (pkg.scripts?.package) {
    r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: root, encoding: 'utf8' });
  } else {
    spawnSync('npm', ['run', '--silent', 'build:production'], { cwd: root, stdio: 'inherit' });
    r = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--out', out], { cwd: root, encoding: 'utf8' });
  }
  if (!fs.existsSync(out)) {
    // A package script that ignores --out leaves the file in the project root.
    const fresh = fs.readdirSync(root).filter(f => f.endsWith('.vsix'))
      .map(f => path.join(root, f)).filter(f => fs.statSync(f).mtimeMs >= started - 1000);
    if (r.status === 0 && fresh.length) fs.copyFileSync(fresh[0], out);
  }
  if (!fs.existsSync(out)) {
    throw new Error(`packaging failed (exit ${r.status}):\n${(r.stdout ?? '').slice(-2000)}\n${(r.stderr ?? '').slice(-2000)}`);
  }
  return { vsix: out, bytes: fs.statSync(out).size, seconds: (Date.now() - started) / 1000 };
}
