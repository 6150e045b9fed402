import type { AuditEntry } from '../../shared/audit/chain';
import type { Case } from '../../shared/model/case';
import type { EntityDecision } from '../../shared/resolve/decisions';
import type { DuplicateDecision } from '../../shared/dedupe';
import type { StoredSourceDetails } from '../../shared/store/prepare';
import type { TransactionBlock } from '../../shared/store/transaction-block';
import type { MentionBlock } from '../../shared/store/mention-block';

/** What the store holds, record by record. Payload shapes come from shared/; keys are added here. */
export type CaseRecord = Case;
export type AuditRecord = AuditEntry;

export interface SourceRecord extends StoredSourceDetails {
  caseId: string;
}

export interface TransactionBlockRecord {
  caseId: string;
  sha256: string;
  block: number;
  data: TransactionBlock;
}

/** v5: mentions as columns (v2–v4 stored `mentions: IdentifierMention[]`; the v5 upgrade converts them). */
export interface MentionBlockRecord {
  caseId: string;
  sha256: string;
  block: number;
  data: MentionBlock;
}

/** A confirmed column mapping, found again by the header signature of the next statement. */
export interface ImportProfileRecord {
  signature: string;
  /** Column letter → role (null = ignore the column). */
  overrides: Record<string, string | null>;
  sheetExample: string;
  fileExample: string;
  savedAt: number;
}

export interface EntityDecisionRecord extends EntityDecision {
  caseId: string;
}

export interface DuplicateDecisionRecord extends DuplicateDecision {
  caseId: string;
  /** decisionKey(kind, a, b): one record per pair, the latest call replaces the earlier one in queries. */
  key: string;
}
