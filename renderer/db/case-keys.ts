import Dexie from 'dexie';
import { CaseLockedError, keysFromPortable, type CaseKeys, type PortableCaseKeys } from '../../shared/crypto';
import type { CaseStore } from './schema';

/**
 * Which cases this store connection may read and write in the clear. The repositories ask here
 * for a case's keys on every call: `null` means an unencrypted case, a locked encrypted case
 * throws CaseLockedError. Keys are never stored, only held in memory for the open connection;
 * the page's key sessions provide them (and withdraw them on lock), a worker is handed them in its
 * request. Kept beside the connection rather than passed to every repository call, so code that
 * only appends an audit entry does not need to know about encryption.
 */
export type KeySource = () => CaseKeys;

const rings = new WeakMap<object, Map<string, KeySource>>();

function ringOf(db: CaseStore): Map<string, KeySource> {
  let ring = rings.get(db);
  if (!ring) rings.set(db, (ring = new Map()));
  return ring;
}

/** `source` is asked on every use, so a session that locked itself is noticed at once. */
export function provideCaseKeys(db: CaseStore, caseId: string, source: KeySource): void {
  ringOf(db).set(caseId, source);
}

export function forgetCaseKeys(db: CaseStore, caseId: string): void {
  ringOf(db).delete(caseId);
}

/** The keys of an unlocked case, without touching the store; undefined when not unlocked here. */
export function heldCaseKeys(db: CaseStore, caseId: string): CaseKeys | undefined {
  const source = ringOf(db).get(caseId);
  if (!source) return undefined;
  try {
    return source();
  } catch (error) {
    if (error instanceof CaseLockedError) return undefined;
    throw error;
  }
}

/**
 * The keys to read or write `caseId` with: its CaseKeys when unlocked, null when the case is not
 * encrypted, CaseLockedError when it is encrypted and locked. An unknown case counts as
 * unencrypted (there is nothing to protect yet; creating a case supplies its keys explicitly).
 *
 * Built of Dexie promises only: a live query awaiting it keeps observing the reads that follow,
 * a transaction awaiting it keeps its context.
 */
export function caseKeysOf(db: CaseStore, caseId: string): Promise<CaseKeys | null> {
  const source = ringOf(db).get(caseId);
  if (source) {
    try {
      return Dexie.Promise.resolve(source());
    } catch (error) {
      return Dexie.Promise.reject(error);
    }
  }
  // Inside a transaction that does not cover `cases` (e.g. an audit append), read beside it and
  // keep the transaction alive meanwhile. One that covers `cases` must read inside it: a separate
  // read would wait for the transaction, which would wait for the read.
  const tx = Dexie.currentTransaction;
  const read = () => db.cases.get(caseId);
  const record =
    tx && !tx.storeNames.includes('cases') ? Dexie.waitFor(Dexie.ignoreTransaction(read)) : read();
  return record.then((found) => {
    if (found?.encrypted) throw new CaseLockedError();
    return null;
  });
}

/**
 * For a worker: opens the keys it was handed for `caseId` on its own connection, after checking
 * they are that case's keys (a worker must never write one case's records under another's key).
 */
export async function adoptPortableKeys(
  db: CaseStore,
  caseId: string,
  portable: PortableCaseKeys | null | undefined,
): Promise<void> {
  if (!portable) return; // unencrypted, or the page had no keys: caseKeysOf decides from the record
  const keys = keysFromPortable(portable);
  const record = await db.cases.get(caseId);
  if (!record?.encrypted || record.wrappedKey.keyId !== keys.keyId)
    throw new Error(`the keys handed to this worker are not those of case ${caseId}`);
  provideCaseKeys(db, caseId, () => keys);
}

/**
 * By code as well as class: an error that crossed a Dexie promise or a worker boundary may not
 * keep its prototype. Codes are those of shared/crypto/errors.ts.
 */
export function isCryptoError(
  error: unknown,
  code: 'wrong-passphrase' | 'tampered' | 'locked' | 'key-mismatch',
): error is Error & { code: string } {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
