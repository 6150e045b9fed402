/**
 * A CSV is imported while it is decoded and split: cut into pieces and slices of any size, every
 * statement layout must import exactly as when its text is one slice (the whole sheet read first,
 * as a workbook is).
 */
// eslint-disable-next-line no-restricted-imports -- a test reading the shipped demo files from disk
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFixtures, halykFixture, tronScanFixture } from '../table/fixtures';
import type { Cell } from '../table';
import { readSheetName } from '../table';
import { ImportAccumulator } from './accumulator';
import { readCsv } from '../read/csv';
import { importStatement } from './import-statement';
import { SheetImporter } from './sheet-import';
import { readInput } from './input';
import { resolveLimits } from '../read/limits';
import { toCsv, utf16le, utf8 } from './test-support';

function sameAtEverySlice(bytes: Uint8Array, file: string, slices: readonly number[], context = {}): void {
  const whole = importStatement(bytes, file, { importedAt: 1, ...context });
  for (const csvSliceChars of slices) {
    // Decoded in pieces of a few bytes too: a character and a record cut anywhere.
    const csvPieceBytes = 1 + (csvSliceChars % 97);
    const sliced = importStatement(bytes, file, { importedAt: 1, ...context, csvSliceChars, csvPieceBytes });
    expect(
      sliced,
      `${file}, slices of ${csvSliceChars} characters, pieces of ${csvPieceBytes} bytes`,
    ).toStrictEqual(whole);
  }
}

describe('a CSV imported slice by slice', () => {
  it('gives every bank layout exactly as one slice does', () => {
    for (const fixture of allFixtures(3)) {
      for (const sheet of fixture.sheets) {
        if (Object.keys(readSheetName(sheet.name)).length > 0) continue;
        const text = toCsv(sheet.rows, ';', '\n');
        sameAtEverySlice(utf8(text), `${fixture.name}.csv`, [1, 3, 40, 500], sheet.context);
      }
    }
  });

  it('maps a long table before its end and still agrees, sparse columns and all', () => {
    // Hundreds of rows: the mapping is settled while rows are still arriving.
    for (const fixture of [halykFixture(11, 900), tronScanFixture(12, 700)]) {
      for (const sheet of fixture.sheets) {
        const text = toCsv(sheet.rows, ';', '\r\n');
        sameAtEverySlice(utf8(text), `${fixture.name}.csv`, [2000, 9000], sheet.context);
      }
    }
  });

  it('keeps quoted line breaks, blocks, totals and an unclosed quote where one pass puts them', () => {
    const header = 'Дата операции;Сумма;Назначение платежа;Получатель';
    const rows = (from: number, n: number): string[] =>
      Array.from(
        { length: n },
        (_, i) =>
          `0${1 + ((from + i) % 9)}.03.2024;${i % 3 === 0 ? '-' : ''}${1000 + i},50;` +
          `${i % 4 === 0 ? '"перевод\nна карту 4400 4301 2345 6789"' : 'оплата заказа'};Иванов И.`,
      );
    const text = [
      'Выписка по счёту KZ86125KZT5004100100',
      'Владелец: Иванов Иван',
      '',
      header,
      ...rows(0, 40),
      'Итого;;;',
      '',
      'Выписка по счёту KZ12722C000012345678',
      header,
      'Входящие платежи',
      ...rows(40, 35),
      '09.03.2024;"не закрыта;1',
    ].join('\n');
    sameAtEverySlice(utf8(text), 'blocks.csv', [1, 2, 17, 64, 333]);
    // Rows are the lines records start on, as the one-pass reader counts them (quoted breaks too).
    const split = readCsv(text, ';');
    const starts = new Set(split.rows.map((_, i) => split.lines?.[i] ?? i + 1));
    const result = importStatement(utf8(text), 'blocks.csv', { importedAt: 1, csvSliceChars: 50 });
    const numbers = [...result.transactions, ...result.rejected, ...result.warnings].map((r) => r.row);
    expect(numbers.filter((row) => !starts.has(row))).toEqual([]);
    expect(result.transactions.at(-1)?.row).toBe(split.lines?.[split.rows.length - 2]);
    expect(result.warnings[0]?.row).toBe(split.lines?.[split.rows.length - 1]);
  });

  it('gives the demo case CSVs exactly as one slice does', () => {
    for (const name of [
      '03-freedom-zhumabaeva.csv',
      '05-binance-p2p-orders.csv',
      '06-binance-withdrawal-history.csv',
      '07-tronscan-usdt-trc20-TAo1a7ee3w7GN6mXp2D9BbTPXKkaZ32qEG.csv',
    ]) {
      const bytes = new Uint8Array(readFileSync(new URL(`../../../resources/demo/${name}`, import.meta.url)));
      sameAtEverySlice(bytes, name, [700, 5000]);
    }
  });

  it('reports the bytes read and the records split so far, up to the whole file', () => {
    const sheet = halykFixture(9, 16_000).sheets[0];
    if (!sheet) throw new Error('fixture without a sheet');
    const bytes = utf8(toCsv(sheet.rows, ';'));
    const reports: [number, number, number][] = [];
    const result = importStatement(bytes, 'halyk.csv', {
      importedAt: 1,
      csvPieceBytes: 20_000,
      csvSliceChars: 5000,
      onReadProgress: (done, total, records) => reports.push([done, total, records]),
    });
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.every(([, total]) => total === bytes.length)).toBe(true);
    expect(reports.at(-1)?.[0]).toBe(bytes.length);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]![0]).toBeGreaterThanOrEqual(reports[i - 1]![0]);
      expect(reports[i]![2]).toBeGreaterThanOrEqual(reports[i - 1]![2]);
    }
    // The first megabyte is read before any record is split; then the count follows the pieces.
    const midway = reports.find(([done]) => done > bytes.length / 2);
    expect(midway?.[2]).toBeGreaterThan(0);
    expect(midway?.[2]).toBeLessThan(result.rows.transactions);
    const r = result.rows;
    const records = r.transactions + r.rejected + r.preamble + r.header + r.totals + r.blank + r.other;
    expect(reports.at(-1)?.[2]).toBe(records);
  });

  it('previews a large CSV from its first megabytes, with the rows reading it all would give', () => {
    const sheet = halykFixture(4, 12_000).sheets[0];
    if (!sheet) throw new Error('fixture without a sheet');
    for (const [text, encode] of [
      [toCsv(sheet.rows, ';', '\r\n'), utf8],
      [toCsv(sheet.rows, '\t', '\n'), (t: string) => utf16le(t)],
      // Long payment purposes: the first 1,000 records need several megabytes.
      [
        [
          'Дата;Сумма;Назначение',
          ...Array.from({ length: 1500 }, (_, i) => `03.01.2024;${i},00;"${'перевод; '.repeat(300)}\n${i}"`),
        ].join('\n'),
        utf8,
      ],
    ] as const) {
      const bytes = encode(text);
      expect(bytes.length).toBeGreaterThan(2_000_000);
      const input = readInput(bytes, 'big.csv', { limits: resolveLimits(undefined), previewRows: 1000 });
      if (input.kind !== 'sheets') throw new Error(`read as ${input.kind}`);
      const whole = readCsv(text, undefined, 1000);
      expect(input.delimiter).toBe(whole.delimiter);
      expect(input.sheets[0]?.rows).toStrictEqual(whole.rows);
      expect(input.sheets[0]?.lines).toStrictEqual(whole.lines);
      expect(input.problems).toEqual([]);
    }
  });

  it('lets each read row go while later rows are still to come', () => {
    const sheet = halykFixture(5, 3000).sheets[0];
    if (!sheet) throw new Error('fixture without a sheet');
    const all = sheet.rows as Cell[][];
    const rows: Cell[][] = [];
    const acc = new ImportAccumulator('halyk.csv', undefined);
    const importer = new SheetImporter(
      { name: 'halyk.csv', rows, merges: [], hidden: false, nameIsFile: true, lineOf: (i) => i + 1 },
      acc,
      { zone: 'Asia/Almaty', date1904: false, overrides: undefined, ownAccount: undefined },
    );
    for (const row of all.slice(0, 1500)) rows.push(row);
    importer.advance(rows.length, false);
    const read = acc.transactions.length;
    expect(read).toBeGreaterThan(1000);
    const released = rows.slice(0, 1400).filter((row) => row.length === 0).length;
    expect(released).toBeGreaterThan(1000);
    for (const row of all.slice(1500)) rows.push(row);
    importer.advance(rows.length, true);
    expect(acc.transactions.length).toBe(sheet.expected.length);
  });
});
