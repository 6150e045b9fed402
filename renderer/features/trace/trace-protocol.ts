import type { PortableCaseKeys } from '../../../shared/crypto';
import type { BinAddition } from '../../../shared/identifiers/bank-overlay';
import type { BinTable } from '../../../shared/identifiers/banks';
import type { TraceJson, TraceRequest } from '../../../shared/investigate';
import type { FlowPicture } from '../../../shared/investigate/flow-picture';

/**
 * Messages between the Trace tab and its worker. The worker reads the case from the store,
 * builds the ledger once and keeps it, so comparing methods or changing a bound re-runs only the
 * trace. The result crosses as the same JSON the CLI prints: one shape, one set of numbers.
 */
export type TraceWorkerRequest =
  | {
      type: 'load';
      caseId: string;
      bins: BinTable;
      additions: readonly BinAddition[];
      /** The case's keys for the store (CryptoKeys survive postMessage); null when not encrypted. */
      keys: PortableCaseKeys | null;
    }
  | { type: 'run'; id: number; request: TraceRequest; compare: boolean };

export interface LedgerFacts {
  nodes: number;
  transfers: number;
  unplaced: number;
  /** Places to offer as seeds: statement owners first, by money through them. */
  suggestions: { kind: string; value: string; holder?: string; label: string }[];
}

export interface TraceRun {
  json: TraceJson;
  picture: FlowPicture;
}

export type TraceWorkerResponse =
  | { type: 'loaded'; facts: LedgerFacts }
  | { type: 'result'; id: number; run: TraceRun; compared?: Record<string, TraceRun> }
  /** The patterns among the places the run reached, computed after its result was sent. */
  | { type: 'patterns'; id: number; patterns: TraceJson['patterns'] }
  | { type: 'failed'; id?: number; message: string; seeds?: string[] };
