/**
 * `writeReportLines` encodes the pieces into one buffer and writes it when the next might not fit, and
 * `writeReportPieces` into two, one written while the other fills: the file holds exactly the pieces' UTF-8, one after
 * the other, whatever their sizes and characters; a failure leaves the old report and no temporary file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutError, writeReportLines, writeReportPieces } from '../../src/cli/output';

for (const [name, write] of [['one buffer', async (f: string, p: Iterable<string>) => writeReportLines(f, p)], ['two buffers', writeReportPieces]] as const) describe(`the report written in pieces (${name})`, () => {
  let dir = '';
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-write-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const written = async (pieces: string[]) => {
    const file = path.join(dir, 'report.json');
    await write(file, pieces);
    return fs.readFileSync(file);
  };

  it('holds the pieces in order, with characters of one to four bytes and a lone surrogate', async () => {
    const pieces = ['{\n "a": "plain"', ', "é": "café – “quoted”"', ', "emoji": "🚢⚓"', ', "lone": "\ud800"', '', '\n}\n'];
    assert.deepEqual(await written(pieces), Buffer.from(pieces.join('')));
  });

  it('holds pieces larger than its buffer, and many small ones around them, byte for byte', async () => {
    // Past the buffer (256 KiB) many times over, in code units and in bytes, pieces that fill it unevenly before and after.
    const big = 'ü'.repeat(1_500_000) + '🚢'.repeat(300_000);
    const small = Array.from({ length: 5000 }, (_, k) => `{"k": ${k}, "t": "${'é'.repeat(k % 300)}"},\n`);
    const pieces = [...small.slice(0, 2500), big, ...small.slice(2500), 'x'.repeat(1_400_000), '€'.repeat(1_398_101), '\n'];
    const bytes = await written(pieces);
    const expected = Buffer.from(pieces.join(''));
    assert.equal(bytes.length, expected.length);
    assert.ok(bytes.equals(expected), 'the same bytes');
  });

  it('leaves the old report, and no temporary file, when making a piece fails after buffers were written', async () => {
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'old report');
    function* failing(): Generator<string> {
      for (let k = 0; k < 40; k++) yield 'é'.repeat(100_000);
      throw new Error('a document could not be written');
    }
    await assert.rejects(write(file, failing()), (e: unknown) => e instanceof OutError && /a document could not be written/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'old report');
    assert.deepEqual(fs.readdirSync(dir), ['report.json']);
  });
});
