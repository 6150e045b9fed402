/**
 * Collector: the card several drops forward their takings to, and most of whose money comes
 * from them; often followed by a conversion (a P2P order buying USDT, or a payment to an
 * exchange account), which the finding mentions. A collector also forwards like a drop, so it is
 * reported once, as the collector.
 */
import type { LedgerTransfer } from '../ledger/types';
import { isEndOfLine, type PatternContext } from './context';
import { beyond, collectEvidence, fitScore, money, nodeLabel, percent, plural, round } from './describe';
import { dropMeasures } from './drop';
import { pick } from './thresholds';
import type { Finding } from './types';

/** Drops (the default) or, when drop detection is off, any node with many unrelated senders. */
export type CollectorFeed = 'drops' | 'fan-in';

export interface CollectorMeasure {
  node: number;
  feed: CollectorFeed;
  currency: string;
  /** The drops (or fan-in nodes) that sent to it in `currency`, in node order. */
  feeders: number[];
  received: number;
  fromFeeders: number;
  share: number;
  feederIds: number[];
  /** Outflows that convert: P2P orders, payments in another currency, payments to an exchange. */
  conversionIds: number[];
  converted: number;
  convertedTo?: { currency: string; amount: number };
}

const COLLECTOR_KEYS = ['collectorMinDrops', 'collectorMinDropShare', 'dropMinSenders'] as const;
const DROP_KEYS = ['dropForwardShare', 'dropMaxHoldHours', 'dropMaxRecipients'] as const;

/**
 * Every collector in the ledger (not only the wanted ones: drop detection needs them all). A
 * collector forwards like a drop too, so a node collecting from collectors (an exchange account
 * they all pay) would look like a collector of drops; the second pass leaves collectors out of
 * the feeders, so only nodes fed by plain drops remain.
 */
export function collectorMeasures(ctx: PatternContext, feed: CollectorFeed): Map<number, CollectorMeasure> {
  const key = `collector:${feed}`;
  const cached = ctx.memo.get(key) as Map<number, CollectorMeasure> | undefined;
  if (cached) return cached;
  const firstPass = measureAll(ctx, feed, new Set());
  const out = measureAll(ctx, feed, new Set(firstPass.keys()));
  ctx.memo.set(key, out);
  return out;
}

function measureAll(
  ctx: PatternContext,
  feed: CollectorFeed,
  notFeeders: ReadonlySet<number>,
): Map<number, CollectorMeasure> {
  const { ledger, cols } = ctx;
  // Who each feeder forwards to: a drop's main recipients, or anyone a fan-in node pays.
  const feedersOf = new Map<number, number[]>();
  for (const m of dropMeasures(ctx).values()) {
    if ((feed === 'drops' && !m.passes) || notFeeders.has(m.node)) continue;
    const recipients =
      feed === 'drops'
        ? m.recipients
        : [...new Set(Array.from(ctx.outOf(m.node), (id) => cols.to[id] as number))];
    for (const r of recipients) {
      if (r === m.node) continue;
      const list = feedersOf.get(r);
      if (list) list.push(m.node);
      else feedersOf.set(r, [m.node]);
    }
  }
  const out = new Map<number, CollectorMeasure>();
  for (const [node, feeders] of [...feedersOf.entries()].sort((a, b) => a[0] - b[0])) {
    if (feeders.length < ctx.t.collectorMinDrops || isEndOfLine(ledger.nodes[node])) continue;
    const m = measureCollector(ctx, node, feed, new Set(feeders));
    if (m) out.set(node, m);
  }
  return out;
}

function measureCollector(
  ctx: PatternContext,
  node: number,
  feed: CollectorFeed,
  feeders: ReadonlySet<number>,
): CollectorMeasure | undefined {
  const { ledger, cols, t } = ctx;
  const perCurrency = new Map<
    number,
    { received: number; fromFeeders: number; ids: number[]; who: Set<number> }
  >();
  for (const id of ctx.inOf(node)) {
    const code = cols.arrivalCurrency[id] as number;
    let c = perCurrency.get(code);
    if (!c) {
      c = { received: 0, fromFeeders: 0, ids: [], who: new Set() };
      perCurrency.set(code, c);
    }
    c.received += cols.got[id] as number;
    const from = cols.from[id] as number;
    if (!feeders.has(from)) continue;
    c.fromFeeders += cols.got[id] as number;
    c.ids.push(id);
    c.who.add(from);
  }
  const [code, c] = [...perCurrency.entries()].sort((a, b) => b[1].fromFeeders - a[1].fromFeeders)[0] ?? [];
  const currency = cols.currencies[code ?? -1];
  if (!currency || !c || c.who.size < t.collectorMinDrops || c.received <= 0) return undefined;
  const share = c.fromFeeders / c.received;
  if (share < t.collectorMinDropShare) return undefined;

  const conversionIds: number[] = [];
  let converted = 0;
  const into = new Map<string, number>();
  for (const id of ctx.outOf(node)) {
    const tr = ledger.transfers[id] as LedgerTransfer;
    const toExchange = ledger.nodes[tr.to]?.kind === 'exchange-account';
    if (tr.currency !== currency || !(tr.channel === 'p2p' || tr.toCurrency || toExchange)) continue;
    conversionIds.push(id);
    converted += tr.amountMinor;
    const toCurrency = tr.toCurrency ?? tr.currency;
    into.set(toCurrency, (into.get(toCurrency) ?? 0) + (tr.toAmountMinor ?? tr.amountMinor));
  }
  // What it became: the largest other currency it was converted into.
  const [toCurrency, toAmount] =
    [...into.entries()].filter(([cur]) => cur !== currency).sort((a, b) => b[1] - a[1])[0] ?? [];
  return {
    node,
    feed,
    currency,
    feeders: [...c.who].sort((a, b) => a - b),
    received: c.received,
    fromFeeders: c.fromFeeders,
    share,
    feederIds: c.ids,
    conversionIds,
    converted,
    ...(toCurrency !== undefined && toAmount !== undefined
      ? { convertedTo: { currency: toCurrency, amount: toAmount } }
      : {}),
  };
}

export function detectCollectors(ctx: PatternContext, feed: CollectorFeed): Finding[] {
  const findings: Finding[] = [];
  for (const m of collectorMeasures(ctx, feed).values())
    if (ctx.wanted(m.node)) findings.push(collectorFinding(ctx, m));
  return findings;
}

function collectorFinding(ctx: PatternContext, m: CollectorMeasure): Finding {
  const { ledger, t } = ctx;
  const convertedShare = m.converted / m.received;
  const score = fitScore([
    beyond(m.feeders.length, t.collectorMinDrops, 3 * t.collectorMinDrops),
    beyond(m.share, t.collectorMinDropShare, 1),
    convertedShare,
  ]);
  const what = m.feed === 'drops' ? 'drop' : 'fan-in node';
  const named = m.feeders.slice(0, 3).map((f) => nodeLabel(ledger, f));
  const more = m.feeders.length > named.length ? ` and ${m.feeders.length - named.length} more` : '';
  let detail =
    `${nodeLabel(ledger, m.node)} received ${money(m.fromFeeders, m.currency)} (${percent(m.share)} of ` +
    `${money(m.received, m.currency)}) from ${plural(m.feeders.length, what)}: ${named.join(', ')}${more}`;
  if (m.converted > 0) {
    const to = m.convertedTo ? ` into ${money(m.convertedTo.amount, m.convertedTo.currency)}` : '';
    detail += `; then converted ${money(m.converted, m.currency)}${to} (${percent(convertedShare)}) in ${plural(m.conversionIds.length, 'order')}`;
  }
  const { evidence, total } = collectEvidence(ctx, [...m.conversionIds, ...m.feederIds]);
  return {
    kind: 'collector',
    nodes: [m.node, ...m.feeders],
    score,
    code: `collector.from-${m.feed}${m.converted > 0 ? '.converted' : ''}`,
    params: {
      currency: m.currency,
      feeders: m.feeders.length,
      receivedMinor: m.received,
      fromFeedersMinor: m.fromFeeders,
      feederShare: round(m.share),
      convertedMinor: m.converted,
      convertedShare: round(convertedShare),
      conversions: m.conversionIds.length,
      ...(m.convertedTo
        ? { convertedToCurrency: m.convertedTo.currency, convertedToMinor: m.convertedTo.amount }
        : {}),
      evidenceTotal: total,
    },
    detail,
    evidence,
    thresholds: { ...pick(t, COLLECTOR_KEYS), ...(m.feed === 'drops' ? pick(t, DROP_KEYS) : {}) },
  };
}
