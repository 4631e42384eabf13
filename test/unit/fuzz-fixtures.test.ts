/**
 * The inputs the fuzz test kept (test/fixtures/fuzz/, see test/fuzz/fixtures.ts),
 * each analysed in a corpus with the seed articles: a file is read as the CLI
 * reads it (skipped only where the contract allows), a text is taken as an
 * editor gives it; nothing throws, and the output honours the contract. A fixture
 * that hits a bug of test/fuzz/known.ts is reported pending with the bug.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkContract } from '../contract/checkContract';
import { Corpus } from '../../src/core/corpus/corpus';
import { decode, DEFAULT_MAX_FILE_SIZE, normalizeEol } from '../../src/core/text/decode';
import { expectFile } from '../fuzz/expect';
import { loadFixtures } from '../fuzz/fixtures';
import { knownBug } from '../fuzz/known';

const seedDir = path.resolve(__dirname, '../../../seeds');
const seeds = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort()
  .map(f => ({ path: `seeds/${f}`, text: normalizeEol(fs.readFileSync(path.join(seedDir, f), 'utf8')) }));

describe('fuzz fixtures (test/fixtures/fuzz)', function () {
  this.timeout(60_000);
  const fixtures = loadFixtures();

  it('there are fixtures', () => {
    assert.ok(fixtures.length > 0);
  });

  for (const f of fixtures) {
    it(f.name, function () {
      // The text analysed, and the same as checkContract's readText wants it (before BOM drop and line-end rule).
      let text: string, given: string;
      if (f.bytes) {
        const expected = expectFile(f.bytes, DEFAULT_MAX_FILE_SIZE);
        const read = decode(f.bytes);
        if (!read.ok) {
          assert.notEqual(expected.analysable, 'yes', `skipped (${read.reason}), but it is ${expected.why}`);
          assert.ok(read.reason);
          return;
        }
        assert.notEqual(expected.analysable, 'no', `analysed, but it is ${expected.why}`);
        text = read.text;
        given = expected.text!;
      } else {
        text = given = f.text!;
      }
      const bug = knownBug(text);
      if (bug) {
        console.log(`\n  pending: ${f.name}: known bug ${bug.id}, ${bug.summary} (test/fuzz/known.ts)`);
        this.skip();
      }
      const corpus = new Corpus();
      corpus.set(f.name, text);
      for (const s of seeds) corpus.set(s.path, s.text);
      const out = { version: 1, documents: corpus.allResults(), skipped: [] };
      assert.deepEqual(checkContract(out, p => (p === f.name ? given : seeds.find(s => s.path === p)!.text)), []);
    });
  }
});
