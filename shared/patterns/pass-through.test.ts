import { describe, expect, it } from 'vitest';
import type { Ledger } from '../ledger/types';
import { detectPatterns } from './index';
import { HOUR, kzt, LedgerBuilder, MINUTE, T0 } from './test-support';

const chains = (ledger: Ledger, thresholds = {}) =>
  detectPatterns(ledger, thresholds, { kinds: ['pass-through'] });

/** A → B → C → D: a million, passed on within minutes, a little kept at each step. */
function relay(gaps = [7, 8]) {
  const b = new LedgerBuilder();
  const [a, relay1, relay2, end] = [b.card({ holder: 'A' }), b.card({ holder: 'B' }), b.card(), b.card()];
  // B and C have money of their own: it stays put and does not hide the relay.
  b.pay(b.card(), relay1, T0 - 48 * HOUR, kzt(300_000));
  b.pay(b.card(), relay2, T0 - 48 * HOUR, kzt(150_000));
  b.pay(a, relay1, T0, kzt(1_000_000));
  b.pay(relay1, relay2, T0 + (gaps[0] ?? 0) * MINUTE, kzt(990_000));
  b.pay(relay2, end, T0 + ((gaps[0] ?? 0) + (gaps[1] ?? 0)) * MINUTE, kzt(985_000));
  return { ledger: b.build(), a, relay1, relay2, end };
}

describe('pass-through', () => {
  it('reports a rapid chain once, at its first relay, with the amounts and times', () => {
    const { ledger, a, relay1, relay2, end } = relay();
    const [finding, ...rest] = chains(ledger);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'pass-through',
      code: 'pass-through.rapid-chain',
      nodes: [relay1, a, relay2, end],
      params: {
        currency: 'KZT',
        payments: 1,
        receivedMinor: kzt(1_000_000),
        passedMinor: kzt(990_000),
        passedShare: 0.99,
        medianMinutes: 7,
        longestHops: 3,
        longestChainMinutes: 15,
        chainAmounts: '1 000 000 ₸ → 990 000 ₸ → 985 000 ₸',
        transfers: 3,
      },
      thresholds: { passThroughMaxMinutes: 60, passThroughShare: 0.9, passThroughMinHops: 2 },
    });
    expect(finding?.detail).toBe(
      '4400 0000 0000 0002 (B) received 1 payment (1 000 000 ₸) and passed 99% on within 60 min (median 7 min); ' +
        'longest chain 3 hops in 15 min: 4400 0000 0000 0001 (A) → 4400 0000 0000 0002 (B) → 4400 0000 0000 0003 → ' +
        '4400 0000 0000 0004 (1 000 000 ₸ → 990 000 ₸ → 985 000 ₸)',
    );
    // The chain's three payments, in chain order.
    expect(finding?.evidence.map((e) => e.row)).toEqual([4, 5, 6]);
  });

  it('stops where the money waited longer than the window', () => {
    const { ledger } = relay([7, 180]);
    const [finding] = chains(ledger);
    expect(finding?.params.longestHops).toBe(2);
    expect(chains(ledger, { passThroughMinHops: 3 })).toEqual([]);
    expect(chains(ledger, { passThroughMaxMinutes: 240 })[0]?.params.longestHops).toBe(3);
  });

  it('is no chain when the money stayed for hours', () => {
    const { ledger } = relay([180, 180]);
    expect(chains(ledger)).toEqual([]);
    expect(chains(ledger, { passThroughMaxMinutes: 200 })).toHaveLength(1);
  });

  it('needs most of the payment passed on', () => {
    const b = new LedgerBuilder();
    const [a, mid, c] = [b.card(), b.card(), b.card()];
    b.pay(a, mid, T0, kzt(1_000_000));
    b.pay(mid, c, T0 + 5 * MINUTE, kzt(500_000));
    expect(chains(b.build())).toEqual([]);
    expect(chains(b.build(), { passThroughShare: 0.5 })).toHaveLength(1);
  });

  it('does not take a nightly sweep of the day’s takings for a relay of the last payment', () => {
    const b = new LedgerBuilder();
    const [drop, collector] = [b.card(), b.card()];
    for (let i = 0; i < 12; i++) b.pay(b.card(), drop, T0 + i * HOUR, kzt(20_000));
    b.pay(drop, collector, T0 + 11 * HOUR + 20 * MINUTE, kzt(230_000)); // 20 min after the last sale
    expect(chains(b.build())).toEqual([]);
  });

  it('does not count paying a shop as passing money on', () => {
    const b = new LedgerBuilder();
    const [a, person, shop] = [b.card(), b.card(), b.shop('Technodom')];
    b.pay(a, person, T0, kzt(200_000));
    b.pay(person, shop, T0 + 10 * MINUTE, kzt(199_000), { channel: 'pos' });
    expect(chains(b.build())).toEqual([]);
  });
});
