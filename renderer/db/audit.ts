import { chainAuditEntry, type AuditAction, type AuditEntry } from '../../shared/audit/chain';
import type { CaseStore } from './schema';

/**
 * Appends to a case's audit chain. Must be called inside the caller's rw transaction (which
 * includes auditEntries), so the entry and the change it records commit together or not at all.
 */
export async function appendAudit(
  db: CaseStore,
  entry: { caseId: string; actor: string; action: AuditAction; details: Record<string, unknown>; at: number },
): Promise<AuditEntry> {
  const last = await db.auditEntries
    .where('[caseId+seq]')
    .between([entry.caseId, -Infinity], [entry.caseId, Infinity])
    .last();
  const next = chainAuditEntry(last, entry);
  await db.auditEntries.add(next);
  return next;
}

export function auditLogOf(db: CaseStore, caseId: string): Promise<AuditEntry[]> {
  return db.auditEntries.where('[caseId+seq]').between([caseId, -Infinity], [caseId, Infinity]).toArray();
}
