/**
 * The normalised form of a claim, what matching across sources compares: its content
 * words reduced to one key per lemma (irregular forms, a noun derived from a verb and the
 * verb itself share a key: "invasion" / "invaded" / "invade"), two-word verbs read as one
 * ("pulled back" = "withdraw"), the synonym sets a word's usual senses belong to, the
 * canonical names of its entities (the entity layer already maps "America", "the U.S."
 * and "Washington" the government to one name), numbers, weekdays and negations.
 *
 * Names are compared through the entity layer only: capitalised words are left out of
 * the words. Attribution is the speaker's business: the verbs of saying are stop words
 * and the speaker's name is left out, so "Lavrov said Moscow …" and "The foreign minister
 * argued that Moscow …" compare on "Moscow …".
 *
 * The synonym rule (tested in test/unit/claims-normalize.test.ts): two words count as
 * the same when they share a synset that is among the first two senses of both and the
 * first of one (the table keeps only such sets, see scripts/build-lemmas.mjs); in
 * matching a synonym counts only beside a word or name the two claims share exactly.
 */
import { DERIVED, IRREGULAR, MULTIWORD, SYNONYMS } from '../lexicon/lemmas';
import { SAYING_VERBS } from '../lexicon/sayingVerbs';
import { CLAIM_STOP_WORDS } from '../lexicon/stopWords';
import { type AnalysisContext, memoSlot } from '../text/memo';
import { stem, wordsOf } from '../text/words';
import type { Claim, ClaimNumber } from '../types';

/** A claim's normalised form. */
export interface ClaimNorm {
  /** One entry per content unit (word or name): its exact key first, then its synonym-set keys. */
  units: readonly (readonly string[])[];
  /** Parity of negations ("not", "no", "never", "n't"…). */
  negation: number;
  /** Weekdays and months named. */
  days: readonly string[];
  numbers: readonly ClaimNumber[];
}

/** The lemma key of a lower-case word: irregular form → base, crude suffix stripping, noun → its verb. */
export function lemmaKey(word: string): string {
  const w = IRREGULAR_MAP.get(word) ?? word;
  const k = basicKey(w);
  return DERIVED_MAP.get(k) ?? k;
}

/** Suffixes stripped the same way on both sides of a comparison (it need not be a real stemmer). */
function basicKey(w: string): string {
  let k = stem(w);
  if (k.length > 3 && k.endsWith('i')) k = k.slice(0, -1) + 'y'; // denied → deni → deny
  if (k.length > 4 && k.endsWith('e')) k = k.slice(0, -1); // invade, invades, invading, invaded → invad
  return k;
}

const lines = (s: string) => s.split('\n').filter(Boolean).map(l => l.split(' '));

const IRREGULAR_MAP: ReadonlyMap<string, string> = new Map(lines(IRREGULAR).map(([form, base]) => [form, base]));
const DERIVED_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [noun, verb] of lines(DERIVED)) {
    const k = basicKey(noun), v = basicKey(verb);
    if (k !== v && !m.has(k)) m.set(k, v);
  }
  return m;
})();
/** Lemma key → the synonym sets it belongs to (as `~n` ids). */
const SYNONYM_MAP: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  lines(SYNONYMS).forEach(([, ...words], k) => {
    for (const w of words) {
      const key = lemmaKey(w);
      const list = m.get(key);
      if (list) { if (!list.includes(`~${k}`)) list.push(`~${k}`); } else m.set(key, [`~${k}`]);
    }
  });
  return m;
})();
/** "lemma(verb) lemma(particle)" → lemma of the one-word verb. */
const MULTIWORD_MAP: ReadonlyMap<string, string> = new Map(lines(MULTIWORD).map(([phrase, verb]) => {
  const [v, p] = phrase.split('_');
  return [`${lemmaKey(v)} ${lemmaKey(p)}`, lemmaKey(verb)];
}));

const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'nowhere', 't', 'cannot']);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december']);

const NORMS = memoSlot<ClaimNorm>('claims.norms', 200_000);

/** A claim's normalised form, cached on what it depends on (text, entities, speaker, numbers). */
export function claimNorm(ctx: AnalysisContext, claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>): ClaimNorm {
  const key = `${claim.text}\u0000${claim.entities.join('\u0001')}\u0000${claim.speaker ?? ''}`;
  return ctx.get(NORMS).get(key, () => normalize(claim));
}

function normalize(claim: Pick<Claim, 'text' | 'entities' | 'speaker' | 'numbers'>): ClaimNorm {
  const units: string[][] = [];
  const seen = new Set<string>();
  let negation = 0;
  const days: string[] = [];
  const raw = wordsOf(claim.text, 0, claim.text.length, { digitGroups: true });
  const nameWords = new Set(claim.entities.flatMap(n => n.split(/\s+/)));
  // Attribution is the speaker's: the words before an early verb of saying ("Russia's foreign minister said …") are left out.
  let from = 0;
  if (claim.speaker) {
    const cue = raw.findIndex(w => SAYING_VERBS.has(w.toLowerCase()));
    if (cue >= 0 && cue <= 8) from = cue + 1;
  }
  // Negations count in the clause's head only (before its first comma): "…, raising hopes it may not …" negates nothing of the claim.
  const comma = claim.text.indexOf(',');
  const head = comma < 0 ? raw.length : wordsOf(claim.text, 0, comma, { digitGroups: true }).length;
  const keys: (string | null)[] = [];
  raw.forEach((word, i) => {
    const lower = word.toLowerCase();
    if (i < from) { keys.push(null); return; }
    if (NEGATIONS.has(lower)) { if (i < head) negation ^= 1; keys.push(null); return; }
    if (DAYS.has(lower)) { days.push(lower); keys.push(null); return; }
    // Names go through the entity layer (a capitalised word inside the text, or a word of a name); stop words and verbs of saying carry nothing.
    const name = /^\p{Lu}/u.test(word) && (i > 0 || nameWords.has(word));
    if (name || CLAIM_STOP_WORDS.has(lower) || SAYING_VERBS.has(lower) || lower.length < 2) { keys.push(null); return; }
    keys.push(/\d/.test(lower) ? lower.replace(/,/g, '') : lemmaKey(lower));
  });
  for (let i = 0; i < keys.length; i++) {
    let k = keys[i];
    if (!k) continue;
    // A two-word verb: "pulled back" → withdraw, "taking part" → participate.
    const next = i + 1 < raw.length ? lemmaKey(raw[i + 1].toLowerCase()) : '';
    const multi = next ? MULTIWORD_MAP.get(`${k} ${next}`) : undefined;
    if (multi) { k = multi; i++; }
    if (seen.has(k)) continue;
    seen.add(k);
    units.push([k, ...(SYNONYM_MAP.get(k) ?? [])]);
  }
  for (const name of claim.entities) {
    if (name === claim.speaker) continue;
    const k = `@${name.toLowerCase()}`;
    if (!seen.has(k)) { seen.add(k); units.push([k]); }
  }
  return { units, negation, days, numbers: claim.numbers };
}

/** How two normalised forms overlap, each unit weighted by how rare its key is (frequent keys weigh 0: in neither the shared part nor the totals). */
export interface Overlap {
  /** Weight of the units of `a` matched in `b` exactly (same lemma, derivation or name). */
  exact: number;
  /** Weight of the units of `a` matched in `b` through a synonym set only. */
  synonym: number;
  /** Weight of each side's units. */
  totalA: number;
  totalB: number;
  /** Weight of the shared units that are names. */
  names: number;
  /** How many units the two share exactly, whatever their weight: the frame's anchors (the actor, the predicate). */
  anchors: number;
}

export function overlapOf(a: ClaimNorm, b: ClaimNorm, weight: (key: string) => number): Overlap {
  const bExact = new Set<string>(), bSyn = new Set<string>();
  let totalB = 0;
  for (const u of b.units) {
    const w = weight(u[0]);
    if (!w) continue;
    totalB += w;
    bExact.add(u[0]);
    for (let k = 1; k < u.length; k++) bSyn.add(u[k]);
  }
  let exact = 0, synonym = 0, totalA = 0, names = 0, anchors = 0;
  const bAll = new Set(b.units.map(u => u[0]));
  for (const u of a.units) {
    if (bAll.has(u[0])) anchors++;
    const w = weight(u[0]);
    if (!w) continue;
    totalA += w;
    if (bExact.has(u[0])) { exact += w; if (u[0][0] === '@') names += w; } else if (u.some((k, i) => i > 0 && bSyn.has(k))) synonym += w;
  }
  return { exact, synonym, totalA, totalB, names, anchors };
}
