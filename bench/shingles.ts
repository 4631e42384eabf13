/**
 * The baselines the corpus benches run beside the real thing: exact 8-word
 * shingles, through an inverted index (bench/reuse, bench/corpus) or compared
 * document against document (the all-pairs baseline of bench/corpus).
 */

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}

/** Distinct hashes of every 8-word window of a text (lower-cased letters and digits as words). */
export function shingles(text: string): Int32Array {
  const ws = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hs = ws.map(w => { let h = 0x811c9dc5; for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193); return h; });
  const out = new Set<number>();
  for (let k = 0; k + 8 <= hs.length; k++) {
    let h = 0;
    for (let q = 0; q < 8; q++) h = Math.imul(h ^ hs[k + q], 0x9e3779b1) + q;
    out.add(h | 0);
  }
  return Int32Array.from(out).sort();
}

/** The naive peer: every 8-word window hashed, documents sharing one are a pair (no cap). */
export function shingleIndex(docs: readonly { name: string; text: string }[]): Set<string> {
  const postings = new Map<number, number[]>();
  const pairs = new Set<string>();
  docs.forEach((d, id) => {
    for (const h of shingles(d.text)) {
      const list = postings.get(h);
      if (list) { for (const o of list) if (o !== id) pairs.add(pairKey(docs[o].name, d.name)); list.push(id); } else postings.set(h, [id]);
    }
  });
  return pairs;
}

/** The all-pairs baseline: every two documents compared by their sorted shingles (a merge), no index. */
export function allPairs(docs: readonly { name: string; text: string }[]): Set<string> {
  const sh = docs.map(d => shingles(d.text));
  const pairs = new Set<string>();
  for (let a = 0; a < docs.length; a++) {
    for (let b = a + 1; b < docs.length; b++) {
      const x = sh[a], y = sh[b];
      let i = 0, j = 0, n = 0;
      while (i < x.length && j < y.length) {
        if (x[i] === y[j]) { n++; i++; j++; } else if (x[i] < y[j]) i++; else j++;
      }
      if (n > 0) pairs.add(pairKey(docs[a].name, docs[b].name));
    }
  }
  return pairs;
}
