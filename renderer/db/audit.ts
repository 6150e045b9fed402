import { chainAuditEntry, type AuditAction, type AuditEntry } from '../../shared/audit/chain';
import type { CaseKeys } from '../../shared/crypto';
import { caseKeysOf, isCryptoError } from './case-keys';
import { openAudit, sealAudit } from './sealed';
import type { CaseStore } from './schema';

/**
 * Appends to a case's audit chain. Must be called inside the caller's rw transaction (which
 * includes auditEntries), so the entry and the change it records commit together or not at all.
 * `keys` is for callers that hold a case's keys before the store knows them (creating or
 * importing an encrypted case); otherwise they are looked up.
 */
export async function appendAudit(
  db: CaseStore,
  entry: { caseId: string; actor: string; action: AuditAction; details: Record<string, unknown>; at: number },
  keys?: CaseKeys | null,
): Promise<AuditEntry> {
  const caseKeys = keys === undefined ? await caseKeysOf(db, entry.caseId) : keys;
  const last = await db.auditEntries
    .where('[caseId+seq]')
    .between([entry.caseId, -Infinity], [entry.caseId, Infinity])
    .last();
  const next = chainAuditEntry(last && (await openAudit(caseKeys, last)), entry);
  await db.auditEntries.add(await sealAudit(caseKeys, next));
  return next;
}

/** An audit record that failed its integrity check: shown as such, never as an entry. */
export interface UnreadableAuditEntry {
  caseId: string;
  seq: number;
  unreadable: true;
}

export type AuditLogEntry = AuditEntry | UnreadableAuditEntry;

export const isUnreadable = (entry: AuditLogEntry): entry is UnreadableAuditEntry => 'unreadable' in entry;

/**
 * The log in `seq` order. An encrypted entry altered on disk cannot be decrypted: it is returned
 * as unreadable at its place, so the log still shows where it broke.
 */
export async function auditLogOf(db: CaseStore, caseId: string): Promise<AuditLogEntry[]> {
  const keys = await caseKeysOf(db, caseId);
  const records = await db.auditEntries
    .where('[caseId+seq]')
    .between([caseId, -Infinity], [caseId, Infinity])
    .toArray();
  return Promise.all(
    records.map((record) =>
      openAudit(keys, record).catch((error: unknown) => {
        if (isCryptoError(error, 'tampered')) return { caseId, seq: record.seq, unreadable: true as const };
        throw error;
      }),
    ),
  );
}

/** Every entry, or TamperedRecordError: for exports, which must not carry a damaged log onwards. */
export async function auditEntriesOf(db: CaseStore, caseId: string): Promise<AuditEntry[]> {
  const keys = await caseKeysOf(db, caseId);
  const records = await db.auditEntries
    .where('[caseId+seq]')
    .between([caseId, -Infinity], [caseId, Infinity])
    .toArray();
  return Promise.all(records.map((record) => openAudit(keys, record)));
}
