import { describe, expect, it } from 'vitest';
import { maskedMatches, maskedPattern, parseMaskedCard } from './masked-card';
import { fixtureBanks } from './test-support';

describe('parseMaskedCard', () => {
  it.each([
    ['440043******1234', '440043******1234', { prefix: '440043', suffix: '1234', length: 16 }],
    ['4400 43** **** 1234', '440043******1234', { prefix: '440043', suffix: '1234', length: 16 }],
    ['4400-43XX-XXXX-1234', '440043******1234', { prefix: '440043', suffix: '1234', length: 16 }],
    ['4400 43хх хххх 1234', '440043******1234', { prefix: '440043', suffix: '1234', length: 16 }],
    ['4400 43•• •••• 1234', '440043******1234', { prefix: '440043', suffix: '1234', length: 16 }],
    ['*1234', '…1234', { prefix: '', suffix: '1234', length: null }],
    ['****1234', '…1234', { prefix: '', suffix: '1234', length: null }],
    ['**** **** **** 1234', '…1234', { prefix: '', suffix: '1234', length: null }],
    ['440043…1234', '440043…1234', { prefix: '440043', suffix: '1234', length: null }],
    ['4400 43** 1234', '440043…1234', { prefix: '440043', suffix: '1234', length: null }],
  ])('%j → %j', (raw, value, pattern) => {
    const r = parseMaskedCard(raw);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe(value);
      expect(r.details).toMatchObject(pattern);
    }
  });

  it('never invents hidden digits and keeps the bank from the visible BIN', () => {
    const r = parseMaskedCard('440043******1234', { banks: fixtureBanks() });
    expect(r.ok && r.details.bank?.bankId).toBe('kaspi');
    expect(r.ok && r.details.brand?.id).toBe('visa');
    expect(r.ok && /\*{6}/.test(r.value)).toBe(true);
  });

  it('the normalized value parses back to the same pattern', () => {
    for (const raw of ['440043******1234', '*1234', '4400 43** 1234']) {
      const r = parseMaskedCard(raw);
      if (!r.ok) throw new Error(raw);
      expect(maskedPattern(r.value)).toEqual(maskedPattern(raw));
    }
  });

  it.each([
    ['', 'empty'],
    ['4400430012345671', 'format'],
    ['*123', 'length'],
    ['4**12', 'length'],
    ['0400 43** **** 1234', 'format'],
    ['4400 43** **** **** **** 1234', 'length'],
    ['12*34*56', 'format'],
  ])('rejects %j (%s)', (raw, reason) => {
    expect(parseMaskedCard(raw)).toMatchObject({ ok: false, kind: 'card_masked', reason });
  });
});

describe('maskedMatches', () => {
  it('matches prefix, suffix and the stated length only', () => {
    expect(maskedMatches('440043******5671', '4400430012345671')).toBe(true);
    expect(maskedMatches('4400 43** **** 5671', '4400 4300 1234 5671')).toBe(true);
    expect(maskedMatches('440043******5671', '4400440012345671')).toBe(false);
    expect(maskedMatches('440043******5671', '4400430012345672')).toBe(false);
    expect(maskedMatches('440043*******5671', '4400430012345671')).toBe(false);
    expect(maskedMatches('*5671', '4400430012345671')).toBe(true);
    expect(maskedMatches('*5671', '2200701234567896')).toBe(false);
    expect(maskedMatches({ prefix: '4400', suffix: '', length: null }, '4400430012345671')).toBe(true);
    expect(maskedMatches('not a mask', '4400430012345671')).toBe(false);
    expect(maskedMatches('*5671', '44004300abc45671')).toBe(false);
  });
});
