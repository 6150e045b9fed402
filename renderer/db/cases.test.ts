import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import { auditEntriesOf } from './audit';
import { caseRepository } from './cases';
import { openCaseStore } from './schema';

let counter = 0;
function freshRepository() {
  const db = openCaseStore(`test-${++counter}`);
  let clock = 1_764_000_000_000;
  let ids = 0;
  const repo = caseRepository(
    db,
    () => (clock += 1000),
    () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  );
  return { db, repo, log: (caseId: string) => auditEntriesOf(db, caseId) };
}

describe('case repository', () => {
  it('creates a case together with its first audit entry', async () => {
    const { repo, log: auditOf } = freshRepository();
    const created = await repo.createCase({
      title: ' Магазин  «Снежок» ',
      registryNumber: '261 750031000123',
      investigator: 'Ахметов',
    });
    expect(created).toMatchObject({ title: 'Магазин «Снежок»', registryNumber: '261750031000123' });
    expect(await repo.listCases()).toEqual([{ ...created, encrypted: false, locked: false }]);
    const log = await auditOf(created.id);
    expect(log.map((entry) => entry.action)).toEqual(['case.created']);
    expect(verifyAuditChain(created.id, log)).toMatchObject({ ok: true, entries: 1 });
  });

  it('chains later entries and keeps the logs of different cases apart', async () => {
    const { repo, log } = freshRepository();
    const a = await repo.createCase({ title: 'A', registryNumber: '', investigator: 'X' });
    const b = await repo.createCase({ title: 'B', registryNumber: '', investigator: 'Y' });
    await repo.renameCase(a.id, 'A, Алматы', 'X');
    await repo.renameCase(a.id, 'A, Алматы', 'X'); // no change, no entry
    const logA = await log(a.id);
    expect(logA.map((entry) => [entry.seq, entry.action])).toEqual([
      [0, 'case.created'],
      [1, 'case.renamed'],
    ]);
    expect(verifyAuditChain(a.id, logA).ok).toBe(true);
    expect(verifyAuditChain(b.id, await log(b.id))).toMatchObject({ ok: true, entries: 1 });
    expect((await repo.listCases()).map((item) => !item.locked && item.title)).toEqual(['A, Алматы', 'B']);
  });

  it('leaves nothing behind when the audit write fails inside the transaction', async () => {
    const { db, repo } = freshRepository();
    const original = db.auditEntries.add.bind(db.auditEntries);
    db.auditEntries.add = (() =>
      Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof db.auditEntries.add;
    await expect(repo.createCase({ title: 'Doomed', registryNumber: '', investigator: '' })).rejects.toThrow(
      'QuotaExceededError',
    );
    db.auditEntries.add = original;
    expect(await repo.listCases()).toEqual([]);
    expect(await db.auditEntries.count()).toBe(0);
  });
});
