import { buildLedger } from '../../shared/ledger';
import type { Ledger } from '../../shared/ledger/types';
import { exportCaseData } from './case-transfer';
import { duplicateRepository } from './duplicates';
import type { CaseStore } from './schema';

/**
 * The case as money moving between places, read from the store in one snapshot: statements,
 * the investigator's merges and splits, and duplicate verdicts. Run in a worker: a big case
 * takes seconds and hundreds of megabytes to read.
 */
export async function loadCaseLedger(db: CaseStore, caseId: string): Promise<Ledger> {
  const data = await exportCaseData(db, caseId);
  const duplicateDecisions = await duplicateRepository(db).list(caseId);
  return buildLedger({ sources: data.sources, decisions: data.decisions ?? [], duplicateDecisions });
}
