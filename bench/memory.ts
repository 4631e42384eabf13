/**
 * The CLI end to end (`analyze --jobs 1 --format json`), this build against another,
 * each run in a child process of its own, rounds alternating which goes first: per
 * stage the CPU time and the peak RSS so far (`SOURCE_LENS_STAGES`), the whole run's
 * CPU and peak RSS, and whether the two outputs are byte for byte the same.
 *   npm run build && npx tsc -p . && node out/bench/memory.js DIR --baseline OLD_DIST [--rounds N] [--together]
 * DIR: a directory of articles (e.g. a generated corpus, /tmp/sc/c10000). OLD_DIST: another
 * build's `dist/` (a copy of it, holding cli.js). `--together`: the two runs of a round
 * side by side (the same load on a busy machine) instead of one after the other.
 * Peak RSS follows V8's heap limit, set at each full collection to a multiple of
 * what was live then (up to about 3.5x here): read it with the heap the stages hold.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { takeOption } from '../test/support/args';

interface Run { stages: { name: string; cpuMs: number; peakMb: number }[]; cpuS: number; peakMb: number; hash: string }

function run(cli: string, dir: string): Promise<Run> {
  const out = path.join(os.tmpdir(), `sl-memory-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    // `/usr/bin/time` is not everywhere: the child reports its own rusage through a preloaded hook instead.
    const hook = path.join(os.tmpdir(), `sl-memory-hook-${process.pid}.js`);
    fs.writeFileSync(hook, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`rusage ${(u.userCPUTime + u.systemCPUTime) / 1e6} ${u.maxRSS / 1024}\\n`); });\n");
    const c = spawn(process.execPath, ['-r', hook, cli, 'analyze', '--jobs', '1', '--format', 'json', '--out', out, dir], { env: { ...process.env, SOURCE_LENS_STAGES: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', d => (err += d));
    c.on('exit', code => {
      if (code !== 0) return reject(new Error(`${cli} exited with ${code}: ${err.slice(-500)}`));
      const stages = [...err.matchAll(/^stage (\S+) cpu (\d+) ms wall \d+ ms peak (\d+) MB$/gm)].map(m => ({ name: m[1], cpuMs: +m[2], peakMb: +m[3] }));
      const u = /^rusage (\S+) (\S+)$/m.exec(err);
      const hash = createHash('sha256').update(fs.readFileSync(out)).digest('hex').slice(0, 16);
      fs.rmSync(out, { force: true });
      resolve({ stages, cpuS: u ? +u[1] : NaN, peakMb: u ? +u[2] : NaN, hash });
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const baseline = takeOption(args, '--baseline');
  const rounds = Number(takeOption(args, '--rounds') ?? 1);
  const together = args.includes('--together');
  const dir = args.find(a => !a.startsWith('--'));
  if (!dir || !baseline) throw new Error('usage: node out/bench/memory.js DIR --baseline OLD_DIST [--rounds N] [--together]');
  const builds = { new: path.resolve(__dirname, '../../dist/cli.js'), old: path.join(path.resolve(baseline), 'cli.js') };
  const runs: Record<'old' | 'new', Run[]> = { old: [], new: [] };
  for (let r = 0; r < rounds; r++) {
    const order: ('old' | 'new')[] = r % 2 ? ['new', 'old'] : ['old', 'new'];
    if (together) {
      const got = await Promise.all(order.map(b => run(builds[b], dir)));
      order.forEach((b, k) => runs[b].push(got[k]));
    } else for (const b of order) runs[b].push(await run(builds[b], dir));
    console.log(`round ${r + 1} (${together ? 'together' : order.join(' then ')}), load ${os.loadavg()[0].toFixed(1)}`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const names = runs.new[0].stages.map(s => s.name);
  console.log('stage            cpu old -> new (s)    peak so far old -> new (MB)');
  for (const name of names) {
    const of = (b: 'old' | 'new', k: 'cpuMs' | 'peakMb') => mean(runs[b].map(x => x.stages.find(s => s.name === name)?.[k] ?? NaN));
    console.log(`${name.padEnd(16)} ${(of('old', 'cpuMs') / 1000).toFixed(1).padStart(7)} -> ${(of('new', 'cpuMs') / 1000).toFixed(1).padEnd(8)} x${(of('new', 'cpuMs') / of('old', 'cpuMs')).toFixed(2)}   ${of('old', 'peakMb').toFixed(0).padStart(6)} -> ${of('new', 'peakMb').toFixed(0)}`);
  }
  const cpuOld = mean(runs.old.map(x => x.cpuS)), cpuNew = mean(runs.new.map(x => x.cpuS));
  const rssOld = mean(runs.old.map(x => x.peakMb)), rssNew = mean(runs.new.map(x => x.peakMb));
  console.log(`whole run: CPU ${cpuOld.toFixed(1)} -> ${cpuNew.toFixed(1)} s (x${(cpuNew / cpuOld).toFixed(2)}), peak RSS ${rssOld.toFixed(0)} -> ${rssNew.toFixed(0)} MB (x${(rssNew / rssOld).toFixed(2)})`);
  const same = runs.new.every(x => x.hash === runs.old[0].hash) && runs.old.every(x => x.hash === runs.old[0].hash);
  console.log(same ? 'outputs identical' : 'OUTPUTS DIFFER');
  if (!same) process.exitCode = 1;
}

void main();
