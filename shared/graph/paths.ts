/**
 * How money could have gone from one node to another. `timeRespecting` follows individual
 * transfers: each next transfer is not earlier than the one before (equal times pass, because
 * many statements give only the date), so a path that needs money to go back in time is
 * refused. Without it, an edge is any pair with a passing transfer, whenever it happened.
 */
import type { GraphIndex } from './build-index';
import { compileFilter, firstPassingFrom, forEachPassing, pairPasses, type CompiledFilter } from './filter';
import type { FlowFilter } from './types';

export interface PathOptions {
  /** Follow money's direction (default true); false also walks transfers backwards. */
  directed?: boolean;
  timeRespecting?: boolean;
  filter?: FlowFilter;
  /** Longest path looked at, in hops. Default 12 for shortestPath, 6 for allPaths. */
  maxHops?: number;
}

export interface PathHop {
  /** Nodes in path order (the transfers may run the other way when `directed` is false). */
  from: number;
  to: number;
  /** Time-respecting: the one transfer used. Otherwise every passing transfer between the two. */
  transfers: number[];
}

export interface GraphPath {
  nodes: number[];
  hops: PathHop[];
}

export interface AllPathsResult {
  paths: GraphPath[];
  /** False when `maxPaths` or the work limit stopped the search before it had looked everywhere. */
  complete: boolean;
}

type Step = (p: number, v: number) => void;

function steps(index: GraphIndex, directed: boolean, u: number, reverse: boolean, visit: Step): void {
  if (!reverse || !directed)
    for (let p = index.outStart[u] as number; p < (index.outStart[u + 1] as number); p++)
      visit(p, index.pTo[p] as number);
  if (reverse || !directed)
    for (let k = index.inStart[u] as number; k < (index.inStart[u + 1] as number); k++) {
      const p = index.inPairs[k] as number;
      visit(p, index.pFrom[p] as number);
    }
}

/** Every passing transfer between u and v in path direction (both directions when undirected). */
function hopTransfers(
  index: GraphIndex,
  f: CompiledFilter,
  u: number,
  v: number,
  directed: boolean,
): number[] {
  const ids: number[] = [];
  steps(index, directed, u, false, (p, w) => {
    if (w === v) forEachPassing(index, f, p, (t) => ids.push(t));
  });
  return ids.sort((a, b) => a - b);
}

function pathOf(
  index: GraphIndex,
  f: CompiledFilter,
  nodes: number[],
  used: number[] | null,
  directed: boolean,
): GraphPath {
  const hops = nodes.slice(1).map((to, i) => {
    const from = nodes[i] as number;
    return { from, to, transfers: used ? [used[i] as number] : hopTransfers(index, f, from, to, directed) };
  });
  return { nodes, hops };
}

/** Fewest hops from a to b (with time-respecting: fewest hops that keep time order), or null. */
export function shortestPath(
  index: GraphIndex,
  a: number,
  b: number,
  options: PathOptions = {},
): GraphPath | null {
  const directed = options.directed ?? true;
  const maxHops = options.maxHops ?? 12;
  const f = compileFilter(index, options.filter ?? {});
  if (a === b) return { nodes: [a], hops: [] };
  // States: a node reached at a time by a transfer, with the state it came from.
  const sNode: number[] = [a];
  const sTime: number[] = [-Infinity];
  const sTransfer: number[] = [-1];
  const sParent: number[] = [-1];
  const best = new Float64Array(index.nodeCount).fill(Infinity);
  best[a] = -Infinity;
  let frontier = [0];
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const s of frontier) {
      const u = sNode[s] as number;
      const since = sTime[s] as number;
      steps(index, directed, u, false, (p, v) => {
        let at = -Infinity;
        let t = -1;
        if (options.timeRespecting) {
          t = firstPassingFrom(index, f, p, since);
          if (t < 0) return;
          at = index.tAt[t] as number;
          if (at >= (best[v] as number)) return;
        } else if (best[v] !== Infinity || !pairPasses(index, f, p)) return;
        best[v] = at;
        next.push(sNode.length);
        sNode.push(v);
        sTime.push(at);
        sTransfer.push(t);
        sParent.push(s);
      });
    }
    // A node improved twice in one step keeps only its earliest arrival.
    frontier = next.filter((s) => sTime[s] === best[sNode[s] as number]);
    const reached = frontier.find((s) => sNode[s] === b);
    if (reached !== undefined) {
      const nodes: number[] = [];
      const used: number[] = [];
      for (let s = reached; s >= 0; s = sParent[s] as number) {
        nodes.push(sNode[s] as number);
        if (s > 0) used.push(sTransfer[s] as number);
      }
      return pathOf(index, f, nodes.reverse(), options.timeRespecting ? used.reverse() : null, directed);
    }
  }
  return null;
}

/** Hops from every node to b (ignoring time), up to `limit`: prunes the all-paths search. */
function distanceTo(
  index: GraphIndex,
  f: CompiledFilter,
  b: number,
  directed: boolean,
  limit: number,
): Uint8Array {
  const dist = new Uint8Array(index.nodeCount).fill(255);
  dist[b] = 0;
  let frontier = [b];
  for (let d = 1; d <= limit && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier)
      steps(index, directed, u, true, (p, v) => {
        if (dist[v] === 255 && pairPasses(index, f, p)) {
          dist[v] = d;
          next.push(v);
        }
      });
    frontier = next;
  }
  return dist;
}

/**
 * Simple paths from a to b of at most `maxHops` (default 6), shortest first, at most `maxPaths`
 * (default 100). Time-respecting paths carry the earliest transfer chain that fits.
 */
export function allPaths(
  index: GraphIndex,
  a: number,
  b: number,
  options: PathOptions & { maxPaths?: number; maxWork?: number } = {},
): AllPathsResult {
  const directed = options.directed ?? true;
  const maxHops = Math.min(options.maxHops ?? 6, 254);
  const maxPaths = options.maxPaths ?? 100;
  let work = options.maxWork ?? 2_000_000;
  const f = compileFilter(index, options.filter ?? {});
  const dist = distanceTo(index, f, b, directed, maxHops);
  const found: GraphPath[] = [];
  const onPath = new Uint8Array(index.nodeCount);
  const nodes: number[] = [a];
  const used: number[] = [];
  let complete = true;

  const walk = (u: number, since: number): void => {
    if (u === b) {
      found.push(pathOf(index, f, [...nodes], options.timeRespecting ? [...used] : null, directed));
      return;
    }
    // Undirected, u and v may have pairs both ways: take v once, by its earliest usable transfer.
    const next = new Map<number, number>();
    steps(index, directed, u, false, (p, v) => {
      if (onPath[v] || nodes.length + (dist[v] as number) > maxHops) return;
      work--;
      const t = options.timeRespecting
        ? firstPassingFrom(index, f, p, since)
        : pairPasses(index, f, p)
          ? p
          : -1;
      if (t < 0) return;
      const known = next.get(v);
      if (known === undefined || (options.timeRespecting && t < known)) next.set(v, t);
    });
    for (const [v, t] of next) {
      if (found.length >= maxPaths || work <= 0) {
        complete = false;
        return;
      }
      onPath[v] = 1;
      nodes.push(v);
      used.push(t);
      walk(v, options.timeRespecting ? (index.tAt[t] as number) : since);
      used.pop();
      nodes.pop();
      onPath[v] = 0;
    }
  };
  if (a === b) return { paths: [{ nodes: [a], hops: [] }], complete: true };
  onPath[a] = 1;
  if ((dist[a] as number) <= maxHops) walk(a, -Infinity);
  found.sort((x, y) => x.nodes.length - y.nodes.length);
  return { paths: found, complete: complete && work > 0 };
}
