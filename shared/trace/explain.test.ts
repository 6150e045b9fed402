import { describe, expect, it } from 'vitest';
import { explain, trace } from './index';
import { apportion } from './explain';
import { ledger } from './test-support';
import { TRACE_METHODS, type TracePath, type TraceResult } from './types';

const sum = (paths: TracePath[]) => paths.reduce((s, p) => s + p.amountMinor, 0);
const route = (p: TracePath) => p.hops.map((h) => h.transfer);

// U pays seed S 100 and 50; S → A 60, S → B 40; A (opening 40) → C 50; B → C 40; C → D 90.
const l = ledger(
  { U: {}, S: {}, A: { hasStatement: true, openingMinor: { KZT: 40 } }, B: {}, C: {}, D: {} },
  [
    ['U', 'S', 1, 100],
    ['U', 'S', 2, 50],
    ['S', 'A', 3, 60, { via: [{ link: 0 }] }],
    ['S', 'B', 4, 40],
    ['A', 'C', 5, 50],
    ['B', 'C', 6, 40],
    ['C', 'D', 7, 90],
  ],
);

function everyNodeAddsUp(r: TraceResult): void {
  for (const x of r.reached) {
    const paths = explain(l, r, x.node);
    expect(sum(paths), `node ${x.node}`).toBe(x.amountMinor);
    for (const p of paths) for (const h of p.hops) expect(h.evidence.length).toBeGreaterThan(0);
  }
}

describe('explain', () => {
  it.each(TRACE_METHODS)('adds up to every reached amount (%s, down and up)', (method) => {
    everyNodeAddsUp(trace(l, { seeds: [l.n.S!], direction: 'down', method }));
    everyNodeAddsUp(trace(l, { seeds: [l.n.D!], direction: 'up', method }));
  });

  it('lists pro-rata paths biggest first, hop by hop, with evidence and links', () => {
    const r = trace(l, { seeds: [l.n.S!], direction: 'down', method: 'pro-rata' });
    // D got all of C's 70: 40 via B (S → B → C → D) and 30 via A (S → A → C → D).
    const paths = explain(l, r, l.n.D!);
    expect(paths.map((p) => [p.kind, p.amountMinor, route(p)])).toEqual([
      ['trail', 40, [3, 5, 6]],
      ['trail', 30, [2, 4, 6]],
    ]);
    const first = paths[1]!.hops[0]!;
    expect(first).toMatchObject({
      transfer: 2,
      from: l.n.S,
      to: l.n.A,
      at: 3,
      amountMinor: 30,
      currency: 'KZT',
    });
    expect(first.evidence).toEqual([{ sha256: 'test', sheet: 'Sheet1', row: 4 }]);
    expect(first.via).toEqual([{ link: 0 }]);
    // The seed's own money: the payments that brought it in.
    expect(explain(l, r, l.n.S!).map((p) => [p.kind, p.amountMinor, route(p)])).toEqual([
      ['entry', 100, [0]],
      ['entry', 50, [1]],
    ]);
  });

  it('goes from the node to the seeds upstream', () => {
    const r = trace(l, { seeds: [l.n.D!], direction: 'up', method: 'fifo' });
    // FIFO: C's 90 to D = A's 50 + B's 40; A's 50 = opening 40 + 10 of S's 60. U paid S first.
    const paths = explain(l, r, l.n.U!);
    expect(paths.map((p) => [p.amountMinor, route(p)])).toEqual([
      [40, [0, 3, 5, 6]],
      [10, [0, 2, 4, 6]],
    ]);
    expect(sum(paths)).toBe(r.reached.find((x) => x.node === l.n.U)!.amountMinor);
  });

  it('sums the paths beyond maxPaths in one remainder', () => {
    const r = trace(l, { seeds: [l.n.D!], direction: 'up', method: 'pro-rata' });
    const u = r.reached.find((x) => x.node === l.n.U)!;
    const all = explain(l, r, l.n.U!);
    expect(all.length).toBe(4); // 2 payments into S × 2 branches
    const capped = explain(l, r, l.n.U!, { maxPaths: 1 });
    expect(capped.map((p) => p.kind)).toEqual(['trail', 'remainder']);
    expect(capped[0]).toEqual(all[0]);
    expect(sum(capped)).toBe(u.amountMinor);
    expect(explain(l, r, l.n.U!, { maxPaths: 0 })).toEqual([
      { amountMinor: u.amountMinor, kind: 'remainder', hops: [] },
    ]);
  });

  it('shows each hop in the money it moved in, across a conversion', () => {
    const c = ledger({ U: {}, S: {}, X: {}, W: {} }, [
      ['U', 'S', 1, 1_000_000],
      ['S', 'X', 2, 600_000, { toAmountMinor: 1_200, toCurrency: 'USDT' }],
      ['X', 'W', 3, 600, { currency: 'USDT' }],
    ]);
    const r = trace(c, { seeds: [c.n.S!], direction: 'down', method: 'pro-rata' });
    const [path] = explain(c, r, c.n.W!);
    // Half the order: 3,000 ₸ left S as 300,000 tiyn, became 6.00 USDT, left X as 600 cents.
    expect(
      path!.hops.map((h) => [h.amountMinor, h.nativeMinor, h.currency, h.toNativeMinor, h.toCurrency]),
    ).toEqual([
      [300_000, 300_000, 'KZT', 600, 'USDT'],
      [300_000, 600, 'USDT', undefined, undefined],
    ]);
  });

  it('recomputes for a result that travelled (structured clone), and is empty off the trail', () => {
    const r = trace(l, { seeds: [l.n.S!], direction: 'down', method: 'lifo' });
    const copy = structuredClone(r);
    expect(explain(l, copy, l.n.D!)).toEqual(explain(l, r, l.n.D!));
    expect(explain(l, r, l.n.U!)).toEqual([]);
  });

  it('poisoned: one path per trail transfer, each hop at its own full amount', () => {
    const r = trace(l, { seeds: [l.n.S!], direction: 'down', method: 'poisoned' });
    const paths = explain(l, r, l.n.C!);
    // C got all of A's 50 and B's 40; each led back to S by the first contact.
    expect(paths.map((p) => [p.amountMinor, route(p), p.hops.map((h) => h.amountMinor)])).toEqual([
      [50, [2, 4], [60, 50]],
      [40, [3, 5], [40, 40]],
    ]);
  });
});

describe('apportion', () => {
  it('rounds to whole units that add up to the total, largest fractions first', () => {
    expect(apportion([26.667, 13.333, 20, 10], 70)).toEqual([27, 13, 20, 10]);
    expect(apportion([0.5, 0.5, 0.5], 2)).toEqual([1, 1, 0]);
    expect(apportion([10.2, 5], 14)).toEqual([10, 4]);
  });
});
