import assert from 'node:assert/strict';
import { compared, parseNumbers } from '../../src/core/claims/claims';
import { splitClauses } from '../../src/core/claims/clauses';
import { ClaimLinker, keyBounds } from '../../src/core/claims/links';
import { analyzeLocal } from '../../src/core/corpus/corpus';
import { claimNorm, predicatesAgree, surnameKey, withoutQuestions, yearsOf } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

const claim = (text: string, over: Partial<Claim> = {}): Claim => ({
  start: 0, end: text.length, text, kind: 'statement', speaker: null, entities: [], numbers: [], status: 'unique',
  corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1, ...over,
});
const keys = (text: string, over: Partial<Claim> = {}) => claimNorm(new AnalysisContext(), claim(text, over)).units.map(u => u[0]);
/** Links two one-claim documents (with two unrelated documents beside them, so that no key is frequent) and returns the first claim. */
const linkPair = (a: Claim, b: Claim): Claim => {
  const filler = (t: string) => [claim(t)];
  const docs = [
    { path: 'a', claims: [a] }, { path: 'b', claims: [b] },
    { path: 'c', claims: filler('A bakery in the harbour district sold rye bread to early tourists') },
    { path: 'd', claims: filler('The orchestra rehearsed a new symphony for the autumn festival') },
  ];
  new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
  return a;
};
const linkedTo = (c: Claim) => [...c.corroboratedBy, ...(c.partlyCorroboratedBy ?? [])].map(l => l.path);

describe('claim frames', () => {
  it('a full name and a bare surname meet as the same actor', () => {
    assert.equal(surnameKey('Margaret Holloway'), surnameKey('Holloway'));
    assert.notEqual(surnameKey('Margaret Holloway'), surnameKey('Margaret Pryce'));
    const a = claim('Margaret Holloway resigned from the harbour board after the audit of its accounts', { entities: ['Margaret Holloway'] });
    const b = claim('Holloway quit the harbour board following an audit of the accounts', { entities: ['Holloway'] });
    const na = claimNorm(new AnalysisContext(), a), nb = claimNorm(new AnalysisContext(), b);
    const nameA = na.units.find(u => u[0].startsWith('@'))!, nameB = nb.units.find(u => u[0].startsWith('@'))!;
    assert.notEqual(nameA[0], nameB[0], 'the exact keys differ');
    assert.ok(nameA.slice(1).some(k => nameB.includes(k)), 'the surname key is shared');
  });

  it('leaves the words of a direct question out, but not a question in statement order', () => {
    assert.equal(withoutQuestions('Why did the mayor close the pool? We think the budget ran out').trim(), 'We think the budget ran out');
    assert.equal(withoutQuestions('“Will the council vote? Nobody knows,” she said').replace(/\s+/g, ' '), '“ Nobody knows,” she said');
    assert.equal(withoutQuestions('A child alone on the pier at midnight?'), 'A child alone on the pier at midnight?');
    assert.deepEqual(keys('“Why won’t the mayor publish the pool accounts? There are reasons,” she said', { kind: 'quote', speaker: 'Ann Lee' }), keys('There are reasons'));
    const n = claimNorm(new AnalysisContext(), claim('Why didn’t the mayor publish the accounts? The auditors found them'));
    assert.equal(n.negation, 0, "a question's negation negates nothing the claim states");
  });

  it('a supposition corroborates no claim that states what it supposes', () => {
    const ctx = new AnalysisContext();
    assert.equal(claimNorm(ctx, claim('If the mill owners deduct their paper losses, the town loses its tax income')).conditional, true);
    assert.equal(claimNorm(ctx, claim('But unless the river rises, the ferry keeps running')).conditional, true);
    assert.equal(claimNorm(ctx, claim('The mill owners deduct their paper losses from the town tax income')).conditional, false);
    const stated = () => claim('The mill owners deduct their paper losses from the town tax income');
    assert.deepEqual(linkedTo(linkPair(claim('If the mill owners deduct their paper losses from the town tax income'), stated())), []);
    assert.deepEqual(linkedTo(linkPair(claim('The mill owners deducted their paper losses from the town tax income'), stated())), ['b'], 'the same statement links');
  });

  it('relative time words are not content a pair can share', () => {
    assert.deepEqual(keys('The ferry sank last week'), keys('The ferry sank'));
    assert.deepEqual(keys('A 40-year-old fisherman drowned this morning'), keys('A 40 fisherman drowned'));
    const a = claim('Harbour police released footage on Friday of last week’s collision', { entities: ['Harbour'] });
    const b = claim('The pilot of last week’s collision was charged with negligence on Friday');
    assert.deepEqual(linkedTo(linkPair(a, b)), [], 'a topic and a week shared make no fact');
  });
});

describe('claim frames: which year', () => {
  it('reads the years a claim dates its fact in, and spans of them', () => {
    assert.deepEqual(yearsOf('The ferry captain was jailed for the 2019 collision'), [2019, 2019]);
    assert.deepEqual(yearsOf('The pier was shut from 2009 to 2013'), [2009, 2013]);
    assert.deepEqual(yearsOf('The pier has been shut since 2009'), [2009, 9999]);
    assert.deepEqual(yearsOf('Harbour fees rose in March 2018'), [2018, 2018]);
    assert.deepEqual(yearsOf('In 2019, harbour fees rose'), [2019, 2019], 'a capital at the start of the sentence');
    assert.deepEqual(yearsOf('in 2020 patients waited 14 weeks'), [2020, 2020], 'a year before a count after "in"');
    for (const text of ['The board paid the 2000 dollars it owed', 'The harbour hosted Tokyo 2020 sailors', 'Ferry traffic grew in the 1990s', 'Ferry 2019 sank', 'The ferry line will cut 180 of its 2000 staff']) {
      assert.deepEqual(yearsOf(text), [], text);
    }
  });
  it('does not link two claims dated in other years, nor dispute them; links years that meet', () => {
    const jailed = (year: string) => claim(`The ferry captain was jailed for six years for the ${year} collision in the harbour`);
    assert.deepEqual(linkedTo(linkPair(jailed('2019'), jailed('2021'))), []);
    assert.deepEqual(linkPair(jailed('2019'), jailed('2021')).disputedBy, []);
    assert.deepEqual(linkedTo(linkPair(jailed('2019'), jailed('2019'))), ['b']);
    const shut = claim('The northern pier was closed to ferries from 2009 to 2013 for repairs');
    assert.deepEqual(linkedTo(linkPair(shut, claim('The northern pier was closed to ferries in 2012 for repairs'))), ['b'], 'a year inside the span');
  });
});

describe('claim frames: which occasion', () => {
  it('an ordinal numbering an occasion is not content a pair can share', () => {
    assert.deepEqual(keys('The first ferry race starts at noon'), keys('The ferry race starts at noon'));
    assert.deepEqual(keys('She won the second vote'), keys('She won the vote'));
    const a = claim('Ferry pilot Ola Brenn was fined by harbour police on Sunday afternoon, hours before the start of the first debate between the island mayors', { entities: ['Ola Brenn'] });
    const b = claim('The island mayors meet for the first of three debates Sunday at Port Avel', { entities: ['Port Avel'] });
    assert.deepEqual(linkedTo(linkPair(a, b)), [], 'one occasion as two facts\' backdrop makes no fact');
  });
});

describe('claim frames: a negation in other words', () => {
  it('a verb saying the act was not done agrees with the act negated, and still with no conflict of its own', () => {
    const paid = () => claim('The ferry company paid no harbour taxes for 18 years');
    assert.deepEqual(linkedTo(linkPair(paid(), claim('For 18 years, the ferry company avoided paying harbour taxes'))), ['b']);
    const testify = () => claim('Ola Brenn did not testify before the harbour committee', { entities: ['Ola Brenn'] });
    assert.deepEqual(linkedTo(linkPair(testify(), claim('Ola Brenn refused to testify before the harbour committee', { entities: ['Ola Brenn'] }))), ['b']);
    assert.deepEqual(linkedTo(linkPair(testify(), claim('Ola Brenn failed to testify before the harbour committee', { entities: ['Ola Brenn'] }))), ['b']);
    const done = linkPair(testify(), claim('Ola Brenn testified before the harbour committee', { entities: ['Ola Brenn'] }));
    assert.deepEqual(linkedTo(done), [], 'the act negated and the act done: no corroboration');
    assert.deepEqual(done.disputedBy.map(l => l.path), ['b']);
    assert.deepEqual(linkedTo(linkPair(claim('The harbour office did not comment on the ferry contract'), claim('The harbour office declined to comment on the ferry contract'))), ['b']);
    assert.deepEqual(linkedTo(linkPair(paid(), claim('The ferry company ran for 18 years without paying harbour taxes'))), ['b']);
    assert.deepEqual(linkedTo(linkPair(testify(), claim('Ola Brenn has yet to testify before the harbour committee', { entities: ['Ola Brenn'] }))), ['b']);
    assert.deepEqual(linkedTo(linkPair(testify(), claim('Ola Brenn was unable to testify before the harbour committee', { entities: ['Ola Brenn'] }))), ['b']);
    assert.deepEqual(linkedTo(linkPair(claim('The ferry line no longer sails to the north island'), claim('The ferry line stopped sailing to the north island'))), ['b']);
    const refused = () => claim('Ola Brenn refused to testify before the harbour committee', { entities: ['Ola Brenn'] });
    const notRefused = linkPair(refused(), claim('Ola Brenn did not refuse to testify before the harbour committee', { entities: ['Ola Brenn'] }));
    assert.deepEqual(linkedTo(notRefused), [], 'the refusal itself negated: no corroboration');
    assert.deepEqual(notRefused.disputedBy.map(l => l.path), ['b']);
  });
});

describe('claim frames: a negation after an opening attribution', () => {
  it('counts a negation that follows the attribution a claim opens with (an appositive there is no trailing clause)', () => {
    const told = (what: string) => claim(`The ferry owner's lawyer, Ines Varga, said on Monday that the company ${what}`, { kind: 'reported', speaker: 'Ines Varga', entities: ['Ines Varga'] });
    const ctx = new AnalysisContext();
    assert.equal(claimNorm(ctx, told('would not appeal the harbour fine')).negation, 1);
    assert.equal(claimNorm(ctx, told('would appeal the harbour fine')).negation, 0);
    const pair = linkPair(told('would not appeal the harbour fine'), told('would appeal the harbour fine'));
    assert.deepEqual(linkedTo(pair), [], 'the act negated and the act: no corroboration');
    assert.deepEqual(linkedTo(linkPair(told('would not appeal the harbour fine'), told('would not appeal the harbour fine, her office said'))), ['b']);
    // A trailing clause after the statement still negates nothing of it.
    assert.equal(claimNorm(ctx, claim('The ferry company would appeal the harbour fine, raising hopes the crossing may not close', { speaker: 'Ines Varga' })).negation, 0);
  });
});

describe('claim frames: what ought to be', () => {
  it('a norm does not corroborate a fact that shares its topic words, on a weak overlap', () => {
    const ctx = new AnalysisContext();
    assert.equal(claimNorm(ctx, claim('Ferry crossings in winter storms should be banned outright')).deontic, true);
    assert.equal(claimNorm(ctx, claim('The harbour needs to reopen its northern pier')).deontic, true);
    assert.equal(claimNorm(ctx, claim('The ferry crossed the strait in a winter storm')).deontic, false);
    const norm = () => claim('arguing that the epidemic of ferries sinking in winter storms should be recognised as a national scandal by regulators');
    const fact = claim('A ferry sank in a winter storm with two fishermen and their catch aboard off the rocky coast');
    assert.deepEqual(linkedTo(linkPair(norm(), fact)), []);
    const other = claim('insisting that ferries sinking in winter storms must be treated as a national scandal');
    assert.deepEqual(linkedTo(linkPair(norm(), other)), ['b'], 'two norms link');
    const plain = claim('arguing that the epidemic of ferries sinking in winter storms is a national scandal ignored by regulators');
    assert.deepEqual(linkedTo(linkPair(plain, claim('A ferry sank in a winter storm with two fishermen and their catch aboard off the rocky coast'))), ['b'],
      'the same words without the modal do link: the modal decides');
  });
});

describe('claim frames: what someone asks for', () => {
  it('a demand is no report that it was done, on a weak overlap; two demands link', () => {
    const ctx = new AnalysisContext();
    assert.equal(claimNorm(ctx, claim('The crews have been demanding that the harbour board publish the inspection report')).deontic, true);
    assert.equal(claimNorm(ctx, claim('Fishermen called for the report to be published')).deontic, true);
    assert.equal(claimNorm(ctx, claim('The council rejected the fishermen’s main demands')).deontic, false, 'a demand as a noun asks for nothing');
    const done = () => claim('Harbour police released video on Monday of last week’s collision', { entities: ['Harbour'] });
    const asked = claim('The families, fishermen and pier wardens have for days been demanding that police release the department’s full inspection video of the collision');
    assert.deepEqual(linkedTo(linkPair(done(), asked)), []);
    const askedToo = claim('The families and pier wardens have been demanding that police release the video of the collision');
    assert.deepEqual(linkedTo(linkPair(claim('Relatives of the crew are demanding that police release the video of the collision'), askedToo)), ['b'], 'two demands link');
  });
});

describe('claim frames: before and after one event', () => {
  it('a claim before an event and one after it are two moments, whatever else they share', () => {
    const ctx = new AnalysisContext();
    const before = claimNorm(ctx, claim('Rowe and Penn are virtually tied heading into their first debate', { entities: ['Rowe', 'Penn'] }));
    assert.deepEqual(before.before.map(u => before.units[u][0]), ['debate']);
    const after = claimNorm(ctx, claim('Penn remains in a tight race with Rowe after the first debate', { entities: ['Rowe', 'Penn'] }));
    assert.deepEqual(after.after.map(u => after.units[u][0]), ['debate']);
    const poll = () => claim('Ada Rowe and Tom Penn are virtually tied heading into their first harbour debate, according to a new island poll', { entities: ['Ada Rowe', 'Tom Penn'] });
    const later = claim('A new island poll shows Tom Penn remains in a tight race with Ada Rowe after the first harbour debate', { entities: ['Ada Rowe', 'Tom Penn'] });
    assert.deepEqual(linkedTo(linkPair(poll(), later)), []);
    const same = claim('A new island poll shows Tom Penn in a tight race with Ada Rowe heading into their first harbour debate', { entities: ['Ada Rowe', 'Tom Penn'] });
    assert.deepEqual(linkedTo(linkPair(poll(), same)), ['b'], 'both before it: linked');
  });
});

describe('claim frames: asides and ages', () => {
  const split = (s: string) => splitClauses(s, 0, s.length).map(c => s.slice(c.start, c.end));
  it('an aside between two dashes stays with its subject when the verb follows it', () => {
    assert.deepEqual(split('Okafor, 52 ― a ferry pilot who sailed the strait for decades ― was rescued by a trawler near the cape.'),
      ['Okafor, 52 ― a ferry pilot who sailed the strait for decades ― was rescued by a trawler near the cape']);
    assert.deepEqual(split('The council closed the northern pier — a decision many fishermen opposed — after the storm of the winter.').length, 3,
      'no verb after the second dash: three clauses');
    assert.deepEqual(split('The council closed the northern pier ― the fishermen protested at the harbour for days.'),
      ['The council closed the northern pier', 'the fishermen protested at the harbour for days'], 'a single dash still splits');
  });
  it('an age set off after a name is the "-year-old" of another report', () => {
    assert.deepEqual(parseNumbers('Okafor, 52, was rescued near the cape'), [{ value: 52, unit: 'year-old', qualifier: null }]);
    assert.deepEqual(parseNumbers('Okafor, 52 ― a ferry pilot ― was rescued'), [{ value: 52, unit: 'year-old', qualifier: null }]);
    assert.deepEqual(parseNumbers('a 52-year-old pilot was rescued'), [{ value: 52, unit: 'year-old', qualifier: null }]);
    assert.equal(parseNumbers('In Lagos, 52 people were rescued')[0].unit, 'people', 'a count after a place is no age');
    assert.equal(parseNumbers('Gate 52, the last one, was closed')[0].unit, null, 'a number not set off by a comma after a name is no age');
  });
  it("a vote's tally keeps both figures, compared as one: another outcome of the vote disputes the claim", () => {
    const tally = (value: number) => ({ value, unit: 'tally', qualifier: null });
    assert.deepEqual(parseNumbers('The harbour board voted 7-2 to close the pier'), [tally(7), tally(2)]);
    assert.deepEqual(parseNumbers('The harbour board voted 7\u20132 to close the pier'), [tally(7), tally(2)], 'an en dash as a hyphen');
    assert.deepEqual(parseNumbers('In a 5-4 decision, the court upheld the ferry law'), [tally(5), tally(4)]);
    assert.deepEqual(parseNumbers('The harbour team won 3-1 on Sunday'), [tally(3), tally(1)]);
    assert.deepEqual(parseNumbers('Councillors voted 11 to 4 on Monday to close the pier'), [tally(11), tally(4)], '"to" as a hyphen');
    assert.deepEqual(parseNumbers('By a vote of 11 to 4, the harbour board closed the pier'), [tally(11), tally(4)]);
    assert.deepEqual(parseNumbers('The harbour board passed the bylaw 11-4 on Monday'), [tally(11), tally(4)], 'a vote word with its object before');
    assert.deepEqual(parseNumbers('Fares rose from 3 to 5 dollars').map(n => n.unit), [null, 'dollars'], 'no vote, no tally');
    // Not a vote or a game, nor a range of something named: as before, no number.
    for (const text of ['The pier closed on 2021-03-15', 'Call the harbour office at 555-1234', 'the 2020-21 season of the ferry',
      'The board voted from 10:30-11:45 am', 'The board voted on September 16-19', 'The harbour board approved the plan for children ages 5-11']) {
      assert.deepEqual(parseNumbers(text), [], text);
    }
    // A range of something is no tally (claims-numbers.test.ts reads them), in a vote's words or not.
    for (const text of ['Residents aged 18-24 voted at the harbour', 'The board approved a $5-10 million loan', 'Between 5-10% of the board voted',
      'The harbour party won 10-15 seats', 'Between 1-2 million people voted', 'The harbour party won the 18-29 vote']) {
      assert.ok(parseNumbers(text).every(n => n.unit !== 'tally'), text);
    }
    assert.deepEqual(compared(parseNumbers('The harbour player won 6-4, 6-3 on Sunday')).map(n => n.value), [6004, 6003], 'every set of a game');
    assert.deepEqual(compared(parseNumbers('The harbour team won with a 12 tally, then won 3-1')).map(n => n.value), [12, 3001],
      'a lone figure before the word "tally" is no half of a tally');
    assert.deepEqual(compared(parseNumbers('voted 7-2, then voted 5-4')).map(n => n.value), [7002, 5004]);
    const vote = (text: string) => claim(text, { entities: ['Harbour Board'], numbers: parseNumbers(text) });
    const closed = () => vote('The Harbour Board voted 7-2 on Monday to close the northern pier');
    assert.deepEqual(linkedTo(linkPair(closed(), vote('On Monday the Harbour Board voted 7-2 to close the northern pier'))), ['b']);
    for (const other of ['5-4', '7-1', '2-7']) {
      const c = linkPair(closed(), vote(`The Harbour Board voted ${other} on Monday to close the northern pier`));
      assert.deepEqual(linkedTo(c), [], `${other}: another outcome of the same vote corroborates nothing`);
      assert.deepEqual(c.disputedBy.map(l => [l.path, l.reason]), [['b', 'number']], `${other}: a number dispute`);
    }
  });
});

describe('claims of a quotation of several sentences', () => {
  const claimsOf = (text: string) => analyzeLocal(new AnalysisContext(), text).claims.map(c => text.slice(c.start, c.end));

  it('makes one claim per quoted sentence, never one across two', () => {
    const text = 'The harbour bridge shut on Tuesday.\n\n“The deck has cracked. Nobody may cross until the welders finish,” said the engineer, Ruth Okafor.\n';
    const claims = claimsOf(text);
    assert.ok(claims.some(c => c.includes('The deck has cracked.') && !c.includes('Nobody')), claims.join(' | '));
    assert.ok(claims.some(c => c.includes('Nobody may cross') && !c.includes('cracked')), claims.join(' | '));
  });

  it('does not cut after a title or an initial', () => {
    const text = 'The council met late.\n\n“We asked Mr. Dunmore to wait for J. Halloran before signing,” the clerk said.\n';
    const claims = claimsOf(text);
    assert.ok(claims.some(c => c.includes('We asked Mr. Dunmore to wait for J. Halloran before signing')), claims.join(' | '));
  });
});

describe('key weight bounds', () => {
  it('move in small steps as claims are added (no twofold jump at a power of two)', () => {
    let last = keyBounds(100, 1000);
    for (let n = 101; n <= 20_000; n++) {
      const b = keyBounds(n, 1000);
      assert.ok(b.common >= last.common && b.common <= Math.ceil(last.common * 1.2) + 1, `common ${last.common} → ${b.common} at ${n} claims`);
      last = b;
    }
  });
});

describe('claim frames: a verb\'s noun in a prepositional phrase is no predicate', () => {
  const norm = (text: string) => claimNorm(new AnalysisContext(), claim(text));
  const agree = (a: string, b: string) => predicatesAgree(norm(a), norm(b));

  it('"during meetings with …" does not agree with "to meet"', () => {
    assert.equal(agree('Councillors cut the ferry budget during meetings with the harbour master', 'The harbour master was due to meet councillors in the ferry terminal'), false);
    assert.equal(agree('Dockers went on strike after the dismissal of the harbour master', 'The council dismissed the harbour master'), false);
  });

  it('still agrees when the noun or the verb is the predicate', () => {
    assert.equal(agree('The harbour master met councillors in the ferry terminal', 'The harbour master was due to meet councillors in the ferry terminal'), true);
    // A verb form after a preposition, without a determiner, stays verbal.
    assert.equal(agree('Councillors cut the ferry budget after meeting the harbour master', 'The harbour master was due to meet councillors in the ferry terminal'), true);
    assert.equal(agree('The dismissal of the harbour master angered dockers', 'The council dismissed the harbour master'), true);
  });

  it('a claim whose only verb\'s noun stands in a phrase does not agree with any verb by having none', () => {
    assert.equal(agree('A reporter was at the harbour gate for a protest against the fees', 'The harbour master spoke at the harbour gate about the fees'), false);
  });
});
