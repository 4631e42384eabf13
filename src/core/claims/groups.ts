/**
 * Claim groups: the claims that carry the same claim across sources share one
 * `claimGroup` id and know the group's size (`claimGroupSize`).
 *
 * Links are taken strongest first (similarity, then document order). A claim alone joins
 * the group of a claim it links to directly; two groups of two or more claims merge only
 * when two links join them, so one loose link cannot chain two stories into one group.
 * Corroboration links group claims, full or partial; disputes do not.
 */
import type { Claim, ClaimLink } from '../types';

interface Edge { a: number; b: number; similarity: number }

/** Sets `claimGroup` and `claimGroupSize` on every claim of `docs`; also drops a partial link that a full one of the same pair supersedes. */
export function groupClaims(docs: readonly { path: string; claims: Claim[] }[]): void {
  const ids = new Map<string, number>();
  const claims: Claim[] = [];
  const placeOf: string[] = [];
  const placed = (l: ClaimLink) => `${l.path}\u0000${l.start}\u0000${l.end}`;
  for (const d of docs) for (const c of d.claims) { const k = `${d.path}\u0000${c.start}\u0000${c.end}`; ids.set(k, claims.length); claims.push(c); placeOf.push(k); }
  // The places each claim's corroboratedBy lists, built once (a claim listed by many is asked about many times).
  const listed: (Set<string> | undefined)[] = [];
  const corroborates = (x: number) => (listed[x] ??= new Set(claims[x].corroboratedBy.map(placed)));
  const edges: Edge[] = [];
  for (let k = 0; k < claims.length; k++) {
    const c = claims[k], here = placeOf[k], me = ids.get(here)!;
    // A pair linked in full (a quote's variant, say) is not also a partial link, and a partial link keeps its mirror
    // (quote linking, which runs between, may have decided the pair otherwise).
    if (c.partlyCorroboratedBy?.length) {
      const disputed = new Set(c.disputedBy.map(placed));
      c.partlyCorroboratedBy = c.partlyCorroboratedBy.filter(l => {
        const there = placed(l);
        if (corroborates(k).has(there) || disputed.has(there)) return false;
        const other = ids.get(there);
        return other !== undefined && corroborates(other).has(here);
      });
    }
    for (const l of c.corroboratedBy) {
      const other = ids.get(placed(l));
      if (other !== undefined && other > me) edges.push({ a: me, b: other, similarity: l.similarity });
      else if (other !== undefined && other < me && !corroborates(other).has(here)) {
        edges.push({ a: other, b: me, similarity: l.similarity }); // a directional link: listed at one end only
      }
    }
  }
  edges.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const parent = claims.map((_, k) => k), size = claims.map(() => 1);
  const find = (k: number): number => { while (parent[k] !== k) k = parent[k] = parent[parent[k]]; return k; };
  const join = (x: number, y: number) => {
    if (size[x] < size[y]) [x, y] = [y, x];
    parent[y] = x;
    size[x] += size[y];
  };
  let pending = edges;
  for (let changed = true; changed && pending.length;) {
    changed = false;
    const support = new Map<string, number>();
    const rest: Edge[] = [];
    for (const e of pending) {
      const ra = find(e.a), rb = find(e.b);
      if (ra === rb) continue;
      if (size[ra] === 1 || size[rb] === 1) { join(ra, rb); changed = true; continue; }
      const key = ra < rb ? `${ra},${rb}` : `${rb},${ra}`;
      const n = (support.get(key) ?? 0) + 1;
      support.set(key, n);
      if (n >= 2) { join(ra, rb); changed = true; } else rest.push(e);
    }
    pending = rest;
  }
  inferLinks(docs, claims, find, size);
  const names = new Map<number, string>();
  for (let k = 0; k < claims.length; k++) {
    const r = find(k);
    if (size[r] < 2) { claims[k].claimGroup = null; claims[k].claimGroupSize = 1; continue; }
    let name = names.get(r);
    if (!name) names.set(r, (name = `c${names.size + 1}`));
    claims[k].claimGroup = name;
    claims[k].claimGroupSize = size[r];
  }
}

/** Groups up to this size list every other member's source (the contract lists every other copy up to 9 copies). */
export const INFER_MAX = 9;
/** Only links at least this similar are chained (the weakest full links sit at 0.35): two loose links do not make a third. */
export const INFER_MIN = 0.4;

/**
 * The links a group implies: claims joined by full corroboration carry the same claim,
 * so within a group (of at most `INFER_MAX` claims) two claims that a chain of full links
 * joins corroborate each other, and a claim that states part of one of them states part
 * of every other (corroboratedBy / partlyCorroboratedBy, the mirror rule); only links of
 * similarity `INFER_MIN` or more are chained. Partial links
 * are never chained with each other: two parts of one longer claim are not the same claim.
 * Claims whose numbers of the same thing differ are left apart (that is a dispute's business).
 */
function inferLinks(docs: readonly { path: string; claims: Claim[] }[], claims: readonly Claim[], find: (k: number) => number, size: readonly number[]): void {
  const pathOf: string[] = [];
  for (const d of docs) for (let i = 0; i < d.claims.length; i++) pathOf.push(d.path);
  const members = new Map<number, number[]>();
  for (let k = 0; k < claims.length; k++) {
    const r = find(k);
    if (size[r] < 3 || size[r] > INFER_MAX) continue;
    const list = members.get(r);
    if (list) list.push(k); else members.set(r, [k]);
  }
  /** Whether a link points to claim `y`. */
  const to = (y: number) => (l: ClaimLink) => l.path === pathOf[y] && l.start === claims[y].start && l.end === claims[y].end;
  const linked = (x: number, y: number) => {
    const c = claims[x], is = to(y);
    return c.corroboratedBy.some(is) || c.disputedBy.some(is) || !!c.partlyCorroboratedBy?.some(is);
  };
  const lists = (x: number, y: number, list: 'corroboratedBy' | 'partlyCorroboratedBy') => !!claims[x][list]?.some(to(y));
  const best = (x: number) => Math.max(0, ...claims[x].corroboratedBy.map(l => l.similarity));
  const differ = (x: number, y: number) => claims[x].numbers.some(a => a.unit && claims[y].numbers.some(b => b.unit === a.unit && b.value !== a.value));
  const link = (x: number, y: number, full: boolean) => {
    const similarity = Math.round(Math.min(best(x), best(y)) * 100) / 100;
    claims[x].corroboratedBy.push({ path: pathOf[y], start: claims[y].start, end: claims[y].end, similarity });
    const back = { path: pathOf[x], start: claims[x].start, end: claims[x].end, similarity };
    if (full) claims[y].corroboratedBy.push(back); else (claims[y].partlyCorroboratedBy ??= []).push(back);
  };
  for (const group of members.values()) {
    // Components of full (mutual) links within the group.
    const comp = new Map<number, number>(group.map(k => [k, k]));
    const root = (k: number): number => { while (comp.get(k) !== k) k = comp.get(k)!; return k; };
    const strong = (x: number, y: number) => { const is = to(y); return claims[x].corroboratedBy.some(l => l.similarity >= INFER_MIN && is(l)); };
    for (const x of group) for (const y of group) if (x < y && strong(x, y) && lists(y, x, 'corroboratedBy')) comp.set(root(y), root(x));
    // Partial links as they stand: x states part of p.
    const partOf = new Map<number, number[]>();
    for (const x of group) for (const p of group) if (x !== p && strong(x, p) && lists(p, x, 'partlyCorroboratedBy')) (partOf.get(x) ?? partOf.set(x, []).get(x)!).push(p);
    const adds: [number, number, boolean][] = [];
    for (const x of group) {
      for (const y of group) {
        if (x === y || pathOf[x] === pathOf[y] || linked(x, y) || linked(y, x) || differ(x, y)) continue;
        if (x < y && root(x) === root(y)) adds.push([x, y, true]);
        else if ((partOf.get(x) ?? []).some(p => p !== y && pathOf[p] !== pathOf[x] && root(p) === root(y)) && !(partOf.get(y) ?? []).length) adds.push([x, y, false]);
      }
    }
    for (const [x, y, full] of adds) if (!linked(x, y)) link(x, y, full);
  }
}
