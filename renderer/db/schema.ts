import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../../shared/audit/chain';
import type { Case } from '../../shared/model/case';

/**
 * The case store's schema, in one place. Versions are only ever added, each with its migration
 * and a test that opens data written by the previous version (see ./migrations).
 */
export const DATABASE_NAME = 'moneytrail';

export type CaseStore = Dexie & {
  cases: EntityTable<Case, 'id'>;
  auditEntries: EntityTable<AuditEntry, 'seq'>;
};

/** v1: cases, and each case's hash-chained audit log keyed by [caseId+seq]. */
export const schemaV1 = {
  cases: 'id, updatedAt',
  auditEntries: '[caseId+seq], caseId, at',
};

export const CURRENT_VERSION = 1;

export function openCaseStore(name: string = DATABASE_NAME): CaseStore {
  const db = new Dexie(name) as CaseStore;
  db.version(1).stores(schemaV1);
  return db;
}
