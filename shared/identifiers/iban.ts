/**
 * IBANs, Kazakhstan first. ibantools does the ISO 7064 mod 97-10 check and the per-country BBAN
 * layout; this module maps its error codes to our reasons and adds the KZ bank lookup.
 */
import {
  electronicFormatIBAN,
  getCountrySpecifications,
  validateIBAN,
  ValidationErrorsIBAN,
} from 'ibantools';
import { EMPTY_BANK_DIRECTORY, type BankDirectory, type BankMatch } from './banks';
import { invalid, type Parsed, type RejectReason } from './types';

export interface IbanDetails {
  country: string;
  checkDigits: string;
  bban: string;
  /** KZ only: the 3-digit bank code that follows the check digits. */
  bankCode: string | null;
  bank: BankMatch | null;
  /** Groups of four, for display. */
  friendly: string;
}

export type IbanResult = Parsed<'iban', IbanDetails>;

export interface IbanOptions {
  banks?: BankDirectory;
}

const specs = getCountrySpecifications();

/** Expected IBAN length for a country, or null when the country has no IBAN format. */
export function ibanLength(country: string): number | null {
  const spec = specs[country.toUpperCase()];
  return spec?.chars ?? null;
}

const REASONS: Partial<Record<ValidationErrorsIBAN, [RejectReason, string]>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: ['country', 'Unknown IBAN country code'],
  [ValidationErrorsIBAN.WrongBBANLength]: ['length', 'Wrong IBAN length for this country'],
  [ValidationErrorsIBAN.WrongBBANFormat]: ['format', 'Account part does not match the country format'],
  [ValidationErrorsIBAN.ChecksumNotNumber]: ['format', 'IBAN check digits must be digits'],
  [ValidationErrorsIBAN.WrongIBANChecksum]: ['checksum', 'IBAN check digits do not match (mod 97)'],
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: [
    'checksum',
    'National account checksum does not match',
  ],
};

export function parseIban(raw: string, options: IbanOptions = {}): IbanResult {
  // Statements write "IBAN KZ.." and split groups with spaces, dashes or NBSP.
  const compact = (
    electronicFormatIBAN(raw.replace(/^\s*IBAN[:\s]*/i, '').replace(/[\s\u00a0.]/g, '')) ?? ''
  ).trim();
  if (compact.length === 0) return invalid('iban', raw, 'empty', 'IBAN is empty');
  if (!/^[A-Z0-9]+$/.test(compact))
    return invalid('iban', raw, 'charset', 'IBAN may contain only letters and digits');
  if (!/^[A-Z]{2}/.test(compact))
    return invalid('iban', raw, 'country', 'IBAN must start with a country code');
  const result = validateIBAN(compact);
  if (!result.valid) {
    // Report the most fundamental problem first: country, then shape, then checksum.
    const code = [...result.errorCodes].sort((a, b) => a - b)[0];
    const [reason, message] = (code !== undefined ? REASONS[code] : undefined) ?? ['format', 'Invalid IBAN'];
    return invalid('iban', raw, reason, message);
  }
  const country = compact.slice(0, 2);
  const bankCode = country === 'KZ' ? compact.slice(4, 7) : null;
  const banks = options.banks ?? EMPTY_BANK_DIRECTORY;
  return {
    ok: true,
    kind: 'iban',
    value: compact,
    raw,
    details: {
      country,
      checkDigits: compact.slice(2, 4),
      bban: compact.slice(4),
      bankCode,
      bank: bankCode === null ? null : banks.byIbanCode(bankCode),
      friendly: compact.replace(/(.{4})(?=.)/g, '$1 '),
    },
  };
}
