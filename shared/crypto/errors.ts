/**
 * Errors the UI and the store must tell apart: a wrong passphrase is an everyday typo, tampering
 * is evidence that the stored case was altered or damaged, and a locked case just needs unlocking.
 * Each carries a stable `code` so the UI can translate it without parsing messages.
 */

export class WrongPassphraseError extends Error {
  readonly code = 'wrong-passphrase';
  constructor() {
    super('The passphrase is not correct for this case. Nothing was opened or changed.');
    this.name = 'WrongPassphraseError';
  }
}

/** Why authenticated data was refused. */
export type TamperReason = 'authentication' | 'format' | 'version';

export class TamperedRecordError extends Error {
  readonly code = 'tampered';
  constructor(
    /** What failed: an AAD (table and key of a record) or 'wrapped-key'. */
    readonly subject: string,
    readonly reason: TamperReason,
  ) {
    super(
      reason === 'authentication'
        ? `Encrypted data for ${subject} failed its integrity check: it was altered, damaged or moved from another record`
        : reason === 'version'
          ? `Encrypted data for ${subject} has an unknown format version (damaged, or written by a newer MoneyTrail)`
          : `Encrypted data for ${subject} is malformed`,
    );
    this.name = 'TamperedRecordError';
  }
}

export class CaseLockedError extends Error {
  readonly code = 'locked';
  constructor() {
    super('The case is locked. Unlock it with the passphrase to continue.');
    this.name = 'CaseLockedError';
  }
}

/** A keychain secret that does not belong to this case (e.g. the case was re-created). */
export class KeyMismatchError extends Error {
  readonly code = 'key-mismatch';
  constructor() {
    super('The key stored in the keychain does not belong to this case; unlock with the passphrase');
    this.name = 'KeyMismatchError';
  }
}
