/**
 * The Claims tree's listing of a source as VS Code asks for it (ClaimsTree.ts): the
 * source's children, and for a huge source, listed in pages, the passages of the
 * page holding the edit, expanded since the tree follows the cursor into it. The
 * benches time it beside the flat listing of every passage that pages replaced.
 */
import type { DocumentPassages } from '../src/protocol/protocol';
import { PAGE_SIZE, pageNodes, type PassageMemo, passageIndexAt, passageNodes, passageOrder, type TreeNodeData } from '../src/extension/claims/treeNodes';

/** Lists `result` as the tree does, with the page at offset `at` expanded: the nodes VS Code is given. */
export function listAsShown(result: DocumentPassages, display: (key: string) => string, memo: PassageMemo | undefined, at: number): TreeNodeData[] {
  const order = passageOrder(result);
  const pages = pageNodes(result, order, display);
  if (!pages) return passageNodes(result, order, 0, order.length, display, memo);
  const k = Math.max(0, passageIndexAt(result, order, at));
  const from = k - (k % PAGE_SIZE);
  return pages.concat(passageNodes(result, order, from, from + PAGE_SIZE, display, memo));
}

/** How many rows a listing gives VS Code, and their size as JSON (what the extension host sends the window, about). */
export function rowsSize(nodes: readonly TreeNodeData[]): string {
  // (The fields ClaimsTree.getTreeItem gives a row: not the passage's facts, which stay in the extension host.)
  const rows = nodes.map(n => ({ id: n.id, label: n.label, description: n.description, tooltip: n.tooltip, icon: n.icon, iconColor: n.iconColor, accessibility: n.accessibilityLabel, command: n.command, expandable: n.expandable }));
  return `${nodes.length.toLocaleString('en-US')} rows, ${(Buffer.byteLength(JSON.stringify(rows)) / 1e3).toFixed(0)} KB as JSON`;
}
