import assert from 'node:assert/strict';
import { sameWords, withoutAttribution } from '../../src/core/claims/match';

/** The pattern `withoutAttribution` applies to the end of a text only, applied to the whole text. */
const WHOLE = /[”"’]?\s*,?\s*(?:[\p{Lu}\p{Ll}.’' -]{1,40}\s)?(?:said|says|added|continued|told\s+[\p{L} ]{1,30})\s*$/u;

describe('claims: a trailing attribution looked for at the end of the text only', () => {
  const cases = [
    'The plan will not work, the minister said',
    '“We will rebuild the bridge by spring,” Maria Lopez said   ',
    'We will rebuild it, he told reporters',
    // Long runs of white space inside the attribution: the match starts far from the end.
    `“We will rebuild it,”${' '.repeat(150)}she${' '.repeat(150)}said${'\u00a0'.repeat(40)}`,
    `“We will rebuild it”${' '.repeat(150)},${'\n'.repeat(150)}Ana said`,
    `They said it was over. ${'x'.repeat(300)}`,
    `it was told${' '.repeat(200)}the council${'\u2003'.repeat(30)}`,
    'He said nothing about the budget',
    `${'word '.repeat(60)}, Ana Smith said`,
    'Prices rose 5 % 😀 said',
    'no verb of saying here at all',
  ];
  it('gives what the pattern gives on the whole text', () => {
    for (const t of cases) assert.equal(withoutAttribution(t), t.replace(WHOLE, ''), JSON.stringify(t));
  });
  it('cuts the attribution, and leaves a text without one whole', () => {
    assert.equal(withoutAttribution('The plan will not work, the minister said'), 'The plan will not work');
    assert.equal(withoutAttribution(`“We will rebuild it”${' '.repeat(150)},${'\n'.repeat(150)}Ana said`), '“We will rebuild it');
    assert.equal(withoutAttribution('He said nothing about the budget'), 'He said nothing about the budget');
    assert.ok(sameWords('“We will rebuild the bridge by spring,” Maria Lopez said', 'we will rebuild the bridge by spring'));
  });
});
