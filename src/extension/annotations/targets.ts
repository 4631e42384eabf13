/** What the correction commands act on: the analysis items under the cursor. No `vscode`. */
import type { Span } from '../../core/types';

/** The items that hold `offset` (a cursor just after an item's last character counts), narrowest first. */
export function itemsAt<T extends Span>(items: readonly T[], offset: number): T[] {
  return items.filter(x => x.start <= offset && offset <= x.end).sort((a, b) => (a.end - a.start) - (b.end - b.start) || a.start - b.start);
}

/** Names of the corpus, most mentioned first (ties by name), each with the type it is most often given. */
export function rankNames(names: readonly { name: string; type: string }[]): { name: string; type: string; count: number }[] {
  const byName = new Map<string, Map<string, number>>();
  for (const { name, type } of names) {
    const types = byName.get(name) ?? new Map<string, number>();
    types.set(type, (types.get(type) ?? 0) + 1);
    byName.set(name, types);
  }
  return [...byName].map(([name, types]) => {
    let best = '', n = -1, count = 0;
    for (const [t, k] of types) {
      count += k;
      if (k > n) { best = t; n = k; }
    }
    return { name, type: best, count };
  }).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A short form of a passage for a pick list. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
