import { describe, expect, it } from 'vitest';
import type { Cell } from './cell';
import { halykFixture, vtbFixture } from './fixtures';
import { readSheet } from './sheet';

function clone(rows: Cell[][]): Cell[][] {
  return rows.map((row) => [...row]);
}

describe('readTransactions', () => {
  it('rejects bad rows with the column letter, caption and reason, and reads the rest', () => {
    const sheet = halykFixture(1, 6).sheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows = clone(sheet.rows);
    (rows[10] as Cell[])[0] = '31.02.2024';
    (rows[11] as Cell[])[4] = '12,3,4';
    (rows[11] as Cell[])[5] = null;
    (rows[12] as Cell[])[4] = 100;
    (rows[12] as Cell[])[5] = 100;
    (rows[13] as Cell[])[1] = 'фантики';
    rows.splice(14, 0, [], [null, '  ']);
    const result = readSheet(rows);
    const read = result.tables[0]?.read;
    expect(read?.rejected).toEqual([
      {
        row: 11,
        column: 'A',
        header: 'Дата и время операции',
        reason: 'date "31.02.2024" has day 31, but that month has 29',
      },
      {
        row: 12,
        column: 'E',
        header: 'Сумма в валюте ее проведения по кредиту',
        reason: 'amount "12,3,4" is not a number: a digit group of 1 where 3 are expected',
      },
      {
        row: 13,
        column: 'E',
        header: 'Сумма в валюте ее проведения по кредиту',
        reason: 'both the credit and the debit column hold an amount',
      },
      {
        row: 14,
        column: 'B',
        header: 'Валюта операции',
        reason: 'currency "фантики" is not an ISO code, number or known name',
      },
    ]);
    expect(read?.transactions.map((t) => t.row)).toEqual([17, 18]);
    expect(result.rowKinds.slice(10, 19)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'blank',
      'blank',
      'transaction',
      'transaction',
      'totals',
    ]);
    expect(read?.totals[0]?.label).toBe('Итого');
  });

  it('returns the stated totals so callers can check them against the parsed sums', () => {
    const sheet = halykFixture(3, 20).sheets[0];
    const read = readSheet(sheet?.rows ?? []).tables[0]?.read;
    const sum = (direction: 'in' | 'out') =>
      (read?.transactions ?? [])
        .filter((t) => t.direction === direction)
        .reduce((s, t) => s + t.amountMinor, 0);
    expect(read?.totals[0]?.sums).toEqual({ credit: sum('in'), debit: sum('out') });
  });

  it('keeps every mapped cell’s text in raw', () => {
    const sheet = vtbFixture(1, 2).sheets[0];
    const tx = readSheet(sheet?.rows ?? []).tables[0]?.read.transactions[0];
    expect(tx?.raw.currency).toBe('KZT - Тенге');
    expect(tx?.raw.operationType).toMatch(/Внешние/);
    expect(Object.keys(tx?.raw ?? {})).toContain('recipientResidency');
  });

  it('rejects a row whose direction nothing decides', () => {
    const rows: Cell[][] = [
      ['Дата', 'Тип операции', 'Сумма', 'Назначение'],
      ['05.03.2024', 'Разное', '1 000,00', 'x'],
      ['05.03.2024', 'Пополнение', '2 000,00', 'y'],
    ];
    const read = readSheet(rows).tables[0]?.read;
    expect(read?.rejected).toEqual([
      {
        row: 2,
        column: 'B',
        header: 'Тип операции',
        reason: 'operation type "Разное" does not say whether money came in or went out',
      },
    ]);
    expect(read?.transactions[0]).toMatchObject({
      row: 3,
      direction: 'in',
      amountMinor: 200000,
      currency: 'KZT',
    });
  });

  it('reads a sheet named by direction and a signed RBK-style card export', () => {
    const out = readSheet(
      [
        ['Дата операции', 'Сумма', 'Основание'],
        ['01.03.2024', 5000, 'x'],
      ],
      { sheetName: 'Снятие наличных по счету' },
    );
    expect(out.tables[0]?.read.transactions[0]?.direction).toBe('out');
    const rbk = readSheet([
      [
        'POSTING_DATE',
        'TRANS_DATE',
        'TRANS_AMOUNT',
        'FEE_AMOUNT',
        'TRANS_CURR',
        'TRANS_TYPE',
        'ADDITIONAL_DESC',
        'CONTRACT_FOR',
      ],
      ['2024-03-02', '2024-03-01 10:00:00', -5000, 0, 'KZT', 'Purchase', 'MAGNUM', '440043******1234'],
      ['2024-03-02', '2024-03-01 11:00:00', 7000.5, 0, '398', 'Transfer', 'P2P', '440043******1234'],
    ]);
    expect(
      rbk.tables[0]?.read.transactions.map((t) => [t.direction, t.amountMinor, t.currency, t.bookedAt]),
    ).toEqual([
      ['out', 500000, 'KZT', Date.UTC(2024, 2, 1, 5)],
      ['in', 700050, 'KZT', Date.UTC(2024, 2, 1, 6)],
    ]);
  });
});
