/**
 * Full bank card numbers (PAN). Validity here means "could be a real card": right length, Luhn,
 * and not an obviously synthetic digit run. Whether the card exists is a question for the bank.
 */
import creditCardType from 'credit-card-type';
import { EMPTY_BANK_DIRECTORY, type BankDirectory, type BankMatch } from './banks';
import { invalid, type Parsed } from './types';

export interface CardBrand {
  /** credit-card-type id: visa, mastercard, mir, unionpay, maestro, american-express, ... */
  id: string;
  name: string;
}

export interface CardDetails {
  brand: CardBrand | null;
  /** First six digits: the issuer identification number most BIN listings are keyed by. */
  bin6: string;
  last4: string;
  length: number;
  bank: BankMatch | null;
  /** The PAN as it may be shown on screen and in reports: first 6 and last 4 only. */
  display: string;
}

export type CardResult = Parsed<'card', CardDetails>;

export interface CardOptions {
  banks?: BankDirectory;
}

export const PAN_MIN_LENGTH = 13;
export const PAN_MAX_LENGTH = 19;

/** Separators people and bank exports put inside card numbers. */
const SEPARATORS = /[\s\u00a0.\-_]/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * credit-card-type reads no further into a number than its longest IIN pattern (8 digits), so its
 * answer for a number is its answer for that prefix. It clones every matching card definition on
 * each call, which made it the costliest step of text extraction; statements repeat a handful of
 * BINs, so the answers are cached by prefix (bounded: cleared when full).
 */
const BRAND_PREFIX_LENGTH = Math.max(
  ...Object.values(creditCardType.types).flatMap((id) =>
    creditCardType.getTypeInfo(id).patterns.map((p) => String(Array.isArray(p) ? p[0] : p).length),
  ),
);
const BRAND_CACHE_LIMIT = 10_000;
const brandCache = new Map<string, ReturnType<typeof creditCardType>>();

function cardTypes(digits: string): ReturnType<typeof creditCardType> {
  const key = digits.length > BRAND_PREFIX_LENGTH ? digits.slice(0, BRAND_PREFIX_LENGTH) : digits;
  let types = brandCache.get(key);
  if (types === undefined) {
    types = creditCardType(key);
    if (brandCache.size >= BRAND_CACHE_LIMIT) brandCache.clear();
    brandCache.set(key, types);
  }
  return types;
}

/** Card brand from the IIN ranges maintained in credit-card-type; prefers ranges that allow this length. */
export function cardBrand(digits: string, length?: number): CardBrand | null {
  if (digits.length === 0) return null;
  const types = cardTypes(digits);
  const fit = length === undefined ? types[0] : (types.find((t) => t.lengths.includes(length)) ?? types[0]);
  return fit ? { id: fit.type, name: fit.niceType } : null;
}

export function stripCardSeparators(raw: string): string {
  return raw.replace(SEPARATORS, '');
}

export function parseCard(raw: string, options: CardOptions = {}): CardResult {
  const compact = stripCardSeparators(raw.trim());
  if (compact.length === 0) return invalid('card', raw, 'empty', 'Card number is empty');
  if (!/^\d+$/.test(compact)) {
    return invalid('card', raw, 'charset', 'Card number may contain only digits, spaces, dashes and dots');
  }
  if (compact.length < PAN_MIN_LENGTH || compact.length > PAN_MAX_LENGTH) {
    return invalid(
      'card',
      raw,
      'length',
      `Card number has ${compact.length} digits; a PAN has ${PAN_MIN_LENGTH} to ${PAN_MAX_LENGTH}`,
    );
  }
  // Zero-filled and single-digit runs pass Luhn but are placeholders in exports, never cards.
  if (/^(\d)\1+$/.test(compact) || compact.startsWith('0')) {
    return invalid('card', raw, 'format', 'Card number is a placeholder (repeated digit or leading zero)');
  }
  if (!luhnValid(compact)) return invalid('card', raw, 'luhn', 'Card number fails the Luhn check digit');
  const banks = options.banks ?? EMPTY_BANK_DIRECTORY;
  const last4 = compact.slice(-4);
  return {
    ok: true,
    kind: 'card',
    value: compact,
    raw,
    details: {
      brand: cardBrand(compact, compact.length),
      bin6: compact.slice(0, 6),
      last4,
      length: compact.length,
      bank: banks.byPan(compact),
      display: `${compact.slice(0, 6)}${'*'.repeat(compact.length - 10)}${last4}`,
    },
  };
}
