/**
 * One sheet of rows into the accumulator: tables detected and mapped (with the investigator's
 * corrections), rows read in chunks and let go once read, and every row counted by kind. The
 * rows may still be arriving (a large CSV is split slice by slice, see csv-import.ts): each
 * `advance` reads what the rows at hand decide, and the result is the one a single pass over
 * the whole sheet gives.
 */
import type { RecognizeHint } from '../../identifiers';
import type { ImportedTransaction, MentionRole, RejectedRow } from '../../model/statement';
import type {
  Cell,
  ColumnMapping,
  ColumnRole,
  DetectedTable,
  InternedField,
  MergedRange,
  ReadContext,
  TableTransaction,
  TableVisitor,
  TotalsRow,
} from '../table';
import { columnLetter, mapColumns, normalizeId, parseText, readSheetName, visitTransactions } from '../table';
import { TableDetector } from '../table/header';
import type { ImportAccumulator } from './accumulator';
import type { InputSheet } from './input';
import { exchangeFlow } from './exchange-flow';
import { applyOverrides, tableMapping } from './mapping';
import { keep } from './keep';
import { inferOwnWallet } from './own-wallet';
import { countRows, preambleMentions, statementAccount, tableChecks } from './table-facts';
import { TextCache } from './text-cache';

export interface SheetImportOptions {
  zone: string;
  date1904: boolean;
  overrides: Readonly<Record<string, ColumnRole | null>> | undefined;
  ownAccount: string | undefined;
}

/** A sheet as the importer reads it: `rows` may grow between `advance` calls. */
export interface SheetSource {
  name: string;
  rows: Cell[][];
  merges: readonly MergedRange[];
  hidden: boolean;
  /** CSV: no sheet name to read direction or account from. */
  nameIsFile: boolean;
  /** Row index → the 1-based number the investigator sees. */
  lineOf: (index: number) => number;
}

/** Distinct counterparty texts kept per field before a cache starts over. */
const INTERN_LIMIT = 50_000;
/** Rows read per `readTransactions` call. */
const CHUNK = 16_384;
/** What a data row is replaced by once read. */
const READ_ROW: Cell[] = [];

type Side = 'own' | 'payer' | 'recipient' | 'counterparty';
type Reader = 'cell' | 'account' | 'id';

interface PlannedColumn {
  index: number;
  letter: string;
  hint: RecognizeHint | undefined;
  side: Side;
  reader: Reader;
  /** The last own-side value seen: the statement's own identifiers repeat on every row. */
  lastOwn: string;
}

const PLAN: readonly (readonly [ColumnRole, RecognizeHint | undefined, Side, Reader])[] = [
  ['ownAccount', undefined, 'own', 'account'],
  ['ownCard', 'card', 'own', 'cell'],
  ['ownIdNumber', 'iin_bin', 'own', 'id'],
  ['wallet', 'wallet', 'own', 'cell'],
  ['payerIdNumber', 'iin_bin', 'payer', 'id'],
  ['payerAccount', undefined, 'payer', 'account'],
  ['recipientIdNumber', 'iin_bin', 'recipient', 'id'],
  ['recipientAccount', undefined, 'recipient', 'account'],
  ['counterpartyIdNumber', 'iin_bin', 'counterparty', 'id'],
  ['counterpartyAccount', undefined, 'counterparty', 'account'],
  ['counterpartyCard', 'card', 'counterparty', 'cell'],
  ['counterpartyPhone', 'phone', 'counterparty', 'cell'],
  ['fromAddress', 'wallet', 'payer', 'cell'],
  ['toAddress', 'wallet', 'recipient', 'cell'],
];

/** A table whose mapping is settled and whose rows are being read. */
interface TableInReading {
  table: DetectedTable;
  mapping: ColumnMapping;
  context: ReadContext;
  plan: PlannedColumn[];
  headerRow: number;
  descriptionLetter: string | undefined;
  /** Index of the table's first transaction in the accumulator. */
  first: number;
  totals: TotalsRow[];
  rejectedRows: number[];
  /** The next row to read. */
  next: number;
}

/** A whole sheet at once (workbooks: SheetJS reads every sheet before anything else can start). */
export function importSheet(sheet: InputSheet, acc: ImportAccumulator, options: SheetImportOptions): void {
  const lines = sheet.lines;
  const importer = new SheetImporter(
    {
      name: sheet.name,
      rows: sheet.rows,
      merges: sheet.merges,
      hidden: sheet.hidden,
      nameIsFile: sheet.nameIsFile,
      lineOf: (index) => (lines === null ? index + 1 : (lines[index] ?? index + 1)),
    },
    acc,
    options,
  );
  importer.advance(sheet.rows.length, true);
}

export class SheetImporter {
  private readonly detector: TableDetector;
  private readonly sheetFacts: { account?: string; currency?: string };
  private reading: TableInReading | null = null;
  /** Tables of the detector's list taken for reading so far. */
  private taken = 0;
  private advanced = 0;

  constructor(
    private readonly sheet: SheetSource,
    private readonly acc: ImportAccumulator,
    private readonly options: SheetImportOptions,
  ) {
    this.detector = new TableDetector(sheet.rows, { merges: sheet.merges });
    this.sheetFacts = sheet.nameIsFile ? {} : readSheetName(sheet.name);
  }

  /** Rows `[0, available)` are in the sheet; `final`: no more will come. */
  advance(available: number, final: boolean): void {
    const detector = this.detector;
    detector.advance(available, final);
    const tables = detector.tables;
    for (;;) {
      const reading = this.reading;
      if (reading !== null) {
        // A later header closes a table (the detector then sets its end); until then its rows
        // are known down to the last data or totals row.
        const closed = final || tables.length > this.taken;
        this.read(reading, closed ? reading.table.dataEnd : detector.preambleStart);
        if (!closed) break;
        this.close(reading);
        this.reading = null;
        continue;
      }
      const table = tables[this.taken];
      if (table === undefined) break;
      const mapped = this.map(table, final || tables.length > this.taken + 1);
      if (mapped === null) break;
      this.reading = mapped;
      this.taken++;
    }
    if (final) this.finish();
  }

  /**
   * The table's mapping, once the rows it samples are all in: a table still open is mapped on
   * the rows known to be its own, and waits for more when a sample ran short of them.
   */
  private map(table: DetectedTable, closed: boolean): TableInReading | null {
    const { acc, sheet, options } = this;
    const name = sheet.name;
    const dataEnd = table.dataEnd;
    if (!closed) {
      table.growing = { short: false };
      table.dataEnd = this.detector.preambleStart;
    }
    const mapping = mapColumns(table);
    const notes = applyOverrides(table, mapping, options.overrides);
    const flow = exchangeFlow(name, mapping);
    let own = options.ownAccount;
    const inferred =
      own === undefined && this.sheetFacts.account === undefined && table.preamble.account === undefined
        ? inferOwnWallet(table, mapping)
        : null;
    const short = table.growing?.short === true;
    delete table.growing;
    table.dataEnd = dataEnd;
    if (short) return null;

    acc.tablesFound++;
    const headerRow = sheet.lineOf(table.headerRows[0] ?? 0);
    for (const note of notes) acc.warnings.push({ sheet: name, row: headerRow, reason: note });
    if (flow) acc.warnings.push({ sheet: name, row: headerRow, reason: flow.note });
    acc.mappings.push(tableMapping(name, table, mapping, sheet.lineOf));

    // The rows' cells are at hand here: the per-row `raw` record would only be garbage.
    const context: ReadContext = {
      zone: options.zone,
      date1904: options.date1904,
      raw: false,
      intern: internCounterparty(),
    };
    if (!sheet.nameIsFile) context.sheetName = name;
    if (flow) context.direction = flow.direction;
    if (inferred !== null) {
      own = inferred;
      acc.warnings.push({
        sheet: name,
        row: headerRow,
        reason: `own wallet taken to be ${inferred}: it is the sender or the recipient of every transfer`,
      });
    }
    if (own !== undefined) context.ownAccount = own;
    const descriptionIndex = mapping.roles.description;
    return {
      table,
      mapping,
      context,
      plan: planColumns(mapping),
      headerRow,
      descriptionLetter: descriptionIndex === undefined ? undefined : columnLetter(descriptionIndex),
      first: acc.transactions.length,
      totals: [],
      rejectedRows: [],
      next: table.dataStart,
    };
  }

  /** Reads the table's rows up to `end` and lets them go: nothing reads them again. */
  private read(reading: TableInReading, end: number): void {
    const { acc, sheet } = this;
    const { table, mapping, context, plan, descriptionLetter } = reading;
    const { rows, name, lineOf } = sheet;
    const kinds = table.rowKinds;
    const txidIndex = mapping.roles.txid;
    const networkIndex = mapping.roles.network;
    const orderIndex = mapping.roles.orderId;
    const visitor: TableVisitor = {
      transaction: (tx) => {
        const row = rows[tx.row - 1] ?? [];
        const imported = toImported(tx, name, lineOf(tx.row - 1), row, txidIndex, networkIndex, orderIndex);
        acc.transactions.push(imported);
        mentionRow(acc, plan, row, imported, descriptionLetter);
      },
      rejected: (r) => {
        kinds[r.row - 1] = 'rejected';
        reading.rejectedRows.push(r.row);
        const rejected: RejectedRow = {
          sheet: name,
          row: lineOf(r.row - 1),
          reason: keep(r.header ? `${r.header}: ${r.reason}` : r.reason),
        };
        if (r.column !== null) rejected.column = r.column;
        acc.rejected.push(rejected);
      },
      totals: (t) => reading.totals.push(t),
    };
    for (let start = reading.next; start < end; start += CHUNK) {
      const stop = Math.min(start + CHUNK, end);
      visitTransactions({ ...table, dataStart: start, dataEnd: stop }, mapping, context, visitor);
      // The layout, the preambles and the samples were taken before: let the rows go, so a
      // million-row sheet does not hold every cell to the end.
      for (let r = start; r < stop; r++) rows[r] = READ_ROW;
      acc.advance(stop - start);
      this.advanced += stop - start;
    }
    reading.next = Math.max(reading.next, end);
  }

  private close(reading: TableInReading): void {
    const { acc, sheet, sheetFacts } = this;
    const { table, totals, headerRow } = reading;
    const { name, lineOf } = sheet;
    const tableTxs = acc.transactions.slice(reading.first);
    tableChecks(acc, name, table, sheetFacts.currency, tableTxs, totals, reading.rejectedRows, lineOf);
    const account = statementAccount(
      name,
      table.preamble,
      sheetFacts,
      lineOf(table.dataStart),
      totals,
      lineOf,
    );
    if (account !== null) {
      acc.accounts.push(account);
      acc.periods.push({
        sheet: name,
        row: account.row,
        key: account.account ?? account.card ?? name,
        ...(account.periodFrom !== undefined ? { from: account.periodFrom } : {}),
        ...(account.periodTo !== undefined ? { to: account.periodTo } : {}),
        ...(account.openingBalanceMinor !== undefined ? { opening: account.openingBalanceMinor } : {}),
        ...(account.closingBalanceMinor !== undefined ? { closing: account.closingBalanceMinor } : {}),
      });
    }
    preambleMentions(acc, name, table.preamble, lineOf, headerRow);
    if (sheetFacts.account !== undefined)
      acc.mentions.account(sheetFacts.account, 'own', name, headerRow, undefined);
    if (sheet.hidden && tableTxs.length > 0) {
      acc.warnings.push({
        sheet: name,
        row: headerRow,
        reason: `the sheet is hidden in the workbook; its ${tableTxs.length} transactions were imported`,
      });
    }
  }

  private finish(): void {
    const { acc, sheet } = this;
    const layout = this.detector.layout();
    if (layout.tables.length === 0) {
      const filled = layout.rowKinds.findIndex((k) => k !== 'blank');
      if (filled >= 0) {
        acc.warnings.push({
          sheet: sheet.name,
          row: sheet.lineOf(filled),
          reason: 'no statement table found: no row reads as a header with a date and an amount caption',
        });
      }
      preambleMentions(acc, sheet.name, layout.preamble, sheet.lineOf, null);
    }
    countRows(acc, layout.rowKinds);
    acc.advance(layout.rowKinds.length - this.advanced);
  }
}

/**
 * One kept copy per distinct text, per field (see keep.ts); each cache steps aside when its texts
 * do not repeat (see text-cache.ts).
 */
function internCounterparty(): (field: InternedField, text: string) => string {
  const caches = new Map<InternedField, TextCache<string>>();
  return (field, text) => {
    let cache = caches.get(field);
    if (cache === undefined) caches.set(field, (cache = new TextCache(keep, INTERN_LIMIT)));
    return cache.get(text);
  };
}

function planColumns(mapping: ColumnMapping): PlannedColumn[] {
  const plan: PlannedColumn[] = [];
  for (const [role, hint, side, reader] of PLAN) {
    const index = mapping.roles[role];
    if (index !== undefined)
      plan.push({ index, letter: columnLetter(index), hint, side, reader, lastOwn: '' });
  }
  return plan;
}

function toImported(
  tx: TableTransaction,
  sheet: string,
  row: number,
  cells: readonly Cell[],
  txidIndex: number | undefined,
  networkIndex: number | undefined,
  orderIndex: number | undefined,
): ImportedTransaction {
  const out: ImportedTransaction = {
    sheet,
    row,
    bookedAt: tx.bookedAt,
    hasTime: tx.hasTime,
    direction: tx.direction,
    amountMinor: tx.amountMinor,
    currency: tx.currency,
    description: keep(tx.description),
    counterparty: tx.counterparty,
  };
  if (tx.amountKztMinor !== undefined) out.amountKztMinor = tx.amountKztMinor;
  if (tx.knp !== undefined) out.knp = tx.knp;
  if (tx.ownAccount !== undefined) out.ownAccount = tx.ownAccount;
  if (tx.balanceMinor !== undefined) out.balanceMinor = tx.balanceMinor;
  if (txidIndex !== undefined) {
    const txid = parseText(cells[txidIndex]);
    if (txid !== '') out.txid = keep(txid);
  }
  if (networkIndex !== undefined) {
    const network = parseText(cells[networkIndex]);
    if (network !== '') out.network = keep(network);
  }
  if (orderIndex !== undefined) {
    const orderId = parseText(cells[orderIndex]);
    if (orderId !== '') out.orderId = keep(orderId);
  }
  return out;
}

function mentionRow(
  acc: ImportAccumulator,
  plan: PlannedColumn[],
  cells: readonly Cell[],
  tx: ImportedTransaction,
  descriptionLetter: string | undefined,
): void {
  const mentions = acc.mentions;
  for (let i = 0; i < plan.length; i++) {
    const column = plan[i] as PlannedColumn;
    const cell = cells[column.index];
    if (cell === undefined || cell === null) continue;
    let raw = parseText(cell);
    if (raw === '') continue;
    const role: MentionRole =
      column.side === 'own' ||
      (column.side === 'payer' && tx.direction === 'out') ||
      (column.side === 'recipient' && tx.direction === 'in')
        ? 'own'
        : 'counterparty';
    if (role === 'own') {
      if (raw === column.lastOwn) continue;
      column.lastOwn = raw;
    }
    if (column.reader === 'id') raw = normalizeId(raw);
    if (column.reader === 'account') mentions.account(raw, role, tx.sheet, tx.row, column.letter);
    else mentions.cell(raw, column.hint, role, tx.sheet, tx.row, column.letter);
  }
  if (descriptionLetter !== undefined && tx.description !== '')
    mentions.text(tx.description, 'description', tx.sheet, tx.row, descriptionLetter);
}
