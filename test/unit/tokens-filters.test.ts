/**
 * The tokenizers' cheap filters (a shape test before a set lookup or a regular
 * expression, a character scan in place of a string search) must never change a
 * token: each is checked here against the plain rule it stands in front of.
 */
import assert from 'node:assert/strict';
import { tokenize as nameTokens } from '../../src/core/entities/tokenize';
import { CONTRACTED, tokenize as quoteTokens, withoutPossessive } from '../../src/core/quotes/tokens';
import { CUES } from '../../src/core/quotes/words';
import { moreWordsThan, wordsOver } from '../../src/core/quotes/quotes';
import { AnalysisContext } from '../../src/core/text/memo';
import { rng } from '../support/rng';


describe('tokenizer filters', () => {
  it('flags exactly the reporting verbs as cues, whatever their shape neighbours', () => {
    // Every cue, and words sharing a cue's first letter, last letter and length, or its letters in other case.
    const words: string[] = [];
    for (const c of CUES) {
      words.push(c, c.toUpperCase(), c[0].toUpperCase() + c.slice(1), `${c[0]}x${c.slice(2)}`, `${c}s`, c.slice(0, -1));
    }
    const text = words.join(' ');
    const toks = quoteTokens(new AnalysisContext(), text, []);
    assert.equal(toks.length, words.length);
    let cues = 0;
    for (const t of toks) {
      assert.equal(t.cue, CUES.has(t.w), t.w);
      if (t.cue) cues++;
    }
    assert.ok(cues >= CUES.size);
  });

  it('splits a pronoun and its contracted verb, and nothing else of that length', () => {
    const rand = rng(7);
    const pronouns = ['he', 'she', 'they', 'we', 'He', 'She', 'They', 'We', 'HE', 'SHE', 'it', 'Joe', 'Tom', 'they', 'the'];
    const tails = ['s', 'd', 'll', 're', 've', 'S', 'D', 'LL', 'RE', 'VE', 't', 'm'];
    const words: string[] = [];
    for (let k = 0; k < 400; k++) {
      const p = pronouns[Math.floor(rand() * pronouns.length)], t = tails[Math.floor(rand() * tails.length)];
      words.push(`${p}${rand() < 0.5 ? "'" : '’'}${t}`);
    }
    const text = words.join(' ');
    const toks = quoteTokens(new AnalysisContext(), text, []);
    let k = 0;
    for (const w of words) {
      if (CONTRACTED.test(w)) {
        const m = CONTRACTED.exec(w)!;
        assert.equal(toks[k].w, m[1], w);
        assert.equal(toks[k + 1].w, m[2], w);
        assert.notEqual(toks[k + 1].lower, m[2].toLowerCase().replace(/^['’]/, ''), 'the verb is read in full');
        k += 2;
      } else {
        assert.equal(toks[k].w, w, w);
        k++;
      }
    }
    assert.equal(k, toks.length);
  });

  it('counts a quote\'s words, and its words less a final run of marks, as splitting it does', () => {
    const rand = rng(11);
    const pieces = ['a', 'Bc', '.', ',', '”', '’', "'", '!', ' ', '  ', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', '\ud800'];
    const end = /[.,!?;:’'"”]+$/u;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let n = Math.floor(rand() * 16); n > 0; n--) s += pieces[Math.floor(rand() * pieces.length)];
      const words = s.split(/\s+/).filter(Boolean).length, cut = s.replace(end, '').split(/\s+/).filter(Boolean).length;
      for (let max = 0; max <= 6; max++) {
        assert.equal(moreWordsThan(s, max), words > max, JSON.stringify(s));
        assert.equal(wordsOver(s, max, end), cut > max, JSON.stringify(s));
      }
    }
  });

  it('cuts a possessive as its pattern does', () => {
    // Every string of up to four of these characters.
    const alphabet = ["'", '’', '‘', 's', 'S', 'a', ' '];
    let words = [''];
    for (let len = 0; len < 4; len++) {
      const longer = words.filter(w => w.length === len).flatMap(w => alphabet.map(c => w + c));
      words = words.concat(longer);
    }
    for (const w of words) assert.equal(withoutPossessive(w), w.replace(/[’']s?$/, ''), JSON.stringify(w));
  });

  it('cuts a capitalised word before a lower-case hyphen tail and keeps other hyphenated words whole', () => {
    const text = 'The Kremlin-backed group met Jean-Claude Juncker, al-Assad and Secretary-General Guterres in well-known Baden-Baden on a two-day visit.';
    const toks = nameTokens(text, 0, text.length);
    const word = (w: string) => toks.find(t => t.w === w || text.slice(t.s, t.s + w.length) === w)!;
    assert.equal(word('Kremlin').w, 'Kremlin');
    assert.equal(word('Kremlin').stop, true);
    assert.equal(word('Jean-Claude').w, 'Jean-Claude');
    assert.equal(word('al-Assad').cap, true);
    assert.equal(word('Secretary-General').w, 'Secretary-General');
    assert.equal(word('well-known').cap, false);
    assert.equal(word('Baden-Baden').w, 'Baden-Baden');
    for (const t of toks) assert.equal(t.w, text.slice(t.s, t.e));
  });
});
