/**
 * Pass-through: money that arrives and leaves within minutes, A→B→C(→D…). A hop B counts when
 * B passed on at least `passThroughShare` of the payment within `passThroughMaxMinutes`, and the
 * payment that left was itself mostly money that had just arrived; so a drop's nightly sweep of
 * a whole day's takings is not a relay of the last sale before it. One finding per node where a
 * chain starts (the first relay), with its chains; a relay further down is named in it.
 */
import type { LedgerTransfer } from '../ledger/types';
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

const MINUTE = 60_000;
const NODES_CAP = 50;
const KEYS = ['passThroughMaxMinutes', 'passThroughShare', 'passThroughMinHops'] as const;

interface Hop {
  out: number;
  amount: number;
  hold: number;
}

export function detectPassThrough(ctx: PatternContext): Finding[] {
  const { ledger, cols, t } = ctx;
  const maxMs = t.passThroughMaxMinutes * MINUTE;
  const holdOf = (from: number, out: number) => (cols.at[out] as number) - (cols.at[from] as number);
  // How much of each payment its receiver passed on fast, and how much of each outgoing payment
  // was money that had arrived fast.
  const passed = new Float64Array(cols.at.length);
  const made = new Float64Array(cols.at.length);
  const relays: number[] = [];
  for (let node = 0; node < ledger.nodes.length; node++) {
    const flow = ctx.flow(node);
    if (flow.pieceIn.length === 0) continue;
    relays.push(node);
    for (let i = 0; i < flow.pieceIn.length; i++) {
      const from = flow.pieceIn[i] as number;
      const out = flow.pieceOut[i] as number;
      if (holdOf(from, out) > maxMs) continue;
      passed[from] = (passed[from] as number) + (flow.pieceAmount[i] as number);
      made[out] = (made[out] as number) + (flow.pieceAmount[i] as number);
    }
  }
  const relayed = (id: number) => (passed[id] as number) >= t.passThroughShare * (cols.got[id] as number);
  const fresh = (id: number) => (made[id] as number) >= t.passThroughShare * (cols.sent[id] as number);
  // Paying a shop is spending, not relaying (a cash-out still counts: it moves the money on).
  const shop = new Uint8Array(ledger.nodes.length);
  for (const n of ledger.nodes) shop[n.id] = n.kind === 'merchant' || n.endPoint === 'merchant' ? 1 : 0;

  const next = new Map<number, Hop[]>();
  const continues = new Uint8Array(cols.at.length);
  for (const node of relays) {
    const flow = ctx.flow(node);
    for (let i = 0; i < flow.pieceIn.length; i++) {
      const from = flow.pieceIn[i] as number;
      const out = flow.pieceOut[i] as number;
      const hold = holdOf(from, out);
      if (hold > maxMs || !relayed(from) || !fresh(out) || shop[cols.to[out] as number]) continue;
      let hops = next.get(from);
      if (!hops) next.set(from, (hops = []));
      const last = hops[hops.length - 1];
      if (last?.out === out) last.amount += flow.pieceAmount[i] as number;
      else hops.push({ out, amount: flow.pieceAmount[i] as number, hold });
      continues[out] = 1;
    }
  }
  // Longest chain from each transfer; successors always come later, so go backwards.
  const relayedIds = [...next.keys()].sort((a, b) => a - b);
  const longest = new Map<number, number>();
  const hopsFrom = (id: number) => longest.get(id) ?? 1;
  for (let k = relayedIds.length - 1; k >= 0; k--) {
    const id = relayedIds[k] as number;
    longest.set(id, 1 + (next.get(id) ?? []).reduce((most, h) => Math.max(most, hopsFrom(h.out)), 0));
  }
  // Chains start where the money was not itself relayed; grouped by first relay and currency.
  const groups = new Map<string, number[]>();
  for (const id of relayedIds) {
    const relay = cols.to[id] as number;
    if (continues[id] || hopsFrom(id) < t.passThroughMinHops || !ctx.wanted(relay)) continue;
    const key = `${relay}:${cols.arrivalCurrency[id]}`;
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  const graph: RelayGraph = {
    next,
    hopsFrom,
    bestHop: (id) =>
      [...(next.get(id) ?? [])].sort(
        (a, b) => hopsFrom(b.out) - hopsFrom(a.out) || b.amount - a.amount || a.out - b.out,
      )[0],
  };
  return [...groups.values()].map((starts) => chainFinding(ctx, starts, graph));
}

interface RelayGraph {
  /** The hops each relayed transfer continued by. */
  next: Map<number, Hop[]>;
  /** Transfers in the longest chain from this one (1: not relayed). */
  hopsFrom(id: number): number;
  /** The hop that continues the longest chain. */
  bestHop(id: number): Hop | undefined;
}

function chainFinding(ctx: PatternContext, starts: number[], graph: RelayGraph): Finding {
  const { ledger, cols, t } = ctx;
  const { next, hopsFrom, bestHop } = graph;
  const tr = (id: number) => ledger.transfers[id] as LedgerTransfer;
  const relay = cols.to[starts[0] as number] as number;
  const currency = cols.currencies[cols.arrivalCurrency[starts[0] as number] as number] ?? '';
  const got = (id: number) => cols.got[id] as number;
  const head = [...starts].sort((a, b) => hopsFrom(b) - hopsFrom(a) || got(b) - got(a) || a - b)[0] as number;
  const path = [head];
  for (let hop = bestHop(head); hop; hop = bestHop(hop.out)) path.push(hop.out);

  // Everything reachable from the starts, for the evidence and the node list.
  const reached = new Set<number>(starts);
  const stack = [...starts];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const h of next.get(id) ?? []) {
      if (reached.has(h.out)) continue;
      reached.add(h.out);
      stack.push(h.out);
    }
  }
  let received = 0;
  let passedOn = 0;
  const holds: number[] = [];
  const weights: number[] = [];
  for (const id of starts) {
    received += got(id);
    for (const h of next.get(id) ?? []) {
      passedOn += h.amount;
      holds.push(h.hold);
      weights.push(h.amount);
    }
  }
  const share = passedOn / received;
  const median = weightedMedian(holds, weights);
  const hops = path.length;
  const span = tr(path[path.length - 1] as number).at - tr(head).at;
  const chainNodes = [tr(head).from, ...path.map((id) => tr(id).to)];
  const others = [...reached].sort((a, b) => a - b).flatMap((id) => [tr(id).from, tr(id).to]);
  const nodes = [...new Set([relay, ...chainNodes, ...others])];
  const chain = chainNodes.map((n) => nodeLabel(ledger, n)).join(' → ');
  const amounts = path.map((id) => money(tr(id).amountMinor, tr(id).currency)).join(' → ');
  const onPath = new Set(path);
  const rest = [...reached].filter((id) => !onPath.has(id)).sort((a, b) => a - b);
  const { evidence, total } = collectEvidence(ctx, [...path, ...rest]);
  return {
    kind: 'pass-through',
    nodes: nodes.slice(0, NODES_CAP),
    score: fitScore([
      beyond(hops, t.passThroughMinHops, t.passThroughMinHops + 2),
      1 - median / (t.passThroughMaxMinutes * MINUTE),
      beyond(share, t.passThroughShare, 1),
    ]),
    code: 'pass-through.rapid-chain',
    params: {
      currency,
      payments: starts.length,
      receivedMinor: received,
      passedMinor: passedOn,
      passedShare: round(Math.min(1, share)),
      medianMinutes: round(median / MINUTE, 1),
      longestHops: hops,
      longestChainMinutes: round(span / MINUTE, 1),
      chain,
      chainAmounts: amounts,
      transfers: reached.size,
      nodesTotal: nodes.length,
      evidenceTotal: total,
    },
    detail:
      `${nodeLabel(ledger, relay)} received ${plural(starts.length, 'payment')} (${money(received, currency)}) ` +
      `and passed ${percent(Math.min(1, share))} on within ${count(t.passThroughMaxMinutes)} min (median ${duration(median)}); ` +
      `longest chain ${hops} hops in ${duration(span)}: ${chain} (${amounts})`,
    evidence,
    thresholds: pick(t, KEYS),
  };
}
