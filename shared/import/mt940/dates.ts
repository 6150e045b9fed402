import { daysInMonth, isCalendarDate, isoDate } from '../bank-statement';

/**
 * Two-digit years: 00–79 -> 2000–2079, 80–99 -> 1980–1999. MT940 dates from the 1980s/90s
 * still turn up in archived statements; the peer parser (WoLpH/mt940) maps every YY to 20YY,
 * which agrees with us for all years up to 2079 and differs only for 80–99 (see PEER-DIFFERENCES.md).
 */
export const YEAR_PIVOT = 80;

export function expandYear(yy: number): number {
  return yy < YEAR_PIVOT ? 2000 + yy : 1900 + yy;
}

export type DateResult =
  { ok: true; date: string; year: number; month: number; repaired?: string } | { ok: false; reason: string };

/**
 * A calendar date from year/month/day. Day 30 or 31 of a shorter month is repaired to the last
 * day of that month: German banks book interest on a 30-day-month basis and really do send
 * `160230` (30 February). The entry is real money, so it is kept with a warning, not dropped.
 */
export function makeDate(year: number, month: number, day: number, text: string): DateResult {
  if (isCalendarDate(year, month, day)) return { ok: true, date: isoDate(year, month, day), year, month };
  if (month >= 1 && month <= 12 && day >= 29 && day <= 31) {
    const last = daysInMonth(year, month);
    return {
      ok: true,
      date: isoDate(year, month, last),
      year,
      month,
      repaired: `date \`${text}\` does not exist; read as ${isoDate(year, month, last)}`,
    };
  }
  return { ok: false, reason: `date \`${text}\` is not a valid date` };
}

/** YYMMDD */
export function parseYymmdd(text: string): DateResult {
  if (!/^\d{6}$/.test(text)) return { ok: false, reason: `date \`${text}\` is not YYMMDD` };
  return makeDate(
    expandYear(Number(text.slice(0, 2))),
    Number(text.slice(2, 4)),
    Number(text.slice(4, 6)),
    text,
  );
}

/**
 * The :61: entry (booking) date is MMDD without a year. It is normally within days of the
 * value date, so take the year that puts it closest: value 2019-12-31 with entry `0102` is
 * 2020-01-02; value 2020-01-02 with entry `1231` is 2019-12-31.
 */
export function parseEntryDate(mmdd: string, valueYear: number, valueMonth: number): DateResult {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  let year = valueYear;
  if (month - valueMonth > 6) year -= 1;
  else if (valueMonth - month > 6) year += 1;
  return makeDate(year, month, day, mmdd);
}
