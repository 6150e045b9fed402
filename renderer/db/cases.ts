import { chainAuditEntry, type AuditAction, type AuditEntry } from '../../shared/audit/chain';
import { normalizeNewCase, type Case, type NewCaseInput } from '../../shared/model/case';
import type { CaseStore } from './schema';

/**
 * The only code that touches the cases and audit tables. Every change that writes more than one
 * record runs in one IndexedDB transaction, so a crash leaves the case as before or as after.
 */
export function caseRepository(db: CaseStore, now: () => number = Date.now, newId: () => string = randomId) {
  async function appendAudit(
    caseId: string,
    actor: string,
    action: AuditAction,
    details: Record<string, unknown>,
  ): Promise<AuditEntry> {
    const last = await db.auditEntries
      .where('[caseId+seq]')
      .between([caseId, -Infinity], [caseId, Infinity])
      .last();
    const entry = chainAuditEntry(last, { caseId, at: now(), actor, action, details });
    await db.auditEntries.add(entry);
    return entry;
  }

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
        await appendAudit(created.id, clean.investigator, 'case.created', {
          title: clean.title,
          registryNumber: clean.registryNumber,
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
        await appendAudit(id, actor, 'case.renamed', { from: existing.title, to: clean });
      });
    },

    auditLog(caseId: string): Promise<AuditEntry[]> {
      return db.auditEntries.where('[caseId+seq]').between([caseId, -Infinity], [caseId, Infinity]).toArray();
    },
  };
}

export type CaseRepository = ReturnType<typeof caseRepository>;

function randomId(): string {
  return crypto.randomUUID();
}
