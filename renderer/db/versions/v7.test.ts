import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/chain';
import { sourceA, sourceB } from '../../../shared/casefile/test-fixtures';
import { newCase } from '../../../shared/crypto/test-keys';
import { prepareForStore } from '../../../shared/store/prepare';
import { auditEntriesOf } from '../audit';
import { unlockCase } from '../case-lock';
import { forgetCaseKeys, provideCaseKeys } from '../case-keys';
import { caseRepository } from '../cases';
import { decisionRepository } from '../decisions';
import { graphViewRepository } from '../graph-views';
import { CURRENT_VERSION, openCaseStore, type CaseStore } from '../schema';
import { sourceRepository } from '../sources';

const PASSPHRASE = 'пять слов фразы для дела';
let clock = 1_764_000_000_000;
const now = () => (clock += 1000);

/** A store exactly as v6 declared it: no graphViews table. */
function openV6(name: string): CaseStore {
  const v6 = openCaseStore(name, 6);
  return v6;
}

/** One encrypted and one plain case, written by v6's repositories into a v6 store. */
async function writeV6Cases(name: string) {
  const v6 = openV6(name);
  const { keys, wrapped } = await newCase(PASSPHRASE);
  const cases = caseRepository(v6, now);
  const locked = await cases.createCase(
    { title: 'Магазин «Снежок»', registryNumber: '261750031000123', investigator: 'Ахметов' },
    { keys, wrappedKey: wrapped },
  );
  provideCaseKeys(v6, locked.id, () => keys);
  const plain = await cases.createCase({ title: 'Открытое', registryNumber: '', investigator: 'Ержанов' });
  for (const caseId of [locked.id, plain.id]) {
    for (const statement of [sourceA(), sourceB()])
      await sourceRepository(v6, now).saveImport(caseId, 'Ахметов', prepareForStore(statement));
    await decisionRepository(v6, now).record(
      caseId,
      'merge',
      ['card:4400430000001234', 'card_masked:440043******1234'],
      'ответ банка',
      'Ахметов',
    );
  }
  const read = async (db: CaseStore, caseId: string) => ({
    sources: await sourceRepository(db).listSources(caseId),
    decisions: await decisionRepository(db).list(caseId),
    audit: await auditEntriesOf(db, caseId),
  });
  const before = { locked: await read(v6, locked.id), plain: await read(v6, plain.id) };
  forgetCaseKeys(v6, locked.id);
  v6.close();
  return { locked, plain, before, read };
}

describe('migration v6 → v7', () => {
  it('adds graphViews and leaves every v6 case, plain or encrypted, as it was', async () => {
    const name = 'migration-v6-v7';
    const { locked, plain, before, read } = await writeV6Cases(name);

    const v7 = openCaseStore(name);
    await v7.open();
    expect(v7.verno).toBe(CURRENT_VERSION); // through every upgrade since v6
    expect(v7.graphViews.schema.primKey.keyPath).toEqual(['caseId', 'id']);
    expect(await v7.graphViews.count()).toBe(0);

    const keys = await unlockCase(v7, locked.id, PASSPHRASE);
    provideCaseKeys(v7, locked.id, () => keys);
    expect(await read(v7, locked.id)).toEqual(before.locked);
    expect(await read(v7, plain.id)).toEqual(before.plain);

    // The migrated cases take saved views like new ones, and their audit chains go on.
    for (const kase of [locked, plain]) {
      const views = graphViewRepository(v7, now);
      await views.save(
        kase.id,
        {
          name: 'Первый вид',
          state: {
            version: 1,
            filter: {},
            collectionThreshold: 25,
            maxElements: 2000,
            seeds: [0],
            nodes: [0, 1],
            collections: [],
            hidden: [],
            pinned: [],
            nextCollection: 0,
          },
          positions: { '0': { x: 1, y: 2 } },
          layout: 'fcose',
        },
        'Ахметов',
      );
      expect((await views.list(kase.id)).map((view) => view.name)).toEqual(['Первый вид']);
      expect(verifyAuditChain(kase.id, await auditEntriesOf(v7, kase.id)).ok).toBe(true);
    }
    v7.close();
  });
});
