/**
 * What every detector reads, built once per `detectPatterns` call in linear time: each node's
 * incoming and outgoing transfers (in ledger order), which nodes are related to each other, and
 * the LIFO flow of a node, worked out once and shared by the detectors that need it.
 */
import type { Ledger, LedgerNode } from '../ledger/types';
import { toColumns, type Columns } from './columns';
import { EMPTY_FLOW, lifoFlow, type NodeFlow } from './lifo';
import type { PatternThresholds } from './thresholds';

export interface PatternContext {
  ledger: Ledger;
  /** The transfers as typed arrays: read these in loops, not `ledger.transfers`. */
  cols: Columns;
  t: PatternThresholds;
  evidenceCap: number;
  /** Transfer ids into / out of a node, in ledger (time) order. */
  inOf(node: number): Int32Array;
  outOf(node: number): Int32Array;
  /** One representative per group of related nodes (same holder, bound phone, merge…). */
  related(node: number): number;
  flow(node: number): NodeFlow;
  /** Whether findings about this node are wanted (`options.nodes`). */
  wanted(node: number): boolean;
  /** Results one detector computes and another reuses (drops for collectors). */
  memo: Map<string, unknown>;
}

export function createContext(
  ledger: Ledger,
  t: PatternThresholds,
  restrictTo: readonly number[] | undefined,
  evidenceCap: number,
): PatternContext {
  const n = ledger.nodes.length;
  const cols = toColumns(ledger);
  const incoming = adjacency(n, cols.to);
  const outgoing = adjacency(n, cols.from);
  const roots = relatedRoots(ledger);
  const flows = new Map<number, NodeFlow>();
  const mask = restrictTo ? new Uint8Array(n) : undefined;
  if (mask) for (const node of restrictTo ?? []) if (node >= 0 && node < n) mask[node] = 1;
  const slice = (index: Adjacency, node: number) =>
    index.ids.subarray(index.start[node] ?? 0, index.start[node + 1] ?? 0);
  return {
    ledger,
    cols,
    t,
    evidenceCap,
    inOf: (node) => slice(incoming, node),
    outOf: (node) => slice(outgoing, node),
    related: (node) => roots[node] ?? node,
    flow(node) {
      let flow = flows.get(node);
      if (!flow) {
        const opening = ledger.nodes[node]?.openingMinor;
        flow = lifoFlow(cols, slice(incoming, node), slice(outgoing, node), opening);
        if (flow !== EMPTY_FLOW) flows.set(node, flow);
      }
      return flow;
    },
    wanted: (node) => !mask || mask[node] === 1,
    memo: new Map(),
  };
}

interface Adjacency {
  start: Int32Array;
  ids: Int32Array;
}

/** Compressed rows: `ids[start[v] .. start[v+1])` are the transfers touching v, in id order. */
function adjacency(nodeCount: number, side: Int32Array): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let i = 0; i < side.length; i++) {
    const v = side[i] as number;
    start[v + 1] = (start[v + 1] as number) + 1;
  }
  for (let v = 0; v < nodeCount; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, nodeCount);
  const ids = new Int32Array(side.length);
  for (let i = 0; i < side.length; i++) {
    const v = side[i] as number;
    const at = fill[v] as number;
    ids[at] = i;
    fill[v] = at + 1;
  }
  return { start, ids };
}

/**
 * Union-find over nodes: two nodes are related when a link joins their identifiers, they share
 * an identifier, or they have the same holder IIN/BIN. Links to an identifier that is not a node
 * (an IIN) join through that identifier, so two cards of one IIN are related.
 */
function relatedRoots(ledger: Ledger): Int32Array {
  const { nodes, links, nodeByKey } = ledger;
  const parent: number[] = nodes.map((_, i) => i);
  const virtual = new Map<string, number>();
  const find = (x: number): number => {
    for (let up = parent[x] as number; up !== x; up = parent[x] as number) {
      const grand = parent[up] as number;
      parent[x] = grand; // path halving keeps the trees flat
      x = grand;
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const place = (key: string): number => {
    const node = nodeByKey.get(key);
    if (node !== undefined) return node;
    const holder = holderKey(key) ?? key;
    let id = virtual.get(holder);
    if (id === undefined) {
      id = parent.length;
      parent.push(id);
      virtual.set(holder, id);
    }
    return id;
  };
  for (const link of links) union(place(link.a), place(link.b));
  for (const node of nodes) {
    if (node.holderId) union(node.id, place(`iin:${node.holderId}`));
    for (const key of node.identifiers) {
      const other = nodeByKey.get(key);
      if (other !== undefined && other !== node.id) union(node.id, other);
    }
  }
  const roots = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) roots[i] = find(i);
  return roots;
}

/** `iin:…` and `bin:…` name one holder: the value is the same 12 digits either way. */
export function holderKey(key: string): string | undefined {
  return key.startsWith('iin:') || key.startsWith('bin:') ? `holder:${key.slice(4)}` : undefined;
}

/** Money here is spent or cashed out, not collected: never a collector or a relay. */
export function isEndOfLine(node: LedgerNode | undefined): boolean {
  return !node || node.kind === 'merchant' || node.kind === 'cash' || node.endPoint === 'merchant';
}
