/**
 * Drop: a card many unrelated people pay (buyers of the shop), that forwards most of it within
 * hours to one or a few recipients (the collector). A shop also has many payers but keeps the
 * money; a person forwarding a gift collection has a handful of senders.
 */
import type { PatternContext } from './context';
import {
  beyond,
  collectEvidence,
  count,
  duration,
  fitScore,
  money,
  nodeLabel,
  percent,
  plural,
  round,
  weightedMedian,
} from './describe';
import { pick } from './thresholds';
import type { Finding } from './types';

const HOUR = 3_600_000;

export interface DropMeasure {
  node: number;
  currency: string;
  payments: number;
  /** Minor units of `currency` received. */
  received: number;
  senders: number;
  /** Senders counted once per group of related nodes. */
  unrelated: number;
  /** Its top recipients (at most dropMaxRecipients), largest first. */
  recipients: number[];
  /** Received money that left to those recipients within dropMaxHoldHours. */
  forwarded: number;
  share: number;
  medianHoldMs: number;
  passes: boolean;
  inIds: number[];
  outIds: number[];
}

interface Forwarded {
  amount: number;
  holds: number[];
  weights: number[];
  outs: number[];
}

const DROP_KEYS = ['dropMinSenders', 'dropForwardShare', 'dropMaxHoldHours', 'dropMaxRecipients'] as const;

/**
 * Every node with at least dropMinSenders unrelated senders in one currency (a fan-in node),
 * measured; `passes` says whether it is a drop. Computed once and shared with the collector
 * detector, over the whole ledger whatever `options.nodes` says.
 */
export function dropMeasures(ctx: PatternContext): Map<number, DropMeasure> {
  const cached = ctx.memo.get('drop') as Map<number, DropMeasure> | undefined;
  if (cached) return cached;
  const out = new Map<number, DropMeasure>();
  for (let node = 0; node < ctx.ledger.nodes.length; node++) {
    if (ctx.inOf(node).length < ctx.t.dropMinSenders) continue;
    const m = measureDrop(ctx, node);
    if (m) out.set(node, m);
  }
  ctx.memo.set('drop', out);
  return out;
}

interface Stamps {
  seenSender: Int32Array;
  seenGroup: Int32Array;
  next: number;
}

/** Per-node marks for counting distinct senders without a set per drop; one pair per run. */
function stamps(ctx: PatternContext): Stamps {
  let s = ctx.memo.get('drop:stamps') as Stamps | undefined;
  if (!s) {
    const n = ctx.ledger.nodes.length;
    s = { seenSender: new Int32Array(n), seenGroup: new Int32Array(n), next: 0 };
    ctx.memo.set('drop:stamps', s);
  }
  return s;
}

function measureDrop(ctx: PatternContext, node: number): DropMeasure | undefined {
  const { cols } = ctx;
  const byCurrency = new Map<number, number[]>();
  for (const id of ctx.inOf(node)) {
    if (cols.from[id] === node) continue;
    const currency = cols.arrivalCurrency[id] as number;
    const list = byCurrency.get(currency);
    if (list) list.push(id);
    else byCurrency.set(currency, [id]);
  }
  let best: DropMeasure | undefined;
  for (const [currency, inIds] of byCurrency) {
    if (inIds.length < ctx.t.dropMinSenders) continue;
    const m = measureCurrency(ctx, node, currency, inIds);
    if (!m) continue;
    // A passing currency beats a failing one; then the busier one.
    if (!best || (m.passes && !best.passes) || (m.passes === best.passes && m.payments > best.payments))
      best = m;
  }
  return best;
}

function measureCurrency(
  ctx: PatternContext,
  node: number,
  currency: number,
  inIds: number[],
): DropMeasure | undefined {
  const { cols, t } = ctx;
  // Distinct senders and groups, counted with stamps instead of sets: drops have many payments.
  const marks = stamps(ctx);
  const { seenSender, seenGroup } = marks;
  const stamp = ++marks.next;
  let senders = 0;
  let groups = 0;
  let received = 0;
  for (const id of inIds) {
    const from = cols.from[id] as number;
    const group = ctx.related(from);
    if (seenSender[from] !== stamp) {
      seenSender[from] = stamp;
      senders++;
    }
    if (seenGroup[group] !== stamp) {
      seenGroup[group] = stamp;
      groups++;
    }
    received += cols.got[id] as number;
  }
  if (groups < t.dropMinSenders || received <= 0) return undefined;

  // Received money in this currency that left within the hold limit, per recipient.
  const maxHold = t.dropMaxHoldHours * HOUR;
  const perRecipient = new Map<number, Forwarded>();
  const flow = ctx.flow(node);
  for (let i = 0; i < flow.pieceIn.length; i++) {
    const into = flow.pieceIn[i] as number;
    if (cols.arrivalCurrency[into] !== currency) continue;
    const away = flow.pieceOut[i] as number;
    const hold = (cols.at[away] as number) - (cols.at[into] as number);
    if (hold > maxHold) continue;
    const amount = flow.pieceAmount[i] as number;
    const to = cols.to[away] as number;
    let r = perRecipient.get(to);
    if (!r) {
      r = { amount: 0, holds: [], weights: [], outs: [] };
      perRecipient.set(to, r);
    }
    r.amount += amount;
    r.holds.push(hold);
    r.weights.push(amount);
    if (r.outs[r.outs.length - 1] !== away) r.outs.push(away);
  }
  const ranked = [...perRecipient.entries()].sort((a, b) => b[1].amount - a[1].amount || a[0] - b[0]);
  // The fewest top recipients that reach the share, at most dropMaxRecipients of them.
  const top: [number, Forwarded][] = [];
  let forwarded = 0;
  for (const entry of ranked.slice(0, Math.max(0, t.dropMaxRecipients))) {
    top.push(entry);
    forwarded += entry[1].amount;
    if (forwarded >= t.dropForwardShare * received) break;
  }
  const recipients = top.map(([recipient]) => recipient);
  const used = top.map(([, r]) => r);
  const share = forwarded / received;
  return {
    node,
    currency: cols.currencies[currency] ?? '',
    payments: inIds.length,
    received,
    senders,
    unrelated: groups,
    recipients,
    forwarded,
    share,
    medianHoldMs: weightedMedian(
      used.flatMap((r) => r.holds),
      used.flatMap((r) => r.weights),
    ),
    passes: recipients.length > 0 && share >= t.dropForwardShare,
    inIds,
    outIds: used.flatMap((r) => r.outs).sort((a, b) => a - b),
  };
}

/** Drops among the wanted nodes, except those `asCollector` reports one level up. */
export function detectDrops(ctx: PatternContext, asCollector: ReadonlySet<number>): Finding[] {
  const findings: Finding[] = [];
  for (const m of dropMeasures(ctx).values()) {
    if (!m.passes || !ctx.wanted(m.node) || asCollector.has(m.node)) continue;
    findings.push(dropFinding(ctx, m));
  }
  return findings;
}

function dropFinding(ctx: PatternContext, m: DropMeasure): Finding {
  const { ledger, t } = ctx;
  const maxRecipients = Math.max(1, t.dropMaxRecipients);
  const recipientFit = maxRecipients === 1 ? 1 : (maxRecipients - m.recipients.length) / (maxRecipients - 1);
  const score = fitScore([
    beyond(m.unrelated, t.dropMinSenders, 5 * t.dropMinSenders),
    beyond(m.share, t.dropForwardShare, 1),
    1 - m.medianHoldMs / (t.dropMaxHoldHours * HOUR),
    recipientFit,
  ]);
  const { evidence, total } = collectEvidence(ctx, [...m.outIds, ...m.inIds]);
  const to = m.recipients.map((r) => nodeLabel(ledger, r)).join(', ');
  const senders =
    m.senders === m.unrelated
      ? `${count(m.unrelated)} unrelated senders`
      : `${count(m.senders)} senders (${count(m.unrelated)} unrelated)`;
  return {
    kind: 'drop',
    nodes: [m.node, ...m.recipients],
    score,
    code: 'drop.fan-in-fast-out',
    params: {
      currency: m.currency,
      payments: m.payments,
      receivedMinor: m.received,
      senders: m.senders,
      unrelatedSenders: m.unrelated,
      forwardedMinor: m.forwarded,
      forwardedShare: round(m.share),
      recipients: m.recipients.length,
      medianHoldHours: round(m.medianHoldMs / HOUR),
      evidenceTotal: total,
    },
    detail:
      `${nodeLabel(ledger, m.node)} received ${plural(m.payments, 'payment')} ` +
      `(${money(m.received, m.currency)}) from ${senders}; ` +
      `${percent(m.share)} left within ${t.dropMaxHoldHours} h (median ${duration(m.medianHoldMs)}) ` +
      `to ${plural(m.recipients.length, 'recipient')}: ${to}`,
    evidence,
    thresholds: pick(t, DROP_KEYS),
  };
}
