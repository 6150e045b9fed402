import { describe, expect, it } from 'vitest';
import { requestFixture } from './test-support';
import { freezeTotals } from './totals';

describe('freezeTotals', () => {
  it('adds sought and frozen per status and institution, each currency apart', () => {
    const kaspi = 'АО «Kaspi Bank»';
    const tether = 'Tether';
    const totals = freezeTotals([
      requestFixture({ id: 'a', amountMinor: 100_00 }),
      requestFixture({
        id: 'b',
        amountMinor: 200_00,
        status: 'frozen',
        frozen: { amountMinor: 150_00, date: '2026-11-02', replyNumber: '1' },
      }),
      requestFixture({ id: 'c', amountMinor: 400_00, status: 'refused' }),
      requestFixture({
        id: 'd',
        amountMinor: 50_000_000,
        currency: 'USDT',
        institution: tether,
        status: 'request-sent',
      }),
      requestFixture({
        id: 'e',
        amountMinor: 70_00,
        status: 'released',
        frozen: { amountMinor: 60_00, date: '2026-11-02', replyNumber: '2' },
      }),
    ]);
    expect(totals.sought).toEqual({ KZT: 300_00, USDT: 50_000_000 });
    expect(totals.frozen).toEqual({ KZT: 150_00 });
    expect(totals.byStatus.frozen).toEqual({ count: 1, amounts: { KZT: 150_00 } });
    expect(totals.byStatus.released).toEqual({ count: 1, amounts: { KZT: 60_00 } });
    expect(totals.byStatus.refused).toEqual({ count: 1, amounts: { KZT: 400_00 } });
    expect(totals.byInstitution).toEqual([
      { institution: kaspi, count: 4, sought: { KZT: 300_00 }, frozen: { KZT: 150_00 } },
      { institution: tether, count: 1, sought: { USDT: 50_000_000 }, frozen: {} },
    ]);
  });
});
