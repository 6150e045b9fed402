import { describe, expect, it } from 'vitest';
import type { Cell } from './cell';
import {
  centerCreditBlocksFixture,
  deltaFixture,
  halykFixture,
  kaspiFixture,
  kassaNovaFixture,
} from './fixtures';
import { detectTables, isNumberingRow } from './header';
import { mapColumns } from './columns';

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe('detectTables', () => {
  it('finds the Halyk header after an 8-row preamble and skips the numbering row', () => {
    const sheet = only(halykFixture().sheets);
    const layout = detectTables(sheet.rows);
    const table = only(layout.tables);
    expect(table.headerRows).toEqual([8]);
    expect(table.numberingRow).toBe(9);
    expect(table.dataStart).toBe(10);
    expect(layout.rowKinds.slice(0, 11)).toEqual([
      'preamble',
      'preamble',
      'preamble',
      'preamble',
      'preamble',
      'preamble',
      'preamble',
      'blank',
      'header',
      'numbering',
      'transaction',
    ]);
    expect(layout.rowKinds[sheet.rows.length - 1]).toBe('totals');
    expect(table.preamble).toMatchObject({
      bic: 'HSBKKZKX',
      bankName: 'АО "Народный Банк Казахстана"',
      currency: 'KZT',
      periodFrom: Date.UTC(2023, 11, 31, 18),
      periodTo: Date.UTC(2024, 2, 30, 19),
      openingBalance: { minor: 15000050, currency: null, row: 5 },
      closingBalance: { minor: 9800000, currency: null, row: 6 },
    });
    expect(table.preamble.account).toMatch(/^KZ\d{2}601KZT\d{10}$/);
    expect(table.preamble.idNumber).toMatch(/^\d{12}$/);
  });

  it('reads the Kaspi 2-row header with merged Плательщик/Получатель groups', () => {
    const sheet = only(kaspiFixture().sheets);
    const table = only(detectTables(sheet.rows, { merges: sheet.merges }).tables);
    expect(table.headerRows).toEqual([10, 11]);
    expect(table.numberingRow).toBe(12);
    expect(table.dataStart).toBe(13);
    expect(table.columns.map((c) => c.match?.role)).toEqual([
      'date',
      'currency',
      'operationType',
      'amount',
      'amountKzt',
      'payerName',
      'payerIdNumber',
      'payerResidency',
      'payerBank',
      'payerAccount',
      'recipientName',
      'recipientIdNumber',
      'recipientResidency',
      'recipientBank',
      'recipientAccount',
      'knp',
      'description',
    ]);
    expect(table.columns[6]?.caption).toBe('Плательщик / ИИН/БИН');
    expect(table.preamble).toMatchObject({
      currency: 'KZT',
      periodFrom: Date.UTC(2024, 0, 31, 18),
      periodTo: Date.UTC(2024, 2, 30, 19),
      openingBalance: { minor: 30027, kztMinor: 12638665 },
      closingBalance: { minor: 120000, kztMinor: 54000000 },
    });
    expect(table.preamble.holderName).toMatch(/^\S+ \S+ \S+$/);
  });

  it('infers the groups of a 2-row header without merge information', () => {
    const sheet = only(kaspiFixture().sheets);
    const table = only(detectTables(sheet.rows).tables);
    expect(table.columns[12]?.match?.role).toBe('recipientResidency');
  });

  it('finds several account blocks in one sheet, each with its own account and balances', () => {
    const sheet = only(centerCreditBlocksFixture().sheets);
    const layout = detectTables(sheet.rows);
    expect(layout.tables).toHaveLength(2);
    const [first, second] = layout.tables;
    expect(first?.preamble.account).not.toBe(second?.preamble.account);
    expect(first?.preamble.openingBalance?.minor).toBe(50_000_000);
    expect(second?.preamble.openingBalance?.minor).toBe(100_000_000);
    expect(second?.preamble.bic).toBe('KCJBKZKX');
    expect(second?.preamble.holderName).toBe(first?.preamble.holderName);
    const kinds = layout.rowKinds;
    expect(kinds.filter((k) => k === 'totals')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'header')).toHaveLength(2);
  });

  it('classifies section markers and keeps them for the rows below', () => {
    const sheet = only(kassaNovaFixture().sheets);
    const layout = detectTables(sheet.rows);
    const table = only(layout.tables);
    expect(table.sections.map((s) => [s.row, s.direction])).toEqual([
      [1, 'in'],
      [10, 'out'],
    ]);
    expect(layout.rowKinds[1]).toBe('section');
    expect(layout.rowKinds[9]).toBe('blank');
    expect(layout.rowKinds[10]).toBe('section');
  });

  it('reads Delta’s `Клиент, ФИО, ИИН…` line', () => {
    const sheet = deltaFixture().sheets[0];
    const table = only(detectTables(sheet?.rows ?? []).tables);
    expect(table.preamble.holderName).toMatch(/^\S+ \S+ \S+$/);
    expect(table.preamble.idNumber).toMatch(/^\d{12}$/);
  });

  it('does not take a preamble of label/value pairs for a header', () => {
    const rows: Cell[][] = [
      ['Дата:', '01.01.2024'],
      ['Сумма:', '100'],
      ['Валюта:', 'KZT'],
    ];
    expect(detectTables(rows).tables).toEqual([]);
  });

  it('recognizes numbering rows', () => {
    expect(isNumberingRow([1, 2, 3, 4])).toBe(true);
    expect(isNumberingRow(['1', '2', null, '3'])).toBe(true);
    expect(isNumberingRow([1, 2])).toBe(false);
    expect(isNumberingRow([1, 3, 4])).toBe(false);
    expect(isNumberingRow([45356, 1, 2])).toBe(false);
  });
});

describe('mapColumns', () => {
  it('gives each Halyk column its role with evidence from the data', () => {
    const sheet = only(halykFixture().sheets);
    const table = only(detectTables(sheet.rows).tables);
    const mapping = mapColumns(table);
    expect(mapping.roles).toMatchObject({
      date: 0,
      credit: 4,
      debit: 5,
      amountKzt: 6,
      payerIdNumber: 8,
      knp: 17,
      description: 18,
    });
    const date = mapping.columns[0];
    expect(date?.evidence).toMatchObject({
      spelling: 'дата и время операции',
      headerScore: 1,
      sampleShare: 1,
    });
    expect(date?.confidence).toBe(1);
    expect(mapping.signature.startsWith('дата и время операции|валюта операции|')).toBe(true);
    expect(mapping.directionSources[0]).toBe('credit/debit columns');
  });

  it('leaves a duplicate caption unmapped and says which column won', () => {
    const rows: Cell[][] = [
      ['Дата', 'Сумма', 'Сумма', 'Назначение'],
      ['01.02.2024', '100,00', 'n/a', 'x'],
    ];
    const mapping = mapColumns(only(detectTables(rows).tables));
    expect(mapping.roles.amount).toBe(1);
    expect(mapping.columns[2]?.role).toBeNull();
    expect(mapping.columns[2]?.evidence.note).toBe('column B "Сумма" fits amount better');
  });

  it('gives a plain БИН the party of the name left of it', () => {
    const rows: Cell[][] = [
      ['Дата операции', 'Сумма', 'Наименование дебет', 'БИН', 'Наименование кредит', 'БИН'],
    ];
    const mapping = mapColumns(only(detectTables(rows).tables));
    expect(mapping.roles).toMatchObject({ payerIdNumber: 3, recipientIdNumber: 5 });
  });
});
