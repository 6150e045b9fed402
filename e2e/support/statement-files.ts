import * as XLSX from 'xlsx';
import type { Fixture } from '../../shared/import/table/fixtures';

/**
 * Statement files for the e2e tests, generated from the seeded fixtures of shared/import/table
 * (so the expected transactions are known) — no binaries in the repository.
 */
export interface GeneratedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  expectedTransactions: number;
}

export function asXlsx(fixture: Fixture, name: string): GeneratedFile {
  const workbook = XLSX.utils.book_new();
  for (const sheet of fixture.sheets) {
    const worksheet = XLSX.utils.aoa_to_sheet(sheet.rows);
    if (sheet.merges) worksheet['!merges'] = sheet.merges;
    XLSX.utils.book_append_sheet(workbook, worksheet, sheet.name);
  }
  const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
    expectedTransactions: fixture.sheets.reduce((sum, sheet) => sum + sheet.expected.length, 0),
  };
}

/** One sheet as a `;`-separated CSV in Windows-1251, the way many bank exports arrive. */
export function asCp1251Csv(fixture: Fixture, name: string): GeneratedFile {
  const sheet = fixture.sheets[0]!;
  const text = sheet.rows
    .map((row) =>
      row
        .map((cell) => {
          const value = cell === null || cell === undefined ? '' : String(cell);
          return /[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
        })
        .join(';'),
    )
    .join('\r\n');
  return {
    name,
    mimeType: 'text/csv',
    buffer: encodeCp1251(text),
    expectedTransactions: sheet.expected.length,
  };
}

const CP1251_EXTRA: Record<string, number> = {
  Ё: 0xa8,
  ё: 0xb8,
  '№': 0xb9,
  '«': 0xab,
  '»': 0xbb,
  '\u00a0': 0xa0,
  '–': 0x96,
  '—': 0x97,
  '“': 0x93,
  '”': 0x94,
};

/** Windows-1251 has no Kazakh letters; exporters that use it replace them with the nearest Russian. */
const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  Ә: 'А',
  Ғ: 'Г',
  Қ: 'К',
  Ң: 'Н',
  Ө: 'О',
  Ұ: 'У',
  Ү: 'У',
  Һ: 'Х',
  І: 'И',
};

export function encodeCp1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const original of text) {
    const char = KAZAKH_TO_RUSSIAN[original] ?? original;
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (CP1251_EXTRA[char] !== undefined) bytes.push(CP1251_EXTRA[char]);
    else throw new Error(`character ${char} has no Windows-1251 code`);
  }
  return Buffer.from(bytes);
}
