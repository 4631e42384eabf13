/**
 * Hostile documents for the fuzz test (test/fuzz/fuzz.ts), each made from one
 * number: `generateText(seed)` is a text (mutated seed articles, quote marks of
 * every kind, astral characters, zero-width characters, deep brackets, a page of
 * one token, very long lines, word noise, empty text), `generateFile(seed)` the
 * same text as the bytes of a file (line ends, byte-order marks, Latin-1 bytes,
 * NUL bytes, byte noise, broken UTF-8 on top), `generateEditorText(seed)` as an
 * editor would hand it to the index worker. The same seed always gives the
 * same document, so a fixture can be kept as its seed (a recipe) instead of its bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeEol } from '../../src/core/text/decode';
import { rng } from '../support/rng';

export type Rand = () => number;

export interface GeneratedText {
  seed: number;
  /** The generator that made it. */
  family: string;
  /** What was done, for a person reading the report. */
  what: string;
  text: string;
}

export interface GeneratedFile extends GeneratedText {
  bytes: Buffer;
  /** The extension the file gets: `.txt` or `.md`. */
  ext: '.txt' | '.md';
}

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rand, p: number) => r() < p;
/** A size between lo and hi, most of them near lo. */
const skewed = (r: Rand, lo: number, hi: number) => Math.floor(lo + (hi - lo) * r() ** 3);

export const QUOTE_MARKS = ['“', '”', '‘', '’', '"', "'", '«', '»', '„', '‹', '›', '‚', '‟', '「', '」', '`', '``', "''"];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202E', '\u202C', '\u034F', '\u180E', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C'];
const ASTRAL = ['😀', '👍🏽', '👨‍👩‍👧', '🇺🇦', '🇷🇺', '𝔘𝔨𝔯𝔞𝔦𝔫𝔢', '𝐏𝐮𝐭𝐢𝐧', '🤔', '𠜎𠜱', '𓀀', '🏳️‍🌈', '❤️', '😀\uFE0F', '𝟙𝟚𝟛', '𝒜', '🙂🙃', 'e\u0301', 'Ä\u0308\u0308\u0308'];
const NAMES = ['Putin', 'Vladimir Putin', 'Lavrov', 'Sergey Lavrov', 'Biden', 'Joe Biden', 'Kuleba', 'Dmytro Kuleba', 'Zakharova', 'Maria Zakharova',
  'the Kremlin', 'NATO', 'the Russian Defense Ministry', 'Ukraine', 'Moscow', 'Kyiv', 'Washington', 'Mr. Smith', 'Dr. Émile Zola', 'José Álvarez', 'he', 'she', 'they', 'a spokesman'];
const CUES = ['said', 'told reporters', 'tweeted', 'added', 'warned', 'denied', 'claimed', 'according to', 'says', 'wrote'];
const WORDS = ['troops', 'border', 'the', 'a', 'of', 'and', 'in', 'withdrawal', 'talks', 'invasion', 'ready', 'security', 'on', 'Tuesday', 'Feb. 15', '2022', '130,000', 'more than',
  'U.S.', 'e.g.', 'No.', '1.5', '$3bn', '40%', 'drills', 'said', 'units', 'Russia', 'Russian', 'Ukrainian', 'officials', 'markets', '—', '–', '…', '(', ')', '[', ']', ';', ':', ',', '.', '?', '!'];
/** What a one-token page repeats. */
const TOKENS = ['Big ', 'said ', '“', '”', '"', "'", '‘', '’', '«', '»', 'the ', 'Mr. ', '1,000 ', 'U.S. ', 'Putin ', '— ', '. ', '\n', '\n\n', 'Related Articles\n', '😀', 'a', '(', ')',
  'He said, “', '” ', 'Russia and ', '“a ', '“Yes,” he said. ', 'A.B.C. ', '...', '\u200B', 'e\u0301', 'ÉÉ ', '- ', '* ', '# ', '> ', '| ', '1. ', 'Feb. 15, 2022 ',
  ' ', '\t', '\u00A0', '\u3000', '.', '!', '?', '!?', '.”', '…', '—', '\r\n', '$', '%', '&', '<a ', '[', '{'];

/** Paragraphs of the seed articles (seeds/*.txt), read once. */
let seedParas: string[][] | null = null;
export function seedArticles(): string[][] {
  if (!seedParas) {
    const dir = path.resolve(__dirname, '../../../seeds');
    seedParas = fs.readdirSync(dir).filter(f => f.endsWith('.txt')).sort()
      .map(f => fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/).filter(p => p.trim()));
  }
  return seedParas;
}

function sentence(r: Rand): string {
  const words: string[] = [];
  for (let i = int(r, 3, 18); i > 0; i--) words.push(chance(r, 0.15) ? pick(r, NAMES) : pick(r, WORDS));
  const body = words.join(' ');
  const m = int(r, 0, 4);
  const open = pick(r, QUOTE_MARKS), close = pick(r, QUOTE_MARKS);
  if (m === 0) return `${open}${body},${close} ${pick(r, NAMES)} ${pick(r, CUES)}.`;
  if (m === 1) return `${pick(r, NAMES)} ${pick(r, CUES)}: ${open}${body}.${close}`;
  if (m === 2) return `${open}${body},${close} ${pick(r, CUES)} ${pick(r, NAMES)}, ${open}${sentence(r)}${close}`;
  if (m === 3) return body.charAt(0).toUpperCase() + body.slice(1) + pick(r, ['.', '?', '!', '', '…', '.”', '."']);
  return `${pick(r, NAMES)} ${pick(r, CUES)} ${body}.`;
}

/** `n` random insertions of `items` into `text` (at code-unit positions, so a pair may be split). */
function sprinkle(r: Rand, text: string, items: readonly string[], n: number): string {
  const cuts = Array.from({ length: n }, () => int(r, 0, text.length)).sort((a, b) => a - b);
  let out = '', last = 0;
  for (const c of cuts) {
    out += text.slice(last, c) + pick(r, items);
    last = c;
  }
  return out + text.slice(last);
}

function mutatedSeed(r: Rand): { what: string; text: string } {
  const arts = seedArticles();
  const base = int(r, 0, arts.length - 1);
  // Often an excerpt: smaller documents, more of them, and still shared paragraphs.
  const whole = chance(r, 0.2), from = whole ? 0 : int(r, 0, arts[base].length - 1);
  let paras = arts[base].slice(from, whole ? undefined : from + int(r, 1, 5));
  const ops: string[] = [];
  for (let n = int(r, 0, 6); n > 0; n--) {
    const op = int(r, 0, 10);
    const i = int(r, 0, Math.max(0, paras.length - 1)), j = int(r, 0, Math.max(0, paras.length - 1));
    if (op === 0) {
      const other = pick(r, arts), a = int(r, 0, other.length - 1), b = Math.min(other.length, a + int(r, 1, 6));
      paras.splice(j, 0, ...other.slice(a, b));
      ops.push('splice');
    } else if (op === 1 && paras.length) {
      paras.splice(j, 0, ...paras.slice(i, i + int(r, 1, 4)));
      ops.push('duplicate');
    } else if (op === 2 && paras.length > 1) {
      paras.splice(i, int(r, 1, 3));
      ops.push('delete');
    } else if (op === 3 && paras.length) {
      [paras[i], paras[j]] = [paras[j], paras[i]];
      ops.push('swap');
    } else if (op === 4 && paras.length) {
      paras[i] = sprinkle(r, paras[i], QUOTE_MARKS, int(r, 1, 12));
      ops.push('insert marks');
    } else if (op === 5 && paras.length) {
      const p = paras[i];
      paras[i] = p.slice(0, int(r, 0, p.length));
      ops.push('cut');
    } else if (op === 6 && paras.length > 1 && i + 1 < paras.length) {
      paras.splice(i, 2, paras[i] + pick(r, [' ', '', '\n']) + paras[i + 1]);
      ops.push('merge');
    } else if (op === 7 && paras.length) {
      const from = pick(r, NAMES.slice(0, 10)), to = pick(r, NAMES);
      paras = paras.map(p => p.split(from).join(to));
      ops.push('rename');
    } else if (op === 8 && paras.length) {
      paras[i] = paras[i].replace(/\d[\d,.]*/g, () => String(int(r, 0, 999_999)));
      ops.push('renumber');
    } else if (op === 9 && paras.length) {
      const sents = paras[i].split(/(?<=[.!?”])\s+/);
      for (let k = sents.length - 1; k > 0; k--) {
        const m = int(r, 0, k);
        [sents[k], sents[m]] = [sents[m], sents[k]];
      }
      paras[i] = sents.join(' ');
      ops.push('shuffle sentences');
    } else {
      paras.splice(j, 0, Array.from({ length: int(r, 1, 5) }, () => sentence(r)).join(' '));
      ops.push('new paragraph');
    }
  }
  const sep = pick(r, ['\n\n', '\n', '\n\n\n', '\n \n']);
  return { what: `seed ${base}${whole ? '' : ` from paragraph ${from}`}${ops.length ? ` with ${ops.join(', ')}` : ''}`, text: paras.join(sep) };
}

function paragraphsOf(r: Rand, n: number): string {
  return Array.from({ length: n }, () => Array.from({ length: int(r, 1, 6) }, () => sentence(r)).join(' ')).join('\n\n');
}

function page(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Random code points from a few planes, as words. */
function wordNoise(r: Rand, n: number): string {
  const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x6ff], [0x2000, 0x206f], [0x3000, 0x30ff], [0x4e00, 0x4f00], [0xe000, 0xe0ff], [0xfff0, 0xffff], [0x1f300, 0x1f6ff], [0x10000, 0x10ffff], [0xd800, 0xdfff], [0, 0x1f]];
  let out = '';
  while (out.length < n) {
    const [lo, hi] = pick(r, ranges);
    const cp = int(r, lo, hi);
    // Lone surrogates stay (a JS string may hold them; as UTF-8 they become U+FFFD), NUL stays out here.
    out += cp === 0 ? ' ' : cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    if (chance(r, 0.15)) out += ' ';
  }
  return out;
}

function deepBrackets(r: Rand): { what: string; text: string } {
  const depth = skewed(r, 10, 20_000);
  const kind = int(r, 0, 3);
  const opens = ['(', '[', '{', '“', '«', '‘', '"'];
  const closes = [')', ']', '}', '”', '»', '’', '"'];
  if (kind === 0) return { what: `${depth} nested parentheses around a sentence`, text: '('.repeat(depth) + sentence(r) + ')'.repeat(depth) };
  if (kind === 1) {
    let s = '';
    const stack: number[] = [];
    for (let i = 0; i < depth; i++) {
      const k = int(r, 0, opens.length - 1);
      stack.push(k);
      s += opens[k] + (chance(r, 0.2) ? pick(r, WORDS) + ' ' : '');
    }
    while (stack.length) s += closes[stack.pop()!];
    return { what: `${depth} nested mixed brackets and quote marks`, text: `${pick(r, NAMES)} said ${s}.` };
  }
  if (kind === 2) return { what: `${depth} brackets never closed`, text: Array.from({ length: depth }, () => pick(r, opens)).join('') + ' ' + sentence(r) };
  return { what: `${depth} closing brackets, none opened`, text: sentence(r) + Array.from({ length: depth }, () => pick(r, closes)).join('') };
}

const FAMILIES: { name: string; weight: number; make(r: Rand): { what: string; text: string } }[] = [
  { name: 'seed', weight: 34, make: mutatedSeed },
  {
    name: 'quotes', weight: 10, make: r => {
      const t = paragraphsOf(r, int(r, 1, 6));
      const n = int(r, 0, 60);
      return { what: `generated paragraphs with quotes and ${n} stray marks`, text: sprinkle(r, t, QUOTE_MARKS, n) };
    },
  },
  {
    name: 'astral', weight: 8, make: r => {
      const base = chance(r, 0.6) ? mutatedSeed(r).text : paragraphsOf(r, int(r, 1, 8));
      const n = int(r, 1, 200);
      return { what: `${n} emoji and astral characters sprinkled (pairs may be split)`, text: sprinkle(r, base, ASTRAL, n) };
    },
  },
  {
    name: 'zero-width', weight: 8, make: r => {
      const base = chance(r, 0.6) ? mutatedSeed(r).text : paragraphsOf(r, int(r, 1, 8));
      const n = int(r, 1, 300);
      return { what: `${n} zero-width, bidi and odd space characters sprinkled`, text: sprinkle(r, base, ZERO_WIDTH, n) };
    },
  },
  {
    name: 'long-line', weight: 2, make: r => {
      const n = skewed(r, 10_000, 200_000);
      if (chance(r, 0.3)) return { what: `one word of ${n} letters, no space`, text: page(pick(r, ['a', 'Ab', 'é', '𝔘', '-', '.']), n) };
      const text = mutatedSeed(r).text.replace(/\s*\n\s*/g, ' ');
      return { what: `a seed article as one line repeated to ${n} characters`, text: page(text + ' ', n) };
    },
  },
  {
    name: 'one-token', weight: 3, make: r => {
      const unit = pick(r, TOKENS), n = skewed(r, 1_000, 150_000);
      return { what: `a page of ${JSON.stringify(unit)} (${n} characters)`, text: page(unit, n) };
    },
  },
  { name: 'brackets', weight: 4, make: deepBrackets },
  {
    name: 'noise', weight: 6, make: r => {
      const n = skewed(r, 1, 30_000);
      return { what: `${n} characters of random code points as words`, text: wordNoise(r, n) };
    },
  },
  {
    name: 'markdown', weight: 5, make: r => {
      const parts: string[] = [];
      for (let i = int(r, 1, 20); i > 0; i--) {
        parts.push(pick(r, ['# ', '## ', '> ', '- ', '* ', '1. ', '    ', '| ', '```\n', '']) + sentence(r) + pick(r, ['', ' |', '\n```', ' [link](http://x.test/“a”)', ' ![img](a.png)', ' **bold “x”**']));
      }
      return { what: 'markdown: headings, lists, quotes, tables, code fences', text: parts.join(pick(r, ['\n', '\n\n'])) };
    },
  },
  {
    name: 'tiny', weight: 6, make: r => {
      const t = pick(r, ['', ' ', '\n', '\n\n\n', '\t', '.', '“', '”', '"', "'", '“”', '”“', '""', '«»', '„“', 'a', 'A.', '“Yes,” he said.', 'He said.', '\u200B', '\uFEFF', '😀', '\uD83D', '\uDE00',
        '\uDE00\uD83D', 'Mr.', '1,000', '(', ')', '— “', 'Putin', 'Putin said “', ' \n \n ', '\u00A0', '\u3000', '“\n”', '«\n\n»']);
      return { what: `tiny text ${JSON.stringify(t)}`, text: t };
    },
  },
  {
    name: 'attributed', weight: 5, make: r => {
      const parts: string[] = [];
      for (let i = skewed(r, 5, 400); i > 0; i--) parts.push(`${pick(r, QUOTE_MARKS)}${pick(r, WORDS)} ${pick(r, WORDS)},${pick(r, QUOTE_MARKS)} ${pick(r, NAMES)} ${pick(r, CUES)}.`);
      return { what: `${parts.length} short attributed quotes in one paragraph`, text: parts.join(' ') };
    },
  },
];
const TOTAL_WEIGHT = FAMILIES.reduce((s, f) => s + f.weight, 0);

/** A hostile text, made from `seed` alone. */
export function generateText(seed: number): GeneratedText {
  const r = rng(seed);
  let x = r() * TOTAL_WEIGHT;
  const fam = FAMILIES.find(f => (x -= f.weight) < 0) ?? FAMILIES[0];
  const { what, text } = fam.make(r);
  return { seed, family: fam.name, what, text };
}

function encodeUtf16(text: string, be: boolean): Buffer {
  const b = Buffer.from(text, 'utf16le');
  if (be) b.swap16();
  return b;
}

/** A hostile file, made from `seed` alone: a generated text with line ends, a BOM and byte damage on top. */
export function generateFile(seed: number): GeneratedFile {
  const g = generateText(seed);
  const r = rng(seed ^ 0x5bd1e995);
  const notes: string[] = [];
  let text = g.text;

  const eol = pick(r, ['keep', 'keep', 'keep', 'lf', 'crlf', 'crlf', 'cr', 'mixed', 'mixed']);
  if (eol === 'crlf' || eol === 'cr' || eol === 'lf') text = text.replace(/\r\n|\r|\n/g, { crlf: '\r\n', cr: '\r', lf: '\n' }[eol]);
  else if (eol === 'mixed') text = text.replace(/\r\n|\r|\n/g, () => pick(r, ['\n', '\r\n', '\r']));
  if (eol !== 'keep') notes.push(`${eol} line ends`);

  let bytes: Buffer;
  const bom = pick(r, [...Array(16).fill('none'), 'utf8', 'utf8', 'utf16le', 'utf16be']);
  if (bom === 'utf16le' || bom === 'utf16be') {
    // Content never starts with U+FEFF behind a UTF-16 BOM: whether one or both would be dropped is not settled.
    if (text.charCodeAt(0) === 0xfeff) text = ' ' + text;
    bytes = Buffer.concat([bom === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]), encodeUtf16(text, bom === 'utf16be')]);
    notes.push(`${bom === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE'} with BOM`);
    if (chance(r, 0.1)) {
      bytes = bytes.subarray(0, bytes.length - 1);
      notes.push('odd byte count');
    }
  } else {
    bytes = Buffer.from(text, 'utf8');
    if (bom === 'utf8') {
      bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      notes.push('UTF-8 BOM');
    }
    const damage = pick(r, [...Array(42).fill('none'), 'latin1', 'nul', 'noise', 'bytes', 'broken-utf8', 'ascii']);
    if (damage === 'latin1') {
      bytes = Buffer.from(text.replace(/[^\u0000-\u00ff]/g, 'é') + ' café déjà vu', 'latin1');
      notes.push('Latin-1 bytes');
    } else if (damage === 'nul') {
      const at = int(r, 0, bytes.length);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.alloc(int(r, 1, 4)), bytes.subarray(at)]);
      notes.push('NUL bytes');
    } else if (damage === 'noise') {
      const at = int(r, 0, bytes.length), n = int(r, 1, 64);
      const noise = Buffer.from(Array.from({ length: n }, () => int(r, 0, 255)));
      bytes = Buffer.concat([bytes.subarray(0, at), noise, bytes.subarray(at)]);
      notes.push(`${n} random bytes inserted`);
    } else if (damage === 'bytes') {
      const n = skewed(r, 0, 50_000);
      bytes = Buffer.from(Array.from({ length: n }, () => int(r, 0, 255)));
      notes.push(`replaced by ${n} random bytes`);
    } else if (damage === 'broken-utf8') {
      const bad = pick(r, [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x80], [0xff], [0x80], [0xf0, 0x9f, 0x98]]);
      const at = int(r, 0, bytes.length);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
      notes.push('an invalid UTF-8 sequence');
    } else if (damage === 'ascii') {
      const n = skewed(r, 0, 30_000);
      bytes = Buffer.from(Array.from({ length: n }, () => pick(r, [int(r, 0x20, 0x7e), int(r, 1, 0x1f), 0x0a, 0x0d, 0x20])));
      notes.push(`replaced by ${n} random ASCII bytes`);
    }
  }
  const ext = chance(r, 0.15) ? '.md' : '.txt';
  return { ...g, what: notes.length ? `${g.what}; ${notes.join(', ')}` : g.what, bytes, ext };
}

/**
 * The text VS Code's editor would hand over: line ends normalised (the contract's
 * rule) and no leading BOM. Hostile characters (NUL, lone surrogates, zero-width)
 * stay: an editor can hold them.
 */
export function editorText(text: string): string {
  return normalizeEol(text.replace(/^\uFEFF+/, ''));
}

/** A hostile text as an editor holds it, made from `seed` alone: `generateText`'s, sometimes with NUL characters. */
export function generateEditorText(seed: number): GeneratedText {
  const g = generateText(seed);
  const r = rng(seed ^ 0x27d4eb2d);
  let text = editorText(g.text);
  if (chance(r, 0.05)) {
    const at = int(r, 0, text.length);
    text = text.slice(0, at) + '\u0000'.repeat(int(r, 1, 3)) + text.slice(at);
    return { ...g, what: `${g.what}; NUL characters`, text };
  }
  return { ...g, text };
}

/** A small random edit, as typing or pasting does: insert, delete or replace at a random point. */
export function edit(r: Rand, text: string): { what: string; text: string } {
  const at = int(r, 0, text.length);
  const op = int(r, 0, 4);
  const ins = pick(r, [...QUOTE_MARKS, ...ASTRAL, ...ZERO_WIDTH, '\n', '\n\n', ' said Putin.', ' “We are ready,” he said. ', sentence(r), '\u0000', '\uD83D', '(', ')']);
  if (op === 0) return { what: 'insert', text: text.slice(0, at) + ins + text.slice(at) };
  if (op === 1) return { what: 'delete', text: text.slice(0, at) + text.slice(at + int(r, 1, 200)) };
  if (op === 2) return { what: 'replace', text: text.slice(0, at) + ins + text.slice(at + int(r, 1, 50)) };
  if (op === 3) return { what: 'paste a paragraph', text: text.slice(0, at) + '\n\n' + pick(r, pick(r, seedArticles())) + '\n\n' + text.slice(at) };
  return { what: 'cut the end', text: text.slice(0, at) };
}
