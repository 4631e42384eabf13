/**
 * Named entities: PERSON, ORG, PLACE, DATE, NUMBER, and MISC for nationalities and the like.
 *
 * One tokenising pass per sentence (tokenize.ts); dates and numbers by rule, first; then
 * names (PERSON, PLACE, ORG, MISC) by the sequence model of ner.ts, trained on the
 * CoNLL-2003 training split (weights in nerModel.ts, built by `npm run train:ner`), whose
 * features read the known-name tables of gazetteer.ts.
 */
import { WorkBudget } from '../limits';
import { isSpace } from '../text/chars';
import type { Entity, EntityType, Span } from '../types';
import {
  MONTHS, WEEKDAYS, NUMBER_UNITS, NUMBER_WORDS, LOWER_WORDS, FIRST_NAMES, FUNCTION_WORDS, YEAR_PREPS, AMBIGUOUS_MONTHS, MONTH_PREPS, DEMONYM_OF, ADJECTIVE_OF, TABLES, GAZ, HAND_TYPES, PLACE_PREPS, wordSet,
} from './gazetteer';
import { K_WORD, K_DATE, K_NUMBER, tokenize, isAllCaps, LOWER_START, PLAIN_NUMBER, YEAR, DECADE, ISO_DATE, DAY, HYPHEN_NUMBER } from './tokenize';
import type { Tok } from './tokenize';
import { buildLexicon, decodeModel, DecodeScratch, Featurizer, fromBase64, label, modelTokens, spansOf, TYPES, type Weights, type NerLexicon } from './ner';
import { NER_MODEL, NER_PLAIN_WORDS } from './nerModel';
import { unifyTypes } from './unify';

const titleCase = (w: string) => w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w;
/**
 * The number words' shapes: first letter, last letter (ASCII, either case) and length, so
 * that a word of another shape ("the", "Tuesday") is none without a lookup of the word.
 */
const NUMBER_SHAPES = new Uint8Array(128 * 128 * 32);
const shapeKey = (first: number, last: number, len: number) => ((first | 32) * 128 + (last | 32)) * 32 + (len > 31 ? 31 : len);
const NUMBER_ASCII = [...NUMBER_WORDS].every(w => /^[a-z]+$/.test(w));
for (const w of NUMBER_WORDS) if (NUMBER_ASCII) NUMBER_SHAPES[shapeKey(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length)] = 1;
const mayBeNumberWord = (w: string) => {
  if (!NUMBER_ASCII) return true; // a number word outside ASCII: no filter
  const c = w.charCodeAt(0), z = w.charCodeAt(w.length - 1);
  return c < 128 && z < 128 && NUMBER_SHAPES[shapeKey(c, z, w.length)] === 1;
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

/** The name model's weights and the lexicon its features read: constant once built. */
interface NameModel {
  weights: Weights;
  lexicon: NerLexicon;
}
let nameModel: NameModel | null = null;

/**
 * Decodes the committed weights (nerModel.ts) and builds the lexicon, on first use; both
 * are constant after (the one module-level value of the core: the bundled model, never
 * written to once built, so no corpus sees another's state through it).
 */
export function loadNameModel(): NameModel {
  if (!nameModel) {
    const weights = decodeModel(fromBase64(NER_MODEL));
    const lexicon = buildLexicon(TABLES, FIRST_NAMES, LOWER_WORDS, NER_PLAIN_WORDS.split(' '));
    nameModel = { weights, lexicon };
  }
  return nameModel;
}

/** What one call of findEntities decodes with: the model and scratch space. */
interface Decoder {
  weights: Weights;
  fz: Featurizer;
  scratch: DecodeScratch;
  labels: Uint8Array;
  /** Token objects `tokenize` fills in again for each sentence (none is kept past its sentence). */
  toks: Tok[];
}
/**
 * Scratch space for `findEntities`, kept by its caller (one per paragraph cache, so one
 * per corpus) and lent to each call: a call takes it and gives it back (a nested call
 * finds it empty and makes its own). Nothing read from it survives a call: every slot is
 * written before it is read. It saves a dozen typed arrays per paragraph, a fifth of the
 * stage's time.
 */
export class EntityScratch {
  decoder: Decoder | null = null;
}

/**
 * Names of one sentence [from, to) from the sequence model (ner.ts), then the product's
 * conventions where CoNLL's differ: hand-listed names keep their type ("Kremlin" ORG),
 * "Washington" the government is an ORG, a known name before a hyphen ("U.S.-led") is
 * one, and a lone common word opening a sentence or quote ("Humiliated") is none.
 */
function modelNames(out: Out, m: Decoder, toks: Tok[], from: number, to: number) {
  const words = modelTokens(out.text, toks);
  const n = words.length;
  if (m.labels.length < n) m.labels = new Uint8Array(2 * n);
  const allCaps = isAllCaps(out.text, from, to);
  m.fz.begin(out.text, words, from, to);
  label(m.fz, m.weights, n, allCaps, m.labels, m.scratch);
  let prevEnd = -1, prevType = -1, prevName = '';
  const name = (a: number, b: number, t: number, known: boolean) => {
    // A common word opening the sentence is not the start of a person's name glued to
    // it ("Said Ellis"), unless it is a first name ("Will Smith") or a known name.
    // A known one-word name ("Said", a surname) is a common word here when two name words follow it.
    while (a < b && TYPES[t] === 'PERSON' && words[a].initial && !FIRST_NAMES.has(words[a].w) && (b - a >= 2 || !GAZ.has(words[a].w)) && isCommonWord(words[a].w)) a++;
    // A title the model took into a name of two words or more ("Sen. Elizabeth Warren said" opening a sentence) stays
    // outside it, as any title does, and the name is then a person's (`HONORIFIC_BEFORE`, below).
    if (b - a >= 2 && TITLE_INSIDE.test(words[a].w)) {
      const skip = !words[a].w.endsWith('.') && words[a + 1].w === '.' ? 2 : 1;
      if (b - (a + skip) >= 1) a += skip;
    }
    // A name ends before an opening parenthesis: "Ellis (R-Ohio) said" names Ellis, and the party and state are no part
    // of it (the model ran the name into them, cut at the parenthesis).
    const s = words[a].s, open = out.text.indexOf('(', s), e = open > s && open < words[b].e ? out.text.slice(s, open).trimEnd().length + s : words[b].e;
    if (e <= s) return;
    const text = collapseSpaces(out.text.slice(s, e));
    if (a === b && words[a].initial && !GAZ.has(text) && isCommonWord(text)) return;
    const listed = text === 'Washington' ? washingtonType(words, a) : HAND_TYPES.get(text) ?? (known ? GAZ.get(text) : undefined);
    // A name right after a courtesy title or its abbreviation ("Dr. Helen Park", "Ms. Ana Hall") is a person's, whatever
    // its last word (the model reads "Helen Park" as a place or a body by its head).
    const type: EntityType = listed ?? (TYPES[t] !== 'PERSON' && TYPES[t] !== 'MISC' && b > a && HONORIFIC_BEFORE.test(out.text.slice(Math.max(0, s - 8), s)) ? 'PERSON' : TYPES[t]);
    let canonical: string | undefined;
    if (type === 'ORG') {
      // "Russian Defense Ministry" whether or not the adjective is inside the name; "Russia's Defense Ministry" too
      if (prevType === 3 && a > 0 && words[a - 1].e === prevEnd && words[a].joined && DEMONYM_OF.has(prevName)) canonical = `${prevName} ${text}`;
      else canonical = possessor(words, a, text);
    }
    emit(out, s, e, type, canonical ?? text);
    prevEnd = e; prevType = TYPES.indexOf(type); prevName = type === 'MISC' ? text : '';
  };
  spansOf(m.labels, n, (a, b, t) => {
    // CoNLL keeps "U.S.-led West" whole; the product names "U.S." and "West"
    for (let k = a; k < b; k++) {
      if (!hyphenTail(out.text, words[k])) continue;
      name(a, k, t, true);
      a = k + 1;
      while (a <= b && !words[a].cap) a++;
      if (a > b) return;
      k = a - 1;
    }
    name(a, b, t, false);
  });
  // "U.S.-led", "Kremlin-backed": a known name cut from a lower-case hyphen tail
  for (let i = 0; i < n; i++) {
    const t = words[i];
    if (m.labels[i] !== 0 || !t.cap || !hyphenTail(out.text, t)) continue;
    const type = GAZ.get(t.w);
    if (type) emit(out, t.s, t.e, type);
  }
}

/**
 * One name, one type (unify.ts): every rule per document, by the corpus; here, per
 * paragraph, only the lone-surname rule (the others cost more than they give in one paragraph).
 */
export { unifyTypes };
const PARAGRAPH = { majority: false, orgHeads: false };

/** Titles written short that stand before people's names only (not the military ranks: "Gen." may open "Gen. Motors"). */
const OFFICE_TITLES = 'Dr|Prof|Sen|Rep|Gov|Rev';
/** A title the model may run into a name (`modelNames`): an office's, not a courtesy one ("Mr. Obama" is read whole, and typed by the document's majority). */
const TITLE_INSIDE = new RegExp(`^(?:${OFFICE_TITLES})\\.?$`);
/**
 * A courtesy title, an office's, or their abbreviation right before a name of two words or more: only a person's
 * follows it. (Not before a one-word name, which the document's majority types better: "Mr. Obama" read so moved
 * polnear-dev's names the wrong way, docs/history.md round 45.)
 */
const HONORIFIC_BEFORE = new RegExp(`(?:^|[^\\p{L}.])(?:${OFFICE_TITLES}|Mr|Mrs|Ms|Mme)\\.?\\s+$|(?:^|[^\\p{L}])(?:Miss|Sir|Dame)\\s+$`, 'u');

/** A lower-case tail after a hyphen follows the word: "U.S.-led", "Kremlin-backed". */
const hyphenTail = (text: string, t: Tok) => text.charCodeAt(t.e) === 45 && LOWER_START.test(text.slice(t.e + 1, t.e + 2));

/** A word seen in lower case, or shaped like an adverb, participle or gerund. */
function isCommonWord(w: string): boolean {
  const lower = w.toLowerCase();
  if (LOWER_WORDS.has(lower)) return true;
  return w.length > 4 && (lower.endsWith('ly') || lower.endsWith('ing') || lower.endsWith('ed'));
}

const VERB_AFTER = wordSet('said says say has have had is was will would wants wanted warned warns accused accuses ' +
  'believes believed insists insisted rejected rejects responded responds kept keeps sent sends announced announces ' +
  'urged urges called calls demanded demands should could must may might did does threatened agreed refused');

/** "Washington" the US government (an actor) or the city (after "in", "to", a dateline). */
function washingtonType(toks: Tok[], a: number): EntityType {
  const p = a > 0 ? toks[a - 1] : null;
  const prev = p && p.kind === K_WORD && !p.cap && toks[a].joined ? p.w : '';
  if (PLACE_PREPS.has(prev) || prev === 'from' || prev === 'to' || prev === 'visit' || prev === 'visited') return 'PLACE';
  const next = a + 1 < toks.length ? toks[a + 1] : null;
  if (next && (next.w === 'D.C.' || next.w === 'DC' || next.w === 'state' || next.w === 'State')) return 'PLACE';
  if (toks[a].stop) return 'ORG'; // "Washington's position"
  if (next && next.joined && VERB_AFTER.has(next.w)) return 'ORG';
  if (prev === 'between' || prev === 'and' || prev === 'with' || prev === 'against' || prev === 'by' || prev === 'as') return 'ORG';
  return a === 0 || toks[a].initial ? 'ORG' : 'PLACE';
}

/** "Russia's Defense Ministry" -> "Russian Defense Ministry". */
function possessor(toks: Tok[], a: number, name: string): string | undefined {
  const p = a > 0 ? toks[a - 1] : null;
  if (!p || !p.stop || !toks[a].joined) return undefined;
  const adj = ADJECTIVE_OF.get(p.w);
  return adj ? `${adj} ${name}` : undefined;
}

const byStartLongestFirst = (x: Entity, y: Entity) => x.start - y.start || y.end - x.end;

/** Whether `list` is sorted by `byStartLongestFirst` (ties, which a stable sort keeps as they are, allowed). */
function inOrder(list: readonly Entity[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStartLongestFirst(list[i - 1], list[i]) > 0) return false;
  return true;
}

/**
 * Entities of one paragraph. `text` is the paragraph's text alone and `sentences` its
 * sentences, with offsets relative to it, so results can be cached per paragraph.
 * `canonical` is the mention's own name with titles stripped ("Foreign Minister
 * Sergey Lavrov" -> "Sergey Lavrov"); the corpus resolves it further.
 */
export function findEntities(text: string, sentences: readonly Span[], budget = new WorkBudget(text.length), scratch = new EntityScratch()): Entity[] {
  const out: Out = { text, list: [] };
  let decoder = scratch.decoder;
  scratch.decoder = null;
  if (!decoder) {
    const model = loadNameModel();
    decoder = { weights: model.weights, fz: new Featurizer(model.lexicon), scratch: new DecodeScratch(), labels: new Uint8Array(64), toks: [] };
  }
  const spans = sentences.length ? sentences : text.length ? [{ start: 0, end: text.length }] : [];
  for (const sent of spans) {
    if (!budget.spend(sent.end - sent.start)) break;
    const toks = tokenize(text, sent.start, sent.end, decoder.toks);
    if (!toks.length) continue;
    datesAndNumbers(out, toks);
    modelNames(out, decoder, toks, sent.start, sent.end);
  }
  scratch.decoder = decoder;
  // (unifyTypes gives back `out.list` or a new array: either is this call's own to sort.)
  const list = unifyTypes(out.list, PARAGRAPH) as Entity[];
  // (Mostly found in order already: sorted only when not.)
  if (!inOrder(list)) list.sort(byStartLongestFirst);
  // Never overlapping: keep the first (longest) of any overlap.
  const kept: Entity[] = [];
  for (const ent of list) if (!kept.length || ent.start >= kept[kept.length - 1].end) kept.push(ent);
  return kept;
}
