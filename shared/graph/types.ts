/**
 * The graph view model's public shapes. Everything here is plain data: a `ViewState` can be
 * saved with the case (JSON) and an undo stack is simply a list of states, because every
 * operation returns a new one and never changes the old.
 */
import type { NodeKind } from '../ledger/types';

/** Per currency, in minor units (tiyn, cents, USDT micro-units), keys in currency order. */
export type Money = Record<string, number>;

/** Which transfers count. Every field narrows; an empty filter passes everything. */
export interface FlowFilter {
  /** UTC epoch ms, inclusive. */
  since?: number;
  /** UTC epoch ms, exclusive. */
  until?: number;
  /** Smallest transfer kept, per currency, in that currency's minor units; other currencies pass. */
  minAmountMinor?: Readonly<Record<string, number>>;
  /** Both ends of a transfer must be one of these kinds. */
  nodeKinds?: readonly NodeKind[];
  /** SHA-256 of source files: a transfer passes when any of its evidence rows comes from one. */
  sources?: readonly string[];
}

/** All transfers from one node to another, as one edge. */
export interface FlowEdge {
  /** The pair's id in the index: `edgeTransfers(index, [pair])` lists its transfers. */
  pair: number;
  from: number;
  to: number;
  count: number;
  /** Epoch ms of the first and last transfer. */
  first: number;
  last: number;
  /** As it left `from`. */
  sent: Money;
  /** As it arrived at `to` (differs from `sent` for P2P orders that convert). */
  received: Money;
  /** Transfer ids, oldest first (a view into the index when no filter applies: no copy). */
  transfers: Int32Array;
}

export type Direction = 'in' | 'out' | 'both';

/** How a collection came to be, so the UI can say it and the budget knows what it may merge. */
export type CollectionOrigin = 'expand' | 'collapse' | 'group' | 'split' | 'filter' | 'budget';

/** A part of a collection cut out by `splitCollection` or `filterCollection`. */
export interface CollectionSlice {
  by: 'amount' | 'date' | 'filter';
  /** Range of the member's key: amount in `currency` minor units, or epoch ms; [lo, hi). */
  lo?: number;
  hi?: number;
  currency?: string;
  filter?: FlowFilter;
}

/** Many nodes shown as one ("1,240 cards → drop"). Members are sorted node ids. */
export interface Collection {
  /** `c1`, `c2`… unique within a view's history, never a number so it cannot clash with a node. */
  id: string;
  origin: CollectionOrigin;
  members: readonly number[];
  /** The node whose neighbours these are, and on which side of it they sit. */
  anchor?: number;
  side?: Direction;
  /** The kind they share, when they share one. */
  kind?: NodeKind;
  label?: string;
  slice?: CollectionSlice;
  /** Its members also have flows with other things on screen (not only with the anchor). */
  connected?: boolean;
  pinned?: boolean;
}

/** What the UI keeps (and saves). Node ids are `Ledger.nodes` indexes. */
export interface ViewState {
  readonly version: 1;
  readonly filter: FlowFilter;
  readonly collectionThreshold: number;
  readonly maxElements: number;
  /** Where the investigator started: never folded away by the budget. */
  readonly seeds: readonly number[];
  /** Entity nodes shown on their own, in the order they appeared. */
  readonly nodes: readonly number[];
  readonly collections: readonly Collection[];
  /** Nodes the investigator hid: expansions skip them until `unhide`. */
  readonly hidden: readonly number[];
  /** Pinned entity nodes: kept out of collections by the budget (positions are the UI's). */
  readonly pinned: readonly number[];
  readonly nextCollection: number;
}

export interface ViewOptions {
  filter?: FlowFilter;
  /** More same-kind loose neighbours than this on one side become a collection. Default 25. */
  collectionThreshold?: number;
  /** Nodes plus edges a view may return. Default 2000. */
  maxElements?: number;
  /** How far `openView` expands each seed. Default 1; 0 shows the seeds alone. */
  hops?: number;
  direction?: Direction;
}

/** A reference to something on screen: a node id, or a collection id (`c7`). */
export type ElementRef = number | string;

export interface EntityNode {
  type: 'entity';
  /** Cytoscape id: `n<node>`. */
  id: string;
  node: number;
  kind: NodeKind;
  idKind: string;
  value: string;
  holder?: string;
  institution?: string;
  /** All flows of the node that pass the filter, shown or not. */
  in: Money;
  out: Money;
  inCount: number;
  outCount: number;
  /** Neighbours (with passing flows) not on screen: what an expansion would bring. */
  hiddenIn: number;
  hiddenOut: number;
  seed: boolean;
  pinned: boolean;
}

export interface CollectionNode {
  type: 'collection';
  id: string;
  collection: Collection;
  count: number;
  kinds: Partial<Record<NodeKind, number>>;
  /**
   * Flows of the members with what is on screen and with the anchor (not with the rest of the
   * ledger: that would make a collection of busy accounts cost most of the ledger to draw).
   */
  in: Money;
  out: Money;
  /** First and last of those flows, epoch ms (NaN when none passes). */
  first: number;
  last: number;
  /** The members' flow with the anchor, for the headline "1,240 cards → 3,410,000 ₸". */
  anchorFlow?: { money: Money; count: number };
  pinned: boolean;
}

export type VisibleNode = EntityNode | CollectionNode;

export interface VisibleEdge {
  /** `<source>><target>`. */
  id: string;
  source: string;
  target: string;
  count: number;
  first: number;
  last: number;
  sent: Money;
  received: Money;
  /** Index pair ids behind the edge: `edgeTransfers(index, pairs, filter)` lists the rows. */
  pairs: number[];
}

/** Said whenever the budget had to fold or leave out something. */
export interface Truncation {
  /** Entity nodes the budget put into collections in this step. */
  folded: number;
  /** Collections the budget made or grew. */
  collections: string[];
  /** Members left in a collection because expanding all of them would not fit. */
  leftInCollection: number;
  /** Elements dropped as a last resort (only when seeds and pins alone exceed the budget). */
  dropped: number;
  message: string;
}

export interface VisibleElements {
  nodes: VisibleNode[];
  edges: VisibleEdge[];
  truncated?: Truncation;
}

/** What every operation returns: the next state for the undo stack, and what to draw. */
export interface ViewResult {
  view: ViewState;
  elements: VisibleElements;
}
