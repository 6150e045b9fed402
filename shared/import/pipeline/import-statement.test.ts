import { describe, expect, it } from 'vitest';
import generic from '../mt940/fixtures/peer/jejik/generic.sta?raw';
import kaspiCamt from '../camt053/fixtures/kaspi-kzt.valid.xml?raw';
import { halykFixture, kaspiFixture } from '../table/fixtures';
import type { Cell } from '../table';
import { ImportError } from '../read/errors';
import { importStatement } from './import-statement';
import { previewStatement } from './preview';
import { quote, toWorkbook, utf8 } from './test-support';

const OPTIONS = { importedAt: 1_700_000_000_000 };

function sheetCsv(rows: readonly (readonly Cell[])[]): Uint8Array {
  return utf8(rows.map((r) => r.map((c) => quote(c === null ? '' : String(c), ';')).join(';')).join('\n'));
}

/** A small statement with balances, a running balance and a totals row. */
function statement(
  closing: string,
  balances: [string, string] = ['1 500,00', '1 300,00'],
  credit = '500,00',
): Cell[][] {
  return [
    ['Выписка по счету KZ86125KZT5004100100'],
    ['Входящий остаток:', '1 000,00'],
    ['Исходящий остаток:', closing],
    [],
    ['Дата', 'Приход', 'Расход', 'Остаток', 'Назначение платежа'],
    ['01.02.2024', credit, '', balances[0], 'Перевод на карту 4400 4302 1234 5678, тел. +7 701 123 45 67'],
    ['02.02.2024', '', '200,00', balances[1], 'Оплата'],
    ['Итого', '500,00', '200,00'],
  ];
}

describe('importStatement on spreadsheets and text', () => {
  it('passes the balance, running-balance and totals checks of a consistent statement', () => {
    const result = importStatement(sheetCsv(statement('1 300,00')), 'ok.csv', OPTIONS);
    expect(result.transactions.map((t) => [t.row, t.direction, t.amountMinor, t.balanceMinor])).toEqual([
      [6, 'in', 50000, 150000],
      [7, 'out', 20000, 130000],
    ]);
    expect(result.checks.map((c) => [c.kind, c.ok])).toEqual([
      ['balance', true],
      ['running-balance', true],
      ['totals', true],
    ]);
    expect(result.accounts[0]).toMatchObject({
      account: 'KZ86125KZT5004100100',
      openingBalanceMinor: 100000,
      closingBalanceMinor: 130000,
    });
    expect(result.rows).toEqual({
      transactions: 2,
      rejected: 0,
      preamble: 3,
      header: 1,
      totals: 1,
      blank: 1,
      other: 0,
    });
    expect(result.source).toMatchObject({
      name: 'ok.csv',
      format: 'csv',
      encoding: 'utf-8',
      importedAt: OPTIONS.importedAt,
    });
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails the checks of an inconsistent one, naming the rows', () => {
    const result = importStatement(
      sheetCsv(statement('1 400,00', ['1 500,00', '1 250,00'])),
      'bad.csv',
      OPTIONS,
    );
    const byKind = Object.fromEntries(result.checks.map((c) => [c.kind, c]));
    expect(byKind['balance']).toMatchObject({ ok: false, rows: [2, 3] });
    expect(byKind['balance']?.message).toContain('a difference of 100.00 KZT');
    expect(byKind['running-balance']).toMatchObject({ ok: false, rows: [7] });
    expect(byKind['totals']).toMatchObject({ ok: true });
  });

  it('numbers rows by the line they start on when a quoted field spans lines', () => {
    const rows = statement('1 300,00');
    rows[5]![4] = 'Оплата; по договору\nпоставки №15\nот 12.01.2024';
    const result = importStatement(sheetCsv(rows), 'multi.csv', OPTIONS);
    expect(result.transactions.map((t) => [t.row, t.description])).toEqual([
      [6, 'Оплата; по договору поставки №15 от 12.01.2024'],
      [9, 'Оплата'],
    ]);
    expect(result.checks.find((c) => c.kind === 'totals')).toMatchObject({ ok: true, rows: [10] });
  });

  it('rejects a bad amount with sheet, row, column and the bad text, and keeps counting rows', () => {
    const result = importStatement(
      sheetCsv(statement('1 300,00', undefined, '5 0x0,00')),
      'bad-amount.csv',
      OPTIONS,
    );
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ sheet: 'bad-amount.csv', row: 6, column: 'B' });
    expect(result.rejected[0]?.reason).toContain('"5 0x0,00"');
    expect(result.rejected[0]?.reason).toContain('Приход');
    expect(result.rows).toMatchObject({ transactions: 1, rejected: 1 });
    const totals = result.checks.find((c) => c.kind === 'totals');
    expect(totals).toMatchObject({ ok: false });
    expect(totals?.message).toContain('1 rejected rows');
  });

  it('records identifier mentions by role with their cell', () => {
    const result = importStatement(toWorkbook(halykFixture(1).sheets, 'xlsx'), 'halyk.xlsx', OPTIONS);
    // Fixture IBANs and IINs carry random check digits, so most land in `invalid`, with their role.
    const roles = new Set([...result.mentions, ...result.invalid].map((m) => m.role));
    expect(roles).toEqual(new Set(['own', 'counterparty', 'preamble']));
    const iban = [...result.mentions, ...result.invalid].find(
      (m) => m.kind === 'iban' && m.role === 'counterparty',
    );
    expect(iban?.column).toMatch(/^[LQ]$/);
    expect(result.invalid.filter((m) => m.role === 'own' && m.kind === 'iban')).toHaveLength(1);
    // Fixture IINs have no valid check digit: each is reported once per cell, never dropped.
    const badIin = result.invalid.find((m) => m.column === 'I' || m.column === 'N');
    expect(badIin).toMatchObject({ kind: 'iin', sheet: 'Выписка' });

    const text = importStatement(sheetCsv(statement('1 300,00')), 'ok.csv', OPTIONS);
    const described = text.mentions.filter((m) => m.role === 'description');
    expect(described.map((m) => [m.kind, m.row, m.column])).toContainEqual(['phone', 6, 'E']);
  });

  it('applies the investigator column corrections', () => {
    const sheets = halykFixture(1).sheets;
    const result = importStatement(toWorkbook(sheets, 'xlsx'), 'halyk.xlsx', {
      ...OPTIONS,
      mappingOverrides: { Выписка: { S: null, G: null } },
    });
    expect(result.transactions.every((t) => t.description === '' && t.amountKztMinor === undefined)).toBe(
      true,
    );
    const columns = result.mappings[0]?.columns ?? [];
    expect(columns.find((c) => c.column === 'S')).toMatchObject({ role: null, confidence: 0 });
  });

  it('reports progress up to the total', () => {
    const calls: [number, number][] = [];
    importStatement(toWorkbook(kaspiFixture(1).sheets, 'xlsx'), 'k.xlsx', {
      ...OPTIONS,
      onProgress: (done, total) => calls.push([done, total]),
    });
    const last = calls[calls.length - 1]!;
    expect(last[0]).toBe(last[1]);
    expect(last[1]).toBeGreaterThan(0);
  });

  it('imports MT940 with line provenance, balance and continuity checks', () => {
    const result = importStatement(utf8(generic), 'generic.sta', OPTIONS);
    expect(result.source).toMatchObject({ format: 'mt940', encoding: 'utf-8' });
    expect(result.transactions.map((t) => [t.sheet, t.row, t.direction, t.amountMinor, t.currency])).toEqual([
      ['11111111', 5, 'out', 1000, 'EUR'],
      ['11111111', 13, 'out', 1000, 'EUR'],
    ]);
    expect(result.checks.map((c) => [c.kind, c.ok])).toEqual([
      ['balance', true],
      ['balance', true],
      ['period-gap', true],
    ]);
    expect(result.rows.transactions).toBe(2);
  });

  it('imports CAMT.053 with accounts and mentions', () => {
    const result = importStatement(utf8(kaspiCamt), 'kaspi.xml', OPTIONS);
    expect(result.source.format).toBe('camt053');
    expect(result.transactions).toHaveLength(2);
    expect(result.transactions[0]).toMatchObject({
      sheet: 'KZ86125KZT5004100100',
      direction: 'in',
      amountMinor: 450000050,
      currency: 'KZT',
      counterparty: {
        name: 'ИП Сейткали Нурлан Ерланович',
        account: 'KZ64722S000001234567',
        bank: 'HSBKKZKX',
      },
    });
    expect(result.accounts[0]).toMatchObject({ account: 'KZ86125KZT5004100100', bic: 'CASPKZKA' });
    expect(result.checks.find((c) => c.kind === 'balance')?.ok).toBe(true);
    expect(result.mentions.some((m) => m.role === 'own' && m.kind === 'iban')).toBe(true);
  });

  it('throws ImportError naming the file for unreadable input', () => {
    const refuse = (bytes: Uint8Array, name: string): ImportError => {
      try {
        importStatement(bytes, name, OPTIONS);
      } catch (error) {
        if (error instanceof ImportError) return error;
        throw error;
      }
      throw new Error('no error');
    };
    const pdf = refuse(utf8('%PDF-1.4\n'), 'x.pdf');
    expect(pdf.file).toBe('x.pdf');
    expect(pdf.message).toContain('`x.pdf` is not a statement format MoneyTrail reads');
    const prose = refuse(utf8('Dear investigator,\nplease find attached\n'), 'note.txt');
    expect(prose.reason).toContain('no statement table found');
    const big = refuse(utf8('a;b\n'), 'big.csv');
    expect(big).toBeInstanceOf(ImportError);
    expect(() =>
      importStatement(utf8('a;b\n1;2\n'), 'limit.csv', { ...OPTIONS, limits: { maxFileBytes: 4 } }),
    ).toThrow(/`limit.csv`: the file is 8 bytes, over the limit of 4 bytes; raise `limits.maxFileBytes`/);
  });
});

describe('previewStatement', () => {
  it('shows rows, kinds and the mapping before import', () => {
    const preview = previewStatement(toWorkbook(kaspiFixture(1).sheets, 'xlsx'), 'kaspi.xlsx');
    expect(preview.file).toMatchObject({ name: 'kaspi.xlsx', format: 'xlsx' });
    const sheet = preview.sheets[0]!;
    expect(sheet.rows.length).toBe(sheet.rowKinds.length);
    expect(sheet.rowKinds).toContain('header');
    expect(sheet.rowKinds).toContain('transaction');
    expect(sheet.rows.every((r) => r.every((c) => typeof c === 'string'))).toBe(true);
    const mapping = sheet.tables[0]!.mapping;
    expect(mapping.headerRows).toEqual([11, 12]);
    expect(mapping.columns.find((c) => c.column === 'A')?.role).toBe('date');
  });

  it('previews CSV with the encoding and delimiter, and text statements by entry', () => {
    const csv = previewStatement(sheetCsv(statement('1 300,00')), 'ok.csv');
    expect(csv).toMatchObject({ delimiter: ';', file: { encoding: 'utf-8', format: 'csv' } });
    expect(csv.sheets[0]?.tables[0]?.mapping.columns.map((c) => c.role)).toEqual([
      'date',
      'credit',
      'debit',
      'balance',
      'description',
    ]);
    const mt = previewStatement(utf8(generic), 'generic.sta');
    expect(mt.sheets.map((s) => s.rowNumbers)).toEqual([[5], [13]]);
  });
});

describe('the caller’s bytes', () => {
  it('are left exactly as they were: no properties added by the spreadsheet reader', () => {
    const bytes = toWorkbook(halykFixture(5, 4).sheets, 'xlsx');
    const before = Object.keys(bytes).length;
    importStatement(bytes, 'halyk.xlsx', { importedAt: 0 });
    expect(Object.keys(bytes)).toHaveLength(before);
    expect('read_shift' in bytes).toBe(false);
  });
});
