import * as vscode from 'vscode';
import { TreeItemContext, VIEW_CLAIMS } from '../ids';
import type { IndexClient } from '../index/IndexClient';
import type { Idle } from '../Idle';
import { skippedSummary } from '../index/skipMessages';
import { childNodes, nodeAt, sourceNode, type TreeNodeData, type TreeNodeFields } from './treeNodes';

/** A tree node: the plain data plus its parent (for `getParent`, which `reveal` needs). */
export interface ClaimNode extends TreeNodeData {
  parent: ClaimNode | undefined;
}

/**
 * The "Claims" view: a node per source, under it the source's claims and quotes in
 * reading order. Follows the index (file changes and open-document edits), is not
 * recomputed while hidden, and follows the cursor while visible.
 */
export class ClaimsTree implements vscode.TreeDataProvider<ClaimNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ClaimNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<ClaimNode>;
  private readonly roots = new Map<string, ClaimNode>();
  private readonly children = new Map<string, ClaimNode[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private dirty = false;
  private refreshTimer: { timer: ReturnType<typeof setTimeout>; end: () => void } | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  /** Id of the node last revealed by following the cursor (test API). */
  followed: string | undefined;

  constructor(
    private readonly client: IndexClient,
    private readonly idle: Idle,
  ) {
    this.view = vscode.window.createTreeView(VIEW_CLAIMS, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      client.onDidChange(() => this.scheduleRefresh()),
      client.onDidProgress(() => this.updateMessage()),
      this.view.onDidChangeVisibility(e => {
        if (e.visible && this.dirty) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection(e => this.follow(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor(e => this.follow(e)),
    );
  }

  private scheduleRefresh(): void {
    this.updateMessage();
    if (!this.view.visible) {
      this.dirty = true;
      return;
    }
    if (this.refreshTimer) return;
    const end = this.idle.begin();
    this.refreshTimer = {
      end,
      timer: setTimeout(() => {
        this.refreshTimer = undefined;
        this.dirty = false;
        this.children.clear();
        this.changeEmitter.fire(undefined);
        end();
      }, 150),
    };
  }

  private updateMessage(): void {
    const { state, progress } = this.client;
    const skipped = this.client.skipped();
    this.view.message =
      state === 'indexing' ? `Indexing… ${progress.done} of ${progress.total} files`
      : state === 'cancelled' ? 'Indexing was cancelled: the tree lists only the files analysed so far. Refresh to index again.'
      : skipped.length ? `${skippedSummary(skipped)} Details: Source Lens: Show Output.`
      : undefined;
  }

  async getChildren(node?: ClaimNode): Promise<ClaimNode[]> {
    try {
      if (!node) {
        const summaries = await this.client.summaries();
        const disputed = summaries.reduce((n, s) => n + s.disputed, 0);
        this.view.badge = disputed ? { value: disputed, tooltip: `${disputed} disputed claim${disputed === 1 ? '' : 's'}` } : undefined;
        this.roots.clear();
        return summaries.map(s => {
          const n: ClaimNode = { ...sourceNode(s, k => this.client.display(k)), parent: undefined };
          this.roots.set(n.id, n);
          return n;
        });
      }
      if (node.type !== 'source') return [];
      const cached = this.children.get(node.id);
      if (cached) return cached;
      const [view] = await this.client.documents([node.uri]);
      const kids = view ? childNodes(view.result, k => this.client.display(k)).map(d => ({ ...d, parent: node })) : [];
      this.children.set(node.id, kids);
      return kids;
    } catch {
      return [];
    }
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

  private async revealAt(editor: vscode.TextEditor): Promise<void> {
    if (!this.view.visible || editor.document.isClosed) return;
    const key = editor.document.uri.toString();
    if (!this.roots.has(key)) await this.getChildren();
    const root = this.roots.get(key);
    if (!root) return;
    const kids = this.children.get(key) ?? (await this.getChildren(root));
    const node = nodeAt(kids, editor.document.offsetAt(editor.selection.active)) ?? root;
    await this.view.reveal(node, { select: false, focus: false, expand: false });
    this.followed = node.id;
  }

  // --- Test API -------------------------------------------------------------------

  async snapshotRoots(): Promise<TreeNodeFields[]> {
    return (await this.getChildren()).map(snapshot);
  }

  async snapshotChildren(node: TreeNodeFields): Promise<TreeNodeFields[]> {
    if (node.type !== 'source') return [];
    const parent = this.roots.get(node.id) ?? ({ ...node, icon: 'file-text', expandable: true, parent: undefined } as ClaimNode);
    this.children.delete(node.id);
    return (await this.getChildren(parent)).map(snapshot);
  }

  dispose(): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer.timer);
      this.refreshTimer.end();
    }
    if (this.followTimer) clearTimeout(this.followTimer);
    for (const d of this.disposables) d.dispose();
    this.changeEmitter.dispose();
  }
}

function snapshot(n: ClaimNode): TreeNodeFields {
  const s: TreeNodeFields = { id: n.id, type: n.type, label: n.label, description: n.description, tooltip: n.tooltip, uri: n.uri, path: n.path };
  if (n.start !== undefined) s.start = n.start;
  if (n.end !== undefined) s.end = n.end;
  if (n.command) s.command = { command: n.command.command, arguments: [...n.command.arguments] };
  return s;
}
