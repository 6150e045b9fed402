/**
 * How an outflow takes trail money out of a pool, per method. Every pool holds known money
 * (the balance) of which some is trail money, kept by hop level; an outflow first takes from the
 * known balance (`take`), and what it carries beyond that is outside money, never trail money.
 */
import type { Prepared } from './prepare';
import { LevelSlots, Lots } from './slots';
import type { TraceMethod } from './types';

/** Trail money by hop level: seed-currency amount and native amount. */
export interface Carry {
  seed: Float64Array;
  native: Float64Array;
}

export const newCarry = (levels: number): Carry => ({
  seed: new Float64Array(levels),
  native: new Float64Array(levels),
});

export interface DownMethod {
  /**
   * Trail money leaving pool `p` in an outflow of `a`, of which the balance `b` covers `take`.
   * Returns its seed-currency total; when above 0, `c` holds it by the sender's level.
   */
  out(p: number, a: number, take: number, b: number, c: Carry): number;
  /** `m` arrives in pool `q`; `c` is its trail part by level (null: plain money). */
  in(q: number, m: number, c: Carry | null): void;
}

export function downMethod(method: TraceMethod, prep: Prepared, levels: number): DownMethod {
  if (method === 'pro-rata') return new ProRata(prep, levels);
  if (method === 'poisoned') return new Poisoned(prep, levels);
  return new Queue(prep, levels, method === 'lifo');
}

/**
 * Pro-rata: an outflow takes the same share (take / balance) of every part of the pool, so trail
 * money at every level leaves in proportion. Only pools that hold trail money get a slot.
 */
class ProRata implements DownMethod {
  private slots: LevelSlots;
  private slotOf: Int32Array;

  constructor(
    prep: Prepared,
    private levels: number,
  ) {
    this.slots = new LevelSlots(levels);
    this.slotOf = new Int32Array(prep.pools).fill(-1);
  }

  out(p: number, _a: number, take: number, b: number, c: Carry): number {
    const slot = this.slotOf[p] as number;
    if (slot < 0 || take <= 0) return 0;
    const H = this.levels;
    const d = this.slots.data;
    const base = slot * this.slots.width;
    let total = 0;
    if (take >= b) {
      // The whole pool leaves: copy exactly, no share arithmetic, and the pool is clean again.
      for (let h = 0; h < H; h++) {
        c.seed[h] = d[base + h] as number;
        c.native[h] = d[base + H + h] as number;
        total += c.seed[h] as number;
      }
      this.slots.release(slot);
      this.slotOf[p] = -1;
      return total;
    }
    const share = take / b;
    for (let h = 0; h < H; h++) {
      const s = (d[base + h] as number) * share;
      const n = (d[base + H + h] as number) * share;
      d[base + h] = (d[base + h] as number) - s;
      d[base + H + h] = (d[base + H + h] as number) - n;
      c.seed[h] = s;
      c.native[h] = n;
      total += s;
    }
    return total;
  }

  in(q: number, _m: number, c: Carry | null): void {
    if (!c) return;
    let slot = this.slotOf[q] as number;
    if (slot < 0) slot = this.slotOf[q] = this.slots.alloc();
    const H = this.levels;
    const d = this.slots.data;
    const base = slot * this.slots.width;
    for (let h = 0; h < H; h++) {
      d[base + h] = (d[base + h] as number) + (c.seed[h] as number);
      d[base + H + h] = (d[base + H + h] as number) + (c.native[h] as number);
    }
  }
}

/** Lot tags: a mix slot (≥ 0), plain money, or all trail money at one level valued 1:1. */
const PLAIN = -1;
const WHOLE = -2; // WHOLE - level

/**
 * FIFO / LIFO: each incoming transfer is one lot; an outflow takes whole lots from the oldest
 * (FIFO) or newest (LIFO) end, splitting the last. A lot is a uniform mix of what its transfer
 * carried, so a part of it carries the same share of its trail money. Lot amounts are whole
 * minor units, so the queue arithmetic is exact.
 */
class Queue implements DownMethod {
  private lots: Lots;
  /** Per trail lot: seed and native trail money per native unit of the lot, by level. */
  private mix: LevelSlots;

  constructor(
    prep: Prepared,
    private levels: number,
    private newestFirst: boolean,
  ) {
    this.lots = new Lots(prep.pools);
    this.mix = new LevelSlots(levels);
    for (let q = 0; q < prep.pools; q++)
      if ((prep.opening[q] as number) > 0) this.lots.push(q, prep.opening[q] as number, PLAIN, PLAIN);
  }

  out(p: number, _a: number, take: number, b: number, c: Carry): number {
    if (take <= 0) return 0;
    const { lots, mix, levels: H } = this;
    const all = take >= b;
    let need = take;
    let any = false;
    let lot = this.newestFirst ? (lots.tail[p] as number) : (lots.head[p] as number);
    while (lot >= 0 && (all || need > 0)) {
      const have = lots.amount[lot] as number;
      const piece = all || have <= need ? have : need;
      const tag = lots.tag[lot] as number;
      if (tag !== PLAIN) {
        if (!any) {
          c.seed.fill(0);
          c.native.fill(0);
          any = true;
        }
        if (tag <= WHOLE) {
          const h = WHOLE - tag;
          c.seed[h] = (c.seed[h] as number) + piece;
          c.native[h] = (c.native[h] as number) + piece;
        } else {
          const base = tag * mix.width;
          for (let h = 0; h < H; h++) {
            c.seed[h] = (c.seed[h] as number) + piece * (mix.data[base + h] as number);
            c.native[h] = (c.native[h] as number) + piece * (mix.data[base + H + h] as number);
          }
        }
      }
      const following = this.newestFirst ? (lots.prev[lot] as number) : (lots.next[lot] as number);
      if (piece >= have) {
        lots.remove(p, lot);
        if (tag >= 0) mix.release(tag);
      } else lots.amount[lot] = have - piece;
      need -= piece;
      lot = following;
    }
    if (!any) return 0;
    let total = 0;
    for (let h = 0; h < H; h++) total += c.seed[h] as number;
    return total;
  }

  in(q: number, m: number, c: Carry | null): void {
    if (!c) {
      this.lots.push(q, m, PLAIN, PLAIN);
      return;
    }
    const H = this.levels;
    // The common lot — a seed's takings, or a forward out of an all-trail pool — is all trail
    // money at one level, valued 1:1: it needs no slot.
    let only = -1;
    for (let h = 0; h < H; h++) {
      if (c.native[h] === 0 && c.seed[h] === 0) continue;
      only = only === -1 && c.native[h] === m && c.seed[h] === m ? h : -2;
    }
    if (only >= 0) {
      this.lots.push(q, m, WHOLE - only, PLAIN);
      return;
    }
    const slot = this.mix.alloc();
    const base = slot * this.mix.width;
    for (let h = 0; h < H; h++) {
      this.mix.data[base + h] = (c.seed[h] as number) / m;
      this.mix.data[base + H + h] = (c.native[h] as number) / m;
    }
    this.lots.push(q, m, slot, PLAIN);
  }
}

/**
 * Poisoned (reference view): once a pool has received trail money it is poisoned for good, and
 * every later outflow counts in full, at the lowest level that reached the pool. The seed-currency
 * value of a poisoned outflow uses the pool's average seed-per-native rate of the trail money it
 * received (1 in the seed currency; the order's rate after a conversion).
 */
class Poisoned implements DownMethod {
  private level: Int32Array;
  private seedIn: Float64Array;
  private nativeIn: Float64Array;

  constructor(
    prep: Prepared,
    private levels: number,
  ) {
    this.level = new Int32Array(prep.pools).fill(levels);
    this.seedIn = new Float64Array(prep.pools);
    this.nativeIn = new Float64Array(prep.pools);
  }

  out(p: number, a: number, _take: number, _b: number, c: Carry): number {
    const l = this.level[p] as number;
    if (l >= this.levels) return 0;
    c.seed.fill(0);
    c.native.fill(0);
    const seed = (a * (this.seedIn[p] as number)) / (this.nativeIn[p] as number);
    c.seed[l] = seed;
    c.native[l] = a;
    return seed;
  }

  in(q: number, _m: number, c: Carry | null): void {
    if (!c) return;
    for (let h = 0; h < this.levels; h++) {
      if (!((c.seed[h] as number) > 0)) continue;
      if (h < (this.level[q] as number)) this.level[q] = h;
      this.seedIn[q] = (this.seedIn[q] as number) + (c.seed[h] as number);
      this.nativeIn[q] = (this.nativeIn[q] as number) + (c.native[h] as number);
    }
  }
}
