/**
 * Named entities: PERSON, ORG, PLACE, DATE, NUMBER, and MISC for nationalities and the like.
 *
 * Rule-based and linear: one tokenising pass per sentence, dates and numbers first, then
 * runs of capitalised words, each run trimmed (sentence-initial common words, titles,
 * possessives) and typed from hand lists, a gazetteer derived from the CoNLL-2003
 * training split (lexicon/conll.ts, built by scripts/build-lexicon.mjs) and name shapes.
 */
import { WorkBudget } from '../limits';
import { isSpace } from '../text/chars';
import { NAME_TOKENS, tokenEnd, tokenStart } from '../text/tokens';
import type { Entity, EntityType, Span } from '../types';
import {
  wordSet, TITLES, WEAK_TITLES, LOWER_TITLES, ORG_HEADS, PLACE_HEADS, PLACE_FIRSTS, STARTERS, MONTHS, WEEKDAYS, NUMBER_UNITS, NUMBER_WORDS, LOWER_WORDS, CAPS_COMMON, FIRST_NAMES, CONNECTORS, PARTICLES, WEAK_CONNECTORS, FUNCTION_WORDS, PLACE_PREPS, YEAR_PREPS, AMBIGUOUS_MONTHS, MONTH_PREPS, ABBREVIATIONS, GAZ, GAZ_UPPER, NAME_WORDS, DEMONYM_OF, ADJECTIVE_OF, HAND_NAMES, MAX_GAZ_WORDS,
} from './gazetteer';


// Token kinds
const K_WORD = 0, K_DATE = 1, K_NUMBER = 2;

interface Tok {
  /** Start and end in the paragraph; `end` excludes a possessive 's or a lower-case hyphen tail. */
  s: number;
  e: number;
  /** The word as it counts for names (possessive and "-led" tails cut off). */
  w: string;
  /** Capitalised (or a particle name like "al-Assad"). */
  cap: boolean;
  /** A name cannot continue past this token (possessive, hyphen tail). */
  stop: boolean;
  /** First word of a sentence or a quotation. */
  initial: boolean;
  /** Only spaces between this token and the previous one. */
  joined: boolean;
  kind: number;
}

const UPPER = /\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_UPPER = /^\p{Lu}$/u;
const DIGIT_START = /^\d/;
const PLAIN_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const YEAR = /^(?:1[6-9]|20)\d\d$/;
const DECADE = /^(?:1[6-9]|20)\d0s$/;
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
const DAY = /^(?:[12]?\d|3[01])(?:st|nd|rd|th)?$/;
/** Endings typical of place names ("Kazakhstan", "Volgograd", "Hyderabad", "Magdeburg"). */
const PLACE_SHAPE = /(?:stan|grad|abad|burg|borough|ville|shire|land|ovo|evo)$/;
/** Contractions: "I'm", "Don't", "We're". */
const CONTRACTION = /['’](?:m|ll|ve|d|re|t)$/i;
const HYPHEN_NUMBER = /^\d[\d.,]*-\p{L}+$/u;

/** Only whitespace between `from` and `to`, and at least one of it. */
function plainGap(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The gap opens a quotation, a parenthesis or a clause after a colon or dash. */
function opensClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '"' || ch === '‘' || ch === '(' || ch === '[' || ch === ':' || ch === '—' || ch === '–' || ch === '|' || ch === '•' ||
        ch === '.' || ch === '!' || ch === '?') return true;
  }
  return false;
}

function tokenize(text: string, from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = from;
  for (let pos = from; ;) {
    const s = tokenStart(text, pos, to, NAME_TOKENS);
    if (s < 0) break;
    const full = tokenEnd(text, s, NAME_TOKENS);
    pos = full;
    let e = full;
    if (e > to) e = to;
    let w = text.slice(s, e);
    let stop = false;
    if (text.charCodeAt(e) === 46 /* . */ && e < to && (w.length <= 2 && SINGLE_UPPER.test(w) || w.indexOf('.') > 0 && INITIALS.test(w) || ABBREVIATIONS.has(w))) {
      w += '.';
      e++;
      pos = e;
    }
    const len = w.length, cz = w.charCodeAt(len - 1), cy = w.charCodeAt(len - 2);
    if (len > 2 && (cz === 115 || cz === 83) && (cy === 39 || cy === 0x2019)) { // 's or ’s
      w = w.slice(0, -2); e -= 2; stop = true;
    }
    const c0 = w.charCodeAt(0);
    let cap = c0 >= 65 && c0 <= 90 || c0 > 127 && UPPER.test(w[0]);
    if (cap && CONTRACTION.test(w)) cap = false;
    if (w.indexOf('-') > 0) {
      if (cap) {
        // "Kremlin-backed" -> "Kremlin"; "Secretary-General", "Jean-Claude" stay whole.
        const parts = w.split('-');
        let keep = 1;
        while (keep < parts.length && !LOWER_START.test(parts[keep])) keep++;
        if (keep < parts.length && !CONNECTORS.has(parts[keep]) && (parts[keep].length > 3 || LOWER_WORDS.has(parts[keep]))) {
          const cut = parts.slice(0, keep).join('-');
          e = s + cut.length; w = cut; stop = true;
        }
      } else if (/-\p{Lu}/u.test(w) && CONNECTORS.has(w.slice(0, w.indexOf('-')))) cap = true; // al-Assad
    }
    const initial = toks.length === 0 || opensClause(text, prevEnd, s);
    toks.push({ s, e, w, cap, stop, initial, joined: toks.length > 0 && plainGap(text, prevEnd, s), kind: K_WORD });
    prevEnd = full;
    if (prevEnd < e) prevEnd = e;
  }
  return toks;
}

/** Mostly upper-case letters: a headline or a dateline, where case says nothing. */
function isAllCaps(text: string, from: number, to: number): boolean {
  let up = 0, low = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) {
      // Even if every character left were a capital, there are too many small letters.
      if (++low * 6 >= up + (to - i - 1)) return false;
    }
  }
  return up >= 4 && low * 6 < up;
}

const titleCase = (w: string) => w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w;
/** ASCII first letters (lower case) of the number words: a word starting with another ASCII character is none. */
const NUMBER_INITIALS = new Uint8Array(128);
for (const w of NUMBER_WORDS) {
  const c = w.charCodeAt(0);
  if (c < 128) NUMBER_INITIALS[c] = NUMBER_INITIALS[c ^ 32] = 1;
  else NUMBER_INITIALS.fill(1); // a number word outside ASCII: no filter
}
/** Lengths of the number words: lower-casing never shortens a word, nor lengthens one into ASCII. */
let NUMBER_MIN = Infinity, NUMBER_MAX = 0;
for (const w of NUMBER_WORDS) { NUMBER_MIN = Math.min(NUMBER_MIN, w.length); NUMBER_MAX = Math.max(NUMBER_MAX, w.length); }
const mayBeNumberWord = (w: string) => {
  const c = w.charCodeAt(0);
  return (c >= 128 || NUMBER_INITIALS[c] === 1) && w.length >= NUMBER_MIN && w.length <= NUMBER_MAX;
};

/**
 * `titleCase(w) === m` for some `m` of `set` (ASCII words), without building the
 * title-cased copy: candidates by first character and length, compared letter by
 * letter while `w` is ASCII.
 */
function titleCaseTable(set: ReadonlySet<string>): Map<number, string[]> {
  const table = new Map<number, string[]>();
  for (const m of set) {
    const key = m.charCodeAt(0) * 64 + Math.min(m.length, 63);
    const list = table.get(key);
    if (list) list.push(m); else table.set(key, [m]);
  }
  return table;
}
const MONTH_TABLE = titleCaseTable(MONTHS), WEEKDAY_TABLE = titleCaseTable(WEEKDAYS);
const ASCII_SETS = [...MONTHS, ...WEEKDAYS].every(m => /^[\x20-\x7e]+$/.test(m));

/** The member `titleCase(w.slice(0, len))` equals, else null. */
function titleCaseMember(table: Map<number, string[]>, set: ReadonlySet<string>, w: string, len: number): string | null {
  if (!ASCII_SETS) {
    const t = titleCase(w.slice(0, len));
    return set.has(t) ? t : null;
  }
  const list = table.get(w.charCodeAt(0) * 64 + Math.min(len, 63));
  if (!list) return null;
  next: for (const m of list) {
    if (m.length !== len) continue;
    for (let k = 1; k < len; k++) {
      let c = w.charCodeAt(k);
      if (c >= 128) {
        const t = titleCase(w.slice(0, len));
        return set.has(t) ? t : null;
      }
      if (c >= 65 && c <= 90) c += 32;
      if (c !== m.charCodeAt(k)) continue next;
    }
    return m;
  }
  return null;
}

/** Months and weekdays start with an ASCII capital, which `titleCase` keeps: nothing else can be one. */
const mayBeMonthOrDay = (w: string) => {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90 && w.length >= 3 && w.length <= 10;
};
const monthWord = (w: string) => {
  if (!mayBeMonthOrDay(w)) return null;
  return titleCaseMember(MONTH_TABLE, MONTHS, w, w.charCodeAt(w.length - 1) === 46 ? w.length - 1 : w.length);
};

interface Out {
  text: string;
  list: Entity[];
}

/** White space above Latin-1 (text/chars.ts). */
const isWideSpace = (c: number) => c > 0xff && isSpace(c);

function collapseSpaces(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 32 && c < 0xa0) continue;
    if (c === 32) {
      const d = t.charCodeAt(i + 1);
      if (i + 1 === t.length || (d > 32 && d < 0xa0)) continue;
    } else if (c > 0xa0 && !isWideSpace(c)) continue;
    return t.replace(/\s+/g, ' ');
  }
  return t;
}

function emit(out: Out, s: number, e: number, type: EntityType, canonical?: string) {
  const text = out.text.slice(s, e);
  out.list.push({ start: s, end: e, text, type, canonical: canonical ?? collapseSpaces(text) });
}

/** Dates and numbers; marks the tokens they take. */
function datesAndNumbers(out: Out, toks: Tok[]) {
  const text = out.text;
  const n = toks.length;
  const lowerAt = (i: number) => (i >= 0 && i < n ? toks[i].w.toLowerCase() : '');
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    const w = t.w;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (ISO_DATE.test(w) || DECADE.test(w)) { t.kind = K_DATE; emit(out, t.s, t.e, 'DATE'); continue; }
      const next = i + 1 < n && toks[i + 1].joined ? toks[i + 1] : null;
      // a year unless a counted noun follows: "in 2014", "2014 and"; but "2000 troops"
      if (YEAR.test(w) && (!next || !LOWER_START.test(next.w) || FUNCTION_WORDS.has(next.w) || YEAR_PREPS.has(lowerAt(i - 1)) && !next.w.endsWith('s'))) {
        t.kind = K_DATE; emit(out, t.s, t.e, 'DATE'); continue;
      }
      if (next && DAY.test(w) && monthWord(next.w)) continue; // "15 February": the month takes it
      if (PLAIN_NUMBER.test(w) || HYPHEN_NUMBER.test(w) || /^\d+(?:st|nd|rd|th|s)$/.test(w)) {
        let s = t.s, j = i;
        const before = text[s - 1];
        if (before === '$' || before === '€' || before === '£' || before === '¥') s--;
        t.kind = K_NUMBER;
        while (j + 1 < n && toks[j + 1].joined && NUMBER_UNITS.has(toks[j + 1].w) && j - i < 2 && !toks[j].stop) {
          j++;
          toks[j].kind = K_NUMBER;
        }
        let e = toks[j].e;
        if (text[e] === '%') e++;
        emit(out, s, e, 'NUMBER');
        i = j;
      }
      continue;
    }
    const month = monthWord(w);
    if (month) {
      let first = i, last = i;
      if (i > 0 && t.joined && DAY.test(toks[i - 1].w) && toks[i - 1].kind === K_WORD) first = i - 1;
      if (i + 1 < n && toks[i + 1].joined && DAY.test(toks[i + 1].w) && !toks[i].stop) last = i + 1;
      if (last + 1 < n && YEAR.test(toks[last + 1].w) && !toks[last].stop) {
        const gap = text.slice(toks[last].e, toks[last + 1].s);
        if (gap === ' ' || gap === ', ') last++;
      }
      const ok = first < i || last > i || !AMBIGUOUS_MONTHS.has(month) && (w !== 'Jan' || last > i) || MONTH_PREPS.has(lowerAt(i - 1));
      if (ok) {
        for (let k = first; k <= last; k++) toks[k].kind = K_DATE;
        emit(out, toks[first].s, toks[last].e, 'DATE');
        i = last;
      }
      continue;
    }
    if (mayBeMonthOrDay(w) && titleCaseMember(WEEKDAY_TABLE, WEEKDAYS, w, w.length)) { t.kind = K_DATE; emit(out, t.s, t.e, 'DATE'); continue; }
    if (mayBeNumberWord(w) && (NUMBER_WORDS.has(w) || t.initial && NUMBER_WORDS.has(w.toLowerCase()))) {
      let j = i;
      while (j + 1 < n && toks[j + 1].joined && NUMBER_WORDS.has(toks[j + 1].w.toLowerCase()) && !toks[j].stop) j++;
      for (let k = i; k <= j; k++) toks[k].kind = K_NUMBER;
      emit(out, t.s, toks[j].e, 'NUMBER');
      i = j;
    }
  }
}

/** All-caps sentence: only known names, longest first. */
function capsNames(out: Out, toks: Tok[]) {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== K_WORD || toks[i].w.length < 2 && !toks[i].w.endsWith('.')) continue;
    let found = -1, type: EntityType | undefined;
    let key = '';
    for (let j = i; j < toks.length && j - i < MAX_GAZ_WORDS; j++) {
      if (j > i && (!toks[j].joined || toks[j - 1].stop)) break;
      if (toks[j].kind !== K_WORD) break;
      key = j === i ? toks[j].w.toUpperCase() : `${key} ${toks[j].w.toUpperCase()}`;
      const t = GAZ_UPPER.get(key);
      if (t && (j > i || !LOWER_WORDS.has(key.toLowerCase()) || HAND_NAMES.has(key))) { found = j; type = t; }
    }
    if (found >= 0 && type) {
      const name = toks.slice(i, found + 1).map(t => t.w).join(' ');
      emit(out, toks[i].s, toks[found].e, type, name);
      i = found;
    }
  }
}

interface Ctx {
  out: Out;
  toks: Tok[];
  budget: WorkBudget;
}

const wordsOf = (toks: Tok[], a: number, b: number) => {
  let s = toks[a].w;
  for (let k = a + 1; k < b; k++) s += ' ' + toks[k].w;
  return s;
};

/**
 * The most words one capitalised run holds: far more than any name or title-cased
 * headline, and what keeps the splitting below linear on a page of capitalised words
 * (each step of a run reads the whole run).
 */
const MAX_RUN = 40;

/** Capitalised runs of a mixed-case sentence. */
function capitalRuns(ctx: Ctx) {
  const { toks } = ctx;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.kind !== K_WORD || !t.cap) continue;
    let j = i;
    while (j + 1 < n && j + 1 - i < MAX_RUN && !toks[j].stop && toks[j + 1].joined && toks[j + 1].kind === K_WORD) {
      const nx = toks[j + 1];
      if (nx.cap) { j++; continue; }
      // a connector joins only two capitalised words: "Bank of England", "Ministry of the Interior"
      if (!CONNECTORS.has(nx.w)) break;
      let k = j + 1;
      if (nx.w === 'of' && k + 1 < n && toks[k + 1].w === 'the' && toks[k + 1].joined) k++;
      // particle chains: "van der", "de la"
      while (k + 1 < n && toks[k + 1].joined && PARTICLES.has(toks[k + 1].w) && PARTICLES.has(toks[k].w)) k++;
      if (k + 1 < n && toks[k + 1].joined && toks[k + 1].cap && toks[k + 1].kind === K_WORD && !toks[k].stop) j = k + 1;
      else break;
    }
    run(ctx, i, j + 1);
    i = j;
  }
}

/**
 * A run of words still to split, returned instead of called: every step below ends
 * in at most one such tail call, and `run` loops over them, so the stack never grows
 * with the length of a run (a page of "Big Big Big …" is one run).
 */
type Tail = readonly [number, number] | null;

/** Splits one run [a, b) into names. */
function run(ctx: Ctx, a: number, b: number): void {
  let next: Tail = [a, b];
  while (next && ctx.budget.spend(next[1] - next[0])) next = runStep(ctx, next[0], next[1]);
}

/** Types one name [a, b) and emits it, with the run it leaves over. */
function chunkAll(ctx: Ctx, a: number, b: number, titled: boolean, adjective?: string): void {
  const tail = chunk(ctx, a, b, titled, adjective);
  if (tail) run(ctx, tail[0], tail[1]);
}

/** One step of `run`: names [a, b) up to a tail left to the caller. */
function runStep(ctx: Ctx, a: number, b: number): Tail {
  const { toks } = ctx;
  while (a < b && !toks[a].cap) a++;
  while (b > a && !toks[b - 1].cap) b--;
  if (a >= b) return null;
  const whole = wordsOf(toks, a, b);
  if (GAZ.has(whole) && !TITLES.has(whole)) return chunk(ctx, a, b, false);
  const first = toks[a].w;
  // Sentence-initial or starter words: "The", "However", "Although".
  if (STARTERS.has(first) || CAPS_COMMON.has(first) && !TITLES.has(first) ||
      toks[a].initial && !FIRST_NAMES.has(first) && !GAZ.has(first) && !TITLES.has(first) && isCommonWord(first)) {
    return [a + 1, b];
  }
  if (SINGLE_UPPER.test(first) && b - a === 1) return null; // "I", a lone letter
  // Trailing common capitalised words: "... Sales", "... Revenue".
  if (b - a > 1 && CAPS_COMMON.has(toks[b - 1].w) && !TITLES.has(toks[b - 1].w) && !ORG_HEADS.has(toks[b - 1].w)) {
    return [a, b - 1];
  }
  const lastWord = toks[b - 1].w;
  const headed = ORG_HEADS.has(lastWord) || b - a > 1 && PLACE_HEADS.has(lastWord);
  let head = -1; // the last organisation head word before the end: "Defense Council Oleksiy Danilov"
  for (let k = b - 2; k > a; k--) if (ORG_HEADS.has(toks[k].w)) { head = k; break; }
  if (head > a && FIRST_NAMES.has(toks[head + 1].w) && !TITLES.has(toks[b - 1].w)) {
    const h = head + 1;
    chunkAll(ctx, a, h, false);
    return chunk(ctx, h, b, false);
  }
  // Titles: "Foreign Minister Sergey Lavrov", "NATO Secretary General Jens Stoltenberg".
  if (!headed) {
    for (let k = Math.max(a, head + 1); k < b; k++) {
      if (!TITLES.has(toks[k].w) || WEAK_TITLES.has(toks[k].w) && k + 1 < b && !TITLES.has(toks[k + 1].w)) continue;
      let m = k;
      while (m < b && (TITLES.has(toks[m].w) || (toks[m].w === 'of' || toks[m].w === 'the') && m + 1 < b && TITLES.has(toks[m + 1].w))) m++;
      if (k > a) prefix(ctx, a, k);
      return m < b ? chunk(ctx, m, b, true) : null;
    }
  }
  // A nation adjective before a name: "Russian Defense Ministry", "Ukrainian Alexei Smith".
  const adj = demonymAt(toks, a, b);
  if (adj > a && adj < b) {
    const name = wordsOf(toks, a, adj);
    emit(ctx.out, toks[a].s, toks[adj - 1].e, 'MISC', name);
    return chunk(ctx, adj, b, false, name);
  }
  return chunk(ctx, a, b, false);
}

function hasWeakConnector(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (WEAK_CONNECTORS.has(toks[k].w)) return true;
  return false;
}

function isCommonWord(w: string): boolean {
  const lower = w.toLowerCase();
  if (LOWER_WORDS.has(lower)) return true;
  return w.length > 4 && (lower.endsWith('ly') || lower.endsWith('ing') || lower.endsWith('ed'));
}

/** End of a nation adjective at the start of a run ("Russian", "South Korean"), else `a`. */
function demonymAt(toks: Tok[], a: number, b: number): number {
  if (a + 1 < b && DEMONYM_OF.has(`${toks[a].w} ${toks[a + 1].w}`)) return a + 2;
  return DEMONYM_OF.has(toks[a].w) ? a + 1 : a;
}

/** The words before a title: an organisation or place ("NATO"), or a nation adjective. */
function prefix(ctx: Ctx, a: number, b: number) {
  const name = wordsOf(ctx.toks, a, b);
  const type = GAZ.get(name) ?? (DEMONYM_OF.has(name) ? 'MISC' : NAME_WORDS.get(ctx.toks[b - 1].w) ?? 'ORG');
  if (type === 'PERSON') { chunkAll(ctx, a, b, false); return; }
  emit(ctx.out, ctx.toks[a].s, ctx.toks[b - 1].e, type, name);
}

/** Types one name [a, b) and emits it; `titled` when a title preceded it. Returns a run left to split. */
function chunk(ctx: Ctx, a: number, b: number, titled: boolean, adjective?: string): Tail {
  const { toks, out } = ctx;
  while (a < b && !toks[a].cap) a++;
  while (b > a && !toks[b - 1].cap) b--;
  if (a >= b) return null;
  const name = wordsOf(toks, a, b);
  const s = toks[a].s, e = toks[b - 1].e;
  const prevTok = a > 0 ? toks[a - 1] : null;
  const prev = prevTok && prevTok.kind === K_WORD && !prevTok.cap ? prevTok.w : '';
  const known = GAZ.get(name);
  if (name === 'Washington') { emit(out, s, e, washingtonType(toks, a, prev)); return null; }
  if (known) {
    if (titled && known !== 'PERSON' && b - a === 1 && known !== 'MISC') { emit(out, s, e, 'PERSON'); return null; }
    emit(out, s, e, known, known === 'ORG' && adjective ? `${adjective} ${name}` : undefined);
    return null;
  }
  const last = toks[b - 1].w, first = toks[a].w;
  if (b - a > 2 && !ORG_HEADS.has(first) && !PLACE_FIRSTS.has(first) && !PLACE_HEADS.has(first)) {
    // "Zbigniew Rau of Poland": "of" joins two names unless a head word opens the first
    for (let k = a + 1; k < b - 1; k++) {
      if (toks[k].w === 'of') { chunkAll(ctx, a, k, titled); return [k + 1, b]; }
    }
  }
  if (titled) { emit(out, s, e, 'PERSON'); return null; }
  // "West and Kremlin": two names when either side is a known one ("Security and Defense Council" stays)
  for (let k = a + 1; k < b - 1; k++) {
    if (toks[k].w !== 'and' && toks[k].w !== 'or') continue;
    if (GAZ.has(wordsOf(toks, a, k)) || GAZ.has(wordsOf(toks, k + 1, b))) { chunkAll(ctx, a, k, false); return [k + 1, b]; }
  }
  // "Russia-Ukraine", "East-West": a compound of known names
  if (b - a === 1 && first.includes('-') && first.split('-').every(p => GAZ.has(p) || /^(?:East|West|North|South)$/.test(p))) {
    emit(out, s, e, 'MISC'); return null;
  }
  if (b - a === 1 && first.endsWith('s') && GAZ.get(first.slice(0, -1)) === 'MISC') { emit(out, s, e, 'MISC'); return null; }
  if (ORG_HEADS.has(last)) { emit(out, s, e, 'ORG', adjective ? `${adjective} ${name}` : possessor(toks, a, name)); return null; }
  if (b - a > 1 && (PLACE_HEADS.has(last) || PLACE_FIRSTS.has(first))) { emit(out, s, e, 'PLACE'); return null; }
  if (LOWER_TITLES.has(prev)) { emit(out, s, e, 'PERSON'); return null; }
  const n = b - a;
  if (n >= 2 && n <= 4 && FIRST_NAMES.has(first) && !hasWeakConnector(toks, a, b)) { emit(out, s, e, 'PERSON'); return null; }
  if (n > 1) {
    // Split at weak connectors and common words: "Ukraine Crisis Update", "Essex and Kent".
    for (let k = a; k < b; k++) {
      const w = toks[k].w;
      if (WEAK_CONNECTORS.has(w) || (toks[k].cap && isCommonWord(w) && !NAME_WORDS.has(w) && !FIRST_NAMES.has(w))) {
        if (k > a) chunkAll(ctx, a, k, false);
        let r = k + 1;
        while (r < b && !toks[r].cap) r++;
        return [r, b];
      }
    }
    for (let k = a + 1; k < b; k++) {
      if (LOWER_START.test(toks[k].w) && !toks[k].cap) { // "of", "de" without a head: split
        if (!PARTICLES.has(toks[k].w)) {
          chunkAll(ctx, a, k, false);
          return [k + 1, b];
        }
      }
    }
  }
  const vote = NAME_WORDS.get(last) ?? NAME_WORDS.get(first);
  if (vote) { emit(out, s, e, vote, vote === 'ORG' && adjective ? `${adjective} ${name}` : undefined); return null; }
  if (n === 1) {
    const w = first;
    if (isCommonWord(w) && w !== w.toUpperCase()) return null; // "Copyright Registered."
    if (w.length <= 5 && w === w.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(w)) { emit(out, s, e, 'ORG'); return null; }
    if (PLACE_PREPS.has(prev) || PLACE_SHAPE.test(w)) { emit(out, s, e, 'PLACE'); return null; }
    // A lone unknown word opening a sentence is a name only when a verb or the like follows.
    const next = b < toks.length ? toks[b] : null;
    if (toks[a].initial && !(next && next.joined && !next.cap && next.kind === K_WORD && !FUNCTION_WORDS.has(next.w))) return null;
  }
  if (n > 5) return null; // a title-cased phrase, not a name
  emit(out, s, e, 'PERSON');
  return null;
}

/** "Russia's Defense Ministry" -> "Russian Defense Ministry". */
function possessor(toks: Tok[], a: number, name: string): string | undefined {
  const p = a > 0 ? toks[a - 1] : null;
  if (!p || !p.stop || !toks[a].joined) return undefined;
  const adj = ADJECTIVE_OF.get(p.w);
  return adj ? `${adj} ${name}` : undefined;
}

const VERB_AFTER = wordSet('said says say has have had is was will would wants wanted warned warns accused accuses ' +
  'believes believed insists insisted rejected rejects responded responds kept keeps sent sends announced announces ' +
  'urged urges called calls demanded demands should could must may might did does threatened agreed refused');

/** "Washington" the US government (an actor) or the city (after "in", "to", a dateline). */
function washingtonType(toks: Tok[], a: number, prev: string): EntityType {
  if (PLACE_PREPS.has(prev) || prev === 'from' || prev === 'to' || prev === 'visit' || prev === 'visited') return 'PLACE';
  const next = a + 1 < toks.length ? toks[a + 1] : null;
  if (next && (next.w === 'D.C.' || next.w === 'DC' || next.w === 'state' || next.w === 'State')) return 'PLACE';
  if (toks[a].stop) return 'ORG'; // "Washington's position"
  if (next && next.joined && VERB_AFTER.has(next.w)) return 'ORG';
  if (prev === 'between' || prev === 'and' || prev === 'with' || prev === 'against' || prev === 'by' || prev === 'as') return 'ORG';
  return a === 0 || toks[a].initial ? 'ORG' : 'PLACE';
}

/**
 * Entities of one paragraph. `text` is the paragraph's text alone and `sentences` its
 * sentences, with offsets relative to it, so results can be cached per paragraph.
 * `canonical` is the mention's own name with titles stripped ("Foreign Minister
 * Sergey Lavrov" -> "Sergey Lavrov"); the corpus resolves it further.
 */
export function findEntities(text: string, sentences: readonly Span[], budget = new WorkBudget(text.length)): Entity[] {
  const out: Out = { text, list: [] };
  const spans = sentences.length ? sentences : text.length ? [{ start: 0, end: text.length }] : [];
  for (const sent of spans) {
    if (!budget.spend(sent.end - sent.start)) break;
    const toks = tokenize(text, sent.start, sent.end);
    if (!toks.length) continue;
    datesAndNumbers(out, toks);
    if (isAllCaps(text, sent.start, sent.end)) capsNames(out, toks);
    else capitalRuns({ out, toks, budget });
  }
  const list = out.list;
  list.sort((x, y) => x.start - y.start || y.end - x.end);
  // Never overlapping: keep the first (longest) of any overlap.
  const kept: Entity[] = [];
  for (const ent of list) if (!kept.length || ent.start >= kept[kept.length - 1].end) kept.push(ent);
  return kept;
}
