import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { kzOperator, parsePhone, type PhoneResult, type PhoneType } from './phone';

describe('parsePhone (Kazakhstan defaults)', () => {
  it.each([
    '87011234567',
    '+7 (701) 123-45-67',
    '7011234567',
    '8 701 123 45 67',
    '77011234567',
    '+77011234567',
  ])('%j → +77011234567', (raw) => {
    const r = parsePhone(raw);
    expect(r).toMatchObject({ ok: true, kind: 'phone', value: '+77011234567' });
    expect(r.ok && r.details).toMatchObject({ country: 'KZ', type: 'mobile', operator: { id: 'kcell' } });
  });

  it('splits +7 between Kazakhstan (6xx/7xx) and Russia', () => {
    expect(parsePhone('+7 916 123-45-67')).toMatchObject({
      ok: true,
      details: { country: 'RU', operator: null },
    });
    expect(parsePhone('89161234567')).toMatchObject({
      ok: true,
      value: '+79161234567',
      details: { country: 'RU' },
    });
    expect(parsePhone('8 (727) 258-70-00')).toMatchObject({
      ok: true,
      value: '+77272587000',
      details: { country: 'KZ', type: 'fixed_line', operator: null },
    });
  });

  it.each([
    ['+77011234567', 'kcell'],
    ['+77021234567', 'kcell'],
    ['+77751234567', 'kcell'],
    ['+77781234567', 'kcell'],
    ['+77051234567', 'beeline'],
    ['+77771234567', 'beeline'],
    ['+77711234567', 'beeline'],
    ['+77761234567', 'beeline'],
    ['+77071234567', 'tele2'],
    ['+77471234567', 'tele2'],
    ['+77001234567', 'altel'],
    ['+77081234567', 'altel'],
  ])('operator of %s by original prefix allocation is %s', (raw, id) => {
    const r = parsePhone(raw);
    expect(r.ok && r.details.operator?.id).toBe(id);
  });

  it('accepts foreign numbers in international format', () => {
    expect(parsePhone('+380 50 123 4567')).toMatchObject({
      ok: true,
      value: '+380501234567',
      details: { country: 'UA' },
    });
    expect(parsePhone('+996 555 123 456')).toMatchObject({ ok: true, details: { country: 'KG' } });
  });

  it.each([
    ['', 'empty'],
    ['phone 8701', 'charset'],
    ['8701123', 'length'],
    ['+7 701 123 45 67 89', 'length'],
  ])('rejects %j (%s)', (raw, reason) => {
    expect(parsePhone(raw)).toMatchObject({ ok: false, kind: 'phone', reason });
  });

  it('kzOperator is null for prefixes without a known allocation', () => {
    expect(kzOperator('7271234567')).toBeNull();
  });
});

describe('parsePhone: validity from the number type', () => {
  // The reference is the earlier code: `isValid()` first, then `getType()` for the details.
  function reference(raw: string): PhoneResult {
    const text = raw.trim();
    const phone = parsePhoneNumberFromString(text, 'KZ');
    if (!phone?.isValid()) return parsePhone(raw); // the failure paths did not change
    const country = phone.country ?? null;
    return {
      ok: true,
      kind: 'phone',
      value: phone.number,
      raw,
      details: {
        country,
        callingCode: phone.countryCallingCode,
        nationalNumber: phone.nationalNumber,
        type: (phone.getType()?.toLowerCase() as PhoneType | undefined) ?? 'unknown',
        operator: country === 'KZ' ? kzOperator(phone.nationalNumber) : null,
      },
    };
  }

  it('gives what isValid() + getType() gave, on 20,000 seeded numbers of many countries', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const prefixes = ['+7', '8', '7', '+7 7', '+7 6', '+1', '+44', '+49', '+996', '+998', '+86', '+', ''];
    const separators = ['', '', ' ', '-', '(', ')'];
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      let raw = prefixes[next(prefixes.length)] ?? '';
      const digits = 6 + next(9);
      for (let d = 0; d < digits; d++) raw += String(next(10)) + (separators[next(separators.length)] ?? '');
      const got = parsePhone(raw);
      expect(got, raw).toEqual(reference(raw));
      if (got.ok) valid++;
    }
    // Enough of both outcomes for the comparison to mean something.
    expect(valid).toBeGreaterThan(2_000);
    expect(valid).toBeLessThan(18_000);
  });
});
