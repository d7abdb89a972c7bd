// Finds duplicate event ids among millions as they are read. A JavaScript Map
// spends most of its time on cache misses in a table of about 30 bytes an
// entry; this open-addressing table of 4-byte slots with the FNV-1a hash kept
// per entry is about twice as fast (tested against Map as the reference).

const EMPTY = 0;

/** FNV-1a over UTF-16 code units. */
function hashOf(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h;
}

/** Ids numbered in the order they were first added. */
export class IdIndex {
  /** Entry number + 1 per slot (0: empty); at most half full. */
  private slots = new Int32Array(1 << 16);
  private mask = (1 << 16) - 1;
  private hashes = new Int32Array(1 << 15);
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The number of `id`, or -1 if it was never added. */
  find(id: string): number {
    const at = this.slotOf(id, hashOf(id));
    return this.slots[at]! - 1;
  }

  /** The number of `id` if it was added before; otherwise adds it and returns -1. */
  addOrFind(id: string): number {
    const h = hashOf(id);
    const p = this.slotOf(id, h);
    if (this.slots[p] !== EMPTY) return this.slots[p]! - 1;
    const { keys, hashes } = this;
    const n = keys.length;
    keys.push(id);
    if (n === hashes.length) {
      const grown = new Int32Array(hashes.length * 2);
      grown.set(hashes);
      this.hashes = grown;
    }
    this.hashes[n] = h;
    this.slots[p] = n + 1;
    if ((n + 1) * 2 > this.mask) this.grow();
    return -1;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private slotOf(id: string, h: number): number {
    const { slots, mask, hashes, keys } = this;
    let p = h & mask;
    for (let entry = slots[p]!; entry !== EMPTY; entry = slots[p]!) {
      if (hashes[entry - 1] === h && keys[entry - 1] === id) return p;
      p = (p + 1) & mask;
    }
    return p;
  }

  private grow(): void {
    const mask = this.mask * 2 + 1;
    const slots = new Int32Array(mask + 1);
    for (let e = 0; e < this.keys.length; e++) {
      let p = this.hashes[e]! & mask;
      while (slots[p] !== EMPTY) p = (p + 1) & mask;
      slots[p] = e + 1;
    }
    this.mask = mask;
    this.slots = slots;
  }
}
