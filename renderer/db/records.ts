import type { AuditEntry } from '../../shared/audit/chain';
import type { WrappedKey } from '../../shared/crypto';
import type { Case } from '../../shared/model/case';
import type { EntityDecision } from '../../shared/resolve/decisions';
import type { DuplicateDecision } from '../../shared/dedupe';
import type { FreezeRequest } from '../../shared/freeze/types';
import type { SavedGraphView } from '../../shared/graph/saved-view';
import type { StoredSourceDetails } from '../../shared/store/prepare';
import type { TransactionBlock } from '../../shared/store/transaction-block';
import type { MentionBlock } from '../../shared/store/mention-block';

/**
 * What the store holds, record by record. Payload shapes come from shared/; keys are added here.
 *
 * Since v6 every table holds two kinds of record. An unencrypted case (every case written before
 * v6, until its investigator sets a passphrase) keeps its payload in the clear, as v5 did. An
 * encrypted case keeps only the key fields in the clear and its payload in `sealed`: one
 * `encryptRecord` envelope under the case's data key, bound to the table and primary key
 * (docs/encryption.md, "What is in the clear"). The repositories turn both back into the
 * decoded shapes below; nothing outside renderer/db sees a stored record.
 */

/** An encrypted case's record payload: version | IV | AES-256-GCM ciphertext and tag. */
export interface Sealed {
  sealed: Uint8Array;
}

// ─── decoded: what the repositories return ─────────────────────────────────────────────────────

export type AuditRecord = AuditEntry;

export interface SourceRecord extends StoredSourceDetails {
  caseId: string;
}

/**
 * A source as the case's lists show it: everything but its invalid identifiers. A million-row
 * statement has ~330,000 of them (every look-alike in its payment purposes); parsing them took
 * ~0.8 s of the page's own thread each time the list of sources was read. The source's panel
 * reads them when it opens (`sources.invalidOf`).
 */
export type SourceSummary = Omit<SourceRecord, 'invalid'> & { invalidCount: number };

/** A confirmed column mapping, found again by the header signature of the next statement. */
export interface ImportProfileRecord {
  signature: string;
  /** Column letter → role (null = ignore the column). */
  overrides: Record<string, string | null>;
  savedAt: number;
}

/** A graph view saved in a case (v7); the shape is shared with case files. */
export type GraphView = SavedGraphView;

// ─── stored ────────────────────────────────────────────────────────────────────────────────────

/** v6 adds `encrypted: false` to every case written before; v1–v5 records had no flag. */
export interface PlainCaseRecord extends Case {
  encrypted: false;
}

/** Only what the case list needs before unlock, and what unlock needs, is in the clear. */
export interface EncryptedCaseRecord extends Sealed {
  id: string;
  createdAt: number;
  updatedAt: number;
  encrypted: true;
  wrappedKey: WrappedKey;
}

export type CaseRecord = PlainCaseRecord | EncryptedCaseRecord;

/** The payload sealed in an encrypted case record. */
export type CaseContent = Pick<Case, 'title' | 'registryNumber' | 'investigator'>;

export type StoredAuditRecord = AuditEntry | (Sealed & { caseId: string; seq: number });

/**
 * The key field is named `sha256` since v2 and IndexedDB cannot change a primary key in place,
 * so the name stays: in an unencrypted case it is the file's SHA-256; in an encrypted case it is
 * `fileIndexKey(SHA-256)` (docs/encryption.md calls it the file key) and the real hash is sealed.
 */
export type StoredSourceRecord = SourceRecord | SealedSourceRecord;

export interface SealedSourceRecord extends Sealed {
  caseId: string;
  sha256: string;
  /**
   * The invalid identifiers, sealed apart from the rest (`sealed` then holds `invalidCount`
   * instead), so a list of sources does not decrypt and parse them. Sources stored before it
   * existed have the list inside `sealed`; both forms are read.
   */
  sealedInvalid?: Uint8Array;
}

export type TransactionBlockRecord =
  | { caseId: string; sha256: string; block: number; data: TransactionBlock }
  | (Sealed & { caseId: string; sha256: string; block: number });

/** v5: mentions as columns (v2–v4 stored `mentions: IdentifierMention[]`; the v5 upgrade converts them). */
export type MentionBlockRecord =
  | { caseId: string; sha256: string; block: number; data: MentionBlock }
  | (Sealed & { caseId: string; sha256: string; block: number });

/** In an encrypted case `id` is `identifierIndexKey('decision-id', id)`; the real id is sealed. */
export type EntityDecisionRecord =
  (EntityDecision & { caseId: string }) | (Sealed & { caseId: string; id: string });

/**
 * `key` is decisionKey(kind, a, b) — file hashes, sheets and rows — in an unencrypted case, and
 * `identifierIndexKey('duplicate-pair', that)` in an encrypted one.
 */
export type DuplicateDecisionRecord =
  (DuplicateDecision & { caseId: string; key: string }) | (Sealed & { caseId: string; key: string });

/** `id` is a random UUID, so it stays in the clear in an encrypted case; the rest is sealed. */
export type GraphViewRecord = (GraphView & { caseId: string }) | (Sealed & { caseId: string; id: string });

/** v8: a freeze register entry; `id` is a random UUID, in the clear like a graph view's. */
export type FreezeRequestRecord =
  (FreezeRequest & { caseId: string }) | (Sealed & { caseId: string; id: string });

/**
 * v8: a case setting the investigator edits (today the letter templates, named
 * `letter-template:ru` / `letter-template:kk`), sealed in an encrypted case.
 */
export interface CaseSetting {
  name: string;
  value: unknown;
  savedAt: number;
}
export type CaseSettingRecord =
  (CaseSetting & { caseId: string }) | (Sealed & { caseId: string; name: string });

/**
 * v8: values of this installation, not of a case — the Ed25519 key packets are signed with. The
 * key signs, it does not hide anything, and it must sign without a case being unlocked, so it is
 * stored in the clear (docs/encryption.md says so).
 */
export interface InstallationRecord {
  name: string;
  /**
   * The secret itself where no OS keychain exists (the web host), or where it lives instead: the
   * keychain's id for it, with the public half so the fingerprint is known without unsealing.
   */
  value: Uint8Array | { keychainId: string; publicKey: Uint8Array };
  createdAt: number;
}

export const isSealed = <T extends object>(record: T): record is T & Sealed => 'sealed' in record;
