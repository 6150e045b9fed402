/**
 * Wall-clock time in a named IANA zone → UTC, with nothing but `Intl.DateTimeFormat`.
 *
 * Statements print local time. Asia/Almaty was UTC+6 until 2024-03-01 00:00 local, then UTC+5:
 * the clocks went from 2024-02-29 23:59:59 (+6) back to 23:00:00 (+5), so 23:00–23:59 that
 * evening happened twice. For such repeated times we take the earlier instant; for times that
 * never happened (DST gaps, Almaty until 2004) the later reading, as Temporal's "compatible"
 * disambiguation does. The runtime's tz database decides the history (Node 20's ICU carries it).
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** Local-day number → offset valid for that whole local day, or NaN when it has a transition. */
  days: Map<number, number>;
}

const zones = new Map<string, ZoneCache | null>();
// The zone and local day of the last `wallClockToUtc` call, resolved.
let lastZone: string | null = null;
let lastFixed: number | null = null;
let lastCache: ZoneCache | null = null;
let lastDay = Number.NaN;
let lastDayOffset = Number.NaN;
const FIXED = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

function zoneCache(zone: string): ZoneCache | null {
  let cache = zones.get(zone);
  if (cache !== undefined) return cache;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    cache = { format, days: new Map() };
  } catch {
    cache = null;
  }
  zones.set(zone, cache);
  return cache;
}

/** Offset (local − UTC, ms) of the zone at a UTC instant. */
function offsetAt(cache: ZoneCache, utcMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of cache.format.formatToParts(utcMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
    }
  }
  const local = Date.UTC(bc ? 1 - year : year, month - 1, day, hour, minute, second);
  return local - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** Fixed offsets (`+05:00`, `UTC+6`) in ms, or null when `zone` is not one. */
function fixedOffset(zone: string): number | null {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT') return 0;
  const match = FIXED.exec(zone);
  if (!match) return null;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * HOUR + Number(match[3] ?? 0) * 60_000);
}

/** True when `zone` is an IANA name or a fixed offset this runtime knows. */
export function isKnownZone(zone: string): boolean {
  return fixedOffset(zone) !== null || zoneCache(zone) !== null;
}

/**
 * Converts wall-clock milliseconds (the local date and time written as if it were UTC) to the
 * UTC instant. Returns NaN for an unknown zone.
 */
export function wallClockToUtc(wallMs: number, zone: string): number {
  if (zone !== lastZone) {
    lastFixed = fixedOffset(zone);
    lastCache = lastFixed === null ? zoneCache(zone) : null;
    lastZone = zone;
    lastDay = Number.NaN;
  }
  const fixed = lastFixed;
  if (fixed !== null) return wallMs - fixed;
  const cache = lastCache;
  if (cache === null) return Number.NaN;
  const dayKey = Math.floor(wallMs / DAY);
  // Consecutive rows mostly fall on one day: skip the map for a repeat.
  if (dayKey === lastDay && !Number.isNaN(lastDayOffset)) return wallMs - lastDayOffset;
  let offset = cache.days.get(dayKey);
  if (offset === undefined) {
    // One offset a day before and two days after: no zone changes twice within three days.
    const early = offsetAt(cache, dayKey * DAY - DAY);
    const late = offsetAt(cache, dayKey * DAY + 2 * DAY);
    offset = early === late ? early : Number.NaN;
    if (cache.days.size > 200_000) cache.days.clear();
    cache.days.set(dayKey, offset);
  }
  lastDay = dayKey;
  lastDayOffset = offset;
  if (!Number.isNaN(offset)) return wallMs - offset;
  return resolveNearTransition(cache, wallMs);
}

function resolveNearTransition(cache: ZoneCache, wallMs: number): number {
  const early = offsetAt(cache, wallMs - DAY);
  const late = offsetAt(cache, wallMs + DAY);
  const first = wallMs - early;
  const second = wallMs - late;
  const firstValid = offsetAt(cache, first) === early;
  const secondValid = offsetAt(cache, second) === late;
  if (firstValid && secondValid) return Math.min(first, second); // repeated hour: the earlier one
  if (firstValid) return first;
  if (secondValid) return second;
  return first; // skipped hour: read with the offset before the jump, landing after it
}

/** The zone's offset at an instant, for tests and for showing "UTC+5" beside a time. */
export function zoneOffsetAt(utcMs: number, zone: string): number {
  const fixed = fixedOffset(zone);
  if (fixed !== null) return fixed;
  const cache = zoneCache(zone);
  return cache === null ? Number.NaN : offsetAt(cache, utcMs);
}
