/**
 * Downstream: where did the seeds' money go. One pass over the transfers in time order (ledger
 * order within the same millisecond), so an outflow can only carry money that arrived before it.
 *
 * Rules, each tested in down.*.test.ts:
 * - Seed money is every inflow into a seed, within the window, from a node that is not a seed, in
 *   the seed currency. Part of such an inflow may already be trail money (seed → X → seed): that
 *   part goes on as it was and only the rest is new seed money, so nothing counts twice. A seed's
 *   opening balance and its inflows from before the window are plain money in its pool.
 * - Transfers before the window still move plain money (they shape the balances an outflow is
 *   measured against); transfers after the window are not read.
 * - An outflow takes trail money by the method (down-methods.ts). When it exceeds the known
 *   balance (a card without its statement) the excess is outside money: never more trail money
 *   leaves than is there.
 * - A transfer is followed when it carries at least the threshold (setup.ts); below, its trail
 *   money has left the sender but is counted as dropped, and it arrives as plain money. Inflows
 *   into a seed are always followed: they are the seed's takings.
 * - Conversions: trail money arrives as native × toAmount / amount in the new currency; its
 *   seed-currency value carries over unchanged.
 * - Levels: money is one level further on per transfer, and back at level 0 whenever it reaches a
 *   seed (a seed is where the trail starts, whichever way the money went round). Money arriving at
 *   level maxHops stays where it arrives; so does everything reaching an end point.
 * - Held = received − passed on. Conservation: Σ held + dropped = entered, short only by rounding.
 */
import { newFlows, type Flows } from './flows';
import { downMethod, newCarry, type Carry } from './down-methods';
import type { Prepared } from './prepare';
import type { Setup } from './setup';

export function traceDown(prep: Prepared, s: Setup, record = false): Flows {
  const H = s.hops;
  const f = newFlows(prep, s, record);
  const { flow, entry } = f;
  const method = downMethod(s.params.method, prep, H);
  const { order, fromPool, toPool, poolNode, amount, arrive, poolCur } = prep;
  const { isSeed, stop, threshold, seedCur } = s;
  const balance = prep.opening.slice();
  const sentN = new Float64Array(prep.pools);
  const out = newCarry(H);
  const arrived = newCarry(H);
  const acc = { lowest: 0, stopped: 0, pooled: 0 };

  for (let k = 0; k < s.end; k++) {
    const t = order[k] as number;
    const p = fromPool[t] as number;
    const q = toPool[t] as number;
    if (p === q) continue; // money moving within one pool moves nothing
    const a = amount[t] as number;
    const m = arrive[t] as number;
    const b = balance[p] as number;
    const take = a < b ? a : b;
    balance[p] = b - take;
    balance[q] = (balance[q] as number) + m;
    if (k < s.start) {
      method.in(q, m, null); // no seed money exists before the window
      continue;
    }
    const x = poolNode[p] as number;
    const y = poolNode[q] as number;
    const seedIn = isSeed[y] === 1 && isSeed[x] === 0 && poolCur[q] === seedCur;
    let carried = method.out(p, a, take, b, out);
    let carriedN = 0;
    if (carried > 0) {
      for (let h = 0; h < H; h++) carriedN += out.native[h] as number;
      f.passedS[x] = (f.passedS[x] as number) + carried;
      sentN[p] = (sentN[p] as number) + carriedN;
      if (a > b) f.overdrawn++;
      // A conversion recorded as arriving as nothing carries its trail money nowhere.
      if ((carried < threshold && !seedIn) || !(m > 0)) {
        f.dropped += carried;
        f.droppedCount++;
        carried = 0;
      }
    }
    if (carried === 0 && !seedIn) {
      method.in(q, m, null);
      continue;
    }

    const rate = m / a;
    arrived.seed.fill(0);
    arrived.native.fill(0);
    acc.lowest = H + 1;
    acc.stopped = 0;
    acc.pooled = 0;
    let nativeIn = 0;
    if (carried > 0)
      for (let h = 0; h < H; h++) {
        const sd = out.seed[h] as number;
        if (!(sd > 0)) continue;
        const nv = (out.native[h] as number) * rate;
        nativeIn += nv;
        place(acc, arrived, H, isSeed[y] ? 0 : h + 1, sd, nv);
      }
    let entered = 0;
    if (seedIn) {
      entered = Math.max(0, m - nativeIn);
      if (entered > 0) place(acc, arrived, H, 0, entered, entered);
      f.entered += entered;
    }
    const total = carried + entered;
    if (!(total > 0)) {
      method.in(q, m, null);
      continue;
    }
    f.trail++;
    if (flow && entry) {
      flow[t] = carried;
      entry[t] = entered;
    }
    f.amountS[y] = (f.amountS[y] as number) + total;
    f.poolS[q] = (f.poolS[q] as number) + total;
    f.poolN[q] = (f.poolN[q] as number) + nativeIn + entered;
    f.transfers[y] = (f.transfers[y] as number) + 1;
    if (acc.lowest < (f.hops[y] as number)) f.hops[y] = acc.lowest;
    if (stop[y]) {
      method.in(q, m, null); // an end point keeps what it receives: its pool holds plain money
      continue;
    }
    f.atHopsS[y] = (f.atHopsS[y] as number) + acc.stopped;
    method.in(q, m, acc.pooled > 0 ? arrived : null);
  }

  for (let n = 0; n < prep.nodes; n++)
    f.heldS[n] = Math.max(0, (f.amountS[n] as number) - (f.passedS[n] as number));
  for (let q = 0; q < prep.pools; q++)
    f.poolHeldN[q] = Math.max(0, (f.poolN[q] as number) - (sentN[q] as number));
  return f;
}

/** Puts arriving trail money at its level, or aside when it has made maxHops transfers. */
function place(
  acc: { lowest: number; stopped: number; pooled: number },
  arrived: Carry,
  H: number,
  level: number,
  seed: number,
  native: number,
): void {
  if (level < acc.lowest) acc.lowest = level;
  if (level < H) {
    arrived.seed[level] = (arrived.seed[level] as number) + seed;
    arrived.native[level] = (arrived.native[level] as number) + native;
    acc.pooled += seed;
  } else acc.stopped += seed;
}
