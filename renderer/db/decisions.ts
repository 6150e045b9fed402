import type { EntityDecision } from '../../shared/resolve/decisions';
import { appendAudit } from './audit';
import { caseKeysOf } from './case-keys';
import type { CaseStore } from './schema';
import { openEntityDecision, sealEntityDecision } from './sealed';

/** Merge/split decisions: stored and audited together, never edited or deleted (a new decision supersedes). */
export function decisionRepository(
  db: CaseStore,
  now: () => number = Date.now,
  newId: () => string = () => crypto.randomUUID(),
) {
  return {
    /** In the order they were made (stored order says nothing in an encrypted case). */
    async list(caseId: string): Promise<EntityDecision[]> {
      const keys = await caseKeysOf(db, caseId);
      const records = await db.entityDecisions.where('caseId').equals(caseId).toArray();
      const list = await Promise.all(records.map((record) => openEntityDecision(keys, record)));
      return list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
      const caseKeys = await caseKeysOf(db, caseId);
      const record = await sealEntityDecision(caseKeys, caseId, decision);
      await db.transaction('rw', db.entityDecisions, db.auditEntries, db.cases, async () => {
        await db.entityDecisions.add(record);
        await appendAudit(
          db,
          {
            caseId,
            actor,
            action: action === 'merge' ? 'entity.merged' : 'entity.split',
            details: { entities: decision.keys, reason: decision.reason },
            at: decision.at,
          },
          caseKeys,
        );
        await db.cases.update(caseId, { updatedAt: decision.at });
      });
      return decision;
    },
  };
}
