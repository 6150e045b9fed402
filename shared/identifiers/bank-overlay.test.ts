import { describe, expect, it } from 'vitest';
import { BankTableError, createBankDirectory, type BinTable } from './banks';
import { applyBinAdditions, checkBinAddition, readBinTableFile } from './bank-overlay';

const table: BinTable = {
  source: 'test',
  date: '2026-11-25',
  banks: [
    {
      id: 'kaspi',
      name: { ru: 'Kaspi', en: 'Kaspi' },
      binPrefixes: [{ prefix: '440043', confidence: 'reported' }],
    },
    { id: 'halyk', name: { ru: 'Halyk', en: 'Halyk' }, binPrefixes: [] },
  ],
};

describe('investigator additions to the BIN table', () => {
  it('add a prefix to a bank and take over a prefix listed elsewhere', () => {
    const merged = applyBinAdditions(table, [
      { bankId: 'halyk', prefix: '440563', confidence: 'verified', note: 'ответ банка № 1', addedAt: 1 },
      { bankId: 'halyk', prefix: '440043', confidence: 'verified', addedAt: 2 },
    ]);
    const directory = createBankDirectory(merged);
    expect(directory.byPan('4405631547885215')?.bankId).toBe('halyk');
    expect(directory.byPan('4400430012345678')).toMatchObject({ bankId: 'halyk', confidence: 'verified' });
    expect(merged.banks[0]?.binPrefixes).toEqual([]);
  });

  it('explain a bad addition and a bad file', () => {
    expect(
      checkBinAddition({ bankId: 'halyk', prefix: '44', confidence: 'verified', addedAt: 1 }, table),
    ).toMatch('6 to 11');
    expect(
      checkBinAddition({ bankId: 'nobank', prefix: '440563', confidence: 'verified', addedAt: 1 }, table),
    ).toMatch('no bank');
    expect(() => readBinTableFile('{')).toThrow(BankTableError);
    expect(() => readBinTableFile('{"banks": [{"id": "x"}]}')).toThrow(/banks\[0\]/);
  });
});
