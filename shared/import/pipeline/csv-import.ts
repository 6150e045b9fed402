/**
 * A CSV statement imported while it is decoded and split: each slice of records goes to the sheet
 * importer, which reads the rows it can decide and lets them go, so a million-row file never
 * holds its whole text or a million rows of cells at once. The result is the one reading the
 * whole sheet first gives.
 */
import type { RejectedRow } from '../../model/statement';
import { CsvLineNumbers, PARSE_SLICE_CHARS, splitCsv } from '../read/csv';
import { CsvLimits } from '../read/csv-limits';
import type { ImportLimits } from '../read/limits';
import type { Cell } from '../table';
import type { ImportAccumulator } from './accumulator';
import type { SheetImportOptions } from './sheet-import';
import { SheetImporter } from './sheet-import';

export interface CsvImportOptions extends SheetImportOptions {
  limits: ImportLimits;
  /** Bytes decoded so far and in all, records split so far. */
  onReadProgress?: (done: number, total: number, records: number) => void;
  /** Characters per slice (tests use tiny ones). */
  sliceChars?: number;
}

/**
 * `decode`: the text's pieces as they are decoded, given a callback for the bytes decoded so far.
 * Returns the delimiter it was split on.
 */
export function importCsvText(
  decode: (onBytes: (done: number, total: number) => void) => Iterable<string>,
  fileName: string,
  acc: ImportAccumulator,
  options: CsvImportOptions,
): string {
  const rows: Cell[][] = [];
  const lines = new CsvLineNumbers();
  const lineOf = (index: number): number => lines.of(index);
  const limits = new CsvLimits(options.limits, fileName);
  const problems: RejectedRow[] = [];
  const importer = new SheetImporter(
    { name: fileName, rows, merges: [], hidden: false, nameIsFile: true, lineOf },
    acc,
    options,
  );
  const report = options.onReadProgress;
  let size = 0;
  const pieces = decode((done, total) => {
    size = total;
    report?.(done, total, rows.length);
  });
  const { delimiter } = splitCsv(
    pieces,
    undefined,
    (slice) => {
      lines.add(slice);
      limits.count(slice.rows, slice.first, lineOf);
      // Past a limit the rest is only counted, so the refusal quotes the file's own numbers.
      if (limits.broken) return;
      for (const row of slice.rows) rows.push(row);
      for (const error of slice.errors) {
        const row = error.row === undefined ? 0 : slice.first + error.row;
        problems.push({ sheet: fileName, row: lineOf(row), reason: error.message });
      }
      importer.advance(rows.length, slice.final);
    },
    options.sliceChars ?? PARSE_SLICE_CHARS,
  );
  const refusal = limits.refusal();
  if (refusal !== null) throw refusal;
  // A piece is reported as it is decoded, before its records are split: the last word is the count.
  if (size > 0) report?.(size, size, rows.length);
  // Structural problems (an unclosed quote) lead the warnings, as when the text is split first.
  acc.warnings.unshift(...problems);
  return delimiter;
}
