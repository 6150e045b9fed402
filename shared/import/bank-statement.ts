import { currencyMinorDigits } from '../model/currency';
/**
 * The common result of the bank-statement parsers (SWIFT MT940/MT942 and ISO 20022 CAMT.053).
 * Both produce the same shape so the import pipeline, provenance and the UI need one code path.
 *
 * Money is always an integer count of minor units (cents, tiyn, fils). Parsers never go through
 * floating point: decimal text is converted digit by digit in `decimalToMinor`.
 */

export type StatementFormat = 'mt940' | 'mt942' | 'camt053';

/** A booked balance. `amountMinor` is signed: negative means the account was in debit. */
export interface Balance {
  /** 'YYYY-MM-DD' */
  date: string;
  amountMinor: number;
  currency: string;
  /**
   * True for an intermediate balance (MT940 :60M:/:62M:, CAMT ITBD): the statement continues
   * on another page, so it is not the end-of-day figure.
   */
  intermediate?: boolean;
}

/** MT942 :90D:/:90C: — number and sum of the debit or credit entries of the report. */
export interface EntrySummary {
  count: number;
  amountMinor: number;
  currency: string;
}

export interface StatementAccount {
  /** The account exactly as the bank wrote it (:25: or CAMT Acct/Id), trimmed. */
  raw: string;
  iban?: string;
  bic?: string;
  currency?: string;
  ownerName?: string;
}

export interface Counterparty {
  name?: string;
  iban?: string;
  /** A non-IBAN account, e.g. `50880050/0194785000` (German bank code / account number). */
  account?: string;
  bic?: string;
}

export interface BankStatementEntry {
  /** 'YYYY-MM-DD' */
  valueDate: string;
  /** 'YYYY-MM-DD' — MT940 entry date, CAMT BookgDt. */
  bookingDate?: string;
  /** From the account holder's view. A reversal of a credit (RC) takes money out: 'debit'. */
  direction: 'credit' | 'debit';
  reversal: boolean;
  /** Positive integer in minor units of `currency`. */
  amountMinor: number;
  currency: string;
  /** MT940 transaction type (e.g. `NTRF`); CAMT BkTxCd (`PMNT/RCDT/ESCT` or proprietary code). */
  transactionType?: string;
  customerReference?: string;
  bankReference?: string;
  endToEndId?: string;
  /** Human-readable purpose: MT940 :86: joined sensibly, CAMT RmtInf/Ustrd (+ AddtlNtryInf). */
  description: string;
  /** MT940 :61: supplementary details (the optional second line), when present. */
  supplementaryDetails?: string;
  /** Bank's business transaction code from a structured :86: (German GVC, e.g. `166`). */
  bankTransactionCode?: string;
  counterparty?: Counterparty;
  /** 1-based line of the :61: tag (MT940) or of the <Ntry> element (CAMT). */
  line: number;
}

export interface BankStatementDoc {
  format: StatementFormat;
  /** MT940 :20: / CAMT Stmt/Id */
  reference?: string;
  /** MT940 :21: */
  relatedReference?: string;
  /** MT940 :28C: as written (`00004/00001`) / CAMT ElctrncSeqNb (or LglSeqNb). */
  statementNumber?: string;
  account: StatementAccount;
  openingBalance?: Balance;
  closingBalance?: Balance;
  availableBalance?: Balance;
  /** MT940 :65: / CAMT FWAV — one per future date. */
  forwardAvailableBalances?: Balance[];
  /** MT942 :13D: / CAMT CreDtTm, ISO 8601 as precise as the source. */
  createdAt?: string;
  /** MT942 :34F: floor limits. */
  floorLimit?: {
    debit?: { amountMinor: number; currency: string };
    credit?: { amountMinor: number; currency: string };
  };
  /** MT942 :90D: / :90C: */
  debitSummary?: EntrySummary;
  creditSummary?: EntrySummary;
  /** Statement-level free text: an :86: that follows no :61:, :NS: blocks; CAMT AddtlStmtInf. */
  information?: string;
  entries: BankStatementEntry[];
  /** 1-based line where this statement starts (:20: or first tag) or of the <Stmt> element. */
  line: number;
}

export interface StatementProblem {
  line: number;
  /** The MT940 tag (`:61:`) or the CAMT element (`Ntry`) the problem is about. */
  tag?: string;
  /** Specific English text that starts with the line: "line 14, :61: amount `12,3,4` is not a number". */
  message: string;
  /**
   * 'error': something was skipped (an entry, a balance, the whole file).
   * 'warning': kept, but a value was repaired or inferred (e.g. 30 February, missing currency).
   */
  severity: 'error' | 'warning';
}

export interface StatementParseResult {
  statements: BankStatementDoc[];
  problems: StatementProblem[];
}

export { currencyMinorDigits } from '../model/currency';

/** ISO 4217 code for "no currency involved": used when a statement never states its currency. */
export const UNKNOWN_CURRENCY = 'XXX';

export type DecimalResult = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * Exact conversion of an unsigned decimal text to minor units: `1234,5` (EUR) -> 123450.
 * `separator` is ',' for SWIFT and '.' for XML. Extra fraction digits are accepted only when they
 * are zeros (`100,00` JPY -> 100); anything else would silently lose money, so it is refused.
 */
export function decimalToMinor(text: string, currency: string, separator: ',' | '.'): DecimalResult {
  const parts = text.split(separator);
  if (parts.length > 2) return { ok: false, reason: 'is not a number' };
  const whole = parts[0] ?? '';
  const fraction = parts[1] ?? '';
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole.length + fraction.length === 0) {
    return { ok: false, reason: 'is not a number' };
  }
  const digits = currencyMinorDigits(currency);
  if (fraction.length > digits && !/^0*$/.test(fraction.slice(digits))) {
    return { ok: false, reason: `has more than ${digits} decimal places for ${currency}` };
  }
  const minorText = (whole + fraction.slice(0, digits).padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (minorText.length > 15) return { ok: false, reason: 'is too large' };
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'is too large' };
  return { ok: true, minor };
}

/** ISO 13616 check: shape and mod-97 checksum. Returns the compact upper-case IBAN or undefined. */
export function normalizeIban(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return undefined;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? compact : undefined;
}

/** SWIFT BIC shape (ISO 9362): 4 letters bank, 2 letters country, 2 location, optional 3 branch. */
export function looksLikeBic(text: string): boolean {
  return /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(text);
}

/** Is 'YYYY-MM-DD' a real calendar date? */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
