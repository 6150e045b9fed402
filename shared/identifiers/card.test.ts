import { describe, expect, it } from 'vitest';
import { cardBrand, luhnValid, parseCard } from './card';
import { fixtureBanks, prng, randomDigits, randomInt, withLuhn } from './test-support';

describe('parseCard', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['4012888888881881', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['378282246310005', 'american-express'],
    ['6011111111111117', 'discover'],
    ['3530111333300000', 'jcb'],
    ['2200000000000004', 'mir'],
    ['6200000000000005', 'unionpay'],
  ])('accepts published/Luhn test number %s as %s', (pan, brand) => {
    const r = parseCard(pan);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe(pan);
      expect(r.details.brand?.id).toBe(brand);
      expect(r.details.last4).toBe(pan.slice(-4));
    }
  });

  it.each([
    '4400 4312 3456 7894',
    '4400-4312-3456-7894',
    '4400.4312.3456.7894',
    ' 4400\u00a04312 3456 7894 ',
  ])('normalizes formatting of %j', (raw) => {
    const r = parseCard(raw);
    expect(r).toMatchObject({ ok: true, kind: 'card', value: '4400431234567894', raw });
  });

  it('reports the Kaspi BIN from an injected table, longest prefix first', () => {
    const banks = fixtureBanks();
    const kaspi = parseCard('4400430012345671', { banks });
    expect(kaspi.ok && kaspi.details.bank).toMatchObject({
      bankId: 'kaspi',
      bic: 'CASPKZKA',
      matched: '440043',
    });
    const halyk = parseCard('5555555555554444', { banks });
    expect(halyk.ok && halyk.details.bank).toMatchObject({
      bankId: 'halyk',
      matched: '55555555',
      confidence: 'verified',
    });
    // No table: bank is unknown, not guessed.
    const none = parseCard('4400430012345671');
    expect(none.ok && none.details.bank).toBeNull();
  });

  it('masks the display form to first 6 and last 4', () => {
    const r = parseCard('4400430012345671');
    expect(r.ok && r.details.display).toBe('440043******5671');
  });

  it.each([
    ['', 'empty'],
    ['4400 4312 3456 7890', 'luhn'],
    ['4400430012345678', 'luhn'],
    ['411111111111', 'length'],
    ['41111111111111111111', 'length'],
    ['4111 1111 abcd 1111', 'charset'],
    ['0000000000000000', 'format'],
  ])('rejects %j with reason %s', (raw, reason) => {
    expect(parseCard(raw)).toMatchObject({ ok: false, kind: 'card', reason });
  });
});

describe('luhn and brand helpers', () => {
  it('cardBrand works on prefixes, preferring ranges that allow the length', () => {
    expect(cardBrand('2200')?.id).toBe('mir');
    expect(cardBrand('')).toBeNull();
    expect(cardBrand('9999999999999999', 16)).not.toEqual({ id: 'visa', name: 'Visa' });
  });
  it('luhnValid rejects non-digits and empty strings', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111a11111111111')).toBe(false);
  });
});

describe('card properties (seeded PRNG)', () => {
  const rand = prng(20261125);
  const pans = Array.from({ length: 300 }, () =>
    withLuhn(String(randomInt(rand, 2, 6)) + randomDigits(rand, randomInt(rand, 11, 17))),
  );

  it('any valid PAN survives any formatting (spaces/dashes/dots in random places)', () => {
    for (const pan of pans) {
      let formatted = '';
      for (const ch of pan) {
        formatted += ch;
        if (rand() < 0.3) formatted += [' ', '-', '.', '  ', ' - '][randomInt(rand, 0, 4)];
      }
      const r = parseCard(formatted);
      expect(r.ok ? r.value : r.reason, formatted).toBe(pan);
    }
  });

  it('every single-digit substitution of a valid PAN is caught by Luhn', () => {
    for (const pan of pans.slice(0, 60)) {
      for (let i = 0; i < pan.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === pan.charAt(i)) continue;
          const changed = pan.slice(0, i) + String(d) + pan.slice(i + 1);
          expect(luhnValid(changed), changed).toBe(false);
        }
      }
    }
  });
});
