import { describe, expect, it } from 'vitest';
import { ibanLength, parseIban } from './iban';
import { fixtureBanks, prng, randomInt } from './test-support';

describe('parseIban', () => {
  it.each([
    ['KZ86125KZT5004100100', 'KZ'],
    ['KZ86 125K ZT50 0410 0100', 'KZ'],
    ['kz86125kzt5004100100', 'KZ'],
    ['IBAN: KZ86125KZT5004100100', 'KZ'],
    ['GB82WEST12345698765432', 'GB'],
    ['GB82 WEST 1234 5698 7654 32', 'GB'],
    ['DE89370400440532013000', 'DE'],
    ['DE89 3704 0044 0532 0130 00', 'DE'],
  ])('accepts %j', (raw, country) => {
    const r = parseIban(raw);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.details.country).toBe(country);
      expect(r.value).toMatch(/^[A-Z]{2}\d{2}[A-Z0-9]+$/);
    }
  });

  it('extracts the KZ bank code and resolves it through the injected table', () => {
    const r = parseIban('KZ86125KZT5004100100', { banks: fixtureBanks() });
    expect(r.ok && r.details.bankCode).toBe('125');
    // 125 is the registry example's code; the fixture marks it as unattributed, so no bank.
    expect(r.ok && r.details.bank).toBeNull();
    expect(r.ok && r.details.friendly).toBe('KZ86 125K ZT50 0410 0100');
    const gb = parseIban('GB82WEST12345698765432', { banks: fixtureBanks() });
    expect(gb.ok && gb.details.bankCode).toBeNull();
  });

  it('resolves a KZ bank code that the table attributes', () => {
    // Build a valid Kaspi-coded IBAN by computing its mod-97 check digits.
    const bban = '722S000012345678';
    const numeric = (bban + 'KZ00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    const check = String(98 - Number(BigInt(numeric) % 97n)).padStart(2, '0');
    const r = parseIban(`KZ${check}${bban}`, { banks: fixtureBanks() });
    expect(r.ok && r.details.bank?.bankId).toBe('kaspi');
  });

  it.each([
    ['', 'empty'],
    ['KZ87125KZT5004100100', 'checksum'],
    ['GB82WEST12345698765431', 'checksum'],
    ['KZ86125KZT500410010', 'length'],
    ['XX86125KZT5004100100', 'country'],
    ['86125KZT5004100100', 'country'],
    ['KZ86 125K ZT50 0410 010!', 'charset'],
  ])('rejects %j (%s)', (raw, reason) => {
    expect(parseIban(raw)).toMatchObject({ ok: false, kind: 'iban', reason });
  });

  it('knows country lengths', () => {
    expect(ibanLength('KZ')).toBe(20);
    expect(ibanLength('DE')).toBe(22);
    expect(ibanLength('US')).toBeNull();
  });
});

describe('IBAN properties (seeded PRNG)', () => {
  it('every single-digit substitution in a valid IBAN is caught (mod 97)', () => {
    const rand = prng(97);
    for (const iban of ['KZ86125KZT5004100100', 'GB82WEST12345698765432', 'DE89370400440532013000']) {
      for (let i = 2; i < iban.length; i++) {
        if (!/\d/.test(iban.charAt(i))) continue;
        const d = (Number(iban.charAt(i)) + randomInt(rand, 1, 9)) % 10;
        const changed = iban.slice(0, i) + String(d) + iban.slice(i + 1);
        expect(parseIban(changed).ok, changed).toBe(false);
      }
    }
  });
});
