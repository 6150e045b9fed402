import { describe, expect, it } from 'vitest';
import { findDuplicateCandidates } from './find';
import { account, almaty, CARD_A, CARD_B, CARD_C, source, tx } from './test-support';

const codes = (evidence: { code: string }[]): string[] => evidence.map((e) => e.code);

describe('two sides of one transfer', () => {
  it('pairs A’s outgoing and B’s incoming row at the same minute, strongly, with the evidence', () => {
    const a = source(
      'aaa',
      [tx({ row: 12, bookedAt: almaty(2024, 3, 15, 14, 3), counterparty: { card: CARD_B } })],
      [account({ card: CARD_A, holderName: 'Иванов Иван' })],
    );
    const b = source(
      'bbb',
      [
        tx({
          row: 40,
          direction: 'in',
          bookedAt: almaty(2024, 3, 15, 14, 3),
          counterparty: { card: CARD_A },
        }),
      ],
      [account({ card: CARD_B })],
    );
    const [c, ...rest] = findDuplicateCandidates([a, b]);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      kind: 'two-sides',
      a: { sha256: 'aaa', sheet: 'Sheet1', row: 12 },
      b: { sha256: 'bbb', sheet: 'Sheet1', row: 40 },
      strong: true,
      score: 1,
      deltaMinutes: 0,
    });
    expect(codes(c!.evidence)).toEqual([
      'same-amount',
      'same-currency',
      'opposite-directions',
      'time-delta',
      'counterparty-matches-owner',
      'counterparty-matches-owner',
    ]);
    expect(c!.evidence.find((e) => e.code === 'time-delta')?.detail).toBe('0 min');
  });

  it('pairs a transfer the receiving bank booked the next day, with a lower, non-strong score', () => {
    const a = source(
      'aaa',
      [tx({ bookedAt: almaty(2024, 3, 15, 23, 50), counterparty: { card: CARD_B } })],
      [account({ card: CARD_A })],
    );
    const b = source(
      'bbb',
      [tx({ direction: 'in', bookedAt: almaty(2024, 3, 16, 9, 12), counterparty: { name: 'Иванов И.' } })],
      [account({ card: CARD_B })],
    );
    const [c] = findDuplicateCandidates([a, b]);
    expect(c?.kind).toBe('two-sides');
    expect(c?.strong).toBe(false);
    expect(c?.deltaMinutes).toBe(9 * 60 + 22);
    expect(c!.score).toBeLessThan(0.8);
    expect(c!.evidence.find((e) => e.code === 'time-delta')?.detail).toBe('+9 h 22 min');
  });

  it('pairs a date-only receiving row booked on the next business day (Friday → Monday)', () => {
    const a = source(
      'aaa',
      [tx({ bookedAt: almaty(2024, 3, 15, 19, 0), counterparty: { card: CARD_B } })],
      [account({ card: CARD_A })],
    );
    const b = source(
      'bbb',
      [
        tx({
          direction: 'in',
          hasTime: false,
          bookedAt: almaty(2024, 3, 18),
          counterparty: { card: CARD_A },
        }),
      ],
      [account({ card: CARD_B })],
    );
    const [c] = findDuplicateCandidates([a, b]);
    expect(c?.kind).toBe('two-sides');
    expect(c?.strong).toBe(false);
    expect(c!.evidence.find((e) => e.code === 'time-delta')?.detail).toBe('+3 day(s) (date only)');
  });

  it('matches a masked card on one side with the full card on the other', () => {
    const a = source('aaa', [tx({ ownAccount: CARD_A, bookedAt: almaty(2024, 3, 15, 14, 3) })]);
    const masked = `${CARD_A.slice(0, 6)}******${CARD_A.slice(-4)}`;
    const b = source(
      'bbb',
      [tx({ direction: 'in', bookedAt: almaty(2024, 3, 15, 14, 4), counterparty: { card: masked } })],
      [account({ card: CARD_B })],
    );
    const [c] = findDuplicateCandidates([a, b]);
    const match = c?.evidence.find((e) => e.code === 'counterparty-matches-owner');
    expect(match?.detail).toContain(masked);
    expect(match?.detail).toContain(`card ${CARD_A.slice(0, 6)}…${CARD_A.slice(-4)}`);
    expect(c?.strong).toBe(true);
  });

  it('reads an exact whole-hour gap as a time-zone difference between the banks', () => {
    const a = source('aaa', [tx({ bookedAt: almaty(2024, 3, 15, 14, 3), counterparty: { card: CARD_B } })]);
    const b = source(
      'bbb',
      [tx({ direction: 'in', bookedAt: almaty(2024, 3, 15, 19, 3) })],
      [account({ card: CARD_B })],
    );
    const [c] = findDuplicateCandidates([a, b]);
    expect(codes(c!.evidence)).toContain('time-zone-shift');
    expect(c?.strong).toBe(false);
  });

  it('never pairs repeated identical payments inside one file', () => {
    const t = almaty(2024, 3, 15, 14, 3);
    const shop = source(
      'shop',
      Array.from({ length: 10 }, (_, i) =>
        tx({ row: 100 + i, direction: i % 2 === 0 ? 'in' : 'out', bookedAt: t + (i % 3) * 60_000 }),
      ),
      [account({ card: CARD_B })],
    );
    expect(findDuplicateCandidates([shop])).toEqual([]);
  });

  it('pairs the buyer’s payment with the shop row naming the buyer, not with look-alike payments', () => {
    const t = almaty(2024, 3, 15, 14, 0);
    const shop = source(
      'shop',
      Array.from({ length: 10 }, (_, i) =>
        tx({
          row: 100 + i,
          direction: 'in',
          bookedAt: t + i * 4 * 60_000,
          counterparty: { card: i === 6 ? CARD_A : CARD_C },
        }),
      ),
      [account({ card: CARD_B })],
    );
    const buyer = source(
      'buyer',
      [tx({ row: 7, bookedAt: t + 24 * 60_000, counterparty: { card: CARD_B } })],
      [account({ card: CARD_A })],
    );
    const found = findDuplicateCandidates([shop, buyer]);
    expect(found).toHaveLength(1);
    expect(found[0]?.b).toEqual({ sha256: 'shop', sheet: 'Sheet1', row: 106 });
    expect(codes(found[0]!.evidence)).not.toContain('ambiguous');
  });

  it('makes one lower-scored candidate saying so when two partners are equally good', () => {
    const t = almaty(2024, 3, 15, 12, 0);
    const a = source('aaa', [tx({ row: 5, bookedAt: t, amountMinor: 5_000_000 })]);
    const b = source('bbb', [
      tx({ row: 20, direction: 'in', bookedAt: t + 60_000, amountMinor: 5_000_000 }),
      tx({ row: 21, direction: 'in', bookedAt: t - 60_000, amountMinor: 5_000_000 }),
    ]);
    const found = findDuplicateCandidates([a, b]);
    expect(found).toHaveLength(1);
    const [c] = found;
    expect(c?.b.row).toBe(20);
    expect(c?.strong).toBe(false);
    const ambiguous = c?.evidence.find((e) => e.code === 'ambiguous');
    expect(ambiguous?.detail).toContain('bbb.xlsx Sheet1!21');

    const alone = findDuplicateCandidates([a, { ...b, transactions: b.transactions.slice(0, 1) }]);
    expect(c!.score).toBeLessThan(alone[0]!.score);
  });

  it('skips different currencies, different amounts and same directions', () => {
    const t = almaty(2024, 3, 15, 12, 0);
    const a = source('aaa', [
      tx({ bookedAt: t, currency: 'USD', counterparty: { card: CARD_B } }),
      tx({ bookedAt: t, amountMinor: 14_999_900, counterparty: { card: CARD_B } }),
      tx({ bookedAt: t, amountMinor: 7_000_000, counterparty: { card: CARD_B } }),
    ]);
    const b = source(
      'bbb',
      [
        tx({ direction: 'in', bookedAt: t }),
        tx({ direction: 'out', bookedAt: t, amountMinor: 7_000_000, counterparty: { card: CARD_A } }),
      ],
      [account({ card: CARD_B })],
    );
    expect(findDuplicateCandidates([a, b]).filter((c) => c.kind === 'two-sides')).toEqual([]);
  });

  it('skips pairs whose IINs contradict, or whose transaction hashes differ', () => {
    const t = almaty(2024, 3, 15, 12, 0);
    const a = source('aaa', [
      tx({ bookedAt: t, counterparty: { idNumber: '900101300001' } }),
      tx({ bookedAt: t, amountMinor: 100, currency: 'USDT', txid: 'abc' }),
    ]);
    const b = source(
      'bbb',
      [
        tx({ direction: 'in', bookedAt: t }),
        tx({ direction: 'in', bookedAt: t, amountMinor: 100, currency: 'USDT', txid: 'def' }),
      ],
      [account({ idNumber: '850505400002' })],
    );
    expect(findDuplicateCandidates([a, b])).toEqual([]);
  });

  it('trusts a shared transaction hash on its own', () => {
    const a = source('aaa', [
      tx({ bookedAt: almaty(2024, 3, 15, 12, 0), amountMinor: 100, currency: 'USDT', txid: 'abc' }),
    ]);
    const b = source('bbb', [
      tx({
        direction: 'in',
        bookedAt: almaty(2024, 3, 16, 12, 0),
        amountMinor: 100,
        currency: 'USDT',
        txid: 'abc',
      }),
    ]);
    const [c] = findDuplicateCandidates([a, b]);
    expect(c).toMatchObject({ score: 1, strong: true });
    expect(codes(c!.evidence)).toContain('same-txid');
  });

  it('ignores unidentified pairs that are further apart than the unidentified window', () => {
    const t = almaty(2024, 3, 15, 12, 0);
    const a = source('aaa', [tx({ bookedAt: t })]);
    const b = source('bbb', [tx({ direction: 'in', bookedAt: t + 3 * 3_600_000 })]);
    expect(findDuplicateCandidates([a, b])).toEqual([]);
    expect(findDuplicateCandidates([a, b], { unidentifiedWindowMs: 4 * 3_600_000 })).toHaveLength(1);
  });
});
