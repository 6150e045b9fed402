import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import { newCase } from '../../shared/crypto/test-keys';
import type { ViewState } from '../../shared/graph/types';
import { auditEntriesOf } from './audit';
import { encryptCase } from './case-lock';
import { provideCaseKeys } from './case-keys';
import { caseRepository } from './cases';
import { graphViewRepository, type GraphViewDraft } from './graph-views';
import { openCaseStore } from './schema';
import { plaintextFound } from './test-support';
import { FAST } from '../../shared/crypto/test-keys';

let counter = 0;
let clock = 1_764_000_000_000;
const now = () => (clock += 1000);

const state: ViewState = {
  version: 1,
  filter: { since: 1_700_000_000_000, sources: ['f'.repeat(64)] },
  collectionThreshold: 25,
  maxElements: 2000,
  seeds: [3],
  nodes: [3, 7, 9],
  collections: [],
  hidden: [11],
  pinned: [7],
  nextCollection: 1,
};
const draft: GraphViewDraft = {
  name: 'Схема Иванова через Ромашку',
  state,
  positions: { '3': { x: 10, y: 20 }, '7': { x: -40.5, y: 80 } },
  layout: 'fcose',
};

async function fresh(encrypted: boolean) {
  const name = `graph-views-${++counter}`;
  const db = openCaseStore(name);
  let ids = 0;
  const lock = encrypted ? await newCase('пять слов фразы для дела') : null;
  const created = await caseRepository(db, now).createCase(
    { title: 'Дело', registryNumber: '', investigator: 'Ахметов' },
    lock ? { keys: lock.keys, wrappedKey: lock.wrapped } : undefined,
  );
  if (lock) provideCaseKeys(db, created.id, () => lock.keys);
  const views = graphViewRepository(db, now, () => `view-${++ids}`);
  return { name, db, caseId: created.id, views };
}

describe('graph view repository', () => {
  for (const encrypted of [false, true]) {
    it(`saves, lists newest first, renames and deletes, each audited (${encrypted ? 'encrypted' : 'plain'} case)`, async () => {
      const { db, caseId, views } = await fresh(encrypted);
      const first = await views.save(caseId, draft, 'Ахметов');
      const second = await views.save(caseId, { ...draft, name: '  Второй  ' }, 'Ахметов');
      expect(second.name).toBe('Второй');
      expect(await views.list(caseId)).toEqual([second, first]);
      expect((await views.list(caseId))[1]).toMatchObject({
        state,
        positions: draft.positions,
        layout: 'fcose',
      });

      const renamed = await views.rename(caseId, first.id, 'Главная схема', 'Ержанов');
      expect(renamed).toMatchObject({ id: first.id, name: 'Главная схема', state, actor: 'Ержанов' });
      await views.delete(caseId, second.id, 'Ахметов');
      expect(await views.list(caseId)).toEqual([renamed]);

      const log = await auditEntriesOf(db, caseId);
      expect(log.map((entry) => entry.action)).toEqual([
        'case.created',
        'graph-view.saved',
        'graph-view.saved',
        'graph-view.saved',
        'graph-view.deleted',
      ]);
      expect(log[3]?.details).toMatchObject({ renamedFrom: draft.name, name: 'Главная схема' });
      expect(verifyAuditChain(caseId, log).ok).toBe(true);
      db.close();
    });
  }

  it('refuses an empty name and an unknown view, writing nothing', async () => {
    const { db, caseId, views } = await fresh(false);
    await expect(views.save(caseId, { ...draft, name: '  ' }, 'A')).rejects.toThrow(/name/);
    await expect(views.delete(caseId, 'nope', 'A')).rejects.toThrow(/not in case/);
    expect((await auditEntriesOf(db, caseId)).length).toBe(1);
    db.close();
  });

  it('keeps names and filters out of the raw store of an encrypted case', async () => {
    const { name, db, caseId, views } = await fresh(true);
    await views.save(caseId, draft, 'Ахметов');
    expect(await plaintextFound(name, ['Иванова', 'Ромашку', 'fcose', 'f'.repeat(64), 'Ахметов'])).toEqual(
      [],
    );
    db.close();
  });

  it('"Set a passphrase" seals the views saved before', async () => {
    const { name, db, caseId, views } = await fresh(false);
    const saved = await views.save(caseId, draft, 'Ахметов');
    const keys = await encryptCase(db, caseId, 'пять слов фразы для дела', 'Ахметов', FAST);
    provideCaseKeys(db, caseId, () => keys);
    expect(await views.list(caseId)).toEqual([saved]);
    expect(await plaintextFound(name, ['Иванова', 'fcose'])).toEqual([]);
    db.close();
  });
});
