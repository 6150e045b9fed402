import type { CaseData } from '../../shared/casefile/types';
import type { StatementImport } from '../../shared/model/statement';
import { prepareForStore } from '../../shared/store/prepare';
import { decodeTransactionBlock } from '../../shared/store/transaction-block';
import { decodeMentionBlock } from '../../shared/store/mention-block';
import { appendAudit } from './audit';
import type { SourceRecord } from './records';
import type { CaseStore } from './schema';

/** The message is only the title: the UI says, in the investigator's language, what happened. */
export class CaseExistsError extends Error {
  constructor(readonly title: string) {
    super(`«${title}»`);
    this.name = 'CaseExistsError';
  }
}

/** By name as well as class: an error that crossed a Dexie promise may not keep its prototype. */
export function isCaseExists(error: unknown): error is CaseExistsError {
  return error instanceof CaseExistsError || (error instanceof Error && error.name === 'CaseExistsError');
}

/** A stored source back in the shape it had when it was imported. */
async function statementOf(db: CaseStore, record: SourceRecord): Promise<StatementImport> {
  const { caseId, sha256 } = record;
  const blocks = await db.transactionBlocks
    .where('[caseId+sha256+block]')
    .between([caseId, sha256, 0], [caseId, sha256, Infinity])
    .toArray();
  const mentionBlocks = await db.mentionBlocks
    .where('[caseId+sha256+block]')
    .between([caseId, sha256, 0], [caseId, sha256, Infinity])
    .toArray();
  return {
    source: {
      sha256,
      name: record.name,
      size: record.size,
      format: record.format,
      ...(record.encoding !== undefined ? { encoding: record.encoding } : {}),
      importedAt: record.importedAt,
      importerVersion: record.importerVersion,
    },
    accounts: record.accounts,
    transactions: blocks.flatMap((block) => decodeTransactionBlock(block.data)),
    rejected: record.rejected,
    mentions: mentionBlocks.flatMap((block) => decodeMentionBlock(block.data)),
    invalid: record.invalid,
    checks: record.checks,
    mappings: record.mappings,
    rows: record.rows,
    warnings: record.warnings,
  };
}

/** Everything of one case, read in one transaction so the export is a consistent snapshot. */
export async function exportCaseData(db: CaseStore, caseId: string): Promise<CaseData> {
  return db.transaction(
    'r',
    [db.cases, db.sources, db.transactionBlocks, db.mentionBlocks, db.auditEntries, db.entityDecisions],
    async () => {
      const kase = await db.cases.get(caseId);
      if (!kase) throw new Error(`case ${caseId} does not exist`);
      const records = await db.sources.where('caseId').equals(caseId).sortBy('importedAt');
      const sources = [];
      for (const record of records) sources.push(await statementOf(db, record));
      const audit = await db.auditEntries
        .where('[caseId+seq]')
        .between([caseId, -Infinity], [caseId, Infinity])
        .toArray();
      const decisions = (await db.entityDecisions.where('caseId').equals(caseId).toArray())
        .map(({ caseId: _caseId, ...decision }) => decision)
        .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
      return decisions.length > 0
        ? { case: kase, sources, audit, decisions }
        : { case: kase, sources, audit };
    },
  );
}

/**
 * Writes a case read from a case file into this laptop's store, all or nothing, then records in
 * the case's own audit chain that it arrived here.
 */
export async function importCaseData(
  db: CaseStore,
  data: CaseData,
  actor: string,
  fileName: string,
  now: number,
): Promise<string> {
  const caseId = data.case.id;
  // Checked before the transaction for a clear error, and again inside it against a race.
  const present = await db.cases.get(caseId);
  if (present) throw new CaseExistsError(present.title);
  await db.transaction(
    'rw',
    [db.cases, db.sources, db.transactionBlocks, db.mentionBlocks, db.auditEntries, db.entityDecisions],
    async () => {
      const existing = await db.cases.get(caseId);
      if (existing) throw new CaseExistsError(existing.title);
      await db.cases.add(data.case);
      for (const statement of data.sources) {
        const prepared = prepareForStore(statement);
        const sha256 = prepared.details.sha256;
        await db.sources.add({ ...prepared.details, caseId });
        await db.transactionBlocks.bulkAdd(
          prepared.blocks.map((block, i) => ({ caseId, sha256, block: i, data: block })),
        );
        await db.mentionBlocks.bulkAdd(
          prepared.mentionBlocks.map((data, i) => ({ caseId, sha256, block: i, data })),
        );
      }
      await db.auditEntries.bulkAdd(data.audit);
      await db.entityDecisions.bulkAdd((data.decisions ?? []).map((decision) => ({ ...decision, caseId })));
      await appendAudit(db, {
        caseId,
        actor,
        action: 'case.imported',
        details: { file: fileName, sources: data.sources.length },
        at: now,
      });
    },
  );
  return caseId;
}
