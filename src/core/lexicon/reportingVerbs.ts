/**
 * Reporting verbs, one list for both uses: quote cues (a verb that attributes a
 * quote: "said", "tweeted") and claim cues (a verb that makes a sentence reported
 * speech: "Russia denied …"). Each form is flagged with the uses it serves; today the
 * two uses disagree on some ("denied", "signaled", "maintained" are claim cues only),
 * kept as they were: the speakers work decides the membership.
 */

/** All forms of regular verbs ("note" -> note, notes, noted, noting); "a/b/c" lists forms. */
function forms(list: string, pastOnly = false): string[] {
  const out: string[] = [];
  for (const entry of list.split(/\s+/).filter(Boolean)) {
    if (entry.includes('/')) { out.push(...entry.split('/')); continue; }
    const base = entry;
    const stem = base.endsWith('e') ? base.slice(0, -1) : base;
    const ed = base.endsWith('e') ? base + 'd' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base + 'ed';
    const s = /(s|sh|ch|x)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's';
    if (pastOnly) out.push(ed, stem + 'ing');
    else out.push(base, s, ed, stem + 'ing');
  }
  return out;
}

/** Quote cues: the reporting verbs that attribute a quote. Those that double as nouns ("a remark", "claims") count only as -ed/-ing forms. */
const QUOTE_FORMS = [
  ...forms(`say/says/said/saying tell/tells/told/telling write/writes/wrote/writing
    add ask explain declare argue insist warn recall acknowledge admit announce suggest urge respond conclude joke
    quip predict complain stress emphasize emphasise observe exclaim shout yell testify boast concede caution lament
    contend assert mention muse scoff retort reiterate confirm allege recount proclaim grumble tout
    speak/speaks/spoke/speaking chime/chimes/chimed/chiming demand chant`),
  ...forms(`remark report post tweet call point echo charge claim answer counter state note reply promise vow pledge
    repeat continue describe blast sigh thunder wonder interject`, true),
  'snapped', 'dubbed', 'accused', 'accusing', 'reports', 'notes',
  // Error kind: no speaker for sung words and for a ruling credited in the text
  // ("“…,” the choir sang", "the fact-checkers ruled the claim “false”").
  ...forms('sing/sings/sang/singing'), 'ruled',
];

/** Claim cues, as the claim extractor has read them. */
const CLAIM_FORMS =
  'said says say told tells stated states announced announces argued argues noted notes warned warns ' +
  'insisted insists claimed claims denied denies added adds reiterated reiterates suggested suggests ' +
  'signaled signalled indicated indicates confirmed confirms reported reports tweeted wrote declared ' +
  'acknowledged admitted explained urged asserted maintained replied believes believe thinks expects';

/** Every reporting-verb form, with the uses it serves: `quote` (attributes a quote), `claim` (makes reported speech). */
export const REPORTING_VERBS: ReadonlyMap<string, { quote: boolean; claim: boolean }> = (() => {
  const m = new Map<string, { quote: boolean; claim: boolean }>();
  for (const f of QUOTE_FORMS) m.set(f, { quote: true, claim: false });
  for (const f of CLAIM_FORMS.split(' ')) m.set(f, { quote: m.get(f)?.quote ?? false, claim: true });
  return m;
})();

const formsFor = (use: 'quote' | 'claim') => new Set([...REPORTING_VERBS].filter(([, u]) => u[use]).map(([f]) => f));

/** Forms that attribute a quote. */
export const QUOTE_CUES: ReadonlySet<string> = formsFor('quote');

/** Forms that make a sentence reported speech (matched as whole words, any case). */
export const CLAIM_CUES: ReadonlySet<string> = formsFor('claim');
