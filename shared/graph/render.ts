/**
 * What a view state looks like on screen: one element per entity node and per collection, and
 * one edge per (element, element) direction with the passing transfers between them summed,
 * then the holders of several shown places (holders.ts). Work is proportional to the flows of
 * what is shown, not to the ledger.
 */
import { arrivedAmount, arrivedCurrency, nodeKindOf, type GraphIndex } from './build-index';
import { compileFilter, moneyOf, passEnd, passStart } from './filter';
import { holderLayer } from './holders';
import { nodeTotal, type NodeTotal } from './node-totals';
import type { Money, ViewState, VisibleEdge, VisibleElements, VisibleNode } from './types';
import type { NodeKind } from '../ledger/types';

/** The render plus what the budget and the collection operations need to reason about it. */
export interface Rendered extends VisibleElements {
  /** Element index per node (-1: not shown). Entities are 0..E-1, then collections. */
  elementOf: Int32Array;
  entityCount: number;
  /** Element indexes of each edge: source, target, source, target… */
  edgeEnds: Int32Array;
}

interface EdgeAcc {
  source: number;
  target: number;
  count: number;
  first: number;
  last: number;
  sent: Float64Array;
  received: Float64Array;
  pairs: number[];
}

export function elementId(view: ViewState, element: number): string {
  const E = view.nodes.length;
  return element < E ? `n${view.nodes[element] as number}` : (view.collections[element - E]?.id ?? '?');
}

/** Per element: flows in and out, with the anchor, first and last, neighbours not shown. */
class Sums {
  readonly inSums: Float64Array;
  readonly outSums: Float64Array;
  readonly anchorSums: Float64Array;
  readonly inCount: Int32Array;
  readonly outCount: Int32Array;
  readonly anchorCount: Int32Array;
  readonly hiddenIn: Int32Array;
  readonly hiddenOut: Int32Array;
  readonly first: Float64Array;
  readonly last: Float64Array;

  constructor(
    total: number,
    readonly C: number,
  ) {
    this.inSums = new Float64Array(total * C);
    this.outSums = new Float64Array(total * C);
    this.anchorSums = new Float64Array(total * C);
    this.inCount = new Int32Array(total);
    this.outCount = new Int32Array(total);
    this.anchorCount = new Int32Array(total);
    this.hiddenIn = new Int32Array(total);
    this.hiddenOut = new Int32Array(total);
    this.first = new Float64Array(total).fill(Infinity);
    this.last = new Float64Array(total).fill(-Infinity);
  }

  /** An entity's precomputed unfiltered totals. */
  take(el: number, total: NodeTotal): void {
    this.inSums.set(total.in, el * this.C);
    this.outSums.set(total.out, el * this.C);
    this.inCount[el] = total.inCount;
    this.outCount[el] = total.outCount;
    this.first[el] = total.first;
    this.last[el] = total.last;
  }

  add(
    sums: Float64Array,
    count: Int32Array,
    el: number,
    c: number,
    amount: number,
    at: number,
    withAnchor: boolean,
  ) {
    const k = el * this.C + c;
    sums[k] = (sums[k] as number) + amount;
    count[el] = (count[el] as number) + 1;
    if (at < (this.first[el] as number)) this.first[el] = at;
    if (at > (this.last[el] as number)) this.last[el] = at;
    if (withAnchor) {
      this.anchorSums[k] = (this.anchorSums[k] as number) + amount;
      this.anchorCount[el] = (this.anchorCount[el] as number) + 1;
    }
  }
}

function edgeBetween(
  edges: Map<number, EdgeAcc>,
  source: number,
  target: number,
  total: number,
  C: number,
): EdgeAcc {
  const key = source * total + target;
  let edge = edges.get(key);
  if (!edge) {
    edge = {
      source,
      target,
      count: 0,
      first: Infinity,
      last: -Infinity,
      sent: new Float64Array(C),
      received: new Float64Array(C),
      pairs: [],
    };
    edges.set(key, edge);
  }
  return edge;
}

export function render(index: GraphIndex, view: ViewState): Rendered {
  const f = compileFilter(index, view.filter);
  const C = index.currencies.length;
  const E = view.nodes.length;
  const total = E + view.collections.length;
  const elementOf = new Int32Array(index.nodeCount).fill(-1);
  view.nodes.forEach((n, i) => (elementOf[n] = i));
  view.collections.forEach((c, j) => c.members.forEach((m) => (elementOf[m] = E + j)));
  const anchorOf = view.collections.map((c) => c.anchor ?? -1);

  const acc = new Sums(total, C);
  const edges = new Map<number, EdgeAcc>();
  const { tAt, tAmount, tCurrency, pTransfers } = index;
  const filtered = !f.timeOnly;

  // Plain loops over typed arrays: this runs for every transfer of everything on screen.
  // An entity's label counts all its flows (with no filter, kept per node once computed); a
  // collection's counts its flows with what is on screen and with its anchor, so a collection
  // of 500 busy accounts does not cost a walk through most of the ledger.
  const totals = f.trivial;
  const visitNode = (u: number, el: number): void => {
    const isCollection = el >= E;
    const anchor = isCollection ? (anchorOf[el - E] as number) : -1;
    if (totals && !isCollection) acc.take(el, nodeTotal(index, u));
    for (let p = index.outStart[u] as number; p < (index.outStart[u + 1] as number); p++) {
      const v = index.pTo[p] as number;
      const ev = elementOf[v] as number;
      if (isCollection && ev === el) continue;
      const summed = isCollection ? ev >= 0 || v === anchor : !totals;
      if (ev < 0 && !summed) {
        if (!isCollection) acc.hiddenOut[el] = (acc.hiddenOut[el] as number) + 1;
        continue;
      }
      const edge = ev >= 0 ? edgeBetween(edges, el, ev, total, C) : null;
      let passed = 0;
      const end = passEnd(index, f, p);
      for (let k = passStart(index, f, p); k < end; k++) {
        const t = pTransfers[k] as number;
        if (filtered && !f.passes(t)) continue;
        passed++;
        const at = tAt[t] as number;
        const c = tCurrency[t] as number;
        const amount = tAmount[t] as number;
        if (summed) acc.add(acc.outSums, acc.outCount, el, c, amount, at, v === anchor);
        if (edge) {
          edge.count++;
          if (at < edge.first) edge.first = at;
          if (at > edge.last) edge.last = at;
          edge.sent[c] = (edge.sent[c] as number) + amount;
          const rc = arrivedCurrency(index, t);
          edge.received[rc] = (edge.received[rc] as number) + arrivedAmount(index, t);
        }
      }
      if (passed === 0) continue;
      if (edge) edge.pairs.push(p);
      else if (!isCollection) acc.hiddenOut[el] = (acc.hiddenOut[el] as number) + 1;
    }
    for (let i = index.inStart[u] as number; i < (index.inStart[u + 1] as number); i++) {
      const p = index.inPairs[i] as number;
      const v = index.pFrom[p] as number;
      const ev = elementOf[v] as number;
      if (isCollection && ev === el) continue;
      const summed = isCollection ? ev >= 0 || v === anchor : !totals;
      if (!summed) {
        if (!isCollection && ev < 0) acc.hiddenIn[el] = (acc.hiddenIn[el] as number) + 1;
        continue;
      }
      let passed = 0;
      const end = passEnd(index, f, p);
      for (let k = passStart(index, f, p); k < end; k++) {
        const t = pTransfers[k] as number;
        if (filtered && !f.passes(t)) continue;
        passed++;
        const c = arrivedCurrency(index, t);
        acc.add(acc.inSums, acc.inCount, el, c, arrivedAmount(index, t), tAt[t] as number, v === anchor);
      }
      if (passed > 0 && ev < 0 && !isCollection) acc.hiddenIn[el] = (acc.hiddenIn[el] as number) + 1;
    }
  };
  view.nodes.forEach((n, i) => visitNode(n, i));
  view.collections.forEach((c, j) => c.members.forEach((m) => visitNode(m, E + j)));
  const { inSums, outSums, anchorSums, inCount, outCount, anchorCount, hiddenIn, hiddenOut, first, last } =
    acc;

  const sums = (arr: Float64Array, el: number): Money => moneyOf(index, arr.subarray(el * C, el * C + C));
  const seeds = new Set(view.seeds);
  const pinned = new Set(view.pinned);
  const nodes: VisibleNode[] = view.nodes.map((n, i) => {
    const ledgerNode = index.ledger.nodes[n];
    return {
      type: 'entity',
      id: `n${n}`,
      node: n,
      kind: nodeKindOf(index, n),
      idKind: ledgerNode?.idKind ?? 'name',
      value: ledgerNode?.value ?? '',
      ...(ledgerNode?.holder !== undefined ? { holder: ledgerNode.holder } : {}),
      ...(ledgerNode?.institution !== undefined ? { institution: ledgerNode.institution } : {}),
      in: sums(inSums, i),
      out: sums(outSums, i),
      inCount: inCount[i] as number,
      outCount: outCount[i] as number,
      hiddenIn: hiddenIn[i] as number,
      hiddenOut: hiddenOut[i] as number,
      seed: seeds.has(n),
      pinned: pinned.has(n),
    };
  });
  view.collections.forEach((c, j) => {
    const el = E + j;
    const kinds: Partial<Record<NodeKind, number>> = {};
    for (const m of c.members) {
      const k = nodeKindOf(index, m);
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
    const any = (inCount[el] as number) + (outCount[el] as number) > 0;
    nodes.push({
      type: 'collection',
      id: c.id,
      collection: c,
      count: c.members.length,
      kinds,
      in: sums(inSums, el),
      out: sums(outSums, el),
      first: any ? (first[el] as number) : NaN,
      last: any ? (last[el] as number) : NaN,
      ...(c.anchor !== undefined
        ? { anchorFlow: { money: sums(anchorSums, el), count: anchorCount[el] as number } }
        : {}),
      pinned: c.pinned === true,
    });
  });

  const visibleEdges: VisibleEdge[] = [];
  const edgeEnds: number[] = [];
  for (const acc of edges.values()) {
    if (acc.count === 0) continue;
    const source = elementId(view, acc.source);
    const target = elementId(view, acc.target);
    edgeEnds.push(acc.source, acc.target);
    visibleEdges.push({
      id: `${source}>${target}`,
      source,
      target,
      count: acc.count,
      first: acc.first,
      last: acc.last,
      sent: moneyOf(index, acc.sent),
      received: moneyOf(index, acc.received),
      pairs: acc.pairs,
    });
  }
  // Holders come after the money and from nothing but the places shown: they change no sum.
  const { holders, holds } =
    view.showHolders === false ? { holders: [], holds: [] } : holderLayer(index, view.nodes);
  return {
    nodes,
    edges: visibleEdges,
    holders,
    holds,
    elementOf,
    entityCount: E,
    edgeEnds: Int32Array.from(edgeEnds),
  };
}

/** What the budget counts: places, collections and flows, and the holders with their links. */
export function elementCount(elements: VisibleElements): number {
  return elements.nodes.length + elements.edges.length + elements.holders.length + elements.holds.length;
}
