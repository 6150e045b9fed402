import type { EntityDecision } from '../../shared/resolve/decisions';
import { appendAudit } from './audit';
import type { CaseStore } from './schema';

/** Merge/split decisions: stored and audited together, never edited or deleted (a new decision supersedes). */
export function decisionRepository(
  db: CaseStore,
  now: () => number = Date.now,
  newId: () => string = () => crypto.randomUUID(),
) {
  return {
    list(caseId: string): Promise<EntityDecision[]> {
      return db.entityDecisions.where('caseId').equals(caseId).toArray();
    },

    async record(
      caseId: string,
      action: EntityDecision['action'],
      keys: string[],
      reason: string,
      actor: string,
    ) {
      if (keys.length < 2 || (action === 'split' && keys.length !== 2)) {
        throw new Error(`a ${action} names ${action === 'split' ? 'exactly two' : 'at least two'} entities`);
      }
      const decision: EntityDecision = {
        id: newId(),
        action,
        keys: [...keys].sort(),
        reason: reason.trim(),
        actor,
        at: now(),
      };
      await db.transaction('rw', db.entityDecisions, db.auditEntries, db.cases, async () => {
        await db.entityDecisions.add({ ...decision, caseId });
        await appendAudit(db, {
          caseId,
          actor,
          action: action === 'merge' ? 'entity.merged' : 'entity.split',
          details: { entities: decision.keys, reason: decision.reason },
          at: decision.at,
        });
        await db.cases.update(caseId, { updatedAt: decision.at });
      });
      return decision;
    },
  };
}
