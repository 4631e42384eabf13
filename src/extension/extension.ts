/**
 * Activation: builds one object per feature and wires commands. Cheap on purpose:
 * the worker and the workspace index start after `activate` has returned.
 */
import { loadStarted } from './loadClock';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AnnotationStore } from './annotations/AnnotationStore';
import { CorrectionCommands } from './annotations/CorrectionCommands';
import { ClaimsTree, TreeOptionsStore } from './claims/ClaimsTree';
import { registerTreeCommands } from './claims/treeCommands';
import { Navigator } from './navigation/Navigator';
import { exportReport } from './report/exportReport';
import { ArticleWrap } from './articles/ArticleWrap';
import { openSampleCorpus } from './articles/sampleCorpus';
import { ReportCommands, WalkthroughCommands } from './ids';
import { Highlighter } from './decorations/Highlighter';
import { Commands, VIEW_CLAIMS } from './ids';
import { IndexClient } from './index/IndexClient';
import { Idle } from './Idle';
import { Notifier } from './status/Notifier';
import { openPassage, toUri } from './passages';
import { Settings } from './settings/Settings';
import { StatusBar } from './status/StatusBar';
import { DECORATION_KINDS } from './decorations/kinds';
import { emptyRanges } from './decorations/spans';
import type { SourceLensApi } from './testApi';
import { INDEX_CACHE_FILE } from '../protocol/protocol';

export type { SourceLensApi } from './testApi';

/** Every module of the bundle has been evaluated by now (`loadStarted` is the first). */
const loadEnded = performance.now();


export function activate(context: vscode.ExtensionContext): SourceLensApi {
  const started = performance.now();
  // VS Code prepares the extension context between loading the module and calling
  // activate(); that wait is not ours, so it is reported apart.
  const timing = { loadMs: loadEnded - loadStarted, activateMs: 0, waitMs: started - loadEnded };
  const notifier = new Notifier();
  context.subscriptions.push(notifier);
  const idle = new Idle();
  let client: IndexClient | undefined;
  let highlighter: Highlighter | undefined;
  let tree: ClaimsTree | undefined;
  let status: StatusBar | undefined;
  let annotations: AnnotationStore | undefined;
  let wrap: ArticleWrap | undefined;

  /** The workspace storage on disk, where the worker keeps the persisted index (none without a folder, or off disk). */
  const storageDir = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
  const api: SourceLensApi = {
    kinds: DECORATION_KINDS,
    decorations: uri => highlighter?.decorations(toUri(uri).toString()) ?? emptyRanges(),
    hoverText: (uri, offset) => {
      const key = toUri(uri).toString();
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
      return doc && highlighter ? highlighter.hoverTexts(doc, offset) : [];
    },
    treeRoots: async () => tree?.snapshotRoots() ?? [],
    treeChildren: async node => tree?.snapshotChildren(node) ?? [],
    treeFollowed: () => tree?.followed,
    treeMessage: () => tree?.view.message,
    treeOptions: () => tree?.options.current,
    treeStoredOptions: () => new TreeOptionsStore(context.workspaceState).current,
    treeBadge: () => tree?.view.badge?.value,
    treeRefreshes: () => tree?.refreshesDone() ?? { count: 0, recent: [] },
    treeVisible: () => tree?.view.visible ?? false,
    treeShownSource: uri => tree?.shownSource(toUri(uri).toString()),
    treeShownPassages: uri => tree?.shownPassages(toUri(uri).toString()),
    treeExpand: async uri => tree?.expandSource(toUri(uri).toString()),
    wordWrapped: async uri => {
      await wrap?.whenSettled();
      return wrap?.isWrapped(toUri(uri).toString()) ?? false;
    },
    activationTime: () => ({ ...timing }),
    statusText: () => status?.text ?? '',
    whenIdle: () => idle.whenIdle(),
    skipped: () => client?.skipped() ?? [],
    messages: () => notifier.messages,
    heldDocuments: () => highlighter?.heldDocuments() ?? [],
    documentState: uri => {
      const key = toUri(uri).toString();
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
      const view = doc && highlighter?.viewOf(doc);
      return {
        window: highlighter?.windowOf(key),
        hiddenKinds: highlighter?.hiddenKinds(key) ?? [],
        partial: view?.result.truncated?.reason ?? null,
        preview: view?.preview === true,
      };
    },
    previewsShown: () => highlighter?.previewsShown() ?? { count: 0 },
    worker: () => client?.workerState ?? { started: 0, down: false },
    annotations: () => annotations?.state ?? { file: null, broken: null, orphans: [], undoDepth: 0, entries: 0, watchedAt: 0 },
    result: async uri => (await client?.documents([toUri(uri).toString()]))?.[0]?.result,
    logged: () => notifier.logged,
    indexCachePath: () => (storageDir ? path.join(storageDir, INDEX_CACHE_FILE) : undefined),
  };

  try {
    const settings = new Settings();
    client = new IndexClient(path.join(context.extensionPath, 'dist', 'indexWorker.js'), settings, idle, notifier, storageDir);
    highlighter = new Highlighter(client, settings, idle, notifier);
    tree = new ClaimsTree(client, idle, new TreeOptionsStore(context.workspaceState));
    status = new StatusBar(client, highlighter, settings);
    annotations = new AnnotationStore(client, notifier, idle);
    context.subscriptions.push(settings, client, highlighter, tree, status, annotations, new CorrectionCommands(annotations, client, idle, notifier));
    wrap = new ArticleWrap(client);
    context.subscriptions.push(...registerTreeCommands(tree, client), new Navigator(client, tree, notifier), wrap);

    const h = highlighter, c = client, a = annotations;
    const register = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
    register(Commands.toggleQuotes, () => h.toggle('quotes'));
    register(Commands.toggleDuplicates, () => h.toggle('duplicates'));
    register(Commands.toggleEntities, () => h.toggle('entities'));
    register(Commands.refresh, () => c.restart());
    register(Commands.analyseOpenFilesOnly, () => c.openFilesOnly());
    register(Commands.focusClaims, () => vscode.commands.executeCommand(`${VIEW_CLAIMS}.focus`));
    register(Commands.showOutput, () => notifier.output.show(true));
    register(Commands.showAllHighlights, (uri?: string) => h.showAllIn(uri === undefined ? undefined : toUri(uri).toString()));
    register(Commands.openPassage, (uri: string, start?: number, end?: number) => openPassage(uri, start, end));
    register(ReportCommands.exportReport, (target?: string) => exportReport(c, notifier, typeof target === 'string' ? target : undefined));
    register(WalkthroughCommands.openSampleCorpus, (target?: string, open?: boolean) => openSampleCorpus(context.extensionUri, typeof target === 'string' ? target : undefined, open !== false));

    // The worker and the index start once activation has returned.
    const startTimer = setTimeout(() => {
      try {
        c.start();
        a.start();
      } catch (err) {
        notifier.error(`Source Lens could not start its index: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, 0);
    context.subscriptions.push({ dispose: () => clearTimeout(startTimer) });
    timing.activateMs = performance.now() - started;
    notifier.log(`Activated in ${(timing.loadMs + timing.activateMs).toFixed(1)} ms: modules ${timing.loadMs.toFixed(1)} ms, activate() ${timing.activateMs.toFixed(1)} ms (VS Code prepared the context for ${timing.waitMs.toFixed(1)} ms in between).`);
  } catch (err) {
    notifier.error(`Source Lens failed to start: ${err instanceof Error ? err.message : String(err)}`);
  }
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
