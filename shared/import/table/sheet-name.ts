/**
 * What a sheet's name says. Freedom and Home Credit name one sheet per account by IBAN and
 * currency (`KZ72551N129228750KZT`; the bank's sample names look redacted, so any length of
 * account is accepted); CenterCredit, Delta and Tsesna name sheets by direction
 * (`Входящие операции`, `Исходящий платеж, валюта`, `дебет`).
 */
import type { Direction } from './cell';
import { currencyOfToken } from './currency';
import { sectionDirection } from './markers';
import { normalizeCaption } from './text';

export interface SheetNameFacts {
  direction?: Direction;
  account?: string;
  currency?: string;
}

const ACCOUNT_SHEET = /^(KZ[0-9A-Z]{10,18}?)[\s_-]*([A-Z]{3})$/;
const TENGE_WORDS = ['в тенге', 'тенге', 'kzt'];

export function readSheetName(name: string | undefined): SheetNameFacts {
  if (!name) return {};
  const compact = name.trim().toUpperCase();
  const account = ACCOUNT_SHEET.exec(compact);
  if (account?.[1] && account[2] && currencyOfToken(account[2])) {
    return { account: account[1], currency: account[2] };
  }
  const facts: SheetNameFacts = {};
  const direction = sectionDirection(name);
  if (direction) facts.direction = direction;
  else if (normalizeCaption(name) === 'снятие наличных по счету') facts.direction = 'out';
  const n = normalizeCaption(name);
  if (TENGE_WORDS.some((w) => n.endsWith(w))) facts.currency = 'KZT';
  // Delta's "Исходящий платеж, валюта": «валюта» there means US dollars.
  else if (n.endsWith('валюта') || n.endsWith('в валюте')) facts.currency = 'USD';
  return facts;
}
