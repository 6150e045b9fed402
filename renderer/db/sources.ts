import Dexie from 'dexie';
import type { CaseKeys } from '../../shared/crypto';
import type { ImportedTransaction, InvalidMention } from '../../shared/model/statement';
import type { PreparedImport } from '../../shared/store/prepare';
import {
  decodeTransactionBlock,
  TRANSACTION_BLOCK_SIZE,
  transactionAt,
  type TransactionBlock,
} from '../../shared/store/transaction-block';
import { appendAudit } from './audit';
import { caseKeysOf } from './case-keys';
import type {
  ImportProfileRecord,
  MentionBlockRecord,
  SourceRecord,
  SourceSummary,
  StoredSourceRecord,
  TransactionBlockRecord,
} from './records';
import type { CaseStore } from './schema';
import {
  fileKeyOf,
  openInvalid,
  openSource,
  openSourceSummary,
  openTransactionBlock,
  sealMentionBlock,
  sourceItems,
  startSealingSource,
  sealTransactionBlock,
} from './sealed';

/** Blocks sealed, and written, at once: 4 transaction blocks = 40,000 rows, a progress step well under a second. */
const SAVE_SLICE = 4;

export class AlreadyImportedError extends Error {
  constructor(
    readonly fileName: string,
    readonly existingName: string,
  ) {
    super(`${fileName} is already in this case (same SHA-256 as ${existingName}); nothing was added`);
    this.name = 'AlreadyImportedError';
  }
}

/** What a save reports: 'encrypting' (and saving) into an encrypted case, 'saving' into a plain one. */
export type SaveStep = 'encrypting' | 'saving';

/** An import as stored: for an encrypted case, every record already sealed. */
interface StoredImport {
  fileKey: string;
  source: StoredSourceRecord;
  blocks: TransactionBlockRecord[];
  mentionBlocks: MentionBlockRecord[];
}

/** One step of sealing an import's blocks: a few blocks of one table, sealed when asked for. */
type SealedSlice =
  | { table: 'transactionBlocks'; rows: number; seal: () => Promise<TransactionBlockRecord[]> }
  | { table: 'mentionBlocks'; rows: number; seal: () => Promise<MentionBlockRecord[]> };

/** The import's transaction blocks, then its mention blocks, SAVE_SLICE at a time. */
function* sealedSlices(
  keys: CaseKeys | null,
  caseId: string,
  fileKey: string,
  prepared: PreparedImport,
): Generator<SealedSlice> {
  for (const slice of slicesOf(prepared.blocks, (data, index) =>
    sealTransactionBlock(keys, caseId, fileKey, index, data),
  ))
    yield { table: 'transactionBlocks', ...slice };
  const { sha256 } = prepared.details;
  for (const slice of slicesOf(prepared.mentionBlocks, (data, index) =>
    sealMentionBlock(keys, caseId, sha256, index, data),
  ))
    yield { table: 'mentionBlocks', ...slice };
}

/** `blocks` SAVE_SLICE at a time: each slice's rows, and a sealing of its blocks by their index. */
function* slicesOf<Block extends { count: number }, Sealed>(
  blocks: readonly Block[],
  sealOne: (data: Block, index: number) => Promise<Sealed>,
): Generator<{ rows: number; seal: () => Promise<Sealed[]> }> {
  for (let first = 0; first < blocks.length; first += SAVE_SLICE) {
    const slice = blocks.slice(first, first + SAVE_SLICE);
    yield {
      rows: slice.reduce((sum, data) => sum + data.count, 0),
      seal: () => Dexie.Promise.all(slice.map((data, i) => sealOne(data, first + i))),
    };
  }
}

/**
 * Seals a whole import before its transaction (a case file's sources, written together), a few
 * blocks at a time, reported.
 */
export async function sealImport(
  keys: CaseKeys | null,
  caseId: string,
  prepared: PreparedImport,
  onProgress?: (doneRows: number, totalRows: number) => void,
): Promise<StoredImport> {
  const fileKey = await fileKeyOf(keys, prepared.details.sha256);
  // Progress counts transactions and mentions: at a million rows the ~3M mentions take seconds too;
  // and the source record's long lists (300,000 invalid identifiers take seconds to write out).
  const listed = sourceItems(prepared.details);
  const total = prepared.details.transactionCount + prepared.details.mentionCount + listed;
  // The source record's lists first, reported as they are written; its encryption runs while the
  // blocks are sealed.
  const { sealed: source } = await startSealingSource(keys, caseId, prepared.details, async (items) => {
    if (keys) onProgress?.(items, total);
  });
  const blocks: TransactionBlockRecord[] = [];
  const mentionBlocks: MentionBlockRecord[] = [];
  let done = listed;
  for (const slice of sealedSlices(keys, caseId, fileKey, prepared)) {
    if (slice.table === 'transactionBlocks') blocks.push(...(await slice.seal()));
    else mentionBlocks.push(...(await slice.seal()));
    done += slice.rows;
    if (keys) onProgress?.(done, total);
  }
  return { fileKey, source: await source, blocks, mentionBlocks };
}

/**
 * Sources (imported files) and their rows. An import is written in one IndexedDB transaction
 * — source, column blocks, mention blocks, audit entry, case timestamp — so a crash, a full disk
 * or a cancelled import leaves the case exactly as it was.
 */
export function sourceRepository(db: CaseStore, now: () => number = Date.now) {
  /** A file's decoded blocks from `first` to `last` (inclusive), in order. */
  const blocksOf = async (caseId: string, sha256: string, first = 0, last = Infinity) => {
    const keys = await caseKeysOf(db, caseId);
    const fileKey = await fileKeyOf(keys, sha256);
    const records = await db.transactionBlocks
      .where('[caseId+sha256+block]')
      .between([caseId, fileKey, first], [caseId, fileKey, last], true, true)
      .toArray();
    const blocks = await Promise.all(records.map((record) => openTransactionBlock(keys, record)));
    return records.map((record, i) => ({ block: record.block, data: blocks[i] as TransactionBlock }));
  };

  return {
    /** The case's sources in import order, without their invalid identifiers (see SourceSummary). */
    async listSources(caseId: string): Promise<SourceSummary[]> {
      const keys = await caseKeysOf(db, caseId);
      const records = await db.sources.where('caseId').equals(caseId).toArray();
      const list = await Promise.all(records.map((record) => openSourceSummary(keys, record)));
      return list.sort((a, b) => a.importedAt - b.importedAt);
    },

    async getSource(caseId: string, sha256: string): Promise<SourceRecord | undefined> {
      const keys = await caseKeysOf(db, caseId);
      const record = await db.sources.get([caseId, await fileKeyOf(keys, sha256)]);
      return record && openSource(keys, record);
    },

    /** A source's invalid identifiers (empty when the case has no such source). */
    async invalidOf(caseId: string, sha256: string): Promise<InvalidMention[]> {
      const keys = await caseKeysOf(db, caseId);
      const record = await db.sources.get([caseId, await fileKeyOf(keys, sha256)]);
      return record ? openInvalid(keys, record) : [];
    },

    async saveImport(
      caseId: string,
      actor: string,
      prepared: PreparedImport,
      onProgress?: (savedRows: number, totalRows: number, step: SaveStep) => void,
    ): Promise<SourceRecord> {
      const record: SourceRecord = { ...prepared.details, caseId };
      const keys = await caseKeysOf(db, caseId);
      const fileKey = await fileKeyOf(keys, record.sha256);
      // The source record's long lists are written out first (300,000 invalid identifiers take
      // seconds), reported; its encryption runs on while the blocks are saved. Progress counts
      // those lists' items, then transactions and mentions (~3M at a million rows).
      const step: SaveStep = keys ? 'encrypting' : 'saving';
      const listed = keys ? sourceItems(prepared.details) : 0;
      const total = listed + record.transactionCount + record.mentionCount;
      onProgress?.(0, total, step);
      const { sealed: source } = await startSealingSource(keys, caseId, prepared.details, async (items) => {
        if (keys) onProgress?.(items, total, step);
      });
      await db.transaction(
        'rw',
        [db.cases, db.sources, db.transactionBlocks, db.mentionBlocks, db.auditEntries],
        async () => {
          const existing = await db.sources.get([caseId, fileKey]);
          if (existing) throw new AlreadyImportedError(record.name, (await openSource(keys, existing)).name);
          // Each slice of blocks is sealed while the slices before it are written: this thread
          // encodes and encrypts while IndexedDB writes outside it. All inside the one transaction,
          // so the import stays atomic. A slice is sealed outside the transaction's zone and waited
          // for as one: Dexie keeps a transaction alive through one wait at a time, and a slice's
          // own waits, overlapping, left it stalled for good in Chromium.
          let saved = listed;
          const writes: Promise<unknown>[] = [];
          for (const slice of sealedSlices(keys, caseId, fileKey, prepared)) {
            const written =
              slice.table === 'transactionBlocks'
                ? db.transactionBlocks.bulkAdd(await Dexie.waitFor(Dexie.ignoreTransaction(slice.seal)))
                : db.mentionBlocks.bulkAdd(await Dexie.waitFor(Dexie.ignoreTransaction(slice.seal)));
            const reported = written.then(() => {
              saved += slice.rows;
              onProgress?.(saved, total, step);
            });
            // Awaited below; should sealing fail first, the aborted transaction rejects these too.
            reported.catch(() => undefined);
            writes.push(reported);
          }
          await db.sources.add(await Dexie.waitFor(source));
          await Dexie.Promise.all(writes);
          await appendAudit(
            db,
            {
              caseId,
              actor,
              action: 'source.imported',
              at: now(),
              details: {
                file: record.name,
                sha256: record.sha256,
                size: record.size,
                format: record.format,
                transactions: record.transactionCount,
                rejected: record.rejected.length,
                importerVersion: record.importerVersion,
              },
            },
            keys,
          );
          await db.cases.update(caseId, { updatedAt: now() });
        },
      );
      return record;
    },

    /** A page of a source's transactions in file order, for the source view. */
    async transactionsPage(caseId: string, sha256: string, offset: number, limit: number) {
      const first = Math.floor(offset / TRANSACTION_BLOCK_SIZE);
      const last = Math.floor((offset + limit - 1) / TRANSACTION_BLOCK_SIZE);
      const rows: ImportedTransaction[] = [];
      for (const { block, data } of await blocksOf(caseId, sha256, first, last)) {
        const base = block * TRANSACTION_BLOCK_SIZE;
        const from = Math.max(0, offset - base);
        const to = Math.min(data.count, offset + limit - base);
        for (let i = from; i < to; i++) rows.push(transactionAt(data, i));
      }
      return rows;
    },

    /** Every transaction of a source, in file order. */
    async transactions(caseId: string, sha256: string): Promise<ImportedTransaction[]> {
      return (await blocksOf(caseId, sha256)).flatMap(({ data }) => decodeTransactionBlock(data));
    },

    /** Position of a source row among the file's transactions, or -1 when the row is not one. */
    async transactionIndexOf(caseId: string, sha256: string, sheet: string, row: number): Promise<number> {
      for (const { block, data } of await blocksOf(caseId, sha256)) {
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
      await db.importProfiles.put({
        signature: profile.signature,
        overrides: profile.overrides,
        savedAt: now(),
      });
    },
  };
}

export type SourceRepository = ReturnType<typeof sourceRepository>;
