import assert from 'node:assert/strict';
import { passageOf, readCommandArg } from '../../src/extension/commandArgs';

describe('command arguments (one reader for tree items, hover links and tests)', () => {
  it('reads a Claims node: its passage, its id and the passages it links to', () => {
    const node = {
      id: 'claim:3', uri: 'file:///a.txt', start: 10, end: 42, parent: undefined,
      facts: { links: [{ path: 'file:///b.txt', start: 5, end: 30, similarity: 0.9 }, { path: 7, start: 1, end: 2 }] },
    };
    const a = readCommandArg(node);
    assert.deepEqual(a, { id: 'claim:3', uri: 'file:///a.txt', start: 10, end: 42, offset: 10, links: [{ path: 'file:///b.txt', start: 5, end: 30 }] });
    assert.deepEqual(passageOf(node), { uri: 'file:///a.txt', start: 10, end: 42, links: [{ path: 'file:///b.txt', start: 5, end: 30 }] });
  });

  it('takes a hover link\'s offset over the passage start', () => {
    assert.equal(readCommandArg({ uri: 'file:///a.txt', offset: 17 })?.offset, 17);
    assert.equal(readCommandArg({ uri: 'file:///a.txt', offset: 17, start: 3 })?.offset, 17);
    assert.equal(passageOf({ uri: 'file:///a.txt', offset: 17 }), undefined, 'an offset alone is not a passage');
  });

  it('reads an id given as a string or as { id }', () => {
    assert.equal(readCommandArg('source:x')?.id, 'source:x');
    assert.equal(readCommandArg({ id: 12 })?.id, '12');
  });

  it('answers undefined for nothing usable, never throws', () => {
    for (const bad of [undefined, null, '', 0, 42, true, [], {}, { uri: 3 }, { start: 1, end: 2 }, { uri: 'u', start: Number.NaN, end: 2 }]) {
      assert.doesNotThrow(() => readCommandArg(bad));
      assert.equal(passageOf(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(readCommandArg({}), undefined);
  });
});
