import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findEntities, unifyTypes } from '../../src/core/entities/entities';
import { analyzeLocal } from '../../src/core/corpus/corpus';
import { AnalysisContext } from '../../src/core/text/memo';
import { NameResolver, stripTitles } from '../../src/core/entities/names';
import { paragraphs } from '../../src/core/text/paragraphs';
import { splitSentences } from '../../src/core/text/sentences';
import type { Entity, EntityType } from '../../src/core/types';

const seedDir = path.resolve(__dirname, '..', '..', '..', 'seeds');
const seedFiles = fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).sort();
const seed = (prefix: string) => fs.readFileSync(path.join(seedDir, seedFiles.find(f => f.startsWith(prefix))!), 'utf8');

/** Entities of a whole document, offsets into it, the way the corpus assembles them. */
function docEntities(text: string): Entity[] {
  const out: Entity[] = [];
  for (const p of paragraphs(text)) {
    const para = text.slice(p.start, p.end);
    for (const e of findEntities(para, splitSentences(para))) out.push({ ...e, start: e.start + p.start, end: e.end + p.start });
  }
  return out;
}

const ents = (text: string) => findEntities(text, splitSentences(text));
const find = (list: Entity[], text: string, type?: EntityType) =>
  list.find(e => e.text === text && (!type || e.type === type));
const pairs = (list: Entity[]) => list.map(e => `${e.type}:${e.text}`);

describe('entities: findEntities', () => {
  it('gives its entities in order when the rules find dates and numbers before the model finds the names around them', () => {
    const text = 'Sergey Lavrov met Antony Blinken on 15 February in Geneva, where 3,000 people marched. Kyiv said on Monday that 40 soldiers died.';
    const list = ents(text);
    const firstDate = list.findIndex(e => e.type === 'DATE' || e.type === 'NUMBER');
    assert.ok(firstDate > 0, 'a name comes before the first date or number');
    for (let k = 1; k < list.length; k++) assert.ok(list[k].start >= list[k - 1].end, `${list[k - 1].text} then ${list[k].text}`);
    assert.deepEqual(pairs(list.filter(e => e.type === 'DATE' || e.type === 'NUMBER')), ['DATE:15 February', 'NUMBER:3,000', 'DATE:Monday', 'NUMBER:40']);
  });

  it('keeps text === slice, order and no overlap on all five seeds', () => {
    assert.equal(seedFiles.length, 5);
    for (const f of seedFiles) {
      const text = fs.readFileSync(path.join(seedDir, f), 'utf8');
      const list = docEntities(text);
      assert.ok(list.length > 20, `${f}: only ${list.length} entities`);
      let last = -1;
      for (const e of list) {
        assert.equal(e.text, text.slice(e.start, e.end), `${f} at ${e.start}`);
        assert.ok(e.start < e.end && e.start >= last, `${f}: ${e.text} overlaps or is out of order`);
        assert.ok(e.canonical.length > 0);
        last = e.end;
      }
    }
  });

  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(findEntities('', []), []);
    assert.deepEqual(findEntities('   ', []), []);
    assert.deepEqual(findEntities('all lower case words here.', []), []);
  });

  it('counts offsets in UTF-16 units after emoji and flags', () => {
    const text = '😀😀 Foreign Minister Sergey Lavrov met 🇺🇦 Dmytro Kuleba in Geneva.';
    const list = ents(text);
    for (const e of list) assert.equal(text.slice(e.start, e.end), e.text);
    const lavrov = find(list, 'Sergey Lavrov', 'PERSON');
    assert.ok(lavrov);
    assert.equal(lavrov.start, text.indexOf('Sergey'));
    assert.ok(find(list, 'Dmytro Kuleba', 'PERSON'));
    assert.ok(find(list, 'Geneva', 'PLACE'));
  });

  it('keeps titles outside the name', () => {
    const list = ents('At a meeting with President Vladimir Putin, Foreign Minister Sergey Lavrov signaled Monday that Russia was ready.');
    assert.deepEqual(pairs(list), ['PERSON:Vladimir Putin', 'PERSON:Sergey Lavrov', 'DATE:Monday', 'PLACE:Russia']);
    const nato = ents('NATO Secretary General Jens Stoltenberg told reporters.');
    assert.deepEqual(pairs(nato), ['ORG:NATO', 'PERSON:Jens Stoltenberg']);
    const blinken = ents('Secretary of State Antony Blinken met German Chancellor Olaf Scholz.');
    assert.deepEqual(pairs(blinken), ['PERSON:Antony Blinken', 'MISC:German', 'PERSON:Olaf Scholz']);
  });

  it('reads a name right after a courtesy title as a person\'s, whatever its last word', () => {
    // (The model alone reads "Helen Park" and "Irene Bridge" by their heads, as a park and a bridge.)
    assert.deepEqual(pairs(ents('“We must act now,” said Dr. Helen Park.')), ['PERSON:Helen Park']);
    assert.deepEqual(pairs(ents('The clinic was praised by Ms. Helen Park and Sen. Irene Bridge on Monday.')).filter(p => !p.startsWith('DATE')), ['PERSON:Helen Park', 'PERSON:Irene Bridge']);
    assert.equal(find(ents('Visitors crowded Lincoln Park on Sunday.'), 'Lincoln Park')?.type !== 'PERSON', true, 'no title: the place stays a place');
    // A title the model ran into the name, opening a sentence, stays outside it.
    assert.deepEqual(pairs(ents('Sen. Elizabeth Warren said the bank should be investigated.')), ['PERSON:Elizabeth Warren']);
  });

  it('ends a name before an opening parenthesis (a party and a state after it are no part of it)', () => {
    assert.deepEqual(pairs(ents('Ellis (R-Ohio) said, “I was wrong and I apologize.”')).filter(p => p.startsWith('PERSON')), ['PERSON:Ellis']);
    assert.deepEqual(pairs(ents('“I was wrong,” Ellis (R-Ohio) said.')).filter(p => p.startsWith('PERSON')), ['PERSON:Ellis']);
    for (const e of ents('Warren (D-Mass.) and Ellis (R-Ohio) spoke on Monday.')) assert.ok(!e.text.includes('('), e.text);
  });

  it('splits nation adjective, ministry and spokesperson', () => {
    const list = ents('Russian Foreign Ministry spokesperson Maria Zakharova tweeted.');
    assert.deepEqual(pairs(list), ['MISC:Russian', 'ORG:Foreign Ministry', 'PERSON:Maria Zakharova']);
    assert.equal(find(list, 'Foreign Ministry')!.canonical, 'Russian Foreign Ministry');
    const poss = ents("Russia's Defense Ministry said the drills were over.");
    assert.deepEqual(pairs(poss), ['PLACE:Russia', 'ORG:Defense Ministry']);
    assert.equal(find(poss, 'Defense Ministry')!.canonical, 'Russian Defense Ministry');
  });

  it('leaves possessives outside the name', () => {
    const text = 'a message about Putin’s own position and Ukraine’s borders';
    const list = ents(text);
    assert.deepEqual(pairs(list), ['PERSON:Putin', 'PLACE:Ukraine']);
    assert.equal(list[0].end, text.indexOf('’s'));
    assert.equal(list[0].canonical, 'Putin');
  });

  it('does not tag sentence-initial common words', () => {
    const list = ents('However, the plan failed. The Kremlin said so. Although the Russian Defense Ministry did not say. “Humiliated and destroyed,” she wrote.');
    assert.deepEqual(pairs(list), ['ORG:Kremlin', 'MISC:Russian', 'ORG:Defense Ministry']);
  });

  it('takes the name out of a hyphenated compound', () => {
    const text = 'fabricated by a hostile, U.S.-led West and Kremlin-backed media';
    const list = ents(text);
    assert.ok(find(list, 'U.S.', 'PLACE'));
    assert.ok(find(list, 'Kremlin', 'ORG'));
  });

  it('reads all-caps headlines through the gazetteer only', () => {
    const list = ents('RUSSIA SAYS TROOPS PULL BACK FROM UKRAINE BORDER');
    assert.deepEqual(pairs(list), ['PLACE:RUSSIA', 'PLACE:UKRAINE']);
  });

  it('finds dates and numbers', () => {
    const text = 'Talks on Feb. 15 and February 15, 2022, then Tuesday, after 2014: 130,000 troops, a 48-hour pause, 30 kilometers away, about 4,500 people and $5 billion, up 10%, on 15 February.';
    const list = ents(text);
    const dates = list.filter(e => e.type === 'DATE').map(e => e.text);
    const numbers = list.filter(e => e.type === 'NUMBER').map(e => e.text);
    assert.deepEqual(dates, ['Feb. 15', 'February 15, 2022', 'Tuesday', '2014', '15 February']);
    assert.deepEqual(numbers, ['130,000', '48-hour', '30 kilometers', '4,500', '$5 billion', '10%']);
    assert.ok(!find(ents('It may rain.'), 'May'), 'the modal "may" is no month');
  });

  it('tells Washington the government from Washington the city', () => {
    const govt = docEntities(seed('000_'));
    const wash = govt.filter(e => e.text === 'Washington');
    assert.ok(wash.length > 0 && wash.every(e => e.type === 'ORG'), '000: "even as Washington, London ... kept up"');
    const city = docEntities(seed('001_'));
    const burns = city.find(e => e.text === 'Robert Burns');
    assert.equal(burns?.type, 'PERSON');
    const after = city.find(e => e.start > burns!.end && e.text === 'Washington');
    assert.equal(after?.type, 'PLACE', '"Robert Burns in Washington"');
    assert.equal(find(ents('Washington said it was ready.'), 'Washington')?.type, 'ORG');
    assert.equal(find(ents('He flew to Washington on Monday.'), 'Washington')?.type, 'PLACE');
  });
});

describe('entities: helpers', () => {
  it('stripTitles removes titles, roles and possessives', () => {
    assert.equal(stripTitles('Foreign Minister Sergey Lavrov'), 'Sergey Lavrov');
    assert.equal(stripTitles('Russian Foreign Ministry spokesperson Maria Zakharova'), 'Maria Zakharova');
    assert.equal(stripTitles('NATO Secretary General Jens Stoltenberg'), 'Jens Stoltenberg');
    // a title word after a given name is a surname, and what follows it stays with the name
    assert.equal(stripTitles('Carol King Tonight'), 'Carol King Tonight');
    assert.equal(stripTitles('President Carol King'), 'Carol King');
    assert.equal(stripTitles('Putin’s'), 'Putin');
    assert.equal(stripTitles('Lavrov'), 'Lavrov');
  });
});

describe('entities: NameResolver', () => {
  const docs = seedFiles.map(f => docEntities(fs.readFileSync(path.join(seedDir, f), 'utf8')));
  const r = new NameResolver(docs);

  it('maps a surname to the one full name of the corpus', () => {
    assert.equal(r.resolve('Lavrov', 'PERSON'), 'Sergey Lavrov');
    assert.equal(r.resolve('Foreign Minister Sergey Lavrov', 'PERSON'), 'Sergey Lavrov');
    assert.equal(r.resolve('Putin', 'PERSON'), 'Vladimir Putin');
    assert.equal(r.resolve('Zakharova', 'PERSON'), 'Maria Zakharova');
    assert.equal(r.resolve('Scholz’s', 'PERSON'), 'Olaf Scholz');
  });

  it('returns unseen names unchanged', () => {
    assert.equal(r.resolve('Boris Johnson', 'PERSON'), 'Boris Johnson');
    assert.equal(r.resolve('the Guardian', 'ORG'), 'the Guardian');
  });

  it('keeps an ambiguous surname as it is', () => {
    const mk = (text: string): Entity => ({ start: 0, end: text.length, text, type: 'PERSON', canonical: text });
    const amb = new NameResolver([[mk('John Smith')], [mk('Mary Smith')]]);
    assert.equal(amb.resolve('Smith', 'PERSON'), 'Smith');
    assert.equal(amb.resolve('John Smith', 'PERSON'), 'John Smith');
    const variants = new NameResolver([[mk('Sergey Lavrov'), mk('Sergey Lavrov')], [mk('Sergei Lavrov')]]);
    assert.equal(variants.resolve('Lavrov', 'PERSON'), 'Sergey Lavrov');
    assert.equal(variants.resolve('Sergei Lavrov', 'PERSON'), 'Sergey Lavrov');
  });

  it('never keys a person on a name suffix', () => {
    const mk = (text: string): Entity => ({ start: 0, end: text.length, text, type: 'PERSON', canonical: text });
    const r2 = new NameResolver([[mk('John G. Roberts Jr.')], [mk('Joseph R. Biden Jr.'), mk('Joe Biden')]]);
    assert.equal(r2.resolve('Joseph R. Biden Jr.', 'PERSON'), 'Joseph R. Biden Jr.');
    assert.equal(r2.resolve('Roberts', 'PERSON'), 'John G. Roberts Jr.');
  });

  it('gives the United States one name', () => {
    const names = ['U.S.', 'US', 'United States', 'America'].map(n => r.resolve(n, 'PLACE'));
    assert.deepEqual(new Set(names), new Set(['United States']));
    assert.equal(r.resolve('Washington', 'ORG'), 'United States');
    assert.equal(r.resolve('Washington', 'PLACE'), 'Washington');
  });

  it('resolves every seed entity to a non-empty name', () => {
    for (const doc of docs) for (const e of doc) assert.ok(r.resolve(e.canonical, e.type).length > 0);
  });
});

describe('entities: NameResolver.learn (counts each name of a document once, by how often it comes)', () => {
  const mk = (text: string, type: EntityType = 'PERSON'): Entity => ({ start: 0, end: text.length, text, type, canonical: text });
  // Mentions repeated within a document, a title to strip, two people sharing a surname in unequal numbers,
  // a name seen both as a person and as an organisation, an acronym, and entities of types never counted.
  const docs: Entity[][] = [
    [mk('Anna Brill'), mk('Anna Brill'), mk('Senator Anna Brill'), mk('Brill'), mk('Lena Kade'), mk('Harbor Energy Group', 'ORG'), mk('HEG', 'ORG'), mk('Tuesday', 'DATE')],
    [mk('Otto Brill'), mk('Lena M. Kade'), mk('Lena M. Kade'), mk('Anna Brill'), mk('Morrow', 'ORG'), mk('Morrow'), mk('Lena M. Kade'), mk('Morrow', 'ORG'), mk('Lisbon', 'PLACE')],
    [mk('Harbor Energy Group', 'ORG'), mk('Hollis Eastern Gas', 'ORG'), mk('Lena Kade'), mk('Hollis Eastern Gas', 'ORG'), mk('Otto Brill')],
  ];
  const queries: [string, EntityType][] = [['Brill', 'PERSON'], ['Kade', 'PERSON'], ['Lena Kade', 'PERSON'], ['Anna Brill', 'PERSON'], ['Otto Brill', 'PERSON'], ['Senator Anna Brill', 'PERSON'],
    ['HEG', 'ORG'], ['Morrow', 'PERSON'], ['Morrow', 'ORG'], ['Harbor Energy Group', 'ORG'], ['Tuesday', 'DATE']];

  it('resolves every name as `add` does, after each document', () => {
    const added = new NameResolver([]), learnt = new NameResolver([]);
    for (const doc of docs) {
      added.add(doc);
      learnt.learn(doc);
      for (const [name, type] of queries) assert.equal(learnt.resolve(name, type), added.resolve(name, type), `${type} ${name}`);
    }
    // (Answers that depend on the counts: three mentions in one document outweigh one in each of two others.)
    assert.equal(learnt.resolve('Kade', 'PERSON'), 'Lena M. Kade');
    assert.equal(learnt.resolve('Lena Kade', 'PERSON'), 'Lena M. Kade');
    assert.equal(learnt.resolve('HEG', 'ORG'), 'HEG', 'two organisations share the initials');
  });

  it('is undone by `remove`, document by document, in any order', () => {
    const r = new NameResolver([]), fresh = new NameResolver([]);
    for (const doc of docs) r.learn(doc);
    r.remove(docs[1]);
    const without = new NameResolver([docs[0], docs[2]]);
    for (const [name, type] of queries) assert.equal(r.resolve(name, type), without.resolve(name, type), `${type} ${name}`);
    r.remove(docs[2]);
    r.remove(docs[0]);
    for (const [name, type] of queries) assert.equal(r.resolve(name, type), fresh.resolve(name, type), `${type} ${name}`);
  });
});

describe('entities: NameResolver with the user\'s table of aliases and exclusions', () => {
  const mk = (text: string, type: EntityType = 'PERSON'): Entity => ({ start: 0, end: text.length, text, type, canonical: text });
  const corpus = [
    [mk('Vladimir Putin'), mk('Putin'), mk('John Smith'), mk('Smith'), mk('Médecins Sans Frontières', 'ORG'), mk('MSF', 'ORG')],
    [mk('Pierpont Morgan'), mk('Morgan Stanley', 'ORG'), mk('Morgan', 'ORG')],
  ];

  it('applies an alias for its type only', () => {
    const r = new NameResolver(corpus, { aliases: [{ alias: 'Vlad', canonical: 'Vladimir Putin', type: 'PERSON' }] });
    assert.equal(r.resolve('Vlad', 'PERSON'), 'Vladimir Putin');
    assert.equal(r.resolve('President Vlad', 'PERSON'), 'Vladimir Putin', 'titles are stripped before the table is read');
    assert.equal(r.resolve('Vlad', 'ORG'), 'Vlad');
    assert.equal(new NameResolver(corpus).resolve('Vlad', 'PERSON'), 'Vlad', 'without the table nothing is merged');
  });

  it('never merges an ORG with a PERSON, even through an alias given for any type', () => {
    const r = new NameResolver(corpus, { aliases: [{ alias: 'JPM', canonical: 'Pierpont Morgan' }, { alias: 'The Doctors', canonical: 'Médecins Sans Frontières' }] });
    assert.equal(r.resolve('JPM', 'PERSON'), 'Pierpont Morgan');
    assert.equal(r.resolve('JPM', 'ORG'), 'JPM', '"Pierpont Morgan" is a person of this corpus');
    assert.equal(r.resolve('The Doctors', 'ORG'), 'Médecins Sans Frontières');
    assert.equal(r.resolve('The Doctors', 'PERSON'), 'The Doctors');
    // the corpus alone: the ORG "Morgan" is not the person "Pierpont Morgan", and the person not the bank
    assert.equal(r.resolve('Morgan', 'ORG'), 'Morgan');
    assert.equal(r.resolve('Morgan', 'PERSON'), 'Pierpont Morgan');
    assert.equal(r.resolve('MSF', 'ORG'), 'Médecins Sans Frontières');
  });

  it('keeps a name apart from the canonical an exclusion names, or from every other', () => {
    const plain = new NameResolver(corpus);
    assert.equal(plain.resolve('Smith', 'PERSON'), 'John Smith');
    const r = new NameResolver(corpus, { exclusions: [{ name: 'Smith', canonical: 'John Smith' }, { name: 'MSF', type: 'ORG' }, { name: 'Putin', canonical: 'Someone Else' }] });
    assert.equal(r.resolve('Smith', 'PERSON'), 'Smith');
    assert.equal(r.resolve('John Smith', 'PERSON'), 'John Smith');
    assert.equal(r.resolve('MSF', 'ORG'), 'MSF');
    assert.equal(r.resolve('Putin', 'PERSON'), 'Vladimir Putin', 'an exclusion of another canonical changes nothing');
  });
});

describe('entities: one type per name within a paragraph', () => {
  it('types a lone surname like the full name it ends', () => {
    const text = 'Director Ava DuVernay spoke first. Later DuVernay explained the film to Netflix.';
    const list = ents(text);
    const lone = list.filter(e => e.text === 'DuVernay');
    assert.equal(lone.length, 1);
    assert.equal(lone[0].type, 'PERSON');
    assert.equal(find(list, 'Ava DuVernay')?.type, 'PERSON');
  });
});

describe('entities: one name, one type in a document', () => {
  it('retypes a lone surname typed otherwise when the same text names the person in full', () => {
    const base: Entity[] = [
      { start: 0, end: 14, text: 'Marta Quillane', type: 'PERSON', canonical: 'Marta Quillane' },
      { start: 40, end: 48, text: 'Quillane', type: 'ORG', canonical: 'Quillane' },
      { start: 60, end: 66, text: 'Oslund', type: 'ORG', canonical: 'Oslund' },
    ];
    const out = unifyTypes(base);
    assert.notEqual(out, base, 'a new list when something changes');
    assert.equal(out[1].type, 'PERSON');
    assert.equal(base[1].type, 'ORG', 'the input (cached per paragraph) is not mutated');
    assert.equal(out[2].type, 'ORG', 'a lone word that is nobody\'s surname keeps its type');
    const unchanged = base.slice(2);
    assert.equal(unifyTypes(unchanged), unchanged, 'the same list when nothing changes');
  });

  it('types a name that opens a longer organisation of the document as that organisation', () => {
    const base: Entity[] = [
      { start: 0, end: 18, text: 'Tolvaren Robotics', type: 'ORG', canonical: 'Tolvaren Robotics' },
      { start: 40, end: 48, text: 'Tolvaren', type: 'PERSON', canonical: 'Tolvaren' },
      { start: 60, end: 68, text: 'Robotics', type: 'PLACE', canonical: 'Robotics' },
    ];
    const out = unifyTypes(base);
    assert.equal(out[1].type, 'ORG');
    assert.equal(out[2].type, 'PLACE', 'only the opening words name the organisation');
    assert.equal(base[1].type, 'PERSON', 'the input is not mutated');
  });

  it('gives the same text its most frequent type in the document; a tie keeps each', () => {
    const at = (start: number, text: string, type: Entity['type']): Entity => ({ start, end: start + text.length, text, type, canonical: text });
    const out = unifyTypes([at(0, 'Brevik', 'PLACE'), at(20, 'Brevik', 'PLACE'), at(40, 'Brevik', 'ORG'), at(60, 'Osmo', 'ORG'), at(80, 'Osmo', 'PLACE')]);
    assert.deepEqual(out.map(e => e.type), ['PLACE', 'PLACE', 'PLACE', 'ORG', 'PLACE']);
  });

  it('applies across paragraphs of one document, as the corpus assembles it', () => {
    const text = 'Marta Quillane, a harbour engineer, spoke on Tuesday.\n\nCritics of Quillane say the plan failed.';
    const list = analyzeLocal(new AnalysisContext(), text).entities;
    const lone = list.find(e => e.text === 'Quillane' && e.start > text.indexOf('\n\n'));
    assert.ok(lone, 'the lone surname is an entity');
    assert.equal(lone.type, 'PERSON');
  });

  it('does not glue a sentence-opening common word to a person\'s name', () => {
    for (const e of ents('Said Oslund Varga, the harbour master, nothing more.')) {
      assert.ok(!e.text.startsWith('Said '), `${e.type}:${e.text}`);
    }
    // even a word the name lists know as a surname, when a full name follows it
    const list = ents('Said Hamid Karzai, the president, nothing more.');
    assert.ok(!list.some(e => e.text.startsWith('Said ')), list.map(e => e.text).join('|'));
  });
});
