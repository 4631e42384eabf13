import { AnalysisContext } from '../../src/core/text/memo';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ClaimLinker } from '../../src/core/claims/links';
import { contentWords, findClaims, parseNumbers } from '../../src/core/claims/claims';
import { analyzeLocal, Corpus } from '../../src/core/corpus/corpus';
import { normalizeEol } from '../../src/core/text/decode';
import { clockOf, datesOf } from '../../src/core/claims/normalize';
import { linkClaims } from '../support/linkClaimsReference';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';
import type { Claim, Entity, Quote } from '../../src/core/types';
import { evalDirOrSkip } from '../support/sharedEval';

const root = path.resolve(__dirname, '../../..');

const claimsOf = (text: string, entities: Entity[] = [], quotes: Quote[] = []) =>
  findClaims(new AnalysisContext(), { text, sentences: sentences(text, paragraphs(text)), quotes, entities, excluded: [] });

const ent = (text: string, name: string, type: Entity['type'], canonical = name): Entity => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, type, canonical };
};

describe('claims', () => {
  it('parses numbers with qualifier and unit, not years or days of the month', () => {
    assert.deepEqual(parseNumbers('Russia has massed more than 130,000 troops near Ukraine'), [{ value: 130000, unit: 'troops', qualifier: 'more than' }]);
    assert.deepEqual(parseNumbers('some 14,000 people have been killed'), [{ value: 14000, unit: 'people', qualifier: 'some' }]);
    assert.deepEqual(parseNumbers('about 30 kilometers (18 miles) away'), [{ value: 30, unit: 'kilometers', qualifier: 'about' }, { value: 18, unit: 'miles', qualifier: null }]);
    assert.deepEqual(parseNumbers('Russia annexed Crimea in 2014 and on February 15, 2022 it said'), []);
    assert.deepEqual(parseNumbers(' date 2022-02-15 Moscow: As the West eyed 3 convoys'), [{ value: 3, unit: 'convoys', qualifier: null }]);
    assert.deepEqual(parseNumbers('a $2.5 billion package'), [{ value: 2.5e9, unit: 'dollars', qualifier: null }]);
  });

  it('sorts sentences into kinds, one claim per sentence', () => {
    const text = 'Russia has massed more than 130,000 troops near Ukraine. Russia annexed Crimea in 2014. Lavrov said Moscow should hold more talks. The US reacted coolly. Is war coming? Robert Burns in Washington contributed.';
    const entities = [ent(text, 'Russia', 'PLACE'), ent(text, 'Ukraine', 'PLACE'), ent(text, 'Crimea', 'PLACE'), ent(text, '2014', 'DATE'),
      ent(text, 'Lavrov', 'PERSON', 'Sergey Lavrov'), ent(text, 'Moscow', 'PLACE'), ent(text, 'US', 'PLACE', 'United States'), ent(text, 'Robert Burns', 'PERSON'), ent(text, 'Washington', 'PLACE')]
      .sort((a, b) => a.start - b.start);
    const claims = claimsOf(text, entities);
    assert.deepEqual(claims.map(c => [c.kind, c.text]), [
      ['numeric', 'Russia has massed more than 130,000 troops near Ukraine'],
      ['event', 'Russia annexed Crimea in 2014'],
      ['reported', 'Lavrov said Moscow should hold more talks'],
      ['statement', 'The US reacted coolly'],
    ]);
    assert.equal(claims[2].speaker, 'Sergey Lavrov');
    for (const c of claims) assert.equal(c.text, text.slice(c.start, c.end));
  });

  it('credits a reported claim to no place named after a preposition of place', () => {
    const text = 'Health officials in Carrow Valley confirmed 23 cases of measles on Tuesday. A ferry pilot was arrested in the suburb of Lindal, police said. Dunmore said the pier would reopen in May.';
    const entities = [ent(text, 'Carrow Valley', 'PLACE'), ent(text, 'Lindal', 'PLACE'), ent(text, 'Dunmore', 'PLACE')].sort((a, b) => a.start - b.start);
    assert.deepEqual(claimsOf(text, entities).map(c => c.speaker), [null, null, 'Dunmore']);
  });

  it('credits a reported claim to a name after its verb only when the verb follows what was said', () => {
    const text = 'Fishermen along the coast say Okafor deserves a second term. The ferry will run through the winter, said Okafor. Residents said Dahl had misled the council. The tolls will rise in May — said Dahl.';
    const entities = [ent(text, 'Okafor', 'PERSON'), { ...ent(text, 'Okafor', 'PERSON'), start: text.lastIndexOf('Okafor'), end: text.lastIndexOf('Okafor') + 6 },
      ent(text, 'Dahl', 'PERSON'), { ...ent(text, 'Dahl', 'PERSON'), start: text.lastIndexOf('Dahl'), end: text.lastIndexOf('Dahl') + 4 }];
    assert.deepEqual(claimsOf(text, entities).map(c => [c.text.slice(0, 14), c.speaker]),
      [['Fishermen alon', null], ['The ferry will', 'Okafor'], ['Residents said', null], ['The tolls will', 'Dahl']]);
  });

  it('credits a reported claim to the name before an appositive, not to a name inside it', () => {
    const text = 'Jane Roe, the Harbour Board chair, said the pier would reopen. Lavrov, Russia’s foreign minister, said talks would go on. The agency, a unit of Harbour Board, said fees would rise.';
    const entities = [ent(text, 'Jane Roe', 'PERSON'), ent(text, 'Harbour Board', 'ORG'), ent(text, 'Lavrov', 'PERSON', 'Sergey Lavrov'), ent(text, 'Russia', 'PLACE'),
      { ...ent(text.slice(120), 'Harbour Board', 'ORG'), start: 120 + text.slice(120).indexOf('Harbour Board'), end: 120 + text.slice(120).indexOf('Harbour Board') + 13 }]
      .sort((a, b) => a.start - b.start);
    const claims = claimsOf(text, entities);
    const wire = 'Tom Reyes, Interior Ministry spokesman, said the pier would reopen. Jane Doe, D-Ohio, said the bill would pass. Ann Lee, spokeswoman for the Harbour Board, said fees would rise. Corran was denied bail on Friday by the harbour court.';
    const wireEntities = [ent(wire, 'Tom Reyes', 'PERSON'), ent(wire, 'Interior Ministry', 'ORG'), ent(wire, 'Jane Doe', 'PERSON'), ent(wire, 'D-Ohio', 'ORG'), ent(wire, 'Ann Lee', 'PERSON'), ent(wire, 'Harbour Board', 'ORG'), ent(wire, 'Corran', 'PERSON')]
      .sort((a, b) => a.start - b.start);
    assert.deepEqual(claimsOf(wire, wireEntities).map(c => c.speaker), ['Tom Reyes', 'Jane Doe', 'Ann Lee', null], 'wire-style appositives; a passive reports nothing');
    // (With no name before the appositive, the name inside it is the best guess left.)
    assert.deepEqual(claims.map(c => [c.kind, c.speaker]), [['reported', 'Jane Roe'], ['reported', 'Sergey Lavrov'], ['reported', 'Harbour Board']]);
  });

  it('takes claims from both copies of a passage a page repeats, and links each copy across sources', () => {
    const body = 'The port authority said the northern pier would stay closed until the engineers finish their survey of the damaged pilings. '
      + 'Ferry operators moved twelve sailings to the southern terminal, where the queues stretched past the harbour gates on Tuesday.';
    const c = new Corpus();
    const text = `Storm damage closes the northern pier\n\n${body}\n\n${body}\n`;
    c.set('a.txt', text);
    c.set('b.txt', 'Pier stays shut\n\nTraffic was heavy all day. Ferry operators moved twelve sailings to the southern terminal, where the queues stretched past the harbour gates on Tuesday.\n');
    const [a] = c.allResults().filter(r => r.path === 'a.txt');
    assert.ok(a.duplicates.some(d => d.kind === 'repeat'), 'the passage is found repeated');
    const ferry = a.claims.filter(x => x.text.startsWith('Ferry operators moved twelve sailings'));
    assert.equal(ferry.length, 2, 'one claim in each copy');
    assert.ok(ferry[1].start > ferry[0].end);
    for (const x of ferry) assert.deepEqual(x.corroboratedBy.map(l => l.path), ['b.txt']);
    for (const x of a.claims) assert.equal(x.text, text.slice(x.start, x.end));
  });

  it('disputes a claim whose negation or day changed when the rest says the same, and leaves looser pairs unlinked', () => {
    const mk = (text: string) => claimsOf(text).map(c => ({ ...c, entities: ['Harbour Council'] }));
    const docs = [
      { path: 'a', claims: mk('The harbour council approved the budget for dredging the northern channel on Monday.') },
      { path: 'b', claims: mk('The harbour council has not approved the budget for dredging the northern channel on Monday.') },
      { path: 'c', claims: mk('The harbour council approved the budget for dredging the northern channel on Friday.') },
      { path: 'd', claims: mk('The harbour council did not discuss the fishing quotas on Monday.') },
      { path: 'e', claims: mk('The harbour council approved the budget for dredging the northern channel on Monday.') },
    ];
    new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
    const [a, b, c, d] = docs.map(x => x.claims[0]);
    assert.deepEqual(a.corroboratedBy.map(l => l.path), ['e']);
    assert.deepEqual(a.disputedBy.map(l => [l.path, l.reason]), [['b', 'negation'], ['c', 'date']]);
    assert.deepEqual(b.disputedBy.map(l => [l.path, l.reason]), [['a', 'negation'], ['e', 'negation']]);
    assert.equal(b.status, 'disputed');
    assert.ok(!c.disputedBy.some(l => l.path === 'b'), 'two changes at once: no longer the same claim');
    assert.deepEqual([...d.corroboratedBy, ...d.disputedBy], [], 'another claim with a negation is no dispute');
  });

  it('does not link a claim whose time of day changed by more than an hour (no dispute either), and corroborates one told roughly', () => {
    const docs = ['at around 2 p.m. on Monday', 'at around 9 p.m. on Monday', 'shortly before 2:30pm on Monday'].map((when, k) => ({
      path: 'abc'[k], claims: claimsOf(`A fire broke out in the dry brush beside the northern harbour road ${when}.`),
    }));
    new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
    const a = docs[0].claims[0];
    assert.deepEqual(a.corroboratedBy.map(l => l.path), ['c']);
    assert.deepEqual(a.disputedBy, [], 'two moments of one event are as often told so');
    assert.deepEqual(clockOf('at 9 a.m., at 6:30pm, at noon; I am here'), [540, 1110, 720]);
    // Not the time a thing was told at, a span, or a time with its zone.
    assert.deepEqual(clockOf('Police said at a 4 p.m. news conference that the fire was out by 10 a.m.'), [600]);
    assert.deepEqual(clockOf('The roads were closed between 11 p.m. and 3 a.m.'), []);
    assert.deepEqual(clockOf('Polls close at 8 p.m. ET and at 5 p.m. Pacific'), []);
  });

  it('does not link a claim whose day of the month changed, the month written in full or not', () => {
    const docs = ['on July 12', 'on July 21', 'on the 12th of July'].map((when, k) => ({
      path: 'abc'[k], claims: claimsOf(`The national rowing championships on the northern lake begin ${when} with the heats.`),
    }));
    new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
    const a = docs[0].claims[0];
    assert.deepEqual(a.corroboratedBy.map(l => l.path), ['c']);
    assert.deepEqual(a.disputedBy, []);
    assert.deepEqual(datesOf('on Sept. 30th, 12 July 2025, May 1, 2024; in March 2,000 people; May 2025'), [930, 712, 501]);
    // Not the day a thing was told on, nor the ends of a span.
    assert.deepEqual(datesOf('The mill said on Sept. 2 that it would close on Dec. 31'), [1231]);
    for (const t of ['The fair runs July 12-21', 'between March 3 and March 6', 'open until July 21', 'from 12 to 15 July']) assert.deepEqual(datesOf(t), [], t);
  });

  it('links the same claim across documents at both ends, and disputes a different number', () => {
    const a = claimsOf('Russia has massed more than 130,000 troops near Ukraine, officials said nothing.', [])
      .map(c => ({ ...c, entities: ['Russia', 'Ukraine'] }));
    const b = claimsOf('The fears grew from the fact that Russia has massed more than 130,000 troops near Ukraine.')
      .map(c => ({ ...c, entities: ['Russia', 'Ukraine'] }));
    const d = claimsOf('Russia has massed more than 100,000 troops near Ukraine, officials said nothing.')
      .map(c => ({ ...c, entities: ['Russia', 'Ukraine'] }));
    const docs: { path: string; claims: Claim[] }[] = [{ path: 'a', claims: a }, { path: 'b', claims: b }, { path: 'd', claims: d }];
    new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
    assert.deepEqual(a[0].corroboratedBy.map(l => l.path), ['b']);
    assert.deepEqual(b[0].corroboratedBy.map(l => l.path), ['a']);
    assert.deepEqual(a[0].disputedBy.map(l => [l.path, l.reason]), [['d', 'number']]);
    assert.equal(a[0].status, 'disputed');
    assert.deepEqual(b[0].disputedBy.map(l => l.path), ['d']);
    assert.equal(d[0].status, 'disputed');
  });

  it('links incrementally exactly as the from-scratch reference does, on the seeds', function () {
    this.timeout(20_000);
    linksLikeTheReference([path.join(root, 'seeds')]);
  });

  it('links incrementally exactly as the from-scratch reference does, on the seeds and polnear-dev', function () {
    this.timeout(60_000);
    linksLikeTheReference([path.join(root, 'seeds'), evalDirOrSkip(this, 'polnear-dev')]);
  });

  it('normalises content words', () => {
    assert.deepEqual(contentWords('The troops were returning to their bases.'), ['troop', 'return', 'bas']);
  });
});

/** The incremental ClaimLinker against the from-scratch reference on every article of `dirs`, then after an edit. */
function linksLikeTheReference(dirs: string[]): void {
  const docs = dirs.flatMap(d => fs.readdirSync(d).filter(f => f.endsWith('.txt')).map(f => ({
    path: f, claims: analyzeLocal(new AnalysisContext(), normalizeEol(fs.readFileSync(path.join(d, f), 'utf8'))).claims,
  })));
  const copy = () => docs.map(d => ({ path: d.path, claims: d.claims.map(c => ({ ...c })) }));
  const reference = copy();
  linkClaims(reference);
  const linker = new ClaimLinker(new AnalysisContext());
  const incremental = copy();
  linker.link(incremental.map(d => ({ ...d, key: d.claims.map(c => c.text).join('\n') })));
  assert.deepEqual(incremental, reference);
  assert.ok(reference.some(d => d.claims.some(c => c.status !== 'unique')), 'some claims are linked');
  // One document edited: only its links are looked up again, with the same outcome.
  const edited = copy();
  edited[3].claims = edited[3].claims.slice(1);
  const ref2 = edited.map(d => ({ path: d.path, claims: d.claims.map(c => ({ ...c })) }));
  linkClaims(ref2);
  linker.link(edited.map(d => ({ ...d, key: d.claims.map(c => c.text).join('\n') })));
  assert.deepEqual(edited, ref2);
}
