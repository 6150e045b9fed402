/**
 * MT940/CAMT.053 statements into the same result as spreadsheets. The "sheet" of a statement is
 * its account (or reference), its rows are file lines: the line of the :61: tag or <Ntry>.
 */
import type { BankStatementDoc, StatementParseResult } from '../bank-statement';
import { wallClockToUtc } from '../table';
import type { ImportedTransaction, StatementAccount } from '../../model/statement';
import type { ImportAccumulator } from './accumulator';
import { balanceCheck } from './checks';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function importDocs(
  parsed: StatementParseResult,
  text: string,
  acc: ImportAccumulator,
  zone: string,
): void {
  const sheets = parsed.statements.map((doc, i) => sheetOf(doc, i));
  // Problems belong to the statement whose lines contain them.
  const sheetOfLine = (line: number): string => {
    let name = sheets[0] ?? acc.fileName;
    for (let i = 0; i < parsed.statements.length; i++)
      if ((parsed.statements[i]?.line ?? 0) <= line) name = sheets[i] ?? name;
    return name;
  };
  const errorLines = new Set<number>();
  for (const problem of parsed.problems) {
    const entry = { sheet: sheetOfLine(problem.line), row: problem.line, reason: problem.message };
    if (problem.severity === 'error') {
      acc.rejected.push(entry);
      errorLines.add(problem.line);
    } else acc.warnings.push(entry);
  }

  parsed.statements.forEach((doc, i) => {
    const sheet = sheets[i] ?? acc.fileName;
    const own = doc.account.iban ?? doc.account.raw;
    const first = acc.transactions.length;
    for (const entry of doc.entries) {
      const tx: ImportedTransaction = {
        sheet,
        row: entry.line,
        bookedAt: localMidnight(entry.bookingDate ?? entry.valueDate, zone),
        hasTime: false,
        direction: entry.direction === 'credit' ? 'in' : 'out',
        amountMinor: entry.amountMinor,
        currency: entry.currency,
        description: entry.description,
        counterparty: {},
      };
      if (own !== '') tx.ownAccount = own;
      const party = entry.counterparty;
      if (party?.name) tx.counterparty.name = party.name;
      const account = party?.iban ?? party?.account;
      if (account) tx.counterparty.account = account;
      if (party?.bic) tx.counterparty.bank = party.bic;
      acc.transactions.push(tx);
      if (account) acc.mentions.account(account, 'counterparty', sheet, entry.line, undefined);
      if (entry.description !== '')
        acc.mentions.text(entry.description, 'description', sheet, entry.line, undefined);
    }
    if (own !== '') acc.mentions.account(own, 'own', sheet, doc.line, undefined);

    const statement: StatementAccount = { sheet, row: doc.line };
    if (doc.account.bic) statement.bic = doc.account.bic;
    if (doc.account.ownerName) statement.holderName = doc.account.ownerName;
    if (own !== '') statement.account = own;
    const currency = doc.account.currency ?? doc.openingBalance?.currency ?? doc.closingBalance?.currency;
    if (currency) statement.currency = currency;
    if (doc.openingBalance) {
      statement.openingBalanceMinor = doc.openingBalance.amountMinor;
      statement.periodFrom = localMidnight(doc.openingBalance.date, zone);
    }
    if (doc.closingBalance) {
      statement.closingBalanceMinor = doc.closingBalance.amountMinor;
      statement.periodTo = localMidnight(doc.closingBalance.date, zone);
    }
    acc.accounts.push(statement);
    acc.periods.push({
      sheet,
      row: doc.line,
      key: own || sheet,
      ...(statement.periodFrom !== undefined ? { from: statement.periodFrom } : {}),
      ...(statement.periodTo !== undefined ? { to: statement.periodTo } : {}),
      ...(statement.openingBalanceMinor !== undefined ? { opening: statement.openingBalanceMinor } : {}),
      ...(statement.closingBalanceMinor !== undefined ? { closing: statement.closingBalanceMinor } : {}),
    });
    if (doc.openingBalance && doc.closingBalance) {
      const closingLine = doc.entries[doc.entries.length - 1]?.line ?? doc.line;
      acc.checks.push(
        balanceCheck(
          sheet,
          acc.transactions.slice(first),
          { minor: doc.openingBalance.amountMinor, row: doc.line },
          { minor: doc.closingBalance.amountMinor, row: closingLine },
          doc.closingBalance.currency,
        ),
      );
    }
  });

  countLines(acc, text, errorLines);
}

function sheetOf(doc: BankStatementDoc, index: number): string {
  return doc.account.iban ?? (doc.account.raw || doc.reference || `statement ${index + 1}`);
}

function localMidnight(date: string, zone: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) return Number.NaN;
  return wallClockToUtc(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), zone);
}

/**
 * Lines are the rows of a text statement: entries are transactions, lines with an error are
 * rejected, empty lines blank, and every other line (tags, XML, balances) is counted as other.
 */
function countLines(acc: ImportAccumulator, text: string, errorLines: ReadonlySet<number>): void {
  let blank = 0;
  let total = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    total++;
    if (text.slice(start, end).trim() === '') blank++;
    start = end + 1;
  }
  if (text.endsWith('\n')) {
    total--;
    blank--;
  }
  const transactions = acc.transactions.length;
  const rejected = errorLines.size;
  acc.rows.transactions += transactions;
  acc.rows.rejected += rejected;
  acc.rows.blank += blank;
  acc.rows.other += Math.max(0, total - blank - transactions - rejected);
}
