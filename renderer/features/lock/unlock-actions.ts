import type { TFunction } from 'i18next';
import { createCaseKeys } from '../../../shared/crypto';
import { caseStore } from '../../db';
import { changePassphrase, encryptCase, unlockCase, unlockCaseWithSecret } from '../../db/case-lock';
import { isCryptoError } from '../../db/case-keys';
import type { NewCaseLock } from '../../db/cases';
import { caseLocks } from './case-locks';
import { forgetCaseKey, rememberCaseKey, storedCaseKey } from './keychain';

/**
 * What the lock screens do, as plain functions: each ends with the case's keys held by its
 * session (caseLocks) or with an error the screen translates. The KDF runs here (PBKDF2 with
 * 600,000 iterations: about a tenth of a second to a quarter in Chromium).
 */

/** Strength is the UI's call (docs/encryption.md): long enough to be a phrase, not a PIN. */
export const MIN_PASSPHRASE_LENGTH = 12;

export type PassphraseProblem = 'short' | 'mismatch';

export function passphraseProblem(passphrase: string, confirm: string): PassphraseProblem | null {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return 'short';
  if (passphrase.normalize('NFC') !== confirm.normalize('NFC')) return 'mismatch';
  return null;
}

/** Fresh keys for a new case (or a case arriving from a file) under `passphrase`. */
export async function newCaseLock(passphrase: string): Promise<NewCaseLock> {
  const { keys, wrapped } = await createCaseKeys(passphrase);
  return { keys, wrappedKey: wrapped };
}

/**
 * The case's keys go to its session; with `remember` the DEK also goes to the OS keychain. A
 * keychain failure does not stop the case from opening: it is returned for the screen to show.
 */
export async function holdUnlocked(
  caseId: string,
  keys: NewCaseLock['keys'],
  remember: boolean,
): Promise<string | null> {
  let problem: string | null = null;
  if (remember) {
    try {
      await rememberCaseKey(caseId, keys);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  caseLocks.hold(caseId, keys);
  return problem;
}

export async function unlockWithPassphrase(caseId: string, passphrase: string, remember: boolean) {
  const keys = await unlockCase(caseStore, caseId, passphrase);
  return holdUnlocked(caseId, keys, remember);
}

/** 'none' when this computer's keychain holds no key for the case. */
export async function unlockWithKeychain(caseId: string): Promise<'opened' | 'none'> {
  const secret = await storedCaseKey(caseId);
  if (!secret) return 'none';
  caseLocks.hold(caseId, await unlockCaseWithSecret(caseStore, caseId, secret));
  return 'opened';
}

export { forgetCaseKey };

/** "Set a passphrase" on a case stored without encryption: re-encrypted in one transaction. */
export async function encryptWithPassphrase(
  caseId: string,
  passphrase: string,
  actor: string,
  remember: boolean,
) {
  const keys = await encryptCase(caseStore, caseId, passphrase, actor);
  return holdUnlocked(caseId, keys, remember);
}

/** The investigator's words for why an unlock failed. */
/** "Change passphrase": the current phrase must open the case; the data key stays the same. */
export async function changeCasePassphrase(caseId: string, current: string, next: string, actor: string) {
  await changePassphrase(caseStore, caseId, current, next, actor);
}

export function unlockErrorMessage(error: unknown, t: TFunction): string {
  if (isCryptoError(error, 'wrong-passphrase')) return t('lock.wrong');
  if (isCryptoError(error, 'tampered')) return t('lock.tampered');
  if (isCryptoError(error, 'key-mismatch')) return t('lock.keychainMismatch');
  return t('lock.unlockFailed', { message: error instanceof Error ? error.message : String(error) });
}
