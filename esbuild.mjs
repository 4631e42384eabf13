// Bundles the extension, its index worker and the CLI into dist/.
//   node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/extension/extension.ts', out: 'extension' },
  { in: 'src/worker/indexWorker.ts', out: 'indexWorker' },
].filter(e => fs.existsSync(e.in));

const contexts = await Promise.all(entries.map(e => esbuild.context({
  entryPoints: { [e.out]: e.in },
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 has Unicode property escapes; without this esbuild rewrites each `/\p{…}/u` literal as a `new RegExp(…)`
  // where it stands, so a pattern inside a function was compiled again on every call.
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  outdir: 'dist',
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  banner: e.banner ? { js: e.banner } : undefined,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
})));

if (watch) {
  await Promise.all(contexts.map(c => c.watch()));
} else {
  await Promise.all(contexts.map(c => c.rebuild()));
  await Promise.all(contexts.map(c => c.dispose()));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}
