/**
 * Pronoun speakers. "he" and "she" resolve to the last person of that gender (else
 * of unknown gender, among the 30 before it) named before the pronoun as the
 * subject of a cue, with a title, or as a PERSON entity; "they", "we" and "I" stay
 * unresolved. The candidates are gathered once per document, on its first pronoun.
 */
import type { Entity } from '../types';
import type { QuoteDocument } from './context';
import { clauseSubject } from './attribution';
import { nameRunForward, type Phrase, resolvePhrase, type Speaker, nameInRun } from './names';
import { subjectAfter, subjectBefore } from './phrases';
import { endsClause, ingCue, isCap, isCue, isTitle, possessive, QUOTE_TOKEN, type Tok, tokenAt } from './tokens';
import { PREPOSITIONS } from './words';

/** A person a pronoun may stand for. */
interface Person {
  name: string;
  pos: number;
  gender: 'm' | 'f' | null;
  /** Named as the subject of a cue ("DuVernay said"), not only mentioned. */
  subject: boolean;
  /** A described speaker ("one restaurant owner said"), resolved only if chosen (`name` is empty till then). */
  phrase?: Phrase;
}

/** Resolves the pronouns of one document. */
export class Pronouns {
  /** Found on the first pronoun. */
  private antecedents: Person[] | null = null;

  constructor(private readonly doc: QuoteDocument, private readonly entities: readonly Entity[]) {}

  /** The person a pronoun stands for; null when none fits ("they", "I", or no antecedent). */
  resolve(sp: Speaker): Speaker | null {
    if (!sp.pronoun) return sp;
    if (sp.pronoun === 'p' || sp.pronoun === 'x') return null;
    const persons = this.antecedents ??= this.findAntecedents();
    let lo = 0, hi = persons.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (persons[mid].pos < sp.mention.start) lo = mid + 1; else hi = mid; }
    // Error kind: the wrong person, the most salient name winning. The subject of a cue
    // earlier in the pronoun's own sentence comes first ("DuVernay said she felt the
    // 13th Amendment was worth examining because “…,” she said"): of the same gender,
    // else of none known.
    const sentStart = this.sentenceStart(sp.mention.start);
    let sameSentence: Person | null = null;
    for (let i = lo - 1; i >= 0 && persons[i].pos >= sentStart; i--) {
      const p = persons[i];
      if (!p.subject) continue;
      if (p.gender === sp.pronoun) return this.as(sp, p, 'the subject of a cue earlier in its sentence');
      if (p.gender === null && !sameSentence) sameSentence = p;
    }
    if (sameSentence) return this.as(sp, sameSentence, 'the subject of a cue earlier in its sentence');
    // Then the person opening the sentence before, in the same paragraph ("Adler was
    // unmoved. “…,” she said."), when no other gender is known for them.
    const before = this.previousSubject(sp.mention.start);
    if (before && (before.gender === sp.pronoun || before.gender === null)) return this.as(sp, { name: before.name, pos: 0, gender: before.gender, subject: true }, 'the person opening the sentence before');
    let fallback: Person | null = null;
    for (let i = lo - 1; i >= 0 && i >= lo - 30; i--) {
      const p = persons[i];
      if (p.gender === sp.pronoun) return this.as(sp, p, 'the last such person named before');
      if (p.gender === null && !fallback) fallback = p;
    }
    if (fallback) return this.as(sp, fallback, fallback.phrase ? 'the last person spoken of before' : 'the last person named before');
    return null;
  }

  /** Pronoun `sp` resolved to `name`, with why. */
  private as(sp: Speaker, p: Person, why: string): Speaker | null {
    if (!p.phrase) return { name: p.name, type: 'PERSON', mention: sp.mention, note: `'${sp.name}' is ${p.name}, ${why}` };
    // A description resolves now: to a person (a role the document introduced), or stays one; else no one.
    const r = resolvePhrase(p.phrase, this.doc.book);
    return r.type === 'PERSON' || r.type === 'DESCRIPTION' ? { name: r.name, type: r.type, mention: sp.mention, note: `'${sp.name}' is ${r.name}, ${why}` } : null;
  }

  /** Index of the sentence holding `pos` (sentences.length when past them). */
  private sentenceAt(pos: number): number {
    const { sents } = this.doc;
    let lo = 0, hi = sents.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sents[mid].end <= pos) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** Start of the sentence holding `pos`. */
  private sentenceStart(pos: number): number {
    const i = this.sentenceAt(pos);
    return i < this.doc.sents.length ? Math.min(this.doc.sents[i].start, pos) : pos;
  }

  /**
   * Error kind: the wrong person, the most salient name winning. The person whose name
   * opens the sentence before the one at `pos`, in the same paragraph, before a verb
   * ("Adler was unmoved."), with their gender; null when that sentence opens otherwise.
   */
  private previousSubject(pos: number): { name: string; gender: 'm' | 'f' | null } | null {
    const { toks, sents, sLo, book } = this.doc;
    const i = this.sentenceAt(pos);
    if (i <= 0 || i >= sents.length) return null;
    const before = sents[i - 1].paragraph === sents[i].paragraph && sLo[i - 1] < sLo[i] ? i - 1 : this.settingSentence(i, pos);
    if (before < 0) return null;
    let lo = sLo[before];
    const hi = sLo[before + 1];
    // (Past a phrase that sets the scene: "On a radio show on Tuesday, Clinton criticized …")
    if (PREPOSITIONS.has(toks[lo]?.lower ?? '')) {
      let c = lo + 1;
      while (c < hi && c - lo <= 12 && toks[c].w !== ',' && toks[c].w !== QUOTE_TOKEN && !endsClause(toks[c]) && !isCue(toks[c])) c++;
      if (c + 1 < hi && toks[c].w === ',') lo = c + 1;
    }
    if (!isCap(toks[lo]) && !isTitle(toks[lo])) return this.describedSubject(lo, hi);
    const e = nameRunForward(toks, lo, hi);
    if (possessive(toks[e])) return null;
    // (Past an appositive: "Roe, who has clashed with Governor Tom Baxter, spoke after him.")
    const sp = toks[e + 1]?.w === ',' ? clauseSubject(toks, lo, hi, book) : /^\p{Ll}/u.test(toks[e + 1]?.w ?? '') && !PREPOSITIONS.has(toks[e + 1].lower) ? resolvePhrase({ toks: toks.slice(lo, e + 1), kind: 'name' }, book) : null;
    if (!sp || sp.pronoun || sp.mention.start > toks[e].start) return null;
    // (One capitalised word opening a sentence is a name when the document knows it so.)
    if (sp.type !== 'PERSON' || (e === lo && !sp.name.includes(' ') && !book.seenInside(toks[lo].lower) && toks[e + 1]?.w !== ',')) return null;
    return { name: sp.name, gender: book.genderOf(sp.name, toks.slice(lo, e + 1)) };
  }

  /**
   * Error kind: the wrong person, the last name winning. A paragraph that opens with a
   * quotation whose cue is a pronoun ("“…,” she said.") follows the paragraph that sets
   * it up, and the pronoun is that paragraph's closing sentence's subject ("Clinton
   * criticized the officer, Ann Ruiz, for …" — not the officer, named last). The index
   * of that sentence, or -1 when the pronoun at `pos` is not the cue of such a quotation.
   */
  private settingSentence(i: number, pos: number): number {
    const { toks, sents, sLo } = this.doc;
    let j = i;
    while (j > 0 && sents[j - 1].paragraph === sents[i].paragraph) j--;
    if (j === 0 || sents[j - 1].paragraph !== sents[j].paragraph - 1) return -1;
    const q = sLo[j];
    // The paragraph opens with the quotation, and its cue follows it: "“…,” she said", "“…” she said".
    if (toks[q]?.w !== QUOTE_TOKEN || toks[q].start !== sents[j].start) return -1;
    const p = toks[q + 1]?.w === ',' ? q + 2 : q + 1;
    if (toks[p]?.start !== pos || !isCue(toks[p + 1])) return -1;
    let k = j - 1;
    // (The setting sentence has words of its own, not only a quotation.)
    while (k > 0 && sLo[k] === sLo[k + 1] && sents[k - 1].paragraph === sents[k].paragraph) k--;
    return sLo[k] < sLo[k + 1] ? k : -1;
  }

  /**
   * Error kind: a description kept where the text names the person, and a pronoun
   * left unresolved when the names are not known as entities. A sentence opening with
   * a description whose appositive names the person ("The bank’s chief executive, Ana
   * Diaz, defended the deal.") or with a role before the name ("Bank chief executive
   * Ana Diaz defended …"): that person, the subject of its clause.
   */
  private describedSubject(lo: number, hi: number): { name: string; gender: 'm' | 'f' | null } | null {
    const { toks, book } = this.doc;
    if (!/^\p{Lu}/u.test(toks[lo]?.w ?? '')) return null;
    const sp = clauseSubject(toks, lo, hi, book);
    if (!sp || sp.pronoun || sp.type !== 'PERSON' || !sp.name.includes(' ')) return null;
    // (The name stands in the subject: before the first lower-case word after it, within eight words of the start.)
    const at = tokenAt(toks, sp.mention.start);
    if (at < lo || at - lo > 8) return null;
    return { name: sp.name, gender: book.genderOf(sp.name, toks.slice(at, tokenAt(toks, sp.mention.end))) };
  }

  /** Subjects of cues and titled names, outside quotes, and the PERSON entities; in document order. */
  private findAntecedents(): Person[] {
    const { toks, book, sents, sLo } = this.doc;
    const persons: Person[] = [];
    const addPerson = (sp: Speaker, run: readonly Tok[], subject: boolean) => {
      if (!sp.pronoun && sp.type === 'PERSON') persons.push({ name: sp.name, pos: sp.mention.start, gender: book.genderOf(sp.name, run), subject });
    };
    for (let si = 0, c = 0; c < toks.length; c++) {
      while (si + 1 < sents.length && sLo[si + 1] <= c) si++;
      const lo = sLo[si];
      const t = toks[c];
      if (isCue(t) && !ingCue(t)) {
        const ph = subjectBefore(toks, c, lo);
        if (ph && ph.kind === 'name') addPerson(resolvePhrase(ph, book), ph.toks, true);
        else if (ph && ph.kind === 'desc' && !/s$/.test(ph.toks[ph.toks.length - 1].lower)) {
          // Error kind: the wrong person. A described speaker ("One restaurant owner …
          // said") is a candidate too: "“…,” he said." next is theirs, not an earlier name's.
          // (Plural heads, groups or documents, are not; the phrase resolves only if chosen, for speed.)
          persons.push({ name: '', pos: ph.toks[0].start, gender: null, subject: true, phrase: ph });
        }
        else if (!ph) {
          const inv = subjectAfter(toks, c + 1, Math.min(toks.length, c + 12));
          if (inv && inv.kind === 'name') addPerson(resolvePhrase(inv, book), inv.toks, true);
        }
      } else if (isTitle(t) && !isTitle(toks[c - 1]) && !isCap(toks[c - 1])) {
        const e = nameRunForward(toks, c, toks.length);
        const run = toks.slice(c, e + 1);
        const { toks: name, org } = nameInRun(run);
        if (!org && name.length && name.length < run.length) addPerson(resolvePhrase({ toks: run, kind: 'name' }, book), run, false);
        c = e;
      }
    }
    const byCanonical = new Map<string, { name: string; gender: 'm' | 'f' | null }>();
    const named: Person[] = [];
    for (const e of this.entities) {
      if (e.type !== 'PERSON') continue;
      let p = byCanonical.get(e.canonical);
      if (!p) byCanonical.set(e.canonical, (p = { name: book.expand(e.canonical), gender: book.genderOf(e.canonical, []) }));
      named.push({ name: p.name, pos: e.start, gender: p.gender, subject: false });
    }
    return byPosition(persons, named);
  }
}

/** Whether the persons are in order of position. */
function ordered(xs: readonly Person[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i].pos < xs[i - 1].pos) return false;
  return true;
}

/**
 * The persons of `a` then `b` in order of position, those at one position in that
 * order (a stable sort of the two): merged when each is in order already (the
 * entities always are, the subjects of cues almost always), else sorted.
 */
function byPosition(a: Person[], b: Person[]): Person[] {
  if (!ordered(a) || !ordered(b)) {
    for (const p of b) a.push(p);
    return a.sort((x, y) => x.pos - y.pos);
  }
  const out: Person[] = new Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j].pos < a[i].pos ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
