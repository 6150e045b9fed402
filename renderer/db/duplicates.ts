import { decisionKey, type DuplicateCandidate, type DuplicateDecision } from '../../shared/dedupe';
import { appendAudit } from './audit';
import { caseKeysOf } from './case-keys';
import type { CaseStore } from './schema';
import { openDuplicateDecision, sealDuplicateDecision } from './sealed';

const keyOf = (d: Pick<DuplicateDecision, 'kind' | 'a' | 'b'>) => decisionKey(d.kind, d.a, d.b);

/** The duplicate review's decisions: one record per pair (the latest call), history in the audit log. */
export function duplicateRepository(db: CaseStore, now: () => number = Date.now) {
  return {
    /** Ordered by time, then pair: stored order says nothing in an encrypted case. */
    async list(caseId: string): Promise<DuplicateDecision[]> {
      const keys = await caseKeysOf(db, caseId);
      const records = await db.duplicateDecisions.where('caseId').equals(caseId).toArray();
      const list = await Promise.all(records.map((record) => openDuplicateDecision(keys, record)));
      const order = new Map(list.map((decision) => [decision, keyOf(decision)]));
      return list.sort(
        (a, b) => a.decidedAt - b.decidedAt || ((order.get(a) as string) < (order.get(b) as string) ? -1 : 1),
      );
    },

    /** Confirms or rejects many pairs at once, as one audited change. */
    async decide(
      caseId: string,
      pairs: readonly DuplicateCandidate[],
      decision: DuplicateDecision['decision'],
      actor: string,
    ) {
      if (pairs.length === 0) return;
      const at = now();
      const keys = await caseKeysOf(db, caseId);
      const records = await Promise.all(
        pairs.map((pair) =>
          sealDuplicateDecision(keys, caseId, keyOf(pair), {
            kind: pair.kind,
            a: pair.a,
            b: pair.b,
            decision,
            decidedAt: at,
            actor,
          }),
        ),
      );
      await db.transaction('rw', db.duplicateDecisions, db.auditEntries, db.cases, async () => {
        await db.duplicateDecisions.bulkPut(records);
        await appendAudit(
          db,
          {
            caseId,
            actor,
            action: 'duplicates.decided',
            at,
            details: {
              decision,
              pairs: pairs.length,
              strong: pairs.filter((pair) => pair.strong).length,
              first: pairs
                .slice(0, 20)
                .map(
                  (pair) =>
                    `${pair.a.sha256.slice(0, 12)}:${pair.a.sheet}:${pair.a.row} = ${pair.b.sha256.slice(0, 12)}:${pair.b.sheet}:${pair.b.row}`,
                ),
            },
          },
          keys,
        );
        await db.cases.update(caseId, { updatedAt: at });
      });
    },
  };
}
