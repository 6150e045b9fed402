/**
 * Phone numbers, Kazakhstan by default. libphonenumber-js with the "max" metadata is used because
 * only it carries the number-type ranges (mobile vs fixed line) and splits +7 between KZ and RU.
 */
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import { invalid, type Parsed } from './types';

export type PhoneType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'premium_rate'
  | 'shared_cost'
  | 'voip'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export interface KzOperator {
  id: 'kcell' | 'beeline' | 'tele2' | 'altel';
  name: string;
}

export interface PhoneDetails {
  country: string | null;
  callingCode: string;
  nationalNumber: string;
  type: PhoneType;
  /**
   * Operator the prefix was originally allocated to. Kazakhstan has had mobile number portability
   * since 2014, so this is a lead, not a fact: the current operator must be confirmed by request.
   */
  operator: KzOperator | null;
}

export type PhoneResult = Parsed<'phone', PhoneDetails>;

export interface PhoneOptions {
  defaultCountry?: CountryCode;
}

const KCELL: KzOperator = { id: 'kcell', name: 'Kcell / Activ' };
const BEELINE: KzOperator = { id: 'beeline', name: 'Beeline (Kar-Tel)' };
const TELE2: KzOperator = { id: 'tele2', name: 'Tele2' };
const ALTEL: KzOperator = { id: 'altel', name: 'Altel' };

/** KZ mobile prefixes (digits after +7) by original allocation; Tele2 and Altel share one company since 2019. */
export const KZ_MOBILE_OPERATORS: Readonly<Record<string, KzOperator>> = {
  '700': ALTEL,
  '701': KCELL,
  '702': KCELL,
  '705': BEELINE,
  '707': TELE2,
  '708': ALTEL,
  '747': TELE2,
  '771': BEELINE,
  '775': KCELL,
  '776': BEELINE,
  '777': BEELINE,
  '778': KCELL,
};

export function kzOperator(nationalNumber: string): KzOperator | null {
  return KZ_MOBILE_OPERATORS[nationalNumber.slice(0, 3)] ?? null;
}

export function parsePhone(raw: string, options: PhoneOptions = {}): PhoneResult {
  const text = raw.trim();
  if (text.length === 0) return invalid('phone', raw, 'empty', 'Phone number is empty');
  if (!/^[+\d\s\u00a0().\-/]+$/.test(text)) {
    return invalid(
      'phone',
      raw,
      'charset',
      'Phone number may contain only digits, +, spaces, dashes and brackets',
    );
  }
  const defaultCountry = options.defaultCountry ?? 'KZ';
  const phone = parsePhoneNumberFromString(text, defaultCountry);
  // With the "max" metadata a number is valid exactly when it has a type, so the type, needed
  // anyway, settles validity; `isValid()` (the same range matching again) only for the rest.
  const type = phone?.getType();
  if (!phone || (type === undefined && !phone.isValid())) {
    const len = validatePhoneNumberLength(text, defaultCountry);
    if (len === 'TOO_SHORT' || len === 'TOO_LONG' || len === 'INVALID_LENGTH') {
      return invalid('phone', raw, 'length', `Phone number has the wrong number of digits (${len})`);
    }
    return invalid('phone', raw, 'invalid_number', 'Not a number in any allocated phone range');
  }
  const country = phone.country ?? null;
  return {
    ok: true,
    kind: 'phone',
    value: phone.number,
    raw,
    details: {
      country,
      callingCode: phone.countryCallingCode,
      nationalNumber: phone.nationalNumber,
      type: (type?.toLowerCase() as PhoneType | undefined) ?? 'unknown',
      operator: country === 'KZ' ? kzOperator(phone.nationalNumber) : null,
    },
  };
}
