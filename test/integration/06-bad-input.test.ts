import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, cliDocument, cliOutput, closeAll, decorated, fileUri, manifest, open, rangeKeys, sleep, waitFor } from './helpers';
import type { DecorationKind } from '../../src/extension/testApi';

describe('awkward files', () => {
  afterEach(closeAll);

  it('mixed line ends: VS Code normalises them as the CLI does, and the offsets agree', async () => {
    const rel = 'fixtures/mixed-line-ends.txt';
    const raw = fs.readFileSync(manifest().fixtures.mixed, 'utf8');
    assert.ok(raw.includes('\r\n') && /\r(?!\n)/.test(raw) && /(?<!\r)\n/.test(raw), 'the fixture really mixes CRLF, CR and LF');
    const editor = await open(rel);
    const doc = editor.document;
    assert.equal(doc.eol, vscode.EndOfLine.CRLF, 'CR + CRLF are the majority: EOL is CRLF');
    assert.equal(doc.getText(), raw.replace(/\r\n|\r|\n/g, '\r\n'), 'every break rewritten to CRLF');
    const cli = cliDocument(rel);
    assert.equal(doc.getText().length, cli.length, 'same length as the CLI');
    const d = await decorated(doc.uri);
    assert.ok(cli.quotes.length >= 1, 'the CLI finds the quotes');
    assert.deepEqual(rangeKeys(d.quote), rangeKeys(cli.quotes), 'quote offsets');
    for (const k of ['person', 'org', 'place', 'date', 'number'] as DecorationKind[]) {
      assert.deepEqual(rangeKeys(d[k]), rangeKeys(cli.entities.filter(e => e.type.toLowerCase() === k)), `${k} offsets`);
    }
    for (const s of [...cli.quotes, ...cli.entities]) assert.equal(doc.getText().slice(s.start, s.end), s.text);
  });

  it('a binary file and an over-maxFileSize file: one clear message, no highlights, no error', async () => {
    const a = await api();
    await a.whenIdle();
    const skippedByCli = cliOutput().skipped.map(s => s.path);
    assert.ok(skippedByCli.some(p => p.includes('binary-blob')) && skippedByCli.some(p => p.includes('too-large')), 'the CLI skips both');

    // Open both in editors (VS Code may refuse the binary one as a text document).
    await open('fixtures/too-large.txt');
    try {
      await open('fixtures/binary-blob.txt', vscode.ViewColumn.Two);
    } catch { /* VS Code itself declined to open a binary file as text */ }
    await sleep(500);
    await a.whenIdle();

    const skipped = await waitFor('both skipped', () => {
      const s = a.skipped();
      return s.some(x => x.path.includes('binary-blob')) && s.some(x => x.path.includes('too-large')) ? s : undefined;
    });
    const big = skipped.find(x => x.path.includes('too-large'))!;
    assert.match(big.reason, /larger than/i);
    const bin = skipped.find(x => x.path.includes('binary-blob'))!;
    assert.match(bin.reason, /binary|UTF-8/i);

    const messages = a.messages();
    const aboutSkips = messages.filter(m => /skipped/i.test(m));
    assert.equal(aboutSkips.length, 1, `exactly one message about skipped files: ${messages.join(' | ')}`);
    assert.ok(!messages.some(m => /error|failed|exception/i.test(m)), `no error message: ${messages.join(' | ')}`);

    const note = await waitFor('the Claims view says files were skipped', () => a.treeMessage());
    assert.match(note, /\d+ files skipped \(.*too large/, note);
    assert.match(note, /binary|UTF-8/, note);

    const d = a.decorations(fileUri('fixtures/too-large.txt').toString());
    for (const k of a.kinds) assert.deepEqual(d[k], [], `no ${k} highlight on the skipped file`);
  });
});
