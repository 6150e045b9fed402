import { describe, expect, it } from 'vitest';
import {
  BankTableError,
  createBankDirectory,
  loadBankDirectory,
  parseBinTable,
  parseIbanCodeTable,
} from './banks';
import { fixtureBanks } from './test-support';

// The shipped tables are data the investigator edits; shared/ never bundles them, so the test
// loads them the way a host would. A non-literal specifier keeps tsc from pulling resources/
// into the shared/ project.
const BINS = '../../resources/banks/kz-bins.json';
const CODES = '../../resources/banks/kz-iban-codes.json';

async function loadJson(path: string): Promise<unknown> {
  const mod = (await import(/* @vite-ignore */ path)) as { default: unknown };
  return mod.default;
}

describe('shipped bank tables (resources/banks)', () => {
  it('validate, carry source and date, and cover the main Kazakh banks', async () => {
    const bins = parseBinTable(await loadJson(BINS));
    const codes = parseIbanCodeTable(await loadJson(CODES));
    expect(bins.source.length).toBeGreaterThan(20);
    expect(bins.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(codes.source.length).toBeGreaterThan(20);
    const ids = bins.banks.map((b) => b.id);
    for (const id of [
      'kaspi',
      'halyk',
      'forte',
      'jusan',
      'bcc',
      'freedom',
      'homecredit',
      'eurasian',
      'bereke',
      'rbk',
    ]) {
      expect(ids).toContain(id);
    }
    for (const id of ['altyn', 'shinhan', 'vtb', 'nurbank', 'kzi']) expect(ids).toContain(id);
    for (const b of bins.banks) expect(b.bic, b.id).toMatch(/^[A-Z]{4}KZ[A-Z0-9]{2}$/);
    // Every IBAN code points to a bank in the BIN table (or is explicitly unattributed).
    for (const c of codes.codes) if (c.bankId !== null) expect(ids, c.code).toContain(c.bankId);
  });

  it('resolve Kaspi by BIN and by IBAN bank code', async () => {
    const dir = loadBankDirectory(await loadJson(BINS), await loadJson(CODES));
    expect(dir.byPan('4400430012345671')?.bankId).toBe('kaspi');
    expect(dir.byIbanCode('722')).toMatchObject({ bankId: 'kaspi', bic: 'CASPKZKA' });
    expect(dir.byIbanCode('601')?.bankId).toBe('halyk');
    expect(dir.byIbanCode('125')).toBeNull();
  });
});

describe('createBankDirectory', () => {
  it('matches the longest prefix and exposes confidence', () => {
    const dir = fixtureBanks();
    expect(dir.byPan('5555555555554444')).toMatchObject({
      bankId: 'halyk',
      matched: '55555555',
      confidence: 'verified',
    });
    expect(dir.byPan('5555123412341234')).toMatchObject({ matched: '5555', confidence: 'unverified' });
    expect(dir.byPan('4111111111111111')).toBeNull();
    expect(dir.byId('kaspi')?.bic).toBe('CASPKZKA');
    expect(dir.byId('nope')).toBeNull();
  });

  it('is replaceable at runtime: an investigator-edited table takes effect immediately', () => {
    const edited = createBankDirectory({
      source: 'investigator edit',
      date: '2026-11-25',
      banks: [
        { id: 'x', name: { ru: 'Х', en: 'X' }, binPrefixes: [{ prefix: '411111', confidence: 'verified' }] },
      ],
    });
    expect(edited.byPan('4111111111111111')?.bankId).toBe('x');
  });

  it.each([
    [null, /banks/],
    [{ banks: [{ id: 'a' }] }, /banks\[0\]/],
    [
      {
        banks: [
          { id: 'a', name: { ru: 'a', en: 'a' }, binPrefixes: [{ prefix: '44x', confidence: 'reported' }] },
        ],
      },
      /prefix/,
    ],
    [
      {
        banks: [{ id: 'a', name: { ru: 'a', en: 'a' }, binPrefixes: [{ prefix: '44', confidence: 'sure' }] }],
      },
      /confidence/,
    ],
  ])('parseBinTable names the bad row: %j', (json, message) => {
    expect(() => parseBinTable(json)).toThrow(BankTableError);
    expect(() => parseBinTable(json)).toThrow(message);
  });

  it('parseIbanCodeTable requires 3-digit codes', () => {
    expect(() =>
      parseIbanCodeTable({ codes: [{ code: '72', bankId: 'k', confidence: 'reported' }] }),
    ).toThrow(/3 digits/);
  });
});
