/**
 * One sheet of rows into the accumulator: tables detected and mapped (with the investigator's
 * corrections), rows read in chunks so the table core's per-row scratch data never piles up for
 * a million-row sheet, and every row counted by kind.
 */
import type { RecognizeHint } from '../../identifiers';
import type { ImportedTransaction, MentionRole, RejectedRow, StatementAccount } from '../../model/statement';
import type {
  Cell,
  ColumnMapping,
  ColumnRole,
  DetectedTable,
  InternedField,
  PreambleFacts,
  ReadContext,
  TableTransaction,
  TotalsRow,
} from '../table';
import {
  columnLetter,
  detectTables,
  mapColumns,
  normalizeId,
  parseText,
  readSheetName,
  readTransactions,
} from '../table';
import type { ImportAccumulator } from './accumulator';
import type { CheckedRow } from './checks';
import { balanceCheck, runningBalanceCheck, totalsCheck } from './checks';
import type { InputSheet } from './input';
import { exchangeFlow } from './exchange-flow';
import { applyOverrides, tableMapping } from './mapping';
import { inferOwnWallet } from './own-wallet';
import { TextCache } from './text-cache';

export interface SheetImportOptions {
  zone: string;
  date1904: boolean;
  overrides: Readonly<Record<string, ColumnRole | null>> | undefined;
  ownAccount: string | undefined;
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

export function importSheet(sheet: InputSheet, acc: ImportAccumulator, options: SheetImportOptions): void {
  const { rows, name } = sheet;
  const lines = sheet.lines;
  const lineOf = (index: number): number => (lines === null ? index + 1 : (lines[index] ?? index + 1));
  const layout = detectTables(rows, { merges: sheet.merges });
  const kinds = layout.rowKinds;
  const sheetFacts = sheet.nameIsFile ? {} : readSheetName(name);
  let advanced = 0;

  if (layout.tables.length === 0) {
    const filled = kinds.findIndex((k) => k !== 'blank');
    if (filled >= 0) {
      acc.warnings.push({
        sheet: name,
        row: lineOf(filled),
        reason: 'no statement table found: no row reads as a header with a date and an amount caption',
      });
    }
    preambleMentions(acc, name, layout.preamble, lineOf, null);
  }

  for (const table of layout.tables) {
    acc.tablesFound++;
    const headerRow = lineOf(table.headerRows[0] ?? 0);
    const mapping = mapColumns(table);
    for (const note of applyOverrides(table, mapping, options.overrides))
      acc.warnings.push({ sheet: name, row: headerRow, reason: note });
    const flow = exchangeFlow(name, mapping);
    if (flow) acc.warnings.push({ sheet: name, row: headerRow, reason: flow.note });
    acc.mappings.push(tableMapping(name, table, mapping, lineOf));

    // The rows' cells are at hand here: the per-row `raw` record would only be garbage.
    const context: ReadContext = {
      zone: options.zone,
      date1904: options.date1904,
      raw: false,
      intern: internCounterparty(),
    };
    if (!sheet.nameIsFile) context.sheetName = name;
    if (flow) context.direction = flow.direction;
    let own = options.ownAccount;
    if (own === undefined && sheetFacts.account === undefined && table.preamble.account === undefined) {
      const wallet = inferOwnWallet(table, mapping);
      if (wallet !== null) {
        own = wallet;
        acc.warnings.push({
          sheet: name,
          row: headerRow,
          reason: `own wallet taken to be ${wallet}: it is the sender or the recipient of every transfer`,
        });
      }
    }
    if (own !== undefined) context.ownAccount = own;

    const plan = planColumns(mapping);
    const descriptionIndex = mapping.roles.description;
    const descriptionLetter = descriptionIndex === undefined ? undefined : columnLetter(descriptionIndex);
    const txidIndex = mapping.roles.txid;
    const networkIndex = mapping.roles.network;
    const orderIndex = mapping.roles.orderId;
    const first = acc.transactions.length;
    const totals: TotalsRow[] = [];
    const rejectedRows: number[] = [];

    for (let start = table.dataStart; start < table.dataEnd; start += CHUNK) {
      const end = Math.min(start + CHUNK, table.dataEnd);
      const read = readTransactions({ ...table, dataStart: start, dataEnd: end }, mapping, context);
      for (const tx of read.transactions) {
        const row = table.rows[tx.row - 1] ?? [];
        const imported = toImported(tx, name, lineOf(tx.row - 1), row, txidIndex, networkIndex, orderIndex);
        acc.transactions.push(imported);
        mentionRow(acc, plan, row, imported, descriptionLetter);
      }
      for (const r of read.rejected) {
        kinds[r.row - 1] = 'rejected';
        rejectedRows.push(r.row);
        const rejected: RejectedRow = {
          sheet: name,
          row: lineOf(r.row - 1),
          reason: r.header ? `${r.header}: ${r.reason}` : r.reason,
        };
        if (r.column !== null) rejected.column = r.column;
        acc.rejected.push(rejected);
      }
      for (const t of read.totals) totals.push(t);
      // Nothing reads these rows again (the layout, the preambles and the samples were taken
      // before): let them go, so a million-row sheet does not hold every cell to the end.
      for (let r = start; r < end; r++) rows[r] = READ_ROW;
      acc.advance(end - start);
      advanced += end - start;
    }

    const tableTxs = acc.transactions.slice(first);
    tableChecks(acc, name, table, sheetFacts.currency, tableTxs, totals, rejectedRows, lineOf);
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
  count(acc, kinds);
  acc.advance(rows.length - advanced);
}

/** A cache per field, each stepping aside when its texts do not repeat (see text-cache.ts). */
function internCounterparty(): (field: InternedField, text: string) => string {
  const caches = new Map<InternedField, TextCache<string>>();
  return (field, text) => {
    let cache = caches.get(field);
    if (cache === undefined) caches.set(field, (cache = new TextCache((t) => t, INTERN_LIMIT)));
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
    description: tx.description,
    counterparty: tx.counterparty,
  };
  if (tx.amountKztMinor !== undefined) out.amountKztMinor = tx.amountKztMinor;
  if (tx.knp !== undefined) out.knp = tx.knp;
  if (tx.ownAccount !== undefined) out.ownAccount = tx.ownAccount;
  if (tx.balanceMinor !== undefined) out.balanceMinor = tx.balanceMinor;
  if (txidIndex !== undefined) {
    const txid = parseText(cells[txidIndex]);
    if (txid !== '') out.txid = txid;
  }
  if (networkIndex !== undefined) {
    const network = parseText(cells[networkIndex]);
    if (network !== '') out.network = network;
  }
  if (orderIndex !== undefined) {
    const orderId = parseText(cells[orderIndex]);
    if (orderId !== '') out.orderId = orderId;
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

function preambleMentions(
  acc: ImportAccumulator,
  sheet: string,
  preamble: PreambleFacts,
  lineOf: (index: number) => number,
  fallbackRow: number | null,
): void {
  const rowOfValue = (value: string): number | null => {
    const fact = preamble.facts.find((f) => f.value.includes(value));
    return fact ? lineOf(fact.row) : fallbackRow;
  };
  for (const fact of preamble.facts)
    acc.mentions.text(fact.value, 'preamble', sheet, lineOf(fact.row), undefined);
  const explicit: [string | undefined, RecognizeHint | undefined][] = [
    [preamble.account, undefined],
    [preamble.idNumber, 'iin_bin'],
    [preamble.card, 'card'],
    [preamble.phone, 'phone'],
  ];
  for (const [value, hint] of explicit) {
    if (value === undefined) continue;
    const row = rowOfValue(value);
    if (row === null) continue;
    if (hint === undefined) acc.mentions.account(value, 'preamble', sheet, row, undefined);
    else acc.mentions.cell(value, hint, 'preamble', sheet, row, undefined);
  }
}

function statementAccount(
  sheet: string,
  preamble: PreambleFacts,
  sheetFacts: { account?: string; currency?: string },
  row: number,
  totals: readonly TotalsRow[],
  lineOf: (index: number) => number,
): StatementAccount | null {
  const account: StatementAccount = { sheet, row };
  if (preamble.bankName !== undefined) account.bankName = preamble.bankName;
  if (preamble.bic !== undefined) account.bic = preamble.bic;
  if (preamble.holderName !== undefined) account.holderName = preamble.holderName;
  if (preamble.idNumber !== undefined) account.idNumber = preamble.idNumber;
  const number = preamble.account ?? sheetFacts.account;
  if (number !== undefined) account.account = number;
  if (preamble.card !== undefined) account.card = preamble.card;
  if (preamble.phone !== undefined) account.phone = preamble.phone;
  const currency = preamble.currency ?? sheetFacts.currency;
  if (currency !== undefined) account.currency = currency;
  if (preamble.periodFrom !== undefined) account.periodFrom = preamble.periodFrom;
  if (preamble.periodTo !== undefined) account.periodTo = preamble.periodTo;
  const opening = openingOf(preamble, totals, lineOf);
  if (opening !== null) account.openingBalanceMinor = opening.minor;
  const closing = closingOf(preamble, totals, lineOf);
  if (closing !== null) account.closingBalanceMinor = closing.minor;
  return Object.keys(account).length > 2 ? account : null;
}

function openingOf(
  preamble: PreambleFacts,
  totals: readonly TotalsRow[],
  lineOf: (index: number) => number,
): { minor: number; row: number } | null {
  if (preamble.openingBalance)
    return { minor: preamble.openingBalance.minor, row: lineOf(preamble.openingBalance.row) };
  const row = totals.find((t) => t.kind === 'openingBalance');
  const minor = row ? (row.sums.balance ?? row.sums.amount) : undefined;
  return row && minor !== undefined ? { minor, row: lineOf(row.row - 1) } : null;
}

function closingOf(
  preamble: PreambleFacts,
  totals: readonly TotalsRow[],
  lineOf: (index: number) => number,
): { minor: number; row: number } | null {
  if (preamble.closingBalance)
    return { minor: preamble.closingBalance.minor, row: lineOf(preamble.closingBalance.row) };
  const row = totals.find((t) => t.kind === 'closingBalance');
  const minor = row ? (row.sums.balance ?? row.sums.amount) : undefined;
  return row && minor !== undefined ? { minor, row: lineOf(row.row - 1) } : null;
}

function tableChecks(
  acc: ImportAccumulator,
  sheet: string,
  table: DetectedTable,
  sheetCurrency: string | undefined,
  txs: readonly ImportedTransaction[],
  totals: readonly TotalsRow[],
  rejectedRows: readonly number[],
  lineOf: (index: number) => number,
): void {
  const opening = openingOf(table.preamble, totals, lineOf);
  const closing = closingOf(table.preamble, totals, lineOf);
  if (opening !== null && closing !== null) {
    const currency =
      table.preamble.currency ??
      sheetCurrency ??
      table.preamble.closingBalance?.currency ??
      table.preamble.openingBalance?.currency ??
      majorityCurrency(txs);
    acc.checks.push(balanceCheck(sheet, txs, opening, closing, currency));
  }
  const running = runningBalanceCheck(sheet, txs);
  if (running) acc.checks.push(running);

  // Each `Итого` covers the rows since the previous one; the transactions' rows are file lines,
  // the totals' rows are sheet rows, so the comparison runs on sheet rows through `lineOf`.
  let from = 0;
  let previousTotal = table.dataStart;
  for (const t of totals) {
    if (t.kind !== 'total') continue;
    const line = lineOf(t.row - 1);
    const segment: CheckedRow[] = [];
    while (from < txs.length && (txs[from]?.row ?? Infinity) < line) segment.push(txs[from++] as CheckedRow);
    const rejected = rejectedRows.filter((r) => r > previousTotal && r < t.row).length;
    const check = totalsCheck(sheet, { row: line, label: t.label, sums: t.sums }, segment, rejected);
    if (check) acc.checks.push(check);
    previousTotal = t.row;
  }
}

function majorityCurrency(txs: readonly ImportedTransaction[]): string {
  const counts = new Map<string, number>();
  for (const tx of txs) counts.set(tx.currency, (counts.get(tx.currency) ?? 0) + 1);
  let best = 'KZT';
  let most = 0;
  for (const [currency, n] of counts) if (n > most) [best, most] = [currency, n];
  return best;
}

function count(acc: ImportAccumulator, kinds: readonly string[]): void {
  const rows = acc.rows;
  for (const kind of kinds) {
    switch (kind) {
      case 'transaction':
        rows.transactions++;
        break;
      case 'rejected':
        rows.rejected++;
        break;
      case 'preamble':
        rows.preamble++;
        break;
      case 'header':
      case 'numbering':
        rows.header++;
        break;
      case 'totals':
        rows.totals++;
        break;
      case 'blank':
        rows.blank++;
        break;
      default:
        rows.other++;
    }
  }
}
