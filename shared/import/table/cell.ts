/**
 * The plain shapes every file in this folder works on. The sheet reader (outside this folder)
 * turns XLSX/XLS/CSV into these; nothing here knows which library did it.
 */

/** One cell as read: Excel dates arrive as serial numbers, empty cells as null. */
export type Cell = string | number | boolean | null;

/** `rows[i]` is Excel row `i + 1` (CSV line `i + 1`). Rows may be ragged. */
export type SheetRows = readonly (readonly Cell[])[];

/** A merged range as SheetJS reports it (`!merges`), 0-based and inclusive. */
export interface MergedRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** Every parser answers with a value or a reason a person can act on, never by throwing. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export type Direction = 'in' | 'out';

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/** 0 → "A", 25 → "Z", 26 → "AA": how the investigator finds the cell in Excel. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Quotes a cell for a reason text, shortened so one bad cell cannot flood the screen. */
export function show(cell: Cell): string {
  if (cell === null) return 'empty';
  const text = String(cell);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') {
    // Most cells start with a character `trim` keeps: skip the trim then.
    const first = cell.charCodeAt(0);
    if (first > 32 && first < 0x1680 && first !== 0xa0) return false;
    return cell.trim() === '';
  }
  return false;
}
