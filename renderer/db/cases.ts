import type { AuditEntry } from '../../shared/audit/chain';
import { normalizeNewCase, type Case, type NewCaseInput } from '../../shared/model/case';
import { appendAudit, auditLogOf } from './audit';
import type { CaseStore } from './schema';

/**
 * The only code that touches the cases and audit tables. Every change that writes more than one
 * record runs in one IndexedDB transaction, so a crash leaves the case as before or as after.
 */
export function caseRepository(db: CaseStore, now: () => number = Date.now, newId: () => string = randomId) {
  return {
    listCases(): Promise<Case[]> {
      return db.cases.orderBy('updatedAt').reverse().toArray();
    },

    getCase(id: string): Promise<Case | undefined> {
      return db.cases.get(id);
    },

    async createCase(input: NewCaseInput): Promise<Case> {
      const clean = normalizeNewCase(input);
      const at = now();
      const created: Case = { id: newId(), ...clean, createdAt: at, updatedAt: at };
      await db.transaction('rw', db.cases, db.auditEntries, async () => {
        await db.cases.add(created);
        await appendAudit(db, {
          caseId: created.id,
          actor: clean.investigator,
          action: 'case.created',
          details: { title: clean.title, registryNumber: clean.registryNumber },
          at,
        });
      });
      return created;
    },

    async renameCase(id: string, title: string, actor: string): Promise<void> {
      const clean = title.trim().replace(/\s+/g, ' ');
      await db.transaction('rw', db.cases, db.auditEntries, async () => {
        const existing = await db.cases.get(id);
        if (!existing) throw new Error(`case ${id} does not exist`);
        if (existing.title === clean) return;
        await db.cases.update(id, { title: clean, updatedAt: now() });
        await appendAudit(db, {
          caseId: id,
          actor,
          action: 'case.renamed',
          details: { from: existing.title, to: clean },
          at: now(),
        });
      });
    },

    auditLog(caseId: string): Promise<AuditEntry[]> {
      return auditLogOf(db, caseId);
    },
  };
}

export type CaseRepository = ReturnType<typeof caseRepository>;

function randomId(): string {
  return crypto.randomUUID();
}
