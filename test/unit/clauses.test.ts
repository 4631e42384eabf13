import assert from 'node:assert/strict';
import { clauseAround, splitClauses } from '../../src/core/claims/clauses';
import { findClaims } from '../../src/core/claims/claims';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';
import type { Entity } from '../../src/core/types';

const clause = (s: string, number: string) => {
  const span = clauseAround(s, 0, s.length, s.indexOf(number));
  return s.slice(span.start, span.end);
};

describe('clauses', () => {
  it('drops framing before "that" and trailing participial clauses', () => {
    assert.equal(clause('The fears stem from the fact that Russia has massed more than 130,000 Russian troops on Ukraine’s borders', '130,000'),
      'Russia has massed more than 130,000 Russian troops on Ukraine’s borders');
    assert.equal(clause('Russia has sent more than 130,000 troops near Ukraine, raising fears of an invasion', '130,000'),
      'Russia has sent more than 130,000 troops near Ukraine');
    assert.equal(clause('The fears of an invasion grew from the fact that Russia has massed more than 130,000 troops near Ukraine', '130,000'),
      'Russia has massed more than 130,000 troops near Ukraine');
  });
  it('keeps the clause after a break when the number is there', () => {
    assert.equal(clause('Yet Ukraine remains surrounded; some 14,000 people have been killed in fighting since 2014', '14,000'),
      'some 14,000 people have been killed in fighting since 2014');
  });
  it('ends a relative clause set off by commas where the main clause goes on', () => {
    assert.equal(clause('On Monday, Captain Vera Holm, who sank 12 fishing boats off the cape last spring, was fined by the port authority', '12'),
      'who sank 12 fishing boats off the cape last spring');
    assert.equal(clause('The ferry company, which carried 40,000 passengers in July, reported a loss', '40,000'),
      'which carried 40,000 passengers in July');
    assert.equal(clause('The ferry company, which carried 40,000 passengers in July, its busiest month, is for sale', '40,000'),
      'which carried 40,000 passengers in July, its busiest month, is for sale', 'a comma inside: which one closes the clause is not told');
    assert.equal(clause('The ferry sank, which happened as Ole Brun, a 61-year-old captain, was asleep below deck', '61'),
      'which happened as Ole Brun, a 61-year-old captain, was asleep below deck', 'an apposition inside the clause');
    assert.equal(clause('The ferry company carried 40,000 passengers in July, reported a loss and was put up for sale', '40,000'),
      'The ferry company carried 40,000 passengers in July, reported a loss and was put up for sale', 'no relative clause: nothing cut');
  });
  it('keeps the main clause with a relative clause after it that holds the number', () => {
    assert.equal(clause('The outbreak has been traced to a summer camp near Lake Orrin, which was attended by over 300 children', '300'),
      'The outbreak has been traced to a summer camp near Lake Orrin, which was attended by over 300 children');
    assert.equal(clause('Yet the harbour board backed the plan; the pier was rebuilt, which cost the town £2 million', '£2'),
      'the pier was rebuilt, which cost the town £2 million', 'from the break before the main clause');
    assert.equal(clause('Ships left, which cost the town £2 million', '£2'), 'which cost the town £2 million', 'a main clause too short to stand alone is no help');
  });
  it('falls back to the whole sentence when the clause cannot stand alone', () => {
    const s = 'Troops: 130,000, officials said';
    assert.equal(clause(s, '130,000'), s);
    const q = 'He said “we have 130,000 men; they are ready,” and left';
    assert.equal(clause(q, '130,000'), q);
  });
});

const split = (s: string, quotes: { start: number; end: number }[] = []) => splitClauses(s, 0, s.length, quotes).map(c => s.slice(c.start, c.end));

describe('clause splitting', () => {
  it('splits before "following" and a possessive: an event of its own', () => {
    assert.deepEqual(split('The mayor was taken to hospital following his fall on the icy steps of the town hall.'),
      ['The mayor was taken to hospital', 'following his fall on the icy steps of the town hall']);
    assert.deepEqual(split('Few details are known about the illness of the mayor, following her collapse at the harbour festival.'),
      ['Few details are known about the illness of the mayor', 'following her collapse at the harbour festival']);
    assert.deepEqual(split('The council approved the budget following a long debate on the harbour tax.'),
      ['The council approved the budget following a long debate on the harbour tax'], 'no possessive: a circumstance of the clause');
  });
  it('splits at coordinating and concessive joints, dropping the joint word', () => {
    assert.deepEqual(split('The mayor denies he ordered the closure of the bridge, and the council voted to reopen it on Friday.'),
      ['The mayor denies he ordered the closure of the bridge', 'the council voted to reopen it on Friday']);
    assert.deepEqual(split('Prices rose sharply in the spring; wages stayed flat for the rest of the year.'),
      ['Prices rose sharply in the spring', 'wages stayed flat for the rest of the year']);
    assert.deepEqual(split('The company posted a record profit — its shares still fell by a tenth.'),
      ['The company posted a record profit', 'its shares still fell by a tenth']);
    assert.deepEqual(split('The senator backed the bill, but her party voted against it in the end.'),
      ['The senator backed the bill', 'her party voted against it in the end']);
    assert.deepEqual(split('The army keeps its tanks at the border despite moving two brigades back to their barracks.'),
      ['The army keeps its tanks at the border', 'moving two brigades back to their barracks']);
  });
  it('keeps lists, background "despite" phrases, quotations and short pieces whole', () => {
    assert.deepEqual(split('Paris, Berlin, and other capitals kept up their warnings about the storm.'),
      ['Paris, Berlin, and other capitals kept up their warnings about the storm']);
    assert.deepEqual(split('The minister called for more talks despite the refusal of the unions to meet.'),
      ['The minister called for more talks despite the refusal of the unions to meet']);
    const q = 'She said the plan was “bold, but we will see; time will tell” before leaving.';
    assert.deepEqual(split(q, [{ start: q.indexOf('“'), end: q.indexOf('”') + 1 }]), [q.slice(0, -1)]);
    assert.deepEqual(split('The bridge reopened on Monday, and so on.'), ['The bridge reopened on Monday, and so on']);
  });
  it('cuts a leading subordinate clause and framing such as "it came a day after"', () => {
    assert.deepEqual(split('Although the ministry did not say how many ships had left, it published photos of the harbour.'),
      ['the ministry did not say how many ships had left', 'it published photos of the harbour']);
    assert.deepEqual(split('The vote came a day after the governor signed the budget into law.'),
      ['the governor signed the budget into law']);
  });
});

describe('claims per clause', () => {
  const claims = (text: string, names: [string, Entity['type']][] = []) => {
    const entities = names.map(([n, type]) => { const start = text.indexOf(n); return { start, end: start + n.length, text: n, type, canonical: n }; })
      .sort((a, b) => a.start - b.start);
    return findClaims(new AnalysisContext(), { text, sentences: sentences(text, paragraphs(text)), quotes: [], entities, excluded: [] });
  };
  it('makes one claim per clause, each a slice of the text', () => {
    const text = 'Norway denies it plans to drill in the Arctic, and Oslo said talks with Sweden would resume in May.';
    const cs = claims(text, [['Norway', 'PLACE'], ['Oslo', 'PLACE'], ['Sweden', 'PLACE']]);
    assert.deepEqual(cs.map(c => c.text), ['Norway denies it plans to drill in the Arctic', 'Oslo said talks with Sweden would resume in May']);
    assert.equal(cs[1].speaker, 'Oslo');
    for (const c of cs) assert.equal(c.text, text.slice(c.start, c.end));
  });
  it('extracts short statements, and no claim from editors\' notes, bylines, asides or teasers', () => {
    assert.deepEqual(claims('The mayor reacted coolly.', [['mayor', 'PERSON']]).map(c => c.text), ['The mayor reacted coolly']);
    for (const line of ['CORRECTION: An earlier version misspelled the name of the harbour master in Bergen.',
      'Editor’s note: This story was updated with comments from the city council of Leeds.',
      '(WARNING: The video shows scenes some readers in Boston may find disturbing.)',
      'Follow her on Twitter: @janedoe_news for more reports from Kenya.',
      'Jane Doe is a senior correspondent for the Daily Planet covering Kenya and Uganda.',
      'Housing in Leeds: Tenants say rents have doubled in five years in most districts.  B4.',
      'Live updates from the summit in Geneva:']) {
      assert.deepEqual(claims(`${line}\n`, [['Bergen', 'PLACE'], ['Leeds', 'PLACE'], ['Boston', 'PLACE'], ['Kenya', 'PLACE'], ['Geneva', 'PLACE']].filter(([n]) => line.includes(n)) as [string, Entity['type']][]), [], line);
    }
  });
  it('reads each sentence\'s own line when a line holds several sentences', () => {
    const body = 'The ferry to Oslo left two hours late on Monday morning. Hundreds of passengers waited on the quay in heavy rain for the delayed boat.';
    const text = `${body} Tolls in Leeds rose again in March.\n${body}  C7.\n${body}\n`;
    const cs = claims(text, [['Oslo', 'PLACE'], ['Leeds', 'PLACE']]);
    const second = text.indexOf(body, 1), third = text.indexOf(body, second + 1);
    const within = (from: number, to: number) => cs.filter(c => c.start >= from && c.end <= to).map(c => c.text);
    assert.equal(within(0, second).length, 3);
    assert.deepEqual(within(second, third), [], 'a line ending in a page teaser asserts nothing, whichever of its sentences is asked');
    assert.deepEqual(within(third, text.length), within(0, second).slice(0, 2), 'the next line is read as its own');
  });
});
