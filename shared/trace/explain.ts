/**
 * explain(): the paths that make up a reached node's amount, biggest first.
 *
 * A path's money is the product of the shares it passes through (funding.ts), times the trail
 * money of its far end. Down, the search walks from the node back towards a seed: a path is
 * complete once its earliest transfer leaves a seed (all trail money at a seed is at level 0, so
 * all of that transfer's trail money is on the path). Up, it walks from the node forward and is
 * complete at a seed inflow. Paths are at most maxHops long, as in the main pass.
 *
 * Best-first (A*): a partial path is ranked by weight × the biggest single path through its far
 * end (bounds.ts), an upper bound on anything it can become, so complete paths come off the heap
 * in descending order and the first maxPaths are the biggest. Paths worth less than a billionth
 * of the node's amount are not listed; they, and everything past maxPaths or the work limit, are
 * summed in one remainder entry. Poisoned paths: poisoned.ts.
 */
import type { Ledger, LedgerTransfer } from '../ledger/types';
import { pathBounds } from './bounds';
import type { RecordedFlows as Flows } from './flows';
import { poolFunding, type PoolFunding } from './funding';
import { Heap, type PathState } from './heap';
import { poisonedPaths } from './poisoned';
import { poolEvents, type Prepared } from './prepare';
import type { Setup } from './setup';
import type { ReachedNode, TraceHop, TracePath } from './types';

/** Work limit per explanation; what is not reached within it goes to the remainder. */
const MAX_EXPANSIONS = 50_000;

/** Per result's flows: the path bounds and each pool's funding, computed once, on first use. */
const caches = new WeakMap<Flows, { bound: Float64Array; pools: Map<number, PoolFunding> }>();

export function explainPaths(
  ledger: Ledger,
  prep: Prepared,
  s: Setup,
  f: Flows,
  reached: ReachedNode,
  maxPaths: number,
): TracePath[] {
  const total = f.amountS[reached.node] as number;
  const found =
    s.params.method === 'poisoned'
      ? poisonedPaths(prep, s, f, reached.node)
      : search(prep, s, f, reached.node, maxPaths, total);
  const shown = found.slice(0, maxPaths);
  const rest = Math.max(0, total - shown.reduce((sum, p) => sum + p.value, 0));
  const amounts = apportion([...shown.map((p) => p.value), rest], reached.amountMinor);
  const paths: TracePath[] = shown.map((p, k) => ({
    amountMinor: amounts[k] as number,
    kind: p.kind,
    hops: hops(ledger, prep, s, f, p, amounts[k] as number),
  }));
  const remainder = amounts[shown.length] as number;
  if (remainder > 0) paths.push({ amountMinor: remainder, kind: 'remainder', hops: [] });
  return paths;
}

export interface FoundPath {
  value: number;
  kind: 'trail' | 'entry';
  /** Down: seed → node; up: node → seed. */
  transfers: number[];
  /** Poisoned: each hop shows its own full amount rather than the path's. */
  ownAmounts?: boolean;
}

function search(
  prep: Prepared,
  s: Setup,
  f: Flows,
  node: number,
  maxPaths: number,
  total: number,
): FoundPath[] {
  const down = s.params.direction === 'down';
  const H = s.hops;
  const prune = Math.max(1e-3, total * 1e-9);
  let cache = caches.get(f);
  if (!cache) caches.set(f, (cache = { bound: pathBounds(prep, s, f), pools: new Map() }));
  const { bound, pools } = cache;
  const funding = (pool: number): PoolFunding => {
    let pf = pools.get(pool);
    if (!pf) pools.set(pool, (pf = poolFunding(prep, s, f, bound, pool)));
    return pf;
  };
  const heap = new Heap();
  const completes = (t: number) =>
    down ? s.isSeed[prep.poolNode[prep.fromPool[t] as number] as number] === 1 : (f.entry[t] as number) > 0;
  const ev = poolEvents(prep);
  for (const pool of ev.nodePools[node] as Int32Array) {
    for (let e = ev.start[pool] as number; e < (ev.start[pool + 1] as number); e++) {
      const t = ev.list[e] as number;
      const mine = down ? prep.toPool[t] === pool : prep.fromPool[t] === pool;
      if (!mine || (ev.position[t] as number) >= s.end) continue;
      if (down && (f.entry[t] as number) > 0)
        heap.push({
          t,
          weight: 1,
          length: 1,
          parent: null,
          value: f.entry[t] as number,
          complete: true,
          entry: true,
        });
      if ((f.flow[t] as number) > 0) {
        const complete = completes(t);
        const value = complete ? (f.flow[t] as number) : (bound[t] as number);
        heap.push({ t, weight: 1, length: 1, parent: null, value, complete, entry: false });
      }
    }
  }
  const out: FoundPath[] = [];
  let expansions = 0;
  while (heap.size > 0 && out.length < maxPaths && expansions < MAX_EXPANSIONS) {
    const st = heap.pop();
    if (st.complete) {
      out.push({ value: st.value, kind: st.entry ? 'entry' : 'trail', transfers: chain(st, down) });
      continue;
    }
    expansions++;
    if (st.length >= H) continue; // a longer path would have stopped at maxHops
    const t = st.t;
    const visit = (next: number, piece: number) => {
      const weight =
        (st.weight * piece) / (down ? (prep.arrive[next] as number) : (prep.amount[next] as number));
      const complete = completes(next);
      const value = weight * (complete ? (f.flow[next] as number) : (bound[next] as number));
      if (!(value >= prune)) return;
      heap.push({ t: next, weight, length: st.length + 1, parent: st, value, complete, entry: false });
    };
    const cut = prune / st.weight;
    if (down) funding(prep.fromPool[t] as number).inflowsOf(t, cut, visit);
    else funding(prep.toPool[t] as number).outflowsOf(t, cut, visit);
  }
  return out;
}

/** Down: the state is the earliest hop, its parents lead to the node; up: the reverse. */
function chain(st: PathState, down: boolean): number[] {
  const list: number[] = [];
  for (let x: PathState | null = st; x; x = x.parent) list.push(x.t);
  return down ? list : list.reverse();
}

function hops(
  ledger: Ledger,
  prep: Prepared,
  s: Setup,
  f: Flows,
  p: FoundPath,
  amountMinor: number,
): TraceHop[] {
  const list = p.transfers;
  // Native per seed-currency unit on each hop as it leaves, following the path's conversions.
  const rate = new Float64Array(list.length);
  if (s.params.direction === 'down') {
    const first = list[0] as number;
    const pool = prep.fromPool[first] as number;
    let r =
      p.kind === 'entry'
        ? (prep.amount[first] as number) / (prep.arrive[first] as number)
        : (f.poolN[pool] as number) / (f.poolS[pool] as number) || 1;
    for (let k = 0; k < list.length; k++) {
      rate[k] = r;
      r *= (prep.arrive[list[k] as number] as number) / (prep.amount[list[k] as number] as number);
    }
  } else {
    let r = 1; // arriving at the seed: seed currency
    for (let k = list.length - 1; k >= 0; k--) {
      r *= (prep.amount[list[k] as number] as number) / (prep.arrive[list[k] as number] as number);
      rate[k] = r;
    }
  }
  return list.map((id, k) => {
    const t = ledger.transfers[id] as LedgerTransfer;
    const amount = p.ownAmounts ? Math.floor((f.flow[id] as number) || (f.entry[id] as number)) : amountMinor;
    const native = p.ownAmounts ? t.amountMinor : amount * (rate[k] as number);
    const hop: TraceHop = {
      transfer: id,
      from: t.from,
      to: t.to,
      at: t.at,
      amountMinor: amount,
      nativeMinor: Math.floor(native + 1e-6),
      currency: t.currency,
      evidence: t.evidence,
    };
    if (t.toCurrency !== undefined && t.toAmountMinor !== undefined) {
      hop.toNativeMinor = Math.floor((native * t.toAmountMinor) / t.amountMinor + 1e-6);
      hop.toCurrency = t.toCurrency;
    }
    if (t.via && t.via.length > 0) hop.via = t.via;
    return hop;
  });
}

/**
 * Whole minor units that add up to `total`: each value rounded down, and the units left over
 * go to the largest fractions (ties: the earlier entry), so the listed paths sum to the amount.
 */
export function apportion(values: number[], total: number): number[] {
  const out = values.map((v) => Math.max(0, Math.floor(v)));
  let left = total - out.reduce((a, b) => a + b, 0);
  const byFraction = values
    .map((v, i) => ({ i, frac: Math.max(0, v) - (out[i] ?? 0) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && byFraction.length > 0; k = (k + 1) % byFraction.length, left--) {
    const i = (byFraction[k] as { i: number }).i;
    out[i] = (out[i] as number) + 1;
  }
  // Float noise can put the floors above the total: take the excess from the last entries.
  for (let i = out.length - 1; left < 0 && i >= 0; i--) {
    const cut = Math.min(out[i] as number, -left);
    out[i] = (out[i] as number) - cut;
    left += cut;
  }
  return out;
}
