import { describe, expect, it } from 'vitest';
import { parseDateTime } from './datetime';
import { wallClockToUtc, zoneOffsetAt } from './zone';

const ms = (cell: Parameters<typeof parseDateTime>[0], options?: Parameters<typeof parseDateTime>[1]) => {
  const result = parseDateTime(cell, options);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const reason = (cell: Parameters<typeof parseDateTime>[0]) => {
  const result = parseDateTime(cell);
  return result.ok ? 'parsed' : result.reason;
};
const H = 3_600_000;

describe('Asia/Almaty history (UTC+6 until 2024-03-01 00:00 local, then UTC+5)', () => {
  it('the runtime tz database knows the change', () => {
    expect(zoneOffsetAt(Date.UTC(2024, 1, 29, 17, 59), 'Asia/Almaty')).toBe(6 * H);
    expect(zoneOffsetAt(Date.UTC(2024, 1, 29, 18, 0), 'Asia/Almaty')).toBe(5 * H);
  });

  it('reads local times on both sides of the change', () => {
    expect(ms('29.02.2024 12:00:00').ms).toBe(Date.UTC(2024, 1, 29, 6));
    expect(ms('01.03.2024 12:00:00').ms).toBe(Date.UTC(2024, 2, 1, 7));
    expect(ms('01.03.2024 00:00:00').ms).toBe(Date.UTC(2024, 1, 29, 19));
    expect(ms('15.01.2020').ms).toBe(Date.UTC(2020, 0, 14, 18));
    expect(ms('2025-06-01').ms).toBe(Date.UTC(2025, 4, 31, 19));
  });

  it('takes the earlier instant for the repeated hour 23:00–23:59 on 2024-02-29', () => {
    expect(ms('29.02.2024 23:30').ms).toBe(Date.UTC(2024, 1, 29, 17, 30));
    expect(wallClockToUtc(Date.UTC(2024, 1, 29, 22, 59), 'Asia/Almaty')).toBe(Date.UTC(2024, 1, 29, 16, 59));
  });

  it('reads skipped DST hours (Almaty 2001) as after the jump', () => {
    // 2001-03-25 00:00 local +6 → 01:00 +7: 00:30 never happened.
    expect(wallClockToUtc(Date.UTC(2001, 2, 25, 0, 30), 'Asia/Almaty')).toBe(Date.UTC(2001, 2, 24, 18, 30));
  });
});

describe('parseDateTime formats', () => {
  it.each([
    ['05.03.2024', Date.UTC(2024, 2, 4, 19), false],
    ['05.03.24', Date.UTC(2024, 2, 4, 19), false],
    ['05/03/2024', Date.UTC(2024, 2, 4, 19), false],
    ['05.03.2024 14:22', Date.UTC(2024, 2, 5, 9, 22), true],
    ['05.03.2024 14:22:10', Date.UTC(2024, 2, 5, 9, 22, 10), true],
    ['2024.03.05 14:22:10', Date.UTC(2024, 2, 5, 9, 22, 10), true],
    ['2024-03-05', Date.UTC(2024, 2, 4, 19), false],
    ['2024-03-05T14:22:10Z', Date.UTC(2024, 2, 5, 14, 22, 10), true],
    ['2024-03-05T14:22:10+05:00', Date.UTC(2024, 2, 5, 9, 22, 10), true],
    ['2024-03-05T14:22:10.250+06:00', Date.UTC(2024, 2, 5, 8, 22, 10, 250), true],
    ['2024-03-05T14:22:10', Date.UTC(2024, 2, 5, 9, 22, 10), true],
    ['05.03.2024 г.', Date.UTC(2024, 2, 4, 19), false],
    ['05.03.99', Date.UTC(1999, 2, 4, 18), false],
  ])('%s', (text, expected, hasTime) => {
    expect(ms(text)).toEqual({ ms: expected, hasTime });
  });

  it('reads Date(UTC) columns in UTC when asked', () => {
    expect(ms('2024-03-05 14:22:10', { zone: 'UTC' }).ms).toBe(Date.UTC(2024, 2, 5, 14, 22, 10));
  });

  it('reads Excel serials (1900 with the Lotus bug, and 1904)', () => {
    expect(ms(45356).ms).toBe(Date.UTC(2024, 2, 4, 19));
    expect(ms(45356.5)).toEqual({ ms: Date.UTC(2024, 2, 5, 7), hasTime: true });
    expect(ms(45351.75).ms).toBe(Date.UTC(2024, 1, 29, 12)); // 29.02.2024 18:00 (+6)
    expect(ms(61, { zone: 'UTC' }).ms).toBe(Date.UTC(1900, 2, 1));
    expect(ms(59, { zone: 'UTC' }).ms).toBe(Date.UTC(1900, 1, 28));
    expect(ms(1, { zone: 'UTC' }).ms).toBe(Date.UTC(1900, 0, 1));
    expect(ms(43894, { zone: 'UTC', date1904: true }).ms).toBe(Date.UTC(2024, 2, 5));
    // 14:22:10 stored with float noise still lands on the second.
    expect(ms(45356 + (14 * 3600 + 22 * 60 + 10) / 86400 + 1e-9, { zone: 'UTC' }).ms).toBe(
      Date.UTC(2024, 2, 5, 14, 22, 10),
    );
  });

  it('rejects impossible dates with the reason', () => {
    expect(reason('31.02.2024')).toBe('date "31.02.2024" has day 31, but that month has 29');
    expect(reason('29.02.2023')).toBe('date "29.02.2023" has day 29, but that month has 28');
    expect(reason('01.13.2024')).toBe('date "01.13.2024" has month 13, not 1–12');
    expect(reason('01.01.2024 25:00')).toBe('date "01.01.2024 25:00" has an impossible time of day');
    expect(reason(60)).toBe('date 60 is 1900-02-29, a day that exists only in Excel');
    expect(reason(0)).toContain('is not an Excel date');
    expect(reason('вчера')).toContain('is not in a known date format');
    expect(reason(null)).toBe('date is empty');
    expect(parseDateTime('01.01.2024', { zone: 'Mars/Olympus' })).toEqual({
      ok: false,
      reason: 'time zone "Mars/Olympus" is not known to this computer',
    });
  });
});
