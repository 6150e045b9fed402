/**
 * Kazakhstan IIN (individuals) and BIN (legal entities): 12 digits, same check-digit algorithm.
 * They share one shape, so the 5th digit decides: in an IIN it is the tens of the birth day
 * (0–3), in a BIN it is the entity type (4–6).
 */
import { invalid, type Invalid, type Parsed } from './types';

export type Sex = 'male' | 'female';

export interface IinDetails {
  /** ISO date YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
}

export type BinEntityType =
  'resident_legal_entity' | 'non_resident_legal_entity' | 'individual_entrepreneur_joint';
export type BinAttribute =
  'head_office' | 'branch' | 'representative_office' | 'peasant_farm_joint' | 'other';

export interface BinDetails {
  /** Registration year and month, YYYY-MM; the century is inferred (YY ≥ 50 → 19YY). */
  registered: string;
  entityType: BinEntityType;
  attribute: BinAttribute;
}

export type IinResult = Parsed<'iin', IinDetails>;
export type BinResult = Parsed<'bin', BinDetails>;
export type IinBinResult = IinResult | BinResult;

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weighted(d11: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (d11.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * Check digit for the first 11 digits, or null when both passes give 10: such numbers are never
 * issued, so a 12-digit string built on them is not an IIN/BIN whatever its last digit.
 */
export function iinCheckDigit(first11: string): number | null {
  const first = weighted(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(first11, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

export function iinChecksumValid(digits12: string): boolean {
  const expected = iinCheckDigit(digits12.slice(0, 11));
  return expected !== null && expected === digits12.charCodeAt(11) - 48;
}

const CENTURY: Record<string, [number, Sex]> = {
  '1': [1800, 'male'],
  '2': [1800, 'female'],
  '3': [1900, 'male'],
  '4': [1900, 'female'],
  '5': [2000, 'male'],
  '6': [2000, 'female'],
};

const ENTITY: Record<string, BinEntityType> = {
  '4': 'resident_legal_entity',
  '5': 'non_resident_legal_entity',
  '6': 'individual_entrepreneur_joint',
};

const ATTRIBUTE: Record<string, BinAttribute> = {
  '0': 'head_office',
  '1': 'branch',
  '2': 'representative_office',
  '3': 'peasant_farm_joint',
};

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= (days[m - 1] ?? 0);
}

function shape<K extends 'iin' | 'bin'>(kind: K, raw: string): { digits: string } | Invalid<K> {
  const digits = raw.trim().replace(/[\s\u00a0]/g, '');
  if (digits.length === 0) return invalid(kind, raw, 'empty', 'Number is empty');
  if (!/^\d+$/.test(digits)) return invalid(kind, raw, 'charset', 'IIN/BIN contains only digits');
  if (digits.length !== 12) return invalid(kind, raw, 'length', 'IIN/BIN has exactly 12 digits');
  if (!iinChecksumValid(digits)) return invalid(kind, raw, 'checksum', 'IIN/BIN check digit does not match');
  return { digits };
}

function iinFrom(raw: string, digits: string): IinResult {
  const century = CENTURY[digits.charAt(6)];
  if (!century) return invalid('iin', raw, 'century', 'IIN 7th digit must be 1–6 (century and sex)');
  const y = century[0] + Number(digits.slice(0, 2));
  const m = Number(digits.slice(2, 4));
  const d = Number(digits.slice(4, 6));
  if (!validDate(y, m, d)) return invalid('iin', raw, 'date', 'IIN does not start with a valid birth date');
  const birthDate = `${y}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  return { ok: true, kind: 'iin', value: digits, raw, details: { birthDate, sex: century[1] } };
}

function binFrom(raw: string, digits: string): BinResult {
  const entityType = ENTITY[digits.charAt(4)];
  if (!entityType) return invalid('bin', raw, 'entity_type', 'BIN 5th digit must be 4, 5 or 6');
  const yy = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  if (mm < 1 || mm > 12)
    return invalid('bin', raw, 'date', 'BIN does not start with a valid registration month');
  const registered = `${yy >= 50 ? 1900 + yy : 2000 + yy}-${digits.slice(2, 4)}`;
  const attribute = ATTRIBUTE[digits.charAt(5)] ?? 'other';
  return { ok: true, kind: 'bin', value: digits, raw, details: { registered, entityType, attribute } };
}

/** Decides IIN vs BIN from the 5th digit, then validates the kind-specific structure. */
export function parseIinBin(raw: string): IinBinResult {
  const s = shape('iin', raw);
  if ('ok' in s) return s;
  const fifth = s.digits.charAt(4);
  if (fifth >= '4' && fifth <= '6') return binFrom(raw, s.digits);
  if (fifth >= '0' && fifth <= '3') return iinFrom(raw, s.digits);
  return invalid(
    'iin',
    raw,
    'entity_type',
    '5th digit is neither a birth-day digit (0–3) nor a BIN type (4–6)',
  );
}

export function parseIin(raw: string): IinResult {
  const s = shape('iin', raw);
  if ('ok' in s) return s;
  return iinFrom(raw, s.digits);
}

export function parseBin(raw: string): BinResult {
  const s = shape('bin', raw);
  if ('ok' in s) return s;
  return binFrom(raw, s.digits);
}
