import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE as CORE_MAX } from '../../src/core/limits';
import { DEFAULT_CONFIG, readConfig } from '../../src/extension/settings/config';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown }> = Object.assign({}, ...pkg.contributes.configuration.map((g: { properties: object }) => g.properties));

describe('extension: settings', () => {
  it('declares the CLI\'s file-size limit as the setting\'s default', () => {
    assert.equal(DEFAULT_CONFIG.maxFileSize, CORE_MAX);
    assert.equal(properties['sourceLens.maxFileSize'].default, CORE_MAX);
  });

  it('reads defaults when nothing is set', () => {
    assert.deepEqual(readConfig(() => undefined), DEFAULT_CONFIG);
  });

  it('agrees with the defaults contributed in package.json', () => {
    const c = readConfig(key => properties[`sourceLens.${key}`]?.default);
    assert.deepEqual(c, DEFAULT_CONFIG);
    for (const key of Object.keys(properties)) assert.match(key, /^sourceLens\./);
  });

  it('falls back per field on bad values and clamps numbers', () => {
    const c = readConfig(key => ({
      include: 'not an array',
      exclude: ['a/**', ''],
      maxFileSize: -5,
      debounceMs: 1e9,
      'highlight.quotes': 'yes',
      'highlight.duplicates': false,
      'highlight.entityTypes': ['person', 'BOGUS', 'DATE'],
    } as Record<string, unknown>)[key]);
    assert.deepEqual(c.include, DEFAULT_CONFIG.include);
    assert.deepEqual(c.exclude, ['a/**']);
    assert.equal(c.maxFileSize, 1);
    assert.equal(c.debounceMs, 10_000);
    assert.equal(c.highlightQuotes, true);
    assert.equal(c.highlightDuplicates, false);
    assert.deepEqual(c.entityTypes, ['PERSON', 'DATE']);
    assert.ok(Object.isFrozen(c) && Object.isFrozen(c.include));
  });

  it('reads the worker\'s memory: 0 (automatic), else whole MB of at least 256; a bad value is automatic', () => {
    const memory = (v: unknown) => readConfig(key => (key === 'workerMemoryMb' ? v : undefined)).workerMemoryMb;
    assert.equal(memory(undefined), 0);
    assert.equal(memory(0), 0);
    assert.equal(memory(-3), 0);
    assert.equal(memory(6000.4), 6000);
    assert.equal(memory(10), 256);
    assert.equal(memory('8 GB'), 0);
    assert.equal(memory(Number.NaN), 0);
  });
});
