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
  /**
   * Draw the people and companies holding two or more places on screen (and the non-money
   * "holds" links to them). Absent means yes: states saved before holders were drawn have none.
   */
  readonly showHolders?: boolean;
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
  /** Draw holders of two or more places on screen. Default true. */
  showHolders?: boolean;
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

/** Person by IIN, company by BIN; unknown when only a name is stated or the number does not check. */
export type HolderKind = 'person' | 'company' | 'unknown';

/**
 * A person or company holding several places on screen: not a place money sits, so it has no
 * flows, takes no part in paths, totals or collections, and is drawn only to say "these
 * accounts are one holder's".
 */
export interface HolderNode {
  type: 'holder';
  /** Cytoscape id: `h:<key>`. */
  id: string;
  /** `iin:<12 digits>` or `bin:<12 digits>` when stated, else `name:<folded name>`. */
  key: string;
  holderKind: HolderKind;
  /** The names the statements print for them, the most used first. */
  names: string[];
  /** IIN/BIN, when stated. */
  idNumber?: string;
  /** Ledger node ids of the places on screen they hold, ascending. */
  places: number[];
}

/** Why a place is said to be the holder's: the statement that names them. */
export interface HoldsEvidence {
  /** `header`: the place's own statement names its holder; `counterparty`: other statements' rows do. */
  from: 'header' | 'counterparty';
  /** Statements that name the holder, the likeliest first (at most three). */
  files: { sha256: string; name: string }[];
}

/** A non-money link from a holder to a place they hold: no amount, no direction of money. */
export interface HoldsEdge {
  type: 'holds';
  /** `<holder id>><place id>`. */
  id: string;
  source: string;
  target: string;
  /** The place (ledger node id). */
  node: number;
  evidence: HoldsEvidence;
}

export interface VisibleElements {
  /** Places and collections: what money moves between. */
  nodes: VisibleNode[];
  /** Money flows between them. */
  edges: VisibleEdge[];
  /** Holders of two or more of the places, and their holds links (none when `showHolders` is off). */
  holders: HolderNode[];
  holds: HoldsEdge[];
  truncated?: Truncation;
}

/** What every operation returns: the next state for the undo stack, and what to draw. */
export interface ViewResult {
  view: ViewState;
  elements: VisibleElements;
}
