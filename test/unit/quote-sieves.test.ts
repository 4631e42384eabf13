/**
 * The attribution sieves one by one: for each, a text in which it is the sieve that
 * decides the quote (every sieve before it passes), with the speaker it names.
 */
import * as assert from 'node:assert/strict';
import { findQuotes, findQuotesTraced } from '../../src/core/quotes/quotes';
import { SIEVES } from '../../src/core/quotes/sieves';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';

function traced(text: string) {
  const t = findQuotesTraced(new AnalysisContext(), text, sentences(text, paragraphs(text)), []);
  assert.equal(t.sieves.length, t.quotes.length);
  return t.quotes.map((q, k) => ({ text: q.text, speaker: q.speaker, cue: q.cue, sieve: t.sieves[k] }));
}

/** The quote starting with `start`: its speaker and the sieve that decided it. */
function decided(text: string, start: string): { speaker: string | null; cue: string | null; sieve: string | null } {
  const hit = traced(text).find(q => q.text.startsWith(start));
  assert.ok(hit, `no quote starting ${JSON.stringify(start)}`);
  return { speaker: hit.speaker, cue: hit.cue, sieve: hit.sieve };
}

describe('quote sieves', () => {
  it('are tried in this order', () => {
    assert.deepEqual(SIEVES.map(s => s.name), [
      'label-inside', 'coordinated', 'cue-after', 'continuation', 'name-label', 'cue-before', 'headline-label', 'headline-verb',
      'cue-before-earlier-quote', 'cue-later', 'clause-subject', 'narrator-sentence-cue',
      'narrator-sentence-subject', 'lead-in-subject', 'sentence-person', 'same-voice', 'lead-in-sentence',
    ]);
  });

  // Per case: the text, the quote (by its first words), and what decides it. A sieve's
  // case may hold more texts, and other quotes of the text decided by other sieves.
  const cases: { sieve: string; what: string; text: string; quote: string; speaker: string | null; cue: string | null; others?: [string, string][] }[] = [
    { sieve: 'label-inside', what: 'a speaker label opening a transcript quote',
      text: '“MARTINEZ: We will not raise the harbour fees this year,” the mayor began.', quote: '“MARTINEZ', speaker: 'Martinez', cue: ':' },
    { sieve: 'coordinated', what: 'a quote listed with the one before it',
      text: 'Carla Ostrowski called the old span “a relic” and “an eyesore.”', quote: '“an eyesore', speaker: 'Carla Ostrowski', cue: 'called',
      others: [['“a relic', 'cue-before']] },
    { sieve: 'cue-after', what: 'the subject and cue right after the quote',
      text: '“The bridge will reopen in May,” Carla Ostrowski said on Tuesday.', quote: '“The bridge', speaker: 'Carla Ostrowski', cue: 'said' },
    { sieve: 'continuation', what: 'the second part of a quote split by its attribution',
      text: '“The bridge will reopen in May,” Carla Ostrowski said. “Traffic will be lighter.”', quote: '“Traffic', speaker: 'Carla Ostrowski', cue: 'said',
      others: [['“The bridge', 'cue-after']] },
    { sieve: 'name-label', what: 'a name labelling the quote after a dash',
      text: 'Several engineers praised the design, including the chief inspector Carla Ostrowski -- “It will stand for a century.”', quote: '“It will', speaker: 'Carla Ostrowski', cue: null },
    { sieve: 'cue-before', what: 'the nearest cue before the quote in its sentence',
      text: 'Carla Ostrowski said the bridge would be “ready by the spring festival.”', quote: '“ready', speaker: 'Carla Ostrowski', cue: 'said' },
    { sieve: 'headline-label', what: 'a headline’s "Name: …"',
      text: 'Ostrowski on the bridge: “We are ready”', quote: '“We are', speaker: 'Ostrowski', cue: ':' },
    { sieve: 'headline-verb', what: 'a headline’s "Name Says …"',
      text: 'Ostrowski Says Harbour Bridge Is “Ready for Traffic”', quote: '“Ready', speaker: 'Ostrowski', cue: 'Says' },
    { sieve: 'cue-before-earlier-quote', what: 'a cue before an earlier quote of the sentence',
      text: 'Carla Ostrowski said the old span was “a relic” and the new one “a promise to the town.”', quote: '“a promise', speaker: 'Carla Ostrowski', cue: 'said',
      others: [['“a relic', 'cue-before']] },
    { sieve: 'cue-later', what: 'a cue later in the sentence, past another quote',
      text: 'The old span is “a relic” and the new one “a promise,” Carla Ostrowski said.', quote: '“a relic', speaker: 'Carla Ostrowski', cue: 'said',
      others: [['“a promise', 'cue-after']] },
    { sieve: 'clause-subject', what: 'the subject of the narrator’s clause, with no cue',
      text: 'On Tuesday, Carla Ostrowski hailed the new span as “a promise to the town.”', quote: '“a promise', speaker: 'Carla Ostrowski', cue: null },
    { sieve: 'narrator-sentence-cue', what: 'a cue in the sentence before, same paragraph',
      text: 'Carla Ostrowski said the town had waited long enough. “The bridge opens in May.”', quote: '“The bridge', speaker: 'Carla Ostrowski', cue: 'said' },
    { sieve: 'narrator-sentence-subject', what: 'the subject of the sentence before, same paragraph, with no cue',
      text: 'Carla Ostrowski walked across the finished deck with the engineers. “The bridge opens in May.”', quote: '“The bridge', speaker: 'Carla Ostrowski', cue: null },
    { sieve: 'lead-in-subject', what: 'a short sentence closing the paragraph before names the speaker',
      text: '“The bridge opens in May,” Carla Ostrowski said.\n\nTomas Berg shook his head.\n\n“Nobody will pay a toll.”', quote: '“Nobody', speaker: 'Tomas Berg', cue: null,
      others: [['“The bridge', 'cue-after']] },
    { sieve: 'sentence-person', what: 'the one person named in the quote’s sentence, before the voice of the quote before',
      text: '“The bridge opens in May,” Carla Ostrowski said. The delay had led the engineer Peter Berg to fear “a winter of detours.”', quote: '“a winter', speaker: 'Peter Berg', cue: null,
      others: [['“The bridge', 'cue-after']] },
    { sieve: 'same-voice', what: 'a quote standing alone after another goes on in its voice',
      text: '“The bridge opens in May,” Carla Ostrowski said.\n\n“Nobody will pay a toll.”', quote: '“Nobody', speaker: 'Carla Ostrowski', cue: 'said',
      others: [['“The bridge', 'cue-after']] },
    { sieve: 'lead-in-sentence', what: 'a cue in the paragraph before',
      text: 'Carla Ostrowski said on Tuesday that the work was finished.\n\n“The bridge opens in May.”', quote: '“The bridge', speaker: 'Carla Ostrowski', cue: 'said' },
    { sieve: 'lead-in-sentence', what: 'a lead-in sentence ending in a colon',
      text: 'Carla Ostrowski made the following remark about the new span:\n\n“The bridge opens in May.”', quote: '“The bridge', speaker: 'Carla Ostrowski', cue: null },
  ];

  for (const c of cases) {
    it(`${c.sieve}: ${c.what}`, () => {
      assert.deepEqual(decided(c.text, c.quote), { speaker: c.speaker, cue: c.cue, sieve: c.sieve });
      for (const [quote, sieve] of c.others ?? []) assert.equal(decided(c.text, quote).sieve, sieve, quote);
    });
  }

  it('every sieve has a case', () => {
    assert.deepEqual([...new Set(cases.map(c => c.sieve))], SIEVES.map(s => s.name));
  });

  it('no sieve: no speaker', () => {
    const text = 'Carla Ostrowski, the mayor, spoke to reporters on Tuesday morning.\n\nSeveral engineers stood beside her on the deck.\n\n“The bridge opens in May.”';
    assert.deepEqual(decided(text, '“The bridge'), { speaker: null, cue: null, sieve: null });
  });

  it('findQuotes gives the traced quotes, with no trace in them', () => {
    const text = '“The bridge opens in May,” Carla Ostrowski said. “Nobody will pay a toll.”\n\nOstrowski Says Harbour Bridge Is “Ready for Traffic”';
    const ss = sentences(text, paragraphs(text));
    const quotes = findQuotes(new AnalysisContext(), text, ss, []);
    assert.deepEqual(quotes, findQuotesTraced(new AnalysisContext(), text, ss, []).quotes);
    for (const q of quotes) {
      assert.deepEqual(Object.keys(q), ['start', 'end', 'text', 'speaker', 'speakerType', 'speakerMention', 'cue', 'partial', 'uncertain', 'group', 'variants', 'attribution']);
    }
  });
});
