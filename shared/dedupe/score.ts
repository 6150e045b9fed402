/**
 * Scoring weights. A score is a sum of explainable parts, each one backed by an evidence line,
 * so a reviewer can see why two rows were put side by side. Steps rather than curves: "within
 * 15 minutes" is something an investigator can check against the statements; 0.8731 is not.
 */
import type { DedupeOptions } from './types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const DEFAULTS: Required<Omit<DedupeOptions, 'decisions'>> = {
  // Friday-evening transfers are booked by the receiving bank on Monday.
  twoSidesWindowMs: 72 * HOUR,
  // A drug shop's card receives the same price many times a day: without an identity match only
  // near-simultaneous bookings are plausible, anything else would flood the review queue.
  unidentifiedWindowMs: 10 * MINUTE,
  overlapWindowMs: 2 * MINUTE,
  exactToleranceMs: 2 * MINUTE,
  // Almaty moved from UTC+6 to UTC+5 in 2024; Moscow-based processors print UTC+3; some exports UTC.
  maxZoneShiftHours: 6,
  ambiguityMargin: 0,
};

/** Same amount, currency and the right directions in two different files: the precondition. */
export const BASE = 0.35;

export const TIME_POINTS = {
  exact: 0.25,
  within15min: 0.2,
  zoneShift: 0.15,
  within2h: 0.15,
  within24h: 0.1,
  sameDay: 0.1,
  inWindow: 0.05,
};

/** Per direction of a two-sides pair (sender's counterparty vs receiver, and back). */
export const IDENTITY_POINTS = { id: 0.2, masked: 0.15, name: 0.1, conflict: -0.15 };

export const OVERLAP_POINTS = {
  exact: 0.25,
  near: 0.15,
  sameDay: 0.1,
  sameOwnAccount: 0.2,
  sameDescription: 0.1,
  sameCounterparty: 0.05,
  sameBalance: 0.1,
  periodsOverlap: 0.05,
};

/** An ambiguous pair is kept (the rows are still linked to something) but never looks certain. */
export const AMBIGUOUS_FACTOR = 0.6;

export function clampScore(x: number): number {
  // Rounded so that float noise from summing weights never decides a tie.
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

export interface TimeDelta {
  /** Signed ms from the first row to the second, after allowing for date-only rows. */
  ms: number;
  dateOnly: boolean;
}

/**
 * A date-only row's `bookedAt` is the start of its day, so it covers [t, t + 1 day): the distance
 * is measured to that interval. Two date-only rows are whole days apart.
 */
export function timeDelta(x: { t: number; timed: boolean }, y: { t: number; timed: boolean }): TimeDelta {
  const raw = y.t - x.t;
  if (x.timed && y.timed) return { ms: raw, dateOnly: false };
  if (!x.timed && !y.timed) return { ms: raw, dateOnly: true };
  const [start, point, sign] = x.timed ? [y.t, x.t, -1] : [x.t, y.t, 1];
  const d = point < start ? point - start : point >= start + DAY ? point - (start + DAY) + 1 : 0;
  return { ms: sign * d, dateOnly: true };
}

export function formatDelta(d: TimeDelta): string {
  const abs = Math.abs(d.ms);
  const sign = d.ms === 0 ? '' : d.ms > 0 ? '+' : '-';
  if (d.dateOnly)
    return abs === 0 ? 'same day (date only)' : `${sign}${Math.ceil(abs / DAY)} day(s) (date only)`;
  const min = Math.round(abs / MINUTE);
  return min < 120 ? `${sign}${min} min` : `${sign}${Math.floor(min / 60)} h ${min % 60} min`;
}

/** Whole-hour offset (1..max) within tolerance, or 0. */
export function zoneShiftHours(absMs: number, toleranceMs: number, maxHours: number): number {
  const hours = Math.round(absMs / HOUR);
  return hours >= 1 && hours <= maxHours && Math.abs(absMs - hours * HOUR) <= toleranceMs ? hours : 0;
}
