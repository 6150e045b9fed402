/**
 * One trace run from a case to an answer, the same in the CLI and in the app's worker, so both
 * give the same numbers: build the ledger, read the seeds as typed, trace, rank the freeze
 * candidates, find the patterns among the places the money reached.
 */
import type { BankDirectory } from '../identifiers/banks';
import { currencyMinorDigits } from '../model/currency';
import { buildLedger, type LedgerInput } from '../ledger';
import type { Ledger } from '../ledger/types';
import { detectPatterns, type Finding, type PatternThresholds } from '../patterns';
import { explain, trace, type TraceParams, type TraceResult } from '../trace';
import { freezeCandidates, type FreezeCandidate } from './candidates';
import { findSeeds, type SeedMatch } from './seeds';
import { traceJson, type TraceJson } from './trace-json';

export interface TraceRequest extends Omit<TraceParams, 'seeds' | 'from' | 'to'> {
  /** Time window, UTC ms, inclusive (the engine's from/to; `from` here names the seeds). */
  since?: number;
  until?: number;
  /** Identifiers as the investigator typed them. */
  from: string[];
  /** Paths listed per reached place in the JSON (default 5). */
  pathsPerNode?: number;
  /** Smallest amount followed, in major units of the seed currency (500 = 500 ₸). */
  minAmount?: number;
  /** Places (`kind:value` keys) the investigator marked: the trail ends there / goes on through. */
  stopAtKeys?: string[];
  continueThroughKeys?: string[];
  /** Look for patterns among the places reached (default true); a comparison or a packet does not need them. */
  patterns?: boolean;
  /** The investigator's adjustments to the pattern thresholds (the rest stay at their defaults). */
  patternThresholds?: Partial<PatternThresholds>;
}

export interface TraceAnswer {
  ledger: Ledger;
  seeds: SeedMatch[];
  result: TraceResult;
  candidates: FreezeCandidate[];
  patterns: Finding[];
  json: TraceJson;
}

/** Reached places (largest first) whose paths the JSON lists. */
export const PATHS_FOR_TOP = 300;

export class SeedNotFoundError extends Error {
  override name = 'SeedNotFoundError';
  constructor(readonly problems: SeedMatch[]) {
    super(problems.map((p) => p.problem).join('; '));
  }
}

export function runTrace(
  source: LedgerInput | Ledger,
  request: TraceRequest,
  banks: BankDirectory,
): TraceAnswer {
  const ledger = 'nodes' in source ? source : buildLedger(source);
  const seeds = findSeeds(ledger, request.from);
  const missing = seeds.filter((s) => s.nodes.length === 0);
  if (missing.length > 0) throw new SeedNotFoundError(missing);
  const {
    from: _from,
    pathsPerNode = 5,
    minAmount,
    since,
    until,
    stopAtKeys,
    continueThroughKeys,
    patterns: withPatterns = true,
    patternThresholds,
    ...rest
  } = request;
  // Marked places come as keys (`card:4400…`, from the app) or as typed (from the CLI).
  const nodesOf = (keys: readonly string[] = []) =>
    keys.flatMap((k) => {
      const direct = ledger.nodeByKey.get(k);
      return direct !== undefined ? [direct] : (findSeeds(ledger, [k])[0]?.nodes ?? []);
    });
  const params = {
    ...rest,
    ...(since !== undefined ? { from: since } : {}),
    ...(until !== undefined ? { to: until } : {}),
    ...(stopAtKeys ? { stopAt: nodesOf(stopAtKeys) } : {}),
    ...(continueThroughKeys ? { continueThrough: nodesOf(continueThroughKeys) } : {}),
  };
  const ids = [...new Set(seeds.flatMap((s) => s.nodes))];
  let result = trace(ledger, { ...params, seeds: ids });
  // The seed currency is known only after a first pass; a threshold in its units needs it.
  if (minAmount !== undefined && minAmount > 0) {
    const minAmountMinor = Math.round(minAmount * 10 ** currencyMinorDigits(result.currency));
    result = trace(ledger, { ...params, seeds: ids, minAmountMinor });
  }
  const candidates = freezeCandidates(ledger, result, banks);
  const reachedNodes = result.reached.map((r) => r.node);
  const patterns = withPatterns ? detectPatterns(ledger, patternThresholds, { nodes: reachedNodes }) : [];
  const explained = new Set(result.reached.slice(0, PATHS_FOR_TOP).map((r) => r.node));
  const json = traceJson({
    ledger,
    seeds,
    result,
    candidates,
    patterns,
    // Paths for the places holding the most (explaining thousands of small places costs seconds
    // and reads like noise); any other place is explained on request.
    paths: (node) =>
      pathsPerNode > 0 && explained.has(node)
        ? explain(ledger, result, node, { maxPaths: pathsPerNode })
        : [],
  });
  return { ledger, seeds, result, candidates, patterns, json };
}
