import { describe, expect, it } from 'vitest';
import { parseAmountInput } from './amount-input';

describe('parseAmountInput', () => {
  it('reads amounts as investigators type them, in the currency’s minor units', () => {
    expect(parseAmountInput('1 250 000,50', 'KZT')).toBe(125_000_050);
    expect(parseAmountInput('1250000', 'KZT')).toBe(125_000_000);
    expect(parseAmountInput('5900.5', 'USDT')).toBe(5_900_500_000);
    expect(parseAmountInput('0', 'KZT')).toBe(0);
  });
  it('refuses what is not an amount', () => {
    expect(parseAmountInput('', 'KZT')).toBeNull();
    expect(parseAmountInput('abc', 'KZT')).toBeNull();
    expect(parseAmountInput('-5', 'KZT')).toBeNull();
  });
});
