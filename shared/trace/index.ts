/**
 * Follow the money: from seed nodes downstream (where did it go) or upstream (where did it come
 * from), by pro-rata, FIFO, LIFO or the poisoned reference view; then explain any reached node
 * path by path, down to the statement rows. Pure, synchronous and deterministic: the same ledger
 * and parameters give the same result, number for number.
 */
import type { Ledger } from '../ledger/types';
import { traceDown } from './down';
import { explainPaths } from './explain';
import { toResult, type RecordedFlows } from './flows';
import { prepare } from './prepare';
import { setup, type Setup } from './setup';
import { traceUp } from './up';
import {
  TRACE_METHODS,
  type ExplainOptions,
  type TraceMethod,
  type TraceParams,
  type TracePath,
  type TraceResult,
} from './types';

export type * from './types';
export { TRACE_METHODS } from './types';
export { DEFAULT_MAX_HOPS } from './setup';

/**
 * Per result, what explain() needs: the pass again, recording each transfer's trail money (the
 * main pass does not keep it). A result that travelled (worker, IPC) is recomputed the same way.
 */
const recorded = new WeakMap<TraceResult, { s: Setup; flows: RecordedFlows }>();

function run(ledger: Ledger, params: TraceParams, record: boolean) {
  const prep = prepare(ledger);
  const s = setup(ledger, prep, params);
  const flows = s.params.direction === 'up' ? traceUp(prep, s, record) : traceDown(prep, s, record);
  return { s, flows, result: toResult(ledger, prep, s, flows) };
}

export function trace(ledger: Ledger, params: TraceParams): TraceResult {
  return run(ledger, params, false).result;
}

/**
 * The paths that brought the node its amountMinor (down: from a seed; up: to a seed), biggest
 * first, with the transfers' evidence rows; they add up to amountMinor, the paths beyond
 * maxPaths summed in a remainder entry.
 */
export function explain(
  ledger: Ledger,
  result: TraceResult,
  node: number,
  options: ExplainOptions = {},
): TracePath[] {
  const reached = result.reached.find((r) => r.node === node);
  if (!reached || reached.amountMinor <= 0) return [];
  let pass = recorded.get(result);
  if (!pass) {
    const { s, flows } = run(ledger, result.params, true);
    pass = { s, flows: flows as RecordedFlows };
    recorded.set(result, pass);
  }
  return explainPaths(ledger, prepare(ledger), pass.s, pass.flows, reached, options.maxPaths ?? 50);
}

/** The same trace by every method, side by side. */
export function compareMethods(
  ledger: Ledger,
  params: Omit<TraceParams, 'method'>,
): Record<TraceMethod, TraceResult> {
  const out = {} as Record<TraceMethod, TraceResult>;
  for (const method of TRACE_METHODS) out[method] = trace(ledger, { ...params, method });
  return out;
}
