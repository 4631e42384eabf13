/**
 * Quote claims credited to two different speakers: the same words are an attribution conflict only when both claims
 * name their speaker themselves; a speaker found through a pronoun or carried over from an earlier part of the quote
 * is a guess, and the same words (in the same order) still carry the claim.
 */
import assert from 'node:assert/strict';
import { ClaimLinker } from '../../src/core/claims/links';
import { namesSpeaker, sameWords, verbatimMatch, verbatimWorthy } from '../../src/core/claims/match';
import { AnalysisContext } from '../../src/core/text/memo';
import type { Claim } from '../../src/core/types';

const quote = (text: string, speaker: string): Claim => ({
  start: 0, end: text.length, text, kind: 'quote', speaker, entities: [], numbers: [], status: 'unique',
  corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1,
});
const filler = (text: string): Claim => ({ ...quote(text, ''), kind: 'statement', speaker: null });
/** Links two one-claim documents (two unrelated documents beside them, so that no key is frequent); the first claim's links. */
const links = (a: Claim, b: Claim): string[] => {
  const docs = [
    { path: 'a', claims: [a] }, { path: 'b', claims: [b] },
    { path: 'c', claims: [filler('A bakery in the harbour district sold rye bread to early tourists')] },
    { path: 'd', claims: [filler('The orchestra rehearsed a new symphony for the autumn festival')] },
  ];
  new ClaimLinker(new AnalysisContext()).link(docs.map(d => ({ ...d, key: d })));
  return [...a.corroboratedBy, ...(a.partlyCorroboratedBy ?? [])].map(l => l.path);
};

describe('claims: quotes of two speakers', () => {
  it('knows whether a claim names its speaker', () => {
    assert.equal(namesSpeaker({ text: '“The ferry will stop running in winter,” Okafor said', speaker: 'Ada Okafor' }), true);
    assert.equal(namesSpeaker({ text: '“The ferry will stop running in winter,” she said', speaker: 'Ada Okafor' }), false);
    assert.equal(namesSpeaker({ text: '“Okaforville needs the ferry,” she said', speaker: 'Ada Okafor' }), false, 'a longer word is not the name');
  });

  it('reads the same words in the same order, attribution aside', () => {
    assert.equal(sameWords('And the ferry must keep running.”', 'I think the tolls are high, and the ferry must keep running,” she said'), true);
    assert.equal(sameWords('the ferry must keep running', 'running, the ferry must keep'), false);
    assert.equal(sameWords('the ferry', 'the ferry must keep running'), false, 'too short to say');
  });

  it('a guessed speaker does not hide the same words', () => {
    const a = quote('And the ferry must keep running through the winter.”', 'Ada Okafor');
    const b = quote('The tolls are far too high, and the ferry must keep running through the winter,” she said', 'Mina Dahl');
    assert.deepEqual(links(a, b), ['b']);
  });

  it('two named speakers with the same words: not corroboration', () => {
    const a = quote('“The ferry must keep running through the winter,” Okafor said', 'Ada Okafor');
    const b = quote('“The ferry must keep running through the winter,” Dahl said', 'Mina Dahl');
    assert.deepEqual(links(a, b), []);
  });

  it('a guessed speaker with other words: not corroboration', () => {
    const a = quote('“The ferry should keep running through the winter months,” she said', 'Ada Okafor');
    const b = quote('“Through the winter the ferry keeps running, whatever the council says,” he said', 'Mina Dahl');
    assert.deepEqual(links(a, b), []);
    // The same words under one speaker do link (the guess agrees).
    const c = quote('“The ferry should keep running through the winter months,” she said', 'Ada Okafor');
    const d = quote('“The ferry should keep running through the winter months,” Okafor told reporters', 'Ada Okafor');
    assert.deepEqual(links(c, d), ['b']);
  });
});

describe('claims: reported speech of two people', () => {
  const reported = (text: string, speaker: string): Claim => ({ ...quote(text, speaker), kind: 'reported' });
  it('is no corroboration when each report names another person as the speaker', () => {
    const a = reported('The harbour board’s finance director, Maeve Dunleavy, said the board would review the ferry contract before spring', 'Maeve Dunleavy');
    const b = reported('The harbour board chairman, Oskar Lindqvist, said the board would review the ferry contract before spring', 'Oskar Lindqvist');
    assert.deepEqual(links(a, b), []);
  });
  it('is corroboration from the same person, or from a person and the body they speak for', () => {
    const a = () => reported('The harbour board’s finance director, Maeve Dunleavy, said the board would review the ferry contract before spring', 'Maeve Dunleavy');
    assert.deepEqual(links(a(), reported('Finance director Maeve Dunleavy said the board would review the ferry contract before spring', 'Maeve Dunleavy')), ['b']);
    assert.deepEqual(links(a(), reported('The Harbour Board said it would review the ferry contract before spring', 'Harbour Board')), ['b']);
  });
});

describe('claims: a quote and the report of it', () => {
  const reported = (text: string, speaker: string): Claim => ({ ...quote(text, speaker), kind: 'reported' });

  it('links a speaker\'s own words to a report of them in other words, each naming the speaker', () => {
    const a = quote('“The harbour tolls have become a crushing burden for the small fishing crews of our coast,” Okafor said', 'Ada Okafor');
    const b = reported('Ada Okafor said small fishing crews were being forced out of business by the harbour tolls', 'Ada Okafor');
    assert.deepEqual(links(a, b), ['b']);
  });

  it('the speaker both name counts as a shared word: three words shared at a low overlap stand alone', () => {
    const a = quote('“Every family that keeps a small boat in this town is being squeezed until it gives up,” Okafor said', 'Ada Okafor');
    const b = reported('Ada Okafor said rising harbour charges were driving small boat owners and their families out of the trade', 'Ada Okafor');
    assert.deepEqual(links(a, b), ['b']);
  });

  it('not when the speaker is a guess, nor for two reports of what one person said', () => {
    const a = quote('“The harbour tolls have become a crushing burden for the small fishing crews of our coast,” she said', 'Ada Okafor');
    const b = reported('Ada Okafor said small fishing crews were being forced out of business by the harbour tolls', 'Ada Okafor');
    assert.deepEqual(links(a, b), []);
    const c = reported('Okafor said the harbour tolls had become a crushing burden for the small fishing crews of the coast', 'Ada Okafor');
    assert.deepEqual(links(c, b), []);
  });
});


describe('claims: the same words, word for word', () => {
  const reported = (text: string, speaker: string): Claim => ({ ...quote(text, speaker), kind: 'reported' });

  it('are the same claim outright, six words or more, unless two named speakers differ', () => {
    const text = 'The tolls at the harbour will rise by a third in spring';
    assert.deepEqual(verbatimMatch(filler(text), filler(text)), { similarity: 1, direction: 'full' });
    assert.equal(verbatimMatch(filler('The vote was close'), filler('The vote was close')), undefined, 'fewer words: weighed as any pair');
    assert.equal(verbatimMatch(filler(text), filler(text + ' again')), undefined, 'other words: weighed as any pair');
    assert.equal(verbatimWorthy('“Yes,” he said — no'), false, 'quote marks and dashes are no words');
    assert.equal(verbatimWorthy('“Yes,” he said — no, not today'), true);
    const told = '“The tolls will rise by a third in spring,” Okafor told Mensah';
    assert.equal(verbatimMatch(quote(told, 'Ada Okafor'), quote(told, 'Ben Mensah')), null, 'one credits Okafor, the other Mensah, each named in the words');
    assert.deepEqual(verbatimMatch(quote('“The tolls will rise by a third in spring,” she said', 'Ada Okafor'), quote('“The tolls will rise by a third in spring,” she said', 'Ben Mensah')), { similarity: 1, direction: 'full' }, 'a guessed speaker does not stand against the same words');
    const report = (who: string) => `${who} said the harbour tolls would rise by a third in spring`;
    assert.equal(verbatimMatch(reported(report('Ada Okafor and Ben Mensah'), 'Ada Okafor'), reported(report('Ada Okafor and Ben Mensah'), 'Ben Mensah')), null, 'two people, each named');
  });
});
