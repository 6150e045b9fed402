/**
 * Counts and sums per time bucket of the transfers touching a selection, for the brush under
 * the graph. A transfer between two selected nodes is counted once. Sums are as the money left
 * the sender (a P2P order counts in the fiat it was paid in).
 */
import type { GraphIndex } from './build-index';
import { compileFilter, forEachPassing, moneyOf } from './filter';
import type { FlowFilter, Money } from './types';

export interface TimelineBucket {
  /** Epoch ms, [start, end). */
  start: number;
  end: number;
  count: number;
  sent: Money;
}

export interface Timeline {
  start: number;
  end: number;
  /** Bucket width in ms. */
  width: number;
  buckets: TimelineBucket[];
  count: number;
  sent: Money;
}

export interface TimelineOptions {
  buckets?: number;
  filter?: FlowFilter;
  /** The brush's range; defaults to the filter's, then to the first and last transfer. */
  since?: number;
  until?: number;
}

export function timeline(
  index: GraphIndex,
  nodes: readonly number[],
  options: TimelineOptions = {},
): Timeline {
  const filter = options.filter ?? {};
  const f = compileFilter(index, {
    ...filter,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
  });
  const selected = new Uint8Array(index.nodeCount);
  for (const n of nodes) if (n >= 0 && n < index.nodeCount) selected[n] = 1;
  const ids: number[] = [];
  for (let u = 0; u < index.nodeCount; u++) {
    if (!selected[u]) continue;
    for (let p = index.outStart[u] as number; p < (index.outStart[u + 1] as number); p++)
      forEachPassing(index, f, p, (t) => ids.push(t));
    for (let k = index.inStart[u] as number; k < (index.inStart[u + 1] as number); k++) {
      const p = index.inPairs[k] as number;
      // Sent by another selected node: already counted on its side.
      if (!selected[index.pFrom[p] as number]) forEachPassing(index, f, p, (t) => ids.push(t));
    }
  }

  let start = options.since ?? filter.since ?? Infinity;
  let end = options.until ?? filter.until ?? -Infinity;
  if (!Number.isFinite(start)) for (const t of ids) start = Math.min(start, index.tAt[t] as number);
  if (!Number.isFinite(end)) for (const t of ids) end = Math.max(end, (index.tAt[t] as number) + 1);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    start = Number.isFinite(start) ? start : 0;
    end = start + 1;
  }
  const count = Math.max(1, Math.floor(options.buckets ?? 60));
  const width = Math.ceil((end - start) / count);
  const C = index.currencies.length;
  const sums = new Float64Array((count + 1) * C);
  const counts = new Int32Array(count);
  for (const t of ids) {
    const b = Math.min(count - 1, Math.floor(((index.tAt[t] as number) - start) / width));
    const c = index.tCurrency[t] as number;
    counts[b] = (counts[b] as number) + 1;
    sums[b * C + c] = (sums[b * C + c] as number) + (index.tAmount[t] as number);
    sums[count * C + c] = (sums[count * C + c] as number) + (index.tAmount[t] as number);
  }
  const buckets = Array.from({ length: count }, (_, b) => ({
    start: start + b * width,
    end: Math.min(end, start + (b + 1) * width),
    count: counts[b] as number,
    sent: moneyOf(index, sums.subarray(b * C, b * C + C)),
  }));
  return { start, end, width, buckets, count: ids.length, sent: moneyOf(index, sums.subarray(count * C)) };
}
