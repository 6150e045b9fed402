/** Spreadsheet statement import, pure core: plain rows in, tables, column roles and transactions out. */
export type { Cell, Direction, MergedRange, Parsed, SheetRows } from './cell';
export { columnLetter } from './cell';
export * from './values';
export { wallClockToUtc, zoneOffsetAt, isKnownZone } from './zone';
export { COLUMN_ROLES, ROLE_SPELLINGS, matchHeader, spellingsOf } from './vocabulary';
export type { ColumnRole, HeaderMatch } from './vocabulary';
export { detectTables, isNumberingRow, TableDetector } from './header';
export type {
  DetectedTable,
  DetectOptions,
  HeaderColumn,
  RowKind,
  SectionMarker,
  SheetLayout,
} from './header';
export type { BalanceFact, PreambleFacts, PreambleFact } from './preamble';
export { mapColumns, headerSignature } from './columns';
export type { ColumnAssignment, ColumnEvidence, ColumnMapping } from './columns';
export { readTransactions, visitTransactions, normalizeId } from './rows';
export type {
  Counterparty,
  InternedField,
  ReadContext,
  RejectedRow,
  TableRead,
  TableTransaction,
  TableVisitor,
  TotalsRow,
} from './rows';
export { readSheet } from './sheet';
export type { SheetRead, SheetReadOptions } from './sheet';
export { readSheetName } from './sheet-name';
