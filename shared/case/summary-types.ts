/**
 * The case summary: the JSON `moneytrail summary CASE --json` prints. Public interface — the field
 * names below are promised to scripts; fields may be added, never renamed or removed.
 *
 * Amounts: `credit` / `debit` are positive decimal numbers in major units of the currency
 * (5000.5 means 5 000.50 ₸), converted from integer minor units by dividing by 10^digits of the
 * currency (KZT 2, USDT 6, JPY 0…), which JSON prints exactly as the decimal. The exact integers
 * are alongside as `creditMinor` / `debitMinor` for consumers that must not touch floats.
 */
import type { IdentifierKind } from '../identifiers/types';
import type { IntegrityCheckKind, MentionRole } from '../model/statement';

export interface CaseSummary {
  case: { id: string; title: string; registryNumber: string; investigator: string };
  /** In import order. */
  sources: SourceSummary[];
  /** By kind (in IDENTIFIER_KINDS order: card, card_masked, iban, phone, tron, btc, eth, iin, bin), then value. */
  identifiers: IdentifierSummary[];
  /** By kind (same order), raw text, file, sheet, row. */
  invalid: InvalidSummary[];
  /** Masked cards that fit exactly one full card of the case, by masked value. */
  resolutions: { masked: string; card: string }[];
  /** Masked cards that fit several full cards: shown, never guessed. */
  ambiguous: { masked: string; candidates: string[] }[];
  /** Days of an account that no statement covers, or that two files both cover (ISO dates, Asia/Almaty). */
  periodGaps: {
    kind: 'gap' | 'overlap';
    account: string;
    from: string;
    to: string;
    days: number;
    files: [string, string];
  }[];
}

export interface SourceSummary {
  file: string;
  sha256: string;
  /** Number of transactions read from the file. */
  rows: number;
  rejected: { sheet: string; row: number; reason: string; column?: string }[];
  /** Keyed by currency code, keys sorted. */
  totals: Record<string, CurrencyTotals>;
  format: string;
  importedAt: number;
  /** Distinct identifiers (kind + value) mentioned in this file. */
  identifiers: number;
  invalid: number;
  warnings: number;
  checksFailed: { kind: IntegrityCheckKind; sheet: string; rows: number[]; message: string }[];
}

export interface CurrencyTotals {
  /** Money in (direction "in"), positive, major units. */
  credit: number;
  /** Money out (direction "out"), positive, major units. */
  debit: number;
  creditMinor: number;
  debitMinor: number;
  creditCount: number;
  debitCount: number;
}

export interface MentionLocation {
  file: string;
  sheet: string;
  row: number;
  /** Tells apart two files of the same name. */
  sha256: string;
  /** How the identifier appears at that row (own account, counterparty, description, preamble). */
  roles: MentionRole[];
}

export interface IdentifierSummary {
  kind: IdentifierKind;
  value: string;
  /** One per (file, sheet, row), by file, sheet, row. */
  mentions: MentionLocation[];
}

export interface InvalidSummary {
  kind: IdentifierKind;
  raw: string;
  reason: string;
  message: string;
  file: string;
  sha256: string;
  sheet: string;
  row: number;
  column?: string;
}
