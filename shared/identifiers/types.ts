/**
 * Shared result shapes for every recognizer. A failed parse always carries a machine-readable
 * reason so the UI can translate it and the audit log can count it; `message` is English prose
 * for logs and the CLI only.
 */
export type IdentifierKind =
  'card' | 'card_masked' | 'iban' | 'phone' | 'tron' | 'btc' | 'eth' | 'iin' | 'bin';

export const IDENTIFIER_KINDS: readonly IdentifierKind[] = [
  'card',
  'card_masked',
  'iban',
  'phone',
  'tron',
  'btc',
  'eth',
  'iin',
  'bin',
];

export type RejectReason =
  | 'empty'
  | 'charset'
  | 'length'
  | 'luhn'
  | 'checksum'
  | 'format'
  | 'country'
  | 'version'
  | 'date'
  | 'century'
  | 'entity_type'
  | 'mixed_case'
  | 'invalid_number'
  | 'unrecognized';

/** Every reason once (a Record, so adding a reason above without listing it here does not compile). */
const REASONS: Record<RejectReason, true> = {
  empty: true,
  charset: true,
  length: true,
  luhn: true,
  checksum: true,
  format: true,
  country: true,
  version: true,
  date: true,
  century: true,
  entity_type: true,
  mixed_case: true,
  invalid_number: true,
  unrecognized: true,
};
export const REJECT_REASONS = Object.keys(REASONS) as readonly RejectReason[];

export interface Valid<K extends string, D> {
  ok: true;
  kind: K;
  /** Canonical form: the key under which mentions of the same thing are grouped. */
  value: string;
  raw: string;
  details: D;
}

export interface Invalid<K extends string> {
  ok: false;
  kind: K;
  raw: string;
  reason: RejectReason;
  message: string;
}

export type Parsed<K extends string, D> = Valid<K, D> | Invalid<K>;

export function invalid<K extends string>(
  kind: K,
  raw: string,
  reason: RejectReason,
  message: string,
): Invalid<K> {
  return { ok: false, kind, raw, reason, message };
}
