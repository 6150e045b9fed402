import { describe, expect, it } from 'vitest';
import { syntheticLedger } from '../ledger/synthetic';
import { buildGraphIndex } from './build-index';
import { timeline } from './timeline';
import { DAY, dropLedger, T0 } from './test-ledger';

describe('timeline', () => {
  const ledger = syntheticLedger({ transfers: 10_000 });
  const index = buildGraphIndex(ledger);

  it('sums to exactly the transfers touching the selection, each counted once', () => {
    const selection = [ledger.roles.drops[0]!, ledger.roles.collectors[0]!, ledger.roles.exchange];
    const chosen = new Set(selection);
    const touching = ledger.transfers.filter((t) => chosen.has(t.from) || chosen.has(t.to));
    const line = timeline(index, selection, { buckets: 24 });
    expect(line.buckets).toHaveLength(24);
    expect(line.count).toBe(touching.length);
    expect(line.buckets.reduce((s, b) => s + b.count, 0)).toBe(touching.length);
    for (const currency of ['KZT', 'USDT']) {
      const expected = touching.filter((t) => t.currency === currency).reduce((s, t) => s + t.amountMinor, 0);
      expect(line.buckets.reduce((s, b) => s + (b.sent[currency] ?? 0), 0)).toBe(expected);
      expect(line.sent[currency] ?? 0).toBe(expected);
    }
  });

  it('puts each transfer in the bucket of its time', () => {
    const line = timeline(index, [ledger.roles.drops[1]!], { buckets: 10 });
    for (const b of line.buckets) {
      const inside = ledger.transfers.filter(
        (t) =>
          (t.from === ledger.roles.drops[1] || t.to === ledger.roles.drops[1]) &&
          t.at >= b.start &&
          t.at < b.end,
      );
      expect(b.count).toBe(inside.length);
    }
    expect(line.buckets[0]?.start).toBe(line.start);
    expect(line.buckets.at(-1)?.end).toBe(line.end);
  });

  it('follows the brush range and the filter', () => {
    const drop = buildGraphIndex(dropLedger(100));
    const line = timeline(drop, [0], {
      since: T0,
      until: T0 + 10 * DAY,
      buckets: 10,
      filter: { minAmountMinor: { KZT: 50_000_00 } },
    });
    expect(line.width).toBe(DAY);
    // The 50,000 ₸ payers (i % 5 = 4) all pay on days 4 and 9; every evening's forward is bigger.
    expect(line.buckets.map((b) => b.count)).toEqual([1, 1, 1, 1, 11, 1, 1, 1, 1, 11]);
  });

  it('is empty but well formed for a node without transfers', () => {
    const line = timeline(index, [], { buckets: 4 });
    expect(line.count).toBe(0);
    expect(line.buckets).toHaveLength(4);
  });
});
