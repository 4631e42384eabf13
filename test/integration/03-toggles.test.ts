import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecorationKind } from '../../src/extension/testApi';
import { DEFAULT_ENTITY_KINDS, api, closeAll, decorated, open, rangeKeys, waitFor } from './helpers';

const FILE = '004_7bdc0b2365966776.txt';

describe('toggle commands', () => {
  afterEach(closeAll);

  const cases: { command: string; kinds: readonly DecorationKind[] }[] = [
    { command: 'sourceLens.toggleQuotes', kinds: ['quote'] },
    { command: 'sourceLens.toggleDuplicates', kinds: ['repeat', 'shared'] },
    { command: 'sourceLens.toggleEntities', kinds: DEFAULT_ENTITY_KINDS },
  ];
  for (const c of cases) {
    it(`${c.command} clears ${c.kinds.join('/')} and nothing else, and brings it back`, async () => {
      const editor = await open(FILE);
      const a = await api();
      const uri = editor.document.uri.toString();
      const before = await decorated(editor.document.uri);
      assert.ok(c.kinds.some(k => before[k].length > 0), `${c.kinds.join('/')} shown before`);
      await vscode.commands.executeCommand(c.command);
      const off = await waitFor('kind cleared', async () => {
        await a.whenIdle();
        const d = a.decorations(uri);
        return c.kinds.every(k => d[k].length === 0) ? d : undefined;
      });
      for (const k of a.kinds) {
        if (!c.kinds.includes(k)) assert.deepEqual(rangeKeys(off[k]), rangeKeys(before[k]), `${k} untouched`);
      }
      await vscode.commands.executeCommand(c.command);
      const on = await waitFor('kind restored', async () => {
        await a.whenIdle();
        const d = a.decorations(uri);
        return c.kinds.every(k => d[k].length === before[k].length) ? d : undefined;
      });
      for (const k of c.kinds) assert.deepEqual(rangeKeys(on[k]), rangeKeys(before[k]), `${k} back`);
    });
  }
});
