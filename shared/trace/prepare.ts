/**
 * The ledger as typed arrays, built once per ledger and reused by every trace and explanation of
 * it (a ledger is not changed once built). Money is kept per **pool**: one node in one currency,
 * because a tenge balance cannot pay a USDT transfer. Pool `n` is node `n`'s first currency;
 * further currencies of a node get pools after the last node.
 */
import type { Ledger, LedgerTransfer } from '../ledger/types';

export interface Prepared {
  nodes: number;
  transfers: number;
  /** Transfer ids in the order money moves: by time, then ledger order. */
  order: Int32Array;
  /** What left the sender, and what arrived (they differ for a conversion). */
  amount: Float64Array;
  arrive: Float64Array;
  /** Sender's and receiver's pools; their nodes are `poolNode[fromPool[t]]`, `poolNode[toPool[t]]`. */
  fromPool: Int32Array;
  toPool: Int32Array;
  pools: number;
  poolNode: Int32Array;
  /** Index into `currencies`; -1 for a node that never holds money. */
  poolCur: Int32Array;
  currencies: string[];
  /** Opening balance per pool from the statement's preamble: clean money already there. */
  opening: Float64Array;
  /**
   * Built on first use by explain: every pool's transfers in order, every node's pools, and each
   * transfer's position in `order`.
   */
  events?: { start: Int32Array; list: Int32Array; nodePools: Int32Array[]; position: Int32Array };
}

const cache = new WeakMap<Ledger, Prepared>();

export function prepare(ledger: Ledger): Prepared {
  const hit = cache.get(ledger);
  if (hit) return hit;
  const built = build(ledger);
  cache.set(ledger, built);
  return built;
}

function build(ledger: Ledger): Prepared {
  const nodes = ledger.nodes.length;
  const count = ledger.transfers.length;
  const currencies: string[] = [];
  const curIds = new Map<string, number>();
  let lastCode = '';
  let lastId = -1;
  const cur = (code: string): number => {
    if (code === lastCode) return lastId;
    let id = curIds.get(code);
    if (id === undefined) {
      id = currencies.length;
      currencies.push(code);
      curIds.set(code, id);
    }
    lastCode = code;
    lastId = id;
    return id;
  };
  const primary = new Int32Array(nodes).fill(-1);
  const extra = new Map<number, number>();
  const extraNode: number[] = [];
  const extraCur: number[] = [];
  const pool = (node: number, c: number): number => {
    if (node < 0 || node >= nodes)
      throw new RangeError(`ledger transfer names node ${node}, not in the ledger`);
    if (primary[node] === -1) primary[node] = c;
    if (primary[node] === c) return node;
    const key = c * nodes + node;
    let id = extra.get(key);
    if (id === undefined) {
      id = nodes + extraNode.length;
      extra.set(key, id);
      extraNode.push(node);
      extraCur.push(c);
    }
    return id;
  };

  // Few big arrays: each one is external memory that can push V8 into a full collection of the
  // ledger's million objects, which costs more than the trace itself.
  const amount = new Float64Array(count);
  const arrive = new Float64Array(count);
  const fromPool = new Int32Array(count);
  const toPool = new Int32Array(count);
  let sorted = true;
  let last = -Infinity;
  // Each field is read once: with transfers of many shapes every property read is slow.
  for (let t = 0; t < count; t++) {
    const x = ledger.transfers[t] as LedgerTransfer;
    const a = x.amountMinor;
    const c = cur(x.currency);
    const converted = x.toAmountMinor;
    const at = x.at;
    if (at < last) sorted = false;
    last = at;
    amount[t] = a;
    arrive[t] = converted ?? a;
    fromPool[t] = pool(x.from, c);
    // A conversion names both toAmountMinor and toCurrency; a plain transfer neither.
    toPool[t] = pool(x.to, converted === undefined ? c : cur(x.toCurrency ?? x.currency));
  }
  // Openings are read after the transfers so a node's first pool is the currency it moves.
  const openings: [number, number][] = [];
  for (const n of ledger.nodes) {
    if (!n.openingMinor) continue;
    for (const code of Object.keys(n.openingMinor).sort()) {
      const v = n.openingMinor[code] ?? 0;
      if (v > 0) openings.push([pool(n.id, cur(code)), v]);
    }
  }

  const pools = nodes + extraNode.length;
  const poolNode = new Int32Array(pools);
  const poolCur = new Int32Array(pools);
  for (let p = 0; p < nodes; p++) {
    poolNode[p] = p;
    poolCur[p] = primary[p] as number;
  }
  for (let k = 0; k < extraNode.length; k++) {
    poolNode[nodes + k] = extraNode[k] as number;
    poolCur[nodes + k] = extraCur[k] as number;
  }
  const opening = new Float64Array(pools);
  for (const [p, v] of openings) opening[p] = (opening[p] ?? 0) + v;

  // The ledger promises time order; if it is broken, a stable sort by time restores it.
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  if (!sorted) {
    const at = Float64Array.from(ledger.transfers, (x) => x.at);
    order.sort((a, b) => (at[a] as number) - (at[b] as number) || a - b);
  }
  return {
    nodes,
    transfers: count,
    order,
    amount,
    arrive,
    fromPool,
    toPool,
    pools,
    poolNode,
    poolCur,
    currencies,
    opening,
  };
}

/** Positions in `order` of the window: [first at ≥ from, first at > to). */
export function windowRange(ledger: Ledger, p: Prepared, from?: number, to?: number): [number, number] {
  const first = (pred: (at: number) => boolean): number => {
    let lo = 0;
    let hi = p.transfers;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred((ledger.transfers[p.order[mid] as number] as LedgerTransfer).at)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const start = from === undefined ? 0 : first((at) => at >= from);
  const end = to === undefined ? p.transfers : first((at) => at > to);
  return [start, Math.max(start, end)];
}

/** Each pool's transfers in processing order (self-transfers within one pool left out). */
export function poolEvents(p: Prepared): NonNullable<Prepared['events']> {
  if (p.events) return p.events;
  const start = new Int32Array(p.pools + 1);
  const count = (q: number) => (start[q + 1] = (start[q + 1] as number) + 1);
  for (let t = 0; t < p.transfers; t++) {
    if (p.fromPool[t] === p.toPool[t]) continue;
    count(p.fromPool[t] as number);
    count(p.toPool[t] as number);
  }
  for (let q = 0; q < p.pools; q++) start[q + 1] = (start[q + 1] as number) + (start[q] as number);
  const fill = start.slice(0, p.pools);
  const list = new Int32Array(start[p.pools] as number);
  for (let k = 0; k < p.transfers; k++) {
    const t = p.order[k] as number;
    if (p.fromPool[t] === p.toPool[t]) continue;
    for (const q of [p.fromPool[t] as number, p.toPool[t] as number]) {
      list[fill[q] as number] = t;
      fill[q] = (fill[q] as number) + 1;
    }
  }
  const nodePools: Int32Array[] = [];
  const lists: number[][] = Array.from({ length: p.nodes }, (_, n) => [n]);
  for (let q = p.nodes; q < p.pools; q++) (lists[p.poolNode[q] as number] as number[]).push(q);
  for (const l of lists) nodePools.push(Int32Array.from(l));
  const position = new Int32Array(p.transfers);
  for (let k = 0; k < p.transfers; k++) position[p.order[k] as number] = k;
  p.events = { start, list, nodePools, position };
  return p.events;
}
