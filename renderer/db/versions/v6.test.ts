import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { chainAuditEntry, verifyAuditChain, type AuditEntry } from '../../../shared/audit/chain';
import { sampleCase, SHA_A, sourceA, sourceB } from '../../../shared/casefile/test-fixtures';
import { FAST } from '../../../shared/crypto/test-keys';
import { decisionKey, type DuplicateDecision } from '../../../shared/dedupe';
import type { EntityDecision } from '../../../shared/resolve/decisions';
import { prepareForStore } from '../../../shared/store/prepare';
import { auditEntriesOf } from '../audit';
import { encryptCase } from '../case-lock';
import { provideCaseKeys } from '../case-keys';
import { exportCaseData } from '../case-transfer';
import { caseRepository } from '../cases';
import { decisionRepository } from '../decisions';
import { duplicateRepository } from '../duplicates';
import { caseMentions } from '../entities';
import { CURRENT_VERSION, openCaseStore, type CaseStore } from '../schema';
import { sourceRepository } from '../sources';
import { plaintextFound } from '../test-support';

const kase = sampleCase();
const decision: EntityDecision = {
  id: 'd1',
  action: 'merge',
  keys: ['card:4400430000001234', 'card_masked:440043******1234'],
  reason: 'ответ банка',
  actor: 'Ержанов Е.',
  at: kase.createdAt + 7000,
};
const duplicate: DuplicateDecision = {
  kind: 'two-sides',
  a: { sha256: SHA_A, sheet: 'Выписка', row: 8 },
  b: { sha256: 'b'.repeat(64), sheet: 'halyk.csv', row: 2 },
  decision: 'confirmed',
  decidedAt: kase.createdAt + 8000,
  actor: 'Ержанов Е.',
};

/** A case exactly as v5's code wrote it: every record in the clear, no `encrypted` flag. */
async function writeV5Case(name: string): Promise<AuditEntry[]> {
  const v5 = openCaseStore(name, 5);
  await v5.open();
  const audit: AuditEntry[] = [];
  const log = (action: AuditEntry['action'], details: Record<string, unknown>, at: number) =>
    audit.push(chainAuditEntry(audit.at(-1), { caseId: kase.id, actor: 'Ержанов Е.', action, details, at }));
  await v5.table('cases').add(kase);
  log('case.created', { title: kase.title, registryNumber: kase.registryNumber }, kase.createdAt);
  for (const statement of [sourceA(), sourceB()]) {
    const prepared = prepareForStore(statement);
    const sha256 = prepared.details.sha256;
    await v5.table('sources').add({ ...prepared.details, caseId: kase.id });
    await v5
      .table('transactionBlocks')
      .bulkAdd(prepared.blocks.map((data, block) => ({ caseId: kase.id, sha256, block, data })));
    await v5
      .table('mentionBlocks')
      .bulkAdd(prepared.mentionBlocks.map((data, block) => ({ caseId: kase.id, sha256, block, data })));
    log('source.imported', { file: statement.source.name, sha256 }, statement.source.importedAt);
  }
  await v5.table('entityDecisions').add({ ...decision, caseId: kase.id });
  log('entity.merged', { entities: decision.keys, reason: decision.reason }, decision.at);
  await v5
    .table('duplicateDecisions')
    .add({ ...duplicate, caseId: kase.id, key: decisionKey(duplicate.kind, duplicate.a, duplicate.b) });
  log('duplicates.decided', { decision: 'confirmed', pairs: 1 }, duplicate.decidedAt);
  await v5.table('auditEntries').bulkAdd(audit);
  await v5.table('importProfiles').add({
    signature: 'дата|сумма',
    overrides: { A: 'date' },
    sheetExample: 'Выписка',
    fileExample: 'Выписка Иванов.xlsx',
    savedAt: 1,
  });
  v5.close();
  return audit;
}

/** The whole case as the app reads it, through the repositories. */
async function readBack(db: CaseStore) {
  const sources = sourceRepository(db);
  const listed = await sources.listSources(kase.id);
  return {
    kase: await caseRepository(db).getCase(kase.id),
    sources: listed,
    transactions: await Promise.all(listed.map((source) => sources.transactions(kase.id, source.sha256))),
    page: await sources.transactionsPage(kase.id, SHA_A, 1, 2),
    mentions: await caseMentions(db, kase.id),
    decisions: await decisionRepository(db).list(kase.id),
    duplicates: await duplicateRepository(db).list(kase.id),
    export: await exportCaseData(db, kase.id),
  };
}

describe('migration v5 → v6', () => {
  it('keeps every v5 case readable as an unencrypted case, drops the `at` index and file names in profiles', async () => {
    const name = 'migration-v5-v6';
    const audit = await writeV5Case(name);

    const v6 = openCaseStore(name);
    await v6.open();
    expect(v6.verno).toBe(CURRENT_VERSION); // the current app opens v5 data through every upgrade since
    expect(v6.auditEntries.schema.indexes.map((index) => index.name)).toEqual(['caseId']);
    const record = await v6.cases.get(kase.id);
    expect(record).toEqual({ ...kase, encrypted: false });
    expect(await caseRepository(v6).listCases()).toEqual([{ ...kase, encrypted: false, locked: false }]);
    expect(await v6.importProfiles.toArray()).toEqual([
      { signature: 'дата|сумма', overrides: { A: 'date' }, savedAt: 1 },
    ]);

    const read = await readBack(v6);
    expect(read.sources.map((source) => source.name)).toEqual(['Kaspi выписка.xlsx', 'halyk.csv']);
    expect(read.transactions).toEqual([sourceA().transactions, sourceB().transactions]);
    expect(read.page).toEqual(sourceA().transactions.slice(1, 3));
    expect(read.mentions.map(({ sha256: _sha, ...mention }) => mention)).toEqual([
      ...sourceA().mentions,
      ...sourceB().mentions,
    ]);
    expect(read.decisions).toEqual([decision]);
    expect(read.duplicates).toEqual([duplicate]);
    expect(read.export.audit).toEqual(audit);
    expect(verifyAuditChain(kase.id, await auditEntriesOf(v6, kase.id))).toMatchObject({
      ok: true,
      entries: 5,
    });
    v6.close();
  });

  it('"Set a passphrase" re-encrypts a migrated case in one go: the same case, nothing readable on disk', async () => {
    const name = 'migration-v5-v6-encrypt';
    await writeV5Case(name);
    const v6 = openCaseStore(name);
    const before = await readBack(v6);

    const keys = await encryptCase(v6, kase.id, 'пять слов фразы для дела', 'Ержанов Е.', {
      ...FAST,
      now: () => kase.createdAt + 9000,
    });
    provideCaseKeys(v6, kase.id, () => keys);
    const after = await readBack(v6);
    expect(after.kase).toEqual({
      ...before.kase,
      updatedAt: kase.createdAt + 9000,
      encrypted: true,
      locked: false,
    });
    expect(after.sources).toEqual(before.sources);
    expect(after.transactions).toEqual(before.transactions);
    expect(after.page).toEqual(before.page);
    expect(after.mentions).toEqual(before.mentions);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.duplicates).toEqual(before.duplicates);
    const log = await auditEntriesOf(v6, kase.id);
    expect(log.slice(0, -1)).toEqual(before.export.audit);
    expect(log.at(-1)).toMatchObject({ action: 'case.encrypted', details: { kdf: 'pbkdf2-sha256' } });
    expect(verifyAuditChain(kase.id, log).ok).toBe(true);

    expect(
      await plaintextFound(name, [
        kase.title,
        kase.registryNumber,
        'Ержанов',
        '4400430000001234',
        '440043******1234',
        '+77011234567',
        '900101300123',
        'Иванов',
        'Ромашка',
        'Kaspi выписка',
        'halyk.csv',
        SHA_A,
        'ответ банка',
        'Выписка',
      ]),
    ).toEqual([]);
    v6.close();
  });
});
