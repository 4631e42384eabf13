/**
 * Hover texts (Markdown source) for quotes, duplicated passages and entities.
 * Pure: paths are turned into display names and command links by the caller.
 */
import type { Duplicate, Entity, Quote } from '../../core/types';
import { Commands, NavigationCommands } from '../ids';
import { diffMarkdown, escapeMarkdown, wordDiff } from './diff';
import { entityKey, type DocumentView, type QuoteLinkWithText } from '../../protocol/protocol';
import { itemsAt } from './spans';

export interface HoverContext {
  /** A document key as the user reads it (workspace-relative path). */
  display(key: string): string;
  /** This document's key, for links that start from it ("compare sources"). */
  key?: string;
}

/** A `command:` link that opens a passage; allowed by the hover's trusted commands. */
export function openPassageLink(key: string, start: number, end: number): string {
  return `command:${Commands.openPassage}?${encodeURIComponent(JSON.stringify([key, start, end]))}`;
}

/** A `command:` link that opens this passage beside the other source's copy ("Compare Sources"). */
export function compareSourcesLink(key: string, d: Duplicate): string {
  const arg = { uri: key, start: d.start, end: d.end, facts: { links: [{ path: d.other.path, start: d.other.start, end: d.other.end }] } };
  return `command:${NavigationCommands.compareSources}?${encodeURIComponent(JSON.stringify([arg]))}`;
}

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export function quoteHover(q: Quote, ctx: HoverContext): string {
  const lines: string[] = [];
  const who = q.speaker ? `**${escapeMarkdown(q.speaker)}**${q.speakerType === 'DESCRIPTION' ? ' (description)' : ''}` : '*speaker unknown*';
  lines.push(`$(quote) **Quote** by ${who}${q.cue ? ` · cue: *${escapeMarkdown(q.cue)}*` : ''}`);
  if (q.attribution) lines.push('', `Speaker found by *${escapeMarkdown(q.attribution.step)}*: ${escapeMarkdown(q.attribution.detail)}`);
  const notes = [q.partial ? 'partial quote' : '', q.uncertain ? 'speaker uncertain' : ''].filter(Boolean);
  if (notes.length) lines.push('', `*${notes.join(' · ')}*`);
  const conflict = attributionConflict(q, ctx);
  if (conflict) lines.push('', conflict);
  const variants = q.variants as QuoteLinkWithText[];
  if (!variants.length) {
    lines.push('', 'No other source carries this quote.');
    return lines.join('\n');
  }
  lines.push('', `Also quoted in ${plural(variants.length, 'other source')}:`, '');
  for (const v of variants) {
    const open = `[open](${openPassageLink(v.path, v.start, v.end)})`;
    if (v.identical || v.text === undefined) {
      lines.push(`- ${code(ctx.display(v.path))} — ${v.identical ? 'same words' : 'reworded'} · ${open}`);
    } else {
      lines.push(`- ${code(ctx.display(v.path))} — reworded · ${open}`);
      lines.push(`  - ${diffMarkdown(wordDiff(q.text, v.text))}`);
    }
  }
  if (variants.some(v => !v.identical && v.text !== undefined)) lines.push('', '*~~struck~~: only here · **bold**: only there*');
  return lines.join('\n');
}

/**
 * "The same words are credited to Sergey Lavrov in `001_…`, `002_…`": the other
 * speakers these words have in other sources, each with its sources, or null.
 */
export function attributionConflict(q: Quote, ctx: HoverContext): string | null {
  const bySpeaker = conflictsBySpeaker(q);
  if (!bySpeaker.size) return null;
  const parts = [...bySpeaker].map(([speaker, links]) =>
    `**${escapeMarkdown(speaker)}** in ${links.map(c => `[${code(ctx.display(c.path))}](${openPassageLink(c.path, c.start, c.end)})`).join(', ')}`);
  return `$(warning) **Attribution conflict**: the same words are credited to ${parts.join('; ')}`;
}

/** A quote's attribution conflicts, grouped by the other speaker (the hover and the Claims tree read them alike). */
export function conflictsBySpeaker(q: Quote): Map<string, NonNullable<Quote['attributedElsewhere']>> {
  const by = new Map<string, NonNullable<Quote['attributedElsewhere']>>();
  for (const c of q.attributedElsewhere ?? []) {
    const list = by.get(c.speaker);
    if (list) list.push(c); else by.set(c.speaker, [c]);
  }
  return by;
}

export function duplicateHover(ds: readonly Duplicate[], ctx: HoverContext): string {
  const lines: string[] = [];
  const kinds = new Set(ds.map(d => d.kind));
  const title = kinds.size === 2 ? 'Repeated and shared passage' : kinds.has('repeat') ? 'Repeated passage' : 'Shared passage';
  lines.push(`$(files) **${title}**${ds.some(d => d.boilerplate) ? ' · boilerplate' : ''}`, '', 'Also at:', '');
  for (const d of ds) {
    const where = d.kind === 'repeat' ? 'this file' : code(ctx.display(d.other.path));
    const compare = d.kind === 'shared' && ctx.key !== undefined ? ` · [compare sources](${compareSourcesLink(ctx.key, d)})` : '';
    const when = d.direction === 'earlier' ? ', this source published first' : d.direction === 'later' ? ', the other source published first' : '';
    lines.push(`- ${where} — ${d.label}, ${Math.round(d.similarity * 100)}% similar${when} · [open the other passage](${openPassageLink(d.other.path, d.other.start, d.other.end)})${compare}`);
  }
  return lines.join('\n');
}

export function entityHover(e: Entity, sources: number): string {
  const mention = e.text !== e.canonical ? ` · here as “${escapeMarkdown(e.text)}”` : '';
  return `$(symbol-${e.type === 'PERSON' ? 'key' : 'field'}) **${escapeMarkdown(e.canonical)}** — ${e.type.toLowerCase()}${mention}\n\nMentioned in ${plural(sources, 'source')}.`;
}

/** The note a hover in a partially analysed document ends with. */
export function partialHover(reason: string): string {
  return `$(warning) *Partial analysis:* ${escapeMarkdown(reason)}`;
}

/** The line added to the hovers of a preview (a huge document's part on screen, analysed before the rest). */
export function previewHover(edit = false): string {
  return edit
    ? '$(sync) *First look:* the edited paragraphs are analysed again, the rest is as last shown; the whole analysis follows in a moment.'
    : '$(sync) *First look:* only this part of the article is analysed so far; the whole analysis follows in a moment.';
}

/** Every hover text at an offset: quote, duplicated passage, entity (innermost of each). */
export function hoversAt(view: DocumentView, offset: number, ctx: HoverContext, on: { quotes: boolean; duplicates: boolean; entities: boolean } = { quotes: true, duplicates: true, entities: true }): string[] {
  const at = itemsAt(view.result, offset);
  const out: string[] = [];
  if (on.quotes && at.quotes.length) out.push(quoteHover(at.quotes[0], ctx));
  if (on.duplicates && at.duplicates.length) out.push(duplicateHover(at.duplicates, ctx));
  if (on.entities && at.entities.length) {
    const e = at.entities[0];
    out.push(entityHover(e, view.entitySources[entityKey(e.type, e.canonical)] ?? 1));
  }
  return out;
}
