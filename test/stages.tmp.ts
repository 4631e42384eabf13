import { AnalysisContext } from '../src/core/text/memo';
import { paragraphs } from '../src/core/text/paragraphs';
import { sentences } from '../src/core/text/sentences';
import { findEntities } from '../src/core/entities/entities';
import { findQuotes } from '../src/core/quotes/quotes';
import { findRepeats } from '../src/core/reuse/duplicates';
import { findClaims } from '../src/core/claims/claims';
import { splitSentences } from '../src/core/text/sentences';
const pats: Record<string,string> = { big: 'Big ', ands: 'Russia and ', q2: '"', related: 'Related Articles\n', said: '“Yes,” he said. ', q1: '“a ', ofs: 'Bank of ', dots: 'U.S. ' };
const which = process.argv.slice(2);
for (const [name, unit] of Object.entries(pats)) {
  if (which.length && !which.includes(name)) continue;
  for (const n of [20000, 40000, 80000]) {
    const text = (name === 'related' ? 'Intro.\n\n' : '') + unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    const ctx = new AnalysisContext();
    const t = (f: () => any) => { const s = performance.now(); const r = f(); return [performance.now() - s, r]; };
    const [tp, paras] = t(() => paragraphs(text));
    const [ts, sents] = t(() => sentences(text, paras));
    const [te, ents] = t(() => { const out: any[] = []; for (const p of paras) { const b = text.slice(p.start, p.end); out.push(...findEntities(b, splitSentences(b)).map((e: any) => ({ ...e, start: e.start + p.start, end: e.end + p.start }))); } return out; });
    const [tq, quotes] = t(() => findQuotes(ctx, text, sents, ents));
    const [tr] = t(() => findRepeats(ctx, text, paras, sents));
    const [tc] = t(() => findClaims(ctx, { text, sentences: sents, quotes, entities: ents, excluded: [] }));
    console.log(name, n, [tp, ts, te, tq, tr, tc].map(x => x.toFixed(0)).join(' '), 'sents', sents.length, 'ents', ents.length, 'quotes', quotes.length);
  }
}
