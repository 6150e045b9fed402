/**
 * Currency as banks write it: ISO letters (`KZT`), ISO numbers (`398`), the Halyk/VTB
 * `KZT - Тенге` form, Russian and Kazakh words, symbols. Crypto tokens seen in P2P and
 * blockchain exports are accepted as codes too.
 */
import type { Cell, Parsed } from './cell';
import { fail, ok, show } from './cell';

/** ISO 4217 numeric codes for the currencies that reach Kazakh investigators. */
const NUMERIC: ReadonlyMap<string, string> = new Map([
  ['398', 'KZT'],
  ['840', 'USD'],
  ['978', 'EUR'],
  ['643', 'RUB'],
  ['810', 'RUB'],
  ['156', 'CNY'],
  ['826', 'GBP'],
  ['417', 'KGS'],
  ['860', 'UZS'],
  ['949', 'TRY'],
  ['784', 'AED'],
  ['756', 'CHF'],
  ['392', 'JPY'],
  ['933', 'BYN'],
  ['981', 'GEL'],
  ['051', 'AMD'],
  ['944', 'AZN'],
  ['972', 'TJS'],
  ['934', 'TMT'],
  ['410', 'KRW'],
]);

/** Words and symbols, lowercased, without trailing dots. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['₸', 'KZT'],
  ['тенге', 'KZT'],
  ['теңге', 'KZT'],
  ['тг', 'KZT'],
  ['тнг', 'KZT'],
  ['kzt', 'KZT'],
  ['$', 'USD'],
  ['us$', 'USD'],
  ['доллар', 'USD'],
  ['доллар сша', 'USD'],
  ['долл', 'USD'],
  ['долл сша', 'USD'],
  ['дол сша', 'USD'],
  ['€', 'EUR'],
  ['евро', 'EUR'],
  ['₽', 'RUB'],
  ['руб', 'RUB'],
  ['рубль', 'RUB'],
  ['российский рубль', 'RUB'],
  ['rur', 'RUB'],
  ['юань', 'CNY'],
  ['сом', 'KGS'],
  ['£', 'GBP'],
]);

/** Tokens that are not ISO 4217 but are what P2P and chain exports put in the currency column. */
export const CRYPTO_CODES: ReadonlySet<string> = new Set([
  'USDT',
  'USDC',
  'BTC',
  'ETH',
  'TRX',
  'BNB',
  'TON',
  'BUSD',
  'DAI',
  'FDUSD',
]);

const LATIN_CODE = /^[A-Z]{3,5}$/;
const DIGITS_3 = /^\d{1,3}$/;
// `KZT - Тенге`, `KZT (Тенге)`, `398 KZT`: the code is the first word.
const FIRST_WORD = /^([^\s\-–(,;/]+)/;
const TRAILING_DOT = /\.+$/;
const SPACES = /[\s\u00a0\u202f]+/g;

/** Looks up one token (already trimmed). Used by the amount parser for its prefix/suffix text. */
export function currencyOfToken(token: string): string | null {
  if (token === '') return null;
  const upper = token.toUpperCase();
  if (upper === 'KZT' || upper === 'USD' || upper === 'EUR' || upper === 'RUB') return upper;
  if (CRYPTO_CODES.has(upper)) return upper;
  const word = token.toLowerCase().replace(TRAILING_DOT, '').replace(SPACES, ' ');
  const byWord = WORDS.get(word);
  if (byWord) return byWord;
  if (LATIN_CODE.test(upper) && upper.length === 3 && token === upper) return upper;
  return null;
}

export function parseCurrencyCode(cell: Cell): Parsed<string> {
  if (cell === null || cell === '') return fail('currency is empty');
  if (typeof cell === 'number') {
    const code = NUMERIC.get(String(cell).padStart(3, '0'));
    return code ? ok(code) : fail(`currency ${cell} is not a known ISO 4217 number`);
  }
  if (typeof cell === 'boolean') return fail(`currency ${show(cell)} is not a currency`);
  const text = cell.trim();
  if (text === '') return fail('currency is empty');
  const whole = currencyOfToken(text);
  if (whole) return ok(whole);
  if (DIGITS_3.test(text)) {
    const code = NUMERIC.get(text.padStart(3, '0'));
    return code ? ok(code) : fail(`currency ${show(cell)} is not a known ISO 4217 number`);
  }
  const first = FIRST_WORD.exec(text)?.[1];
  if (first !== undefined && first !== text) {
    const code = currencyOfToken(first);
    if (code) return ok(code);
    if (DIGITS_3.test(first)) {
      const byNumber = NUMERIC.get(first.padStart(3, '0'));
      if (byNumber) return ok(byNumber);
    }
  }
  return fail(`currency ${show(cell)} is not an ISO code, number or known name`);
}
