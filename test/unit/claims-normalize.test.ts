import assert from 'node:assert/strict';
import { groupClaims, INFER_MAX, INFER_MIN } from '../../src/core/claims/groups';
import { ClaimLinker } from '../../src/core/claims/links';
import { FULL_OVERLAP } from '../../src/core/claims/match';
import { claimNorm, lemmaKey, predicatesAgree } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

const claim = (text: string, over: Partial<Claim> = {}): Claim => ({
  start: 0, end: text.length, text, kind: 'statement', speaker: null, entities: [], numbers: [], status: 'unique',
  corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1, ...over,
});
const keys = (text: string, over: Partial<Claim> = {}) => claimNorm(new AnalysisContext(), claim(text, over)).units.map(u => u[0]);

describe('claim normalisation', () => {
  it('leaves object and reflexive pronouns out of the keys', () => {
    assert.deepEqual(keys('The guards ordered him to drop the knife'), keys('The guards ordered them to drop the knife'));
    assert.ok(!keys('The guards ordered him to drop the knife').includes('him'));
    assert.ok(!keys('The mayor found herself alone at the harbour').includes('herself'));
  });
  it('gives inflections, irregular forms and derived nouns one key', () => {
    assert.equal(lemmaKey('invaded'), lemmaKey('invade'));
    assert.equal(lemmaKey('invading'), lemmaKey('invasion'));
    assert.equal(lemmaKey('withdrew'), lemmaKey('withdrawal'));
    assert.equal(lemmaKey('withdrawn'), lemmaKey('withdraws'));
    assert.equal(lemmaKey('denied'), lemmaKey('denies'));
    assert.equal(lemmaKey('refusal'), lemmaKey('refused'));
    assert.notEqual(lemmaKey('units'), lemmaKey('unify'), 'a derivation adds a suffix: "unit" is not derived from "unify"');
    assert.notEqual(lemmaKey('bank'), lemmaKey('banner'));
  });
  it('reduces each inflection to the base form it spells, and leaves a final "s" that is no plural\'s', () => {
    // e dropped, consonant doubled, y read as ie or i: the verb in common use the form spells.
    assert.equal(lemmaKey('taking'), lemmaKey('take'));
    assert.equal(lemmaKey('using'), lemmaKey('uses'));
    assert.equal(lemmaKey('banned'), lemmaKey('ban'));
    assert.equal(lemmaKey('hoping'), lemmaKey('hope'));
    assert.equal(lemmaKey('dying'), lemmaKey('dies'));
    assert.equal(lemmaKey('criticizes'), lemmaKey('criticize'));
    assert.equal(lemmaKey('goes'), lemmaKey('go'), '-es after a verb that ends in a vowel');
    assert.equal(lemmaKey('does'), lemmaKey('doing'));
    assert.equal(lemmaKey('watches'), lemmaKey('watched'));
    assert.equal(lemmaKey('exceeded'), lemmaKey('exceed'));
    assert.equal(lemmaKey('bombings'), lemmaKey('bombing'), 'the plural of an -ing noun reads as the -ing form');
    // Must not fire: another verb, or a word whose "s" is its own.
    assert.notEqual(lemmaKey('hopping'), lemmaKey('hoping'));
    assert.notEqual(lemmaKey('singing'), lemmaKey('singe'));
    assert.notEqual(lemmaKey('news'), lemmaKey('new'));
    assert.notEqual(lemmaKey('series'), lemmaKey('serial'));
    assert.equal(lemmaKey('biases'), lemmaKey('bias'));
    assert.notEqual(lemmaKey('using'), lemmaKey('us'));
  });
  it('reads an adjective as the noun it pertains to', () => {
    assert.equal(lemmaKey('presidential'), lemmaKey('president'));
    assert.equal(lemmaKey('diplomatic'), lemmaKey('diplomacy'));
    assert.notEqual(lemmaKey('natural'), lemmaKey('nation'), 'not a pertainym');
    assert.notEqual(lemmaKey('present'), lemmaKey('president'));
  });
  it('reads an adjective of a compass point as the point', () => {
    assert.equal(lemmaKey('northern'), lemmaKey('north'));
    assert.equal(lemmaKey('southeastern'), lemmaKey('southeast'));
    assert.equal(lemmaKey('westernmost'), lemmaKey('west'));
    // Must not fire: words that only end in -ern, or a compass word that is no adjective of the point.
    assert.notEqual(lemmaKey('lantern'), lemmaKey('lant'));
    assert.notEqual(lemmaKey('eastward'), lemmaKey('east'));
    assert.notEqual(lemmaKey('concern'), lemmaKey('conc'));
    assert.deepEqual(keys('Floods closed the southern and eastern roads').sort(), keys('Floods closed the roads to the south and east').sort());
  });
  it('reads two-word verbs as one and leaves names, attribution and verbs of saying to other fields', () => {
    assert.deepEqual(keys('The garrison pulled back from the valley'), keys('The garrison withdrew from the valley'));
    const a = keys('Paris said the strike would end on Friday', { speaker: 'France', entities: ['France'] });
    const b = keys('Officials noted that the strike would end on Friday', { speaker: 'officials' });
    assert.deepEqual(a, [lemmaKey('strike'), lemmaKey('end')]);
    assert.deepEqual(b, a);
    assert.deepEqual(keys('The talks in Oslo failed', { entities: ['Oslo'] }), ['talk', lemmaKey('failed'), '@oslo']);
  });
  it('reads a verb and a following preposition or pronoun as two words, not as a two-word verb', () => {
    // "make it" (survive), "go to" (attend), "make for" (wreak) are WordNet verbs, but after a verb these words
    // mostly start something else: the object of the preposition, the subject of a small clause.
    assert.deepEqual(keys('The delay makes it harder to plan the harvest'), [lemmaKey('delay'), lemmaKey('make'), lemmaKey('harder'), lemmaKey('plan'), lemmaKey('harvest')]);
    assert.ok(keys('The mayor went to the flooded school').includes(lemmaKey('go')));
    assert.ok(!keys('The mayor went to the flooded school').includes(lemmaKey('attend')));
    assert.ok(keys('A garrison took part in the parade').includes(lemmaKey('participate')), 'a noun object still makes one verb');
  });
  it('keeps negations, weekdays and numbers with their unit apart from the words', () => {
    const n = claimNorm(new AnalysisContext(), claim('The mill did not close on Monday, raising hopes nobody would lose work', { numbers: [] }));
    assert.equal(n.negation, 1, 'the trailing participial clause negates nothing of the claim');
    assert.deepEqual(n.days, ['monday']);
    const m = keys('The port shipped 4,000 tonnes', { numbers: [{ value: 4000, unit: 'tonnes', qualifier: null }] });
    assert.ok(m.includes('#4000 tonn') || m.some(k => k.startsWith('#4000 ')), m.join(' '));
  });
  it('synonyms count only for sets of usual senses, and predicates must agree', () => {
    const ctx = new AnalysisContext();
    const talks = claimNorm(ctx, claim('The unions want more talks'));
    const negotiations = claimNorm(ctx, claim('The unions want more negotiations'));
    assert.ok(talks.units.some(u => negotiations.units.some(v => v.slice(1).some(k => u.slice(1).includes(k)))), 'talks / negotiations share a usual sense');
    const bank = claimNorm(ctx, claim('The bank closed'));
    const shore = claimNorm(ctx, claim('The shore closed'));
    assert.ok(!bank.units[0].slice(1).some(k => shore.units[0].includes(k)), 'bank / shore: not a usual sense of both');
    assert.equal(predicatesAgree(claimNorm(ctx, claim('The council approved the budget')), claimNorm(ctx, claim('The council rejected the budget'))), false);
    assert.equal(predicatesAgree(claimNorm(ctx, claim('The council approved the budget')), claimNorm(ctx, claim('The budget was approved by the council'))), true);
  });
});

describe('directional corroboration and claim groups', () => {
  const link = (docs: { path: string; claims: Claim[] }[]) => new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
  it('the shorter claim is corroborated by the longer, which lists it as partial; same claim: both ways', () => {
    const a = [claim('The harbour authority closed the northern pier after the storm damaged its cranes', { entities: [] })];
    const b = [claim('The harbour authority closed the northern pier', { entities: [] })];
    const c = [claim('The harbour authority closed the northern pier after the storm damaged its cranes', { entities: [] })];
    const d = [claim('A bakery in the old town sold bread to tourists at dawn', { entities: [] })];
    link([{ path: 'a', claims: a }, { path: 'b', claims: b }, { path: 'c', claims: c }, { path: 'd', claims: d }]);
    assert.deepEqual(b[0].corroboratedBy.map(l => l.path), ['a', 'c']);
    assert.deepEqual(a[0].partlyCorroboratedBy!.map(l => l.path), ['b']);
    assert.deepEqual(a[0].corroboratedBy.map(l => l.path), ['c']);
    assert.deepEqual(c[0].corroboratedBy.map(l => l.path), ['a']);
    assert.equal(a[0].claimGroup, b[0].claimGroup);
    assert.equal(a[0].claimGroupSize, 3);
    assert.equal(d[0].claimGroup, null);
    assert.equal(d[0].claimGroupSize, 1);
  });
  it('a weekday shared does not reconcile two months, nor a month two weekdays', () => {
    const said = (what: string) => claim(`The Harbour Gazette reported on Tuesday that the minister flew to the island of Sarn with his family ${what}`, { entities: [] });
    const d = [claim('A bakery in the old town sold bread to tourists at dawn', { entities: [] })];
    const e = [claim('The orchestra rehearsed a new symphony for the autumn festival', { entities: [] })];
    const run = (x: string, y: string, told = true) => {
      const a = [told ? said(x) : claim(x, { entities: [] })], b = [told ? said(y) : claim(y, { entities: [] })];
      link([{ path: 'a', claims: a }, { path: 'b', claims: b }, { path: 'd', claims: d }, { path: 'e', claims: e }]);
      return { by: a[0].corroboratedBy.map(l => l.path), disputed: a[0].disputedBy.map(l => [l.path, l.reason]) };
    };
    assert.deepEqual(run('in July', 'in July'), { by: ['b'], disputed: [] });
    assert.deepEqual(run('in July', 'in April'), { by: [], disputed: [['b', 'date']] });
    const flew = 'The minister flew to the island of Sarn with his wife and their two children in July, on a';
    assert.deepEqual(run(`${flew} Monday`, `${flew} Friday`, false), { by: [], disputed: [['b', 'date']] });
  });
  it('two groups merge only through two links, a lone claim joins by one', () => {
    const at = (path: string, start: number) => ({ path, start, end: start + 1, similarity: 0.9 });
    const mk = (start: number, links: ReturnType<typeof at>[]) => ({ ...claim('x'), start, end: start + 1, corroboratedBy: links });
    // Group 1: a0-b0; group 2: c0-d0; one link b0-c0 joins nothing; a lone e0 joins group 2 by one link.
    const docs = [
      { path: 'a', claims: [mk(0, [at('b', 0)])] },
      { path: 'b', claims: [mk(0, [at('a', 0), at('c', 0)])] },
      { path: 'c', claims: [mk(0, [at('d', 0), at('b', 0), at('e', 0)])] },
      { path: 'd', claims: [mk(0, [at('c', 0)])] },
      { path: 'e', claims: [mk(0, [at('c', 0)])] },
    ];
    // The b0-c0 link is the weakest: taken last, when both groups are formed.
    docs[1].claims[0].corroboratedBy[1].similarity = 0.5;
    docs[2].claims[0].corroboratedBy[1].similarity = 0.5;
    groupClaims(docs);
    const g = docs.map(d => d.claims[0].claimGroup);
    assert.equal(g[0], g[1]);
    assert.equal(g[2], g[3]);
    assert.equal(g[4], g[2]);
    assert.notEqual(g[0], g[2]);
    assert.deepEqual(docs.map(d => d.claims[0].claimGroupSize), [2, 2, 3, 3, 3]);
    // A second link between the two groups merges them.
    docs[0].claims[0].corroboratedBy.push(at('d', 0));
    docs[3].claims[0].corroboratedBy.push(at('a', 0));
    groupClaims(docs);
    assert.equal(new Set(docs.map(d => d.claims[0].claimGroup)).size, 1);
    assert.equal(docs[0].claims[0].claimGroupSize, 5);
  });
  it('a group lists the sources its links imply: full links chain, a part of one member is a part of its full mates', () => {
    const at = (path: string, similarity = 0.8) => ({ path, start: 0, end: 1, similarity });
    const one = (path: string, over: Partial<Claim> = {}) => ({ path, claims: [{ ...claim('x'), end: 1, ...over }] });
    // a-b and b-c in full, a-c not linked; p states part of a; q states part of a too; n has another number of the same thing.
    const docs = [
      one('a', { corroboratedBy: [at('b'), at('c')], partlyCorroboratedBy: [at('p'), at('q')] }),
      one('b', { corroboratedBy: [at('a'), at('c')] }),
      one('c', { corroboratedBy: [at('b', 0.6)] }),
      one('p', { corroboratedBy: [at('a')] }),
      one('q', { corroboratedBy: [at('a')] }),
    ];
    docs[0].claims[0].corroboratedBy = [at('b')];
    docs[1].claims[0].corroboratedBy = [at('a'), at('c', 0.6)];
    groupClaims(docs);
    const paths = (d: number, list: 'corroboratedBy' | 'partlyCorroboratedBy') => (docs[d].claims[0][list] ?? []).map(l => l.path).sort();
    assert.deepEqual(paths(0, 'corroboratedBy'), ['b', 'c'], 'a and c: joined by full links through b');
    assert.deepEqual(paths(2, 'corroboratedBy'), ['a', 'b']);
    assert.equal(docs[2].claims[0].corroboratedBy.find(l => l.path === 'a')!.similarity, 0.6, 'the weaker of the two best links');
    // p states part of a, so part of b and c: p is corroborated by them, they list p as partial.
    assert.deepEqual(paths(3, 'corroboratedBy'), ['a', 'b', 'c']);
    assert.deepEqual(paths(1, 'partlyCorroboratedBy'), ['p', 'q']);
    // Two parts of one claim are not the same claim.
    assert.ok(!paths(3, 'corroboratedBy').includes('q') && !paths(4, 'corroboratedBy').includes('p'));
    assert.ok(!(docs[3].claims[0].partlyCorroboratedBy ?? []).length);
  });
  it('infers no link between claims with different numbers of the same thing, nor in a group past the list size', () => {
    const at = (path: string) => ({ path, start: 0, end: 1, similarity: 0.8 });
    const num = (value: number) => [{ value, unit: 'ships', qualifier: null }];
    const docs = [
      { path: 'a', claims: [{ ...claim('x'), end: 1, numbers: num(12), corroboratedBy: [at('b')] }] },
      { path: 'b', claims: [{ ...claim('x'), end: 1, corroboratedBy: [at('a'), at('c')] }] },
      { path: 'c', claims: [{ ...claim('x'), end: 1, numbers: num(14), corroboratedBy: [at('b')] }] },
    ];
    groupClaims(docs);
    assert.equal(docs[0].claims[0].claimGroupSize, 3);
    assert.deepEqual(docs[0].claims[0].corroboratedBy.map(l => l.path), ['b']);
    // Two links of which one is loose (below INFER_MIN) make no third.
    const loose = [
      { path: 'a', claims: [{ ...claim('x'), end: 1, corroboratedBy: [at('b')] }] },
      { path: 'b', claims: [{ ...claim('x'), end: 1, corroboratedBy: [at('a'), { ...at('c'), similarity: INFER_MIN - 0.05 }] }] },
      { path: 'c', claims: [{ ...claim('x'), end: 1, corroboratedBy: [{ ...at('b'), similarity: INFER_MIN - 0.05 }] }] },
    ];
    groupClaims(loose);
    assert.equal(loose[0].claims[0].claimGroupSize, 3);
    assert.deepEqual(loose[0].claims[0].corroboratedBy.map(l => l.path), ['b']);
    assert.deepEqual(loose[2].claims[0].corroboratedBy.map(l => l.path), ['b']);
    // A shared clause (a full link below FULL_OVERLAP) ties its end to the other end's strong links, and only its end.
    const clause = FULL_OVERLAP - 0.1;
    const tied = [
      { path: 'a', claims: [{ ...claim('x'), end: 1, corroboratedBy: [at('b'), at('d')] }] },
      { path: 'b', claims: [{ ...claim('x'), end: 1, corroboratedBy: [at('a'), { ...at('c'), similarity: clause }, at('d')] }] },
      { path: 'c', claims: [{ ...claim('x'), end: 1, corroboratedBy: [{ ...at('b'), similarity: clause }] }] },
      { path: 'd', claims: [{ ...claim('x'), end: 1, corroboratedBy: [at('a'), at('b')] }] },
    ];
    groupClaims(tied);
    const listed = (d: number) => tied[d].claims[0].corroboratedBy.map(l => l.path).sort();
    assert.equal(tied[2].claims[0].claimGroupSize, 4);
    assert.deepEqual(listed(2), ['a', 'b', 'd'], 'c: b through the clause, and b\'s strong links');
    assert.deepEqual(listed(0), ['b', 'c', 'd']);
    // Two shared clauses make no third.
    const two = [
      { path: 'a', claims: [{ ...claim('x'), end: 1, corroboratedBy: [{ ...at('b'), similarity: clause }] }] },
      { path: 'b', claims: [{ ...claim('x'), end: 1, corroboratedBy: [{ ...at('a'), similarity: clause }, { ...at('c'), similarity: clause }] }] },
      { path: 'c', claims: [{ ...claim('x'), end: 1, corroboratedBy: [{ ...at('b'), similarity: clause }] }] },
    ];
    groupClaims(two);
    assert.deepEqual(two[0].claims[0].corroboratedBy.map(l => l.path), ['b']);
    assert.deepEqual(two[2].claims[0].corroboratedBy.map(l => l.path), ['b']);
    // A group larger than a listed one (each claim linked to its three nearest on either side of a ring): the group stands for the rest, no list grows.
    const n = INFER_MAX + 1, names = Array.from({ length: n }, (_, k) => `d${k}`);
    const near = (k: number) => [1, 2, 3, n - 3, n - 2, n - 1].map(s => names[(k + s) % n]).sort();
    const ring = names.map((path, k) => ({ path, claims: [{ ...claim('x'), end: 1, corroboratedBy: near(k).map(at) }] }));
    groupClaims(ring);
    assert.equal(ring[0].claims[0].claimGroupSize, n);
    assert.deepEqual(ring[0].claims[0].corroboratedBy.map(l => l.path), near(0));
  });
});
