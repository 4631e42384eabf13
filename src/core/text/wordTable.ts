/**
 * Words looked up by their characters in a text, without slicing them out: an open-addressing
 * table that keeps each word's characters in one flat array and its hash beside its slot, so a
 * word met before costs its hash, one slot (or a few), one entry and a compare of its characters;
 * no string is made and none is hashed again. Each word gets an entry number, from 0 in the
 * order added; what a word stands for is kept by the caller in arrays indexed by that number
 * (a form id, a stem id, an object). Emptied by the caller (`clear`) when it holds enough:
 * numbers then start again from 0.
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

export class WordTable {
  /** Per entry: its hash, its length and where its characters start in `chars`. */
  private meta = new Int32Array(3 * 1024);
  private chars = new Uint16Array(1 << 14);
  private top = 0;
  /** How many words the table holds; the next one added is entry `size`. */
  size = 0;
  /** Slot pairs: entry + 1 (0: empty) and the entry's hash, so a probe past another word reads no entry. */
  private slots: Int32Array;
  /** The free slot a failed `find` stopped at, for `add` right after it. */
  private free = -1;

  constructor(private readonly initialSlots = 1 << 12) {
    this.slots = new Int32Array(2 * initialSlots);
  }

  /** Entry of the word `text[s, e)` whose hash is `h` (any int; the same characters, the same hash), or -1. */
  find(text: string, s: number, e: number, h: number): number {
    const slots = this.slots, mask = (slots.length >> 1) - 1, len = e - s, hash = h | 0;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const k1 = slots[2 * at];
      if (k1 === 0) { this.free = at; return -1; }
      if (slots[2 * at + 1] !== hash) continue;
      const m = 3 * (k1 - 1);
      if (this.meta[m + 1] !== len) continue;
      const chars = this.chars, off = this.meta[m + 2];
      let q = 0;
      while (q < len && chars[off + q] === text.charCodeAt(s + q)) q++;
      if (q === len) return k1 - 1;
    }
  }

  /** Adds the word `text[s, e)` (hash `h`), which `find` has just not found; its entry (`size` before). */
  add(text: string, s: number, e: number, h: number): number {
    const len = e - s, hash = h | 0;
    let slots = this.slots, at = this.free;
    if (2 * (this.size + 1) > slots.length >> 1) { this.grow(); slots = this.slots; at = -1; }
    if (at < 0) {
      // (Grown, or emptied since the `find`: the word's slot is looked for again.)
      const mask = (slots.length >> 1) - 1;
      for (at = hash & mask; slots[2 * at] !== 0;) at = (at + 1) & mask;
    }
    this.free = -1;
    const k = this.size++;
    if (3 * (k + 1) > this.meta.length) { const m = new Int32Array(this.meta.length * 2); m.set(this.meta); this.meta = m; }
    if (this.top + len > this.chars.length) { const c = new Uint16Array(Math.max(this.chars.length * 2, this.top + len)); c.set(this.chars.subarray(0, this.top)); this.chars = c; }
    const chars = this.chars, off = this.top;
    for (let q = 0; q < len; q++) chars[off + q] = text.charCodeAt(s + q);
    this.top += len;
    this.meta[3 * k] = hash; this.meta[3 * k + 1] = len; this.meta[3 * k + 2] = off;
    slots[2 * at] = k + 1; slots[2 * at + 1] = hash;
    return k;
  }

  /** Empty: entries start again from 0 (the buffers are kept). */
  clear(): void {
    this.size = 0; this.top = 0; this.free = -1;
    this.slots = new Int32Array(2 * this.initialSlots);
  }

  /** Twice the slots, at most half of them used. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2), mask = (slots.length >> 1) - 1;
    for (let k = 0; k < this.size; k++) {
      const hash = this.meta[3 * k];
      let at = hash & mask;
      while (slots[2 * at] !== 0) at = (at + 1) & mask;
      slots[2 * at] = k + 1; slots[2 * at + 1] = hash;
    }
    this.slots = slots;
  }
}
