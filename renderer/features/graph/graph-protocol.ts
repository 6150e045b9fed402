import type { KeyedViewState } from '../../../shared/graph/saved-view';
import type { PortableCaseKeys } from '../../../shared/crypto';
import type {
  ElementRef,
  FlowFilter,
  GraphPath,
  SearchHit,
  Timeline,
  ViewOptions,
  ViewResult,
  ViewState,
} from '../../../shared/graph';

/**
 * Messages between the Graph tab and its worker. The worker holds the case's ledger and graph
 * index (hundreds of MB for a big case) and runs every operation and layout; the page keeps only
 * view states (its undo stack) and what is on screen.
 */
export type GraphOp =
  | { kind: 'expand'; target: ElementRef; direction: 'in' | 'out' | 'both'; hops: number }
  | { kind: 'expandCollection'; target: string }
  | { kind: 'split'; target: string; by: 'amount' | 'date'; buckets: number }
  | { kind: 'collapse'; anchor: number }
  | { kind: 'hide'; refs: ElementRef[] }
  | { kind: 'unhide' }
  | { kind: 'pin'; refs: ElementRef[]; pinned: boolean }
  | { kind: 'filter'; filter: FlowFilter }
  | { kind: 'show'; nodes: number[] }
  | { kind: 'path'; from: number; to: number; timeRespecting: boolean }
  /** The investigator's own grouping: the picked places (and collections) become one collection. */
  | { kind: 'group'; refs: ElementRef[]; label?: string }
  /** Draw (or stop drawing) the holders of several places on screen. */
  | { kind: 'holders'; show: boolean };

export interface LayoutRequest {
  name: 'fcose' | 'dagre' | 'concentric';
  nodes: { id: string; weight: number; size: number }[];
  edges: { id: string; source: string; target: string }[];
  /** Pinned nodes keep these positions. */
  fixed: Record<string, { x: number; y: number }>;
  /** Concentric: the node at the centre. */
  centre?: string;
}

export interface EdgeRow {
  id: number;
  at: number;
  amountMinor: number;
  currency: string;
  toAmountMinor?: number;
  toCurrency?: string;
  channel: string;
  description?: string;
  reference?: string;
  evidence: { sha256: string; file: string; sheet: string; row: number }[];
}

export type GraphRequest =
  | {
      type: 'load';
      caseId: string;
      /** The case's keys for the store (CryptoKeys survive postMessage); null when not encrypted. */
      keys: PortableCaseKeys | null;
    }
  | {
      type: 'open';
      id: number;
      seeds: number[];
      /** Places by identifier key (`iban:KZ…`), as a trace names them. */
      keys?: string[];
      search?: string;
      options?: ViewOptions;
    }
  | { type: 'op'; id: number; view: ViewState; op: GraphOp }
  | { type: 'search'; id: number; text: string }
  | { type: 'edge'; id: number; pairs: number[]; filter: FlowFilter }
  | { type: 'layout'; id: number; layout: LayoutRequest }
  | { type: 'timeline'; id: number; nodes: number[]; filter: FlowFilter }
  /** What is on screen, with places named by key, to save with the case. */
  | { type: 'keyed'; id: number; view: ViewState; positions: Positions }
  /** A saved view back on today's places. */
  | { type: 'restore'; id: number; state: ViewState | KeyedViewState; positions: Positions };

type Positions = Record<string, { x: number; y: number }>;

export interface SearchResult extends SearchHit {
  kind: string;
  value: string;
  holder?: string;
}

export type GraphResponse =
  | { type: 'loaded'; nodes: number; transfers: number; range: [number, number] | null }
  | { type: 'view'; id: number; result: ViewResult; path?: GraphPath | null }
  | { type: 'search'; id: number; hits: SearchResult[] }
  | { type: 'edge'; id: number; rows: EdgeRow[] }
  | { type: 'layout'; id: number; positions: Record<string, { x: number; y: number }> }
  | { type: 'timeline'; id: number; timeline: Timeline }
  | { type: 'keyed'; id: number; state: KeyedViewState; positions: Positions }
  | { type: 'restored'; id: number; result: ViewResult; positions: Positions; missing: number }
  | { type: 'failed'; id?: number; message: string };
