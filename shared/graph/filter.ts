/**
 * A `FlowFilter` compiled against one index into lookup tables, so testing a transfer is a few
 * array reads. Pairs keep their transfers oldest first, so a time range is two binary searches.
 */
import { NODE_KINDS, type GraphIndex } from './build-index';
import type { FlowFilter, Money } from './types';

export interface CompiledFilter {
  readonly since: number;
  readonly until: number;
  /** Only the time range narrows: a pair's passing transfers are one contiguous run. */
  readonly timeOnly: boolean;
  /** Nothing narrows: every transfer passes. */
  readonly trivial: boolean;
  passes(t: number): boolean;
}

const cache = new WeakMap<GraphIndex, WeakMap<FlowFilter, CompiledFilter>>();

export function compileFilter(index: GraphIndex, filter: FlowFilter = {}): CompiledFilter {
  let perIndex = cache.get(index);
  if (!perIndex) cache.set(index, (perIndex = new WeakMap()));
  const known = perIndex.get(filter);
  if (known) return known;
  const compiled = compile(index, filter);
  perIndex.set(filter, compiled);
  return compiled;
}

function compile(index: GraphIndex, filter: FlowFilter): CompiledFilter {
  const since = filter.since ?? -Infinity;
  const until = filter.until ?? Infinity;
  const { tAt, tAmount, tCurrency, tFrom, tTo, nodeKind, tFileStart, tFiles } = index;

  let minByCurrency: Float64Array | null = null;
  for (const [currency, min] of Object.entries(filter.minAmountMinor ?? {})) {
    const c = index.currencies.indexOf(currency);
    if (c < 0 || !(min > 0)) continue;
    minByCurrency ??= new Float64Array(index.currencies.length);
    minByCurrency[c] = min;
  }
  let kindAllowed: Uint8Array | null = null;
  if (filter.nodeKinds) {
    kindAllowed = new Uint8Array(NODE_KINDS.length);
    for (const k of filter.nodeKinds) kindAllowed[NODE_KINDS.indexOf(k as (typeof NODE_KINDS)[number])] = 1;
  }
  let fileAllowed: Uint8Array | null = null;
  if (filter.sources) {
    const wanted = new Set(filter.sources);
    fileAllowed = Uint8Array.from(index.files, (sha) => (wanted.has(sha) ? 1 : 0));
  }

  const timeOnly = !minByCurrency && !kindAllowed && !fileAllowed;
  const passes = (t: number): boolean => {
    const at = tAt[t] as number;
    if (at < since || at >= until) return false;
    if (minByCurrency && (tAmount[t] as number) < (minByCurrency[tCurrency[t] as number] as number))
      return false;
    if (
      kindAllowed &&
      (!kindAllowed[nodeKind[tFrom[t] as number] as number] ||
        !kindAllowed[nodeKind[tTo[t] as number] as number])
    )
      return false;
    if (fileAllowed) {
      for (let k = tFileStart[t] as number; k < (tFileStart[t + 1] as number); k++)
        if (fileAllowed[tFiles[k] as number]) return true;
      return false;
    }
    return true;
  };
  const trivial = timeOnly && since === -Infinity && until === Infinity;
  return { since, until, timeOnly, trivial, passes };
}

/** First position in pair p's transfer list at or after time `at`. */
function lowerBound(index: GraphIndex, p: number, at: number): number {
  let lo = index.pStart[p] as number;
  let hi = index.pStart[p + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.tAt[index.pTransfers[mid] as number] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where pair p's transfers inside the filter's time range begin and end in `pTransfers`; the hot
 * loops walk that stretch themselves (a callback per pair would allocate a closure each time).
 */
export function passStart(index: GraphIndex, f: CompiledFilter, p: number): number {
  return f.since === -Infinity ? (index.pStart[p] as number) : lowerBound(index, p, f.since);
}

export function passEnd(index: GraphIndex, f: CompiledFilter, p: number): number {
  return f.until === Infinity ? (index.pStart[p + 1] as number) : lowerBound(index, p, f.until);
}

/** Calls `visit` for each transfer of pair p that passes, oldest first (for the colder paths). */
export function forEachPassing(
  index: GraphIndex,
  f: CompiledFilter,
  p: number,
  visit: (t: number) => void,
): void {
  const end = passEnd(index, f, p);
  for (let k = passStart(index, f, p); k < end; k++) {
    const t = index.pTransfers[k] as number;
    if (f.timeOnly || f.passes(t)) visit(t);
  }
}

/** True when pair p has at least one passing transfer. */
export function pairPasses(index: GraphIndex, f: CompiledFilter, p: number): boolean {
  const start = passStart(index, f, p);
  const end = passEnd(index, f, p);
  if (f.timeOnly) return start < end;
  for (let k = start; k < end; k++) if (f.passes(index.pTransfers[k] as number)) return true;
  return false;
}

/** The first passing transfer of pair p at or after `at`, or -1. */
export function firstPassingFrom(index: GraphIndex, f: CompiledFilter, p: number, at: number): number {
  const end = passEnd(index, f, p);
  for (let k = lowerBound(index, p, Math.max(at, f.since)); k < end; k++) {
    const t = index.pTransfers[k] as number;
    if (f.timeOnly || f.passes(t)) return t;
  }
  return -1;
}

/** Sums per currency index; turned into `Money` only for what is shown. */
export function moneyOf(index: GraphIndex, sums: Float64Array): Money {
  const money: Money = {};
  for (let c = 0; c < sums.length; c++)
    if (sums[c] !== 0) money[index.currencies[c] as string] = sums[c] as number;
  return money;
}

/** Merges two filters: a transfer must pass both. */
export function bothFilters(a: FlowFilter, b: FlowFilter): FlowFilter {
  const merged: FlowFilter = { ...a, ...b };
  if (a.since !== undefined && b.since !== undefined) merged.since = Math.max(a.since, b.since);
  if (a.until !== undefined && b.until !== undefined) merged.until = Math.min(a.until, b.until);
  if (a.minAmountMinor && b.minAmountMinor) {
    const min: Record<string, number> = { ...a.minAmountMinor };
    for (const [c, v] of Object.entries(b.minAmountMinor)) min[c] = Math.max(min[c] ?? 0, v);
    merged.minAmountMinor = min;
  }
  if (a.nodeKinds && b.nodeKinds) merged.nodeKinds = a.nodeKinds.filter((k) => b.nodeKinds?.includes(k));
  if (a.sources && b.sources) merged.sources = a.sources.filter((s) => b.sources?.includes(s));
  return merged;
}
