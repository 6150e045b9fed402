/**
 * What the app shows before anything is stored: the format and encoding, the first rows of each
 * sheet, and how each detected table's columns were understood, so the investigator can correct
 * a role and pass the correction back as `mappingOverrides`.
 */
import type { BankStatementDoc } from '../bank-statement';
import type { Cell, RowKind } from '../table';
import { detectTables, mapColumns, parseText } from '../table';
import { resolveLimits } from '../read/limits';
import type { InputSheet } from './input';
import { readInput } from './input';
import { applyOverrides, tableMapping } from './mapping';
import type { PreviewOptions, PreviewTable, SheetPreview, StatementPreview } from './types';

const DEFAULT_ROWS = 40;
/** Rows read per sheet: enough for header detection (300) and column sampling below it. */
const READ_ROWS = 1_000;

export function previewStatement(
  bytes: Uint8Array,
  fileName: string,
  options: PreviewOptions = {},
): StatementPreview {
  const shown = options.rows ?? DEFAULT_ROWS;
  const input = readInput(bytes, fileName, {
    limits: resolveLimits(options.limits),
    previewRows: Math.max(READ_ROWS, shown),
  });
  const preview: StatementPreview = {
    file: { name: fileName, size: bytes.length, format: input.format },
    sheets: [],
  };
  if (input.kind === 'docs') {
    preview.file.encoding = input.encoding;
    preview.sheets = input.parsed.statements.map((doc, i) => docPreview(doc, i, shown));
    return preview;
  }
  if (input.encoding) preview.file.encoding = input.encoding;
  if (input.delimiter !== undefined) preview.delimiter = input.delimiter;
  preview.sheets = input.sheets.map((sheet) => sheetPreview(sheet, shown, options));
  return preview;
}

function sheetPreview(sheet: InputSheet, shown: number, options: PreviewOptions): SheetPreview {
  const lines = sheet.lines;
  const lineOf = (index: number): number => (lines === null ? index + 1 : (lines[index] ?? index + 1));
  const layout = detectTables(sheet.rows, { merges: sheet.merges });
  const tables: PreviewTable[] = layout.tables.map((table) => {
    const mapping = mapColumns(table);
    applyOverrides(table, mapping, options.mappingOverrides?.[sheet.name]);
    return {
      mapping: tableMapping(sheet.name, table, mapping, lineOf),
      dataStart: lineOf(table.dataStart),
      directionSources: mapping.directionSources,
      facts: table.preamble.facts.map((f) => ({ row: lineOf(f.row), label: f.label, value: f.value })),
    };
  });
  const count = Math.min(shown, sheet.rows.length);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < count; i++) {
    rows.push(sheet.display?.[i] ?? (sheet.rows[i] ?? []).map(displayCell));
    rowNumbers.push(lineOf(i));
  }
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    rowNumbers,
    rows,
    rowKinds: layout.rowKinds.slice(0, count),
    tables,
  };
}

function displayCell(cell: Cell): string {
  return parseText(cell);
}

function docPreview(doc: BankStatementDoc, index: number, shown: number): SheetPreview {
  const entries = doc.entries.slice(0, shown);
  const kinds: RowKind[] = entries.map(() => 'transaction');
  return {
    name: doc.account.iban ?? (doc.account.raw || doc.reference || `statement ${index + 1}`),
    hidden: false,
    rowNumbers: entries.map((e) => e.line),
    rows: entries.map((e) => [
      e.bookingDate ?? e.valueDate,
      e.direction,
      String(e.amountMinor),
      e.currency,
      e.counterparty?.name ?? '',
      e.description,
    ]),
    rowKinds: kinds,
    tables: [],
  };
}
