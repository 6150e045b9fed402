import { describe, expect, it } from 'vitest';
import { displayIdentifier } from './identifier';

describe('displayIdentifier', () => {
  it('groups cards and IBANs in fours and marks hidden digits', () => {
    expect(displayIdentifier('card', '4400430012345678')).toBe('4400 4300 1234 5678');
    expect(displayIdentifier('card_masked', '440043******1234')).toBe('4400 43•• •••• 1234');
    expect(displayIdentifier('card_masked', '…1234')).toBe('…1234');
    expect(displayIdentifier('iban', 'KZ86125KZT5004100100')).toBe('KZ86 125K ZT50 0410 0100');
  });

  it('spaces Kazakh phones the way they are read aloud', () => {
    expect(displayIdentifier('phone', '+77011234567')).toBe('+7 701 123 45 67');
    expect(displayIdentifier('phone', '+491701234567')).toBe('+491701234567');
  });

  it('shortens wallets and splits IIN/BIN after the date part', () => {
    expect(displayIdentifier('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe('TR7NHq…jLj6t');
    expect(displayIdentifier('iin', '880101300123')).toBe('880101 300123');
  });
});
