/**
 * Upstream: where did the seeds' money come from. A forward pass replays the balances; a sweep
 * backward in time then hands every seed inflow back to what funded it.
 *
 * Rules, each tested in up.test.ts:
 * - Seed money is every inflow into a seed, within the window, from a node that is not a seed, in
 *   the seed currency; the sender funded all of it (hop 1).
 * - An outflow at time T was funded by money that reached its sender before T (ledger order
 *   within a millisecond), attributed by the method (up-methods.ts). The part of an outflow
 *   beyond the sender's known balance came from outside the records: it starts at the sender.
 * - The trail back stops at seeds (their money is the seeds' own), at end points and stopAt nodes,
 *   and at hop maxHops: the money starts there. It also starts where the pool had it from before
 *   the window or from its opening balance.
 * - A transfer funding less than the threshold (setup.ts) is not followed back: dropped.
 * - Conversions: demand in the seed currency carries over unchanged; in the sender's currency it
 *   is native × amount / toAmount.
 * - Held (up) = what starts here. Conservation: Σ held + dropped = entered, short by rounding.
 */
import { newCarry } from './down-methods';
import { newFlows, type Flows } from './flows';
import type { Prepared } from './prepare';
import type { Setup } from './setup';
import { upMethod } from './up-methods';

export function traceUp(prep: Prepared, s: Setup, record = false): Flows {
  const H = s.hops;
  const f = newFlows(prep, s, record);
  const { flow, entry } = f;
  const poisoned = s.params.method === 'poisoned';
  const method = upMethod(s.params.method, prep, H, s.start, s.end);
  const { order, fromPool, toPool, amount, arrive, poolCur, poolNode } = prep;
  const { isSeed, stop, threshold, seedCur } = s;

  // Forward: balances, and what each method needs to look back.
  const balance = prep.opening.slice();
  for (let k = 0; k < s.end; k++) {
    const t = order[k] as number;
    const p = fromPool[t] as number;
    const q = toPool[t] as number;
    if (p === q) continue;
    const a = amount[t] as number;
    const b = balance[p] as number;
    const take = a < b ? a : b;
    balance[p] = b - take;
    balance[q] = (balance[q] as number) + (arrive[t] as number);
    method.forward(t, k, p, q, take, b, arrive[t] as number, balance[q] as number);
  }

  const starts = (pool: number, seed: number, native: number) => {
    const n = poolNode[pool] as number;
    f.heldS[n] = (f.heldS[n] as number) + seed;
    f.poolHeldN[pool] = (f.poolHeldN[pool] as number) + native;
  };
  const d = newCarry(H);
  const back = newCarry(H);
  const spill = new Float64Array(2);
  for (let k = s.end - 1; k >= s.start; k--) {
    const t = order[k] as number;
    const p = fromPool[t] as number;
    const q = toPool[t] as number;
    if (p === q) continue;
    const x = poolNode[p] as number;
    const y = poolNode[q] as number;
    const a = amount[t] as number;
    const m = arrive[t] as number;
    d.seed.fill(0);
    d.native.fill(0);
    const seedIn = isSeed[y] === 1 && isSeed[x] === 0 && poolCur[q] === seedCur;
    if (seedIn && H > 0) {
      d.seed[0] = m;
      d.native[0] = m;
    } else if (!seedIn) method.demand(t, q, m, d);
    let sum = 0;
    let nativeSum = 0;
    let lowest = H;
    for (let j = H - 1; j >= 0; j--) {
      if (!((d.seed[j] as number) > 0)) continue;
      sum += d.seed[j] as number;
      nativeSum += d.native[j] as number;
      lowest = j;
    }
    if (seedIn) {
      f.entered += m;
      if (entry) entry[t] = m;
      if (H === 0) {
        // maxHops 0: not even the payer is followed; the money starts at the seed.
        starts(q, m, m);
        continue;
      }
    }
    if (!(sum > 0)) continue;
    if (!seedIn) {
      f.passedS[y] = (f.passedS[y] as number) + sum;
      if (sum < threshold) {
        f.dropped += sum;
        f.droppedCount++;
        continue;
      }
    }
    const rate = a / m;
    f.trail++;
    if (flow) flow[t] = sum;
    f.amountS[x] = (f.amountS[x] as number) + sum;
    f.poolS[p] = (f.poolS[p] as number) + sum;
    f.poolN[p] = (f.poolN[p] as number) + nativeSum * rate;
    f.transfers[x] = (f.transfers[x] as number) + 1;
    if (lowest + 1 < (f.hops[x] as number)) f.hops[x] = lowest + 1;
    if (isSeed[x] || stop[x]) {
      starts(p, sum, nativeSum * rate);
      continue;
    }
    const known = poisoned ? 1 : method.taken(t, k) / a;
    if (known < 1) {
      f.overdrawn++;
      starts(p, sum * (1 - known), nativeSum * rate * (1 - known));
    }
    if (!(known > 0)) continue;
    // One level further back: the sender's pool at its hop; the last level starts here.
    back.seed.fill(0);
    back.native.fill(0);
    let any = false;
    for (let j = 0; j < H; j++) {
      const sd = (d.seed[j] as number) * known;
      const nv = (d.native[j] as number) * rate * known;
      if (!(sd > 0)) continue;
      if (j + 1 < H) {
        back.seed[j + 1] = sd;
        back.native[j + 1] = nv;
        any = true;
      } else {
        starts(p, sd, nv);
        f.atHopsS[x] = (f.atHopsS[x] as number) + sd;
      }
    }
    if (!any) continue;
    spill[0] = 0;
    spill[1] = 0;
    method.fund(t, k, p, back, spill);
    if ((spill[0] as number) > 0) starts(p, spill[0] as number, spill[1] as number);
  }
  method.rest(starts);

  if (poisoned) {
    // Nothing is used up in the reference view: what starts here is sent minus received back.
    for (let n = 0; n < prep.nodes; n++)
      f.heldS[n] = Math.max(0, (f.amountS[n] as number) - (f.passedS[n] as number));
    for (let q = 0; q < prep.pools; q++) {
      const n = poolNode[q] as number;
      f.poolHeldN[q] =
        (f.amountS[n] as number) > 0
          ? ((f.poolN[q] as number) * (f.heldS[n] as number)) / (f.amountS[n] as number)
          : 0;
    }
  }
  return f;
}
