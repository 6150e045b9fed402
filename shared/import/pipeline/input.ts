/**
 * Bytes → the format's plain contents: sheets of rows for XLSX/XLS/CSV, parsed statement docs
 * for MT940/CAMT. Shared by the import and the preview so both read a file the same way.
 */
import type { StatementParseResult } from '../bank-statement';
import { parseCamt053 } from '../camt053/parse';
import { parseMt940 } from '../mt940/parse';
import { GUESS_CHARS, readCsv } from '../read/csv';
import type { TextEncodingName } from '../read/decode';
import type { ByteSource } from '../read/byte-source';
import { byteSourceOf } from '../read/byte-source';
import { CsvLimits } from '../read/csv-limits';
import { ImportError } from '../read/errors';
import type { ImportLimits } from '../read/limits';
import { formatBytes, limitReason } from '../read/limits';
import type { SniffedText } from '../read/sniff';
import { sniff } from '../read/sniff';
import { readWorkbook } from '../read/workbook';
import type { Cell, MergedRange } from '../table';
import type { SourceFormat } from '../../model/statement';

/** Bytes decoded at a time for a CSV's preview. */
const PREVIEW_PIECE_BYTES = 1024 * 1024;
/**
 * About as much text as a CSV's preview reads, however few records it holds by then: a file with
 * hardly a line break (a binary file, a wrong encoding, giant cells) would otherwise be decoded
 * whole to show its first rows. The import reads the whole file and decides on it.
 */
export const PREVIEW_MAX_CHARS = 16 * 1024 * 1024;

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

/** A CSV to be decoded and split as it is imported (see csv-import.ts). */
export interface CsvText {
  kind: 'text';
  format: 'csv';
  encoding: TextEncodingName;
  text: SniffedText;
}

export interface InputOptions {
  limits: ImportLimits;
  /** Preview: read only the first rows of each sheet. */
  previewRows?: number;
  /** Bytes of a large text file decoded so far, and in all (before it can be split). */
  onDecodeProgress?: (done: number, total: number) => void;
}

/** A CSV comes back as its text when `splitLater` (the import splits it while reading). */
export function readInput(
  input: Uint8Array | ByteSource,
  fileName: string,
  options: InputOptions & { splitLater: true },
): InputFile | CsvText;
export function readInput(input: Uint8Array | ByteSource, fileName: string, options: InputOptions): InputFile;
export function readInput(
  input: Uint8Array | ByteSource,
  fileName: string,
  options: InputOptions & { splitLater?: boolean },
): InputFile | CsvText {
  const { limits } = options;
  const source = byteSourceOf(input);
  if (source.size > limits.maxFileBytes) {
    throw new ImportError({
      file: fileName,
      reason: limitReason(
        'the file',
        formatBytes(source.size),
        formatBytes(limits.maxFileBytes),
        'maxFileBytes',
      ),
    });
  }
  const sniffed = sniff(source, fileName, options.onDecodeProgress);
  switch (sniffed.format) {
    case 'xlsx':
    case 'xls': {
      const zip = sniffed.format === 'xlsx' ? sniffed.zip : null;
      const book = readWorkbook(source.all(), fileName, sniffed.format, zip, {
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
      if (options.splitLater === true)
        return { kind: 'text', format: 'csv', encoding: sniffed.text.encoding, text: sniffed.text };
      const text =
        options.previewRows === undefined
          ? sniffed.text.whole().text
          : leadingText(sniffed.text, options.previewRows);
      const csv = readCsv(text, undefined, options.previewRows);
      const lines = csv.lines;
      const limitsKept = new CsvLimits(limits, fileName);
      limitsKept.count(csv.rows, 0, (r) => (lines ? (lines[r] ?? r + 1) : r + 1));
      const refusal = limitsKept.refusal();
      if (refusal !== null) throw refusal;
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
        encoding: sniffed.text.encoding,
        delimiter: csv.delimiter,
        sheets: [sheet],
        date1904: false,
        problems: csv.problems.map((p) => ({ sheet: fileName, row: p.line, reason: p.message })),
      };
    }
    case 'mt940':
    case 'camt053': {
      const { text, encoding } = sniffed.text.whole();
      const parsed =
        sniffed.format === 'mt940' ? parseMt940(text) : parseCamt053(text, { maxDepth: limits.maxXmlDepth });
      return { kind: 'docs', format: sniffed.format, encoding, text, parsed };
    }
  }
}

/**
 * Enough of a CSV's text for its first `records` records, as reading it all would give them: a
 * preview of a 450 MB statement decodes a megabyte or two, not the whole file. At least the first
 * megabyte, on which the line break and the delimiter are guessed, and one more record's start
 * (so the last one shown is known to be whole) — up to PREVIEW_MAX_CHARS.
 */
function leadingText(text: SniffedText, records: number): string {
  let head = '';
  let checked = 0;
  for (const piece of text.pieces(undefined, PREVIEW_PIECE_BYTES)) {
    head += piece;
    if (head.length >= PREVIEW_MAX_CHARS) break;
    // Counted again only once the text has doubled: counting after every piece re-read the whole
    // head each time, and a 387 MB file without line breaks took 22 s to preview (found by fuzzing).
    if (head.length <= GUESS_CHARS || head.length < 2 * checked) continue;
    checked = head.length;
    if (readCsv(head, undefined, records + 1).rows.length > records) break;
  }
  return head;
}

export function formatOf(input: InputFile): SourceFormat {
  return input.format;
}
