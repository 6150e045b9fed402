import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildRegistryXlsx } from './registry-xlsx';
import type { FreezeEntry } from './types';

const entry: FreezeEntry = {
  id: 'a1',
  kind: 'card',
  identifier: '4400 4301 2345 6789',
  holder: 'Сәрсенбаев Қ. Ә.',
  institution: 'Kaspi Bank',
  amountMinor: 123456789,
  currency: 'KZT',
  status: 'approved',
  legalBasis: 'ст. 161 УПК РК',
  evidence: [{ file: 'kaspi.xlsx', sha256: 'a'.repeat(64), sheet: 'Лист1', row: 17 }],
};

describe('buildRegistryXlsx', () => {
  it('writes both caption rows, one row per asset, with amounts and evidence references', () => {
    const usdt: FreezeEntry = {
      ...entry,
      id: 'a3',
      kind: 'wallet',
      identifier: 'TXyz',
      currency: 'USDT',
      amountMinor: 5_900_500_000,
    };
    const bytes = buildRegistryXlsx([entry, { ...entry, id: 'a2', amountMinor: 5 }, usdt], 'kk');
    const book = XLSX.read(bytes, { cellStyles: true });
    const sheet = book.Sheets['Реестр']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows[0]).toContain('Сәйкестендіргіш');
    expect(rows[1]).toContain('Идентификатор');
    expect(rows[2]).toEqual([
      1,
      'Төлем карточкасы',
      '4400 4301 2345 6789',
      'Сәрсенбаев Қ. Ә.',
      'Kaspi Bank',
      1234567.89,
      'KZT',
      'бекітілді',
      'kaspi.xlsx, Лист1, стр. 17',
    ]);
    expect(rows[3]?.[5]).toBe(0.05);
    // USDT has 6 decimals: 5 900,5 USDT, not 59 005 000.
    expect(rows[4]?.slice(5, 7)).toEqual([5900.5, 'USDT']);
    expect(sheet[XLSX.utils.encode_cell({ r: 4, c: 5 })]?.z).toBe('#,##0.000000');
    expect(rows).toHaveLength(5);
    expect(sheet['!cols']?.[2]?.wch).toBe(34);
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('state="frozen"');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('_xlnm.Print_Titles');
  });

  it('is byte-identical for the same entries', async () => {
    const a = buildRegistryXlsx([entry]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(buildRegistryXlsx([entry])).toEqual(a);
  });
});
