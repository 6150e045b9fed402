/**
 * Shared pieces of the demo renderers: deterministic XLSX bytes, CSV text, number and date
 * formats as Kazakh banks print them, and the running balance of a statement.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import * as XLSX from 'xlsx';
import type { Cell, MergedRange } from '../import/table';
import type { Entry } from './entries';

export { excelSerial, formatRu, formatWall } from '../import/table/fixture-kit';

export interface DemoSheet {
  name: string;
  rows: Cell[][];
  merges?: MergedRange[];
  /** Number format for Excel-serial date cells in these columns. */
  dateColumns?: number[];
}

/** Fixed document properties: SheetJS otherwise stamps the current time and bytes would drift. */
const FIXED_DATE = new Date(Date.UTC(2024, 9, 16, 9, 30));

/**
 * SheetJS keeps number formats in one global table that every read and write adds to, and a
 * workbook without its own table copies the global one: the same sheet would get different
 * styles.xml depending on what the process did before. Each workbook gets a copy of the built-in
 * formats (ids below 164) as they were when this module loaded.
 */
const BUILT_IN_FORMATS: Record<string, string> = Object.fromEntries(
  Object.entries(XLSX.SSF.get_table() as Record<string, string>).filter(([id]) => Number(id) < 164),
);

export function xlsxBytes(sheets: readonly DemoSheet[], author: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows);
    if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => ({ s: m.s, e: m.e }));
    for (const c of sheet.dateColumns ?? []) {
      for (let r = 0; r < sheet.rows.length; r++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell?.t === 'n') cell.z = 'dd.mm.yyyy hh:mm:ss';
      }
    }
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  (wb as XLSX.WorkBook & { SSF: Record<string, string> }).SSF = { ...BUILT_IN_FORMATS };
  wb.Props = {
    Title: 'Выписка',
    Author: author,
    LastAuthor: author,
    CreatedDate: FIXED_DATE,
    ModifiedDate: FIXED_DATE,
  };
  const out = XLSX.write(wb, {
    type: 'array',
    bookType: 'xlsx',
    compression: true,
    bookSST: true,
  }) as ArrayBuffer;
  return recompress(new Uint8Array(out));
}

/**
 * SheetJS's own deflate is quick but loose (a 480 KB sheet stays at 150 KB); re-zipping at level 9
 * with a fixed timestamp keeps the demo small enough to commit and byte-for-byte reproducible.
 */
function recompress(xlsx: Uint8Array): Uint8Array {
  const entries = unzipSync(xlsx);
  const names = Object.keys(entries).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) {
    const data = entries[name];
    if (data) zippable[name] = [data, { level: 9, mtime: FIXED_DATE }];
  }
  return zipSync(zippable);
}

/** Excel writes `[Content_Types].xml` first; some strict readers expect it there. */
function rank(name: string): number {
  return name === '[Content_Types].xml' ? 0 : 1;
}

/** RFC 4180 text; quotes only where the delimiter, a quote or a line break demands it. */
export function csvText(rows: readonly (readonly Cell[])[], delimiter: string): string {
  const field = (cell: Cell): string => {
    const text = cell === null ? '' : String(cell);
    return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(delimiter)).join('\r\n') + '\r\n';
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Tiyn as a plain number cell (`45000.5`). */
export function toNumber(minor: number): number {
  return minor / 100;
}

/** `dd/mm/yyyy` and `dd.mm.yyyy` of a UTC-midnight date. */
export function day(ms: number, sep: '.' | '/'): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return [pad(d.getUTCDate()), pad(d.getUTCMonth() + 1), d.getUTCFullYear()].join(sep);
}

export interface Totals {
  credit: number;
  debit: number;
  closing: number;
}

export function totals(opening: number, entries: readonly Entry[]): Totals {
  let credit = 0;
  let debit = 0;
  for (const e of entries) {
    if (e.direction === 'in') credit += e.amountMinor;
    else debit += e.amountMinor;
  }
  return { credit, debit, closing: opening + credit - debit };
}

export const numbering = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
