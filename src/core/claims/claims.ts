/**
 * Claims: the sentences (or clauses) of a source that assert something a checker
 * could verify — attributed statements, numeric facts, events — and their links
 * across documents (corroboration and disputes).
 */
import { clauseAround, splitClauses } from './clauses';
import { S_WORDS } from '../lexicon/lemmas';
import { NUMBER_UNITS } from '../lexicon/numbers';
import { CLAIM_CUES } from '../lexicon/reportingVerbs';
import { MONTHS, WEEKDAYS } from '../entities/gazetteer';
import { SAYING_VERBS } from '../lexicon/sayingVerbs';
import { CLAIM_STOP_WORDS } from '../lexicon/stopWords';
import { STOCK_LINE } from '../lexicon/stockLines';
import { classAt, isBlank, isSpace, LETTER, SPACE } from '../text/chars';
import { type AnalysisContext, BoundedMemo, Slot } from '../text/memo';
import { nextWord, VERB_ENDING, type WordEnd, wordsOf } from '../text/words';
import type { Claim, ClaimKind, ClaimLink, ClaimNumber, ClaimStatus, Entity, Quote, Sentence, Span } from '../types';

/** Reporting verbs that turn a sentence into reported speech. */
const REPORTING = [...CLAIM_CUES].join('|');
const REPORTED_RE = new RegExp(String.raw`\b(?:${REPORTING})\b|\baccording to\b`, 'i');
/** The same, for every match in a sentence (`reportedSpeaker` resets `lastIndex`). */
const REPORTED_ALL = new RegExp(REPORTED_RE.source, 'gi');
const EVENT_VERB = /\b(?:annexed|invaded|attacked|launched|killed|died|signed|agreed|met|voted|announced|withdr[ae]w[n]?|released|arrived|moved|deployed|began|started|ended|elected|approved|rejected|sent|massed|held|offered|imposed|fired|struck|captured|arrested|opened|closed|submitted|published|received|pulled)\b/i;
const FURNITURE = /\b(?:contributed|reports from|reported from|copyright|all rights reserved|click here|read more|subscribe|newsletter|photo:|image:|file photo)\b/i;

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** A scale abbreviated right after an amount of money, and the word it stands for. */
const SCALE_SHORT = /^(k|m|mn|b|bn|tn|trn)\b/i;
const SHORT_SCALES: Record<string, string> = { k: 'thousand', m: 'million', mn: 'million', b: 'billion', bn: 'billion', tn: 'trillion', trn: 'trillion' };
const QUALIFIERS = String.raw`more than|less than|fewer than|at least|at most|up to|nearly|almost|about|around|some|over|under|roughly|approximately|an estimated|as many as|as few as`;
/** A figure in digits: with thousands separators, or with decimals. */
const FIGURE = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?`;
/** A percentage's sign or word ("%", "percent", "per cent"). */
const PERCENT = String.raw`%|per\s?cent\b`;
/** … right at the start of the text after a figure. */
const PERCENT_AFTER = new RegExp(String.raw`^\s*(?:${PERCENT})`, 'i');
const NUMBER_RE = new RegExp(
  String.raw`(?:\b(${QUALIFIERS})\s+)?(?<![\w.,:])(${FIGURE})(?:\s*(thousand|million|billion|trillion)\b)?(?:[\s-]+(?:(?:[a-z]+[\s-]){0,1}))?`,
  'gi',
);
/** A currency sign right before a figure: the thing an amount counts. */
const CURRENCY: Record<string, string> = { $: 'dollars', '£': 'pounds', '€': 'euros' };
/** The word right after an abbreviated scale ("3.8m pounds"): a currency of `MONEY_UNITS` when it is one. */
const MONEY_AFTER = /^\s+([a-z]+)\b/i;
/** The units of an amount of money: the currencies of `CURRENCY` and the others written as words ("300 million yen"). */
export const MONEY_UNITS: ReadonlySet<string> = new Set([...Object.values(CURRENCY), 'yen', 'yuan', 'rubles', 'roubles', 'hryvnias']);
const UNIT_RE = /^[\s-]*(?:(?:Russian|Ukrainian|American|U\.S\.|US|NATO|more|new|additional|such)\s+)?([a-z][a-z-]{2,})/;
/** One or two capitalised words (a name) after a figure, then a lower-case word: "62,000 Westmere patients", "four Lothian diplomats". */
const NAMED_UNIT_RE = /^[\s-]*(\p{Lu}[\p{L}’'.-]*)\s+(?:(\p{Lu}[\p{L}’'.-]*)\s+)?([a-z][a-z-]{2,})\b/u;
/** An ordinal's ending right after its figure, then the word for the thing it ranks ("113th minute"). */
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\s+([a-z][a-z-]{2,})\b/;
/** Whether a capitalised word names a month or a day (a dot after it aside), which a figure before it dates: "on 2 June troops crossed" counts no troops. */
function calendarName(word: string): boolean {
  const bare = word.replace(/\.$/, '');
  return MONTHS.has(bare) || WEEKDAYS.has(bare);
}

/**
 * The word `UNIT_RE` reads after a figure (its match, the word in group 1), or else the plural after a name (the word
 * in group 1 too): the name only says whose or where the things counted are ("62,000 Westmere patients" are the
 * "26,000 patients" of another report). A word after a name that is no plural (`countsThing`) is none: "10 Downing
 * Street yesterday".
 */
function unitAfter(rest: string): RegExpExecArray | null {
  const plain = UNIT_RE.exec(rest);
  if (plain) return plain;
  const named = NAMED_UNIT_RE.exec(rest);
  if (!named || calendarName(named[1]) || (named[2] && calendarName(named[2])) || !countsThing(named[3])) return null;
  named[1] = named[3];
  return named;
}
const NOT_UNITS = new Set(['and', 'the', 'for', 'from', 'with', 'that', 'which', 'when', 'who', 'was', 'were', 'are', 'had', 'has', 'have', 'into', 'than', 'per', 'of', 'to', 'in', 'on', 'at', 'by', 'or', 'a', 'an',
  // Prepositions in "-ing" ("arrested 14 overnight following protests"): no thing counted, nor a word describing one.
  'following', 'during', 'including', 'regarding', 'concerning', 'excluding', 'according', 'pending', 'considering']);

/** A month's name (or its abbreviation) right before a figure: the figure is a day of it. */
const MONTH_BEFORE = /(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/;

/** The unit of both figures of a vote's or a game's tally ("voted 54-46", "a 5-4 decision", "won 3-1"). */
export const TALLY = 'tally';

/**
 * A tally: two figures of one to three digits joined by a hyphen, an en dash or "to" ("voted 51 to 48", "by a vote of
 * 52 to 48"), in words of a vote or a game before (with its object: "passed the bill 52-48", "beat the Jets 24-17")
 * it ("voted", "by a", "won", "beat", "passed", …) or after it ("vote", "decision", "ruling", "victory", …). Not a
 * figure of money, a percentage, a scale or a clock time, nor one in a longer run of figures and dashes: a date's
 * "2022-02-15", a telephone number's "555-1234", "10:30-11:45", "$5-10 million" stay as they were (no number).
 */
/** What joins a tally's two figures: a hyphen, an en dash or "to". */
const TALLY_JOIN = String.raw`(?:[\u2013-]|\s+to\s+)`;
const TALLY_RE = new RegExp(String.raw`(?<![\w.,:/$£€\u2013-])(\d{1,3})${TALLY_JOIN}(\d{1,3})(?![\w\u2013-]|[.,:/]\d|\s*(?:%|per\s?cent\b|thousand\b|million\b|billion\b|trillion\b|[ap]\.?m\b))`, 'dg');
/** Figures joined as a tally's are, anywhere: the cheap test before `TALLY_RE`. */
const TALLY_JOINED = new RegExp(String.raw`\d${TALLY_JOIN}\d`);
const TALLY_BEFORE = /\b(?:vot(?:e|ed|es|ing)|vote of|by an?|won|wins?|lost|loses|beat|beats|defeated|tied|ruled|passed|approved|rejected|confirmed|upheld|struck down)(?:\s+(?:it|them|him|her|us|narrowly|\w+ly|the\s+\w+))?\s+(?:by\s+)?(?:an?\s+)?$/i;
const TALLY_AFTER = /^\s+(?:votes?|decision|ruling|majority|margin|victory|win|loss|defeat|tie|split|score)\b/i;
/**
 * Words after figures that name nothing the figures count: they may follow a tally found by the words before it
 * (another word is what a range counts: "won 10-15 seats"), and are no range's unit ("555-1234 today").
 */
const AFTER_TALLY = new Set(['along', 'against', 'over', 'after', 'before', 'among', 'across', 'behind', 'during', 'since', 'until', 'but', 'so', 'yet', 'then', 'last', 'this', 'each', 'both', 'tonight', 'today', 'yesterday']);

/**
 * A vote's split written out: "by 31 votes to 19", "with 31 voting in favour and 19 against", "31 for and 19 against",
 * "31 in favor, 19 against" (groups 1 and 2: the figures).
 */
const VOTE_SPLIT = /(?<![\w.,:/$£€\u2013-])(\d{1,3})\s+(?:votes?\s+to\s+|(?:votes?\s+|voting\s+)?(?:in\s+favou?r(?:\s+of\s+it)?\s*(?:,|and|with|to)?|for\s*(?:,|and|with|to))\s+)(\d{1,3})\b(?!\s*(?:%|per\s?cent\b))(?:\s+(?:votes?\s+|voting\s+)?against\b)?/dg;

/** Where the tallies of `text` (`TALLY_RE`, in a vote's or a game's words; `VOTE_SPLIT`) start their two figures. */
function talliesOf(text: string): Set<number> | null {
  let out: Set<number> | null = null;
  if (/\d\s+(?:votes?\s|voting\s|in\s+favou?r|for\s)/i.test(text)) {
    VOTE_SPLIT.lastIndex = 0;
    for (let m; (m = VOTE_SPLIT.exec(text));) {
      // (A split in favour and against needs its "against": "40 in favour and 5 abstentions" is none; "31 votes to 19" is.)
      if (!/^\d+\s+votes?\s+to\b/.test(m[0]) && !/against$/.test(m[0])) continue;
      (out ??= new Set()).add(m.index).add(m.indices![2][0]);
    }
  }
  if (!TALLY_JOINED.test(text)) return out;
  let lastEnd = -1;
  TALLY_RE.lastIndex = 0;
  for (let m; (m = TALLY_RE.exec(text));) {
    const end = m.index + m[0].length;
    // (Days of a month, "September 16-19", are a date, left out as dates are.)
    if (MONTH_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (TALLY_AFTER.test(text.slice(end, end + 12))) {
      // "The 18-29 vote" (the smaller figure first) is an age group's; "a 3-4 vote", "the council's 4-5 ruling" are tallies.
      if (/^\s+vote\b/i.test(text.slice(end, end + 8)) && /\bthe\s+$/i.test(before) && Number(m[1]) < Number(m[2])) continue;
    } else {
      // Found by the words before it, or the next score of a game's sets right after a tally ("won 6-4, 6-3").
      if (!TALLY_BEFORE.test(before) && !(lastEnd >= 0 && /^,?\s*(?:and\s+)?$/.test(text.slice(lastEnd, m.index)))) continue;
      const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 16))?.[1];
      if (next && !NOT_UNITS.has(next) && !AFTER_TALLY.has(next)) continue;
    }
    (out ??= new Set()).add(m.index).add(m.indices![2][0]);
    lastEnd = end;
  }
  return out;
}

/** The qualifier of both ends of a range ("3-4 percent", "$5-10 million", "between 1.5 and 2 million people"). */
export const RANGE = 'between';

/**
 * A range: two figures joined by a hyphen or an en dash ("3.5-4 percent", "$5-10 million", "10-15 seats"), or by
 * "and" after "between", the first below the second, with what they count after them (a word, "%", a scale word) or
 * a currency sign before them. What they count is a plural ("seats", "jobs"), or a measure written singular before a
 * noun ("a 10-15 minute walk", "a 3-4 point lead"): any other word after the figures ("aged 18-24 voted", "a 1-3
 * record", "737-800 carrying") says nothing of what a hyphen joins, and no number is read, as before. Not where a tally
 * stands (`talliesOf`), nor in a longer run of figures and dashes, nor a day of a month, a clock time, a year's span
 * ("2020-21", "2015-2016"), "9-11", a label's figures ("Article 2-4", "Boeing 737-800", `LABEL_BEFORE`), or two figures
 * far apart ("1-800").
 */
const RANGE_RE = new RegExp(
  String.raw`(?<![\w.,:/$£€\u2013-])([$£€])?(${FIGURE})[\u2013-]([$£€])?(${FIGURE})(?![\w\u2013-]|[.,:/]\d)` +
  String.raw`|\bbetween\s+([$£€])?(${FIGURE})(\s*(?:${PERCENT}))?\s+and\s+([$£€])?(${FIGURE})(?![\w\u2013-]|[.,:/]\d)`,
  'gi',
);
/** Measures written singular before the noun they qualify ("a 10-15 minute walk"): a range's unit though not plural. */
const SINGULAR_MEASURES = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'point', 'percent', 'mile', 'foot', 'inch', 'meter', 'metre', 'kilometer', 'kilometre', 'degree', 'pound', 'ton', 'tonne', 'acre', 'hectare', 'gallon', 'liter', 'litre', 'barrel', 'dollar', 'member', 'person', 'seat', 'game', 'man', 'woman', 'mph', 'km', 'kg', 'lb', 'ft', 'cm', 'mm']);
/** A plural noun: the thing a range counts (not "-ss": "access", "loss"). */
const PLURAL = /(?:[^s']s|men)$|^(?:people|children|police|staff|personnel|troops|feet)$/;
/** Whether a word after figures names what they count: a plural, or a measure written singular before a noun. */
const countsThing = (word: string) => !NOT_UNITS.has(word) && !AFTER_TALLY.has(word) && (PLURAL.test(word) || SINGULAR_MEASURES.has(word));
/** A label's word right before figures: "Article 2-4", "Route 9-11", "Boeing 737-800", "No. 3-4". */
const LABEL_BEFORE = /\b(?:article|section|chapter|clause|paragraph|rule|title|amendment|route|highway|interstate|room|gate|flight|model|version|boeing|airbus|iphone|galaxy|category|stage|grades?|level|phase|class|type|no\.?)\s*$/i;
const SCALE_AFTER = /^\s*(thousand|million|billion|trillion)\b/i;

/** Whether a figure reads as a year (four digits, 1800 to 2100): dates are events' business, not numeric facts. */
const isYear = (raw: string, value: number) => /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100;

/** Where the ranges of `text` start their two figures, with each figure's number; null when there is none. */
function rangesOf(text: string, tallies: Set<number> | null): Map<number, ClaimNumber> | null {
  if (!/\d[\u2013-][$£€]?\d|between\s/i.test(text)) return null;
  let out: Map<number, ClaimNumber> | null = null;
  RANGE_RE.lastIndex = 0;
  for (let m; (m = RANGE_RE.exec(text));) {
    const dashed = m[2] !== undefined;
    const [sign1, low, sign2, high] = dashed ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[8], m[9]];
    const lowAt = m.index + m[0].indexOf(low, dashed ? 0 : 7);
    if (tallies?.has(lowAt)) continue;
    const a = Number(low.replace(/,/g, '')), b = Number(high.replace(/,/g, ''));
    if (!(a < b) || (sign1 && sign2 && sign1 !== sign2)) continue;
    if (MONTH_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (isYear(low, a)) continue;
    if (dashed && ((low === '9' && high === '11') || (low === '7' && high === '11') || (a > 0 && b > 100 * a) || LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)))) continue;
    const end = m.index + m[0].length;
    const scale = SCALE_AFTER.exec(text.slice(end, end + 16));
    const rest = text.slice(end + (scale ? scale[0].length : 0));
    if (/^\s*(?:[ap]\.?m\b|:\d)/i.test(rest)) continue;
    const sign = sign1 ?? sign2;
    let unit: string | null = sign ? CURRENCY[sign] : null;
    if (!unit && (m[7] || PERCENT_AFTER.test(rest))) unit = 'percent';
    if (!unit) {
      const word = unitAfter(rest)?.[1].toLowerCase();
      if (word && countsThing(word)) unit = word;
    }
    if (!unit) continue;
    const times = scale ? SCALE[scale[1].toLowerCase()] : 1;
    const highAt = m.index + m[0].lastIndexOf(high);
    (out ??= new Map()).set(lowAt, { value: a * times, unit, qualifier: RANGE }).set(highAt, { value: b * times, unit, qualifier: RANGE });
  }
  return out;
}

/** A number as matching compares it: a tally's two figures as one `value`; a range's ends as `value` and `upTo`. */
export interface ComparedNumber extends ClaimNumber {
  /** The top of a range (`value` its bottom). */
  upTo?: number;
}

/** A measure's unit as written → one unit of it ("kilometres", "kilometers", "km" → "km"): `measureUnit`. */
const MEASURES: ReadonlyMap<string, string> = new Map(([
  ['km', 'km kilometre kilometres kilometer kilometers'], ['mi', 'mi mile miles'], ['m', 'metre metres meter meters'],
  ['kg', 'kg kgs kilogram kilograms kilogramme kilogrammes kilos'], ['ft', 'ft foot feet'], ['cm', 'cm centimetre centimetres centimeter centimeters'],
  ['mm', 'mm millimetre millimetres millimeter millimeters'], ['mph', 'mph'],
] as const).flatMap(([unit, forms]) => forms.split(' ').map(f => [f, unit] as [string, string])));
/** Whether a unit is a measure's, however written (`MEASURES`: "km", "kilometres", "meter"). */
export function isMeasure(unit: string): boolean {
  return MEASURES.has(unit);
}
/** One unit of a measure however written ("kilometres", "km" → "km"); any other unit as it is. */
export function measureUnit(unit: string): string {
  return MEASURES.get(unit) ?? unit;
}
/** A measure's abbreviation joined to its figure ("40km", "12kg"; not "5.2m", which may be millions). */
const MEASURE_JOINED = /^(km|kg|mi|ft|cm|mm|mph)\b(?!\/)/;

/**
 * The figures of a claim's numbers as matching compares them: a tally's two figures (two numbers of unit `TALLY` in
 * a row) as one, so that 7-2 and 7-1 are two outcomes, not one figure shared; a range's two ends (two numbers of one
 * unit, qualified `RANGE`, in a row) as one, so that "3-4 percent" is not the "4 percent" of another report. The same
 * array when there is neither.
 */
export function compared(numbers0: readonly ClaimNumber[]): readonly ComparedNumber[] {
  // (A measure as one unit however written: "40 kilometres" and "40km" are one distance.)
  const numbers = numbers0.some(n => n.unit !== null && isMeasure(n.unit)) ? numbers0.map(n => (n.unit !== null && isMeasure(n.unit) ? { ...n, unit: measureUnit(n.unit) } : n)) : numbers0;
  if (!numbers.some(n => n.unit === TALLY || n.qualifier === RANGE)) return numbers;
  const out: ComparedNumber[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i], next = numbers[i + 1];
    if (n.unit === TALLY && next?.unit === TALLY) {
      // (Each figure is below 1,000: the pair is one exact value.)
      out.push({ value: n.value * 1000 + next.value, unit: TALLY, qualifier: null });
      i++;
    } else if (n.qualifier === RANGE && next?.qualifier === RANGE && next.unit === n.unit && n.value < next.value) {
      out.push({ value: n.value, unit: n.unit, qualifier: RANGE, upTo: next.value });
      i++;
    } else out.push(n);
  }
  return out;
}

/**
 * Numbers in a claim with their unit ("troops") and qualifier ("more than"). Years and days of month are left out;
 * a vote's or a game's tally gives both figures, of unit `TALLY` (`talliesOf`); a count in words ("three people")
 * is read as its figure is (`wordNumbersOf`).
 */
export function parseNumbers(text: string): ClaimNumber[] {
  return withWordNumbers(text, locateNumbers(text));
}

/** The numbers `locateNumbers` found in `text`, with its counts in words among them, in the order of the text. */
function withWordNumbers(text: string, located: readonly { number: ClaimNumber; at: number }[]): ClaimNumber[] {
  const words = wordNumbersOf(text);
  if (!words) return located.map(n => n.number);
  return [...located, ...words].sort((a, b) => a.at - b.at).map(n => n.number);
}

export const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
/**
 * A figure in words, from two to ninety-nine, then "hundred", then "dozen" or a scale word ("two million", "five hundred",
 * "two dozen"). Not "one", which is as often a pronoun ("one of them", "no one") as a count.
 */
const TENS_WORDS = Object.keys(TENS).join('|'), SMALL_WORDS = Object.keys(SMALL_NUMBERS).join('|');
const BELOW_100_WORDS = String.raw`(?:(${TENS_WORDS})(?:[-\s](${ONES})\b)?|(${SMALL_WORDS}))\b`;
const HUNDREDS_AFTER = String.raw`(?:\s+(hundred)\b(?:\s+(?:and\s+)?(?:(${TENS_WORDS})(?:[-\s](${ONES})\b)?|(${SMALL_WORDS}|one)\b)(?!\s+hundred\b))?)?`;
const FIGURE_WORDS = String.raw`\b${BELOW_100_WORDS}(?!['’]s\b)${HUNDREDS_AFTER}(?:\s+and\s+a\s+(half))?(?:\s+(dozen|thousand|million|billion|trillion)\b)?(?:(?<=thousand)\s+(?:and\s+)?(?!(?:one|a|an)\b)${BELOW_100_WORDS}${HUNDREDS_AFTER})?`;
const WORD_NUMBER_RE = new RegExp(String.raw`(?:\b(${QUALIFIERS}|between)\s+)?${FIGURE_WORDS}`, 'gi');
const WORD_FIGURE_AT = new RegExp(FIGURE_WORDS, 'iy');
/** A verb of change before "from" ("rose from two to four percent"): the figures are a change, not a range. */
const CHANGE_FROM = /\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|increased|decreased|grew|grown|dropped|climbed|jumped|declined|raised|lowered|cut|went|moved|changed|shifted|up|down)\s+(?:\w+\s+)?from\s+$/i;
/** A word in a verb's past ("died", "arrested") between a count and a plural: no describing word ("-ing" is: "eleven vacant nursing positions"). */
const PAST_ENDING = /ed$/;
/** The second and third words after a count, lower-case words all ("two young children"): `wordNumbersOf` takes the first plural of them as the thing counted. */
const COUNTED_AFTER = /^\s+[a-z][a-z-]*\s+([a-z][a-z-]{2,})\b(?:\s+([a-z][a-z-]{2,})\b)?/;
/** A fraction's denominator ("two-thirds") or an ordinal's ("twenty-fifth"): no thing counted. */
const NOT_COUNTED = /^(?:halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)$/;
const HAS_WORD_NUMBER = new RegExp(String.raw`\b(?:${[...Object.keys(TENS), ...Object.keys(SMALL_NUMBERS)].join('|')})\b`, 'i');
/** A figure's decimals in words ("three point five"): read as no figure (the digits' "3.5" would be). */
const DECIMAL_WORDS = new RegExp(String.raw`^\s+point\s+(?:zero|${ONES})\b`, 'i');

/**
 * The value of a figure in words matched by `FIGURE_WORDS` (its groups from `g` on: tens, ones, small, "hundred", the
 * same three after it, "half", the scale, then after "thousand" the same seven as the first), and its multiplier.
 */
function wordFigure(m: RegExpExecArray, g: number): { value: number; times: number } {
  const below100 = (tens: string | undefined, ones: string | undefined, small: string | undefined) =>
    tens ? TENS[tens.toLowerCase()] + (ones ? SMALL_NUMBERS[ones.toLowerCase()] ?? 1 : 0) : small ? SMALL_NUMBERS[small.toLowerCase()] ?? 1 : 0;
  // "Two hundred fifty", "two hundred and fifty": the hundreds and what follows them.
  const upTo999 = (at: number) => {
    const v = below100(m[at], m[at + 1], m[at + 2]);
    return m[at + 3] ? v * 100 + below100(m[at + 4], m[at + 5], m[at + 6]) : v;
  };
  // "Four and a half million", "forty-six and a half thousand".
  let value = upTo999(g) + (m[g + 7] ? 0.5 : 0);
  const scale = m[g + 8]?.toLowerCase();
  const times = scale ? (scale === 'dozen' ? 12 : SCALE[scale]) : 1;
  value *= times;
  // "Two thousand three hundred", "forty thousand and fifty".
  if (m[g + 9] || m[g + 11]) value += upTo999(g + 9);
  return { value, times: (m[g + 3] ? 100 : 1) * times };
}

/**
 * The counts in words of `text` ("Three people were killed", "more than twenty-five officers", "two million
 * passengers"): each the figure of the thing named right after it, as a figure in digits would be, so that "three
 * people" and "four people" are two counts (news style spells out small numbers), and "three people" is the "3 people"
 * of another report. Two figures joined by "or" or "to" ("two or three people", "two to three thousand protesters"),
 * or by "and" after "between", are a range's ends (`RANGE`), the scale of the second for both. Only with a thing
 * counted after it (a plural, or a measure: `countsThing`): a bare "the two of them" or "Two said" says no count of
 * anything. Not a name's part ("the Big Ten", "Jackson Five": a capital word after a capitalised one).
 */
function wordNumbersOf(text: string): { number: ClaimNumber; at: number }[] | null {
  if (!HAS_WORD_NUMBER.test(text)) return null;
  let out: { number: ClaimNumber; at: number }[] | null = null;
  WORD_NUMBER_RE.lastIndex = 0;
  for (let m; (m = WORD_NUMBER_RE.exec(text));) {
    const word = m[2] ?? m[4];
    const at = m.index + m[0].toLowerCase().indexOf(word.toLowerCase(), m[1] ? m[1].length : 0);
    if (/^\p{Lu}/u.test(word) && /\p{Lu}[\p{L}’'-]*\s+$/u.test(text.slice(Math.max(0, at - 30), at))) continue;
    let end = m.index + m[0].length;
    const decimals = DECIMAL_WORDS.exec(text.slice(end, end + 16));
    if (decimals) { WORD_NUMBER_RE.lastIndex = end + decimals[0].length; continue; }
    const first = wordFigure(m, 2);
    let qualifier = m[1] ? m[1].toLowerCase() : null;
    let second: { value: number; at: number } | null = null;
    const join = /^\s+(or|to|and)\s+/i.exec(text.slice(end, end + 8));
    // ("Rose from two to four percent" is a change, each figure read alone as figures in digits are, "anywhere from two to
    // four inches" a range; "and" joins a range only after "between".)
    const change = CHANGE_FROM.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (join && !change && (join[1].toLowerCase() !== 'and' || qualifier === 'between')) {
      WORD_FIGURE_AT.lastIndex = end + join[0].length;
      const n = WORD_FIGURE_AT.exec(text);
      if (n) {
        const high = wordFigure(n, 1);
        const low = first.times === 1 ? first.value * high.times : first.value;
        if (low < high.value) { first.value = low; second = { value: high.value, at: end + join[0].length }; end = WORD_FIGURE_AT.lastIndex; }
      }
    }
    WORD_NUMBER_RE.lastIndex = end;
    if (qualifier === 'between' && !second) qualifier = null;
    const rest = text.slice(end);
    let unit: string | null = PERCENT_AFTER.test(rest) ? 'percent' : null;
    if (!unit) {
      const match = unitAfter(rest), found = match?.[1].toLowerCase();
      const after = match ? rest.slice(match[0].length) : '';
      // The thing counted as a figure in digits has it (`headCounted`: "six hundred police officers" counts officers).
      if (found && countsThing(found) && !NOT_COUNTED.test(found)) unit = headCounted(found, after) ?? found;
      // Or a plural after one or two words that describe it ("two young children", "three presidential debates"), a
      // participle among them ("forty-seven alleged gang members", "three injured people"); not a verb's past before a
      // word of the sentence's grammar ("Two died after officers opened fire").
      else if (found && !NOT_UNITS.has(found) && !NOT_COUNTED.test(found) && !SAYING_VERBS.has(found) && !(VERB_ENDING.test(found) && !PAST_ENDING.test(found))) {
        const words = COUNTED_AFTER.exec(rest);
        if (PAST_ENDING.test(found)) unit = words && !CLAIM_STOP_WORDS.has(words[1]) ? headCounted(found, after) : null;
        else unit = words && (PLURAL.test(words[1]) ? words[1] : !PAST_ENDING.test(words[1]) && !NOT_UNITS.has(words[1]) && words[2] && PLURAL.test(words[2]) ? words[2] : null);
        if (unit && NOT_UNITS.has(unit)) unit = null;
      }
    }
    if (!unit) continue;
    if (second) (out ??= []).push({ number: { value: first.value, unit, qualifier: RANGE }, at }, { number: { value: second.value, unit, qualifier: RANGE }, at: second.at });
    else (out ??= []).push({ number: { value: first.value, unit, qualifier }, at });
  }
  return out;
}

/** `parseNumbers` with where each number's figure starts in `text`. */
function locateNumbers(text: string): { number: ClaimNumber; at: number }[] {
  const out: { number: ClaimNumber; at: number }[] = [];
  if (!hasAsciiDigit(text)) return out; // every number the pattern reads has a digit
  const tallies = talliesOf(text);
  const ranges = rangesOf(text, tallies);
  NUMBER_RE.lastIndex = 0;
  for (let m; (m = NUMBER_RE.exec(text));) {
    const raw = m[2];
    let value = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const figureAt = m.index + m[0].indexOf(raw);
    if (tallies?.has(figureAt)) {
      out.push({ number: { value, unit: TALLY, qualifier: null }, at: figureAt });
      NUMBER_RE.lastIndex = figureAt + raw.length;
      continue;
    }
    const end = ranges?.get(figureAt);
    if (end) {
      out.push({ number: end, at: figureAt });
      NUMBER_RE.lastIndex = figureAt + raw.length;
      continue;
    }
    const before = text.slice(Math.max(0, m.index - 12), m.index + (m[0].indexOf(raw)));
    const afterStart = m.index + m[0].indexOf(raw) + raw.length;
    const after = text.slice(afterStart, afterStart + 40);
    // Dates are events' business, not numeric facts: years, days of a month, times.
    if (isYear(raw, value) && !/^\s*(?:troops|people|soldiers)/.test(after)) continue;
    if (MONTH_BEFORE.test(before)) continue;
    // (A clock's "am" is a word of its own: "12 ambulances", "30 amendments" count things.)
    if (/^(?:\s*(?:(?:am|pm)\b|a\.m\.|p\.m\.)|:\d)/i.test(after)) continue;
    if (/\d-$/.test(before) || /^-\d/.test(after)) continue; // 2022-02-15: a date, not a count
    if (m[3]) value *= SCALE[m[3].toLowerCase()];
    const rest = text.slice(afterStart + (m[3] ? after.indexOf(m[3]) + m[3].length : 0));
    const unitMatch = unitAfter(rest);
    let unit: string | null = unitMatch && !NOT_UNITS.has(unitMatch[1].toLowerCase()) ? unitMatch[1].toLowerCase() : null;
    // (Not after a measure joined to the figure: "a 14-year-old daughter", "a 46-page analysis".)
    if (unit && unitMatch && rest[0] !== '-') unit = headCounted(unit, rest.slice(unitMatch[0].length)) ?? unit;
    // (The word "tally" after a lone figure names no tally's figure: `compared` pairs only a tally's two.)
    if (unit === TALLY) unit = null;
    // An ordinal ranks the thing named after it ("the 113th minute", "its 50th anniversary"): another rank of it in
    // another report ("the 103rd minute") is another figure of one thing, not a figure of nothing.
    if (!unit && !m[3]) {
      const ordinal = ORDINAL_AFTER.exec(rest);
      if (ordinal && !NOT_UNITS.has(ordinal[1])) unit = ordinal[1];
    }
    if (!unit && PERCENT_AFTER.test(rest)) unit = 'percent';
    if (!unit) unit = MEASURE_JOINED.exec(rest)?.[1] ?? null;
    // An amount of money counts its currency, whatever word follows ("a $14 million loan", "borrowed $14 million").
    const currency = CURRENCY[text[afterStart - raw.length - 1] ?? ''];
    if (currency) {
      unit = currency;
      // A scale abbreviated right after an amount ("£212m", "$1.5bn", "$300k"): "212 million pounds" in another report.
      const short = m[3] ? null : SCALE_SHORT.exec(text.slice(afterStart, afterStart + 4));
      if (short) value *= SCALE[SHORT_SCALES[short[1].toLowerCase()]];
    } else if (!m[3]) {
      // … or before a currency written out ("3.8m pounds", "2bn euros"): "£3.8 million" in another report. (Not a
      // lone "3.8m": metres.)
      const short = SCALE_SHORT.exec(text.slice(afterStart, afterStart + 4));
      const money = short ? MONEY_AFTER.exec(text.slice(afterStart + short[0].length, afterStart + short[0].length + 12)) : null;
      if (short && money && MONEY_UNITS.has(money[1].toLowerCase())) {
        value *= SCALE[SHORT_SCALES[short[1].toLowerCase()]];
        unit = money[1].toLowerCase();
      }
    }
    // A person's age set off after the name ("Crutcher, 40, was …", "Scott, 43 ― …") is the "40-year-old" of another report.
    if (!unit && !m[1] && !m[3] && /^\d{1,3}$/.test(raw) && /\p{Lu}[\p{L}.’'-]*,\s*$/u.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].indexOf(raw))) && /^\s*(?:,|[—–―]|\))/.test(after)) unit = 'year-old';
    out.push({ number: { value, unit, qualifier: m[1] ? m[1].toLowerCase() : null }, at: afterStart - raw.length });
    NUMBER_RE.lastIndex = afterStart;
  }
  return out;
}

/** The words of a figure's own units ("percent", "miles", "dollars"): no description of another thing counted. */
const NUMBER_UNIT_WORDS = new Set(NUMBER_UNITS.split(' '));
/** Singular nouns in "-is" and "-us" ("analysis", "crisis", "virus", "campus"), which `PLURAL` would take for plurals. */
const SINGULAR_IN_S = /(?:is|us)$/;
/** Words in "-s" that are no plurals: the lemma tables' ("news", "series", "diabetes", "politics") and diseases'. */
let NOT_PLURAL: Set<string> | null = null;
function notPlural(word: string): boolean {
  return (NOT_PLURAL ??= new Set([...S_WORDS.split('\n'), 'measles', 'mumps', 'rabies', 'herpes', 'shingles', 'rickets', 'species'])).has(word);
}
/** Bodies of people that also name one of their members' kind before it ("police officers", "staff members"). */
const COLLECTIVE: ReadonlySet<string> = new Set(['police', 'staff', 'personnel']);
/** The one or two lower-case words after the first word after a figure (`headCounted`). */
const WORDS_AFTER = /^\s+([a-z][a-z-]{2,})\b(?:\s+([a-z][a-z-]{2,})\b)?/;

/**
 * The thing a figure counts where the word right after it (`first`) only describes it: the plural one or two words on
 * ("24 league matches", "15 more suspected cases", "40 underperforming stores", "37 measles cases": a noun in "-s" that
 * is no plural describes too); null when `first` names it ("300 workers", "30 protesters hours after", "14 people
 * died", "5 percent", "41 degrees"). Another report writes "37 cases of measles" and "lost its last 6 matches": the
 * same thing counted.
 */
function headCounted(first: string, after: string): string | null {
  const words = WORDS_AFTER.exec(after);
  if (!words) return null;
  const noun = (w: string | undefined) => w !== undefined && PLURAL.test(w) && !SINGULAR_IN_S.test(w) && !NOT_UNITS.has(w) && !SAYING_VERBS.has(w) && !AFTER_TALLY.has(w);
  // A body of people named before its members ("600 police officers", "40 staff members"): the members are counted.
  if (COLLECTIVE.has(first) && noun(words[1])) return words[1];
  if (PLURAL.test(first) && !notPlural(first)) return null;
  if (SINGULAR_MEASURES.has(first) || NUMBER_UNIT_WORDS.has(first)) return null;
  if (noun(words[1])) return words[1];
  return !PAST_ENDING.test(words[1]) && !NOT_UNITS.has(words[1]) && noun(words[2]) ? words[2]! : null;
}

/** A qualifier before a currency sign ("nearly $1 billion"), which `NUMBER_RE` does not read: its qualifier stands right before the figure. */
const MONEY_QUALIFIED = new RegExp(String.raw`\b(${QUALIFIERS})\s+(?=[$£€]\d)`, 'gi');

/**
 * A claim's numbers (`parseNumbers(text)`) with the qualifier of an amount of money read before its currency sign
 * ("nearly $1 billion", "about $3 million"): the same array when there is none. (The claim's `numbers` keep what
 * `parseNumbers` gives; matching reads these, so that "nearly $1 billion" is the hedged figure "$916 million" is.)
 */
export function moneyQualified(text: string, numbers: readonly ClaimNumber[]): readonly ClaimNumber[] {
  if (!numbers.length || !/[$£€]/.test(text)) return numbers;
  let out: ClaimNumber[] | null = null;
  MONEY_QUALIFIED.lastIndex = 0;
  for (let m; (m = MONEY_QUALIFIED.exec(text));) {
    const figure = locateNumbers(text.slice(m.index + m[0].length - 1))[0]?.number;
    if (!figure || !figure.unit) continue;
    const k = numbers.findIndex((n, i) => !n.qualifier && n.unit === figure.unit && n.value === figure.value && !(out && out[i].qualifier));
    if (k < 0) continue;
    out ??= numbers.slice();
    out[k] = { ...numbers[k], qualifier: m[1].toLowerCase() };
  }
  return out ?? numbers;
}

const DIGIT = /[0-9]/;
const hasAsciiDigit = (text: string) => DIGIT.test(text);

/** What a claim extractor needs of a document, all offsets absolute. */
export interface ClaimInput {
  text: string;
  sentences: readonly Sentence[];
  quotes: readonly Quote[];
  entities: readonly Entity[];
  /** Spans that hold no claims: the headline, boilerplate, the second copy of a repeat. */
  excluded: readonly Span[];
}

/**
 * The claims of one document, in reading order, not yet linked to other documents.
 * A claim is one sentence with its final punctuation trimmed; it never spans two sentences.
 */
export function findClaims(ctx: AnalysisContext, input: ClaimInput): Claim[] {
  const { text, sentences, quotes, entities, excluded } = input;
  const claims: Claim[] = [];
  const memo = ctx.get(SENTENCE_CLAIMS);
  let qi = 0, ei = 0;
  // Excluded spans by start; with sentences in order, one pointer and the furthest end so far answer "overlaps any".
  const ex = excluded.length > 1 ? [...excluded].sort((a, b) => a.start - b.start) : excluded;
  let xi = 0, xEnd = -Infinity, lastEnd = -Infinity;
  const lines: LineCache = { start: -1, end: -1, free: false };
  for (const s of sentences) {
    if (s.end < lastEnd) { xi = 0; xEnd = -Infinity; } // out of order: start the sweep again
    lastEnd = s.end;
    while (xi < ex.length && ex[xi].start < s.end) xEnd = Math.max(xEnd, ex[xi++].end);
    if (xEnd > s.start) continue;
    while (qi < quotes.length && quotes[qi].end <= s.start) qi++;
    while (ei < entities.length && entities[ei].end <= s.start) ei++;
    // Whether its line is furniture depends on the text around it: decided here, outside the cache.
    if (lineIsFurniture(text, s, lines)) continue;
    let qEnd = qi, eEnd = ei;
    while (qEnd < quotes.length && quotes[qEnd].start < s.end) qEnd++;
    while (eEnd < entities.length && entities[eEnd].start < s.end) eEnd++;
    // A sentence's claim depends on its text, quotes and entities only: cached on them, relative to the sentence.
    const body = text.slice(s.start, s.end);
    let entry = memo.find(body, s.start, quotes, qi, qEnd, entities, ei, eEnd);
    if (entry === null) {
      const inQuotes = quotes.slice(qi, qEnd), inEntities = entities.slice(ei, eEnd);
      // (The entry keeps only the fields it is compared on, not the document's quote and entity objects.)
      entry = memo.add(body, {
        at: s.start,
        quotes: inQuotes.map(q => ({ start: q.start, end: q.end, partial: q.partial, speaker: q.speaker })),
        entities: inEntities.map(e => ({ start: e.start, end: e.end, type: e.type, canonical: e.canonical })),
        claims: sentenceClaims(text, s, inQuotes, inEntities),
        next: null,
      });
    }
    const by = s.start - entry.at;
    for (const c of entry.claims) {
      // (Written out rather than spread, in the order the spread gave: the JSON lists the fields in it.)
      claims.push({
        start: c.start + by, end: c.end + by, text: c.text, kind: c.kind, speaker: c.speaker, entities: c.entities, numbers: c.numbers,
        status: c.status, corroboratedBy: [], disputedBy: [], partlyCorroboratedBy: [], claimGroup: null, claimGroupSize: 1,
      });
    }
  }
  return claims;
}

/**
 * A sentence's claims as worked out once, placed at `at`, with the quotes and entities
 * (absolute offsets, placed at `at` too) they were worked out from; `next`: another
 * entry for the same sentence text with other quotes or entities.
 */
interface SentenceEntry { at: number; quotes: readonly KeptQuote[]; entities: readonly KeptEntity[]; claims: readonly Claim[]; next: SentenceEntry | null }
type KeptQuote = Pick<Quote, 'start' | 'end' | 'partial' | 'speaker'>;
type KeptEntity = Pick<Entity, 'start' | 'end' | 'type' | 'canonical'>;
/** Entries kept per sentence text (the same sentence with other quotes or entities); past that a new one is not kept. */
const ENTRIES_PER_TEXT = 8;

/**
 * The claims of sentences by their text, then by their quotes and entities relative to
 * the sentence (compared field by field, not joined into a key string). At most `limit`
 * sentence texts; past that the oldest is dropped.
 */
export class SentenceClaimMemo extends BoundedMemo<SentenceEntry> {
  /** The entry for sentence `body` at `at` with `quotes[q0, q1)` and `entities[e0, e1)`, or null. */
  find(body: string, at: number, quotes: readonly Quote[], q0: number, q1: number, entities: readonly Entity[], e0: number, e1: number): SentenceEntry | null {
    for (let entry = this.map.get(body) ?? null; entry !== null; entry = entry.next) {
      if (sameSpans(entry.quotes, at - entry.at, quotes, q0, q1, sameQuote) && sameSpans(entry.entities, at - entry.at, entities, e0, e1, sameEntity)) return entry;
    }
    return null;
  }

  /** Adds `entry` for sentence `body`, returned. */
  add(body: string, entry: SentenceEntry): SentenceEntry {
    const first = this.map.get(body);
    if (first !== undefined) {
      let n = 1;
      for (let e = first.next; e !== null; e = e.next) n++;
      if (n >= ENTRIES_PER_TEXT) return entry;
      entry.next = first.next;
      first.next = entry;
      return entry;
    }
    this.put(body, entry);
    return entry;
  }
}

/**
 * Whether `list[i0, i1)` placed at `at` are the spans the entry kept (`mine`, placed at the entry's `at`): the same
 * offsets relative to the sentence and the same fields by `same`.
 */
function sameSpans<M extends Span, T extends Span>(mine: readonly M[], by: number, list: readonly T[], i0: number, i1: number, same: (a: M, b: T) => boolean): boolean {
  if (mine.length !== i1 - i0) return false;
  for (let k = 0; k < mine.length; k++) {
    const a = mine[k], b = list[i0 + k];
    if (a.start + by !== b.start || a.end + by !== b.end || !same(a, b)) return false;
  }
  return true;
}

/** Quotes the same: partial or not, the same speaker. */
const sameQuote = (a: KeptQuote, b: Quote) => !a.partial === !b.partial && (a.speaker ?? null) === (b.speaker ?? null);
/** Entities the same: type and canonical name. */
const sameEntity = (a: KeptEntity, b: Entity) => a.type === b.type && a.canonical === b.canonical;

const SENTENCE_CLAIMS = new Slot('claims.sentences', () => new SentenceClaimMemo(200_000));

/** The claims of one sentence (absolute offsets): one per clause that asserts something. */
function sentenceClaims(text: string, s: Sentence, inQuotes: readonly Quote[], inEntities: readonly Entity[]): Claim[] {
  let end = s.end;
  for (let c; end > s.start && ((c = text.charCodeAt(end - 1)) === 46 || isSpace(c));) end--;
  const body = text.slice(s.start, end);
  if (!hasWordsWithLetters(body, 3) || endsInQuestion(text, s.start, s.end) && !/[“"]/.test(body)) return [];
  if (isFurniture(text, s, body)) return [];
  const out: Claim[] = [];
  // A sentence carrying a whole quotation stays one claim: the quote claim holds the quote and its attribution.
  const clauses = inQuotes.some(q => !q.partial) ? quotedSentences(text, s.start, end) : splitClauses(text, s.start, end, inQuotes);
  for (const clause of clauses) {
    const quotes = inQuotes.filter(q => q.start < clause.end && q.end > clause.start);
    const entities = inEntities.filter(e => e.start >= clause.start && e.end <= clause.end);
    const c = clauseClaim(text, clause, quotes, entities);
    if (c) out.push(c);
  }
  return out;
}

/** Where a quoted sentence may end: a mark, maybe a closing quote, then white space (what every cut of `quotedSentences` starts with). */
const MAY_CUT = /[.?!][”"’]?\s/u;

/**
 * A quotation of several sentences kept in one sentence by the sentence splitter ("“In the air. This is unbearable.”
 * she said") makes one claim per quoted sentence: a claim never spans two sentences. A full stop ends a sentence
 * after a lower-case word of two letters or more (not "Mr." or an initial); "?" and "!" always do.
 */
function quotedSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const body = text.slice(start, end);
  // (Every cut is a mark, maybe a closing quote, then white space: a body with none is one sentence.)
  if (!MAY_CUT.test(body)) return [{ start, end }];
  const re = /(?:\b\p{Ll}{2,}\.|[?!])[”"’]?\s+(?=[“"‘]?\p{Lu})/gu;
  let from = 0;
  for (let m; (m = re.exec(body));) {
    const cut = m.index + m[0].trimEnd().length;
    if (hasWordsWithLetters(body.slice(from, cut), 3) && hasWordsWithLetters(body.slice(m.index + m[0].length), 3)) {
      out.push({ start: start + from, end: start + cut });
      from = m.index + m[0].length;
    }
  }
  out.push({ start: start + from, end });
  return out;
}

/** The line (between line breaks) the last sentence asked about: the sentences of one long line find it once, not each again. */
interface LineCache { start: number; end: number; free: boolean }

function lineAround(text: string, s: Span, lines: LineCache): LineCache {
  // Inside a stretch with no line break in it, a sentence's line is that stretch.
  if (lines.free && lines.start <= s.start && s.end <= lines.end) return lines;
  lines.start = text.lastIndexOf('\n', s.start - 1) + 1;
  const end = text.indexOf('\n', s.end);
  lines.end = end < 0 ? text.length : end;
  const inner = text.indexOf('\n', lines.start);
  lines.free = inner < 0 || inner >= lines.end;
  return lines;
}

/** Lines that assert nothing, by their wording alone (tested as one alternation, in one scan; `isFurniture` says what each is). */
const EDITORS_NOTE = /^\s*(?:editor['’]s\s+note|clarification|correction|update|disclosure|note)\s*:/i;
const FOLLOW_ON = /\bfollow\s+(?:him|her|them|us|me)\s+on\s+(?:twitter|facebook|instagram)\b|(?:^|\s)@\w{2,}/i;
const FURNITURE_ANY = new RegExp([FURNITURE, EDITORS_NOTE, STOCK_LINE, FOLLOW_ON].map(re => `(?:${re.source})`).join('|'), 'i');
const BIO = /^[^,;“"]{0,60}\bis\s+(?:a|an|the)\s+[^,;.]{0,60}\b(?:columnist|correspondent|reporter|editor|writer|contributor|analyst|host)\s+(?:for|at|of|with)\b/i;
const ASIDE = /^\s*[([][^()[\]]*[)\]][.\s]*$/;
const LABEL = /^\s*[([]?[A-Z][A-Z’' ]{3,}:/;

/**
 * Lines that assert nothing: editors' notes, bylines and bios, "Follow … on Twitter", lead-ins ending in a colon, headline-like lines.
 * The words by FURNITURE (credits, "click here"), a pipe, EDITORS_NOTE, STOCK_LINE (nobody answered, nobody would comment),
 * FOLLOW_ON, a short BIO; a sentence ending in a colon; an ASIDE in brackets ("(WARNING: Video contains graphic images.)")
 * or under a capitalised LABEL ("CORRECTION: …").
 */
function isFurniture(text: string, s: Sentence, body: string): boolean {
  if (body.includes('|') || FURNITURE_ANY.test(body)) return true;
  if (body.length < 200 && BIO.test(body)) return true;
  const last = lastNonSpace(text, s.start, s.end);
  if (last >= 0 && text.charCodeAt(last) === 58 /* : */) return true;
  const first = firstNonSpace(text, s.start, s.end);
  if (first >= 0 && (text.charCodeAt(first) === 40 || text.charCodeAt(first) === 91) && ASIDE.test(text.slice(s.start, s.end))) return true;
  return LABEL.test(body);
}

/** Where the last character of `text[from, to)` that is not white space is, else -1. */
function lastNonSpace(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && isSpace(text.charCodeAt(i))) i--;
  return i >= from ? i : -1;
}

/** Where the first character of `text[from, to)` that is not white space is, else -1. */
function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i < to ? i : -1;
}

/** Whether `text[from, to)` ends in a question mark, maybe before a closing quote mark, then white space (`/\?[”"’]?\s*$/`). */
export function endsInQuestion(text: string, from: number, to: number): boolean {
  const i = lastNonSpace(text, from, to);
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if (c === 63) return true;
  return (c === 0x201d || c === 34 || c === 0x2019) && i - 1 >= from && text.charCodeAt(i - 1) === 63;
}

/** Whether the last character of `text[from, to)` that is not white space closes a sentence (`/[.!?”"’)]\s*$/`). */
export function endsClosed(text: string, from: number, to: number): boolean {
  const i = lastNonSpace(text, from, to);
  if (i < 0) return false;
  switch (text.charCodeAt(i)) {
    case 46: case 33: case 63: case 0x201d: case 34: case 0x2019: case 41: return true;
    default: return false;
  }
}

/** A sentence on a line that asserts nothing: a print-edition teaser's line, or a line of its own without closing punctuation. */
function lineIsFurniture(text: string, s: Span, lines: LineCache): boolean {
  const { start: lineStart, end: lineEnd } = lineAround(text, s, lines);
  // A teaser pointing to a page of the print edition ("… toward black residents.  A6.").
  // (Read at the line's end only: the line can be a whole long paragraph, and every sentence of it asks.)
  let tail = lineEnd;
  while (tail > lineStart && isSpace(text.charCodeAt(tail - 1))) tail--;
  if (/\s[A-H]\d{1,2}\.?$/.test(text.slice(Math.max(lineStart, tail - 6), tail))) return true;
  // A line of its own with no closing punctuation: a headline, a caption or a link label.
  if (isBlank(text, lineStart, s.start) && isBlank(text, s.end, lineEnd) && !endsClosed(text, s.start, s.end)) return true;
  return false;
}

/** The claim of one clause `span` (absolute offsets), or null. */
function clauseClaim(text: string, span0: Span, inQuotes: readonly Quote[], inEntities: readonly Entity[]): Claim | null {
  const s = span0;
  const end = s.end;
  const body = text.slice(s.start, end);
  if (!hasWordsWithLetters(body, 3)) return null;

  const located = locateNumbers(body);
  const numbers = located.map(n => n.number);
  const direct = inQuotes.find(q => !q.partial) ?? inQuotes[0];
  let kind: ClaimKind;
  let speaker: string | null = null;
  const unquoted = stripQuotes(body, s.start, inQuotes);
  let reportedMemo: boolean | undefined;
  const reported = () => (reportedMemo ??= REPORTED_RE.test(unquoted));
  if (direct && (!direct.partial || reported())) {
    kind = 'quote';
    speaker = direct.speaker;
  } else if (reported() && (speaker = reportedSpeaker(text, s, inEntities)) !== null) {
    kind = 'reported';
  } else if (numbers.length) {
    kind = 'numeric';
  } else if ((inEntities.length >= 2 || inEntities.some(e => e.type === 'DATE')) && EVENT_VERB.test(unquoted)) {
    kind = 'event';
  } else if (inEntities.some(e => e.type !== 'NUMBER' && e.type !== 'DATE') || hasContentWords(unquoted, 5)) {
    kind = 'statement';
  } else return null;
  if (kind === 'quote' && !speaker && direct?.speaker === null && reported()) {
    speaker = reportedSpeaker(text, s, inEntities);
  }
  let span: Span = { start: s.start, end };
  // A numeric fact is the clause that holds its number, not the framing around it.
  if (kind === 'numeric') span = clauseAround(text, s.start, end, s.start + located[0].at);
  const inSpan = span.start === s.start && span.end === end ? inEntities : inEntities.filter(e => e.start >= span.start && e.end <= span.end);
  // The names, each once, in order of first mention.
  const names: string[] = [];
  for (const e of inSpan) if (e.type !== 'NUMBER' && e.type !== 'DATE' && !names.includes(e.canonical)) names.push(e.canonical);
  const claimText = text.slice(span.start, span.end);
  return {
    start: span.start, end: span.end, text: claimText, kind, speaker,
    entities: names, numbers: claimText === body ? withWordNumbers(body, located) : parseNumbers(claimText), status: 'unique', corroboratedBy: [], disputedBy: [],
  };
}

/**
 * Whether `body` holds at least `n` white-space-separated words with a letter in them
 * (what `body.split(/\s+/).filter(w => /\p{L}/u.test(w)).length >= n` says), without the arrays.
 */
export function hasWordsWithLetters(body: string, n: number): boolean {
  let count = 0, letter = false;
  for (let i = 0; i < body.length; i++) {
    const k = classAt(body, i);
    if (k & SPACE) {
      if (letter && ++count >= n) return true;
      letter = false;
    } else if (k & LETTER) letter = true;
  }
  if (letter) count++;
  return count >= n;
}

function stripQuotes(body: string, offset: number, quotes: readonly Quote[]): string {
  let out = body;
  for (const q of quotes) {
    const a = Math.max(0, q.start - offset), b = Math.min(body.length, q.end - offset);
    if (b > a) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}

/**
 * An appositive set off by commas right before a reporting verb: a description opening with a determiner, a possessive,
 * a lower-case word ("spokesman for the Interior Ministry", wire style) or "who" ("who heads the agency"); a role after
 * the capitalised words of its body ("Interior Ministry spokesman"); a party and state ("D-Ohio").
 */
const APPOSITIVE_BEFORE = /,\s+(?:(?:(?:the|a|an|its|his|her|their|who)\s|\p{Ll}[\p{Ll}-]*\s|\p{Lu}[\p{L}.-]*['’]s\s)[^,;:“”"]{1,100}|(?:\p{Lu}[\p{L}.&-]*\s+){1,4}\p{Ll}[\p{Ll}-]*|[DRI]-\p{Lu}[\p{L}.]*),\s*$/u;

/** A passive's auxiliary right before a reporting verb ("Corran was denied bail"). */
const PASSIVE_REPORT = /\b(?:was|were|been|being)\s+$/i;

/** The last person, organisation or place ending at most 40 characters before `at`, with no sentence or quote mark between. */
function subjectEntity(text: string, entities: readonly Entity[], at: number): Entity | null {
  let best: Entity | null = null;
  for (const e of entities) {
    if ((e.type !== 'PERSON' && e.type !== 'ORG' && e.type !== 'PLACE') || e.end > at) continue;
    // A place after a preposition of place is where, not who ("Health officials in Carrow Valley confirmed", "in the
    // suburb of Lindal, police said"): the speaker is the noun before it, which is no name.
    if (e.type === 'PLACE' && PLACE_PREPOSITION.test(text.slice(Math.max(0, e.start - 12), e.start))) continue;
    const gap = text.slice(e.end, at);
    if (gap.length <= 40 && !/[.;:“”"]/.test(gap)) best = e;
  }
  return best;
}
/** A preposition of place (maybe with "the") right before a name. */
const PLACE_PREPOSITION = /\b(?:in|at|near|across|outside|inside|around|of)\s+(?:the\s+)?$/i;

/** What ends a report's words right before an inverted attribution: a comma, a closing quote mark or a dash. */
const INVERSION_BEFORE = /[,”"’—–-]\s*$/;

/** The person or organisation right before (or after, inverted) a reporting verb. */
function reportedSpeaker(text: string, s: Span, entities: readonly Entity[]): string | null {
  const re = REPORTED_ALL;
  re.lastIndex = 0;
  const sentence = text.slice(s.start, s.end);
  for (let m; (m = re.exec(sentence));) {
    const at = s.start + m.index;
    const verbEnd = at + m[0].length;
    // A passive ("Corran was denied bail", "were told to leave"): its subject reports nothing.
    if (PASSIVE_REPORT.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (/^according to$/i.test(m[0])) {
      const after = entities.find(e => e.start >= verbEnd && e.start - verbEnd <= 6 && (e.type === 'PERSON' || e.type === 'ORG'));
      if (after) return after.canonical;
      continue;
    }
    // Subject: the last person, organisation or country-as-actor ("Russia said")
    // ending within a few words before the verb; before an appositive set off right
    // before the verb, when one ends there ("John Smith, the Acme chief executive,
    // said", "Sergey Lavrov, Russia's foreign minister, said": the company and the
    // country describe the subject).
    const appositive = APPOSITIVE_BEFORE.exec(text.slice(Math.max(s.start, at - 120), at));
    const best = subjectEntity(text, entities, appositive ? at - appositive[0].length : at) ?? (appositive ? subjectEntity(text, entities, at) : null);
    if (best) return best.canonical;
    // Inverted: "…, said Lavrov". Only after what was said (a comma, a closing quote mark or a dash before the verb):
    // a name after a verb with its subject before it opens what was said ("observers say Scott deserves …").
    if (!INVERSION_BEFORE.test(sentence.slice(Math.max(0, m.index - 4), m.index))) continue;
    const after = entities.find(e => e.start >= verbEnd && e.start - verbEnd <= 2 && e.type === 'PERSON');
    if (after) return after.canonical;
  }
  return null;
}

// ---------- words ----------

const STOP = CLAIM_STOP_WORDS;

const DIGIT_GROUPS = { digitGroups: true };

/** Content words of a text: lower-cased letters and digits, stop words dropped, crude stems (how much a clause says). */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const word of wordsOf(text.toLowerCase(), 0, undefined, DIGIT_GROUPS)) {
    let w = word.replace(/,/g, '');
    if (STOP.has(w) || w.length < 2) continue;
    if (w.length > 4) w = w.replace(/(?:ing|ed|es|s)$/, '');
    out.push(w);
  }
  return out;
}

/**
 * Whether `contentWords(text)` holds at least `n` words, counted only as far as needed
 * (the stems do not change the count: only the stop words and one-letter words drop out).
 */
export function hasContentWords(text: string, n: number): boolean {
  if (n <= 0) return true;
  const lower = text.toLowerCase();
  const at: WordEnd = { end: 0, dotted: false };
  let count = 0;
  for (let s = nextWord(lower, 0, lower.length, at, DIGIT_GROUPS); s >= 0; s = nextWord(lower, at.end, lower.length, at, DIGIT_GROUPS)) {
    let w = lower.slice(s, at.end);
    if (w.includes(',')) w = w.replace(/,/g, '');
    if (STOP.has(w) || w.length < 2) continue;
    if (++count >= n) return true;
  }
  return false;
}

/** A claim's status from its links: any dispute makes it disputed. */
export function claimStatus(c: Pick<Claim, 'corroboratedBy' | 'disputedBy'>): ClaimStatus {
  return c.disputedBy.length ? 'disputed' : c.corroboratedBy.length ? 'corroborated' : 'unique';
}
