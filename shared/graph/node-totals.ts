/**
 * A node's flows in and out with no filter, computed the first time the node is drawn and kept
 * for the life of the index: redrawing a busy merchant or the exchange then costs nothing.
 * Per node and on demand, not for all nodes up front: summing a million transfers into 125,000
 * nodes is a pass of random memory writes that the first view should not wait for.
 */
import { arrivedAmount, arrivedCurrency, type GraphIndex } from './build-index';

export interface NodeTotal {
  /** Per currency index, minor units. */
  out: Float64Array;
  in: Float64Array;
  outCount: number;
  inCount: number;
  /** Epoch ms of the node's first and last transfer (±Infinity when none). */
  first: number;
  last: number;
}

const cache = new WeakMap<GraphIndex, Map<number, NodeTotal>>();

export function nodeTotal(index: GraphIndex, node: number): NodeTotal {
  let perIndex = cache.get(index);
  if (!perIndex) cache.set(index, (perIndex = new Map()));
  const known = perIndex.get(node);
  if (known) return known;
  const C = index.currencies.length;
  const total: NodeTotal = {
    out: new Float64Array(C),
    in: new Float64Array(C),
    outCount: 0,
    inCount: 0,
    first: Infinity,
    last: -Infinity,
  };
  const { tAt, tAmount, tCurrency, pStart, pTransfers } = index;
  const seen = (at: number): void => {
    if (at < total.first) total.first = at;
    if (at > total.last) total.last = at;
  };
  for (let p = index.outStart[node] as number; p < (index.outStart[node + 1] as number); p++)
    for (let k = pStart[p] as number; k < (pStart[p + 1] as number); k++) {
      const t = pTransfers[k] as number;
      const c = tCurrency[t] as number;
      total.out[c] = (total.out[c] as number) + (tAmount[t] as number);
      total.outCount++;
      seen(tAt[t] as number);
    }
  for (let i = index.inStart[node] as number; i < (index.inStart[node + 1] as number); i++) {
    const p = index.inPairs[i] as number;
    for (let k = pStart[p] as number; k < (pStart[p + 1] as number); k++) {
      const t = pTransfers[k] as number;
      const c = arrivedCurrency(index, t);
      total.in[c] = (total.in[c] as number) + arrivedAmount(index, t);
      total.inCount++;
      seen(tAt[t] as number);
    }
  }
  perIndex.set(node, total);
  return total;
}
