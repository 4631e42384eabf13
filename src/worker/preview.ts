/**
 * The first paint of a huge article: before the worker analyses the whole text it
 * analyses only the paragraphs around what the editor shows, as a document of its
 * own, and sends that view at once (the `preview` push). The whole analysis replaces
 * it as soon as it is done. A preview's spans are exact (each `text` is the
 * document's own slice at its offsets), but it can miss what depends on the rest of
 * the article: a speaker named earlier, a passage repeated elsewhere, another
 * source. No `vscode` import.
 */
import { analyzeLocal, canonicalTypesOf, nameClaims, nameQuotes, ParagraphCache, resultOf } from '../core/corpus/corpus';
import { AnalysisContext } from '../core/text/memo';
import { isHighSurrogate, isLowSurrogate, isSpace } from '../core/text/chars';
import type { Claim, DocumentResult, Duplicate, Entity, Quote, Span } from '../core/types';
import { countSpans, countStatus, editShift, PREVIEW_FROM, resultMeeting, type SpanCounts, type WindowView } from '../protocol/protocol';

/** Characters analysed before and after what is visible, before widening to a break. */
export const PREVIEW_MARGIN = 12_000;
/** How far past the margin the window may widen to reach a break. */
const BREAK_REACH = 4_000;
/** The most of what is visible taken as visible (a long line without word wrap counts as visible whole). */
const MAX_VISIBLE = 4 * PREVIEW_MARGIN;

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\r';

/**
 * Where a window may start at or before `at`, looking back at most `reach`
 * characters: after a blank line (a paragraph break, "\n\n" or "\r\n\r\n"), else
 * after a line break, else after white space; `at` itself when there is none.
 */
function startBefore(text: string, at: number, reach: number): number {
  if (at <= 0) return 0;
  let line = -1, space = -1;
  for (let i = at - 1; i >= Math.max(0, at - reach); i--) {
    const c = text[i];
    if (c === '\n') {
      let j = i - 1;
      while (j >= 0 && isBlank(text[j])) j--;
      if (j < 0 || text[j] === '\n') return i + 1;
      if (line < 0) line = i + 1;
    } else if (space < 0 && isSpace(text.charCodeAt(i))) space = i + 1;
  }
  return line >= 0 ? line : space >= 0 ? space : at;
}

/** Where a window may end at or after `at`, looking ahead at most `reach` characters: the same breaks as `startBefore`, before them. */
function endAfter(text: string, at: number, reach: number): number {
  if (at >= text.length) return text.length;
  let line = -1, space = -1;
  for (let i = at; i < Math.min(text.length, at + reach); i++) {
    const c = text[i];
    if (c === '\n') {
      let j = i + 1;
      while (j < text.length && isBlank(text[j])) j++;
      if (j >= text.length || text[j] === '\n') return i;
      if (line < 0) line = i;
    } else if (space < 0 && isSpace(text.charCodeAt(i))) space = i;
  }
  return line >= 0 ? line : space >= 0 ? space : at;
}

/**
 * The part of `text` a preview analyses: from the first to the last visible offset
 * (at most `MAX_VISIBLE` characters of it), plus `PREVIEW_MARGIN` each side, widened
 * to a paragraph break within `BREAK_REACH`, else a line break, else white space,
 * so that no word is cut. Null when the text is short enough to be analysed whole,
 * or nothing (valid) is visible.
 */
export function previewRange(text: string, visible: readonly Span[]): Span | null {
  const valid = visible.filter(v => Number.isFinite(v.start) && Number.isFinite(v.end));
  if (text.length < PREVIEW_FROM || !valid.length) return null;
  let lo = text.length;
  let hi = 0;
  for (const v of valid) {
    lo = Math.min(lo, Math.max(0, Math.min(v.start, text.length)));
    hi = Math.max(hi, Math.max(0, Math.min(v.end, text.length)));
  }
  if (hi < lo) return null;
  hi = Math.min(hi, lo + MAX_VISIBLE);
  const start = startBefore(text, Math.max(0, lo - PREVIEW_MARGIN), BREAK_REACH);
  // Never cut a surrogate pair (the slice is analysed as text of its own).
  return { start: pairStart(text, start), end: wholePair(text, endAfter(text, Math.min(text.length, hi + PREVIEW_MARGIN), BREAK_REACH)) };
}

/** Moves every offset of a document's own spans by `by` (a result computed on a slice starting at `by`). */
export function shiftResult(r: DocumentResult, by: number, length: number): DocumentResult {
  const at = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  return {
    ...r,
    length,
    // A slice's first line is no title, and its header no source line, unless the slice starts the text.
    title: by === 0 ? r.title : null,
    source: by === 0 ? r.source : null,
    quotes: r.quotes.map(q => ({ ...at(q), speakerMention: q.speakerMention && at(q.speakerMention) })),
    entities: r.entities.map(at),
    // Analysed alone, a slice has only repeats within itself: their other copy is in the same text.
    duplicates: r.duplicates.map(d => ({ ...at(d), other: d.other.path === r.path ? at(d.other) : d.other })),
    claims: r.claims.map(at),
  };
}

/**
 * A preview of the document `key` (editor version `version`) whose editors show
 * `visible`: the result of analysing the window alone, its offsets the document's,
 * passed through `annotate` (the reader's corrections).
 * Null when the text is analysed whole at once.
 */
export function previewView(
  key: string, version: number | null, text: string, visible: readonly Span[],
  annotate: (r: DocumentResult) => DocumentResult = r => r,
  slices = new SliceAnalyser(),
): WindowView | null {
  const range = previewRange(text, visible);
  if (!range) return null;
  const result = annotate(slices.analyse(key, text, range.start, range.end));
  return { key, version, result, entitySources: {}, window: [range], counts: countSpans(result), preview: true };
}

/** Paragraphs a `SliceAnalyser` keeps analysed (an edit's preview analyses the paragraphs of the last one again). */
const SLICE_PARAGRAPHS = 2_000;

/**
 * A slice of a text analysed as a document of its own, with no other document: its
 * own analysis, named by itself (no corpus, no links). Its memos and paragraph
 * cache stay warm from one preview to the next.
 */
export class SliceAnalyser {
  private readonly ctx = new AnalysisContext();
  private readonly cache = new ParagraphCache(SLICE_PARAGRAPHS);

  /** The result of `text` from `start` to `end` analysed alone, its offsets the whole text's. */
  analyse(key: string, text: string, start: number, end: number): DocumentResult {
    const local = analyzeLocal(this.ctx, text.slice(start, end), this.cache);
    const same = (name: string) => name;
    const repeats = local.repeats.map(d => ({ ...d, other: { ...d.other, path: key }, text: d.text ?? local.text.slice(d.start, d.end) }));
    const part = resultOf(key, local, local.entities, nameQuotes(local, same), nameClaims(local, same, canonicalTypesOf(local)), repeats);
    return shiftResult(part, start, text.length);
  }
}

/*
 * An edit of a huge article: the exact result takes the whole document's analysis
 * again (a fifth of a second for 1 MB), so the worker first sends the result the
 * editor shows, moved past the edit, with the edited paragraphs analysed again
 * (with a few paragraphs before them for context, a speaker named there). What
 * lies outside the edited paragraphs is the last exact result's, links to other
 * sources included; in them, a quote or claim whose text the edit left as it was
 * keeps its speaker and links. The exact result replaces it as soon as it is done.
 */

/** Characters of context analysed before the edited paragraphs, before widening to a break. */
export const EDIT_CONTEXT = 1_500;
/** Characters of context analysed after them. */
const EDIT_CONTEXT_AFTER = 400;
/** The most characters an edit may change, before or after, for its preview to start from the last result. */
export const MAX_EDITED = 20_000;
/** How far the edited part widens to reach a paragraph break (else a line break, else white space). */
const PARAGRAPH_REACH = 8_000;

const COMPARE_BLOCK = 2_048;

/** Where two texts differ: `start` to `oldEnd` in the old text became `start` to `newEnd` in the new. */
export interface TextChange { start: number; oldEnd: number; newEnd: number }

/** The change from `before` to `after` (their common start and end left out, no surrogate pair cut); null when they are equal. */
export function changeBetween(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const n = Math.min(before.length, after.length);
  // Blocks compared whole first (a string comparison, far faster than a character at a time over a megabyte).
  let p = 0;
  while (p + COMPARE_BLOCK <= n && before.slice(p, p + COMPARE_BLOCK) === after.slice(p, p + COMPARE_BLOCK)) p += COMPARE_BLOCK;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  const bl = before.length, al = after.length;
  while (s + COMPARE_BLOCK <= n - p && before.slice(bl - s - COMPARE_BLOCK, bl - s) === after.slice(al - s - COMPARE_BLOCK, al - s)) s += COMPARE_BLOCK;
  while (s < n - p && before.charCodeAt(bl - 1 - s) === after.charCodeAt(al - 1 - s)) s++;
  // (A pair whose halves differ in one half only: the whole pair is changed.)
  if (p > 0 && isHighSurrogate(after.charCodeAt(p - 1))) p--;
  if (s > 0 && isLowSurrogate(after.charCodeAt(after.length - s))) s--;
  return { start: p, oldEnd: before.length - s, newEnd: after.length - s };
}

/** What an edit's preview gives: the items of `result` that meet `window`, the whole document's counts, the part analysed again and how far the text after it moved. */
export interface EditPreview { result: DocumentResult; window: Span; counts: SpanCounts; edited: Span; delta: number }

/**
 * The preview of `text`, an edit of `before.text` whose exact result (as views show
 * it) is `before.result`, for editors showing `visible`. `analyse(start, end)` gives
 * the result of that slice of `text` analysed alone, at the document's offsets.
 * Null when the text is short enough to be analysed whole, nothing is visible, or
 * more than `MAX_EDITED` characters changed; the last result itself (cut to the
 * window) when the text is the one it is of.
 */
export function editPreview(
  before: { text: string; result: DocumentResult },
  text: string,
  visible: readonly Span[],
  analyse: (start: number, end: number) => DocumentResult,
): EditPreview | null {
  const window = previewRange(text, visible);
  if (!window || before.result.length !== before.text.length) return null;
  const change = changeBetween(before.text, text);
  const meets = (s: Span, w: Span) => s.start < w.end && w.start < s.end;
  const inWindow = (s: Span) => meets(s, window) || (s.start === s.end && s.start >= window.start && s.start <= window.end);
  const old = before.result;
  // The text the last result is of (an edit undone before the next result was shown): that result itself.
  if (!change) return { result: resultMeeting(old, inWindow), window, counts: countSpans(old), edited: { start: 0, end: 0 }, delta: 0 };
  // (A paste of pages, a replace-all: the edit is no longer a paragraph's, and its own analysis would cost the whole's.)
  if (change.newEnd - change.start > MAX_EDITED || change.oldEnd - change.start > MAX_EDITED) return null;
  const delta = change.newEnd - change.oldEnd;
  // The edited paragraphs (new offsets; they replace the old text up to pEnd - delta).
  const pStart = startBefore(text, change.start, PARAGRAPH_REACH);
  const pEnd = wholePair(text, endAfter(text, change.newEnd, PARAGRAPH_REACH));
  const fStart = pairStart(text, startBefore(text, Math.max(0, pStart - EDIT_CONTEXT), BREAK_REACH));
  const fEnd = wholePair(text, endAfter(text, Math.min(text.length, pEnd + EDIT_CONTEXT_AFTER), BREAK_REACH));
  const fresh = analyse(fStart, fEnd);

  const edited: Span = { start: pStart, end: pEnd };
  const touchesEdited = (s: Span) => meets(s, edited) || (s.start === s.end && s.start > pStart && s.start < pEnd);
  // The edited paragraphs, analysed again: what meets them. An old item one of these overlaps (a quote run on past
  // the paragraphs) gives way to it.
  const freshQuotes = fresh.quotes.filter(touchesEdited), freshClaims = fresh.claims.filter(touchesEdited), freshEntities = fresh.entities.filter(touchesEdited);
  const overlapsAny = (list: readonly Span[], start: number, end: number) => list.some(a => a.start < end && start < a.end);
  // An old item's shift: 0 before the edited paragraphs, the edit's length after them, NaN when it meets them or a
  // new item. (Offsets are worked out first, and an item made only for what the window shows: a megabyte holds tens
  // of thousands.)
  const shiftOf = (s: Span, added: readonly Span[]): number => {
    const by = editShift(s, edited, delta);
    return by === by && overlapsAny(added, s.start + by, s.end + by) ? NaN : by;
  };
  const shownAt = (s: Span, by: number) => inWindow({ start: s.start + by, end: s.end + by });
  const at = <T extends Span>(s: T, by: number): T => (by === 0 ? s : { ...s, start: s.start + by, end: s.end + by });
  // What the edit itself moves (a duplicated passage, a speaker's mention, a repeat's other copy): 0 before it, its
  // length after it, NaN when it reached the span; `moved`, the span at its new offsets, null when reached.
  const changeShiftOf = (s: Span): number => (s.end <= change.start ? 0 : s.start >= change.oldEnd ? delta : NaN);
  const moved = <T extends Span>(s: T): T | null => { const by = changeShiftOf(s); return Number.isNaN(by) ? null : at(s, by); };
  // (Links are to other documents only, never moved: the quote and claim linkers skip pairs within one document.)

  // The old result's counts, less what the edited paragraphs held (the duplicated passages are counted below).
  const whole = previewLayout(old);
  const counts: SpanCounts = { ...whole.counts, entities: { ...whole.counts.entities }, repeat: 0, shared: 0 };
  // Old items the edited paragraphs held (or new ones overlap), by text: what the same text analysed again keeps of them.
  const oldQuotes = new Map<string, Quote[]>();
  const oldClaims = new Map<string, Claim[]>();
  const oldNames = new Map<string, string>();
  const quotes: Quote[] = [], claims: Claim[] = [], entities: Entity[] = [], duplicates: Duplicate[] = [];
  // Only the old items near the analysed part (which an edit may reach) or in the window are visited: those before
  // the analysed part stay, those after it move by the edit's length, and neither is shown (a megabyte's lists hold
  // tens of thousands).
  const visit = (list: readonly Span[], reach: Float64Array | null, each: (k: number) => void) =>
    visitNear(list, reach, [[fStart + 1, fEnd - delta - 1], [window.start, window.end], [window.start - delta, window.end - delta]], each);
  const group = whole.group;
  visit(old.quotes, whole.reach.quotes, k => {
    const q = old.quotes[k];
    const by = shiftOf(q, freshQuotes);
    if (Number.isNaN(by)) { pushTo(oldQuotes, q.text, q); counts.quotes--; return; }
    if (!shownAt(q, by)) return;
    const mention = q.speakerMention && moved(q.speakerMention);
    quotes.push(by === 0 && mention === q.speakerMention ? q : { ...at(q, by), speakerMention: mention });
  });
  visit(old.claims, whole.reach.claims, k => {
    const c = old.claims[k];
    const by = shiftOf(c, freshClaims);
    if (Number.isNaN(by)) {
      pushTo(oldClaims, c.text, c);
      counts.claims--;
      if (c.status === 'corroborated') counts.corroborated--;
      else if (c.status === 'disputed') counts.disputed--;
      return;
    }
    if (shownAt(c, by)) claims.push(at(c, by));
  });
  visit(old.entities, whole.reach.entities, k => {
    const e = old.entities[k];
    const by = shiftOf(e, freshEntities);
    if (Number.isNaN(by)) { oldNames.set(`${e.type} ${e.text}`, e.canonical); counts.entities[e.type]! -= 1; return; }
    if (shownAt(e, by)) entities.push(at(e, by));
  });
  // A shared passage or repeat stands while the edit did not reach it (nor a repeat's other copy).
  for (const d of old.duplicates) {
    const by = changeShiftOf(d);
    const other = d.other.path === old.path ? moved(d.other) : d.other;
    if (Number.isNaN(by) || !other) continue;
    if (d.kind === 'repeat') counts.repeat++;
    else counts.shared++;
    if (shownAt(d, by)) duplicates.push(by === 0 && other === d.other ? d : { ...at(d, by), other });
  }

  const nq: Quote[] = [], nc: Claim[] = [], ne: Entity[] = [];
  for (const q of freshQuotes) {
    const was = takeFrom(oldQuotes, q.text);
    const g = q.group === null ? null : q.group + group;
    // The same words, and the same speaker found for them, or none while the words that named the old one stand:
    // the old quote's speaker and links, at the new offsets.
    const named = was && (q.speaker === was.speaker || (q.speaker === null && (!was.speakerMention || moved(was.speakerMention))));
    nq.push(was && named
      ? { ...was, start: q.start, end: q.end, group: g, speakerMention: q.speakerMention ?? (was.speakerMention && moved(was.speakerMention)) }
      : { ...q, group: g });
  }
  for (const c of freshClaims) {
    const was = takeFrom(oldClaims, c.text);
    // The same words, kind and speaker: the old claim's links and group, at the new offsets.
    nc.push(was && was.kind === c.kind && was.speaker === c.speaker
      ? { ...was, start: c.start, end: c.end }
      : c);
  }
  for (const e of freshEntities) {
    const canonical = oldNames.get(`${e.type} ${e.text}`);
    ne.push(canonical === undefined ? e : { ...e, canonical });
  }
  counts.quotes += nq.length;
  counts.claims += nc.length;
  // (A type the edit took the last of is counted as none, as a count made afresh would leave it out.)
  for (const [type, n] of Object.entries(counts.entities)) if (!n) delete counts.entities[type as Entity['type']];
  for (const c of nc) countStatus(counts, c);
  for (const e of ne) counts.entities[e.type] = (counts.entities[e.type] ?? 0) + 1;
  const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
  const result: DocumentResult = {
    ...old,
    length: text.length,
    // (The first paragraph analysed again: the title read again.)
    title: fStart === 0 ? fresh.title : old.title,
    quotes: quotes.concat(nq.filter(inWindow)).sort(byStart),
    claims: claims.concat(nc.filter(inWindow)).sort(byStart),
    entities: entities.concat(ne.filter(inWindow)).sort(byStart),
    duplicates: duplicates.sort(byStart),
  };
  return { result, window, counts, edited, delta };
}

/**
 * What an edit's preview reads of a whole result, worked out once per result: its
 * counts, the next quote group, and for each list in text order the furthest end
 * so far (null for a list out of order, which is read whole).
 */
export interface Layout {
  counts: SpanCounts;
  group: number;
  reach: { quotes: Float64Array | null; claims: Float64Array | null; entities: Float64Array | null };
}

const layouts = new WeakMap<DocumentResult, Layout>();

/** What an edit's preview of `r` reads of it whole (kept with `r`, made when first asked for). */
export function previewLayout(r: DocumentResult): Layout {
  let l = layouts.get(r);
  if (!l) {
    let group = 0;
    for (const q of r.quotes) group = Math.max(group, (q.group ?? -1) + 1);
    l = { counts: countSpans(r), group, reach: { quotes: reachOf(r.quotes), claims: reachOf(r.claims), entities: reachOf(r.entities) } };
    layouts.set(r, l);
  }
  return l;
}

/** The furthest end among each item and those before it; null when the list is not in order of start. */
function reachOf(list: readonly Span[]): Float64Array | null {
  const reach = new Float64Array(list.length);
  let max = -Infinity;
  for (let k = 0; k < list.length; k++) {
    if (k > 0 && list[k].start < list[k - 1].start) return null;
    reach[k] = max = Math.max(max, list[k].end);
  }
  return reach;
}

/**
 * Calls `each` once for every index of `list` (in order of start, `reach` its
 * furthest ends) whose item may meet one of `ranges` (an item ending at or after
 * the range's start and starting at or before its end), in ascending order; for
 * every index when `reach` is null.
 */
export function visitNear(list: readonly Span[], reach: Float64Array | null, ranges: readonly (readonly [number, number])[], each: (k: number) => void): void {
  if (!reach) {
    for (let k = 0; k < list.length; k++) each(k);
    return;
  }
  const runs: [number, number][] = [];
  for (const [from, to] of ranges) {
    if (to < from) continue;
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reach[mid] >= from) hi = mid;
      else lo = mid + 1;
    }
    const first = lo;
    hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start > to) hi = mid;
      else lo = mid + 1;
    }
    if (first < lo) runs.push([first, lo]);
  }
  runs.sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [a, b] of runs) for (let k = Math.max(a, next); k < b; k++, next = k) each(k);
}

/** `end`, or one past it when it would cut a surrogate pair. */
function wholePair(text: string, end: number): number {
  return end < text.length && end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end + 1 : end;
}

/** `start`, or one before it when it would cut a surrogate pair. */
function pairStart(text: string, start: number): number {
  return start > 0 && start < text.length && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
}

function pushTo<T>(m: Map<string, T[]>, k: string, v: T): void {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}

/** The first item left under `k` (taken: each old item lends itself once, in the document's order). */
function takeFrom<T>(m: Map<string, T[]>, k: string): T | undefined {
  return m.get(k)?.shift();
}
