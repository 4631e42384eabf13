import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecorationKind } from '../../src/extension/testApi';
import { api, cliDocument, cliDocumentWith, closeAll, expectedDecorations, fileUri, open, rangeKeys, waitFor } from './helpers';

const EDITED = '000_6f759d22c02cc351.txt';
/** Shares passages with 000 (the AP story): its shared ranges change when 000 loses its text. */
const SHOWN = '003_99dd64a71bfd4d8d.txt';
/** Also shares passages with 000, but is not shown during the edit. */
const HIDDEN = '004_7bdc0b2365966776.txt';
const REPLACEMENT = 'Nothing to see here.';

/** Waits until a document's decorations are those the CLI gives for `doc`. */
async function decoratedAs(uri: vscode.Uri, doc: ReturnType<typeof cliDocument>, what: string) {
  const a = await api();
  const want = expectedDecorations(doc);
  const kinds = Object.keys(want) as DecorationKind[];
  const got = await waitFor(what, async () => {
    await a.whenIdle();
    const d = a.decorations(uri.toString());
    return kinds.every(k => rangeKeys(d[k]).join() === want[k]!.join()) ? d : undefined;
  }, 20_000).catch(() => a.decorations(uri.toString()));
  for (const k of kinds) assert.deepEqual(rangeKeys(got[k]), want[k], `${what}: ${k} ranges`);
}

describe('an edit in one source', () => {
  afterEach(closeAll);

  it('re-highlights the edited document and the other sources whose results it changed, shown or not', async () => {
    const shown = await open(SHOWN);
    await decoratedAs(shown.document.uri, cliDocument(SHOWN), `${SHOWN} as the CLI has it`);
    const before = (await api()).decorations(shown.document.uri.toString());
    const edited = await open(EDITED, vscode.ViewColumn.Two);
    await decoratedAs(edited.document.uri, cliDocument(EDITED), `${EDITED} as the CLI has it`);

    const whole = new vscode.Range(edited.document.positionAt(0), edited.document.positionAt(edited.document.getText().length));
    assert.ok(await edited.edit(b => b.replace(whole, REPLACEMENT)), 'edit applied');
    const texts = { [EDITED]: REPLACEMENT };
    await decoratedAs(edited.document.uri, cliDocumentWith(EDITED, texts), 'the edited document re-highlighted');
    const other = cliDocumentWith(SHOWN, texts);
    assert.notDeepEqual(rangeKeys(other.duplicates.filter(d => d.kind === 'shared')), rangeKeys(before.shared), `${SHOWN} shares less with ${EDITED} once its text is gone`);
    await decoratedAs(shown.document.uri, other, `${SHOWN}, not edited, re-highlighted after the edit of ${EDITED}`);

    // A source that was not shown during the edit shows the new results when it is opened.
    const hidden = await open(HIDDEN, vscode.ViewColumn.Three);
    await decoratedAs(hidden.document.uri, cliDocumentWith(HIDDEN, texts), `${HIDDEN}, opened after the edit`);

    await vscode.window.showTextDocument(edited.document, vscode.ViewColumn.Two);
    await vscode.commands.executeCommand('undo');
    await waitFor('the edit undone', () => edited.document.getText().length === cliDocument(EDITED).length);
    await decoratedAs(shown.document.uri, cliDocument(SHOWN), `${SHOWN} after the undo`);
    await decoratedAs(fileUri(HIDDEN), cliDocument(HIDDEN), `${HIDDEN} after the undo`);
  });
});
