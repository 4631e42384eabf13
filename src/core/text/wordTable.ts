/**
 * Words looked up by their characters in a text, without slicing them out: an open-addressing
 * table that keeps each word's characters in one flat array and its hash beside its slot, so a
 * word met before costs its hash, one slot (or a few) and a compare of its characters; no string
 * is made and none is hashed again. Each word gets an entry number, from 0 in the order added;
 * what a word stands for is kept by the caller in arrays indexed by that number (a form id, a
 * stem id, an object), or, for a few ints, in the table itself (`payloadInts`). Emptied by the
 * caller (`clear`) when it holds enough: numbers then start again from 0.
 *
 * Layout: the tables are read once per word of every document, at random places, and outgrow
 * the core's caches, so a lookup is mostly waiting for memory. A slot holds everything the probe
 * compares (entry, hash, length, where the characters are: 16 bytes, never across a cache line),
 * and an entry's payload sits just before its characters: a word found costs two cache lines,
 * not the four (slot, entry record, characters, the caller's ids) it cost when each had an array
 * of its own.
 *
 * The one table of its kind: the reuse word model (`reuse/reuseText.ts`) and the claims'
 * normalised words (`claims/normalize.ts`) both read words through it.
 */
/** The hash the table's users give a word: FNV-1a over the characters `text[s, e)`, its high bits folded in. */
export function hashChars(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** A slot's four ints: entry + 1 (0: empty), the entry's hash, its length, where its record starts in `chars`. */
const ENTRY = 0, HASH = 1, LEN = 2, OFF = 3, SLOT = 4;

export class WordTable {
  /** Per entry, its record: `payloadInts` ints as two 16-bit halves each (low first), then its characters. */
  private chars = new Uint16Array(1 << 14);
  private top = 0;
  /** How many words the table holds; the next one added is entry `size`. */
  size = 0;
  /** `SLOT` ints per slot, at most half the slots used. */
  private slots: Int32Array;
  /** The free slot a failed `find` stopped at, for `add` right after it. */
  private free = -1;
  /** Where the record of the entry last found or added starts in `chars` (`payload`, `setPayload`). */
  private last = -1;
  /** Characters of a record before the word's own (the payload's halves). */
  private readonly skip: number;

  /** `payloadInts`: ints kept with each entry (`payload`), read with the entry at no further cost. */
  constructor(private readonly initialSlots = 1 << 12, readonly payloadInts = 0) {
    this.slots = new Int32Array(SLOT * initialSlots);
    this.skip = 2 * payloadInts;
  }

  /** Entry of the word `text[s, e)` whose hash is `h` (any int; the same characters, the same hash), or -1. */
  find(text: string, s: number, e: number, h: number): number {
    const slots = this.slots, mask = (slots.length >> 2) - 1, len = e - s, hash = h | 0;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const r = at * SLOT, k1 = slots[r + ENTRY];
      if (k1 === 0) { this.free = at; return -1; }
      if (slots[r + HASH] !== hash || slots[r + LEN] !== len) continue;
      const chars = this.chars, off = slots[r + OFF], from = off + this.skip;
      let q = 0;
      while (q < len && chars[from + q] === text.charCodeAt(s + q)) q++;
      if (q === len) { this.last = off; return k1 - 1; }
    }
  }

  /** Adds the word `text[s, e)` (hash `h`), which `find` has just not found; its entry (`size` before). Its payload is 0 until set. */
  add(text: string, s: number, e: number, h: number): number {
    const len = e - s, hash = h | 0, need = this.skip + len;
    let slots = this.slots, at = this.free;
    if (2 * (this.size + 1) > slots.length / SLOT) { this.grow(); slots = this.slots; at = -1; }
    if (at < 0) {
      // (Grown, or emptied since the `find`: the word's slot is looked for again.)
      const mask = (slots.length >> 2) - 1;
      for (at = hash & mask; slots[at * SLOT + ENTRY] !== 0;) at = (at + 1) & mask;
    }
    this.free = -1;
    const k = this.size++;
    if (this.top + need > this.chars.length) { const c = new Uint16Array(Math.max(this.chars.length * 2, this.top + need)); c.set(this.chars.subarray(0, this.top)); this.chars = c; }
    const chars = this.chars, off = this.top;
    for (let q = 0; q < this.skip; q++) chars[off + q] = 0;
    for (let q = 0; q < len; q++) chars[off + this.skip + q] = text.charCodeAt(s + q);
    this.top += need;
    const r = at * SLOT;
    slots[r + ENTRY] = k + 1; slots[r + HASH] = hash; slots[r + LEN] = len; slots[r + OFF] = off;
    this.last = off;
    return k;
  }

  /**
   * Reads, for each of the first `n` hashes, the slot a lookup of it probes first and the characters that slot
   * points to, and nothing else: the loads depend on none of the others, so the processor waits for them all at
   * once, and the lookups that follow (`find`) find them in its caches. A lookup alone waits for each in turn (a
   * slot, then its characters), word after word. Changes nothing; what was read is kept in `touched` only so that
   * the reads are not left out.
   */
  prefetch(hashes: Int32Array, n: number): void {
    const slots = this.slots, chars = this.chars, mask = (slots.length >> 2) - 1;
    let x = 0;
    for (let q = 0; q < n; q++) x ^= slots[(hashes[q] & mask) * SLOT + OFF];
    for (let q = 0; q < n; q++) x ^= chars[slots[(hashes[q] & mask) * SLOT + OFF]];
    this.touched = x;
  }

  /** What `prefetch` read last (see there). */
  touched = 0;

  /** Int `i` (< `payloadInts`) of the payload of the entry last found or added. */
  payload(i: number): number {
    const o = this.last + 2 * i;
    return this.chars[o] | (this.chars[o + 1] << 16);
  }

  /** Sets int `i` of the payload of the entry last found or added. */
  setPayload(i: number, v: number): void {
    const o = this.last + 2 * i;
    this.chars[o] = v & 0xffff;
    this.chars[o + 1] = v >>> 16;
  }

  /** Empty: entries start again from 0 (the character buffer is kept). */
  clear(): void {
    this.size = 0; this.top = 0; this.free = -1; this.last = -1;
    this.slots = new Int32Array(SLOT * this.initialSlots);
  }

  /** Twice the slots, at most half of them used. */
  private grow(): void {
    const old = this.slots, slots = new Int32Array(old.length * 2), mask = (slots.length >> 2) - 1;
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o + ENTRY] === 0) continue;
      let at = old[o + HASH] & mask;
      while (slots[at * SLOT + ENTRY] !== 0) at = (at + 1) & mask;
      const r = at * SLOT;
      slots[r + ENTRY] = old[o + ENTRY]; slots[r + HASH] = old[o + HASH]; slots[r + LEN] = old[o + LEN]; slots[r + OFF] = old[o + OFF];
    }
    this.slots = slots;
  }
}
