/**
 * Structuring: several payments from one node (or into one node) just under a reporting limit
 * within a few days, per currency and limit; the sum that had to move was split so no single
 * payment reached the limit. A monthly salary just under a limit is one a month, not many a week.
 */
import { currencyMinorDigits } from '../model/currency';
import type { PatternContext } from './context';
import { beyond, collectEvidence, count, fitScore, money, nodeLabel, plural } from './describe';
import { pick } from './thresholds';
import type { Finding } from './types';

const DAY = 86_400_000;
const KEYS = [
  'structuringLimits',
  'structuringBand',
  'structuringMinCount',
  'structuringWindowDays',
] as const;

type Direction = 'sent' | 'received';

interface Band {
  currency: string;
  /** Major units, as configured. */
  limit: number;
  lowMinor: number;
  highMinor: number;
}

export function detectStructuring(ctx: PatternContext): Finding[] {
  const { ledger, cols, t } = ctx;
  // Bands per currency code; most payments are in no band and cost one array read.
  const bands: Band[][] = [];
  for (const [name, limits] of Object.entries(t.structuringLimits)) {
    const currency = name.toUpperCase();
    const unit = 10 ** currencyMinorDigits(currency);
    bands[cols.code(currency)] = limits
      .filter((limit) => limit > 0)
      .map((limit) => ({
        currency,
        limit,
        lowMinor: Math.ceil(limit * unit * (1 - t.structuringBand) - 1e-6), // 0.9 is not exact in binary
        highMinor: Math.round(limit * unit),
      }));
  }
  const findings: Finding[] = [];
  for (let node = 0; node < ledger.nodes.length; node++) {
    if (!ctx.wanted(node)) continue;
    for (const direction of ['sent', 'received'] as const) {
      const sent = direction === 'sent';
      const ids = sent ? ctx.outOf(node) : ctx.inOf(node);
      let hits: Map<Band, number[]> | undefined;
      for (const id of ids) {
        const inBands = bands[(sent ? cols.currency[id] : cols.arrivalCurrency[id]) as number];
        if (!inBands || cols.from[id] === cols.to[id]) continue;
        const amount = (sent ? cols.sent[id] : cols.got[id]) as number;
        for (const band of inBands) {
          if (amount < band.lowMinor || amount >= band.highMinor) continue;
          hits ??= new Map();
          const list = hits.get(band);
          if (list) list.push(id);
          else hits.set(band, [id]);
        }
      }
      for (const [band, list] of hits ?? []) {
        const found = windowed(ctx, list);
        if (found.ids.length > 0) findings.push(finding(ctx, node, direction, band, found));
      }
    }
  }
  return findings;
}

/** The payments that lie in some window holding at least structuringMinCount of them. */
function windowed(ctx: PatternContext, ids: number[]): { ids: number[]; most: number } {
  const at = (i: number) => ctx.cols.at[ids[i] as number] as number;
  const windowMs = ctx.t.structuringWindowDays * DAY;
  const kept: number[] = [];
  let most = 0;
  let left = 0;
  let keptUpTo = -1;
  for (let right = 0; right < ids.length; right++) {
    while (at(right) - at(left) > windowMs) left++;
    const size = right - left + 1;
    most = Math.max(most, size);
    if (size < ctx.t.structuringMinCount) continue;
    for (let i = Math.max(left, keptUpTo + 1); i <= right; i++) kept.push(ids[i] as number);
    keptUpTo = right;
  }
  return { ids: kept, most };
}

function finding(
  ctx: PatternContext,
  node: number,
  direction: Direction,
  band: Band,
  found: { ids: number[]; most: number },
): Finding {
  const { ledger, cols, t } = ctx;
  const perParty = new Map<number, number>();
  let total = 0;
  let closeness = 0;
  for (const id of found.ids) {
    const amount = (direction === 'sent' ? cols.sent[id] : cols.got[id]) as number;
    const party = (direction === 'sent' ? cols.to[id] : cols.from[id]) as number;
    perParty.set(party, (perParty.get(party) ?? 0) + amount);
    total += amount;
    closeness += 1 - (band.highMinor - amount) / (band.highMinor - band.lowMinor);
  }
  const parties = [...perParty.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([p]) => p);
  const first = cols.at[found.ids[0] as number] as number;
  const last = cols.at[found.ids[found.ids.length - 1] as number] as number;
  const limitText = money(band.highMinor, band.currency);
  const { evidence, total: evidenceTotal } = collectEvidence(ctx, found.ids);
  const toFrom = direction === 'sent' ? 'to' : 'from';
  return {
    kind: 'structuring',
    nodes: [node, ...parties],
    score: fitScore([
      beyond(found.most, t.structuringMinCount, 3 * t.structuringMinCount),
      closeness / found.ids.length,
    ]),
    code: `structuring.${direction}-just-under`,
    params: {
      direction,
      currency: band.currency,
      limit: band.limit,
      lowMinor: band.lowMinor,
      payments: found.ids.length,
      mostInWindow: found.most,
      totalMinor: total,
      counterparties: parties.length,
      firstAt: first,
      lastAt: last,
      evidenceTotal,
    },
    detail:
      `${nodeLabel(ledger, node)} ${direction} ${plural(found.ids.length, 'payment')} just under ${limitText} ` +
      `(${money(band.lowMinor, band.currency)} or more), up to ${count(found.most)} within ` +
      `${plural(t.structuringWindowDays, 'day')}; ${money(total, band.currency)} in all ${toFrom} ` +
      `${plural(parties.length, direction === 'sent' ? 'recipient' : 'sender')}`,
    evidence,
    thresholds: pick(t, KEYS),
  };
}
