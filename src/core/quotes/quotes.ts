/**
 * Direct quotes and their speakers.
 *
 * Two passes, both linear in the document length:
 *  1. `scanQuotes` finds quoted segments from the marks alone: curly and straight
 *     double marks (and `''` pairs), single marks only outside double ones and only
 *     as a pair, so apostrophes (don’t, Russia’s, '90s) never count. A quote whose
 *     paragraph ends open and whose next paragraph starts with an opening mark goes
 *     on across the break (news convention). Malformed marks give `uncertain` spans.
 *     Uncertain: a quote left open at its paragraph's end, a closing curly mark with
 *     no opening one (the span is guessed back to its sentence start), or a quote
 *     opened straight and closed curly (or the reverse).
 *  2. Each quote gets a speaker from the words around it, in this order: a label
 *     inside it ("PENCE: …"); a cue right after it ("…,” Lavrov said", "…,” said
 *     the ministry’s spokesman, Jane Doe", "― Name"); the attribution of the part
 *     it continues (“…,” he said. “…” share a `group`); the nearest cue before it in
 *     its sentence ("Stoltenberg said: “…”", "according to the Guardian"); a
 *     headline's "Name: …" or "Name Says …"; a cue later in the sentence; the
 *     subject of the narrator's clause ("Clinton cited … as “…”"); the voice of the
 *     quote just before; the subject of a cue in the sentence before. Participle
 *     cues ("telling Sky News") name the clause's subject, not their object.
 *     Pronouns resolve to the last person of a compatible gender named as a
 *     speaker, as a subject or with a title. Names lose their titles and take the
 *     fullest form the document (or its entities) holds; "the ministry" becomes
 *     the last organisation so headed, "Russia’s foreign minister" the person the
 *     document titles so. Quotes of capitalised words with no speaker and not in a
 *     headline are names of works ("Fox News Sunday") and are left out.
 *
 * `speakerMention` is the span of the words naming the speaker here; for a pronoun
 * it is the pronoun itself (the speaker field carries the resolved name).
 */
import { type AnalysisContext, Memo, memoSlot, Slot } from '../text/memo';
import type { Entity, Quote, Sentence, SpeakerType, Span } from '../types';

// ---------------------------------------------------------------------------
// Pass 1: quote marks
// ---------------------------------------------------------------------------

/** A raw quoted segment, marks included. */
export interface RawQuote extends Span {
  uncertain: boolean;
}

const isWs = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
/** Characters after which a mark opens a quote. */
const OPENS_AFTER = new Set([...' \t\n\r\u00a0([{—–-/“‘"\'']);
/** Characters before which a mark closes a quote. */
const CLOSES_BEFORE = new Set([...' \t\n\r\u00a0.,;:!?)]}—–-/…”’"\'']);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Quoted segments of `text`, in document order, non-overlapping (nested quotes stay
 * inside their outer one).
 */
export function scanQuotes(text: string): RawQuote[] {
  const out: RawQuote[] = [];
  // Open double marks: position and whether the mark was straight.
  const stack: { pos: number; straight: boolean }[] = [];
  let nestedEnd = -1; // end of the last nested quote closed inside the outer one
  let single = -1; // an open top-level single quote
  let carried = false; // a paragraph ended with a double quote open
  let lineHasText = false;
  let lastEnd = 0; // end of the last emitted quote or paragraph start, for orphan closers
  let lineStart = 0;
  let quoteLineEnd = 0; // end of the last line holding the open quote's words

  const closeUnclosed = (end: number) => {
    // An outer quote never closed: keep it up to its last nested closing mark, else
    // up to the end of its paragraph, as an uncertain span.
    if (!stack.length) return;
    const start = stack[0].pos;
    let e = nestedEnd > start ? nestedEnd : end;
    while (e > start + 1 && isWs(text[e - 1])) e--;
    if (e > start + 1) out.push({ start, end: e, uncertain: true });
    lastEnd = e;
    stack.length = 0;
  };

  for (let i = 0; i < text.length; i++) {
    const cc = text.charCodeAt(i);
    // Most characters only show the line holds text: not white space, a mark or '<'.
    if (cc > 39 && cc !== 60 && cc !== 0xa0 && (cc < 0x2018 || cc > 0x201d)) { lineHasText = true; continue; }
    if (cc === 32 || cc === 9) continue; // white space changes nothing
    const c = text[i];
    if (c === '\n' || c === '\r') {
      const lineBreak = i;
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (carried && lineHasText && stack.length) closeUnclosed(quoteLineEnd);
      if (stack.length && lineHasText) { carried = true; quoteLineEnd = lineBreak; }
      single = -1;
      lineHasText = false;
      lineStart = i + 1;
      if (!stack.length) lastEnd = i + 1;
      continue;
    }
    if (c === '<' && /[a-z\/]/.test(text[i + 1] ?? '')) {
      // Embedded markup (<tweet id="…">) holds attribute quotes, not speech.
      const close = text.indexOf('>', i);
      const nl = text.indexOf('\n', i);
      if (close > 0 && (nl < 0 || close < nl) && close - i < 300) { i = close; continue; }
    }
    if (!isWs(c)) lineHasText = true;
    const isDouble = c === '“' || c === '”' || c === '"' || (c === "'" && text[i + 1] === "'");
    if (isDouble) {
      const width = c === "'" ? 2 : 1;
      const before = i > 0 ? text[i - 1] : '\n';
      const after = i + width < text.length ? text[i + width] : '\n';
      const mayOpen = OPENS_AFTER.has(before), mayClose = CLOSES_BEFORE.has(after);
      let open: boolean;
      if (mayOpen && !mayClose) open = true;
      else if (mayClose && !mayOpen) open = false;
      else if (c === '“') open = true;
      else if (c === '”') open = false;
      else open = stack.length === 0;
      if (after === '\n' || after === '\r') open = false;
      if (carried) {
        carried = false;
        const blankBefore = text.slice(lineStart, i).trim() === '';
        if (open && blankBefore) { i += width - 1; continue; } // the continuation mark
        if (open) closeUnclosed(quoteLineEnd);
      }
      const straight = c !== '“' && c !== '”';
      if (open) {
        if (!stack.length) nestedEnd = -1;
        stack.push({ pos: i, straight });
        single = -1;
      } else if (stack.length) {
        const o = stack.pop()!;
        if (!stack.length) {
          out.push({ start: o.pos, end: i + width, uncertain: o.straight !== straight });
          lastEnd = i + width;
        } else {
          nestedEnd = i + width;
        }
      } else if (c === '”') {
        // A closing curly mark with nothing open: the opening was lost. Guess the
        // quote started at the sentence start after the last quote, as an uncertain span.
        const start = orphanStart(text, lastEnd, i);
        if (start < i && /[\p{L}\p{N}]/u.test(text.slice(start, i))) {
          out.push({ start, end: i + 1, uncertain: true });
          lastEnd = i + 1;
        }
      }
      i += width - 1;
    } else if (!stack.length && (c === '‘' || c === "'" || c === '’')) {
      const before = i > 0 ? text[i - 1] : '\n';
      const after = text[i + 1];
      if (c !== '’' && OPENS_AFTER.has(before) && isWordChar(after) && !/^\d\ds\b/.test(text.slice(i + 1, i + 5))) single = i;
      else if (c !== '‘' && single >= 0 && !OPENS_AFTER.has(before) && (after === undefined || CLOSES_BEFORE.has(after))) {
        out.push({ start: single, end: i + 1, uncertain: false });
        lastEnd = i + 1;
        single = -1;
      }
    }
  }
  closeUnclosed(carried && lineHasText ? quoteLineEnd : text.length);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Where a quote closed at `close` with no opening mark most likely began. */
function orphanStart(text: string, from: number, close: number): number {
  let s = from;
  for (let j = close - 1; j >= from; j--) {
    const ch = text[j];
    if (ch === '\n') { s = j + 1; break; }
    if ((ch === '.' || ch === '!' || ch === '?') && j < close - 2 && isWs(text[j + 1])) { s = j + 1; break; }
  }
  while (s < close && isWs(text[s])) s++;
  return s;
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/** All forms of regular verbs ("note" -> note, notes, noted, noting); "a/b/c" lists forms. */
function forms(list: string, pastOnly = false): string[] {
  const out: string[] = [];
  for (const entry of list.split(/\s+/).filter(Boolean)) {
    if (entry.includes('/')) { out.push(...entry.split('/')); continue; }
    const base = entry;
    const stem = base.endsWith('e') ? base.slice(0, -1) : base;
    const ed = base.endsWith('e') ? base + 'd' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base + 'ed';
    const s = /(s|sh|ch|x)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's';
    if (pastOnly) out.push(ed, stem + 'ing');
    else out.push(base, s, ed, stem + 'ing');
  }
  return out;
}

/** Reporting verbs. Those that double as nouns ("a remark", "claims") count only as -ed/-ing forms. */
const CUES = new Set([
  ...forms(`say/says/said/saying tell/tells/told/telling write/writes/wrote/writing
    add ask explain declare argue insist warn recall acknowledge admit announce suggest urge respond conclude joke
    quip predict complain stress emphasize emphasise observe exclaim shout yell testify boast concede caution lament
    contend assert mention muse scoff retort reiterate confirm allege recount proclaim grumble tout
    speak/speaks/spoke/speaking chime/chimes/chimed/chiming demand`),
  ...forms(`remark report post tweet call point echo charge claim answer counter state note reply promise vow pledge
    repeat continue describe blast sigh thunder wonder interject`, true),
  'snapped', 'dubbed', 'accused', 'accusing', 'reports', 'notes',
]);

const PRONOUNS: Record<string, 'm' | 'f' | 'p' | 'x'> = { he: 'm', she: 'f', they: 'p', i: 'x', we: 'p' };

/** Words that precede a name as titles or descriptions, stripped from speaker names. */
const TITLES = new Set(`president vice minister foreign secretary general gen gen. sen sen. sens. senator rep rep. reps.
  representative gov gov. governor mayor chancellor prime premier chairman chairwoman chair speaker leader majority
  minority whip spokesman spokeswoman spokesperson press deputy chief director ambassador judge justice dr dr. mr mr.
  mrs mrs. ms ms. miss prof prof. professor rev rev. sir lady lord queen king prince princess pope sgt sgt. lt lt. col
  col. capt capt. adm adm. maj maj. attorney former candidate nominee commissioner officer coach ceo founder sheriff
  secretary-general vice-president state defense defence interior treasury homeland security national democratic
  republican gop congressman congresswoman councilman councilwoman assemblyman assemblywoman del del.
  superintendent detective inspector pastor father sister brother bishop cardinal rabbi imam sheikh emir lieutenant
  colonel major captain admiral sergeant corporal private executive managing associate assistant principal
  u.s. us american russian ukrainian british german french norwegian chinese israeli iranian indian polish italian
  canadian mexican japanese korean syrian iraqi afghan turkish european estonian egyptian saudi
  villager resident host anchor correspondent analyst activist retired widow`.split(/\s+/));

/** Heads that make a capitalised name an organisation. */
const ORG_WORDS = new Set(`ministry house department kremlin pentagon committee council agency party campaign times post
  news journal guardian reuters press commission office administration government bureau institute university union
  association foundation corp corp. inc inc. company court senate congress army police navy nato un fbi cia cnn msnbc
  fox abc nbc cbs bbc network group center centre coalition board service services embassy parliament duma cabinet
  federation league organization organisation bank fund club caucus command tribune herald globe politico
  magazine channel politifact poll watch project alliance republicans democrats`.split(/\s+/));

/** Capitalised words that never start or make a name on their own. */
const NOT_NAME = new Set(`the a an and but or so if when while as after before in on at of for to from by with this that
  these those it its his her their our my your we i he she they you there here then also yet still even just
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today yesterday tomorrow meanwhile however although though because
  according speaking asked during despite since until among under over following later earlier now instead only
  some many most both all every each other another no not what why how where who which without within through
  across against between about above around behind beyond into like near toward towards upon via once
  is are was were has have be been does did do editor’s editor's note update photo getty/instagram`.split(/\s+/));

const FEMALE = new Set(`hillary nancy elizabeth kamala maria liz karine tamara lyudmila anniken angela melania ivanka
  kellyanne sarah michelle huma donna debbie jill susan sue mary patricia jennifer linda barbara margaret lisa karen
  betty helen sandra ashley kimberly emily laura rebecca amy anna ann anne julie katie kate claire gwen loretta
  christina catherine kathleen kelly megyn sheryl condoleezza janet samantha ruth sonia elena nikki marsha
  kirsten tammy dianne heidi jeanne maxine sheila jane joan diane carly ivana chelsea tiffany omarosa
  martha ariana katrina paula rosa teresa irene natalia olga svetlana yulia ursula theresa marine frederica tulsi
  heather jessica stephanie nicole rachel hannah emma olivia sophia grace alice madam marcia doris terry`.split(/\s+/));
const MALE = new Set(`donald barack bill joe mike michael john james robert david richard thomas charles christopher
  daniel paul mark george steven kevin brian edward ronald anthony jason jeff jeffrey ryan gary eric stephen larry
  scott frank ted bernie tim mitch chris rudy newt reince sean corey jared rex jens olaf sergey vladimir dmitry
  volodymyr dmytro oleksiy zbigniew vadym boris emmanuel xi dick al marco rand ben jeb lindsey harry chuck`.split(/\s+/));

/** Words between a subject and its cue that do not change the subject. */
const SKIP = new Set(`also has had have was is were are then later once previously recently again further never
  repeatedly publicly privately reportedly would will could may might did does do not often first last earlier
  since now who`.split(/\s+/));
const DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|night|morning|afternoon|evening|week|month|year|weekend)$/i;
const SPEECH_NOUNS = new Set('claim claims statement statements remark remarks comment comments words assertion promise pledge tweet tweets message warning description argument allegation accusation vow'.split(' '));
const HEADLINE_VERBS = new Set('says say tells calls speaks sees rips slams blasts hits urges vows warns reveals defends accuses praises mocks admits denies insists claims hammers knocks touts asks'.split(' '));
const SUBORD = new Set('when as while because and but after before if since until who which that where whether though although so or'.split(' '));
const PREPOSITIONS = new Set('in on at of to from with by about for as into like than over under after before against between through during without'.split(' '));

interface Tok extends Span {
  w: string;
  lower: string;
  /** A reporting verb (`CUES`), looked up once. */
  cue: boolean;
}

const QUOTE_TOKEN = '\u0000q';
/** Words whose final full stop is part of them. */
const KEEP_DOT = /^(?:\p{L}\.)+$|^(?:mr|mrs|ms|dr|sen|sens|rep|reps|gov|gen|st|jr|sr|lt|col|capt|sgt|adm|maj|prof|rev|inc|corp|co|del|(?:[dri]-)?(?:ala|ariz|ark|calif|colo|conn|fla|ga|ill|ind|kan|ky|la|md|mass|mich|minn|miss|mo|mont|neb|nev|okla|ore|pa|tenn|tex|vt|va|wash|wis|wyo))\.$/iu;

const ALNUM = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, else 8 plus 1 (a letter or number), 2 (white space) or 0. */
const kindBmp = new Uint8Array(65536);

/** JavaScript's `\s` (white space and line ends). */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The character (code point) at `i`: 1 a letter or number, 2 white space, 0 anything
 * else; plus 4 when it takes two UTF-16 units. -1 past the end.
 */
function charAt(text: string, i: number): number {
  if (i >= text.length) return -1;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : isSpaceCode(c) ? 2 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if (cp <= 0xffff) return 0; // a lone surrogate
    return ALNUM.test(String.fromCodePoint(cp)) ? 5 : 4;
  }
  let k = kindBmp[c];
  if (k === 0) kindBmp[c] = k = 8 + (ALNUM.test(String.fromCharCode(c)) ? 1 : isSpaceCode(c) ? 2 : 0);
  return k - 8;
}

/** Characters that may stand inside a word: ’ ' . - & / */
const isInnerMark = (c: number) => c === 0x2019 || c === 39 || c === 46 || c === 45 || c === 38 || c === 47;

/**
 * End of the token starting at `s` (not white space). A hand-written scan of
 * `[\p{L}\p{N}][\p{L}\p{N}’'.\-&/]*[\p{L}\p{N}.]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]`:
 * a word runs over letters, numbers and inner marks and ends at its last letter,
 * number or full stop; any other character is a token of its own.
 */
export function tokenEnd(text: string, s: number): number {
  const k0 = charAt(text, s);
  const first = s + (k0 & 4 ? 2 : 1);
  if ((k0 & 3) !== 1) return first;
  let end = first;
  for (let j = first; ;) {
    const k = charAt(text, j);
    if ((k & 3) === 1) { j += k & 4 ? 2 : 1; end = j; continue; }
    const c = text.charCodeAt(j);
    if (k === 0 && isInnerMark(c)) { j++; if (c === 46) end = j; continue; }
    return end;
  }
}

/** Start of the first token at or after `pos` and before `to` (the first character not white space), else -1. */
export function tokenStart(text: string, pos: number, to: number): number {
  while (pos < to && charAt(text, pos) === 2) pos++;
  return pos < to ? pos : -1;
}

/** Starts with an ASCII lower-case letter. */
const isLowerAscii = (w: string) => { const c = w.charCodeAt(0); return c >= 97 && c <= 122; };
/** Every reporting verb starts so (checked once): other words skip the set lookup. */
const CUES_LOWER_ASCII = [...CUES].every(isLowerAscii);
const mayBeCue = (w: string) => !CUES_LOWER_ASCII || isLowerAscii(w);

/** Tokens of `text` in [pos, to), appended to `out`. */
function tokenizeRange(text: string, pos: number, to: number, out: Tok[]): void {
  while (pos < to) {
    const at = tokenStart(text, pos, to);
    if (at < 0) break;
    const full = tokenEnd(text, at);
    pos = full;
    const w = text.slice(at, full > to ? to : full);
    if (w.length > 1 && w.charCodeAt(w.length - 1) === 46 && !KEEP_DOT.test(w)) {
      const bare = w.slice(0, -1);
      out.push({ start: at, end: at + bare.length, w: bare, lower: bare.toLowerCase(), cue: mayBeCue(bare) && CUES.has(bare) });
      out.push({ start: at + bare.length, end: at + w.length, w: '.', lower: '.', cue: false });
    } else {
      const c0 = w.charCodeAt(0);
      out.push({ start: at, end: at + w.length, w, lower: c0 >= 97 && c0 <= 122 ? w : w.toLowerCase(), cue: mayBeCue(w) && CUES.has(w) });
    }
  }
}

/**
 * A line's tokens by the line's text, as last placed in a text (the line starting
 * at `at`): unchanged lines after an edit cost a lookup, and a line that has not
 * moved reuses the very objects (tokens are never written to).
 */
const LINE_TOKENS = memoSlot<{ at: number; toks: Tok[] }>('quotes.lineTokens', 100_000);

/**
 * Tokens of the whole text; each quoted span becomes one token (`QUOTE_TOKEN`).
 * No token crosses a line break, so a stretch of text that ends at one (or at the
 * text's end) is tokenised on its own, memoised; only a stretch ending where a
 * quote starts is scanned in place (a word may run into the quote mark there).
 */
function tokenize(ctx: AnalysisContext, text: string, quotes: readonly Span[]): Tok[] {
  const out: Tok[] = [];
  const lines = ctx.get(LINE_TOKENS);
  let pos = 0;
  for (let qi = 0; qi <= quotes.length; qi++) {
    const segEnd = qi < quotes.length ? quotes[qi].start : text.length;
    while (pos < segEnd) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl < 0 ? text.length : nl;
      if (lineEnd > segEnd) { tokenizeRange(text, pos, segEnd, out); break; }
      if (lineEnd > pos) {
        const from = pos;
        const line = lines.get(text.slice(pos, lineEnd), () => {
          // (No token crosses the line break, so the line is tokenised in place.)
          const toks: Tok[] = [];
          tokenizeRange(text, from, lineEnd, toks);
          return { at: from, toks };
        });
        if (line.at !== pos) {
          const by = pos - line.at;
          line.toks = line.toks.map(t => ({ start: t.start + by, end: t.end + by, w: t.w, lower: t.lower, cue: t.cue }));
          line.at = pos;
        }
        for (const t of line.toks) out.push(t);
      }
      pos = lineEnd + 1;
    }
    if (qi < quotes.length) {
      const q = quotes[qi];
      out.push({ start: q.start, end: q.end, w: QUOTE_TOKEN, lower: QUOTE_TOKEN, cue: false });
      pos = q.end;
    }
  }
  return out;
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  return false;
}

/** Index of the first token starting at or after `pos`. */
function tokenAt(toks: readonly Tok[], pos: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const UPPER_START = /^\p{Lu}/u;
/** Per BMP code unit above ASCII: 0 not yet known, 1 an upper-case letter, 2 not. */
const upperBmp = new Uint8Array(65536);
const upper = (t: Tok | undefined) => {
  if (!t) return false;
  const c = t.w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  if (c >= 0xd800 && c <= 0xdbff) return UPPER_START.test(t.w);
  let k = upperBmp[c];
  if (k === 0) upperBmp[c] = k = UPPER_START.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
};
const isTitle = (t: Tok | undefined) => !!t && upper(t) && TITLES.has(t.lower);
const isCap = (t: Tok | undefined) => !!t && upper(t) && !NOT_NAME.has(t.lower) && t.w !== QUOTE_TOKEN;
const isWord = (t: Tok | undefined) => !!t && (charAt(t.w, 0) & 3) === 1;
const possessive = (t: Tok) => /[’']s?$/.test(t.w) && t.w.length > 2;
/** Lower-case words allowed inside a person's name. */
const PARTICLES = new Set(['de', 'van', 'von', 'bin', 'al', 'la', 'le', 'da', 'del', 'der', 'du', 'ibn']);
/** A reporting verb (the set holds lower-case forms only, so "Says" in a headline is not one). */
const isCue = (t: Tok | undefined) => !!t && t.cue;
const ingCue = (t: Tok) => t.w.endsWith('ing');
const endsClause = (t: Tok) => t.w === '.' || t.w === ';' || t.w === '?' || t.w === '!';

// ---------------------------------------------------------------------------
// Speakers
// ---------------------------------------------------------------------------

interface Speaker {
  name: string;
  type: SpeakerType;
  mention: Span;
  /** A pronoun still to resolve. */
  pronoun?: 'm' | 'f' | 'p' | 'x';
}

/** A noun phrase found beside a cue. */
interface Phrase {
  toks: Tok[];
  kind: 'name' | 'pronoun' | 'desc';
}

/** A run of name words ending at token `j` (inclusive), walking backwards no further than `lo`. */
function nameRunBack(toks: readonly Tok[], j: number, lo: number): number {
  let s = j;
  while (s - 1 >= lo) {
    const p = toks[s - 1];
    if (isCap(p) || isTitle(p)) { s--; continue; }
    if ((p.lower === 'of' || PARTICLES.has(p.w)) && s - 2 >= lo && (isCap(toks[s - 2]) || isTitle(toks[s - 2]))) { s -= 2; continue; }
    if (p.lower === 'the' && toks[s - 2]?.lower === 'of' && s - 3 >= lo && isCap(toks[s - 3])) { s -= 3; continue; }
    break;
  }
  return s;
}

/** A run of name words starting at token `j`, walking forwards before `hi`. */
function nameRunForward(toks: readonly Tok[], j: number, hi: number): number {
  let e = j;
  while (e + 1 < hi) {
    const n = toks[e + 1];
    if (isCap(n) || isTitle(n)) { e++; continue; }
    if ((n.lower === 'of' || PARTICLES.has(n.w)) && e + 2 < hi && isCap(toks[e + 2])) { e += 2; continue; }
    break;
  }
  return e;
}

/** The subject phrase ending just before token `k`, walking backwards no further than `lo`. */
function subjectBefore(toks: readonly Tok[], k: number, lo: number, depth = 0): Phrase | null {
  let j = k - 1;
  for (let guard = 0; j >= lo && guard < 12; guard++) {
    const t = toks[j];
    if (SKIP.has(t.lower) || /^\p{Ll}+ly$/u.test(t.w) || DAYS.test(t.w)) { j--; continue; }
    if (/^(?:on|last|this|late|early)$/.test(t.lower) && DAYS.test(toks[j + 1]?.w ?? '')) { j--; continue; }
    if (t.w === ')') {
      let d = j - 1;
      while (d >= lo && toks[d].w !== '(' && j - d < 20) d--;
      if (d >= lo && toks[d].w === '(') { j = d - 1; continue; }
    }
    break;
  }
  if (j < lo) return null;
  const t = toks[j];
  // An appositive: "Sergey Lavrov, Russia’s foreign minister, said".
  if (t.w === ',' && depth === 0) {
    // The appositive may hold commas itself ("Johnnie Wilson, of Springfield, Va., said"):
    // the name heading the farthest comma wins.
    let best: Phrase | null = null;
    for (let d = j - 1; d > lo && j - d < 30; d--) {
      const w = toks[d].w;
      if (w === QUOTE_TOKEN || endsClause(toks[d])) break;
      if (w !== ',') continue;
      const head = subjectBefore(toks, d, lo, depth + 1);
      if (head && head.kind === 'name') best = head;
    }
    return best;
  }
  if (PRONOUNS[t.lower]) return { toks: [t], kind: 'pronoun' };
  if (isCap(t) || isTitle(t)) return { toks: toks.slice(nameRunBack(toks, j, lo), j + 1), kind: 'name' };
  if (/^\p{Ll}/u.test(t.w) && !isCue(t) && !PREPOSITIONS.has(t.lower) && !SUBORD.has(t.lower) && !NOT_NAME.has(t.lower)) {
    // A description: "a U.S. defense official", "the ministry", "Russia’s foreign minister".
    let s = j;
    while (s - 1 >= lo && j - s < 7) {
      const p = toks[s - 1];
      if (/^(?:a|an|the|one|another)$/.test(p.lower)) { s--; break; }
      if (!isWord(p) || isCue(p) || SKIP.has(p.lower) || PREPOSITIONS.has(p.lower) || /^(?:that|which|and|but|while|when|because|if)$/.test(p.lower)) break;
      s--;
      if (possessive(p) && upper(p)) {
        // The owner's whole name: "the White House’s".
        s = nameRunBack(toks, s, lo);
        if (toks[s - 1]?.lower === 'the' && s - 1 >= lo) s--;
        break;
      }
    }
    const first = toks[s];
    const headNoun = /^(?:official|officials|spokesman|spokeswoman|spokesperson|ministry|statement|campaign|police|aide|aides|source|sources|analyst|analysts|experts|expert|residents|critics|lawmakers|protesters|officers|report|authorities)$/;
    if (s === j && !headNoun.test(t.lower)) return null;
    if (!/^(?:a|an|the|one|another)$/.test(first.lower) && !possessive(first) && !/^\p{Ll}+s$/u.test(t.w)) return null;
    return { toks: toks.slice(s, j + 1), kind: 'desc' };
  }
  return null;
}

/** The phrase starting at token `k` after an inverted cue: "said Lavrov", "said the ministry’s spokesman, Jane Doe". */
function subjectAfter(toks: readonly Tok[], k: number, hi: number): Phrase | null {
  const j = k;
  if (j >= hi) return null;
  const t = toks[j];
  if (PRONOUNS[t.lower]) return { toks: [t], kind: 'pronoun' };
  if (isCap(t) || isTitle(t)) return { toks: toks.slice(j, nameRunForward(toks, j, hi) + 1), kind: 'name' };
  if (!/^(?:the|a|an|one)$/.test(t.lower) && isWord(t) && !isCue(t) && !PREPOSITIONS.has(t.lower) && !SUBORD.has(t.lower)) {
    // "said 9/11 widow Terry Strada", "said retired Air Force general Lloyd Newton".
    for (let d = j + 1; d < hi && d <= j + 4; d++) {
      const x = toks[d];
      if (isCap(x)) {
        const e = nameRunForward(toks, d, hi);
        if (e + 1 >= hi || !isWord(toks[e + 1])) return { toks: toks.slice(d, e + 1), kind: 'name' };
        break;
      }
      if (!isWord(x) || isCue(x) || PREPOSITIONS.has(x.lower) || SUBORD.has(x.lower)) break;
    }
  }
  if (t.lower === 'the' && isCap(toks[j + 1])) {
    // "according to the Guardian": a name after the article, when it is the whole phrase.
    const e = nameRunForward(toks, j + 1, hi);
    if (!possessive(toks[e]) && !(e + 1 < hi && /^\p{Ll}/u.test(toks[e + 1].w) && !PREPOSITIONS.has(toks[e + 1].lower) && !SUBORD.has(toks[e + 1].lower))) {
      return { toks: toks.slice(j + 1, e + 1), kind: 'name' };
    }
  }
  if (/^(?:the|a|an|one)$/.test(t.lower) || (possessive(t) && upper(t))) {
    let e = j;
    while (e + 1 < hi && e - j < 10) {
      const n = toks[e + 1];
      if (!isWord(n) || isCue(n) || PREPOSITIONS.has(n.lower) || /^(?:who|which|that)$/.test(n.lower)) break;
      e++;
    }
    // An appositive name: "said the White House’s chief deputy press secretary, Karine Jean-Pierre".
    if (toks[e + 1]?.w === ',' && isCap(toks[e + 2])) {
      const name = subjectAfter(toks, e + 2, hi);
      if (name && name.kind === 'name') return name;
    }
    if (e === j) return null;
    return { toks: toks.slice(j, e + 1), kind: 'desc' };
  }
  return null;
}

/** Strips titles from a capitalised run: "NATO Secretary General Jens Stoltenberg" -> "Jens Stoltenberg". */
function stripTitles(run: readonly Tok[]): { toks: Tok[]; org: boolean } {
  let words = run.filter(t => isWord(t));
  if (!words.length) return { toks: [], org: false };
  // "Gov. Earl Ray Tomblin of West Virginia" -> the part before "of" when it holds a name.
  const of = words.findIndex(t => t.lower === 'of');
  if (of > 0 && words.slice(0, of).some(t => !TITLES.has(t.lower) && !ORG_WORDS.has(t.lower))) {
    const left = words.slice(0, of);
    if (!ORG_WORDS.has(left[left.length - 1].lower)) words = left;
  }
  const bare = (t: Tok) => t.lower.replace(/[’']s?$/, '');
  const last = words[words.length - 1];
  if (ORG_WORDS.has(bare(last)) || words.length > 1 && words.every(t => ORG_WORDS.has(bare(t)) || TITLES.has(t.lower) || t.lower === 'of' || /^\p{Lu}+$/u.test(t.w))) {
    let s = 0;
    while (s < words.length - 1 && words[s].lower === 'the') s++;
    return { toks: words.slice(s), org: true };
  }
  let cut = -1;
  for (let i = 0; i < words.length - 1; i++) {
    const l = words[i].lower;
    if (TITLES.has(l) || ORG_WORDS.has(bare(words[i])) || possessive(words[i]) || l === 'of') cut = i;
  }
  return { toks: words.slice(cut + 1), org: false };
}

const nameText = (toks: readonly Tok[]) => toks.map(t => t.w.replace(/[’']s?$/, '')).join(' ');

// ---------------------------------------------------------------------------
// Document-level names
// ---------------------------------------------------------------------------

interface Person {
  name: string;
  pos: number;
  gender: 'm' | 'f' | null;
}

/** The document's names: fullest forms, genders, entities. */
class NameBook {
  /** Lower-cased single token -> fullest name holding it, and that name's word count (split on ' '). */
  private readonly byToken = new Map<string, { full: string; n: number }>();
  private readonly entities: Entity[];
  private readonly gender = new Map<string, 'm' | 'f'>();
  /** Head word of an organisation's name -> its mentions in order: "ministry" -> "Russian Defense Ministry". */
  private readonly orgHead = new Map<string, { pos: number; name: string }[]>();
  /** A title's words -> the people it precedes: "foreign minister" -> [{ run: "ukrainian foreign minister", name }]. */
  private readonly roles = new Map<string, { run: string; name: string }[]>();
  /** Words seen capitalised away from a sentence start: names, not just capitalised words. */
  private readonly inside = new Set<string>();

  constructor(ctx: AnalysisContext, text: string, toks: readonly Tok[], entities: readonly Entity[]) {
    const memo = ctx.get(NAME_MEMOS);
    // A "name" holding a conjunction or a comma is two names run together: not used.
    this.entities = entities.filter(e => (e.type === 'PERSON' || e.type === 'ORG') && !memo.twoNames.get(e.canonical, twoNames))
      .map(e => {
        if (e.type !== 'PERSON') return e;
        const canonical = memo.untitled.get(e.canonical, untitled);
        return canonical === e.canonical ? e : { ...e, canonical };
      })
      .sort((a, b) => a.start - b.start);
    // What each line teaches depends on its tokens alone (a run of name words never
    // crosses a line break): learnt per line, memoised on its text and quote marks,
    // and replayed in document order.
    for (let i = 0; i < toks.length;) {
      const base = toks[i].start;
      const le = text.indexOf('\n', base);
      const lineEnd = le < 0 ? text.length : le;
      let g = i + 1, marks = '';
      while (g < toks.length && toks[g].start < lineEnd) g++;
      for (let k = i; k < g; k++) if (toks[k].w === QUOTE_TOKEN) marks += `\u0000${toks[k].start - base}-${Math.min(toks[k].end, lineEnd) - base}`;
      const from = i;
      const learnt = memo.lineNames.get(text.slice(base, lineEnd) + marks, () => learnLine(text, toks, from, g));
      for (const w of learnt.inside) this.inside.add(w);
      for (const o of learnt.orgs) {
        const list = this.orgHead.get(o.head) ?? [];
        list.push({ pos: o.pos + base, name: o.name });
        this.orgHead.set(o.head, list);
      }
      for (const r of learnt.roles) {
        const list = this.roles.get(r.key) ?? [];
        list.push(r.entry);
        this.roles.set(r.key, list);
      }
      for (const t of learnt.names) {
        const prev = this.byToken.get(t.key);
        if (!prev || (prev.n < t.words && t.strong)) this.byToken.set(t.key, t.full);
      }
      for (const x of learnt.genders) this.gender.set(x.full, x.g);
      i = g;
    }
    for (const e of this.entities) {
      if (e.type !== 'PERSON') continue;
      const { keys, n } = memo.personParts.get(e.canonical, personParts);
      if (keys.length < 2) continue;
      for (const key of keys) {
        const prev = this.byToken.get(key);
        if (!prev || prev.n < keys.length) this.byToken.set(key, { full: e.canonical, n });
      }
    }
  }

  /** The organisation with this head word named last before `pos` (else first after it). */
  orgBefore(head: string, pos: number): string | undefined {
    const list = this.orgHead.get(head);
    if (!list) return undefined;
    let best = list[0].name;
    for (const o of list) { if (o.pos < pos) best = o.name; else break; }
    return best;
  }

  /**
   * The person a role names: "Russia’s foreign minister" -> the "Foreign Minister" of
   * the document whose title mentions Russia, else the only one with no country.
   */
  personForRole(words: readonly string[]): string | undefined {
    const owner = words.length > 2 && /[’']s$/.test(words[0]) ? words[0].slice(0, 4) : null;
    const role = words.slice(owner ? 1 : 0).filter(w => !/^(?:the|a|an)$/.test(w));
    for (let k = 0; k < role.length; k++) {
      const list = this.roles.get(role.slice(k).join(' '));
      if (!list || role.length - k < 1) continue;
      const names = new Set(list.map(x => x.name));
      if (owner) {
        const hit = list.find(x => x.run.split(' ').some(w => w.startsWith(owner)));
        if (hit) return hit.name;
        const bare = list.filter(x => x.run === role.slice(k).join(' '));
        if (new Set(bare.map(x => x.name)).size === 1) return bare[0].name;
      } else if (names.size === 1 && role.length - k >= 2) return list[0].name;
      return undefined;
    }
    return undefined;
  }

  seenInside(lower: string): boolean {
    return this.inside.has(lower);
  }

  /** A PERSON or ORG entity inside [start, end), if any (one reaching beyond the phrase names something else). */
  entityAt(start: number, end: number): Entity | null {
    let lo = 0, hi = this.entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entities[mid].end <= start) lo = mid + 1; else hi = mid;
    }
    // The head of "NATO Secretary General Jens Stoltenberg" is the person, not NATO.
    let best: Entity | null = null;
    for (let i = lo; i < this.entities.length && this.entities[i].start < end; i++) {
      const e = this.entities[i];
      if (e.start >= start && e.end <= end && (!best || e.type === 'PERSON' || best.type !== 'PERSON')) best = e;
    }
    return best;
  }

  /** The fullest form of a title-stripped name: "Lavrov" -> "Sergey Lavrov". */
  expand(name: string): string {
    const parts = name.split(' ');
    const lastWord = parts[parts.length - 1];
    const hit = this.byToken.get(lastWord.toLowerCase());
    if (!hit) return name;
    if (parts.length === 1) return hit.full;
    return hit.n > parts.length && hit.full.endsWith(lastWord) ? hit.full : name;
  }

  genderOf(name: string, run: readonly Tok[]): 'm' | 'f' | null {
    return this.gender.get(name) ?? genderOfWords(name.split(' ')[0].toLowerCase(), run);
  }
}

/** What one line teaches the name book, positions from the line's first token. */
interface LineNames {
  inside: string[];
  orgs: { head: string; pos: number; name: string }[];
  roles: { key: string; entry: { run: string; name: string } }[];
  /** `byToken` updates in order: set when the key is new, or when `strong` and the known name has fewer words than `words`. */
  names: { key: string; words: number; strong: boolean; full: { full: string; n: number } }[];
  genders: { full: string; g: 'm' | 'f' }[];
}

/**
 * Learns from tokens [lo, hi): those of one line, from `lo` (the first token after
 * a line break, or after a quote spanning one). Title-case lines (headlines)
 * capitalise every word: no names are learnt there.
 */
function learnLine(text: string, toks: readonly Tok[], lo: number, hi: number): LineNames {
  const out: LineNames = { inside: [], orgs: [], roles: [], names: [], genders: [] };
  if (headline(toks, lo, hi)) return out;
  const base = toks[lo].start;
  for (let i = lo; i < hi; i++) {
    if (!isCap(toks[i]) && !isTitle(toks[i])) continue;
    // (The token before the line's first one is across a break or is a quote: never "inside".)
    if (i > lo && !endsClause(toks[i - 1]) && toks[i - 1].w !== QUOTE_TOKEN && !hasBreak(text, toks[i - 1].end, toks[i].start) && !out.inside.includes(toks[i].lower)) out.inside.push(toks[i].lower);
    let e = i;
    while (e + 1 < hi && (isCap(toks[e + 1]) || isTitle(toks[e + 1])) && !hasBreak(text, toks[e].end, toks[e + 1].start)) e++;
    if (e === i) continue; // one word makes no full name
    const run = toks.slice(i, e + 1);
    i = e;
    const { toks: name, org } = stripTitles(run);
    if (org && name.length >= 2) out.orgs.push({ head: name[name.length - 1].lower, pos: name[0].start - base, name: nameText(name) });
    if (org || name.length < 2 || name.length > 4) continue;
    if (name.some((t, k) => ORG_WORDS.has(t.lower) || (possessive(t) && k < name.length - 1) || (/^\p{Lu}+$/u.test(t.w) && t.w.length > 1))) continue;
    const full = nameText(name);
    const entry = { full, n: full.split(' ').length };
    const titled = run.length > name.length;
    if (titled) {
      const words = run.slice(0, run.length - name.length).filter(isWord).map(t => t.lower.replace(/\.$/, ''));
      for (let k = Math.max(0, words.length - 3); k < words.length; k++) out.roles.push({ key: words.slice(k).join(' '), entry: { run: words.join(' '), name: full } });
    }
    const lastKey = name[name.length - 1].lower.replace(/[’']s?$/, '');
    for (const t of name) {
      const key = t.lower.replace(/[’']s?$/, '');
      out.names.push({ key, words: name.length, strong: titled || key === lastKey, full: entry });
    }
    const g = genderOfWords(name[0].lower, run);
    if (g) out.genders.push({ full, g });
  }
  return out;
}

/** A "name" holding a conjunction or a comma: two names run together. */
const twoNames = (canonical: string) => /\sand\s|[,;]/.test(canonical);
/** A PERSON canonical's lower-cased words (split on white space) and its word count split on ' ', as the name book learns them. */
const personParts = (canonical: string) => ({ keys: canonical.split(/\s+/).map(p => p.toLowerCase()), n: canonical.split(' ').length });
/** What a NameBook learns that depends on one text only: per line, per canonical name. */
const NAME_MEMOS = new Slot('quotes.names', () => ({
  lineNames: new Memo<LineNames>(100_000),
  twoNames: new Memo<boolean>(50_000),
  untitled: new Memo<string>(50_000),
  personParts: new Memo<{ keys: string[]; n: number }>(50_000),
}));

/** A person's name without leading titles: "Villager Lyudmila Nechvolod" -> "Lyudmila Nechvolod". */
function untitled(name: string): string {
  const words = name.split(' ');
  let s = 0;
  while (s < words.length - 1 && TITLES.has(words[s].toLowerCase())) s++;
  return s ? words.slice(s).join(' ') : name;
}

function genderOfWords(first: string, run: readonly Tok[]): 'm' | 'f' | null {
  if (run.some(t => /^(?:mrs|ms|miss)\.?$/.test(t.lower)) || FEMALE.has(first)) return 'f';
  if (run.some(t => /^mr\.?$/.test(t.lower)) || MALE.has(first)) return 'm';
  return null;
}

/** Turns a phrase into a speaker. */
function resolvePhrase(ph: Phrase, book: NameBook): Speaker {
  const span = { start: ph.toks[0].start, end: ph.toks[ph.toks.length - 1].end };
  if (ph.kind === 'pronoun') return { name: ph.toks[0].w, type: 'PERSON', mention: span, pronoun: PRONOUNS[ph.toks[0].lower] };
  const ent = book.entityAt(span.start, span.end);
  if (ent && (ph.kind === 'name' || ent.type === 'PERSON')) {
    const person = ent.type === 'PERSON';
    return { name: person ? book.expand(ent.canonical) : ent.canonical, type: person ? 'PERSON' : 'ORG', mention: { start: ent.start, end: ent.end } };
  }
  if (ph.kind === 'desc') {
    const words = ph.toks.filter(t => isWord(t));
    // "the ministry" is the organisation the document named in full.
    const org = words.length === 2 && words[0].lower === 'the' ? book.orgBefore(words[1].lower, span.start) : undefined;
    if (org) return { name: org, type: 'ORG', mention: span };
    const person = book.personForRole(words.map(t => t.lower));
    if (person) return { name: person, type: 'PERSON', mention: span };
    const name = words.map(t => t.w).join(' ').replace(/^(?:The|A|An)\b/, m => m.toLowerCase());
    return { name, type: 'DESCRIPTION', mention: span };
  }
  const { toks, org } = stripTitles(ph.toks);
  if (!toks.length) return { name: nameText(ph.toks), type: 'DESCRIPTION', mention: span };
  const mention = { start: toks[0].start, end: toks[toks.length - 1].end };
  const name = nameText(toks);
  if (org) return { name, type: 'ORG', mention };
  const full = book.expand(name);
  const person = full.includes(' ') || !(/^\p{Lu}+$/u.test(name) || /(?:ia|land|stan|ton)$/.test(name));
  return { name: full, type: person ? 'PERSON' : 'ORG', mention };
}

// ---------------------------------------------------------------------------
// Pass 2: attribution
// ---------------------------------------------------------------------------

interface Attribution {
  speaker: Speaker | null;
  cue: string | null;
  /** Token index just after the attribution words when they follow the quote, else -1. */
  after: number;
}

/** The cue phrase at a cue token: "told reporters", "telling Sky News"; else the verb alone. */
function cuePhrase(toks: readonly Tok[], k: number): string {
  const t = toks[k];
  const n = toks[k + 1];
  if (/^(?:told|tell|tells|telling)$/.test(t.lower) && n) {
    let e = -1;
    if (/^(?:reporters|journalists|supporters)$/i.test(n.w)) e = k + 1;
    else if (/^(?:the|his|her|their)$/i.test(n.w) && isWord(toks[k + 2])) e = k + 2;
    else if (isCap(n)) e = k + 1;
    if (e > 0) {
      while (isCap(toks[e + 1])) e++;
      return toks.slice(k, e + 1).map(x => x.w).join(' ');
    }
  }
  if (/^(?:pointed|pointing)$/.test(t.lower) && n?.lower === 'out') return `${t.w} out`;
  return t.w;
}

/** Attribution in the words right after a quote, tokens [lo, hi). */
function attributionAfter(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Attribution | null {
  let k = lo;
  while (k < hi && /^[,—–―-]$/.test(toks[k].w)) k++;
  if (k >= hi) return null;
  // "“…” ― Sonya Herridge": a dash and a name closing the line.
  if (k > lo && /^[—–―-]$/.test(toks[k - 1].w) && isCap(toks[k])) {
    const e = nameRunForward(toks, k, hi);
    if (e + 1 >= hi || endsClause(toks[e + 1])) {
      return { speaker: resolvePhrase({ toks: toks.slice(k, e + 1), kind: 'name' }, book), cue: null, after: e + 1 };
    }
  }
  if (isCue(toks[k]) && !ingCue(toks[k])) {
    const ph = subjectAfter(toks, skipTime(toks, k + 1, hi), hi);
    if (ph) return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, k), after: tokenAt(toks, ph.toks[ph.toks.length - 1].end) };
  }
  if (toks[k].lower === 'according' && toks[k + 1]?.lower === 'to') {
    const ph = subjectAfter(toks, k + 2, hi);
    if (ph) return { speaker: resolvePhrase(ph, book), cue: 'according to', after: tokenAt(toks, ph.toks[ph.toks.length - 1].end) };
  }
  // Subject then cue, within a few words: "“…,” Rep. Gwen Moore (D-Wis.) said Friday."
  let paren = 0;
  for (let c = k; c < hi && c < k + 20; c++) {
    const t = toks[c];
    if (t.w === '(') paren++;
    else if (t.w === ')') paren = Math.max(0, paren - 1);
    if (paren) continue;
    if (t.w === QUOTE_TOKEN || endsClause(t)) break;
    if (!isCue(t) || ingCue(t)) continue;
    const ph = subjectBefore(toks, c, k);
    // Words between the quote and the subject may be its title ("White House press
    // secretary Josh Earnest said"), not a new clause ("when Clinton blasted him").
    if (ph && toks.slice(k, tokenAt(toks, ph.toks[0].start)).every(x => !SUBORD.has(x.lower) && !endsClause(x) && x.w !== QUOTE_TOKEN)) {
      return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: c + 1 };
    }
    break;
  }
  return null;
}

function skipTime(toks: readonly Tok[], k: number, hi: number): number {
  let j = k;
  while (j < hi) {
    const t = toks[j];
    if (DAYS.test(t.w) || (/^(?:on|last|this|late|early|in|an|a)$/.test(t.lower) && DAYS.test(toks[j + 1]?.w ?? ''))) { j++; continue; }
    break;
  }
  return j;
}

/** Attribution in the words before a quote, tokens [lo, hi): "Stoltenberg said: “…”", "Lavrov said the troops were returning “…”". */
function attributionBefore(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Attribution | null {
  for (let c = hi - 1; c >= lo; c--) {
    const t = toks[c];
    if (t.lower === 'according' && toks[c + 1]?.lower === 'to') {
      const ph = subjectAfter(toks, c + 2, hi);
      if (ph) return { speaker: resolvePhrase(ph, book), cue: 'according to', after: -1 };
      continue;
    }
    if (SPEECH_NOUNS.has(t.lower) && c > lo && possessive(toks[c - 1]) && upper(toks[c - 1]) && !toks.slice(lo, c).some(isCue)) {
      // "Trump’s claim that there have been “…”".
      const s0 = nameRunBack(toks, c - 1, lo);
      return { speaker: resolvePhrase({ toks: toks.slice(s0, c), kind: 'name' }, book), cue: null, after: -1 };
    }
    if (!isCue(t)) continue;
    const ph = subjectBefore(toks, c, lo);
    if (ingCue(t)) {
      // "footage of Trump saying": a name right before the participle is its subject;
      // otherwise the clause's subject speaks ("Liz Truss …, telling Sky News it “…”").
      const adj = ph && (ph.toks[ph.toks.length - 1] === toks[c - 1] || (ph.toks[ph.toks.length - 1] === toks[c - 2] && /^(?:is|was|are|were|been)$/.test(toks[c - 1].lower)));
      if (ph && ph.kind !== 'pronoun' && adj) return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: -1 };
      continue;
    }
    if (ph) return { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: -1 };
    // Inverted before the quote: "Said Lavrov: “…”".
    const inv = subjectAfter(toks, skipTime(toks, c + 1, hi), hi);
    if (inv && inv.kind === 'name') return { speaker: resolvePhrase(inv, book), cue: t.w, after: -1 };
  }
  for (let c = lo; c < hi; c++) {
    if (!isCue(toks[c]) || !ingCue(toks[c])) continue;
    const sp = clauseSubject(toks, lo, c, book);
    if (sp) return { speaker: sp, cue: cuePhrase(toks, c), after: -1 };
  }
  return null;
}

/**
 * The subject of a narrator's clause: its first name (or pronoun) not inside a
 * prepositional phrase, followed by a verb-like word. "On Monday, Clinton cited … as “…”".
 */
function clauseSubject(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Speaker | null {
  for (let d = lo; d < hi; d++) {
    const t = toks[d];
    if (t.w === QUOTE_TOKEN) continue;
    const prev = d > lo ? toks[d - 1] : null;
    if (prev && (PREPOSITIONS.has(prev.lower) || possessive(prev) || (/^(?:the|a|an)$/.test(prev.lower) && d - 1 > lo && !endsClause(toks[d - 2])))) continue;
    if (/^(?:the|a|an)$/.test(t.lower) && (!prev || endsClause(prev) || prev.w === ',')) {
      // "The ministry did not say …", "the Indian embassy in Kyiv published …".
      let h = d + 1;
      while (h < hi && h - d <= 4 && isWord(toks[h]) && !ORG_WORDS.has(toks[h].lower)) h++;
      if (h < hi && ORG_WORDS.has(toks[h].lower) && toks.slice(d + 1, h).every(x => isWord(x) && !isCue(x))) {
        let n = h + 1;
        if (toks[n] && PREPOSITIONS.has(toks[n].lower) && isCap(toks[n + 1])) n = nameRunForward(toks, n + 1, hi) + 1;
        const v = toks[n];
        if (v && (/^\p{Ll}+(?:ed|s)$/u.test(v.w) || isCue(v) || /^(?:has|had|have|is|was|did|does|will|would)$/.test(v.w))) {
          const sp = resolvePhrase({ toks: toks.slice(d, h + 1), kind: upper(toks[h]) ? 'name' : 'desc' }, book);
          return sp.type === 'DESCRIPTION' ? { ...sp, name: sp.name.replace(/^The\b/, 'the') } : sp;
        }
      }
      continue;
    }
    if (PRONOUNS[t.lower] && t.lower !== 'i' && t.lower !== 'we') {
      const n = toks[d + 1];
      if (n && /^\p{Ll}/u.test(n.w)) return resolvePhrase({ toks: [t], kind: 'pronoun' }, book);
      continue;
    }
    if (!isCap(t) && !isTitle(t)) continue;
    const e = nameRunForward(toks, d, hi);
    let n = e + 1;
    if (toks[n]?.w === '(') { while (n < hi && toks[n].w !== ')') n++; n++; }
    if (toks[n]?.w === ',') {
      if (prev?.w === ',') n++; // the name is itself an appositive: "Another critic, Laurence H. Tribe, likened …"
      else {
        // An appositive after the name: "Scott Pruitt, the attorney general, said …".
        let m = n + 1;
        while (m < hi && toks[m].w !== ',' && m - n < 25) m++;
        if (m < hi && toks[m].w === ',') n = m + 1;
      }
    }
    while (n < hi && /^\p{Ll}+ly$/u.test(toks[n].w)) n++;
    const v = toks[n];
    const verbLike = !!v && ((n > e + 1 && /^\p{Ll}/u.test(v.w)) || (/^\p{Ll}+(?:ed|s)$/u.test(v.w) && !PREPOSITIONS.has(v.lower)) || isCue(v) ||
      /^(?:has|had|have|is|was|will|would|made|makes|took|gave|put|went|spoke)$/.test(v.w));
    const sentenceInitial = d === lo || endsClause(toks[d - 1]);
    if (verbLike && !(e === d && sentenceInitial && !book.seenInside(t.lower))) {
      if (possessive(toks[e])) { d = e; continue; }
      const sp = resolvePhrase({ toks: toks.slice(d, e + 1), kind: 'name' }, book);
      if (sp.type !== 'DESCRIPTION') return sp;
    }
    d = e;
  }
  return null;
}

/** Speaker label at the head of a transcript quote: "“PENCE: Well, look…". */
function labelInside(text: string, q: Span, book: NameBook): Attribution | null {
  const m = /^["“'‘]{1,2}(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s/u.exec(text.slice(q.start, Math.min(q.end, q.start + 60)));
  if (!m) return null;
  const raw = m[1];
  const start = q.start + m[0].indexOf(raw);
  const titled = raw.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  return { speaker: { name: book.expand(titled), type: 'PERSON', mention: { start, end: start + raw.length } }, cue: ':', after: -1 };
}

/**
 * The words after an attribution, up to the next part of the quote, only finish it
 * ("… in a video address to the nation. “…”"): no new clause, cue or sentence.
 */
function attributionTail(toks: readonly Tok[], from: number, to: number): boolean {
  if (to - from > 12) return false;
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.w === QUOTE_TOKEN || isCue(t) || SUBORD.has(t.lower) || ((t.w === '!' || t.w === '?' || t.w === '.') && i < to - 1)) return false;
  }
  const last = toks[to - 1];
  return to === from || /^[.,:;—–-]$/.test(last.w);
}

/** A headline's speaker: "Chris Christie Calls Hillary Clinton ‘A Disgrace’", "…, Lindsey Graham Says." */
function headlineSpeaker(toks: readonly Tok[], lo: number, hi: number, book: NameBook): Attribution | null {
  for (let c = lo; c < hi; c++) {
    const t = toks[c];
    if (!upper(t) || !HEADLINE_VERBS.has(t.lower)) continue;
    let s0 = c;
    while (s0 - 1 >= lo && (isCap(toks[s0 - 1]) || isTitle(toks[s0 - 1])) && c - s0 < 4) s0--;
    if (s0 < c) return { speaker: resolvePhrase({ toks: toks.slice(s0, c), kind: 'name' }, book), cue: t.w, after: -1 };
  }
  return null;
}

/** A headline's "Speaker: words ‘quote’" or "A lesson from Loretta Lynch: ‘…’". */
function headlineLabel(toks: readonly Tok[], lo: number, qTok: number, book: NameBook): Attribution | null {
  let colon = -1;
  for (let c = lo; c < qTok; c++) if (toks[c].w === ':') { colon = c; break; }
  if (colon < 0 || colon - lo > 8 || (colon !== qTok - 1 && colon - lo > 3 && !headline(toks, lo, qTok))) return null;
  for (let d = lo; d < colon; d++) {
    if (!isCap(toks[d])) continue;
    const e = nameRunForward(toks, d, colon);
    const sp = resolvePhrase({ toks: toks.slice(d, Math.min(e + 1, d + 3)), kind: 'name' }, book);
    if (sp.type !== 'DESCRIPTION') return { speaker: sp, cue: ':', after: -1 };
    d = e;
  }
  return null;
}

/** Quoted words that name a work or a show rather than quote speech: every word capitalised. */
function titleLike(inner: string): boolean {
  const words = inner.replace(/[.,!?’'"”]+$/u, '').split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 7) return false;
  if (words.length === 1) return /^\d+(?:st|nd|rd|th)$/.test(words[0]);
  return words.every(w => /^[\p{Lu}\d]/u.test(w) || /^(?:of|and|the|a|an|in|on|with|to|for|at|is|it)$/.test(w));
}

const isDigitStart = (w: string) => { const c = w.charCodeAt(0); return c >= 48 && c <= 57; };
const HEADLINE_SMALL = new Set('a an the of to in on at for with by and or but as from vs via into over up is are be'.split(' '));
/** The quote before, as the attribution pass needs it. */
interface PrevQuote {
  q: Quote;
  attr: Attribution | null;
  para: number;
  /** Where its attribution words end, when they follow it. */
  attrEnd: number;
}

/** A headline: title case, every lower-case word a small function word. */
function headline(toks: readonly Tok[], lo: number, hi: number): boolean {
  let words = 0, caps = 0;
  for (let i = lo; i < hi; i++) {
    if (!isWord(toks[i])) continue;
    words++;
    if (upper(toks[i]) || isDigitStart(toks[i].w)) caps++;
    else if (!HEADLINE_SMALL.has(toks[i].lower)) return false;
  }
  return words >= 3 && caps / words >= 0.6;
}

/**
 * Quotes of one document. `entities` are the document's entities (document-local
 * canonicals); `speaker` is such a canonical name, or a short description.
 * `variants` is left empty: the corpus links quotes across documents.
 */
export function findQuotes(ctx: AnalysisContext, text: string, sentences: readonly Sentence[], entities: readonly Entity[]): Quote[] {
  const raw = scanQuotes(text);
  if (!raw.length) return [];
  const toks = tokenize(ctx, text, raw);
  const book = new NameBook(ctx, text, toks, entities);
  const sents: readonly Sentence[] = sentences.length ? sentences : [{ start: 0, end: text.length, paragraph: 0 }];
  // Token range of each sentence.
  const sLo = new Int32Array(sents.length + 1);
  for (let i = 0, t = 0; i < sents.length; i++) {
    const pos = sents[i].start;
    if (i > 0 && pos < sents[i - 1].start) t = 0; // (sentences come in order; if not, start over)
    while (t < toks.length && toks[t].start < pos) t++;
    sLo[i] = t; // = tokenAt(toks, pos)
  }
  sLo[sents.length] = toks.length;
  const sHi = (i: number) => tokenAt(toks, sents[i].end);

  // Pronoun antecedents: subjects of cues and titled names, outside quotes; found
  // on the first pronoun only.
  let antecedents: Person[] | null = null;
  const findAntecedents = (): Person[] => {
    const persons: Person[] = [];
    const addPerson = (sp: Speaker, run: readonly Tok[]) => {
      if (!sp.pronoun && sp.type === 'PERSON') persons.push({ name: sp.name, pos: sp.mention.start, gender: book.genderOf(sp.name, run) });
    };
    for (let si = 0, c = 0; c < toks.length; c++) {
      while (si + 1 < sents.length && sLo[si + 1] <= c) si++;
      const lo = sLo[si];
      const t = toks[c];
      if (isCue(t) && !ingCue(t)) {
        const ph = subjectBefore(toks, c, lo);
        if (ph && ph.kind === 'name') addPerson(resolvePhrase(ph, book), ph.toks);
        else if (!ph) {
          const inv = subjectAfter(toks, c + 1, Math.min(toks.length, c + 12));
          if (inv && inv.kind === 'name') addPerson(resolvePhrase(inv, book), inv.toks);
        }
      } else if (isTitle(t) && !isTitle(toks[c - 1]) && !isCap(toks[c - 1])) {
        const e = nameRunForward(toks, c, toks.length);
        const run = toks.slice(c, e + 1);
        const { toks: name, org } = stripTitles(run);
        if (!org && name.length && name.length < run.length) addPerson(resolvePhrase({ toks: run, kind: 'name' }, book), run);
        c = e;
      }
    }
    const byCanonical = new Map<string, { name: string; gender: 'm' | 'f' | null }>();
    for (const e of entities) {
      if (e.type !== 'PERSON') continue;
      let p = byCanonical.get(e.canonical);
      if (!p) byCanonical.set(e.canonical, (p = { name: book.expand(e.canonical), gender: book.genderOf(e.canonical, []) }));
      persons.push({ name: p.name, pos: e.start, gender: p.gender });
    }
    persons.sort((a, b) => a.pos - b.pos);
    return persons;
  };

  /** The person a pronoun stands for; null when none fits ("they", "I", or no antecedent). */
  const resolvePronoun = (sp: Speaker): Speaker | null => {
    if (!sp.pronoun) return sp;
    if (sp.pronoun === 'p' || sp.pronoun === 'x') return null;
    const persons = antecedents ??= findAntecedents();
    let lo = 0, hi = persons.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (persons[mid].pos < sp.mention.start) lo = mid + 1; else hi = mid; }
    let fallback: Person | null = null;
    for (let i = lo - 1; i >= 0 && i >= lo - 30; i--) {
      const p = persons[i];
      if (p.gender === sp.pronoun) return { name: p.name, type: 'PERSON', mention: sp.mention };
      if (p.gender === null && !fallback) fallback = p;
    }
    if (fallback) return { name: fallback.name, type: 'PERSON', mention: sp.mention };
    return null;
  };

  const out: Quote[] = [];
  let si = 0;
  let group = 0;
  let prev: PrevQuote | null = null;
  for (const r of raw) {
    while (si + 1 < sents.length && sents[si].end <= r.start) si++;
    let ei = si;
    while (ei + 1 < sents.length && sents[ei].end < r.end) ei++;
    // A sentence closed by the quote may have its attribution standing alone next ("“…” Trump said.").
    let hiTok = Math.max(sHi(ei), tokenAt(toks, r.end));
    const next = sents[ei + 1];
    if (next && r.end >= sents[ei].end - 1 && next.paragraph === sents[ei].paragraph && next.end - next.start < 100) {
      const a = tokenAt(toks, next.start), b = sHi(ei + 1);
      let cue = false;
      for (let j = a; j < b && j < a + 8; j++) if (isCue(toks[j])) cue = true;
      if (b - a <= 14 && (cue || /^\p{Ll}/u.test(toks[a]?.w ?? '')) && !toks.slice(a, b).some(t => t.w === QUOTE_TOKEN)) hiTok = b;
    }
    const sentLo = Math.min(sLo[si], tokenAt(toks, r.start));
    const para = sents[si].paragraph;
    const qTok = tokenAt(toks, r.start);
    let postHi = hiTok;
    for (let j = qTok + 1; j < hiTok; j++) if (toks[j].w === QUOTE_TOKEN) { postHi = j; break; }
    let preLo = sentLo;
    for (let j = qTok - 1; j >= sentLo; j--) if (toks[j].w === QUOTE_TOKEN) { preLo = j + 1; break; }
    const quoteText = text.slice(r.start, r.end);
    const inner = quoteText.replace(/^["“‘']+/, '');
    const samePara = prev !== null && prev.para === para && !text.slice(prev.q.end, r.start).includes('\n');

    let attr: Attribution | null = labelInside(text, r, book) ?? attributionAfter(toks, qTok + 1, postHi, book);
    let continued = false;
    if (!attr && prev && samePara && prev.attr && prev.attrEnd > prev.q.end && attributionTail(toks, tokenAt(toks, prev.attrEnd), qTok)) {
      // “…,” he said. “…” — the second part goes on with the first.
      attr = prev.attr;
      continued = true;
    }
    if (!attr) attr = attributionBefore(toks, preLo, qTok, book);
    if (!attr) attr = headlineLabel(toks, sentLo, qTok, book);
    if (!attr && headline(toks, sentLo, hiTok)) attr = headlineSpeaker(toks, sentLo, hiTok, book);
    if (!attr && preLo > sentLo) attr = attributionBefore(toks, sentLo, qTok, book);
    if (!attr) {
      // A cue later in the sentence: "A cashier who “steals …” is held accountable, Warren said."
      for (let c = qTok + 1; c < hiTok && !attr; c++) {
        if (isCue(toks[c]) && !ingCue(toks[c])) {
          const ph = subjectBefore(toks, c, qTok + 1);
          if (ph) attr = { speaker: resolvePhrase(ph, book), cue: cuePhrase(toks, c), after: -1 };
        }
      }
    }
    const atStart = qTok === sentLo || /^[:,—–―-]$/.test(toks[qTok - 1]?.w ?? '');
    if (!attr && qTok > sentLo) {
      const sp = clauseSubject(toks, sentLo, qTok, book);
      if (sp) attr = { speaker: sp, cue: null, after: -1 };
    }
    if (!attr && atStart && si > 0 && sents[si - 1].paragraph === para && sLo[si - 1] < sentLo) {
      // A quote opening its sentence, after a narrator's sentence of the same paragraph:
      // that sentence's speaker ("Sanders … identified young voters' exhaustion … “…”").
      const a = attributionBefore(toks, sLo[si - 1], sentLo, book);
      if (a?.speaker && (a.speaker.pronoun || a.speaker.type !== 'DESCRIPTION')) attr = a;
      else {
        const sp = clauseSubject(toks, sLo[si - 1], sentLo, book);
        if (sp) attr = { speaker: sp, cue: null, after: -1 };
      }
    }
    const prevAttr: Attribution | null = (prev as PrevQuote | null)?.attr ?? null;
    if (!attr && prev && prevAttr && (samePara || (prev.para >= para - 1 && atStart))) {
      // A quote standing alone right after another: the same voice goes on.
      attr = { speaker: prevAttr.speaker, cue: prevAttr.cue, after: -1 };
    }
    if (!attr && atStart) {
      // The subject of a cue in the sentence before, or a paragraph ending in ':'.
      for (let k = si - 1; k >= 0 && k >= si - 2 && sents[k].paragraph >= para - 1; k--) {
        const a = attributionBefore(toks, sLo[k], sHi(k), book);
        if (a?.speaker && (a.speaker.pronoun || a.speaker.type !== 'DESCRIPTION')) { attr = a; break; }
        if (toks[sHi(k) - 1]?.w === ':') {
          // "Sanders made the following comment:" then the quote.
          const sp = clauseSubject(toks, sLo[k], sHi(k), book);
          if (sp) { attr = { speaker: sp, cue: null, after: -1 }; break; }
        }
      }
    }
    let speaker = attr?.speaker ?? null;
    if (speaker?.pronoun) speaker = resolvePronoun(speaker);
    if (titleLike(inner) && !atStart && !headline(toks, sentLo, hiTok)) {
      // A title ("Fox News Sunday"), not speech: unattributed, or named as a thing ("on “Morning Joe”").
      const before = toks[qTok - 1];
      if (!speaker || (before && (/^(?:of|on|in|at|from|with|show|program|film|book|song)$/.test(before.lower) || possessive(before)))) continue;
    }
    const partial = !atStart && !(/^\p{Lu}/u.test(inner) && isCue(toks[qTok - 1]));

    let g: number | null = null;
    if (continued && prev) {
      if (prev.q.group === null) prev.q.group = ++group;
      g = prev.q.group;
    }
    const q: Quote = {
      start: r.start, end: r.end, text: quoteText,
      speaker: speaker ? speaker.name : null,
      speakerType: speaker ? speaker.type : null,
      speakerMention: speaker ? { ...speaker.mention } : null,
      cue: attr?.cue ?? null,
      partial, uncertain: r.uncertain, group: g, variants: [],
    };
    if (continued && prev) {
      q.speaker = prev.q.speaker;
      q.speakerType = prev.q.speakerType;
      q.speakerMention = prev.q.speakerMention ? { ...prev.q.speakerMention } : null;
    }
    out.push(q);
    const attrEnd: number = attr && !continued && attr.after > qTok ? toks[attr.after - 1].end : r.end;
    prev = { q, attr, para, attrEnd };
  }
  return out;
}
