/**
 * What a table adds once all its rows are read, besides its transactions: the statement account
 * its preamble and totals describe, the integrity checks, the preamble's identifiers, and the
 * sheet's row counts by kind.
 */
import type { RecognizeHint } from '../../identifiers';
import type { ImportedTransaction, StatementAccount } from '../../model/statement';
import type { DetectedTable, PreambleFacts, RowKind, TotalsRow } from '../table';
import type { ImportAccumulator } from './accumulator';
import type { CheckedRow } from './checks';
import { balanceCheck, runningBalanceCheck, totalsCheck } from './checks';

export function preambleMentions(
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

export function statementAccount(
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
  const opening = balanceOf('opening', preamble, totals, lineOf);
  if (opening !== null) account.openingBalanceMinor = opening.minor;
  const closing = balanceOf('closing', preamble, totals, lineOf);
  if (closing !== null) account.closingBalanceMinor = closing.minor;
  return Object.keys(account).length > 2 ? account : null;
}

/** The opening or closing balance: stated in the preamble, else on a balance row of the table. */
function balanceOf(
  which: 'opening' | 'closing',
  preamble: PreambleFacts,
  totals: readonly TotalsRow[],
  lineOf: (index: number) => number,
): { minor: number; row: number } | null {
  const stated = which === 'opening' ? preamble.openingBalance : preamble.closingBalance;
  if (stated) return { minor: stated.minor, row: lineOf(stated.row) };
  const kind = which === 'opening' ? 'openingBalance' : 'closingBalance';
  const row = totals.find((t) => t.kind === kind);
  const minor = row ? (row.sums.balance ?? row.sums.amount) : undefined;
  return row && minor !== undefined ? { minor, row: lineOf(row.row - 1) } : null;
}

export function tableChecks(
  acc: ImportAccumulator,
  sheet: string,
  table: DetectedTable,
  sheetCurrency: string | undefined,
  txs: readonly ImportedTransaction[],
  totals: readonly TotalsRow[],
  rejectedRows: readonly number[],
  lineOf: (index: number) => number,
): void {
  const opening = balanceOf('opening', table.preamble, totals, lineOf);
  const closing = balanceOf('closing', table.preamble, totals, lineOf);
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

export function countRows(acc: ImportAccumulator, kinds: readonly RowKind[]): void {
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
