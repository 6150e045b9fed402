import { parseEntryDate, parseYymmdd } from './dates';

/**
 * Field :61: (statement line), SWIFT layout:
 *   6!n value date YYMMDD | [4!n] entry date MMDD | 2a mark C, D, RC, RD | [1!a] funds code
 *   (3rd letter of the currency) | 15d amount | 1!a3!c type (N/F/S + code) | 16x customer
 *   reference | [//16x bank reference] | [34x supplementary details, usually on the next line]
 *
 * The currency is not in :61: — it is the statement's, so the amount stays text here and is
 * converted once the statement's currency is known (parse.ts).
 */
export interface StatementLine {
  valueDate: string;
  bookingDate?: string;
  direction: 'credit' | 'debit';
  reversal: boolean;
  fundsCode?: string;
  amountText: string;
  transactionType?: string;
  customerReference?: string;
  bankReference?: string;
  supplementaryDetails?: string;
  /** Repairs made (e.g. 30 February) to report as warnings. */
  warnings: string[];
}

export type StatementLineResult = { ok: true; value: StatementLine } | { ok: false; reason: string };

const HEAD = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?/;
const AMOUNT_AND_REST = /^([\d,.]+)([A-Z][A-Z0-9 ]{3})?(.*)$/;

/** 'NONREF' is SWIFT for "no reference": it carries no information, so it is dropped. */
function reference(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed && trimmed.toUpperCase() !== 'NONREF' ? trimmed : undefined;
}

export function parseStatementLine(lines: readonly string[]): StatementLineResult {
  const content = lines.map((line) => line.trimEnd());
  let first = content[0]?.trim() ?? '';
  let restStart = 1;
  // Some Sparkassen break the line right after the mark: `1811261126CR` / `30,00N062NONREF`.
  if (/^\d{6}(\d{4})?(RC|RD|C|D)[A-Z]?$/.test(first) && content.length > 1) {
    first += (content[1] ?? '').trim();
    restStart = 2;
  }

  const head = HEAD.exec(first);
  if (!head) {
    return { ok: false, reason: `\`${first.slice(0, 30)}\` does not start with a date and C/D/RC/RD mark` };
  }
  const [headText, valueText = '', entryText, mark = '', fundsCode] = head;
  const body = first.slice(headText.length);
  const amountMatch = AMOUNT_AND_REST.exec(body);
  if (!amountMatch) return { ok: false, reason: `amount missing after the ${mark} mark` };
  const [, amountText = '', typeCode, rest = ''] = amountMatch;
  if (!/^\d*,\d*$|^\d+$/.test(amountText) || !/\d/.test(amountText)) {
    return { ok: false, reason: `amount \`${amountText}\` is not a number` };
  }

  const warnings: string[] = [];
  const value = parseYymmdd(valueText);
  if (!value.ok) return { ok: false, reason: `value ${value.reason}` };
  if (value.repaired) warnings.push(`value ${value.repaired}`);
  let bookingDate: string | undefined;
  if (entryText !== undefined) {
    const entry = parseEntryDate(entryText, value.year, value.month);
    if (!entry.ok) return { ok: false, reason: `entry ${entry.reason}` };
    if (entry.repaired) warnings.push(`entry ${entry.repaired}`);
    bookingDate = entry.date;
  }

  // Customer reference up to `//`, bank reference after it; SWIFT caps both at 16 characters
  // and whatever follows on the same line is supplementary detail (Rabobank puts the
  // counterparty name there).
  let customer = rest;
  let bank: string | undefined;
  let sameLineDetails = '';
  const slashes = rest.indexOf('//');
  if (slashes >= 0) {
    customer = rest.slice(0, slashes);
    bank = rest.slice(slashes + 2, slashes + 2 + 16);
    sameLineDetails = rest.slice(slashes + 2 + 16);
  } else if (rest.length > 16) {
    // Some banks (ASN) put the counterparty IBAN, up to 34 characters, in the 16x field.
    const firstToken = /^\S+/.exec(rest)?.[0] ?? '';
    const cut =
      firstToken.length > 16 && /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(firstToken) ? firstToken.length : 16;
    customer = rest.slice(0, cut);
    sameLineDetails = rest.slice(cut);
  }
  const details = [sameLineDetails, ...content.slice(restStart)]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');

  // RC = reversal of a credit: the money goes back out, so it is a debit for the holder.
  const direction = mark === 'C' || mark === 'RD' ? 'credit' : 'debit';
  const result: StatementLine = {
    valueDate: value.date,
    direction,
    reversal: mark.startsWith('R'),
    amountText,
    warnings,
  };
  if (bookingDate) result.bookingDate = bookingDate;
  if (fundsCode) result.fundsCode = fundsCode;
  const type = typeCode?.trim();
  if (type) result.transactionType = type;
  const customerReference = reference(customer);
  if (customerReference) result.customerReference = customerReference;
  const bankReference = reference(bank);
  if (bankReference) result.bankReference = bankReference;
  if (details) result.supplementaryDetails = details;
  return { ok: true, value: result };
}
