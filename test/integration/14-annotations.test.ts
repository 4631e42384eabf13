// Issue 14: the reader's corrections and verdicts in .sourcelens/annotations.json,
// in the real VS Code. Trusted: every correction command writes the file and the
// views follow it; a correction survives an edit above it and a new index worker;
// Undo reverts the last one; a broken file is named by line and never
// overwritten. Restricted Mode: the commands write nothing and say why, and a file
// already there is still applied (read-only analysis).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentResult } from '../../src/core/types';
import { api, closeAll, decorated, fileUri, manifest, open, waitFor } from './helpers';

const FILE_2 = '002_b76a6e96b841aaa1.txt';
const FILE_4 = '004_7bdc0b2365966776.txt';
const annotationsPath = () => path.join(manifest().workspace, '.sourcelens', 'annotations.json');
const readAnnotations = () => (fs.existsSync(annotationsPath()) ? fs.readFileSync(annotationsPath(), 'utf8') : null);
const removeAnnotations = () => fs.rmSync(path.join(manifest().workspace, '.sourcelens'), { recursive: true, force: true });

/** The document's analysis as the views show it, once `ready` holds. */
async function resultWhen(rel: string, what: string, ready: (r: DocumentResult) => unknown): Promise<DocumentResult> {
  const a = await api();
  return waitFor(what, async () => {
    await a.whenIdle();
    const r = await a.result(fileUri(rel).toString());
    return r && ready(r) ? r : undefined;
  });
}

/** The Claims tree's item context menu as the installed extension declares it. */
function manifestMenus(): { command: string; when: string }[] {
  const ext = vscode.extensions.all.find(e => e.packageJSON?.name === 'source-lens')!;
  return ext.packageJSON.contributes.menus['view/item/context'];
}

const at = (rel: string, offset: number) => ({ uri: fileUri(rel).toString(), offset });
const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<boolean>(`sourceLens.${command}`, ...args);

async function cleanUp(): Promise<void> {
  await closeAll();
  const a = await api();
  // A file the test's command wrote a moment ago is removed only once the watcher has reported it: a creation and a
  // deletion close together can reach the watcher as no event at all, and the store would keep the file's entries.
  const written = fs.existsSync(annotationsPath()) ? fs.statSync(annotationsPath()).mtimeMs : null;
  if (written !== null) await waitFor('the watcher reported the annotations file', () => a.annotations().watchedAt >= Math.floor(written));
  removeAnnotations();
  // The watcher reports the deletion; the store reloads and the worker drops the corrections.
  await waitFor('annotations file dropped', async () => { await a.whenIdle(); return a.annotations().broken === null && a.annotations().entries === 0; });
}

if (vscode.workspace.isTrusted) {
  describe('annotations (issue 14): corrections and verdicts', function () {
    this.timeout(90_000);
    afterEach(cleanUp);

    it('Change Speaker… writes the file and the quote takes the new speaker (hover too); Undo reverts it', async () => {
      const editor = await open(FILE_2);
      await decorated(editor.document.uri);
      const a = await api();
      const before = await resultWhen(FILE_2, 'analysis of 002', r => r.quotes.some(q => q.speaker === 'Sergey Lavrov'));
      const q = before.quotes.find(x => x.speaker === 'Sergey Lavrov')!;
      assert.equal(await run('changeSpeaker', at(FILE_2, q.start + 2), 'Dmitry Peskov'), true);
      const file = readAnnotations();
      assert.ok(file, 'the annotations file was written');
      assert.match(file, /"kind": "speaker"/);
      assert.match(file, new RegExp(`"path": "${FILE_2}"`));
      const after = await resultWhen(FILE_2, 'the new speaker', r => r.quotes.find(x => x.start === q.start)?.speaker === 'Dmitry Peskov');
      assert.equal(after.quotes.find(x => x.start === q.start)!.attribution?.step, 'reader');
      assert.ok(a.hoverText(fileUri(FILE_2).toString(), q.start + 2).some(t => t.includes('Dmitry Peskov')), 'the hover names the new speaker');
      assert.equal(a.annotations().undoDepth, 1);

      assert.equal(await run('undoCorrection'), true);
      assert.equal(readAnnotations(), null, 'the file did not exist before the first correction');
      await resultWhen(FILE_2, 'the analysis\'s speaker back', r => r.quotes.find(x => x.start === q.start)?.speaker === 'Sergey Lavrov');
      assert.equal(a.annotations().undoDepth, 0);
    });

    it('Not a Quote at the cursor removes the highlight; Not an Entity and Alias of… change the entities', async () => {
      const editor = await open(FILE_2);
      const a = await api();
      const uri = editor.document.uri.toString();
      const d = await decorated(editor.document.uri);
      const q = d.quote[0];
      editor.selection = new vscode.Selection(editor.document.positionAt(q.start + 1), editor.document.positionAt(q.start + 1));
      assert.equal(await run('notAQuote'), true, 'acts at the cursor of the active editor');
      await waitFor('quote highlight gone', async () => { await a.whenIdle(); return !a.decorations(uri).quote.some(r => r.start === q.start); });

      const r = await resultWhen(FILE_2, 'entities', x => x.entities.length > 2);
      const ent = r.entities.find(e => e.type === 'PERSON' && e.canonical === 'Sergey Lavrov')!;
      assert.equal(await run('notAnEntity', at(FILE_2, ent.start)), true);
      await resultWhen(FILE_2, 'entity gone', x => !x.entities.some(e => e.start === ent.start));
      const place = r.entities.find(e => e.canonical === 'Ukraine')!;
      assert.equal(await run('aliasOf', at(FILE_2, place.start), 'Ukraine (country)'), true);
      const renamed = await resultWhen(FILE_2, 'alias applied', x => x.entities.some(e => e.canonical === 'Ukraine (country)'));
      assert.ok(!renamed.entities.some(e => e.canonical === 'Ukraine'));
      const text = readAnnotations()!;
      assert.match(text, /"kind": "not-quote"/);
      assert.match(text, /"kind": "not-entity"/);
      assert.match(text, /"name": "Ukraine",\n\s+"of": "Ukraine \(country\)"/);
      assert.equal(a.annotations().undoDepth, 3);
    });

    it('Not a Duplicate removes the pair at both ends', async () => {
      await open(FILE_2);
      const r = await resultWhen(FILE_2, 'shared passages', x => x.duplicates.some(d => d.kind === 'shared'));
      const dup = r.duplicates.find(x => x.kind === 'shared')!;
      assert.equal(await run('notADuplicate', at(FILE_2, dup.start)), true);
      await resultWhen(FILE_2, 'pair gone here', x => !x.duplicates.some(d => d.start === dup.start && d.other.path === dup.other.path && d.other.start === dup.other.start));
      const otherRel = path.posix.basename(vscode.Uri.parse(dup.other.path).path);
      await resultWhen(otherRel, 'pair gone there', x => !x.duplicates.some(d => d.start === dup.other.start && d.other.start === dup.start && d.other.path === fileUri(FILE_2).toString()));
    });

    it('Mark Verified, Mark False, Mark Needs Checking set the claim\'s verdict', async () => {
      await open(FILE_4);
      const r = await resultWhen(FILE_4, 'claims', x => x.claims.length > 5);
      // Claims that no other claim overlaps, so that the cursor names one.
      const alone = r.claims.filter(c => !r.claims.some(o => o !== c && o.start <= c.end && c.start <= o.end));
      assert.ok(alone.length >= 3);
      const [c1, c2, c3] = alone;
      const verdictOf = (x: DocumentResult, c: { start: number }) => x.claims.find(y => y.start === c.start)?.verdict;
      assert.equal(await run('markVerified', at(FILE_4, c1.start + 1)), true);
      assert.equal(await run('markFalse', at(FILE_4, c2.start + 1), 'wrong date'), true);
      assert.equal(await run('markNeedsChecking', at(FILE_4, c3.start + 1), 'ask the ministry'), true);
      const after = await resultWhen(FILE_4, 'verdicts', x => verdictOf(x, c3));
      assert.deepEqual(verdictOf(after, c1), { value: 'verified', note: null });
      assert.deepEqual(verdictOf(after, c2), { value: 'false', note: 'wrong date' });
      assert.deepEqual(verdictOf(after, c3), { value: 'needs-checking', note: 'ask the ministry' });
      assert.equal(after.claims.filter(c => c.verdict).length, 3);
      // Marking again replaces the verdict instead of adding one.
      assert.equal(await run('markVerified', at(FILE_4, c2.start + 1)), true);
      await resultWhen(FILE_4, 'verdict replaced', x => verdictOf(x, c2)?.value === 'verified');
      assert.equal(readAnnotations()!.match(/"kind": "verdict"/g)!.length, 3);
    });

    it('a verdict from the Claims tree\'s context menu (the item as argument) marks that claim', async () => {
      await open(FILE_4);
      const r = await resultWhen(FILE_4, 'claims', x => x.claims.length > 5);
      const c = r.claims.find(x => !r.claims.some(o => o !== x && o.start <= x.end && x.start <= o.end))!;
      assert.ok(c, 'a claim alone');
      // The shape of a tree item: its passage, not an offset.
      const item = { id: 'x', type: 'claim', uri: fileUri(FILE_4).toString(), start: c.start, end: c.end, facts: { links: [] } };
      assert.equal(await run('markFalse', item, 'from the tree'), true);
      const after = await resultWhen(FILE_4, 'verdict', x => x.claims.find(y => y.start === c.start)?.verdict);
      assert.deepEqual(after.claims.find(y => y.start === c.start)?.verdict, { value: 'false', note: 'from the tree' });
      const menus = manifestMenus();
      for (const id of ['markVerified', 'markFalse', 'markNeedsChecking']) {
        assert.ok(menus.some(m => m.command === `sourceLens.${id}` && m.when.includes('viewItem == claim')), `${id} in the claim items' context menu`);
      }
    });

    it('a correction survives an edit above it and a new index worker; one whose words change is orphaned', async () => {
      const editor = await open(FILE_2);
      const a = await api();
      const r = await resultWhen(FILE_2, 'quotes', x => x.quotes.some(q => q.speaker === 'Sergey Lavrov'));
      const q = r.quotes.find(x => x.speaker === 'Sergey Lavrov')!;
      assert.equal(await run('changeSpeaker', at(FILE_2, q.start), 'Dmitry Peskov'), true);
      await resultWhen(FILE_2, 'corrected', x => x.quotes.some(y => y.start === q.start && y.speaker === 'Dmitry Peskov'));
      const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const note = `Editor's note: this story was updated.${eol}${eol}`;
      assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), note)));
      await resultWhen(FILE_2, 'correction moved with its words', x => x.quotes.some(y => y.start === q.start + note.length && y.speaker === 'Dmitry Peskov'));
      await vscode.commands.executeCommand('sourceLens.refresh');
      await resultWhen(FILE_2, 'correction kept by a new worker', x => x.quotes.some(y => y.start === q.start + note.length && y.speaker === 'Dmitry Peskov'));
      assert.deepEqual(a.annotations().orphans, []);

      const s = q.start + note.length;
      assert.ok(await editor.edit(b => b.insert(editor.document.positionAt(s + 3), 'XYZ ')));
      await waitFor('orphan reported', async () => { await a.whenIdle(); return a.annotations().orphans.length === 1; });
      assert.match(a.annotations().orphans[0], /annotations\.json:\d+: orphaned, not applied: the speaker correction/);
      const now = await a.result(fileUri(FILE_2).toString());
      assert.ok(!now!.quotes.some(y => y.speaker === 'Dmitry Peskov'), 'an orphan is applied nowhere');
    });

    it('a broken file gets one message naming its line and is never overwritten', async () => {
      await open(FILE_4);
      const a = await api();
      const broken = '{\n  "version": 1,\n  "corrections": [\n    { "kind": "verdict" ,, }\n  ]\n}\n';
      fs.mkdirSync(path.dirname(annotationsPath()), { recursive: true });
      fs.writeFileSync(annotationsPath(), broken);
      await waitFor('broken file noticed', async () => { await a.whenIdle(); return a.annotations().broken; });
      assert.match(a.annotations().broken!, /annotations\.json:4:/);
      assert.ok(a.messages().some(m => /annotations\.json:4:/.test(m)), 'a message names the line');
      const r = await resultWhen(FILE_4, 'claims', x => x.claims.length > 1);
      assert.equal(await run('markFalse', at(FILE_4, r.claims[1].start + 1)), false);
      assert.equal(readAnnotations(), broken, 'the file is left as it was');
    });
  });
} else {
  describe('annotations (issue 14) in Restricted Mode', function () {
    this.timeout(90_000);
    afterEach(cleanUp);

    it('the correction commands write nothing and say why; a file already there is still applied', async () => {
      await open(FILE_2);
      const a = await api();
      const r = await resultWhen(FILE_2, 'quotes', x => x.quotes.some(q => q.speaker === 'Sergey Lavrov'));
      const q = r.quotes.find(x => x.speaker === 'Sergey Lavrov')!;
      for (const [command, ...args] of [['notAQuote', at(FILE_2, q.start)], ['changeSpeaker', at(FILE_2, q.start), 'X'], ['markVerified', at(FILE_2, r.claims[0].start)], ['undoCorrection']] as const) {
        const before = a.messages().length;
        assert.equal(await run(command, ...args), false, command);
        assert.ok(a.messages().slice(before).some(m => /Restricted Mode/.test(m)), `${command} says why it is disabled`);
      }
      assert.equal(readAnnotations(), null, 'nothing written');

      // Read-only: a file written by someone else is applied.
      const text = (await vscode.workspace.openTextDocument(fileUri(FILE_2))).getText();
      const ctx = (s: number, e: number) => ({ before: text.slice(Math.max(0, s - 40), s), after: text.slice(e, e + 40) });
      fs.mkdirSync(path.dirname(annotationsPath()), { recursive: true });
      fs.writeFileSync(annotationsPath(), JSON.stringify({
        version: 1,
        corrections: [{ kind: 'speaker', path: FILE_2, text: q.text, ...ctx(q.start, q.end), speaker: 'Dmitry Peskov', speakerType: 'PERSON' }],
      }, null, 2));
      await waitFor('the file read', async () => { await a.whenIdle(); return a.annotations().entries === 1; });
      await resultWhen(FILE_2, 'the file applied', x => x.quotes.some(y => y.start === q.start && y.speaker === 'Dmitry Peskov'));
    });
  });
}
