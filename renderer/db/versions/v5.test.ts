import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IdentifierMention } from '../../../shared/model/statement';
import { caseMentions } from '../entities';
import { openCaseStore } from '../schema';

const mentions: IdentifierMention[] = [
  {
    sheet: 'KASPI_EXPORT',
    row: 14,
    column: 'L',
    kind: 'card',
    value: '4400430396052679',
    role: 'counterparty',
  },
  { sheet: 'KASPI_EXPORT', row: 15, column: 'Q', kind: 'phone', value: '+77029456870', role: 'description' },
  { sheet: 'KASPI_EXPORT', row: 3, kind: 'iin', value: '880101300123', role: 'preamble' },
];

describe('migration v4 → v5', () => {
  it('rewrites every stored mention block as columns, and the case reads the same mentions', async () => {
    const name = 'migration-v4-v5';
    const v4 = openCaseStore(name, 4);
    await v4.open();
    // Mention blocks exactly as v2–v4 wrote them: one object per mention.
    await v4.table('mentionBlocks').bulkAdd([
      { caseId: 'c1', sha256: 'a'.repeat(64), block: 0, mentions: mentions.slice(0, 2) },
      { caseId: 'c1', sha256: 'a'.repeat(64), block: 1, mentions: mentions.slice(2) },
      { caseId: 'c2', sha256: 'b'.repeat(64), block: 0, mentions: [] },
    ]);
    v4.close();

    // Opened exactly as v5 declared it, so this keeps testing the v4 → v5 step after v6+ exist.
    const v5 = openCaseStore(name, 5);
    await v5.open();
    expect(v5.verno).toBe(5);
    const records = await v5.table('mentionBlocks').toArray();
    expect(records.every((record) => 'data' in record && !('mentions' in record))).toBe(true);
    expect(await caseMentions(v5, 'c1')).toEqual(
      mentions.map((mention) => ({ ...mention, sha256: 'a'.repeat(64) })),
    );
    expect(await caseMentions(v5, 'c2')).toEqual([]);
    v5.close();
  });
});
