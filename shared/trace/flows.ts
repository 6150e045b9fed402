/**
 * What a main pass leaves behind, in typed arrays (per node, per pool, per transfer), and the
 * one place that turns it into a `TraceResult`: rounding, end-point reasons, sorting.
 */
import type { Ledger, LedgerNode } from '../ledger/types';
import type { Prepared } from './prepare';
import type { Setup } from './setup';
import type { ReachedNode, TraceResult } from './types';

export interface Flows {
  /** Per node, seed currency. Down: received; up: sent into the trail. */
  amountS: Float64Array;
  /** Down: received minus passed on; up: starts here. */
  heldS: Float64Array;
  atHopsS: Float64Array;
  /** Down: trail money passed on (followed or dropped); up: demand passed back to inflows. */
  passedS: Float64Array;
  hops: Int32Array;
  transfers: Int32Array;
  /** Per pool: amountS and heldS split by currency, seed and native. */
  poolS: Float64Array;
  poolN: Float64Array;
  poolHeldN: Float64Array;
  /**
   * Per transfer, recorded only when explain() asks (15 MB at a million transfers; allocated in
   * every trace they pushed V8 into a full collection of the ledger's objects, +0.5 s): trail
   * money it carried when followed (down) or funded (up), seed currency; and the seed money it
   * brought into a seed.
   */
  flow: Float64Array | null;
  entry: Float64Array | null;
  entered: number;
  dropped: number;
  droppedCount: number;
  trail: number;
  overdrawn: number;
}

export type RecordedFlows = Flows & { flow: Float64Array; entry: Float64Array };

export const NO_HOPS = 0x7fffffff;

export function newFlows(prep: Prepared, s: Setup, record: boolean): Flows {
  const hops = new Int32Array(prep.nodes).fill(NO_HOPS);
  for (const seed of s.params.seeds) hops[seed] = 0;
  return {
    amountS: new Float64Array(prep.nodes),
    heldS: new Float64Array(prep.nodes),
    atHopsS: new Float64Array(prep.nodes),
    passedS: new Float64Array(prep.nodes),
    hops,
    transfers: new Int32Array(prep.nodes),
    poolS: new Float64Array(prep.pools),
    poolN: new Float64Array(prep.pools),
    poolHeldN: new Float64Array(prep.pools),
    flow: record ? new Float64Array(prep.transfers) : null,
    entry: record ? new Float64Array(prep.transfers) : null,
    entered: 0,
    dropped: 0,
    droppedCount: 0,
    trail: 0,
    overdrawn: 0,
  };
}

/**
 * Outputs are rounded down to whole minor units. Sums of fractions drift by a few ulps
 * (30 shown as 29.999999999996), so values within a hair of the next unit count as it.
 */
export function minor(x: number): number {
  return x > 0 ? Math.floor(x + 1e-6 + x * 1e-14) : 0;
}

export function toResult(ledger: Ledger, prep: Prepared, s: Setup, f: Flows): TraceResult {
  // Per node, the pool (currency) carrying most of its trail money; ties: the code sorting first.
  const best = new Int32Array(prep.nodes).fill(-1);
  for (let q = 0; q < prep.pools; q++) {
    const n = prep.poolNode[q] as number;
    const b = best[n] as number;
    const cur = prep.currencies[prep.poolCur[q] as number] ?? '';
    if (
      b < 0 ||
      (f.poolS[q] as number) > (f.poolS[b] as number) ||
      (f.poolS[q] === f.poolS[b] && cur < (prep.currencies[prep.poolCur[b] as number] ?? ''))
    )
      best[n] = q;
  }
  const reached: ReachedNode[] = [];
  let held = 0;
  let ended = 0;
  let atHops = 0;
  for (let n = 0; n < prep.nodes; n++) {
    if (!s.isSeed[n] && !((f.amountS[n] as number) > 0)) continue;
    const q = best[n] as number;
    const r: ReachedNode = {
      node: n,
      hops: f.hops[n] as number,
      seed: s.isSeed[n] === 1,
      amountMinor: minor(f.amountS[n] as number),
      nativeMinor: minor(f.poolN[q] as number),
      nativeCurrency: prep.currencies[prep.poolCur[q] as number] ?? s.currency,
      heldMinor: minor(f.heldS[n] as number),
      nativeHeldMinor: minor(f.poolHeldN[q] as number),
      atMaxHopsMinor: minor(f.atHopsS[n] as number),
      transfers: f.transfers[n] as number,
    };
    if (s.stop[n]) r.endPoint = (ledger.nodes[n] as LedgerNode).endPoint ?? 'stop';
    if (r.endPoint) ended += r.heldMinor;
    else held += r.heldMinor;
    atHops += r.atMaxHopsMinor;
    reached.push(r);
  }
  reached.sort((a, b) => b.amountMinor - a.amountMinor || a.node - b.node);
  const poisoned = s.params.method === 'poisoned';
  const result: TraceResult = {
    params: s.params,
    currency: s.currency,
    enteredMinor: minor(f.entered),
    reached,
    heldMinor: held,
    endedMinor: ended,
    atMaxHopsMinor: atHops,
    droppedMinor: minor(f.dropped),
    droppedTransfers: f.droppedCount,
    trailTransfers: f.trail,
    overdrawnTransfers: f.overdrawn,
    otherCurrencyMinor: s.otherCurrencyMinor,
    conserves: !poisoned,
  };
  if (poisoned)
    result.note =
      'Poisoned is a reference view: every transfer out of a place that ever held trail money counts in full, so amounts overlap and do not add up to the seed money.';
  return result;
}
