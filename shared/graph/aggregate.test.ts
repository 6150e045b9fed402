import { describe, expect, it } from 'vitest';
import { syntheticLedger } from '../ledger/synthetic';
import { aggregateFlows, edgeTransfers } from './aggregate';
import { buildGraphIndex } from './build-index';
import { card, DAY, dropLedger, ledgerOf, T0 } from './test-ledger';

// 0 → 1 three times (two in KZT, one in USD), 1 → 2 once converting KZT to USDT, 0 → 3 a merchant.
const ledger = ledgerOf(
  [
    { key: card(1) },
    { key: card(2) },
    { key: 'exchange:Binance', kind: 'exchange-account' },
    { key: 'name:Shop', kind: 'merchant' },
  ],
  [
    { from: 0, to: 1, at: T0, amountMinor: 100_00, files: ['file-a'] },
    { from: 0, to: 1, at: T0 + DAY, amountMinor: 50_00, currency: 'USD', files: ['file-b'] },
    { from: 0, to: 1, at: T0 + 2 * DAY, amountMinor: 300_00, files: ['file-a', 'file-b'] },
    {
      from: 1,
      to: 2,
      at: T0 + 3 * DAY,
      amountMinor: 400_00,
      toCurrency: 'USDT',
      toAmountMinor: 800_000,
      files: ['file-b'],
    },
    { from: 0, to: 3, at: T0 + 4 * DAY, amountMinor: 7_00, files: ['file-c'] },
  ],
);
const index = buildGraphIndex(ledger);
const edge = (from: number, to: number, edges = aggregateFlows(index)) =>
  edges.find((e) => e.from === from && e.to === to);

describe('aggregateFlows', () => {
  it('makes one edge per pair with totals per currency, count, first and last', () => {
    const edges = aggregateFlows(ledger);
    expect(edges).toHaveLength(3);
    const e = edge(0, 1, edges);
    expect(e).toMatchObject({ count: 3, first: T0, last: T0 + 2 * DAY, sent: { KZT: 400_00, USD: 50_00 } });
    expect([...(e?.transfers ?? [])]).toEqual([0, 1, 2]);
  });

  it('keeps what left and what arrived apart for a conversion', () => {
    expect(edge(1, 2)).toMatchObject({ sent: { KZT: 400_00 }, received: { USDT: 800_000 } });
  });

  it('sums a synthetic ledger back to its transfers', () => {
    const big = syntheticLedger({ transfers: 5_000 });
    const edges = aggregateFlows(buildGraphIndex(big));
    expect(edges.reduce((s, e) => s + e.count, 0)).toBe(big.transfers.length);
    const kzt = big.transfers.filter((t) => t.currency === 'KZT').reduce((s, t) => s + t.amountMinor, 0);
    expect(edges.reduce((s, e) => s + (e.sent.KZT ?? 0), 0)).toBe(kzt);
    expect(new Set(edges.map((e) => `${e.from}>${e.to}`)).size).toBe(edges.length);
  });

  it('filters by time range (since inclusive, until exclusive)', () => {
    const edges = aggregateFlows(index, { since: T0 + DAY, until: T0 + 3 * DAY });
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ from: 0, to: 1, count: 2, first: T0 + DAY, last: T0 + 2 * DAY });
  });

  it('filters by minimum amount in each transfer’s own currency', () => {
    const e = edge(0, 1, aggregateFlows(index, { minAmountMinor: { KZT: 200_00 } }));
    // The 100 ₸ transfer goes; the 50 USD one stays, USD has no minimum.
    expect(e).toMatchObject({ count: 2, sent: { KZT: 300_00, USD: 50_00 } });
  });

  it('filters by node kinds on both ends', () => {
    const edges = aggregateFlows(index, { nodeKinds: ['account'] });
    expect(edges.map((e) => [e.from, e.to])).toEqual([[0, 1]]);
  });

  it('keeps a transfer when any of its evidence rows is from an allowed file', () => {
    const e = edge(0, 1, aggregateFlows(index, { sources: ['file-b'] }));
    expect(e).toMatchObject({ count: 2, sent: { KZT: 300_00, USD: 50_00 } });
    expect(aggregateFlows(index, { sources: ['file-c'] }).map((x) => x.to)).toEqual([3]);
  });

  it('limits to pairs touching chosen nodes', () => {
    expect(aggregateFlows(index, {}, { touching: [2] }).map((e) => e.pair)).toEqual([edge(1, 2)?.pair]);
  });
});

describe('edgeTransfers', () => {
  it('lists the rows behind an edge with their evidence, oldest first', () => {
    const e = edge(0, 1);
    const rows = edgeTransfers(index, [e?.pair ?? -1], { sources: ['file-b'] });
    expect(rows.map((t) => t.id)).toEqual([1, 2]);
    expect(rows[1]?.evidence.map((x) => x.sha256)).toEqual(['file-a', 'file-b']);
  });

  it('merges the pairs of a collection edge in time order', () => {
    const drop = buildGraphIndex(dropLedger(30));
    const pairs = aggregateFlows(drop, {}, { touching: [0] })
      .filter((e) => e.to === 0)
      .map((e) => e.pair);
    const rows = edgeTransfers(drop, pairs);
    expect(rows).toHaveLength(30);
    expect(rows.map((t) => t.at)).toEqual([...rows.map((t) => t.at)].sort((a, b) => a - b));
  });
});
