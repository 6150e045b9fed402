import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit/chain';
import type { ImportedTransaction, StatementImport } from '../../shared/model/statement';
import { prepareForStore } from '../../shared/store/prepare';
import { auditEntriesOf } from './audit';
import { caseRepository } from './cases';
import { openCaseStore } from './schema';
import { AlreadyImportedError, sourceRepository } from './sources';

let counter = 0;

function statement(rows: number, sha256 = 'a'.repeat(64)): StatementImport {
  const transactions: ImportedTransaction[] = Array.from({ length: rows }, (_, i) => ({
    sheet: 'Halyk',
    row: i + 10,
    bookedAt: Date.UTC(2025, 0, 1) + i * 60_000,
    hasTime: true,
    direction: i % 3 === 0 ? 'out' : 'in',
    amountMinor: 100_00 + i,
    currency: 'KZT',
    description: `Перевод ${i}`,
    counterparty: { phone: '+77011234567' },
  }));
  return {
    source: { sha256, name: 'halyk.xlsx', size: 1234, format: 'xlsx', importedAt: 1, importerVersion: 1 },
    accounts: [],
    transactions,
    rejected: [{ sheet: 'Halyk', row: 9, column: 'F', reason: 'amount `12,3,4` is not a number' }],
    mentions: transactions.map((t) => ({
      kind: 'phone',
      value: '+77011234567',
      sheet: t.sheet,
      row: t.row,
      role: 'counterparty',
    })),
    invalid: [],
    checks: [],
    mappings: [],
    rows: { transactions: rows, rejected: 1, preamble: 8, header: 1, totals: 0, blank: 0, other: 0 },
    warnings: [],
  };
}

async function setup() {
  const db = openCaseStore(`sources-${++counter}`);
  const repo = sourceRepository(db, () => 1_764_000_000_000);
  const created = await caseRepository(db).createCase({
    title: 'Case',
    registryNumber: '',
    investigator: 'A',
  });
  return { db, repo, caseId: created.id };
}

describe('source repository', () => {
  it('stores an import in one go: details, blocks, mentions, audit entry', async () => {
    const { db, repo, caseId } = await setup();
    const prepared = prepareForStore(statement(25), 10);
    await repo.saveImport(caseId, 'A', prepared);
    const [source] = await repo.listSources(caseId);
    expect(source).toMatchObject({
      name: 'halyk.xlsx',
      transactionCount: 25,
      blockCount: 3,
      identifierCount: 1,
    });
    expect(source?.totals).toEqual({ KZT: expect.objectContaining({ creditMinor: expect.any(Number) }) });
    expect(await db.transactionBlocks.count()).toBe(3);
    const log = await auditEntriesOf(db, caseId);
    expect(log.map((entry) => entry.action)).toEqual(['case.created', 'source.imported']);
    expect(verifyAuditChain(caseId, log).ok).toBe(true);
  });

  it('pages transactions across block boundaries in file order', async () => {
    const { repo, caseId } = await setup();
    const prepared = prepareForStore(statement(25_000));
    await repo.saveImport(caseId, 'A', prepared);
    const page = await repo.transactionsPage(caseId, 'a'.repeat(64), 9_995, 10);
    expect(page.map((t) => t.row)).toEqual(Array.from({ length: 10 }, (_, i) => 9_995 + i + 10));
  });

  it('adds nothing when the same file (same SHA-256) is imported again', async () => {
    const { db, repo, caseId } = await setup();
    await repo.saveImport(caseId, 'A', prepareForStore(statement(5)));
    await expect(repo.saveImport(caseId, 'A', prepareForStore(statement(5)))).rejects.toBeInstanceOf(
      AlreadyImportedError,
    );
    expect(await db.sources.count()).toBe(1);
    expect(await db.transactionBlocks.count()).toBe(1);
    expect(await db.auditEntries.count()).toBe(2);
  });

  it('leaves the case exactly as before when a write fails half-way', async () => {
    const { db, repo, caseId } = await setup();
    const before = await db.cases.get(caseId);
    db.mentionBlocks.bulkAdd = (() =>
      Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof db.mentionBlocks.bulkAdd;
    await expect(repo.saveImport(caseId, 'A', prepareForStore(statement(30_000)))).rejects.toThrow(
      'QuotaExceededError',
    );
    expect(await db.sources.count()).toBe(0);
    expect(await db.transactionBlocks.count()).toBe(0);
    expect(await db.auditEntries.count()).toBe(1);
    expect(await db.cases.get(caseId)).toEqual(before);
  });

  it('keeps saved column-mapping profiles by header signature', async () => {
    const { repo } = await setup();
    await repo.saveProfile({
      signature: 'дата|сумма|назначение',
      overrides: { F: 'amount', G: null },
    });
    expect(await repo.findProfile('дата|сумма|назначение')).toMatchObject({
      overrides: { F: 'amount', G: null },
    });
  });
});
