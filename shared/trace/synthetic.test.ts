/**
 * Properties on seeded synthetic drug-shop ledgers (5,000 transfers): conservation, agreement
 * between methods, reach only along time-respecting paths (checked against a plain walk written
 * here, not the engine), determinism, and explanations that add up.
 */
import { describe, expect, it } from 'vitest';
import { syntheticLedger, type SyntheticLedger } from '../ledger/synthetic';
import { compareMethods, explain, trace } from './index';
import type { TraceDirection, TraceParams, TraceResult } from './types';

const SEEDS = [1, 2, 3, 4];
const HOURS = 3_600_000;

/**
 * Nodes money from the seeds could have reached in time order, with the fewest transfers: a
 * seed has money from its first inflow in the window (down) or its last (up); a node passes it
 * on by any later (down) or earlier (up) transfer, unless it is an end point or at maxHops.
 */
function reachable(l: SyntheticLedger, p: TraceParams, direction: TraceDirection): Map<number, number> {
  const seed = new Set(p.seeds);
  const stops = new Set(l.nodes.filter((n) => n.endPoint).map((n) => n.id));
  const hops = new Map<number, number>(p.seeds.map((s) => [s, 0]));
  const live = new Set<number>();
  const inWindow = l.transfers.filter((t) => t.at >= (p.from ?? -Infinity) && t.at <= (p.to ?? Infinity));
  const list = direction === 'down' ? inWindow : [...inWindow].reverse();
  for (const t of list) {
    const [near, far] = direction === 'down' ? [t.from, t.to] : [t.to, t.from];
    if (seed.has(t.to) && !seed.has(t.from)) live.add(t.to); // seed money enters here
    if (!live.has(near) || far === near) continue;
    const h = hops.get(near)!;
    if ((!seed.has(near) && stops.has(near)) || h >= (p.maxHops ?? 6)) continue;
    const next = seed.has(far) ? 0 : h + 1;
    if (!(hops.get(far)! <= next)) hops.set(far, next);
    live.add(far);
  }
  return hops;
}

function conserves(r: TraceResult): void {
  const sum = r.reached.reduce((s, x) => s + x.heldMinor, 0);
  expect(sum).toBe(r.heldMinor + r.endedMinor);
  expect(sum + r.droppedMinor).toBeLessThanOrEqual(r.enteredMinor);
  expect(sum + r.droppedMinor).toBeGreaterThanOrEqual(r.enteredMinor - r.reached.length - 1);
}

function withinReach(l: SyntheticLedger, r: TraceResult): void {
  const walk = reachable(l, r.params, r.params.direction);
  for (const x of r.reached) {
    expect(walk.has(x.node), `node ${x.node} reached off any time-respecting path`).toBe(true);
    expect(x.hops).toBeGreaterThanOrEqual(walk.get(x.node)!);
  }
}

describe.each(SEEDS)('synthetic ledger, seed %i', (seed) => {
  const l = syntheticLedger({ transfers: 5_000, seed });
  const days = (d: number) => l.transfers[0]!.at + d * 24 * HOURS;
  const cases: [string, Omit<TraceParams, 'method'>][] = [
    ['down from two drops', { seeds: l.roles.drops.slice(0, 2), direction: 'down' }],
    [
      'down from a collector, days 10–40',
      { seeds: [l.roles.collectors[0]!], direction: 'down', from: days(10), to: days(40) },
    ],
    [
      'down from all drops, 3 hops, min 10,000 ₸',
      { seeds: l.roles.drops, direction: 'down', maxHops: 3, minAmountMinor: 1_000_000 },
    ],
    ['up from the organizers', { seeds: l.roles.organizers, direction: 'up' }],
    [
      'up from a collector, days 5–30',
      { seeds: [l.roles.collectors[0]!], direction: 'up', from: days(5), to: days(30) },
    ],
  ];

  it.each(cases)('%s: conservation, reach, determinism', (_name, params) => {
    const all = compareMethods(l, params);
    for (const method of ['pro-rata', 'fifo', 'lifo'] as const) {
      expect(all[method].enteredMinor).toBeGreaterThan(0);
      conserves(all[method]);
    }
    for (const r of Object.values(all)) withinReach(l, r);
    if (params.direction === 'down' && !params.minAmountMinor) {
      // Every pool here is all seed money or none, so both methods touch the same places.
      const nodes = (r: TraceResult) => r.reached.map((x) => x.node).sort((a, b) => a - b);
      expect(nodes(all.fifo)).toEqual(nodes(all['pro-rata']));
    }
    expect(trace(l, { ...params, method: 'lifo' })).toEqual(all.lifo);
    expect(compareMethods(l, params)).toEqual(all);
  });

  it('explanations add up to the amounts', () => {
    for (const [, params] of [cases[0]!, cases[3]!]) {
      for (const method of ['pro-rata', 'fifo', 'poisoned'] as const) {
        const r = trace(l, { ...params, method });
        const sample = [...r.reached.slice(0, 4), ...r.reached.slice(-2)];
        for (const x of sample) {
          const paths = explain(l, r, x.node, { maxPaths: 20 });
          expect(paths.reduce((s, p) => s + p.amountMinor, 0)).toBe(x.amountMinor);
        }
      }
    }
  });
});

describe('explain lists the biggest paths first, exactly', () => {
  it.each([1, 2])('on a small ledger listed in full (seed %i)', (seed) => {
    const l = syntheticLedger({ transfers: 800, seed, days: 8 });
    for (const direction of ['down', 'up'] as const) {
      const seeds = direction === 'down' ? l.roles.drops.slice(0, 1) : l.roles.organizers;
      for (const method of ['pro-rata', 'fifo', 'lifo'] as const) {
        const r = trace(l, { seeds, direction, method });
        for (const x of r.reached.filter((y) => y.amountMinor > 0).slice(0, 6)) {
          const all = explain(l, r, x.node, { maxPaths: 100_000 });
          // Listed in full: only paths under a billionth of the amount each are left unlisted.
          const rest = all.find((p) => p.kind === 'remainder')?.amountMinor ?? 0;
          expect(rest).toBeLessThanOrEqual(Math.ceil(x.amountMinor * 1e-7));
          if (method !== 'pro-rata') expect(rest).toBe(0);
          expect(all.reduce((s, p) => s + p.amountMinor, 0)).toBe(x.amountMinor);
          // Descending up to the unit that rounding may move.
          const listed = all.filter((p) => p.kind !== 'remainder');
          for (let i = 1; i < listed.length; i++)
            expect(listed[i]!.amountMinor).toBeLessThanOrEqual(listed[i - 1]!.amountMinor + 1);
          const top = explain(l, r, x.node, { maxPaths: 3 });
          const route = (p: { hops: { transfer: number }[] }) => p.hops.map((h) => h.transfer);
          expect(top.filter((p) => p.kind !== 'remainder').map(route)).toEqual(all.slice(0, 3).map(route));
        }
      }
    }
  });
});
