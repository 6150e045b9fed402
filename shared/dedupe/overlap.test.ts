import { describe, expect, it } from 'vitest';
import { findDuplicateCandidates } from './find';
import { account, almaty, CARD_A, CARD_B, source, tx } from './test-support';
import type { ImportedTransaction } from '../model/statement';

const IBAN = 'KZ86125KZT5004100100';

/** One account's rows from day `from` to day `to` of March, two a day, as a bank would export them. */
function rows(from: number, to: number): ImportedTransaction[] {
  const out: ImportedTransaction[] = [];
  for (let day = from; day <= to; day++) {
    out.push(
      tx({
        row: 0,
        bookedAt: almaty(2024, 3, day, 10, 15),
        amountMinor: 1_000_000 + day,
        description: `Перевод на карту ${day}`,
        counterparty: { card: CARD_B },
        balanceMinor: 50_000_000 - day,
      }),
      tx({
        row: 0,
        direction: 'in',
        bookedAt: almaty(2024, 3, day, 18, 40),
        amountMinor: 2_000_000,
        description: 'Пополнение',
      }),
    );
  }
  return out;
}

function exportOf(sha: string, from: number, to: number, firstRow: number) {
  const transactions = rows(from, to).map((t, i) => ({ ...t, row: firstRow + i }));
  const periodFrom = almaty(2024, 3, from);
  const periodTo = almaty(2024, 3, to, 23, 59);
  return source(sha, transactions, [
    account({ account: IBAN, holderName: 'Иванов Иван', periodFrom, periodTo }),
  ]);
}

describe('overlapping exports of one account', () => {
  it('pairs each row of the shared days once, strongly, and nothing else', () => {
    const early = exportOf('e1', 1, 12, 10); // 1–12 March
    const late = exportOf('f2', 10, 20, 8); // 10–20 March: 10, 11, 12 are in both
    const found = findDuplicateCandidates([late, early]);
    expect(found.every((c) => c.kind === 'overlap')).toBe(true);
    expect(found).toHaveLength(6);
    for (const c of found) {
      expect(c.a.sha256).toBe('e1');
      expect(c.b.sha256).toBe('f2');
      expect(c.deltaMinutes).toBe(0);
      const codes = c.evidence.map((e) => e.code);
      expect(codes).toEqual(
        expect.arrayContaining(['same-own-account', 'same-description', 'periods-overlap']),
      );
      expect(c.strong).toBe(true);
    }
    // The three identical "Пополнение 20 000" rows pair day by day, not across days.
    const topUps = found.filter((c) => c.evidence.some((e) => e.detail === 'Пополнение'));
    expect(topUps.map((c) => [c.a.row, c.b.row])).toEqual([
      [29, 9],
      [31, 11],
      [33, 13],
    ]);
    expect(topUps.every((c) => !c.evidence.some((e) => e.code === 'ambiguous'))).toBe(true);
  });

  it('does not pair exports of two different accounts', () => {
    const early = exportOf('e1', 1, 12, 10);
    const other = exportOf('f2', 10, 20, 8);
    other.accounts = [account({ account: 'KZ56722S000001234567' })];
    expect(findDuplicateCandidates([early, other])).toEqual([]);
  });

  it('without account facts, still pairs rows the bank worded identically, but not strongly', () => {
    const a = source('aaa', [tx({ bookedAt: almaty(2024, 3, 1, 9, 0), description: 'Оплата Kaspi QR' })]);
    const b = source('bbb', [tx({ bookedAt: almaty(2024, 3, 1, 9, 0), description: 'оплата  kaspi qr' })]);
    const [c, ...rest] = findDuplicateCandidates([a, b]);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ kind: 'overlap', strong: false });
    const silent = source('ccc', [tx({ bookedAt: almaty(2024, 3, 1, 9, 0), description: 'Перевод' })]);
    expect(findDuplicateCandidates([a, silent])).toEqual([]);
  });

  it('links a transfer once when the sender’s account was exported twice', () => {
    const t = almaty(2024, 3, 11, 14, 3);
    const out = { bookedAt: t, description: 'Перевод', counterparty: { card: CARD_B } };
    const a1 = source('a1', [tx({ row: 30, ...out })], [account({ card: CARD_A })]);
    const a2 = source('a2', [tx({ row: 4, ...out })], [account({ card: CARD_A })]);
    const b = source(
      'bb',
      [tx({ row: 9, direction: 'in', bookedAt: t, counterparty: { card: CARD_A } })],
      [account({ card: CARD_B })],
    );
    const found = findDuplicateCandidates([b, a2, a1]);
    expect(found.map((c) => c.kind).sort()).toEqual(['overlap', 'two-sides']);
    const link = found.find((c) => c.kind === 'two-sides')!;
    expect(link.a.sha256).toBe('a1');
    expect(link.strong).toBe(true);
    const codes = link.evidence.map((e) => e.code);
    expect(codes).toContain('overlap-twin');
    expect(codes).not.toContain('ambiguous');
  });
});
