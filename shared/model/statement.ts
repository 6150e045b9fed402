import type { IdentifierKind } from '../identifiers/types';

/**
 * What one imported file contributes to a case. Every transaction, mention and rejected row
 * carries its sheet and the row number a person sees in Excel (CSV: the line number, header
 * line = 1; MT940: the line of the :61: tag; CAMT: the line of <Ntry>), so any figure the app
 * shows leads back to the file (by SHA-256), sheet and row it came from.
 */
export type SourceFormat = 'xlsx' | 'xls' | 'csv' | 'mt940' | 'camt053';

export type TransactionDirection = 'in' | 'out';

/** Bumped whenever the same bytes would import differently, so old sources can be re-read. */
export const IMPORTER_VERSION = 1;

export interface SourceFile {
  sha256: string;
  name: string;
  size: number;
  format: SourceFormat;
  /** For text formats: the encoding the bytes were decoded with (`utf-8`, `windows-1251`, `utf-16le`). */
  encoding?: string;
  importedAt: number;
  importerVersion: number;
}

/** Where a fact sits in its source file. */
export interface RowRef {
  sheet: string;
  row: number;
  /** Column letter ("F") when one cell is the evidence. */
  column?: string;
}

export interface CounterpartyFacts {
  name?: string;
  /** IIN or BIN, 12 digits. */
  idNumber?: string;
  account?: string;
  bank?: string;
  card?: string;
  phone?: string;
  wallet?: string;
}

export interface ImportedTransaction extends RowRef {
  /** UTC epoch ms; local times in the file are read as Asia/Almaty unless it says otherwise. */
  bookedAt: number;
  hasTime: boolean;
  direction: TransactionDirection;
  /** Positive integer minor units of `currency`. */
  amountMinor: number;
  currency: string;
  amountKztMinor?: number;
  description: string;
  /** Payment purpose code (КНП / ТМК). */
  knp?: string;
  /** The statement's own account, card or wallet this row belongs to (raw as written). */
  ownAccount?: string;
  counterparty: CounterpartyFacts;
  balanceMinor?: number;
  /** Crypto rows: transaction hash and network (TRC20, ERC20, BTC…). */
  txid?: string;
  network?: string;
  /** Exchange order number (P2P): what a bank row's payment note names to link the two. */
  orderId?: string;
}

/** The facts a statement states about its own account, from a preamble, sheet name or header block. */
export interface StatementAccount {
  sheet: string;
  /** First data row of the table these facts belong to. */
  row: number;
  bankName?: string;
  bic?: string;
  holderName?: string;
  idNumber?: string;
  account?: string;
  card?: string;
  phone?: string;
  currency?: string;
  periodFrom?: number;
  periodTo?: number;
  openingBalanceMinor?: number;
  closingBalanceMinor?: number;
}

/** Where in a row an identifier was seen, which says what it means for linking. */
export type MentionRole = 'own' | 'counterparty' | 'description' | 'preamble';

export interface IdentifierMention extends RowRef {
  kind: IdentifierKind;
  /** Normalized value (the grouping key). */
  value: string;
  role: MentionRole;
}

export interface InvalidMention extends RowRef {
  kind: IdentifierKind;
  raw: string;
  reason: string;
  message: string;
  /** Where the look-alike was seen (own column, counterparty column, description, preamble). */
  role?: MentionRole;
}

/** A row that looked like a transaction but could not be read: never silently dropped. */
export interface RejectedRow extends RowRef {
  reason: string;
}

export type IntegrityCheckKind = 'balance' | 'running-balance' | 'totals' | 'period-gap';

/** A forensic accountant's check on the statement; failures name the rows involved. */
export interface IntegrityCheck {
  kind: IntegrityCheckKind;
  ok: boolean;
  sheet: string;
  rows: number[];
  /** English prose for logs and the CLI. */
  message: string;
  /** What the UI translates: a stable code and its numbers (money in minor units of `currency`). */
  code?: IntegrityCheckCode;
  params?: Record<string, number | string>;
}

export type IntegrityCheckCode =
  | 'balance.ok'
  | 'balance.mismatch'
  | 'balance.carry'
  | 'running.ok'
  | 'running.mismatch'
  | 'totals.ok'
  | 'totals.mismatch'
  | 'period.continues'
  | 'period.gap';

/** Rows that are not transactions, counted by what they are, so the totals add up to the file. */
export interface RowAccounting {
  transactions: number;
  rejected: number;
  preamble: number;
  header: number;
  totals: number;
  blank: number;
  other: number;
}

/** How one table's columns were understood; shown for confirmation and saved as a profile. */
export interface TableMapping {
  sheet: string;
  headerRows: number[];
  /** Normalized header captions: the key a saved profile is found by. */
  signature: string;
  columns: { column: string; caption: string; role: string | null; confidence: number }[];
}

export interface StatementImport {
  source: SourceFile;
  accounts: StatementAccount[];
  transactions: ImportedTransaction[];
  rejected: RejectedRow[];
  mentions: IdentifierMention[];
  invalid: InvalidMention[];
  checks: IntegrityCheck[];
  mappings: TableMapping[];
  rows: RowAccounting;
  /** Problems that did not stop the import (a repaired date, an inferred currency). */
  warnings: RejectedRow[];
}
