// Shared helpers of the integration suite: the fixture manifest written by the
// driver, the extension's test API, the CLI's view of the same files.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisOutput, DocumentResult } from '../../src/core/types';
import type { DecorationKind, OffsetRange, SourceLensApi } from '../../src/extension/testApi';
import { TEST_HOOKS_ENV, type TestHooks } from '../../src/worker/testHooks';

export const EXTENSION_ID = 'source-lens.source-lens';

/** What test/vscode/workspace.mjs wrote next to the workspace. */
export interface Manifest {
  workspace: string;
  cli: string;
  expected: string | null;
  maxFileSize: { key: string; value: number; bytes: number };
  fixtures: { mixed: string; binary: string; oversize: string };
}

let manifestCache: Manifest | undefined;
export function manifest(): Manifest {
  if (manifestCache) return manifestCache;
  const file = process.env.SOURCE_LENS_TEST_MANIFEST;
  if (!file) throw new Error('SOURCE_LENS_TEST_MANIFEST is not set: run the suite through npm run test:integration');
  manifestCache = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return manifestCache;
}

/** The workspace folder's URI (a vscode-remote: URI under code-server). */
export function workspaceUri(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

/** URI of a workspace-relative path. */
export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceUri(), ...rel.split('/'));
}

/** The seed file names in the workspace, sorted. */
export function seedNames(): string[] {
  return fs.readdirSync(manifest().workspace).filter(f => /^\d{3}_.*\.txt$/.test(f)).sort();
}

export function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms));
}

/** Polls until `fn` returns a truthy value; fails with `what` after `timeoutMs`. */
const STILL_WAITING = Symbol('still waiting');

export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      // A check that itself never settles (a whenIdle() behind a stuck request) is cut at the deadline too, so the
      // failure names what was awaited instead of ending in mocha's anonymous time-out.
      const v = await Promise.race([fn(), sleep(Math.max(0, deadline - Date.now()) + 50).then(() => STILL_WAITING)]);
      if (v === STILL_WAITING) last = new Error('the check itself did not settle');
      else if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

/** The extension, once active (activation itself is triggered by opening a file). */
export async function api(): Promise<SourceLensApi> {
  const ext = vscode.extensions.getExtension<SourceLensApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Opens a workspace file in the editor and waits until the extension is idle. */
export async function open(rel: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
  const a = await api();
  await a.whenIdle();
  return editor;
}

/** Waits until the extension shows decorations for a document (any kind), then for idle. */
export async function decorated(uri: vscode.Uri): Promise<Record<DecorationKind, OffsetRange[]>> {
  const a = await api();
  return waitFor(`decorations on ${uri.path}`, async () => {
    await a.whenIdle();
    const d = a.decorations(uri.toString());
    return Object.values(d).some(r => r.length > 0) ? d : undefined;
  });
}

/** Closes every editor, reverting unsaved edits. */
export async function closeAll(): Promise<void> {
  // Closing a dirty editor would ask to save, and dialogs are refused under test.
  for (const doc of vscode.workspace.textDocuments.filter(d => d.isDirty && d.uri.scheme !== 'output')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

let cliCache: AnalysisOutput | undefined;
/** The CLI's analysis of the whole workspace (the corpus the extension indexes). */
export function cliOutput(): AnalysisOutput {
  if (cliCache) return cliCache;
  const m = manifest();
  const json = m.expected && fs.existsSync(m.expected)
    ? fs.readFileSync(m.expected, 'utf8')
    : execFileSync(process.execPath, [m.cli, 'analyze', '--format', 'json', '--max-file-size', String(m.maxFileSize.bytes), '.'],
      { cwd: m.workspace, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  cliCache = JSON.parse(json) as AnalysisOutput;
  return cliCache;
}

/** The CLI's result for one workspace-relative path. */
export function cliDocument(rel: string): DocumentResult {
  const m = manifest();
  const want = path.resolve(m.workspace, rel);
  const doc = cliOutput().documents.find(d => path.resolve(m.workspace, d.path) === want);
  assert.ok(doc, `the CLI analysed ${rel}`);
  return doc;
}

/**
 * The CLI's result for one workspace-relative path when some files hold other
 * texts (an unsaved edit): the workspace is copied aside with those texts.
 */
export function cliDocumentWith(rel: string, texts: Record<string, string>): DocumentResult {
  const m = manifest();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-edited-'));
  try {
    fs.cpSync(m.workspace, dir, { recursive: true });
    for (const [file, text] of Object.entries(texts)) fs.writeFileSync(path.join(dir, file), text);
    const json = execFileSync(process.execPath, [m.cli, 'analyze', '--format', 'json', '--max-file-size', String(m.maxFileSize.bytes), '.'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    const doc = (JSON.parse(json) as AnalysisOutput).documents.find(d => path.resolve(dir, d.path) === path.resolve(dir, rel));
    assert.ok(doc, `the CLI analysed ${rel}`);
    return doc;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Sorted, de-duplicated `start-end` strings, for comparing range sets with readable diffs. */
export function rangeKeys(rs: readonly OffsetRange[]): string[] {
  return [...new Set(rs.map(r => `${r.start}-${r.end}`))].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
}

/** The entity types highlighted by default (MISC is off unless configured). */
export const DEFAULT_ENTITY_KINDS: readonly DecorationKind[] = ['person', 'org', 'place', 'date', 'number'];

/** What the CLI says each decoration kind should cover in a document, with default settings. */
export function expectedDecorations(doc: DocumentResult): Partial<Record<DecorationKind, string[]>> {
  const out: Partial<Record<DecorationKind, string[]>> = {
    quote: rangeKeys(doc.quotes),
    repeat: rangeKeys(doc.duplicates.filter(d => d.kind === 'repeat')),
    shared: rangeKeys(doc.duplicates.filter(d => d.kind === 'shared')),
  };
  for (const k of DEFAULT_ENTITY_KINDS) {
    out[k] = rangeKeys(doc.entities.filter(e => e.type.toLowerCase() === k));
  }
  return out;
}

/**
 * Runs a new index worker with test hooks (src/worker/testHooks.ts), or none
 * (null): they go into the extension host's environment, which a new worker
 * inherits, and the index is rebuilt with a new worker (the refresh command).
 */
export async function useTestHooks(hooks: TestHooks | null): Promise<void> {
  if (hooks) process.env[TEST_HOOKS_ENV] = JSON.stringify(hooks);
  else delete process.env[TEST_HOOKS_ENV];
  await vscode.commands.executeCommand('sourceLens.refresh');
  await (await api()).whenIdle();
}

/** Sets a `sourceLens.*` setting in the workspace (undefined: removes it) and waits until the extension is idle. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('sourceLens').update(key, value, vscode.ConfigurationTarget.Workspace);
  await sleep(100);
  await (await api()).whenIdle();
}

/** Writes a file into the workspace (folders made as needed) and returns its path. */
export function writeWorkspaceFile(rel: string, text: string): string {
  const file = path.join(manifest().workspace, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Waits until the workspace index holds (or, with `present` false, no longer holds) a workspace-relative path, as the Claims tree lists it. */
export async function indexed(rel: string, present = true): Promise<void> {
  const a = await api();
  await waitFor(`${rel} ${present ? 'in' : 'out of'} the index`, async () => {
    await a.whenIdle();
    return (await a.treeRoots()).some(r => r.path === rel) === present;
  });
}

/** An editor's selection as UTF-16 offsets. */
export const selectedOffsets = (e: vscode.TextEditor) => ({ start: e.document.offsetAt(e.selection.start), end: e.document.offsetAt(e.selection.end) });
