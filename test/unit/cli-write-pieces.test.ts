/**
 * `writeReportLines` encodes the pieces into one buffer and writes it when the next might not fit: the file holds
 * exactly the pieces' UTF-8, one after the other, whatever their sizes and characters.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeReportLines } from '../../src/cli/output';

describe('the report written in pieces', () => {
  let dir = '';
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-write-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const written = (pieces: string[]) => {
    const file = path.join(dir, 'report.json');
    writeReportLines(file, pieces);
    return fs.readFileSync(file);
  };

  it('holds the pieces in order, with characters of one to four bytes and a lone surrogate', () => {
    const pieces = ['{\n "a": "plain"', ', "é": "café – “quoted”"', ', "emoji": "🚢⚓"', ', "lone": "\ud800"', '', '\n}\n'];
    assert.deepEqual(written(pieces), Buffer.from(pieces.join('')));
  });

  it('holds pieces larger than its buffer, and many small ones around them, byte for byte', () => {
    // Past the buffer (256 KiB) many times over, in code units and in bytes, pieces that fill it unevenly before and after.
    const big = 'ü'.repeat(1_500_000) + '🚢'.repeat(300_000);
    const small = Array.from({ length: 5000 }, (_, k) => `{"k": ${k}, "t": "${'é'.repeat(k % 300)}"},\n`);
    const pieces = [...small.slice(0, 2500), big, ...small.slice(2500), 'x'.repeat(1_400_000), '€'.repeat(1_398_101), '\n'];
    const bytes = written(pieces);
    const expected = Buffer.from(pieces.join(''));
    assert.equal(bytes.length, expected.length);
    assert.ok(bytes.equals(expected), 'the same bytes');
  });
});
