/**
 * The follow-the-money engine's public shapes. A trace starts at seed nodes and follows their
 * money forward in time (down: where did it go) or backward (up: where did it come from), by one
 * of four attribution methods. Every amount is in integer minor units, rounded down.
 */
import type { EndPointReason, LinkUse, RowEvidence } from '../ledger/types';

export type TraceMethod = 'pro-rata' | 'fifo' | 'lifo' | 'poisoned';
export type TraceDirection = 'down' | 'up';

export const TRACE_METHODS: readonly TraceMethod[] = ['pro-rata', 'fifo', 'lifo', 'poisoned'];

export interface TraceParams {
  /** Node ids the trace starts from (the shop's drop cards, or the organizers' wallets going up). */
  seeds: number[];
  direction: TraceDirection;
  method: TraceMethod;
  /** Transfers seed money is followed through; default 6. Money that has made this many stops. */
  maxHops?: number;
  /** In the seed currency: a transfer carrying less trail money is not followed (default 0). */
  minAmountMinor?: number;
  /** Time window, UTC ms, inclusive: no seed money enters, and no trail is followed, outside it. */
  from?: number;
  to?: number;
  /** Extra end points besides the nodes whose `endPoint` is set. */
  stopAt?: number[];
  /** Nodes whose `endPoint` the investigator overrides: the trail goes on through them. */
  continueThrough?: number[];
}

/** The parameters as applied: defaults filled in, id lists sorted and without repeats. */
export type AppliedTraceParams = Required<Omit<TraceParams, 'from' | 'to'>> &
  Pick<TraceParams, 'from' | 'to'>;

export interface TraceResult {
  params: AppliedTraceParams;
  /** The seed currency: the currency of most of the seeds' incoming money (by amount). */
  currency: string;
  /**
   * Seed money: what entered the seeds within the window from nodes that are not seeds, in the
   * seed currency (down and up alike; transfers between seeds are movements, not new money).
   */
  enteredMinor: number;
  /** Sorted by amountMinor descending, then node id. Seeds are always listed (hops 0). */
  reached: ReachedNode[];
  /** Sum of heldMinor over reached nodes that are not end points. */
  heldMinor: number;
  /** Sum of heldMinor over reached end points: where the trail ended. */
  endedMinor: number;
  /** Part of heldMinor + endedMinor that stopped only because it had made maxHops transfers. */
  atMaxHopsMinor: number;
  /** Trail money in transfers below the follow threshold (minAmountMinor, at least one minor unit). */
  droppedMinor: number;
  droppedTransfers: number;
  /** Transfers the trail followed. */
  trailTransfers: number;
  /**
   * Trail transfers larger than what their sender was known to hold (a card without its
   * statement): the gap was money from outside the records, never trail money.
   */
  overdrawnTransfers: number;
  /** Seed inflows in currencies other than the seed currency: not traced, listed per currency. */
  otherCurrencyMinor: Record<string, number>;
  /**
   * True for pro-rata, FIFO and LIFO: heldMinor + endedMinor + droppedMinor ≤ enteredMinor, short
   * only by rounding. False for poisoned, a reference view where every contact counts in full.
   */
  conserves: boolean;
  /** Plain words for the investigator when the view needs a caveat (poisoned). */
  note?: string;
}

export interface ReachedNode {
  node: number;
  /** Fewest transfers between this node and a seed along the money's way (seeds: 0). */
  hops: number;
  seed: boolean;
  /** Down: trail money received. Up: how much of the seeds' money it sent into the trail. */
  amountMinor: number;
  /** The same money in the node's own currency; with several, the largest by seed amount. */
  nativeMinor: number;
  nativeCurrency: string;
  /**
   * Down: still here at the end of the window (received minus passed on) — what a freeze could
   * catch; at an end point, everything received. Up: the part of amountMinor that starts here
   * (opening balance, money from before the window or the records, or the trail stops here).
   */
  heldMinor: number;
  /** heldMinor in nativeCurrency. */
  nativeHeldMinor: number;
  /** Part of heldMinor that stops here only because of maxHops. */
  atMaxHopsMinor: number;
  /** The trail ends here, and why ('stop': the investigator's stopAt). */
  endPoint?: EndPointReason | 'stop';
  /** Trail transfers reaching it (down: into it; up: out of it). */
  transfers: number;
}

export interface TraceHop {
  transfer: number;
  from: number;
  to: number;
  at: number;
  /** The path's money on this hop, seed currency. */
  amountMinor: number;
  /** The same money as it left `from`, in `currency`. */
  nativeMinor: number;
  currency: string;
  /** For a conversion (P2P order): the same money as it arrived. */
  toNativeMinor?: number;
  toCurrency?: string;
  evidence: RowEvidence[];
  via?: LinkUse[];
}

export interface TracePath {
  amountMinor: number;
  /**
   * Down: from a seed to the node; up: from the node to a seed. Empty for the remainder.
   */
  hops: TraceHop[];
  /**
   * 'trail': money between a seed and the node; 'entry': seed money paid into the seed (the node)
   * by this transfer; 'remainder': the paths not listed (beyond maxPaths, or too small to list).
   */
  kind: 'trail' | 'entry' | 'remainder';
}

export interface ExplainOptions {
  /** Paths listed, biggest first (default 50); the rest are summed in one remainder entry. */
  maxPaths?: number;
}
