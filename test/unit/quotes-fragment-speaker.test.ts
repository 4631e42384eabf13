/**
 * A short quoted fragment whose speaker is someone else the sentence names, not the
 * sentence's main subject (issue 10): a fragment inside an adverbial clause with a
 * subject of its own ("… after she toured … and blamed … on “…”"), and a fragment
 * inside the "that" clause of a named owner's speech noun ("X laughed off Y’s boast
 * that … “…”", "Y’s earlier remark that …"). And the cases those rules must leave alone: a quote that
 * is an attribution slot of the main verb keeps the main subject. Sentences written
 * for these tests.
 */
import * as assert from 'node:assert/strict';
import { findQuotes } from '../../src/core/quotes/quotes';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';

function speakerOf(text: string, start: string): string | null {
  const quotes = findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), []);
  const q = quotes.find(x => x.text.startsWith(start));
  assert.ok(q, `no quote starting ${JSON.stringify(start)} in ${JSON.stringify(text)}`);
  return q.speaker ?? null;
}

interface Case { rule: string; text: string; quote: string; speaker: string | null }

const CHANGED: Case[] = [
  // (a) A fragment inside an adverbial clause with its own subject.
  { rule: 'after + pronoun + verb … and + verb: the clause’s subject (the pronoun resolved)',
    text: 'Mayor Tom Baxter described Councilwoman Ana Diaz as a “roadblock” after she voted against the budget and blamed the shortfall on “reckless spending” at city hall.',
    quote: '“reckless', speaker: 'Ana Diaz' },
  { rule: 'because + name + verb, no cue in the main clause',
    text: 'Ben Ortiz left the hearing early because Ana Diaz kept dismissing his plan as “pure fantasy” in front of the board.',
    quote: '“pure', speaker: 'Ana Diaz' },
  { rule: 'while + pronoun + verb … and + verb after the main clause’s own quote',
    text: 'Governor Tom Baxter called Senator Ana Diaz a “hypocrite” while she toured the flooded towns and mocked his relief plan as “too little, too late” on the radio.',
    quote: '“too little', speaker: 'Ana Diaz' },
  { rule: 'when + name + verb after a naming cue',
    text: 'Tom Baxter labeled the meeting a “circus” when Ana Diaz waved off the audit as “old news” before the cameras.',
    quote: '“old news', speaker: 'Ana Diaz' },
  { rule: 'a new subject after "and" in the clause speaks',
    text: 'Tom Baxter stayed late after Ana Diaz left and Ben Ortiz dismissed the plan as “pure fantasy” on the radio.',
    quote: '“pure', speaker: 'Ben Ortiz' },
  // (b) A fragment inside the "that" clause of a named owner's speech noun.
  { rule: 'X’s boast that … “…” (a speech noun beyond the old list), no cue before it',
    text: 'Senator Ana Diaz laughed off Governor Tom Baxter’s boast that the state budget was “finally balanced.”',
    quote: '“finally', speaker: 'Tom Baxter' },
  { rule: 'X’s <modifier> remark that … “…”: a modifier between the owner and the noun',
    text: 'Ana Diaz took issue with Tom Baxter’s earlier remark that the roads were “never better” this year.',
    quote: '“never better', speaker: 'Tom Baxter' },
];

const KEPT: Case[] = [
  { rule: 'the naming slot of "described … as" keeps the main subject',
    text: 'Mayor Tom Baxter described Councilwoman Ana Diaz as a “roadblock” after she voted against the budget and blamed the shortfall on “reckless spending” at city hall.',
    quote: '“roadblock', speaker: 'Tom Baxter' },
  { rule: 'the naming slot of "called her a" keeps the main subject',
    text: 'Governor Tom Baxter called Senator Ana Diaz a “hypocrite” while she toured the flooded towns and mocked his relief plan as “too little, too late” on the radio.',
    quote: '“hypocrite', speaker: 'Tom Baxter' },
  { rule: 'a quote after "said": the adverbial clause may be the reported words',
    text: 'Tom Baxter said the project was “dead on arrival” after Ana Diaz blocked the “emergency” funds in committee.',
    quote: '“emergency', speaker: 'Tom Baxter' },
  { rule: 'a preposition, not a clause: "after" + a noun phrase',
    text: 'Tom Baxter called Ana Diaz a “disgrace” after Monday’s vote on the “emergency” funds.',
    quote: '“disgrace', speaker: 'Tom Baxter' },
  { rule: 'a cue inside the adverbial clause still decides',
    text: 'Tom Baxter left the room when Ana Diaz told the board the audit was “old news.”',
    quote: '“old news', speaker: 'Ana Diaz' },
  { rule: 'after "said" a speech noun opening the reported words: the cue’s subject',
    text: 'Ana Diaz said Tom Baxter’s earlier remark that the roads were “never better” was simply false.',
    quote: '“never better', speaker: 'Ana Diaz' },
  { rule: 'a speech noun whose "that" clause ends before the quote, under a naming cue: the quote is the main verb’s complement',
    text: 'Ana Diaz called Tom Baxter’s claim that the bridge is safe “a fairy tale.”',
    quote: '“a fairy', speaker: 'Ana Diaz' },
  { rule: 'a speech noun without a "that" clause, under "described … as": the main subject',
    text: 'Ana Diaz described Tom Baxter’s remark as “deeply insulting.”',
    quote: '“deeply', speaker: 'Ana Diaz' },
  { rule: 'a cue then a speech noun and a colon: the cue’s subject',
    text: 'Ana Diaz said of Tom Baxter’s pledge: “It will never be kept.”',
    quote: '“It will', speaker: 'Ana Diaz' },
];

describe('quotes: the speaker of a fragment in a clause of its own (issue 10)', () => {
  it('kept out: a short term modifying a noun in such a clause is still no quote (no cue governs it)', () => {
    const text = 'Ben Ortiz campaigned in Dayton before Ana Diaz arrived to deliver a “major” speech on taxes.';
    const quotes = findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), []);
    assert.deepEqual(quotes.map(q => q.text), []);
  });
  for (const c of CHANGED) {
    it(`changed: ${c.rule}`, () => assert.equal(speakerOf(c.text, c.quote), c.speaker));
  }
  for (const c of KEPT) {
    it(`kept: ${c.rule}`, () => assert.equal(speakerOf(c.text, c.quote), c.speaker));
  }
});
