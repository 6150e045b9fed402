import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/chain';
import { sourceA } from '../../../shared/casefile/test-fixtures';
import { newCase } from '../../../shared/crypto/test-keys';
import { requestFixture } from '../../../shared/freeze/test-support';
import { prepareForStore } from '../../../shared/store/prepare';
import { auditEntriesOf } from '../audit';
import { unlockCase } from '../case-lock';
import { forgetCaseKeys, provideCaseKeys } from '../case-keys';
import { caseRepository } from '../cases';
import { freezeRequestRepository } from '../freeze-requests';
import { graphViewRepository } from '../graph-views';
import { openCaseStore, type CaseStore } from '../schema';
import { sourceRepository } from '../sources';

const PASSPHRASE = 'пять слов фразы для дела';
let clock = 1_764_000_000_000;
const now = () => (clock += 1000);

/** A store exactly as v7 declared it: no freeze register, settings or installation tables. */
function openV7(name: string): CaseStore {
  const v7 = openCaseStore(name, 7);
  return v7;
}

const view = {
  name: 'Схема',
  state: {
    version: 1 as const,
    filter: {},
    collectionThreshold: 25,
    maxElements: 2000,
    seeds: [0],
    nodes: [0],
    collections: [],
    hidden: [],
    pinned: [],
    nextCollection: 0,
  },
  positions: { '0': { x: 1, y: 2 } },
  layout: 'fcose',
};

describe('migration v7 → v8', () => {
  it('adds the freeze register and leaves every v7 case, plain or encrypted, as it was', async () => {
    const name = 'migration-v7-v8';
    const v7 = openV7(name);
    const { keys, wrapped } = await newCase(PASSPHRASE);
    const locked = await caseRepository(v7, now).createCase(
      { title: 'Магазин «Снежок»', registryNumber: '261750031000123', investigator: 'Ахметов' },
      { keys, wrappedKey: wrapped },
    );
    provideCaseKeys(v7, locked.id, () => keys);
    const plain = await caseRepository(v7, now).createCase({
      title: 'Открытое',
      registryNumber: '',
      investigator: 'Ержанов',
    });
    const read = async (db: CaseStore, caseId: string) => ({
      sources: await sourceRepository(db).listSources(caseId),
      views: await graphViewRepository(db).list(caseId),
      audit: await auditEntriesOf(db, caseId),
    });
    for (const caseId of [locked.id, plain.id]) {
      await sourceRepository(v7, now).saveImport(caseId, 'Ахметов', prepareForStore(sourceA()));
      await graphViewRepository(v7, now).save(caseId, view, 'Ахметов');
    }
    const before = { locked: await read(v7, locked.id), plain: await read(v7, plain.id) };
    forgetCaseKeys(v7, locked.id);
    v7.close();

    const v8 = openCaseStore(name);
    await v8.open();
    expect(v8.verno).toBe(8);
    expect(v8.freezeRequests.schema.primKey.keyPath).toEqual(['caseId', 'id']);
    expect(v8.caseSettings.schema.primKey.keyPath).toEqual(['caseId', 'name']);
    expect(await v8.freezeRequests.count()).toBe(0);

    provideCaseKeys(v8, locked.id, await unlockCase(v8, locked.id, PASSPHRASE).then((k) => () => k));
    expect(await read(v8, locked.id)).toEqual(before.locked);
    expect(await read(v8, plain.id)).toEqual(before.plain);

    for (const caseId of [locked.id, plain.id]) {
      const register = freezeRequestRepository(v8, now);
      await register.propose(caseId, [requestFixture()], 'Ахметов');
      expect((await register.list(caseId)).map((r) => r.status)).toEqual(['proposed']);
      expect(verifyAuditChain(caseId, await auditEntriesOf(v8, caseId)).ok).toBe(true);
    }
    v8.close();
  });
});
