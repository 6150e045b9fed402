import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { chainAuditEntry, type AuditEntry } from '../../../shared/audit/chain';
import { verifyAuditChain } from '../../../shared/audit/chain';
import { NewerStoreError, openCaseStore, openCheckedCaseStore } from '../schema';

describe('migration v1 → v2', () => {
  it('opens a store written by v1 with its cases and audit chain intact, and adds the import tables', async () => {
    const name = 'migration-v1-v2';
    const v1 = openCaseStore(name, 1);
    const created = {
      id: '6f1c2d8e-0000-4000-8000-000000000001',
      title: 'Магазин «Снежок»',
      registryNumber: '261750031000123',
      investigator: 'Ахметов Д. С.',
      createdAt: 1_764_000_000_000,
      updatedAt: 1_764_000_000_000,
    };
    const entry = chainAuditEntry(undefined, {
      caseId: created.id,
      at: created.createdAt,
      actor: created.investigator,
      action: 'case.created',
      details: { title: created.title },
    });
    await v1.table('cases').add(created);
    await v1.table('auditEntries').add(entry);
    v1.close();

    // Opened exactly as v2 declared it, so this test keeps checking the v1 → v2 step after v3+ exist.
    const v2 = openCaseStore(name, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.cases.toArray()).toEqual([created]);
    const log = (await v2.auditEntries.where('caseId').equals(created.id).toArray()) as AuditEntry[];
    expect(verifyAuditChain(created.id, log)).toMatchObject({ ok: true, entries: 1 });
    expect(await v2.sources.count()).toBe(0);
    expect(v2.tables.map((table) => table.name).sort()).toEqual(
      ['auditEntries', 'cases', 'importProfiles', 'mentionBlocks', 'sources', 'transactionBlocks'].sort(),
    );
    v2.close();
  });

  it('refuses to open a store written by a newer app instead of corrupting it', async () => {
    const name = 'newer-than-app';
    const future = new Dexie(name);
    future.version(9).stores({ cases: 'id' });
    await future.open();
    future.close();
    await expect(openCheckedCaseStore(openCaseStore(name))).rejects.toBeInstanceOf(NewerStoreError);
  });
});
