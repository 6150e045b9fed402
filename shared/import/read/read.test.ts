import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { cp1251, utf16le, utf8 } from '../pipeline/test-support';
import { detectDelimiter, readCsv } from './csv';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { DEFAULT_LIMITS } from './limits';
import { sniff } from './sniff';
import { readWorkbook } from './workbook';
import { readZipDirectory } from './zip';

function xlsxBytes(rows: unknown[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'S');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('decodeText', () => {
  const text = 'Дата;Сумма;Назначение платежа\r\n03.01.2024;5 000,00;Оплата за услуги\r\n';
  it('reads UTF-8, with and without BOM', () => {
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8', bom: false });
    expect(decodeText(utf8(text, true))).toEqual({ text, encoding: 'utf-8', bom: true });
  });
  it('reads UTF-16LE with a BOM and without one (NULs in odd positions)', () => {
    expect(decodeText(utf16le(text))).toMatchObject({ text, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16le(text, false))).toMatchObject({ text, encoding: 'utf-16le', bom: false });
  });
  it('reads UTF-16BE with a BOM', () => {
    const le = utf16le(text, false);
    const be = new Uint8Array(le.length + 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < le.length; i += 2) {
      be[i + 2] = le[i + 1]!;
      be[i + 3] = le[i]!;
    }
    expect(decodeText(be)).toMatchObject({ text, encoding: 'utf-16be' });
  });
  it('falls back to Windows-1251 when the bytes are not UTF-8', () => {
    expect(decodeText(cp1251(text)!)).toEqual({ text, encoding: 'windows-1251', bom: false });
  });
});

describe('sniff', () => {
  it('tells workbooks, statements and text apart by their bytes', () => {
    expect(sniff(xlsxBytes([['a']]), 'statement.xls').format).toBe('xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a']]), 'S');
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect(sniff(xls, 'statement.xlsx').format).toBe('xls');
    expect(sniff(utf8('\ufeff  :20:REF\r\n:25:KZ86125KZT5004100100\r\n'), 'a.txt').format).toBe('mt940');
    expect(sniff(utf8('{1:F01HSBKKZKXAXXX}{2:I940}{4:\r\n:20:X\r\n'), 'a.sta').format).toBe('mt940');
    expect(
      sniff(
        utf8('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">'),
        'a.xml',
      ).format,
    ).toBe('camt053');
    expect(sniff(utf8('a;b;c\n1;2;3\n'), 'a.txt').format).toBe('csv');
  });

  it('refuses anything else, naming the file', () => {
    const pdf = utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    expect(() => sniff(pdf, 'x.pdf')).toThrow(
      '`x.pdf` is not a statement format MoneyTrail reads: it is a PDF document; expected XLSX, XLS, CSV/TXT, MT940 or CAMT.053',
    );
    expect(() => sniff(new Uint8Array([0, 1, 2, 3, 4, 5]), 'blob.bin')).toThrow(
      /`blob.bin` is not a statement format/,
    );
    expect(() => sniff(utf8('<html><table></table></html>'), 'bank.xls')).toThrow(/HTML page/);
    expect(() => sniff(utf8('<?xml version="1.0"?><Invoice/>'), 'inv.xml')).toThrow(/not a CAMT.053/);
    expect(() => sniff(new Uint8Array(0), 'empty.csv')).toThrow(ImportError);
  });
});

describe('readCsv', () => {
  it('keeps quoted delimiters and line breaks, and numbers records by the line they start on', () => {
    const text = [
      'Дата;Сумма;Назначение платежа',
      '03.01.2024;"5 000,00";"Оплата; по договору',
      'поставки №15',
      'от 12.01.2024"',
      '04.01.2024;"1,50";"Цитата ""в кавычках"""',
      '',
      '05.01.2024;2;x',
      '',
    ].join('\r\n');
    const csv = readCsv(text);
    expect(csv.delimiter).toBe(';');
    expect(csv.rows).toEqual([
      ['Дата', 'Сумма', 'Назначение платежа'],
      ['03.01.2024', '5 000,00', 'Оплата; по договору\r\nпоставки №15\r\nот 12.01.2024'],
      ['04.01.2024', '1,50', 'Цитата "в кавычках"'],
      [''],
      ['05.01.2024', '2', 'x'],
    ]);
    expect(Array.from(csv.lines ?? [])).toEqual([1, 2, 5, 6, 7]);
  });

  it('numbers plain records by their line without scanning', () => {
    expect(readCsv('a;b\n1;2\n3;4').lines).toBeNull();
    expect(readCsv('a;b\n1;2\n3;4\n').rows).toHaveLength(3);
  });

  it('chooses the delimiter by consistent widths, not by comma decimals', () => {
    const lines = ['Дата;Приход;Расход;Назначение'];
    for (let i = 0; i < 20; i++) lines.push(`0${(i % 9) + 1}.01.2024;${i},50;;Оплата, счет ${i}, НДС`);
    expect(detectDelimiter(lines.join('\n'))).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n4\t5\t6')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3')).toBe('|');
  });
});

describe('zip directory and workbook limits', () => {
  it('lists the entries with their declared sizes', () => {
    const zip = readZipDirectory(xlsxBytes([['a', 1]]));
    expect(zip.ok).toBe(true);
    if (zip.ok) expect(zip.entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });

  it('refuses a zip whose declared uncompressed size is over the limit, before inflating', () => {
    const bytes = xlsxBytes([['a', 1]]);
    // Declare 3 GiB for the first central-directory entry: what a zip bomb looks like.
    const view = new DataView(bytes.buffer);
    let p = bytes.length - 22;
    while (view.getUint32(p, true) !== 0x06054b50) p--;
    const cd = view.getUint32(p + 16, true);
    view.setUint32(cd + 24, 3 * 1024 * 1024 * 1024, true);
    const entries = readZipDirectory(bytes);
    expect(entries.ok).toBe(true);
    expect(() =>
      readWorkbook(bytes, 'bomb.xlsx', 'xlsx', entries.ok ? entries.entries : [], { limits: DEFAULT_LIMITS }),
    ).toThrow(
      /`bomb.xlsx`: the uncompressed size the XLSX declares is 3\.0 GiB, over the limit of 2\.0 GiB; raise `limits.maxUncompressedBytes`/,
    );
  });

  it('gives formula cells their cached value and keeps serials as numbers', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Дата', 'Сумма'],
      [45294.5, 100],
      [45295, 23],
    ]);
    ws['C2'] = { t: 'n', f: 'SUM(B2:B3)', v: 123 };
    ws['!ref'] = 'A1:C3';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'S');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['x']]), 'Hidden');
    book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const read = readWorkbook(bytes, 'f.xlsx', 'xlsx', null, { limits: DEFAULT_LIMITS });
    expect(read.sheets[0]?.rows).toEqual([
      ['Дата', 'Сумма'],
      [45294.5, 100, 123],
      [45295, 23],
    ]);
    expect(read.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['S', false],
      ['Hidden', true],
    ]);
  });

  it('refuses a sheet over the row limit and a workbook over the cell limit, naming the option', () => {
    const bytes = xlsxBytes([['a'], ['b'], ['c']]);
    const limits = { ...DEFAULT_LIMITS, maxRowsPerSheet: 2 };
    expect(() => readWorkbook(bytes, 'r.xlsx', 'xlsx', null, { limits })).toThrow(
      /sheet "S".*maxRowsPerSheet/,
    );
    expect(() =>
      readWorkbook(bytes, 'r.xlsx', 'xlsx', null, { limits: { ...DEFAULT_LIMITS, maxCells: 2 } }),
    ).toThrow(/maxCells/);
  });
});
