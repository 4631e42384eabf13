/**
 * The inverted index behind ReuseIndex: feature hash -> the units holding it.
 * Typed arrays instead of a Map of arrays: an open-addressing table of features,
 * each the head of a chain in one pool of postings. Millions of postings then cost
 * a few flat arrays, not millions of small objects for the garbage collector.
 *
 * A feature found in more than `cap` live units is saturated: common phrasing, not
 * returned while it stays so. Saturation follows the live count, so the table's
 * answers depend only on the units it holds, not on what was added and removed
 * before (an edited document re-indexed gives what a fresh index gives). Removing
 * a unit only marks it dead (the caller's `alive`); dead postings are skipped and
 * swept out by compaction.
 */
const EMPTY = 0;

export class PostingTable {
  private keys: Int32Array; // feature + 1 (0 = empty slot)
  private heads: Int32Array; // first posting of the chain, -1 when none
  private counts: Int32Array; // live postings
  private used = 0;
  private sids: Int32Array; // pool: unit id per posting
  private next: Int32Array; // pool: next posting in the chain, -1 at the end
  private top = 0;
  private dead = 0;

  /** `slots`: a power of two, at least twice the features expected; `pool`: postings expected. */
  constructor(private readonly cap: number, slots = 1 << 16, pool = 1 << 16) {
    this.keys = new Int32Array(slots);
    this.heads = new Int32Array(slots).fill(-1);
    this.counts = new Int32Array(slots);
    this.sids = new Int32Array(Math.max(16, pool));
    this.next = new Int32Array(Math.max(16, pool));
  }

  /** Slot of a feature, or -1. */
  find(feature: number): number {
    const key = feature + 1;
    const mask = this.keys.length - 1;
    for (let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; s = (s + 1) & mask) {
      const k = this.keys[s];
      if (k === key) return s;
      if (k === EMPTY) return -1;
    }
  }

  /** First posting of a feature's chain, or -1 (absent or saturated). */
  head(feature: number): number {
    const s = this.find(feature);
    return s < 0 || this.counts[s] > this.cap ? -1 : this.heads[s];
  }

  /** First posting of a feature's chain, saturated or not, or -1; with `live`, how many of its postings are live. */
  chain(feature: number): number {
    const s = this.find(feature);
    return s < 0 ? -1 : this.heads[s];
  }

  live(feature: number): number {
    const s = this.find(feature);
    return s < 0 ? 0 : this.counts[s];
  }

  unitAt(posting: number): number { return this.sids[posting]; }
  nextOf(posting: number): number { return this.next[posting]; }

  /** Adds a posting; returns the feature's live postings now. */
  add(feature: number, sid: number): number {
    let s = this.find(feature);
    if (s < 0) s = this.insert(feature + 1);
    if (this.top === this.sids.length) this.growPool();
    this.sids[this.top] = sid;
    this.next[this.top] = this.heads[s];
    this.heads[s] = this.top++;
    return ++this.counts[s];
  }

  /** One posting of `feature` was removed (its unit is dead now); returns the feature's live postings now. */
  drop(feature: number): number {
    const s = this.find(feature);
    if (s < 0) return 0;
    this.dead++;
    return --this.counts[s];
  }

  /** Sweeps dead postings out when they outnumber the live ones. */
  compact(alive: (sid: number) => boolean): void {
    if (this.dead < 1 << 16 || this.dead < this.top - this.dead) return;
    this.compactWith(alive, sid => sid);
  }

  private compactWith(alive: (sid: number) => boolean, id: (sid: number) => number): void {
    const sids = new Int32Array(Math.max(1 << 16, (this.top - this.dead) * 2));
    const next = new Int32Array(sids.length);
    let top = 0;
    for (let s = 0; s < this.keys.length; s++) {
      if (this.keys[s] === EMPTY) continue;
      let prev = -1, n = 0;
      for (let p = this.heads[s]; p >= 0; p = this.next[p]) {
        const sid = this.sids[p];
        if (!alive(sid)) continue;
        sids[top] = id(sid); next[top] = -1;
        if (prev < 0) this.heads[s] = top; else next[prev] = top;
        prev = top++; n++;
      }
      if (prev < 0) this.heads[s] = -1;
      this.counts[s] = n;
    }
    this.sids = sids; this.next = next; this.top = top; this.dead = 0;
  }

  /** Sweeps dead postings out (`map[sid]` < 0) and gives the live ones their new unit ids, in the same order. */
  renumber(map: Int32Array): void {
    this.compactWith(sid => map[sid] >= 0, sid => map[sid]);
  }

  /** Postings held, live and dead (for memory reports). */
  get size(): number { return this.top; }

  private insert(key: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    const mask = this.keys.length - 1;
    let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[s] !== EMPTY) s = (s + 1) & mask;
    this.keys[s] = key; this.heads[s] = -1; this.counts[s] = 0;
    this.used++;
    return s;
  }

  private rehash(slots: number): void {
    const { keys, heads, counts } = this;
    this.keys = new Int32Array(slots);
    this.heads = new Int32Array(slots).fill(-1);
    this.counts = new Int32Array(slots);
    const mask = slots - 1;
    for (let o = 0; o < keys.length; o++) {
      const key = keys[o];
      if (key === EMPTY) continue;
      let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (this.keys[s] !== EMPTY) s = (s + 1) & mask;
      this.keys[s] = key; this.heads[s] = heads[o]; this.counts[s] = counts[o];
    }
  }

  private growPool(): void {
    const sids = new Int32Array(this.sids.length * 2); sids.set(this.sids); this.sids = sids;
    const next = new Int32Array(this.next.length * 2); next.set(this.next); this.next = next;
  }
}
