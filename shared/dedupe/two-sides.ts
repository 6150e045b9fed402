/**
 * Two sides of one transfer: an outgoing row in the sender's statement and an incoming row in
 * the receiver's. Both are real evidence; the link only stops the money being counted twice.
 */
import { describe, money, type Edge } from './edge';
import { KeyIndex, lowerBound } from './key-index';
import { blockingKeys, matchIdentity, type IdentityCache, type IdentityMatch } from './identity';
import { counterparty, owner, type Row } from './rows';
import {
  BASE,
  clampScore,
  DAY,
  formatDelta,
  IDENTITY_POINTS,
  TIME_POINTS,
  timeDelta,
  zoneShiftHours,
  HOUR,
  MINUTE,
  type DEFAULTS,
  type TimeDelta,
} from './score';
import type { Evidence } from './types';

type Options = typeof DEFAULTS;

/**
 * All plausible (out, in) pairs of one time-sorted bucket, in two passes. Near pairs (both timed,
 * within the unidentified window) are scanned directly. Pairs further apart need an identity
 * match, so they are looked up through blocking keys: a busy shop card with thousands of equal
 * payments a year costs its matches, not the square of its rows.
 */
export function twoSidesEdges(bucket: readonly Row[], cache: IdentityCache, o: Options, out: Edge[]): void {
  const outs = bucket.filter((r) => r.tx.direction === 'out');
  const ins = bucket.filter((r) => r.tx.direction === 'in');
  if (outs.length === 0 || ins.length === 0) return;
  const timedIns = ins.filter((r) => r.timed);
  const byCounterparty = new KeyIndex();
  const byOwner = new KeyIndex();
  for (const b of ins) {
    for (const k of blockingKeys(counterparty(b, cache), 'index')) byCounterparty.add(k, b);
    for (const k of blockingKeys(owner(b, cache), 'index')) byOwner.add(k, b);
    if (b.tx.txid) byCounterparty.add(`tx:${b.tx.txid.trim()}`, b);
  }
  // Date-only rows stretch over a whole day, so the lookup reaches one day further.
  const reach = o.twoSidesWindowMs + (bucket.some((r) => !r.timed) ? DAY : 0);
  const seen = new Set<Row>();
  const consider = (a: Row, b: Row): void => {
    if (b.src === a.src || seen.has(b)) return;
    seen.add(b);
    const edge = scorePair(a, b, cache, o);
    if (edge) out.push(edge);
  };
  for (const a of outs) {
    seen.clear();
    if (a.timed) {
      const near = o.unidentifiedWindowMs;
      for (let k = lowerBound(timedIns, a.t - near); k < timedIns.length; k++) {
        const b = timedIns[k];
        if (!b || b.t > a.t + near) break;
        consider(a, b);
      }
    }
    const from = a.t - reach;
    const to = a.t + reach;
    for (const key of blockingKeys(owner(a, cache), 'probe'))
      byCounterparty.within(key, from, to, (b) => consider(a, b));
    for (const key of blockingKeys(counterparty(a, cache), 'probe'))
      byOwner.within(key, from, to, (b) => consider(a, b));
    if (a.tx.txid) byCounterparty.within(`tx:${a.tx.txid.trim()}`, from, to, (b) => consider(a, b));
  }
}

function timePoints(d: TimeDelta, o: Options): { points: number; evidence: Evidence[] } {
  const abs = Math.abs(d.ms);
  const detail = formatDelta(d);
  if (d.dateOnly)
    return {
      points: abs === 0 ? TIME_POINTS.sameDay : TIME_POINTS.inWindow,
      evidence: [{ code: 'time-delta', detail }],
    };
  if (abs <= o.exactToleranceMs)
    return { points: TIME_POINTS.exact, evidence: [{ code: 'time-delta', detail }] };
  if (abs <= 15 * MINUTE)
    return { points: TIME_POINTS.within15min, evidence: [{ code: 'time-delta', detail }] };
  const shift = zoneShiftHours(abs, o.exactToleranceMs, o.maxZoneShiftHours);
  if (shift > 0)
    return {
      points: TIME_POINTS.zoneShift,
      evidence: [
        { code: 'time-delta', detail },
        {
          code: 'time-zone-shift',
          detail: `${shift} h apart to the minute: the banks print different time zones`,
        },
      ],
    };
  const points =
    abs <= 2 * HOUR ? TIME_POINTS.within2h : abs <= DAY ? TIME_POINTS.within24h : TIME_POINTS.inWindow;
  return { points, evidence: [{ code: 'time-delta', detail }] };
}

function identityPoints(m: IdentityMatch): number {
  switch (m.level) {
    case 'id':
      return IDENTITY_POINTS.id;
    case 'masked':
      return IDENTITY_POINTS.masked;
    case 'name':
      return IDENTITY_POINTS.name;
    case 'conflict':
      return IDENTITY_POINTS.conflict;
    case 'none':
    case 'hard-conflict':
      return 0;
  }
}

function identityEvidence(m: IdentityMatch, who: string, whom: string): Evidence[] {
  if (m.level === 'id' || m.level === 'masked' || m.level === 'name')
    return [{ code: 'counterparty-matches-owner', detail: `${who}'s counterparty is ${whom}: ${m.detail}` }];
  if (m.level === 'conflict')
    return [{ code: 'counterparty-mismatch', detail: `${who}'s counterparty is not ${whom}: ${m.detail}` }];
  return [];
}

const positive = (m: IdentityMatch): boolean =>
  m.level === 'id' || m.level === 'masked' || m.level === 'name';

export function scorePair(a: Row, b: Row, cache: IdentityCache, o: Options): Edge | null {
  const d = timeDelta(a, b);
  const abs = Math.abs(d.ms);
  if (abs > o.twoSidesWindowMs) return null;
  const txA = a.tx.txid?.trim();
  const txB = b.tx.txid?.trim();
  // A transaction hash is unique: two different ones are two different transfers.
  if (txA && txB && txA !== txB) return null;
  const sameTxid = Boolean(txA && txA === txB);

  const receiverSide = matchIdentity(counterparty(b, cache), owner(a, cache));
  const senderSide = matchIdentity(counterparty(a, cache), owner(b, cache));
  if (!sameTxid && (receiverSide.level === 'hard-conflict' || senderSide.level === 'hard-conflict'))
    return null;
  const identified = positive(receiverSide) || positive(senderSide);
  // Without an identity match only near-simultaneous timed bookings say anything: a date alone
  // matches every equal payment that day.
  if (!sameTxid && !identified && (d.dateOnly || abs > o.unidentifiedWindowMs)) return null;

  const time = timePoints(d, o);
  const evidence: Evidence[] = [
    { code: 'same-amount', detail: money(a) },
    { code: 'same-currency', detail: a.tx.currency.trim().toUpperCase() },
    { code: 'opposite-directions', detail: `out in ${describe(a)}, in in ${describe(b)}` },
    ...time.evidence,
    ...identityEvidence(receiverSide, 'receiver', 'the sender'),
    ...identityEvidence(senderSide, 'sender', 'the receiver'),
  ];
  if (sameTxid) evidence.push({ code: 'same-txid', detail: txA ?? '' });
  const score = sameTxid
    ? 1
    : clampScore(BASE + time.points + identityPoints(receiverSide) + identityPoints(senderSide));
  // Conclusive: the same minute, the same amount and at least one side naming the other by number.
  const byNumber = (m: IdentityMatch): boolean => m.level === 'id' || m.level === 'masked';
  const conflict = receiverSide.level === 'conflict' || senderSide.level === 'conflict';
  const strong =
    sameTxid ||
    (!d.dateOnly &&
      abs <= o.exactToleranceMs &&
      !conflict &&
      (byNumber(receiverSide) || byNumber(senderSide)));
  return { kind: 'two-sides', a, b, score, strong, deltaMs: d.ms, evidence };
}
