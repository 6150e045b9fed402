import { describe, expect, it } from 'vitest';
import { trace } from './index';
import { byName, ledger, type TestLedger } from './test-support';
import type { TraceMethod, TraceParams, TraceResult } from './types';

const down = (l: TestLedger, method: TraceMethod, seeds: string[], extra: Partial<TraceParams> = {}) =>
  trace(l, { seeds: seeds.map((s) => l.n[s]!), direction: 'down', method, ...extra });

/** Conservation as the results state it: what is held, ended and dropped never exceeds the seed money. */
function conserves(r: TraceResult): void {
  const sum = r.reached.reduce((s, x) => s + x.heldMinor, 0);
  expect(sum).toBe(r.heldMinor + r.endedMinor);
  expect(sum + r.droppedMinor).toBeLessThanOrEqual(r.enteredMinor);
  expect(sum + r.droppedMinor).toBeGreaterThanOrEqual(r.enteredMinor - r.reached.length - 1);
}

describe('splits and merges, per method', () => {
  // U pays the seed S 100 and 50. S splits: 60 to A, 40 to B. A (statement, opening 40) sends
  // 50 to C; B sends its 40 to C, where both branches merge.
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
    // pro-rata: A holds 40 plain + 60 trail; 50 out takes half of each: 30 trail to C, 30 stay.
    ['pro-rata', 30, 70],
    // FIFO: the opening 40 is oldest, so 50 out = 40 plain + 10 trail; A keeps 50 trail.
    ['fifo', 50, 50],
    // LIFO: the 60 from S is newest, so 50 out is all trail; A keeps 10.
    ['lifo', 10, 90],
    // poisoned: A has touched trail money, so all 50 counts; A keeps 60 − 50 = 10.
    ['poisoned', 10, 90],
  ] as const)('%s', (method, heldAtA, atC) => {
    const r = down(l, method, ['S']);
    expect(r.enteredMinor).toBe(150);
    expect(r.currency).toBe('KZT');
    // S: 150 in, 60 + 40 out, 50 held. B passes its 40 on whole.
    expect(byName(l, r.reached)).toEqual({ S: [150, 50], A: [60, heldAtA], B: [40, 0], C: [atC, atC] });
    expect(r.reached.map((x) => [x.node, x.hops])).toContainEqual([l.n.C, 2]);
    if (method !== 'poisoned') conserves(r);
    expect(r.conserves).toBe(method !== 'poisoned');
  });
  it('says the poisoned view does not add up', () => {
    const r = down(l, 'poisoned', ['S']);
    expect(r.note).toMatch(/reference view/);
    expect(down(l, 'fifo', ['S']).note).toBeUndefined();
  });
});

describe('cycles', () => {
  it('follows money round A → B → A without creating any', () => {
    // S gets 100, sends it to A; A → B 100; B → A 60; A → C 80. A's known balance is only the
    // 60 back from B, so 80 out carries 60 trail money (the other 20 is outside money).
    const l = ledger({ U: {}, S: {}, A: {}, B: {}, C: {} }, [
      ['U', 'S', 1, 100],
      ['S', 'A', 2, 100],
      ['A', 'B', 3, 100],
      ['B', 'A', 4, 60],
      ['A', 'C', 5, 80],
    ]);
    for (const method of ['pro-rata', 'fifo', 'lifo'] as const) {
      const r = down(l, method, ['S']);
      // A: received 100 + 60, passed 100 + 60: holds 0. B keeps 40, C 60: 40 + 60 = 100.
      expect(byName(l, r.reached)).toEqual({ S: [100, 0], A: [160, 0], B: [100, 40], C: [60, 60] });
      const hops = Object.fromEntries(r.reached.map((x) => [x.node, x.hops]));
      // C's money made S→A→B→A→C: 4 transfers. A is 1 from the seed.
      expect([hops[l.n.A!], hops[l.n.B!], hops[l.n.C!]]).toEqual([1, 2, 4]);
      expect(r.overdrawnTransfers).toBe(1);
      conserves(r);
    }
  });
  it('counts money that comes back to a seed once, and from the seed again (hop 0)', () => {
    // S → A 100, A → S 100 (back), S → B 100. The return is not new seed money.
    const l = ledger({ U: {}, S: {}, A: {}, B: {} }, [
      ['U', 'S', 1, 100],
      ['S', 'A', 2, 100],
      ['A', 'S', 3, 100],
      ['S', 'B', 4, 100],
    ]);
    // maxHops 2: the return S → A → S is 2 transfers, so it is still trail money; back at S it
    // starts again, so B (S → B) is at hop 1, not 3, and still reached.
    const r = down(l, 'pro-rata', ['S'], { maxHops: 2 });
    expect(r.enteredMinor).toBe(100);
    // S received 100 (takings) + 100 (back).
    expect(byName(l, r.reached)).toEqual({ S: [200, 0], A: [100, 0], B: [100, 100] });
    expect(r.reached.find((x) => x.node === l.n.B)!.hops).toBe(1);
    conserves(r);
    // maxHops 1: the trail stops at A, so what A pays S is not trail money but new takings.
    const short = down(l, 'pro-rata', ['S'], { maxHops: 1 });
    expect(short.enteredMinor).toBe(200);
    expect(byName(l, short.reached)).toEqual({ S: [200, 0], A: [100, 100], B: [100, 100] });
    expect(short.atMaxHopsMinor).toBe(200); // A's 100 and B's 100 stopped only by maxHops
  });
});

describe('time order', () => {
  it('never carries money that arrived after it left', () => {
    // A (no statement) pays B 70 at t=2, before S's 100 reaches A at t=3; then A pays C 50.
    const l = ledger({ U: {}, S: {}, A: {}, B: {}, C: {} }, [
      ['U', 'S', 1, 100],
      ['A', 'B', 2, 70],
      ['S', 'A', 3, 100],
      ['A', 'C', 4, 50],
    ]);
    for (const method of ['pro-rata', 'fifo', 'lifo', 'poisoned'] as const) {
      const r = down(l, method, ['S']);
      expect(byName(l, r.reached)).toEqual({ S: [100, 0], A: [100, 50], C: [50, 50] });
    }
  });
  it('orders one millisecond by ledger order', () => {
    // All at t=5: A → B first (A holds nothing yet), then S → A, then A → C.
    const l = ledger({ U: {}, S: {}, A: {}, B: {}, C: {} }, [
      ['U', 'S', 1, 100],
      ['A', 'B', 5, 30],
      ['S', 'A', 5, 100],
      ['A', 'C', 5, 40],
    ]);
    const r = down(l, 'fifo', ['S']);
    expect(byName(l, r.reached)).toEqual({ S: [100, 0], A: [100, 60], C: [40, 40] });
  });
});

describe('conversions', () => {
  // S's tenge (minor: tiyn) buys USDT (minor: cents) on the exchange account X, then X → W.
  it('converts at the order rate and keeps the tenge value (pro-rata)', () => {
    const l = ledger({ U: {}, S: {}, X: { kind: 'exchange-account' }, W: { kind: 'wallet' } }, [
      ['U', 'S', 1, 1_000_000],
      ['S', 'X', 2, 600_000, { toAmountMinor: 1_200, toCurrency: 'USDT', channel: 'p2p' }],
      ['X', 'W', 3, 600, { currency: 'USDT', channel: 'chain' }],
    ]);
    const r = down(l, 'pro-rata', ['S']);
    const x = r.reached.find((n) => n.node === l.n.X)!;
    const w = r.reached.find((n) => n.node === l.n.W)!;
    // 6,000 ₸ at 500 ₸/USDT = 12.00 USDT at X; half of it (6.00 USDT = 3,000 ₸) goes on to W.
    expect([x.amountMinor, x.nativeMinor, x.nativeCurrency, x.heldMinor, x.nativeHeldMinor]).toEqual([
      600_000,
      1_200,
      'USDT',
      300_000,
      600,
    ]);
    expect([w.amountMinor, w.nativeMinor, w.nativeCurrency]).toEqual([300_000, 600, 'USDT']);
    expect(r.currency).toBe('KZT');
  });
  it.each([
    // Two orders: 5,000 ₸ → 10 USDT (500/USDT), then 5,100 ₸ → 10 USDT (510/USDT); X sends 15 USDT.
    // pro-rata: 15/20 of 10,100 ₸ = 7,575 ₸. FIFO: all of the first + half the second =
    // 5,000 + 2,550 = 7,550 ₸. LIFO: all of the second + half the first = 5,100 + 2,500 = 7,600 ₸.
    ['pro-rata', 757_500],
    ['fifo', 755_000],
    ['lifo', 760_000],
  ] as const)('values each lot at its own order rate (%s)', (method, atW) => {
    const l = ledger({ U: {}, S: {}, X: {}, W: {} }, [
      ['U', 'S', 1, 2_000_000],
      ['S', 'X', 2, 500_000, { toAmountMinor: 1_000, toCurrency: 'USDT' }],
      ['S', 'X', 3, 510_000, { toAmountMinor: 1_000, toCurrency: 'USDT' }],
      ['X', 'W', 4, 1_500, { currency: 'USDT' }],
    ]);
    const r = down(l, method, ['S']);
    expect(byName(l, r.reached)).toEqual({
      S: [2_000_000, 990_000],
      X: [1_010_000, 1_010_000 - atW],
      W: [atW, atW],
    });
    conserves(r);
  });
});

describe('unknown balances', () => {
  it('never passes on more trail money than arrived', () => {
    // A has no statement: we see 100 arrive and 250 leave; 150 came from somewhere unseen.
    const l = ledger({ U: {}, S: {}, A: {}, B: {} }, [
      ['U', 'S', 1, 100],
      ['S', 'A', 2, 100],
      ['A', 'B', 3, 250],
    ]);
    for (const method of ['pro-rata', 'fifo', 'lifo'] as const) {
      const r = down(l, method, ['S']);
      expect(byName(l, r.reached)).toEqual({ S: [100, 0], A: [100, 0], B: [100, 100] });
      expect(r.overdrawnTransfers).toBe(1);
    }
    // The reference view counts the whole 250.
    expect(byName(l, down(l, 'poisoned', ['S']).reached).B).toEqual([250, 250]);
  });
});
