/**
 * XLSX/XLS bytes → plain rows per sheet through SheetJS in dense mode. Numbers stay numbers
 * (date-formatted ones are Excel serials the table core converts with the workbook's date
 * system); formula cells give their cached value; error cells give their text (`#N/A`) so a
 * rejected row can quote it.
 */
import * as XLSX from 'xlsx';
import type { Cell, MergedRange } from '../table';
import { checkBiffRecords } from './biff-guard';
import { ImportError } from './errors';
import { checkInflatedSizes } from './inflated-size';
import type { ImportLimits } from './limits';
import { formatBytes, limitReason } from './limits';
import type { ZipEntry } from './zip';

export interface WorkbookSheet {
  name: string;
  rows: Cell[][];
  merges: MergedRange[];
  hidden: boolean;
  /** Display text of the first rows (as Excel shows them), when asked for. */
  display?: string[][];
}

export interface WorkbookRead {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

export interface WorkbookOptions {
  limits: ImportLimits;
  /** Read only this many rows per sheet (the preview); 0 = all. */
  sheetRows?: number;
  /** Keep Excel's formatted text for this many leading rows. */
  displayRows?: number;
}

export function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  format: 'xlsx' | 'xls',
  zip: readonly ZipEntry[] | null,
  options: WorkbookOptions,
): WorkbookRead {
  const { limits } = options;
  if (zip !== null) {
    checkDeclaredSize(zip, fileName, limits);
    checkInflatedSizes(bytes, zip, fileName, limits);
  } else checkBiffRecords(bytes, fileName);
  const displayRows = options.displayRows ?? 0;
  const readRows = options.sheetRows ?? 0;
  let workbook: XLSX.WorkBook;
  try {
    // SheetJS hangs its cursor state (read_shift, l…) on the array it is given: a fresh view keeps
    // the caller's bytes untouched (no copy is made).
    workbook = XLSX.read(bytes.subarray(0), {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      sheetStubs: false,
      // Formatted text costs a third of the read time; only the preview shows it.
      cellText: displayRows > 0,
      sheetRows: readRows > 0 ? readRows : limits.maxRowsPerSheet + 1,
    });
  } catch (error) {
    throw new ImportError({ file: fileName, reason: unreadableWorkbook(format, error) });
  }
  const visibility = workbook.Workbook?.Sheets ?? [];
  const sheets: WorkbookSheet[] = [];
  let cells = 0;
  for (let i = 0; i < workbook.SheetNames.length; i++) {
    const name = workbook.SheetNames[i] ?? `Sheet${i + 1}`;
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    if (readRows === 0 && data.length > limits.maxRowsPerSheet) {
      throw new ImportError({
        file: fileName,
        sheet: name,
        reason: limitReason(
          'the sheet row count',
          `over ${limits.maxRowsPerSheet.toLocaleString('en-US')}`,
          `${limits.maxRowsPerSheet.toLocaleString('en-US')} rows`,
          'maxRowsPerSheet',
        ),
      });
    }
    const converted = convertRows(data, displayRows);
    cells += converted.cells;
    if (cells > limits.maxCells) {
      throw new ImportError({
        file: fileName,
        sheet: name,
        reason: limitReason(
          'the number of filled cells',
          `over ${limits.maxCells.toLocaleString('en-US')}`,
          `${limits.maxCells.toLocaleString('en-US')} cells`,
          'maxCells',
        ),
      });
    }
    // The cell objects are several times the size of the plain rows: let them go sheet by sheet.
    delete sheet['!data'];
    const entry: WorkbookSheet = {
      name,
      rows: converted.rows,
      merges: (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })),
      hidden: (visibility[i]?.Hidden ?? 0) !== 0,
    };
    if (converted.display) entry.display = converted.display;
    sheets.push(entry);
  }
  return { sheets, date1904: workbook.Workbook?.WBProps?.date1904 === true };
}

/**
 * SheetJS says what is wrong in its own errors ("File is password-protected", "Unsupported ZIP
 * Compression method"); a damaged file instead trips it over a JavaScript TypeError or RangeError
 * whose text ("Cannot set properties of undefined") means nothing to an investigator.
 */
function unreadableWorkbook(format: 'xlsx' | 'xls', error: unknown): string {
  const what = `the ${format.toUpperCase()} workbook could not be read`;
  const advice = 'open it in Excel and save it again as XLSX';
  // Its own words, unless they are a placeholder that leaked (`Bad SerAr: undefined`).
  const own =
    error instanceof Error &&
    error.constructor === Error &&
    error.message.trim() !== '' &&
    !/undefined|NaN|\[object/.test(error.message);
  if (own) return `${what} (${error.message.trim().slice(0, 200)}); ${advice}`;
  return `${what}: it is damaged or truncated; ${advice}`;
}

function checkDeclaredSize(zip: readonly ZipEntry[], fileName: string, limits: ImportLimits): void {
  let total = 0;
  for (const entry of zip) total += entry.uncompressedSize;
  if (total > limits.maxUncompressedBytes) {
    throw new ImportError({
      file: fileName,
      reason: limitReason(
        'the uncompressed size the XLSX declares',
        formatBytes(total),
        formatBytes(limits.maxUncompressedBytes),
        'maxUncompressedBytes',
      ),
    });
  }
}

function convertRows(
  data: readonly ((XLSX.CellObject | undefined)[] | undefined)[],
  displayRows: number,
): { rows: Cell[][]; cells: number; display?: string[][] } {
  const rows: Cell[][] = new Array<Cell[]>(data.length);
  const display: string[][] | undefined = displayRows > 0 ? [] : undefined;
  let cells = 0;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) {
      rows[r] = [];
      if (display && r < displayRows) display.push([]);
      continue;
    }
    const row: Cell[] = new Array<Cell>(source.length);
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      const value = cell === undefined ? null : valueOf(cell);
      row[c] = value;
      if (value !== null) cells++;
    }
    rows[r] = row;
    if (display && r < displayRows) display.push(Array.from(source, (cell) => displayOf(cell)));
  }
  return display ? { rows, cells, display } : { rows, cells };
}

/** BIFF/OOXML error codes, for when SheetJS was asked not to format cells. */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function valueOf(cell: XLSX.CellObject): Cell {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return cell.w ?? (typeof cell.v === 'number' ? (ERROR_TEXT[cell.v] ?? '#ERROR') : '#ERROR');
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString() : null;
    default:
      return null;
  }
}

function displayOf(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  if (cell.w !== undefined) return cell.w;
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}
