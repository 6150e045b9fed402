import { describe, expect, it } from 'vitest';
import { trace } from './index';
import { byName, ledger, type TestLedger } from './test-support';
import type { TraceMethod, TraceParams } from './types';

const down = (l: TestLedger, method: TraceMethod, seeds: string[], extra: Partial<TraceParams> = {}) =>
  trace(l, { seeds: seeds.map((s) => l.n[s]!), direction: 'down', method, ...extra });

describe('end points', () => {
  // S → E (an exchange end point) 100, and E → W 100 afterwards; S → A 50, A → M (merchant) 50.
  const l = ledger(
    {
      U: {},
      S: {},
      E: { endPoint: 'exchange' },
      W: {},
      A: {},
      M: { kind: 'merchant', endPoint: 'merchant' },
    },
    [
      ['U', 'S', 1, 150],
      ['S', 'E', 2, 100],
      ['E', 'W', 3, 100],
      ['S', 'A', 4, 50],
      ['A', 'M', 5, 50],
    ],
  );
  it.each(['pro-rata', 'fifo', 'lifo', 'poisoned'] as const)('receive and never pass on (%s)', (method) => {
    const r = down(l, method, ['S']);
    // W is not reached: E keeps the 100 it received. M keeps its 50.
    expect(byName(l, r.reached)).toEqual({ S: [150, 0], E: [100, 100], A: [50, 0], M: [50, 50] });
    expect(r.reached.find((x) => x.node === l.n.E)!.endPoint).toBe('exchange');
    expect(r.reached.find((x) => x.node === l.n.M)!.endPoint).toBe('merchant');
    expect([r.heldMinor, r.endedMinor]).toEqual([0, 150]);
  });
  it('go on through a continueThrough node, and stop at a stopAt node', () => {
    const r = down(l, 'pro-rata', ['S'], { continueThrough: [l.n.E!], stopAt: [l.n.A!] });
    expect(byName(l, r.reached)).toEqual({ S: [150, 0], E: [100, 0], W: [100, 100], A: [50, 50] });
    expect(r.reached.find((x) => x.node === l.n.E)!.endPoint).toBeUndefined();
    expect(r.reached.find((x) => x.node === l.n.A)!.endPoint).toBe('stop');
    expect(r.params.continueThrough).toEqual([l.n.E]);
  });
  it('never stop a seed: it was asked to trace from', () => {
    const r = down(l, 'pro-rata', ['E']);
    // E's takings are the 100 from S (not a seed here); it passes them to W.
    expect(byName(l, r.reached)).toEqual({ E: [100, 0], W: [100, 100] });
  });
});

describe('maxHops', () => {
  // A chain S → A → B → C → D, 100 each, plus a shortcut S → C 50 and C → D 150 at the end.
  const l = ledger({ U: {}, S: {}, A: {}, B: {}, C: {}, D: {} }, [
    ['U', 'S', 1, 150],
    ['S', 'A', 2, 100],
    ['A', 'B', 3, 100],
    ['B', 'C', 4, 100],
    ['S', 'C', 5, 50],
    ['C', 'D', 6, 150],
  ]);
  it('stops money at the node where it makes maxHops transfers', () => {
    const r = down(l, 'pro-rata', ['S'], { maxHops: 2 });
    // B is at hop 2: receives 100, passes nothing. C gets only the shortcut's 50 (hop 1) and
    // passes it to D (hop 2); C's balance of 150 is 100 plain + 50 trail, all of it leaves.
    expect(byName(l, r.reached)).toEqual({
      S: [150, 0],
      A: [100, 0],
      B: [100, 100],
      C: [50, 0],
      D: [50, 50],
    });
    expect(r.atMaxHopsMinor).toBe(150);
    expect(r.reached.find((x) => x.node === l.n.B)!.atMaxHopsMinor).toBe(100);
  });
  it.each(['pro-rata', 'fifo', 'lifo'] as const)('limits the money, not the node (%s)', (method) => {
    const r = down(l, method, ['S'], { maxHops: 3 });
    // C is 1 hop from S, but the 100 from B has made 3 transfers: it stays at C. Only the 50
    // from S goes on to D, whichever end of C's pool is used (C sends all 150).
    expect(byName(l, r.reached)).toEqual({
      S: [150, 0],
      A: [100, 0],
      B: [100, 0],
      C: [150, 100],
      D: [50, 50],
    });
    expect(r.reached.find((x) => x.node === l.n.C)!.hops).toBe(1);
    expect(r.reached.find((x) => x.node === l.n.C)!.atMaxHopsMinor).toBe(100);
  });
  it('with 0 keeps everything at the seeds', () => {
    const r = down(l, 'fifo', ['S'], { maxHops: 0 });
    expect(byName(l, r.reached)).toEqual({ S: [150, 150] });
  });
});

describe('minAmountMinor', () => {
  it('does not follow transfers carrying less, and counts them as dropped', () => {
    const l = ledger({ U: {}, S: {}, A: {}, B: {} }, [
      ['U', 'S', 1, 1000],
      ['S', 'A', 2, 5],
      ['S', 'B', 3, 995],
    ]);
    const r = down(l, 'fifo', ['S'], { minAmountMinor: 10 });
    expect(byName(l, r.reached)).toEqual({ S: [1000, 0], B: [995, 995] });
    expect([r.droppedMinor, r.droppedTransfers, r.heldMinor]).toEqual([5, 1, 995]);
    expect(byName(l, down(l, 'fifo', ['S']).reached).A).toEqual([5, 5]);
  });
  it('never follows less than one minor unit, even by default', () => {
    // S holds 999,000 plain and receives 1,000: 500 out carries 500/1,000,000 × 1,000 = 0.5.
    const l = ledger({ U: {}, S: { hasStatement: true, openingMinor: { KZT: 999_000 } }, A: {} }, [
      ['U', 'S', 1, 1000],
      ['S', 'A', 2, 500],
    ]);
    const r = down(l, 'pro-rata', ['S']);
    expect(byName(l, r.reached)).toEqual({ S: [1000, 999] });
    expect([r.droppedMinor, r.droppedTransfers]).toEqual([0, 1]); // 0.5 rounds down
  });
});

describe('time window', () => {
  // S takes 100 before the window (t=1) and 100 inside it (t=10), then sends A 150 at t=20
  // and B 50 at t=30, after the window.
  const l = ledger({ U: {}, S: {}, A: {}, B: {} }, [
    ['U', 'S', 1, 100],
    ['U', 'S', 10, 100],
    ['S', 'A', 20, 150],
    ['S', 'B', 30, 50],
  ]);
  it.each([
    // pro-rata: S's 200 is half seed money; 150 out carries 75, 25 stays.
    ['pro-rata', 75],
    // FIFO: the plain 100 from before the window leaves first, then 50 of the seed money.
    ['fifo', 50],
    // LIFO: the seed money is newest: all 100 of it leaves.
    ['lifo', 100],
  ] as const)('counts only inflows inside it as seed money (%s)', (method, toA) => {
    const r = down(l, method, ['S'], { from: 5, to: 25 });
    expect(r.enteredMinor).toBe(100);
    // B is paid after the window: not followed; what S still holds stays there.
    expect(byName(l, r.reached)).toEqual({ S: [100, 100 - toA], A: [toA, toA] });
    expect(r.params).toMatchObject({ from: 5, to: 25, maxHops: 6, minAmountMinor: 0 });
  });
});

describe('seeds and parameters', () => {
  it('takes the currency most of the seed money came in, and lists the rest', () => {
    const l = ledger({ U: {}, S: {}, A: {} }, [
      ['U', 'S', 1, 100],
      ['U', 'S', 2, 300, { currency: 'USDT' }],
      ['S', 'A', 3, 200, { currency: 'USDT' }],
    ]);
    const r = down(l, 'pro-rata', ['S']);
    expect([r.currency, r.enteredMinor, r.otherCurrencyMinor]).toEqual(['USDT', 300, { KZT: 100 }]);
    expect(byName(l, r.reached)).toEqual({ S: [300, 100], A: [200, 200] });
  });
  it('does not count transfers between seeds as new seed money', () => {
    const l = ledger({ U: {}, S: {}, T: {}, A: {} }, [
      ['U', 'S', 1, 100],
      ['S', 'T', 2, 100],
      ['T', 'A', 3, 100],
    ]);
    const r = down(l, 'pro-rata', ['S', 'T']);
    expect(r.enteredMinor).toBe(100);
    expect(byName(l, r.reached)).toEqual({ S: [100, 0], T: [100, 0], A: [100, 100] });
  });
  it('puts a ledger that is out of time order back in order', () => {
    const l = ledger({ U: {}, S: {}, A: { hasStatement: true, openingMinor: { KZT: 40 } }, B: {} }, [
      ['U', 'S', 1, 100],
      ['S', 'A', 2, 60],
      ['A', 'B', 3, 50],
      ['S', 'B', 4, 10],
    ]);
    const reversed = { ...l, transfers: [...l.transfers].reverse().map((t, id) => ({ ...t, id })) };
    for (const method of ['pro-rata', 'fifo'] as const)
      expect(byName(l, down(reversed, method, ['S']).reached)).toEqual(
        byName(l, down(l, method, ['S']).reached),
      );
  });
  it('rejects what it cannot trace', () => {
    const l = ledger({ S: {} }, []);
    expect(() => down(l, 'fifo', [])).toThrow(/at least one seed/);
    expect(() => trace(l, { seeds: [7], direction: 'down', method: 'fifo' })).toThrow(/seed 7 is not a node/);
    expect(() => down(l, 'fifo', ['S'], { maxHops: -1 })).toThrow(/maxHops/);
    expect(() => down(l, 'fifo', ['S'], { from: 10, to: 5 })).toThrow(/window/);
    expect(byName(l, down(l, 'fifo', ['S']).reached)).toEqual({ S: [0, 0] });
  });
});
