// Entry point that VS Code's extension host calls (`extensionTestsPath`): runs
// every compiled *.test.js beside this file under mocha and prints one final
// machine-readable line, `SOURCE_LENS_RESULT {...}`, which the driver
// (test/vscode/run-integration.mjs) reads from the page console. Each report
// line is one pre-formatted console.log string, because the web workbench
// forwards format arguments (`%s`) unformatted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Marker the driver looks for; keep in sync with run-integration.mjs. */
export const RESULT_MARKER = 'SOURCE_LENS_RESULT';

interface Failure { title: string; error: string }

/** Plain line-per-event reporter. */
function attachReporter(runner: Mocha.Runner, failures: Failure[]): void {
  let depth = 0;
  const pad = () => '  '.repeat(depth);
  runner.on('suite', suite => { if (suite.title) console.log(`${pad()}${suite.title}`); depth++; });
  runner.on('suite end', () => { depth--; });
  runner.on('pass', test => console.log(`${pad()}✓ ${test.title} (${test.duration ?? 0} ms)`));
  runner.on('pending', test => console.log(`${pad()}- ${test.title} (pending)`));
  runner.on('fail', (test, err: Error) => {
    const error = String(err?.stack ?? err?.message ?? err).split('\n').slice(0, 8).join('\n');
    failures.push({ title: test.fullTitle(), error: error.slice(0, 1500) });
    console.log(`${pad()}✗ ${test.title}\n${error}`);
  });
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: class { constructor() { /* output comes from attachReporter */ } } as unknown as string,
    timeout: Number(process.env.SOURCE_LENS_TEST_TIMEOUT ?? 30_000),
  });
  const grep = process.env.SOURCE_LENS_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  console.log(`SOURCE_LENS_BEGIN ${files.length} file(s) in VS Code ${vscode.version}`);
  return new Promise((resolve, reject) => {
    const failures: Failure[] = [];
    const report = (passed: number, failed: number, pending: number) => {
      console.log(`${RESULT_MARKER} ${JSON.stringify({
        passed, failed, pending, files: files.length,
        vscode: vscode.version,
        appName: vscode.env.appName,
        uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
        trusted: vscode.workspace.isTrusted,
        failures,
      })}`);
    };
    try {
      const runner = mocha.run(failed => {
        const stats = runner.stats;
        report(stats?.passes ?? 0, stats?.failures ?? failed, stats?.pending ?? 0);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else resolve();
      });
      attachReporter(runner, failures);
    } catch (err) {
      failures.push({ title: 'mocha set-up', error: String((err as Error)?.stack ?? err) });
      report(0, 1, 0);
      reject(err);
    }
  });
}
