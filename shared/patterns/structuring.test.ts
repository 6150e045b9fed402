import { describe, expect, it } from 'vitest';
import type { Ledger } from '../ledger/types';
import { detectPatterns } from './index';
import { DAY, HOUR, kzt, LedgerBuilder, T0, usdt } from './test-support';

const structuring = (ledger: Ledger, thresholds = {}) =>
  detectPatterns(ledger, thresholds, { kinds: ['structuring'] });

describe('structuring', () => {
  it('finds payments split to stay just under 1 000 000 ₸', () => {
    const b = new LedgerBuilder();
    const [sender, r1, r2] = [b.card({ holder: 'Sender' }), b.card(), b.card()];
    [990_000, 985_000, 999_999, 970_000].forEach((tenge, i) =>
      b.pay(sender, i % 2 ? r2 : r1, T0 + i * 9 * HOUR, kzt(tenge)),
    );
    b.pay(sender, r1, T0 + 2 * HOUR, kzt(1_000_000)); // at the limit: reported anyway, not split
    b.pay(sender, r1, T0 + 3 * HOUR, kzt(899_999)); // under the band
    const [finding, ...rest] = structuring(b.build());
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'structuring',
      code: 'structuring.sent-just-under',
      nodes: [sender, r1, r2],
      params: {
        direction: 'sent',
        currency: 'KZT',
        limit: 1_000_000,
        lowMinor: kzt(900_000),
        payments: 4,
        mostInWindow: 4,
        totalMinor: kzt(3_944_999),
        counterparties: 2,
        evidenceTotal: 4,
      },
      thresholds: {
        structuringLimits: { KZT: [1_000_000, 7_000_000], USDT: [1_000] },
        structuringBand: 0.1,
        structuringMinCount: 3,
        structuringWindowDays: 7,
      },
    });
    expect(finding?.evidence.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(finding?.detail).toBe(
      '4400 0000 0000 0001 (Sender) sent 4 payments just under 1 000 000 ₸ (900 000 ₸ or more), ' +
        'up to 4 within 7 days; 3 944 999 ₸ in all to 2 recipients',
    );
  });

  it('finds cash-sized payments into one account under the 7 000 000 ₸ threshold', () => {
    const b = new LedgerBuilder();
    const into = b.card();
    for (let i = 0; i < 3; i++) b.pay(b.card(), into, T0 + i * 2 * DAY, kzt(6_950_000));
    const [finding] = structuring(b.build());
    expect(finding).toMatchObject({
      code: 'structuring.received-just-under',
      nodes: [into, 1, 2, 3],
      params: { direction: 'received', limit: 7_000_000, payments: 3, counterparties: 3 },
    });
  });

  it('does not take a monthly salary just under the limit for structuring', () => {
    const b = new LedgerBuilder();
    const [employer, employee] = [b.card({ holder: 'TOO Employer' }), b.card()];
    for (let month = 0; month < 12; month++)
      b.pay(employer, employee, Date.UTC(2024, month, 10, 4), kzt(980_000));
    const ledger = b.build();
    expect(structuring(ledger)).toEqual([]);
    // A window longer than a month would count them: the window is what tells the two apart.
    const wide = structuring(ledger, { structuringWindowDays: 70 });
    expect(wide.map((f) => [f.code, f.params.payments])).toEqual([
      ['structuring.sent-just-under', 12],
      ['structuring.received-just-under', 12],
    ]);
  });

  it('follows the count, band and limits it is given', () => {
    const b = new LedgerBuilder();
    const [sender, receiver] = [b.card(), b.card()];
    for (let i = 0; i < 3; i++) b.pay(sender, receiver, T0 + i * HOUR, kzt(850_000));
    const ledger = b.build();
    expect(structuring(ledger)).toEqual([]);
    expect(structuring(ledger, { structuringBand: 0.2 })).toHaveLength(2); // sent and received
    expect(structuring(ledger, { structuringBand: 0.2, structuringMinCount: 4 })).toEqual([]);
    expect(structuring(ledger, { structuringLimits: { KZT: [860_000] } })[0]?.params.limit).toBe(860_000);
    expect(structuring(ledger, { structuringLimits: { USDT: [1_000] } })).toEqual([]);
  });

  it('checks USDT against its own limit', () => {
    const b = new LedgerBuilder();
    const [wallet, exchange] = [b.node('wallet', 'tron:TWallet1'), b.exchange('Binance UID 9')];
    for (let i = 0; i < 3; i++)
      b.pay(exchange, wallet, T0 + i * HOUR, usdt(995), { currency: 'USDT', channel: 'chain' });
    const found = structuring(b.build()).map((f) => [f.nodes[0], f.params.direction, f.params.currency]);
    expect(found).toEqual([
      [wallet, 'received', 'USDT'],
      [exchange, 'sent', 'USDT'],
    ]);
  });
});
