import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, indexed, manifest, open, seedNames, setSetting, sleep, waitFor, writeWorkspaceFile } from './helpers';

/** Lines dense with names, places, dates and numbers, every line different; a blank line every 20. */
function densePage(chars: number): string {
  const names = ['Anna Berg', 'Tomas Varga', 'Leila Haddad', 'Pedro Alves', 'Mina Sato'];
  const places = ['Geneva', 'Lagos', 'Osaka', 'Porto', 'Tallinn'];
  const lines: string[] = [];
  for (let i = 0, size = 0; size < chars; i++) {
    const line = `${names[i % 5]} met ${names[(i + 2) % 5]} in ${places[i % 5]} on ${1 + (i % 28)} March 2022, and ${1000 + i} people watched item ${i}.`;
    lines.push(line);
    size += line.length + 1;
    if (i % 20 === 19) lines.push('');
  }
  return lines.join('\n') + '\n';
}

describe('limits: partial analyses, dense documents, huge documents', function () {
  this.timeout(120_000);
  const created: string[] = [];
  afterEach(async () => {
    await closeAll();
    for (const f of created.splice(0)) fs.rmSync(f, { force: true, recursive: true });
  });
  after(async () => {
    await setSetting('maxSpansPerKind', undefined);
  });

  it('a partial analysis is said once per document: a notice, the hover, the status bar and the tree', async () => {
    const rel = 'fixtures/quote-marks.txt';
    created.push(writeWorkspaceFile(rel, 'A headline\n\n' + '"'.repeat(6000) + '\n'));
    await indexed(rel);
    const a = await api();
    const before = a.messages().length;
    const editor = await open(rel);
    const uri = editor.document.uri.toString();
    const state = await waitFor('the document held', () => (a.documentState(uri).partial ? a.documentState(uri) : undefined));
    assert.match(state.partial!, /quote attribution stopped at its work budget/);
    const notices = () => a.messages().slice(before).filter(m => m.includes('analysed only part of') && m.includes(rel));
    await waitFor('the notice', () => notices().length === 1);
    assert.match(notices()[0], /quote attribution stopped at its work budget/);
    const quote = a.decorations(uri).quote[0];
    assert.ok(quote, 'the quotes found before the budget ran out are highlighted');
    const hover = a.hoverText(uri, quote.start + 1);
    assert.ok(hover.some(h => /Partial analysis/.test(h)), hover.join(' | '));
    assert.match(a.statusText(), /^\$\(warning\) /, 'the status bar says so');
    const root = (await a.treeRoots()).find(r => r.path === rel);
    assert.match(root!.description, /partial/);
    await closeAll();
    await open(rel);
    await sleep(300);
    await a.whenIdle();
    assert.equal(notices().length, 1, 'one notice per document, not one per opening');
  });

  it(`a kind with more spans than sourceLens.maxSpansPerKind stays off there, with one notice, until "Show All Highlights"`, async () => {
    const rel = 'fixtures/dense.txt';
    created.push(writeWorkspaceFile(rel, densePage(30_000)));
    await setSetting('maxSpansPerKind', 150);
    await indexed(rel);
    const a = await api();
    const before = a.messages().length;
    const editor = await open(rel);
    const uri = editor.document.uri.toString();
    const hidden = await waitFor('dense kinds held back', () => (a.documentState(uri).hiddenKinds.length ? a.documentState(uri).hiddenKinds : undefined));
    assert.deepEqual(hidden, ['person', 'place', 'date', 'number'], 'the densest kinds');
    const notices = () => a.messages().slice(before).filter(m => m.includes('sourceLens.maxSpansPerKind') && m.includes(rel));
    await waitFor('the notice', () => notices().length === 1);
    assert.match(notices()[0], /left person, place, date, number highlights off/);
    const off = a.decorations(uri);
    for (const k of hidden) assert.deepEqual(off[k], [], `${k} off`);
    assert.match(a.statusText(), /.+/);
    await vscode.commands.executeCommand('sourceLens.showAllHighlights');
    const on = await waitFor('shown anyway', () => (a.decorations(uri).person.length > 150 ? a.decorations(uri) : undefined));
    for (const k of hidden) assert.ok(on[k].length > 150, `${k} shown: ${on[k].length}`);
    assert.deepEqual(a.documentState(uri).hiddenKinds, []);
    assert.equal(notices().length, 1, 'one notice');
  });

  it('of a huge document only the visible part and a margin is fetched, and scrolling fetches the rest', async () => {
    await setSetting('maxFileSize', 8 * 1024 * 1024);
    try {
      const rel = 'fixtures/huge.txt';
      const text = densePage(1_500_000);
      created.push(writeWorkspaceFile(rel, text));
      await indexed(rel);
      const a = await api();
      const editor = await open(rel);
      const uri = editor.document.uri.toString();
      assert.equal(editor.document.getText().length, text.length);
      await waitFor('the dense kinds held back', () => a.documentState(uri).hiddenKinds.includes('person'));
      await vscode.commands.executeCommand('sourceLens.showAllHighlights');
      const top = await waitFor('every kind shown', async () => {
        await a.whenIdle();
        const d = a.decorations(uri);
        return d.person.length && d.date.length ? d : undefined;
      });
      const window = a.documentState(uri).window!;
      assert.ok(window.length >= 1 && window[0].start === 0 && window[window.length - 1].end < 200_000, `the top of the page: ${JSON.stringify(window)}`);
      const all = Object.values(top).flat();
      assert.ok(all.every(r => r.end <= window[window.length - 1].end), 'decorations only in the window');
      console.log(`${all.length} decorations set for a window of ${window[window.length - 1].end} of ${text.length} characters`);

      const end = editor.document.positionAt(text.length - 10);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenter);
      const moved = await waitFor('the window follows the scroll', async () => {
        await a.whenIdle();
        const w = a.documentState(uri).window;
        return w && w[w.length - 1].end === text.length ? w : undefined;
      });
      assert.ok(moved[0].start > 1_000_000, `the end of the page: ${JSON.stringify(moved)}`);
      const bottom = a.decorations(uri);
      const shown = Object.values(bottom).flat();
      assert.ok(bottom.person.length > 0, `people highlighted at the end of the page: ${JSON.stringify(Object.fromEntries(Object.entries(bottom).map(([k, v]) => [k, v.length])))}`);
      assert.ok(shown.every(r => r.end > moved[0].start), 'and only there');
    } finally {
      await setSetting('maxFileSize', manifest().maxFileSize.value);
    }
  });

  it('a huge article just opened shows the part on screen first (a preview), then the whole analysis', async function () {
    // (Each wait below has its own limit and names itself; the test's limit is above the longest of them, so a slow
    // machine fails on a named wait with the extension's last log lines, never on an anonymous time-out.)
    this.timeout(240_000);
    await setSetting('maxFileSize', 8 * 1024 * 1024);
    await setSetting('maxSpansPerKind', undefined); // (a test above lowers it: the default shows every kind here)
    try {
      await previewThenWhole();
    } catch (err) {
      const a = await api();
      throw new Error(`${err instanceof Error ? err.message : err}\n      the extension's last log lines: ${a.logged().slice(-12).join(' | ')}`);
    } finally {
      await setSetting('maxFileSize', manifest().maxFileSize.value);
    }
  });

  async function previewThenWhole(): Promise<void> {
    const a = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-preview-'));
    created.push(dir);
    const file = path.join(dir, 'long-article.txt');
    // Distinct paragraphs of news (the seeds, their numbers changed on each copy): about 400 KB.
    const seeds = seedNames().map(n => fs.readFileSync(path.join(manifest().workspace, n), 'utf8').replace(/\r\n?/g, '\n'));
    const parts: string[] = [];
    for (let k = 0, n = 0; n < 400_000; k++) {
      parts.push(seeds[k % seeds.length].replace(/\d+/g, d => String(Number(d) + k)));
      n += parts[parts.length - 1].length;
    }
    fs.writeFileSync(file, parts.join('\n\n'));
    const before = a.previewsShown().count;
    // Opened at a line in the middle (as a search result or "go to" opens it): the preview is of that part.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const middle = doc.positionAt(Math.floor(doc.getText().length / 2));
    await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(middle, middle) });
    const uri = doc.uri.toString();
    await waitFor('a preview shown', () => a.previewsShown().count > before, 60_000).catch(err => {
      throw new Error(`${err instanceof Error ? err.message : err}; the log: ${a.logged().slice(-8).join(' | ')}`);
    });
    const state = await waitFor('the whole analysis in its place', async () => {
      await a.whenIdle();
      const s = a.documentState(uri);
      return s.window && !s.preview ? s : undefined;
    }, 60_000);
    const d = a.decorations(uri);
    assert.ok(d.quote.length > 0, `quotes highlighted (kinds left off: ${a.documentState(uri).hiddenKinds.join(', ') || 'none'})`);
    const end = state.window![state.window!.length - 1].end;
    assert.ok(Object.values(d).flat().every(r => r.start < end), 'only what meets the window fetched');
    assert.equal(a.previewsShown().count, before + 1, 'one preview for one opening');
    const shown = a.previewsShown().last!;
    assert.equal(shown.key, uri);
    const at = doc.offsetAt(middle);
    assert.ok(shown.window.some(w => w.start < at && at < w.end), `the preview is of the part on screen (offset ${at}): ${JSON.stringify(shown.window)}`);

    // The article's passages listed in the Claims tree (it keeps the result they came from).
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    await waitFor('the article in the Claims tree', async () => (await a.treeRoots()).find(r => r.uri === uri), 60_000);
    await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(middle, middle) });
    // Its passages asked for as VS Code asks for an expanded source's, after a quiet spell (a listing of a change forgets
    // them until they are asked for again).
    let quiet = { count: -1, since: 0 };
    await waitFor('no listing of the tree for a second', async () => {
      await a.whenIdle();
      const count = a.treeRefreshes().count;
      if (count !== quiet.count) quiet = { count, since: Date.now() };
      return Date.now() - quiet.since > 1_000;
    }, 60_000);
    // (Thousands of passages: listed in pages, whose passages VS Code asks for when one is expanded.)
    const pages = await a.treeChildren(a.treeShownSource(uri)!);
    assert.ok(pages.length > 1 && pages.every(p => p.type === 'page'), `its passages listed in pages: ${pages.length}, ${pages[0]?.type}`);
    const listedBefore = (await Promise.all(pages.map(p => a.treeChildren(p)))).flat().length;
    assert.ok(listedBefore > 500, `its claims and quotes listed: ${listedBefore}`);

    // An edit: a quote typed where the cursor is. A preview comes first (the last result moved past the edit, the
    // edited paragraph analysed again), then the exact result; the typed quote is highlighted, and the Claims tree
    // lists it from the preview, before the exact result.
    const listings = a.treeRefreshes().count;
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri);
    const typed = ' “The convoy turned back at the river,” said Odile Varga.';
    const para = doc.getText().indexOf('\n\n', at);
    assert.ok(para > 0, 'a paragraph ends after the cursor');
    const shownBefore = a.previewsShown().count;
    assert.ok(await editor.edit(e => e.insert(doc.positionAt(para), typed)), 'the edit applied');
    const quoteAt = para + typed.indexOf('“');
    await waitFor('a preview of the edit', () => a.previewsShown().count > shownBefore, 60_000);
    const edited = a.previewsShown().last!;
    assert.ok(edited.window.some(w => w.start < quoteAt && quoteAt < w.end), `the edit's preview covers the edit (offset ${quoteAt}): ${JSON.stringify(edited.window)}`);
    // An edit's preview (the last result moved, the edited paragraph analysed again), not the part on screen analysed alone.
    assert.ok(edited.edited && edited.edited.start <= quoteAt && quoteAt < edited.edited.end, `the edited paragraph is the part analysed again: ${JSON.stringify(edited.edited)}`);
    assert.ok(edited.edited.end - edited.edited.start < 20_000, 'and only it, not the window');
    const fromPreview = await waitFor('the Claims tree listing the edit from its preview', () => {
      const r = a.treeRefreshes();
      return r.recent.slice(-Math.min(16, r.count - listings)).find(l => l.preview && l.keys !== 'all' && l.keys.includes(uri));
    }, 60_000);
    // (The preview itself holds only what the editor's window shows, a few percent of the page.)
    assert.ok(fromPreview.passages !== undefined && fromPreview.passages > listedBefore * 0.9, `all its passages listed from the preview: ${JSON.stringify(fromPreview)} of ${listedBefore}`);
    const shownSource = a.treeShownSource(uri)!;
    assert.ok(/\d+ quotes?/.test(shownSource.description), shownSource.description);
    await waitFor('the typed quote highlighted by the exact result', async () => {
      await a.whenIdle();
      const s = a.documentState(uri);
      return s.window && !s.preview && a.decorations(uri).quote.some(r => r.start <= quoteAt + 1 && quoteAt + 5 < r.end) ? s : undefined;
    }, 60_000);
    // The tree's passages, once listed again from the exact result, hold the typed quote too.
    const typedListed = await waitFor('the typed quote in the Claims tree', async () => {
      const kids = a.treeShownPassages(uri) ?? (await Promise.all((await a.treeChildren(a.treeShownSource(uri)!)).map(p => a.treeChildren(p)))).flat();
      return kids.find(k => k.start !== undefined && k.start <= quoteAt + 1 && quoteAt + 5 < k.end!);
    }, 60_000);
    assert.match(typedListed.label, /convoy turned back/);
    // The cursor in the typed quote: the tree follows it into its page.
    editor.selection = new vscode.Selection(doc.positionAt(quoteAt + 3), doc.positionAt(quoteAt + 3));
    const followed = await waitFor('the tree following the cursor into a page', async () => {
      await a.whenIdle();
      return a.treeFollowed() === typedListed.id ? a.treeFollowed() : undefined;
    }, 30_000).catch(() => a.treeFollowed());
    assert.equal(followed, typedListed.id, 'the typed quote revealed');
  }
});
