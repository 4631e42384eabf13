/**
 * The text layer's scanners (src/core/text/: tokens in their two shapes, words) and the
 * counting scans of claims and boilerplate, each held to the pattern that specifies it
 * (written as a regular expression in its doc comment), on seeded random strings of the
 * characters that make the difference (marks, digit groups, astral letters, emoji, lone
 * surrogates, Unicode spaces and digits).
 */
import assert from 'node:assert/strict';
import { contentWords, hasContentWords, hasWordsWithLetters } from '../../src/core/claims/claims';
import { CLAUSE_TOKENS, clauseTokenEnd, NAME_TOKENS, nameTokenEnd, tokenEnd, tokenStart, type TokenRule } from '../../src/core/text/tokens';
import { bigramContainment, FURNITURE, isBoilerplate, unitWords, Vocab, words } from '../../src/core/reuse/reuseText';

const ALPHABET = [
  'a', 'b', 'Z', 'Q', 'é', 'É', 'İ', 'ß', 'K', '\u212a', '0', '1', '7', '٣', '²',
  '.', ',', "'", '’', '‘', '&', '-', '/', '“', '”', '"', '(', ')', '%', '$', ':', '!', '?', ';',
  ' ', ' ', ' ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b',
  '𝐀', '𝐚', '😀', '𝟙', '\ud800', '\udc00', 'Mr', 'U.S.', 'A.', '1,000', '12,3456', 'x,999',
];

/** A deterministic generator, so a failure is reproducible. */
function strings(count: number, seed: number): string[] {
  let x = seed >>> 0;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const len = Math.floor(next() * 24);
    for (let k = 0; k < len; k++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
    out.push(s);
  }
  return out;
}

const CASES = strings(4000, 20261122);

/** Every match of a global expression from `from` that starts before `to`, as [start, end). */
function regexTokens(re: RegExp, text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = from;
  for (let m; (m = re.exec(text)) && m.index < to;) out.push([m.index, m.index + m[0].length]);
  return out;
}

function scannerTokens(rule: TokenRule, text: string, from: number, to: number) {
  const out: [number, number][] = [];
  for (let s = tokenStart(text, from, to, rule); s >= 0; s = tokenStart(text, out[out.length - 1][1], to, rule)) out.push([s, tokenEnd(text, s, rule)]);
  return out;
}

describe('text scanners meet their specifications', () => {
  it('the random strings hold the tricky characters', () => {
    const all = CASES.join('');
    for (const ch of ['𝐀', '😀', '\ud800', '٣', '\u3000', '’']) assert.ok(all.includes(ch), ch);
  });

  it('name tokens (entities): letters and numbers joined by marks and thousands groups', () => {
    const re = /[\p{L}\p{N}]+(?:[.'’&\-][\p{L}\p{N}]+|(?<=\d),\d{3}(?!\d))*/gu;
    for (const text of CASES) {
      // A sentence never starts inside a surrogate pair (where the expression would step back).
      const from = /^[\ud800-\udbff][\udc00-\udfff]/.test(text) ? 2 : 1;
      for (const [a, b] of [[0, text.length], [from, Math.max(from, text.length - 2)]]) {
        assert.deepEqual(scannerTokens(NAME_TOKENS, text, a, b), regexTokens(re, text, a, b), JSON.stringify([text, a, b]));
      }
    }
  });

  it('clause tokens (quotes): words ending in a letter, number or full stop, and single other characters', () => {
    const re = /[\p{L}\p{N}][\p{L}\p{N}’'.\-&/]*[\p{L}\p{N}.]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]/gu;
    for (const text of CASES) {
      assert.deepEqual(scannerTokens(CLAUSE_TOKENS, text, 0, text.length), regexTokens(re, text, 0, text.length), JSON.stringify(text));
    }
  });

  it('the token ends written out for each rule are the general scanner\'s, from every position', () => {
    for (const text of CASES) {
      for (let s = 0; s < text.length; s++) {
        assert.equal(nameTokenEnd(text, s), tokenEnd(text, s, NAME_TOKENS), JSON.stringify([text, s]));
        assert.equal(clauseTokenEnd(text, s), tokenEnd(text, s, CLAUSE_TOKENS), JSON.stringify([text, s]));
      }
    }
  });

  it('reuse words: initialisms and letter-number runs, cut at the span ends', () => {
    const reference = (text: string, from: number, to: number) =>
      (text.slice(from, to).match(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu) ?? []).map(w => {
        const bare = w.includes('.') ? w.replace(/\./g, '') : w;
        return bare === 'US' ? 'usa' : bare.toLowerCase();
      });
    for (const text of CASES) {
      for (let from = 0; from <= Math.min(3, text.length); from++) {
        for (const to of [text.length, text.length - 1, text.length - 3]) {
          if (to < from) continue;
          assert.deepEqual(words(text, from, to), reference(text, from, to), JSON.stringify([text, from, to]));
        }
      }
    }
  });

  it('reuse unit words: the words `words` reads, as the vocabulary\'s forms, cut at the span ends', () => {
    const vocab = new Vocab();
    for (const text of CASES) {
      for (let from = 0; from <= Math.min(3, text.length); from++) {
        for (const to of [text.length, text.length - 1, text.length - 3]) {
          if (to < from) continue;
          const ws = words(text, from, to);
          const u = unitWords(vocab, text, from, to);
          assert.equal(u.words, ws.length, JSON.stringify([text, from, to]));
          const stems = ws.map(w => vocab.stemOf(vocab.form(w))).filter(id => id >= 0);
          assert.deepEqual([...u.seq], stems, JSON.stringify([text, from, to]));
        }
      }
    }
  });

  it('reuse unit words: the same ids while the seen-words table grows, is emptied and fills again', () => {
    // More distinct words than the table holds (it is emptied at 50,000), in upper and lower case, with initials and
    // words outside ASCII, each read twice far apart: every read gives the form's id and stem as `words` reads them.
    const vocab = new Vocab();
    const letters = 'abcdefghijklmnopqrstuvwxyzé';
    const word = (k: number) => { let w = ''; for (let n = k + 1; n > 0; n = Math.floor(n / letters.length)) w += letters[n % letters.length]; return k % 7 === 0 ? w.toUpperCase() : k % 11 === 0 ? w.split('').join('.') + '.' : w; };
    const texts: string[] = [];
    for (let k = 0; k < 130_000; k += 20) texts.push(Array.from({ length: 20 }, (_, q) => word(k + q)).join(' '));
    for (const round of [0, 1]) {
      for (let t = round; t < texts.length; t += 97) {
        const text = texts[t], u = unitWords(vocab, text, 0, text.length);
        const stems = words(text).map(w => vocab.stemOf(vocab.form(w))).filter(id => id >= 0);
        assert.deepEqual([...u.seq], stems, text);
      }
      for (let t = 0; t < texts.length; t++) unitWords(vocab, texts[t], 0, texts[t].length);
    }
  });

  it('name tokens: the hyphen nameTokenEnd reports is the first "-" inside the token, -1 for none', () => {
    const marks = { hyphen: 0 };
    assert.equal(nameTokenEnd('Kremlin-backed rebels', 0, marks), 14);
    assert.equal(marks.hyphen, 7);
    nameTokenEnd('Jean-Claude Van-Damme', 12, marks);
    assert.equal(marks.hyphen, 15);
    nameTokenEnd('well - known', 0, marks);
    assert.equal(marks.hyphen, -1); // a spaced dash is no part of the word
    for (const text of CASES) {
      for (let s = 0; s < text.length; s++) {
        const end = nameTokenEnd(text, s, marks);
        const at = text.slice(s + 1, end).indexOf('-');
        assert.equal(marks.hyphen, at < 0 ? -1 : s + 1 + at, JSON.stringify([text, s]));
      }
    }
  });

  it('claims: content words counted only as far as asked', () => {
    for (const text of [...CASES, 'The 1,000 troops, said the U.S. minister, were moved on Tuesday', 'a an the of']) {
      const n = contentWords(text).length;
      for (const k of [1, 3, 5]) assert.equal(hasContentWords(text, k), n >= k, JSON.stringify([text, k]));
    }
  });

  it('reuse bigrams: the shorter side\'s word pairs found in the other, each as often as both hold it', () => {
    // Reference: word pairs as strings, counted in maps.
    const reference = (a: string, b: string) => {
      const grams = (ws: string[]) => { const m = new Map<string, number>(); for (let k = 0; k + 1 < ws.length; k++) m.set(`${ws[k]} ${ws[k + 1]}`, (m.get(`${ws[k]} ${ws[k + 1]}`) ?? 0) + 1); return m; };
      const wa = words(a), wb = words(b);
      if (wa.length < 2 || wb.length < 2) return 0;
      const gb = grams(wb);
      let shared = 0;
      for (const [g, c] of grams(wa)) shared += Math.min(c, gb.get(g) ?? 0);
      return shared / Math.min(wa.length - 1, wb.length - 1);
    };
    assert.equal(bigramContainment('The cat sat on the mat.', 'the cat sat on a mat'), 3 / 5);
    // A pair repeated on one side counts as often as the other side holds it.
    assert.equal(bigramContainment('go on and go on', 'go on now'), 1 / 2);
    assert.equal(bigramContainment('one', 'one two'), 0);
    const some = CASES.slice(0, 150);
    for (const a of some) for (const b of some) assert.equal(bigramContainment(a, b), reference(a, b), JSON.stringify([a, b]));
  });

  it('claims: words holding a letter, counted up to what is asked', () => {
    for (const text of CASES) {
      const n = text.split(/\s+/).filter(w => /\p{L}/u.test(w)).length;
      for (const k of [1, 2, 4]) assert.equal(hasWordsWithLetters(text, k), n >= k, JSON.stringify([text, k]));
    }
  });

  it('boilerplate: the furniture patterns asked at once answer as each asked alone', () => {
    // The word rule is checked below; lines of more than five words leave it out.
    const reference = (text: string) => FURNITURE.some(re => re.test(text.trim()));
    const long = 'and so the story went on for a while longer';
    // Pieces that make a pattern match (at the start, where some are anchored) and near misses.
    const pieces = [
      'Read more:', 'read more |', 'See also', 'Related', 'related stories', 'Back to top', 'Advertisement', 'Subscribe now',
      'Copyright', 'COPYRIGHT', '©', 'All rights reserved', 'automatic aggregator', 'trademarks belong', 'rightful owners',
      'contributed to this report', 'contributed. into this report', 'Associated Press writer', 'associated press writers',
      'Jane Roe reports from Kyiv', 'She reports from kyiv', '(AP Photo/John Doe)', '(Reuters Images)', '(AFP/Getty)', 'AP Photo',
      'Photo:', 'Photograph:', 'Image:', 'Credit:', 'Getty Images', 'file photo',
      'copyrighted', 'aggregators', 'rightful owner', 'photos:', 'AP Photos', '(AP)', 'reading more', 'relatedness', 'the top',
    ];
    let x = 3;
    const pick = () => pieces[(x = (x * 37 + 13) % 1009) % pieces.length];
    let fired = 0, held = 0;
    for (let n = 0; n < 3000; n++) {
      const line = n % 3 === 0 ? `${pick()} ${long}` : n % 3 === 1 ? `${long} ${pick()} ${long}` : `  ${pick()}  ${pick()} ${long}`;
      const want = reference(line);
      if (want) fired++; else held++;
      assert.equal(isBoilerplate(line), want, JSON.stringify(line));
    }
    assert.ok(fired > 300 && held > 300, `${fired} lines fired, ${held} did not`);
  });

  it('boilerplate: a short line of capitalised words, counted without splitting long ones', () => {
    const reference = (text: string) => {
      const t = text.trim();
      const ws = t.split(/\s+/);
      return ws.length <= 5 && !/[.!?:;,"“”]$/.test(t) && ws.every(w => /^[\p{Lu}\p{N}]/u.test(w));
    };
    const caps = ['Getty', 'AP', 'John', 'Smith', '2024', 'É', '𝐀', 'and', 'Photo'];
    let x = 7;
    const pick = () => caps[(x = (x * 31 + 11) % 997) % caps.length];
    const gaps = [' ', '  ', '\u00a0', '\u3000', '\n', ' \t '];
    for (let n = 0; n < 2000; n++) {
      let line = pick();
      for (let k = n % 8; k > 0; k--) line += gaps[(n + k) % gaps.length] + pick();
      // Furniture patterns match some lines regardless; only lines they leave alone test the word rule.
      const plain = !/copyright|©|rights reserved|photo|getty|image|credit|reports? from|related|contributed/i.test(line);
      if (plain) assert.equal(isBoilerplate(line), reference(line), JSON.stringify(line));
    }
  });
});
