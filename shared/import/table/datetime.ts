/**
 * Dates and times as statements write them, to UTC epoch milliseconds.
 *
 * Accepted: Excel serials (1900 system with Lotus's phantom 1900-02-29, or the 1904 system),
 * `dd.mm.yy`, `dd.mm.yyyy`, `dd/mm/yyyy`, `dd-mm-yyyy`, each with optional `HH:MM[:SS[.fff]]`;
 * `yyyy.mm.dd`, `yyyy-mm-dd`, `yyyy/mm/dd` with optional time (VTB `2024.03.01 10:15:00`);
 * ISO-8601 with `Z` or `±hh:mm`. Day comes before month: Kazakh banks never write mm/dd.
 * A trailing Russian `г.` is ignored.
 *
 * Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999 (the POSIX `%y` pivot; every
 * statement postdates 1991, so nothing real falls on the wrong side).
 */
import type { Cell, Parsed } from './cell';
import { fail, ok, show } from './cell';
import { wallClockToUtc } from './zone';

export const DEFAULT_ZONE = 'Asia/Almaty';

export interface DateTimeOptions {
  /** IANA zone or fixed offset the local times are in; 'UTC' for `Date(UTC)` columns. */
  zone?: string;
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
}

export interface DateTimeValue {
  /** UTC epoch milliseconds. */
  ms: number;
  /** False when the source had only a date (then `ms` is local midnight). */
  hasTime: boolean;
}

const DAY = 86_400_000;
// 1899-12-30: serial 0 after Lotus's phantom leap day; serials below 61 count from 1899-12-31.
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const MAX_SERIAL = 2_958_465; // 9999-12-31

const DMY =
  /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:\s*г\.?)?(?:[\sT,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,3})\d*)?)?)?$/;
const YMD =
  /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SPACES = /[\s\u00a0\u202f]+/g;

export function parseDateTime(cell: Cell, options?: DateTimeOptions): Parsed<DateTimeValue> {
  const zone = options?.zone ?? DEFAULT_ZONE;
  if (typeof cell === 'number') return dateOfSerial(cell, options?.date1904 === true, zone);
  if (cell === null) return fail('date is empty');
  if (typeof cell === 'boolean') return fail(`date ${show(cell)} is not a date`);
  const fast = cell.length === 19 || cell.length === 10 ? fastDmy(cell, zone) : null;
  if (fast !== null) return fast;
  const text = cell.indexOf('\u00a0') >= 0 || cell.indexOf('  ') >= 0 ? cell.replace(SPACES, ' ') : cell;
  const trimmed = text.trim();
  if (trimmed === '') return fail('date is empty');
  let match = DMY.exec(trimmed);
  if (match) {
    const yearText = match[3] ?? '';
    let year = Number(yearText);
    if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
    return build(cell, year, match[2], match[1], match, null, zone);
  }
  match = YMD.exec(trimmed);
  if (match) return build(cell, Number(match[1]), match[2], match[3], match, match[8] ?? null, zone);
  return fail(`date ${show(cell)} is not in a known date format (dd.mm.yyyy, yyyy-mm-dd, …)`);
}

function build(
  cell: string,
  year: number,
  monthText: string | undefined,
  dayText: string | undefined,
  match: RegExpExecArray,
  offsetText: string | null,
  zone: string,
): Parsed<DateTimeValue> {
  const hasTime = match[4] !== undefined;
  return buildFields(
    cell,
    year,
    Number(monthText),
    Number(dayText),
    hasTime,
    hasTime ? Number(match[4]) : 0,
    hasTime ? Number(match[5]) : 0,
    match[6] !== undefined ? Number(match[6]) : 0,
    match[7] !== undefined ? Number(match[7].padEnd(3, '0')) : 0,
    offsetText,
    zone,
  );
}

function buildFields(
  cell: string,
  year: number,
  month: number,
  day: number,
  hasTime: boolean,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetText: string | null,
  zone: string,
): Parsed<DateTimeValue> {
  if (month < 1 || month > 12) return fail(`date ${show(cell)} has month ${month}, not 1–12`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return fail(`date ${show(cell)} has day ${day}, but that month has ${days}`);
  if (hour > 23 || minute > 59 || second > 59)
    return fail(`date ${show(cell)} has an impossible time of day`);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (offsetText !== null) return ok({ ms: wall - offsetMs(offsetText), hasTime });
  const ms = wallClockToUtc(wall, zone);
  if (Number.isNaN(ms)) return fail(`time zone "${zone}" is not known to this computer`);
  return ok({ ms, hasTime });
}

/** Digit value of `text[i]`, or -1. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * The shapes nearly every statement uses, `dd.mm.yyyy` and `dd.mm.yyyy HH:MM:SS`, read without
 * the regex; null for anything else (the general path then decides, with the same result).
 */
function fastDmy(cell: string, zone: string): Parsed<DateTimeValue> | null {
  const d1 = digitAt(cell, 0);
  const d2 = digitAt(cell, 1);
  const m1 = digitAt(cell, 3);
  const m2 = digitAt(cell, 4);
  const y1 = digitAt(cell, 6);
  const y2 = digitAt(cell, 7);
  const y3 = digitAt(cell, 8);
  const y4 = digitAt(cell, 9);
  if ((d1 | d2 | m1 | m2 | y1 | y2 | y3 | y4) < 0 || cell.charCodeAt(2) !== 46 || cell.charCodeAt(5) !== 46) {
    return null;
  }
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (cell.length === 10) return buildFields(cell, year, month, day, false, 0, 0, 0, 0, null, zone);
  const h1 = digitAt(cell, 11);
  const h2 = digitAt(cell, 12);
  const i1 = digitAt(cell, 14);
  const i2 = digitAt(cell, 15);
  const s1 = digitAt(cell, 17);
  const s2 = digitAt(cell, 18);
  if (
    (h1 | h2 | i1 | i2 | s1 | s2) < 0 ||
    cell.charCodeAt(10) !== 32 ||
    cell.charCodeAt(13) !== 58 ||
    cell.charCodeAt(16) !== 58
  ) {
    return null;
  }
  return buildFields(cell, year, month, day, true, h1 * 10 + h2, i1 * 10 + i2, s1 * 10 + s2, 0, null, zone);
}

function offsetMs(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.charCodeAt(0) === 45 ? -1 : 1;
  const hours = Number(text.slice(1, 3));
  const minutes = text.length > 3 ? Number(text.slice(text.length - 2)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function dateOfSerial(serial: number, date1904: boolean, zone: string): Parsed<DateTimeValue> {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > MAX_SERIAL) {
    return fail(`date ${serial} is not an Excel date (expected a serial between 1 and ${MAX_SERIAL})`);
  }
  const whole = Math.floor(serial);
  let base: number;
  if (date1904) base = EXCEL_EPOCH_1904;
  else if (whole === 60) return fail('date 60 is 1900-02-29, a day that exists only in Excel');
  else base = whole < 60 ? EXCEL_EPOCH_1900 + DAY : EXCEL_EPOCH_1900;
  // Serial fractions carry float noise; round to the millisecond, then to the second when within 1 ms.
  let timeMs = Math.round((serial - whole) * DAY);
  const nearestSecond = Math.round(timeMs / 1000) * 1000;
  if (Math.abs(timeMs - nearestSecond) <= 1) timeMs = nearestSecond;
  const wall = base + whole * DAY + timeMs;
  const ms = wallClockToUtc(wall, zone);
  if (Number.isNaN(ms)) return fail(`time zone "${zone}" is not known to this computer`);
  return ok({ ms, hasTime: timeMs !== 0 });
}
