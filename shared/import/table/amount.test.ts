import { describe, expect, it } from 'vitest';
import { inferDecimalSeparator, parseAmount } from './amount';

const minor = (cell: Parameters<typeof parseAmount>[0], options?: Parameters<typeof parseAmount>[1]) => {
  const result = parseAmount(cell, options);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const reason = (cell: Parameters<typeof parseAmount>[0], options?: Parameters<typeof parseAmount>[1]) => {
  const result = parseAmount(cell, options);
  return result.ok ? `parsed ${result.value.minor}` : result.reason;
};

describe('parseAmount', () => {
  it.each([
    ['- 5 000,00 ₸', -500000, 'KZT'],
    ['5 000.00', 500000, null],
    ['1,234.56', 123456, null],
    ['1.234,56', 123456, null],
    ['-46 800,00', -4680000, null],
    ['(1 200,00)', -120000, null],
    ['+5000', 500000, null],
    ['5\u00a0000,00', 500000, null],
    ['1\u202f234\u202f567,89', 123456789, null],
    ['1\u2009234,5', 123450, null],
    ['KZT 1 500', 150000, 'KZT'],
    ['1 500 тг.', 150000, 'KZT'],
    ['1 500 тенге', 150000, 'KZT'],
    ['$12.50', 1250, 'USD'],
    ['12,50 USD', 1250, 'USD'],
    ['€ 3,00', 300, 'EUR'],
    ['100 ₽', 10000, 'RUB'],
    ['250 RUB', 25000, 'RUB'],
    ['1 200,00 CR', 120000, null],
    ['1 200,00 DR', -120000, null],
    ['1200-', -120000, null],
    ['−7,5', -750, null],
    [',50', 50, null],
    ['1,234', 123400, null],
    ['1.234', 123400, null],
    ['1,23', 123, null],
    ['0,5', 50, null],
    ['12 345 678', 1234567800, null],
  ])('%s', (text, expected, currency) => {
    expect(minor(text)).toEqual({ minor: expected, currency });
  });

  it('rounds numeric cells on their shortest decimal form, half away from zero', () => {
    expect(minor(1234.565).minor).toBe(123457);
    expect(minor(0.1 + 0.2).minor).toBe(30);
    expect(minor(1.005).minor).toBe(101);
    expect(minor(-2.675).minor).toBe(-268);
    expect(minor(46800).minor).toBe(4680000);
    expect(minor(-0.001).minor).toBe(0);
  });

  it('uses the currency’s minor digits (USDT has 6)', () => {
    expect(minor('1.234567 USDT', { fractionDigits: 6 })).toEqual({ minor: 1234567, currency: 'USDT' });
    expect(minor('12,000.5', { fractionDigits: 6 }).minor).toBe(12000500000);
    expect(minor('1.234', { fractionDigits: 6 }).minor).toBe(1234000);
    expect(minor('12,000', { fractionDigits: 6 }).minor).toBe(12000000000);
  });

  it('follows a column’s decimal separator when given', () => {
    expect(reason('1,234', { decimalSeparator: ',' })).toBe(
      'amount "1,234" has 3 decimal places, more than the currency\'s 2',
    );
    expect(minor('1.234', { decimalSeparator: ',' }).minor).toBe(123400);
    expect(minor('1,234', { decimalSeparator: '.' }).minor).toBe(123400);
  });

  it('rejects with reasons a person can act on', () => {
    expect(reason('12,3,4')).toBe('amount "12,3,4" is not a number: a digit group of 1 where 3 are expected');
    expect(reason('abc')).toBe('amount "abc" has no digits');
    expect(reason('')).toBe('amount is empty');
    expect(reason(null)).toBe('amount is empty');
    expect(reason('12 руб коп')).toBe('amount "12 руб коп" has unexpected text "коп"');
    expect(reason('(12')).toBe('amount "(12" has an unbalanced bracket');
    expect(reason('1,234,56')).toContain('a digit group of 2');
    expect(reason('1234,567')).toContain('3 decimal places');
    expect(reason('12.34.56')).toContain('not a number');
    expect(reason('1 2x3')).toBe('amount "1 2x3" is not a number');
    expect(reason(Number.NaN)).toBe('amount NaN is not a finite number');
    expect(reason(true)).toBe('amount "true" is not a number');
    expect(reason('99999999999999999')).toBe('amount "99999999999999999" is too large');
    expect(minor('12,300')).toEqual({ minor: 1230000, currency: null });
    expect(minor('12,30000').minor).toBe(1230);
  });
});

describe('inferDecimalSeparator', () => {
  it('reads the decimal mark off the unambiguous cells', () => {
    expect(inferDecimalSeparator(['1 234,56', '1,234', 100])).toBe(',');
    expect(inferDecimalSeparator(['1,234.56', '1,234'])).toBe('.');
    expect(inferDecimalSeparator(['1,234,567'])).toBe('.');
    expect(inferDecimalSeparator(['1.234.567'])).toBe(',');
    expect(inferDecimalSeparator(['1,234', '5,678'])).toBeNull();
    expect(inferDecimalSeparator([12.5, null])).toBeNull();
  });
});
