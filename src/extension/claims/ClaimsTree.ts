/**
 * src/extension/claims/ owns the Claims view: the tree (ClaimsTree), its nodes as
 * plain data (treeNodes.ts: labels, badges, tooltips, ids), its switches and the
 * whole tree they build (treeModel.ts: grouping, sorting, filters), and its
 * commands (treeCommands.ts: the toolbar switches, Show in All Sources, Copy as Citation),
 * when it lists changes (refreshPacer.ts), and what an edit's preview of a huge
 * source makes of its counts and passages (previewTree.ts).
 */
import * as vscode from 'vscode';
import { PREVIEW_FROM, type DocumentPassages, type SourceSummary, type WindowView } from '../../protocol/protocol';
import { ContextKeys, StateKeys, TreeItemContext, VIEW_CLAIMS } from '../ids';
import type { Idle } from '../Idle';
import type { ChangedDocuments, IndexClient } from '../index/IndexClient';
import { skippedSummary } from '../index/skipMessages';
import { buildTree, FILTERS, filtered, isDefault, readOptions, type ModelNode, type TreeOptions } from './treeModel';
import { previewedResult, previewedSummary, type ListedResult } from './previewTree';
import { RefreshPacer, type TreeListing } from './refreshPacer';
import { nodeAt, PAGE_SIZE, pageNodes, PassageMemo, passageIndexAt, passageNodes, passageOrder, sourceNode, type TreeNodeData, type TreeNodeFields } from './treeNodes';

/** A tree node: the plain data plus its parent (for `getParent`, which `reveal` needs). */
export interface ClaimNode extends TreeNodeData {
  parent: ClaimNode | undefined;
  /** Children of a node of a tree built whole (grouped, sorted or filtered); undefined in the lazy default tree. */
  kids?: ClaimNode[];
  /** A page's place among its source's pages. */
  page?: number;
}

/** A huge source's passages in pages: what they are made from, in which order, and each page's nodes once asked for. */
interface Paged {
  result: DocumentPassages;
  order: Int32Array;
  kids: (ClaimNode[] | undefined)[];
}

/**
 * The tree's switches, kept in workspaceState (so they survive a reload) and
 * mirrored in context keys (so the toolbar shows each switch's state).
 */
export class TreeOptionsStore {
  private value: TreeOptions;
  constructor(private readonly memento: vscode.Memento) {
    this.value = readOptions(memento.get(StateKeys.treeOptions));
  }

  get current(): TreeOptions {
    return this.value;
  }

  async set(next: TreeOptions): Promise<void> {
    this.value = readOptions(next);
    this.publish();
    await this.memento.update(StateKeys.treeOptions, this.value);
  }

  /** Sets the context keys from the current options. */
  publish(): void {
    const o = this.value;
    const set = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
    set(ContextKeys.treeGroup, o.group);
    set(ContextKeys.treeSort, o.sort);
    for (const f of FILTERS) set(ContextKeys.treeFilterPrefix + f, o.filters[f]);
    set(ContextKeys.treeFiltered, filtered(o));
  }
}

/**
 * The "Claims" view. With the default switches: a node per source, under it the
 * source's claims and quotes in reading order (a huge source's in pages of 200,
 * each page's made when VS Code asks for it), listed lazily as below; grouped,
 * sorted or filtered, the tree is built whole from every document (treeModel.ts)
 * and rebuilt on any change. Follows the index: when documents change, only their nodes are
 * refreshed (the whole tree when sources come or go); it is not recomputed while
 * hidden, and follows the cursor while visible. A source's node keeps its object
 * from one refresh to the next, so that VS Code can be told which nodes changed.
 */
export class ClaimsTree implements vscode.TreeDataProvider<ClaimNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ClaimNode | ClaimNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<ClaimNode>;
  private readonly roots = new Map<string, ClaimNode>();
  /**
   * The sources VS Code was given when it last listed the top level. The tree lists the top level for itself too
   * (following the cursor, a command's argument): a source only `roots` holds is one VS Code has not been shown.
   */
  private shown = new Set<string>();
  private readonly summaries = new Map<string, SourceSummary>();
  /**
   * Whether VS Code has asked for the top level since the last full refresh. Until it
   * does, a change needs no refresh: the listing it owes reads the index as it is then.
   */
  private listed = false;
  /** Counts the changes to what the tree shows: a tree built whole is kept only when none came while it was built. */
  private generation = 0;
  /** A source's listed children: its passages, or their pages (`paged`). */
  private readonly children = new Map<string, ClaimNode[]>();
  private readonly paged = new Map<string, Paged>();
  /** The whole result a huge source's listed passages were made from (what an edit's preview of it moves). */
  private readonly listedResults = new Map<string, ListedResult>();
  /** What the listed passages' nodes show, by the items they were made from (an edit's preview moves most of them). */
  private readonly memo = new PassageMemo();
  private readonly disposables: vscode.Disposable[] = [];
  /** Sources changed since the last refresh, or 'all' (kept while the view is hidden, listed when it is shown). */
  private pending: Set<string> | 'all' = new Set();
  /** Lists changed sources: at once after a quiet spell, at most once per 150 ms while changes keep coming. */
  private readonly pacer: RefreshPacer;
  /** Listings of changed sources (the test API): how many so far, and the last few. */
  private readonly refreshes: { count: number; recent: TreeListing[] } = { count: 0, recent: [] };
  /** When the oldest change not listed yet arrived (`performance.now()`), undefined when none waits. */
  private changedSince: number | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  /** Id of the node last revealed by following the cursor (test API). */
  followed: string | undefined;

  /** The nodes of a tree built whole, by id, and its passages per document (for following the cursor). */
  private readonly byId = new Map<string, ClaimNode>();
  private readonly passagesOf = new Map<string, ClaimNode[]>();
  private wholeRoots: ClaimNode[] | undefined;

  constructor(
    private readonly client: IndexClient,
    private readonly idle: Idle,
    readonly options: TreeOptionsStore,
  ) {
    this.view = vscode.window.createTreeView(VIEW_CLAIMS, { treeDataProvider: this, showCollapseAll: true });
    this.pacer = new RefreshPacer(() => this.refreshPending(), idle);
    options.publish();
    this.disposables.push(
      this.view,
      client.onDidChangeDocuments(change => this.onDocumentsChanged(change)),
      client.onDidPreview(({ view }) => this.onPreview(view)),
      client.onDidChangeStatus(() => this.updateMessage()),
      client.onDidProgress(() => this.updateMessage()),
      this.view.onDidChangeVisibility(e => {
        // (Changes that came while it was hidden wait in `pending`.)
        if (e.visible && (this.pending === 'all' || this.pending.size)) this.pacer.request();
      }),
      vscode.window.onDidChangeTextEditorSelection(e => this.follow(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor(e => this.follow(e)),
    );
  }

  /** Changes the switches: saved, shown in the toolbar, and the tree listed again. */
  async setOptions(next: TreeOptions): Promise<void> {
    await this.options.set(next);
    const end = this.idle.begin();
    try {
      this.refreshAll();
    } finally {
      end();
    }
  }

  private onDocumentsChanged(change: ChangedDocuments): void {
    // A grouped, sorted or filtered tree is built whole: any change rebuilds it.
    if (!isDefault(this.options.current)) change = 'all';
    this.generation++;
    this.wholeRoots = undefined;
    if (change === 'all') this.forgetChildren();
    else for (const key of change) this.forgetChildren(key);
    if (change === 'all' || this.pending === 'all') this.pending = 'all';
    else for (const key of change) this.pending.add(key);
    this.changedSince ??= performance.now();
    // (Hidden, the tree is not listed: what changed meanwhile is listed when it is shown.)
    if (this.view.visible) this.pacer.request();
  }

  /** Lists again what changed since the last listing. */
  private refreshPending(): Promise<void> {
    const pending = this.pending;
    this.pending = new Set();
    const at = performance.now();
    const listing: TreeListing = { keys: pending === 'all' ? 'all' : [...pending], at, waitedMs: at - (this.changedSince ?? at) };
    this.noteListing(listing);
    this.changedSince = undefined;
    // Not asked for the top level since it was last refreshed whole: VS Code is about to list
    // it (or will be when the view is shown) and reads every change then. Refreshing the top
    // level again would only race a click: VS Code forgets the nodes' ids when told of a new
    // top level, and a source expanded in between is shown expanded and empty, for good.
    if (!this.listed) {
      listing.how = 'owed';
      return Promise.resolve();
    }
    if (pending !== 'all') return this.refreshSources([...pending], listing);
    listing.how = 'whole';
    this.refreshAll();
    return Promise.resolve();
  }

  /** A source's listed passages (every source's when none is given), to be asked for again. */
  private forgetChildren(key?: string): void {
    if (key === undefined) {
      this.children.clear();
      this.paged.clear();
      this.listedResults.clear();
    } else {
      this.children.delete(key);
      this.paged.delete(key);
      this.listedResults.delete(key);
    }
  }

  /**
   * An edit's preview of a huge document (the default tree only: a grouped one is
   * built whole from every result): the source's counts as the preview has them, and
   * its passages, when listed, made from the result they were listed from
   * (previewTree.ts), at once; the exact result lists them again when it comes.
   */
  private onPreview(view: WindowView): void {
    if (!view.movedFrom || !isDefault(this.options.current) || !this.view.visible || !this.listed) return;
    const key = view.key;
    const node = this.roots.get(key), summary = this.summaries.get(key);
    if (!node || !summary) return;
    // (A preview of an older text than the editor's, or than the result listed: it would show the past.)
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
    const listed = this.listedResults.get(key);
    if (view.version === null || (doc && doc.version !== view.version) || (listed && listed.version !== null && listed.version >= view.version)) return;
    const at = performance.now();
    const fresh = previewedSummary(summary, view);
    Object.assign(node, sourceNode(fresh, k => this.client.display(k)));
    this.summaries.set(key, fresh);
    this.updateBadge();
    let passages: number | undefined;
    let unlisted = 'its passages were not listed';
    if (this.children.has(key)) {
      const result = listed && previewedResult(listed, view, this.memo);
      if (result) passages = this.list(node, result);
      else {
        unlisted = `the preview moved version ${view.movedFrom.version}, the passages were listed from ${listed ? `version ${listed.version}` : 'none'}`;
        this.forgetChildren(key);
      }
    }
    this.noteListing({ keys: [key], at, waitedMs: 0, preview: true, ...(passages === undefined ? { unlisted } : { passages }) });
    this.changeEmitter.fire([node]);
  }

  /**
   * A source's children made from its passages: the passages' nodes, or for a huge
   * source their pages, whose nodes are made when VS Code asks for them (an
   * expanded page). Returns how many passages it has.
   */
  private list(node: ClaimNode, result: DocumentPassages): number {
    const display = (k: string) => this.client.display(k);
    const order = passageOrder(result);
    const pages = pageNodes(result, order, display);
    if (pages) {
      this.children.set(node.id, adopt(pages, node).map((p, i) => Object.assign(p, { page: i })));
      this.paged.set(node.id, { result, order, kids: [] });
    } else {
      this.children.set(node.id, adopt(passageNodes(result, order, 0, order.length, display, this.memo), node));
      this.paged.delete(node.id);
    }
    return order.length;
  }

  /** The passages of a page as last listed (none when its source is no longer listed in pages). */
  private pageKids(page: Pick<ClaimNode, 'uri' | 'page'>): ClaimNode[] {
    const p = this.paged.get(page.uri), current = page.page === undefined ? undefined : this.children.get(page.uri)?.[page.page];
    if (!p || !current) return [];
    const from = current.page! * PAGE_SIZE;
    return (p.kids[current.page!] ??= adopt(passageNodes(p.result, p.order, from, from + PAGE_SIZE, k => this.client.display(k), this.memo), current));
  }

  private noteListing(listing: TreeListing): void {
    this.refreshes.count++;
    this.refreshes.recent.push(listing);
    if (this.refreshes.recent.length > 16) this.refreshes.recent.shift();
  }

  /** Everything is listed again. */
  private refreshAll(): void {
    this.listed = false;
    this.generation++;
    this.forgetChildren();
    this.wholeRoots = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** The nodes of changed sources are refreshed in place; the whole tree when a source came or went. */
  private async refreshSources(keys: string[], listing: TreeListing): Promise<void> {
    listing.how = 'whole';
    let fresh: SourceSummary[];
    try {
      fresh = await this.client.summaries(keys);
    } catch {
      return this.refreshAll();
    }
    const byKey = new Map(fresh.map(s => [s.key, s]));
    // (Against what VS Code was shown: a source the tree listed for itself meanwhile is still new to VS Code.)
    if (keys.some(k => byKey.has(k) !== this.shown.has(k) || (byKey.has(k) && !this.roots.has(k)))) return this.refreshAll();
    listing.how = 'sources';
    const nodes: ClaimNode[] = [];
    for (const [key, s] of byKey) {
      const node = this.roots.get(key)!;
      Object.assign(node, sourceNode(s, k => this.client.display(k)));
      this.summaries.set(key, s);
      this.forgetChildren(key);
      nodes.push(node);
    }
    this.updateBadge();
    if (nodes.length) this.changeEmitter.fire(nodes);
  }

  private updateMessage(): void {
    const { state, progress } = this.client;
    const skipped = this.client.skipped();
    this.view.message =
      state === 'indexing' ? `Indexing… ${progress.done} of ${progress.total} files`
      : this.client.analysingOpenFilesOnly ? 'Only the open files are analysed. Re-index Workspace analyses the whole workspace again.'
      : state === 'cancelled' ? 'Indexing was cancelled: the tree lists only the files analysed so far. Refresh to index again.'
      : skipped.length ? `${skippedSummary(skipped)} Details: Source Lens: Show Output.`
      : undefined;
  }

  private updateBadge(): void {
    let disputed = 0;
    for (const s of this.summaries.values()) disputed += s.disputed;
    this.view.badge = disputed ? { value: disputed, tooltip: `${disputed} disputed claim${disputed === 1 ? '' : 's'}` } : undefined;
  }

  async getChildren(node?: ClaimNode): Promise<ClaimNode[]> {
    if (!isDefault(this.options.current)) return node ? node.kids ?? [] : this.buildWhole();
    try {
      if (!node) {
        // (Listed from here on: a change that comes while the summaries are on their way refreshes again. A change
        // to a source VS Code does not know yet is dropped by it, but the summaries on their way carry it: the
        // worker answers in order.)
        this.listed = true;
        const roots = await this.listRoots();
        this.shown = new Set(roots.map(r => r.id));
        return roots;
      }
      if (node.type === 'page') return this.pageKids(node);
      if (node.type !== 'source') return [];
      const cached = this.children.get(node.id);
      if (cached) return cached;
      // (Its passages alone: a huge article's whole result costs the worker and this thread twice as much to copy.)
      const [view] = await this.client.passages([node.uri]);
      if (!view) {
        this.children.set(node.id, []);
        return [];
      }
      this.list(node, view.result);
      // (Only a huge document's edits are previewed: the result is kept for those alone.)
      if (view.result.length >= PREVIEW_FROM) this.listedResults.set(node.id, { version: view.version, result: view.result });
      return this.children.get(node.id)!;
    } catch {
      // (A top level that failed is shown empty: with no sources shown, the next change refreshes the whole tree.)
      if (!node) this.shown.clear();
      return [];
    }
  }

  /** The sources of the default tree from the worker's summaries, each keeping its node object. */
  private async listRoots(): Promise<ClaimNode[]> {
    const summaries = await this.client.summaries();
    this.summaries.clear();
    for (const s of summaries) this.summaries.set(s.key, s);
    this.updateBadge();
    const previous = new Map(this.roots);
    this.roots.clear();
    return summaries.map(s => {
      const data = sourceNode(s, k => this.client.display(k));
      const old = previous.get(data.id);
      const n: ClaimNode = old ? Object.assign(old, data) : { ...data, parent: undefined };
      this.roots.set(n.id, n);
      return n;
    });
  }

  /** The top level as the tree holds it, listed for the tree itself (not what VS Code was shown). */
  private ownRoots(): Promise<ClaimNode[]> {
    return isDefault(this.options.current) ? this.listRoots() : this.buildWhole();
  }

  /** The whole tree for the current switches, from every analysed document. */
  private async buildWhole(): Promise<ClaimNode[]> {
    if (this.wholeRoots) return this.wholeRoots;
    const generation = this.generation;
    this.listed = true;
    try {
      const options = this.options.current;
      const summaries = await this.client.summaries();
      this.summaries.clear();
      for (const s of summaries) this.summaries.set(s.key, s);
      this.updateBadge();
      const views = await this.client.documents(summaries.map(s => s.key));
      const model = buildTree(summaries, views.map(v => v.result), options, k => this.client.display(k));
      this.byId.clear();
      this.passagesOf.clear();
      const adopt = (m: ModelNode, parent: ClaimNode | undefined): ClaimNode => {
        const { children, ...data } = m;
        const n: ClaimNode = { ...data, parent };
        n.kids = children.map(c => adopt(c, n));
        this.byId.set(n.id, n);
        if ((n.type === 'claim' || n.type === 'quote') && n.start !== undefined) {
          const list = this.passagesOf.get(n.uri) ?? [];
          list.push(n);
          this.passagesOf.set(n.uri, list);
        }
        return n;
      };
      const roots = model.map(m => adopt(m, undefined));
      // (Kept only if nothing changed while it was built; a change meanwhile has refreshed the tree again.)
      if (generation === this.generation) this.wholeRoots = roots;
      return roots;
    } catch {
      return [];
    }
  }

  /** The passages of a document as the tree shows them (filtered and sorted as it is). */
  async passages(key: string): Promise<ClaimNode[]> {
    if (!isDefault(this.options.current)) {
      await this.buildWhole();
      return this.passagesOf.get(key) ?? [];
    }
    const kids = await this.listedChildren(key);
    return this.paged.has(key) ? kids.flatMap(p => this.pageKids(p)) : kids;
  }

  /** A source's children in the default tree, listed first if they are not. */
  private async listedChildren(key: string): Promise<ClaimNode[]> {
    if (!this.roots.has(key)) await this.ownRoots();
    const root = this.roots.get(key);
    if (!root) return [];
    return this.children.get(key) ?? (await this.getChildren(root));
  }

  /** The passage that holds an offset, as the tree shows it (in the default tree, only its page made). */
  private async passageAt(key: string, offset: number): Promise<ClaimNode | undefined> {
    if (!isDefault(this.options.current)) return nodeAt(await this.passages(key), offset);
    const kids = await this.listedChildren(key);
    const p = this.paged.get(key);
    if (!p) return nodeAt(kids, offset);
    const k = passageIndexAt(p.result, p.order, offset);
    return k < 0 ? undefined : this.pageKids({ uri: key, page: Math.floor(k / PAGE_SIZE) })[k % PAGE_SIZE];
  }

  /** A node by id (the item commands' argument when run from a test or a keybinding). */
  async nodeById(id: string): Promise<ClaimNode | undefined> {
    if (!isDefault(this.options.current)) {
      await this.buildWhole();
      return this.byId.get(id);
    }
    const root = this.roots.get(id) ?? (await this.ownRoots()).find(r => r.id === id);
    if (root) return root;
    const key = id.slice(0, id.indexOf('#'));
    return (await this.passages(key)).find(n => n.id === id) ?? this.children.get(key)?.find(n => n.id === id);
  }

  getParent(node: ClaimNode): ClaimNode | undefined {
    return node.parent;
  }

  getTreeItem(node: ClaimNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
    if (node.accessibilityLabel) item.accessibilityInformation = { label: node.accessibilityLabel };
    item.contextValue = TreeItemContext[node.type];
    if (node.type === 'speaker' || node.type === 'entity' || node.type === 'claimGroup' || node.type === 'quoteGroup') {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    }
    if (node.type === 'source') item.resourceUri = vscode.Uri.parse(node.uri);
    if (node.command) item.command = { title: 'Open passage', command: node.command.command, arguments: node.command.arguments };
    return item;
  }

  /**
   * Reveals the claim or quote under the cursor while the view is visible
   * (debounced; never selects or takes focus). A collapsed source is expanded to
   * show it; with no passage under the cursor, the source itself is revealed.
   */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.view.visible || !this.client.isTracked(editor.document.uri)) return;
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      this.followTimer = undefined;
      const end = this.idle.begin();
      this.revealAt(editor).catch(() => undefined).finally(end);
    }, 300);
  }

  /** Reveals the passage under an editor's cursor (the source itself in the default tree when none is). */
  async revealAt(editor: vscode.TextEditor, select = false): Promise<void> {
    if (!this.view.visible || editor.document.isClosed) return;
    const key = editor.document.uri.toString();
    const root = isDefault(this.options.current) ? this.roots.get(key) : undefined;
    const node = (await this.passageAt(key, editor.document.offsetAt(editor.selection.active))) ?? root;
    if (!node) return;
    await this.view.reveal(node, { select, focus: false, expand: false });
    this.followed = node.id;
  }

  // --- Test API -------------------------------------------------------------------

  /** How many times changed sources were listed again, and the last 16 listings. */
  refreshesDone(): { count: number; recent: TreeListing[] } {
    return { count: this.refreshes.count, recent: [...this.refreshes.recent] };
  }

  /** A source's node as the tree holds it now, undefined when not listed. */
  shownSource(key: string): TreeNodeFields | undefined {
    const n = this.roots.get(key);
    return n && snapshot(n);
  }

  /** Expands a source's node in the view, as a click on its twistie does (VS Code then asks for its passages). */
  async expandSource(key: string): Promise<void> {
    const node = this.roots.get(key);
    if (node) await this.view.reveal(node, { expand: true, focus: false, select: false });
  }

  /** A source's passages as the default tree holds them now (no question to the worker), undefined when not listed. */
  shownPassages(key: string): TreeNodeFields[] | undefined {
    const kids = this.children.get(key);
    return kids && (this.paged.has(key) ? kids.flatMap(p => this.pageKids(p)) : kids).map(snapshot);
  }

  async snapshotRoots(): Promise<TreeNodeFields[]> {
    return (await this.getChildren()).map(snapshot);
  }

  async snapshotChildren(node: TreeNodeFields): Promise<TreeNodeFields[]> {
    if (!isDefault(this.options.current)) return ((await this.nodeById(node.id))?.kids ?? []).map(snapshot);
    if (node.type === 'page') return this.pageKids({ uri: node.uri, page: Number(node.id.slice(node.id.lastIndexOf(':') + 1)) }).map(snapshot);
    if (node.type !== 'source') return [];
    const parent = this.roots.get(node.id) ?? ({ ...node, icon: 'file-text', expandable: true, parent: undefined } as ClaimNode);
    this.forgetChildren(node.id);
    return (await this.getChildren(parent)).map(snapshot);
  }

  dispose(): void {
    this.pacer.dispose();
    if (this.followTimer) clearTimeout(this.followTimer);
    for (const d of this.disposables) d.dispose();
    this.changeEmitter.dispose();
  }
}

/** A source's passages under it (a node kept from an earlier listing of the same source keeps its parent). */
function adopt(nodes: TreeNodeData[], parent: ClaimNode): ClaimNode[] {
  for (const n of nodes) (n as ClaimNode).parent = parent;
  return nodes as ClaimNode[];
}

function snapshot(n: ClaimNode): TreeNodeFields {
  const s: TreeNodeFields = { id: n.id, type: n.type, label: n.label, description: n.description, tooltip: n.tooltip, uri: n.uri, path: n.path };
  if (n.accessibilityLabel) s.accessibilityLabel = n.accessibilityLabel;
  if (n.facts) s.status = n.facts.status, s.quote = n.facts.quote, s.conflict = n.facts.conflict, s.corroboration = n.facts.corroboration;
  if (n.start !== undefined) s.start = n.start;
  if (n.end !== undefined) s.end = n.end;
  if (n.command) s.command = { command: n.command.command, arguments: [...n.command.arguments] };
  return s;
}
