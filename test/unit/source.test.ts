/** Source metadata from a document's header (src/core/text/source.ts) and the order of two dates. */
import assert from 'node:assert/strict';
import { findSource, isoDate, publishedOrder } from '../../src/core/text/source';

describe('source metadata', () => {
  it('reads YAML front matter (quoted values, other keys ignored, CRLF)', () => {
    const t = '---\r\ntitle: "X"\r\npublisher: "The Daily Example"\r\npublished: 2022-02-15T08:30:00Z\r\nlink: https://example.org/x?id=1\r\ntags: [a, b]\r\n---\r\nBody.';
    assert.deepEqual(findSource(t), { outlet: 'The Daily Example', date: '2022-02-15T08:30:00Z', url: 'https://example.org/x?id=1' });
  });

  it('reads a dateline and a block of header lines, and stops at the first line of prose', () => {
    assert.deepEqual(findSource(' date 2022-02-15 Moscow: As the West warily eyed…'), { outlet: null, date: '2022-02-15', url: null });
    assert.deepEqual(findSource('Source: Wire Service\nDate: 2021-12-01\n\nMOSCOW — Talks went on.'), { outlet: 'Wire Service', date: '2021-12-01', url: null });
    assert.equal(findSource('Note: the date: 2022-02-15 is when it happened.'), null);
    assert.equal(findSource('The Kremlin said on 2022-02-15 that…'), null);
  });

  it('takes no line for a header whose key is only a property every object has ("Constructor:", "valueOf:")', () => {
    assert.equal(findSource('Constructor: ACME Ltd\n\nThe bridge opened on Monday.'), null);
    assert.equal(findSource('toString: x\nhasOwnProperty: y\n\nThe bridge opened.'), null);
    assert.deepEqual(findSource('Publisher: ACME Ltd\n\nThe bridge opened on Monday.'), { outlet: 'ACME Ltd', date: null, url: null });
  });

  it('refuses what is not a date or a web address', () => {
    assert.equal(findSource('---\ndate: 2022-02-30\nurl: javascript:alert(1)\n---\n'), null);
    assert.equal(isoDate('2024-02-29'), '2024-02-29');
    assert.equal(isoDate('2023-02-29'), null);
    assert.equal(isoDate('2022-02-15 10:00'), '2022-02-15T10:00');
    assert.equal(findSource(''), null);
    assert.equal(findSource('---\n' + 'x: y\n'.repeat(5000)), null);
  });

  it('orders two dates, to the day when either lacks a time', () => {
    assert.equal(publishedOrder('2022-02-14', '2022-02-15'), 'earlier');
    assert.equal(publishedOrder('2022-02-15', '2022-02-14T23:00Z'), 'later');
    assert.equal(publishedOrder('2022-02-15', '2022-02-15T09:00Z'), null);
    assert.equal(publishedOrder('2022-02-15T08:00Z', '2022-02-15T09:00Z'), 'earlier');
    assert.equal(publishedOrder(null, '2022-02-15'), null);
  });
});
