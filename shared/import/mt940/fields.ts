import type { StatementAccount } from '../bank-statement';
import { looksLikeBic, normalizeIban } from '../bank-statement';
import { parseYymmdd } from './dates';

/**
 * Small single-line fields: balances (:60F: :60M: :62F: :62M: :64: :65:), account (:25:) and
 * the MT942 extras (:34F: :13D: :90D: :90C:). Amounts stay text until the currency is certain.
 */

export interface RawBalance {
  date: string;
  /** Currency as written; missing on some files (`:62M:C020315105000,00`), inferred later. */
  currency?: string;
  amountText: string;
  debit: boolean;
  warnings: string[];
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** 1!a mark, 6!n date, 3!a currency, 15d amount */
export function parseBalance(text: string): FieldResult<RawBalance> {
  const match = /^([CD])(\d{6})([A-Z]{3})?(.*)$/.exec(text.trim());
  if (!match) return { ok: false, reason: `\`${text.trim()}\` is not a C/D mark followed by YYMMDD` };
  const [, mark, dateText = '', currency, amountText = ''] = match;
  if (!/^\d*,?\d*$/.test(amountText) || !/\d/.test(amountText)) {
    return { ok: false, reason: `amount \`${amountText}\` is not a number` };
  }
  const date = parseYymmdd(dateText);
  if (!date.ok) return { ok: false, reason: date.reason };
  const value: RawBalance = { date: date.date, amountText, debit: mark === 'D', warnings: [] };
  if (date.repaired) value.warnings.push(date.repaired);
  if (currency) value.currency = currency;
  return { ok: true, value };
}

/**
 * :25: is free-form up to 35 characters. Seen in practice: an IBAN (`PL25106000760000888888888888`),
 * `BIC/account` (`BPHKPLPK/320000546101`), `bankcode/account` (`45050050/76198810`), and any of
 * those with the currency appended (`70011110/4005287001EUR`, `UBRTHUHB/123456789150ABCDEF002/HUF`).
 */
export function parseAccount(text: string): StatementAccount {
  const raw = text.trim();
  const account: StatementAccount = { raw };
  let rest = raw;
  const currency = /^(.*[\d/])\/?([A-Z]{3})$/.exec(rest);
  if (currency && !normalizeIban(rest)) {
    account.currency = currency[2];
    rest = (currency[1] ?? '').replace(/\/$/, '');
  }
  const slash = rest.indexOf('/');
  if (slash > 0 && looksLikeBic(rest.slice(0, slash))) {
    account.bic = rest.slice(0, slash);
    rest = rest.slice(slash + 1);
  }
  const iban = normalizeIban(rest);
  if (iban) account.iban = iban;
  return account;
}

/** :34F: currency, optional D/C, amount — floor limit (MT942). */
export function parseFloorLimit(
  text: string,
): FieldResult<{ currency: string; mark?: 'C' | 'D'; amountText: string }> {
  const match = /^([A-Z]{3})([CD])?(\d*,?\d*)$/.exec(text.trim());
  if (!match || !/\d/.test(match[3] ?? ''))
    return { ok: false, reason: `\`${text.trim()}\` is not a floor limit` };
  const mark = match[2] === 'C' || match[2] === 'D' ? match[2] : undefined;
  return {
    ok: true,
    value: { currency: match[1] ?? '', amountText: match[3] ?? '', ...(mark ? { mark } : {}) },
  };
}

/** :13D: YYMMDDhhmm±hhmm -> ISO 8601 */
export function parseDateTime(text: string): FieldResult<string> {
  const match = /^(\d{6})(\d{2})(\d{2})([+-]\d{2})?(\d{2})?$/.exec(text.trim());
  if (!match) return { ok: false, reason: `\`${text.trim()}\` is not YYMMDDhhmm[±hhmm]` };
  const date = parseYymmdd(match[1] ?? '');
  if (!date.ok) return { ok: false, reason: date.reason };
  const offset = match[4] ? `${match[4]}:${match[5] ?? '00'}` : '';
  return { ok: true, value: `${date.date}T${match[2]}:${match[3]}${offset}` };
}

/** :90D:/:90C: number of entries, currency, amount */
export function parseSummary(
  text: string,
): FieldResult<{ count: number; currency: string; amountText: string }> {
  const match = /^(\d+)([A-Z]{3})(\d*,?\d*)$/.exec(text.trim());
  if (!match || !/\d/.test(match[3] ?? '')) {
    return { ok: false, reason: `\`${text.trim()}\` is not a count, currency and amount` };
  }
  return {
    ok: true,
    value: { count: Number(match[1]), currency: match[2] ?? '', amountText: match[3] ?? '' },
  };
}
