/**
 * The Claims view's commands: the toolbar switches (group, sort, filters) and the
 * item commands of its context menu ("Show in All Sources", "Copy as Citation").
 */
import * as vscode from 'vscode';
import { readCommandArg } from '../commandArgs';
import { TreeCommands } from '../ids';
import type { IndexClient } from '../index/IndexClient';
import { openPassage, toUri } from '../passages';
import type { ClaimNode, ClaimsTree } from './ClaimsTree';
import type { FilterName, GroupBy, SortBy } from './treeModel';
import { citation } from './treeNodes';

/** A passage as the item commands return it (tests read it): the document's URI string and offsets. */
export interface PassageRef {
  uri: string;
  start: number;
  end: number;
}

/** Registers the view's commands; returns their disposables. */
export function registerTreeCommands(tree: ClaimsTree, client: IndexClient): vscode.Disposable[] {
  const out: vscode.Disposable[] = [];
  const register = (id: string, fn: (...args: any[]) => unknown) => out.push(vscode.commands.registerCommand(id, fn));
  const group = (g: GroupBy) => () => tree.setOptions({ ...tree.options.current, group: g });
  const sort = (s: SortBy) => () => tree.setOptions({ ...tree.options.current, sort: s });
  const filter = (f: FilterName, on: boolean) => () => {
    const o = tree.options.current;
    return tree.setOptions({ ...o, filters: { ...o.filters, [f]: on } });
  };
  register(TreeCommands.groupBySource, group('source'));
  register(TreeCommands.groupBySpeaker, group('speaker'));
  register(TreeCommands.groupByEntity, group('entity'));
  register(TreeCommands.groupByClaim, group('claim'));
  register(TreeCommands.sortByPosition, sort('position'));
  register(TreeCommands.sortByCorroboration, sort('corroboration'));
  register(TreeCommands.filterUnique, filter('unique', true));
  register(TreeCommands.filterUniqueOff, filter('unique', false));
  register(TreeCommands.filterDisputed, filter('disputed', true));
  register(TreeCommands.filterDisputedOff, filter('disputed', false));
  register(TreeCommands.filterConflicts, filter('conflicts', true));
  register(TreeCommands.filterConflictsOff, filter('conflicts', false));
  register(TreeCommands.filterQuotesOnly, filter('quotesOnly', true));
  register(TreeCommands.filterQuotesOnlyOff, filter('quotesOnly', false));
  register(TreeCommands.clearFilters, () => tree.setOptions({ ...tree.options.current, filters: { unique: false, disputed: false, conflicts: false, quotesOnly: false } }));

  /** The node a command was run on: the tree passes the node; a test or keybinding may pass `{ id }` or an id. */
  const resolve = async (arg: unknown): Promise<ClaimNode | undefined> => {
    if (arg && typeof arg === 'object' && 'facts' in arg && 'parent' in arg) return arg as ClaimNode;
    const id = readCommandArg(arg)?.id;
    if (id) return tree.nodeById(id);
    return tree.view.selection[0];
  };

  register(TreeCommands.showInAllSources, async (arg?: unknown): Promise<PassageRef[]> => {
    const node = await resolve(arg);
    if (!node || node.start === undefined || node.end === undefined) return [];
    const refs: PassageRef[] = [{ uri: node.uri, start: node.start, end: node.end }];
    for (const l of node.facts?.links ?? []) {
      if (!refs.some(r => r.uri === l.path && r.start === l.start && r.end === l.end)) refs.push({ uri: l.path, start: l.start, end: l.end });
    }
    const found: { ref: PassageRef; location: vscode.Location }[] = [];
    for (const ref of refs) {
      try {
        const doc = await vscode.workspace.openTextDocument(toUri(ref.uri));
        found.push({ ref, location: new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end))) });
      } catch {
        // A file gone since the analysis: left out of the peek.
      }
    }
    if (!found.length) return [];
    await openPassage(node.uri, node.start, node.end);
    const first = found[0].location;
    await vscode.commands.executeCommand('editor.action.showReferences', first.uri, first.range.start, found.map(f => f.location));
    return found.map(f => f.ref);
  });

  register(TreeCommands.copyCitation, async (arg?: unknown): Promise<string | undefined> => {
    const node = await resolve(arg);
    if (!node) return undefined;
    const text = citation({ ...node, path: client.display(node.uri) });
    await vscode.env.clipboard.writeText(text);
    return text;
  });
  return out;
}
