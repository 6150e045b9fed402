/**
 * Growable typed-array storage for the engine's per-pool and per-lot numbers, so the main pass
 * allocates no object per transfer.
 *
 * `LevelSlots`: fixed-width records of 2·H numbers — for each hop level h < H, the seed-currency
 * amount at [h] and the native amount at [H + h]. Money is kept by level (transfers since it left
 * a seed) so that maxHops stops exactly the money that has made that many transfers.
 */
export class LevelSlots {
  data: Float64Array;
  readonly width: number;
  private used = 0;
  private free: number[] = [];

  constructor(readonly levels: number) {
    this.width = 2 * levels;
    this.data = new Float64Array(Math.max(1, this.width * 1024));
  }

  /** A zeroed slot; its numbers start at `slot * width`. */
  alloc(): number {
    const reuse = this.free.pop();
    if (reuse !== undefined) return reuse;
    const slot = this.used++;
    if (this.used * this.width > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    return slot;
  }

  release(slot: number): void {
    this.data.fill(0, slot * this.width, (slot + 1) * this.width);
    this.free.push(slot);
  }
}

/**
 * Lots for FIFO and LIFO: each pool's money as a queue of lots, oldest first, kept as doubly
 * linked lists in typed arrays. A lot is the part of one incoming transfer still in the pool;
 * `tag` says what it is made of (a LevelSlots slot for trail money, or a transfer id).
 */
export class Lots {
  head: Int32Array;
  tail: Int32Array;
  amount = new Float64Array(1024);
  tag = new Int32Array(1024);
  next = new Int32Array(1024);
  prev = new Int32Array(1024);
  private used = 0;
  private free: number[] = [];

  constructor(pools: number) {
    this.head = new Int32Array(pools).fill(-1);
    this.tail = new Int32Array(pools).fill(-1);
  }

  /** Appends a lot; merges it into the newest lot when both carry `mergeTag` (plain money). */
  push(pool: number, amount: number, tag: number, mergeTag: number): void {
    const last = this.tail[pool] as number;
    if (last >= 0 && tag === mergeTag && this.tag[last] === mergeTag) {
      this.amount[last] = (this.amount[last] as number) + amount;
      return;
    }
    const lot = this.alloc();
    this.amount[lot] = amount;
    this.tag[lot] = tag;
    this.next[lot] = -1;
    this.prev[lot] = last;
    if (last >= 0) this.next[last] = lot;
    else this.head[pool] = lot;
    this.tail[pool] = lot;
  }

  /** Unlinks a lot from its pool's queue and frees it. */
  remove(pool: number, lot: number): void {
    const p = this.prev[lot] as number;
    const n = this.next[lot] as number;
    if (p >= 0) this.next[p] = n;
    else this.head[pool] = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail[pool] = p;
    this.free.push(lot);
  }

  private alloc(): number {
    const reuse = this.free.pop();
    if (reuse !== undefined) return reuse;
    const lot = this.used++;
    if (lot >= this.amount.length) {
      const size = this.amount.length * 2;
      this.amount = grow(this.amount, new Float64Array(size));
      this.tag = grow(this.tag, new Int32Array(size));
      this.next = grow(this.next, new Int32Array(size));
      this.prev = grow(this.prev, new Int32Array(size));
    }
    return lot;
  }
}

function grow<T extends Float64Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
