/**
 * Names: runs of name words, titles stripped from them, the document's `NameBook`
 * (fullest form of each name, genders, organisations by their head word, people by
 * their titles, the document's PERSON and ORG entities) and `resolvePhrase`, which
 * turns a phrase found beside a cue into a `Speaker`: names lose their titles and
 * take the fullest form the document holds; "the ministry" becomes the last
 * organisation so headed, "Russia’s foreign minister" the person the document
 * titles so.
 */
import { type AnalysisContext, Memo, Slot } from '../text/memo';
import type { Entity, SpeakerType, Span } from '../types';
import { endsClause, hasBreak, headline, isCap, isTitle, isWord, possessive, QUOTE_TOKEN, type Tok, withoutPossessive } from './tokens';
import { AGENT_PLURAL, DAYS, DOCUMENT_HEADS, FEMALE, GROUP_HEADS, HEAD_PREPOSITIONS, PEOPLE, MALE, ORG_WORDS, PARTICLES, PREPOSITIONS, PRONOUNS, QUANTIFIERS, TITLES, oneOf } from './words';

/** Words a token is tested against (exact matches, as the `/^(?:…)$/` patterns they replace). */
const ONE_OF_THE_A_AN = oneOf('the|a|an|his|her|their|its');
const ONE_OF_THE_HIS_HER = oneOf('the|his|her|their|its');
const ONE_OF_IS_WAS = oneOf('is|was');
const ONE_OF_NAMED_APPOINTED_ELECTED = oneOf('named|appointed|elected|made');
const ONE_OF_A_AN_THE = oneOf('a|an|the|its|their|his|her|our');
const ONE_OF_WHO_WHICH_THAT = oneOf('who|which|that|and');
const ONE_OF_LAST_NEXT_THIS = oneOf('last|next|this|early|late|earlier|later|once|again|until');
const ONE_OF_WHO_WHICH_THAT_2 = oneOf('who|which|that');
const ONE_OF_A_AN_THE_2 = oneOf('a|an|the|and|or|who|which|that');
const ONE_OF_ONE_EACH = oneOf('one|each');

/** Who speaks a quote, as the words beside it name them. */
export interface Speaker {
  name: string;
  type: SpeakerType;
  mention: Span;
  /** A pronoun still to resolve. */
  pronoun?: 'm' | 'f' | 'p' | 'x';
  /** How the words became this speaker, when not as they stand ("'the minister' is Paul Okafor, so titled earlier"). */
  note?: string;
}

/** A noun phrase found beside a cue. */
export interface Phrase {
  toks: Tok[];
  kind: 'name' | 'pronoun' | 'desc';
  /** The speaker's name when the words are not it as they stand: "Harbor Commission report" for "a report by the Harbor Commission". */
  label?: string;
  /** The author's words in a labelled document phrase: a person author speaks for the document. */
  author?: Tok[];
}

/** A run of name words ending at token `j` (inclusive), walking backwards no further than `lo`. */
export function nameRunBack(toks: readonly Tok[], j: number, lo: number): number {
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
export function nameRunForward(toks: readonly Tok[], j: number, hi: number): number {
  let e = j;
  while (e + 1 < hi) {
    const n = toks[e + 1];
    if (isCap(n) || isTitle(n)) { e++; continue; }
    if ((n.lower === 'of' || PARTICLES.has(n.w)) && e + 2 < hi && isCap(toks[e + 2])) { e += 2; continue; }
    break;
  }
  return e;
}

/**
 * The speaker's name a capitalised run holds, as tokens: titles, organisation words and
 * possessives before it cut ("NATO Secretary General Jens Stoltenberg" -> "Jens
 * Stoltenberg"), or the whole run, flagged `org`, when it names an organisation.
 * (entities/stripTitles does the string-level job for canonical names.)
 */
export function nameInRun(run: readonly Tok[]): { toks: Tok[]; org: boolean } {
  let words = run.filter(t => isWord(t));
  if (!words.length) return { toks: [], org: false };
  // "Gov. Earl Ray Tomblin of West Virginia" -> the part before "of" when it holds a name.
  const of = words.findIndex(t => t.lower === 'of');
  if (of > 0 && words.slice(0, of).some(t => !TITLES.has(t.lower) && !ORG_WORDS.has(t.lower))) {
    const left = words.slice(0, of);
    if (!ORG_WORDS.has(left[left.length - 1].lower)) words = left;
  }
  const bare = (t: Tok) => withoutPossessive(t.lower);
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

/** `s.split(' ').length`, counted without the pieces. */
function pieces(s: string): number {
  let n = 1;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

const nameText = (toks: readonly Tok[]) => toks.map(t => withoutPossessive(t.w)).join(' ');

/** The document's names: fullest forms, genders, entities. */
export class NameBook {
  /** Lower-cased single token -> fullest name holding it, and that name's word count (split on ' '). */
  private readonly byToken = new Map<string, { full: string; n: number }>();
  private readonly entities: Entity[];
  private readonly gender = new Map<string, 'm' | 'f'>();
  /** Head word of an organisation's name -> its mentions in order: "ministry" -> "Russian Defense Ministry". */
  private readonly orgHead = new Map<string, { pos: number; name: string }[]>();
  /** A title's words -> the people it precedes: "foreign minister" -> [{ run: "ukrainian foreign minister", name }]. */
  private rolesByKey: Map<string, { run: string; name: string; pos: number; org?: boolean }[]> | null = null;
  /** Each line's roles and the line's start, gathered into `roles` on first use (most documents never ask). */
  private readonly lineRoles: { roles: LineNames['roles']; base: number }[] = [];
  /** Words seen capitalised away from a sentence start: names, not just capitalised words. */
  private readonly inside = new Set<string>();

  /**
   * `lines`: the tokens came from `tokenizeOnce`, whose stretches from a line's start these are; what
   * each line teaches is then learnt as it stands, memoised nowhere (else memoised in `ctx`).
   */
  constructor(ctx: AnalysisContext, text: string, toks: readonly Tok[], entities: readonly Entity[], lines?: readonly number[]) {
    const memo = ctx.get(NAME_MEMOS);
    // A "name" holding a conjunction or a comma is two names run together: not used.
    // (What the book reads of a canonical name is looked up once per entity, and kept
    // beside it for the people's pass below.)
    let ents: Entity[] = [];
    let infos: CanonicalInfo[] = [];
    let inOrder = true;
    for (const e of entities) {
      if (e.type !== 'PERSON' && e.type !== 'ORG') continue;
      const info = memo.canonicals.get(e.canonical, canonicalInfo);
      if (info.two) continue;
      const x = e.type !== 'PERSON' || info.untitled === e.canonical ? e : { ...e, canonical: info.untitled };
      if (ents.length && x.start < ents[ents.length - 1].start) inOrder = false;
      ents.push(x);
      infos.push(info);
    }
    if (!inOrder) {
      // (A stable sort by start, the infos following their entities.)
      const order = ents.map((_, k) => k).sort((a, b) => ents[a].start - ents[b].start);
      ents = order.map(k => ents[k]);
      infos = order.map(k => infos[k]);
    }
    this.entities = ents;
    // What each line teaches depends on its tokens alone (a run of name words never
    // crosses a line break): learnt per line, memoised on its text and quote marks,
    // and replayed in document order.
    for (let i = 0, li = 0; i < toks.length;) {
      const base = toks[i].start;
      let g: number, learnt: LineNames;
      const place = toks[i].place;
      if (lines) {
        // (As below, memoised nowhere: a stretch from a line's start on its own, else the tokens to the line's end.)
        while (li < lines.length && lines[li] < i) li += 2;
        g = li < lines.length && lines[li] === i ? lines[li + 1] : lineTokensEnd(toks, i, lineEndAt(text, base));
        learnt = learnLine(text, toks, i, g);
      } else if (place.toks && place.toks[0] === toks[i] && (place.base === 0 || text.charCodeAt(place.base - 1) === 10)) {
        // A stretch the tokenizer memoised from a line's start (the whole line, or up to
        // a quote's start): its tokens are a line of their own, and what they teach is
        // kept with them.
        g = i + place.toks.length;
        const from = i;
        learnt = (place.names ??= learnLine(text, toks, from, g)) as LineNames;
      } else {
        const lineEnd = lineEndAt(text, base);
        let marks = '';
        g = lineTokensEnd(toks, i, lineEnd);
        for (let k = i; k < g; k++) if (toks[k].w === QUOTE_TOKEN) marks += `\u0000${toks[k].start - base}-${Math.min(toks[k].end, lineEnd) - base}`;
        const from = i, to = g;
        learnt = memo.lineNames.get(text.slice(base, lineEnd) + marks, () => learnLine(text, toks, from, to));
      }
      for (const w of learnt.inside) this.inside.add(w);
      for (const o of learnt.orgs) {
        const list = this.orgHead.get(o.head) ?? [];
        list.push({ pos: o.pos + base, name: o.name });
        this.orgHead.set(o.head, list);
      }
      if (learnt.roles.length) this.lineRoles.push({ roles: learnt.roles, base });
      for (const t of learnt.names) {
        const prev = this.byToken.get(t.key);
        if (!prev || (prev.n < t.words && t.strong)) this.byToken.set(t.key, t.full);
      }
      for (const x of learnt.genders) this.gender.set(x.full, x.g);
      i = g;
    }
    for (let j = 0; j < ents.length; j++) {
      const e = ents[j];
      if (e.type !== 'PERSON') continue;
      const { keys, n } = infos[j];
      if (keys.length < 2) continue;
      // Error kind: a noun phrase taken for the speaker. A word inside a longer name
      // ("King" in the show "Larry King Now", "Ray" in "Earl Ray Tomblin") does not
      // make that name the fullest form of the person: only a first or last word
      // replaces a shorter name already known for it.
      for (let k = 0; k < keys.length; k++) {
        const prev = this.byToken.get(keys[k]);
        const edge = k === 0 || k === keys.length - 1;
        if (!prev || (prev.n < keys.length && edge)) this.byToken.set(keys[k], { full: e.canonical, n });
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
  personForRole(words: readonly string[], pos: number): { name: string; org?: boolean; later?: boolean } | undefined {
    const owner = words.length > 2 && /[’']s$/.test(words[0]) ? words[0].slice(0, 4) : null;
    const role = words.slice(owner ? 1 : 0).filter(w => !ONE_OF_THE_A_AN.has(w));
    // (A possessive pronoun points back as the article does: "his spokesman", "her lawyer".)
    if (!owner && ONE_OF_THE_HIS_HER.has(words[0])) {
      // Error kind: a role resolved to the name it was introduced with: "the
      // spokeswoman", "the former secretary of state" is the last person named so
      // before it (by the role's words before its preposition).
      const of = role.findIndex(w => PREPOSITIONS.has(w));
      const head = of > 0 ? role.slice(0, of) : role;
      for (let k = Math.max(0, head.length - 2); k < head.length; k++) {
        let last: { name: string; org?: boolean } | undefined;
        for (const x of this.roles.get(head.slice(k).join(' ')) ?? []) if (x.pos < pos) last = x;
        if (last) return last;
      }
      // Error kind: the name given just after the quote. A role no one was introduced with before it is the one person
      // (not a body: "the agency" may be one named before in other words) the document introduces with it next, close
      // after ("“I never said that,” the senator insisted. Senator Joe Blake has denied …"), when the document gives
      // that role to no one else.
      const list = this.roles.get(head.join(' '));
      const next = list?.find(x => x.pos > pos);
      if (next && !next.org && next.pos - pos <= ROLE_AHEAD && list!.every(x => x.name === next.name)) return { ...next, later: true };
    }
    for (let k = 0; k < role.length; k++) {
      const list = this.roles.get(role.slice(k).join(' '));
      if (!list || role.length - k < 1) continue;
      const names = new Set(list.map(x => x.name));
      if (owner) {
        const hit = list.find(x => x.run.split(' ').some(w => w.startsWith(owner)));
        if (hit) return hit;
        const bare = list.filter(x => x.run === role.slice(k).join(' '));
        if (new Set(bare.map(x => x.name)).size === 1) return bare[0];
      } else if (names.size === 1 && role.length - k >= 2) return list[0];
      return undefined;
    }
    return undefined;
  }

  /** Roles by their words -> the names they precede or follow, in document order. */
  private get roles(): Map<string, { run: string; name: string; pos: number; org?: boolean }[]> {
    if (this.rolesByKey) return this.rolesByKey;
    const m = new Map<string, { run: string; name: string; pos: number; org?: boolean }[]>();
    for (const { roles, base } of this.lineRoles) {
      for (const r of roles) {
        const list = m.get(r.key) ?? [];
        list.push({ ...r.entry, pos: r.pos + base });
        m.set(r.key, list);
      }
    }
    return (this.rolesByKey = m);
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
    // (The words split on ' ', counted without building them: this runs for every name phrase and PERSON entity.)
    const k = name.lastIndexOf(' ');
    const lastWord = k < 0 ? name : name.slice(k + 1);
    const hit = this.byToken.get(lastWord.toLowerCase());
    if (!hit) return name;
    if (k < 0) return hit.full;
    let words = 2;
    for (let i = name.indexOf(' '); i < k; i = name.indexOf(' ', i + 1)) words++;
    return hit.n > words && hit.full.endsWith(lastWord) ? hit.full : name;
  }

  genderOf(name: string, run: readonly Tok[]): 'm' | 'f' | null {
    const g = this.gender.get(name);
    if (g !== undefined) return g;
    // (The first word split on ' ', cut out without splitting the rest.)
    const sp = name.indexOf(' ');
    return genderOfWords((sp < 0 ? name : name.slice(0, sp)).toLowerCase(), run);
  }
}

/** Where the line holding `pos` ends (its break, or the text's end). */
function lineEndAt(text: string, pos: number): number {
  const le = text.indexOf('\n', pos);
  return le < 0 ? text.length : le;
}

/** The end of the tokens from `i` that start before `lineEnd` (token `i` among them). */
function lineTokensEnd(toks: readonly Tok[], i: number, lineEnd: number): number {
  let g = i + 1;
  while (g < toks.length && toks[g].start < lineEnd) g++;
  return g;
}

/** What one line teaches the name book, positions from the line's first token. */
interface LineNames {
  inside: string[];
  orgs: { head: string; pos: number; name: string }[];
  roles: { key: string; pos: number; entry: { run: string; name: string; org?: boolean } }[];
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
    if (e === i) {
      // Error kind: a noun phrase taken for the speaker ("the country’s largest lender
      // said"): the role a one-word name (or below, an organisation) is introduced with.
      const role = appositiveRole(toks, e, hi);
      const lead = role.length ? role : roleBeforeAppositive(toks, i, e, lo, hi);
      if (lead.length) addRoles(out, lead, toks[i].start - base, nameText([toks[i]]), false, 1);
      continue; // one word makes no full name
    }
    const run = toks.slice(i, e + 1);
    i = e;
    const { toks: name, org } = nameInRun(run);
    if (org && name.length >= 2) out.orgs.push({ head: name[name.length - 1].lower, pos: name[0].start - base, name: nameText(name) });
    const after = org && name.length ? appositiveRole(toks, e, hi) : [];
    const orgRole = after.length || !org || !name.length ? after : roleBeforeAppositive(toks, e - run.length + 1, e, lo, hi);
    if (orgRole.length) addRoles(out, orgRole, name[0].start - base, nameText(name), true, 1);
    if (org || name.length < 2 || name.length > 4) continue;
    if (name.some((t, k) => ORG_WORDS.has(t.lower) || (possessive(t) && k < name.length - 1) || (/^\p{Lu}+$/u.test(t.w) && t.w.length > 1))) continue;
    const full = nameText(name);
    if (HEADLINE_VERB_IN_NAME.test(full)) continue;
    const entry = { full, n: pieces(full) };
    const titled = run.length > name.length;
    const pos = name[0].start - base;
    if (titled) addRoles(out, run.slice(0, run.length - name.length).filter(isWord).map(t => roleWord(t.lower.replace(/\.$/, ''))), pos, full, false, 3);
    // Error kind: a description kept where the text names the person. The role a name
    // is introduced with in lower case, before it ("campaign spokeswoman Jane Roe") or
    // as an appositive after it ("Jane Roe, a spokeswoman for the agency,"), for a
    // later "the spokeswoman" to resolve to.
    if (!titled) addRoles(out, lowerRoleBefore(toks, e - run.length + 1, lo), pos, full, false, 3);
    addRoles(out, appositiveRole(toks, e, hi), pos, full, false, 3);
    addRoles(out, roleBeforeAppositive(toks, e - run.length + 1, e, lo, hi), pos, full, false, 3);
    const lastKey = withoutPossessive(name[name.length - 1].lower);
    for (const t of name) {
      const key = withoutPossessive(t.lower);
      out.names.push({ key, words: name.length, strong: titled || key === lastKey, full: entry });
    }
    const g = genderOfWords(name[0].lower, run);
    if (g) out.genders.push({ full, g });
  }
  return out;
}

/**
 * Error kind: a role noun not resolved to the person introduced with it. A title
 * written short before a name is the role a later mention spells out: "Sen. Paul
 * Ameri … the senator said".
 */
const TITLE_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  sen: 'senator', sens: 'senator', rep: 'representative', reps: 'representative', gov: 'governor', lt: 'lieutenant', gen: 'general',
  sec: 'secretary', atty: 'attorney', supt: 'superintendent', amb: 'ambassador', adm: 'admiral', col: 'colonel', capt: 'captain',
  sgt: 'sergeant', cmdr: 'commander', prof: 'professor', pres: 'president', insp: 'inspector', det: 'detective', supv: 'supervisor',
}));
/** How far after a role without a name (characters) the name it is introduced with may come (`personForRole`). */
const ROLE_AHEAD = 300;

/** A title word written in full (a map: a word such as "constructor" is itself, not a property of objects). */
const roleWord = (w: string) => TITLE_WORDS.get(w) ?? w;

/** Records role `words` (its last `keep` suffixes as keys) for the name `name` at `pos`. */
function addRoles(out: LineNames, words: readonly string[], pos: number, name: string, org: boolean, keep: number): void {
  if (!words.length) return;
  const run = words.join(' ');
  const entry = org ? { run, name, org } : { run, name };
  for (let k = keep === 1 ? 0 : Math.max(0, words.length - keep); k < words.length; k++) out.roles.push({ key: words.slice(k).join(' '), pos, entry });
}

/** No role words (shared: never written to). */
const NO_WORDS: readonly string[] = [];
const ONE_OF_COMMA_IS_WAS = oneOf(',|is|was|as|named|appointed|elected|made');

/** Lower-case title words right before token `i` ("campaign spokeswoman" before "Jane Roe"), the last one a known title. */
function lowerRoleBefore(toks: readonly Tok[], i: number, lo: number): readonly string[] {
  const t = toks[i - 1];
  if (i - 1 < lo || !t || !/^\p{Ll}/u.test(t.w) || !TITLES.has(t.lower)) return NO_WORDS;
  const p = toks[i - 2];
  return i - 2 >= lo && p && /^\p{L}+$/u.test(p.w) && !STOP_BEFORE_ROLE.test(p.lower) ? [p.lower, t.lower] : [t.lower];
}

/** Words that do not belong to a role before a name. */
const STOP_BEFORE_ROLE = /^(?:the|a|an|and|or|but|said|says|with|by|of|to|for|from|as|that|who|his|her|their|its)$/;

/** The role of an appositive (or a copula's complement, or "as" a role) after the name ending at `e`: "Jane Roe, a spokeswoman for the agency," -> ["spokeswoman"]; "…, the city’s finance director," -> ["finance", "director"]; "… Jane Roe as its spokeswoman" -> ["spokeswoman"]. */
function appositiveRole(toks: readonly Tok[], e: number, hi: number): readonly string[] {
  // (Or a copula: "Jane Roe is the former secretary of state"; or the role a person is
  // given: "the firm hired Jane Roe as its spokeswoman", "Jane Roe, its chief economist,",
  // "Jane Roe was named its spokeswoman".)
  let v = e + 1;
  if (ONE_OF_IS_WAS.has(toks[v]?.lower ?? '') && ONE_OF_NAMED_APPOINTED_ELECTED.has(toks[v + 1]?.lower ?? '')) v++;
  const given = toks[v]?.lower === 'as' || v > e + 1;
  if (!ONE_OF_COMMA_IS_WAS.has(toks[v]?.lower ?? '') || !ONE_OF_A_AN_THE.has(toks[v + 1]?.lower ?? '')) return NO_WORDS;
  const words: string[] = [];
  let k = v + 2;
  if (toks[k] && possessive(toks[k])) k++;
  for (; k < hi && k - e < 9; k++) {
    const t = toks[k];
    if (!isWord(t) || !/^\p{Ll}/u.test(t.w) || PREPOSITIONS.has(t.lower) || ONE_OF_WHO_WHICH_THAT.has(t.lower)) break;
    words.push(t.lower);
  }
  if (given) {
    // (A given role ends before the time words after it: "as its spokeswoman last year".)
    const n = words.findIndex(w => ONE_OF_LAST_NEXT_THIS.has(w) || DAYS.test(w));
    return words.slice(0, n < 0 ? words.length : n).slice(-2);
  }
  return words.length && (k >= hi || !isWord(toks[k]) || PREPOSITIONS.has(toks[k].lower) || ONE_OF_WHO_WHICH_THAT_2.has(toks[k].lower)) ? words.slice(-2) : [];
}

/**
 * Error kind: a noun phrase taken for the speaker ("the country’s largest lender
 * said"). The role a name is introduced with when the description opens the clause
 * and the name follows as its appositive: "The country’s largest lender, Norbank,
 * cut …", "The state’s top election official, Jane Roe, said …" -> ["largest",
 * "lender"]. `s`..`e` is the name; [] when the words before it are anything else.
 */
function roleBeforeAppositive(toks: readonly Tok[], s: number, e: number, lo: number, hi: number): readonly string[] {
  if (s - 2 < lo || toks[s - 1].w !== ',' || e + 1 >= hi || toks[e + 1].w !== ',') return NO_WORDS;
  const words: string[] = [];
  let k = s - 2;
  for (; k >= lo && s - k < 8; k--) {
    const t = toks[k];
    if (!isWord(t) || !/^\p{Ll}/u.test(t.w) || PREPOSITIONS.has(t.lower) || ONE_OF_A_AN_THE_2.has(t.lower)) break;
    if (possessive(t)) { k--; break; }
    words.unshift(t.lower);
  }
  // (The article opens the clause: "…. The country’s largest lender, …", not "… at the bank, Norbank, …".)
  if (!words.length || k < lo || toks[k].lower !== 'the' || (k > lo && !endsClause(toks[k - 1]))) return NO_WORDS;
  return words.slice(-2);
}

/** A "name" holding a conjunction or a comma (two names run together), or a verb. */
const twoNames = (canonical: string) => /\sand\s|[,;]/.test(canonical) || HEADLINE_VERB_IN_NAME.test(canonical);
/**
 * Error kind: a noun phrase taken for a speaker. A "name" holding a verb is a
 * headline's words ("Donald Trump Is Right"); one ending in an event's or a law's word
 * names that thing ("Barack Obama Election Day"), not a person.
 */
const HEADLINE_VERB_IN_NAME = /\s(?:Is|Are|Was|Were|Has|Have|Says|Said|Will|Wants|Calls)(?:\s|$)|\s(?:Day|Week|Night|Eve|Act|Law|Rule|Award|Prize|Foundation|Fund)$/;
/**
 * What the name book reads of an entity's canonical name: whether it is two names
 * run together (`twoNames`), the name without leading titles (a PERSON's, `untitled`),
 * and that name's lower-cased words (split on white space) and its word count split on
 * ' ', as the book learns a person's name.
 */
interface CanonicalInfo {
  two: boolean;
  untitled: string;
  keys: readonly string[];
  n: number;
}
const canonicalInfo = (canonical: string): CanonicalInfo => {
  const u = untitled(canonical);
  return { two: twoNames(canonical), untitled: u, keys: u.split(/\s+/).map(p => p.toLowerCase()), n: pieces(u) };
};
/** What a NameBook learns that depends on one text only: per line, per canonical name. */
const NAME_MEMOS = new Slot('quotes.names', () => ({
  lineNames: new Memo<LineNames>(100_000),
  canonicals: new Memo<CanonicalInfo>(50_000),
}));

/** A person's name without leading titles: "Villager Lyudmila Nechvolod" -> "Lyudmila Nechvolod". */
function untitled(name: string): string {
  // (Most names open with no title: their first word is looked at without splitting them.)
  const sp = name.indexOf(' ');
  if (sp < 0 || !TITLES.has(name.slice(0, sp).toLowerCase())) return name;
  const words = name.split(' ');
  let s = 0;
  while (s < words.length - 1 && TITLES.has(words[s].toLowerCase())) s++;
  return s ? words.slice(s).join(' ') : name;
}

function genderOfWords(first: string, run: readonly Tok[]): 'm' | 'f' | null {
  // (`/^(?:mrs|ms|miss)\.?$/` and `/^mr\.?$/` on each word's lower case, as set lookups in one pass.)
  let female = false, male = false;
  for (const t of run) {
    if (FEMALE_TITLES.has(t.lower)) female = true;
    else if (MALE_TITLES.has(t.lower)) male = true;
  }
  if (female || FEMALE.has(first)) return 'f';
  if (male || MALE.has(first)) return 'm';
  return null;
}
const FEMALE_TITLES = oneOf('mrs|ms|miss|mrs.|ms.|miss.'), MALE_TITLES = oneOf('mr|mr.');

/**
 * Error kind: speaker types kept honest. A description headed by a document ("a
 * leaked memo", "Ivana Trump’s brief") or an organisation word is an ORG; one headed
 * by a group, a plural or a quantity ("the striking nurses", "most of those
 * surveyed") is a GROUP; else it stays a DESCRIPTION of a person the text does not name.
 */
export function descriptionType(words: readonly Tok[]): SpeakerType {
  // The head: the last word before the first preposition, past an owner's name.
  // (A participle before a determiner modifies too: "the union representing the nurses".)
  let h = words.findIndex((t, k) => k > 0 && (PREPOSITIONS.has(t.lower) || HEAD_PREPOSITIONS.has(t.lower) ||
    (/^\p{Ll}{3,}ing$/u.test(t.w) && ONE_OF_THE_A_AN.has(words[k + 1]?.lower ?? ''))));
  h = (h < 0 ? words.length : h) - 1;
  const head = words[h].lower;
  if (ONE_OF_ONE_EACH.has(head)) return 'DESCRIPTION';
  if (QUANTIFIERS.test(head) && h < words.length - 1) return 'GROUP';
  if (DOCUMENT_HEADS.test(head)) return 'ORG';
  if (ORG_WORDS.has(head)) return 'ORG';
  if (GROUP_HEADS.test(head) || (/^\p{Ll}{3,}s$/u.test(head) && !/(?:ss|us|is)$/.test(head))) return 'GROUP';
  return 'DESCRIPTION';
}

/** Turns a phrase into a speaker. */
export function resolvePhrase(ph: Phrase, book: NameBook): Speaker {
  const span = { start: ph.toks[0].start, end: ph.toks[ph.toks.length - 1].end };
  if (ph.kind === 'pronoun') return { name: ph.toks[0].w, type: 'PERSON', mention: span, pronoun: PRONOUNS.get(ph.toks[0].lower) };
  // Error kind: a description kept short. The body a group belongs to is part of its
  // name: "Oversight Committee Republicans", "Senate Democrats" (not "Republicans", nor
  // the organisation alone).
  const last = ph.toks[ph.toks.length - 1];
  const body = ph.kind === 'name' && (PEOPLE.test(last.lower) || AGENT_PLURAL.test(last.lower)) ? bodyOfGroup(ph.toks, last) : null;
  if (body) return { name: nameText(body), type: 'GROUP', mention: { start: body[0].start, end: body[body.length - 1].end } };
  // Error kind: the wrong person where a group is the source (a crowd chanting). A
  // plural of people before "of" heads the run: "Supporters of Trump chanted", "Residents
  // of Flint said" — the group speaks, not the one it is of.
  if (ph.kind === 'name' && ph.toks.length > 2 && ph.toks[1].lower === 'of' && groupWord(ph.toks[0].lower) && !book.expand(ph.toks[0].w).includes(' ')) {
    return { name: nameText(ph.toks), type: 'GROUP', mention: span };
  }
  // (A description's head is a common noun: a person named inside it owns or is
  // modified by it, "Jane Roe’s lawyer", "the attorney for Jane Roe", and does not speak.)
  const ent = ph.kind === 'name' ? book.entityAt(span.start, span.end) : null;
  if (ent) {
    const person = ent.type === 'PERSON';
    return { name: person ? book.expand(ent.canonical) : ent.canonical, type: person ? 'PERSON' : 'ORG', mention: { start: ent.start, end: ent.end } };
  }
  if (ph.label) {
    // Error kind: a document as the source: its author when a person ("a post on Jane
    // Roe’s Facebook page"), else the document by its organisation ("Harbor Commission report").
    const author = ph.author ? resolvePhrase({ toks: ph.author, kind: 'name' }, book) : null;
    if (author?.type === 'PERSON') return { ...author, note: `the ${ph.label.split(' ').pop()} is theirs` };
    return { name: ph.label, type: 'ORG', mention: span };
  }
  if (ph.kind === 'desc') {
    const words = ph.toks.filter(t => isWord(t));
    // "the ministry" is the organisation the document named in full.
    const org = words.length === 2 && words[0].lower === 'the' ? book.orgBefore(words[1].lower, span.start) : undefined;
    if (org) return { name: org, type: 'ORG', mention: span };
    const role = book.personForRole(words.map(t => t.lower), span.start);
    if (role) {
      const name = role.org ? role.name : book.expand(role.name);
      return { name, type: role.org ? 'ORG' : nameType(name), mention: span, note: `'${words.map(t => t.w).join(' ')}' is ${name}, so introduced ${role.later ? 'just after' : 'earlier'}` };
    }
    const name = words.map(t => t.w).join(' ').replace(/^(?:The|A|An|One|Two|Most|Many|Some|Several|Only|All|Half|Those|These|His|Her|Their|Its)\b/, m => m.toLowerCase());
    return { name, type: descriptionType(words), mention: span };
  }
  const { toks, org } = nameInRun(ph.toks);
  if (!toks.length) return { name: nameText(ph.toks), type: 'DESCRIPTION', mention: span };
  // Error kind: speaker types kept honest. One capitalised plural of people the text never
  // writes as a name mid-sentence ("Critics said") is a group, not a person.
  const one = toks.length === 1 ? toks[0].lower : '';
  // (A surname the document knows in full is no plural: "Sanders", "Flowers", "Waters".)
  if (one && (PEOPLE.test(one) || ((AGENT_PLURAL.test(one) || GROUP_HEADS.test(one)) && !book.seenInside(one) && !book.expand(toks[0].w).includes(' ')))) {
    return { name: toks[0].w, type: 'GROUP', mention: { start: toks[0].start, end: toks[0].end } };
  }
  const mention = { start: toks[0].start, end: toks[toks.length - 1].end };
  const name = nameText(toks);
  if (org) return { name, type: 'ORG', mention };
  const full = book.expand(name);
  return { name: full, type: nameType(full), mention };
}

/** A plural of people or a group's head: "supporters", "residents", "voters", "crowd". */
const groupWord = (w: string) => PEOPLE.test(w) || AGENT_PLURAL.test(w) || GROUP_HEADS.test(w);

/**
 * The capitalised words of an organisation before a group's plural `head` in `run`
 * ("Oversight Committee Republicans"), with the plural; null when none stand before it
 * or they are not an organisation's words (a title, a possessive, a person's name).
 */
function bodyOfGroup(run: readonly Tok[], head: Tok): Tok[] | null {
  const h = run.indexOf(head);
  let s = h;
  while (s > 0 && isCap(run[s - 1]) && !possessive(run[s - 1]) && !TITLES.has(run[s - 1].lower)) s--;
  if (s === h || h - s > 4 || !run.slice(s, h).some(t => ORG_WORDS.has(t.lower))) return null;
  return run.slice(s, h + 1);
}

/** A name's type when nothing else tells: one upper-case word or a place-like one is an ORG, else a PERSON. */
function nameType(name: string): 'PERSON' | 'ORG' {
  return name.includes(' ') || !(/^\p{Lu}+$/u.test(name) || /(?:ia|land|stan|ton)$/.test(name)) ? 'PERSON' : 'ORG';
}
