import { applyDecisions, findDuplicateCandidates, type DuplicateCandidate } from '../../../shared/dedupe';
import type { ImportedTransaction } from '../../../shared/model/statement';
import { duplicateRepository } from '../../db/duplicates';
import type { CaseStore } from '../../db/schema';
import { sourceRepository } from '../../db/sources';

export interface ReviewRow {
  file: string;
  transaction: ImportedTransaction;
}

export interface DuplicateReview {
  queue: DuplicateCandidate[];
  confirmed: number;
  rejected: number;
  /** `sha256\u0000sheet\u0000row` → the row, for every row a queued candidate names. */
  rows: Record<string, ReviewRow>;
}

export const rowId = (key: { sha256: string; sheet: string; row: number }) =>
  `${key.sha256}\u0000${key.sheet}\u0000${key.row}`;

/** Reads a case's statements and decisions from the store and builds the review queue (runs in a worker). */
export async function buildDuplicateReview(db: CaseStore, caseId: string): Promise<DuplicateReview> {
  const repository = sourceRepository(db);
  const sources = await repository.listSources(caseId);
  const inputs = [];
  const names = new Map<string, string>();
  for (const source of sources) {
    names.set(source.sha256, source.name);
    inputs.push({
      sha256: source.sha256,
      name: source.name,
      accounts: source.accounts,
      transactions: await repository.transactions(caseId, source.sha256),
    });
  }
  const decisions = await duplicateRepository(db).list(caseId);
  const applied = applyDecisions(findDuplicateCandidates(inputs, { decisions }), decisions);
  const wanted = new Set(applied.queue.flatMap((candidate) => [rowId(candidate.a), rowId(candidate.b)]));
  const rows: Record<string, ReviewRow> = {};
  for (const input of inputs) {
    for (const transaction of input.transactions) {
      const id = rowId({ sha256: input.sha256, sheet: transaction.sheet, row: transaction.row });
      if (wanted.has(id)) rows[id] = { file: names.get(input.sha256) ?? input.sha256, transaction };
    }
  }
  return {
    queue: applied.queue,
    confirmed: applied.confirmed.length,
    rejected: applied.rejected.length,
    rows,
  };
}
