/**
 * Parameters checked and resolved against the ledger: defaults, the role of every node (seed,
 * end point), the window as positions in time order, and the seed currency.
 */
import type { Ledger } from '../ledger/types';
import { windowRange, type Prepared } from './prepare';
import type { AppliedTraceParams, TraceParams } from './types';

export const DEFAULT_MAX_HOPS = 6;

export interface Setup {
  params: AppliedTraceParams;
  /** maxHops: money that has made this many transfers from a seed stops where it is. */
  hops: number;
  /**
   * The follow threshold: minAmountMinor, but never below one minor unit — a fraction of a tiyn
   * is not money anyone can freeze, and following it would spread dust over the whole ledger.
   */
  threshold: number;
  isSeed: Uint8Array;
  /** End points after stopAt and continueThrough. A seed is never one: it was asked to trace from. */
  stop: Uint8Array;
  /** Window as positions in `Prepared.order`: [start, end). */
  start: number;
  end: number;
  /** Currency id of the seed currency, -1 when the seeds received nothing. */
  seedCur: number;
  currency: string;
  otherCurrencyMinor: Record<string, number>;
}

const ids = (ledger: Ledger, list: readonly number[] | undefined, what: string): number[] => {
  const out = [...new Set(list ?? [])].sort((a, b) => a - b);
  for (const id of out)
    if (!Number.isInteger(id) || id < 0 || id >= ledger.nodes.length)
      throw new RangeError(
        `trace: ${what} ${id} is not a node of this ledger (0…${ledger.nodes.length - 1})`,
      );
  return out;
};

export function setup(ledger: Ledger, prep: Prepared, input: TraceParams): Setup {
  const seeds = ids(ledger, input.seeds, 'seed');
  if (seeds.length === 0) throw new RangeError('trace: at least one seed node is needed');
  const maxHops = input.maxHops ?? DEFAULT_MAX_HOPS;
  if (!Number.isInteger(maxHops) || maxHops < 0)
    throw new RangeError(`trace: maxHops ${maxHops} is not a whole number ≥ 0`);
  const minAmountMinor = input.minAmountMinor ?? 0;
  if (!(minAmountMinor >= 0)) throw new RangeError(`trace: minAmountMinor ${minAmountMinor} is below 0`);
  if (input.from !== undefined && input.to !== undefined && input.from > input.to)
    throw new RangeError('trace: the window starts after it ends (from > to)');
  const params: AppliedTraceParams = {
    seeds,
    direction: input.direction,
    method: input.method,
    maxHops,
    minAmountMinor,
    stopAt: ids(ledger, input.stopAt, 'stopAt node'),
    continueThrough: ids(ledger, input.continueThrough, 'continueThrough node'),
  };
  if (input.from !== undefined) params.from = input.from;
  if (input.to !== undefined) params.to = input.to;

  const isSeed = new Uint8Array(prep.nodes);
  for (const s of seeds) isSeed[s] = 1;
  const stop = new Uint8Array(prep.nodes);
  for (const n of ledger.nodes) if (n.endPoint) stop[n.id] = 1;
  for (const n of params.stopAt) stop[n] = 1;
  for (const n of params.continueThrough) stop[n] = 0;
  for (const s of seeds) stop[s] = 0;

  const [start, end] = windowRange(ledger, prep, params.from, params.to);
  // Seed currency by the amounts that entered the seeds; ties go to the code that sorts first.
  const byCur = new Float64Array(prep.currencies.length);
  const { order, fromPool, toPool, poolNode, poolCur, arrive } = prep;
  for (let k = start; k < end; k++) {
    const t = order[k] as number;
    const q = toPool[t] as number;
    if (!isSeed[poolNode[q] as number] || isSeed[poolNode[fromPool[t] as number] as number]) continue;
    const c = poolCur[q] as number;
    byCur[c] = (byCur[c] as number) + (arrive[t] as number);
  }
  let seedCur = -1;
  for (let c = 0; c < byCur.length; c++) {
    if ((byCur[c] as number) <= 0) continue;
    const best = seedCur < 0 ? -1 : (byCur[seedCur] as number);
    if (
      (byCur[c] as number) > best ||
      (byCur[c] === best && (prep.currencies[c] as string) < (prep.currencies[seedCur] as string))
    )
      seedCur = c;
  }
  const otherCurrencyMinor: Record<string, number> = {};
  byCur.forEach((v, c) => {
    if (v > 0 && c !== seedCur) otherCurrencyMinor[prep.currencies[c] as string] = v;
  });
  return {
    params,
    hops: maxHops,
    threshold: Math.max(1, minAmountMinor),
    isSeed,
    stop,
    start,
    end,
    seedCur,
    currency: seedCur < 0 ? '' : (prep.currencies[seedCur] as string),
    otherCurrencyMinor,
  };
}
