/**
 * The one reader for what a command was given. Commands that act on a passage are
 * called from the Claims view (the tree passes its node), from hover links and
 * keybindings (`{ uri, offset }` or `{ uri, start, end }`), or from tests (an item
 * id). Each command keeps what it needs of the answer; none reads `arg` itself.
 */

/** A passage in another document, as a Claims node lists its links. */
export interface LinkedPassage {
  path: string;
  start: number;
  end: number;
}

export interface CommandArg {
  /** The Claims view item id, when the caller named one (a string or `{ id }`). */
  id?: string;
  /** The document (URI string) the passage is in. */
  uri?: string;
  start?: number;
  end?: number;
  /** Where a cursor command acts: the `offset` given, else the passage's start. */
  offset?: number;
  /** The passages a Claims node is linked to (empty for anything else). */
  links: LinkedPassage[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function isLink(v: unknown): v is LinkedPassage {
  if (!v || typeof v !== 'object') return false;
  const l = v as Record<string, unknown>;
  return typeof l.path === 'string' && num(l.start) !== undefined && num(l.end) !== undefined;
}

/** Reads a command argument; `undefined` when there is none or it names nothing. */
export function readCommandArg(arg: unknown): CommandArg | undefined {
  if (typeof arg === 'string') return arg ? { id: arg, links: [] } : undefined;
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as Record<string, unknown>;
  const out: CommandArg = { links: [] };
  if (typeof a.id === 'string' || typeof a.id === 'number') out.id = String(a.id);
  if (typeof a.uri === 'string') out.uri = a.uri;
  out.start = num(a.start);
  out.end = num(a.end);
  out.offset = num(a.offset) ?? out.start;
  const facts = a.facts as { links?: unknown } | undefined;
  if (facts && Array.isArray(facts.links)) out.links = facts.links.filter(isLink).map(l => ({ path: l.path, start: l.start, end: l.end }));
  return out.id !== undefined || out.uri !== undefined ? out : undefined;
}

/** The argument as a whole passage (`uri`, `start`, `end`), or `undefined`. */
export function passageOf(arg: unknown): (Required<Pick<CommandArg, 'uri' | 'start' | 'end'>> & { links: LinkedPassage[] }) | undefined {
  const a = readCommandArg(arg);
  if (!a || a.uri === undefined || a.start === undefined || a.end === undefined) return undefined;
  return { uri: a.uri, start: a.start, end: a.end, links: a.links };
}
