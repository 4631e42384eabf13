/**
 * Numbers across sources: an amount of money counts its currency whatever word follows it, and two figures of one
 * thing agree when they differ only by rounding or, hedged ("nearly"), by a tenth.
 */
import assert from 'node:assert/strict';
import { compared, moneyQualified, parseNumbers, RANGE } from '../../src/core/claims/claims';
import { linkItems } from '../../src/core/claims/links';
import { matchClaims, numbersAgree } from '../../src/core/claims/match';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';
import { assertTwoFacts, claimOf, linkPair } from '../support/claimPair';

const claim = (text: string, over: Partial<Claim> = {}): Claim => claimOf(text, { kind: 'numeric', numbers: parseNumbers(text), ...over });
const link = linkPair;

describe('claims: numbers across sources', () => {
  it('reads an amount of money as a count of its currency', () => {
    assert.deepEqual(parseNumbers('The port borrowed €40 million from a regional bank').map(n => n.unit), ['euros']);
    assert.deepEqual(parseNumbers('a €40 million loan from a regional bank').map(n => [n.value, n.unit]), [[40e6, 'euros']]);
    assert.deepEqual(parseNumbers('a $3.5 billion bond').map(n => [n.value, n.unit]), [[3.5e9, 'dollars']]);
    assert.deepEqual(parseNumbers('40 million passengers').map(n => n.unit), ['passengers'], 'no sign, no currency');
    assert.deepEqual(parseNumbers('profit rose to £212m in the year').map(n => [n.value, n.unit]), [[212e6, 'pounds']], 'a scale abbreviated');
    assert.deepEqual(parseNumbers('a $1.5bn bond and a $300k grant').map(n => n.value), [1.5e9, 3e5]);
    assert.deepEqual(parseNumbers('the 100m final').map(n => n.value), [100], 'no sign: no scale');
    // A clock's figures are no count; a word opening with "am" or "pm" after a count is its thing.
    assert.deepEqual(parseNumbers('12 ambulances queued and 17 American sailors were killed').map(n => [n.value, n.unit]), [[12, 'ambulances'], [17, 'sailors']]);
    assert.deepEqual(parseNumbers('The ferry left at 9 am, at 6:30 p.m. and at 10:45 on Monday'), []);
  });

  it('agrees on a rounded or hedged figure, not on another one', () => {
    const n = (value: number, unit: string | null, qualifier: string | null = null) => ({ value, unit, qualifier });
    assert.ok(numbersAgree(n(916e6, 'dollars'), n(915.7e6, 'dollars')));
    assert.ok(numbersAgree(n(1e9, 'dollars', 'nearly'), n(916e6, 'dollars')));
    assert.ok(!numbersAgree(n(1e9, 'dollars'), n(916e6, 'dollars')), 'unhedged: a tenth apart is another figure');
    assert.ok(!numbersAgree(n(916e6, 'dollars'), n(916e6, 'euros')));
    assert.ok(!numbersAgree(n(18, null), n(18.1, null)), 'a bare number agrees only when equal');
    assert.ok(!numbersAgree(n(40, 'percent', 'about'), n(30, 'percent')));
  });

  it('counts people as any kind of people, and two kinds apart', () => {
    const n = (value: number, unit: string) => ({ value, unit, qualifier: null });
    assert.ok(numbersAgree(n(38, 'people'), n(38, 'passengers')));
    assert.ok(numbersAgree(n(38, 'residents'), n(38, 'persons')));
    assert.ok(!numbersAgree(n(38, 'passengers'), n(38, 'residents')), 'two kinds of people');
    assert.ok(!numbersAgree(n(38, 'people'), n(38, 'buses')), 'not people');
    assert.ok(!numbersAgree(n(38, 'people'), n(39, 'passengers')));
    assert.ok(numbersAgree(n(38, 'people'), n(38, 'persons')));
    assert.ok(!numbersAgree(n(1500, 'people'), n(1500, 'officers')), 'the forces sent are another crowd');
    const a = claim('The ferry carried 212 people to Kelby Island before the storm closed the harbour on Friday');
    assert.deepEqual(link(a, claim('The ferry carried 212 passengers to Kelby Island before the storm closed the harbour on Friday')).by, ['b']);
    assert.deepEqual(link(claim('Most of the 38 passengers were members of a seniors\' choir travelling to the Dunmore song festival'), claim('The bulk of the 38 people on board belonged to a choir of retirees headed to the Dunmore song festival')).by, ['b']);
  });
  it('reads a hedge before a currency sign when matching, the claim\'s numbers left as parsed', () => {
    assert.deepEqual(moneyQualified('a loss of nearly $1 billion', parseNumbers('a loss of nearly $1 billion')).map(n => n.qualifier), ['nearly']);
    assert.deepEqual(moneyQualified('about 3 million passengers and $3 million', parseNumbers('about 3 million passengers and $3 million')).map(n => n.qualifier), ['about', null]);
    const a = claim('The ferry line lost $3.2 million last year, its annual report shows');
    const b = claim('The annual report shows the ferry line lost about $3 million last year');
    const r = link(a, b);
    assert.deepEqual(r.by, ['b']);
    assert.deepEqual(r.disputed, [], 'a hedged round figure is no other amount');
    const c = claim('The ferry line lost $3.2 million last year, its annual report shows');
    const d = claim('The annual report shows the ferry line lost $3 million last year');
    assert.deepEqual(link(c, d).disputed, ['b'], 'unhedged, a tenth apart is another amount');
  });

  it('links the same loan named by two words, and disputes another amount', () => {
    const a = claim('The harbour authority took a €40 million loan from the regional bank to rebuild the ferry pier');
    const b = claim('To rebuild the ferry pier the harbour authority borrowed €40 million from the regional bank');
    assert.deepEqual(link(a, b).by, ['b']);
    const c = claim('The harbour authority borrowed €40 million from the regional bank to rebuild the ferry pier');
    const d = claim('To rebuild the ferry pier the harbour authority borrowed €25 million from the regional bank');
    const r = link(c, d);
    assert.deepEqual(r.by, []);
    assert.deepEqual(r.disputed, ['b']);
  });
});

describe('claims: ranges', () => {
  const range = (value: number, unit: string) => ({ value, unit, qualifier: RANGE });

  it('reads both ends of a range with what it counts, scaled', () => {
    assert.deepEqual(parseNumbers('Ferry fares rose 3.5-4 percent this year'), [range(3.5, 'percent'), range(4, 'percent')]);
    assert.deepEqual(parseNumbers('Ferry fares rose 3.5\u20134 percent this year'), [range(3.5, 'percent'), range(4, 'percent')], 'an en dash');
    assert.deepEqual(parseNumbers('The board approved a $5-10 million loan'), [range(5e6, 'dollars'), range(10e6, 'dollars')]);
    assert.deepEqual(parseNumbers('Between 5-10% of the board voted'), [range(5, 'percent'), range(10, 'percent')]);
    assert.deepEqual(parseNumbers('between 1.5 and 2 million passengers'), [range(1.5e6, 'passengers'), range(2e6, 'passengers')]);
    assert.deepEqual(parseNumbers('between 1,200 and 1,500 passengers'), [range(1200, 'passengers'), range(1500, 'passengers')]);
    assert.deepEqual(parseNumbers('The harbour party won 10-15 seats'), [range(10, 'seats'), range(15, 'seats')]);
    assert.deepEqual(compared(parseNumbers('a 10-15 minute crossing')), [{ ...range(10, 'minute'), upTo: 15 }]);
    assert.deepEqual(parseNumbers('fares rose $2-$3 per ride'), [range(2, 'dollars'), range(3, 'dollars')], 'a sign before each figure');
    assert.deepEqual(parseNumbers('a €5-€10 million grant'), [range(5e6, 'euros'), range(10e6, 'euros')]);
    assert.deepEqual(parseNumbers('The yard will cut 1,000-1,500 jobs'), [range(1000, 'jobs'), range(1500, 'jobs')]);
    assert.deepEqual(parseNumbers('Fares rose 3-4 per cent'), [range(3, 'percent'), range(4, 'percent')]);
    assert.deepEqual(parseNumbers('Fares rose 10 per cent'), [{ value: 10, unit: 'percent', qualifier: null }], '"per cent" is a percentage');
    assert.deepEqual(compared(parseNumbers('The board voted 5-4, and 10-15 residents protested')).map(n => [n.value, n.unit]),
      [[5004, 'tally'], [10, 'residents']], 'a range after a tally is no next score');
    assert.deepEqual(parseNumbers('50-60 mph winds and 2-3 gunmen'), [range(50, 'mph'), range(60, 'mph'), range(2, 'gunmen'), range(3, 'gunmen')]);
    assert.deepEqual(parseNumbers('Polls show Clinton 3-4 points ahead'), [range(3, 'points'), range(4, 'points')], 'after a name');
    // The larger first is no range ("a 6-4 lead" is a score); neither is a span of years, nor figures with no plural or
    // measure after them, nor a label's figures, nor figures far apart.
    for (const text of ['The ferry kept a 6-4 lead', 'the 2015-2016 season', 'In 2015-16 the ferry ran late', 'Call 555-1234 today', 'It was 9-11.',
      'after the 9-11 attacks', 'Residents aged 18-24 voted', 'The club has a 1-3 record', 'Boeing 737-800 jets were grounded', 'Dial 1-800 numbers',
      'Article 2-4 requirements', 'Category 4-5 hurricanes', 'grades 3-8 students', '7-11 stores']) {
      assert.ok(parseNumbers(text).every(n => n.qualifier !== RANGE), text);
    }
  });

  it('counts a figure that agrees as shared words when the two write it otherwise (in words, or of a kind of people)', () => {
    const kelby = (text: string) => claim(text, { entities: ['Kelby'] });
    const a = kelby('Around 600 people were evacuated from their homes in Kelby overnight as the water rose.');
    assert.deepEqual(link(a, kelby('Roughly six hundred residents of Kelby had to leave their homes during the night as the river rose.')).by, ['b']);
    assert.deepEqual(link(a, kelby('Roughly seven hundred residents of Kelby had to leave their homes during the night as the river rose.')).by, []);
    // Not a small count, often met by chance.
    const corran = (text: string) => claim(text, { entities: ['Corran'] });
    assert.deepEqual(link(corran('Fifteen residents were evacuated from the Corran estate after the blast.'), corran('The blast on the Corran estate killed 15 people.')).by, []);
  });
  it('does not link figures of two things, none of one value, the rest alike', () => {
    const kelby = (text: string) => claim(text, { entities: ['Kelby'] });
    const a = kelby('About 600 people were evacuated from their homes in Kelby overnight, the county council said.');
    assert.deepEqual(link(a, kelby('About 340 homes in Kelby were flooded overnight, the county council said.')).by, []);
    assert.deepEqual(link(a, kelby('About 600 people in Kelby had to leave their homes overnight, the county council said.')).by, ['b'], 'one figure');
    // A measure or a span given in another unit may be the same figure.
    assert.deepEqual(link(claim('At 1.6 kilometers, the new Kelby Bridge will be the longest cable-stayed span in the country.'), claim('The 1,600-meter Kelby Bridge will be the country\'s longest cable-stayed span when it opens.')).by, ['b']);
  });
  it('reads a measure as one unit however written', () => {
    const units = (text: string) => compared(parseNumbers(text)).map(n => [n.value, n.unit]);
    assert.deepEqual(units('with 40km to go, 40 kilometres out, 12 miles, 12kg and 3 feet'), [[40, 'km'], [40, 'km'], [12, 'mi'], [12, 'kg'], [3, 'ft']]);
    assert.deepEqual(parseNumbers('40 kilometers from the finish').map(n => n.unit), ['kilometers'], 'the claim keeps the word as written');
    assert.deepEqual(units('a 5.2m sea wall'), [[5.2, null]], '"m" may be millions');
    assert.deepEqual(units('a 40km/h limit'), [[40, null]], 'a speed is no distance');
    assert.ok(numbersAgree({ value: 5, unit: 'km', qualifier: null }, { value: 5.4, unit: 'km', qualifier: null }), 'a whole number is the other rounded');
    const kelby = (text: string) => claim(text, { entities: ['Kelby'] });
    assert.deepEqual(link(kelby('About 20 riders were brought down in a crash 40 kilometres from the finish in Kelby.'), kelby('The stage to Kelby was marred by a pile-up that brought down about 20 riders with 40km to go.')).by, ['b']);
  });
  it('reads a vote\'s split written out as a tally', () => {
    const tally = (text: string) => compared(parseNumbers(text)).map(n => [n.value, n.unit]);
    for (const t of ['The harbour council passed its budget by 31 votes to 19', 'The harbour council passed its budget with 31 voting in favour and 19 against', 'The harbour council passed its budget, 31 for and 19 against', 'The harbour council passed its budget, 31 in favor, 19 against']) {
      assert.deepEqual(tally(t), [[31019, 'tally']], t);
    }
    assert.deepEqual(tally('Fares rose for 12 weeks'), [[12, 'weeks']]);
    assert.deepEqual(tally('The levy rose from 31 votes to 19 percent'), [[31, 'votes'], [19, 'percent']], 'a share is no side of a vote');
    assert.deepEqual(tally('The motion carried with 40 in favour and 5 abstentions'), [[40, null], [5, 'abstentions']], 'no votes against');
  });
  it('keeps a tally with the smaller figure first where a vote or a game says so', () => {
    for (const text of ['The motion failed on a 3-4 vote', 'The harbour team suffered a 98-102 loss', "The council's 4-5 ruling stood"]) {
      assert.deepEqual(parseNumbers(text).map(n => n.unit), ['tally', 'tally'], text);
    }
    assert.ok(parseNumbers('Biden won the 18-29 vote').every(n => n.unit !== 'tally'), "the 18-29 vote is an age group's");
  });

  it('agrees with a figure inside it and with the same range, not with another', () => {
    const r = (value: number, upTo: number) => ({ value, upTo, unit: 'percent', qualifier: RANGE });
    const n = (value: number, qualifier: string | null = null) => ({ value, unit: 'percent', qualifier });
    assert.ok(numbersAgree(r(5, 10), r(5, 10)));
    assert.ok(numbersAgree(r(5, 10), n(8)), 'a figure inside the range');
    assert.ok(numbersAgree(n(10), r(5, 10)), 'an end of it, either way round');
    assert.ok(!numbersAgree(r(5, 10), r(5, 20)), 'one end shared is another range');
    assert.ok(!numbersAgree(r(5, 10), n(12)), 'a figure outside the range');
    assert.ok(numbersAgree(r(5, 10), n(10.5, 'about')), 'hedged, just outside');
    assert.ok(!numbersAgree(r(5, 10), { value: 8, unit: 'seats', qualifier: null }), 'another unit');
    assert.ok(!numbersAgree(r(5, 10), n(10, 'more than')), 'a bound past the range');
    assert.ok(numbersAgree(r(5, 10), n(10, 'at least')), 'a bound that takes the figure itself');
    assert.ok(numbersAgree(r(5, 10), n(8, 'more than')), 'a bound the range reaches past');
    assert.ok(numbersAgree(r(5, 10), n(20, 'up to')), 'a bound above the range');
    assert.ok(!numbersAgree(r(5, 10), n(5, 'less than')), 'a bound below the range');
  });

  it('disputes a claim with another range of the same thing, and not one with a figure inside it', () => {
    const poll = (share: string) => claim(`${share} of harbour residents back the new ferry timetable, the council survey found`);
    assert.deepEqual(link(poll('Between 5-10%'), poll('Between 5-10%')).by, ['b']);
    const other = link(poll('Between 5-10%'), poll('Between 20-25%'));
    assert.deepEqual(other.by, [], 'another range of the same survey corroborates nothing');
    assert.deepEqual(other.disputed, ['b']);
    assert.deepEqual(link(poll('Between 5-10%'), poll('About 8%')).disputed, [], 'a figure inside the range');
    assert.deepEqual(link(poll('Between 5-10%'), poll('Some 40%')).disputed, ['b'], 'a figure outside it');
  });
});

describe('claims: the thing a figure counts', () => {
  const units = (text: string) => parseNumbers(text).map(x => x.unit);
  it('is the plural a word or two on when the word after the figure describes it', () => {
    assert.deepEqual(units('The ferry line has won 24 league matches and lost 6 league matches.'), ['matches', 'matches']);
    assert.deepEqual(units('Officials are tracing 15 more suspected cases and 20 former crew members.'), ['cases', 'members']);
    assert.deepEqual(units('The harbour recorded 37 measles cases.'), ['cases']);
    assert.deepEqual(units('The clinic must fill 11 vacant nursing posts and eleven vacant teaching posts.'), ['posts', 'posts'], 'a word in "-ing" describes too');
    assert.deepEqual(units('Two soldiers died and 12 arrested protesters were freed.'), ['soldiers', 'protesters']);
    assert.deepEqual(units('Police held 14 overnight following protests and 30 people during raids.'), ['overnight', 'people'], 'a preposition in "-ing" describes nothing');
  });
  it('is the word after the figure when it names it, or is a measure joined to it', () => {
    assert.deepEqual(units('About 14 people died and 300 workers were laid off.'), ['people', 'workers']);
    assert.deepEqual(units('Rates rose 5 percent in 41 degrees heat.'), ['percent', 'degrees']);
    assert.deepEqual(units('Her 14-year-old daughter attends a 46-page course.'), ['year-old', 'page']);
    assert.deepEqual(units('Police arrested 30 protesters hours after the rally.'), ['protesters']);
  });
  it('is the plural after a name that says whose or where they are', () => {
    assert.deepEqual(units('Records of 62,000 Westmere patients and 300 New Harbour pilots leaked.'), ['patients', 'pilots']);
    assert.deepEqual(parseNumbers('The port expelled four Lothian diplomats'), [{ value: 4, unit: 'diplomats', qualifier: null }]);
    assert.deepEqual(units('He moved to 10 Downing Street yesterday.'), [null], 'a word after the name that is no plural');
    assert.deepEqual(units('The ferry sailed on 2 June and 3 Friday pilots left.'), [null, null], 'a month or a day the figure dates');
  });
  it('is the members a body of people names before them, in digits and in words alike', () => {
    assert.deepEqual(units('Some 600 police officers and 40 staff members searched the quay.'), ['officers', 'members']);
    assert.deepEqual(units('About six hundred police officers searched the quay.'), ['officers']);
    assert.deepEqual(units('Some 600 police searched the quay and 40 staff left.'), ['police', 'staff'], 'the body alone is counted');
  });
  it('disputes another figure of the same thing only when both are of one time', () => {
    const fees = (text: string) => claim(text, { entities: ['Harbour Board'] });
    // A year or a time gone by in one claim only: another time, no dispute ("Last year …" / "for the coming year").
    const r = linkPair(fees('Last year the Harbour Board raised mooring fees by 3.1 percent, its largest rise in a decade'), fees('The Harbour Board raised mooring fees by 2.4 percent, its largest rise in a decade'));
    assert.deepEqual([r.by, r.disputed], [[], []]);
    // A comparison's base is no time of the fact: the two figures still dispute each other.
    assert.deepEqual(linkPair(fees('Mooring fees at the Harbour Board rose 6.2 percent in the second quarter compared with a year earlier'), fees('Mooring fees at the Harbour Board rose 2.6 percent in the second quarter from the same period last year')).disputed, ['b']);
  });

  it('links two reports that put the thing counted in other places, and not another count of it', () => {
    const measles = claim('The harbour clinic has confirmed 37 measles cases since the outbreak began.');
    assert.deepEqual(link(measles, claim('Since the outbreak began, 37 cases of measles have been confirmed at the harbour clinic.')).by, ['b']);
    assertTwoFacts((a, b) => link(claim(a), claim(b)), [
      ['The harbour clinic has confirmed 37 measles cases since the outbreak began', 'The harbour clinic recorded its first outbreak in 2019, when 12 cases of measles were confirmed'],
    ]);
  });
});

describe('claims: ordinals in digits', () => {
  it('rank the thing named after them', () => {
    assert.deepEqual(parseNumbers('The ferry sank in the 113th minute of its 50th crossing'), [{ value: 113, unit: 'minute', qualifier: null }, { value: 50, unit: 'crossing', qualifier: null }]);
    assert.deepEqual(parseNumbers('It docked on the 3rd of May'), [{ value: 3, unit: null, qualifier: null }], 'no word for a thing ranked');
  });
  it('another rank of one thing is no corroboration', () => {
    const goal = (n: string) => claim(`Striker Ana Lind scored the winner for Harbour Rovers in the ${n} minute, a header from a corner.`);
    assert.deepEqual(link(goal('113th'), goal('103rd')).by, []);
    assert.deepEqual(link(goal('113th'), goal('113th')).by, ['b']);
  });
});

describe('claims: spans of time in other units', () => {
  const closed = (span: string) => claim(`The harbour bridge will stay closed for at least ${span} while divers replace the supports.`);
  it('agree when they are one length', () => {
    assert.deepEqual(link(closed('26 weeks'), closed('six months')).by, ['b']);
    assert.deepEqual(link(closed('48 hours'), closed('two days')).by, ['b']);
  });
  it('dispute each other when they are not', () => {
    const r = link(closed('six weeks'), closed('six months'));
    assert.deepEqual([r.by, r.disputed], [[], ['b']]);
  });
});

describe('claims: counts in words', () => {
  const n = (value: number, unit: string, qualifier: string | null = null) => ({ value, unit, qualifier });

  it('reads a count in words as its figure, with the thing it counts', () => {
    assert.deepEqual(parseNumbers('Three people were killed in the ferry fire'), [n(3, 'people')]);
    assert.deepEqual(parseNumbers('more than twenty-five officers were hurt'), [n(25, 'officers', 'more than')]);
    assert.deepEqual(parseNumbers('Seventy one percent of islanders voted'), [n(71, 'percent')]);
    assert.deepEqual(parseNumbers('two million passengers crossed last year'), [n(2e6, 'passengers')]);
    assert.deepEqual(parseNumbers('a four-year lease on the pier'), [n(4, 'year')]);
    assert.deepEqual(parseNumbers('five hundred jobs and two dozen ferries'), [n(500, 'jobs'), n(24, 'ferries')]);
    assert.deepEqual(parseNumbers('Two hundred thousand people fled the island'), [n(200000, 'people')]);
    assert.deepEqual(parseNumbers('two per cent of islanders'), [n(2, 'percent')]);
    const range = (value: number, unit: string) => ({ value, unit, qualifier: RANGE });
    assert.deepEqual(parseNumbers('Two or three pilots were injured'), [range(2, 'pilots'), range(3, 'pilots')], 'a range in words');
    assert.deepEqual(parseNumbers('Two to three thousand protesters marched'), [range(2000, 'protesters'), range(3000, 'protesters')], 'the scale of the second for both');
    assert.deepEqual(parseNumbers('Between five and ten people were hurt'), [range(5, 'people'), range(10, 'people')]);
    assert.deepEqual(parseNumbers('Two young children were hurt'), [n(2, 'children')], 'a word describing the thing counted');
    assert.deepEqual(parseNumbers('Forty-seven alleged smuggling ring members were held'), [], 'past three words on, nothing');
    assert.deepEqual(parseNumbers('Forty-seven alleged ring members were held and three injured people were flown out'), [n(47, 'members'), n(3, 'people')], 'a participle describes too, as "47 alleged ring members" does');
    assert.deepEqual(parseNumbers('47 alleged ring members were held'), [n(47, 'members')]);
    assert.deepEqual(parseNumbers('Three presidential debates were held'), [n(3, 'debates')]);
    assert.deepEqual(parseNumbers('Two hundred fifty people and two hundred and ten ferries'), [n(250, 'people'), n(210, 'ferries')]);
    assert.deepEqual(parseNumbers('Fares rose from two to four percent'), [n(4, 'percent')], '"rose from … to" is a change, not a range');
    assert.deepEqual(parseNumbers('anywhere from two to four inches of snow'), [range(2, 'inches'), range(4, 'inches')]);
    assert.deepEqual(parseNumbers('Between two hundred and three hundred protesters'), [range(200, 'protesters'), range(300, 'protesters')]);
    assert.deepEqual(parseNumbers('Six weeks later, 12 ferries were sold'), [n(6, 'weeks'), n(12, 'ferries')], 'in the order of the text');
    // No thing counted, a pronoun, a name, a fraction: no number.
    for (const text of ['the two of them left the harbour', 'One pilot was rescued', 'one of the pilots', 'The Big Ten conference met',
      'the Jackson Five played', 'Two-thirds of islanders voted', 'She was nine', 'Two said they saw it', 'the twenty-first century',
      'on the twenty-fifth of May', 'three point five percent', 'chapters two and three', 'Seven-Eleven reported', 'Two said officers left', 'Two died after officers opened fire', 'Three escaped during storms', 'Two stayed with relatives', 'the two turned vicious during the race']) {
      assert.deepEqual(parseNumbers(text), [], text);
    }
  });

  it('disputes another count in words, and agrees with the same count in digits', () => {
    const fire = (count: string) => claim(`${count} people were killed in the fire at the harbour ferry terminal on Monday night`);
    const other = link(fire('Three'), fire('Four'));
    assert.deepEqual(other.by, [], 'three and four people are two counts');
    assert.deepEqual(other.disputed, ['b']);
    assert.deepEqual(link(fire('Three'), fire('3')).by, ['b'], 'three people in words and in digits');
    assert.deepEqual(link(fire('Three'), fire('3')).disputed, []);
  });
});

describe('claims: two figures of one unit in each claim', () => {
  const poll = claim('Mayor Ada Rowe beat Tom Penn by 46 percent to 42 percent in the harbour poll.', { entities: ['Ada Rowe', 'Tom Penn'] });
  const other = (text: string) => claim(text, { entities: ['Ada Rowe', 'Tom Penn'] });
  it('are not one numeric fact when each holds a figure the other does not (two polls)', () => {
    assert.deepEqual(link(poll, other('Among islanders who voted, 46 percent chose Ada Rowe and 44 percent backed Tom Penn.')).by, []);
  });
  it('are when the figures agree, or when one claim holds only some of the other\'s', () => {
    assert.deepEqual(link({ ...poll }, other('Among islanders who voted, 46 percent chose Ada Rowe and 42 percent backed Tom Penn.')).by, ['b']);
    assert.deepEqual(link({ ...poll }, other('Among islanders who voted, Ada Rowe won 46 percent of the harbour poll.')).by, ['b']);
  });
});

describe('claims: one figure agreeing, another not', () => {
  it('is not the same claim, nor a dispute, whichever comes first', () => {
    assertTwoFacts((x, y) => link(claim(x), claim(y)), [
      ['Nine people were killed when two ferries collided off Skerry Island on Sunday', 'Two ferries collided off Skerry Island on Sunday, killing 11 people'],
      ['Harbour Line shares closed down 6 percent at $14.20 on Monday after the ferry strike', 'Harbour Line stock lost 2 percent on Monday to close at $14.20 after the ferry strike'],
    ]);
  });
  it('is when one claim holds only some of the other\'s figures', () => {
    const both = claim('Nine people were killed when two ferries collided off Skerry Island on Sunday');
    assert.deepEqual(link(both, claim('Two ferries collided off Skerry Island on Sunday, killing nine people')).by, ['b']);
    const from = claim('Ferry fares on the Skerry route rose to 12 dollars from 9 dollars on Monday');
    assert.deepEqual(link(from, claim('Ferry fares on the Skerry route rose to 12 dollars on Monday')).by, ['b'], 'a figure from before, not in the other');
  });
});

describe('claims: a figure shared beside another of its unit', () => {
  it('is no numeric fact on a weak overlap: the shared figure may be of something else there', () => {
    const group = claim('The top 5 percent of island households, those earning more than $300,000, paid an average ferry levy of $9,000');
    const plan = claim('Under the harbour plan, the top 5 percent of households would see their incomes go up by as much as 12 percent');
    assert.deepEqual(link(group, plan).by, [], 'a group, two facts');
    const bound = claim('The scheme lets mainland investors buy residency by putting $500,000 to more than $1 million into an island business');
    const deduct = claim('which include a provision that would allow the shipping firms to immediately deduct up to $1 million in new capital spending on an island business over the coming fiscal year');
    assert.deepEqual(link(bound, deduct).by, [], 'a bound, another figure');
  });
  it('is no fact through its unit\'s word: "percent" beside a figure is part of it', () => {
    const poll = claim('Ada Rowe beats Tom Penn by 46 percent to 42 percent', { entities: ['Ada Rowe', 'Tom Penn'] });
    assert.deepEqual(link(poll, claim('Ada Rowe was supported by 42 percent of those responding', { entities: ['Ada Rowe'] })).by, []);
  });
});

describe('claims: a number alone', () => {
  /** `matchClaims` on two claims beside two unrelated documents, with `weigh` deciding each key's weight by its text. */
  const match = (a: Claim, b: Claim, weigh?: (key: string) => number) => {
    const docs = [[a], [b], [claimOf('A bakery in the harbour district sold rye bread to early tourists')], [claimOf('The orchestra rehearsed a new symphony for the autumn festival')]].map(claims => ({ claims }));
    const idx = linkItems(new AnalysisContext(), docs);
    const weight = weigh ? (id: number) => weigh(idx.keyOf[id]) : idx.weight(0, 1);
    return matchClaims(idx.items[0], idx.items[1], weight, idx.isName);
  };
  it('is no shared fact, even when every other word is frequent', () => {
    // (Every key but the figure's weighing nothing, as in a corpus where the other words are everywhere.)
    const figureOnly = (key: string) => (/\d/.test(key) ? 1 : 0);
    const offset = claim('Right now, he is offsetting only 10 percent'), proxy = claim('with another 10 percent voting by proxy');
    assert.equal(match(offset, proxy, figureOnly), null);
  });
  it('still links with two more words shared', () => {
    // ("On the island, turnout …": a capitalised first word would be read as a name.)
    assert.notEqual(match(claim('On the island, turnout was 64 percent.'), claim('The island saw 64 percent turnout.')), null);
  });
  it('is no numeric fact on the span of time both claims are told over', () => {
    // (The words each claim has alone weigh, the ones they share do not: a weak overlap, as between two reports of a
    // corpus whose shared words are everywhere.)
    const alone = (key: string) => (/\d|^(?:engin|fault|find|old|ferri|ticket|sale|climb|sharp|onlin)/.test(key) ? 1 : 0);
    const frame = (weeks: string) => match(claim(`Engine faults were found on old ferries of the harbour fleet over the past ${weeks}.`), claim(`Ticket sales for the harbour fleet climbed sharply online over the past ${weeks}.`), alone);
    assert.equal(frame('two weeks'), null);
    assert.equal(frame('12 months'), null);
    // A duration that is the fact is one.
    assert.notEqual(match(claim('Engine faults kept old ferries of the harbour fleet out of service for two weeks.'), claim('Ticket sales for the harbour fleet climbed sharply online after a two weeks service stop.'), alone), null);
  });
  it('links on one more word that weighs when a figure of a thing counted agrees, not on a name', () => {
    // (The speaker is out of the claim's words: the profit and its figure are all the two share.)
    const profit = claim('In its filing the ferry line booked a profit of $212 million.');
    assert.notEqual(match(claim('Quarterly profit came to $212 million.'), profit), null);
    assert.equal(match(claim('Quarterly profit came to $215 million.'), profit), null);
    // Not on a round figure, which many facts of one story share ("a total of 10 voters").
    assert.equal(match(claim('Quarterly profit came to $200 million.'), claim('In its filing the ferry line booked a profit of $200 million.')), null);
    // Nor, beside a share or an amount, on a verb alone: it does not say what is measured. Nor on an age.
    assert.equal(match(claim('Unemployment on the island rose to 4.5 percent in March.'), claim('Inflation rose to 4.5 percent.')), null);
    assert.equal(match(claim('A 45-year-old deckhand was arrested.'), claim('Police arrested a 45-year-old tourist.')), null);
    assert.notEqual(match(claim('The harbour fire has burned 12,000 acres.'), claim('Since Sunday the blaze burned 12,000 acres.')), null, 'a verb beside a count of things');
    // Nor when the one word is the figure in words: the count itself.
    assert.equal(match(claim('In winter twelve harbours charge landing fees.'), claim('The storms closed twelve harbours.')), null);
    // A name and a year are no fact ("just as he did with Romney in 2012").
    const rowe = (text: string) => claim(text, { entities: ['Ada Rowe'] });
    assert.equal(match(rowe('just as she did with Ada Rowe in 2012.'), rowe('Ada Rowe published her accounts in 2012.')), null);
    // A figure of no thing counted (a bare count) needs two words more.
    assert.equal(match(claim('Turnout came to 64.'), claim('The count of ballots reached 64 at turnout.')), null);
  });
});

describe('claims: another figure of the same thing', () => {
  const low = () => claim('Mayor Ada Rowe has record low support from the island\'s fishermen, with just 1 percent.', { entities: ['Ada Rowe'] });
  it('disputes a claim whose words say the same', () => {
    assert.deepEqual(linkPair(low(), claim('Mayor Ada Rowe has record low support from the island\'s fishermen, with just 5 percent.', { entities: ['Ada Rowe'] })).disputed, ['b']);
  });
  it('does not when the words share less than half (another scope, another time)', () => {
    const scoped = claim('By contrast, in the northern parishes and along the coast road, Ada Rowe has just 5 percent support of the fishermen vote in Portsea.', { entities: ['Ada Rowe', 'Portsea'] });
    const r = linkPair(low(), scoped);
    assert.deepEqual([r.by, r.disputed], [[], []]);
  });
});

describe('claims: figures written otherwise', () => {
  it('reads an abbreviated scale before a currency in words as the amount ("3.8m pounds"), not a lone "3.8m"', () => {
    assert.deepEqual(parseNumbers('The harbour trust will spend 3.8m pounds on the quay').map(n => [n.value, n.unit]), [[3.8e6, 'pounds']]);
    assert.deepEqual(parseNumbers('a ferry deal worth 2bn euros').map(n => [n.value, n.unit]), [[2e9, 'euros']]);
    assert.deepEqual(parseNumbers('a 3.8m sea wall').map(n => n.value), [3.8], 'metres, not millions');
  });
  it('reads "and a half" before a scale, and the hundreds after "thousand"', () => {
    assert.deepEqual(parseNumbers('the ferry is insured for four and a half million euros').map(n => [n.value, n.unit]), [[4.5e6, 'euros']]);
    assert.deepEqual(parseNumbers('about forty-six and a half thousand passengers').map(n => [n.value, n.unit]), [[46500, 'passengers']]);
    assert.deepEqual(parseNumbers('over two thousand three hundred ferry passengers').map(n => [n.value, n.unit]), [[2300, 'passengers']]);
    assert.deepEqual(parseNumbers('forty thousand and fifty islanders').map(n => [n.value, n.unit]), [[40050, 'islanders']]);
    assert.deepEqual(parseNumbers('two and a half years in prison').map(n => [n.value, n.unit]), [[2.5, 'years']]);
  });
  it('links a figure seldom met by chance and one word that weighs, however else the fact is told', () => {
    const a = claim('The ferry repairs cost the harbour trust an estimated 46,500 euros');
    assert.deepEqual(link(a, claim('Port records show the vessel\'s refit cost islanders roughly forty-six and a half thousand euros')).by, ['b']);
    // Not another figure, nor the same figure with no word shared.
    assert.deepEqual(link(claim('The ferry repairs cost the harbour trust an estimated 46,500 euros'), claim('Port records show the vessel\'s refit cost islanders roughly 64,500 euros')).by, []);
    assert.deepEqual(link(claim('The ferry repairs cost the harbour trust an estimated 46,500 euros'), claim('Port records show the lighthouse keepers earned 46,500 euros')).by, []);
  });
});
