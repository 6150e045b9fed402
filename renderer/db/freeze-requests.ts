import {
  applyStep,
  editRequest,
  type FreezeEdit,
  type FreezeRequest,
  type FreezeStep,
} from '../../shared/freeze';
import type { AuditAction } from '../../shared/audit/chain';
import { appendAudit } from './audit';
import { caseKeysOf } from './case-keys';
import type { CaseStore } from './schema';
import { openFreezeRequest, sealFreezeRequest } from './sealed';

/**
 * The freeze register of a case. Every change — proposing, editing, each workflow step — is
 * written together with its audit entry in one transaction, so the register and the audit log
 * never disagree. The workflow rules themselves live in shared/freeze.
 */
export function freezeRequestRepository(db: CaseStore, now: () => number = Date.now) {
  async function get(caseId: string, id: string): Promise<FreezeRequest> {
    const record = await db.freezeRequests.get([caseId, id]);
    if (!record) throw new Error(`freeze request ${id} is not in case ${caseId}`);
    return openFreezeRequest(await caseKeysOf(db, caseId), record);
  }

  async function write(
    caseId: string,
    requests: FreezeRequest[],
    audit: { actor: string; action: AuditAction; details: Record<string, unknown>; at: number },
  ) {
    const keys = await caseKeysOf(db, caseId);
    const records = await Promise.all(requests.map((r) => sealFreezeRequest(keys, caseId, r)));
    await db.transaction('rw', db.freezeRequests, db.auditEntries, db.cases, async () => {
      await db.freezeRequests.bulkPut(records);
      await appendAudit(db, { caseId, ...audit }, keys);
      await db.cases.update(caseId, { updatedAt: audit.at });
    });
  }

  const describe = (r: FreezeRequest) => ({
    request: r.id,
    asset: r.key,
    institution: r.institution,
    amountMinor: r.amountMinor,
    currency: r.currency,
  });

  return {
    get,

    /** In register order: by institution, then largest amount first. */
    async list(caseId: string): Promise<FreezeRequest[]> {
      const keys = await caseKeysOf(db, caseId);
      const records = await db.freezeRequests.where('caseId').equals(caseId).toArray();
      const requests = await Promise.all(records.map((r) => openFreezeRequest(keys, r)));
      return requests.sort(
        (a, b) =>
          a.institution.localeCompare(b.institution) ||
          b.amountMinor - a.amountMinor ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    },

    async propose(caseId: string, requests: FreezeRequest[], actor: string): Promise<void> {
      if (requests.length === 0) return;
      await write(caseId, requests, {
        actor,
        action: 'freeze.proposed',
        details: { requests: requests.map(describe) },
        at: now(),
      });
    },

    async edit(caseId: string, id: string, edit: FreezeEdit, actor: string): Promise<FreezeRequest> {
      const before = await get(caseId, id);
      const after = editRequest(before, edit);
      await write(caseId, [after], {
        actor,
        action: 'freeze.edited',
        details: {
          request: id,
          asset: after.key,
          amountMinor: after.amountMinor,
          amountReason: after.amountReason,
          legalBasis: after.legalBasis,
        },
        at: now(),
      });
      return after;
    },

    /** One workflow step for several requests at once (approve all…): all move, or none. */
    async step(caseId: string, ids: string[], step: FreezeStep, actor: string): Promise<FreezeRequest[]> {
      const at = now();
      const before = await Promise.all(ids.map((id) => get(caseId, id)));
      const after = before.map((r) => applyStep(r, step, actor, at));
      const { to, ...facts } = step;
      await write(caseId, after, {
        actor,
        action: 'freeze.status-changed',
        details: {
          to,
          ...facts,
          requests: after.map((r, i) => ({ ...describe(r), from: before[i]?.status })),
        },
        at,
      });
      return after;
    },
  };
}

export type FreezeRequestRepository = ReturnType<typeof freezeRequestRepository>;
