/**
 * Flows as edges: one per (from, to) pair, with totals per currency, count, first and last time,
 * and the transfer ids behind it, so clicking an edge can list its rows and their source files.
 */
import type { Ledger, LedgerTransfer } from '../ledger/types';
import { arrivedAmount, arrivedCurrency, buildGraphIndex, type GraphIndex } from './build-index';
import { compileFilter, forEachPassing, moneyOf } from './filter';
import type { FlowEdge, FlowFilter } from './types';

function isIndex(source: Ledger | GraphIndex): source is GraphIndex {
  return 'pTransfers' in source;
}

function isEmpty(filter: FlowFilter | undefined): boolean {
  return !filter || Object.values(filter).every((v) => v === undefined);
}

export interface AggregateOptions {
  /** Only pairs with at least one end among these nodes (a details panel, a selection). */
  touching?: readonly number[];
}

/**
 * One edge per (from, to) pair with at least one transfer passing `filter`. Takes a ledger (and
 * builds an index, the expensive part) or an index already built. Edges come in pair order:
 * grouped by sender, then by each pair's first transfer.
 */
export function aggregateFlows(
  source: Ledger | GraphIndex,
  filter?: FlowFilter,
  options: AggregateOptions = {},
): FlowEdge[] {
  const index = isIndex(source) ? source : buildGraphIndex(source);
  const f = compileFilter(index, filter ?? {});
  const unfiltered = isEmpty(filter);
  const C = index.currencies.length;
  const sent = new Float64Array(C);
  const received = new Float64Array(C);
  const ids: number[] = [];
  const edges: FlowEdge[] = [];

  const visitPair = (p: number): void => {
    sent.fill(0);
    received.fill(0);
    ids.length = 0;
    forEachPassing(index, f, p, (t) => {
      ids.push(t);
      sent[index.tCurrency[t] as number] =
        (sent[index.tCurrency[t] as number] as number) + (index.tAmount[t] as number);
      const rc = arrivedCurrency(index, t);
      received[rc] = (received[rc] as number) + arrivedAmount(index, t);
    });
    if (ids.length === 0) return;
    edges.push({
      pair: p,
      from: index.pFrom[p] as number,
      to: index.pTo[p] as number,
      count: ids.length,
      first: index.tAt[ids[0] as number] as number,
      last: index.tAt[ids[ids.length - 1] as number] as number,
      sent: moneyOf(index, sent),
      received: moneyOf(index, received),
      transfers: unfiltered
        ? index.pTransfers.subarray(index.pStart[p] as number, index.pStart[p + 1] as number)
        : Int32Array.from(ids),
    });
  };

  if (options.touching) {
    const pairs = new Set<number>();
    for (const node of options.touching) {
      for (let p = index.outStart[node] as number; p < (index.outStart[node + 1] as number); p++)
        pairs.add(p);
      for (let k = index.inStart[node] as number; k < (index.inStart[node + 1] as number); k++)
        pairs.add(index.inPairs[k] as number);
    }
    for (const p of [...pairs].sort((a, b) => a - b)) visitPair(p);
  } else {
    for (let p = 0; p < index.pairCount; p++) visitPair(p);
  }
  return edges;
}

/**
 * The transfers behind an edge (one pair, or the many pairs of a collection's edge) that pass
 * `filter`, oldest first: each carries its evidence rows; `ledger.files` names the files.
 */
export function edgeTransfers(
  index: GraphIndex,
  pairs: readonly number[],
  filter?: FlowFilter,
): LedgerTransfer[] {
  const f = compileFilter(index, filter ?? {});
  const ids: number[] = [];
  for (const p of pairs) forEachPassing(index, f, p, (t) => ids.push(t));
  ids.sort((a, b) => a - b);
  return ids.map((t) => index.ledger.transfers[t] as LedgerTransfer);
}
