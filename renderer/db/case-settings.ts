import { appendAudit } from './audit';
import { caseKeysOf } from './case-keys';
import type { CaseStore } from './schema';
import { openCaseSetting, sealCaseSetting } from './sealed';

/**
 * Settings an investigator edits per case (the letter templates), stored with the case and
 * sealed like the rest of it. A change is audited: the letters a packet carried must be
 * explainable later.
 */
export function caseSettingRepository(db: CaseStore, now: () => number = Date.now) {
  return {
    async get<T>(caseId: string, name: string): Promise<T | undefined> {
      const record = await db.caseSettings.get([caseId, name]);
      if (!record) return undefined;
      return (await openCaseSetting(await caseKeysOf(db, caseId), record)).value as T;
    },

    async put(caseId: string, name: string, value: unknown, actor: string): Promise<void> {
      const keys = await caseKeysOf(db, caseId);
      const at = now();
      const record = await sealCaseSetting(keys, caseId, { name, value, savedAt: at });
      await db.transaction('rw', db.caseSettings, db.auditEntries, db.cases, async () => {
        await db.caseSettings.put(record);
        await appendAudit(db, { caseId, actor, action: 'case.setting-saved', details: { name }, at }, keys);
        await db.cases.update(caseId, { updatedAt: at });
      });
    },

    async remove(caseId: string, name: string, actor: string): Promise<void> {
      const keys = await caseKeysOf(db, caseId);
      const at = now();
      await db.transaction('rw', db.caseSettings, db.auditEntries, db.cases, async () => {
        await db.caseSettings.delete([caseId, name]);
        await appendAudit(db, { caseId, actor, action: 'case.setting-reset', details: { name }, at }, keys);
        await db.cases.update(caseId, { updatedAt: at });
      });
    },
  };
}
