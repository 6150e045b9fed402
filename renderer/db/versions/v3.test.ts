import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/chain';
import type { StatementImport } from '../../../shared/model/statement';
import { prepareForStore } from '../../../shared/store/prepare';
import { auditEntriesOf } from '../audit';
import { caseRepository } from '../cases';
import { decisionRepository } from '../decisions';
import { openCaseStore } from '../schema';
import { sourceRepository } from '../sources';

const statement: StatementImport = {
  source: {
    sha256: 'f'.repeat(64),
    name: 'kaspi.xlsx',
    size: 10,
    format: 'xlsx',
    importedAt: 1,
    importerVersion: 1,
  },
  accounts: [],
  transactions: [
    {
      sheet: 'KASPI',
      row: 14,
      bookedAt: 1,
      hasTime: false,
      direction: 'in',
      amountMinor: 1500000,
      currency: 'KZT',
      description: '',
      counterparty: {},
    },
  ],
  rejected: [],
  mentions: [{ kind: 'card', value: '4400430012345678', sheet: 'KASPI', row: 14, role: 'counterparty' }],
  invalid: [],
  checks: [],
  mappings: [],
  rows: { transactions: 1, rejected: 0, preamble: 0, header: 1, totals: 0, blank: 0, other: 0 },
  warnings: [],
};

describe('migration v2 → v3', () => {
  it('opens a case with statements imported by v2 and adds identity decisions', async () => {
    const name = 'migration-v2-v3';
    const v2 = openCaseStore(name, 2);
    const created = await caseRepository(v2).createCase({
      title: 'Снежок',
      registryNumber: '',
      investigator: 'A',
    });
    await sourceRepository(v2).saveImport(created.id, 'A', prepareForStore(statement));
    v2.close();

    // Opened exactly as v3 declared it, so this keeps testing the v2 → v3 step after v4+ exist.
    const v3 = openCaseStore(name, 3);
    await v3.open();
    expect(v3.verno).toBe(3);
    const [source] = await sourceRepository(v3).listSources(created.id);
    expect(source).toMatchObject({ name: 'kaspi.xlsx', transactionCount: 1 });
    expect(await sourceRepository(v3).transactionsPage(created.id, 'f'.repeat(64), 0, 10)).toEqual(
      statement.transactions,
    );

    const repo = decisionRepository(
      v3,
      () => 2_000_000_000_000,
      () => 'd1',
    );
    await repo.record(
      created.id,
      'merge',
      ['card:4400430012345678', 'card_masked:440043******5678'],
      'same holder, same bank',
      'A',
    );
    expect(await repo.list(created.id)).toHaveLength(1);
    const log = await auditEntriesOf(v3, created.id);
    expect(log.map((entry) => entry.action)).toEqual(['case.created', 'source.imported', 'entity.merged']);
    expect(verifyAuditChain(created.id, log).ok).toBe(true);
    v3.close();
  });

  it('refuses a split that does not name exactly two entities', async () => {
    const db = openCaseStore('decisions-refuse');
    await expect(decisionRepository(db).record('c', 'split', ['a:1', 'a:2', 'a:3'], '', 'A')).rejects.toThrow(
      'exactly two',
    );
  });
});
