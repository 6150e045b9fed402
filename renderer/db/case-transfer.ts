import { caseDataOf, type CaseData } from '../../shared/casefile/types';
import type { StatementImport } from '../../shared/model/statement';
import { prepareForStore } from '../../shared/store/prepare';
import { decodeTransactionBlock, type TransactionBlock } from '../../shared/store/transaction-block';
import { decodeMentionBlock } from '../../shared/store/mention-block';
import { appendAudit } from './audit';
import { caseKeysOf, heldCaseKeys } from './case-keys';
import type { NewCaseLock } from './cases';
import type { CaseRecord, SourceRecord } from './records';
import type { CaseStore } from './schema';
import {
  fileKeyOf,
  openAudit,
  openCase,
  openCaseSetting,
  openEntityDecision,
  openFreezeRequest,
  openGraphView,
  openMentionBlock,
  openSource,
  openTransactionBlock,
  sealAudit,
  sealCase,
  sealCaseSetting,
  sealEntityDecision,
  sealFreezeRequest,
  sealGraphView,
} from './sealed';
import { sealImport } from './sources';

/** The message is only the title: the UI says, in the investigator's language, what happened. */
export class CaseExistsError extends Error {
  constructor(
    readonly title: string,
    /** The case here is encrypted and locked: its title cannot be shown. */
    readonly locked = false,
  ) {
    super(`«${title}»`);
    this.name = 'CaseExistsError';
  }
}

/** By name as well as class: an error that crossed a Dexie promise may not keep its prototype. */
export function isCaseExists(error: unknown): error is CaseExistsError {
  return error instanceof CaseExistsError || (error instanceof Error && error.name === 'CaseExistsError');
}

/** A stored source back in the shape it had when it was imported. */
function statementOf(
  record: SourceRecord,
  blocks: TransactionBlock[],
  mentions: StatementImport['mentions'],
): StatementImport {
  return {
    source: {
      sha256: record.sha256,
      name: record.name,
      size: record.size,
      format: record.format,
      ...(record.encoding !== undefined ? { encoding: record.encoding } : {}),
      importedAt: record.importedAt,
      importerVersion: record.importerVersion,
    },
    accounts: record.accounts,
    transactions: blocks.flatMap((block) => decodeTransactionBlock(block)),
    rejected: record.rejected,
    mentions,
    invalid: record.invalid,
    checks: record.checks,
    mappings: record.mappings,
    rows: record.rows,
    warnings: record.warnings,
  };
}

/** The tables a case file carries: what an export reads and an import writes, in one place. */
function caseFileTables(db: CaseStore) {
  return [
    db.cases,
    db.sources,
    db.transactionBlocks,
    db.mentionBlocks,
    db.auditEntries,
    db.entityDecisions,
    db.freezeRequests,
    db.caseSettings,
    db.graphViews,
  ];
}

/**
 * Everything of one case. The records are read in one transaction, so the export is a consistent
 * snapshot, and decrypted after it (a transaction cannot wait on WebCrypto for a whole case).
 */
export async function exportCaseData(db: CaseStore, caseId: string): Promise<CaseData> {
  const keys = await caseKeysOf(db, caseId);
  const raw = await db.transaction('r', caseFileTables(db), async () => {
    const kase = await db.cases.get(caseId);
    if (!kase) throw new Error(`case ${caseId} does not exist`);
    return {
      kase,
      sources: await db.sources.where('caseId').equals(caseId).toArray(),
      blocks: await db.transactionBlocks.where('caseId').equals(caseId).toArray(),
      mentionBlocks: await db.mentionBlocks.where('caseId').equals(caseId).toArray(),
      audit: await db.auditEntries
        .where('[caseId+seq]')
        .between([caseId, -Infinity], [caseId, Infinity])
        .toArray(),
      decisions: await db.entityDecisions.where('caseId').equals(caseId).toArray(),
      freezeRequests: await db.freezeRequests.where('caseId').equals(caseId).toArray(),
      settings: await db.caseSettings.where('caseId').equals(caseId).toArray(),
      views: await db.graphViews.where('caseId').equals(caseId).toArray(),
    };
  });
  const [kase, records, blocks, mentionBlocks, audit, decided, freezes, settings, views] = await Promise.all([
    openCase(keys, raw.kase),
    Promise.all(raw.sources.map((record) => openSource(keys, record))),
    Promise.all(
      raw.blocks.map(async (record) => ({
        fileKey: record.sha256,
        block: record.block,
        data: await openTransactionBlock(keys, record),
      })),
    ),
    Promise.all(
      raw.mentionBlocks.map(async (record) => ({
        block: record.block,
        ...(await openMentionBlock(keys, record)),
      })),
    ),
    Promise.all(raw.audit.map((record) => openAudit(keys, record))),
    Promise.all(raw.decisions.map((record) => openEntityDecision(keys, record))),
    Promise.all(raw.freezeRequests.map((record) => openFreezeRequest(keys, record))),
    Promise.all(raw.settings.map((record) => openCaseSetting(keys, record))),
    Promise.all(raw.views.map((record) => openGraphView(keys, record))),
  ]);
  // The stored records (sealed bytes) are not needed any more: let a big case's go before decoding.
  raw.blocks.length = 0;
  raw.mentionBlocks.length = 0;
  // Blocks are keyed by the stored file key; mention blocks carry their file's SHA-256.
  const byBlock = (a: { block: number }, b: { block: number }) => a.block - b.block;
  const sources: StatementImport[] = [];
  for (const record of records.sort((a, b) => a.importedAt - b.importedAt)) {
    const fileKey = await fileKeyOf(keys, record.sha256);
    const own = blocks.filter((block) => block.fileKey === fileKey).sort(byBlock);
    const mentions = mentionBlocks.filter((block) => block.sha256 === record.sha256).sort(byBlock);
    sources.push(
      statementOf(
        record,
        own.map((block) => block.data),
        mentions.flatMap((block) => decodeMentionBlock(block.data)),
      ),
    );
  }
  const decisions = decided.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  // Stored order says nothing in an encrypted case: the file lists them in a stable order.
  const freezeRequests = freezes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  settings.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const graphViews = views.sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return caseDataOf({ case: kase, sources, audit }, { decisions, freezeRequests, settings, graphViews });
}

/**
 * Writes a case read from a case file into this laptop's store, all or nothing, then records in
 * the case's own audit chain that it arrived here. With `lock` the case is stored encrypted
 * under the keys the investigator just chose for it; everything is sealed before the transaction.
 */
export async function importCaseData(
  db: CaseStore,
  data: CaseData,
  actor: string,
  fileName: string,
  now: number,
  lock: NewCaseLock | null = null,
): Promise<string> {
  const caseId = data.case.id;
  const keys = lock?.keys ?? null;
  // Checked before the transaction for a clear error, and again inside it against a race.
  const present = await db.cases.get(caseId);
  if (present) throw await existsError(db, present);
  const caseRecord = await sealCase(data.case, lock);
  const imports: Awaited<ReturnType<typeof sealImport>>[] = [];
  for (const statement of data.sources)
    imports.push(await sealImport(keys, caseId, prepareForStore(statement)));
  const audit = await Promise.all(data.audit.map((entry) => sealAudit(keys, entry)));
  const decisions = await Promise.all(
    (data.decisions ?? []).map((decision) => sealEntityDecision(keys, caseId, decision)),
  );
  const freezeRequests = await Promise.all(
    (data.freezeRequests ?? []).map((request) => sealFreezeRequest(keys, caseId, request)),
  );
  const settings = await Promise.all(
    (data.settings ?? []).map((setting) => sealCaseSetting(keys, caseId, setting)),
  );
  const graphViews = await Promise.all(
    (data.graphViews ?? []).map((view) => sealGraphView(keys, caseId, view)),
  );
  await db.transaction('rw', caseFileTables(db), async () => {
    const existing = await db.cases.get(caseId);
    if (existing) throw await existsError(db, existing);
    await db.cases.add(caseRecord);
    for (const stored of imports) {
      await db.sources.add(stored.source);
      await db.transactionBlocks.bulkAdd(stored.blocks);
      await db.mentionBlocks.bulkAdd(stored.mentionBlocks);
    }
    await db.auditEntries.bulkAdd(audit);
    await db.entityDecisions.bulkAdd(decisions);
    await db.freezeRequests.bulkAdd(freezeRequests);
    await db.caseSettings.bulkAdd(settings);
    await db.graphViews.bulkAdd(graphViews);
    await appendAudit(
      db,
      {
        caseId,
        actor,
        action: 'case.imported',
        details: { file: fileName, sources: data.sources.length },
        at: now,
      },
      keys,
    );
  });
  return caseId;
}

async function existsError(db: CaseStore, record: CaseRecord): Promise<CaseExistsError> {
  if (!record.encrypted) return new CaseExistsError(record.title);
  const keys = heldCaseKeys(db, record.id);
  return keys ? new CaseExistsError((await openCase(keys, record)).title) : new CaseExistsError('', true);
}
