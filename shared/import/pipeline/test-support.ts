/**
 * Test helpers: statement fixtures written out as the files banks send (XLSX, XLS, CSV in several
 * encodings and delimiters), generated in code so no binary is committed.
 */
import * as XLSX from 'xlsx';
import type { Cell } from '../table';
import { detectTables } from '../table';
import type { ExpectedTransaction, FixtureSheet } from '../table/fixtures';
import type { ImportedTransaction } from '../../model/statement';

export function toWorkbook(sheets: readonly FixtureSheet[], bookType: 'xlsx' | 'biff8'): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows);
    if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An Excel serial as a bank's text export prints it. */
export function serialText(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400) * 1000;
  const d = new Date(ms);
  const date = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  if (ms % 86_400_000 === 0) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Rows as delimited text: date serials printed as dates, numbers as JS prints them. */
export function toCsv(rows: readonly (readonly Cell[])[], delimiter: string, newline = '\r\n'): string {
  const dateColumns = new Set<number>();
  const dataRows = new Set<number>();
  for (const table of detectTables(rows).tables) {
    for (const c of table.columns)
      if (c.match?.role === 'date' || c.match?.role === 'valueDate') dateColumns.add(c.index);
    for (let r = table.dataStart; r < table.dataEnd; r++) dataRows.add(r);
  }
  return rows
    .map((row, r) =>
      row
        .map((cell, c) => {
          if (cell === null) return '';
          const text =
            typeof cell === 'number' && dateColumns.has(c) && dataRows.has(r)
              ? serialText(cell)
              : String(cell);
          return quote(text, delimiter);
        })
        .join(delimiter),
    )
    .join(newline);
}

export function quote(text: string, delimiter: string): string {
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r'))
    return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function utf16le(text: string, bom = true): Uint8Array {
  const offset = bom ? 2 : 0;
  const out = new Uint8Array(offset + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[offset + 2 * i] = code & 0xff;
    out[offset + 2 * i + 1] = code >> 8;
  }
  return out;
}

// Windows-1251 beyond ASCII: А–я are contiguous; the rest is the punctuation banks print.
const CP1251_EXTRA: Readonly<Record<string, number>> = {
  Ё: 0xa8,
  ё: 0xb8,
  І: 0xb2,
  і: 0xb3,
  '№': 0xb9,
  '\u00a0': 0xa0,
  '«': 0xab,
  '»': 0xbb,
  '–': 0x96,
  '—': 0x97,
  '“': 0x93,
  '”': 0x94,
};

/** Windows-1251 bytes, or null when the text has a letter the code page lacks (Kazakh ә, ң…). */
export function cp1251(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    if (code < 0x80) out[i] = code;
    else if (code >= 0x410 && code <= 0x44f) out[i] = code - 0x410 + 0xc0;
    else {
      const byte = CP1251_EXTRA[ch];
      if (byte === undefined) return null;
      out[i] = byte;
    }
  }
  return out;
}

/** An imported transaction in the fixtures' expected shape. */
export function asExpected(tx: ImportedTransaction): ExpectedTransaction {
  const { sheet: _sheet, column: _column, txid: _txid, network: _network, orderId: _orderId, ...rest } = tx;
  return rest as ExpectedTransaction;
}
