/**
 * Quotes followed across sources (corpus/quoteLinks.ts), on texts written for the
 * rules: variants of one utterance (identical or reworded), the same words from
 * another mouth (an attribution conflict), quote groups, and what a reworded quote
 * does to its claim (corroborates, unless a number or a negation changed).
 */
import assert from 'node:assert/strict';
import type { DocumentResult } from '../../src/core/types';
import { checkContract } from '../contract/checkContract';
import { inOrderWithin, linkSpeaker } from '../../src/core/corpus/quoteLinks';
import { corpusResults, quoteOf } from '../support/quoteCorpus';
import { rng } from '../support/rng';

const corpus = (docs: Record<string, string>) => corpusResults(docs);

const LEAD = 'The harbour reopened on Monday after the storm.\n\n';

describe('quotes across sources', () => {
  it('the same words by the same speaker: an identical variant, at both ends, one group', () => {
    const r = corpus({
      'a.txt': LEAD + 'Harbour master Jane Roe said the repairs were “going faster than anyone expected.”\n',
      'b.txt': LEAD + 'The repairs were “going faster than anyone expected,” said harbour master Jane Roe.\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“going'), b = quoteOf(r.get('b.txt')!, '“going');
    assert.equal(a.speaker, 'Jane Roe');
    assert.deepEqual(a.variants.map(v => [v.path, v.start, v.identical]), [['b.txt', b.start, true]]);
    assert.deepEqual(b.variants.map(v => [v.path, v.start, v.identical]), [['a.txt', a.start, true]]);
    assert.ok(a.quoteGroup && a.quoteGroup === b.quoteGroup);
    assert.equal(a.quoteGroupSize, 2);
  });

  it('a speaker named with a courtesy title in one source and by surname in another is one speaker, however the name ends', () => {
    const r = corpus({
      'a.txt': LEAD + '“The repairs are going faster than anyone expected,” said Dr. Helen Park.\n',
      'b.txt': LEAD + '“The repairs are going faster than anyone expected,” Park said in a statement.\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“The repairs'), b = quoteOf(r.get('b.txt')!, '“The repairs');
    assert.equal(a.speaker, 'Helen Park');
    assert.equal(b.speaker, 'Helen Park');
    assert.deepEqual(a.variants.map(v => v.path), ['b.txt']);
    assert.deepEqual(a.attributedElsewhere ?? [], []);
  });

  it('a body and its spokesperson are one speaker: the same words are one utterance, and a conflict still names the speaker as credited', () => {
    const r = corpus({
      'a.txt': LEAD + '“We will review the decision carefully,” a spokesman for the harbour authority said.\n',
      'b.txt': LEAD + 'The harbour authority said: “We will review the decision carefully.”\n',
      'c.txt': LEAD + '“We will review the decision carefully,” said Mayor Tom Rudd.\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“We will'), b = quoteOf(r.get('b.txt')!, '“We will'), c = quoteOf(r.get('c.txt')!, '“We will');
    assert.equal(a.speaker, 'a spokesman for the harbour authority');
    assert.deepEqual(a.variants.map(v => v.path), ['b.txt']);
    assert.deepEqual(b.variants.map(v => v.path), ['a.txt']);
    assert.deepEqual((c.attributedElsewhere ?? []).map(x => [x.path, x.speaker]), [['a.txt', 'a spokesman for the harbour authority'], ['b.txt', b.speaker]]);
    assert.deepEqual(['a spokesman for the ministry', 'a ministry spokeswoman', 'the ministry', 'Ministry'].map(linkSpeaker), ['ministry', 'ministry', 'ministry', 'Ministry']);
  });

  it('a body named in its two orders is one speaker ("Department of Justice", "Justice Department")', () => {
    const r = corpus({
      'a.txt': LEAD + '“We will not comment on an ongoing investigation,” the Justice Department said in a statement.\n',
      'b.txt': LEAD + '“We will not comment on an ongoing investigation,” the Department of Justice said.\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“We will'), b = quoteOf(r.get('b.txt')!, '“We will');
    assert.deepEqual(a.variants.map(v => v.path), ['b.txt']);
    assert.deepEqual(b.attributedElsewhere ?? [], []);
    assert.deepEqual(['Department of the Treasury', 'Ministry of Defence', 'Department of Justice officials'].map(linkSpeaker), ['Treasury Department', 'Defence Ministry', 'Department of Justice officials']);
  });

  it('a body of someone\'s, possessive or not, is one speaker ("Clinton\'s campaign", "the Clinton campaign")', () => {
    const r = corpus({
      'a.txt': LEAD + '“This is a desperate attempt to change the subject,” Clinton\'s campaign said.\n',
      'b.txt': LEAD + '“This is a desperate attempt to change the subject,” the Clinton campaign said in a statement.\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“This is'), b = quoteOf(r.get('b.txt')!, '“This is');
    assert.deepEqual(a.variants.map(v => v.path), ['b.txt']);
    assert.deepEqual(b.attributedElsewhere ?? [], []);
  });

  it('a short fragment reworded in the same frame is the same utterance', () => {
    const r = corpus({
      'a.txt': LEAD + 'Harbour master Jane Roe said the ferries were returning “according to the timetable.”\n',
      'b.txt': LEAD + 'Jane Roe, the harbour master, said the ferries were returning “as scheduled.”\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“according'), b = quoteOf(r.get('b.txt')!, '“as');
    assert.deepEqual(a.variants.map(v => [v.path, v.identical]), [['b.txt', false]]);
    assert.equal(b.variants.length, 1);
  });

  it('a phrase found whole inside the other source’s longer quote is the same utterance', () => {
    const r = corpus({
      'a.txt': LEAD + 'Jane Roe said there was “quiet confidence” in the port.\n',
      'b.txt': LEAD + 'Jane Roe said there were “some grounds for quiet confidence” after the talks.\n',
    });
    assert.equal(quoteOf(r.get('a.txt')!, '“quiet').variants.length, 1);
  });

  it('a fragment of function words quoted word for word out of the longer quote is the same utterance', () => {
    const r = corpus({
      'a.txt': LEAD + 'The mayor, Jane Roe, said the closure was “not what we were promised.”\n',
      'b.txt': LEAD + '“We waited all winter for the bridge, and this is not what we were promised,” said the mayor, Jane Roe.\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“not'), b = quoteOf(r.get('b.txt')!, '“We');
    assert.equal(a.speaker, 'Jane Roe');
    assert.equal(b.speaker, 'Jane Roe');
    assert.deepEqual(a.variants.map(v => [v.path, v.start, v.identical]), [['b.txt', b.start, false]]);
    assert.equal(b.variants.length, 1);
  });

  it('a run of function words that is not contiguous in the other quote is no variant', () => {
    const r = corpus({
      'a.txt': LEAD + 'The mayor, Jane Roe, said the closure was “not what we were promised.”\n',
      'b.txt': LEAD + '“We were not told what the bridge would cost, and nobody promised a date,” said the mayor, Jane Roe.\n',
    });
    assert.equal(quoteOf(r.get('a.txt')!, '“not').variants.length, 0);
  });

  it('two different remarks by one speaker sharing a word or two are not variants', () => {
    const r = corpus({
      'a.txt': LEAD + 'Jane Roe said the harbour was “safe for every ship again.”\n',
      'b.txt': LEAD + 'Jane Roe warned that fuel prices were “far too high for every fisherman.”\n',
    });
    assert.deepEqual(quoteOf(r.get('a.txt')!, '“safe').variants, []);
  });

  it('the same words credited to another speaker: an attribution conflict at both ends, not a variant', () => {
    const r = corpus({
      'a.txt': LEAD + 'Harbour master Jane Roe said the damage was “far worse than the last storm.”\n',
      'b.txt': LEAD + 'Mayor John Doe said the damage was “far worse than the last storm.”\n',
    });
    const a = quoteOf(r.get('a.txt')!, '“far'), b = quoteOf(r.get('b.txt')!, '“far');
    assert.equal(a.speaker, 'Jane Roe');
    assert.equal(b.speaker, 'John Doe');
    assert.deepEqual(a.variants, []);
    assert.deepEqual(a.attributedElsewhere, [{ path: 'b.txt', start: b.start, end: b.end, speaker: 'John Doe' }]);
    assert.deepEqual(b.attributedElsewhere, [{ path: 'a.txt', start: a.start, end: a.end, speaker: 'Jane Roe' }]);
    // Their claims neither corroborate nor dispute each other.
    const claimA = r.get('a.txt')!.claims.find(c => c.kind === 'quote')!;
    assert.ok(!claimA.corroboratedBy.some(l => l.path === 'b.txt') && !claimA.disputedBy.some(l => l.path === 'b.txt'));
  });

  it('two short common words from two speakers are no conflict', () => {
    const r = corpus({
      'a.txt': LEAD + 'Jane Roe called it “good news” for the town.\n',
      'b.txt': LEAD + 'John Doe called it “good news” for the fleet.\n',
    });
    assert.deepEqual(quoteOf(r.get('a.txt')!, '“good').attributedElsewhere, []);
  });

  it('keeps every claim link mirrored when one sentence holds several quotes that link differently', () => {
    const docs = {
      'a.txt': LEAD + '“We will rebuild all 12 berths,” harbour master Jane Roe said, “and the ferries will run as planned.” Mayor John Doe said the damage was “far worse than the last storm.”\n',
      'b.txt': LEAD + '“We will rebuild all 20 berths,” harbour master Jane Roe said, “and the ferries will run as planned.” Harbour master Jane Roe said the damage was “far worse than the last storm.”\n',
      'c.txt': LEAD + '“The ferries will run as planned,” harbour master Jane Roe said. “We will rebuild all 12 berths.”\n',
    };
    const r = corpus(docs);
    assert.deepEqual(checkContract({ version: 1, documents: [...r.values()], skipped: [] }, p => docs[p as keyof typeof docs]), []);
  });

  it('keeps claim links mirrored in paragraphs of many short quotes that link every way (variants, conflicts, changed numbers)', () => {
    const rand = rng(20261201);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const speakers = ['Jane Roe', 'John Doe', 'Ana Ruiz'];
    const words = ['we will rebuild all 12 berths', 'we will rebuild all 20 berths', 'we will not rebuild the berths', 'the ferries will run as planned', 'far worse than the last storm'];
    const docs: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd']) {
      const parts: string[] = [];
      for (let k = 0; k < 40; k++) parts.push(`“${pick(words)},” ${pick(speakers)} said.`);
      docs[`${name}.txt`] = LEAD + parts.join(' ') + '\n';
    }
    const r = corpus(docs);
    assert.deepEqual(checkContract({ version: 1, documents: [...r.values()], skipped: [] }, p => docs[p]), []);
  });

  describe('a reworded quote’s claim', () => {
    const claimOf = (r: Map<string, DocumentResult>, p: string) => r.get(p)!.claims.find(c => c.kind === 'quote')!;

    it('is corroborated when only the wording changed', () => {
      const r = corpus({
        'a.txt': LEAD + '“We will rebuild the pier before the summer season starts,” harbour master Jane Roe said.\n',
        'b.txt': LEAD + '“We are going to rebuild the pier before the summer season begins,” harbour master Jane Roe said.\n',
      });
      const a = claimOf(r, 'a.txt');
      assert.deepEqual(a.corroboratedBy.map(l => l.path), ['b.txt']);
      assert.deepEqual(a.disputedBy, []);
    });

    it('is disputed when a number changed', () => {
      const r = corpus({
        'a.txt': LEAD + '“We will rebuild all 12 berths before the summer season starts,” harbour master Jane Roe said.\n',
        'b.txt': LEAD + '“We will rebuild all 20 berths before the summer season starts,” harbour master Jane Roe said.\n',
      });
      assert.deepEqual(claimOf(r, 'a.txt').disputedBy.map(l => [l.path, l.reason]), [['b.txt', 'number']]);
      assert.deepEqual(claimOf(r, 'b.txt').disputedBy.map(l => [l.path, l.reason]), [['a.txt', 'number']]);
    });

    it('is disputed when a negation was added or dropped', () => {
      const r = corpus({
        'a.txt': LEAD + '“We will rebuild the pier before the summer season starts,” harbour master Jane Roe said.\n',
        'b.txt': LEAD + '“We will not rebuild the pier before the summer season starts,” harbour master Jane Roe said.\n',
      });
      assert.deepEqual(claimOf(r, 'a.txt').disputedBy.map(l => [l.path, l.reason]), [['b.txt', 'negation']]);
    });
  });

  it('two quotations of several sentences link the claims of the sentences that say the same, not first sentence to first', () => {
    const r = corpus({
      'a.txt': 'Harbour master Jane Roe spoke on the radio on Monday about the flood.\n\n“How long must the town wait for this? In the valley, the river rose two metres overnight? I mean, this is just unbearable, and it has to stop,” she said.\n',
      'b.txt': 'Harbour master Jane Roe spoke about the flood on Monday.\n\n“How long must the town wait for this?” Roe asked.\n\n“In the valley, the river rose two metres overnight. This is just unbearable. And it has to stop,” Roe said.\n',
    });
    const claims = (p: string) => r.get(p)!.claims.filter(c => c.kind === 'quote');
    const at = (p: string, l: { start: number; end: number }) => r.get(p)!.claims.find(c => c.start === l.start && c.end === l.end)!;
    const key = (t: string) => (/How long|valley|unbearable|stop/.exec(t) ?? [''])[0];
    for (const [here, there] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']]) {
      for (const c of claims(here)) {
        for (const l of c.corroboratedBy.filter(x => x.path === there)) {
          const other = at(there, l).text;
          assert.ok(key(c.text) === key(other) || other.includes(key(c.text)) || c.text.includes(key(other)), `${here} "${c.text}" linked to ${there} "${other}"`);
        }
      }
    }
    const linked = (t: string) => claims('a.txt').find(c => c.text.includes(t))!.corroboratedBy.filter(l => l.path === 'b.txt').length;
    assert.equal(linked('How long'), 1);
    assert.equal(linked('valley'), 1);
    assert.equal(linked('unbearable'), 2, 'the merged sentence carries both of the other source’s');
  });
});

describe('an attribution conflict needs the words as a passage of the other quote', () => {
  for (const incremental of [true, false]) {
    const linker = incremental ? 'the edited corpus' : 'the one-shot linker';
    it(`a short quote's words in their order, a word or two put in, are the same words (${linker})`, () => {
      const r = corpusResults({
        'a.txt': LEAD + 'Harbour master Jane Roe said the dredging funds were “far from exhausted.”\n',
        'b.txt': LEAD + 'Mayor John Doe said the dredging funds “are far from being exhausted.”\n',
      }, incremental);
      assert.equal(quoteOf(r.get('a.txt')!, '“far').attributedElsewhere!.length, 1);
    });
    it(`a short quote's words scattered over another quote are not (${linker})`, () => {
      const r = corpusResults({
        'a.txt': LEAD + 'Harbour master Jane Roe told reporters: “The ferry is late.”\n',
        'b.txt': LEAD + 'Mayor John Doe told reporters: “Late again, the ferry owners say it is fine.”\n',
      }, incremental);
      assert.deepEqual(quoteOf(r.get('a.txt')!, '“The ferry').attributedElsewhere, []);
    });
    it(`a longer quote's words spread over a transcript many times its length are not, a passage of it is (${linker})`, () => {
      const words = 'the council will repair the northern quay before the winter storms arrive';
      const transcript = 'ROWE: Before we vote, the council must hear the fishermen. The northern families have waited all year, and the storms '
        + 'will not wait for us. We repair what we can, we arrive at a plan, and the quay gets its winter lights. DOE: Thank you.';
      const spread = corpusResults({
        'a.txt': LEAD + `Harbour master Jane Roe said: “${words[0].toUpperCase()}${words.slice(1)}.”\n`,
        'b.txt': LEAD + `The meeting's record, which Mayor John Doe read out, says: “${transcript}”\n`,
      }, incremental);
      assert.deepEqual(quoteOf(spread.get('a.txt')!, '“The council').attributedElsewhere, []);
      const passage = corpusResults({
        'a.txt': LEAD + `Harbour master Jane Roe said: “${words[0].toUpperCase()}${words.slice(1)}.”\n`,
        'b.txt': LEAD + `The meeting's record, which Mayor John Doe read out, says: “${transcript} ROWE: ${words}. DOE: Agreed.”\n`,
      }, incremental);
      assert.equal(quoteOf(passage.get('a.txt')!, '“The council').attributedElsewhere!.length, 1);
    });
  }
});

describe('words in their order, a few put in between', () => {
  const w = (s: string) => s.split(' ');
  it('takes up to the words allowed in between, and not one more', () => {
    assert.equal(inOrderWithin(w('far from exhausted'), w('are far from being exhausted'), 1), true);
    assert.equal(inOrderWithin(w('far from exhausted'), w('are far from it being exhausted'), 1), false);
    assert.equal(inOrderWithin(w('far from exhausted'), w('are far from it being exhausted'), 2), true);
  });
  it('tries every place the first word stands, up to the end of the other', () => {
    assert.equal(inOrderWithin(w('far from exhausted'), w('far and wide we went far from exhausted'), 0), true);
    assert.equal(inOrderWithin(w('far from exhausted'), w('far away from home exhausted'), 1), false);
  });
  it('does not take the same words in another order, nor words missing', () => {
    assert.equal(inOrderWithin(w('the ferry is late'), w('late again the ferry owners say it is fine'), 2), false);
    assert.equal(inOrderWithin(w('the ferry is late'), w('the ferry is'), 2), false);
    assert.equal(inOrderWithin(w('the ferry is late'), w('the ferry was late'), 2), false);
  });
});
