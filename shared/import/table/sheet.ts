/**
 * One call for one sheet: detect the tables, map their columns, read their rows, and fold the
 * rejected rows back into the row classification so every row has exactly one kind.
 */
import type { MergedRange, SheetRows } from './cell';
import type { ColumnMapping } from './columns';
import { mapColumns } from './columns';
import type { DetectedTable, RowKind, SheetLayout } from './header';
import { detectTables } from './header';
import type { ReadContext, TableRead } from './rows';
import { readTransactions } from './rows';

export interface SheetReadOptions extends ReadContext {
  merges?: readonly MergedRange[];
}

export interface SheetRead {
  layout: SheetLayout;
  /** Final kind of every row (0-based index), `rejected` included. */
  rowKinds: RowKind[];
  tables: { table: DetectedTable; mapping: ColumnMapping; read: TableRead }[];
}

export function readSheet(rows: SheetRows, options: SheetReadOptions = {}): SheetRead {
  const layout = detectTables(rows, options.merges ? { merges: options.merges } : undefined);
  const tables = layout.tables.map((table) => {
    const mapping = mapColumns(table);
    const read = readTransactions(table, mapping, options);
    for (const rejected of read.rejected) layout.rowKinds[rejected.row - 1] = 'rejected';
    return { table, mapping, read };
  });
  return { layout, rowKinds: layout.rowKinds, tables };
}
