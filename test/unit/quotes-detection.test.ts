/**
 * Quote detection by kind of false quote: scare quotes and terms, names of works,
 * section headings. Each text is written for the rule; every rule is also checked
 * not to fire where the quoted words are speech.
 */
import * as assert from 'node:assert/strict';
import { findQuotes } from '../../src/core/quotes/quotes';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';

function texts(text: string): string[] {
  const quotes = findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), []);
  for (const q of quotes) assert.equal(text.slice(q.start, q.end), q.text);
  return quotes.map(q => q.text);
}

const kept = (text: string, start: string) =>
  assert.ok(texts(text).some(t => t.startsWith(start)), `${JSON.stringify(start)} should be a quote in ${JSON.stringify(text)}`);
const dropped = (text: string, start: string) =>
  assert.ok(!texts(text).some(t => t.startsWith(start)), `${JSON.stringify(start)} should not be a quote in ${JSON.stringify(text)}`);

describe('quote detection: false quotes by kind', () => {
  describe('scare quotes and terms (short, inside the sentence, no one says them)', () => {
    it('a short phrase nobody is credited with is left out', () => {
      dropped('The county moved the ballots into a “secure annex” before the count.', '“secure annex”');
      dropped('Investors piled into what dealers call a hot market, and the “meme stocks” rallied again.', '“meme stocks”');
      dropped('The fund was later wound down through a so-called “sunset vehicle.”', '“sunset vehicle.”');
    });
    it('a quoted word modifying the noun after it, with no cue, is a term even with a subject', () => {
      dropped('Dr. Lena Varga was fined for selling “miracle” diet pills online.', '“miracle”');
      dropped('The governor wants to end the old “revolving door” rule for lobbyists.', '“revolving door”');
      dropped('Lawmakers passed what became known as the “Harlan amendment” after a long fight.', '“Harlan amendment”');
    });
    it('does not fire on a phrase a cue governs, nor on a naming "as"', () => {
      kept('The mayor called the budget “a disgrace” on Tuesday.', '“a disgrace”');
      kept('Senator Ana Ruiz described the plan as “reckless” in a floor speech.', '“reckless”');
      kept('Councilman Pete Haas dismissed the report as a “witch hunt” during the meeting.', '“witch hunt”');
      kept('Critics said the “reckless” plan would bankrupt the city.', '“reckless”');
    });
    it('does not fire after words of speech, even with no speaker found', () => {
      kept('Contrary to the promise that the dam would “never fail,” the river broke through.', '“never fail,”');
      kept('Despite warnings that the bridge was “not safe,” traffic kept flowing.', '“not safe,”');
    });
    it('does not fire on a quote opening its sentence, nor on a long quoted phrase', () => {
      kept('The agency released its findings. “Rates will rise,” the report warned.', '“Rates will rise,”');
      kept('The union wants members to hold out “until the last contract is signed and filed” next week.', '“until the last');
    });
    it('a quoted word followed by a preposition is not taken as a modifier', () => {
      kept('Tom Reyes called the rollout a “fiasco” during the hearing.', '“fiasco”');
    });
  });

  describe('names of works', () => {
    it('a title after the noun naming the work, comma or not, even one word', () => {
      dropped('Check out the trailer for her documentary, “Ninth,” below.', '“Ninth,”');
      dropped('In his 2010 book, “Spend Less Save More,” he urged readers to cut back.', '“Spend Less');
      dropped('The choir closed with the anthem “We Shall Rise Again” to applause.', '“We Shall');
      dropped('The 30-second ad, titled “Reckless,” runs in three states.', '“Reckless,”');
    });
    it('does not fire on speech after a work noun that is not a title', () => {
      kept('In her book, the senator wrote that the war was “a mistake we all made.”', '“a mistake');
      kept('In the film, Dana Cole says, “Nobody leaves until the job is done.”', '“Nobody leaves');
    });
  });

  describe('section headings', () => {
    it('a title-case quote standing as its own paragraph after quoted speech is a heading', () => {
      const text = '“We will rebuild the plant,” said Maria Olsen, the plant manager.\n\n\'Nothing Lasts Forever.\'\n\nThe plant opened in 1962.';
      dropped(text, '\'Nothing');
      kept(text, '“We will rebuild');
    });
    it('does not fire on a quote paragraph in sentence case, nor on one its own sentence attributes', () => {
      const text = 'Maria Olsen spoke to the workers on Friday.\n\n“We will be back next year.”\n\nThe plant opened in 1962.';
      kept(text, '“We will be back');
      kept('“Never Give Up,” Maria Olsen told the crowd.\n\nThe plant opened in 1962.', '“Never Give Up,”');
    });
  });
});
