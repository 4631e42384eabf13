/**
 * Applies the annotations file to the analysis: a post-pass over the corpus's
 * results that leaves the analysers alone. Corrections find their target by its
 * words and context (anchor.ts); one whose target is gone is returned as an orphan
 * and applied nowhere else. Every link it touches is changed at both ends, so the
 * contract's mirror rule still holds. Results handed in are never written to: a
 * document that changes is a new object, the others are returned as they came
 * (unless `fill` asks for the contract's defaults on every one).
 */
import { findSource, publishedOrder } from '../text/source';
import type { Claim, ClaimVerdict, DocumentResult, Duplicate, Entity, Quote, SourceInfo, Span, SpeakerType } from '../types';
import { collapse, matchesAnchor } from './anchor';
import type { Annotations, Correction } from './format';

export interface ApplyOptions {
  /** A document's text by its result's `path`. */
  text(path: string): string | undefined;
  /** The result `path` that an annotations-file path names (default: the same string); undefined when none. */
  resolvePath?(annotationPath: string): string | undefined;
  /** A document's own source metadata (default: `findSource` of its text); a seam for callers that cache it. */
  sourceOf?(path: string): SourceInfo | null;
  /** Give every document `source`, every duplicate `direction` and every claim `verdict`, null when unset (the CLI's JSON). */
  fill?: boolean;
  /**
   * Write a claim's and a duplicate's new fields into the object itself instead of a copy (the same fields in
   * the same order): for a caller that owns the results and lets go of the old ones (the CLI, which would
   * otherwise hold every claim and shared passage of an archive twice).
   */
  inPlace?: boolean;
}

/** An entry of the annotations file that found nothing to apply to. */
export interface Orphan {
  section: 'corrections' | 'aliases' | 'sources';
  /** Its index in that section of the file as parsed. */
  index: number;
  /** True when the document it names is not analysed at all (another folder, a file since renamed). */
  absent: boolean;
  reason: string;
}

export interface Applied {
  documents: DocumentResult[];
  orphans: Orphan[];
}

const keyOf = (path: string, s: Span) => `${path}\u0000${s.start}\u0000${s.end}`;
const pairKey = (path: string, s: Span, other: { path: string } & Span) => `${keyOf(path, s)}\u0001${keyOf(other.path, other)}`;
const READER = { step: 'reader', detail: 'set by the reader (annotations file)' };
const QUOTE_MARKS = /["'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]/g;

/** Whether two quotes' words are the same, quote marks, case and spacing aside (what `identical` means). */
function sameWords(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const norm = (s: string) => collapse(s.replace(QUOTE_MARKS, '')).trim().toLowerCase();
  return norm(a) === norm(b);
}

/** `f` over `arr`, the very array back when `f` changed nothing. */
function mapSame<T>(arr: T[], f: (x: T) => T | null): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < arr.length; i++) {
    const y = f(arr[i]);
    if (out) { if (y !== null) out.push(y); }
    else if (y !== arr[i]) {
      out = arr.slice(0, i);
      if (y !== null) out.push(y);
    }
  }
  return out ?? arr;
}

/**
 * The documents with the annotations applied, and the entries that applied to
 * nothing. `annotations` null applies only source metadata from the texts.
 */
export function applyAnnotations(documents: readonly DocumentResult[], annotations: Annotations | null, opts: ApplyOptions): Applied {
  const resolve = opts.resolvePath ?? ((p: string) => p);
  const docs = new Map(documents.map(d => [d.path, d]));
  const orphans: Orphan[] = [];
  const a = annotations ?? { version: 1, sources: [], aliases: [], corrections: [] };

  // What each correction hits.
  const removedQuotes = new Set<string>();
  const speakers = new Map<string, { speaker: string; speakerType: SpeakerType }>();
  const removedPairs = new Set<string>();
  const removedEntities = new Set<string>();
  const verdicts = new Map<string, ClaimVerdict>();
  a.corrections.forEach((c, index) => {
    const path = resolve(c.path);
    const doc = path === undefined ? undefined : docs.get(path);
    const text = path === undefined ? undefined : opts.text(path);
    if (!doc || text === undefined || path === undefined) {
      orphans.push({ section: 'corrections', index, absent: true, reason: `${c.path} is not among the documents analysed` });
      return;
    }
    if (!hit(c, path, doc, text)) orphans.push({ section: 'corrections', index, absent: false, reason: `${describe(c)} no longer matches ${c.path}: its words or their context changed` });
  });

  function hit(c: Correction, path: string, doc: DocumentResult, text: string): boolean {
    const at = <T extends Span>(items: readonly T[]) => items.filter(x => matchesAnchor(text, x, c));
    switch (c.kind) {
      case 'not-quote':
      case 'speaker': {
        const found = at(doc.quotes);
        for (const q of found) {
          if (c.kind === 'not-quote') removedQuotes.add(keyOf(path, q));
          else {
            // The parts of a quote split by its attribution share one speaker.
            const parts = q.group === null ? [q] : doc.quotes.filter(p => p.group === q.group);
            for (const p of parts) speakers.set(keyOf(path, p), { speaker: c.speaker, speakerType: c.speakerType });
          }
        }
        return found.length > 0;
      }
      case 'not-entity': {
        const found = at(doc.entities);
        for (const e of found) removedEntities.add(keyOf(path, e));
        return found.length > 0;
      }
      case 'verdict': {
        const found = at(doc.claims);
        for (const cl of found) verdicts.set(keyOf(path, cl), { value: c.verdict, note: c.note });
        return found.length > 0;
      }
      case 'not-duplicate': {
        const otherPath = resolve(c.other.path);
        const otherText = otherPath === undefined ? undefined : opts.text(otherPath);
        if (otherText === undefined) return false;
        const found = at(doc.duplicates).filter(d => d.other.path === otherPath && collapse(otherText.slice(d.other.start, d.other.end)) === collapse(c.other.text));
        for (const d of found) {
          removedPairs.add(pairKey(path, d, d.other));
          removedPairs.add(pairKey(d.other.path, d.other, { path, start: d.start, end: d.end }));
        }
        return found.length > 0;
      }
    }
  }

  const rename = aliases(a, documents, orphans);
  const sources = sourcesOf(documents, a, resolve, opts, orphans);
  const sourceOf = (path: string) => sources(path);
  const quoteEdits = removedQuotes.size > 0 || speakers.size > 0;

  // A quote's speaker after the corrections and aliases (`original` is what the analysis said).
  const finalSpeaker = (key: string, original: string | null) => speakers.get(key)?.speaker ?? rename(original);
  // A quote leaves its group when it is removed or now someone else's words.
  const leaves = (path: string, q: Quote) => {
    const k = keyOf(path, q);
    if (removedQuotes.has(k)) return true;
    const s = speakers.get(k);
    return s !== undefined && s.speaker !== rename(q.speaker);
  };

  const fixQuote = (path: string, q: Quote): Quote | null => {
    // (No correction of a quote and no alias: every quote stands as it is, and no key is built for it.)
    if (!quoteEdits && !rename.active) return q;
    const k = keyOf(path, q);
    if (removedQuotes.has(k)) return null;
    const mine = finalSpeaker(k, q.speaker);
    const corrected = speakers.get(k);
    let variants = q.variants, elsewhere = q.attributedElsewhere;
    if (quoteEdits || rename.active) {
      const keptVariants: Quote['variants'] = [];
      const moved: NonNullable<Quote['attributedElsewhere']> = [];
      let changed = false;
      for (const v of q.variants) {
        const vk = keyOf(v.path, v);
        if (removedQuotes.has(vk)) { changed = true; continue; }
        const theirs = finalSpeaker(vk, q.speaker);
        if (theirs === mine) keptVariants.push(v);
        else {
          changed = true;
          if (theirs !== null && mine !== null) moved.push({ path: v.path, start: v.start, end: v.end, speaker: theirs });
        }
      }
      const keptElsewhere: NonNullable<Quote['attributedElsewhere']> = [];
      for (const e of q.attributedElsewhere ?? []) {
        const ek = keyOf(e.path, e);
        if (removedQuotes.has(ek)) { changed = true; continue; }
        const theirs = finalSpeaker(ek, e.speaker);
        if (theirs === mine) {
          changed = true;
          keptVariants.push({ path: e.path, start: e.start, end: e.end, identical: sameWords(q.text, opts.text(e.path)?.slice(e.start, e.end)) });
        } else if (theirs === null) changed = true;
        else {
          if (theirs !== e.speaker) changed = true;
          keptElsewhere.push(theirs === e.speaker ? e : { ...e, speaker: theirs });
        }
      }
      if (changed) {
        const byPlace = (x: { path: string; start: number }, y: { path: string; start: number }) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start);
        variants = keptVariants;
        elsewhere = [...keptElsewhere, ...moved].sort(byPlace);
      }
    }
    if (!corrected && mine === q.speaker && variants === q.variants && elsewhere === q.attributedElsewhere) return q;
    const out: Quote = { ...q, speaker: mine, variants };
    if (corrected) Object.assign(out, { speakerType: corrected.speakerType, speakerMention: null, attribution: READER });
    if (elsewhere !== undefined) out.attributedElsewhere = elsewhere;
    return out;
  };

  const fixed = documents.map(doc => mapSame(doc.quotes, q => fixQuote(doc.path, q)));
  if (quoteEdits || rename.active) regroup(documents, fixed, leaves);

  const out = documents.map((doc, index) => {
    const path = doc.path;
    const quotes = fixed[index];
    const entities = !removedEntities.size && !rename.active ? doc.entities : mapSame(doc.entities, (e): Entity | null => {
      if (removedEntities.size && removedEntities.has(keyOf(path, e))) return null;
      const c = rename(e.canonical);
      return c === e.canonical || c === null ? e : { ...e, canonical: c };
    });
    // Claims of a quote whose speaker the reader changed take the new speaker.
    const quoteSpeakers = speakers.size ? quotes.filter(q => speakers.has(keyOf(path, q))) : [];
    const droppedMentions = removedEntities.size ? doc.entities.filter(e => removedEntities.has(keyOf(path, e))) : [];
    const claims = mapSame(doc.claims, (cl): Claim => {
      let speaker = rename(cl.speaker);
      const said = quoteSpeakers.find(q => q.start >= cl.start && q.end <= cl.end);
      if (said && (cl.kind === 'quote' || cl.kind === 'reported')) speaker = said.speaker;
      let names = rename.active ? [...new Set(cl.entities.map(n => rename(n) ?? n))] : cl.entities;
      if (droppedMentions.length) {
        const gone = droppedMentions.filter(e => e.start >= cl.start && e.end <= cl.end).map(e => rename(e.canonical));
        const still = new Set(entities.filter(e => e.start >= cl.start && e.end <= cl.end).map(e => e.canonical));
        if (gone.some(n => n !== null && !still.has(n))) names = names.filter(n => still.has(n) || !gone.includes(n));
      }
      const verdict = (verdicts.size ? verdicts.get(keyOf(path, cl)) : undefined) ?? (opts.fill ? cl.verdict ?? null : cl.verdict);
      const sameNames = names.length === cl.entities.length && names.every((n, i) => n === cl.entities[i]);
      if (speaker === cl.speaker && sameNames && verdict === cl.verdict && (!opts.fill || 'verdict' in cl)) return cl;
      const next: Claim = opts.inPlace ? Object.assign(cl, { speaker, entities: sameNames ? cl.entities : names }) : { ...cl, speaker, entities: sameNames ? cl.entities : names };
      if (verdict !== undefined) next.verdict = verdict;
      return next;
    });
    const mySource = sourceOf(path);
    const duplicates = mapSame(doc.duplicates, (d): Duplicate | null => {
      if (removedPairs.size && removedPairs.has(pairKey(path, d, d.other))) return null;
      const direction = d.kind === 'shared' ? publishedOrder(mySource?.date, sourceOf(d.other.path)?.date) : null;
      if (direction === (d.direction ?? null) && (!opts.fill || 'direction' in d)) return d;
      if (direction === null && !opts.fill && d.direction === undefined) return d;
      return opts.inPlace ? Object.assign(d, { direction }) : { ...d, direction };
    });
    const sourceChanged = !sameSource(doc.source ?? null, mySource) || (opts.fill === true && !('source' in doc));
    if (quotes === doc.quotes && entities === doc.entities && claims === doc.claims && duplicates === doc.duplicates && !sourceChanged) return doc;
    const next: DocumentResult = { ...doc, quotes, entities, duplicates, claims };
    if (opts.fill || mySource !== null || doc.source !== undefined) next.source = sameSource(doc.source ?? null, mySource) ? doc.source ?? null : mySource;
    return orderedDocument(next);
  });
  return { documents: out, orphans };
}

/**
 * Quote groups after the corrections: the copies a group still holds (those that
 * did not leave it) joined with the quotes that variant links now tie together.
 * A group keeps the smallest id among its old ones; a new group of quotes that
 * had none is named `qr1`, `qr2`, … in document order. `fixed` is rewritten in place (new
 * arrays and quote objects where something changes).
 */
function regroup(documents: readonly DocumentResult[], fixed: Quote[][], leaves: (path: string, q: Quote) => boolean): void {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a) || !parent.has(b)) return;
    const x = find(a), y = find(b);
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  const originals = new Map(documents.map(d => [d.path, new Map(d.quotes.map(q => [keyOf(d.path, q), q]))]));
  fixed.forEach((quotes, i) => { for (const q of quotes) { const k = keyOf(documents[i].path, q); parent.set(k, k); } });
  const firstOfGroup = new Map<string, string>();
  fixed.forEach((quotes, i) => {
    const path = documents[i].path;
    for (const q of quotes) {
      const k = keyOf(path, q);
      const old = originals.get(path)!.get(k);
      if (q.quoteGroup && old && !leaves(path, old)) {
        const first = firstOfGroup.get(q.quoteGroup);
        if (first === undefined) firstOfGroup.set(q.quoteGroup, k);
        else union(first, k);
      }
      for (const v of q.variants) union(k, keyOf(v.path, v));
    }
  });
  const members = new Map<string, { size: number; ids: string[]; first: string }>();
  fixed.forEach((quotes, i) => {
    const path = documents[i].path;
    for (const q of quotes) {
      const k = keyOf(path, q);
      const old = originals.get(path)!.get(k);
      const root = find(k);
      const m = members.get(root) ?? { size: 0, ids: [], first: k };
      m.size++;
      if (q.quoteGroup && old && !leaves(path, old)) m.ids.push(q.quoteGroup);
      members.set(root, m);
    }
  });
  // Ids compare by their number when they have one ("q3" before "q12").
  const idOrder = (a: string, b: string) => (parseInt(a.replace(/^\D+/, ''), 10) - parseInt(b.replace(/^\D+/, ''), 10)) || (a < b ? -1 : a > b ? 1 : 0);
  const named = new Map<string, string>();
  fixed.forEach((quotes, i) => {
    const path = documents[i].path;
    fixed[i] = mapSame(quotes, q => {
      const m = members.get(find(keyOf(path, q)))!;
      let group: string | null = null;
      if (m.size > 1) {
        group = [...new Set(m.ids)].sort(idOrder)[0] ?? null;
        if (group === null) {
          group = named.get(m.first) ?? `qr${named.size + 1}`;
          named.set(m.first, group);
        }
      }
      const size = m.size;
      if (group === (q.quoteGroup ?? null) && size === (q.quoteGroupSize ?? 1)) return q;
      return { ...q, quoteGroup: group, quoteGroupSize: size };
    });
  });
}

/** The contract's field order: `source` after `truncated`. */
function orderedDocument(d: DocumentResult): DocumentResult {
  if (!('source' in d)) return d;
  const { path, length, title, truncated, source, ...rest } = d;
  return { path, length, title, truncated, source, ...rest };
}

function sameSource(x: SourceInfo | null, y: SourceInfo | null): boolean {
  return x === y || (x !== null && y !== null && x.outlet === y.outlet && x.date === y.date && x.url === y.url);
}

function describe(c: Correction): string {
  const words = c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text;
  const what = { 'not-quote': '"Not a quote"', speaker: 'the speaker correction', 'not-duplicate': '"Not a duplicate"', 'not-entity': '"Not an entity"', verdict: 'the verdict' }[c.kind];
  return `${what} on ${JSON.stringify(words)}`;
}

/** A renaming of canonical names by the aliases (a chain followed to its end); `active` when there is any. */
type Rename = ((name: string | null) => string | null) & { active: boolean };

function aliases(a: Annotations, documents: readonly DocumentResult[], orphans: Orphan[]): Rename {
  const map = new Map<string, string>();
  if (a.aliases.length) {
    const names = new Set<string>();
    for (const d of documents) {
      for (const e of d.entities) names.add(e.canonical);
      for (const q of d.quotes) if (q.speaker) names.add(q.speaker);
      for (const c of d.claims) if (c.speaker) names.add(c.speaker);
    }
    const direct = new Map(a.aliases.map(x => [x.name, x.of]));
    a.aliases.forEach((x, index) => {
      if (!names.has(x.name)) {
        orphans.push({ section: 'aliases', index, absent: false, reason: `no entity or speaker is named ${JSON.stringify(x.name)}` });
        return;
      }
      const seen = new Set([x.name]);
      let end = x.of;
      while (direct.has(end) && !seen.has(end)) {
        seen.add(end);
        end = direct.get(end)!;
      }
      if (seen.has(end)) orphans.push({ section: 'aliases', index, absent: false, reason: `the aliases of ${JSON.stringify(x.name)} go round in a circle` });
      else map.set(x.name, end);
    });
  }
  const f = ((name: string | null) => (name === null ? null : map.get(name) ?? name)) as Rename;
  f.active = map.size > 0;
  return f;
}

/**
 * Each document's source metadata, worked out when first asked (a shared passage
 * asks for its other document's too): its own header, field by field overridden
 * by the annotations file.
 */
function sourcesOf(documents: readonly DocumentResult[], a: Annotations, resolve: (p: string) => string | undefined, opts: ApplyOptions, orphans: Orphan[]): (path: string) => SourceInfo | null {
  const set = new Map<string, Annotations['sources'][number]>();
  if (a.sources.length) {
    const paths = new Set(documents.map(d => d.path));
    a.sources.forEach((s, index) => {
      const path = resolve(s.path);
      if (path === undefined || !paths.has(path)) orphans.push({ section: 'sources', index, absent: true, reason: `${s.path} is not among the documents analysed` });
      else set.set(path, s);
    });
  }
  const memo = new Map<string, SourceInfo | null>();
  return path => {
    let info = memo.get(path);
    if (info !== undefined) return info;
    let own: SourceInfo | null;
    if (opts.sourceOf) own = opts.sourceOf(path);
    else {
      const text = opts.text(path);
      own = text === undefined ? null : findSource(text);
    }
    const given = set.get(path);
    if (given) {
      const merged: SourceInfo = { outlet: given.outlet ?? own?.outlet ?? null, date: given.date ?? own?.date ?? null, url: given.url ?? own?.url ?? null };
      own = merged.outlet || merged.date || merged.url ? merged : null;
    }
    info = own;
    memo.set(path, info);
    return info;
  };
}
