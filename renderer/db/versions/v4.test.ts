import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/chain';
import type { DuplicateCandidate } from '../../../shared/dedupe';
import { auditEntriesOf } from '../audit';
import { caseRepository } from '../cases';
import { decisionRepository } from '../decisions';
import { duplicateRepository } from '../duplicates';
import { openCaseStore } from '../schema';

const pair = (row: number, strong: boolean): DuplicateCandidate => ({
  kind: 'two-sides',
  a: { sha256: 'a'.repeat(64), sheet: 'KASPI', row },
  b: { sha256: 'b'.repeat(64), sheet: 'Halyk', row: row + 100 },
  score: strong ? 0.95 : 0.6,
  strong,
  deltaMinutes: 1,
  evidence: [],
});

describe('migration v3 → v4', () => {
  it('keeps v3 identity decisions and adds duplicate decisions, each batch one audited change', async () => {
    const name = 'migration-v3-v4';
    const v3 = openCaseStore(name, 3);
    const created = await caseRepository(v3).createCase({
      title: 'Снежок',
      registryNumber: '',
      investigator: 'A',
    });
    await decisionRepository(
      v3,
      () => 1,
      () => 'd1',
    ).record(created.id, 'split', ['card:1', 'card_masked:2'], 'ответ банка', 'A');
    v3.close();

    // Opened exactly as v4 declared it, so this keeps testing the v3 → v4 step after v5+ exist.
    const v4 = openCaseStore(name, 4);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(await decisionRepository(v4).list(created.id)).toHaveLength(1);
    const repo = duplicateRepository(v4, () => 2_000_000_000_000);
    await repo.decide(created.id, [pair(10, true), pair(11, true)], 'confirmed', 'A');
    await repo.decide(created.id, [pair(11, true)], 'rejected', 'A');
    const decided = await repo.list(created.id);
    expect(decided.map((d) => [d.a.row, d.decision])).toEqual([
      [10, 'confirmed'],
      [11, 'rejected'],
    ]);
    const log = await auditEntriesOf(v4, created.id);
    expect(log.map((entry) => entry.action)).toEqual([
      'case.created',
      'entity.split',
      'duplicates.decided',
      'duplicates.decided',
    ]);
    expect(log[2]?.details).toMatchObject({ decision: 'confirmed', pairs: 2, strong: 2 });
    expect(verifyAuditChain(created.id, log).ok).toBe(true);
    v4.close();
  });
});
