/**
 * Source metadata from the top of a document: who published it (outlet), when
 * (date, ISO 8601) and where (url). Read from YAML front matter (`---` … `---`,
 * as Markdown articles carry it), from a block of `Key: value` header lines, or
 * from a dateline of the form " date 2022-02-15 Moscow:". Nothing is removed from
 * the text: the analysis and every offset still see the whole document.
 */
import type { SourceInfo } from '../types';

/** How far into a document a header may reach (front matter included). */
const HEADER_UNITS = 4096;

/** Header keys, lower-cased, and the field each fills. */
const KEYS: ReadonlyMap<string, keyof SourceInfo> = new Map(Object.entries({
  outlet: 'outlet', publisher: 'outlet', source: 'outlet', site: 'outlet', site_name: 'outlet', publication: 'outlet',
  date: 'date', published: 'date', published_at: 'date', publishedat: 'date', pubdate: 'date', date_published: 'date',
  url: 'url', link: 'url', canonical_url: 'url', source_url: 'url',
} as const));

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/** A date as ISO 8601 (`2022-02-15`, or with a time), or null when `raw` is not one. */
export function isoDate(raw: string): string | null {
  const s = raw.trim();
  const day = ISO_DAY.exec(s);
  if (day) return validDay(+day[1], +day[2], +day[3]) ? s : null;
  const t = ISO_TIME.exec(s);
  if (t && validDay(+t[1], +t[2], +t[3])) return s.replace(' ', 'T');
  return null;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const URL = /^https?:\/\/[^\s<>"]+$/i;

function unquote(v: string): string {
  const s = v.trim();
  if (s.length >= 2 && ((s[0] === '"' && s.at(-1) === '"') || (s[0] === "'" && s.at(-1) === "'"))) return s.slice(1, -1).trim();
  return s;
}

/** Fills `info` from `key: value`; false when the line is not a known header key. */
function header(info: SourceInfo, key: string, value: string): boolean {
  // (A map: a line "Constructor: …" is no header, where an object's inherited properties made it one.)
  const field = KEYS.get(key.trim().toLowerCase());
  if (!field) return false;
  const v = unquote(value);
  if (!v) return true;
  if (field === 'date') info.date ??= isoDate(v);
  else if (field === 'url') info.url ??= URL.test(v) ? v : null;
  else info.outlet ??= v.length <= 120 ? v : null;
  return true;
}

const KEY_LINE = /^([A-Za-z][A-Za-z_ ]{0,30}?)\s*:\s*(.*)$/;

/**
 * The source metadata a document's own text states, or null when it states none.
 * Never throws.
 */
export function findSource(text: string): SourceInfo | null {
  const head = text.slice(0, HEADER_UNITS).replace(/^\uFEFF/, '');
  const info: SourceInfo = { outlet: null, date: null, url: null };
  const lines = head.split(/\r\n|\r|\n/);
  if (lines[0]?.trim() === '---') {
    // YAML front matter: flat `key: value` lines up to the closing `---` (or `...`).
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() === '---' || line.trim() === '...') break;
      const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (m) header(info, m[1].replace(/-/g, '_'), m[2]);
    }
  } else {
    // A block of header lines at the very top ("Date: 2022-02-15", "Source: …"), up to the first other line.
    for (const line of lines) {
      const m = KEY_LINE.exec(line.trim());
      if (!m || !header(info, m[1].replace(/ /g, '_'), m[2])) break;
    }
    // A dateline: " date 2022-02-15 Moscow: …".
    const dateline = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/i.exec(head);
    if (dateline) info.date ??= isoDate(dateline[1]);
  }
  return info.outlet || info.date || info.url ? info : null;
}

/**
 * Which of two dated sources came first, seen from `mine`: 'earlier', 'later',
 * or null when either date is unknown or they are the same. Dates are compared
 * to the day when either has no time.
 */
export function publishedOrder(mine: string | null | undefined, theirs: string | null | undefined): 'earlier' | 'later' | null {
  if (!mine || !theirs) return null;
  let a: number, b: number;
  if (mine.length === 10 || theirs.length === 10) {
    a = Date.parse(mine.slice(0, 10));
    b = Date.parse(theirs.slice(0, 10));
  } else {
    a = Date.parse(mine);
    b = Date.parse(theirs);
  }
  if (Number.isNaN(a) || Number.isNaN(b) || a === b) return null;
  return a < b ? 'earlier' : 'later';
}
