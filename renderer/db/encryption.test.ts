import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import { readCaseFile, writeCaseFile } from '../../shared/casefile';
import { sampleCase, SHA_A, sourceA, sourceB } from '../../shared/casefile/test-fixtures';
import {
  CaseLockedError,
  encryptJson,
  fileIndexKey,
  PBKDF2_DEFAULT_ITERATIONS,
  portableKeys,
  recordAad,
  startKeySession,
  TamperedRecordError,
  WrongPassphraseError,
} from '../../shared/crypto';
import { FAST, newCase } from '../../shared/crypto/test-keys';
import type { DuplicateCandidate } from '../../shared/dedupe';
import { prepareForStore } from '../../shared/store/prepare';
import { auditEntriesOf, auditLogOf } from './audit';
import { unlockCase } from './case-lock';
import { adoptPortableKeys, caseKeysOf, forgetCaseKeys, provideCaseKeys } from './case-keys';
import { exportCaseData, importCaseData } from './case-transfer';
import { caseRepository } from './cases';
import { decisionRepository } from './decisions';
import { duplicateRepository } from './duplicates';
import { caseMentions } from './entities';
import type { SealedSourceRecord, SourceRecord } from './records';
import { openCaseStore, type CaseStore } from './schema';
import { sourceRepository } from './sources';
import { plaintextFound, rawSnapshot } from './test-support';

const PASSPHRASE = 'снег выпал в мае на склоне';
let counter = 0;
let clock = 1_764_000_000_000;
const now = () => (clock += 1000);

/** Everything a reader of the raw profile must not find in an encrypted case. */
const SECRETS = [
  'Снежок',
  '261750031000123',
  'Ахметов',
  '4400430000001234',
  '440043******1234',
  '440043******5678',
  '+77011234567',
  '900101300123',
  'KZ86125KZT5004100100',
  'Иванов',
  'Ромашка',
  'Kaspi выписка',
  'halyk.csv',
  SHA_A,
  'ответ банка',
  'Перевод',
];

const pair: DuplicateCandidate = {
  kind: 'two-sides',
  a: { sha256: SHA_A, sheet: 'Выписка', row: 8 },
  b: { sha256: 'b'.repeat(64), sheet: 'halyk.csv', row: 2 },
  score: 0.95,
  strong: true,
  deltaMinutes: 1,
  evidence: [],
};

/** An encrypted case with two statements, an identity decision and a duplicate decision. */
async function encryptedCase(name = `encrypted-${++counter}`) {
  const db = openCaseStore(name);
  const { keys, wrapped } = await newCase(PASSPHRASE);
  const created = await caseRepository(db, now).createCase(
    { title: 'Магазин «Снежок»', registryNumber: '261750031000123', investigator: 'Ахметов Д. С.' },
    { keys, wrappedKey: wrapped },
  );
  provideCaseKeys(db, created.id, () => keys);
  for (const statement of [sourceA(), sourceB()])
    await sourceRepository(db, now).saveImport(created.id, 'Ахметов', prepareForStore(statement));
  await decisionRepository(db, now).record(
    created.id,
    'merge',
    ['card:4400430000001234', 'card_masked:440043******1234'],
    'ответ банка',
    'Ахметов',
  );
  await duplicateRepository(db, now).decide(created.id, [pair], 'confirmed', 'Ахметов');
  return { db, name, keys, caseId: created.id, created };
}

async function readAll(db: CaseStore, caseId: string) {
  const sources = sourceRepository(db);
  const list = await sources.listSources(caseId);
  return {
    kase: await caseRepository(db).getCase(caseId),
    sources: list,
    transactions: await Promise.all(list.map((source) => sources.transactions(caseId, source.sha256))),
    mentions: await caseMentions(db, caseId),
    decisions: await decisionRepository(db).list(caseId),
    duplicates: await duplicateRepository(db).list(caseId),
    audit: await auditEntriesOf(db, caseId),
  };
}

describe('an encrypted case in the store', () => {
  it('reads back whole through the repositories while unlocked', async () => {
    const { db, caseId, created } = await encryptedCase();
    const read = await readAll(db, caseId);
    expect(read.kase).toEqual({
      ...created,
      updatedAt: read.kase?.updatedAt,
      encrypted: true,
      locked: false,
    });
    expect(read.sources.map((source) => source.sha256)).toEqual([SHA_A, 'b'.repeat(64)]);
    expect(read.transactions).toEqual([sourceA().transactions, sourceB().transactions]);
    expect(read.mentions.map(({ sha256: _sha, ...mention }) => mention)).toEqual([
      ...sourceA().mentions,
      ...sourceB().mentions,
    ]);
    expect(read.decisions).toHaveLength(1);
    expect(read.duplicates).toMatchObject([{ decision: 'confirmed', a: pair.a, b: pair.b }]);
    expect(read.audit.map((entry) => entry.action)).toEqual([
      'case.created',
      'source.imported',
      'source.imported',
      'entity.merged',
      'duplicates.decided',
    ]);
    expect(verifyAuditChain(caseId, read.audit).ok).toBe(true);
    // The same file again is still recognised, through its keyed file key.
    await expect(
      sourceRepository(db).saveImport(caseId, 'A', prepareForStore(sourceA())),
    ).rejects.toMatchObject({ name: 'AlreadyImportedError' });
    expect(await sourceRepository(db).getSource(caseId, SHA_A)).toMatchObject({ name: 'Kaspi выписка.xlsx' });
  });

  it('leaves no title, card number, name, file name or file hash readable on disk', async () => {
    const { name } = await encryptedCase();
    expect(await plaintextFound(name, SECRETS)).toEqual([]);

    // The scan itself works: the same case stored unencrypted shows every one of them.
    const plainName = `plain-${++counter}`;
    const plain = openCaseStore(plainName);
    const created = await caseRepository(plain, now).createCase({
      title: 'Магазин «Снежок»',
      registryNumber: '261750031000123',
      investigator: 'Ахметов Д. С.',
    });
    for (const statement of [sourceA(), sourceB()])
      await sourceRepository(plain, now).saveImport(created.id, 'A', prepareForStore(statement));
    await decisionRepository(plain, now).record(
      created.id,
      'merge',
      ['card:1', 'card:2'],
      'ответ банка',
      'A',
    );
    const shown = (await plaintextFound(plainName, SECRETS)).map((hit) =>
      hit.split(': ').slice(1).join(': '),
    );
    expect(new Set(shown)).toEqual(new Set(SECRETS));
  });

  it('keeps in the clear only the keys and dates docs/encryption.md lists', async () => {
    const { db, caseId } = await encryptedCase();
    const fields = async (table: keyof CaseStore & string) =>
      [...new Set((await db.table(table).toArray()).flatMap((record: object) => Object.keys(record)))].sort();
    expect(await fields('cases')).toEqual([
      'createdAt',
      'encrypted',
      'id',
      'sealed',
      'updatedAt',
      'wrappedKey',
    ]);
    expect(await fields('auditEntries')).toEqual(['caseId', 'sealed', 'seq']);
    expect(await fields('sources')).toEqual(['caseId', 'sealed', 'sealedInvalid', 'sha256']);
    expect(await fields('transactionBlocks')).toEqual(['block', 'caseId', 'sealed', 'sha256']);
    expect(await fields('mentionBlocks')).toEqual(['block', 'caseId', 'sealed', 'sha256']);
    expect(await fields('entityDecisions')).toEqual(['caseId', 'id', 'sealed']);
    expect(await fields('duplicateDecisions')).toEqual(['caseId', 'key', 'sealed']);
    const [source] = await db.sources.toArray();
    expect(source?.sha256).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(source?.caseId).toBe(caseId);
  });
});

describe('unlocking', () => {
  it('a wrong passphrase says so in the words of docs/encryption.md and touches nothing', async () => {
    const { db, name, caseId } = await encryptedCase();
    forgetCaseKeys(db, caseId);
    const before = await rawSnapshot(name);
    const attempt = unlockCase(db, caseId, 'снег выпал в мае на склонe'); // Latin "e" at the end
    await expect(attempt).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(attempt).rejects.toThrow(
      'The passphrase is not correct for this case. Nothing was opened or changed.',
    );
    expect(await rawSnapshot(name)).toBe(before);
    await expect(sourceRepository(db).listSources(caseId)).rejects.toBeInstanceOf(CaseLockedError);
  });

  it('the right passphrase opens the case; a weaker stored KDF is raised to today’s cost', async () => {
    const { db, caseId } = await encryptedCase();
    forgetCaseKeys(db, caseId);
    expect((await db.cases.get(caseId))?.encrypted && (await db.cases.get(caseId))).toMatchObject({
      wrappedKey: { kdf: { iterations: FAST.iterations } },
    });
    const keys = await unlockCase(db, caseId, PASSPHRASE);
    provideCaseKeys(db, caseId, () => keys);
    expect(await sourceRepository(db).listSources(caseId)).toHaveLength(2);
    expect(await db.cases.get(caseId)).toMatchObject({
      wrappedKey: { kdf: { iterations: PBKDF2_DEFAULT_ITERATIONS } },
    });
    forgetCaseKeys(db, caseId);
    await expect(unlockCase(db, caseId, PASSPHRASE, { upgradeKdf: false })).resolves.toMatchObject({
      keyId: keys.keyId,
    });
  });
});

describe('locking', () => {
  it('drops the keys: they are disposed, and every read or write refuses with CaseLockedError', async () => {
    const { db, caseId, keys } = await encryptedCase();
    const locks: string[] = [];
    const session = startKeySession(keys, { idleMs: 15 * 60_000, onLock: (reason) => locks.push(reason) });
    provideCaseKeys(db, caseId, () => session.keys());
    expect(await caseKeysOf(db, caseId)).toBe(keys);

    session.lock();
    expect(locks).toEqual(['manual']);
    expect(keys.disposed).toBe(true);
    expect(() => keys.dataKey).toThrow(CaseLockedError);
    await expect(caseKeysOf(db, caseId)).rejects.toBeInstanceOf(CaseLockedError);
    await expect(sourceRepository(db).listSources(caseId)).rejects.toBeInstanceOf(CaseLockedError);
    await expect(
      decisionRepository(db).record(caseId, 'merge', ['card:1', 'card:2'], '', 'A'),
    ).rejects.toBeInstanceOf(CaseLockedError);
    expect(await caseRepository(db).listCases()).toEqual([
      expect.objectContaining({ id: caseId, encrypted: true, locked: true }),
    ]);
    expect(Object.keys((await caseRepository(db).getCase(caseId)) ?? {})).not.toContain('title');

    // Dropping the session's registration too: the store then refuses from the case record alone.
    forgetCaseKeys(db, caseId);
    await expect(caseMentions(db, caseId)).rejects.toBeInstanceOf(CaseLockedError);
  });

  it('a worker is given keys only for their own case', async () => {
    const a = await encryptedCase();
    const b = await encryptedCase();
    const worker = openCaseStore(a.name);
    await expect(adoptPortableKeys(worker, a.caseId, structuredClone(portableKeys(b.keys)))).rejects.toThrow(
      'not those of case',
    );
    await adoptPortableKeys(worker, a.caseId, structuredClone(portableKeys(a.keys)));
    expect(await sourceRepository(worker).listSources(a.caseId)).toHaveLength(2);
  });
});

describe('tampering', () => {
  it('an altered audit record is shown as unreadable at its place; a moved record fails authentication', async () => {
    const { db, caseId } = await encryptedCase();
    const records = await db.auditEntries.where('caseId').equals(caseId).toArray();
    const first = records[0] as { sealed: Uint8Array };
    first.sealed[first.sealed.length - 1]! ^= 1;
    await db.auditEntries.put(records[0]!);
    const log = await auditLogOf(db, caseId);
    expect(log[0]).toEqual({ caseId, seq: 0, unreadable: true });
    expect(log.slice(1).every((entry) => 'action' in entry)).toBe(true);
    await expect(auditEntriesOf(db, caseId)).rejects.toBeInstanceOf(TamperedRecordError);

    // Swap the sealed payloads of the two sources: each fails, neither shows the other's data.
    const [x, y] = (await db.sources.where('caseId').equals(caseId).toArray()) as { sealed: Uint8Array }[];
    [x!.sealed, y!.sealed] = [y!.sealed, x!.sealed];
    await db.sources.bulkPut([x!, y!] as never[]);
    await expect(sourceRepository(db).listSources(caseId)).rejects.toBeInstanceOf(TamperedRecordError);
  });
});

describe('an import into an encrypted case', () => {
  async function emptyEncryptedCase() {
    const db = openCaseStore(`import-${++counter}`);
    const { keys, wrapped } = await newCase(PASSPHRASE);
    const created = await caseRepository(db, now).createCase(
      { title: 'Дело', registryNumber: '', investigator: 'Ахметов' },
      { keys, wrappedKey: wrapped },
    );
    provideCaseKeys(db, created.id, () => keys);
    return { db, caseId: created.id };
  }

  /** sourceA's rows four times over, on rows of their own. */
  function manyRows() {
    const statement = sourceA();
    const rows = statement.transactions;
    return {
      ...statement,
      transactions: Array.from({ length: 12 }, (_, i) => ({ ...rows[i % rows.length]!, row: 100 + i })),
    };
  }

  it('seals and writes block after block in one transaction, and reads back whole', async () => {
    const { db, caseId } = await emptyEncryptedCase();
    const statement = manyRows();
    // One row per block: every slice is sealed while the one before it is written.
    const prepared = prepareForStore(statement, 1);
    expect(prepared.blocks.length).toBe(12);
    const steps: string[] = [];
    await sourceRepository(db, now).saveImport(caseId, 'Ахметов', prepared, (done, total, step) =>
      steps.push(`${step} ${done}/${total}`),
    );
    // One step, "encrypting and saving", up to every list item, transaction and mention.
    expect(new Set(steps.map((step) => step.split(' ')[0]))).toEqual(new Set(['encrypting']));
    const [done, total] = (steps.at(-1) as string).split(' ')[1]!.split('/').map(Number);
    expect(done).toBe(total);
    expect(total).toBeGreaterThan(prepared.details.transactionCount + prepared.details.mentionCount);
    expect(await sourceRepository(db).transactions(caseId, SHA_A)).toEqual(statement.transactions);
    expect(await db.transactionBlocks.count()).toBe(prepared.blocks.length);
  });

  it('that fails to encrypt part-way leaves the case as it was', async () => {
    const { db, caseId } = await emptyEncryptedCase();
    const before = await rawSnapshot(db.name);
    const bulkAdd = db.transactionBlocks.bulkAdd.bind(db.transactionBlocks);
    let written = 0;
    db.transactionBlocks.bulkAdd = ((...args: Parameters<typeof bulkAdd>) => {
      written++;
      return bulkAdd(...args);
    }) as typeof bulkAdd;
    const subtle = globalThis.crypto.subtle;
    const encrypt = subtle.encrypt.bind(subtle);
    let calls = 0;
    const spy = vi.spyOn(subtle, 'encrypt').mockImplementation((...args) => {
      // The source record takes 2, each slice 4: the second slice fails, after the first was written.
      if (++calls === 9) return Promise.reject(new Error('encryption failed'));
      return encrypt(...args);
    });
    try {
      await expect(
        sourceRepository(db, now).saveImport(caseId, 'Ахметов', prepareForStore(manyRows(), 1)),
      ).rejects.toThrow('encryption failed');
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBeGreaterThanOrEqual(9);
    expect(written).toBe(1);
    expect(before).toContain('wrappedKey');
    expect(await rawSnapshot(db.name)).toEqual(before);
  });
});

describe('a source’s invalid identifiers', () => {
  it('are sealed apart: lists of sources leave them out, the source’s panel and an export read them', async () => {
    const { db, caseId } = await encryptedCase();
    const expected = sourceA().invalid;
    expect(expected.length).toBeGreaterThan(0);
    const repo = sourceRepository(db);
    const [a] = await repo.listSources(caseId);
    expect(a).not.toHaveProperty('invalid');
    expect(a).toMatchObject({ sha256: SHA_A, invalidCount: expected.length });
    expect(await repo.invalidOf(caseId, SHA_A)).toEqual(expected);
    expect((await repo.getSource(caseId, SHA_A))?.invalid).toEqual(expected);
    expect((await exportCaseData(db, caseId)).sources[0]?.invalid).toEqual(expected);
    // On disk: the list is not inside the source's main record.
    const [record] = (await db.sources.where('caseId').equals(caseId).toArray()) as SealedSourceRecord[];
    expect(record?.sealedInvalid).toBeInstanceOf(Uint8Array);
  });

  it('of a source stored before the split (inside its one sealed record) read the same', async () => {
    const { db, caseId, keys } = await encryptedCase();
    const repo = sourceRepository(db);
    const full = (await repo.getSource(caseId, SHA_A)) as SourceRecord;
    const { caseId: _caseId, ...details } = full;
    const fileKey = await fileIndexKey(keys, SHA_A);
    const sealed = await encryptJson(keys, recordAad('sources', [caseId, fileKey]), details);
    await db.sources.put({ caseId, sha256: fileKey, sealed });
    const [a] = await repo.listSources(caseId);
    expect(a).not.toHaveProperty('invalid');
    expect(a).toMatchObject({ name: full.name, invalidCount: full.invalid.length });
    expect(await repo.invalidOf(caseId, SHA_A)).toEqual(full.invalid);
    expect(await repo.getSource(caseId, SHA_A)).toEqual(full);
  });

  it('moved to another source fail authentication', async () => {
    const { db, caseId } = await encryptedCase();
    const [x, y] = (await db.sources.where('caseId').equals(caseId).toArray()) as SealedSourceRecord[];
    [x!.sealedInvalid, y!.sealedInvalid] = [y!.sealedInvalid, x!.sealedInvalid];
    await db.sources.bulkPut([x!, y!]);
    const repo = sourceRepository(db);
    expect(await repo.listSources(caseId)).toHaveLength(2);
    await expect(repo.invalidOf(caseId, SHA_A)).rejects.toBeInstanceOf(TamperedRecordError);
    await expect(repo.getSource(caseId, SHA_A)).rejects.toBeInstanceOf(TamperedRecordError);
  });
});

describe('case files', () => {
  it('an encrypted case exports, and imports on another laptop under that laptop’s passphrase, unchanged', async () => {
    const { db: laptopA, caseId } = await encryptedCase();
    const before = await readAll(laptopA, caseId);
    const data = await exportCaseData(laptopA, caseId);
    expect(data.case.title).toBe('Магазин «Снежок»');
    const bytes = writeCaseFile(data, { createdAt: clock });

    const nameB = `laptop-b-${++counter}`;
    const laptopB = openCaseStore(nameB);
    const { keys, wrapped } = await newCase('другая фраза на другом ноутбуке');
    await importCaseData(laptopB, readCaseFile(bytes), 'Б', 'snezhok.mtcase', now(), {
      keys,
      wrappedKey: wrapped,
    });
    expect(await plaintextFound(nameB, SECRETS)).toEqual([]);

    provideCaseKeys(laptopB, caseId, () => keys);
    const after = await readAll(laptopB, caseId);
    expect(after.kase).toEqual(before.kase);
    expect(after.sources).toEqual(before.sources);
    expect(after.transactions).toEqual(before.transactions);
    expect(after.mentions).toEqual(before.mentions);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.audit.slice(0, -1)).toEqual(before.audit);
    expect(after.audit.at(-1)).toMatchObject({ action: 'case.imported', actor: 'Б' });
    expect(verifyAuditChain(caseId, after.audit).ok).toBe(true);
  });

  it('the case-file fixture imports encrypted and exports back the same data', async () => {
    const db = openCaseStore(`fixture-${++counter}`);
    const data = { case: sampleCase(), sources: [sourceA(), sourceB()], audit: [] };
    const { keys, wrapped } = await newCase();
    await importCaseData(db, data, 'A', 'x.mtcase', now(), { keys, wrappedKey: wrapped });
    provideCaseKeys(db, data.case.id, () => keys);
    const back = await exportCaseData(db, data.case.id);
    expect(back.case).toEqual(data.case);
    expect(back.sources).toEqual(data.sources);
  });
});
