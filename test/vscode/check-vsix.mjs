#!/usr/bin/env node
// Lists the files inside a .vsix (a zip) and fails when the package holds what does not
// run: sources, tests, source maps, screenshots, node_modules; or when it is over 6 MB.
//   node test/vscode/check-vsix.mjs file.vsix
import fs from 'node:fs';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('usage: check-vsix.mjs FILE.vsix');
  process.exit(2);
}
const buf = fs.readFileSync(file);

/** Names in the zip's central directory. */
function zipEntries(b) {
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const size = b.readUInt32LE(at + 24);
    const nameLen = b.readUInt16LE(at + 28), extraLen = b.readUInt16LE(at + 30), commentLen = b.readUInt16LE(at + 32);
    out.push({ name: b.toString('utf8', at + 46, at + 46 + nameLen), size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const entries = zipEntries(buf);
const files = entries.map(e => e.name).filter(n => n.startsWith('extension/')).map(n => n.slice('extension/'.length));
const forbidden = [
  [/\.ts$/, 'TypeScript source'],
  [/\.map$/, 'source map'],
  [/^(src|test|bench|scripts|out|seeds)\//, 'sources, tests or fixtures'],
  [/(^|\/)screenshots\//, 'screenshot'],
  [/^node_modules\//, 'node_modules (esbuild bundles dependencies)'],
];
const problems = [];
for (const f of files) for (const [re, what] of forbidden) if (re.test(f)) problems.push(`${f}: ${what}`);
const lower = files.map(f => f.toLowerCase());
for (const needed of ['package.json', 'dist/extension.js', 'dist/indexWorker.js', 'readme.md', 'license']) {
  const n = needed.toLowerCase();
  if (!lower.some(f => f === n || f.startsWith(`${n}.`))) problems.push(`${needed}: missing`);
}
const mb = buf.length / (1024 * 1024);
if (mb > 6) problems.push(`package is ${mb.toFixed(2)} MB, over the 6 MB budget`);

console.log(`${file}: ${mb.toFixed(2)} MB, ${files.length} files`);
for (const e of entries) console.log(`  ${e.name} (${e.size} bytes)`);
if (problems.length) {
  console.error(`the .vsix holds what it should not:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
