import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecorationKind } from '../../src/extension/testApi';
import { api, cliDocument, closeAll, decorated, expectedDecorations, fileUri, open, rangeKeys, seedNames, waitFor } from './helpers';

describe('decorations match the CLI', () => {
  before(async () => {
    const a = await api();
    await a.whenIdle();
  });
  afterEach(closeAll);

  for (const name of ['000_6f759d22c02cc351.txt', '001_03d3abf5e2ddca13.txt', '002_b76a6e96b841aaa1.txt', '003_99dd64a71bfd4d8d.txt', '004_7bdc0b2365966776.txt']) {
    it(`${name}: every kind at the CLI's offsets`, async () => {
      assert.ok(seedNames().includes(name), `${name} is a seed`);
      const editor = await open(name);
      const a = await api();
      const uri = editor.document.uri.toString();
      const want = expectedDecorations(cliDocument(name));
      // The shared-duplicate and entity results settle once the workspace index is built.
      const got = await waitFor('decorations equal to the CLI', async () => {
        await a.whenIdle();
        const d = a.decorations(uri);
        return (Object.keys(want) as DecorationKind[]).every(k => rangeKeys(d[k]).join() === want[k]!.join()) ? d : undefined;
      }, 15_000).catch(() => a.decorations(uri));
      const text = editor.document.getText();
      const cli = cliDocument(name);
      assert.equal(text.length, cli.length, 'document length as the CLI counts it');
      for (const k of Object.keys(want) as DecorationKind[]) {
        assert.deepEqual(rangeKeys(got[k]), want[k], `${k} ranges`);
      }
      assert.deepEqual(got.misc, [], 'MISC is off by default');
      for (const q of cli.quotes) assert.equal(text.slice(q.start, q.end), q.text, 'quote text is the slice');
      for (const e of cli.entities) assert.equal(text.slice(e.start, e.end), e.text, 'entity text is the slice');
      assert.ok(got.quote.length > 0 && got.person.length > 0, 'quotes and people are highlighted');
    });
  }

  it('004 has quotes, entities and duplicates all shown at once', async () => {
    const editor = await open('004_7bdc0b2365966776.txt');
    const d = await decorated(editor.document.uri);
    assert.ok(d.quote.length > 0, 'quotes');
    assert.ok(d.repeat.length > 0, 'repeats (paragraph 2 repeats as 4)');
    assert.ok(d.shared.length > 0, 'passages shared with 000/002 (the AP story)');
    assert.ok(d.person.length + d.org.length + d.place.length > 0, 'entities');
  });

  it('hover on a quote names its speaker', async () => {
    const editor = await open('004_7bdc0b2365966776.txt');
    const a = await api();
    const q = cliDocument('004_7bdc0b2365966776.txt').quotes.find(x => x.speaker);
    assert.ok(q, 'the CLI attributes a quote in 004');
    const hovers = a.hoverText(editor.document.uri.toString(), q.start + 1);
    assert.ok(hovers.some(h => h.includes('Quote') && h.includes(q.speaker!)), `hover names ${q.speaker}: ${hovers.join(' | ')}`);
    // VS Code's own hover machinery asks the extension's provider too.
    const pos = editor.document.positionAt(q.start + 1);
    const provided = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    const md = provided.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : '')));
    assert.ok(md.some(s => s.includes(q.speaker!)), 'the registered hover provider names the speaker');
  });
});
