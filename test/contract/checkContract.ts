/**
 * Checks an `analyze --format json` output against output-format.md: field types,
 * the offset invariant on every span, and mirrored cross-document links.
 * Returns a list of problems (empty when the output honours the contract).
 */
import { normalizeEol } from '../../src/core/text/decode';

type Json = Record<string, unknown>;
const ENTITY_TYPES = ['PERSON', 'ORG', 'PLACE', 'DATE', 'NUMBER', 'MISC'];
const SPEAKER_TYPES = ['PERSON', 'ORG', 'GROUP', 'DESCRIPTION', null];
const CLAIM_KINDS = ['quote', 'reported', 'numeric', 'event', 'statement'];
const STATUSES = ['unique', 'corroborated', 'disputed'];
const VERDICTS = ['verified', 'false', 'needs-checking'];

export function checkContract(out: unknown, readText: (path: string) => string): string[] {
  const errors: string[] = [];
  const err = (where: string, msg: string) => { if (errors.length < 200) errors.push(`${where}: ${msg}`); };
  if (!isObj(out)) return ['output is not an object'];
  if (out.version !== 1) err('root', 'version must be 1');
  if (!Array.isArray(out.documents)) return [...errors, 'documents is not an array'];
  if (!Array.isArray(out.skipped)) err('root', 'skipped is not an array');
  for (const s of (out.skipped as unknown[]) ?? []) {
    if (!isObj(s) || typeof s.path !== 'string' || typeof s.reason !== 'string' || !s.reason) err('skipped', `bad entry ${JSON.stringify(s)}`);
  }
  const docs = new Map<string, Json>();
  const texts = new Map<string, string>();
  for (const d of out.documents as unknown[]) {
    if (!isObj(d) || typeof d.path !== 'string') { err('documents', 'entry without a path'); continue; }
    docs.set(d.path, d);
    texts.set(d.path, normalizeEol(readText(d.path).replace(/^\uFEFF/, '')));
  }
  const spanOk = (where: string, path: string, s: unknown, withText: boolean) => {
    if (!isObj(s)) return err(where, 'not an object');
    const text = texts.get(path);
    if (text === undefined) return err(where, `links to ${path}, which is not a document of the output`);
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return err(where, 'start/end are not integers');
    const a = s.start as number, b = s.end as number;
    if (a < 0 || b > text.length || a >= b) return err(where, `bad range ${a}-${b} (length ${text.length})`);
    if (withText && s.text !== text.slice(a, b)) err(where, `text != slice(${a}, ${b}): ${JSON.stringify(String(s.text).slice(0, 60))}`);
  };

  for (const [path, d] of docs) {
    const text = texts.get(path)!;
    const at = (k: string, i: number) => `${path} ${k}[${i}]`;
    if (d.length !== text.length) err(path, `length ${d.length} != ${text.length}`);
    if (d.title !== null && typeof d.title !== 'string') err(path, 'title must be a string or null');
    for (const key of ['quotes', 'entities', 'duplicates', 'claims']) if (!Array.isArray(d[key])) err(path, `${key} is not an array`);
    // source, direction and verdict are always printed by the CLI; core results leave them out when null.
    if ((d.source ?? null) !== null) {
      const src = d.source as Json;
      if (!isObj(src)) err(path, 'source must be an object or null');
      else for (const key of ['outlet', 'date', 'url']) if (src[key] !== null && (typeof src[key] !== 'string' || !src[key])) err(path, `source.${key} must be a non-empty string or null`);
    }

    (d.quotes as Json[] ?? []).forEach((q, i) => {
      spanOk(at('quotes', i), path, q, true);
      if (q.speaker !== null && (typeof q.speaker !== 'string' || !q.speaker)) err(at('quotes', i), 'speaker must be a non-empty string or null');
      if (!SPEAKER_TYPES.includes(q.speakerType as string)) err(at('quotes', i), `bad speakerType ${q.speakerType}`);
      if ((q.speaker === null) !== (q.speakerType === null)) err(at('quotes', i), 'speaker and speakerType disagree on null');
      if (q.speakerMention !== null) spanOk(at('quotes', i) + '.speakerMention', path, q.speakerMention, false);
      if (q.cue !== null && typeof q.cue !== 'string') err(at('quotes', i), 'cue must be a string or null');
      const why = q.attribution as Json | null | undefined;
      if ((q.speaker === null) !== (why === null)) err(at('quotes', i), 'attribution must be null exactly when speaker is');
      if (why && (typeof why.step !== 'string' || typeof why.detail !== 'string' || !why.step || !why.detail)) err(at('quotes', i), 'attribution must be { step, detail } strings');
      for (const k of ['partial', 'uncertain']) if (typeof q[k] !== 'boolean') err(at('quotes', i), `${k} must be boolean`);
      if (q.group !== null && !Number.isInteger(q.group)) err(at('quotes', i), 'group must be an integer or null');
      if (!Array.isArray(q.variants)) return err(at('quotes', i), 'variants is not an array');
      for (const v of q.variants as Json[]) {
        spanOk(at('quotes', i) + '.variants', v.path as string, v, false);
        if (typeof v.identical !== 'boolean') err(at('quotes', i), 'variant.identical must be boolean');
        const other = docs.get(v.path as string);
        const mirror = (other?.quotes as Json[] | undefined)?.find(o => o.start === v.start && o.end === v.end);
        if (!mirror || !(mirror.variants as Json[]).some(m => m.path === path && m.start === q.start && m.end === q.end)) err(at('quotes', i), `variant in ${v.path} has no mirror`);
        if (mirror && mirror.speaker !== q.speaker) err(at('quotes', i), 'variant with another speaker');
        if (mirror && mirror.quoteGroup !== q.quoteGroup) err(at('quotes', i), 'a variant in another quote group');
      }
      if (q.quoteGroup !== undefined) {
        if (q.quoteGroup !== null && typeof q.quoteGroup !== 'string') err(at('quotes', i), 'quoteGroup must be a string or null');
        if (!Number.isInteger(q.quoteGroupSize) || (q.quoteGroupSize as number) < 1) err(at('quotes', i), 'quoteGroupSize must be a positive integer');
        if ((q.quoteGroup === null) !== (q.quoteGroupSize === 1)) err(at('quotes', i), 'a quote alone has no group, a group has two quotes or more');
      }
      for (const c of (q.attributedElsewhere as Json[] | undefined) ?? []) {
        spanOk(at('quotes', i) + '.attributedElsewhere', c.path as string, c, false);
        const other = (docs.get(c.path as string)?.quotes as Json[] | undefined)?.find(o => o.start === c.start && o.end === c.end);
        if (!other || !((other.attributedElsewhere as Json[] | undefined) ?? []).some(m => m.path === path && m.start === q.start && m.end === q.end)) {
          err(at('quotes', i), `attribution conflict with ${c.path} has no mirror`);
        }
        if (other && (other.speaker !== c.speaker || other.speaker === q.speaker)) err(at('quotes', i), 'attribution conflict names the wrong speaker');
      }
    });
    (d.entities as Json[] ?? []).forEach((e, i) => {
      spanOk(at('entities', i), path, e, true);
      if (!ENTITY_TYPES.includes(e.type as string)) err(at('entities', i), `bad type ${e.type}`);
      if (typeof e.canonical !== 'string' || !e.canonical) err(at('entities', i), 'canonical must be a non-empty string');
    });
    (d.duplicates as Json[] ?? []).forEach((x, i) => {
      spanOk(at('duplicates', i), path, x, 'text' in x);
      const o = x.other as Json;
      if (!isObj(o) || typeof o.path !== 'string') return err(at('duplicates', i), 'other without a path');
      spanOk(at('duplicates', i) + '.other', o.path, o, false);
      if (x.kind === 'repeat' && o.path !== path) err(at('duplicates', i), 'a repeat points to another document');
      if (x.kind === 'shared' && o.path === path) err(at('duplicates', i), 'a shared passage points to its own document');
      if (x.kind !== 'repeat' && x.kind !== 'shared') err(at('duplicates', i), `bad kind ${x.kind}`);
      if (!['verbatim', 'edited', 'reworded'].includes(x.label as string)) err(at('duplicates', i), `bad label ${x.label}`);
      if (typeof x.similarity !== 'number' || x.similarity < 0 || x.similarity > 1) err(at('duplicates', i), 'similarity outside [0,1]');
      if (x.label === 'verbatim' && x.similarity !== 1) err(at('duplicates', i), 'verbatim with similarity != 1');
      if (typeof x.boilerplate !== 'boolean') err(at('duplicates', i), 'boilerplate must be boolean');
      const mirrorList = docs.get(o.path)?.duplicates as Json[] | undefined;
      const mirror = mirrorList?.some(m => isObj(m.other) && m.other.path === path && m.start === o.start && m.end === o.end && m.other.start === x.start && m.other.end === x.end);
      if (!mirror) err(at('duplicates', i), `no mirror in ${o.path}`);
      const direction = x.direction ?? null;
      if (direction !== null && direction !== 'earlier' && direction !== 'later') err(at('duplicates', i), `bad direction ${direction}`);
      if (x.kind === 'repeat' && direction !== null) err(at('duplicates', i), 'a repeat has no direction');
      if (direction !== null) {
        const back = mirrorList?.find(m => isObj(m.other) && m.other.path === path && m.start === o.start && m.end === o.end && m.other.start === x.start && m.other.end === x.end);
        const opposite = direction === 'earlier' ? 'later' : 'earlier';
        if (back && back.direction !== opposite) err(at('duplicates', i), `direction ${direction} but its mirror says ${back.direction ?? null}`);
      }
    });
    (d.claims as Json[] ?? []).forEach((c, i) => {
      spanOk(at('claims', i), path, c, true);
      if (!CLAIM_KINDS.includes(c.kind as string)) err(at('claims', i), `bad kind ${c.kind}`);
      if (!STATUSES.includes(c.status as string)) err(at('claims', i), `bad status ${c.status}`);
      if (c.speaker !== null && typeof c.speaker !== 'string') err(at('claims', i), 'speaker must be a string or null');
      if (!Array.isArray(c.entities) || (c.entities as unknown[]).some(n => typeof n !== 'string')) err(at('claims', i), 'entities must be strings');
      if (!Array.isArray(c.numbers)) err(at('claims', i), 'numbers is not an array');
      for (const n of (c.numbers as Json[]) ?? []) if (typeof n.value !== 'number') err(at('claims', i), 'number without a value');
      // Mirrors: corroboratedBy in corroboratedBy or (partial corroboration) in partlyCorroboratedBy, and back; disputedBy in disputedBy.
      const mirrorsOf: Record<string, string[]> = { corroboratedBy: ['corroboratedBy', 'partlyCorroboratedBy'], disputedBy: ['disputedBy'], partlyCorroboratedBy: ['corroboratedBy'] };
      for (const key of ['corroboratedBy', 'disputedBy', 'partlyCorroboratedBy']) {
        const links = c[key] as Json[];
        if (key === 'partlyCorroboratedBy' && links === undefined) continue;
        if (!Array.isArray(links)) { err(at('claims', i), `${key} is not an array`); continue; }
        for (const l of links) {
          spanOk(`${at('claims', i)}.${key}`, l.path as string, l, false);
          const other = (docs.get(l.path as string)?.claims as Json[] | undefined)?.find(o => o.start === l.start && o.end === l.end);
          if (!other || !mirrorsOf[key].some(k => ((other[k] as Json[] | undefined) ?? []).some(m => m.path === path && m.start === c.start && m.end === c.end))) err(at('claims', i), `${key} link to ${l.path} has no mirror`);
        }
      }
      if ((c.verdict ?? null) !== null) {
        const v = c.verdict as Json;
        if (!isObj(v) || !VERDICTS.includes(v.value as string)) err(at('claims', i), `bad verdict ${JSON.stringify(c.verdict)}`);
        else if (v.note !== null && typeof v.note !== 'string') err(at('claims', i), 'verdict note must be a string or null');
      }
      if (c.claimGroup !== undefined || c.claimGroupSize !== undefined) {
        if (c.claimGroup !== null && typeof c.claimGroup !== 'string') err(at('claims', i), 'claimGroup must be a string or null');
        if (!Number.isInteger(c.claimGroupSize) || (c.claimGroupSize as number) < 1) err(at('claims', i), 'claimGroupSize must be a positive integer');
        else if ((c.claimGroup === null) !== (c.claimGroupSize === 1)) err(at('claims', i), 'a claim alone has no group, a group has two claims or more');
        if (c.claimGroup === null && ((c.corroboratedBy as unknown[]) ?? []).length) err(at('claims', i), 'a corroborated claim without a claimGroup');
      }
      const expected = (c.disputedBy as unknown[]).length ? 'disputed' : (c.corroboratedBy as unknown[]).length ? 'corroborated' : 'unique';
      if (c.status !== expected) err(at('claims', i), `status ${c.status} but links say ${expected}`);
    });
  }
  return errors;
}

function isObj(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
