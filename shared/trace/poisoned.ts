/**
 * explain() for the poisoned view, where every trail transfer counts in full: one path per trail
 * transfer at the node, led to (down) or from (up) a seed by the chain that poisoned each place
 * first by the fewest hops (ties: the earliest contact). Each hop shows its own full amount.
 */
import type { RecordedFlows as Flows } from './flows';
import type { FoundPath } from './explain';
import { poolEvents, type Prepared } from './prepare';
import type { Setup } from './setup';

interface Chains {
  link: Int32Array;
  depth: Int32Array;
}

const cache = new WeakMap<Flows, Chains>();

/** Down: link = the inflow that poisoned the sender; up: the outflow the receiver funded next. */
function chains(prep: Prepared, s: Setup, f: Flows): Chains {
  const hit = cache.get(f);
  if (hit) return hit;
  const link = new Int32Array(prep.transfers).fill(-1);
  const depth = new Int32Array(prep.transfers);
  const best = new Int32Array(prep.pools).fill(-1);
  const better = (t: number, pool: number, ties: boolean) =>
    (best[pool] as number) < 0 ||
    (depth[t] as number) < (depth[best[pool] as number] as number) ||
    (ties && depth[t] === depth[best[pool] as number]);
  const passes = (n: number) => !s.isSeed[n] && !s.stop[n];
  if (s.params.direction === 'down') {
    for (let k = s.start; k < s.end; k++) {
      const t = prep.order[k] as number;
      if (!((f.flow[t] as number) > 0)) continue;
      const p = prep.fromPool[t] as number;
      const before = s.isSeed[prep.poolNode[prep.fromPool[t] as number] as number] ? -1 : (best[p] as number);
      link[t] = before;
      depth[t] = before < 0 ? 1 : (depth[before] as number) + 1;
      const q = prep.toPool[t] as number;
      if (
        passes(prep.poolNode[prep.toPool[t] as number] as number) &&
        (depth[t] as number) < s.hops &&
        better(t, q, false)
      )
        best[q] = t;
    }
  } else {
    for (let k = s.end - 1; k >= s.start; k--) {
      const t = prep.order[k] as number;
      if (!((f.flow[t] as number) > 0)) continue;
      const after = (f.entry[t] as number) > 0 ? -1 : (best[prep.toPool[t] as number] as number);
      link[t] = after;
      depth[t] = after < 0 ? 1 : (depth[after] as number) + 1;
      const p = prep.fromPool[t] as number;
      if (
        passes(prep.poolNode[prep.fromPool[t] as number] as number) &&
        (depth[t] as number) < s.hops &&
        better(t, p, true)
      )
        best[p] = t;
    }
  }
  const built = { link, depth };
  cache.set(f, built);
  return built;
}

export function poisonedPaths(prep: Prepared, s: Setup, f: Flows, node: number): FoundPath[] {
  const down = s.params.direction === 'down';
  const { link } = chains(prep, s, f);
  const ev = poolEvents(prep);
  const found: { path: FoundPath; position: number }[] = [];
  for (const pool of ev.nodePools[node] as Int32Array) {
    for (let e = ev.start[pool] as number; e < (ev.start[pool + 1] as number); e++) {
      const t = ev.list[e] as number;
      const position = ev.position[t] as number;
      if ((down ? prep.toPool[t] : prep.fromPool[t]) !== pool || position >= s.end) continue;
      if (down && (f.entry[t] as number) > 0)
        found.push({
          path: { value: f.entry[t] as number, kind: 'entry', transfers: [t], ownAmounts: true },
          position,
        });
      if (!((f.flow[t] as number) > 0)) continue;
      const transfers: number[] = [];
      for (let x = t; x >= 0 && transfers.length <= s.hops; x = link[x] as number) transfers.push(x);
      if (down) transfers.reverse();
      found.push({
        path: { value: f.flow[t] as number, kind: 'trail', transfers, ownAmounts: true },
        position,
      });
    }
  }
  found.sort((a, b) => b.path.value - a.path.value || a.position - b.position);
  return found.map((x) => x.path);
}
