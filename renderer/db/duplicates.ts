import { decisionKey, type DuplicateCandidate, type DuplicateDecision } from '../../shared/dedupe';
import { appendAudit } from './audit';
import type { CaseStore } from './schema';

/** The duplicate review's decisions: one record per pair (the latest call), history in the audit log. */
export function duplicateRepository(db: CaseStore, now: () => number = Date.now) {
  return {
    async list(caseId: string): Promise<DuplicateDecision[]> {
      const records = await db.duplicateDecisions.where('caseId').equals(caseId).toArray();
      return records.map(({ caseId: _caseId, key: _key, ...decision }) => decision);
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
      await db.transaction('rw', db.duplicateDecisions, db.auditEntries, db.cases, async () => {
        await db.duplicateDecisions.bulkPut(
          pairs.map((pair) => ({
            caseId,
            key: decisionKey(pair.kind, pair.a, pair.b),
            kind: pair.kind,
            a: pair.a,
            b: pair.b,
            decision,
            decidedAt: at,
            actor,
          })),
        );
        await appendAudit(db, {
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
        });
        await db.cases.update(caseId, { updatedAt: at });
      });
    },
  };
}
