import { describe, expect, it } from 'vitest';
import type { Cell } from './cell';
import type { DetectedTable, RowKind } from './header';
import { SAMPLE_SCAN, sampleRows } from './sample';

function table(rows: Cell[][], growing?: { short: boolean }): DetectedTable {
  const kinds: RowKind[] = rows.map(() => 'transaction');
  return {
    rows,
    rowKinds: kinds,
    headerRows: [],
    numberingRow: null,
    dataStart: 0,
    dataEnd: rows.length,
    columns: [],
    preamble: { facts: [] },
    sections: [],
    ...(growing ? { growing } : {}),
  };
}

describe('sampleRows', () => {
  it('looks at no more than SAMPLE_SCAN transaction rows for a sparse column', () => {
    const rows: Cell[][] = Array.from({ length: SAMPLE_SCAN + 50 }, () => ['01.01.2024', null]);
    (rows[SAMPLE_SCAN + 10] as Cell[])[1] = '5 000,00';
    (rows[5] as Cell[])[1] = '1,50';
    const growing = { short: false };
    const taken = sampleRows(table(rows, growing), 60, (row) => row[1] !== null);
    expect(taken.map((row) => row[1])).toEqual(['1,50']);
    expect(growing.short).toBe(false); // the scan ended on its limit, not on the rows at hand
  });

  it('marks a growing table short when its rows run out before the sample is full', () => {
    const rows: Cell[][] = Array.from({ length: 30 }, () => ['01.01.2024', '1']);
    const growing = { short: false };
    expect(sampleRows(table(rows, growing), 60)).toHaveLength(30);
    expect(growing.short).toBe(true);
    const full = { short: false };
    expect(sampleRows(table(rows, full), 20)).toHaveLength(20);
    expect(full.short).toBe(false);
  });
});
