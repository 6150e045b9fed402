import { describe, expect, it } from 'vitest';
import { trace } from './index';
import { byName, ledger, type TestLedger } from './test-support';
import type { TraceMethod, TraceParams, TraceResult } from './types';

const up = (l: TestLedger, method: TraceMethod, seeds: string[], extra: Partial<TraceParams> = {}) =>
  trace(l, { seeds: seeds.map((s) => l.n[s]!), direction: 'up', method, ...extra });

/** Up, held is what starts at a node: with what was dropped it accounts for all seed money. */
function conserves(r: TraceResult): void {
  const sum = r.reached.reduce((s, x) => s + x.heldMinor, 0);
  expect(sum + r.droppedMinor).toBeLessThanOrEqual(r.enteredMinor);
  expect(sum + r.droppedMinor).toBeGreaterThanOrEqual(r.enteredMinor - r.reached.length - 1);
}

describe('where the money came from, per method', () => {
  // The downstream case read backwards: C (the seed) got 50 from A at t=5 and 40 from B at t=6.
  // A had 40 from its opening balance and 60 from S (t=3); B had 40 from S (t=4); S had 100 and
  // 50 from U (t=1, t=2). U has no statement: what it paid started with it.
  const l = ledger(
    { U: {}, S: { hasStatement: true }, A: { hasStatement: true, openingMinor: { KZT: 40 } }, B: {}, C: {} },
    [
      ['U', 'S', 1, 100],
      ['U', 'S', 2, 50],
      ['S', 'A', 3, 60],
      ['S', 'B', 4, 40],
      ['A', 'C', 5, 50],
      ['B', 'C', 6, 40],
    ],
  );
  it.each([
    // pro-rata: A's 50 is 40% opening (20 starts at A) and 60% from S (30); S: 30 + 40 = 70,
    // all from U.
    ['pro-rata', [50, 20], [70, 0], [70, 70]],
    // FIFO: A's 50 = its opening 40 (starts at A) + 10 from S; S: 10 + 40 = 50.
    ['fifo', [50, 40], [50, 0], [50, 50]],
    // LIFO: A's 50 is the newest lot, S's 60; S: 50 + 40 = 90.
    ['lifo', [50, 0], [90, 0], [90, 90]],
  ] as const)('%s', (method, a, s, u) => {
    const r = up(l, method, ['C']);
    expect([r.enteredMinor, r.currency]).toEqual([90, 'KZT']);
    expect(byName(l, r.reached)).toEqual({ C: [0, 0], A: a, B: [40, 0], S: s, U: u });
    const hops = Object.fromEntries(r.reached.map((x) => [x.node, x.hops]));
    expect([hops[l.n.C!], hops[l.n.A!], hops[l.n.S!], hops[l.n.U!]]).toEqual([0, 1, 2, 3]);
    conserves(r);
  });
  it('poisoned: every earlier inflow of a funding place counts in full', () => {
    const r = up(l, 'poisoned', ['C']);
    // A and B funded C; all of S → A (60) and S → B (40) count; then all of U → S (150).
    expect(byName(l, r.reached)).toMatchObject({ A: [50, 0], B: [40, 0], S: [100, 0], U: [150, 150] });
    expect(r.conserves).toBe(false);
  });
});

describe('upstream rules', () => {
  it('only looks at money that arrived before the outflow', () => {
    // A pays the seed T 80 at t=3: funded by B's 100 (t=2), never by C's 100 (t=4).
    const l = ledger({ B: {}, C: {}, A: { hasStatement: true }, T: {} }, [
      ['B', 'A', 2, 100],
      ['A', 'T', 3, 80],
      ['C', 'A', 4, 100],
    ]);
    for (const method of ['pro-rata', 'fifo', 'lifo'] as const)
      expect(byName(l, up(l, method, ['T']).reached)).toEqual({ T: [0, 0], A: [80, 0], B: [80, 80] });
    // The reference view counts B's whole 100 — but still not C's.
    expect(byName(l, up(l, 'poisoned', ['T']).reached)).toEqual({ T: [0, 0], A: [80, 0], B: [100, 100] });
  });
  it('lets the part beyond the known balance start at the sender', () => {
    // A has no statement: it got 100 from B, yet paid the seed 250. 150 started with A.
    const l = ledger({ B: {}, A: {}, T: {} }, [
      ['B', 'A', 2, 100],
      ['A', 'T', 3, 250],
    ]);
    const r = up(l, 'fifo', ['T']);
    expect(byName(l, r.reached)).toEqual({ T: [0, 0], A: [250, 150], B: [100, 100] });
    expect(r.overdrawnTransfers).toBe(2); // A → T, and B → A (B shows no money at all)
    conserves(r);
  });
  it('converts back at each order rate', () => {
    // Wallet W (seed) got 15 USDT from exchange account X, which bought 10 USDT with 5,000 ₸
    // from C1 (500/USDT) and 10 USDT with 5,100 ₸ from C2 (510/USDT).
    const l = ledger({ C1: {}, C2: {}, X: {}, W: {} }, [
      ['C1', 'X', 2, 500_000, { toAmountMinor: 1_000, toCurrency: 'USDT' }],
      ['C2', 'X', 3, 510_000, { toAmountMinor: 1_000, toCurrency: 'USDT' }],
      ['X', 'W', 4, 1_500, { currency: 'USDT' }],
    ]);
    const native = (r: TraceResult, n: string) => {
      const x = r.reached.find((y) => y.node === l.n[n])!;
      return [x.amountMinor, x.nativeMinor, x.nativeCurrency];
    };
    // pro-rata: 7.50 USDT from each order: C1 paid 3,750 ₸ of it, C2 3,825 ₸.
    const p = up(l, 'pro-rata', ['W']);
    expect([p.currency, p.enteredMinor]).toEqual(['USDT', 1_500]);
    expect([native(p, 'C1'), native(p, 'C2')]).toEqual([
      [750, 375_000, 'KZT'],
      [750, 382_500, 'KZT'],
    ]);
    // FIFO: all of C1's 10 USDT (5,000 ₸) and 5 of C2's (2,550 ₸).
    const f = up(l, 'fifo', ['W']);
    expect([native(f, 'C1'), native(f, 'C2')]).toEqual([
      [1_000, 500_000, 'KZT'],
      [500, 255_000, 'KZT'],
    ]);
    // LIFO: all of C2's (5,100 ₸) and 5 of C1's (2,500 ₸).
    const li = up(l, 'lifo', ['W']);
    expect([native(li, 'C1'), native(li, 'C2')]).toEqual([
      [500, 250_000, 'KZT'],
      [1_000, 510_000, 'KZT'],
    ]);
  });
  it('stops at end points, stopAt nodes and the seeds themselves', () => {
    // Cash paid in at an ATM (end point) reaches A, which pays the seed T; T also paid K, and K
    // paid T back.
    const l = ledger({ ATM: { kind: 'cash', endPoint: 'atm' }, A: {}, K: {}, T: {} }, [
      ['ATM', 'A', 1, 100],
      ['A', 'T', 2, 100],
      ['T', 'K', 3, 60],
      ['K', 'T', 4, 60],
    ]);
    const r = up(l, 'pro-rata', ['T']);
    // T's 160 in: 100 from A (from the ATM), 60 from K — which was T's own money.
    expect(byName(l, r.reached)).toEqual({ T: [60, 60], A: [100, 0], ATM: [100, 100], K: [60, 0] });
    expect(r.reached.find((x) => x.node === l.n.ATM)!.endPoint).toBe('atm');
    const stopped = up(l, 'pro-rata', ['T'], { stopAt: [l.n.A!] });
    expect(byName(l, stopped.reached)).toEqual({ T: [60, 60], A: [100, 100], K: [60, 0] });
  });
  it('follows at most maxHops transfers back', () => {
    // Z → A → B → T (seed), 100 each.
    const l = ledger({ Z: {}, A: {}, B: {}, T: {} }, [
      ['Z', 'A', 1, 100],
      ['A', 'B', 2, 100],
      ['B', 'T', 3, 100],
    ]);
    const r = up(l, 'lifo', ['T'], { maxHops: 2 });
    expect(byName(l, r.reached)).toEqual({ T: [0, 0], B: [100, 0], A: [100, 100] });
    expect([r.atMaxHopsMinor, r.reached.find((x) => x.node === l.n.A)!.atMaxHopsMinor]).toEqual([100, 100]);
    expect(byName(l, up(l, 'lifo', ['T'], { maxHops: 0 }).reached)).toEqual({ T: [0, 100] });
  });
  it('applies the window to seed money and to what it follows back', () => {
    // T got 100 from A at t=2 (before the window) and 100 at t=20. A had 300 from Z at t=1
    // (before the window) and 100 from Y at t=10.
    const l = ledger({ Z: {}, Y: {}, A: { hasStatement: true }, T: {} }, [
      ['Z', 'A', 1, 300],
      ['A', 'T', 2, 100],
      ['Y', 'A', 10, 100],
      ['A', 'T', 20, 100],
    ]);
    const r = up(l, 'pro-rata', ['T'], { from: 5 });
    expect(r.enteredMinor).toBe(100);
    // At t=20 A holds 200 from Z and 100 from Y: 2/3 of the 100 is money A had before the window.
    expect(byName(l, r.reached)).toEqual({ T: [0, 0], A: [100, 66], Y: [33, 33] });
    conserves(r);
  });
  it('drops transfers that fund less than minAmountMinor', () => {
    // T got 95 from A and 5 from B.
    const l = ledger({ A: {}, B: {}, T: {} }, [
      ['A', 'T', 1, 95],
      ['B', 'T', 2, 5],
    ]);
    // A seed inflow is always followed: it is the seed money itself.
    expect(byName(l, up(l, 'fifo', ['T'], { minAmountMinor: 10 }).reached)).toEqual({
      T: [0, 0],
      A: [95, 95],
      B: [5, 5],
    });
    const l2 = ledger({ X: {}, Y: {}, A: { hasStatement: true }, T: {} }, [
      ['X', 'A', 1, 95],
      ['Y', 'A', 2, 5],
      ['A', 'T', 3, 100],
    ]);
    const r = up(l2, 'pro-rata', ['T'], { minAmountMinor: 10 });
    expect(byName(l2, r.reached)).toEqual({ T: [0, 0], A: [100, 0], X: [95, 95] });
    expect([r.droppedMinor, r.droppedTransfers]).toEqual([5, 1]);
  });
});
