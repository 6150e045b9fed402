/**
 * Properties on many small random ledgers (seeded, so a failure names its case): conservation for
 * pro-rata, FIFO and LIFO in both directions, determinism, and where pro-rata and FIFO must reach
 * the same places.
 *
 * Pro-rata and FIFO do NOT reach the same places on every ledger, by their definitions: when a
 * node holds trail money mixed with other money, FIFO may pay a transfer entirely out of the
 * other money (the trail money queued behind it) while pro-rata gives every outgoing transfer a
 * share; and pro-rata drops a share that rounds below one minor unit (or below minAmountMinor)
 * where FIFO sends whole amounts. The `counterexample` test pins one such ledger. What holds is:
 * (1) both reach only nodes on a time-respecting path from a seed (checked in synthetic.test.ts
 * and here as a subset of a plain walk), and (2) when every pool is all trail money or none —
 * outside money enters only the seeds, and no node pays out more than it holds — the two methods
 * (and LIFO) reach the same nodes with the same amounts.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32';
import { compareMethods, trace } from './index';
import type { NodeSpec, TestLedger, TransferSpec } from './test-support';
import { ledger } from './test-support';
import type { TraceDirection, TraceParams, TraceResult } from './types';

const CASES = 150;
const END_POINTS = ['exchange', 'atm', 'merchant', 'cash'] as const;

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

interface RandomCase {
  l: TestLedger;
  params: Omit<TraceParams, 'method'>;
}

/** Any shape: mixed pools, overdrafts, end points, a second currency, same-millisecond transfers. */
function randomCase(seed: number): RandomCase {
  const rng = mulberry32(seed);
  const nodeCount = 3 + int(rng, 25);
  const nodes: Record<string, NodeSpec> = {};
  for (let i = 0; i < nodeCount; i++) {
    nodes[`n${i}`] = rng() < 0.15 ? { endPoint: END_POINTS[int(rng, END_POINTS.length)]! } : {};
  }
  const transfers: TransferSpec[] = [];
  let at = 1_700_000_000_000;
  const count = 5 + int(rng, 200);
  for (let i = 0; i < count; i++) {
    at += rng() < 0.2 ? 0 : 1 + int(rng, 3_600_000);
    const from = int(rng, nodeCount);
    let to = int(rng, nodeCount);
    if (to === from) to = (to + 1) % nodeCount;
    const amount = rng() < 0.2 ? 1 + int(rng, 100) : 1 + int(rng, 10_000_000);
    const extra = rng() < 0.05 ? { currency: 'USD' } : undefined;
    transfers.push(extra ? [`n${from}`, `n${to}`, at, amount, extra] : [`n${from}`, `n${to}`, at, amount]);
  }
  const l = ledger(nodes, transfers);
  return { l, params: randomParams(rng, l, nodeCount) };
}

function randomParams(rng: Rng, l: TestLedger, nodeCount: number): Omit<TraceParams, 'method'> {
  const seeds = Array.from({ length: 1 + int(rng, 3) }, () => int(rng, nodeCount));
  const first = l.transfers[0]?.at ?? 0;
  const last = l.transfers[l.transfers.length - 1]?.at ?? 0;
  const params: Omit<TraceParams, 'method'> = {
    seeds,
    direction: rng() < 0.5 ? 'down' : 'up',
    maxHops: 1 + int(rng, 8),
  };
  if (rng() < 0.3) params.minAmountMinor = int(rng, 50_000);
  if (rng() < 0.3) {
    params.from = first + int(rng, Math.max(1, last - first));
    params.to = params.from + int(rng, Math.max(1, last - params.from + 1));
  }
  return params;
}

/**
 * Pure pools: seeds n0..n{s-1} receive outside money from `src`; everyone else receives only from
 * nodes that hold trail money, and pays out at most what it holds. No end points, one currency.
 */
function pureCase(seed: number): RandomCase {
  const rng = mulberry32(seed);
  const nodeCount = 4 + int(rng, 20);
  const seedCount = 1 + int(rng, 2);
  const nodes: Record<string, NodeSpec> = { src: {} };
  for (let i = 0; i < nodeCount; i++) nodes[`n${i}`] = {};
  const held = new Array<number>(nodeCount).fill(0);
  const transfers: TransferSpec[] = [];
  let at = 1_700_000_000_000;
  const count = 5 + int(rng, 150);
  for (let i = 0; i < count; i++) {
    at += rng() < 0.2 ? 0 : 1 + int(rng, 3_600_000);
    const holders = held.map((h, k) => (h > 0 ? k : -1)).filter((k) => k >= 0);
    if (holders.length === 0 || rng() < 0.2) {
      const to = int(rng, seedCount);
      const amount = 1 + int(rng, 10_000_000);
      held[to]! += amount;
      transfers.push(['src', `n${to}`, at, amount]);
      continue;
    }
    const from = holders[int(rng, holders.length)]!;
    let to = seedCount + int(rng, nodeCount - seedCount);
    if (to === from) to = to + 1 < nodeCount ? to + 1 : seedCount;
    if (to === from) continue;
    const amount = 1 + int(rng, held[from]!);
    held[from]! -= amount;
    held[to]! += amount;
    transfers.push([`n${from}`, `n${to}`, at, amount]);
  }
  const l = ledger(nodes, transfers);
  const seeds = Array.from({ length: seedCount }, (_, k) => l.n[`n${k}`]!);
  // maxHops out of reach: money stopped at the hop limit would sit in a pool that keeps paying out.
  return { l, params: { seeds, direction: 'down', maxHops: 200 } };
}

function conserves(r: TraceResult, label: string): void {
  const sum = r.reached.reduce((s, x) => s + x.heldMinor, 0);
  expect(sum, label).toBe(r.heldMinor + r.endedMinor);
  expect(sum + r.droppedMinor, label).toBeLessThanOrEqual(r.enteredMinor);
  // amountMinor is not bounded by enteredMinor: money going round a cycle is received again.
  for (const x of r.reached) {
    expect(x.heldMinor, label).toBeGreaterThanOrEqual(0);
    expect(x.heldMinor, label).toBeLessThanOrEqual(x.amountMinor);
  }
}

/** Nodes reachable from the seeds by a time-ordered chain of transfers, ignoring amounts. */
function walk(l: TestLedger, p: TraceParams, direction: TraceDirection): Set<number> {
  const live = new Set<number>(p.seeds);
  const list = direction === 'down' ? l.transfers : [...l.transfers].reverse();
  for (const t of list) {
    if (t.at < (p.from ?? -Infinity) || t.at > (p.to ?? Infinity)) continue;
    const [near, far] = direction === 'down' ? [t.from, t.to] : [t.to, t.from];
    if (live.has(near)) live.add(far);
  }
  return live;
}

const placesOf = (r: TraceResult): [number, number][] =>
  r.reached.filter((x) => x.amountMinor > 0).map((x) => [x.node, x.amountMinor]);

describe('trace properties on random ledgers', () => {
  it(`conservation and reach for pro-rata, FIFO and LIFO, down and up (${CASES} ledgers)`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const { l, params } = randomCase(seed);
      for (const direction of ['down', 'up'] as const) {
        const all = compareMethods(l, { ...params, direction });
        for (const method of ['pro-rata', 'fifo', 'lifo'] as const) {
          const r = all[method];
          const label = `seed ${seed}, ${direction}, ${method}`;
          expect(r.conserves, label).toBe(true);
          conserves(r, label);
          const reach = walk(l, r.params, direction);
          for (const x of r.reached) expect(reach.has(x.node), `${label}: node ${x.node}`).toBe(true);
        }
      }
    }
  });

  it('is deterministic: the same ledger and parameters give the same result, also on a copy', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { l, params } = randomCase(seed);
      const copy: TestLedger = {
        ...structuredClone({ ...l, nodeByKey: undefined, files: undefined }),
        nodeByKey: new Map(l.nodeByKey),
        files: new Map(l.files),
      };
      for (const method of ['pro-rata', 'fifo', 'lifo', 'poisoned'] as const) {
        const once = trace(l, { ...params, method });
        expect(trace(l, { ...params, method }), `seed ${seed} ${method}`).toEqual(once);
        expect(trace(copy, { ...params, method }), `seed ${seed} ${method} on a copy`).toEqual(once);
      }
    }
  });

  it('pro-rata, FIFO and LIFO reach the same places with the same amounts when pools are pure', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { l, params } = pureCase(seed);
      const all = compareMethods(l, params);
      const label = `pure seed ${seed}`;
      expect(placesOf(all.fifo), label).toEqual(placesOf(all['pro-rata']));
      expect(placesOf(all.lifo), label).toEqual(placesOf(all['pro-rata']));
    }
  });

  it('counterexample: with a mixed pool FIFO and pro-rata reach different places', () => {
    // x gets 100 of outside money first, then 100 from the seed, and pays 100 to y: FIFO pays y
    // out of the outside money, pro-rata sends y half of the seed's share.
    const l = ledger({ src: {}, seed: {}, other: {}, x: {}, y: {} }, [
      ['src', 'seed', 1, 100],
      ['other', 'x', 2, 100],
      ['seed', 'x', 3, 100],
      ['x', 'y', 4, 100],
    ]);
    const params = { seeds: [l.n.seed!], direction: 'down' as const };
    const fifo = trace(l, { ...params, method: 'fifo' });
    const proRata = trace(l, { ...params, method: 'pro-rata' });
    const amountAt = (r: TraceResult, node: number) =>
      r.reached.find((x) => x.node === node)?.amountMinor ?? 0;
    expect(amountAt(fifo, l.n.y!)).toBe(0);
    expect(amountAt(proRata, l.n.y!)).toBe(50);
  });
});
