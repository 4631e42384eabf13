import assert from 'node:assert/strict';
import { linkItems } from '../../src/core/claims/links';
import { matchClaims } from '../../src/core/claims/match';
import { actorKeys, actorOf, asideLast, claimNorm, otherActors, segmentsOf } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import { wordsOf } from '../../src/core/text/words';
import type { Claim } from '../../src/core/types';
import { claimOf, linkPair } from '../support/claimPair';

const words = (t: string) => wordsOf(t, 0, t.length, { digitGroups: true });
const actor = (t: string, entities: string[], from = 0) => actorOf(words(t), from, entities)?.keys[0] ?? null;

describe('the actor a claim opens with', () => {
  it('is the name that opens the claim right before its verb, a title before it included', () => {
    assert.equal(actor('Dunmore has offered to reopen talks on quotas', ['Dunmore']), 'dunmore');
    assert.equal(actor('Harbour Minister Ada Rowe also asserted that the quay was safe', ['Ada Rowe']), 'ada rowe');
    assert.equal(actor('and Lind was fined by the county court', ['Mara Lind']), null, 'only a name the claim holds in full');
    assert.equal(actor('and Lind was fined by the county court', ['Lind']), 'lind', 'a connector before it');
    assert.equal(actor('Rowe criticised the council for closing the ferry', ['Rowe']), 'rowe');
  });
  it('is the name after a title in lower case, but not after a verb or a preposition', () => {
    assert.equal(actor('Council member Ada Rowe cast the only vote against the ferry cuts', ['Ada Rowe']), 'ada rowe');
    assert.equal(actor('Former harbour master Ivo Kell was fined by the county court', ['Ivo Kell']), 'ivo kell');
    assert.equal(actor('Dunmore praised Kelby for the talks', ['Dunmore', 'Kelby']), 'dunmore', 'a verb ends the run');
    assert.equal(actor('Ferries from Dunmore were late again', ['Dunmore']), null, 'a preposition is no title');
    assert.equal(actor('Fishermen met Rowe in Kelby on Friday', ['Rowe', 'Kelby']), null, 'a verb between is no title');
    assert.equal(actor('Of course Kelby wants the quay rebuilt', ['Kelby']), null, 'a capitalised preposition is no title');
  });
  it('is no actor before a noun, a possessive, a list or a preposition', () => {
    assert.equal(actor('The Norland navy provided no details on the drills', ['Norland']), null, 'a name before a noun');
    assert.equal(actor("Rowe's ferry was late again", ['Rowe']), null);
    assert.equal(actor('Dunmore and Kelby have agreed on quotas', ['Dunmore', 'Kelby']), null);
    assert.equal(actor('Dunmore in winter is a quiet town', ['Dunmore']), null);
  });
  it('after an attribution, is the name that opens what it reports', () => {
    const t = 'Rowe said on Monday that Kelby is ready to reopen talks';
    assert.equal(actor(t, ['Rowe', 'Kelby'], 2), 'kelby');
    const n = claimNorm(new AnalysisContext(), claimOf(t, { speaker: 'Rowe', entities: ['Rowe', 'Kelby'] }));
    assert.equal(n.actor?.[0], 'kelby');
  });
  it('reads a capital or a seat of government as its country, and a full name as its surname too', () => {
    assert.ok(actorKeys('Beijing').includes('china'));
    assert.ok(actorKeys('the White House').includes('united states'));
    assert.ok(actorKeys('Ada Rowe').includes('rowe'));
    assert.ok(!actorKeys('Dunmore').includes('china'));
  });
  it('two actors conflict only when neither claim names the other', () => {
    const ctx = new AnalysisContext();
    const norm = (t: string, entities: string[]) => claimNorm(ctx, claimOf(t, { entities }));
    const a = norm('Dunmore has offered to reopen talks on fishing quotas', ['Dunmore']);
    assert.equal(otherActors(a, norm('Kelby is ready to reopen talks on fishing quotas', ['Kelby'])), true);
    assert.equal(otherActors(a, norm('Kelby is ready to reopen talks on fishing quotas with Dunmore', ['Kelby', 'Dunmore'])), false, 'it names the other actor');
    assert.equal(otherActors(a, norm('Dunmore is ready to reopen talks on fishing quotas', ['Dunmore'])), false, 'one actor');
    assert.equal(otherActors(norm('Ada Rowe has offered to reopen talks', ['Ada Rowe']), norm('Rowe is ready to reopen talks', ['Rowe'])), false, 'a surname');
    assert.equal(otherActors(norm('Beijing has offered to reopen talks', ['Beijing']), norm('China is ready to reopen talks', ['China'])), false, 'a capital');
  });
});

describe('the actor set off from its verb', () => {
  const ctx = new AnalysisContext();
  const norm = (t: string, entities: string[]) => claimNorm(ctx, claimOf(t, { entities }));
  it('is the name after a role set off by commas, the verb after it', () => {
    const n = norm('The harbour board’s finance director, Maeve Dunleavy, will sign the ferry contract', ['Maeve Dunleavy']);
    assert.deepEqual([n.actor?.[0], n.actorPerson], ['maeve dunleavy', true]);
    assert.equal(norm('The harbour board’s finance director, Maeve Dunleavy and the mayor will sign the contract', ['Maeve Dunleavy']).actor, null, 'no verb after the name');
    assert.equal(norm('In the harbour, Kelby, ferries were late', ['Kelby']).actor, null, 'no role word before it');
  });
  it('is the name before a relative clause set off by commas, its verb after the clause', () => {
    const n = norm('Council member Ada Rowe, who represents the quay ward, cast one of the two votes against the ferry cuts', ['Ada Rowe']);
    assert.deepEqual([n.actor?.[0], n.actorSegment, n.actorSegmentEnd], ['ada rowe', 0, 2], 'the clause is the actor’s');
  });
  it('is the name before a description set off by commas, its verb after it', () => {
    const n = norm('Kelby Shipping, the harbour board’s ferry operator, has been fined £40,000 over a late sailing', ['Kelby Shipping']);
    assert.deepEqual([n.actor?.[0], n.actorSegment], ['kelby shipping', 0]);
    const fined = (who: string, what: string) => claimOf(`${who}${what} has been fined £40,000 by the maritime regulator over a ferry that sailed with a broken radar`, { kind: 'numeric', entities: [who], numbers: [{ value: 40000, unit: 'pounds', qualifier: null }] });
    assert.deepEqual(linkPair(fined('Dunmore Harbour Board', ''), fined('Kelby Shipping', ', the harbour board’s ferry operator,')).by, [], 'two parties fined');
    assert.deepEqual(linkPair(fined('Kelby Shipping', ''), fined('Kelby Shipping', ', the harbour board’s ferry operator,')).by, ['b'], 'one party');
  });
  it('keeps two such actors apart, with a figure shared or not', () => {
    const vote = (who: string, name: string, ward: string) => claimOf(`Council member ${who}, who represents the ${ward} ward, cast one of the two votes against the ferry cuts`, { entities: [name, ward] });
    assert.deepEqual(linkPair(vote('Ada Rowe', 'Ada Rowe', 'Quayside'), vote('Ivo Kell', 'Ivo Kell', 'Northgate')).by, []);
    assert.deepEqual(linkPair(vote('Ada Rowe', 'Ada Rowe', 'Quayside'), vote('Rowe', 'Rowe', 'Quayside')).by, ['b'], 'the same person');
    const sign = (role: string, name: string) => claimOf(`${role}, ${name}, will sign the ferry contract with Kelby Shipping on Friday`, { entities: [name, 'Kelby Shipping'] });
    assert.deepEqual(linkPair(sign('The harbour board’s finance director', 'Maeve Dunleavy'), sign('The harbour board chairman', 'Oskar Lindqvist')).by, []);
  });
});

describe('claims of two parties in one slot', () => {
  const offer = (from: string) => claimOf(`Dunmore Rovers turned down a £12 million offer for Ivo Kell from ${from} in early June`, { kind: 'numeric', entities: ['Dunmore Rovers', 'Ivo Kell', from], numbers: [{ value: 12e6, unit: 'pounds', qualifier: null }] });
  it('do not link when each names another party after the same preposition', () => {
    assert.deepEqual(linkPair(offer('Kelby Town'), offer('Holm Athletic')).by, []);
    assert.deepEqual(linkPair(offer('Kelby Town'), offer('Kelby Town')).by, ['b'], 'one party');
  });
  it('read a capital as its country and a possessive as no party', () => {
    const talks = (other: string, names: string[]) => claimOf(`Premier Ada Rowe held two hours of talks on fishing quotas with ${other} on Tuesday in Holm`, { entities: ['Ada Rowe', ...names, 'Holm'] });
    assert.deepEqual(linkPair(talks('Moscow', ['Moscow']), talks('Russia', ['Russia'])).by, ['b']);
    assert.deepEqual(linkPair(talks("Varnia's president", ['Varnia']), talks('Dan Ferro', ['Dan Ferro'])).by, ['b']);
  });
  it('link when one names the party by a word of the other\'s name', () => {
    const a = claimOf('Premier Ada Rowe opened coalition talks with the Greens on Tuesday in the capital', { entities: ['Ada Rowe', 'Greens'] });
    const b = claimOf('Premier Ada Rowe opened coalition talks with the Green Party on Tuesday in the capital', { entities: ['Ada Rowe', 'Green Party'] });
    assert.deepEqual(linkPair(a, b).by, ['b']);
  });
});

describe('claims of two actors', () => {
  it('do not link when each names its own person by a title', () => {
    const a = claimOf('Council member Ada Rowe cast the lone vote against the ferry cuts on Tuesday', { entities: ['Ada Rowe'] });
    const b = claimOf('Council president Ivo Kell cast the deciding vote against the ferry cuts on Tuesday', { entities: ['Ivo Kell'] });
    assert.deepEqual(linkPair(a, b).by, []);
    const same = claimOf('Rowe cast the lone vote against the ferry cuts on Tuesday', { entities: ['Rowe'] });
    assert.deepEqual(linkPair(a, same).by, ['b']);
    // A person by a title against a name without one may be the institution the person acts for.
    const chief = claimOf('Kelby police chief Dana Holt suspended the two officers without pay on Tuesday', { entities: ['Kelby', 'Dana Holt'] });
    assert.deepEqual(linkPair(chief, claimOf('Kelby Police suspended the two officers without pay on Tuesday', { entities: ['Kelby Police'] })).by, ['b']);
  });
  it('do not link when each names its own person, one by a capitalised title, the other by a title or a first name', () => {
    const minister = () => claimOf('Harbour Minister Ada Rowe described the ferry strike as reckless and said it would strand island pupils', { entities: ['Ada Rowe'] });
    const spokesman = claimOf('Opposition harbour spokesman Ivo Kell described the ferry strike as reckless and said it would strand island pupils', { entities: ['Ivo Kell'] });
    assert.deepEqual(linkPair(minister(), spokesman).by, []);
    assert.deepEqual(linkPair(minister(), claimOf('Ivo Kell described the ferry strike as reckless and said it would strand island pupils', { entities: ['Ivo Kell'] })).by, [], 'a known first name: a person');
    assert.deepEqual(linkPair(minister(), claimOf('Rowe described the ferry strike as reckless and said it would strand island pupils', { entities: ['Rowe'] })).by, ['b'], 'the same person');
    const ctx = new AnalysisContext();
    assert.equal(claimNorm(ctx, minister()).actorPerson, true);
    // The second predicate is the actor's too: no clause of it is shared apart from the actor.
    const warned = (who: string, name: string) => claimOf(`${who} criticised the ferry strike and warned it would strand island pupils during exams`, { entities: [name] });
    assert.deepEqual(linkPair(warned('Harbour Minister Ada Rowe', 'Ada Rowe'), warned('Ivo Kell', 'Ivo Kell')).by, []);
    assert.deepEqual(linkPair(warned('Harbour Minister Ada Rowe', 'Ada Rowe'), claimOf('The union warned the ferry strike would strand island pupils during exams, Ivo Kell said', { entities: ['Ivo Kell'] })).by, ['b'], 'a clause with a subject of its own');
    assert.deepEqual(claimNorm(ctx, warned('Ivo Kell', 'Ivo Kell')).actorSegmentEnd, 1);
    assert.equal(claimNorm(ctx, claimOf('Kelby Police suspended the two officers', { entities: ['Kelby Police'] })).actorPerson, false);
  });
  const offered = () => claimOf('Dunmore has offered to discuss limits on trawler numbers in the northern fishing grounds, curbs on night fishing and other conservation measures', { entities: ['Dunmore'] });
  it('do not link when each opens with its own actor and neither names the other', () => {
    const other = claimOf('Kelby has offered to discuss limits on trawler numbers in the northern fishing grounds, curbs on night fishing and other conservation measures', { entities: ['Kelby'] });
    assert.deepEqual(linkPair(offered(), other).by, []);
  });
  it('link with one actor, named in full or not', () => {
    const same = claimOf('Dunmore offered to discuss limits on trawler numbers in the northern fishing grounds and curbs on night fishing', { entities: ['Dunmore'] });
    assert.deepEqual(linkPair(offered(), same).by, ['b']);
    const rowe = () => claimOf('Ada Rowe has offered to discuss limits on trawler numbers in the northern fishing grounds', { entities: ['Ada Rowe'] });
    assert.deepEqual(linkPair(rowe(), claimOf('Rowe has offered to discuss limits on trawler numbers in the northern fishing grounds', { entities: ['Rowe'] })).by, ['b']);
  });
});

describe('a clause shared without a name', () => {
  const quoted = () => claimOf('“Perhaps I can, by speaking plainly to young dairy farmers, explain why the river keeps rising every spring and why the old dykes failed,” she said', { kind: 'quote', speaker: 'Ada Rowe' });
  it('links when four words that weigh something, a verb among them, are held by both', () => {
    const told = claimOf('Rowe also claimed she could speak plainly to young farmers to stop the county council from draining the marshes near the estuary', { entities: ['Rowe'] });
    assert.deepEqual(linkPair(quoted(), told).by, ['b']);
  });
  it('not with three such words, nor with four but another verb', () => {
    const three = claimOf('Rowe also claimed she could speak plainly to farmers to stop the county council from draining the marshes near the estuary', { entities: ['Rowe'] });
    assert.deepEqual(linkPair(quoted(), three).by, []);
    const noVerb = claimOf('Rowe also claimed she could write plainly to young dairy farmers to stop the county council from draining the marshes near the estuary', { entities: ['Rowe'] });
    assert.deepEqual(linkPair(quoted(), noVerb).by, []);
  });
});

describe('guards on the looser shared-clause and numeric rules', () => {
  const ctx = () => new AnalysisContext();
  /** `matchClaims` on two claims as the linker sees them beside two unrelated documents (no key frequent), candidates aside. */
  const match = (a: Claim, b: Claim) => {
    const docs = [[a], [b], [claimOf('A bakery in the harbour district sold rye bread to early tourists')], [claimOf('The orchestra rehearsed a new symphony for the autumn festival')]].map(claims => ({ claims }));
    const idx = linkItems(ctx(), docs);
    return matchClaims(idx.items[0], idx.items[1], idx.weight(0, 1), idx.isName);
  };
  it('a noun derived from a verb is a predicate, but written only as a noun it is no verb', () => {
    const n = claimNorm(ctx(), claimOf('the Rowe administration has promised a veto', { entities: ['Rowe'] }));
    const u = n.units.findIndex(x => x[0] === 'administer');
    assert.ok(n.predicates.includes(u) && n.nominal.includes(u));
    const v = claimNorm(ctx(), claimOf('Rowe administered the port for a decade', { entities: ['Rowe'] }));
    assert.ok(!v.nominal.includes(v.units.findIndex(x => x[0] === 'administer')));
  });
  it('an actor and a derived noun are not an actor and its verb', () => {
    const promised = claimOf('Over the past few days, the Rowe administration has promised a veto and tried to convince members of both councils that the dredging bill is a bad idea', { entities: ['Rowe'] });
    const favourite = claimOf('Harbour schools remain a policy favourite on both banks of the river, promoted by the ferry union and the Rowe administration', { entities: ['Rowe'] });
    assert.equal(match(promised, favourite), null);
    const administered = claimOf('Harbour schools remain a policy favourite on both banks of the river, which Rowe administered', { entities: ['Rowe'] });
    const ran = claimOf('Over the past few days, Rowe administered the port and tried to convince members of both councils that the dredging bill is a bad idea', { entities: ['Rowe'] });
    assert.notEqual(match(ran, administered), null, 'the verb itself still makes the clause');
  });
  it('a numeric fact needs two anchors besides the words of its number', () => {
    const fined = claimOf('Earlier this month, Kelby Bank was fined $185 million, including a record $100 million penalty imposed by the harbour authority for cheating customers', { entities: ['Kelby Bank'], numbers: [{ value: 185e6, unit: 'dollar', qualifier: null }, { value: 100e6, unit: 'dollar', qualifier: null }] });
    const raised = claimOf('he railed against the corrupting influence of river lobbies, including the one backing Rowe that raised more than $100 million', { entities: ['Rowe'], numbers: [{ value: 100e6, unit: 'dollar', qualifier: 'more than' }] });
    assert.equal(match(fined, raised), null);
    const penalty = claimOf('The harbour authority imposed a record $100 million penalty on Kelby Bank for cheating customers', { entities: ['Kelby Bank'], numbers: [{ value: 100e6, unit: 'dollar', qualifier: null }] });
    assert.notEqual(match(fined, penalty), null);
  });
});

describe('a subject set off from its verb by an aside', () => {
  it('numbers the subject and the clause from its verb on first, the aside after them', () => {
    const text = 'Lind, 40 ― a baker who sang in the choir ― was shot and killed by a deputy';
    const seg = asideLast(text, segmentsOf(text));
    const w = words(text);
    const at = (word: string) => seg[w.indexOf(word)];
    assert.deepEqual([at('Lind'), at('shot'), at('killed')], [0, 1, 2]);
    assert.ok(at('baker') > at('deputy') && at('choir') > at('deputy'), 'the aside after the clause');
  });
  it('leaves other texts as they are', () => {
    for (const t of ['CHARLOTTE - The Guard, deployed on Thursday, will stay', 'Lind, Rowe and Vale were fined', 'At the quay, the ferry was delayed', 'Lind was shot, and Rowe was fined']) {
      assert.deepEqual(asideLast(t, segmentsOf(t)), segmentsOf(t), t);
    }
  });
});
