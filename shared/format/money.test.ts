import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, timeZoneLabel } from './money';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('prints tenge the way a Russian-speaking investigator reads it', () => {
    expect(formatMoney(123_456_789, 'KZT', 'ru')).toBe(`1${NBSP}234${NBSP}567,89${NBSP}₸`);
    expect(formatMoney(-500_000, 'KZT', 'ru')).toBe(`-5${NBSP}000,00${NBSP}₸`);
  });

  it('uses the same grouping in Kazakh and English grouping in English', () => {
    expect(formatMoney(123_456_789, 'KZT', 'kk')).toBe(`1${NBSP}234${NBSP}567,89${NBSP}₸`);
    expect(formatMoney(123_456_789, 'KZT', 'en')).toBe('₸1,234,567.89');
  });

  it('keeps six decimals for USDT and names it', () => {
    expect(formatMoney(1_500_250_000, 'USDT', 'ru')).toBe(`1${NBSP}500,250000${NBSP}USDT`);
  });

  it('never loses a tiyn to float rounding', () => {
    expect(formatMoney(1, 'KZT', 'ru')).toBe(`0,01${NBSP}₸`);
    expect(formatMoney(999_999_999_999, 'KZT', 'ru')).toBe(`9${NBSP}999${NBSP}999${NBSP}999,99${NBSP}₸`);
  });
});

describe('dates in Asia/Almaty', () => {
  // 2026-11-25T12:09:00Z is 17:09 in Almaty (UTC+5 since 1 March 2024).
  const instant = Date.UTC(2026, 10, 25, 12, 9);

  it('show Almaty wall-clock time whatever the machine zone is', () => {
    expect(formatDateTime(instant, 'ru')).toBe('25.11.2026 17:09');
    expect(formatDateTime(instant, 'kk')).toBe('25.11.2026 17:09');
    expect(formatDate(instant, 'en')).toBe('25/11/2026');
  });

  it('apply UTC+6 before the 2024 change', () => {
    expect(formatDateTime(Date.UTC(2023, 0, 10, 12, 0), 'ru')).toBe('10.01.2023 18:00');
  });

  it('name the zone and its offset', () => {
    expect(timeZoneLabel(instant)).toBe('Asia/Almaty (GMT+5)');
  });
});
