import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, cliDocument, closeAll, open, seedNames, waitFor } from './helpers';

describe('claims tree', () => {
  afterEach(closeAll);

  it('lists every analysable source, sorted, without the skipped files', async () => {
    const a = await api();
    const roots = await waitFor('tree roots', async () => {
      await a.whenIdle();
      const r = await a.treeRoots();
      return r.length >= seedNames().length ? r : undefined;
    });
    const paths = roots.map(r => r.path);
    for (const s of seedNames()) assert.ok(paths.some(p => p.endsWith(s)), `${s} listed`);
    assert.ok(paths.some(p => p.endsWith('fixtures/mixed-line-ends.txt')), 'the mixed-line-ends fixture is listed');
    assert.ok(!paths.some(p => /binary-blob|too-large/.test(p)), 'skipped files are not listed');
    assert.deepEqual(paths, [...paths].sort(), 'sorted by path');
    for (const r of roots) assert.equal(r.type, 'source');
  });

  for (const name of ['000_6f759d22c02cc351.txt', '001_03d3abf5e2ddca13.txt', '004_7bdc0b2365966776.txt']) {
    it(`${name}: its claims and quotes are the CLI's, in reading order`, async () => {
      const a = await api();
      await a.whenIdle();
      const root = (await a.treeRoots()).find(r => r.path.endsWith(name));
      assert.ok(root, `${name} in the tree`);
      const kids = await a.treeChildren(root);
      const cli = cliDocument(name);
      const claims = kids.filter(k => k.type === 'claim').map(k => `${k.start}-${k.end}`);
      assert.deepEqual(claims.sort(), cli.claims.map(c => `${c.start}-${c.end}`).sort(), 'claim nodes = CLI claims');
      for (const q of cli.quotes) {
        const shown = kids.some(k => k.start! <= q.start && q.end <= k.end!);
        assert.ok(shown, `quote ${q.start}-${q.end} is under a node`);
      }
      const starts = kids.map(k => k.start!);
      assert.deepEqual(starts, [...starts].sort((x, y) => x - y), 'reading order');
      for (const k of kids) {
        assert.ok(k.label.trim().length > 0, 'a label');
        assert.equal(k.command?.command, 'sourceLens.openPassage');
      }
    });
  }

  it('labels put the corroboration badge and the speaker first; tooltips say everything', async () => {
    const a = await api();
    await a.whenIdle();
    const name = '001_03d3abf5e2ddca13.txt';
    const root = (await a.treeRoots()).find(r => r.path.endsWith(name));
    assert.ok(root);
    const kids = await a.treeChildren(root);
    const cli = cliDocument(name);
    let badged = 0;
    for (const k of kids.filter(x => x.type === 'claim')) {
      const c = cli.claims.find(x => x.start === k.start && x.end === k.end)!;
      const n = c.corroboratedBy.length, d = c.disputedBy.length;
      if (n) assert.ok(k.label.startsWith(`${n}✓`), `"${k.label}" starts with ${n}✓`);
      if (d) assert.ok(k.label.includes(`${d}✗`), `"${k.label}" shows ${d}✗`);
      if (!n && !d) assert.ok(!/^\d+[✓✗]/.test(k.label), `"${k.label}" has no badge`);
      if (n || d) badged++;
      if (c.kind === 'quote' && c.speaker) assert.ok(k.label.includes(`${c.speaker.slice(0, 20)}`), `"${k.label}" names ${c.speaker}`);
      assert.ok(k.tooltip.startsWith(c.text), 'the tooltip starts with the full claim text');
      assert.ok(k.tooltip.includes(c.status), 'the tooltip gives the status');
      if (c.status === 'disputed') assert.match(k.description, /disputed/);
    }
    console.log(`${badged} of ${kids.length} nodes of ${name} carry a corroboration badge`);
  });

  it('follows the editor cursor while the view is visible, even into a collapsed source', async () => {
    const a = await api();
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    const name = '002_b76a6e96b841aaa1.txt';
    const cli = cliDocument(name);
    // A claim that is the only node holding its second character (no overlapping claim or quote).
    const holds = (s: { start: number; end: number }, o: number) => s.start <= o && o <= s.end;
    const target = cli.claims.filter(c => c.start > 200).find(c =>
      !cli.claims.some(o => o !== c && holds(o, c.start + 1)) && !cli.quotes.some(q => holds(q, c.start + 1)));
    assert.ok(target, `${name} has a claim to follow`);
    const editor = await open(name);
    const at = editor.document.positionAt(target.start + 1);
    editor.selection = new vscode.Selection(at, at);
    const want = `${editor.document.uri.toString()}#claim:${target.start}-${target.end}`;
    const got = await waitFor('the tree followed the cursor', async () => {
      await a.whenIdle();
      const f = a.treeFollowed();
      return f && f.endsWith(`#claim:${target.start}-${target.end}`) ? f : undefined;
    }, 10_000).catch(() => a.treeFollowed());
    assert.equal(got, want, 'the claim under the cursor was revealed');
  });

  it("clicking a claim of another source opens that file with the passage selected", async () => {
    await open('004_7bdc0b2365966776.txt');
    const a = await api();
    const root = (await a.treeRoots()).find(r => r.path.endsWith('001_03d3abf5e2ddca13.txt'));
    assert.ok(root);
    const kids = await a.treeChildren(root);
    const node = kids.find(k => k.type === 'claim' && k.start! > 500) ?? kids[kids.length - 1];
    assert.ok(node?.command, 'a claim with a command');
    await vscode.commands.executeCommand(node.command.command, ...node.command.arguments);
    const editor = await waitFor('editor switched', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === root.uri ? e : undefined;
    });
    const doc = editor.document;
    assert.equal(doc.offsetAt(editor.selection.start), node.start);
    assert.equal(doc.offsetAt(editor.selection.end), node.end);
    const cli = cliDocument('001_03d3abf5e2ddca13.txt');
    const claim = cli.claims.find(c => c.start === node.start && c.end === node.end);
    assert.ok(claim, 'the node is a CLI claim');
    assert.equal(doc.getText(editor.selection), claim.text, 'the selection is the passage');
    const visible = editor.visibleRanges.some(r => r.contains(editor.selection.start));
    assert.ok(visible, 'the passage is scrolled into view');
  });
  it('changes made while the view is hidden are listed per source when it is shown, not as a new top level', async () => {
    // (A new top level makes VS Code forget its nodes' ids: a source expanded just then stayed expanded and empty.)
    const name = '003_99dd64a71bfd4d8d.txt';
    const editor = await open(name);
    const a = await api();
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    await a.treeRoots();
    await a.whenIdle();
    const shownBefore = a.treeShownSource(uri);
    assert.ok(shownBefore, 'the source is listed');
    await vscode.commands.executeCommand('workbench.view.explorer');
    // (The command resolves before the extension host hears that the view is hidden: an edit in between is listed at
    // once, as it should be while the view is visible. Under load in CI that made the count below differ.)
    await waitFor('the view hidden, as the extension sees it', () => (a.treeVisible() ? undefined : true));
    await a.whenIdle();
    const hiddenAt = a.treeRefreshes().count;
    const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const inserted = `“The harbour will stay open all winter,” said Mayor Ola Brenn on Friday.${eol}${eol}`;
    assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), inserted)));
    await waitFor('the edit analysed', async () => {
      await a.whenIdle();
      return a.decorations(uri).quote.some(r => r.start === 0) ? true : undefined;
    });
    assert.equal(a.treeRefreshes().count, hiddenAt, 'nothing is listed while the view is hidden');
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    const quotesIn = (d: string | undefined) => Number(/(\d+) quotes?/.exec(d ?? '')?.[1] ?? NaN);
    const listing = await waitFor('the hidden change listed when shown', async () => {
      await a.whenIdle();
      const r = a.treeRefreshes();
      const node = a.treeShownSource(uri);
      if (!(r.count > hiddenAt && node && quotesIn(node.description) > quotesIn(shownBefore.description))) return undefined;
      return r.recent.slice(-(r.count - hiddenAt)).find(l => l.keys !== 'all' && l.keys.includes(uri));
    });
    assert.equal(listing.how, 'sources', 'the changed source refreshed in place');
    await a.treeExpand(uri);
    const kids = await waitFor('its passages listed', async () => {
      await a.whenIdle();
      const k = a.treeShownPassages(uri);
      return k?.some(n => n.start === 0) ? k : undefined;
    });
    assert.ok(kids.length > 0);
  });
});
