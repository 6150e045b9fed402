import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readCaseFile, writeCaseFile } from '../../shared/casefile';
import { verifyAuditChain } from '../../shared/audit/chain';
import { sourceA, sourceB } from '../../shared/casefile/test-fixtures';
import { prepareForStore } from '../../shared/store/prepare';
import { auditEntriesOf } from './audit';
import { caseRepository } from './cases';
import { CaseExistsError, exportCaseData, importCaseData } from './case-transfer';
import { decisionRepository } from './decisions';
import { caseSettingRepository } from './case-settings';
import { freezeRequestRepository } from './freeze-requests';
import { graphViewRepository } from './graph-views';
import { requestFixture } from '../../shared/freeze/test-support';
import { openCaseStore, type CaseStore } from './schema';
import { sourceRepository } from './sources';

let counter = 0;
let clock = 1_764_000_000_000;
const now = () => (clock += 1000);

async function tables(db: CaseStore, caseId: string) {
  const strip = <T extends object>(rows: T[]) => rows;
  return {
    cases: strip(await db.cases.where('id').equals(caseId).toArray()),
    sources: strip(await db.sources.where('caseId').equals(caseId).toArray()),
    transactionBlocks: strip(await db.transactionBlocks.where('caseId').equals(caseId).toArray()),
    mentionBlocks: strip(await db.mentionBlocks.where('caseId').equals(caseId).toArray()),
    auditEntries: strip(await db.auditEntries.where('caseId').equals(caseId).toArray()),
    entityDecisions: strip(await db.entityDecisions.where('caseId').equals(caseId).toArray()),
    freezeRequests: strip(await db.freezeRequests.where('caseId').equals(caseId).toArray()),
    caseSettings: strip(await db.caseSettings.where('caseId').equals(caseId).toArray()),
    graphViews: strip(await db.graphViews.where('caseId').equals(caseId).toArray()),
  };
}

describe('case files between laptops', () => {
  it('export → wipe → import gives an identical case (every table), plus one audit entry saying so', async () => {
    const laptopA = openCaseStore(`transfer-a-${++counter}`);
    const created = await caseRepository(laptopA, now).createCase({
      title: 'Снежок',
      registryNumber: '261750031000123',
      investigator: 'A',
    });
    for (const statement of [sourceA(), sourceB()]) {
      await sourceRepository(laptopA, now).saveImport(created.id, 'A', prepareForStore(statement));
    }
    await decisionRepository(laptopA, now, () => 'd1').record(
      created.id,
      'merge',
      ['card:4400430012345678', 'card_masked:440043******5678'],
      'ответ банка',
      'A',
    );
    // The freeze register with a workflow history, and an edited letter template, travel too.
    const register = freezeRequestRepository(laptopA, now);
    await register.propose(
      created.id,
      [requestFixture({ id: 'f1' }), requestFixture({ id: 'f2', key: 'card:2' })],
      'A',
    );
    await register.step(created.id, ['f1'], { to: 'approved' }, 'A');
    await caseSettingRepository(laptopA, now).put(
      created.id,
      'letter-template:ru',
      { title: 'ТРЕБОВАНИЕ' },
      'A',
    );
    await graphViewRepository(laptopA, now, () => 'view-1').save(
      created.id,
      {
        name: 'Дроп → сборщик',
        state: {
          version: 2,
          filter: {},
          collectionThreshold: 25,
          maxElements: 2000,
          seeds: ['card:4400430012345678'],
          nodes: ['card:4400430012345678'],
          collections: [],
          hidden: [],
          pinned: [],
          nextCollection: 0,
        },
        positions: { 'k:card:4400430012345678': { x: 1, y: 2 } },
        layout: 'fcose',
      },
      'A',
    );
    const before = await tables(laptopA, created.id);

    const bytes = writeCaseFile(await exportCaseData(laptopA, created.id), { createdAt: clock });
    const laptopB = openCaseStore(`transfer-b-${counter}`);
    await importCaseData(laptopB, readCaseFile(bytes), 'B', 'snezhok.mtcase', now());
    const after = await tables(laptopB, created.id);

    expect(after.cases).toEqual(before.cases);
    expect(after.sources).toEqual(before.sources);
    expect(after.transactionBlocks).toEqual(before.transactionBlocks);
    expect(after.mentionBlocks).toEqual(before.mentionBlocks);
    expect(after.entityDecisions).toEqual(before.entityDecisions);
    expect(after.freezeRequests).toEqual(before.freezeRequests);
    expect(after.freezeRequests).toHaveLength(2);
    expect(after.caseSettings).toEqual(before.caseSettings);
    expect(after.graphViews).toEqual(before.graphViews);
    expect(after.graphViews).toHaveLength(1);
    expect(after.auditEntries.slice(0, -1)).toEqual(before.auditEntries);
    expect(after.auditEntries.at(-1)).toMatchObject({
      action: 'case.imported',
      actor: 'B',
      details: { file: 'snezhok.mtcase' },
    });
    expect(verifyAuditChain(created.id, await auditEntriesOf(laptopB, created.id)).ok).toBe(true);
  });

  it('refuses to import over an existing case and changes nothing', async () => {
    const db = openCaseStore(`transfer-dup-${++counter}`);
    const created = await caseRepository(db, now).createCase({
      title: 'Снежок',
      registryNumber: '',
      investigator: 'A',
    });
    const data = await exportCaseData(db, created.id);
    const before = await tables(db, created.id);
    await expect(importCaseData(db, data, 'A', 'x.mtcase', now())).rejects.toBeInstanceOf(CaseExistsError);
    expect(await tables(db, created.id)).toEqual(before);
  });
});
