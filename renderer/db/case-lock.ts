import Dexie, { type Table } from 'dexie';
import {
  createCaseKeys,
  kdfNeedsUpgrade,
  rewrapCaseKeys,
  unlockCaseKeys,
  unlockCaseKeysWithKeychainSecret,
  type CaseKeys,
  type KeyOptions,
} from '../../shared/crypto';
import { decodeTransactionBlock, encodeTransactionBlock } from '../../shared/store/transaction-block';
import { appendAudit } from './audit';
import type { CaseStore } from './schema';
import {
  fileKeyOf,
  openAudit,
  openCase,
  openDuplicateDecision,
  openEntityDecision,
  openCaseSetting,
  openFreezeRequest,
  openGraphView,
  openMentionBlock,
  openSource,
  sealAudit,
  sealCase,
  sealDuplicateDecision,
  sealEntityDecision,
  sealCaseSetting,
  sealFreezeRequest,
  sealGraphView,
  sealMentionBlock,
  sealSource,
  sealTransactionBlock,
} from './sealed';
import { decisionKey } from '../../shared/dedupe';
import type { EncryptedCaseRecord } from './records';

/** The case is not (or no longer) encrypted, or does not exist: nothing to unlock. */
export class NotEncryptedError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} is not encrypted`);
    this.name = 'NotEncryptedError';
  }
}

async function encryptedRecord(db: CaseStore, caseId: string): Promise<EncryptedCaseRecord> {
  const record = await db.cases.get(caseId);
  if (!record?.encrypted) throw new NotEncryptedError(caseId);
  return record;
}

/**
 * Passphrase → the case's keys. A wrong passphrase fails on the key check value before anything
 * is decrypted, and nothing is written: WrongPassphraseError. The case's own record is then
 * decrypted as a check that the keys are this case's. Only after a successful unlock, and only
 * when the stored KDF cost is below today's default, the wrapped key is replaced (same DEK).
 */
export async function unlockCase(
  db: CaseStore,
  caseId: string,
  passphrase: string,
  options: { upgradeKdf?: boolean } = {},
): Promise<CaseKeys> {
  const record = await encryptedRecord(db, caseId);
  const keys = await unlockCaseKeys(passphrase, record.wrappedKey);
  try {
    await openCase(keys, record);
    if (options.upgradeKdf !== false && kdfNeedsUpgrade(record.wrappedKey.kdf)) {
      const wrappedKey = await rewrapCaseKeys(keys, passphrase);
      await db.cases.update(caseId, (stored) => {
        if (stored.encrypted) stored.wrappedKey = wrappedKey;
      });
    }
    return keys;
  } catch (error) {
    keys.dispose();
    throw error;
  }
}

/**
 * A new passphrase for an encrypted case: the current one must open it (WrongPassphraseError
 * otherwise, nothing written), then the same data key is wrapped under the new passphrase and
 * stored with an audit entry, in one transaction. The data key is not rotated — records stay as
 * they are, and a copy in the OS keychain keeps working; a compromised key needs a new case file.
 */
export async function changePassphrase(
  db: CaseStore,
  caseId: string,
  current: string,
  next: string,
  actor: string,
  options: KeyOptions & { now?: () => number } = {},
): Promise<void> {
  const now = options.now ?? Date.now;
  const record = await encryptedRecord(db, caseId);
  const keys = await unlockCaseKeys(current, record.wrappedKey);
  try {
    await openCase(keys, record);
    const wrappedKey = await rewrapCaseKeys(keys, next, options);
    await db.transaction('rw', db.cases, db.auditEntries, async () => {
      const stored = await db.cases.get(caseId);
      if (!stored?.encrypted || stored.wrappedKey.keyId !== record.wrappedKey.keyId)
        throw new Error(`case ${caseId} changed while its passphrase was being changed`);
      await db.cases.update(caseId, (r) => {
        if (r.encrypted) r.wrappedKey = wrappedKey;
      });
      await appendAudit(
        db,
        {
          caseId,
          actor,
          action: 'case.passphrase-changed',
          details: { kdf: wrappedKey.kdf.algorithm, iterations: wrappedKey.kdf.iterations },
          at: now(),
        },
        keys,
      );
    });
  } finally {
    keys.dispose();
  }
}

/** The OS keychain's copy of the DEK → the case's keys (KeyMismatchError for another case's key). */
export async function unlockCaseWithSecret(db: CaseStore, caseId: string, secret: string): Promise<CaseKeys> {
  const record = await encryptedRecord(db, caseId);
  const keys = await unlockCaseKeysWithKeychainSecret(secret, record.wrappedKey);
  try {
    await openCase(keys, record);
    return keys;
  } catch (error) {
    keys.dispose();
    throw error;
  }
}

/**
 * "Set a passphrase" for a case stored unencrypted (every case written before v6): a new DEK,
 * every record of the case re-written sealed, and an audit entry saying so — in one transaction,
 * so a crash leaves the case fully unencrypted or fully encrypted. Keys of records change (file
 * hashes and pair keys become index keys), so old records are deleted and new ones added.
 */
export async function encryptCase(
  db: CaseStore,
  caseId: string,
  passphrase: string,
  actor: string,
  options: KeyOptions & { now?: () => number } = {},
): Promise<CaseKeys> {
  const now = options.now ?? Date.now;
  const { keys, wrapped } = await createCaseKeys(passphrase, options);
  const tables = [
    db.cases,
    db.auditEntries,
    db.sources,
    db.transactionBlocks,
    db.mentionBlocks,
    db.entityDecisions,
    db.duplicateDecisions,
    db.graphViews,
    db.freezeRequests,
    db.caseSettings,
  ];
  try {
    await db.transaction('rw', tables, async () => {
      const record = await db.cases.get(caseId);
      if (!record) throw new Error(`case ${caseId} does not exist`);
      if (record.encrypted) throw new Error(`case ${caseId} is already encrypted`);
      const byCase = <T, K>(table: Table<T, K>) => table.where('caseId').equals(caseId);
      const [audit, sources, blocks, mentionBlocks, decisions, duplicates, views, freezes, settings] =
        await Promise.all([
          byCase(db.auditEntries).toArray(),
          byCase(db.sources).toArray(),
          byCase(db.transactionBlocks).toArray(),
          byCase(db.mentionBlocks).toArray(),
          byCase(db.entityDecisions).toArray(),
          byCase(db.duplicateDecisions).toArray(),
          byCase(db.graphViews).toArray(),
          byCase(db.freezeRequests).toArray(),
          byCase(db.caseSettings).toArray(),
        ]);
      // One wait for all the sealing, run outside the transaction's zone (Dexie serialises waits
      // within a transaction, so a wait inside this one would never end); kept alive meanwhile.
      const sealAll = async () => {
        const fileKeys = new Map<string, string>();
        for (const source of sources) fileKeys.set(source.sha256, await fileKeyOf(keys, source.sha256));
        const fileKey = (sha256: string) => fileKeys.get(sha256) ?? fileKeyOf(keys, sha256);
        return {
          kase: await sealCase(
            { ...(await openCase(null, record)), updatedAt: now() },
            { keys, wrappedKey: wrapped },
          ),
          audit: await Promise.all(audit.map(async (entry) => sealAudit(keys, await openAudit(null, entry)))),
          sources: await Promise.all(
            sources.map(async (source) => sealSource(keys, caseId, await openSource(null, source))),
          ),
          // Re-encoded through rows, so blocks written before a column existed come out whole.
          blocks: await Promise.all(
            blocks.map(async (block) =>
              'data' in block
                ? sealTransactionBlock(
                    keys,
                    caseId,
                    await fileKey(block.sha256),
                    block.block,
                    encodeTransactionBlock(decodeTransactionBlock(block.data)),
                  )
                : Promise.reject(new Error('a sealed block in an unencrypted case')),
            ),
          ),
          mentionBlocks: await Promise.all(
            mentionBlocks.map(async (block) => {
              const { sha256, data } = await openMentionBlock(null, block);
              return sealMentionBlock(keys, caseId, sha256, block.block, data);
            }),
          ),
          decisions: await Promise.all(
            decisions.map(async (decision) =>
              sealEntityDecision(keys, caseId, await openEntityDecision(null, decision)),
            ),
          ),
          duplicates: await Promise.all(
            duplicates.map(async (stored) => {
              const decision = await openDuplicateDecision(null, stored);
              return sealDuplicateDecision(
                keys,
                caseId,
                decisionKey(decision.kind, decision.a, decision.b),
                decision,
              );
            }),
          ),
          views: await Promise.all(
            views.map(async (view) => sealGraphView(keys, caseId, await openGraphView(null, view))),
          ),
          freezes: await Promise.all(
            freezes.map(async (r) => sealFreezeRequest(keys, caseId, await openFreezeRequest(null, r))),
          ),
          settings: await Promise.all(
            settings.map(async (r) => sealCaseSetting(keys, caseId, await openCaseSetting(null, r))),
          ),
        };
      };
      const sealed = await Dexie.waitFor(Dexie.ignoreTransaction(sealAll), 10 * 60_000);
      await Promise.all([
        byCase(db.sources).delete(),
        byCase(db.transactionBlocks).delete(),
        byCase(db.mentionBlocks).delete(),
        byCase(db.entityDecisions).delete(),
        byCase(db.duplicateDecisions).delete(),
        byCase(db.graphViews).delete(),
        byCase(db.freezeRequests).delete(),
        byCase(db.caseSettings).delete(),
      ]);
      await db.cases.put(sealed.kase);
      await db.auditEntries.bulkPut(sealed.audit);
      await db.sources.bulkAdd(sealed.sources);
      await db.transactionBlocks.bulkAdd(sealed.blocks);
      await db.mentionBlocks.bulkAdd(sealed.mentionBlocks);
      await db.entityDecisions.bulkAdd(sealed.decisions);
      await db.duplicateDecisions.bulkAdd(sealed.duplicates);
      await db.graphViews.bulkAdd(sealed.views);
      await db.freezeRequests.bulkAdd(sealed.freezes);
      await db.caseSettings.bulkAdd(sealed.settings);
      await appendAudit(
        db,
        {
          caseId,
          actor,
          action: 'case.encrypted',
          details: { kdf: wrapped.kdf.algorithm, iterations: wrapped.kdf.iterations },
          at: now(),
        },
        keys,
      );
    });
  } catch (error) {
    keys.dispose();
    throw error;
  }
  return keys;
}
