/**
 * A calendar day as the investigator picks it (`2024-09-05`, from a date field) → the UTC
 * instants it spans in the case's time zone (Asia/Almaty), for time windows on the engine.
 */
import { wallClockToUtc } from '../import/table/zone';
import { CASE_TIME_ZONE } from './money';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function wallMidnight(isoDay: string): number | null {
  const m = ISO_DAY.exec(isoDay);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** First millisecond of the day in Almaty, as UTC ms; null for anything but `YYYY-MM-DD`. */
export function caseDayStart(isoDay: string): number | null {
  const wall = wallMidnight(isoDay);
  return wall === null ? null : wallClockToUtc(wall, CASE_TIME_ZONE);
}

/** Last millisecond of the day in Almaty, as UTC ms (inclusive bound). */
export function caseDayEnd(isoDay: string): number | null {
  const wall = wallMidnight(isoDay);
  return wall === null ? null : wallClockToUtc(wall + 86_400_000, CASE_TIME_ZONE) - 1;
}

/** The case-zone calendar day of an instant, `YYYY-MM-DD` (what a date field shows for "today"). */
export function caseDayOf(epochMs: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CASE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}
