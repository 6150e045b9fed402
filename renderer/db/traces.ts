import type { AuditEntry } from '../../shared/audit/chain';
import { appendAudit } from './audit';
import type { CaseStore } from './schema';

/** What a trace run leaves in the case: its parameters and headline numbers, in the audit chain. */
export interface TraceRunRecord {
  seeds: string[];
  direction: string;
  method: string;
  maxHops: number;
  minAmountMinor?: number;
  currency: string;
  entered: number;
  reached: number;
  candidates: number;
}

export function traceRepository(db: CaseStore, now: () => number = Date.now) {
  return {
    record(caseId: string, actor: string, run: TraceRunRecord): Promise<AuditEntry> {
      return db.transaction('rw', db.auditEntries, () =>
        appendAudit(db, { caseId, actor, action: 'trace.run', details: { ...run }, at: now() }),
      );
    },
  };
}
