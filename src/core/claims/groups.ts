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
  for (const d of docs) for (const c of d.claims) { ids.set(`${d.path}\u0000${c.start}\u0000${c.end}`, claims.length); claims.push(c); }
  const edges: Edge[] = [];
  for (const d of docs) {
    for (const c of d.claims) {
      const me = ids.get(`${d.path}\u0000${c.start}\u0000${c.end}`)!;
      // A pair linked in full (a quote's variant, say) is not also a partial link, and a partial link keeps its mirror
      // (quote linking, which runs between, may have decided the pair otherwise).
      if (c.partlyCorroboratedBy?.length) {
        const same = (l: ClaimLink) => (m: ClaimLink) => m.path === l.path && m.start === l.start && m.end === l.end;
        const here: ClaimLink = { path: d.path, start: c.start, end: c.end, similarity: 0 };
        c.partlyCorroboratedBy = c.partlyCorroboratedBy.filter(l => {
          if (c.corroboratedBy.some(same(l)) || c.disputedBy.some(same(l))) return false;
          const other = ids.get(`${l.path}\u0000${l.start}\u0000${l.end}`);
          return other !== undefined && claims[other].corroboratedBy.some(same(here));
        });
      }
      for (const l of c.corroboratedBy) {
        const other = ids.get(`${l.path}\u0000${l.start}\u0000${l.end}`);
        if (other !== undefined && other > me) edges.push({ a: me, b: other, similarity: l.similarity });
        else if (other !== undefined && other < me && !claims[other].corroboratedBy.some(m => ids.get(`${m.path}\u0000${m.start}\u0000${m.end}`) === me)) {
          edges.push({ a: other, b: me, similarity: l.similarity }); // a directional link: listed at one end only
        }
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
