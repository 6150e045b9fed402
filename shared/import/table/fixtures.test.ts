import { describe, expect, it } from 'vitest';
import { allFixtures } from './fixtures';
import { readSheet } from './sheet';

describe('every bank layout reads back exactly its ground truth', () => {
  for (const fixture of allFixtures(1)) {
    for (const sheet of fixture.sheets) {
      it(`${fixture.name} / ${sheet.name}`, () => {
        const result = readSheet(sheet.rows, {
          sheetName: sheet.name,
          merges: sheet.merges,
          ...sheet.context,
        });
        const rejected = result.tables.flatMap((t) => t.read.rejected);
        expect(rejected).toEqual([]);
        const transactions = result.tables
          .flatMap((t) => t.read.transactions)
          .map(({ raw: _raw, ...tx }) => tx);
        expect(transactions).toEqual(sheet.expected);
        if (sheet.expectedTotals)
          expect(result.tables.flatMap((t) => t.read.totals)).toEqual(sheet.expectedTotals);
      });
    }
  }

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(allFixtures(7))).toEqual(JSON.stringify(allFixtures(7)));
    expect(JSON.stringify(allFixtures(7))).not.toEqual(JSON.stringify(allFixtures(8)));
  });
});
