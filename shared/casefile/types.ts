import type { AuditEntry } from '../audit/chain';
import type { Case } from '../model/case';
import type { StatementImport } from '../model/statement';
import type { FreezeRequest } from '../freeze/types';
import type { SavedGraphView } from '../graph/saved-view';
import type { EntityDecision } from '../resolve/decisions';

/** Everything a case file holds: the case, every imported file as imported, and the audit log. */
export interface CaseData {
  case: Case;
  /** In import order; SHA-256s are unique (one file is imported into a case at most once). */
  sources: StatementImport[];
  /** The case's hash-chained audit log, in order. */
  audit: AuditEntry[];
  /** The investigator's merge/split calls (absent in files written before they existed). */
  decisions?: EntityDecision[];
  /** The freeze register, each request with its workflow history (absent before it existed). */
  freezeRequests?: FreezeRequest[];
  /** Per-case settings the investigator edited, e.g. letter templates (absent when none). */
  settings?: CaseSetting[];
  /** Graph views saved in the case, places named by key (absent when none). */
  graphViews?: SavedGraphView[];
}

export interface CaseSetting {
  name: string;
  value: unknown;
  savedAt: number;
}

/** Hex SHA-256 of bytes; hosts may pass a native one (Node's crypto is ~15× faster than JS). */
export type Sha256Hex = (bytes: Uint8Array) => string;
