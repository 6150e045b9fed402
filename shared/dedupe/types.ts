import type { ImportedTransaction, StatementAccount } from '../model/statement';

/**
 * A row is named by the file's SHA-256, the sheet and the row a person sees in Excel. The same
 * bytes always import to the same keys, which is what lets a decision outlive a re-import.
 */
export interface RowKey {
  sha256: string;
  sheet: string;
  row: number;
}

/** What one imported file contributes to duplicate detection. */
export interface DedupeSource {
  sha256: string;
  name: string;
  accounts: readonly StatementAccount[];
  transactions: readonly ImportedTransaction[];
}

/**
 * `two-sides`: one transfer seen from the sender's (`a`, direction out) and the receiver's
 * (`b`, direction in) statement. `overlap`: one row exported twice from the same account in two
 * files; `a` is the file with the smaller SHA-256.
 */
export type DuplicateKind = 'two-sides' | 'overlap';

export type EvidenceCode =
  | 'same-amount'
  | 'same-currency'
  | 'opposite-directions'
  | 'same-direction'
  | 'time-delta'
  | 'time-zone-shift'
  | 'counterparty-matches-owner'
  | 'counterparty-mismatch'
  | 'same-own-account'
  | 'same-counterparty'
  | 'same-description'
  | 'same-balance'
  | 'same-txid'
  | 'periods-overlap'
  | 'overlap-twin'
  | 'ambiguous';

export interface Evidence {
  code: EvidenceCode;
  /** English prose for logs and the CLI; the UI translates by `code`. */
  detail: string;
}

export interface DuplicateCandidate {
  kind: DuplicateKind;
  a: RowKey;
  b: RowKey;
  /** 0..1; see score.ts for the weights. */
  score: number;
  /** Conclusive on its own (same txid, or exact time + amount + identity): safe for bulk confirmation. */
  strong: boolean;
  /** Signed minutes from `a` to `b` (date-only rows: whole days beyond the first, as minutes). */
  deltaMinutes: number;
  evidence: Evidence[];
}

export interface DedupeOptions {
  /** Two-sides: how far apart the two bookings may be (next business day after a weekend). */
  twoSidesWindowMs?: number;
  /** Two-sides without any identity evidence: only this close in time is worth a reviewer's look. */
  unidentifiedWindowMs?: number;
  /** Overlap: the same row in two exports carries the same time, give or take export rounding. */
  overlapWindowMs?: number;
  /** Two bookings this close count as "the same moment". */
  exactToleranceMs?: number;
  /** Whole-hour shifts up to this many hours are read as a time-zone difference between banks. */
  maxZoneShiftHours?: number;
  /** Alternatives scoring within this much of the chosen pair make the choice ambiguous. */
  ambiguityMargin?: number;
  /** Earlier decisions: rejected pairs are never proposed again, confirmed rows are not re-paired. */
  decisions?: readonly DuplicateDecision[];
}

export interface DuplicateDecision {
  kind: DuplicateKind;
  a: RowKey;
  b: RowKey;
  decision: 'confirmed' | 'rejected';
  /** Epoch ms. */
  decidedAt: number;
  actor: string;
}

/** A confirmed link: the decision that made it, and the current candidate when one is still found. */
export interface ConfirmedLink {
  kind: DuplicateKind;
  a: RowKey;
  b: RowKey;
  decision: DuplicateDecision;
  candidate?: DuplicateCandidate;
}
