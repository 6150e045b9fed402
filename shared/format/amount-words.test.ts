import { describe, expect, it } from 'vitest';
import { amountFigures, amountInWords, integerToWords, pluralRu } from './amount-words';
import { dateInWords } from './date-words';

const nb = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('integerToWords', () => {
  it.each([
    [0, 'ноль', 'нөл'],
    [1, 'один', 'бір'],
    [2, 'два', 'екі'],
    [5, 'пять', 'бес'],
    [11, 'одиннадцать', 'он бір'],
    [21, 'двадцать один', 'жиырма бір'],
    [40, 'сорок', 'қырық'],
    [99, 'девяносто девять', 'тоқсан тоғыз'],
    [101, 'сто один', 'бір жүз бір'],
    [312, 'триста двенадцать', 'үш жүз он екі'],
    [1000, 'одна тысяча', 'бір мың'],
    [1001, 'одна тысяча один', 'бір мың бір'],
    [2000, 'две тысячи', 'екі мың'],
    [5000, 'пять тысяч', 'бес мың'],
    [11000, 'одиннадцать тысяч', 'он бір мың'],
    [21000, 'двадцать одна тысяча', 'жиырма бір мың'],
    [22000, 'двадцать две тысячи', 'жиырма екі мың'],
    [1_000_000, 'один миллион', 'бір миллион'],
    [1_250_000, 'один миллион двести пятьдесят тысяч', 'бір миллион екі жүз елу мың'],
    [3_004_000, 'три миллиона четыре тысячи', 'үш миллион төрт мың'],
    [2_000_000_000, 'два миллиарда', 'екі миллиард'],
    [
      987_654_321,
      'девятьсот восемьдесят семь миллионов шестьсот пятьдесят четыре тысячи триста двадцать один',
      'тоғыз жүз сексен жеті миллион алты жүз елу төрт мың үш жүз жиырма бір',
    ],
  ])('%i → %s / %s', (n, ru, kk) => {
    expect(integerToWords(n, 'ru')).toBe(ru);
    expect(integerToWords(n, 'kk')).toBe(kk);
  });

  it('uses the feminine for feminine nouns and refuses what it cannot spell', () => {
    expect(integerToWords(1, 'ru', 'f')).toBe('одна');
    expect(integerToWords(22, 'ru', 'f')).toBe('двадцать две');
    expect(() => integerToWords(-1, 'ru')).toThrow(RangeError);
    expect(() => integerToWords(1.5, 'ru')).toThrow(RangeError);
  });

  it.each([
    [1, 'тиын'],
    [2, 'тиына'],
    [4, 'тиына'],
    [5, 'тиынов'],
    [11, 'тиынов'],
    [14, 'тиынов'],
    [21, 'тиын'],
    [22, 'тиына'],
    [50, 'тиынов'],
  ])('agrees %i %s', (n, form) => {
    expect(pluralRu(n, ['тиын', 'тиына', 'тиынов'])).toBe(form);
  });
});

describe('amountInWords', () => {
  it.each([
    [125_000_000, 'KZT', 'ru', '1 250 000,00 (один миллион двести пятьдесят тысяч) тенге 00 тиын'],
    [125_000_000, 'KZT', 'kk', '1 250 000,00 (бір миллион екі жүз елу мың) теңге 00 тиын'],
    [101, 'KZT', 'ru', '1,01 (один) тенге 01 тиын'],
    [202, 'KZT', 'ru', '2,02 (два) тенге 02 тиына'],
    [555, 'KZT', 'ru', '5,55 (пять) тенге 55 тиынов'],
    [2111, 'KZT', 'ru', '21,11 (двадцать один) тенге 11 тиынов'],
    [0, 'KZT', 'ru', '0,00 (ноль) тенге 00 тиын'],
    [200_000_000_000, 'KZT', 'ru', '2 000 000 000,00 (два миллиарда) тенге 00 тиын'],
    [2150, 'KZT', 'kk', '21,50 (жиырма бір) теңге 50 тиын'],
    [100_000, 'USD', 'ru', '1 000,00 (одна тысяча) долларов США 00 центов'],
    [2_101, 'USD', 'ru', '21,01 (двадцать один) доллар США 01 цент'],
    [12_500_500_000, 'USDT', 'ru', '12 500,50 (двенадцать тысяч пятьсот) USDT 50 центов'],
    [12_500_500_000, 'USDT', 'kk', '12 500,50 (он екі мың бес жүз) USDT 50 цент'],
    [1_123_456, 'USDT', 'ru', '1,123456 (один) USDT 0,123456'],
    [300_000_000, 'USDT', 'ru', '300,00 (триста) USDT 00 центов'],
    [1_500, 'XYZ', 'ru', '15,00 (пятнадцать) XYZ'],
  ])('%i %s %s', (minor, currency, lang, expected) => {
    expect(nb(amountInWords(minor, currency, lang as 'ru' | 'kk').full)).toBe(expected);
  });

  it('groups figures with no-break spaces and comma decimals', () => {
    expect(amountFigures(123_456_789, 'KZT')).toBe('1\u00a0234\u00a0567,89');
    expect(amountFigures(5, 'KZT')).toBe('0,05');
    expect(amountFigures(1_000_000, 'USDT')).toBe('1,00');
  });
});

describe('dateInWords', () => {
  it('writes the letter date in the case zone', () => {
    // 20:00 UTC on the 24th is already the 25th in Almaty (UTC+5).
    const date = new Date(Date.UTC(2026, 10, 24, 20, 0));
    expect(nb(dateInWords(date, 'ru'))).toBe('25 ноября 2026 года');
    expect(nb(dateInWords(date, 'kk'))).toBe('2026 жылғы 25 қараша');
    expect(nb(dateInWords(new Date(Date.UTC(2027, 0, 1, 6)), 'ru'))).toBe('1 января 2027 года');
  });
});
