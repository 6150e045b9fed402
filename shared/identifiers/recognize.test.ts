import { describe, expect, it } from 'vitest';
import { normalize, parseAs, recognize } from './recognize';
import { IDENTIFIER_KINDS } from './types';

describe('recognize without a hint', () => {
  it.each([
    ['4400 4300 1234 5671', 'card', '4400430012345671'],
    ['4400 43** **** 1234', 'card_masked', '440043******1234'],
    ['*1234', 'card_masked', '…1234'],
    ['KZ86 125K ZT50 0410 0100', 'iban', 'KZ86125KZT5004100100'],
    ['GB82WEST12345698765432', 'iban', 'GB82WEST12345698765432'],
    ['8 701 123 45 67', 'phone', '+77011234567'],
    ['+7 (701) 123-45-67', 'phone', '+77011234567'],
    ['87011234567', 'phone', '+77011234567'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'btc', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'btc', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'eth', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
    ['880101300123', 'iin', '880101300123'],
    ['040540001230', 'bin', '040540001230'],
  ])('%j is %s', (raw, kind, value) => {
    expect(recognize(raw)).toMatchObject({ ok: true, kind, value });
  });

  it('reports the most likely kind with its precise reason when the checksum fails', () => {
    expect(recognize('4400 4312 3456 7890')).toMatchObject({ ok: false, kind: 'card', reason: 'luhn' });
    expect(recognize('KZ87125KZT5004100100')).toMatchObject({ ok: false, kind: 'iban', reason: 'checksum' });
    expect(recognize('880101300124')).toMatchObject({ ok: false, kind: 'iin', reason: 'checksum' });
    expect(recognize('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toMatchObject({ ok: false, kind: 'eth' });
  });

  it.each(['', '   ', 'hello world', '12345', '25.11.2026', '5 000,00'])('%j is not an identifier', (raw) => {
    expect(recognize(raw).ok).toBe(false);
  });
});

describe('recognize with a column hint', () => {
  it('tries only the hinted family', () => {
    // Under a card column an 11-digit value is a bad card, never silently a phone.
    expect(recognize('87011234567', 'card')).toMatchObject({ ok: false, kind: 'card', reason: 'length' });
    expect(recognize('440043******1234', 'card')).toMatchObject({ ok: true, kind: 'card_masked' });
    expect(recognize('7011234567', 'phone')).toMatchObject({ ok: true, value: '+77011234567' });
    expect(recognize('KZ86125KZT5004100100', 'iban')).toMatchObject({ ok: true, kind: 'iban' });
    expect(recognize('4400430012345671', 'iban')).toMatchObject({ ok: false, kind: 'iban' });
    expect(recognize('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'wallet')).toMatchObject({
      ok: true,
      kind: 'tron',
    });
    expect(recognize('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'wallet')).toMatchObject({
      ok: true,
      kind: 'btc',
    });
    expect(recognize('0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', 'wallet')).toMatchObject({
      ok: true,
      kind: 'eth',
    });
    expect(recognize('hello', 'wallet')).toMatchObject({ ok: false, kind: 'unknown' });
    expect(recognize('040540001230', 'iin_bin')).toMatchObject({ ok: true, kind: 'bin' });
  });
});

describe('per-kind normalizers', () => {
  it('normalize() returns the canonical value or null for every kind', () => {
    const samples: Record<string, string> = {
      card: '4111-1111-1111-1111',
      card_masked: '4111 11** **** 1111',
      iban: 'de89 3704 0044 0532 0130 00',
      phone: '8 (701) 123 45 67',
      tron: ' TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ',
      btc: '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
      eth: '0XDBF03B407C01E7CD3CBEA99509D93F8DDDC8C6FB',
      iin: '880101300123',
      bin: '040540001230',
    };
    for (const kind of IDENTIFIER_KINDS) {
      const value = normalize(kind, samples[kind] ?? '');
      expect(value, kind).not.toBeNull();
      // Normalization is idempotent: the canonical value parses to itself.
      expect(normalize(kind, value ?? ''), kind).toBe(value);
      expect(parseAs(kind, 'garbage').ok).toBe(false);
    }
  });
});
