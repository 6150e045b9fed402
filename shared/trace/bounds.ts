/**
 * For explain(): per trail transfer, the value of the single biggest path through it that ends at
 * a seed (down: starts at one; up: ends with a seed inflow). Best-first search ranked by
 * weight × this bound pops the biggest paths almost directly; ranked by a transfer's whole flow it
 * would have to open every branch of a mixing pool first. One pass per result, cached by explain.
 *
 * The bound ignores maxHops, so it can only be too high — which keeps the search exact.
 * Pro-rata keeps one number per pool: the biggest path value still in it. Every part of the pool
 * shrinks by the same (1 − share) at an outflow, so the biggest stays the biggest until a bigger
 * inflow arrives. FIFO/LIFO replay the queues with that value per native unit on each lot.
 */
import type { RecordedFlows as Flows } from './flows';
import type { Prepared } from './prepare';
import type { Setup } from './setup';
import { Lots } from './slots';

export function pathBounds(prep: Prepared, s: Setup, f: Flows): Float64Array {
  const best = new Float64Array(prep.transfers);
  const share = shares(prep, s);
  const passes = (n: number) => !s.isSeed[n] && !s.stop[n];
  const down = s.params.direction === 'down';
  if (s.params.method !== 'pro-rata') {
    queueBounds(prep, s, f, best, down);
    return best;
  }
  const most = new Float64Array(prep.pools);
  if (down) {
    for (let k = s.start; k < s.end; k++) {
      const t = prep.order[k] as number;
      const p = prep.fromPool[t] as number;
      if ((f.flow[t] as number) > 0)
        best[t] = s.isSeed[prep.poolNode[prep.fromPool[t] as number] as number]
          ? (f.flow[t] as number)
          : (share[t] as number) * (most[p] as number);
      most[p] = (most[p] as number) * (1 - (share[t] as number));
      const q = prep.toPool[t] as number;
      if ((f.flow[t] as number) > 0 && passes(prep.poolNode[prep.toPool[t] as number] as number))
        most[q] = Math.max(most[q] as number, best[t] as number);
    }
  } else {
    // `most`: the biggest (share × value per native unit) of the pool's later trail outflows.
    for (let k = s.end - 1; k >= s.start; k--) {
      const t = prep.order[k] as number;
      const q = prep.toPool[t] as number;
      if ((f.entry[t] as number) > 0) best[t] = f.flow[t] as number;
      else if ((f.flow[t] as number) > 0) best[t] = (prep.arrive[t] as number) * (most[q] as number);
      const p = prep.fromPool[t] as number;
      const mine =
        (f.flow[t] as number) > 0 && passes(prep.poolNode[prep.fromPool[t] as number] as number)
          ? ((share[t] as number) * (best[t] as number)) / (prep.amount[t] as number)
          : 0;
      most[p] = Math.max((most[p] as number) * (1 - (share[t] as number)), mine);
    }
  }
  return best;
}

/** Per outflow, the share of its pool's known balance it took (1: the pool emptied). */
function shares(prep: Prepared, s: Setup): Float64Array {
  const share = new Float64Array(prep.transfers);
  const balance = prep.opening.slice();
  for (let k = 0; k < s.end; k++) {
    const t = prep.order[k] as number;
    const p = prep.fromPool[t] as number;
    const q = prep.toPool[t] as number;
    if (p === q) continue;
    const b = balance[p] as number;
    const take = Math.min(prep.amount[t] as number, b);
    if (b > 0) share[t] = take / b;
    balance[p] = b - take;
    balance[q] = (balance[q] as number) + (prep.arrive[t] as number);
  }
  return share;
}

const PLAIN = -1;

function queueBounds(prep: Prepared, s: Setup, f: Flows, best: Float64Array, down: boolean): void {
  const lots = new Lots(prep.pools);
  for (let q = 0; q < prep.pools; q++)
    if ((prep.opening[q] as number) > 0) lots.push(q, prep.opening[q] as number, PLAIN, PLAIN);
  const balance = prep.opening.slice();
  const newestFirst = s.params.method === 'lifo';
  // Up: the pieces of each trail outflow, to run the values backward afterwards.
  const pieces: number[] = [];
  const starts = new Map<number, [number, number]>();
  for (let k = 0; k < s.end; k++) {
    const t = prep.order[k] as number;
    const p = prep.fromPool[t] as number;
    const q = prep.toPool[t] as number;
    if (p === q) continue;
    const b = balance[p] as number;
    const take = Math.min(prep.amount[t] as number, b);
    balance[p] = b - take;
    balance[q] = (balance[q] as number) + (prep.arrive[t] as number);
    const trail = (f.flow[t] as number) > 0 && k >= s.start;
    let value = 0;
    const first = pieces.length;
    let need = take;
    let lot = newestFirst ? (lots.tail[p] as number) : (lots.head[p] as number);
    while (take > 0 && lot >= 0 && (take >= b || need > 0)) {
      const have = lots.amount[lot] as number;
      const piece = take >= b || have <= need ? have : need;
      const tag = lots.tag[lot] as number;
      if (trail && tag !== PLAIN) {
        if (down) value = Math.max(value, (piece * (best[tag] as number)) / (prep.arrive[tag] as number));
        else pieces.push(tag, piece);
      }
      const following = newestFirst ? (lots.prev[lot] as number) : (lots.next[lot] as number);
      if (piece >= have) lots.remove(p, lot);
      else lots.amount[lot] = have - piece;
      need -= piece;
      lot = following;
    }
    if (!down && pieces.length > first) starts.set(t, [first, pieces.length]);
    if (down && trail)
      best[t] = s.isSeed[prep.poolNode[prep.fromPool[t] as number] as number] ? (f.flow[t] as number) : value;
    const keeps =
      trail &&
      !s.isSeed[prep.poolNode[prep.toPool[t] as number] as number] &&
      !s.stop[prep.poolNode[prep.toPool[t] as number] as number];
    lots.push(q, prep.arrive[t] as number, keeps ? t : PLAIN, PLAIN);
  }
  if (down) return;
  const most = new Float64Array(prep.transfers);
  for (let k = s.end - 1; k >= s.start; k--) {
    const t = prep.order[k] as number;
    if (!((f.flow[t] as number) > 0)) continue;
    best[t] = (f.entry[t] as number) > 0 ? (f.flow[t] as number) : (most[t] as number);
    const range = starts.get(t);
    if (
      !range ||
      s.isSeed[prep.poolNode[prep.fromPool[t] as number] as number] ||
      s.stop[prep.poolNode[prep.fromPool[t] as number] as number]
    )
      continue;
    for (let i = range[0]; i < range[1]; i += 2) {
      const source = pieces[i] as number;
      most[source] = Math.max(
        most[source] as number,
        ((pieces[i + 1] as number) * (best[t] as number)) / (prep.amount[t] as number),
      );
    }
  }
}
