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

/** The tables a case file may leave out when they have no rows. */
export type OptionalCaseTables = Required<
  Pick<CaseData, 'decisions' | 'freezeRequests' | 'settings' | 'graphViews'>
>;

/**
 * A case with its optional tables present only when they have rows: the shape a file without them
 * reads back as, so a case read from the store and the same case read from its file compare equal.
 */
export function caseDataOf(
  core: Pick<CaseData, 'case' | 'sources' | 'audit'>,
  optional: OptionalCaseTables,
): CaseData {
  const data: CaseData = { case: core.case, sources: core.sources, audit: core.audit };
  for (const name of ['decisions', 'freezeRequests', 'settings', 'graphViews'] as const)
    if (optional[name].length > 0) (data as Record<typeof name, unknown>)[name] = optional[name];
  return data;
}
