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
 *
 * Layout: a lookup is a walk through memory far larger than the caches once an
 * archive is indexed (at 10,000 articles, four million slots and eight million
 * postings), so what one step reads sits together: a slot's key, chain head and
 * count in one 16-byte record, a posting's unit and next link in one 8-byte record.
 * One cache miss a step, not two or three.
 */
const EMPTY = 0;
/** Slot record: key (feature + 1; 0 = empty), first posting of the chain (-1 when none), live postings, unused. */
const KEY = 0, HEAD = 1, COUNT = 2, SLOT = 4;
/** Posting record: unit id, next posting in the chain (-1 at the end). */
const SID = 0, NEXT = 1, POSTING = 2;

/** The slot where a key's probe starts (open addressing, linear probing): `find`, `insert`, `rehash` and `prefetch` alike. */
const homeSlot = (key: number, mask: number): number => (Math.imul(key, 0x9e3779b1) >>> 0) & mask;

export class PostingTable {
  private slots: Int32Array; // SLOT ints per slot
  private mask: number; // slots - 1
  private used = 0;
  private pool: Int32Array; // POSTING ints per posting
  private top = 0;
  private dead = 0;

  /** `slots`: a power of two, at least twice the features expected; `pool`: postings expected. */
  constructor(private readonly cap: number, slots = 1 << 16, pool = 1 << 16) {
    this.slots = emptySlots(slots);
    this.mask = slots - 1;
    this.pool = new Int32Array(Math.max(16, pool) * POSTING);
  }

  /** Record of a feature (its index in `slots`), or -1. */
  find(feature: number): number {
    const key = feature + 1, slots = this.slots, mask = this.mask;
    for (let s = homeSlot(key, mask); ; s = (s + 1) & mask) {
      const k = slots[s * SLOT + KEY];
      if (k === key) return s * SLOT;
      if (k === EMPTY) return -1;
    }
  }

  /** First posting of a feature's chain, or -1 (absent or saturated). */
  head(feature: number): number {
    const r = this.find(feature);
    return r < 0 || this.slots[r + COUNT] > this.cap ? -1 : this.slots[r + HEAD];
  }

  /** First posting of a feature's chain, saturated or not, or -1; with `live`, how many of its postings are live. */
  chain(feature: number): number {
    const r = this.find(feature);
    return r < 0 ? -1 : this.slots[r + HEAD];
  }

  live(feature: number): number {
    const r = this.find(feature);
    return r < 0 ? 0 : this.slots[r + COUNT];
  }

  /**
   * Reads the slot a lookup of each feature of `block[from, to)` probes first, and nothing else: the loads depend on
   * none of the others, so the processor waits for them all at once, and the `add`s that follow find those slots in
   * its caches (at 10,000 articles the slots are some 64 MB, and each `add` alone waited for its slot in turn). Changes
   * nothing; what was read is kept in `touched` only so that the reads are not left out.
   */
  prefetch(block: Int32Array, from: number, to: number): void {
    const slots = this.slots, mask = this.mask;
    let x = this.touched;
    for (let q = from; q < to; q++) x ^= slots[homeSlot(block[q] + 1, mask) * SLOT + KEY]; // (a feature's key is feature + 1, as in `find`)
    this.touched = x;
  }

  /**
   * Appends to `heads` (from `n` on) the first posting of each unsaturated chain of the features of `block[from, to)`
   * (what `head` gives, when not -1); returns the new count. Call `prefetch` on the same features first.
   */
  headsInto(block: Int32Array, from: number, to: number, heads: Int32Array, n: number): number {
    for (let q = from; q < to; q++) { const h = this.head(block[q]); if (h >= 0) heads[n++] = h; }
    return n;
  }

  /**
   * Walks the chains from `heads[0, n)` (`headsInto`) together, a step of each in turn, as far as a lookup with this
   * `floor` walks them (to the first unit below it), reading each posting and `also[unit]`: one chain's steps wait for
   * each other, but the steps of different chains do not, so the processor waits for many at once, and the lookups
   * that follow walk those chains in its caches (at 10,000 articles the postings are some 64 MB, and a lookup alone
   * waited for every step in turn). Changes nothing but `heads` (what was read goes to `touched`).
   */
  prefetchChains(heads: Int32Array, n: number, floor: number, also: Int32Array): void {
    const pool = this.pool;
    let x = this.touched;
    while (n > 0) {
      let m = 0;
      for (let k = 0; k < n; k++) {
        const at = heads[k] * POSTING, sid = pool[at + SID];
        if (sid < floor) continue;
        x ^= also[sid];
        const next = pool[at + NEXT];
        if (next >= 0) heads[m++] = next;
      }
      n = m;
    }
    this.touched = x;
  }

  /** What `prefetch` read (see there). */
  touched = 0;

  unitAt(posting: number): number { return this.pool[posting * POSTING + SID]; }
  nextOf(posting: number): number { return this.pool[posting * POSTING + NEXT]; }

  /** Adds a posting; returns the feature's live postings now. */
  add(feature: number, sid: number): number {
    let r = this.find(feature);
    if (r < 0) r = this.insert(feature + 1);
    if (this.top * POSTING === this.pool.length) this.growPool();
    const slots = this.slots, at = this.top * POSTING;
    this.pool[at + SID] = sid;
    this.pool[at + NEXT] = slots[r + HEAD];
    slots[r + HEAD] = this.top++;
    return ++slots[r + COUNT];
  }

  /** One posting of `feature` was removed (its unit is dead now); returns the feature's live postings now. */
  drop(feature: number): number {
    const r = this.find(feature);
    if (r < 0) return 0;
    this.dead++;
    return --this.slots[r + COUNT];
  }

  /** Sweeps dead postings out when they outnumber the live ones. */
  compact(alive: (sid: number) => boolean): void {
    if (this.dead < 1 << 16 || this.dead < this.top - this.dead) return;
    this.compactWith(alive, sid => sid);
  }

  private compactWith(alive: (sid: number) => boolean, id: (sid: number) => number): void {
    const old = this.pool, slots = this.slots;
    const pool = new Int32Array(Math.max(1 << 16, (this.top - this.dead) * 2) * POSTING);
    let top = 0;
    for (let r = 0; r < slots.length; r += SLOT) {
      if (slots[r + KEY] === EMPTY) continue;
      let prev = -1, n = 0;
      for (let p = slots[r + HEAD]; p >= 0; p = old[p * POSTING + NEXT]) {
        const sid = old[p * POSTING + SID];
        if (!alive(sid)) continue;
        pool[top * POSTING + SID] = id(sid); pool[top * POSTING + NEXT] = -1;
        if (prev < 0) slots[r + HEAD] = top; else pool[prev * POSTING + NEXT] = top;
        prev = top++; n++;
      }
      if (prev < 0) slots[r + HEAD] = -1;
      slots[r + COUNT] = n;
    }
    this.pool = pool; this.top = top; this.dead = 0;
  }

  /** Sweeps dead postings out (`map[sid]` < 0) and gives the live ones their new unit ids, in the same order. */
  renumber(map: Int32Array): void {
    this.compactWith(sid => map[sid] >= 0, sid => map[sid]);
  }

  /** Postings held, live and dead (for memory reports). */
  get size(): number { return this.top; }

  /** Record of a new key (absent). */
  private insert(key: number): number {
    if ((this.used + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    const slots = this.slots, mask = this.mask;
    let s = homeSlot(key, mask);
    while (slots[s * SLOT + KEY] !== EMPTY) s = (s + 1) & mask;
    const r = s * SLOT;
    slots[r + KEY] = key; slots[r + HEAD] = -1; slots[r + COUNT] = 0;
    this.used++;
    return r;
  }

  private rehash(n: number): void {
    const old = this.slots, slots = emptySlots(n), mask = n - 1;
    for (let o = 0; o < old.length; o += SLOT) {
      const key = old[o + KEY];
      if (key === EMPTY) continue;
      let s = homeSlot(key, mask);
      while (slots[s * SLOT + KEY] !== EMPTY) s = (s + 1) & mask;
      slots[s * SLOT + KEY] = key; slots[s * SLOT + HEAD] = old[o + HEAD]; slots[s * SLOT + COUNT] = old[o + COUNT];
    }
    this.slots = slots;
    this.mask = mask;
  }

  private growPool(): void {
    const pool = new Int32Array(this.pool.length * 2);
    pool.set(this.pool);
    this.pool = pool;
  }
}

/** `n` empty slot records. */
function emptySlots(n: number): Int32Array {
  const slots = new Int32Array(n * SLOT);
  for (let r = HEAD; r < slots.length; r += SLOT) slots[r] = -1;
  return slots;
}
