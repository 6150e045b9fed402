import type { ImportedTransaction } from '../../shared/model/statement';
import type { PreparedImport } from '../../shared/store/prepare';
import { TRANSACTION_BLOCK_SIZE, transactionAt } from '../../shared/store/transaction-block';
import { appendAudit } from './audit';
import type { ImportProfileRecord, SourceRecord } from './records';
import type { CaseStore } from './schema';

/** Blocks written per step of a save: 10 blocks = 100,000 rows. */
const SAVE_SLICE = 10;

export class AlreadyImportedError extends Error {
  constructor(
    readonly fileName: string,
    readonly existingName: string,
  ) {
    super(`${fileName} is already in this case (same SHA-256 as ${existingName}); nothing was added`);
    this.name = 'AlreadyImportedError';
  }
}

/**
 * Sources (imported files) and their rows. An import is written in one IndexedDB transaction
 * — source, column blocks, mention blocks, audit entry, case timestamp — so a crash, a full disk
 * or a cancelled import leaves the case exactly as it was.
 */
export function sourceRepository(db: CaseStore, now: () => number = Date.now) {
  return {
    listSources(caseId: string): Promise<SourceRecord[]> {
      return db.sources.where('caseId').equals(caseId).sortBy('importedAt');
    },

    getSource(caseId: string, sha256: string): Promise<SourceRecord | undefined> {
      return db.sources.get([caseId, sha256]);
    },

    async saveImport(
      caseId: string,
      actor: string,
      prepared: PreparedImport,
      onProgress?: (savedRows: number, totalRows: number) => void,
    ): Promise<SourceRecord> {
      const record: SourceRecord = { ...prepared.details, caseId };
      const { sha256 } = record;
      await db.transaction(
        'rw',
        [db.cases, db.sources, db.transactionBlocks, db.mentionBlocks, db.auditEntries],
        async () => {
          const existing = await db.sources.get([caseId, sha256]);
          if (existing) throw new AlreadyImportedError(record.name, existing.name);
          await db.sources.add(record);
          // In slices inside the one transaction, so the progress bar keeps moving on big files.
          let saved = 0;
          for (let first = 0; first < prepared.blocks.length; first += SAVE_SLICE) {
            const slice = prepared.blocks.slice(first, first + SAVE_SLICE);
            await db.transactionBlocks.bulkAdd(
              slice.map((data, i) => ({ caseId, sha256, block: first + i, data })),
            );
            saved += slice.reduce((sum, data) => sum + data.count, 0);
            onProgress?.(saved, record.transactionCount);
          }
          await db.mentionBlocks.bulkAdd(
            prepared.mentionBlocks.map((data, block) => ({ caseId, sha256, block, data })),
          );
          await appendAudit(db, {
            caseId,
            actor,
            action: 'source.imported',
            at: now(),
            details: {
              file: record.name,
              sha256,
              size: record.size,
              format: record.format,
              transactions: record.transactionCount,
              rejected: record.rejected.length,
              importerVersion: record.importerVersion,
            },
          });
          await db.cases.update(caseId, { updatedAt: now() });
        },
      );
      return record;
    },

    /** A page of a source's transactions in file order, for the source view. */
    async transactionsPage(caseId: string, sha256: string, offset: number, limit: number) {
      const first = Math.floor(offset / TRANSACTION_BLOCK_SIZE);
      const last = Math.floor((offset + limit - 1) / TRANSACTION_BLOCK_SIZE);
      const records = await db.transactionBlocks
        .where('[caseId+sha256+block]')
        .between([caseId, sha256, first], [caseId, sha256, last], true, true)
        .toArray();
      const rows: ImportedTransaction[] = [];
      for (const { block, data } of records) {
        const base = block * TRANSACTION_BLOCK_SIZE;
        const from = Math.max(0, offset - base);
        const to = Math.min(data.count, offset + limit - base);
        for (let i = from; i < to; i++) rows.push(transactionAt(data, i));
      }
      return rows;
    },

    /** Position of a source row among the file's transactions, or -1 when the row is not one. */
    async transactionIndexOf(caseId: string, sha256: string, sheet: string, row: number): Promise<number> {
      const records = await db.transactionBlocks
        .where('[caseId+sha256+block]')
        .between([caseId, sha256, 0], [caseId, sha256, Infinity])
        .toArray();
      for (const { block, data } of records) {
        const sheetIndex = data.dictionary.indexOf(sheet);
        if (sheetIndex < 0) continue;
        for (let i = 0; i < data.count; i++) {
          if (data.row[i] === row && data.sheet[i] === sheetIndex) return block * TRANSACTION_BLOCK_SIZE + i;
        }
      }
      return -1;
    },

    findProfile(signature: string): Promise<ImportProfileRecord | undefined> {
      return db.importProfiles.get(signature);
    },

    async saveProfile(profile: Omit<ImportProfileRecord, 'savedAt'>): Promise<void> {
      await db.importProfiles.put({ ...profile, savedAt: now() });
    },
  };
}

export type SourceRepository = ReturnType<typeof sourceRepository>;
