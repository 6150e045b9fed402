import { describe, expect, it } from 'vitest';
import { caseDayEnd, caseDayStart, caseDayOf } from './case-day';

describe('case days', () => {
  it('span the Almaty calendar day (UTC+5 in 2024)', () => {
    expect(caseDayStart('2024-09-05')).toBe(Date.UTC(2024, 8, 4, 19));
    expect(caseDayEnd('2024-09-05')).toBe(Date.UTC(2024, 8, 5, 19) - 1);
  });
  it('refuse anything but YYYY-MM-DD', () => {
    expect(caseDayStart('05.09.2024')).toBeNull();
    expect(caseDayEnd('')).toBeNull();
  });
});

describe('caseDayOf', () => {
  it('names the Almaty calendar day of an instant', () => {
    expect(caseDayOf(Date.UTC(2026, 10, 24, 20, 30))).toBe('2026-11-25');
    expect(caseDayOf(Date.UTC(2026, 10, 24, 12, 0))).toBe('2026-11-24');
  });
});
