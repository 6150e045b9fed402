/**
 * Limits and refusals found by the fuzzing harness (scripts/fuzz/): each refusal names the file,
 * the limit, the measured value and the option that raises it, and none leaks a JavaScript
 * internal error or raw bytes of the file.
 */
import { zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { importStatement } from '../pipeline/import-statement';
import { ImportError, unreadableRefusal } from './errors';
import { DEFAULT_LIMITS, parseTimeRefusal, resolveLimits } from './limits';
import { sniff } from './sniff';
import { normalizeCaption } from '../table/text';

const encoder = new TextEncoder();

function refusal(bytes: Uint8Array, name: string, limits = {}): ImportError {
  try {
    importStatement(bytes, name, { importedAt: 0, limits });
  } catch (error) {
    expect(unreadableRefusal(error, name)).toBeNull();
    return error as ImportError;
  }
  throw new Error(`${name} was imported`);
}

function workbook(): Uint8Array {
  const book = XLSX.utils.book_new();
  const rows = [
    ['Дата', 'Сумма', 'Назначение'],
    ...Array.from({ length: 30 }, (_, i) => [45300 + i, 1000 + i, `Перевод ${i}`]),
  ];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Выписка');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Overwrite the uncompressed size of `name` in its local header and the central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const target = encoder.encode(name);
  const matches = (at: number) => target.every((b, i) => out[at + i] === b);
  for (let p = 0; p + 46 < out.length; p++) {
    const signature = view.getUint32(p, true);
    if (signature === 0x04034b50 && view.getUint16(p + 26, true) === target.length && matches(p + 30))
      view.setUint32(p + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(p + 28, true) === target.length && matches(p + 46))
      view.setUint32(p + 24, size, true);
  }
  return out;
}

/** A two-row statement as an XLS (BIFF8) workbook, to be damaged the way real files were. */
function smallXls(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Дата', 'Сумма'],
      [45300, 100],
    ]),
    'S',
  );
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

describe('import limits', () => {
  it('has one set of defaults, each configurable', () => {
    expect(resolveLimits({ maxXmlDepth: 10 })).toEqual({ ...DEFAULT_LIMITS, maxXmlDepth: 10 });
    expect(Object.keys(DEFAULT_LIMITS).sort()).toEqual([
      'maxCells',
      'maxColumns',
      'maxFileBytes',
      'maxParseSeconds',
      'maxRowsPerSheet',
      'maxUncompressedBytes',
      'maxXmlDepth',
    ]);
  });

  it('refuses a zip bomb that declares 1 KiB and inflates to 16 MiB, before SheetJS spends its time on it', () => {
    const zip = zipSync({
      '[Content_Types].xml': encoder.encode('<Types/>'),
      'xl/workbook.xml': encoder.encode('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(16 << 20).fill(0x20),
    });
    const error = refusal(declareSize(zip, 'xl/worksheets/sheet1.xml', 1024), 'bomb.xlsx');
    expect(error.message).toMatch(
      /^`bomb\.xlsx`: the XLSX is a damaged zip archive: entry `xl\/worksheets\/sheet1\.xml` declares 1\.0 KiB but inflates to more/,
    );
  });

  it('counts what the parts really inflate to against maxUncompressedBytes', () => {
    const error = refusal(workbook(), 'big.xlsx', { maxUncompressedBytes: 2000 });
    expect(error.reason).toMatch(
      /uncompressed size .* over the limit of 2\.0 KiB; raise `limits\.maxUncompressedBytes`/,
    );
  });

  it('refuses a damaged XLS without quoting a JavaScript error', () => {
    const book = XLSX.read(workbook(), { type: 'array' });
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    // Truncations like these made SheetJS throw "Cannot set properties of undefined".
    for (const cut of [0.3, 0.5, 0.7, 0.9]) {
      const name = `cut-${cut}.xls`;
      try {
        importStatement(xls.slice(0, Math.floor(xls.length * cut)), name, { importedAt: 0 });
      } catch (error) {
        expect(unreadableRefusal(error, name)).toBeNull();
        expect((error as Error).message).not.toMatch(/undefined|properties of/);
      }
    }
  });

  it('refuses an XLS whose formula record is too short to hold a formula (SheetJS looped forever)', () => {
    const xls = smallXls();
    // Turn the Number record of B2 (type 0x0203, 14 bytes, row 1, column 1) into a Formula
    // record of the same 14 bytes: what a damaged file looks like to SheetJS.
    const header = [0x03, 0x02, 0x0e, 0x00, 0x01, 0x00, 0x01, 0x00];
    const at = xls.findIndex((_, p) => header.every((b, i) => xls[p + i] === b));
    expect(at).toBeGreaterThan(0);
    xls[at] = 0x06;
    xls[at + 1] = 0x00;
    expect(refusal(xls, 'short.xls').reason).toMatch(
      /^the XLS workbook is damaged: its Formula record at byte \d+ of the workbook stream is 14 bytes, too short for what it must hold/,
    );
  });

  it('refuses an XLS with an empty ExternSheet record (SheetJS allocated until the heap ran out)', () => {
    const xls = smallXls();
    const cfb = XLSX.CFB.read(xls, { type: 'array' }) as {
      FileIndex: { name: string; content: Uint8Array }[];
    };
    const stream = cfb.FileIndex.find((e) => e.name === 'Workbook')!;
    const content = Uint8Array.from(stream.content);
    const afterBof = 4 + (content[2]! | (content[3]! << 8));
    // An ExternSheet record (0x0017) of 0 bytes right after the workbook's BOF.
    const damaged = new Uint8Array(content.length + 4);
    damaged.set(content.subarray(0, afterBof));
    damaged.set([0x17, 0x00, 0x00, 0x00], afterBof);
    damaged.set(content.subarray(afterBof), afterBof + 4);
    stream.content = damaged;
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    expect(refusal(bytes, 'extern.xls').reason).toMatch(
      /^the XLS workbook is damaged: its ExternSheet \(BIFF8\) record at byte \d+ of the workbook stream is 0 bytes/,
    );
  });

  it('refuses text too long for one string instead of throwing a TypeError', () => {
    // 300 MiB of UTF-16LE: past what V8's decoder returns as one string. A CSV's import decodes it
    // in pieces; the formats read whole (MT940, CAMT, a preview) cannot.
    const bytes = new Uint8Array(300 << 20).fill(0x41);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 3; i < bytes.length; i += 2) bytes[i] = 0;
    const sniffed = sniff(bytes, 'huge.csv');
    if (sniffed.format !== 'csv') throw new Error(`sniffed as ${sniffed.format}`);
    expect(() => sniffed.text.whole()).toThrow(
      /^`huge\.csv`: the text is 300\.0 MiB, more than can be decoded as one piece .*; split the file/,
    );
  });

  it('reads a cell of 40 million quote marks as a caption without overflowing the stack', () => {
    expect(normalizeCaption(`Итого${'"'.repeat(40_000_000)}`)).toBe('итого');
  });

  it('refuses a CSV line with more fields than maxColumns (one line of millions of fields took hours)', () => {
    // Line breaks turned into U+2028: 2,000 records read as one line of 20,000 fields.
    const line = '2024-01-03 10:00,Buy,USDT,KZT,490000.00,492.07,995.79,Seller,Completed,x';
    const csv = encoder.encode(`Дата,Сумма\n${Array.from({ length: 2000 }, () => line).join('\u2028')}\n`);
    expect(refusal(csv, 'wide.csv').message).toBe(
      '`wide.csv`, row 2: the number of fields in this line is 18,001, over the limit of 16,384 columns; raise `limits.maxColumns` to import it',
    );
  });

  it('counts CSV cells against maxCells', () => {
    const csv = encoder.encode('Дата;Сумма\n01.02.2024;100\n02.02.2024;200\n');
    expect(refusal(csv, 'cells.csv', { maxCells: 4 }).reason).toBe(
      'the number of filled cells is 6, over the limit of 4 cells; raise `limits.maxCells` to import it',
    );
  });

  it('takes the CAMT nesting limit from limits.maxXmlDepth and says how to raise it', () => {
    const deep = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>${'<a>'.repeat(20)}${'</a>'.repeat(20)}</BkToCstmrStmt></Document>`;
    const error = refusal(encoder.encode(deep), 'deep.xml', { maxXmlDepth: 10 });
    expect(error.message).toMatch(/nested more than 10 deep, over the limit .*raise `limits\.maxXmlDepth`/);
  });

  it('keeps control characters and kilobytes of quoted file content out of the message', () => {
    const error = new ImportError({
      file: 'x.xml',
      reason: `bad attribute '\u0001\u0002${'ж'.repeat(5000)}'`,
    });
    expect(unreadableRefusal(error, 'x.xml')).toBeNull();
    expect(error.reason.length).toBeLessThanOrEqual(601);
    expect(error.reason).toMatch(/^bad attribute '\uFFFD\uFFFDж/);
  });

  it('words the parse-time refusal the host reports after stopping the worker', () => {
    const error = parseTimeRefusal('slow.xlsx', 601, DEFAULT_LIMITS);
    expect(error.message).toBe(
      '`slow.xlsx`: the time spent reading it is over 601 s, over the limit of 600 s; raise `limits.maxParseSeconds` to import it',
    );
  });
});
