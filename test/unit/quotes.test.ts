import { AnalysisContext } from '../../src/core/text/memo';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findQuotes } from '../../src/core/quotes/quotes';
import { scanQuotes } from '../../src/core/quotes/scan';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';
import type { Entity, Quote } from '../../src/core/types';

const SEEDS = path.resolve(__dirname, '../../../seeds');

function analyse(text: string, entities: Entity[] = []): Quote[] {
  return findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), entities);
}

function seed(prefix: string): string {
  const file = fs.readdirSync(SEEDS).find(f => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix}`);
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
}

/** The one quote whose text starts with `start`. */
function quote(quotes: Quote[], start: string): Quote {
  const hits = quotes.filter(q => q.text.startsWith(start));
  assert.ok(hits.length >= 1, `no quote starting ${JSON.stringify(start)} in ${JSON.stringify(quotes.map(q => q.text.slice(0, 30)))}`);
  return hits[0];
}

function checkInvariants(text: string, quotes: Quote[]): void {
  let last = -1;
  const groups = new Map<number, string | null>();
  for (const q of quotes) {
    assert.equal(q.text, text.slice(q.start, q.end), 'text === slice');
    assert.ok(q.start >= last, 'in order, not overlapping');
    last = q.end;
    if (q.speakerMention) {
      assert.ok(q.speakerMention.start >= 0 && q.speakerMention.end <= text.length && q.speakerMention.start < q.speakerMention.end);
    }
    assert.equal(q.speaker === null, q.speakerType === null);
    if (q.group !== null) {
      if (groups.has(q.group)) assert.equal(groups.get(q.group), q.speaker, 'one speaker per group');
      groups.set(q.group, q.speaker);
    }
    assert.deepEqual(q.variants, []);
    // A surrogate pair is never cut in half.
    for (const at of [q.start, q.end]) {
      const c = text.charCodeAt(at);
      assert.ok(!(c >= 0xdc00 && c <= 0xdfff && at > 0 && text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff));
    }
  }
}

describe('quotes: words that are properties of every object', () => {
  it('reads "constructor", "valueOf" or "toString" as the words they are, never as a pronoun', () => {
    // The pronoun table was a plain object: "constructor said" looked up an inherited property and was taken for a
    // pronoun of no known person. Such a word is now read as any other noun ("builder") is.
    for (const odd of ['constructor', 'valueOf', 'toString', 'hasOwnProperty']) {
      for (const form of ['Jane Roe opened the bridge on Monday.\n\n“We will finish the road by June,” WORD said.', 'Jane Roe opened the bridge. “We will finish the road by June,” said WORD.']) {
        const withOdd = analyse(form.replace('WORD', odd)), plain = analyse(form.replace('WORD', 'builder'));
        assert.deepEqual(withOdd.map(q => [q.text, q.speaker, q.speakerType]), plain.map(q => [q.text, q.speaker, q.speakerType]), odd);
      }
    }
  });
});

describe('quotes: the seed articles', () => {
  // Every quote of the five seeds, in document order: its first words and its speaker.
  const expected: Record<string, [string, string][]> = {
    '000': [
      ['“February 15, 2022, will go', 'Maria Zakharova'],
      ['“to places of permanent depl', 'Russian Defense Ministry'],
      ['“according to plan.”', 'Sergey Lavrov'],
      ['“who thinks what and who get', 'Sergey Lavrov'],
      ['“February 15, 2022, will go', 'Maria Zakharova'],
      ['“to places of permanent depl', 'Russian Defense Ministry'],
      ['“according to plan.”', 'Sergey Lavrov'],
      ['“who thinks what and who get', 'Sergey Lavrov'],
    ],
    '001': [
      ['“Russia is constantly making', 'Dmytro Kuleba'],
      ['“That’s why we have a rule: ', 'Dmytro Kuleba'],
      ['Climb the ladder.”', 'Dmytro Kuleba'],
      ['“can’t go on indefinitely, b', 'Sergey Lavrov'],
      ['“far from exhausted.”', 'Sergey Lavrov'],
      ['“endless negotiations”', 'Vladimir Putin'],
      ['“The path to diplomacy remai', 'Karine Jean-Pierre'],
      ['“However, we are clear about', 'Karine Jean-Pierre'],
      ['“could be imminent.”', 'Liz Truss'],
      ['“there is still time for Vla', 'Liz Truss'],
      ['“internal destabilization”', 'Oleksiy Danilov'],
      ['“We do not see today that a ', 'Oleksiy Danilov'],
      ['“We are aware of the risks t', 'Oleksiy Danilov'],
      ['“day of national unity”', 'Volodymyr Zelenskyy'],
      ['“the hybrid threat”', 'Volodymyr Zelenskyy'],
      ['“It’s not the first threat f', 'Volodymyr Zelenskyy'],
      ['“We are calm. We are strong.', 'Volodymyr Zelenskyy'],
      ['“defend your city”', 'the mayor'],
      ['“I don’t believe in war, but', 'Tamara Ugrich'],
      ['“The more we were told not t', 'Tamara Ugrich'],
    ],
    '002': [
      ['“can\'t go on indefinitely, b', 'Sergey Lavrov'],
      ['“are far from being exhauste', 'Sergey Lavrov'],
      ['“endless talks”', 'Vladimir Putin'],
    ],
    '003': [
      ['“temporarily.”', 'the Indian embassy'],
      ['“cautious optimism”', 'Jens Stoltenberg'],
      ['“So far, we haven’t seen any', 'Jens Stoltenberg'],
      ['“Stop preparing for war and ', 'Jens Stoltenberg'],
      ['“to sites of permanent deplo', 'Russian Defense Ministry'],
      ['“as planned.”', 'Sergey Lavrov'],
      ['“who thinks what and who bec', 'Sergey Lavrov'],
    ],
    '004': [
      ['“far from exhausted.”', 'Olaf Scholz'],
      ['“good signal,”', 'Olaf Scholz'],
      ['“more will follow.”', 'Olaf Scholz'],
      ['“February 15, 2022, will go ', 'Maria Zakharova'],
      ['“to places of permanent depl', 'Russian Defense Ministry'],
      ['“according to plan.”', 'Sergey Lavrov'],
      ['“who thinks what and who get', 'Sergey Lavrov'],
      ['“We won’t believe when we he', 'Dmytro Kuleba'],
      ['“So far, we have not seen an', 'Jens Stoltenberg'],
      ['“some grounds for cautious o', 'Jens Stoltenberg'],
      ['“significant and enduring wi', 'Jens Stoltenberg'],
      ['“The path for diplomacy rema', 'Karine Jean-Pierre'],
      ['“However, we are clear-eyed ', 'Karine Jean-Pierre'],
      ['“could be imminent.”', 'Liz Truss'],
      ['"from the second half of Feb', 'Estonia\'s foreign intelligence agency'],
      ['“very, very relevant to the ', 'Dmitry Peskov'],
      ['“hysteria”', 'Kremlin'],
      ['“absurdity,”', 'Kremlin'],
      ['“Planes, helicopters just st', 'Vladimir Konovalenko'],
      ['“We are friends with Ukraine', 'Lyudmila Nechvolod'],
      ['"No one wants war.”', 'Lyudmila Nechvolod'],
    ],
  };

  for (const [prefix, table] of Object.entries(expected)) {
    it(`${prefix}: every quote found, with its speaker`, () => {
      const text = seed(prefix);
      const quotes = analyse(text);
      checkInvariants(text, quotes);
      assert.deepEqual(quotes.map((q, i) => [q.text.slice(0, table[i]?.[0].length ?? 28), q.speaker]), table);
    });
  }

  it('000: the Zakharova quote is whole, tweeted, and named by her full mention', () => {
    const text = seed('000');
    const q = quote(analyse(text), '“February 15');
    assert.equal(q.start, 1507);
    assert.equal(q.end, 1647);
    assert.equal(q.cue, 'tweeted');
    assert.equal(q.partial, false);
    assert.deepEqual(q.speakerMention, { start: 1686, end: 1701 });
    assert.equal(text.slice(1686, 1701), 'Maria Zakharova');
  });

  it('000: “according to plan.” is partial; "He said" resolves to Lavrov', () => {
    const quotes = analyse(seed('000'));
    assert.equal(quote(quotes, '“according to plan').partial, true);
    const he = quote(quotes, '“who thinks');
    assert.equal(he.speaker, 'Sergey Lavrov');
    assert.equal(he.speakerType, 'PERSON');
  });

  it('001: a closing mark with no opening is an uncertain quote; the split Kuleba quote is one group', () => {
    const quotes = analyse(seed('001'));
    const orphan = quote(quotes, 'Climb the ladder');
    assert.equal(orphan.uncertain, true);
    const second = quote(quotes, '“That’s why');
    assert.notEqual(second.group, null);
    assert.equal(quote(quotes, '“Russia is constantly').group, null, 'the next part has its own "he said"');
    // "…,” Zelenskyy said Monday night in a video address to the nation. “…”: one quote in two parts.
    const z1 = quote(quotes, '“It’s not the first threat'), z2 = quote(quotes, '“We are calm');
    assert.ok(z1.group !== null && z1.group === z2.group);
    assert.equal(z2.cue, 'said');
    // "…” he told reporters. “…”
    assert.equal(quote(quotes, '“We are aware').cue, 'told reporters');
    assert.equal(quote(quotes, '“We are aware').group, quote(quotes, '“We do not see').group);
  });

  it('001: inverted attribution with an appositive title, one group', () => {
    const quotes = analyse(seed('001'));
    const a = quote(quotes, '“The path to diplomacy'), b = quote(quotes, '“However, we are clear about');
    assert.equal(a.speaker, 'Karine Jean-Pierre');
    assert.equal(a.cue, 'said');
    assert.ok(a.group !== null && a.group === b.group);
  });

  it('001: "telling Sky News" names the medium, not the speaker; "she added" resolves to Truss', () => {
    const quotes = analyse(seed('001'));
    const q = quote(quotes, '“could be imminent');
    assert.equal(q.speaker, 'Liz Truss');
    assert.equal(quote(quotes, '“there is still time').speaker, 'Liz Truss');
  });

  it('group ids are unique per quote chain within a document', () => {
    const quotes = analyse(seed('004'));
    const ids = [...new Set(quotes.filter(q => q.group !== null).map(q => q.group))];
    assert.deepEqual(ids, [1, 2]);
    // "a “good signal,” he said, adding that he hopes that “more will follow.”": two quotes, not one split.
    assert.equal(quote(quotes, '“more will follow').group, null);
  });
});

describe('quotes: the traps, one string each', () => {
  const one = (text: string, entities: Entity[] = []): Quote => {
    const quotes = analyse(text, entities);
    checkInvariants(text, quotes);
    assert.equal(quotes.length, 1, JSON.stringify(quotes.map(q => q.text)));
    return quotes[0];
  };

  it('speaker before, with a colon', () => {
    const q = one('NATO Secretary General Jens Stoltenberg said: “We have not seen any de-escalation.”');
    assert.equal(q.speaker, 'Jens Stoltenberg');
    assert.equal(q.cue, 'said');
    assert.equal(q.partial, false);
  });

  it('speaker after, short name expanded to the fullest form in the document', () => {
    const text = 'Foreign Minister Sergey Lavrov met the envoy.\n“The talks can go on,” Lavrov said.';
    const q = one(text);
    assert.equal(q.speaker, 'Sergey Lavrov');
    assert.equal(text.slice(q.speakerMention!.start, q.speakerMention!.end), 'Lavrov');
  });

  it('titles are stripped', () => {
    assert.equal(one('“We are ready,” Foreign Minister Sergey Lavrov said.').speaker, 'Sergey Lavrov');
    assert.equal(one('“We are ready,” said Rep. Jim Clyburn (D-S.C.), the assistant leader.').speaker, 'Jim Clyburn');
  });

  it('inverted: "said Lavrov"', () => {
    const q = one('“The talks are far from exhausted,” said Lavrov.');
    assert.equal(q.speaker, 'Lavrov');
    assert.equal(q.speakerType, 'PERSON');
  });

  it('pronouns resolve to the last compatible person', () => {
    const text = 'Dr Tamara Ugrich said she had stocked up. Her husband John Ugrich said nothing.\n“I don’t believe in war,” she said.';
    const q = one(text);
    assert.equal(q.speaker, 'Tamara Ugrich');
    assert.equal(text.slice(q.speakerMention!.start, q.speakerMention!.end), 'she', 'the mention of a pronoun is the pronoun');
    const he = one('Senator Mike Lee spoke first, then Nancy Smith said it was over.\n“It is not over,” he said.');
    assert.equal(he.speaker, 'Mike Lee');
  });

  it('a role resolves to the person holding it when the document names them', () => {
    const text = 'Foreign Minister Sergey Lavrov met Ukrainian Foreign Minister Dmytro Kuleba on Monday.\nRussia’s foreign minister said the talks were “far from exhausted.”';
    assert.equal(one(text).speaker, 'Sergey Lavrov');
    const alone = one('Russia’s foreign minister said the talks were “far from exhausted.”');
    assert.equal(alone.speaker, 'Russia’s foreign minister');
    assert.equal(alone.speakerType, 'DESCRIPTION');
  });

  it('an outlet: "according to the Guardian"', () => {
    const q = one('“The risk is real,” according to the Guardian.');
    assert.equal(q.speaker, 'Guardian');
    assert.equal(q.speakerType, 'ORG');
    assert.equal(q.cue, 'according to');
  });

  it('a medium is not the speaker: "telling Sky News"', () => {
    const q = one('British Foreign Secretary Liz Truss reiterated that the danger still exists, telling Sky News that it “could be imminent.”');
    assert.equal(q.speaker, 'Liz Truss');
    assert.equal(q.partial, true);
  });

  it('tweeted, and a description as speaker', () => {
    assert.equal(one('“Humiliated,” Russian Foreign Ministry spokesperson Maria Zakharova tweeted.').cue, 'tweeted');
    const d = one('A U.S. defense official said the units were “moving closer.”');
    assert.equal(d.speaker, 'A U.S. defense official'.replace(/^A/, 'a'));
    assert.equal(d.speakerType, 'DESCRIPTION');
  });

  it('an organisation speaks: "the ministry" is the one named before', () => {
    const q = one('The Russian Defense Ministry released images. The ministry did not say where they were headed, other than “to places of permanent deployment.”');
    assert.equal(q.speaker, 'Russian Defense Ministry');
    assert.equal(q.speakerType, 'ORG');
  });

  it('entities, when given, supply the canonical name', () => {
    const text = '“We are ready,” the top diplomat Lavrov said.';
    const at = text.indexOf('Lavrov');
    const q = one(text, [{ start: at, end: at + 6, text: 'Lavrov', type: 'PERSON', canonical: 'Sergey Lavrov' }]);
    assert.equal(q.speaker, 'Sergey Lavrov');
    assert.deepEqual(q.speakerMention, { start: at, end: at + 6 });
  });

  it('of several entities in the speaker’s words, the person heads; run-together names are ignored', () => {
    const text = '“Stop preparing for war,” NATO Secretary General Jens Stoltenberg told reporters.';
    const ent = (s: string, type: Entity['type'], canonical = s): Entity => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s, type, canonical });
    const q = one(text, [ent('NATO', 'ORG'), ent('Jens Stoltenberg', 'PERSON')]);
    assert.equal(q.speaker, 'Jens Stoltenberg');
    assert.equal(q.cue, 'told reporters');
    const two = 'Mr. Clarke and Mr. Van Voorhis said it was “a fair deal.”';
    const e2: Entity = { start: 0, end: 30, text: two.slice(0, 30), type: 'PERSON', canonical: 'Clarke and Mr. Van Voorhis' };
    assert.equal(one(two, [e2]).speaker, 'Van Voorhis');
  });

  it('a quote split by its attribution is one group with one speaker', () => {
    const text = '“It’s not what worked,” he said. “What works is change.”\n“Another paragraph,” said Jane Roe.';
    const quotes = analyse(text);
    checkInvariants(text, quotes);
    assert.equal(quotes.length, 3);
    assert.ok(quotes[0].group !== null && quotes[0].group === quotes[1].group);
    assert.equal(quotes[2].group, null);
    assert.equal(quotes[2].speaker, 'Jane Roe');
  });

  it('a quote continued across paragraphs is one quote', () => {
    const text = 'Jane Roe said:\n\n“The first paragraph goes on.\n\n“And the second one ends it,” she said.';
    const q = one(text);
    assert.ok(q.text.startsWith('“The first') && q.text.endsWith('ends it,”'));
    assert.equal(q.uncertain, false);
    assert.equal(q.speaker, 'Jane Roe');
  });

  it('curly and straight marks mixed: found, flagged uncertain', () => {
    const q = one('Lavrov said possibilities for talks “are far from being exhausted."');
    assert.equal(q.text, '“are far from being exhausted."');
    assert.equal(q.uncertain, true);
    assert.equal(q.partial, true);
  });

  it('straight quotes, single quotes, and apostrophes that are not quote marks', () => {
    assert.equal(one('"We\'re ready," Trump said.').speaker, 'Trump');
    assert.deepEqual(scanQuotes('Russia’s troops don’t move, and the \'90s are over; the voters’ choice.'), []);
    const single = scanQuotes('Headline: Trump Was ‘Mocking’ Clinton Camp');
    assert.equal(single.length, 1);
    assert.equal(single[0].end - single[0].start, '‘Mocking’'.length);
  });

  it('partial quotes woven into the narrator’s sentence', () => {
    const text = 'Foreign Minister Sergey Lavrov said the troops were returning “according to plan.”';
    const q = one(text);
    assert.equal(q.partial, true);
    assert.equal(q.speaker, 'Sergey Lavrov');
    assert.equal(one('He said: “We are calm.”').partial, false);
  });

  it('an unclosed quote is kept to its paragraph end, uncertain', () => {
    const text = 'Kuleba said “we will believe it when we see it.\n\nMarkets rose on Tuesday.';
    const q = one(text);
    assert.equal(q.uncertain, true);
    assert.equal(q.end, text.indexOf('\n'));
  });

  it('a closing mark with no opening mark is an uncertain quote from the sentence start', () => {
    const text = 'Prices rose. Climb the ladder.” Then it stopped.';
    const q = one(text);
    assert.equal(q.text, 'Climb the ladder.”');
    assert.equal(q.uncertain, true);
  });

  it('titles of shows are not quotes; empty text and no marks give nothing', () => {
    assert.deepEqual(analyse(''), []);
    assert.deepEqual(analyse('No quotes at all here.'), []);
    assert.deepEqual(analyse('He appeared on “Fox News Sunday” this week.'), []);
  });

  it('emoji and other surrogate pairs keep offsets in UTF-16 units', () => {
    const text = '🎉🎉 Party time. “Great 🇺🇦 day 😀,” Jane Roe said. 𝒳 “Again,” she said.';
    const quotes = analyse(text);
    checkInvariants(text, quotes);
    assert.equal(quotes.length, 2);
    assert.equal(quotes[0].text, '“Great 🇺🇦 day 😀,”');
    assert.equal(quotes[0].speaker, 'Jane Roe');
    assert.equal(quotes[1].speaker, 'Jane Roe');
  });

  it('CRLF line ends and markup attributes', () => {
    const text = 'Jane Roe said:\r\n\r\n“First part.\r\n\r\n“Second part.”\r\n<tweet id="123">x</tweet>';
    const quotes = analyse(text);
    checkInvariants(text, quotes);
    assert.equal(quotes.length, 1);
    assert.ok(quotes[0].text.endsWith('Second part.”'));
  });

  it('pathological input stays linear and sound', () => {
    const text = '“'.repeat(5000) + 'x' + '”'.repeat(5000) + ' "a "b "c ' + '’'.repeat(3000);
    const quotes = analyse(text);
    checkInvariants(text, quotes);
    assert.ok(quotes.length >= 1);
  });
});

describe('names learnt line by line (memoised) give what the whole document gives', () => {
  it('"the ministry" is the organisation so headed named last before it, wherever its line sits', () => {
    const text = [
      'The Russian Defense Ministry published a video on Monday.',
      'The ministry said the troops were “returning to their bases.”',
      'Later the Ukrainian Foreign Ministry replied in a statement.',
      'The ministry said it was “not convinced at all.”',
    ].join('\n\n');
    // Twice: the same lines again at other offsets (the memo keeps positions relative).
    for (const t of [text, `Intro line.\n\n${text}`]) {
      const quotes = analyse(t);
      checkInvariants(t, quotes);
      assert.equal(quote(quotes, '“returning').speaker, 'Russian Defense Ministry');
      assert.equal(quote(quotes, '“not convinced').speaker, 'Ukrainian Foreign Ministry');
    }
  });

  it('a short name takes the fullest form learnt on another line, and a pronoun the person of an earlier paragraph', () => {
    const text = 'Foreign Minister Sergey Lavrov arrived on Tuesday.\n\n“We are ready,” Lavrov said.\n\nReporters waited.\n\n“It is over,” he said.';
    const quotes = analyse(text);
    checkInvariants(text, quotes);
    assert.equal(quote(quotes, '“We are').speaker, 'Sergey Lavrov');
    const q = quote(quotes, '“It is');
    assert.equal(q.speaker, 'Sergey Lavrov');
    assert.equal(text.slice(q.speakerMention!.start, q.speakerMention!.end), 'he');
  });
});
