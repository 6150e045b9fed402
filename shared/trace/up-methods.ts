/**
 * Upstream, per method: which earlier inflows funded an outflow. A forward pass over the
 * transfers records what the backward sweep needs (balances for pro-rata, the lots each outflow
 * took for FIFO/LIFO); the sweep then hands each outflow's demand back to the inflows that funded
 * it. Demand vectors are by level: index j of a pool is its node's hop count on the way back.
 */
import type { Carry } from './down-methods';
import type { Prepared } from './prepare';
import { LevelSlots, Lots } from './slots';
import type { TraceMethod } from './types';

export interface UpMethod {
  /**
   * Forward, every transfer up to the window's end (`k`: its position in time order): `take` of
   * the balance `b` left pool `p`, `m` arrived in pool `q` making its balance `after`.
   */
  forward(
    t: number,
    k: number,
    p: number,
    q: number,
    take: number,
    b: number,
    m: number,
    after: number,
  ): void;
  /** Backward: the demand on inflow `t` (arriving `m` in pool `q`) from the pool's demand, into `d`. */
  demand(t: number, q: number, m: number, d: Carry): void;
  /**
   * Backward: outflow `t` of pool `p` was funded by the pool; `d` is its demand by the pool's level
   * (already limited to what the known balance covered). What the pool had from before the window
   * or its opening balance is added to `spill` ([seed, native]): it starts at this node.
   */
  fund(t: number, k: number, p: number, d: Carry, spill: Float64Array): void;
  /** After the sweep: demand still in a pool was money it had before the window. */
  rest(spill: (pool: number, seed: number, native: number) => void): void;
  /** How much of outflow `t` its sender's known balance covered (in the window). */
  taken(t: number, k: number): number;
}

/** `start`, `end`: the window as positions in time order. */
export function upMethod(
  method: TraceMethod,
  prep: Prepared,
  levels: number,
  start: number,
  end: number,
): UpMethod {
  if (method === 'pro-rata') return new ProRataUp(prep, levels);
  if (method === 'poisoned') return new PoisonedUp(prep, levels);
  return new QueueUp(prep, levels, method === 'lifo', start, end);
}

function addInto(data: Float64Array, base: number, H: number, d: Carry, share: number): void {
  for (let j = 0; j < H; j++) {
    data[base + j] = (data[base + j] as number) + (d.seed[j] as number) * share;
    data[base + H + j] = (data[base + H + j] as number) + (d.native[j] as number) * share;
  }
}

/**
 * Pro-rata backward: demand in a pool keeps its amount across earlier outflows (they took the same
 * share of everything) and each earlier inflow funds demand × inflow / balance just after it.
 */
class ProRataUp implements UpMethod {
  private after: Float64Array;
  private take: Float64Array;
  private slots: LevelSlots;
  private slotOf: Int32Array;

  constructor(
    private prep: Prepared,
    private levels: number,
  ) {
    this.after = new Float64Array(prep.transfers);
    this.take = new Float64Array(prep.transfers);
    this.slots = new LevelSlots(levels);
    this.slotOf = new Int32Array(prep.pools).fill(-1);
  }

  forward(
    t: number,
    _k: number,
    _p: number,
    _q: number,
    take: number,
    _b: number,
    _m: number,
    after: number,
  ): void {
    this.after[t] = after;
    this.take[t] = take;
  }

  taken(t: number): number {
    return this.take[t] as number;
  }

  demand(t: number, q: number, m: number, d: Carry): void {
    const slot = this.slotOf[q] as number;
    if (slot < 0) return;
    const H = this.levels;
    const data = this.slots.data;
    const base = slot * this.slots.width;
    const share = m / (this.after[t] as number);
    const all = share >= 1;
    for (let j = 0; j < H; j++) {
      const s = all ? (data[base + j] as number) : (data[base + j] as number) * share;
      const n = all ? (data[base + H + j] as number) : (data[base + H + j] as number) * share;
      d.seed[j] = (d.seed[j] as number) + s;
      d.native[j] = (d.native[j] as number) + n;
      data[base + j] = (data[base + j] as number) - s;
      data[base + H + j] = (data[base + H + j] as number) - n;
    }
    if (all) {
      this.slots.release(slot);
      this.slotOf[q] = -1;
    }
  }

  fund(_t: number, _k: number, p: number, d: Carry): void {
    let slot = this.slotOf[p] as number;
    if (slot < 0) slot = this.slotOf[p] = this.slots.alloc();
    addInto(this.slots.data, slot * this.slots.width, this.levels, d, 1);
  }

  rest(spill: (pool: number, seed: number, native: number) => void): void {
    const H = this.levels;
    for (let q = 0; q < this.prep.pools; q++) {
      const slot = this.slotOf[q] as number;
      if (slot < 0) continue;
      const base = slot * this.slots.width;
      let s = 0;
      let n = 0;
      for (let j = 0; j < H; j++) {
        s += this.slots.data[base + j] as number;
        n += this.slots.data[base + H + j] as number;
      }
      if (s > 0) spill(q, s, n);
    }
  }
}

const PLAIN = -1;

/**
 * FIFO / LIFO backward: the forward pass replays the queues and records, per outflow, the lots
 * (inflow transfers) it took; an outflow's demand goes to those inflows in proportion to the piece
 * of each. Opening balances and inflows from before the window are one plain lot: where they fund
 * the trail, the money starts at this node.
 */
class QueueUp implements UpMethod {
  private lots: Lots;
  /** By position in the window: outflow k's pieces are [pieceStart[k - start], pieceStart[k - start + 1]). */
  private pieceStart: Int32Array;
  // About one piece per outflow: sized for the transfers up front, so growing rarely copies.
  private pieceLot: Int32Array;
  private pieceAmount: Float64Array;
  private pieces = 0;
  private slots: LevelSlots;
  private slotOf: Int32Array;

  constructor(
    prep: Prepared,
    private levels: number,
    private newestFirst: boolean,
    private start: number,
    end: number,
  ) {
    this.lots = new Lots(prep.pools);
    for (let q = 0; q < prep.pools; q++)
      if ((prep.opening[q] as number) > 0) this.lots.push(q, prep.opening[q] as number, PLAIN, PLAIN);
    this.pieceLot = new Int32Array(prep.transfers + 1024);
    this.pieceAmount = new Float64Array(prep.transfers + 1024);
    this.pieceStart = new Int32Array(Math.max(0, end - start) + 1);
    this.slots = new LevelSlots(levels);
    this.slotOf = new Int32Array(prep.transfers).fill(-1);
  }

  forward(t: number, k: number, p: number, q: number, take: number, b: number, m: number): void {
    const { lots } = this;
    const inWindow = k >= this.start;
    const all = take >= b;
    let need = take;
    if (inWindow) this.pieceStart[k - this.start] = this.pieces;
    let lot = this.newestFirst ? (lots.tail[p] as number) : (lots.head[p] as number);
    while (take > 0 && lot >= 0 && (all || need > 0)) {
      const have = lots.amount[lot] as number;
      const piece = all || have <= need ? have : need;
      if (inWindow) this.record(lots.tag[lot] as number, piece);
      const following = this.newestFirst ? (lots.prev[lot] as number) : (lots.next[lot] as number);
      if (piece >= have) lots.remove(p, lot);
      else lots.amount[lot] = have - piece;
      need -= piece;
      lot = following;
    }
    if (inWindow) this.pieceStart[k - this.start + 1] = this.pieces;
    lots.push(q, m, inWindow ? t : PLAIN, PLAIN);
  }

  private record(tag: number, amount: number): void {
    if (this.pieces === this.pieceLot.length) {
      const size = Math.ceil(this.pieces * 1.5);
      const lot = new Int32Array(size);
      lot.set(this.pieceLot);
      this.pieceLot = lot;
      const am = new Float64Array(size);
      am.set(this.pieceAmount);
      this.pieceAmount = am;
    }
    this.pieceLot[this.pieces] = tag;
    this.pieceAmount[this.pieces] = amount;
    this.pieces++;
  }

  taken(_t: number, k: number): number {
    let sum = 0;
    const last = this.pieceStart[k - this.start + 1] as number;
    for (let i = this.pieceStart[k - this.start] as number; i < last; i++)
      sum += this.pieceAmount[i] as number;
    return sum;
  }

  demand(t: number, _q: number, _m: number, d: Carry): void {
    const slot = this.slotOf[t] as number;
    if (slot < 0) return;
    const H = this.levels;
    const base = slot * this.slots.width;
    for (let j = 0; j < H; j++) {
      d.seed[j] = (d.seed[j] as number) + (this.slots.data[base + j] as number);
      d.native[j] = (d.native[j] as number) + (this.slots.data[base + H + j] as number);
    }
    this.slots.release(slot);
    this.slotOf[t] = -1;
  }

  fund(t: number, k: number, _p: number, d: Carry, spill: Float64Array): void {
    const H = this.levels;
    const taken = this.taken(t, k);
    if (!(taken > 0)) return;
    const last = this.pieceStart[k - this.start + 1] as number;
    for (let i = this.pieceStart[k - this.start] as number; i < last; i++) {
      const share = (this.pieceAmount[i] as number) / taken;
      const src = this.pieceLot[i] as number;
      if (src === PLAIN) {
        for (let j = 0; j < H; j++) {
          spill[0] = (spill[0] as number) + (d.seed[j] as number) * share;
          spill[1] = (spill[1] as number) + (d.native[j] as number) * share;
        }
        continue;
      }
      let slot = this.slotOf[src] as number;
      if (slot < 0) slot = this.slotOf[src] = this.slots.alloc();
      addInto(this.slots.data, slot * this.slots.width, H, d, share);
    }
  }

  rest(): void {
    // Every piece in the window points at an inflow in the window, already swept.
  }
}

/**
 * Poisoned backward (reference view): once a pool funded the trail, every earlier inflow into it
 * counts in full, at the pool's lowest level, valued at the pool's average seed-per-native rate.
 */
class PoisonedUp implements UpMethod {
  private level: Int32Array;
  private seedSum: Float64Array;
  private nativeSum: Float64Array;

  constructor(
    prep: Prepared,
    private levels: number,
  ) {
    this.level = new Int32Array(prep.pools).fill(levels);
    this.seedSum = new Float64Array(prep.pools);
    this.nativeSum = new Float64Array(prep.pools);
  }

  forward(): void {}

  taken(): number {
    return Infinity; // unused: the reference view ignores balances
  }

  demand(_t: number, q: number, m: number, d: Carry): void {
    const l = this.level[q] as number;
    if (l >= this.levels) return;
    d.seed[l] = (d.seed[l] as number) + (m * (this.seedSum[q] as number)) / (this.nativeSum[q] as number);
    d.native[l] = (d.native[l] as number) + m;
  }

  fund(_t: number, _k: number, p: number, d: Carry): void {
    for (let j = 0; j < this.levels; j++) {
      if (!((d.seed[j] as number) > 0)) continue;
      if (j < (this.level[p] as number)) this.level[p] = j;
      this.seedSum[p] = (this.seedSum[p] as number) + (d.seed[j] as number);
      this.nativeSum[p] = (this.nativeSum[p] as number) + (d.native[j] as number);
    }
  }

  rest(): void {}
}
