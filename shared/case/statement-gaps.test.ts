import { describe, expect, it } from 'vitest';
import { findPeriodGaps, statementPeriods } from './statement-gaps';

const day = (d: string) => Date.parse(`${d}T00:00:00+05:00`);
const source = (sha256: string, account: string, from: string, to: string) => ({
  sha256,
  name: `${sha256}.xlsx`,
  accounts: [{ sheet: 'S', row: 10, account, periodFrom: day(from), periodTo: day(to) }],
});

describe('statement period gaps', () => {
  it('finds the days no statement of an account covers', () => {
    const gaps = findPeriodGaps(
      statementPeriods([
        source('a', 'KZ86 125K ZT50 0410 0100', '2024-01-01', '2024-01-31'),
        source('b', 'KZ86125KZT5004100100', '2024-02-15', '2024-03-31'),
      ]),
    );
    expect(gaps).toEqual([
      expect.objectContaining({
        kind: 'gap',
        account: 'KZ86125KZT5004100100',
        from: day('2024-02-01'),
        to: day('2024-02-14'),
        days: 14,
      }),
    ]);
  });

  it('sees back-to-back statements as complete and reports overlaps', () => {
    const gaps = findPeriodGaps(
      statementPeriods([
        source('a', 'KZ1', '2024-01-01', '2024-01-31'),
        source('b', 'KZ1', '2024-02-01', '2024-02-29'),
        source('c', 'KZ1', '2024-02-20', '2024-03-10'),
      ]),
    );
    expect(gaps).toEqual([
      expect.objectContaining({ kind: 'overlap', from: day('2024-02-20'), to: day('2024-02-29'), days: 10 }),
    ]);
  });

  it('keeps accounts apart and ignores statements without a stated period', () => {
    const gaps = findPeriodGaps(
      statementPeriods([
        source('a', 'KZ1', '2024-01-01', '2024-01-31'),
        source('b', 'KZ2', '2024-03-01', '2024-03-31'),
        { sha256: 'c', name: 'c.csv', accounts: [{ sheet: 'S', row: 1, account: 'KZ1' }] },
      ]),
    );
    expect(gaps).toEqual([]);
  });
});
