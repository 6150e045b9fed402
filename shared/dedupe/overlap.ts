/**
 * Overlapping exports: the same account exported twice (Jan–Mar and Mar–May) repeats the rows
 * of the shared weeks. Same direction, same moment, same account; one copy must not be counted.
 */
import { describe, money, type Edge } from './edge';
import { accountKeys, matchIdentity, sameAccount, type IdentityCache } from './identity';
import { KeyIndex } from './key-index';
import { compareRows, counterparty, owner, type Row } from './rows';
import { BASE, clampScore, DAY, formatDelta, OVERLAP_POINTS, timeDelta, type DEFAULTS } from './score';
import type { DedupeSource, Evidence } from './types';

type Options = typeof DEFAULTS;

function normalizedDescription(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** [from, to] of a file's stated periods, or null when it states none. */
export function sourcePeriod(source: DedupeSource): [number, number] | null {
  let from = Infinity;
  let to = -Infinity;
  for (const a of source.accounts) {
    if (a.periodFrom !== undefined) from = Math.min(from, a.periodFrom);
    if (a.periodTo !== undefined) to = Math.max(to, a.periodTo);
  }
  return Number.isFinite(from) && Number.isFinite(to) ? [from, to] : null;
}

/**
 * All plausible same-direction pairs across files in one time-sorted bucket. Timed rows are
 * scanned within the (minutes-wide) window. A date-only row spans a day, so it is looked up by
 * what an overlap needs anyway, a shared account number or the same wording, instead of against
 * every equal payment that day.
 */
export function overlapEdges(
  bucket: readonly Row[],
  periods: readonly ([number, number] | null)[],
  cache: IdentityCache,
  o: Options,
  out: Edge[],
): void {
  const consider = (x: Row, y: Row): void => {
    if (y.src === x.src || y.tx.direction !== x.tx.direction) return;
    // `a` is always the file with the smaller SHA-256, so a pair has one spelling.
    const [a, b] = x.src < y.src ? [x, y] : [y, x];
    const edge = scoreOverlap(a, b, periods, cache, o);
    if (edge) out.push(edge);
  };
  const timed = bucket.filter((r) => r.timed);
  for (let i = 0; i < timed.length; i++) {
    const x = timed[i];
    if (!x) continue;
    for (let j = i + 1; j < timed.length; j++) {
      const y = timed[j];
      if (!y || y.t - x.t > o.overlapWindowMs) break;
      consider(x, y);
    }
  }
  if (timed.length === bucket.length) return;

  const index = new KeyIndex();
  for (const r of bucket) for (const k of overlapKeys(r, cache, 'index')) index.add(k, r);
  const reach = o.overlapWindowMs + DAY;
  const seen = new Set<Row>();
  for (const x of bucket) {
    if (x.timed) continue;
    seen.clear();
    for (const k of overlapKeys(x, cache, 'probe'))
      index.within(k, x.t - reach, x.t + reach, (y) => {
        // A timed partner is met from this side only; two date-only rows once, from the earlier.
        const metAlready = !y.timed && (y.t < x.t || (y.t === x.t && compareRows(y, x) <= 0));
        if (metAlready || seen.has(y)) return;
        seen.add(y);
        consider(x, y);
      });
  }
}

/**
 * What an overlap pair must share: an account number of the statement's own, or the txid; or,
 * when one side does not say whose account it is, the bank's wording. "Перевод" is on half the
 * rows of a statement, so wording is only indexed for (`du:`) and probed by (`d:`) rows whose
 * account is unknown, never used between two rows that both name their account.
 */
function overlapKeys(r: Row, cache: IdentityCache, role: 'index' | 'probe'): string[] {
  const own = accountKeys(owner(r, cache));
  const keys = own.slice();
  const description = normalizedDescription(r.tx.description);
  if (description.length > 0) {
    if (role === 'index') {
      keys.push(`d:${description}`);
      if (own.length === 0) keys.push(`du:${description}`);
    } else keys.push(own.length === 0 ? `d:${description}` : `du:${description}`);
  }
  const txid = r.tx.txid?.trim();
  if (txid) keys.push(`tx:${txid}`);
  return keys;
}

function scoreOverlap(
  a: Row,
  b: Row,
  periods: readonly ([number, number] | null)[],
  cache: IdentityCache,
  o: Options,
): Edge | null {
  const d = timeDelta(a, b);
  const abs = Math.abs(d.ms);
  if (abs > o.overlapWindowMs) return null;
  const txA = a.tx.txid?.trim();
  const txB = b.tx.txid?.trim();
  if (txA && txB && txA !== txB) return null;
  const sameTxid = Boolean(txA && txA === txB);

  const account = sameAccount(owner(a, cache), owner(b, cache));
  if (account === 'different' && !sameTxid) return null;
  const cp = matchIdentity(counterparty(a, cache), counterparty(b, cache));
  if ((cp.level === 'conflict' || cp.level === 'hard-conflict') && !sameTxid) return null;
  const descA = normalizedDescription(a.tx.description);
  const sameDescription = descA.length > 0 && descA === normalizedDescription(b.tx.description);
  // Without an account on both sides only the bank's own wording ties the rows together.
  if (account === 'unknown' && !sameDescription && !sameTxid) return null;

  const evidence: Evidence[] = [
    { code: 'same-amount', detail: money(a) },
    { code: 'same-currency', detail: a.tx.currency.trim().toUpperCase() },
    { code: 'same-direction', detail: `${a.tx.direction} in ${describe(a)} and ${describe(b)}` },
    { code: 'time-delta', detail: formatDelta(d) },
  ];
  let score = BASE;
  score += d.dateOnly ? OVERLAP_POINTS.sameDay : abs === 0 ? OVERLAP_POINTS.exact : OVERLAP_POINTS.near;
  if (account === 'same') {
    score += OVERLAP_POINTS.sameOwnAccount;
    evidence.push({ code: 'same-own-account', detail: 'both rows belong to the same account' });
  }
  if (sameDescription) {
    score += OVERLAP_POINTS.sameDescription;
    evidence.push({ code: 'same-description', detail: a.tx.description.trim() });
  }
  if (cp.level === 'id' || cp.level === 'masked' || cp.level === 'name') {
    score += OVERLAP_POINTS.sameCounterparty;
    evidence.push({ code: 'same-counterparty', detail: cp.detail });
  }
  const sameBalance = a.tx.balanceMinor !== undefined && a.tx.balanceMinor === b.tx.balanceMinor;
  if (sameBalance) {
    // The running balance after the row is a fingerprint of the account's whole history up to it.
    score += OVERLAP_POINTS.sameBalance;
    evidence.push({ code: 'same-balance', detail: 'the balance after the row is the same in both files' });
  }
  const pa = periods[a.src];
  const pb = periods[b.src];
  if (pa && pb && pa[0] <= pb[1] && pb[0] <= pa[1]) {
    score += OVERLAP_POINTS.periodsOverlap;
    evidence.push({ code: 'periods-overlap', detail: 'the statement periods overlap' });
  }
  if (sameTxid) evidence.push({ code: 'same-txid', detail: txA ?? '' });
  const strong =
    sameTxid || (!d.dateOnly && abs === 0 && account === 'same' && (sameDescription || sameBalance));
  return { kind: 'overlap', a, b, score: sameTxid ? 1 : clampScore(score), strong, deltaMs: d.ms, evidence };
}
