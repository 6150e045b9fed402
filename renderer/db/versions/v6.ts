import type { Transaction } from 'dexie';
import { storesV5 } from './v5';

/**
 * v6 (encryption at rest, docs/encryption.md): a case may now be encrypted under its
 * investigator's passphrase — its wrapped key on the case record, every other field of every
 * record of the case sealed, only keys in the clear. Tables and primary keys stay as v5 declared
 * them (IndexedDB cannot change a primary key in place, and keeping them keeps this upgrade
 * cheap on a store of millions of rows).
 *
 * - `auditEntries` loses its `at` index: an encrypted entry has no clear time, and the log is read
 *   in `seq` order anyway.
 * - Cases written before v6 stay readable as they are and are marked `encrypted: false`; the
 *   workspace offers "Set a passphrase", which re-encrypts the case in one transaction. Nothing is
 *   encrypted here: the upgrade has no passphrase to encrypt with.
 * - Saved column-mapping profiles lose `fileExample` and `sheetExample`: they are not case-bound
 *   (no case key can seal them, they must be readable before any case is unlocked) and held file
 *   names such as "Выписка Иванов.xlsx". Nothing read them.
 */
export const storesV6 = {
  ...storesV5,
  auditEntries: '[caseId+seq], caseId',
} as const;

export async function upgradeToV6(tx: Transaction): Promise<void> {
  await tx
    .table('cases')
    .toCollection()
    .modify((record: { encrypted?: boolean }) => {
      if (record.encrypted === undefined) record.encrypted = false;
    });
  await tx
    .table('importProfiles')
    .toCollection()
    .modify((record: { fileExample?: string; sheetExample?: string }) => {
      delete record.fileExample;
      delete record.sheetExample;
    });
}
