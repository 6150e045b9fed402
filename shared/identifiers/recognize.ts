/**
 * One entry point that decides what a cell or a typed string is. Import columns come with a hint
 * (the column was mapped as "card", "phone", ...) and then only that family is tried, so a
 * mistyped card is reported as a bad card rather than silently re-read as a phone.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { BankDirectory } from './banks';
import { parseCard, type CardResult } from './card';
import { parseBtc, parseEth, parseTron, type BtcResult, type EthResult, type TronResult } from './wallets';
import { parseIban, type IbanResult } from './iban';
import { parseBin, parseIin, parseIinBin, type IinBinResult } from './iin';
import { MASK_CHARS, parseMaskedCard, UNKNOWN_LENGTH_MARK, type MaskedCardResult } from './masked-card';
import { parsePhone, type PhoneResult } from './phone';
import { invalid, type IdentifierKind, type Invalid } from './types';

export type RecognizeHint = 'card' | 'phone' | 'iban' | 'wallet' | 'iin_bin';

export type Recognized =
  | CardResult
  | MaskedCardResult
  | IbanResult
  | PhoneResult
  | TronResult
  | BtcResult
  | EthResult
  | IinBinResult;

/** A failure that could not even be attributed to a kind. */
export type Unrecognized = Invalid<'unknown'>;
export type Recognition = Recognized | Unrecognized;

export interface RecognizeOptions {
  banks?: BankDirectory;
  defaultCountry?: CountryCode;
}

const HAS_MASK = new RegExp(`[${MASK_CHARS}${UNKNOWN_LENGTH_MARK}]`);
const TRON_SHAPE = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
const BTC_BASE58_SHAPE = /^[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}$/;
const SEGWIT_SHAPE = /^(bc|tb|bcrt)1/i;
const IBAN_SHAPE = /^(IBAN[:\s]*)?[A-Za-z]{2}\d{2}[\s\u00a0A-Za-z0-9-]{8,}$/;

function unknown(raw: string, reason: 'empty' | 'unrecognized', message: string): Unrecognized {
  return invalid('unknown', raw, reason, message);
}

function recognizeWallet(raw: string, s: string): Recognition {
  if (/^0x/i.test(s)) return parseEth(raw);
  if (SEGWIT_SHAPE.test(s)) return parseBtc(raw);
  if (s.startsWith('T')) return parseTron(raw);
  if (/^[13mn2]/.test(s)) return parseBtc(raw);
  return unknown(raw, 'unrecognized', 'Not a TRON, Bitcoin or Ethereum address');
}

/** Parses `raw` as exactly `kind`; the per-kind normalizers behind recognize(). */
export function parseAs(kind: IdentifierKind, raw: string, options: RecognizeOptions = {}): Recognized {
  switch (kind) {
    case 'card':
      return parseCard(raw, options);
    case 'card_masked':
      return parseMaskedCard(raw, options);
    case 'iban':
      return parseIban(raw, options);
    case 'phone':
      return parsePhone(raw, options);
    case 'tron':
      return parseTron(raw);
    case 'btc':
      return parseBtc(raw);
    case 'eth':
      return parseEth(raw);
    case 'iin':
      return parseIin(raw);
    case 'bin':
      return parseBin(raw);
  }
}

/** Canonical value of `raw` as `kind`, or null when it is not a valid identifier of that kind. */
export function normalize(kind: IdentifierKind, raw: string, options: RecognizeOptions = {}): string | null {
  const r = parseAs(kind, raw, options);
  return r.ok ? r.value : null;
}

export function recognize(raw: string, hint?: RecognizeHint, options: RecognizeOptions = {}): Recognition {
  const s = raw.trim();
  if (s.length === 0) return unknown(raw, 'empty', 'Empty value');
  switch (hint) {
    case 'card':
      return HAS_MASK.test(s) ? parseMaskedCard(raw, options) : parseCard(raw, options);
    case 'phone':
      return parsePhone(raw, options);
    case 'iban':
      return parseIban(raw, options);
    case 'wallet':
      return recognizeWallet(raw, s);
    case 'iin_bin':
      return parseIinBin(raw);
    case undefined:
      break;
  }

  if (/^0x/i.test(s) || SEGWIT_SHAPE.test(s) || TRON_SHAPE.test(s)) return recognizeWallet(raw, s);
  if (IBAN_SHAPE.test(s)) return parseIban(raw, options);

  const digits = s.replace(/[\s\u00a0.\-_()]/g, '');
  if (/^\d*$/.test(digits) === false && HAS_MASK.test(s) && /\d/.test(s))
    return parseMaskedCard(raw, options);
  if (s.startsWith('+')) return parsePhone(raw, options);
  if (/^\d+$/.test(digits)) {
    // Length is decisive: 12 = IIN/BIN, 13–19 = card, 10–11 = phone. Other lengths are not ours.
    if (digits.length === 12) return parseIinBin(raw);
    if (digits.length >= 13 && digits.length <= 19) return parseCard(raw, options);
    if (digits.length === 10 || digits.length === 11) return parsePhone(raw, options);
    return unknown(raw, 'unrecognized', `A ${digits.length}-digit number is not a card, phone, IIN or BIN`);
  }
  if (BTC_BASE58_SHAPE.test(s)) return parseBtc(raw);
  return unknown(raw, 'unrecognized', 'Not a card, IBAN, phone, wallet, IIN or BIN');
}
