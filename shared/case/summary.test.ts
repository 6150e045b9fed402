import { describe, expect, it } from 'vitest';
import {
  sampleAudit,
  sampleCase,
  sampleCaseData,
  SHA_A,
  SHA_B,
  sourceA,
  sourceB,
} from '../casefile/test-fixtures';
import { summarizeCase } from './summary';

describe('summarizeCase', () => {
  it('summarizes each source: rows, rejected rows, totals in major units, failed checks', () => {
    const s = summarizeCase(sampleCaseData());
    expect(s.sources.map((x) => [x.file, x.sha256, x.rows])).toEqual([
      ['Kaspi выписка.xlsx', SHA_A, 3],
      ['halyk.csv', SHA_B, 1],
    ]);
    const a = s.sources[0]!;
    expect(a.rejected).toEqual([{ sheet: 'Выписка', row: 11, reason: 'date', column: 'C' }]);
    expect(a.totals).toEqual({
      KZT: {
        credit: 5000.5,
        debit: 1000,
        creditMinor: 500050,
        debitMinor: 100000,
        creditCount: 1,
        debitCount: 1,
      },
      USD: { credit: 25, debit: 0, creditMinor: 2500, debitMinor: 0, creditCount: 1, debitCount: 0 },
    });
    expect(Object.keys(a.totals)).toEqual(['KZT', 'USD']);
    expect(JSON.stringify(a.totals.KZT!.credit)).toBe('5000.5');
    expect(a.checksFailed).toEqual([
      { kind: 'running-balance', sheet: 'Выписка', rows: [9, 10], message: 'mismatch' },
    ]);
    expect(a.identifiers).toBe(3);
    expect(s.sources[1]!.totals).toEqual({
      KZT: { credit: 0, debit: 0.01, creditMinor: 0, debitMinor: 1, creditCount: 0, debitCount: 1 },
    });
  });

  it('groups identifiers by kind then value, mentions by file, sheet, row', () => {
    const s = summarizeCase(sampleCaseData());
    expect(s.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual([
      'card:4400430000001234',
      'card_masked:440043******1234',
      'phone:+77011234567',
      'iin:900101300123',
    ]);
    expect(s.identifiers[1]!.mentions).toEqual([
      { file: 'Kaspi выписка.xlsx', sheet: 'Выписка', row: 9, sha256: SHA_A, roles: ['description'] },
      { file: 'halyk.csv', sheet: 'halyk.csv', row: 2, sha256: SHA_B, roles: ['counterparty'] },
    ]);
  });

  it('merges several mentions in one row into one location with all roles', () => {
    const a = sourceA();
    a.mentions.push({ ...a.mentions[0]!, role: 'description' });
    const s = summarizeCase({ case: sampleCase(), sources: [a], audit: [] });
    expect(s.identifiers[0]!.mentions).toEqual([
      { file: 'Kaspi выписка.xlsx', sheet: 'Выписка', row: 8, sha256: SHA_A, roles: ['description', 'own'] },
    ]);
  });

  it('merges the same way for an identifier named on many rows (found by key, not by looking back)', () => {
    const a = sourceA();
    const first = a.mentions[0]!;
    // 20 rows named twice each (own, then description), given out of row order.
    for (let row = 40; row > 20; row--)
      a.mentions.push({ ...first, row }, { ...first, row, role: 'description' });
    const s = summarizeCase({ case: sampleCase(), sources: [a], audit: [] });
    const mentions = s.identifiers[0]!.mentions;
    expect(mentions).toHaveLength(21);
    expect(mentions[0]).toEqual({
      file: 'Kaspi выписка.xlsx',
      sheet: 'Выписка',
      row: 8,
      sha256: SHA_A,
      roles: ['own'],
    });
    expect(mentions.slice(1).map((m) => [m.row, m.roles])).toEqual(
      Array.from({ length: 20 }, (_, i) => [21 + i, ['description', 'own']]),
    );
  });

  it('lists invalid identifiers with their place', () => {
    expect(summarizeCase(sampleCaseData()).invalid).toEqual([
      {
        kind: 'card',
        raw: '4400 4300 0000 1235',
        reason: 'luhn',
        message: 'Luhn check failed',
        file: 'Kaspi выписка.xlsx',
        sha256: SHA_A,
        sheet: 'Выписка',
        row: 9,
        column: 'E',
      },
    ]);
  });

  it('resolves a masked card that fits exactly one full card, and reports ambiguous ones apart', () => {
    expect(summarizeCase(sampleCaseData()).resolutions).toEqual([
      { masked: '440043******1234', card: '4400430000001234' },
    ]);
    const b = sourceB();
    b.mentions.push({
      sheet: 'halyk.csv',
      row: 3,
      kind: 'card',
      value: '4400439999991234',
      role: 'counterparty',
    });
    const s = summarizeCase({ case: sampleCase(), sources: [sourceA(), b], audit: [] });
    expect(s.resolutions).toEqual([]);
    expect(s.ambiguous).toEqual([
      { masked: '440043******1234', candidates: ['4400430000001234', '4400439999991234'] },
    ]);
  });

  it('does not tie a statement’s own masked card to a card printed under another holder', () => {
    const a = sourceA();
    a.mentions = [{ sheet: 'Выписка', row: 8, kind: 'card_masked', value: '440043******1234', role: 'own' }];
    const c = sourceB();
    c.accounts = [{ sheet: 'halyk.csv', row: 2, holderName: 'Петров Пётр' }];
    c.mentions = [{ sheet: 'halyk.csv', row: 2, kind: 'card', value: '4400430000001234', role: 'own' }];
    const s = summarizeCase({ case: sampleCase(), sources: [a, c], audit: [] });
    expect(s.resolutions).toEqual([]);
  });

  it('is deterministic and independent of audit', () => {
    const data = sampleCaseData();
    const again = { ...sampleCaseData(), audit: sampleAudit(sampleCase(), []) };
    expect(JSON.stringify(summarizeCase(data))).toBe(JSON.stringify(summarizeCase(again)));
  });
});
