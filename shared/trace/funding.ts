/**
 * For explain(): how one pool's outflows were funded by its inflows, recomputed on demand from that
 * pool's own transfers with the same arithmetic as the main pass — never stored for every transfer.
 *
 * A **piece** p(o, i) is the native amount of inflow i that left in outflow o. Down, a path's
 * money passes from i to o as the share p / (amount of i); up, as p / (amount of o).
 *
 * Pro-rata: o takes the share f_o = take / balance of every part of the pool, so of inflow i
 * (amount m) there is m · Π(1 − f) left at o, over the outflows in between, and
 * p(o, i) = f_o · m · Π(1 − f). The product is kept as a running sum of log(1 − f); an outflow
 * that empties the pool starts a new epoch (nothing from before it survives).
 * FIFO / LIFO: the pool's queue is replayed, and each outflow's pieces recorded.
 */
import type { RecordedFlows as Flows } from './flows';
import { poolEvents, type Prepared } from './prepare';
import type { Setup } from './setup';

export type Visit = (transfer: number, piece: number) => void;

/**
 * `cut`: the caller lists nothing worth less than `cut` per unit of its path weight, so a scan may
 * stop once no piece further on can reach it (pro-rata: what survives only shrinks with distance).
 */
export interface PoolFunding {
  /** Trail inflows (flow > 0) that funded outflow `o`, with their pieces. */
  inflowsOf(o: number, cut: number, visit: Visit): void;
  /** Trail outflows (flow > 0) that inflow `i` funded, with their pieces. */
  outflowsOf(i: number, cut: number, visit: Visit): void;
}

/** `bound`: per trail transfer, the biggest single path through it (bounds.ts). */
export function poolFunding(
  prep: Prepared,
  s: Setup,
  f: Flows,
  bound: Float64Array,
  pool: number,
): PoolFunding {
  const ev = poolEvents(prep);
  const events: number[] = [];
  for (let e = ev.start[pool] as number; e < (ev.start[pool + 1] as number); e++) {
    const t = ev.list[e] as number;
    if ((ev.position[t] as number) >= s.end) break;
    events.push(t);
  }
  return s.params.method === 'pro-rata'
    ? proRata(prep, f, bound, pool, events)
    : queue(prep, f, pool, events, s.params.method === 'lifo');
}

function proRata(prep: Prepared, f: Flows, bound: Float64Array, pool: number, events: number[]): PoolFunding {
  const n = events.length;
  const log = new Float64Array(n);
  const epoch = new Int32Array(n);
  const share = new Float64Array(n);
  const index = new Map<number, number>();
  let balance = prep.opening[pool] as number;
  let sum = 0;
  let era = 0;
  for (let e = 0; e < n; e++) {
    const t = events[e] as number;
    index.set(t, e);
    log[e] = sum;
    epoch[e] = era;
    if (prep.toPool[t] === pool) {
      balance += prep.arrive[t] as number;
      continue;
    }
    const a = prep.amount[t] as number;
    const b = balance;
    const take = a < b ? a : b;
    balance = b - take;
    if (!(b > 0)) continue;
    share[e] = take / b;
    if (take >= b) {
      era++;
      sum = 0;
    } else sum += Math.log1p(-(share[e] as number));
  }
  const isIn = (e: number) => prep.toPool[events[e] as number] === pool;
  // Down, a piece of inflow i is worth at most share × survives × bound(i); up, a piece of
  // outflow o at most amount(i) × survives × bound(o) / amount(o). The biggest of each:
  let perIn = 0;
  let perOut = 0;
  for (const t of events) {
    if (!((f.flow[t] as number) > 0)) continue;
    if (prep.toPool[t] === pool) perIn = Math.max(perIn, bound[t] as number);
    else perOut = Math.max(perOut, (bound[t] as number) / (prep.amount[t] as number));
  }
  return {
    inflowsOf(o, cut, visit) {
      const at = index.get(o);
      if (at === undefined || isIn(at) || !((share[at] as number) > 0)) return;
      for (let e = at - 1; e >= 0 && epoch[e] === epoch[at]; e--) {
        const survives = Math.exp((log[at] as number) - (log[e] as number));
        if ((share[at] as number) * survives * perIn < cut) break;
        const i = events[e] as number;
        if (!isIn(e) || !((f.flow[i] as number) > 0)) continue;
        visit(i, (share[at] as number) * (prep.arrive[i] as number) * survives);
      }
    },
    outflowsOf(i, cut, visit) {
      const at = index.get(i);
      if (at === undefined || !isIn(at)) return;
      for (let e = at + 1; e < n && epoch[e] === epoch[at]; e++) {
        const survives = Math.exp((log[e] as number) - (log[at] as number));
        if ((prep.arrive[i] as number) * survives * perOut < cut) break;
        const o = events[e] as number;
        if (isIn(e) || !((f.flow[o] as number) > 0) || !((share[e] as number) > 0)) continue;
        visit(o, (share[e] as number) * (prep.arrive[i] as number) * survives);
      }
    },
  };
}

function queue(prep: Prepared, f: Flows, pool: number, events: number[], newestFirst: boolean): PoolFunding {
  // Lots as [inflow or -1 for plain money, amount]; `head` is the oldest lot still there.
  const lots: [number, number][] = [];
  let head = 0;
  if ((prep.opening[pool] as number) > 0) lots.push([-1, prep.opening[pool] as number]);
  let balance = prep.opening[pool] as number;
  const byOut = new Map<number, [number, number][]>();
  const byIn = new Map<number, [number, number][]>();
  for (const t of events) {
    if (prep.toPool[t] === pool) {
      const m = prep.arrive[t] as number;
      balance += m;
      const tag = (f.flow[t] as number) > 0 ? t : -1;
      const last = lots.length > head ? lots[lots.length - 1] : undefined;
      if (tag === -1 && last && last[0] === -1) last[1] += m;
      else lots.push([tag, m]);
      continue;
    }
    const b = balance;
    const take = Math.min(prep.amount[t] as number, b);
    balance = b - take;
    const all = take >= b;
    const trail = (f.flow[t] as number) > 0;
    let need = take;
    while (lots.length > head && take > 0 && (all || need > 0)) {
      const lot = (newestFirst ? lots[lots.length - 1] : lots[head]) as [number, number];
      const piece = all || lot[1] <= need ? lot[1] : need;
      if (trail && lot[0] >= 0) {
        push(byOut, t, [lot[0], piece]);
        push(byIn, lot[0], [t, piece]);
      }
      if (piece >= lot[1]) {
        if (newestFirst) lots.pop();
        else head++;
      } else lot[1] -= piece;
      need -= piece;
    }
  }
  return {
    inflowsOf(o, _cut, visit) {
      for (const [i, piece] of byOut.get(o) ?? []) visit(i, piece);
    },
    outflowsOf(i, _cut, visit) {
      for (const [o, piece] of byIn.get(i) ?? []) visit(o, piece);
    },
  };
}

function push(map: Map<number, [number, number][]>, key: number, value: [number, number]): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
