/**
 * Claim links do not depend on which document comes first: the linker matches each
 * pair with its earlier document's claim first (the extension's corpus order is the
 * order files were indexed in, the CLI's the paths'), so the match must give the
 * mirror answer with the two claims swapped, directions included.
 */
import assert from 'node:assert/strict';
import { ClaimLinker } from '../../src/core/claims/links';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';
import { claimOf } from '../support/claimPair';
import { rng } from '../support/rng';

// Clauses that share words, synonyms and predicates in part, so that pairs made of them match fully, in part, or not.
const CLAUSES = [
  'the harbour board would not allow the ferry company to delay the new timetable',
  'the harbour board would not let the ferry operator stall the new schedule',
  'the council approved the bridge repairs on Tuesday',
  'the council backed the bridge repair plan',
  'farmers in the valley protested against the water tax',
  'valley farmers rallied against the new water levy',
  'the museum will reopen its east wing in the spring',
  'the east wing of the museum reopens in spring after repairs',
];
const OPENERS = ['', 'Mayor Ada Rowe said ', 'Officials said ', 'Rowe replied that '];
const TAILS = ['', ' and the port stayed closed', ' despite the storm warnings', ', raising fares for commuters'];

function claim(rand: () => number): Claim {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let text = pick(OPENERS) + pick(CLAUSES) + pick(TAILS);
  if (rand() < 0.3) text += ', and ' + pick(CLAUSES);
  text = text[0].toUpperCase() + text.slice(1) + '.';
  return claimOf(text, { entities: text.includes('Rowe') ? ['Ada Rowe'] : [], speaker: text.includes('Rowe') ? 'Ada Rowe' : null, kind: text.includes('said') ? 'reported' : 'statement' });
}

/** Per document, what its claim lists (paths only), after linking the documents in the order given. */
function linked(texts: readonly Claim[], order: readonly number[]): string[] {
  const docs = texts.map((c, k) => ({ path: `d${k}`, claims: [claimOf(c.text, { entities: c.entities, speaker: c.speaker, kind: c.kind })] }));
  // Two unrelated documents, so that no key of the pair is frequent.
  docs.push({ path: 'x1', claims: [claimOf('A bakery in the old town sold rye bread to early tourists.')] });
  docs.push({ path: 'x2', claims: [claimOf('The orchestra rehearsed a symphony for the autumn festival.')] });
  const ordered = [...order.map(k => docs[k]), docs[docs.length - 2], docs[docs.length - 1]];
  new ClaimLinker(new AnalysisContext()).link(ordered.map(d => ({ ...d, key: d })));
  return docs.slice(0, texts.length).map(d => {
    const c = d.claims[0];
    const paths = (ls: readonly { path: string }[] | undefined) => (ls ?? []).map(l => l.path).sort().join(',');
    return `${d.path}: ${c.status} by[${paths(c.corroboratedBy)}] partly[${paths(c.partlyCorroboratedBy)}] disputed[${paths(c.disputedBy)}]`;
  });
}

describe('claim links, whatever the order of the documents', () => {
  it('are the same, directions included, with the two documents of a pair swapped', () => {
    const rand = rng(17);
    let links = 0, partial = 0;
    for (let n = 0; n < 300; n++) {
      const pair = [claim(rand), claim(rand)];
      const forward = linked(pair, [0, 1]), backward = linked(pair, [1, 0]);
      assert.deepEqual(backward, forward, pair.map(c => c.text).join(' | '));
      if (forward.some(l => !l.includes('by[] partly[] disputed[]'))) links++;
      if (forward.some(l => /partly\[d/.test(l))) partial++;
    }
    // The pairs exercise the rule: many link, some in part only.
    assert.ok(links > 30 && partial > 5, `${links} pairs linked, ${partial} in part`);
  });
});
