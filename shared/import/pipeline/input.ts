/**
 * Bytes → the format's plain contents: sheets of rows for XLSX/XLS/CSV, parsed statement docs
 * for MT940/CAMT. Shared by the import and the preview so both read a file the same way.
 */
import type { StatementParseResult } from '../bank-statement';
import { parseCamt053 } from '../camt053/parse';
import { parseMt940 } from '../mt940/parse';
import { readCsv } from '../read/csv';
import type { TextEncodingName } from '../read/decode';
import { ImportError } from '../read/errors';
import type { ImportLimits } from '../read/limits';
import { formatBytes, limitReason } from '../read/limits';
import { sniff } from '../read/sniff';
import { readWorkbook } from '../read/workbook';
import type { Cell, MergedRange } from '../table';
import type { SourceFormat } from '../../model/statement';

export interface InputSheet {
  name: string;
  rows: Cell[][];
  merges: MergedRange[];
  hidden: boolean;
  /** Row index → the 1-based number the investigator sees; null when it is index + 1. */
  lines: Int32Array | null;
  /** Excel's formatted text of the first rows (preview only). */
  display?: string[][];
  /** CSV: no sheet name to read direction or account from. */
  nameIsFile: boolean;
}

export type InputFile =
  | {
      kind: 'sheets';
      format: 'xlsx' | 'xls' | 'csv';
      encoding?: TextEncodingName;
      delimiter?: string;
      sheets: InputSheet[];
      date1904: boolean;
      /** Structural text problems (an unclosed quote), as warnings. */
      problems: { sheet: string; row: number; reason: string }[];
    }
  | {
      kind: 'docs';
      format: 'mt940' | 'camt053';
      encoding: TextEncodingName;
      text: string;
      parsed: StatementParseResult;
    };

export interface InputOptions {
  limits: ImportLimits;
  /** Preview: read only the first rows of each sheet. */
  previewRows?: number;
  /** Characters of a large text file split so far, and in all (spreadsheets do not report it). */
  onReadProgress?: (done: number, total: number) => void;
  /** Bytes of a large text file decoded so far, and in all (before it can be split). */
  onDecodeProgress?: (done: number, total: number) => void;
}

export function readInput(bytes: Uint8Array, fileName: string, options: InputOptions): InputFile {
  const { limits } = options;
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportError({
      file: fileName,
      reason: limitReason(
        'the file',
        formatBytes(bytes.length),
        formatBytes(limits.maxFileBytes),
        'maxFileBytes',
      ),
    });
  }
  const sniffed = sniff(bytes, fileName, options.onDecodeProgress);
  switch (sniffed.format) {
    case 'xlsx':
    case 'xls': {
      const zip = sniffed.format === 'xlsx' ? sniffed.zip : null;
      const book = readWorkbook(bytes, fileName, sniffed.format, zip, {
        limits,
        sheetRows: options.previewRows ?? 0,
        displayRows: options.previewRows ?? 0,
      });
      const sheets = book.sheets.map((s) => {
        const sheet: InputSheet = { ...s, lines: null, nameIsFile: false };
        return sheet;
      });
      return { kind: 'sheets', format: sniffed.format, sheets, date1904: book.date1904, problems: [] };
    }
    case 'csv': {
      const csv = readCsv(sniffed.decoded.text, undefined, options.previewRows, options.onReadProgress);
      if (csv.rows.length > limits.maxRowsPerSheet) {
        const max = limits.maxRowsPerSheet.toLocaleString('en-US');
        throw new ImportError({
          file: fileName,
          reason: limitReason(
            'the line count',
            csv.rows.length.toLocaleString('en-US'),
            `${max} rows`,
            'maxRowsPerSheet',
          ),
        });
      }
      let cells = 0;
      for (let r = 0; r < csv.rows.length; r++) {
        const row = csv.rows[r] ?? [];
        if (row.length > limits.maxColumns) {
          throw new ImportError({
            file: fileName,
            row: csv.lines?.[r] ?? r + 1,
            reason: limitReason(
              'the number of fields in this line',
              row.length.toLocaleString('en-US'),
              `${limits.maxColumns.toLocaleString('en-US')} columns`,
              'maxColumns',
            ),
          });
        }
        for (const cell of row) if (cell !== '') cells++;
      }
      if (cells > limits.maxCells) {
        const max = limits.maxCells.toLocaleString('en-US');
        throw new ImportError({
          file: fileName,
          reason: limitReason(
            'the number of filled cells',
            cells.toLocaleString('en-US'),
            `${max} cells`,
            'maxCells',
          ),
        });
      }
      const sheet: InputSheet = {
        name: fileName,
        rows: csv.rows,
        merges: [],
        hidden: false,
        lines: csv.lines,
        nameIsFile: true,
      };
      return {
        kind: 'sheets',
        format: 'csv',
        encoding: sniffed.decoded.encoding,
        delimiter: csv.delimiter,
        sheets: [sheet],
        date1904: false,
        problems: csv.problems.map((p) => ({ sheet: fileName, row: p.line, reason: p.message })),
      };
    }
    case 'mt940':
    case 'camt053': {
      const text = sniffed.decoded.text;
      const parsed =
        sniffed.format === 'mt940' ? parseMt940(text) : parseCamt053(text, { maxDepth: limits.maxXmlDepth });
      return { kind: 'docs', format: sniffed.format, encoding: sniffed.decoded.encoding, text, parsed };
    }
  }
}

export function formatOf(input: InputFile): SourceFormat {
  return input.format;
}
