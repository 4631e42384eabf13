/**
 * An edit of a 1 MB article through the real index worker, as the extension meets
 * it: the text sent (`set`, with what the editor shows), the preview push received
 * (the first decorations), the Claims tree's passages listed from it (the result
 * last listed moved past the edit, previewTree.ts), then the exact result's
 * `changed` push and the tree's listing from it (`passages` asked, the nodes made).
 * The tree lists the source as VS Code asks for it (its pages, and the page at the
 * edit: treeListing.ts); every other edit lists every passage's node instead, as
 * the tree did before pages, for the ratio in the same run.
 * Both listings are timed from the moment the text was sent, in the same run; the
 * editor's own side (reading the text out of the editor, VS Code drawing the
 * decorations and the tree's rows) is not counted.
 *   npx tsc -p . && node out/bench/editWorker.js [MB] [EDITS]
 * Budget (design.md): an edit <= 50 ms p95, decorations and tree.
 */
import { performance } from 'node:perf_hooks';
import { previewedResult, type ListedResult } from '../src/extension/claims/previewTree';
import { childNodes, PassageMemo } from '../src/extension/claims/treeNodes';
import type { WindowView } from '../src/protocol/protocol';
import { testConnection } from '../test/support/worker';
import { rng } from '../test/support/rng';
import { evalDirOrSay } from '../test/support/sharedEval';
import { newsArticle, typeWordAt } from './editText';
import { pct } from './stats';
import { listAsShown, rowsSize } from './treeListing';

const targetMb = Number(process.argv[2] ?? 1);
const nEdits = Number(process.argv[3] ?? 30);

async function main(): Promise<void> {
  const evalDir = evalDirOrSay('', 'the "news" article (the whole bench)');
  if (!evalDir) return;
  let text = newsArticle(evalDir, targetMb * 1e6);
  const key = 'bench/huge.txt';
  let sentAt = 0;
  // (The sequence number of the edit's `set`: a push for an older notification, a settle's, is not its answer.)
  let waitSeq = Infinity;
  let onPreview: ((v: WindowView) => void) | undefined;
  let onChanged: (() => void) | undefined;
  const { conn, idle } = testConnection({
    maxFileSize: 8 * 1024 * 1024,
    timeoutMs: 600_000,
    on: {
      pushes: {
        skips: () => undefined,
        problem: p => console.error(`worker problem: ${p.message}`),
        preview: p => onPreview?.(p.view),
        changed: ch => { if (ch.seq >= waitSeq && ch.keys.includes(key)) onChanged?.(); },
      },
    },
  });
  const display = (k: string) => k;
  const memo = new PassageMemo();
  const f1 = (x: number) => x.toFixed(1);
  // (The connection does not hold the process open by itself: the extension host does.)
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    let version = 1;
    // Opened: the whole analysis, the editor's window fetched, the tree's passages listed.
    const visibleAt = (at: number) => [{ start: Math.max(0, at - 1_500), end: at + 1_500 }];
    conn.notify('set', { key, text, version, visible: visibleAt(0) });
    await idle.whenIdle();
    let listed: ListedResult | undefined;
    const list = async (at: number) => {
      await conn.request('windows', { docs: [{ key, ranges: visibleAt(at) }] });
      const [view] = await conn.request('passages', { keys: [key] });
      listed = { version: view.version, result: view.result };
      childNodes(view.result, display, memo);
    };
    await list(0);
    const passages = childNodes(listed!.result, display).length;
    // What a listing gives VS Code to draw (its rows; the extension host sends them to the window).
    const sizes = `flat ${rowsSize(childNodes(listed!.result, display))}; in pages ${rowsSize(listAsShown(listed!.result, display, undefined, text.length >> 1))}`;
    const preview: number[] = [], fromPreview: number[] = [], exact: number[] = [], fromExact: number[] = [];
    // The tree's own work on the preview (the lists moved, the nodes made), apart from waiting for the push.
    const treeOwn: number[] = [];
    // The same, for the edits listed flat (every passage's node, as before pages).
    const flatFromPreview: number[] = [], flatOwn: number[] = [];
    let notMade = 0;
    const rand = rng(7);
    const flatAt = (k: number) => k % 2 === 1;
    for (let k = 0; k < nEdits; k++) {
      const edited = typeWordAt(text, rand);
      const at = edited.at;
      text = edited.text;
      version++;
      const previewed = new Promise<WindowView>(resolve => (onPreview = resolve));
      const changed = new Promise<void>(resolve => (onChanged = resolve));
      sentAt = performance.now();
      waitSeq = Infinity;
      waitSeq = conn.notify('set', { key, text, version, visible: visibleAt(at) });
      const view = await previewed;
      const received = performance.now();
      preview.push(received - sentAt);
      const made = listed && previewedResult(listed, view, memo);
      const flat = flatAt(k);
      if (made) {
        if (flat) childNodes(made, display, memo);
        else listAsShown(made, display, memo, at);
        (flat ? flatFromPreview : fromPreview).push(performance.now() - sentAt);
        (flat ? flatOwn : treeOwn).push(performance.now() - received);
      } else notMade++;
      await changed;
      exact.push(performance.now() - sentAt);
      const [whole] = await conn.request('passages', { keys: [key] });
      // (Listed as the next edit's preview will be: what a flat listing keeps of the nodes' words is all of them.)
      if (flatAt(k + 1)) childNodes(whole.result, display, memo);
      else {
        listAsShown(whole.result, display, memo, at);
        fromExact.push(performance.now() - sentAt);
      }
      // What the tree listed is what the next preview moves; the editor fetches its window, as it does after a
      // change (what the worker's next preview starts from).
      listed = { version: whole.version, result: whole.result };
      await idle.whenIdle();
      await conn.request('windows', { docs: [{ key, ranges: visibleAt(at) }] });
    }
    console.log(`1 MB article through the real worker: ${f1(text.length / 1e3)} K characters, ${passages} passages in the tree, ${nEdits} edits (a word typed in a random paragraph)`);
    const line = (what: string, xs: number[]) => `  ${what}: p50 ${f1(pct(xs, 0.5))} ms, p95 ${f1(pct(xs, 0.95))} ms, max ${f1(Math.max(...xs))} ms`;
    console.log(`  a listing of the source: ${sizes}`);
    console.log(line('preview received (first decorations)', preview));
    // (A worker's first previews compile its code: the first keystrokes after opening, apart.)
    console.log(`    the first three edits: ${preview.slice(0, 3).map(f1).join(', ')} ms`);
    console.log(line(`tree listed from the preview, in pages (${notMade} not made)`, fromPreview));
    console.log(line('  of which the tree\'s own work', treeOwn));
    console.log(line('tree listed from the preview, flat (every other edit: every passage\'s node)', flatFromPreview));
    console.log(line('  of which the tree\'s own work', flatOwn));
    console.log(`  in pages / flat, p95 x${(pct(fromPreview, 0.95) / pct(flatFromPreview, 0.95)).toFixed(2)}, the tree's own work p95 x${(pct(treeOwn, 0.95) / pct(flatOwn, 0.95)).toFixed(2)}`);
    console.log(line('exact result pushed (changed)', exact));
    console.log(line('tree listed from the exact result, in pages', fromExact));
    console.log(`  tree from the preview / from the exact result, p50 x${(pct(fromPreview, 0.5) / pct(fromExact, 0.5)).toFixed(2)}   budget p95 <= 50 ms`);
  } finally {
    clearInterval(keepAlive);
    conn.stop('done');
  }
}

main().catch(err => {
  console.error(err);
  process.exitCode = 1;
});
