import { normalizeNewCase, type Case, type NewCaseInput } from '../../shared/model/case';
import type { CaseKeys, WrappedKey } from '../../shared/crypto';
import { appendAudit, auditLogOf, type AuditLogEntry } from './audit';
import { caseKeysOf, heldCaseKeys, isCryptoError } from './case-keys';
import type { CaseRecord } from './records';
import { openCase, sealCase } from './sealed';
import type { CaseStore } from './schema';

/** A case as lists and the workspace see it: its content once unlocked, only dates while locked. */
export type CaseSummary = (Case & { encrypted: boolean; locked: false }) | LockedCase;

export interface LockedCase {
  id: string;
  createdAt: number;
  updatedAt: number;
  encrypted: true;
  locked: true;
}

/** A new case's keys: the working keys and the DEK wrapped under the passphrase (createCaseKeys). */
export interface NewCaseLock {
  keys: CaseKeys;
  wrappedKey: WrappedKey;
}

/**
 * The only code that touches the cases and audit tables. Every change that writes more than one
 * record runs in one IndexedDB transaction, so a crash leaves the case as before or as after.
 */
export function caseRepository(db: CaseStore, now: () => number = Date.now, newId: () => string = randomId) {
  const summarize = async (record: CaseRecord): Promise<CaseSummary> => {
    const { id, createdAt, updatedAt } = record;
    if (!record.encrypted) return { ...(await openCase(null, record)), encrypted: false, locked: false };
    const locked: LockedCase = { id, createdAt, updatedAt, encrypted: true, locked: true };
    const keys = heldCaseKeys(db, id);
    if (!keys) return locked;
    try {
      return { ...(await openCase(keys, record)), encrypted: true, locked: false };
    } catch (error) {
      if (isCryptoError(error, 'locked')) return locked; // it locked while being read
      throw error;
    }
  };

  return {
    async listCases(): Promise<CaseSummary[]> {
      const records = await db.cases.orderBy('updatedAt').reverse().toArray();
      return Promise.all(records.map(summarize));
    },

    async getCase(id: string): Promise<CaseSummary | undefined> {
      const record = await db.cases.get(id);
      return record && summarize(record);
    },

    /** With `lock` the case is encrypted from its first record on; without, it is stored in the clear. */
    async createCase(input: NewCaseInput, lock: NewCaseLock | null = null): Promise<Case> {
      const clean = normalizeNewCase(input);
      const at = now();
      const created: Case = { id: newId(), ...clean, createdAt: at, updatedAt: at };
      const record = await sealCase(created, lock);
      await db.transaction('rw', db.cases, db.auditEntries, async () => {
        await db.cases.add(record);
        await appendAudit(
          db,
          {
            caseId: created.id,
            actor: clean.investigator,
            action: 'case.created',
            details: { title: clean.title, registryNumber: clean.registryNumber },
            at,
          },
          lock?.keys ?? null,
        );
      });
      return created;
    },

    async renameCase(id: string, title: string, actor: string): Promise<void> {
      const clean = title.trim().replace(/\s+/g, ' ');
      const keys = await caseKeysOf(db, id);
      await db.transaction('rw', db.cases, db.auditEntries, async () => {
        const record = await db.cases.get(id);
        if (!record) throw new Error(`case ${id} does not exist`);
        const existing = await openCase(keys, record);
        if (existing.title === clean) return;
        const renamed = { ...existing, title: clean, updatedAt: now() };
        await db.cases.put(
          await sealCase(renamed, keys && record.encrypted ? { keys, wrappedKey: record.wrappedKey } : null),
        );
        await appendAudit(
          db,
          {
            caseId: id,
            actor,
            action: 'case.renamed',
            details: { from: existing.title, to: clean },
            at: now(),
          },
          keys,
        );
      });
    },

    auditLog(caseId: string): Promise<AuditLogEntry[]> {
      return auditLogOf(db, caseId);
    },
  };
}

export type CaseRepository = ReturnType<typeof caseRepository>;

function randomId(): string {
  return crypto.randomUUID();
}
