/**
 * Working with collections: open one up (biggest flows first, as many as the budget allows),
 * split it by amount or date, pull out the members that pass a filter, fold a node's leaves
 * back in, or make one by hand from a selection.
 */
import { arrivedAmount, arrivedCurrency, forEachPair, nodeKindOf, type GraphIndex } from './build-index';
import { settle } from './budget';
import { byNumber, Draft, parseRef } from './draft';
import { bothFilters, compileFilter, forEachPassing, pairPasses, type CompiledFilter } from './filter';
import { elementCount, render } from './render';
import type { Collection, Direction, ElementRef, FlowFilter, ViewResult, ViewState } from './types';

/** Per member: its flow (with the anchor, or all of it) in the collection's main currency. */
interface MemberStats {
  currency: string;
  amount: Float64Array;
  first: Float64Array;
  count: Int32Array;
}

function memberStats(index: GraphIndex, f: CompiledFilter, c: Collection): MemberStats {
  const n = c.members.length;
  const C = index.currencies.length;
  const sums = new Float64Array(n * C);
  const first = new Float64Array(n).fill(NaN);
  const count = new Int32Array(n);
  const perCurrency = new Int32Array(C);
  c.members.forEach((m, i) => {
    for (const side of ['out', 'in'] as const)
      forEachPair(index, m, side, (p, other) => {
        if (c.anchor !== undefined && other !== c.anchor) return;
        forEachPassing(index, f, p, (t) => {
          const cur = side === 'out' ? (index.tCurrency[t] as number) : arrivedCurrency(index, t);
          const amount = side === 'out' ? (index.tAmount[t] as number) : arrivedAmount(index, t);
          sums[i * C + cur] = (sums[i * C + cur] as number) + amount;
          perCurrency[cur] = (perCurrency[cur] as number) + 1;
          count[i] = (count[i] as number) + 1;
          if (!((index.tAt[t] as number) >= (first[i] as number))) first[i] = index.tAt[t] as number;
        });
      });
  });
  let main = 0;
  for (let cur = 1; cur < C; cur++)
    if ((perCurrency[cur] as number) > (perCurrency[main] as number)) main = cur;
  const amount = Float64Array.from({ length: n }, (_, i) => sums[i * C + main] as number);
  return { currency: index.currencies[main] ?? '', amount, first, count };
}

function find(view: ViewState, id: string): Collection {
  const c = view.collections.find((x) => x.id === id);
  if (!c) throw new Error(`No collection ${id} in this view`);
  return c;
}

/**
 * Shows the members of a collection as nodes, biggest flow first. When all of them would not fit
 * the budget, as many as fit come out and the rest stay in the collection (`truncated` says so).
 */
export function expandCollection(
  index: GraphIndex,
  view: ViewState,
  id: string,
  options: { limit?: number } = {},
): ViewResult {
  const c = find(view, id);
  const stats = memberStats(index, compileFilter(index, view.filter), c);
  const order = c.members
    .map((m, i) => ({ m, amount: stats.amount[i] as number }))
    .sort((a, b) => b.amount - a.amount || a.m - b.m)
    .map((x) => x.m);

  // Each member costs itself plus one edge per element it touches; the collection's own node and
  // edges go away unless some members stay behind.
  const before = render(index, view);
  const f = compileFilter(index, view.filter);
  const element = before.elementOf[c.members[0] as number] as number;
  let collectionEdges = 0;
  for (let k = 0; k < before.edgeEnds.length; k += 2)
    if (before.edgeEnds[k] === element || before.edgeEnds[k + 1] === element) collectionEdges++;
  let budget = view.maxElements - (elementCount(before) - 1 - collectionEdges);
  let take = 0;
  const limit = Math.min(options.limit ?? Infinity, order.length);
  for (; take < limit; take++) {
    const touched = new Set<number>();
    const m = order[take] as number;
    for (const side of ['out', 'in'] as const)
      forEachPair(index, m, side, (p, other) => {
        const el = before.elementOf[other] as number;
        if (el >= 0 && el !== element && !touched.has(el) && pairPasses(index, f, p)) touched.add(el);
      });
    const cost = 1 + Math.max(1, touched.size);
    const restCost = take + 1 < order.length ? 1 + collectionEdges : 0;
    if (cost + restCost > budget) break;
    budget -= cost;
  }
  const draft = new Draft(index, view);
  const out = order.slice(0, take);
  draft.show(out);
  return settle(index, draft.finish(), out, order.length - take);
}

/**
 * Cuts a collection into parts by each member's flow amount (with the anchor, in the main
 * currency) or by the date of its first flow. `buckets`: how many parts of about equal size, or
 * the boundaries themselves (minor units, or epoch ms).
 */
export function splitCollection(
  index: GraphIndex,
  view: ViewState,
  id: string,
  options: { by: 'amount' | 'date'; buckets: number | readonly number[] },
): ViewResult {
  const c = find(view, id);
  const stats = memberStats(index, compileFilter(index, view.filter), c);
  const key = options.by === 'amount' ? stats.amount : stats.first;
  const known = c.members
    .map((_, i) => i)
    .filter((i) => (stats.count[i] as number) > 0)
    .sort((a, b) => (key[a] as number) - (key[b] as number) || a - b);
  let bounds: number[] = [];
  if (typeof options.buckets === 'number' && known.length > 0) {
    const k = Math.max(1, Math.floor(options.buckets));
    bounds = Array.from(
      { length: k - 1 },
      (_, b) => key[known[Math.floor(((b + 1) * known.length) / k)] ?? 0] ?? 0,
    );
  } else if (typeof options.buckets !== 'number') bounds = [...options.buckets];
  bounds = [...new Set(bounds)].sort(byNumber);
  const edges = [-Infinity, ...bounds, Infinity];

  const draft = new Draft(index, view);
  const slot = draft.slots.indexOf(c);
  draft.dropCollection(slot, -1);
  let at = slot + 1;
  for (let b = 0; b + 1 < edges.length; b++) {
    const lo = edges[b] as number;
    const hi = edges[b + 1] as number;
    const inBucket = known.filter((i) => (key[i] as number) >= lo && (key[i] as number) < hi);
    if (inBucket.length === 0) continue;
    const lowest = key[inBucket[0] as number] as number;
    const highest = key[inBucket[inBucket.length - 1] as number] as number;
    draft.addCollection(
      {
        ...spec(c),
        origin: 'split',
        members: inBucket.map((i) => c.members[i] as number),
        slice: {
          by: options.by,
          lo: Number.isFinite(lo) ? lo : lowest,
          hi: Number.isFinite(hi) ? hi : highest + 1,
          ...(options.by === 'amount' ? { currency: stats.currency } : {}),
        },
      },
      at++,
    );
  }
  const idle = c.members.filter((_, i) => (stats.count[i] as number) === 0);
  if (idle.length > 0)
    draft.addCollection({ ...spec(c), origin: 'split', members: idle, label: 'no passing flows' }, at);
  return settle(index, draft.finish());
}

function spec(c: Collection): Pick<Collection, 'anchor' | 'side' | 'kind'> {
  return {
    ...(c.anchor !== undefined ? { anchor: c.anchor } : {}),
    ...(c.side !== undefined ? { side: c.side } : {}),
    ...(c.kind !== undefined ? { kind: c.kind } : {}),
  };
}

/** Moves the members with a flow passing `filter` (on top of the view's) into a collection of their own. */
export function filterCollection(
  index: GraphIndex,
  view: ViewState,
  id: string,
  filter: FlowFilter,
): ViewResult {
  const c = find(view, id);
  const stats = memberStats(index, compileFilter(index, bothFilters(view.filter, filter)), c);
  const members = c.members.filter((_, i) => (stats.count[i] as number) > 0);
  if (members.length === 0 || members.length === c.members.length) return settle(index, view);
  const draft = new Draft(index, view);
  draft.addCollection(
    { ...spec(c), origin: 'filter', members, slice: { by: 'filter', filter } },
    draft.slots.indexOf(c) + 1,
  );
  return settle(index, draft.finish());
}

/**
 * Folds the neighbours of `anchor` that touch nothing else on screen back into collections, one
 * per side and kind, joining the collection an earlier expansion made. Seeds and pins stay.
 */
export function collapse(
  index: GraphIndex,
  view: ViewState,
  anchor: number,
  options: { side?: Direction } = {},
): ViewResult {
  const r = render(index, view);
  const anchorEl = r.elementOf[anchor] as number;
  const touches = new Map<number, Set<number>>();
  const dirs = new Map<number, number>();
  for (let k = 0; k < r.edgeEnds.length; k += 2) {
    const a = r.edgeEnds[k] as number;
    const b = r.edgeEnds[k + 1] as number;
    for (const [self, other, dir] of [
      [a, b, 1],
      [b, a, 2],
    ] as const) {
      touches.set(self, (touches.get(self) ?? new Set()).add(other));
      if (other === anchorEl) dirs.set(self, (dirs.get(self) ?? 0) | dir);
    }
  }
  const keep = new Set([...view.seeds, ...view.pinned, anchor]);
  const draft = new Draft(index, view);
  const groups = new Map<string, number[]>();
  view.nodes.forEach((n, i) => {
    const near = touches.get(i);
    if (keep.has(n) || !near || near.size !== 1 || !near.has(anchorEl)) return;
    const dir = dirs.get(i) ?? 0;
    const side = dir === 3 ? 'both' : dir === 1 ? 'in' : 'out';
    if (options.side && options.side !== 'both' && side !== options.side) return;
    const key = `${side}|${nodeKindOf(index, n)}`;
    const list = groups.get(key);
    if (list) list.push(n);
    else groups.set(key, [n]);
  });
  for (const [key, members] of groups) {
    const [side, kind] = key.split('|') as [Collection['side'] & string, Collection['kind'] & string];
    const slot = draft.slotFor(anchor, side, kind);
    if (slot >= 0) draft.grow(slot, members);
    else draft.addCollection({ origin: 'collapse', members, anchor, side, kind });
  }
  return settle(index, draft.finish());
}

/** Makes one collection of the chosen nodes and collections (the investigator's own grouping). */
export function group(
  index: GraphIndex,
  view: ViewState,
  refs: readonly ElementRef[],
  label?: string,
): ViewResult {
  const draft = new Draft(index, view);
  const members: number[] = [];
  for (const ref of refs) {
    const r = parseRef(ref);
    if ('node' in r) members.push(r.node);
    else {
      const found = draft.collection(r.collection);
      if (found) members.push(...found.c.members);
    }
  }
  if (members.length === 0) return settle(index, view);
  const kinds = new Set(members.map((m) => nodeKindOf(index, m)));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  draft.addCollection({ origin: 'group', members, ...(kind ? { kind } : {}), ...(label ? { label } : {}) });
  return settle(index, draft.finish());
}
