/**
 * The claims of a sentence are kept in the analysis context by the sentence's text,
 * then by its quotes and entities relative to it (compared field by field). A shared
 * context must give exactly what a fresh one gives, whatever was analysed before; and
 * the end-of-sentence tests that replaced patterns must answer as those patterns do.
 */
import assert from 'node:assert/strict';
import { endsClosed, endsInQuestion, findClaims, SentenceClaimMemo } from '../../src/core/claims/claims';
import { AnalysisContext, MemoBase } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';
import type { Claim, Entity, Quote } from '../../src/core/types';

const ent = (text: string, name: string, type: Entity['type'], from = 0, canonical = name): Entity => {
  const start = text.indexOf(name, from);
  return { start, end: start + name.length, text: name, type, canonical };
};
const claimsIn = (ctx: AnalysisContext, text: string, entities: Entity[], quotes: Quote[] = []): Claim[] =>
  findClaims(ctx, { text, sentences: sentences(text, paragraphs(text)), quotes, entities, excluded: [] });

describe('claims memo', () => {
  const sentence = 'Lavrov said the talks with Blinken would go on next week.';

  it('keeps a bounded number of entries per sentence text, and answers right past the bound', () => {
    const shared = new AnalysisContext();
    for (let k = 0; k < 20; k++) {
      const ents = [ent(sentence, 'Lavrov', 'PERSON', 0, `Speaker ${k}`)];
      const got = claimsIn(shared, sentence, ents);
      assert.deepEqual(got, claimsIn(new AnalysisContext(), sentence, ents), `speaker ${k}`);
      assert.equal(got.find(c => c.text.startsWith('Lavrov'))?.speaker, `Speaker ${k}`);
    }
    const memo = new SentenceClaimMemo(10);
    const e = ent(sentence, 'Lavrov', 'PERSON');
    for (let k = 0; k < 20; k++) memo.add(sentence, { at: k, quotes: [], entities: [{ ...e, canonical: `S${k}` }], claims: [], next: null });
    assert.equal(memo.size, 1, 'one sentence text');
    let kept = 0;
    for (let k = 0; k < 20; k++) if (memo.find(sentence, k, [], 0, 0, [{ ...e, start: e.start + k, end: e.end + k, canonical: `S${k}` }], 0, 1)) kept++;
    assert.ok(kept >= 1 && kept <= 8, `at most 8 entries kept for one text, found ${kept}`);
  });

  it('a shared context gives what a fresh one gives when the same sentence has other entities', () => {
    const a = sentence, b = `Other news came first today, as it often does.\n\n${sentence}`;
    const entsA = [ent(a, 'Lavrov', 'PERSON', 0, 'Sergey Lavrov'), ent(a, 'Blinken', 'PERSON', 0, 'Antony Blinken')];
    // The same text, typed otherwise, then with one entity fewer, then placed further on.
    const entsB = [ent(b, 'Lavrov', 'ORG', 0, 'Sergey Lavrov'), ent(b, 'Blinken', 'PERSON', 0, 'Antony Blinken')];
    const entsC = [ent(a, 'Lavrov', 'PERSON', 0, 'Sergey Lavrov')];
    const entsD = [ent(b, 'Lavrov', 'PERSON', 0, 'Sergey Lavrov'), ent(b, 'Blinken', 'PERSON', 0, 'Antony Blinken')];
    const shared = new AnalysisContext();
    for (const [text, ents] of [[a, entsA], [b, entsB], [a, entsC], [b, entsD], [a, entsA]] as const) {
      const got = claimsIn(shared, text, [...ents]);
      assert.deepEqual(got, claimsIn(new AnalysisContext(), text, [...ents]));
      assert.ok(got.length > 0);
      for (const c of got) assert.equal(c.text, text.slice(c.start, c.end));
    }
    // The speaker follows the entity's canonical name in each document.
    assert.equal(claimsIn(shared, b, entsD).find(c => c.text.startsWith('Lavrov'))?.speaker, 'Sergey Lavrov');
  });

  it('tells quotes apart by their speaker and by whether they are partial', () => {
    const text = '“The talks will go on next week,” the minister said.';
    const q = (speaker: string | null, partial: boolean): Quote =>
      ({ start: 0, end: text.indexOf('”') + 1, text: text.slice(0, text.indexOf('”') + 1), speaker, partial } as unknown as Quote);
    const shared = new AnalysisContext();
    for (const quote of [q('Sergey Lavrov', false), q('Antony Blinken', false), q(null, false), q('Sergey Lavrov', true)]) {
      assert.deepEqual(claimsIn(shared, text, [], [quote]), claimsIn(new AnalysisContext(), text, [], [quote]));
    }
    assert.equal(claimsIn(shared, text, [], [q('Antony Blinken', false)])[0].speaker, 'Antony Blinken');
  });

  it('keeps at most its limit of sentence texts, and is a memo the context forgets', () => {
    const memo = new SentenceClaimMemo(2);
    assert.ok(memo instanceof MemoBase);
    const entry = (at: number) => ({ at, quotes: [], entities: [], claims: [], next: null });
    memo.add('one', entry(0));
    memo.add('two', entry(0));
    memo.add('two', entry(5)); // another entry for a text already held: no new text
    assert.equal(memo.size, 2);
    assert.notEqual(memo.find('one', 7, [], 0, 0, [], 0, 0), null);
    memo.add('three', entry(0));
    assert.equal(memo.size, 2);
    assert.equal(memo.find('one', 0, [], 0, 0, [], 0, 0), null, 'the oldest text was dropped');
    assert.notEqual(memo.find('three', 3, [], 0, 0, [], 0, 0), null);
  });

  it('end-of-sentence tests answer as the patterns they replaced', () => {
    const alphabet = ['a', 'B', ' ', '\u00a0', '\n', '?', '!', '.', '”', '"', '’', "'", ')', ':', '\u2003', '\ud83d'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length;
    for (let n = 0; n < 3000; n++) {
      let s = '';
      for (let k = next() % 7; k > 0; k--) s += alphabet[next()];
      const text = `xy${s}zw`;
      const from = 2, to = 2 + s.length;
      const body = text.slice(from, to);
      assert.equal(endsInQuestion(text, from, to), /\?[”"’]?\s*$/.test(body), JSON.stringify(body));
      assert.equal(endsClosed(text, from, to), /[.!?”"’)]\s*$/.test(body), JSON.stringify(body));
    }
  });
});
