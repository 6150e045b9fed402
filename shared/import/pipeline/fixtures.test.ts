/**
 * Every bank layout of the table core's fixtures, written out as the files banks send (XLSX,
 * XLS, CSV in four encodings and three delimiters) and imported back: the transactions must be
 * exactly the fixtures' ground truth, with provenance, and every row accounted for.
 */
import { describe, expect, it } from 'vitest';
import { allFixtures } from '../table/fixtures';
import type { FixtureSheet } from '../table/fixtures';
import { readSheetName } from '../table';
import type { StatementImport } from '../../model/statement';
import { importStatement } from './import-statement';
import { asExpected, cp1251, toCsv, toWorkbook, utf16le, utf8 } from './test-support';

const fixtures = allFixtures(1);

function nonEmptyRows(sheets: readonly FixtureSheet[]): number {
  return sheets.reduce((n, s) => n + s.rows.filter((r) => r.some((c) => c !== null && c !== '')).length, 0);
}

function accounted(result: StatementImport): number {
  const r = result.rows;
  return r.transactions + r.rejected + r.preamble + r.header + r.totals + r.other;
}

describe('workbooks', () => {
  for (const fixture of fixtures) {
    for (const bookType of ['xlsx', 'biff8'] as const) {
      it(`${fixture.name} as ${bookType}`, () => {
        const file = `${fixture.name}.${bookType === 'xlsx' ? 'xlsx' : 'xls'}`;
        const result = importStatement(toWorkbook(fixture.sheets, bookType), file, { importedAt: 1 });
        expect(result.source.format).toBe(bookType === 'xlsx' ? 'xlsx' : 'xls');
        expect(result.rejected).toEqual([]);
        for (const sheet of fixture.sheets) {
          const got = result.transactions.filter((t) => t.sheet === sheet.name).map(asExpected);
          expect(got).toEqual(sheet.expected);
        }
        expect(result.rows.transactions).toBe(result.transactions.length);
        expect(accounted(result)).toBe(nonEmptyRows(fixture.sheets));
        expect(result.mappings.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('delimited text', () => {
  const encodings = {
    'utf-8': (text: string) => utf8(text),
    'utf-8 BOM': (text: string) => utf8(text, true),
    'windows-1251': (text: string) => cp1251(text),
    'utf-16le': (text: string) => utf16le(text),
  } as const;
  const reported: Record<keyof typeof encodings, string> = {
    'utf-8': 'utf-8',
    'utf-8 BOM': 'utf-8',
    'windows-1251': 'windows-1251',
    'utf-16le': 'utf-16le',
  };
  for (const fixture of fixtures) {
    // A CSV has no sheet name, so layouts that take direction or account from it cannot be CSV.
    const sheets = fixture.sheets.filter((s) => Object.keys(readSheetName(s.name)).length === 0);
    for (const sheet of sheets) {
      for (const delimiter of [';', ',', '\t']) {
        for (const [encoding, encode] of Object.entries(encodings)) {
          const text = toCsv(sheet.rows, delimiter);
          const bytes = encode(text);
          const label = delimiter === '\t' ? 'tab' : delimiter;
          // Pure ASCII in 1251 is also UTF-8, and reported as such.
          const ascii = encoding === 'windows-1251' && !Array.from(text).some((c) => c.charCodeAt(0) > 0x7f);
          // Layouts with Kazakh letters cannot be written in 1251 at all: no such file exists to test.
          if (bytes === null || ascii) continue;
          it(`${fixture.name} / ${sheet.name}: ${encoding}, "${label}"`, () => {
            const file = `${fixture.name}.csv`;
            const result = importStatement(bytes as Uint8Array, file, { importedAt: 1, ...sheet.context });
            expect(result.source.encoding).toBe(reported[encoding as keyof typeof encodings]);
            expect(result.rejected).toEqual([]);
            expect(result.transactions.every((t) => t.sheet === file)).toBe(true);
            expect(result.transactions.map(asExpected)).toEqual(sheet.expected);
            expect(accounted(result)).toBe(nonEmptyRows([sheet]));
          });
        }
      }
    }
  }
});
